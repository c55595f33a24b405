//! Readers: lines of text to a [`Grid`], one reader per layout.
//!
//! Each reader looks at the lines from a starting line and, when they are laid out its way,
//! returns the table as a grid and the line after it. Which layout a table has is decided by
//! trying the readers whose layout the first line could start, and keeping the grid that reads
//! best as an indicator or project table (as camelot scores its tables): the most body rows
//! with a name and a value under a header that names its columns.
//!
//! | reader | layout |
//! | --- | --- |
//! | [`stream`] | one cell per line (Word's text export, mobile pages) |
//! | [`tab`] | one row per line, cells separated by TABs (a browser copy-paste) |
//! | [`pipe`] | Markdown pipe rows |
//! | [`boxed`] | box-drawn tables of text browsers (`┌─┬─┐`, `+---+`) |
//! | [`chargrid`] | columns on a grid of characters, one space apart (`lynx -dump`) |
//! | [`dashed`] | columns under a rule of dash runs (pandoc's simple and multiline tables) |
//! | [`aligned`] | columns aligned with spaces (`pdftotext -layout`) |
//! | [`banded`] | columns aligned with spaces, rows drawn over several lines (`pdftotext -layout` of wrapped cells) |

pub(crate) mod aligned;
pub(crate) mod banded;
pub(crate) mod boxed;
pub(crate) mod chargrid;
pub(crate) mod dashed;
mod markup;
pub(crate) mod pipe;
pub(crate) mod stream;
pub(crate) mod tab;

use crate::grid::Grid;
use crate::model::Warning;
use crate::parse::Lines;
use crate::text::{Trimmed, holds_ideographic_space};
pub(crate) use aligned::is_rule;

/// A table read from lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Read {
    /// The cells.
    pub grid: Grid,
    /// Index of the first line after the table.
    pub end: usize,
    /// What the reader noticed (cells it could not place), without the caption.
    pub warnings: Vec<Warning>,
}

/// The words of the kind of table being looked for: a one-cell-per-line table has no rows but
/// what its header's width gives, so its header must be known by its words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Vocabulary {
    /// Whether a cell reads as a column title.
    pub is_title: fn(&str) -> bool,
    /// Whether a run of titles makes a header of this kind of table.
    pub is_header: fn(&[&str]) -> bool,
    /// Whether a column of this title has cells spanning rows (类别), whose text a layout that
    /// draws rows over several lines may print anywhere beside them.
    pub spans_rows: fn(&str) -> bool,
}

