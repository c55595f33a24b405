//! The configuration file, `$XDG_CONFIG_HOME/plangap/config.toml` (or `~/.config/plangap/…`):
//!
//! ```toml
//! theme = "dark"              # a built-in name, a name in themes/ beside this file, or a path
//! color = "auto"              # auto | 16 | 256 | truecolor | none
//! mouse = false               # capturing the mouse disables the terminal's own text selection
//! ambiguous_width = "narrow"  # narrow | wide (terminals in a CJK locale)
//!
//! [keys]                      # action = [keys]; see the help overlay (?) for the names
//! quit = ["q", "ctrl-q"]
//!
//! [prompt_keys]
//! next = ["down", "ctrl-j"]
//! ```
//!
//! Command-line flags override the file. A file that fails to parse is reported in the status line
//! and the defaults are used.

use super::theme::ColorMode;
use super::width::AmbiguousWidth;
use crate::config::ConfigFile;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The settings of the configuration file; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Theme name or path.
    pub theme: Option<String>,
    /// Colour mode.
    pub color: Option<ColorMode>,
    /// Capture the mouse.
    pub mouse: Option<bool>,
    /// How the terminal draws ambiguous-width characters.
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// Pane key overrides: action name → keys.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// Prompt key overrides: action name → keys.
    #[serde(default)]
    pub prompt_keys: BTreeMap<String, Vec<String>>,
    /// `[[indicator]]` aliases, read by the analysis (`crate::analysis`), not by the workbench.
    #[serde(default, rename = "indicator")]
    pub indicator_aliases: Option<toml::Value>,
    /// `[split]` name prefixes, read by the analysis, not by the workbench.
    #[serde(default, rename = "split")]
    pub name_splits: Option<toml::Value>,
}

impl Config {
    /// The workbench's settings in the configuration file ([`crate::config`]); a missing file is
    /// the defaults, an unreadable or invalid one the defaults and a message for the user that
    /// names the file, the line and the key.
    pub fn from_file(file: &ConfigFile) -> (Config, Option<String>) {
        match file.section::<Config>() {
            Ok(config) => (config.unwrap_or_default(), file.problem.clone()),
            Err(error) => (Config::default(), Some(format!("config {error}; using the defaults"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse(text: &str) -> Result<Config, String> {
        match Config::from_file(&ConfigFile::from_text(Path::new("c.toml"), text)) {
            (config, None) => Ok(config),
            (_, Some(problem)) => Err(problem),
        }
    }

    #[test]
    fn a_full_configuration_parses() {
        let text = "theme = \"light\"\ncolor = \"256\"\nmouse = true\nambiguous_width = \"wide\"\n\
                    [keys]\nquit = [\"ctrl-q\"]\n[prompt_keys]\nnext = [\"ctrl-j\"]\n";
        let config = parse(text).unwrap();
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.color, Some(ColorMode::Ansi256));
        assert_eq!(config.mouse, Some(true));
        assert_eq!(config.ambiguous_width, Some(AmbiguousWidth::Wide));
        assert_eq!(config.keys["quit"], ["ctrl-q"]);
        assert_eq!(config.prompt_keys["next"], ["ctrl-j"]);
    }

    #[test]
    fn the_analysis_sections_are_accepted() {
        let text = "mouse = true\n[[indicator]]\ncanonical = \"地区生产总值增速\"\naliases = [\"GDP增速\"]\n";
        assert_eq!(parse(text).unwrap().mouse, Some(true));
    }

    #[test]
    fn mistakes_name_the_line() {
        let error = parse("theme = \"dark\"\ncolour = \"none\"\n").unwrap_err();
        assert!(error.starts_with("config c.toml: line 2, column 1"), "{error}");
        let error = parse("color = \"8\"\n").unwrap_err();
        assert!(error.contains("line 1"), "{error}");
    }

    #[test]
    fn a_missing_file_is_the_default() {
        let path = std::env::temp_dir().join("plangap-config-test-missing").join("config.toml");
        assert_eq!(Config::from_file(&ConfigFile::read(Some(path))), (Config::default(), None));
    }
}
