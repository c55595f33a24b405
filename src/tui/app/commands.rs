//! The command line (`:export`, `:theme`, `:open`, `:quit`), themes, and copying rows.

use super::{App, DEFAULT_EXPORT_PATH, Effect, Overlay};
use crate::tui::panes::indicators;
use crate::tui::theme::{self, Theme};
use crate::write_file::Replace;
use std::path::PathBuf;

/// `path` with a leading `~` or `~/` read as the home folder, as a shell would.
pub fn expand_home(path: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    match path.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(path)),
        Some(rest) if rest.starts_with('/') => {
            home().map_or_else(|| PathBuf::from(path), |home| home.join(rest.trim_start_matches('/')))
        }
        _ => PathBuf::from(path),
    }
}

impl App {
    /// Switches to the next built-in theme.
    pub(super) fn cycle_theme(&mut self) {
        let names = theme::builtin_names();
        let current = names.iter().position(|&n| n == self.settings.theme.name);
        let next = names[current.map_or(0, |i| (i + 1) % names.len())];
        self.set_theme(next);
    }

    /// Loads and applies a theme by name or path; on failure keeps the current one.
    pub fn set_theme(&mut self, name_or_path: &str) {
        let dir = self.settings.themes_dir.as_deref();
        match Theme::load(name_or_path, dir, self.settings.color_mode) {
            Ok(theme) => {
                self.notify(format!("theme {}", theme.name), false);
                self.settings.theme = theme;
                self.gap.invalidate();
                self.refresh_gap();
            }
            Err(error) => self.notify(format!("{error}; keeping {}", self.settings.theme.name), true),
        }
    }

    /// Runs a command-line entry: `export [PATH]` (`export! PATH` replaces a file), `theme
    /// NAME|PATH`, `open PATH`, `quit`, `help`. Paths may start with `~/`.
    pub(super) fn run_command(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let command = words.next().unwrap_or("");
        let argument = line.trim().get(command.len()..).unwrap_or("").trim();
        match command {
            "" => {}
            "q" | "quit" => self.quit = true,
            "help" => self.overlay = Overlay::Help(0),
            "export" | "export!" => {
                // Without a path, the file goes in the current folder: say which.
                let path = match argument {
                    "" => std::path::absolute(DEFAULT_EXPORT_PATH).unwrap_or_else(|_| DEFAULT_EXPORT_PATH.into()),
                    path => expand_home(path),
                };
                let replace = if command == "export!" { Replace::File } else { Replace::Never };
                self.notify(format!("exporting {} report(s) to {}", self.reports.len(), path.display()), false);
                self.effects.push(Effect::Export(path, replace));
            }
            "theme" if !argument.is_empty() => self.set_theme(argument),
            "open" if !argument.is_empty() => self.effects.push(Effect::Open(expand_home(argument))),
            "theme" | "open" => {
                self.notify(format!("{command} needs an argument: {command} NAME|PATH"), true)
            }
            other => self.notify(
                format!("unknown command `{other}`: try export [PATH], export! PATH, theme NAME|PATH, open PATH, quit"),
                true,
            ),
        }
    }

    /// Asks for the selected row, under a header line, to be copied as TSV.
    pub(super) fn copy_row(&mut self) {
        let Some(row) = self.current_row() else {
            return self.notify("no row selected to copy", true);
        };
        let text = format!("{}\n{}\n", indicators::tsv_header(), indicators::tsv_row(row));
        let name = row.name.clone();
        self.effects.push(Effect::Copy(text));
        self.notify(format!("copied {name} as TSV"), false);
    }

    /// Asks for the shown rows of the table, under a header line, to be copied as TSV.
    pub(super) fn copy_table(&mut self) {
        let Some(table) = self.current_table() else {
            return self.notify("no table to copy", true);
        };
        let mut text = format!("{}\n", indicators::tsv_header());
        let shown = self.grid.shown().filter_map(|r| table.rows.get(r.row));
        for row in shown {
            text.push_str(&indicators::tsv_row(row));
            text.push('\n');
        }
        let message = format!("copied {} rows as TSV", self.grid.len());
        self.effects.push(Effect::Copy(text));
        self.notify(message, false);
    }
}
