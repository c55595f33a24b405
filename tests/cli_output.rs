//! Listing output as a user gets it: tables fitted to a terminal's width (and whole cells in a
//! pipe, a file or with `--wide`), Excel workbooks read back, and `-o FILE` written safely.

mod cli_common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use clap::Parser;
use cli_common::temp_dir;
use plangap::cli::sink::Sink;
use plangap::cli::{Cli, Outcome, run};
use plangap::text::display_width;

/// Runs `plangap ARGS` in process; `terminal`: the width of the terminal stdout is, or a pipe.
fn plangap_bytes(args: &[&str], terminal: Option<usize>) -> (std::io::Result<Outcome>, Vec<u8>) {
    let cli = Cli::parse_from(std::iter::once("plangap").chain(args.iter().copied()));
    let mut out = Vec::new();
    let outcome = match terminal {
        Some(columns) => run(cli, &mut Sink::terminal(&mut out, columns)),
        None => run(cli, &mut Sink::pipe(&mut out)),
    };
    (outcome, out)
}

/// [`plangap_bytes`] with the output as text.
fn plangap(args: &[&str], terminal: Option<usize>) -> (std::io::Result<Outcome>, String) {
    let (outcome, out) = plangap_bytes(args, terminal);
    (outcome, String::from_utf8(out).expect("UTF-8 output"))
}

const LISTINGS: [&[&str]; 6] = [
    &["missed"],
    &["summary"],
    &["compare", "gdp"],
    &["history", "--district", "綦江"],
    &["projects"],
    &["check"],
];

#[test]
fn tables_fit_80_and_60_columns_cutting_free_text_with_an_ellipsis() {
    for width in [80, 60] {
        for args in LISTINGS {
            let (outcome, text) = plangap(args, Some(width));
            assert_eq!(outcome.expect("written"), Outcome::Results, "{args:?}");
            for line in text.lines() {
                assert!(
                    display_width(line) <= width,
                    "{args:?} at {width}: {} wide: {line}",
                    display_width(line)
                );
            }
        }
        // Indicator and project names are cut where they do not fit, and marked.
        for args in [&["missed"][..], &["history", "--district", "綦江"], &["projects"]] {
            let (_, text) = plangap(args, Some(width));
            assert!(text.contains('…'), "{args:?} at {width}:\n{text}");
        }
    }
}

#[test]
fn file_paths_and_lines_are_whole_or_left_out_never_cut() {
    for width in [60, 80, 120, 160] {
        let (_, text) = plangap(&["missed"], Some(width));
        for line in text.lines().skip(2) {
            for word in line.split_whitespace().filter(|w| w.starts_with("examples/")) {
                assert!(word.ends_with(".txt"), "{word} is cut at {width}");
            }
        }
    }
    let (_, wide) = plangap(&["missed"], Some(160));
    assert!(wide.lines().nth(2).is_some_and(|l| l.contains("examples/reports/")), "{wide}");
    let (_, narrow) = plangap(&["missed"], Some(80));
    assert!(!narrow.contains("examples/"), "the file column is left out at 80:\n{narrow}");
}

#[test]
fn a_pipe_and_wide_keep_whole_cells() {
    for args in LISTINGS {
        let (_, piped) = plangap(args, None);
        let wide_args: Vec<&str> = args.iter().copied().chain(["--wide"]).collect();
        let (_, wide) = plangap(&wide_args, Some(60));
        assert_eq!(piped, wide, "{args:?}");
        assert!(!piped.contains("…\u{20}"), "{args:?}: nothing is cut in a pipe");
    }
    let (_, piped) = plangap(&["missed"], None);
    assert!(piped.contains("实际利用外资增速") && piped.contains("examples/reports/"), "{piped}");
}

fn cell<'a>(range: &'a calamine::Range<Data>, row: usize, header: &str) -> &'a Data {
    let col = (0..range.width())
        .find(|&c| range.get((0, c)) == Some(&Data::String(header.to_owned())))
        .unwrap_or_else(|| panic!("no column {header}"));
    range.get((row, col)).unwrap_or(&Data::Empty)
}

