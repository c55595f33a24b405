//! Folders and duplicates (issue 11, items 13 and 14): folders are read recursively without
//! hidden entries and without looping on links; the same content read twice counts once, and
//! stderr says so once; a file that is not a report is listed once with its reason.

mod cli_common;

use cli_common::{plangap, temp_dir};
use plangap::corpus::{EMBEDDED, load_paths};
use std::ffi::OsStr;

#[test]
fn the_same_folder_twice_counts_every_report_once_and_says_so_once() {
    let once = plangap(&["missed", "--format", "csv", "examples/reports"]);
    let twice = plangap(&["missed", "--format", "csv", "examples/reports", "examples/reports"]);
    assert_eq!(once.code, Some(0), "{once:?}");
    assert_eq!(twice.stdout, once.stdout, "rows listed twice");
    assert_eq!(twice.code, Some(0), "duplicates are no error: {twice:?}");
    assert_eq!(
        twice.stderr.matches("skipped 5 file(s) with the same content").count(),
        1,
        "{}",
        twice.stderr
    );
}

#[test]
fn a_copy_under_another_name_is_a_duplicate() {
    let dir = temp_dir("copies");
    std::fs::write(dir.join("a.txt"), EMBEDDED[0].1).unwrap();
    std::fs::write(dir.join("b.txt"), EMBEDDED[0].1).unwrap();
    let corpus = load_paths(&[dir.to_path_buf()]);
    assert_eq!(corpus.reports.len(), 1);
    assert_eq!(corpus.duplicates.len(), 1);
    let note = corpus.duplicates_note().unwrap();
    assert!(note.contains("b.txt is ") && note.ends_with("a.txt)"), "{note}");
}

#[cfg(unix)]
#[test]
fn sub_folders_are_read_hidden_ones_skipped_and_link_loops_safe() {
    let dir = temp_dir("tree");
    std::fs::create_dir_all(dir.join("2022/涪陵")).unwrap();
    std::fs::create_dir_all(dir.join(".cache")).unwrap();
    std::fs::write(dir.join("2022/涪陵/report.txt"), EMBEDDED[1].1).unwrap();
    std::fs::write(dir.join("top.txt"), EMBEDDED[0].1).unwrap();
    std::fs::write(dir.join(".cache/hidden.txt"), EMBEDDED[2].1).unwrap();
    std::fs::write(dir.join(".hidden.txt"), EMBEDDED[3].1).unwrap();
    std::fs::write(dir.join("2022/photo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("2022/涪陵/loop")).unwrap();
    let corpus = load_paths(&[dir.to_path_buf()]);
    let mut districts: Vec<&str> =
        corpus.reports.iter().filter_map(|r| r.title.district.as_deref()).collect();
    districts.sort();
    assert_eq!(districts, ["涪陵区", "綦江区"], "{:?}", corpus.failures);
    assert_eq!(corpus.failures.len(), 1, "{:?}", corpus.failures);
    assert!(corpus.failures[0].to_string().contains("photo.png: not a text file"), "{}", corpus.failures[0]);

    let run = plangap(&[OsStr::new("check"), dir.as_os_str()]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr.matches("photo.png").count(), 1, "listed once: {}", run.stderr);
}

/// A folder's entries are told apart by the kind its listing gives, and a link by what it
/// points to: a link to a folder is read as that folder, a link to a file as that file.
#[cfg(unix)]
#[test]
fn links_to_a_folder_or_a_file_elsewhere_are_followed() {
    let (dir, elsewhere) = (temp_dir("links"), temp_dir("links-elsewhere"));
    std::fs::create_dir_all(elsewhere.join("folder")).unwrap();
    std::fs::write(elsewhere.join("folder/report.txt"), EMBEDDED[1].1).unwrap();
    std::fs::write(elsewhere.join("file.txt"), EMBEDDED[2].1).unwrap();
    std::fs::write(dir.join("own.txt"), EMBEDDED[0].1).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("folder"), dir.join("a-folder")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("file.txt"), dir.join("a-file.txt")).unwrap();
    let corpus = load_paths(&[dir.to_path_buf()]);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    let files: Vec<&str> = corpus.reports.iter().map(|r| r.file.as_str()).collect();
    let named = |name: &str| dir.join(name).display().to_string();
    assert_eq!(files, [named("a-file.txt"), named("a-folder/report.txt"), named("own.txt")]);
}
