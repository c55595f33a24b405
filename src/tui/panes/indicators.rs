//! The indicator table: the selected report's table with columns 类别 指标 单位 目标 完成 状态 差距,
//! rows coloured and marked by status, binding rows marked `*`, sub-rows indented, filtered and
//! sorted. Cells are formatted once per data change ([`IndicatorGrid::build`]); drawing only fits
//! the visible cells to their columns. The name column stays in place when the table is scrolled
//! sideways.

use crate::analysis::views::GapRow;
use crate::model::{IndicatorRow, IndicatorTable, Status, TableKind};
use crate::text::display_width;
use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A column of the indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 类别.
    Category,
    /// 指标: the frozen column.
    Name,
    /// 单位.
    Unit,
    /// 目标.
    Target,
    /// 完成.
    Actual,
    /// 状态.
    Status,
    /// 差距.
    Gap,
}

impl Column {
    const ALL: [Column; 7] = [
        Column::Category,
        Column::Name,
        Column::Unit,
        Column::Target,
        Column::Actual,
        Column::Status,
        Column::Gap,
    ];

    /// The column title.
    pub fn header(self) -> &'static str {
        match self {
            Column::Category => "类别",
            Column::Name => "指标",
            Column::Unit => "单位",
            Column::Target => "目标",
            Column::Actual => "完成",
            Column::Status => "状态",
            Column::Gap => "差距",
        }
    }

    /// The widest a column is when room is short; with room to spare it grows to its widest cell.
    fn max_width(self) -> usize {
        match self {
            Column::Category => 8,
            Column::Name => 40,
            Column::Unit => 6,
            Column::Target | Column::Actual => 12,
            Column::Status => 10,
            Column::Gap => 8,
        }
    }

    fn right_aligned(self) -> bool {
        self == Column::Gap
    }
}

/// Columns of the name gutter: the binding mark and a space.
const GUTTER: usize = 2;
/// Indentation of sub-rows under their parent.
const SUB_ROW_INDENT: &str = "  ";
/// The name column is never made narrower than this to fit more columns.
const MIN_NAME_WIDTH: usize = 14;

/// The order of the table's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// As in the document.
    #[default]
    Document,
    /// Missed rows first, the most severe first as the gap analysis ranks them (shortfall
    /// relative to the target, [`crate::analysis::views::missed`]); the other rows after them in
    /// document order.
    Gap,
    /// Missed, then unassessed, then met.
    Status,
    /// By name.
    Name,
}

impl SortKey {
    /// The next sort order.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Document => SortKey::Gap,
            SortKey::Gap => SortKey::Status,
            SortKey::Status => SortKey::Name,
            SortKey::Name => SortKey::Document,
        }
    }

    /// How the status line names it.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Document => "document order",
            SortKey::Gap => "largest shortfall",
            SortKey::Status => "status",
            SortKey::Name => "name",
        }
    }
}

/// Which rows are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Rows whose name, category or parent contains this text (case-insensitive).
    pub text: String,
    /// Only rows that missed their target.
    pub missed_only: bool,
    /// Only binding (约束性) rows.
    pub binding_only: bool,
}

impl RowFilter {
    /// True when some condition is set.
    pub fn is_active(&self) -> bool {
        !self.text.is_empty() || self.missed_only || self.binding_only
    }

    fn accepts(&self, row: &IndicatorRow, needle: &str) -> bool {
        if self.missed_only && row.status != Some(Status::Missed) {
            return false;
        }
        if self.binding_only && row.binding != Some(true) {
            return false;
        }
        needle.is_empty()
            || [Some(&row.name), Some(&row.raw_name), row.category.as_ref(), row.parent.as_ref()]
                .into_iter()
                .flatten()
                .any(|field| field.to_lowercase().contains(needle))
    }

