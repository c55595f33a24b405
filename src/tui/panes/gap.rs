//! The gap pane, in two parts drawn side by side when there is room, else one above the other:
//! - the report's missed targets, most severe first ([`crate::analysis::views::missed`]), each
//!   with a bar of its shortfall relative to the target; moving through them selects the row;
//!   results judged missed in sentences are marked `†` where binding rows show `*`, and show
//!   their sentence when selected;
//! - the document's own counts of its results beside plangap's (`文件自述`), when it states them;
//! - the selected indicator: target and result with a bar of each, the status with its symbol
//!   and how the analysis reached it, the document's own words where it judges the row, the notes
//!   under the table that speak of the row (`未完成指标说明：一是…`), and the indicator across
//!   districts and over the years ([`crate::analysis::views::compare`]).
//!
//! Lines are built when the selection, theme or pane size changes, and only drawn per frame.

use crate::analysis::counts::{check_counts, short_line};
use crate::analysis::link::{PROSE_MARK, Source, number};
use crate::analysis::relative::economy_growth;
use crate::analysis::status::assess_row;
use crate::analysis::views::{Comparison, GapRow, YearRecord};
use crate::model::{IndicatorRow, IndicatorTable, NoteKind, Report, Status, TableNote, Value};
use crate::parse::value::parse_value;
use crate::text::wrap;
use crate::tui::app::{App, Selection};
use crate::tui::layout::Pane;
use crate::tui::panes::indicators::{format_gap, status_label};
use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::collections::HashMap;

/// Width of the labels before bars (`目标`, a year, a district).
const LABEL_WIDTH: usize = 8;
/// Width of the values after bars.
const VALUE_WIDTH: usize = 12;
/// From this inner width on, the two parts sit side by side.
const SIDE_BY_SIDE_WIDTH: u16 = 90;

/// What the detail lines are drawn with: the theme's styles, the glyphs, the width available.
struct Painter<'a> {
    styles: &'a Styles<Style>,
    glyphs: &'a Glyphs,
    width: usize,
}

/// Where the two parts of the gap pane go inside it: the missed list and the indicator detail.
pub fn regions(inner: Rect) -> (Rect, Rect) {
    if inner.width >= SIDE_BY_SIDE_WIDTH {
        let left = inner.width * 2 / 5;
        let missed = Rect { width: left, ..inner };
        let detail = Rect { x: inner.x + left + 1, width: inner.width - left - 1, ..inner };
        (missed, detail)
    } else {
        let top = (inner.height * 2 / 5).max(3).min(inner.height);
        let missed = Rect { height: top, ..inner };
        let detail = Rect { y: inner.y + top, height: inner.height - top, ..inner };
        (missed, detail)
    }
}

/// A missed row of the report: where it is, and its line ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MissedItem {
    /// Indices of its table in the report and of the row in the table; `None` for a result
    /// judged in a sentence.
    pub place: Option<(usize, usize)>,
    /// For a result judged in a sentence: the sentence's line and text.
    pub sentence: Option<(usize, String)>,
    /// The line: binding mark, name, bar of the relative shortfall, gap.
    pub line: Line<'static>,
}

/// The gap pane's content, ready to draw. The report's part (its missed rows and its own
/// counts) is built when the report or the pane's size changes; the detail of the selected row
/// when the selection changes. Neither is touched while drawing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GapView {
    /// The heading of the missed list.
    pub missed_heading: Line<'static>,
    /// The report's missed rows, most severe first.
    pub missed: Vec<MissedItem>,
    /// Where each listed table row is in [`GapView::missed`], by table and row.
    listed: HashMap<(usize, usize), usize>,
    /// The document's own counts beside plangap's, the first lines of the detail.
    stated: Vec<Line<'static>>,
    /// The economy's growth the report states ([`economy_growth`]), against which targets set
    /// relative to it are judged: the basis the detail names.
    economy: Option<Value>,
    /// The selection and pane the report's part was built for.
    built_for: Option<(Selection, Rect)>,
    /// Lines about the selected indicator.
    pub detail: Vec<Line<'static>>,
}

