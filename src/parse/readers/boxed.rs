//! Tables drawn with box characters, as text browsers dump them (`w3m -dump`: `┌─┬─┐ │ ├─┼─┤`),
//! or with ASCII (`+---+---+` rules and `|` between cells).
//!
//! Columns are where the vertical bars stand in most lines (positions counted in display
//! columns, a CJK character being two). Within a column, a horizontal rule ends a cell; a merged
//! cell is a rule left out (its text sits in the middle of its span) or a bar left out between
//! two columns. The rows of the grid are the bands between the rules of any column, so a cell
//! whose column has no rule between two bands spans both.
//!
//! Pandoc's grid tables (`-t markdown`, `-t plain`) hold Markdown in their cells: its marks are
//! undone ([`super::markup`]: escapes, bold, bracketed spans, superscript, which w3m prints `^①`
//! too), and a line break (`\`) is no text.

use super::markup::pandoc_cell;
use super::{Read, Vocabulary};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::text::Trimmed;
use unicode_width::UnicodeWidthChar;

/// Characters that draw a vertical bar or a junction.
const BARS: &str = "│┃║|├┤┼┬┴╋╬╠╣╦╩┌┐└┘┏┓┗┛╔╗╚╝+┠┨┯┷┿";
/// Characters that draw a horizontal rule.
const RULES: &str = "─━═-";
/// Characters a table's line can start with.
const STARTS: &str = "┌├└│┏┣┗┃╔╠╚║+|";

/// One line of the table as display columns: the character drawn in each (a wide character's
/// second column holds `None`).
struct Row {
    /// 0-based line index in the text.
    index: usize,
    columns: Vec<Option<char>>,
}

impl Row {
    /// The line measured in display columns; `wide_ambiguous` counts characters of ambiguous
    /// width other than the drawing (`—`, `①`, `“`) as two columns, as `w3m` does in a CJK locale.
    fn new(index: usize, line: &str, wide_ambiguous: bool) -> Row {
        let mut columns = Vec::with_capacity(line.len());
        for c in line.trimmed_end().chars() {
            let drawing = BARS.contains(c) || RULES.contains(c);
            let width = match wide_ambiguous && !drawing {
                true => UnicodeWidthChar::width_cjk(c),
                false => UnicodeWidthChar::width(c),
            };
            columns.push(Some(c));
            for _ in 1..width.unwrap_or(0) {
                columns.push(None);
            }
        }
        Row { index, columns }
    }

    /// Whether every bar of the line stands on one of `bounds`.
    fn fits(&self, bounds: &[usize]) -> bool {
        let bar = |x: &usize| self.at(*x).is_some_and(|c| BARS.contains(c));
        (0..self.columns.len()).filter(bar).all(|x| bounds.binary_search(&x).is_ok())
    }

    fn at(&self, x: usize) -> Option<char> {
        self.columns.get(x).copied().flatten()
    }

    /// The text between display columns `from` and `to` (exclusive), trimmed.
    fn text(&self, from: usize, to: usize) -> String {
        let end = to.min(self.columns.len());
        let text: String = self.columns.get(from..end).unwrap_or_default().iter().flatten().collect();
        text.trimmed().to_owned()
    }

    /// Whether the stretch between `from` and `to` is drawn as a horizontal rule.
    fn is_rule(&self, from: usize, to: usize) -> bool {
        let inner = self.columns.get(from..to.min(self.columns.len())).unwrap_or_default();
        inner.iter().any(Option::is_some) && inner.iter().flatten().all(|c| RULES.contains(*c))
    }
}

