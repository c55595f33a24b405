//! `plangap projects` on reports built in code, and `plangap find --filter` as a process.

use plangap::cli::Outcome;
use plangap::cli::output::{OutputArgs, OutputFormat};
use plangap::cli::projects::{ProjectsArgs, StageFilter, list};
use plangap::cli::sink::Sink;
use plangap::text::display_width;
use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::corpus;

fn args(query: &str) -> ProjectsArgs {
    ProjectsArgs {
        query: query.split_whitespace().map(str::to_owned).collect(),
        district: None,
        stage: None,
        output: OutputArgs::default(),
        max_width: Some(40),
        reports: Vec::new(),
    }
}

fn render(args: &ProjectsArgs) -> (Outcome, String) {
    let mut out = Vec::new();
    let outcome = list(&corpus(), args, &mut Sink::pipe(&mut out)).unwrap();
    (outcome, String::from_utf8(out).unwrap())
}

fn names(args: &ProjectsArgs) -> Vec<String> {
    let (_, json) = render(&with_format(args.clone(), OutputFormat::Json));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    parsed.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect()
}

fn with_format(args: ProjectsArgs, format: OutputFormat) -> ProjectsArgs {
    ProjectsArgs { output: OutputArgs { format, ..OutputArgs::default() }, ..args }
}

#[test]
fn without_a_query_every_project_once_per_report_in_document_order() {
    assert_eq!(
        names(&args("")),
        vec!["藻渡水库", "城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）", "白虎岩水库扩建项目"]
    );
}

#[test]
fn a_query_ranks_matches_and_accepts_pinyin() {
    assert_eq!(names(&args("sk")), vec!["藻渡水库", "白虎岩水库扩建项目"]);
    assert_eq!(names(&args("zaodu")), vec!["藻渡水库"]);
    assert_eq!(names(&args("古南 通惠")), vec!["城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）"]);
    assert_eq!(render(&args("不存在的项目")).0, Outcome::NoMatch);
}

#[test]
fn district_and_stage_filter_the_list() {
    let rongchang = ProjectsArgs { district: Some("荣昌".to_owned()), ..args("sk") };
    assert_eq!(names(&rongchang), vec!["白虎岩水库扩建项目"]);
    let new = ProjectsArgs { stage: Some(StageFilter::New), ..args("") };
    assert_eq!(names(&new).len(), 2);
    let completed = ProjectsArgs { stage: Some(StageFilter::Completed), ..args("") };
    assert_eq!(render(&completed).0, Outcome::NoMatch);
    let elsewhere = ProjectsArgs { district: Some("长寿区".to_owned()), ..args("") };
    assert_eq!(render(&elsewhere), (Outcome::NoMatch, String::new()));
}

#[test]
fn json_records_carry_the_project_and_where_it_is() {
    let (outcome, json) = render(&with_format(args("zdsk"), OutputFormat::Json));
    assert_eq!(outcome, Outcome::Results);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        parsed,
        serde_json::json!([{
            "name": "藻渡水库",
            "stage": "new",
            "district": "綦江区",
            "year": 2023,
            "group": "水利类",
            "table": "专栏4：2023年新建基础设施重点项目",
            "progress": null,
            "file": "000.txt",
            "line": 268
        }])
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_project() {
    let (_, csv) = render(&with_format(args(""), OutputFormat::Csv));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "name,stage,district,year,group,table,progress,file,line");
    assert_eq!(lines.len(), 4);
    assert!(
        lines[2].starts_with("城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）,new,綦江区,2023,")
    );
}

#[test]
fn table_columns_align_by_display_width_and_long_names_are_cut_whole() {
    let (_, table) = render(&ProjectsArgs { max_width: Some(12), ..args("") });
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[3].starts_with("城区老旧小…   new"), "{}", lines[3]);
    assert!(lines[2].starts_with("藻渡水库      new"), "{}", lines[2]);
    // The columns after the cut names start at the same display column on every line.
    let column = |line: &str, cell: &str| line.find(cell).map(|at| display_width(&line[..at]));
    for (header, cells) in
        [("district", ["綦江区", "綦江区", "荣昌区"]), ("file", ["000.txt", "000.txt", "003.txt"])]
    {
        for (line, cell) in lines[2..].iter().zip(cells) {
            assert_eq!(column(line, cell), column(lines[0], header), "{line}");
        }
    }
}