impl GapView {
    /// Brings the pane up to date with the app's selection, for a pane whose inside is
    /// `inner`: the report's part only when the report or the pane changed (or after
    /// [`GapView::invalidate`]), the detail always. Work per call: the detail's lines.
    pub fn refresh(&mut self, app: &App, inner: Rect) {
        if self.built_for != Some((app.selection, inner)) {
            self.build_report_part(app, inner);
        }
        self.detail = self.build_detail(app, inner);
    }

    /// Forgets the report's part, so that the next refresh builds it again (after the theme
    /// changed).
    pub fn invalidate(&mut self) {
        self.built_for = None;
    }

    /// The line of the missed list showing row `row` of table `table`, if listed.
    pub fn position_of(&self, table: usize, row: usize) -> Option<usize> {
        self.listed.get(&(table, row)).copied()
    }

    /// The missed list, its heading and the stated counts of the selected report.
    fn build_report_part(&mut self, app: &App, inner: Rect) {
        let styles = &app.settings.theme.styles;
        let glyphs = &app.settings.glyphs;
        let (missed_area, detail_area) = regions(inner);
        let missed_width = usize::from(missed_area.width);
        *self = GapView { built_for: Some((app.selection, inner)), ..GapView::default() };
        let Some(report) = app.current_report() else { return };
        let missed = missed_items(report, &app.missed, styles, glyphs, missed_width);
        let heading = format!("未达标 {}, by % short of target", missed.len());
        self.missed_heading = Line::styled(glyphs.truncate(&heading, missed_width), styles.header);
        self.listed = missed.iter().enumerate().filter_map(|(i, item)| Some((item.place?, i))).collect();
        self.missed = missed
            .into_iter()
            .map(|item| MissedItem { line: glyphs.truncate_line(item.line, missed_width), ..item })
            .collect();
        let painter = Painter { styles, glyphs, width: usize::from(detail_area.width) };
        stated_counts(report, &painter, &mut self.stated);
        self.economy = economy_growth(report);
    }

    /// The lines about the selection: the failed file's error, the sentence selected in the
    /// missed list, or the selected row with its notes and comparisons.
    fn build_detail(&self, app: &App, inner: Rect) -> Vec<Line<'static>> {
        let styles = &app.settings.theme.styles;
        let glyphs = &app.settings.glyphs;
        let width = usize::from(regions(inner).1.width);
        let painter = Painter { styles, glyphs, width };
        let mut detail = Vec::new();
        match app.selection {
            Selection::Nothing => detail.push(Line::styled("No report is loaded.", styles.muted)),
            Selection::Failure(index) => {
                let error = app.tree.failures.get(index).map_or("", |(_, error)| error.as_str());
                detail.extend(
                    wrap(&glyphs.display(error), width).into_iter().map(|l| Line::styled(l, styles.error)),
                );
            }
            Selection::Report(_) => {
                let Some(report) = app.current_report() else { return detail };
                detail.extend(self.stated.iter().cloned());
                let index = app.grid.row_at(app.row_scroll.cursor()).map(|r| r.row);
                let sentence = match app.focus {
                    Pane::Gap => {
                        self.missed.get(app.gap_scroll.cursor()).and_then(|item| item.sentence.as_ref())
                    }
                    _ => None,
                };
                match (sentence, app.current_table(), app.current_row(), index) {
                    (Some((line, text)), ..) => {
                        let heading = format!("{PROSE_MARK} 句中判断 judged in a sentence (line {line}):");
                        detail.push(Line::styled(glyphs.display(&heading).into_owned(), styles.header));
                        detail.extend(
                            wrap(&glyphs.display(text), width)
                                .into_iter()
                                .map(|l| Line::styled(l, styles.text)),
                        );
                    }
                    (None, Some(table), Some(row), Some(index)) => {
                        row_details(row, table, self.economy.as_ref(), &painter, &mut detail);
                        table_notes(table, index, &painter, &mut detail);
                        if let Some(comparison) = app.comparison() {
                            let year = table.year.or(report.title.review_year);
                            comparisons(comparison, report, year, &painter, &mut detail);
                        }
                    }
                    _ => detail.push(Line::styled("Select an indicator row to see its gap.", styles.muted)),
                }
            }
        }
        detail.into_iter().map(|line| glyphs.truncate_line(line, width)).collect()
    }

    /// Draws the pane: the missed list from `missed_offset` with `missed_cursor` selected (when
    /// `focused`), the detail from `detail_offset`.
    pub fn render(&self, view: GapCursor, styles: &Styles<Style>, inner: Rect, buf: &mut Buffer) {
        let (missed_area, detail_area) = regions(inner);
        if missed_area.height > 0 && !self.missed_heading.spans.is_empty() {
            buf.set_line(missed_area.x, missed_area.y, &self.missed_heading, missed_area.width);
            let rows = usize::from(missed_area.height - 1);
            for (i, item) in self.missed.iter().enumerate().skip(view.missed_offset).take(rows) {
                let y = missed_area.y + 1 + (i - view.missed_offset) as u16;
                buf.set_line(missed_area.x, y, &item.line, missed_area.width);
                // Unfocused, the list marks the table's row only when that row is in it.
                if i == view.missed_cursor
                    && (view.focused || (item.place.is_some() && view.current == item.place))
                {
                    let selected = if view.focused { styles.selected } else { styles.selected_unfocused };
                    buf.set_style(Rect { y, height: 1, ..missed_area }, selected);
                }
            }
        }
        for (i, line) in
            self.detail.iter().skip(view.detail_offset).take(usize::from(detail_area.height)).enumerate()
        {
            buf.set_line(detail_area.x, detail_area.y + i as u16, line, detail_area.width);
        }
    }
}

