//! Columns aligned with spaces: tables as `pdftotext -layout` and plain-text pages print them.
//!
//! A row is a line whose cells are parted by runs of two or more spaces. The columns are where
//! cells start, gathered over all the table's lines (display columns: a CJK character is two);
//! each cell goes to the column whose start is nearest its own. A line with nothing but a piece
//! of the name (a name wrapped onto a second line) is joined to the row above. Spaces that a PDF
//! converter puts between CJK characters and digits (`7.5 以上`, `提高 1.5 个百分点`) are taken out.

use super::{Read, Vocabulary, unescape};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::text::Trimmed;
use unicode_width::UnicodeWidthChar;

/// Starts of cells this close (in display columns) are one column.
const SAME_COLUMN: usize = 3;
/// A table line is at most this long; longer lines are prose.
const MAX_LINE_CHARS: usize = 200;

/// One cell of a line: where it starts (display columns) and its text.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Display column where the text starts.
    pub start: usize,
    pub text: String,
}

/// Reads the space-aligned table starting at `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, _: &Vocabulary) -> Option<Read> {
    if pieces(lines.get(start)?).len() < 2 {
        return None;
    }
    let mut rows: Vec<(usize, Vec<Piece>)> = Vec::new();
    let mut end = start;
    for (index, line) in lines.iter().enumerate().skip(start) {
        if is_rule(line) && lines.get(index + 1).is_none_or(|next| next.trimmed().is_empty()) {
            break;
        }
        if line.trimmed().is_empty() || is_rule(line) {
            continue;
        }
        let found = pieces(line);
        let prose =
            line.chars().count() > MAX_LINE_CHARS || (found.len() == 1 && found[0].text.ends_with('。'));
        if prose || (found.len() == 1 && rows.is_empty()) {
            break;
        }
        if found.len() == 1 && !continues_name(&found[0], rows.last().map(|(_, p)| p.as_slice())) {
            break;
        }
        rows.push((index, found));
        end = index + 1;
    }
    let starts = column_starts(&rows);
    if starts.len() < 2 {
        return None;
    }
    let mut builder = GridBuilder::new(Layout::Aligned);
    let mut cells: Vec<Option<(String, usize)>> = Vec::new();
    for (index, row) in &rows {
        if row.len() == 1 && !cells.is_empty() {
            let col = nearest(&starts, row[0].start);
            if let Some((text, _)) = cells.get_mut(col).and_then(Option::as_mut) {
                text.push_str(&row[0].text);
                continue;
            }
        }
        flush(&mut builder, &mut cells);
        cells = vec![None; starts.len()];
        for piece in row {
            let col = nearest(&starts, piece.start);
            match &mut cells[col] {
                Some((text, _)) => text.push_str(&piece.text),
                slot => *slot = Some((piece.text.clone(), index + 1)),
            }
        }
    }
    flush(&mut builder, &mut cells);
    Some(Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// Writes the cells gathered for one row, empty slots as empty cells.
fn flush(builder: &mut GridBuilder, cells: &mut Vec<Option<(String, usize)>>) {
    if cells.is_empty() {
        return;
    }
    let line = cells.iter().flatten().map(|(_, line)| *line).min().unwrap_or(0);
    builder.start_row();
    for cell in cells.drain(..) {
        match cell {
            Some((text, line)) => builder.push(&unescape(&close_cjk_gaps(&text)), line),
            None => builder.push("", line),
        }
    }
}

/// Whether a line of one piece continues the name of the row above: it is short and sits under
/// that row's first or second cell.
fn continues_name(piece: &Piece, above: Option<&[Piece]>) -> bool {
    let Some(above) = above else { return false };
    piece.text.chars().count() <= 12
        && above.iter().take(2).any(|p| p.start.abs_diff(piece.start) <= SAME_COLUMN * 2)
}

/// The starts of the columns: cell starts over all lines, those within a few columns of each
/// other taken as one.
fn column_starts(rows: &[(usize, Vec<Piece>)]) -> Vec<usize> {
    let mut all: Vec<usize> =
        rows.iter().filter(|(_, p)| p.len() > 1).flat_map(|(_, p)| p.iter().map(|c| c.start)).collect();
    all.sort_unstable();
    let mut starts: Vec<usize> = Vec::new();
    for start in all {
        if starts.last().is_none_or(|&last| start > last + SAME_COLUMN) {
            starts.push(start);
        }
    }
    starts
}

/// The index of the column whose start is nearest `x`.
pub(super) fn nearest(starts: &[usize], x: usize) -> usize {
    (0..starts.len()).min_by_key(|&i| starts[i].abs_diff(x)).unwrap_or(0)
}

/// Whether a line is a rule of dashes between the header and the rows, one run per column, as
/// pandoc draws its simple and multiline tables (`------ ---------- ------`); one followed by a
/// blank line closes the table.
pub(crate) fn is_rule(line: &str) -> bool {
    let text = line.trimmed();
    text.len() >= 3 && text.chars().all(|c| matches!(c, '-' | '=' | ' ' | ':'))
}

/// How a layout counts the columns of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    /// By display width, a CJK character two columns: `w3m`, pandoc.
    Display,
    /// Every character one column: `pdftotext -layout` and `lynx -dump` place text on a grid of
    /// characters.
    Chars,
}

