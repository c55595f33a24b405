//! The same report in every encoding and line-end style gives the identical export.

mod docx_common;

use encoding_rs::GB18030;
use plangap::corpus::{EMBEDDED, load_bytes};
use plangap::export::ExportDocument;
use plangap::model::WarningKind;

fn export_of(file: &str, bytes: &[u8]) -> String {
    let report = load_bytes(file, bytes).unwrap_or_else(|e| panic!("{e}"));
    ExportDocument::new(std::slice::from_ref(&report)).to_json()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn utf16be_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

#[test]
fn every_encoding_of_every_report_exports_identically() {
    for (file, bytes) in EMBEDDED {
        let text = std::str::from_utf8(bytes).expect("the sample reports are UTF-8");
        let reference = export_of(file, bytes);
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(bytes);
        let (gb18030, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable, "{file}: GB18030 maps every character");
        let variants: [(&str, Vec<u8>); 6] = [
            ("UTF-8 with BOM", bom),
            ("UTF-16LE with BOM", utf16le_with_bom(text)),
            ("UTF-16BE with BOM", utf16be_with_bom(text)),
            ("GB18030", gb18030.into_owned()),
            ("CRLF", text.replace('\n', "\r\n").into_bytes()),
            ("lone CR", text.replace('\n', "\r").into_bytes()),
        ];
        for (name, variant) in variants {
            assert_eq!(export_of(file, &variant), reference, "{file} as {name}");
        }
    }
}

#[test]
fn gbk_subset_is_read_as_gb18030() {
    let (file, bytes) = EMBEDDED[0];
    let text = std::str::from_utf8(bytes).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    assert_eq!(export_of(file, &gbk), export_of(file, bytes));
}

/// A minimal .docx whose paragraphs are the report's lines, leading TABs as `<w:tab/>`.
fn docx_of_lines(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.trim_end_matches('\n').split('\n') {
        body.push_str("<w:p><w:r>");
        for (i, part) in line.split('\t').enumerate() {
            if i > 0 {
                body.push_str("<w:tab/>");
            }
            let escaped = part.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            body.push_str(&format!("<w:t xml:space=\"preserve\">{escaped}</w:t>"));
        }
        body.push_str("</w:r></w:p>");
    }
    docx_common::docx(&body)
}

#[test]
fn a_docx_of_the_same_paragraphs_exports_identically() {
    for (file, bytes) in EMBEDDED {
        let text = std::str::from_utf8(bytes).unwrap();
        let docx = export_of(file, &docx_of_lines(text));
        assert!(docx.contains("\"format\": \"docx\""), "{file}: read as docx");
        let docx = docx.replace("\"format\": \"docx\"", "\"format\": \"text\"");
        assert_eq!(docx, export_of(file, bytes), "{file} as .docx");
    }
}

#[test]
fn every_report_in_utf16_without_bom_exports_identically() {
    for (file, bytes) in EMBEDDED {
        let text = std::str::from_utf8(bytes).expect("the sample reports are UTF-8");
        let reference = export_of(file, bytes);
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(export_of(file, &le), reference, "{file} as UTF-16LE without BOM");
        assert_eq!(export_of(file, &be), reference, "{file} as UTF-16BE without BOM");
    }
}

#[test]
fn a_nul_byte_in_a_report_is_damage_with_a_warning_not_a_binary_file() {
    let (file, bytes) = EMBEDDED[1];
    let reference = load_bytes(file, bytes).unwrap();
    // Flip the first byte of a line far into the report to NUL, as a damaged copy would have it.
    let line = 200;
    let at = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(line - 2).unwrap().0 + 1;
    let mut damaged = bytes.to_vec();
    damaged[at] = 0;
    let report = load_bytes(file, &damaged).unwrap_or_else(|e| panic!("{e}"));
    let warning = report
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::NulBytes { .. }))
        .expect("a NUL warning");
    assert_eq!(warning.line, line, "{warning:?}");
    assert_eq!(report.tables.len(), reference.tables.len());
}

#[test]
fn a_stray_escape_costs_at_most_the_rest_of_its_line() {
    let (file, bytes) = EMBEDDED[1];
    let reference = load_bytes(file, bytes).unwrap();
    let text = std::str::from_utf8(bytes).unwrap();
    for stray in ["\u{1b}]", "\u{1b}[", "\u{1b}[38;5"] {
        let dirty = text.replacen("\n", &format!("\n{stray}"), 3).replacen(&format!("\n{stray}"), "\n", 2);
        let report = load_bytes(file, dirty.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let rows = |r: &plangap::model::Report| r.tables.iter().map(|t| t.rows.len()).sum::<usize>();
        assert_eq!(rows(&report), rows(&reference), "{stray:?} dropped table rows");
        assert_eq!(report.projects.len(), reference.projects.len(), "{stray:?} dropped projects");
        let warning = report
            .warnings
            .iter()
            .find(|w| matches!(w.kind, WarningKind::UnterminatedEscapes { .. }))
            .expect("warning");
        assert_eq!(warning.line, 4, "{stray:?}: {warning:?}");
    }
}
