//! Drawing the whole screen from the app's state: the panes, the status line, the overlays, or a
//! message when the terminal is too small. Drawing reads the state and changes nothing.

use super::app::{App, Overlay, Selection};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, Pane, Regions, Screen};
use super::panes::districts::render_tree;
use super::panes::finder::render_finder;
use super::panes::gap::GapCursor;
use super::panes::help::{help_lines, render_help};
use super::panes::indicators::{GridView, Hidden, render_grid};
use super::panes::status::render_status;
use crate::text::display_width;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Draws the app into the frame.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    match layout::compute(area, app.focus) {
        Screen::TooSmall => render_too_small(area, frame.buffer_mut()),
        Screen::Panes(regions) => {
            let cursor = render_panes(app, &regions, area, frame.buffer_mut());
            if let Some(position) = cursor {
                frame.set_cursor_position(position);
            }
        }
    }
}

fn render_panes(
    app: &App,
    regions: &Regions,
    area: Rect,
    buf: &mut Buffer,
) -> Option<ratatui::layout::Position> {
    let styles = &app.settings.theme.styles;
    buf.set_style(area, styles.text);
    if let Some(switcher) = regions.switcher {
        render_switcher(app, switcher, buf);
    }
    for (pane, rect) in regions.panes {
        if let Some(rect) = rect {
            render_pane(app, pane, rect, buf);
        }
    }
    let cursor = render_status(app, regions.status, buf);
    match app.overlay {
        Overlay::Help(scroll) => {
            let lines = help_lines(&app.settings.keymap, styles, &app.settings.glyphs);
            render_help(&lines, scroll, styles, &app.settings.glyphs, area, buf);
            cursor
        }
        Overlay::Finder => Some(render_finder(&app.finder, styles, &app.settings.glyphs, area, buf)),
        Overlay::None | Overlay::Filter(_) | Overlay::TreeFilter(_) | Overlay::Command(_) => cursor,
    }
}

