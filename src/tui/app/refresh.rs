//! Rebuilding what is derived from the data and the selection: the table's formatted rows and
//! the gap pane. Done when they change, never while drawing.

use super::App;
use crate::analysis::link::row_canonical;
use crate::analysis::views::compare;
use crate::tui::layout::Pane;
use crate::tui::panes::gap::GapView;
use crate::tui::panes::indicators::IndicatorGrid;

impl App {
    /// Rebuilds the table's rows after the report, table, filter or sort changed, keeping the
    /// cursor on the same row where it is still shown.
    pub(super) fn refresh_grid(&mut self) {
        let previous = self.grid.rows.get(self.row_scroll.cursor()).map(|r| r.row);
        self.grid = match self.current_table() {
            Some(table) => {
                IndicatorGrid::build(table, &self.filter, self.sort, &self.missed, &self.settings.glyphs)
            }
            None => IndicatorGrid::default(),
        };
        self.row_scroll.set_len(self.grid.rows.len());
        self.row_scroll
            .select(previous.and_then(|row| self.grid.rows.iter().position(|r| r.row == row)).unwrap_or(0));
        self.row_scroll.show(self.visible_rows(Pane::Indicators));
        self.column_offset = self.column_offset.min(self.grid.max_column_offset());
        self.refresh_gap();
    }

    /// Rebuilds the gap pane for the current selection and pane size, and points its missed-row
    /// cursor at the selected row when that row is one of them.
    pub(super) fn refresh_gap(&mut self) {
        self.canonical = self.current_row().map(|row| row_canonical(row, &self.settings.aliases));
        if let Some(canonical) = &self.canonical
            && !self.comparisons.contains_key(canonical)
        {
            let comparison = compare(&self.reports, &self.settings.aliases, canonical);
            self.comparisons.insert(canonical.clone(), comparison);
        }
        self.gap = GapView::build(self, self.pane_inner(Pane::Gap));
        let selected = self.grid.rows.get(self.row_scroll.cursor()).map(|r| (self.table, r.row));
        self.gap_scroll.set_len(self.gap.missed.len());
        let on_sentence = self.focus == Pane::Gap
            && self.gap.missed.get(self.gap_scroll.cursor()).is_some_and(|m| m.place.is_none());
        if let Some(index) = self.gap.missed.iter().position(|m| m.place.is_some() && m.place == selected)
            && !on_sentence
        {
            self.gap_scroll.select(index);
        }
        self.gap_scroll.show(self.missed_rows());
        self.detail_offset = 0;
    }
}