/// Where the gap pane's lists are scrolled to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapCursor {
    /// The selected missed row.
    pub missed_cursor: usize,
    /// The first missed row shown.
    pub missed_offset: usize,
    /// The first detail line shown.
    pub detail_offset: usize,
    /// Whether the pane has the focus.
    pub focused: bool,
    /// The table and row selected in the indicator table.
    pub current: Option<(usize, usize)>,
}

/// The missed rows of `report` as lines, each pointing at its table and row.
fn missed_items(
    report: &Report,
    missed: &[GapRow],
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    width: usize,
) -> Vec<MissedItem> {
    // Bars on a log scale: one shortfall of 1752% must not shrink every other bar to a block.
    let scale = |relative: f64| relative.abs().ln_1p();
    let worst = missed.iter().filter_map(|g| g.relative_gap).map(scale).fold(0.0, f64::max);
    let name_width = (width * 2 / 5).max(8);
    let gap_width = 7;
    let bar_room = width.saturating_sub(2 + name_width + 1 + 1 + gap_width);
    // Each missed row's place, found once: linear in the report's rows.
    let places: HashMap<(&str, usize), (usize, usize)> = report
        .tables
        .iter()
        .enumerate()
        .flat_map(|(t, table)| {
            table.rows.iter().enumerate().map(move |(r, row)| ((table.caption.as_str(), row.line), (t, r)))
        })
        .rev()
        .collect();
    let sentences: HashMap<(usize, &str), &str> =
        report.reviews.iter().rev().map(|s| ((s.line, s.name.as_str()), s.evidence.as_str())).collect();
    missed
        .iter()
        .filter_map(|gap| {
            let (place, sentence, prose) = match gap.source {
                Source::Table => (Some(*places.get(&(gap.table.as_str(), gap.line))?), None, ""),
                Source::Narrative => {
                    let evidence = sentences.get(&(gap.line, gap.name.as_str()))?;
                    (None, Some((gap.line, (*evidence).to_owned())), PROSE_MARK)
                }
            };
            let filled = match gap.relative_gap {
                Some(relative) if worst > 0.0 => {
                    (((scale(relative) / worst) * bar_room as f64).round() as usize).max(1).min(bar_room)
                }
                _ => 0,
            };
            // The quantity the list is sorted by: the shortfall relative to the target.
            let shown = match gap.relative_gap {
                Some(relative) => format!("{:.0}%", relative * 100.0),
                None => gap.gap.map(format_gap).unwrap_or_default(),
            };
            let mark = match (prose.is_empty(), gap.binding) {
                (false, _) => format!("{} ", glyphs.display(prose)),
                (true, Some(true)) => "* ".to_owned(),
                (true, _) => "  ".to_owned(),
            };
            let line = Line::from(vec![
                Span::styled(mark, styles.binding),
                Span::styled(glyphs.fit(&glyphs.display(&gap.name), name_width), styles.text),
                Span::raw(" "),
                Span::styled(glyphs.bar.repeat(filled), styles.bar_actual),
                Span::raw(" ".repeat(bar_room - filled + 1)),
                Span::styled(glyphs.fit_right(&shown, gap_width), styles.missed),
            ]);
            Some(MissedItem { place, sentence, line })
        })
        .collect()
}

