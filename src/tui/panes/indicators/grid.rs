//! The table's rows formatted once per data change, and the columns sized to them.

use super::columns::{Column, GUTTER, MIN_NAME_WIDTH, cell_text};
use super::order::{RowFilter, SortKey, sort_rows};
use crate::analysis::views::GapRow;
use crate::model::{IndicatorTable, Status, TableKind};
use crate::text::display_width;
use crate::tui::width::Glyphs;

/// One shown row: its index in the table and its cells, formatted for display.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// Index of the row in [`IndicatorTable::rows`].
    pub row: usize,
    /// One cell per column of the grid.
    pub cells: Vec<String>,
    /// The row's status.
    pub status: Option<Status>,
    /// A binding (约束性) row.
    pub binding: bool,
}

/// A column of the grid and the width it needs (the name column's includes the gutter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridColumn {
    /// Which column.
    pub column: Column,
    /// Its width when room is short: the widest cell, capped.
    pub width: usize,
    /// The widest cell, uncapped: what it grows to when the pane has room to spare.
    pub full: usize,
}

/// The shown rows of one table, with their columns and the width each column needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorGrid {
    /// The columns this table has, with the widths they need.
    pub columns: Vec<GridColumn>,
    /// The rows passing the filter, in the chosen order.
    pub rows: Vec<GridRow>,
    /// The number of rows in the table before filtering.
    pub total: usize,
}

impl IndicatorGrid {
    /// Formats the rows of `table` that pass `filter`, sorted by `sort`, for drawing with `glyphs`;
    /// `severity` is the report's missed rows, most severe first, for [`SortKey::Gap`].
    pub fn build(
        table: &IndicatorTable,
        filter: &RowFilter,
        sort: SortKey,
        severity: &[GapRow],
        glyphs: &Glyphs,
    ) -> IndicatorGrid {
        let review = table.kind == TableKind::Review;
        let columns: Vec<Column> = Column::ALL
            .into_iter()
            .filter(|column| match column {
                Column::Category => table.rows.iter().any(|r| r.category.is_some()),
                Column::Unit => table.rows.iter().any(|r| r.unit.is_some()),
                Column::Actual | Column::Status | Column::Gap => review,
                Column::Name | Column::Target => true,
            })
            .collect();
        // Every row is formatted, so that column widths stay put as the filter changes.
        let mut rows: Vec<GridRow> = table
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| GridRow {
                row: index,
                cells: columns
                    .iter()
                    .map(|&column| glyphs.display(&cell_text(row, column)).into_owned())
                    .collect(),
                status: row.status,
                binding: row.binding == Some(true),
            })
            .collect();
        let columns = columns
            .iter()
            .enumerate()
            .map(|(i, &column)| {
                let widest =
                    rows.iter().map(|r| r.cells.get(i).map_or(0, |c| display_width(c))).max().unwrap_or(0);
                let full = widest.max(display_width(column.header()));
                let gutter = if column == Column::Name { GUTTER } else { 0 };
                GridColumn { column, width: full.min(column.max_width()) + gutter, full: full + gutter }
            })
            .collect();
        let needle = filter.text.to_lowercase();
        rows.retain(|r| table.rows.get(r.row).is_some_and(|row| filter.accepts(row, &needle)));
        sort_rows(&mut rows, table, sort, severity);
        IndicatorGrid { columns, rows, total: table.rows.len() }
    }

    /// How many columns can be scrolled out of view (all but the name column and one more).
    pub fn max_column_offset(&self) -> usize {
        self.columns.len().saturating_sub(2)
    }

    /// The columns drawn in `width` columns with the first `offset` scrollable columns hidden:
    /// each with its x (relative to the left edge) and width. The same for every row, so the
    /// separators line up. When every column fits, the spare room widens capped columns.
    pub fn layout(&self, width: usize, offset: usize) -> Vec<Placed> {
        let mut hidden = offset;
        let visible: Vec<&GridColumn> = self
            .columns
            .iter()
            .filter(|c| {
                if c.column == Column::Name || hidden == 0 {
                    return true;
                }
                hidden -= 1;
                false
            })
            .collect();
        let others: usize = visible.iter().filter(|c| c.column != Column::Name).map(|c| c.width + 1).sum();
        let mut sized: Vec<(&GridColumn, usize)> = Vec::new();
        let mut used = 0;
        for &column in &visible {
            let room = width.saturating_sub(used + 1);
            let wanted = if column.column == Column::Name {
                let squeezed = width.saturating_sub(others + 1).max(MIN_NAME_WIDTH.max(width * 2 / 5));
                column.width.min(squeezed)
            } else {
                column.width
            };
            // Other columns show whole or not at all: a cut number would mislead.
            let column_width = if column.column == Column::Name { wanted.min(room) } else { wanted };
            if column_width > room || column_width == 0 {
                break;
            }
            sized.push((column, column_width));
            used += column_width + 1;
        }
        if sized.len() == visible.len() {
            let mut spare = width.saturating_sub(used);
            for priority in [Column::Unit, Column::Target, Column::Actual, Column::Name, Column::Category] {
                if let Some((column, w)) = sized.iter_mut().find(|(c, _)| c.column == priority) {
                    let grow = column.full.saturating_sub(*w).min(spare);
                    *w += grow;
                    spare -= grow;
                }
            }
        }
        let mut x = 0;
        sized
            .into_iter()
            .map(|(column, w)| {
                let placed = Placed { column: column.column, x, width: w };
                x += w + 1;
                placed
            })
            .collect()
    }
}

/// A column placed on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Which column.
    pub column: Column,
    /// Its left edge, relative to the table's.
    pub x: usize,
    /// Its width; a separator follows it unless it is the last column drawn.
    pub width: usize,
}
