//! The table's rows formatted once per table, and the columns sized to them; the filter and the
//! sort only choose and order the formatted rows ([`IndicatorGrid::arrange`]).

use super::columns::{Column, GUTTER, MIN_NAME_WIDTH, cell_text};
use super::order::{RowFilter, SortKey, sort_rows};
use crate::analysis::views::GapRow;
use crate::model::{IndicatorTable, Status, TableKind};
use crate::text::display_width;
use crate::tui::width::Glyphs;

/// One row: its index in the table and its cells, formatted for display.
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

/// One table's rows, formatted, with their columns and the width each column needs, and which
/// of them are shown in what order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorGrid {
    /// The columns this table has, with the widths they need.
    pub columns: Vec<GridColumn>,
    /// Every row of the table in document order (`rows[i].row == i`).
    rows: Vec<GridRow>,
    /// The rows shown: indices into `rows`, filtered and sorted.
    shown: Vec<usize>,
    /// Per row of the table, its line among the shown rows.
    line_of: Vec<Option<usize>>,
}

impl IndicatorGrid {
    /// Formats every row of `table` for drawing with `glyphs`, all shown in document order.
    pub fn build(table: &IndicatorTable, glyphs: &Glyphs) -> IndicatorGrid {
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
        let rows: Vec<GridRow> = table
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
        let shown = (0..rows.len()).collect();
        let line_of = (0..rows.len()).map(Some).collect();
        IndicatorGrid { columns, rows, shown, line_of }
    }

    /// Shows the rows of `table` (the table the grid was built from) that pass `filter`, sorted
    /// by `sort`; `severity` is the report's missed rows, most severe first, for [`SortKey::Gap`].
    pub fn arrange(
        &mut self,
        table: &IndicatorTable,
        filter: &RowFilter,
        sort: SortKey,
        severity: &[GapRow],
    ) {
        let needle = filter.text.to_lowercase();
        let mut shown: Vec<usize> = table
            .rows
            .iter()
            .enumerate()
            .filter(|(i, row)| *i < self.rows.len() && filter.accepts(row, &needle))
            .map(|(i, _)| i)
            .collect();
        sort_rows(&mut shown, table, sort, severity);
        self.line_of = vec![None; self.rows.len()];
        for (line, &row) in shown.iter().enumerate() {
            self.line_of[row] = Some(line);
        }
        self.shown = shown;
    }

    /// How many rows are shown.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    /// Whether no row is shown.
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// How many rows the table has, shown or not.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// The row shown on `line`.
    pub fn row_at(&self, line: usize) -> Option<&GridRow> {
        self.shown.get(line).and_then(|&i| self.rows.get(i))
    }

    /// The line showing row `row` of the table, if it is shown.
    pub fn line_of(&self, row: usize) -> Option<usize> {
        self.line_of.get(row).copied().flatten()
    }

    /// The shown rows, in order.
    pub fn shown(&self) -> impl Iterator<Item = &GridRow> {
        self.shown.iter().filter_map(|&i| self.rows.get(i))
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