/// The document's own counts beside plangap's (`文件自述 stated met/missed 17/14 = 17/14 plangap`),
/// one line each, then a blank line; a disagreement in the missed style.
fn stated_counts(report: &Report, painter: &Painter<'_>, lines: &mut Vec<Line<'static>>) {
    let checks = check_counts(report);
    for check in &checks {
        let style = match check.agrees {
            Some(false) => painter.styles.missed,
            _ => painter.styles.muted,
        };
        let text = format!("文件自述 stated met/missed {} plangap", short_line(check));
        lines.extend(
            wrap(&painter.glyphs.display(&text), painter.width).into_iter().map(|l| Line::styled(l, style)),
        );
    }
    if !checks.is_empty() {
        lines.push(Line::default());
    }
}

fn status_style(status: Option<Status>, styles: &Styles<Style>) -> Style {
    match status {
        Some(Status::Met) => styles.met,
        Some(Status::Missed) => styles.missed,
        Some(Status::Unassessed) => styles.unassessed,
        None => styles.muted,
    }
}

fn row_details(
    row: &IndicatorRow,
    table: &IndicatorTable,
    economy: Option<&Value>,
    painter: &Painter<'_>,
    lines: &mut Vec<Line<'static>>,
) {
    let (styles, glyphs, width) = (painter.styles, painter.glyphs, painter.width);
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
    context.push(format!("{}, line {}", glyphs.display(&table.caption), row.line));
    let context = context.join(&format!(" {} ", glyphs.dot));
    lines.push(Line::styled(glyphs.truncate(&context, width), styles.muted));

    let style = status_style(row.status, styles);
    let mut verdict = Vec::new();
    if let Some(status) = row.status {
        verdict.push(Span::styled(status_label(status), style));
    }
    if let Some(gap) = row.gap {
        verdict.push(Span::styled(format!("  差距 gap {}", format_gap(gap)), style));
    }
    if row.status.is_some() {
        verdict.push(Span::styled(format!("  ({})", assess_row(row, economy).basis), styles.muted));
    }
    if !verdict.is_empty() {
        lines.push(Line::from(verdict));
    }
    // A bar compares; a target alone (plan rows) gets none.
    let target = number(&row.target);
    let actual = row.actual.as_ref().and_then(number);
    let room = if row.actual.is_some() { width.saturating_sub(LABEL_WIDTH + VALUE_WIDTH + 1) } else { 0 };
    let bars = Bars::new([target, actual], room, painter);
    lines.push(bars.line("目标", &row.target.raw, target, styles.bar_target, Vec::new()));
    if let Some(value) = &row.actual {
        lines.push(bars.line("完成", &value.raw, actual, styles.bar_actual, Vec::new()));
    }
    if let Some(other) = &row.actual_other {
        let text = format!("{}{}（另一列）", glyphs.fit("", LABEL_WIDTH), glyphs.display(&other.raw));
        lines.push(Line::styled(text, styles.muted));
    }
    if let Some(judgement) = &row.judgement {
        lines.push(Line::styled(
            format!("文件所述 the document says (line {}):", judgement.line),
            styles.header,
        ));
        for part in wrap(&glyphs.display(&judgement.evidence), width) {
            lines.push(Line::styled(part, styles.text));
        }
    }
}