#[test]
fn a_listing_writes_an_excel_sheet_with_numbers_as_numbers() {
    let dir = temp_dir("missed");
    let file = dir.join("missed.xlsx");
    let (outcome, printed) = plangap(&["missed", "--format", "xlsx", "-o", file.to_str().unwrap()], Some(80));
    assert_eq!(outcome.expect("written"), Outcome::Results);
    assert!(printed.is_empty(), "nothing on stdout with -o");
    let mut workbook: Xlsx<_> = open_workbook(&file).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["missed"]);
    let range = workbook.worksheet_range("missed").expect("the sheet");
    let header: Vec<String> = (0..range.width()).map(|c| range.get((0, c)).unwrap().to_string()).collect();
    assert_eq!(
        header[..6],
        ["district", "year", "indicator", "target", "target as written", "actual"].map(String::from)
    );
    let (_, json) = plangap(&["missed", "--format", "json"], None);
    let rows = serde_json::from_str::<Vec<serde_json::Value>>(&json).expect("JSON").len();
    assert_eq!(range.height(), rows + 1, "the header and every missed row");
    let row = (1..range.height())
        .find(|&r| cell(&range, r, "indicator") == &Data::String("实际利用外资增速".into()))
        .expect("the row of 实际利用外资增速");
    assert_eq!(cell(&range, row, "district"), &Data::String("綦江区".into()));
    assert_eq!(cell(&range, row, "year"), &Data::Float(2020.0));
    assert_eq!(cell(&range, row, "gap"), &Data::Float(-87.6));
    assert_eq!(cell(&range, row, "actual"), &Data::Float(-82.6));
    assert_eq!(cell(&range, row, "actual as written"), &Data::String("-82.6%".into()));
    assert_eq!(cell(&range, row, "file"), &Data::String("examples/reports/002_6079ff70e2fa29a4.txt".into()));
}

#[test]
fn export_writes_a_workbook_with_a_sheet_per_view() {
    let dir = temp_dir("export");
    let file = dir.join("plangap.xlsx");
    let (outcome, _) = plangap(&["export", "--format", "xlsx", "-o", file.to_str().unwrap()], None);
    assert_eq!(outcome.expect("written"), Outcome::Results);
    let mut workbook: Xlsx<_> = open_workbook(&file).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["indicators", "missed", "projects", "stated counts"]);
    let indicators = workbook.worksheet_range("indicators").expect("indicators");
    assert_eq!(indicators.get((0, 0)), Some(&Data::String("district".into())));
    let gdp = (1..indicators.height())
        .find(|&r| {
            cell(&indicators, r, "district") == &Data::String("涪陵区".into())
                && cell(&indicators, r, "name") == &Data::String("地区生产总值增速".into())
                && cell(&indicators, r, "kind") == &Data::String("review".into())
        })
        .expect("涪陵区's GDP growth row");
    assert_eq!(cell(&indicators, gdp, "target"), &Data::Float(6.5));
    assert_eq!(cell(&indicators, gdp, "actual"), &Data::Float(2.6));
    assert_eq!(cell(&indicators, gdp, "line"), &Data::Float(26.0));
    for sheet in ["missed", "projects", "stated counts"] {
        let range = workbook.worksheet_range(sheet).expect(sheet);
        assert!(range.height() > 1, "{sheet} has rows");
    }
}

#[test]
fn a_workbook_is_never_written_to_a_terminal_nor_over_a_report() {
    let (outcome, printed) = plangap(&["summary", "--format", "xlsx"], Some(80));
    let error = outcome.expect_err("refused").to_string();
    assert!(error.contains("give -o FILE.xlsx"), "{error}");
    assert!(printed.is_empty());
    let (outcome, bytes) = plangap_bytes(&["summary", "--format", "xlsx"], None);
    assert_eq!(outcome.expect("piped"), Outcome::Results);
    assert!(bytes.starts_with(b"PK"), "a zip archive goes down a pipe");

    let dir = temp_dir("input");
    let report = dir.join("report.txt");
    std::fs::copy("examples/reports/001_fbb4d7b36528211a.txt", &report).expect("copied");
    let before = std::fs::read(&report).unwrap();
    let path = report.to_str().unwrap();
    let (outcome, _) = plangap(&["missed", "--format", "xlsx", "-o", path, path], None);
    let error = outcome.expect_err("refused").to_string();
    assert!(error.contains("is a loaded report"), "{error}");
    assert_eq!(std::fs::read(&report).unwrap(), before);
}
