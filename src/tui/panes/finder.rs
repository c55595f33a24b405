//! The finder popup (Ctrl-P, or `/` in the districts): the finder engine's matches for the query
//! as it is typed ([`crate::finder::Searcher`] narrows the previous matches), the matched
//! characters highlighted, and a preview of the selected entry: for a project its box, group,
//! stage, progress, report and the sentence it came from.
//!
//! Result lines and the preview are built when the query or the selection changes; drawing only
//! places them.

use crate::finder::{Entry, FinderIndex, Query, Searcher, project_year};
use crate::model::{Report, Stage, Status};
use crate::text::{display_width, wrap};
use crate::tui::panes::indicators::status_label;
use crate::tui::panes::popup::{centred, draw_popup};
use crate::tui::prompt::LineInput;
use crate::tui::theme::Styles;
use crate::tui::width::{Glyphs, is_ambiguous};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How many matches get a prepared line; the count says how many more there are.
const SHOWN_MATCHES: usize = 200;
/// From this inside width on, the preview sits beside the matches rather than below them.
const SIDE_PREVIEW_WIDTH: u16 = 80;

/// The finder's state: the query, the searcher that narrows as it grows, the prepared matches.
#[derive(Default)]
pub struct Finder {
    /// The query being typed.
    pub input: LineInput,
    searcher: Searcher,
    /// The first matches, best first, each with its line.
    pub matches: Vec<FinderMatch>,
    /// How many entries matched in all.
    pub total: usize,
    /// The selected match.
    pub cursor: usize,
    /// The selected entry, described.
    pub preview: Vec<Line<'static>>,
}

/// One match, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct FinderMatch {
    /// The index entry it stands for.
    pub candidate: usize,
    /// Kind tag, name with the matched characters highlighted, and where it is from.
    pub line: Line<'static>,
}

impl Finder {
    /// Searches `index` for the current query and prepares the first matches and the preview.
    pub fn search(
        &mut self,
        index: &FinderIndex,
        reports: &[Report],
        styles: &Styles<Style>,
        glyphs: &Glyphs,
    ) {
        let query = Query::parse_scoped(self.input.text());
        let found = self.searcher.search(index, query.clone());
        self.total = found.len();
        let shown: Vec<usize> = found.iter().take(SHOWN_MATCHES).map(|m| m.candidate).collect();
        self.matches = shown
            .into_iter()
            .map(|candidate| FinderMatch {
                candidate,
                line: match_line(index, reports, &query, candidate, styles, glyphs),
            })
            .collect();
        self.cursor = 0;
        self.refresh_preview(index, reports, styles, glyphs);
    }

    /// Moves the selection by `delta` and describes the newly selected entry.
    pub fn step(
        &mut self,
        delta: isize,
        index: &FinderIndex,
        reports: &[Report],
        styles: &Styles<Style>,
        glyphs: &Glyphs,
    ) {
        let last = self.matches.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
        self.refresh_preview(index, reports, styles, glyphs);
    }

    /// The entry under the cursor.
    pub fn selected<'a>(&self, index: &'a FinderIndex) -> Option<&'a Entry> {
        self.matches.get(self.cursor).and_then(|m| index.entry(m.candidate))
    }

    fn refresh_preview(
        &mut self,
        index: &FinderIndex,
        reports: &[Report],
        styles: &Styles<Style>,
        glyphs: &Glyphs,
    ) {
        self.preview = match self.selected(index) {
            Some(entry) => preview(entry, reports, styles, glyphs),
            None => {
                vec![Line::styled("No match. Latin letters match pinyin: zdsk finds 藻渡水库.", styles.muted)]
            }
        };
    }
}