/// The notes under `table` that name its row `index`, in the document's words with their lines,
/// leaving out the sentence already shown as the document's judgement of the row. For a missed row
/// that the table's explanation does not name, a muted line says so rather than showing the
/// explanation of other rows.
fn table_notes(table: &IndicatorTable, index: usize, painter: &Painter<'_>, lines: &mut Vec<Line<'static>>) {
    let (styles, glyphs, width) = (painter.styles, painter.glyphs, painter.width);
    let Some(row) = table.rows.get(index) else { return };
    let judged = |note: &TableNote| {
        row.judgement.as_ref().is_some_and(|j| j.line == note.line && note.text.contains(&j.evidence))
    };
    let naming: Vec<&TableNote> =
        table.notes.iter().filter(|note| note.rows.contains(&index) && !judged(note)).collect();
    if naming.is_empty() {
        let explanation = table.notes.iter().find(|note| note.kind == NoteKind::Explanation);
        if let (Some(Status::Missed), Some(explanation)) = (row.status, explanation) {
            let label = explanation.label.as_deref().unwrap_or_default();
            let text = format!(
                "The table's {label} (line {}) names no reason for this row that plangap could match.",
                explanation.line
            );
            lines.push(Line::default());
            lines.extend(
                wrap(&glyphs.display(&text), width).into_iter().map(|l| Line::styled(l, styles.muted)),
            );
        }
        return;
    }
    for note in naming {
        let source = match &note.label {
            Some(label) => format!("{label}, line {}", note.line),
            None => format!("line {}", note.line),
        };
        let heading = format!("文件说明 the document's note ({source}):");
        lines.push(Line::default());
        lines.push(Line::styled(glyphs.truncate(&glyphs.display(&heading), width), styles.header));
        lines.extend(
            wrap(&glyphs.display(&note.text), width).into_iter().map(|l| Line::styled(l, styles.text)),
        );
    }
}

/// The indicator across districts in `year`, and over the years in the report's district.
fn comparisons(
    comparison: &Comparison,
    report: &Report,
    year: Option<u16>,
    painter: &Painter<'_>,
    lines: &mut Vec<Line<'static>>,
) {
    let (styles, glyphs) = (painter.styles, painter.glyphs);
    let district = crate::analysis::link::district_of(report);
    let across: Vec<&YearRecord> =
        comparison.records.iter().filter(|r| Some(r.year) == year && r.actual.is_some()).collect();
    if across.len() > 1 {
        lines.push(Line::default());
        let heading =
            format!("各区县 Across districts, {}", year.map_or(String::new(), |y| format!("{y}年")));
        lines.push(Line::styled(heading, styles.header));
        record_bars(&across, |r| r.district.clone(), district, painter, lines);
    }
    let over_years: Vec<&YearRecord> = comparison.records.iter().filter(|r| r.district == district).collect();
    if over_years.len() > 1 {
        lines.push(Line::default());
        lines.push(Line::styled(format!("历年 Over the years, {}", glyphs.display(district)), styles.header));
        record_bars(&over_years, |r| format!("{}年", r.year), "", painter, lines);
    }
}

/// One bar line per record: label, a bar of the result, the result, the target, the status;
/// the label of `highlight`'s district stands out.
fn record_bars(
    records: &[&YearRecord],
    label: impl Fn(&YearRecord) -> String,
    highlight: &str,
    painter: &Painter<'_>,
    lines: &mut Vec<Line<'static>>,
) {
    let (styles, glyphs, width) = (painter.styles, painter.glyphs, painter.width);
    let value = |raw: &Option<String>| raw.as_deref().map(parse_value).as_ref().and_then(number);
    let room = width.saturating_sub(LABEL_WIDTH + VALUE_WIDTH + 1).min(width / 2);
    let bars = Bars::new(records.iter().flat_map(|r| [value(&r.actual), value(&r.target)]), room, painter);
    for record in records {
        let mut note = Vec::new();
        if let Some(target) = &record.target {
            note.push(Span::styled(format!(" 目标 {}", glyphs.display(target)), styles.muted));
        }
        if let Some(status) = record.status {
            let symbol = status_label(status).split(' ').next().unwrap_or_default();
            note.push(Span::styled(format!(" {symbol}"), status_style(Some(status), styles)));
        }
        if let Some(trend) = record.trend {
            note.push(Span::styled(
                format!(" ({} since {})", format_gap(trend), record.trend_since.unwrap_or(0)),
                styles.muted,
            ));
        }
        let name = label(record);
        let label_style =
            if !highlight.is_empty() && record.district == highlight { styles.title } else { styles.text };
        let raw = record.actual.as_deref().map_or("—".to_owned(), |a| glyphs.display(a).into_owned());
        let mut line = bars.line(&name, &raw, value(&record.actual), styles.bar_actual, note);
        if let Some(first) = line.spans.first_mut() {
            first.style = label_style;
        }
        lines.push(line);
    }
}

/// Bars drawn to one scale, so that the values they stand for compare at a glance.
struct Bars<'a> {
    /// The value a full bar stands for.
    scale: f64,
    /// Columns of a full bar.
    room: usize,
    styles: &'a Styles<Style>,
    glyphs: &'a Glyphs,
}

