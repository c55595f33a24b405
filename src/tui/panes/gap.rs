//! The gap pane: for the selected indicator row, its target and result side by side with a bar
//! of each, the status with its symbol, and the document's own words where it judges the row.
//! The lines are built when the selection, theme or pane width changes, and only drawn per frame.

use crate::analysis::status::assess_row;
use crate::model::{IndicatorRow, Status, Value, ValueForm};
use crate::text::display_width;
use crate::tui::app::{App, Selection};
use crate::tui::panes::indicators::{format_gap, status_label};
use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Width of the labels before bars (`目标 `).
const LABEL_WIDTH: usize = 6;
/// Width of the values after bars.
const VALUE_WIDTH: usize = 14;

/// The gap pane's lines, ready to draw.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GapView {
    /// One entry per screen line.
    pub lines: Vec<Line<'static>>,
}

impl GapView {
    /// The pane's content for the app's selection, for a pane `width` columns wide inside.
    pub fn build(app: &App, width: usize) -> GapView {
        let styles = &app.settings.theme.styles;
        let glyphs = &app.settings.glyphs;
        let mut lines = Vec::new();
        match app.selection {
            Selection::Nothing => lines.push(Line::styled("No report is loaded.", styles.muted)),
            Selection::Failure(index) => {
                if let Some((_, error)) = app.tree.failures.get(index) {
                    lines.extend(
                        wrap(&glyphs.display(error), width)
                            .into_iter()
                            .map(|l| Line::styled(l, styles.error)),
                    );
                }
            }
            Selection::Report(_) => match (app.current_table(), app.current_row()) {
                (Some(table), Some(row)) => {
                    let table_caption = glyphs.display(&table.caption).into_owned();
                    row_details(row, &table_caption, styles, glyphs, width, &mut lines);
                }
                _ => lines.push(Line::styled("Select an indicator row to see its gap.", styles.muted)),
            },
        }
        GapView { lines }
    }

    /// Draws the lines from `offset` into `area`.
    pub fn render(&self, offset: usize, area: Rect, buf: &mut Buffer) {
        for (i, line) in self.lines.iter().skip(offset).take(usize::from(area.height)).enumerate() {
            buf.set_line(area.x, area.y + i as u16, line, area.width);
        }
    }
}

fn row_details(
    row: &IndicatorRow,
    caption: &str,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let mut title = vec![Span::styled(glyphs.display(&row.name).into_owned(), styles.title)];
    if let Some(unit) = &row.unit {
        title.push(Span::styled(format!("（{}）", glyphs.display(unit)), styles.muted));
    }
    match row.binding {
        Some(true) => title.push(Span::styled(" * 约束性 binding", styles.binding)),
        Some(false) => title.push(Span::styled(" 预期性 expected", styles.muted)),
        None => {}
    }
    lines.push(Line::from(title));
    let mut context = Vec::new();
    if let Some(category) = &row.category {
        context.push(glyphs.display(category).into_owned());
    }
    if let Some(parent) = &row.parent {
        context.push(format!("{} {}", glyphs.expanded, glyphs.display(parent)));
    }
    context.push(format!("{caption}, line {}", row.line));
    let context = context.join(&format!(" {} ", glyphs.dot));
    lines.push(Line::styled(glyphs.truncate(&context, width), styles.muted));
    lines.push(Line::default());

    let status_style = match row.status {
        Some(Status::Met) => styles.met,
        Some(Status::Missed) => styles.missed,
        Some(Status::Unassessed) => styles.unassessed,
        None => styles.muted,
    };
    let mut verdict = Vec::new();
    if let Some(status) = row.status {
        verdict.push(Span::styled(status_label(status), status_style));
    }
    if let Some(gap) = row.gap {
        verdict.push(Span::styled(format!("  差距 gap {}", format_gap(gap)), status_style));
    }
    if row.status.is_some() {
        let basis = format!("  ({})", assess_row(row).basis);
        verdict.push(Span::styled(basis, styles.muted));
    }
    if !verdict.is_empty() {
        lines.push(Line::from(verdict));
    }

    let target = number(&row.target);
    let actual = row.actual.as_ref().and_then(number);
    let scale = [target, actual].into_iter().flatten().map(f64::abs).fold(0.0, f64::max);
    // A bar compares; a target alone (plan rows) gets none.
    let room = if row.actual.is_some() { width.saturating_sub(LABEL_WIDTH + VALUE_WIDTH + 1) } else { 0 };
    let bars = Bars { scale, room, styles, glyphs };
    lines.push(bars.line("目标", &row.target.raw, target, styles.bar_target));
    if let Some(value) = &row.actual {
        lines.push(bars.line("完成", &value.raw, actual, styles.bar_actual));
    }
    if let Some(other) = &row.actual_other {
        let text = format!("{}{}（另一列）", glyphs.fit("", LABEL_WIDTH), glyphs.display(&other.raw));
        lines.push(Line::styled(text, styles.muted));
    }
    if let Some(judgement) = &row.judgement {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("文件所述 the document says (line {}):", judgement.line),
            styles.header,
        ));
        for part in wrap(&glyphs.display(&judgement.evidence), width) {
            lines.push(Line::styled(part, styles.text));
        }
    }
}

