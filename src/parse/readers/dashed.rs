//! Tables under a rule of dash runs, one run per column: pandoc's simple and multiline tables
//! (`pandoc -t markdown`, `pandoc -t plain`).
//!
//! The rule (`------ ---------- ------`) says where every column is, so a cell is known by where
//! it starts (display columns: a CJK character is two): each word of a line goes to the column
//! whose run holds its first character, a word running past its run (a section's label, `一、约束性
//! 指标`, across a narrow 序号 column) stays whole. The header is the lines between the table's
//! start and the rule, joined down each column (a title wrapped in its cell, `计量\` / `单位`); a
//! table without a header opens with the rule itself. Below, rows parted by blank lines (a
//! multiline table, whose cells wrap over several lines) join their lines down each column;
//! otherwise every line is a row. A rule closes the table, and so does a blank line in a table
//! whose rows are lines. Pandoc's escapes are undone (`\%`, a line-break `\` at a cell's end) and
//! its dashes for `—` (`---`) read as the dash again.

use super::aligned::is_rule;
use super::markup::pandoc_cell;
use super::{Read, Vocabulary};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::text::Trimmed;
use unicode_width::UnicodeWidthChar;

/// The header of a table is at most this many lines above its rule.
const MAX_HEADER_LINES: usize = 4;
/// A table line is at most this many characters; a longer one is prose, and no closing rule is
/// looked for past it.
const MAX_LINE_CHARS: usize = 300;
/// A column's run of dashes is at least this long.
const MIN_RUN: usize = 2;

/// Reads the table whose first line (its header's, or the first row's under a rule) is
/// `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, _: &Vocabulary) -> Option<Read> {
    // A table may be asked for at its opening rule (the part of a table after a page break).
    let opening = is_rule(&lines[start]).then(|| runs(&lines[start])).flatten();
    let start = if opening.is_some() { start + 1 } else { start };
    let rule_above = start.checked_sub(1).filter(|&above| is_rule(&lines[above]));
    let (starts, header, body_from) =
        match opening.or_else(|| rule_above.and_then(|above| runs(&lines[above]))) {
            Some(starts) => (starts, start..start, start),
            None => {
                let (starts, rule) = (start + 1..lines.len())
                    .take(MAX_HEADER_LINES)
                    .take_while(|&i| !lines[i].trimmed().is_empty())
                    .find_map(|i| runs(&lines[i]).map(|starts| (starts, i)))?;
                (starts, start..rule, rule + 1)
            }
        };
    let mut builder = GridBuilder::new(Layout::Aligned);
    if !header.is_empty() {
        push_row(&mut builder, &starts, lines, header);
    }
    let (rows, end) = body_rows(lines, body_from, rule_above.is_some(), starts[0]);
    for row in rows {
        push_row(&mut builder, &starts, lines, row);
    }
    (!builder.is_empty()).then(|| Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// The rows below the rule as ranges of lines, and the index after the table. A table opened by
/// a rule (`opened`) is closed by one: its rows are parted by blank lines when it has any before
/// that rule (a multiline table). Otherwise a row is a line, up to the first blank line or rule.
/// Text starting left of the first column (`:::`, a fenced block's end) is past the table.
fn body_rows(
    lines: Lines<'_>,
    from: usize,
    opened: bool,
    left: usize,
) -> (Vec<std::ops::Range<usize>>, usize) {
    let closing = (from..lines.len())
        .take_while(|&i| lines[i].chars().count() <= MAX_LINE_CHARS)
        .find(|&i| is_rule(&lines[i]))
        .filter(|_| opened);
    let multiline = closing.is_some_and(|rule| (from..rule).any(|i| lines[i].trimmed().is_empty()));
    let mut rows = Vec::new();
    let mut index = from;
    while index < lines.len() {
        let text = lines[index].trimmed();
        if is_rule(&lines[index]) {
            return (rows, index + 1);
        }
        let indent = lines[index].len() - lines[index].trim_start_matches(' ').len();
        if !text.is_empty() && indent < left {
            break;
        }
        if text.is_empty() {
            if !multiline {
                break;
            }
            index += 1;
            continue;
        }
        let row_end = if multiline {
            (index..lines.len())
                .find(|&i| lines[i].trimmed().is_empty() || is_rule(&lines[i]))
                .unwrap_or(lines.len())
        } else {
            index + 1
        };
        rows.push(index..row_end);
        index = row_end;
    }
    (rows, index)
}

/// Writes one row from its lines: each column's words, line by line, joined.
fn push_row(builder: &mut GridBuilder, starts: &[usize], lines: Lines<'_>, row: std::ops::Range<usize>) {
    let mut cells = vec![String::new(); starts.len()];
    for index in row.clone() {
        let mut line_cells = vec![String::new(); starts.len()];
        for (x, word) in words(&lines[index]) {
            let col = starts.iter().rposition(|&s| s <= x).unwrap_or(0);
            let cell = &mut line_cells[col];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(word);
        }
        for (cell, piece) in cells.iter_mut().zip(line_cells) {
            let piece = piece.strip_suffix('\\').unwrap_or(&piece).trim_end();
            let ascii_seam = cell.ends_with(|c: char| c.is_ascii_alphanumeric())
                && piece.starts_with(|c: char| c.is_ascii_alphanumeric());
            if ascii_seam {
                cell.push(' ');
            }
            cell.push_str(piece);
        }
    }
    builder.start_row();
    for cell in cells {
        builder.push(&pandoc_cell(&cell), row.start + 1);
    }
}

/// Whether `lines[index]` opens a table under or above a rule of dash runs: the line after it is
/// such a rule (a header over its rule), or the line before it is (a table without a header). Its
/// first cell need not read as a title then (`指  标`, spaced out).
pub(crate) fn opens_ruled_table(lines: Lines<'_>, index: usize) -> bool {
    let ruled = |at: Option<usize>| at.and_then(|i| lines.get(i)).is_some_and(|line| runs(line).is_some());
    // The lines beside it first: a rule is rare, and most lines fail at their first byte.
    (ruled(Some(index + 1)) || ruled(index.checked_sub(1)))
        && !lines[index].trimmed().is_empty()
        && !is_rule(&lines[index])
}

/// The words of a line (parted by spaces) with the display column each starts at.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut x = 0;
    let mut word_start: Option<(usize, usize)> = None;
    let mut found = Vec::new();
    for (at, c) in line.char_indices() {
        if c == ' ' {
            if let Some((byte, column)) = word_start.take() {
                found.push((column, &line[byte..at]));
            }
        } else if word_start.is_none() {
            word_start = Some((at, x));
        }
        x += if c == '\t' { 4 } else { c.width().unwrap_or(0) };
    }
    if let Some((byte, column)) = word_start {
        found.push((column, &line[byte..]));
    }
    found.into_iter()
}

