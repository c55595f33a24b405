//! Special files and huge files (issue 11, item 2): a FIFO, a device or a socket is skipped with
//! what it is, a file over the size limit is refused with the limit and the flag that raises it,
//! and nothing blocks.

mod cli_common;

use cli_common::{plangap, temp_dir};
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_with_what_it_is_and_the_others_still_load() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    let report = dir.join("report.txt");
    std::fs::write(&report, plangap::corpus::EMBEDDED[0].1).unwrap();
    let run = plangap(&[OsStr::new("check"), fifo.as_os_str(), report.as_os_str()]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("pipe.txt: skipped: it is a named pipe (FIFO), not a regular file"),
        "{run:?}"
    );
    assert!(run.stdout.contains("綦江区"), "the report after the FIFO is still shown: {run:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_skipped_not_read_until_memory_runs_out() {
    let run = plangap(&[OsStr::new("check"), OsStr::new("/dev/zero")]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("/dev/zero: skipped: it is a character device"), "{run:?}");
}

#[test]
fn a_file_over_the_limit_is_refused_and_the_flag_raises_the_limit() {
    let dir = temp_dir("huge");
    let big = dir.join("big.txt");
    let mut bytes = plangap::corpus::EMBEDDED[0].1.to_vec();
    bytes.resize(2 * 1024 * 1024 + 10, b'\n');
    std::fs::write(&big, &bytes).unwrap();
    let run = plangap(&[OsStr::new("check"), OsStr::new("--max-size"), OsStr::new("2"), big.as_os_str()]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("big.txt: the file is 3 MB, more than the 2 MB limit"), "{run:?}");
    assert!(run.stderr.contains("--max-size"), "{run:?}");
    let run = plangap(&[OsStr::new("check"), OsStr::new("--max-size"), OsStr::new("3"), big.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn the_default_limit_is_twenty_megabytes() {
    let dir = temp_dir("limit");
    let big = dir.join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(plangap::corpus::DEFAULT_MAX_SIZE + 1).unwrap();
    let error = plangap::corpus::read_report_file(&big, plangap::corpus::DEFAULT_MAX_SIZE).unwrap_err();
    assert!(matches!(error, plangap::Error::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("more than the 20 MB limit"), "{error}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_does_not_tell_its_size_is_cut_at_the_limit() {
    // /proc files report size 0 and may be of any length.
    let error = plangap::corpus::read_report_file(Path::new("/proc/self/maps"), 16).unwrap_err();
    assert!(matches!(error, plangap::Error::TooLarge { .. }), "{error}");
}
