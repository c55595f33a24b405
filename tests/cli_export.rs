//! `plangap export` and `plangap check` as a user runs them.

mod cli_common;

use cli_common::temp_dir;
use serde_json::Value;
use std::process::{Command, Output};

fn plangap(args: &[&str]) -> Output {
    let cache = temp_dir("cache");
    Command::new(env!("CARGO_BIN_EXE_plangap"))
        .args(args)
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .expect("the binary runs")
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

#[test]
fn export_without_paths_gives_the_title_blocks_of_the_embedded_corpus() {
    let output = plangap(&["export", "--format", "json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let document = stdout_json(&output);
    let reports = document["reports"].as_array().expect("reports is an array");
    let titles: Vec<(String, String, u64, u64, String)> = reports
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["district"].as_str().unwrap().to_owned(),
                r["review_year"].as_u64().unwrap(),
                r["plan_year"].as_u64().unwrap(),
                r["delivered_on"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("examples/reports/000_fc3918ce5d000476.txt", "綦江区", 2022, 2023, "2023-02-08"),
        ("examples/reports/001_fbb4d7b36528211a.txt", "涪陵区", 2022, 2023, "2023-01-31"),
        ("examples/reports/002_6079ff70e2fa29a4.txt", "綦江区", 2020, 2021, "2021-03-10"),
        ("examples/reports/003_8d14213320e955ad.txt", "荣昌区", 2022, 2023, "2023-01-31"),
        ("examples/reports/004_e43338ecbf5997b6.txt", "綦江区", 2024, 2025, "2025-01-14"),
    ];
    let expected: Vec<(String, String, u64, u64, String)> = expected
        .iter()
        .map(|(f, d, r, p, on)| (f.to_string(), d.to_string(), *r, *p, on.to_string()))
        .collect();
    assert_eq!(titles, expected);
    for report in reports {
        assert_eq!(report["city"], "重庆市");
        assert!(report["indicators"].is_array() && report["projects"].is_array());
    }
}

#[test]
fn export_of_a_folder_names_files_as_given() {
    let output = plangap(&["export", "examples/reports"]);
    assert!(output.status.success());
    let document = stdout_json(&output);
    assert_eq!(document["reports"].as_array().unwrap().len(), 5);
    assert_eq!(document["reports"][3]["file"], "examples/reports/003_8d14213320e955ad.txt");
}

#[test]
fn a_bad_file_is_reported_on_stderr_with_exit_2_and_the_rest_still_exported() {
    let dir = temp_dir("export-bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let empty = empty.to_str().unwrap();
    let output = plangap(&["export", empty, "examples/reports/001_fbb4d7b36528211a.txt", "missing.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("{empty}: the file is empty")), "{stderr}");
    assert!(stderr.contains("missing.txt: cannot read the file"), "{stderr}");
    assert_eq!(stdout_json(&output)["reports"].as_array().unwrap().len(), 1);
}

#[test]
fn check_describes_each_file() {
    let output = plangap(&["check", "examples/reports/003_8d14213320e955ad.txt"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("examples/reports/003_8d14213320e955ad.txt"));
    assert_eq!(lines.next(), Some("  重庆市 荣昌区: review 2022, plan 2023, delivered 2023-01-31"));
    // Projects come from boxes and from paragraphs, each captioned by its box or heading.
    assert!(
        stdout.lines().any(|line| line == "  120 projects under 14 box captions or paragraph headings"),
        "{stdout}"
    );
}

#[test]
fn the_user_says_what_a_fragment_is_and_a_title_still_wins() {
    let fragment = "tests/data/layouts/renshou.fragment.txt";
    let output = plangap(&["export", "--district", "仁寿县", "--year", "2023", fragment]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = &stdout_json(&output)["reports"][0];
    assert_eq!((report["district"].as_str(), report["review_year"].as_u64()), (Some("仁寿县"), Some(2023)));
    assert_eq!(report["plan_year"].as_u64(), Some(2024));
    let titled = "tests/data/layouts/tongliang.paste.txt";
    let output = plangap(&["export", "--district", "某某区", "--year", "2019", titled]);
    let report = &stdout_json(&output)["reports"][0];
    assert_eq!((report["district"].as_str(), report["review_year"].as_u64()), (Some("铜梁区"), Some(2023)));
    let output = plangap(&["check", "--district", "仁寿县", fragment]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("仁寿县: review 2023"));
}
