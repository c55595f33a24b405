//! The user's configuration file, `$XDG_CONFIG_HOME/plangap/config.toml` (or
//! `~/.config/plangap/config.toml`), read in this one place and at most once per process.
//!
//! Its sections belong to their readers: `[[indicator]]` and `[split]` to the indicator aliases
//! ([`crate::analysis::canonical::AliasTable::with_config`]), the rest to the workbench
//! ([`crate::tui::config::Config`]). A missing file is the defaults; an unreadable one, or one
//! that is not TOML, is the defaults and a [`ConfigFile::problem`] naming the file and the line,
//! which commands that use the configuration show and the others never see (they do not read it).

use crate::printable;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The configuration file as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFile {
    /// Where it is (or would be).
    pub path: Option<PathBuf>,
    /// Its text, when it exists, could be read and is TOML.
    text: Option<String>,
    /// Why it was not used, for the user.
    pub problem: Option<String>,
    /// Whether the file exists but is not valid TOML (a mistake to fix, unlike a missing or
    /// unreadable file).
    pub invalid: bool,
}

impl ConfigFile {
    /// Reads the file at `path`: a missing file is no problem, an unreadable or invalid one is.
    pub fn read(path: Option<PathBuf>) -> ConfigFile {
        let Some(file) = path.as_deref() else { return ConfigFile::default() };
        let origin = printable::path(file);
        match std::fs::read_to_string(file) {
            Ok(text) => ConfigFile::from_text(file, &text),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                ConfigFile { path, ..ConfigFile::default() }
            }
            Err(error) => ConfigFile {
                problem: Some(format!("config {origin}: cannot read it ({error}); using the defaults")),
                path,
                ..ConfigFile::default()
            },
        }
    }

    /// The configuration from `text`, read from `path`.
    pub fn from_text(path: &Path, text: &str) -> ConfigFile {
        match toml::from_str::<toml::Table>(text) {
            Ok(_) => ConfigFile {
                path: Some(path.to_owned()),
                text: Some(text.to_owned()),
                ..ConfigFile::default()
            },
            Err(error) => ConfigFile {
                path: Some(path.to_owned()),
                text: None,
                problem: Some(format!(
                    "config {}: {}; using the defaults",
                    printable::path(path),
                    describe_toml_error(text, &error)
                )),
                invalid: true,
            },
        }
    }

    /// The text, when there is a usable file.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The file's name for messages (control characters escaped).
    pub fn origin(&self) -> String {
        self.path.as_deref().map_or_else(|| "config".to_owned(), printable::path)
    }

    /// Where user themes live: `themes/` beside the file.
    pub fn themes_dir(&self) -> Option<PathBuf> {
        self.path.as_deref().and_then(Path::parent).map(|dir| dir.join("themes"))
    }

    /// The sections a reader knows, deserialised from the text; `None` without a usable file.
    /// The error names the file, the line and the key.
    pub fn section<T: DeserializeOwned>(&self) -> Result<Option<T>, String> {
        let Some(text) = self.text() else { return Ok(None) };
        toml::from_str(text)
            .map(Some)
            .map_err(|error| format!("{}: {}", self.origin(), describe_toml_error(text, &error)))
    }
}

/// The default place of the configuration file: `$XDG_CONFIG_HOME/plangap/config.toml`, else
/// `$HOME/.config/plangap/config.toml`.
pub fn path() -> Option<PathBuf> {
    Some(xdg_base("XDG_CONFIG_HOME", ".config")?.join("plangap").join("config.toml"))
}

/// A base folder of the XDG convention: the variable `var` when set and not empty, else the
/// folder `under_home` in `$HOME`; `None` when neither is set.
pub fn xdg_base(var: &str, under_home: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(under_home))
    })
}

/// The user's configuration file, read on first use and kept for the rest of the process.
pub fn user() -> &'static ConfigFile {
    static FILE: OnceLock<ConfigFile> = OnceLock::new();
    FILE.get_or_init(|| ConfigFile::read(path()))
}

/// A TOML error on one line, with the key (and table) it is in:
/// `line 3, column 10, at \`theme\`: invalid type: …`.
pub fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim();
    let Some(span) = error.span() else { return message.to_owned() };
    let before = text.get(..span.start).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    match key_at(text, line) {
        Some(key) => format!("line {line}, column {column}, at `{key}`: {message}"),
        None => format!("line {line}, column {column}: {message}"),
    }
}

/// The key set on 1-based `line`, with the table it is in (`keys.quit`), if the line sets one.
fn key_at(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (key, _) = lines.get(line - 1)?.split_once('=')?;
    let key = key.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('#') {
        return None;
    }
    let table = lines[..line - 1].iter().rev().map(|l| l.trim()).find(|l| l.starts_with('['));
    match table.map(|t| t.trim_matches(['[', ']']).trim()) {
        Some(table) => Some(format!("{table}.{key}")),
        None => Some(key.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_no_problem_and_an_unreadable_one_is_named() {
        let dir = std::env::temp_dir().join(format!("plangap-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(ConfigFile::read(Some(dir.join("missing.toml"))).problem, None);
        let problem = ConfigFile::read(Some(dir.clone())).problem.expect("a folder cannot be read as a file");
        assert!(problem.contains("cannot read it") && problem.contains("plangap-config-"), "{problem}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_broken_line_is_named_with_its_key() {
        let file = ConfigFile::from_text(Path::new("c.toml"), "mouse = true\ntheme = dark\n");
        let problem = file.problem.clone().expect("not TOML");
        assert!(problem.starts_with("config c.toml: line 2, column 9, at `theme`:"), "{problem}");
        assert_eq!(file.text(), None);
        let file = ConfigFile::from_text(Path::new("c.toml"), "[keys]\nquit = 5\n");
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Keys {
            keys: std::collections::BTreeMap<String, Vec<String>>,
        }
        let error = file.section::<Keys>().err().expect("5 is no list");
        assert!(error.starts_with("c.toml: line 2, column 8, at `keys.quit`:"), "{error}");
    }
}