/// The pane switcher of narrow terminals: every pane's name, the focused one highlighted.
fn render_switcher(app: &App, area: Rect, buf: &mut Buffer) {
    let styles = &app.settings.theme.styles;
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let style = if pane == app.focus { styles.selected } else { styles.muted };
        spans.push(Span::styled(format!(" {} ", pane.title()), style));
        spans.push(Span::raw(" "));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

fn render_pane(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let styles = &app.settings.theme.styles;
    let glyphs = &app.settings.glyphs;
    let focused = app.focus == pane;
    let (title, footer) = pane_titles(app, pane);
    let room = usize::from(area.width.saturating_sub(4));
    let mut block = Block::bordered()
        .border_set(glyphs.border)
        .border_style(if focused { styles.border_focused } else { styles.border })
        .title(Line::styled(format!(" {} ", glyphs.truncate(&title, room)), styles.title));
    if !footer.is_empty() {
        block =
            block.title_bottom(Line::styled(format!(" {} ", glyphs.truncate(&footer, room)), styles.muted));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    match pane {
        Pane::Districts => render_tree(app, focused, inner, buf),
        Pane::Indicators => {
            let hidden = render_indicators(app, focused, inner, buf);
            // Mark hidden columns on the border beside the header row.
            let style = if focused { styles.border_focused } else { styles.border };
            let header_y = inner.y + app.table_header_rows() - 1;
            if header_y < inner.bottom() {
                if hidden.left {
                    buf.set_stringn(area.x, header_y, glyphs.more_left, 1, style);
                }
                if hidden.right {
                    buf.set_stringn(area.right() - 1, header_y, glyphs.more_right, 1, style);
                }
            }
        }
        Pane::Gap => {
            let cursor = GapCursor {
                missed_cursor: app.gap_scroll.cursor(),
                missed_offset: app.gap_scroll.offset(),
                detail_offset: app.detail_offset,
                focused,
                current: app.grid.row_at(app.row_scroll.cursor()).map(|r| (app.table, r.row)),
            };
            app.gap.render(cursor, styles, inner, buf);
        }
    }
}

/// The title and the bottom line of a pane's border.
fn pane_titles(app: &App, pane: Pane) -> (String, String) {
    let glyphs = &app.settings.glyphs;
    let dot = format!(" {} ", glyphs.dot);
    match pane {
        Pane::Districts => {
            // Districts, not reports: a district has a report a year.
            let (shown, total) = app.tree.district_counts();
            let filter = app.tree.filter();
            match filter.is_empty() {
                true => (format!("{} ({total})", pane.title()), String::new()),
                false => (format!("{} ({shown}/{total})", pane.title()), format!("\"{filter}\"")),
            }
        }
        Pane::Indicators => {
            let Some(report) = app.current_report() else { return (pane.title().to_owned(), String::new()) };
            // With several tables the switcher names them; with one, the title does.
            let title = match (app.current_table(), report.tables.len()) {
                (Some(table), 1) => format!("{} {}", pane.title(), glyphs.display(&table.caption)),
                (Some(_), count) => format!("{} {}/{count}", pane.title(), app.table + 1),
                (None, _) => pane.title().to_owned(),
            };
            let mut footer = vec![format!("{}/{} rows", app.grid.len(), app.grid.total())];
            if app.filter.is_active() {
                footer.push(app.filter.describe(glyphs.dot));
            }
            footer.push(format!("sort: {}", app.sort.label()));
            (title, footer.join(&dot))
        }
        Pane::Gap => (pane.title().to_owned(), String::new()),
    }
}

/// The table switcher: one tab per table of the report, the shown one highlighted.
fn render_table_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(report) = app.current_report() else { return };
    let styles = &app.settings.theme.styles;
    let glyphs = &app.settings.glyphs;
    let count = report.tables.len().max(1);
    let tab_width = (usize::from(area.width) / count).max(4);
    let mut x = area.x;
    for (i, table) in report.tables.iter().enumerate() {
        let label = glyphs.fit(&format!(" {} ", glyphs.display(&table.caption)), tab_width.saturating_sub(1));
        let style = if i == app.table { styles.selected } else { styles.muted };
        let room = usize::from(area.right().saturating_sub(x));
        let (end, _) = buf.set_stringn(x, area.y, &label, room, style);
        x = end;
        if x < area.right() {
            buf.set_stringn(x, area.y, " ", 1, styles.text);
            x += 1;
        }
    }
}

/// Draws the table, or says why there is none; returns which side has hidden columns.
fn render_indicators(app: &App, focused: bool, area: Rect, buf: &mut Buffer) -> Hidden {
    let styles = &app.settings.theme.styles;
    let tabs = app.table_header_rows().saturating_sub(1).min(area.height);
    if tabs > 0 {
        render_table_tabs(app, Rect { height: tabs, ..area }, buf);
    }
    let area = Rect { y: area.y + tabs, height: area.height - tabs, ..area };
    let lines: Vec<String> = match app.selection {
        Selection::Nothing => vec!["No reports are loaded.".into(), "Type :open PATH to load some.".into()],
        Selection::Failure(_) => vec!["This file could not be read; the gap pane says why.".into()],
        Selection::Report(_) if app.current_table().is_none() => vec![
            "No indicator table was recognised in this report.".into(),
            "`plangap check FILE` lists what was found.".into(),
        ],
        Selection::Report(_) if app.grid.is_empty() => {
            let filter = app.filter.describe(app.settings.glyphs.dot);
            vec![format!("No rows match: {filter}."), "Esc clears the filter.".into()]
        }
        Selection::Report(_) => {
            let view = GridView {
                grid: &app.grid,
                cursor: app.row_scroll.cursor(),
                offset: app.row_scroll.offset(),
                column_offset: app.column_offset,
                focused,
                styles,
                glyphs: &app.settings.glyphs,
            };
            return render_grid(&view, area, buf);
        }
    };
    for (i, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let text = app.settings.glyphs.truncate(line, usize::from(area.width));
        buf.set_stringn(area.x, area.y + i as u16, text, usize::from(area.width), styles.muted);
    }
    Hidden::default()
}

/// The message for a terminal smaller than the layout needs, centred as far as it fits.
fn render_too_small(area: Rect, buf: &mut Buffer) {
    let lines = [
        "Terminal too small".to_owned(),
        format!("{}x{}, need {MIN_WIDTH}x{MIN_HEIGHT}", area.width, area.height),
        "Enlarge it, or q to quit".to_owned(),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let width = display_width(line).min(usize::from(area.width));
        let x = area.x + (area.width - width as u16) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), ratatui::style::Style::default());
    }
}
