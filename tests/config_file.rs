//! The configuration file (issue 11, item 9): read in one place; a missing or unreadable one is
//! no error for commands that do not need it; a broken one names its own line and key.

mod cli_common;

use cli_common::{TempDir, plangap_in, temp_dir};

fn config_home(test: &str, text: &str) -> TempDir {
    let home = temp_dir(test);
    std::fs::create_dir_all(home.join("plangap")).unwrap();
    std::fs::write(home.join("plangap/config.toml"), text).unwrap();
    home
}

#[test]
fn a_broken_theme_line_is_named_by_its_line_and_key_not_blamed_on_the_aliases() {
    let home = config_home("broken-theme", "mouse = true\ntheme = dark\n");
    let run = plangap_in(&home, &["missed", "--format", "csv"]);
    assert!(run.stderr.contains("config.toml: line 2, column 9, at `theme`"), "{}", run.stderr);
    assert!(!run.stderr.contains("[[indicator]]") && !run.stderr.contains("aliases"), "{}", run.stderr);
    assert!(run.stdout.contains("涪陵区"), "the results are still shown: {run:?}");
    assert_eq!(run.code, Some(2), "a broken config is a mistake to fix: {run:?}");
}

#[test]
fn commands_that_do_not_use_the_config_never_read_it() {
    let home = config_home("broken-unused", "theme = dark\n");
    for args in [["check"], ["export"]] {
        let run = plangap_in(&home, &args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        assert!(!run.stderr.contains("config"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn an_unreadable_config_is_a_note_not_an_error() {
    let home = temp_dir("unreadable");
    // A folder where the file should be cannot be read as a file, even by root.
    std::fs::create_dir_all(home.join("plangap/config.toml")).unwrap();
    let run = plangap_in(&home, &["missed", "--format", "csv"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.contains("note: config") && run.stderr.contains("cannot read it"), "{}", run.stderr);
}

#[test]
fn a_broken_indicator_entry_is_still_an_error_about_the_aliases() {
    let home = config_home("broken-alias", "[[indicator]]\naliases = [\"GDP\"]\n");
    let run = plangap_in(&home, &["missed"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("[[indicator]]") && run.stderr.contains("canonical"), "{}", run.stderr);
}
