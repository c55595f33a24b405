//! Moving around: cursors and scroll offsets of each pane, the tree, tables and rows.

use super::{App, Selection};
use crate::analysis::views::{MissedFilter, missed};
use crate::tui::layout::Pane;
use crate::tui::panes::districts::TreeItem;
use crate::tui::panes::gap;
use crate::tui::panes::indicators::RowFilter;

impl App {
    /// Rows in half a page of the focused pane.
    pub(super) fn page(&self) -> usize {
        (self.visible_rows(self.focus) / 2).max(1)
    }

    /// Moves the focused pane's selection by `delta` lines, within bounds.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        match self.focus {
            Pane::Districts => {
                self.tree_scroll.step(delta);
                self.follow_tree_cursor();
            }
            Pane::Indicators => {
                self.row_scroll.step(delta);
                self.refresh_gap();
            }
            Pane::Gap => {
                self.gap_scroll.step(delta);
                match self.gap.missed.get(self.gap_scroll.cursor()).and_then(|item| item.place) {
                    Some((table, row)) => self.select_row(table, row),
                    None => self.refresh_gap(),
                }
            }
        }
    }

    /// Scrolls the gap pane's detail by `delta` lines.
    pub(super) fn scroll_detail(&mut self, delta: isize) {
        let (_, detail) = gap::regions(self.pane_inner(Pane::Gap));
        let most = self.gap.detail.len().saturating_sub(usize::from(detail.height));
        self.detail_offset =
            (self.detail_offset as isize).saturating_add(delta).clamp(0, most as isize) as usize;
    }

    /// Shows row `row` of table `table` of the current report in the table, clearing a filter that
    /// hides it.
    pub(super) fn select_row(&mut self, table: usize, row: usize) {
        if self.table != table {
            self.table = table;
            self.column_offset = 0;
            self.refresh_grid();
        }
        if self.grid.line_of(row).is_none() {
            self.filter = RowFilter::default();
            self.refresh_grid();
            self.notify("filter cleared to show the row", false);
        }
        self.row_scroll.select(self.grid.line_of(row).unwrap_or(0));
        self.refresh_gap();
    }

    /// Left: collapses a district (or goes up to it), or scrolls the table left.
    pub(super) fn on_left(&mut self) {
        match self.focus {
            Pane::Districts => {
                if self.tree.set_expanded(self.tree_scroll.cursor(), Some(false)) {
                    self.relayout_tree();
                } else {
                    self.tree_scroll.select(self.tree.parent_line(self.tree_scroll.cursor()));
                    self.follow_tree_cursor();
                }
            }
            Pane::Indicators => self.column_offset = self.column_offset.saturating_sub(1),
            Pane::Gap => {}
        }
    }

    /// Right: expands a district (or opens the report), or scrolls the table right.
    pub(super) fn on_right(&mut self) {
        match self.focus {
            Pane::Districts => {
                if self.tree.set_expanded(self.tree_scroll.cursor(), Some(true)) {
                    self.relayout_tree();
                } else if matches!(
                    self.tree.lines.get(self.tree_scroll.cursor()).map(|l| l.item),
                    Some(TreeItem::Report(_))
                ) {
                    self.focus = Pane::Indicators;
                }
            }
            Pane::Indicators => {
                self.column_offset = (self.column_offset + 1).min(self.grid.max_column_offset());
            }
            Pane::Gap => {}
        }
    }

    /// Enter: opens a report or toggles a district; moves between the table and the gap pane.
    pub(super) fn on_select(&mut self) {
        match self.focus {
            Pane::Districts => match self.tree.lines.get(self.tree_scroll.cursor()).map(|l| l.item) {
                Some(TreeItem::Report(_)) => self.focus = Pane::Indicators,
                Some(_) => {
                    self.tree.set_expanded(self.tree_scroll.cursor(), None);
                    self.relayout_tree();
                }
                None => {}
            },
            Pane::Indicators => self.focus = Pane::Gap,
            Pane::Gap => self.focus = Pane::Indicators,
        }
    }

    /// Esc: clears the districts filter in the tree, the row filter elsewhere, or moves the focus
    /// back a pane.
    pub(super) fn on_back(&mut self) {
        if self.focus == Pane::Districts && !self.tree.filter().is_empty() {
            self.filter_tree("");
        } else if self.filter.is_active() {
            self.filter = RowFilter::default();
            self.refresh_grid();
        } else if self.focus != Pane::Districts {
            self.focus = self.focus.cycle(-1);
        }
    }

    /// Shows what the tree cursor points at.
    pub(super) fn follow_tree_cursor(&mut self) {
        let selection = match self.tree.lines.get(self.tree_scroll.cursor()).map(|l| l.item) {
            Some(TreeItem::Report(index)) => Selection::Report(index),
            Some(TreeItem::Failure(index)) => Selection::Failure(index),
            _ => return,
        };
        if selection != self.selection {
            self.selection = selection;
            self.missed = match self.current_report() {
                Some(report) => {
                    missed(std::slice::from_ref(report), &self.settings.aliases, &MissedFilter::default())
                }
                None => Vec::new(),
            };
            self.gap_scroll.reset();
            self.table = 0;
            self.row_scroll.reset();
            self.column_offset = 0;
            self.refresh_grid();
        }
    }

    /// Shows the next (`step` 1) or previous (`step` -1) table of the report.
    pub(super) fn switch_table(&mut self, step: isize) {
        let count = self.current_report().map_or(0, |r| r.tables.len());
        if count < 2 {
            self.notify("this report has only one indicator table", false);
            return;
        }
        self.table = (self.table as isize + step).rem_euclid(count as isize) as usize;
        self.row_scroll.reset();
        self.column_offset = 0;
        self.refresh_grid();
    }

    /// Lays the tree out again after a node opened or closed or the filter changed, keeping the
    /// cursor on the same node where it is still shown.
    pub(super) fn relayout_tree(&mut self) {
        let cursor = self.tree.lines.get(self.tree_scroll.cursor()).and_then(|l| self.tree.key_of(l.item));
        self.tree.relayout(&self.reports, &self.settings.glyphs);
        self.keep_tree_cursor(cursor);
    }

    /// Shows only the districts `text` matches (all of them for an empty text).
    pub(super) fn filter_tree(&mut self, text: &str) {
        self.tree.set_filter(text);
        self.relayout_tree();
    }

    /// Puts the tree cursor back on the node whose key is `cursor` when it is shown, else on the
    /// shown report (opening its district), else within the tree.
    pub(super) fn keep_tree_cursor(&mut self, cursor: Option<String>) {
        self.tree_scroll.set_len(self.tree.lines.len());
        match cursor.and_then(|key| self.tree.line_with_key(&key)) {
            Some(line) => self.tree_scroll.select(line),
            None => match self.selection {
                Selection::Report(report) if self.tree.filter().is_empty() => self.show_in_tree(report),
                _ => self.tree_scroll.set_len(self.tree.lines.len()),
            },
        }
    }

    /// Puts the tree cursor on `report`, opening its district and groups (and clearing a filter
    /// that hides it).
    pub(super) fn show_in_tree(&mut self, report: usize) {
        if self.tree.reveal(report) {
            self.tree.relayout(&self.reports, &self.settings.glyphs);
        }
        self.tree_scroll.set_len(self.tree.lines.len());
        if let Some(line) = self.tree.line_of_report(report) {
            self.tree_scroll.select(line);
        }
    }

    /// Moves scroll offsets so that each pane's cursor is visible.
    pub(super) fn scroll_into_view(&mut self) {
        self.tree_scroll.show(self.visible_rows(Pane::Districts));
        self.row_scroll.show(self.visible_rows(Pane::Indicators));
        self.gap_scroll.show(self.missed_rows());
    }

    /// How many missed rows the gap pane shows.
    pub(super) fn missed_rows(&self) -> usize {
        let (missed, _) = gap::regions(self.pane_inner(Pane::Gap));
        usize::from(missed.height.saturating_sub(1)).max(1)
    }
}