    /// The filter as the pane title shows it (`missed only · "gdp"`), empty when inactive.
    pub fn describe(&self, dot: &str) -> String {
        let mut parts = Vec::new();
        if self.missed_only {
            parts.push("missed only".to_owned());
        }
        if self.binding_only {
            parts.push("binding only".to_owned());
        }
        if !self.text.is_empty() {
            parts.push(format!("\"{}\"", self.text));
        }
        parts.join(&format!(" {dot} "))
    }
}

/// A status as the table shows it: a symbol, so that colour is never the only sign, and a word.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Met => "✓ 达标",
        Status::Missed => "✗ 未达标",
        Status::Unassessed => "? 无法判断",
    }
}

/// A gap as the table shows it: signed, without trailing zeros (`-3.9`, `+12`).
pub fn format_gap(gap: f64) -> String {
    let text = format!("{gap:+.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text == "+0" { "0".to_owned() } else { text.to_owned() }
}

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

fn cell_text(row: &IndicatorRow, column: Column) -> String {
    match column {
        Column::Category => row.category.clone().unwrap_or_default(),
        Column::Name if row.parent.is_some() => format!("{SUB_ROW_INDENT}{}", row.name),
        Column::Name => row.name.clone(),
        Column::Unit => row.unit.clone().unwrap_or_default(),
        Column::Target => crate::analysis::revised::target_text(row),
        Column::Actual => row.actual.as_ref().map(|v| v.raw.clone()).unwrap_or_default(),
        Column::Status => row.status.map(status_label).unwrap_or_default().to_owned(),
        Column::Gap => row.gap.map(format_gap).unwrap_or_default(),
    }
}

/// The TSV header of copied rows.
pub fn tsv_header() -> String {
    Column::ALL.map(Column::header).join("\t")
}

/// A row as TSV for the clipboard: every column, as written in the document.
pub fn tsv_row(row: &IndicatorRow) -> String {
    let cells = Column::ALL.map(|column| match column {
        Column::Name => row.name.clone(),
        Column::Status => row.status.map(Status::as_str).unwrap_or_default().to_owned(),
        Column::Gap => row.gap.map(|gap| gap.to_string()).unwrap_or_default(),
        other => cell_text(row, other),
    });
    let clean: Vec<String> = cells.iter().map(|cell| cell.replace(['\t', '\n'], " ")).collect();
    clean.join("\t")
}

fn sort_rows(rows: &mut [GridRow], table: &IndicatorTable, sort: SortKey, severity: &[GapRow]) {
    let row = |r: &GridRow| table.rows.get(r.row);
    match sort {
        SortKey::Document => {}
        SortKey::Gap => rows.sort_by_key(|r| {
            let line = row(r).map(|row| row.line);
            severity
                .iter()
                .position(|gap| gap.table == table.caption && Some(gap.line) == line)
                .unwrap_or(usize::MAX)
        }),
        SortKey::Status => rows.sort_by_key(|r| match r.status {
            Some(Status::Missed) => 0,
            Some(Status::Unassessed) => 1,
            Some(Status::Met) => 2,
            None => 3,
        }),
        SortKey::Name => rows.sort_by(|a, b| row(a).map(|r| &r.name).cmp(&row(b).map(|r| &r.name))),
    }
}

/// What [`render_grid`] needs besides the grid.
pub struct GridView<'a> {
    /// The rows and columns.
    pub grid: &'a IndicatorGrid,
    /// The selected row (index into the grid's rows).
    pub cursor: usize,
    /// The first row shown.
    pub offset: usize,
    /// Scrollable columns hidden on the left.
    pub column_offset: usize,
    /// Whether the pane has the focus.
    pub focused: bool,
    /// Theme styles.
    pub styles: &'a Styles<Style>,
    /// Chrome glyphs.
    pub glyphs: &'a Glyphs,
}

/// Columns hidden by scrolling: whether some are off to the left, and to the right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Columns are scrolled out on the left.
    pub left: bool,
    /// Columns do not fit on the right.
    pub right: bool,
}

