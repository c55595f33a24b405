//! Rebuilding what is derived from the data and the selection: the table's formatted rows and
//! the gap pane. Done when they change, never while drawing; a key that only moves a cursor costs
//! the work of the lines it changes, not a pass over the table.

use super::{App, Selection};
use crate::analysis::link::row_canonical;
use crate::tui::layout::Pane;
use crate::tui::panes::indicators::IndicatorGrid;

/// How many comparisons are kept before the cache starts afresh (one per indicator visited).
const MAX_COMPARISONS: usize = 4096;

impl App {
    /// Shows the rows of the selected table that pass the filter, in the chosen order, keeping
    /// the cursor on the same row where it is still shown. The rows are formatted again only
    /// when the report or the table changed.
    pub(super) fn refresh_grid(&mut self) {
        let previous = self.grid.row_at(self.row_scroll.cursor()).map(|r| r.row);
        let table = match self.selection {
            Selection::Report(index) => self.reports.get(index).and_then(|r| r.tables.get(self.table)),
            _ => None,
        };
        let wanted = (self.selection, self.table);
        if self.grid_for != Some(wanted) {
            self.grid =
                table.map_or_else(IndicatorGrid::default, |t| IndicatorGrid::build(t, &self.settings.glyphs));
            self.grid_for = Some(wanted);
        }
        if let Some(table) = table {
            self.grid.arrange(table, &self.filter, self.sort, &self.missed);
        }
        self.row_scroll.set_len(self.grid.len());
        self.row_scroll.select(previous.and_then(|row| self.grid.line_of(row)).unwrap_or(0));
        self.row_scroll.show(self.visible_rows(Pane::Indicators));
        self.column_offset = self.column_offset.min(self.grid.max_column_offset());
        self.refresh_gap();
    }

    /// Brings the gap pane up to date with the selection and pane size, and points its
    /// missed-row cursor at the selected row when that row is one of them.
    pub(super) fn refresh_gap(&mut self) {
        self.canonical = self.current_row().map(|row| row_canonical(row, &self.settings.aliases));
        if let Some(canonical) = &self.canonical
            && !self.comparisons.contains_key(canonical)
        {
            if self.comparisons.len() >= MAX_COMPARISONS {
                self.comparisons.clear();
            }
            let comparison = self.links.compare(&self.reports, &self.settings.aliases, canonical);
            self.comparisons.insert(canonical.clone(), comparison);
        }
        let mut gap = std::mem::take(&mut self.gap);
        gap.refresh(self, self.pane_inner(Pane::Gap));
        self.gap = gap;
        let selected = self.grid.row_at(self.row_scroll.cursor()).map(|r| r.row);
        self.gap_scroll.set_len(self.gap.missed.len());
        let on_sentence = self.focus == Pane::Gap
            && self.gap.missed.get(self.gap_scroll.cursor()).is_some_and(|m| m.place.is_none());
        if let Some(index) = selected.and_then(|row| self.gap.position_of(self.table, row))
            && !on_sentence
        {
            self.gap_scroll.select(index);
        }
        self.gap_scroll.show(self.missed_rows());
        self.detail_offset = 0;
    }
}
