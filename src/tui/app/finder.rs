//! The finder popup's part of the update: opening it, searching as the query changes, moving
//! through the matches, and jumping to the selected one.

use super::{App, Overlay};
use crate::finder::{Entry, FinderIndex};
use crate::tui::layout::Pane;
use crate::tui::prompt::LineInput;

impl App {
    /// Opens the finder with an empty query (all entries listed).
    pub(super) fn open_finder(&mut self) {
        if std::mem::take(&mut self.finder_stale) {
            self.finder_index = FinderIndex::with_aliases(&self.reports, &self.settings.aliases);
        }
        self.finder.input = LineInput::default();
        self.overlay = Overlay::Finder;
        self.search_finder();
    }

    /// Takes an index built off the event loop when it covers every loaded report (one built
    /// before the last reports came is dropped: another is on its way), and searches again if
    /// the finder is open.
    pub(super) fn take_finder_index(&mut self, index: Box<FinderIndex>) {
        if index.reports() != self.reports.len() {
            return;
        }
        self.finder_index = *index;
        self.finder_stale = false;
        if self.overlay == Overlay::Finder {
            self.search_finder();
        }
    }

    /// Searches for the finder's query; the searcher narrows the last matches when it can.
    pub(super) fn search_finder(&mut self) {
        let (styles, glyphs) = (&self.settings.theme.styles, &self.settings.glyphs);
        self.finder.search(&self.finder_index, &self.reports, styles, glyphs);
    }

    /// Moves the finder's selection; does nothing outside the finder.
    pub(super) fn step_finder(&mut self, delta: isize) {
        if self.overlay == Overlay::Finder {
            let (styles, glyphs) = (&self.settings.theme.styles, &self.settings.glyphs);
            self.finder.step(delta, &self.finder_index, &self.reports, styles, glyphs);
        }
    }

    /// Shows what the selected match points at: a project's or a place's report in the tree, an
    /// indicator's row in its table.
    pub(super) fn jump_to_finder_match(&mut self) {
        let Some(entry) = self.finder.selected(&self.finder_index).cloned() else {
            return self.notify("no match to jump to", true);
        };
        match entry {
            Entry::Project { report, project } => {
                self.select_report(report);
                self.focus = Pane::Districts;
                let found = self.reports.get(report).and_then(|r| r.projects.get(project));
                if let Some(project) = found {
                    let text = format!("{}: {}, line {}", project.name, project.table, project.line);
                    self.notify(text, false);
                }
            }
            Entry::Indicator { report, table, row } => {
                self.select_report(report);
                self.select_row(table, row);
                self.focus = Pane::Indicators;
            }
            Entry::Place { reports, .. } => {
                if let Some(&first) = reports.first() {
                    self.select_report(first);
                }
                self.focus = Pane::Districts;
            }
        }
        self.scroll_into_view();
    }

    /// Puts the tree cursor on `report`, opening its district if closed, and shows it.
    fn select_report(&mut self, report: usize) {
        self.show_in_tree(report);
        self.follow_tree_cursor();
    }
}
