//! Drawing the visible part of the indicator table.

use super::columns::{Column, GUTTER};
use super::grid::{IndicatorGrid, Placed};
use crate::model::Status;
use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

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
    let lines = view.offset..view.grid.len().min(view.offset.saturating_add(body_height));
    for (line, row) in lines.filter_map(|line| Some((line, view.grid.row_at(line)?))) {
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