/// Bars drawn to one scale, so that a target and its result compare at a glance.
struct Bars<'a> {
    /// The value a full bar stands for.
    scale: f64,
    /// Columns of a full bar.
    room: usize,
    styles: &'a Styles<Style>,
    glyphs: &'a Glyphs,
}

impl Bars<'_> {
    /// `目标 ██████░░░ 6.5`: a bar of `value`, or just the cell when it has no number.
    fn line(&self, label: &str, raw: &str, value: Option<f64>, bar_style: Style) -> Line<'static> {
        let (styles, glyphs, room) = (self.styles, self.glyphs, self.room);
        let label = glyphs.fit(label, LABEL_WIDTH);
        let raw = glyphs.display(raw).into_owned();
        let (Some(value), true) = (value, self.scale > 0.0 && room > 0) else {
            return Line::from(vec![Span::styled(label, styles.header), Span::styled(raw, styles.text)]);
        };
        let filled = ((value.abs() / self.scale) * room as f64).round() as usize;
        let filled = filled.clamp(usize::from(value != 0.0), room);
        Line::from(vec![
            Span::styled(label, styles.header),
            Span::styled(glyphs.bar.repeat(filled), bar_style),
            Span::styled(glyphs.bar_rest.repeat(room - filled), styles.muted),
            Span::styled(format!(" {}", glyphs.truncate(&raw, VALUE_WIDTH)), styles.text),
        ])
    }
}

/// The number a value states, for the length of its bar (a range by its low end); `None` for
/// statements, ratios and grades, which get no bar.
fn number(value: &Value) -> Option<f64> {
    match value.form {
        ValueForm::Exact(n)
        | ValueForm::AtLeast(n)
        | ValueForm::AtMost(n)
        | ValueForm::About(n)
        | ValueForm::Range(n, _)
        | ValueForm::PointChange(n)
        | ValueForm::Rise(n)
        | ValueForm::Fall(n) => Some(n),
        ValueForm::Empty
        | ValueForm::Ratio(..)
        | ValueForm::Grade(_)
        | ValueForm::Completion(_)
        | ValueForm::Qualitative
        | ValueForm::NotTracked => None,
    }
}

/// Breaks `text` into lines of at most `width` columns: between words of Latin text, between
/// any two CJK characters, and inside a word only when it is longer than a line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in tokens(text) {
        let fits = display_width(&line) + display_width(token) <= width;
        if !fits && !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
        }
        let token = if line.is_empty() { token.trim_start() } else { token };
        if display_width(token) <= width {
            line.push_str(token);
            continue;
        }
        for c in token.chars() {
            if display_width(&line) + display_width(c.encode_utf8(&mut [0; 4])) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Runs of ASCII letters and digits (with a leading space, if any) and single other characters.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let word_char = |c: char| c.is_ascii() && !c.is_ascii_whitespace();
        let end = if first.is_ascii() {
            let start = rest.find(|c: char| !c.is_ascii_whitespace()).unwrap_or(rest.len());
            let after = rest[start..].find(|c: char| !word_char(c)).map_or(rest.len(), |i| start + i);
            after.max(first.len_utf8())
        } else {
            first.len_utf8()
        };
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_display_width() {
        assert_eq!(wrap("涪陵区2022年", 6), ["涪陵区", "2022年"]);
        assert_eq!(wrap("abc", 0), ["ab", "c"]);
        assert!(wrap("", 5).is_empty());
        assert_eq!(wrap("not a plan report", 10), ["not a plan", "report"]);
        assert_eq!(wrap("a “关于XX区” b", 8), ["a “关于", "XX区” b"]);
    }
}