impl<'a> Bars<'a> {
    /// Bars of `room` columns scaled to the largest of `values`.
    fn new(values: impl IntoIterator<Item = Option<f64>>, room: usize, painter: &Painter<'a>) -> Self {
        let scale = values.into_iter().flatten().map(f64::abs).fold(0.0, f64::max);
        Bars { scale, room, styles: painter.styles, glyphs: painter.glyphs }
    }

    /// `目标    ██████░░░ 6.5 …`: a bar of `value`, or just the value when there is no number.
    fn line(
        &self,
        label: &str,
        raw: &str,
        value: Option<f64>,
        bar_style: Style,
        note: Vec<Span<'static>>,
    ) -> Line<'static> {
        let (styles, glyphs, room) = (self.styles, self.glyphs, self.room);
        let mut spans = vec![Span::styled(glyphs.fit(&glyphs.display(label), LABEL_WIDTH), styles.header)];
        if let (Some(value), true) = (value, self.scale > 0.0 && room > 0) {
            let filled = ((value.abs() / self.scale) * room as f64).round() as usize;
            let filled = filled.clamp(usize::from(value != 0.0), room);
            spans.push(Span::styled(glyphs.bar.repeat(filled), bar_style));
            spans.push(Span::styled(glyphs.bar_rest.repeat(room - filled), styles.muted));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(glyphs.truncate(&glyphs.display(raw), VALUE_WIDTH), styles.text));
        spans.extend(note);
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;
    use crate::tui::theme::{ColorMode, Theme};
    use crate::tui::width::AmbiguousWidth;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    fn notes_of(
        table: &IndicatorTable,
        index: usize,
        ambiguous: AmbiguousWidth,
        width: usize,
    ) -> Vec<String> {
        let theme = Theme::default_for(ColorMode::None);
        let glyphs = Glyphs::new(ambiguous);
        let painter = Painter { styles: &theme.styles, glyphs: &glyphs, width };
        let mut lines = Vec::new();
        table_notes(table, index, &painter, &mut lines);
        text(&lines)
    }

    fn table_with_an_explanation() -> IndicatorTable {
        let row = |name: &str| IndicatorRow {
            name: name.into(),
            status: Some(Status::Missed),
            ..IndicatorRow::default()
        };
        IndicatorTable {
            caption: "表1".to_owned(),
            line: 1,
            kind: crate::model::TableKind::Review,
            year: Some(2022),
            layout: crate::grid::Layout::Stream,
            columns: Vec::new(),
            rows: vec![row("森林覆盖率"), row("进出口总额增速")],
            notes: vec![TableNote {
                text: "一是森林覆盖率。“统计口径”调整。".to_owned(),
                line: 9,
                kind: NoteKind::Explanation,
                label: Some("未完成指标说明".to_owned()),
                rows: vec![0],
            }],
        }
    }

    #[test]
    fn the_notes_naming_the_row_are_shown_in_the_documents_words() {
        let table = table_with_an_explanation();
        assert_eq!(
            notes_of(&table, 0, AmbiguousWidth::Narrow, 20),
            ["", "文件说明 the docume…", "一是森林覆盖率。“统", "计口径”调整。"]
        );
        // On a terminal drawing ambiguous characters wide, the quotes are replaced and every
        // line still fits.
        let wide = notes_of(&table, 0, AmbiguousWidth::Wide, 20);
        assert!(wide.iter().all(|l| !l.contains('“') && display_width(l) <= 20), "{wide:?}");
    }

    #[test]
    fn a_missed_row_the_explanation_does_not_name_gets_no_other_rows_reasons() {
        let table = table_with_an_explanation();
        let lines = notes_of(&table, 1, AmbiguousWidth::Narrow, 200);
        assert_eq!(
            lines,
            [
                "",
                "The table's 未完成指标说明 (line 9) names no reason for this row that plangap could match."
            ]
        );
    }

    #[test]
    fn wide_panes_split_sideways_and_narrow_ones_stack() {
        let (missed, detail) = regions(Rect::new(0, 0, 100, 12));
        assert_eq!((missed.width, detail.x, detail.height), (40, 41, 12));
        let (missed, detail) = regions(Rect::new(0, 0, 60, 10));
        assert_eq!((missed.height, detail.y, detail.width), (4, 4, 60));
    }
}
