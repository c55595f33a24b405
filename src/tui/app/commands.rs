//! The command line (`:export`, `:theme`, `:open`, `:quit`), themes, and copying rows.

use super::{App, DEFAULT_EXPORT_PATH, Effect, Overlay};
use crate::tui::panes::indicators;
use crate::tui::theme::{self, Theme};
use std::path::PathBuf;

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
                self.refresh_gap();
            }
            Err(error) => self.notify(format!("{error}; keeping {}", self.settings.theme.name), true),
        }
    }

    /// Runs a command-line entry: `export [PATH]`, `theme NAME|PATH`, `open PATH`, `quit`, `help`.
    pub(super) fn run_command(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let command = words.next().unwrap_or("");
        let argument = line.trim().get(command.len()..).unwrap_or("").trim();
        match command {
            "" => {}
            "q" | "quit" => self.quit = true,
            "help" => self.overlay = Overlay::Help(0),
            "export" => {
                let path = if argument.is_empty() { DEFAULT_EXPORT_PATH } else { argument };
                self.effects.push(Effect::Export(PathBuf::from(path)));
            }
            "theme" if !argument.is_empty() => self.set_theme(argument),
            "open" if !argument.is_empty() => self.effects.push(Effect::Open(PathBuf::from(argument))),
            "theme" | "open" => {
                self.notify(format!("{command} needs an argument: {command} NAME|PATH"), true)
            }
            other => self.notify(
                format!("unknown command `{other}`: try export [PATH], theme NAME|PATH, open PATH, quit"),
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
        let shown = self.grid.rows.iter().filter_map(|r| table.rows.get(r.row));
        for row in shown {
            text.push_str(&indicators::tsv_row(row));
            text.push('\n');
        }
        let message = format!("copied {} rows as TSV", self.grid.rows.len());
        self.effects.push(Effect::Copy(text));
        self.notify(message, false);
    }
}
