//! Recall and precision of the projects plangap reads from the sentences of the sample reports'
//! boxes, against gold lists made by hand (`tests/data/prose_projects/*.txt`; their header says
//! how). Run with `cargo test --test prose_projects -- --nocapture` to see the figures and every
//! miss and every extra name.

use plangap::model::{Project, Report, Stage};
use std::collections::HashSet;
use std::path::Path;

/// Lowest recall and precision a sample may have.
const BAR: f64 = 0.95;

/// Lowest share of found projects whose stage is the one the verb gives.
const STAGE_BAR: f64 = 0.9;

/// One project of a gold list.
struct Gold {
    /// The spellings that count as finding it (the first is the name as written).
    spellings: Vec<String>,
    /// The stage the verb gives, `None` for `-`.
    stage: Option<Stage>,
    /// A name a reader may or may not list: not required, no error when found.
    optional: bool,
}

/// One box of a gold list.
struct GoldBox {
    caption: String,
    projects: Vec<Gold>,
}

/// Reads a gold list: `## caption` lines open boxes, `name | spelling<TAB>stage` lines follow.
fn read_gold(path: &Path) -> Vec<GoldBox> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut boxes: Vec<GoldBox> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with("# ") || line == "#" {
            continue;
        }
        if let Some(caption) = line.strip_prefix("## ") {
            boxes.push(GoldBox { caption: caption.trim().to_owned(), projects: Vec::new() });
            continue;
        }
        let (optional, line) = match line.strip_prefix("? ") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (names, stage) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{}:{}: no TAB before the stage", path.display(), number + 1));
        let stage = match stage.trim() {
            "new" => Some(Stage::New),
            "ongoing" => Some(Stage::Ongoing),
            "completed" => Some(Stage::Completed),
            "planned" => Some(Stage::Planned),
            "-" => None,
            other => panic!("{}:{}: unknown stage `{other}`", path.display(), number + 1),
        };
        let spellings = names.split(" | ").map(|name| name.trim().to_owned()).collect();
        let open = boxes
            .last_mut()
            .unwrap_or_else(|| panic!("{}:{}: a project before any `## ` box", path.display(), number + 1));
        open.projects.push(Gold { spellings, stage, optional });
    }
    boxes
}

/// What one sample scores.
#[derive(Default)]
struct Score {
    required: usize,
    found: usize,
    extracted: usize,
    correct: usize,
    stage_right: usize,
    misses: Vec<String>,
    extras: Vec<String>,
    stage_wrong: Vec<String>,
}

/// Scores the projects of `report` in the gold boxes against them.
fn score(report: &Report, boxes: &[GoldBox]) -> Score {
    let mut score = Score::default();
    for gold_box in boxes {
        let found: Vec<&Project> =
            report.projects.iter().filter(|project| project.table.starts_with(&gold_box.caption)).collect();
        let names: HashSet<&str> = found.iter().map(|project| &*project.name).collect();
        for gold in gold_box.projects.iter().filter(|gold| !gold.optional) {
            score.required += 1;
            let hit = found
                .iter()
                .find(|project| gold.spellings.iter().any(|spelling| **spelling == *project.name));
            match hit {
                Some(project) => {
                    score.found += 1;
                    if project.stage == gold.stage {
                        score.stage_right += 1;
                    } else {
                        score.stage_wrong.push(format!(
                            "{} {}: {:?}, the verb says {:?}",
                            gold_box.caption, project.name, project.stage, gold.stage
                        ));
                    }
                }
                None => score.misses.push(format!("{} {}", gold_box.caption, gold.spellings[0])),
            }
        }
        for name in names {
            score.extracted += 1;
            if gold_box.projects.iter().any(|gold| gold.spellings.iter().any(|s| s == name)) {
                score.correct += 1;
            } else {
                score.extras.push(format!("{} {name}", gold_box.caption));
            }
        }
    }
    score
}

/// A share, 1 when there is nothing to count.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

#[test]
fn prose_projects_match_the_hand_made_gold_lists() {
    let corpus = plangap::corpus::load_embedded().reports;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/prose_projects");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "gold lists in {}", dir.display());
    let mut failures = Vec::new();
    for path in files {
        let stem = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        let report = corpus
            .iter()
            .find(|report| report.file.ends_with(stem))
            .unwrap_or_else(|| panic!("no embedded report for {stem}"));
        let boxes = read_gold(&path);
        let score = score(report, &boxes);
        let recall = share(score.found, score.required);
        let precision = share(score.correct, score.extracted);
        let stages = share(score.stage_right, score.found);
        println!(
            "{stem}: {} boxes, recall {}/{} = {:.1}%, precision {}/{} = {:.1}%, stage {}/{} = {:.1}%",
            boxes.len(),
            score.found,
            score.required,
            recall * 100.0,
            score.correct,
            score.extracted,
            precision * 100.0,
            score.stage_right,
            score.found,
            stages * 100.0
        );
        for miss in &score.misses {
            println!("  missed: {miss}");
        }
        for extra in &score.extras {
            println!("  not a project of the gold list: {extra}");
        }
        for wrong in &score.stage_wrong {
            println!("  stage: {wrong}");
        }
        if recall < BAR || precision < BAR || stages < STAGE_BAR {
            failures.push(format!("{stem}: recall {recall:.3}, precision {precision:.3}, stage {stages:.3}"));
        }
    }
    assert!(
        failures.is_empty(),
        "below {BAR} (stages {STAGE_BAR}): {failures:?} (run with --nocapture for the misses)"
    );
}

#[test]
fn the_gold_reader_counts_misses_and_extras() {
    let dir = std::env::temp_dir().join(format!("plangap-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("gold.txt");
    std::fs::write(&path, "# header\n## 专栏1：\n甲水库\tnew\n乙工程 | 乙\t-\n? 丙中心\t-\n").expect("write");
    let boxes = read_gold(&path);
    let project = |name: &str| Project {
        name: name.into(),
        group: None,
        table: std::sync::Arc::new("专栏1：2023年项目".to_owned()),
        stage: Some(Stage::New),
        progress: None,
        line: 1,
        source: "".into(),
    };
    let report = Report {
        projects: vec![project("甲水库"), project("丙中心"), project("重点项目")],
        ..Report::default()
    };
    let score = score(&report, &boxes);
    assert_eq!((score.required, score.found, score.extracted, score.correct), (2, 1, 3, 2));
    assert_eq!(score.misses, ["专栏1： 乙工程"]);
    assert_eq!(score.extras, ["专栏1： 重点项目"]);
    std::fs::remove_dir_all(&dir).ok();
}
