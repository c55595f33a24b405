//! Bad input gives a clear error naming the file, or warnings, and never a panic.

use plangap::Error;
use plangap::corpus::{EMBEDDED, load_bytes};
use plangap::model::WarningKind;
use proptest::prelude::*;

fn sample_text(index: usize) -> &'static str {
    std::str::from_utf8(EMBEDDED[index].1).expect("the sample reports are UTF-8")
}

#[test]
fn empty_file_is_an_error_naming_it() {
    let error = load_bytes("empty.txt", b"").unwrap_err();
    assert!(matches!(error, Error::Empty { .. }));
    assert!(error.to_string().starts_with("empty.txt: the file is empty"), "{error}");
}

#[test]
fn binary_file_is_an_error_naming_it() {
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0\x01\0\0\0".to_vec();
    elf.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let error = load_bytes("a.out", &elf).unwrap_err();
    assert!(matches!(error, Error::NotText { .. }), "{error}");
    assert!(error.to_string().starts_with("a.out: not a text file"), "{error}");
}

#[test]
fn text_that_is_not_a_plan_report_is_an_error_saying_what_is_expected() {
    let error = load_bytes("notes.txt", "会议纪要\n今天讨论了三件事。\n".as_bytes()).unwrap_err();
    assert!(matches!(error, Error::NotAReport { .. }), "{error}");
    let message = error.to_string();
    assert!(message.starts_with("notes.txt: not a plan report"), "{message}");
    assert!(message.contains("国民经济和社会发展计划执行情况"), "{message}");
}

#[test]
fn a_report_cut_in_the_middle_of_every_table_still_loads() {
    for (index, (file, _)) in EMBEDDED.iter().enumerate() {
        let text = sample_text(index);
        let full = load_bytes(file, text.as_bytes()).unwrap();
        for table in &full.tables {
            let Some(middle) = table.rows.get(table.rows.len() / 2) else { continue };
            let cut: String = text.split('\n').take(middle.line).collect::<Vec<_>>().join("\n");
            let truncated = load_bytes(file, cut.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            let same = truncated.tables.iter().find(|t| t.caption == table.caption);
            let same = same.unwrap_or_else(|| panic!("{file}: {} lost when cut", table.caption));
            assert!(same.rows.len() <= table.rows.len());
        }
    }
}

/// Cuts, deletes and duplicates line ranges and flips bytes of a real report.
fn mutated_report() -> impl Strategy<Value = Vec<u8>> {
    (0..EMBEDDED.len(), prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 0..8)).prop_map(
        |(index, edits)| {
            let mut lines: Vec<Vec<u8>> =
                EMBEDDED[index].1.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            for (op, a, b) in edits {
                if lines.is_empty() {
                    break;
                }
                let i = a % lines.len();
                let j = (i + b % 40).min(lines.len());
                match op % 5 {
                    0 => lines.truncate(j.max(1)),
                    1 => drop(lines.drain(i..j)),
                    2 => {
                        let copy: Vec<Vec<u8>> = lines[i..j].to_vec();
                        lines.splice(i..i, copy);
                    }
                    3 => {
                        let line = &mut lines[i];
                        let at = b % (line.len() + 1);
                        line.truncate(at);
                    }
                    _ => {
                        let line = &mut lines[i];
                        if !line.is_empty() {
                            let at = b % line.len();
                            line[at] ^= op | 1;
                        }
                    }
                }
            }
            lines.join(&b'\n')
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = load_bytes("random.bin", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,2000}") {
        let _ = load_bytes("random.txt", text.as_bytes());
    }

    #[test]
    fn cut_and_mutated_reports_never_panic(bytes in mutated_report()) {
        let _ = load_bytes("mutated.txt", &bytes);
    }
}

#[test]
fn a_report_cut_in_the_middle_of_a_character_loads_with_a_warning() {
    let (file, bytes) = EMBEDDED[1];
    let cut = &bytes[..8000];
    assert!(std::str::from_utf8(cut).is_err(), "the cut falls inside a character");
    let report = load_bytes(file, cut).unwrap_or_else(|e| panic!("{e}"));
    let warning = &report.warnings[0];
    assert_eq!(warning.kind, WarningKind::InvalidBytes { count: 1, encoding: "UTF-8" });
    assert!(warning.to_string().starts_with("1 byte sequence(s) are not valid UTF-8"), "{warning}");
    assert_eq!(warning.line, cut.iter().filter(|&&b| b == b'\n').count() + 1, "the last line");
    assert_eq!(report.title.district.as_deref(), Some("涪陵区"));
}

#[test]
fn an_empty_folder_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("plangap-empty-folder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = plangap::corpus::load_paths(std::slice::from_ref(&dir));
    assert!(corpus.reports.is_empty());
    let message = corpus.failures[0].to_string();
    assert_eq!(
        message,
        format!(
            "{}: the folder has no files. Give report files, or a folder that holds them.",
            dir.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn legacy_word_wps_and_fake_docx_say_what_they_are() {
    let mut ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    ole.resize(4096, 0);
    let error = load_bytes("2022年报告.doc", &ole).unwrap_err();
    assert!(matches!(error, Error::Legacy { .. }), "{error}");
    assert!(error.to_string().contains("soffice --headless --convert-to docx FILE"), "{error}");
    let error = load_bytes("2022年报告.wps", &ole).unwrap_err().to_string();
    assert!(error.contains("a WPS Office document"), "{error}");
    let error = load_bytes("fake.docx", sample_text(0).as_bytes()).unwrap_err();
    assert!(matches!(error, Error::NotWord { .. }), "{error}");
    assert!(error.to_string().starts_with("fake.docx: not a Word file"), "{error}");
}
