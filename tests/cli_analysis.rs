//! `plangap missed | summary | compare | history` as a user runs them: output formats, the
//! acceptance checks on the embedded corpus, and the exit statuses.

mod cli_common;

use cli_common::{TempDir, temp_dir};
use plangap::text::display_width;
use serde_json::Value;
use std::process::{Command, Output};

/// A config folder of its own for each run, so the user's aliases never leak in.
fn config_home(test: &str, config: Option<&str>) -> TempDir {
    let home = temp_dir(test);
    let folder = home.join("plangap");
    std::fs::create_dir_all(&folder).expect("temp dir");
    if let Some(text) = config {
        std::fs::write(folder.join("config.toml"), text).expect("config written");
    }
    home
}

fn run_with(test: &str, config: Option<&str>, args: &[&str]) -> Output {
    let home = config_home(test, config);
    Command::new(env!("CARGO_BIN_EXE_plangap"))
        .args(args)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", &home)
        .output()
        .expect("the binary runs")
}

fn run(test: &str, args: &[&str]) -> Output {
    run_with(test, None, args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Vec<Value> {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    match serde_json::from_slice(&output.stdout).expect("stdout is JSON") {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

fn text(value: &Value, field: &str) -> String {
    value[field].as_str().map(str::to_owned).unwrap_or_default()
}

/// `(district, year)` of every record, in order.
fn places(records: &[Value]) -> Vec<(String, u64)> {
    records.iter().map(|r| (text(r, "district"), r["year"].as_u64().unwrap_or(0))).collect()
}

fn find<'a>(records: &'a [Value], district: &str, year: u64) -> &'a Value {
    records
        .iter()
        .find(|r| text(r, "district") == district && r["year"].as_u64() == Some(year))
        .unwrap_or_else(|| panic!("no record for {district} {year}"))
}

const SCHEMA_FIELDS: [&str; 12] = [
    "district",
    "year",
    "name",
    "canonical",
    "unit",
    "target",
    "actual",
    "gap",
    "binding",
    "source",
    "file",
    "line",
];

#[test]
fn summary_counts_every_report_in_order() {
    let records = json(&run("summary", &["summary", "--format", "json"]));
    let files: Vec<String> = records.iter().map(|r| text(r, "file")).collect();
    assert_eq!(files.len(), 5);
    assert!(files.iter().all(|f| f.starts_with("examples/reports/00")), "{files:?}");
    for record in &records {
        let count = |field: &str| record[field].as_u64().expect(field);
        assert_eq!(count("met") + count("missed") + count("unassessed"), count("reviewed"), "{record}");
        assert!(count("binding_missed") <= count("missed"));
        assert!(count("narrative_values") > 0, "every report states its results in prose: {record}");
    }
}

#[test]
fn compare_gives_prose_values_their_source_and_line() {
    let records = json(&run("compare-json", &["compare", "地区生产总值增速", "--format", "json"]));
    for record in &records {
        for field in SCHEMA_FIELDS {
            assert!(record.get(field).is_some(), "{field} missing from {record}");
        }
        assert_eq!(text(record, "canonical"), "地区生产总值增速");
    }
    let qijiang_2022 = find(&records, "綦江区", 2022);
    assert_eq!(
        (text(qijiang_2022, "actual"), text(qijiang_2022, "source")),
        ("3%".into(), "narrative".into())
    );
    assert_eq!(qijiang_2022["line"], 22);
    assert_eq!(text(qijiang_2022, "file"), "examples/reports/000_fc3918ce5d000476.txt");
    let rongchang_2023 = find(&records, "荣昌区", 2023);
    assert_eq!(text(rongchang_2023, "target"), "7%");
    assert_eq!(text(rongchang_2023, "target_source"), "narrative");
    assert_eq!(rongchang_2023["target_line"], 168);
}

#[test]
fn compare_accepts_loose_names_and_says_how_it_read_them() {
    for query in ["gdp", "GDP增速", "地区生产总值"] {
        let output = run("compare-loose", &["compare", query, "--format", "json"]);
        let records = json(&output);
        assert!(records.iter().all(|r| text(r, "canonical") == "地区生产总值增速"), "{query}");
        let noted = stderr(&output).contains("read as 地区生产总值增速");
        assert_eq!(noted, query != "GDP增速", "{query}: {}", stderr(&output));
    }
}

#[test]
fn compare_table_is_a_matrix_aligned_by_display_width() {
    let output = run("compare-table", &["compare", "地区生产总值增速"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[0], "地区生产总值增速 (%): target → actual");
    let header = cell_starts(lines[1]);
    assert_eq!(lines[1].split_whitespace().next(), Some("district"));
    for row in &lines[3..lines.len() - 1] {
        let starts = cell_starts(row);
        assert!(starts.iter().all(|s| header.contains(s)), "{row:?} is not aligned with {:?}", lines[1]);
    }
    let qijiang = lines.iter().find(|l| l.starts_with("綦江区")).expect("綦江区 row");
    assert_eq!(cell_starts(qijiang), header, "綦江区 has a value every year: {printed}");
    assert!(qijiang.contains("— → 3%†"), "the 2022 result comes from prose: {qijiang}");
    assert!(lines.iter().any(|l| l.starts_with("涪陵区")) && lines.iter().any(|l| l.starts_with("荣昌区")));
    assert!(lines.last().expect("legend").contains("† stated in a sentence"));
}

/// Display columns where a table cell starts: a non-space after two spaces, or the line start.
fn cell_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut spaces = 2;
    for (at, c) in line.char_indices() {
        if c != ' ' && spaces >= 2 {
            starts.push(display_width(&line[..at]));
        }
        spaces = if c == ' ' { spaces + 1 } else { 0 };
    }
    starts
}

#[test]
fn csv_output_opens_in_a_spreadsheet() {
    let output = run("csv", &["compare", "地区生产总值增速", "--format", "csv", "--csv-bom"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    let body = printed.strip_prefix('\u{feff}').expect("starts with a UTF-8 BOM");
    assert!(body.ends_with("\r\n"));
    let lines: Vec<&str> = body.split_terminator("\r\n").collect();
    assert!(lines[0].starts_with("district,year,indicator,name,target,"), "{}", lines[0]);
    let columns = lines[0].split(',').count();
    assert!(lines.iter().all(|l| !l.contains('"') && l.split(',').count() == columns));
    let plain = run("csv-plain", &["summary", "--format", "csv"]);
    assert!(stdout(&plain).starts_with("district,year,"), "no BOM unless asked");
}

#[test]
fn history_lists_a_loosely_named_districts_years_with_the_trend() {
    let records =
        json(&run("history", &["history", "--district", "qijiang", "地区生产总值增速", "--format", "json"]));
    assert!(records.iter().all(|r| text(r, "district") == "綦江区"));
    let years: Vec<u64> = places(&records).into_iter().map(|(_, y)| y).collect();
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
    let y2022 = find(&records, "綦江区", 2022);
    assert_eq!((text(y2022, "actual"), text(y2022, "source")), ("3%".into(), "narrative".into()));
    let y2024 = find(&records, "綦江区", 2024);
    assert_eq!((y2024["trend"].as_f64(), y2024["trend_since"].as_u64()), (Some(2.5), Some(2022)));
    let all = json(&run("history-all", &["history", "--district", "綦江", "--format", "json"]));
    assert!(all.len() > records.len());
}

#[test]
fn history_reads_a_first_argument_naming_a_file_as_a_path() {
    let report = "examples/reports/003_8d14213320e955ad.txt";
    let records = json(&run("history-path", &["history", "--district", "荣昌", report, "--format", "json"]));
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| text(r, "district") == "荣昌区" && text(r, "file") == report));
}

#[test]
fn config_aliases_extend_the_table() {
    let config =
        "theme = \"dark\"\n\n[[indicator]]\ncanonical = \"地区生产总值增速\"\naliases = [\"经济增长速度\"]\n";
    let output = run_with("config", Some(config), &["compare", "经济增长速度", "--format", "json"]);
    assert!(json(&output).iter().all(|r| text(r, "canonical") == "地区生产总值增速"));
    assert!(!stderr(&output).contains("read as"), "an alias is an exact match: {}", stderr(&output));
}

#[test]
fn filters_that_match_nothing_exit_1_and_say_what_exists() {
    let output = run("no-district", &["missed", "--district", "万州"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("涪陵区, 綦江区, 荣昌区"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());

    let output = run("no-year", &["missed", "--district", "綦江", "--year", "2021"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("綦江区 has no reviewed rows for 2021; reviewed years: 2020, 2024."),
        "{}",
        stderr(&output)
    );

    // 綦江区's report on 2022 reviews it in prose only: no reviewed rows for that year.
    let output = run("no-review-table", &["missed", "--district", "綦江", "--year", "2022"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("綦江区 has no reviewed rows for 2022; reviewed years: 2020, 2024"),
        "{message}"
    );
    assert!(message.contains("gives no review table"), "{message}");
    assert!(output.stdout.is_empty());

    let output = run("no-year-anywhere", &["missed", "--year", "2019", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("the reports have no reviewed rows for 2019; reviewed years: 2020, 2022, 2024."),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "[]\n");

    let output = run("no-indicator", &["compare", "粮食播种面积"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("粮食总产量"), "{}", stderr(&output));

    let output = run("no-history", &["history", "--district", "nowhere"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no district matches “nowhere”"), "{}", stderr(&output));
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let output = run("missing-file", &["summary", "no/such/report.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/report.txt"), "{}", stderr(&output));

    let output = run("bad-year", &["missed", "--year", "twenty"]);
    assert_eq!(output.status.code(), Some(2));

    let broken = "[[indicator]]\ncanonical = \n";
    let output = run_with("bad-config", Some(broken), &["compare", "gdp"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("config.toml") && message.contains("line 2"), "{message}");

    // One good report and one bad file: the results are printed, and the exit status says 2.
    let output = run(
        "mixed",
        &["summary", "--format", "json", "examples/reports/003_8d14213320e955ad.txt", "Cargo.toml"],
    );
    assert_eq!(output.status.code(), Some(2));
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(records.len(), 1);
}

// The acceptance checks of the issue on the embedded corpus.

/// `(district, year, name)` of the missed rows.
fn missed_rows(args: &[&str]) -> Vec<(String, u64, String)> {
    let mut full = vec!["missed", "--format", "json"];
    full.extend_from_slice(args);
    json(&run("missed", &full))
        .iter()
        .map(|r| (text(r, "district"), r["year"].as_u64().unwrap_or(0), text(r, "name")))
        .collect()
}

#[test]
fn missed_lists_every_missed_reviewed_row_of_the_three_districts() {
    let rows = missed_rows(&[]);
    let names = |district: &str, year: u64| {
        let mut names: Vec<&str> =
            rows.iter().filter(|(d, y, _)| d == district && *y == year).map(|(.., n)| n.as_str()).collect();
        names.sort_unstable();
        names
    };
    assert_eq!(names("涪陵区", 2022).len(), 14);
    assert_eq!(names("荣昌区", 2022).len(), 7);
    let mut qijiang_2020 = vec![
        "地区生产总值增速",
        "工业增加值增速",
        "社会消费品零售总额增速",
        "税收收入增速",
        "万人发明专利拥有量",
        "民营经济增加值增速",
        "森林覆盖率",
        "实际利用外资增速",
        "全体居民人均可支配收入增速",
    ];
    qijiang_2020.sort_unstable();
    assert_eq!(names("綦江区", 2020), qijiang_2020);
    let mut qijiang_2024 = vec![
        "GDP增速",
        "一般公共预算收入增速",
        "税收收入增速",
        "规上工业增加值增速",
        "社会消费品零售总额增速",
        "常住人口城镇化率增速",
        "全体居民人均可支配收入增速",
    ];
    qijiang_2024.sort_unstable();
    assert_eq!(names("綦江区", 2024), qijiang_2024);
    assert_eq!(rows.len(), 14 + 7 + 9 + 7, "no other report has a review table");
    let fuling = names("涪陵区", 2022);
    for name in ["地区生产总值增速", "农村居民人均可支配收入增速", "单位GDP能耗降低", "空气质量优良天数"]
    {
        assert!(fuling.contains(&name), "{name} missing from {fuling:?}");
    }
    for met in ["建筑业增加值增速", "实际利用外资", "一般公共预算收入扣除留抵退税因素后增速"]
    {
        assert!(!fuling.contains(&met), "{met} is not missed");
    }
    // Every row the export judges missed is listed, and nothing else.
    let export: Value =
        serde_json::from_slice(&run("missed-export", &["export"]).stdout).expect("export JSON");
    let mut judged_missed: Vec<(String, u64)> = Vec::new();
    for report in export["reports"].as_array().expect("reports") {
        for row in report["indicators"].as_array().expect("indicators") {
            if row["status"] == "missed" {
                judged_missed.push((text(report, "file"), row["line"].as_u64().unwrap_or(0)));
            }
        }
    }
    let records = json(&run("missed-lines", &["missed", "--format", "json"]));
    let mut listed: Vec<(String, u64)> =
        records.iter().map(|r| (text(r, "file"), r["line"].as_u64().unwrap_or(0))).collect();
    judged_missed.sort();
    listed.sort();
    assert_eq!(listed, judged_missed);
    let records = json(&run("missed-order", &["missed", "--format", "json"]));
    let shortfall: Vec<f64> = records.iter().map(|r| -r["relative_gap"].as_f64().unwrap_or(0.0)).collect();
    assert!(shortfall.windows(2).all(|w| w[0] >= w[1]), "most severe first: {shortfall:?}");
    assert!(records.iter().all(|r| r["gap"].as_f64().is_none_or(|g| g < 0.0)));
}

#[test]
fn missed_filters_by_district_year_and_binding() {
    let qijiang = missed_rows(&["--district", "qijiang"]);
    assert!(!qijiang.is_empty() && qijiang.iter().all(|(d, ..)| d == "綦江区"));
    let rongchang = missed_rows(&["--district", "荣昌", "--year", "2022"]);
    assert_eq!(rongchang.len(), 7);
    let binding = json(&run("missed-binding", &["missed", "--binding", "--format", "json"]));
    assert!(!binding.is_empty() && binding.iter().all(|r| r["binding"] == true));
}

#[test]
fn compare_gdp_growth_across_districts_and_years() {
    let records = json(&run("compare-gdp", &["compare", "地区生产总值增速", "--format", "json"]));
    let expected = [
        ("涪陵区", 2022),
        ("涪陵区", 2023),
        ("綦江区", 2020),
        ("綦江区", 2021),
        ("綦江区", 2022),
        ("綦江区", 2023),
        ("綦江区", 2024),
        ("綦江区", 2025),
        ("荣昌区", 2022),
        ("荣昌区", 2023),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(d, y)| ((*d).to_owned(), *y)).collect();
    assert_eq!(places(&records), expected);
    let fuling = find(&records, "涪陵区", 2022);
    assert_eq!(
        (text(fuling, "target"), text(fuling, "actual"), text(fuling, "source")),
        ("6.5".into(), "2.6".into(), "table".into())
    );
    assert_eq!(text(fuling, "status"), "missed");
}

#[test]
fn history_of_qijiang_gdp_growth() {
    let records = json(&run(
        "history-gdp",
        &["history", "--district", "綦江区", "地区生产总值增速", "--format", "json"],
    ));
    let seen: Vec<(u64, String, String)> = records
        .iter()
        .map(|r| (r["year"].as_u64().unwrap_or(0), text(r, "target"), text(r, "actual")))
        .collect();
    let expected = [
        (2020, "7.5以上", "3%"),
        (2021, "7", ""),
        (2022, "", "3%"),
        (2023, "7以上", ""),
        (2024, "7", "5.5"),
        (2025, "6.5", ""),
    ];
    let expected: Vec<(u64, String, String)> =
        expected.iter().map(|(y, t, a)| (*y, (*t).to_owned(), (*a).to_owned())).collect();
    assert_eq!(seen, expected);
}

#[test]
fn missed_prints_each_format() {
    let records = json(&run("missed-json", &["missed", "--format", "json"]));
    for field in SCHEMA_FIELDS.iter().chain(&["relative_gap", "table"]) {
        assert!(records.iter().all(|r| r.get(field).is_some()), "{field}");
    }
    let worst = &records[0];
    assert_eq!((text(worst, "district"), text(worst, "name")), ("綦江区".into(), "实际利用外资增速".into()));
    assert_eq!(
        (text(worst, "target"), text(worst, "actual"), worst["gap"].as_f64()),
        ("5".into(), "-82.6%".into(), Some(-87.6))
    );

    let table = stdout(&run("missed-table", &["missed", "--district", "荣昌"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("district  year  indicator"), "{}", lines[0]);
    assert_eq!(lines.len(), 2 + 7);
    let header = cell_starts(lines[0]);
    assert!(lines[2..].iter().all(|row| cell_starts(row).iter().all(|s| header.contains(s))), "{table}");
    assert!(lines[2].starts_with("荣昌区    2022  一般公共预算收入"), "{}", lines[2]);

    let csv = stdout(&run("missed-csv", &["missed", "--format", "csv", "--csv-bom", "--binding"]));
    let body = csv.strip_prefix('\u{feff}').expect("BOM");
    let lines: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(lines[0], "district,year,indicator,target,actual,gap,short by,unit,binding,file,line");
    assert!(
        lines[1..].iter().all(|l| l.contains(",binding,") || l.contains(",binding (inferred),")),
        "{body}"
    );
}

#[test]
fn a_misspelt_indicator_suggests_the_nearest_names_only() {
    let output = run("gpd", &["compare", "gpd"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    // `GDP` names the level (地区生产总值) and, with `增速`, its growth.
    assert!(
        message.contains("no indicator matches “gpd”; the nearest: 地区生产总值, 地区生产总值增速"),
        "{message}"
    );
    for unrelated in ["森林覆盖率", "税收收入增速", "粮食"] {
        assert!(!message.contains(unrelated), "{unrelated} is not near gpd: {message}");
    }
    let output = run("nothing-near", &["compare", "qwertyuiop"]);
    assert!(stderr(&output).contains("none is near it"), "{}", stderr(&output));
}

#[test]
fn district_look_ups_say_what_a_loose_name_was_read_as() {
    for args in [
        &["missed", "--district", "qijiang", "--format", "json"][..],
        &["history", "--district", "qijiang", "--format", "json"],
        &["projects", "--district", "qijiang", "--format", "json"],
    ] {
        let output = run("district-read-as", args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains("“qijiang” read as 綦江区"), "{args:?}: {}", stderr(&output));
    }
    let exact = run("district-exact", &["missed", "--district", "綦江区", "--format", "json"]);
    assert!(!stderr(&exact).contains("read as"), "{}", stderr(&exact));
}
