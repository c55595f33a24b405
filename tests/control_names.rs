//! File names, paths and queries with control characters are printed as escapes in tables,
//! CSV, errors and warnings, and kept (escaped) in JSON (issue 11, item 1).

mod cli_common;

use cli_common::{plangap, temp_dir};

/// A name that sets the terminal title, writes the clipboard (OSC 52), starts a C1 CSI and
/// reverses the text direction, if printed raw.
const NAME: &str = "r_\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m\u{202e}txt.txt";

fn assert_clean(output: &str) {
    assert!(
        !output.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
        "raw control characters: {output:?}"
    );
}

#[test]
fn a_report_under_a_hostile_name_prints_the_name_escaped_everywhere() {
    let dir = temp_dir("names");
    let path = dir.join(NAME);
    std::fs::write(&path, plangap::corpus::EMBEDDED[1].1).unwrap();
    for args in [
        vec!["check"],
        vec!["missed", "--format", "table"],
        vec!["missed", "--format", "csv"],
        vec!["summary"],
        vec!["projects", "--format", "csv", "--report"],
    ] {
        let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        args.push(path.as_os_str());
        let run = plangap(&args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        assert_clean(&run.stdout);
        assert_clean(&run.stderr);
        assert!(run.stdout.contains("r_\\x1b]0;pwned\\x07"), "{args:?}: {}", run.stdout);
    }
}

#[test]
fn json_keeps_the_name_with_every_control_character_escaped() {
    let dir = temp_dir("names-json");
    let path = dir.join(NAME);
    std::fs::write(&path, plangap::corpus::EMBEDDED[1].1).unwrap();
    for args in [vec!["export", "--format", "json"], vec!["missed", "--format", "json"]] {
        let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        args.push(path.as_os_str());
        let run = plangap(&args);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert_clean(&run.stdout);
        assert!(run.stdout.contains("\\u001b]0;pwned\\u0007"), "{}", run.stdout);
        assert!(run.stdout.contains("\\u009b31m\\u202etxt.txt"), "{}", run.stdout);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let file = value.get("reports").map_or(&value[0]["file"], |reports| &reports[0]["file"]);
        assert_eq!(file.as_str(), path.to_str(), "the name reads back as it is");
    }
}

#[test]
fn errors_name_a_hostile_file_escaped() {
    let dir = temp_dir("names-error");
    let path = dir.join(NAME);
    std::fs::write(&path, "会议纪要\n").unwrap();
    let missing = dir.join("\u{1b}[2Jmissing.txt");
    let run = plangap(&[std::ffi::OsStr::new("check"), path.as_os_str(), missing.as_os_str()]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_clean(&run.stderr);
    assert!(
        run.stderr.contains("r_\\x1b]0;pwned\\x07") && run.stderr.contains("not a plan report"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\\x1b[2Jmissing.txt: cannot read the file"), "{}", run.stderr);
}

#[test]
fn a_hostile_query_is_echoed_escaped() {
    let run = plangap(&["compare", "gdp\u{1b}]0;x\u{7}"]);
    assert_clean(&run.stderr);
    assert_clean(&run.stdout);
}