/// Reads the drawn table starting at `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, _: &Vocabulary) -> Option<Read> {
    let first = lines.get(start)?.trimmed_start();
    if !first.starts_with(|c| STARTS.contains(c)) {
        return None;
    }
    let drawn = first.chars().any(|c| BARS.contains(c) && c != '|' && c != '+');
    if !(drawn || is_ascii_rule(first)) {
        return None;
    }
    let indent = lines[start].len() - first.len();
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(start) {
        let body = line.get(indent..).unwrap_or("");
        if !body.starts_with(|c| STARTS.contains(c)) {
            break;
        }
        rows.push(Row::new(index, body, false));
    }
    let end = rows.last()?.index + 1;
    let bounds = boundaries(&rows);
    if bounds.len() < 3 {
        return None;
    }
    // A line whose bars miss the columns was drawn with ambiguous characters two columns wide.
    for row in rows.iter_mut().filter(|row| !row.fits(&bounds)) {
        let wide = Row::new(row.index, lines[row.index].get(indent..).unwrap_or(""), true);
        if wide.fits(&bounds) {
            *row = wide;
        }
    }
    let grid = build(&rows, &bounds)?;
    Some(Read { grid, end, warnings: Vec::new() })
}

/// An ASCII rule line: `+----+----+`.
fn is_ascii_rule(line: &str) -> bool {
    line.starts_with('+') && line.trimmed_end().ends_with('+') && line.contains("-+")
}

/// Junctions where a bar starts down from a rule: a column's edge that only some rows have (a
/// cell spanning rows, `其中`, beside the names of the rows it spans).
const BAR_STARTS: &str = "┬╦┯";

/// The display columns where bars stand: in the first line, in at least half of the lines, or
/// where a rule starts a bar down ([`BAR_STARTS`]).
fn boundaries(rows: &[Row]) -> Vec<usize> {
    let width = rows.iter().map(|r| r.columns.len()).max().unwrap_or(0);
    (0..width)
        .filter(|&x| {
            let bars = rows.iter().filter(|r| r.at(x).is_some_and(|c| BARS.contains(c))).count();
            let starts_bar = || rows.iter().any(|r| r.at(x).is_some_and(|c| BAR_STARTS.contains(c)));
            rows[0].at(x).is_some_and(|c| BARS.contains(c)) || bars * 2 >= rows.len() || starts_bar()
        })
        .collect()
}

/// The lines of one column between two of its rules: one cell, unless merged with its neighbour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// First and last line (indices into the table's lines).
    first: usize,
    last: usize,
}

/// Builds the grid: per column, runs of lines between its rules; the bands between the rules of
/// any column are the grid's rows; a run covers the bands inside it, and merges with the run of
/// the next column when both have the same lines and no bar stands between them.
fn build(rows: &[Row], bounds: &[usize]) -> Option<crate::grid::Grid> {
    let columns = bounds.len() - 1;
    let rule = |line: usize, col: usize| rows[line].is_rule(bounds[col] + 1, bounds[col + 1]);
    let runs: Vec<Vec<Run>> = (0..columns).map(|col| runs_of(rows.len(), |line| rule(line, col))).collect();
    let bands = runs_of(rows.len(), |line| (0..columns).any(|col| rule(line, col)));
    if bands.is_empty() {
        return None;
    }
    let inside = |band: &Run, run: &Run| run.first <= band.first && band.last <= run.last;
    let mut builder = GridBuilder::new(Layout::Boxed);
    for (index, band) in bands.iter().enumerate() {
        builder.start_row();
        let mut col = 0;
        while col < columns {
            let Some(run) = runs[col].iter().find(|run| inside(band, run)).copied() else {
                col += 1;
                continue;
            };
            let covered: Vec<usize> = (0..bands.len()).filter(|&b| inside(&bands[b], &run)).collect();
            if covered.first() != Some(&index) {
                col += 1;
                continue;
            }
            let no_bar =
                |x: usize| (run.first..=run.last).all(|l| !rows[l].at(x).is_some_and(|c| BARS.contains(c)));
            let mut cols = 1;
            while col + cols < columns && runs[col + cols].contains(&run) && no_bar(bounds[col + cols]) {
                cols += 1;
            }
            let (from, to) = (bounds[col] + 1, bounds[col + cols]);
            let pieces: Vec<String> =
                (run.first..=run.last).map(|l| rows[l].text(from, to)).filter(|t| !t.is_empty()).collect();
            let line =
                (run.first..=run.last).find(|&l| !rows[l].text(from, to).is_empty()).unwrap_or(run.first);
            let text = pandoc_cell(&join_pieces(&pieces));
            builder.push_spanning(&text, rows[line].index + 1, covered.len(), cols);
            col += cols;
        }
    }
    Some(builder.finish())
}

