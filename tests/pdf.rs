//! PDF input (tests/data/pdf, made by make_pdfs.sh there from the hand-written sources in src/):
//! text lines and paragraphs, ruled tables as grids with every cell checked, a table continued over
//! a page break, and the files plangap must refuse with a clear error (encrypted, scanned,
//! truncated, damaged).

use plangap::document::{Document, Format};
use plangap::grid::Layout;
use plangap::ingest;
use serde_json::Value;

const DIR: &str = "tests/data/pdf";

fn read(name: &str) -> Result<Document, String> {
    let path = format!("{DIR}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ingest::decode(&path, &bytes).map_err(|e| e.to_string())
}

fn lines(doc: &Document) -> Vec<&str> {
    doc.text.lines().collect()
}

/// The paragraphs of a fixture's source (src/NAME.json), in order.
fn source_paragraphs(name: &str) -> Vec<String> {
    let path = format!("{DIR}/src/{name}.json");
    let source: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    source["blocks"].as_array().unwrap().iter().filter_map(|b| b["p"].as_str().map(str::to_owned)).collect()
}

/// A grid as rows of `text@row_span x col_span` for the cells starting in each row.
fn grid_rows(doc: &Document, table: usize) -> Vec<String> {
    let grid = &doc.tables[table].grid;
    (0..grid.rows())
        .map(|row| {
            grid.row_cells(row)
                .map(|c| match (c.row_span, c.col_span) {
                    (1, 1) => c.text.clone(),
                    (r, k) => format!("{}@{r}x{k}", c.text),
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn a_ruled_table_gives_every_cell_with_its_spans_and_paragraphs_stay_whole() {
    let doc = read("indicators.pdf").unwrap();
    assert_eq!(doc.format, Format::Pdf);
    let paragraphs = source_paragraphs("indicators");
    let text = lines(&doc);
    // Paragraphs one a line, wrapped lines joined, no space between CJK and digits; the caption
    // keeps one space where the source had two (a PDF draws a gap, not a count of spaces).
    let expected_text: Vec<String> = paragraphs.iter().map(|p| p.replace("表1  ", "表1 ")).collect();
    let mut outside: Vec<&str> = text.clone();
    let table = &doc.tables[0];
    outside.drain(table.lines.clone());
    assert_eq!(outside, expected_text);
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(table.grid.layout, Layout::Pdf);
    assert_eq!(
        grid_rows(&doc, 0),
        [
            "类别@2x1 | 序号@2x1 | 指标名称@2x1 | 2022年预期目标@2x1 | 2022年完成情况@1x2",
            "绝对值 | 增速",
            "综合质量效益@3x1 | 1 | 地区生产总值增速（%） | 6.5以上 | 500.3 | 2.6%",
            "2 | 战略性新兴产业产值占规上工业产值比重（%） | 32 | — | 29.5",
            " | 其中：税收收入增速（%） | 20 | 13.02 | -9.5%",
            "绿色发展@2x1 | 3 | ﹟能耗强度下降（%） | 完成国家和市下达目标 | — | 3.5",
            "4 | 空气质量优良天数（天） | ≥300 | 339 | —",
        ]
    );
    // One line per row, cells TAB-separated; every cell's line is its row's line.
    assert_eq!(table.lines.len(), table.grid.rows());
    for cell in table.grid.cells() {
        let line = table.lines.start + cell.row + 1;
        assert_eq!(cell.line, line, "{cell:?}");
        assert!(text[line - 1].split('\t').any(|t| t == cell.text), "{cell:?} not on line {line}");
    }
    // each cell under its column: the slot the 完成情况 span covers stays empty
    assert_eq!(text[table.lines.start], "类别\t序号\t指标名称\t2022年预期目标\t2022年完成情况\t");
    assert_eq!(text[table.lines.start + 1], "\t\t\t\t绝对值\t增速");
}

#[test]
fn a_pdf_report_exports_its_rows_with_targets_actuals_and_statuses() {
    let path = format!("{DIR}/indicators.pdf");
    let report = plangap::corpus::load_bytes(&path, std::fs::read(&path).unwrap()).unwrap();
    let json = plangap::export::ExportDocument::new(std::slice::from_ref(&report)).to_json();
    let value: Value = serde_json::from_str(&json).unwrap();
    let report = &value["reports"][0];
    assert_eq!((report["format"].as_str(), report["district"].as_str()), (Some("pdf"), Some("铜梁区")));
    let rows: Vec<String> = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            ["category", "seq", "name", "target", "actual", "actual_other", "status", "gap", "line", "layout"]
                .iter()
                .map(|k| match &r[*k] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "综合质量效益|1|地区生产总值增速|6.5以上|2.6%|500.3|missed|-3.9|7|pdf",
            "综合质量效益|2|战略性新兴产业产值占规上工业产值比重|32|29.5|—|missed|-2.5|8|pdf",
            "综合质量效益|null|税收收入增速|20|-9.5%|13.02|missed|-29.5|9|pdf",
            "绿色发展|3|能耗强度下降|完成国家和市下达目标|3.5|—|unassessed|null|10|pdf",
            "绿色发展|4|空气质量优良天数|≥300|339|—|met|39.0|11|pdf",
        ]
    );
}

#[test]
fn a_table_without_rules_is_read_from_its_aligned_columns() {
    let doc = read("unruled.pdf").unwrap();
    assert_eq!(doc.tables.len(), 1, "{}", doc.text);
    assert_eq!(
        grid_rows(&doc, 0),
        [
            "序号 | 指标名称 | 2022年目标 | 2022年完成",
            "1 | 地区生产总值增速（%） | 6.5以上 | 2.6",
            // the name wraps, and runs up close to the next column on its first line
            "2 | 战略性新兴产业产值占规上工业产值比重（%） | 32 | 29.5",
            " | 其中：税收收入增速（%） | 20 | -9.5",
            "3 | 城镇登记失业率（%） | ≤4.5 | 4",
        ]
    );
    let mut text = lines(&doc);
    text.drain(doc.tables[0].lines.clone());
    let expected: Vec<String> =
        source_paragraphs("unruled").iter().map(|p| p.replace("表1  ", "表1 ")).collect();
    assert_eq!(text, expected);
}

#[test]
fn a_table_continued_over_a_page_break_is_one_grid_without_its_repeated_header() {
    let doc = read("continued.pdf").unwrap();
    assert_eq!(doc.tables.len(), 1, "{}", doc.text);
    let rows = grid_rows(&doc, 0);
    assert_eq!(rows.len(), 46);
    assert_eq!(rows[0], "序号 | 指标名称 | 2022年预期目标 | 2022年完成情况");
    for (i, row) in rows[1..].iter().enumerate() {
        let n = i + 1;
        assert_eq!(row, &format!("{n} | 第{n}项指标名称（%） | {n}.5以上 | {n}.1"));
    }
}

#[test]
fn paragraphs_run_over_page_breaks_and_page_headers_and_numbers_are_dropped() {
    let doc = read("continued.pdf").unwrap();
    let mut text = lines(&doc);
    text.drain(doc.tables[0].lines.clone());
    let expected: Vec<String> =
        source_paragraphs("continued").iter().map(|p| p.replace("表2  ", "表2 ")).collect();
    assert_eq!(text, expected);
    assert!(!doc.text.contains("委员会") && !doc.text.contains("页"), "furniture left:\n{}", doc.text);
}

#[test]
fn a_pdf_whose_user_password_is_empty_reads_as_the_same_document() {
    let open = read("indicators.pdf").unwrap();
    let restricted = read("restricted.pdf").unwrap();
    assert_eq!(restricted.text, open.text);
    assert_eq!(restricted.tables, open.tables);
}

#[test]
fn an_encrypted_pdf_is_an_error_naming_the_file_and_what_to_do() {
    let err = read("encrypted.pdf").unwrap_err();
    assert!(err.starts_with("tests/data/pdf/encrypted.pdf: the PDF is encrypted with a password"), "{err}");
    assert!(err.contains("without one"), "{err}");
}

#[test]
fn a_scanned_pdf_is_an_error_saying_it_needs_ocr() {
    let err = read("scanned.pdf").unwrap_err();
    assert!(err.starts_with("tests/data/pdf/scanned.pdf: the PDF has no text, only images"), "{err}");
    assert!(err.contains("needs OCR, which plangap does not do"), "{err}");
}

#[test]
fn a_truncated_pdf_is_an_error_saying_it_is_cut_short() {
    let err = read("truncated.pdf").unwrap_err();
    assert!(err.starts_with("tests/data/pdf/truncated.pdf: the PDF is damaged (it ends early"), "{err}");
}

#[test]
fn damaged_bytes_never_panic_or_hang() {
    let good = std::fs::read(format!("{DIR}/indicators.pdf")).unwrap();
    let started = std::time::Instant::now();
    // Cut at many places, and overwrite runs of bytes throughout the file.
    for cut in (10..good.len()).step_by(good.len() / 40) {
        let _ = ingest::decode("cut.pdf", &good[..cut]);
    }
    let mut seed = 0x2545_f491_u32;
    for _ in 0..60 {
        let mut bytes = good.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let at = seed as usize % bytes.len();
            let end = (at + 16).min(bytes.len());
            bytes[at..end].iter_mut().for_each(|b| *b = b.wrapping_add(seed as u8 | 1));
        }
        if let Err(e) = ingest::decode("bad.pdf", &bytes) {
            assert!(e.to_string().starts_with("bad.pdf: "), "{e}");
        }
    }
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

#[test]
fn a_pdf_header_is_detected_by_content_not_by_name() {
    let bytes = std::fs::read(format!("{DIR}/indicators.pdf")).unwrap();
    let doc = ingest::decode("report.txt", &bytes).unwrap();
    assert_eq!(doc.format, Format::Pdf);
    let err = ingest::decode("x.pdf", b"%PDF-1.7\n1 0 obj << >> endobj\n").unwrap_err().to_string();
    assert!(err.starts_with("x.pdf: the PDF is damaged"), "{err}");
}