/// `name` with the characters at `positions` (character indices) in `matched` style; in wide
/// ambiguous-width mode each ambiguous character is replaced on its own, so the highlight stays
/// on the characters that matched.
fn highlighted(
    name: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
    glyphs: &Glyphs,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in name.chars().enumerate() {
        let is_match = positions.binary_search(&i).is_ok();
        if is_match != run_matched && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), if run_matched { matched } else { base }));
        }
        run_matched = is_match;
        if is_ambiguous(c) {
            run.push_str(&glyphs.display(c.encode_utf8(&mut [0; 4])));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

fn match_line(
    index: &FinderIndex,
    reports: &[Report],
    query: &Query,
    candidate: usize,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
) -> Line<'static> {
    let positions = index.positions(query, candidate);
    let (tag, context) = match index.entry(candidate) {
        Some(Entry::Project { report, project }) => {
            let report = reports.get(*report);
            let project = report.and_then(|r| r.projects.get(*project));
            let year = report.zip(project).and_then(|(r, p)| project_year(r, p));
            let district = report.and_then(|r| r.title.district.as_deref()).unwrap_or("");
            let when = year.map_or(String::new(), |y| format!(" {y}"));
            ("项目", format!("{district}{when}"))
        }
        Some(Entry::Indicator { report, .. }) => {
            let report = reports.get(*report);
            let district = report.and_then(|r| r.title.district.as_deref()).unwrap_or("");
            let year = report.and_then(|r| r.title.review_year).map_or(String::new(), |y| format!(" {y}"));
            ("指标", format!("{district}{year}"))
        }
        Some(Entry::Place { reports, .. }) => ("地区", format!("{} reports", reports.len())),
        None => ("", String::new()),
    };
    let mut spans = vec![Span::styled(format!("{tag} "), styles.muted)];
    spans.extend(highlighted(index.text(candidate), &positions, styles.text, styles.matched, glyphs));
    spans.push(Span::styled(format!("  {}", glyphs.display(&context)), styles.muted));
    Line::from(spans)
}

/// The stage as the preview names it.
fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::New => "新开工 new",
        Stage::Ongoing => "续建 ongoing",
        Stage::Completed => "建成 completed",
        Stage::Planned => "计划 planned",
    }
}

/// What the preview says about an entry.
fn preview(entry: &Entry, reports: &[Report], styles: &Styles<Style>, glyphs: &Glyphs) -> Vec<Line<'static>> {
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<4} "), styles.header),
            Span::styled(value, styles.text),
        ])
    };
    let report_line = |report: &Report, line: usize| {
        let district = report.title.district.as_deref().unwrap_or("?");
        let year = report.title.review_year.map_or("?".to_owned(), |y| y.to_string());
        field("报告", glyphs.display(&format!("{district} {year}年 · {}:{line}", report.file)).into_owned())
    };
    let mut lines = Vec::new();
    match entry {
        Entry::Project { report, project } => {
            let Some(report) = reports.get(*report) else { return lines };
            let Some(project) = report.projects.get(*project) else { return lines };
            lines.push(Line::styled(glyphs.display(&project.name).into_owned(), styles.title));
            lines.push(field("专栏", glyphs.display(&project.table).into_owned()));
            if let Some(group) = &project.group {
                lines.push(field("类别", glyphs.display(group).into_owned()));
            }
            if let Some(stage) = project.stage {
                lines.push(field("阶段", stage_label(stage).to_owned()));
            }
            if let Some(progress) = &project.progress {
                lines.push(field("进度", glyphs.display(progress).into_owned()));
            }
            lines.push(report_line(report, project.line as usize));
            lines.push(Line::default());
            lines.push(Line::styled(glyphs.display(&project.source).into_owned(), styles.text));
        }
        Entry::Indicator { report, table, row } => {
            let Some(report) = reports.get(*report) else { return lines };
            let Some(table) = report.tables.get(*table) else { return lines };
            let Some(row) = table.rows.get(*row) else { return lines };
            lines.push(Line::styled(glyphs.display(&row.raw_name).into_owned(), styles.title));
            lines.push(field("表", glyphs.display(&table.caption).into_owned()));
            lines.push(field("目标", glyphs.display(&row.target.raw).into_owned()));
            if let Some(actual) = &row.actual {
                lines.push(field("完成", glyphs.display(&actual.raw).into_owned()));
            }
            if let Some(status) = row.status {
                let style = if status == Status::Missed { styles.missed } else { styles.text };
                lines.push(Line::from(vec![
                    Span::styled("状态 ", styles.header),
                    Span::styled(status_label(status), style),
                ]));
            }
            lines.push(report_line(report, row.line));
        }
        Entry::Place { name, reports: found } => {
            lines.push(Line::styled(glyphs.display(name).into_owned(), styles.title));
            for report in found.iter().filter_map(|&r| reports.get(r)) {
                lines.push(report_line(report, report.title.line));
            }
        }
    }
    lines
}

