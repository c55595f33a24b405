//! The five sample reports printed to PDF read as their text does: the same indicator rows,
//! targets, actuals and statuses (at least 95% of cells exact) and at least 90% of the projects.
//!
//! The PDFs (~0.5 MB each) are not committed: make them with
//! `cargo build --release && tests/data/pdf/make_pdfs.sh --samples` (needs LibreOffice, the Noto
//! CJK fonts and qpdf), then run `cargo test --test pdf_samples -- --ignored --nocapture`.

use plangap::corpus;
use plangap::export::ExportDocument;
use serde_json::Value;

/// The fields of an indicator row compared between the text and the PDF.
const FIELDS: [&str; 14] = [
    "table",
    "kind",
    "year",
    "category",
    "seq",
    "name",
    "raw_name",
    "unit",
    "parent",
    "binding",
    "target",
    "actual",
    "actual_other",
    "status",
];

fn export(file: &str, bytes: &[u8]) -> Value {
    let report = corpus::load_bytes(file, bytes).unwrap_or_else(|e| panic!("{e}"));
    let json = ExportDocument::new(std::slice::from_ref(&report)).to_json();
    let value: Value = serde_json::from_str(&json).unwrap();
    value["reports"][0].clone()
}

/// A field as compared: strings without white space (a PDF shows `表1  2022年` as `表1 2022年`).
fn field(value: &Value) -> String {
    match value {
        Value::String(s) => s.chars().filter(|c| !c.is_whitespace()).collect(),
        other => other.to_string(),
    }
}

#[test]
#[ignore = "needs the sample PDFs: tests/data/pdf/make_pdfs.sh --samples"]
fn the_samples_printed_to_pdf_give_the_rows_and_projects_of_their_text() {
    let mut samples: Vec<_> =
        std::fs::read_dir("examples/reports").unwrap().map(|e| e.unwrap().path()).collect();
    samples.sort();
    let (mut cells, mut exact, mut projects, mut found) = (0usize, 0usize, 0usize, 0usize);
    for text_path in samples {
        let name = text_path.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf_path = format!("target/pdf-samples/{name}.pdf");
        let pdf_bytes = std::fs::read(&pdf_path)
            .unwrap_or_else(|e| panic!("{pdf_path}: {e}; run make_pdfs.sh --samples"));
        let text = export(&name, &std::fs::read(&text_path).unwrap());
        let pdf = export(&name, &pdf_bytes);
        assert_eq!(pdf["format"], "pdf");
        let (rows, pdf_rows) =
            (text["indicators"].as_array().unwrap(), pdf["indicators"].as_array().unwrap());
        let (mut sample_cells, mut sample_exact) = (0, 0);
        for (i, row) in rows.iter().enumerate() {
            for key in FIELDS {
                sample_cells += 1;
                let got = pdf_rows.get(i).map(|r| field(&r[key]));
                if got.as_deref() == Some(field(&row[key]).as_str()) {
                    sample_exact += 1;
                } else {
                    eprintln!("{name} row {i} {key}: text {} pdf {:?}", row[key], got);
                }
            }
        }
        let names = |r: &Value| -> Vec<String> {
            r["projects"].as_array().unwrap().iter().map(|p| field(&p["name"])).collect()
        };
        let mut pdf_names = names(&pdf);
        let text_names = names(&text);
        let matched = text_names
            .iter()
            .filter(|n| pdf_names.iter().position(|p| p == *n).map(|i| pdf_names.swap_remove(i)).is_some())
            .count();
        eprintln!(
            "{name}: {} rows (pdf {}), cells {sample_exact}/{sample_cells} exact; projects {matched}/{} found",
            rows.len(),
            pdf_rows.len(),
            text_names.len()
        );
        assert!(pdf_rows.len() >= rows.len(), "{name}: rows missing");
        cells += sample_cells;
        exact += sample_exact;
        projects += text_names.len();
        found += matched;
    }
    eprintln!("all: cells {exact}/{cells} exact, projects {found}/{projects}");
    assert!(exact * 100 >= cells * 95, "cells {exact}/{cells}");
    assert!(found * 100 >= projects * 90, "projects {found}/{projects}");
}
