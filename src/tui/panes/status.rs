//! The status line: where you are and the keys that matter now, or a message, or the prompt
//! being typed (row filter, district filter, command line) with its cursor.

use crate::text::display_width;
use crate::tui::app::{App, Overlay, Selection};
use crate::tui::keymap::Action;
use crate::tui::layout::Pane;
use crate::tui::panes::districts::file_name;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// The keys worth showing for each pane, with a short label.
fn hints(pane: Pane) -> &'static [(Action, &'static str)] {
    match pane {
        Pane::Districts => &[
            (Action::Down, "move"),
            (Action::Select, "open"),
            (Action::Search, "filter"),
            (Action::NextPane, "pane"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        Pane::Indicators => &[
            (Action::MissedOnly, "missed"),
            (Action::BindingOnly, "binding"),
            (Action::Search, "filter"),
            (Action::CycleSort, "sort"),
            (Action::NextTable, "table"),
            (Action::Right, "scroll"),
            (Action::CopyRow, "copy"),
            (Action::Help, "help"),
        ],
        Pane::Gap => &[
            (Action::Down, "scroll"),
            (Action::NextPane, "pane"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    }
}

/// Where the user is: `涪陵区 › 2022年 › 表1 … › 5/32`; while the files named on the command line
/// load, how far that has come first: `loading 523/2000 › 涪陵区 › …`.
pub fn location(app: &App) -> String {
    match app.loading {
        Some(progress) => match app.selection {
            Selection::Nothing => format!("loading {}/{} reports…", progress.done, progress.total),
            _ => format!("loading {}/{} › {}", progress.done, progress.total, place(app)),
        },
        None => place(app),
    }
}

/// The selected report, table and row, or what is selected instead.
fn place(app: &App) -> String {
    let glyphs = &app.settings.glyphs;
    match app.selection {
        Selection::Nothing => "no reports loaded: :open PATH".to_owned(),
        Selection::Failure(index) => {
            let file = app.tree.failures.get(index).map_or("", |(file, _)| file_name(file));
            format!("{} could not be read", glyphs.display(file))
        }
        Selection::Report(_) => {
            let Some(report) = app.current_report() else { return String::new() };
            let mut parts = vec![
                glyphs
                    .display(report.title.district.as_deref().unwrap_or(file_name(&report.file)))
                    .into_owned(),
            ];
            if let Some(year) = report.title.review_year {
                parts.push(format!("{year}年"));
            }
            if let Some(table) = app.current_table() {
                parts.push(glyphs.display(&table.caption).into_owned());
                if !app.grid.is_empty() {
                    parts.push(format!("{}/{}", app.row_scroll.cursor() + 1, app.grid.len()));
                }
            }
            parts.join(" › ")
        }
    }
}

/// Draws the status line; returns where the terminal cursor goes when a prompt is open.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let styles = &app.settings.theme.styles;
    let glyphs = &app.settings.glyphs;
    buf.set_style(area, styles.status_line);
    let width = usize::from(area.width);
    let (prefix, input) = match &app.overlay {
        Overlay::Filter(input) => ("filter / ", input),
        Overlay::TreeFilter(input) => ("districts / ", input),
        Overlay::Command(input) => (":", input),
        Overlay::None | Overlay::Help(_) | Overlay::Finder => {
            let right = hint_text(app, width / 2);
            let right_width = display_width(&right);
            let left_room = width.saturating_sub(right_width + 1);
            let left = match &app.message {
                Some(message) => Span::styled(
                    glyphs.truncate(&message.text, left_room),
                    if message.error { styles.status_line.patch(styles.error) } else { styles.status_line },
                ),
                None => Span::styled(glyphs.truncate(&location(app), left_room), styles.status_line),
            };
            buf.set_line(area.x, area.y, &Line::from(left), area.width);
            if right_width > 0 {
                let x = area.right() - right_width as u16;
                buf.set_stringn(x, area.y, right, right_width, styles.status_line);
            }
            return None;
        }
    };
    let text = input.text();
    let before_cursor = display_width(prefix) + input.cursor_column();
    // Scroll long input so that the cursor stays on screen.
    let skip = before_cursor.saturating_sub(width.saturating_sub(1));
    let line = format!("{prefix}{text}");
    let visible: String = skip_columns(&line, skip);
    buf.set_stringn(area.x, area.y, &visible, width, styles.status_line.patch(styles.key));
    let x = area.x + (before_cursor - skip).min(width.saturating_sub(1)) as u16;
    Some(Position { x, y: area.y })
}

/// `text` without its first `columns` display columns.
fn skip_columns(text: &str, columns: usize) -> String {
    let mut skipped = 0;
    text.chars()
        .skip_while(|c| {
            if skipped >= columns {
                return false;
            }
            skipped += display_width(c.encode_utf8(&mut [0; 4]));
            true
        })
        .collect()
}

/// The pane's key hints that fit in `room` columns, whole ones only, most useful first.
fn hint_text(app: &App, room: usize) -> String {
    let keymap = &app.settings.keymap.panes;
    let mut text = String::new();
    for &(action, label) in hints(app.focus) {
        let Some(key) = keymap.keys(action).first() else { continue };
        let hint = if text.is_empty() { format!("{key} {label}") } else { format!("  {key} {label}") };
        if display_width(&text) + display_width(&hint) > room {
            break;
        }
        text.push_str(&hint);
    }
    text
}