/// Breaks each preview line that is too long into lines of at most `width` columns, as
/// [`wrap`] breaks text, keeping each character's style.
fn wrap_lines(lines: &[Line<'static>], width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        if line.width() <= width {
            out.push(line.clone());
            continue;
        }
        let styled: Vec<(char, Style)> =
            line.spans.iter().flat_map(|span| span.content.chars().map(move |c| (c, span.style))).collect();
        let text: String = styled.iter().map(|&(c, _)| c).collect();
        let mut source = styled.iter().peekable();
        for wrapped in wrap(&text, width) {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for c in wrapped.chars() {
                // `wrap` only drops white space at line breaks: skip what it dropped.
                while source.next_if(|&&(original, _)| original != c && original.is_whitespace()).is_some() {}
                let style = source.next().map_or(Style::default(), |&(_, style)| style);
                match spans.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
            }
            out.push(Line::from(spans));
        }
    }
    out
}

/// Draws the finder popup over `area`; returns where the terminal cursor goes.
pub fn render_finder(
    finder: &Finder,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    let popup = centred(area, area.width.saturating_sub(4).min(120), area.height.saturating_sub(2).min(32));
    let footer = format!("Enter jump {0} Esc close {0} p: i: d: narrow the search", glyphs.dot);
    let inner = draw_popup(popup, "查找 Find: projects, indicators, places", &footer, styles, glyphs, buf);
    if inner.height < 3 || inner.width < 4 {
        return Position { x: inner.x, y: inner.y };
    }
    let prompt = "> ";
    let text = format!("{prompt}{}", finder.input.text());
    buf.set_stringn(inner.x, inner.y, &text, usize::from(inner.width), styles.key);
    let count = format!("{}/{} matches", finder.matches.len().min(finder.total), finder.total);
    buf.set_stringn(
        inner.x,
        inner.y + 1,
        glyphs.truncate(&count, usize::from(inner.width)),
        usize::from(inner.width),
        styles.muted,
    );
    let body = Rect { y: inner.y + 2, height: inner.height - 2, ..inner };
    let (list, preview) = if body.width >= SIDE_PREVIEW_WIDTH {
        let left = body.width * 11 / 20;
        (Rect { width: left, ..body }, Rect { x: body.x + left + 1, width: body.width - left - 1, ..body })
    } else {
        let top = body.height.saturating_sub(body.height / 3);
        (Rect { height: top, ..body }, Rect { y: body.y + top, height: body.height - top, ..body })
    };
    let rows = usize::from(list.height);
    // The list scrolls just enough to show the selected match.
    let offset = (finder.cursor + 1).saturating_sub(rows);
    for (i, found) in finder.matches.iter().enumerate().skip(offset).take(rows) {
        let y = list.y + (i - offset) as u16;
        if i == finder.cursor {
            // The selection's colours, with the matched characters still marked by modifiers.
            buf.set_style(Rect { y, height: 1, ..list }, styles.selected);
            let spans = found.line.spans.iter().map(|span| {
                let style = if span.style == styles.matched {
                    styles.selected.add_modifier(styles.matched.add_modifier)
                } else {
                    styles.selected
                };
                Span::styled(span.content.clone(), style)
            });
            buf.set_line(list.x, y, &Line::from(spans.collect::<Vec<_>>()), list.width);
        } else {
            buf.set_line(list.x, y, &found.line, list.width);
        }
    }
    for (i, line) in wrap_lines(&finder.preview, usize::from(preview.width))
        .iter()
        .take(usize::from(preview.height))
        .enumerate()
    {
        buf.set_line(preview.x, preview.y + i as u16, line, preview.width);
    }
    let cursor_x = display_width(prompt) + finder.input.cursor_column();
    Position { x: inner.x + (cursor_x.min(usize::from(inner.width) - 1)) as u16, y: inner.y }
}