/// The display columns where the runs of a column rule start (`------ ---------- ------`): two
/// runs or more, or `None` for any other line.
fn runs(line: &str) -> Option<Vec<usize>> {
    // A line whose first byte is none of a rule's (most lines) is none, trimmed or not.
    if !line.as_bytes().first().is_some_and(|b| matches!(b, b'-' | b' ' | b':')) {
        return None;
    }
    let bytes = line.trimmed_end().as_bytes();
    if !bytes.iter().all(|&b| matches!(b, b'-' | b' ' | b':')) {
        return None;
    }
    let mut starts = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b' ' {
            at += 1;
            continue;
        }
        let len = bytes[at..].iter().take_while(|&&b| b != b' ').count();
        if len < MIN_RUN {
            return None;
        }
        starts.push(at);
        at += len;
    }
    (starts.len() >= 2).then_some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    fn grid(lines: &[&str], start: usize) -> Vec<Vec<String>> {
        let read = read(LinedText::from_lines(lines).lines(), start, &INDICATOR).expect("a table");
        read.grid.texts().iter().map(|row| row.iter().map(|cell| (*cell).to_owned()).collect()).collect()
    }

    #[test]
    fn a_multiline_table_joins_wrapped_cells_and_keeps_a_label_across_columns_whole() {
        let rows = grid(
            &[
                "  ------------------------------------------------------",
                "  序号   指标名称               计量\\      2023年",
                "                                单位       目标",
                "  ------ ---------------------- ---------- ----------",
                "  一、约束性指标",
                "",
                "  1      化学需氧量排放量削减^①^ \\%         2.1",
                "",
                "  2      城镇常住居民人均可支   元         ---",
                "         配收入",
                "  ------------------------------------------------------",
                "",
                "二、2024年主要目标",
            ],
            1,
        );
        assert_eq!(rows[0], ["序号", "指标名称", "计量单位", "2023年目标"]);
        assert_eq!(rows[1], ["一、约束性指标", "", "", ""]);
        assert_eq!(rows[2], ["1", "化学需氧量排放量削减①", "%", "2.1"]);
        assert_eq!(rows[3], ["2", "城镇常住居民人均可支配收入", "元", "—"]);
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn a_simple_table_has_a_row_per_line_up_to_a_blank_line() {
        let lines = [
            "  指标名称           单位   2024年目标",
            "  ------------------ ------ ------------",
            "  地区生产总值增长   \\%     6左右",
            "  城镇新增就业       万人   1.2",
            "",
            "  后文",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(read.grid.texts()[1], ["地区生产总值增长", "%", "6左右"]);
        assert_eq!(read.grid.rows(), 3);
        assert_eq!(read.end, 4);
    }

    #[test]
    fn a_header_spaced_out_over_its_rule_opens_a_table() {
        let lines = ["表1", "  指  标           单位", "  ---------------- ------", "  GDP增长          \\%"];
        let lines = LinedText::from_lines(&lines);
        let opens: Vec<bool> = (0..4).map(|i| opens_ruled_table(lines.lines(), i)).collect();
        assert_eq!(opens, [false, true, false, true]);
    }

    #[test]
    fn a_table_without_a_header_opens_under_its_rule() {
        let lines = [
            "  -------------- ------ ------",
            "  **指标**       单位   2022年",
            "  GDP增长        \\%     6.5",
        ];
        assert_eq!(grid(&lines, 1)[1], ["GDP增长", "%", "6.5"]);
        assert!(read(LinedText::from_lines(&["  指标 单位", "  文字"]).lines(), 0, &INDICATOR).is_none());
    }

    #[test]
    fn a_table_asked_for_at_its_opening_rule_has_no_header() {
        let lines = [
            "  ---------------- --- ----- ----",
            "  城镇调查失业率   \\%  ＜5.5 是",
            "  ---------------- --- ----- ----",
        ];
        assert_eq!(grid(&lines, 0), [["城镇调查失业率", "%", "＜5.5", "是"]]);
        assert_eq!(read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).map(|r| r.end), Some(3));
    }
}