/// Draws the header and the visible rows of the grid into `area`; says which side has hidden
/// columns, for the caller to mark on the pane's border.
pub fn render_grid(view: &GridView<'_>, area: Rect, buf: &mut Buffer) -> Hidden {
    if area.is_empty() {
        return Hidden::default();
    }
    let width = usize::from(area.width);
    let placed = view.grid.layout(width, view.column_offset);
    let styles = view.styles;
    // Separators go between columns: none dangles after the last one drawn.
    let last = placed.last().map(|p| p.column);
    let separator = |buf: &mut Buffer, y: u16, column: &Placed| {
        let x = area.x + (column.x + column.width) as u16;
        if x < area.right() && Some(column.column) != last {
            buf.set_stringn(x, y, view.glyphs.column_separator, 1, styles.border);
        }
    };
    for column in &placed {
        let x = area.x + column.x as u16;
        let header = match column.column {
            Column::Name => format!("{:GUTTER$}{}", "", column.column.header()),
            other => other.header().to_owned(),
        };
        buf.set_stringn(x, area.y, view.glyphs.fit(&header, column.width), column.width, styles.header);
        separator(buf, area.y, column);
    }
    let hidden = Hidden {
        left: view.column_offset > 0,
        right: placed.len() < view.grid.columns.len().saturating_sub(view.column_offset),
    };
    let body_height = usize::from(area.height.saturating_sub(1));
    for (line, row) in view.grid.rows.iter().enumerate().skip(view.offset).take(body_height) {
        let y = area.y + 1 + (line - view.offset) as u16;
        let selected = line == view.cursor;
        let base = match (selected, view.focused) {
            (true, true) => styles.text.patch(styles.selected),
            (true, false) => styles.text.patch(styles.selected_unfocused),
            (false, _) => styles.text,
        };
        buf.set_style(Rect { x: area.x, y, width: area.width, height: 1 }, base);
        let status_style = match row.status {
            Some(Status::Met) => styles.met,
            Some(Status::Missed) => styles.missed,
            Some(Status::Unassessed) => styles.unassessed,
            None => Style::default(),
        };
        let over_base = |style: Style| if selected { style.patch(base) } else { base.patch(style) };
        for column in &placed {
            let Some(index) = view.grid.columns.iter().position(|c| c.column == column.column) else {
                continue;
            };
            let cell = row.cells.get(index).map_or("", String::as_str);
            let x = area.x + column.x as u16;
            let (text, style) = match column.column {
                Column::Name => {
                    let mark = if row.binding { "*" } else { " " };
                    buf.set_stringn(x, y, mark, 1, over_base(styles.binding));
                    let name_style =
                        if row.status == Some(Status::Missed) { status_style } else { Style::default() };
                    let name = view.glyphs.fit(cell, column.width.saturating_sub(GUTTER));
                    buf.set_stringn(x + GUTTER as u16, y, name, column.width - GUTTER, over_base(name_style));
                    separator(buf, y, column);
                    continue;
                }
                Column::Actual | Column::Status | Column::Gap => (cell, over_base(status_style)),
                Column::Unit | Column::Category => (cell, over_base(styles.muted)),
                Column::Target => (cell, base),
            };
            let fitted = if column.column.right_aligned() {
                view.glyphs.fit_right(text, column.width)
            } else {
                view.glyphs.fit(text, column.width)
            };
            buf.set_stringn(x, y, fitted, column.width, style);
            separator(buf, y, column);
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_signed_without_trailing_zeros() {
        assert_eq!(format_gap(-3.9), "-3.9");
        assert_eq!(format_gap(12.0), "+12");
        assert_eq!(format_gap(0.104), "+0.1");
        assert_eq!(format_gap(-0.001), "0");
    }

    #[test]
    fn sort_keys_cycle_back_to_document_order() {
        let mut key = SortKey::Document;
        for _ in 0..4 {
            key = key.next();
        }
        assert_eq!(key, SortKey::Document);
    }
}