/// The runs of consecutive lines of `0..count` that are not `ruled`.
fn runs_of(count: usize, ruled: impl Fn(usize) -> bool) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut open: Option<usize> = None;
    for line in 0..count {
        match (ruled(line), open) {
            (true, Some(first)) => {
                runs.push(Run { first, last: line - 1 });
                open = None;
            }
            (false, None) => open = Some(line),
            _ => {}
        }
    }
    if let Some(first) = open {
        runs.push(Run { first, last: count - 1 });
    }
    runs
}

/// The pieces of a cell's text wrapped over lines, joined: no space between CJK pieces, one
/// between Latin words; a piece's line break (pandoc's `\` at its end) is no text.
fn join_pieces(pieces: &[String]) -> String {
    let mut text = String::new();
    for piece in pieces {
        let piece = piece.strip_suffix('\\').unwrap_or(piece);
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(text.chars().last()) && latin(piece.chars().next()) {
            text.push(' ');
        }
        text.push_str(piece);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    #[test]
    fn reads_merged_cells_from_missing_rules_and_bars() {
        let lines = [
            "┌────┬────┬────────┐",
            "│    │    │完成情况│",
            "│类别│指标├────┬───┤",
            "│    │    │绝对│增速│",
            "├────┼────┼────┼───┤",
            "│    │GDP │500 │6  │",
            "│经济├────┼────┼───┤",
            "│    │投资│300 │5  │",
            "└────┴────┴────┴───┘",
            "正文",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        let g = &read.grid;
        assert_eq!(read.end, 9);
        assert_eq!((g.rows(), g.cols()), (4, 4));
        assert_eq!(g.text(0, 0), "类别");
        assert_eq!(g.text(1, 0), "类别");
        assert_eq!(g.text(0, 3), "完成情况");
        assert_eq!(g.text(1, 3), "增速");
        assert_eq!(g.text(2, 0), "经济");
        assert_eq!(g.text(3, 0), "经济");
        assert_eq!(g.text(3, 1), "投资");
        assert_eq!(g.cells().iter().find(|c| c.text == "投资").map(|c| c.line), Some(8));
    }

    #[test]
    fn a_bar_drawn_only_beside_a_cell_spanning_rows_is_a_column_edge() {
        // w3m draws the edge right of `其中` only in the rows it spans, from a `┬` in the rule.
        let lines = [
            "┌──────────────┬───┐",
            "│指标          │目标│",
            "├──────────────┼───┤",
            "│地区生产总值  │8  │",
            "├────┬─────────┼───┤",
            "│    │第一产业 │3.5│",
            "│其中├─────────┼───┤",
            "│    │第二产业 │9  │",
            "├────┴─────────┼───┤",
            "│固定资产投资  │10 │",
            "└──────────────┴───┘",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        let g = &read.grid;
        assert_eq!((g.rows(), g.cols()), (5, 3));
        assert_eq!((g.text(1, 0), g.text(1, 1), g.text(1, 2)), ("地区生产总值", "地区生产总值", "8"));
        assert_eq!(
            (g.text(2, 0), g.text(2, 1), g.text(3, 0), g.text(3, 1)),
            ("其中", "第一产业", "其中", "第二产业")
        );
        assert_eq!((g.text(4, 1), g.text(4, 2)), ("固定资产投资", "10"));
    }

    #[test]
    fn reads_ascii_tables() {
        let lines = ["+----+---+", "|指标|值 |", "+----+---+", "|GDP |7  |", "+----+---+"];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(read.grid.text(1, 0), "GDP");
        assert_eq!(read.grid.text(1, 1), "7");
    }
}