impl Measure {
    /// The columns a character takes (a TAB four).
    fn width(self, c: char) -> usize {
        match (self, c) {
            (_, '\t') => 4,
            (Measure::Display, _) => UnicodeWidthChar::width(c).unwrap_or(0),
            (Measure::Chars, _) => 1,
        }
    }

    /// The columns a text takes.
    pub(super) fn len(self, text: &str) -> usize {
        text.chars().map(|c| self.width(c)).sum()
    }
}

/// The cells of a line: runs of text parted by two or more spaces, with their display starts.
pub(super) fn pieces(line: &str) -> Vec<Piece> {
    pieces_by(line, Measure::Display)
}

/// [`pieces`], their starts counted by `measure`.
pub(super) fn pieces_by(line: &str, measure: Measure) -> Vec<Piece> {
    let mut found: Vec<Piece> = Vec::new();
    let mut x = 0;
    let mut spaces = 0;
    let mut current: Option<Piece> = None;
    for c in line.chars() {
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            spaces += if c == '\u{3000}' { 2 } else { 1 };
        } else {
            if spaces >= 2
                && let Some(piece) = current.take()
            {
                found.push(piece);
            }
            match &mut current {
                Some(piece) => {
                    if spaces == 1 {
                        piece.text.push(' ');
                    }
                    piece.text.push(c);
                }
                None => current = Some(Piece { start: x, text: c.to_string() }),
            }
            spaces = 0;
        }
        x += measure.width(c);
    }
    found.extend(current);
    found
}

/// Takes out the spaces a converter puts between CJK characters and digits or other CJK
/// characters (`8 以上` → `8以上`, `提高 1 个百分点` → `提高1个百分点`); spaces between Latin words stay.
pub(super) fn close_cjk_gaps(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: char| UnicodeWidthChar::width(c) == Some(2);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let (before, after) = (i.checked_sub(1).map(|j| chars[j]), chars.get(i + 1).copied());
            let percent = before.is_some_and(|b| b.is_ascii_digit()) && after == Some('%');
            if before.is_some_and(wide) || after.is_some_and(wide) || percent {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    #[test]
    fn reads_aligned_columns_and_joins_wrapped_names() {
        let lines = [
            "指标名称                  属性     2023年目标    2023年完成",
            "地区生产总值增速（%）     预期性   7             6.9",
            "单位地区生产总值能耗降低  约束性   3             3.4",
            "率（%）",
            "城镇调查失业率（%）       预期性   5.5 %以内     5.6",
            "",
            "（一）工业经济提质增效。全年新增规上工业企业42家，工业增加值增长8%。",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        let g = &read.grid;
        assert_eq!(read.end, 5);
        assert_eq!((g.rows(), g.cols()), (4, 4));
        assert_eq!(g.text(2, 0), "单位地区生产总值能耗降低率（%）");
        assert_eq!(g.text(3, 2), "5.5%以内");
        assert_eq!(g.text(1, 3), "6.9");
    }

    #[test]
    fn closes_gaps_around_cjk_only() {
        assert_eq!(close_cjk_gaps("提高 1 个百分点"), "提高1个百分点");
        assert_eq!(close_cjk_gaps("PM2.5 density"), "PM2.5 density");
    }
}