fn find(query: &str, input: &[u8]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plangap"))
        .args(["find", "--filter", query])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code(), text(output.stdout), text(output.stderr))
}

#[test]
fn find_filters_stdin_lines_best_first_like_fzf() {
    let input = "綦江区疾控中心迁建工程\r\n藻渡水库\n长寿区\n重庆市\n綦江区\n";
    assert_eq!(find("zdsk", input.as_bytes()), (Some(0), "藻渡水库\n".to_owned(), String::new()));
    assert_eq!(find("qjq", input.as_bytes()).1, "綦江区\n綦江区疾控中心迁建工程\n");
    assert_eq!(find("csq", input.as_bytes()).1, "长寿区\n");
    assert_eq!(find("nothing", input.as_bytes()), (Some(1), String::new(), String::new()));
    assert_eq!(find("", input.as_bytes()).1, input.replace('\r', ""));
}

#[test]
fn find_survives_input_that_is_not_utf8() {
    let (status, out, err) =
        find("zdsk", b"\xff\xfe\x00bad\n\xe8\x97\xbb\xe6\xb8\xa1\xe6\xb0\xb4\xe5\xba\x93\n");
    assert_eq!((status, out.as_str()), (Some(0), "藻渡水库\n"));
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn projects_json_from_the_embedded_corpus_is_an_array() {
    let output =
        Command::new(env!("CARGO_BIN_EXE_plangap")).args(["projects", "--format", "json"]).output().unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let count = parsed.as_array().unwrap().len();
    assert_eq!(output.status.code(), Some(if count == 0 { 1 } else { 0 }));
}

/// Free text is cut at the cap; file paths and line numbers, which a user copies, never are.
#[test]
fn table_cuts_free_text_but_prints_files_and_lines_whole() {
    let output =
        Command::new(env!("CARGO_BIN_EXE_plangap")).args(["projects", "--max-width", "10"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().any(|row| row.contains('…')), "long names are cut:\n{table}");
    for row in rows {
        let mut cells = row.split_whitespace().rev();
        let (line, file) = (cells.next().unwrap_or(""), cells.next().unwrap_or(""));
        assert!(line.parse::<usize>().is_ok(), "{row}");
        assert!(file.starts_with("examples/reports/") && file.ends_with(".txt"), "{row}");
    }
}

fn projects(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_plangap")).arg("projects").args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code(), text(output.stdout), text(output.stderr))
}

/// Nothing matched: exit 1, no header-only table (JSON `[]`), and stderr says what was searched
/// and what the reports list.
#[test]
fn a_query_that_matches_nothing_exits_1_and_says_what_exists() {
    for (format, empty) in [("table", ""), ("csv", ""), ("json", "[]\n")] {
        let (status, out, err) = projects(&["nothingmatches", "--format", format]);
        assert_eq!((status, out.as_str()), (Some(1), empty), "{format}");
        assert!(err.contains("no project matches “nothingmatches”"), "{err}");
        for place in ["涪陵区 2023: ", "綦江区 2020: ", "荣昌区 2023: "] {
            assert!(err.contains(place), "{place} in {err}");
        }
    }
    let (status, out, err) = projects(&["藻渡", "--stage", "completed", "--district", "qijiang"]);
    assert_eq!((status, out.as_str()), (Some(1), ""));
    assert!(err.contains("“藻渡” with stage completed and district 綦江区"), "{err}");
    let (status, _, err) = projects(&["--district", "万州"]);
    assert_eq!(status, Some(1));
    assert!(err.contains("no district matches “万州”; the reports name 涪陵区, 綦江区, 荣昌区."), "{err}");
}