/// A reader: the table whose first line is `lines[start]`, if the lines are in its layout.
type Reader = fn(Lines<'_>, usize, &Vocabulary) -> Option<Read>;

/// A cheap test of the line a reader would start at: whether a table of its layout could.
type FirstLine = fn(&str) -> bool;

/// Every reader, the most specific layouts first, each with a cheap test that the first line of
/// every table it reads passes: a line that fails it is not offered to the reader.
const READERS: [(Reader, FirstLine); 8] = [
    (pipe::read, any_line),
    (boxed::read, any_line),
    (tab::read, any_line),
    (dashed::read, any_line),
    (chargrid::read, has_two_words),
    (banded::read, any_line),
    (aligned::read, has_gap),
    (stream::read, any_line),
];

/// The test of a reader whose own first test is as cheap.
fn any_line(_: &str) -> bool {
    true
}

/// Whether a line holds two words parted by a space: a table on a grid of characters opens with
/// a line of two titles or more, however close.
fn has_two_words(line: &str) -> bool {
    line.trimmed().contains(' ')
}

/// Whether a line may hold two cells parted by spaces: two white-space characters in a row, or
/// an ideographic space (two columns wide). A space-aligned table's first line has two cells.
///
/// A long line's blanks are found by `memchr` (a box's first line is mostly a long paragraph,
/// where they are few), and its ideographic space by a substring search
/// ([`holds_ideographic_space`]); a short line (a cell of a table of one cell per line, asked
/// about once for each table that may start above it) is read byte by byte, once.
pub(super) fn has_gap(line: &str) -> bool {
    /// Lines shorter than this (in bytes) are read byte by byte.
    const SHORT: usize = 48;
    let bytes = line.as_bytes();
    let blank = |byte: Option<&u8>| matches!(byte, Some(b' ' | b'\t'));
    if bytes.len() < SHORT {
        // U+3000 is `E3 80 80`.
        return (0..bytes.len()).any(|at| match bytes[at] {
            b' ' | b'\t' => blank(bytes.get(at + 1)),
            0xe3 => bytes[at + 1..].starts_with(&[0x80, 0x80]),
            _ => false,
        });
    }
    memchr::memchr2_iter(b' ', b'\t', bytes).any(|at| blank(bytes.get(at + 1)))
        || holds_ideographic_space(line)
}

/// Reads the table starting at `lines[start]` with every reader that can, keeping the grid that
/// `judge` rates best, with what `judge` learned reading it (a header, say, so it is read once).
/// Ties go to the earlier, more specific reader. `None` when no reader finds a table there, or
/// `judge` rejects every grid (`None`, or a score of zero).
pub(crate) fn read_best<T>(
    lines: Lines<'_>,
    start: usize,
    vocabulary: &Vocabulary,
    judge: impl Fn(&Grid) -> Option<(usize, T)>,
) -> Option<(Read, T)> {
    take_best(&mut read_all(lines, start, vocabulary), judge)
}

/// The tables found at `lines[start]` by every reader whose layout the first line could start,
/// in the order of [`READERS`]: read once, for a caller that judges them more than one way
/// ([`take_best`]).
pub(crate) fn read_all(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Vec<Read> {
    let first = lines.get(start).unwrap_or("");
    READERS
        .iter()
        .filter(|(_, could_start)| could_start(first))
        .filter_map(|(reader, _)| reader(lines, start, vocabulary))
        .collect()
}

/// Takes out of `reads` (in the order of [`READERS`]) the read whose grid `judge` rates best, as
/// [`read_best`] keeps it; `None`, leaving `reads` as they were, when `judge` rejects every grid.
pub(crate) fn take_best<T>(
    reads: &mut Vec<Read>,
    judge: impl Fn(&Grid) -> Option<(usize, T)>,
) -> Option<(Read, T)> {
    let mut best: Option<(usize, usize, T)> = None;
    for (index, read) in reads.iter().enumerate() {
        let Some((points, found)) = judge(&read.grid) else { continue };
        if points > 0 && best.as_ref().is_none_or(|(b, ..)| points > *b) {
            best = Some((points, index, found));
        }
    }
    best.map(|(_, index, found)| (reads.remove(index), found))
}

/// [`read_best`] for a `score` that learns nothing else: the best grid, `None` when no reader
/// finds a table or none scores above zero.
pub(crate) fn read_at(
    lines: Lines<'_>,
    start: usize,
    vocabulary: &Vocabulary,
    score: impl Fn(&Grid) -> usize,
) -> Option<Read> {
    read_best(lines, start, vocabulary, |grid| Some((score(grid), ()))).map(|(read, ())| read)
}

/// Markdown's backslash escapes undone: `\-` → `-`, `\%` → `%` (a backslash before ASCII
/// punctuation only escapes it), as pandoc writes cells of pipe and aligned tables.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The cells of a line split at `separator`, trimmed; `None` when the line has fewer than two.
pub(crate) fn split_cells(line: &str, separator: char) -> Option<Vec<&str>> {
    let cells: Vec<&str> = line.split(separator).map(str::trimmed).collect();
    (cells.len() >= 2).then_some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_two_blanks_in_a_row_or_an_ideographic_space() {
        let by_pairs = |line: &str| {
            line.as_bytes().windows(2).any(|pair| matches!(pair, [b' ' | b'\t', b' ' | b'\t']))
                || line.contains('\u{3000}')
        };
        let long = "很长的一行".repeat(10);
        for line in [
            "指标  目标",
            "指标\t 目标",
            "指标 目标",
            "指标\u{3000}目标",
            "一二三 ",
            "  ",
            " ",
            "",
            "甲 \t",
            "、。",
        ] {
            assert_eq!(has_gap(line), by_pairs(line), "{line:?}");
            let long = format!("{long}{line}");
            assert_eq!(has_gap(&long), by_pairs(&long), "{long:?}");
        }
    }
}

/// Each text layout written out from a grid and read back gives the same cells.
#[cfg(test)]
mod roundtrip {
    use super::*;
    use crate::parse::LinedText;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    /// Writes a table's rows as lines of one layout.
    type Writer = fn(&[Vec<String>]) -> Vec<String>;

    /// A vocabulary for generated tables: header cells start with `H`.
    const GENERATED: Vocabulary =
        Vocabulary { is_title: |t| t.starts_with('H'), is_header: |t| t.len() >= 2, spans_rows: |_| false };

    /// A cell's text: CJK, Latin and digits, no spaces, separators or header words (`增速` would
    /// read as a sub-title row, `（a）` as a parenthetical qualifying the title above).
    fn cell() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-z0-9.%甲乙丙丁戊己]{1,6}").expect("cell pattern")
    }

    /// A table: a header row of titles and 1 to 6 rows, all of one width.
    fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
        (2usize..6, 1usize..6).prop_flat_map(|(cols, rows)| {
            let header = proptest::collection::vec(cell().prop_map(|c| format!("H{c}")), cols);
            let body = proptest::collection::vec(proptest::collection::vec(cell(), cols), rows);
            (header, body).prop_map(|(header, body)| std::iter::once(header).chain(body).collect())
        })
    }

    fn widths(table: &[Vec<String>]) -> Vec<usize> {
        (0..table[0].len()).map(|c| table.iter().map(|r| r[c].width()).max().unwrap_or(1)).collect()
    }

    fn pad(text: &str, width: usize) -> String {
        format!("{text}{}", " ".repeat(width - text.width()))
    }

    fn write_tab(table: &[Vec<String>]) -> Vec<String> {
        table.iter().map(|row| row.join("\t")).collect()
    }

    fn write_pipe(table: &[Vec<String>]) -> Vec<String> {
        let mut lines: Vec<String> = table.iter().map(|row| format!("| {} |", row.join(" | "))).collect();
        lines.insert(1, format!("|{}|", vec!["---"; table[0].len()].join("|")));
        lines
    }

    fn write_boxed(table: &[Vec<String>]) -> Vec<String> {
        let widths = widths(table);
        let rule = |l: &str, m: &str, r: &str| {
            format!("{l}{}{r}", widths.iter().map(|w| "─".repeat(w + 2)).collect::<Vec<_>>().join(m))
        };
        let mut lines = vec![rule("┌", "┬", "┐")];
        for (i, row) in table.iter().enumerate() {
            if i > 0 {
                lines.push(rule("├", "┼", "┤"));
            }
            let cells: Vec<String> =
                row.iter().zip(&widths).map(|(c, w)| format!(" {} ", pad(c, *w))).collect();
            lines.push(format!("│{}│", cells.join("│")));
        }
        lines.push(rule("└", "┴", "┘"));
        lines
    }

    fn write_aligned(table: &[Vec<String>]) -> Vec<String> {
        let widths = widths(table);
        table
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| pad(c, w + 3))
                    .collect::<String>()
                    .trimmed_end()
                    .to_owned()
            })
            .collect()
    }

    fn write_stream(table: &[Vec<String>]) -> Vec<String> {
        table.iter().flat_map(|row| row.iter().map(|c| format!("\t{c}")).chain([String::new()])).collect()
    }

    proptest! {
        #[test]
        fn every_text_layout_reads_back_its_cells(table in table()) {
            let writers: [(Reader, Writer); 5] = [
                (tab::read, write_tab),
                (pipe::read, write_pipe),
                (boxed::read, write_boxed),
                (aligned::read, write_aligned),
                (stream::read, write_stream),
            ];
            for (reader, write) in writers {
                let lines = write(&table);
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                let read = reader(LinedText::from_lines(&lines).lines(), 0, &GENERATED);
                prop_assert!(read.is_some(), "{lines:#?}");
                let read = read.unwrap_or_else(|| unreachable!());
                prop_assert_eq!(read.grid.texts(), table.clone(), "{:#?}", lines);
            }
        }
    }
}
