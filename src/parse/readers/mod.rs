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
//! | [`aligned`] | columns aligned with spaces (`pdftotext -layout`) |
//! | [`banded`] | columns aligned with spaces, rows drawn over several lines (`pdftotext -layout` of wrapped cells) |

pub(crate) mod aligned;
pub(crate) mod banded;
pub(crate) mod boxed;
pub(crate) mod pipe;
pub(crate) mod stream;
pub(crate) mod tab;

use crate::grid::Grid;
use crate::model::Warning;

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
type Reader = fn(&[&str], usize, &Vocabulary) -> Option<Read>;

/// Every reader, the most specific layouts first.
const READERS: [Reader; 6] = [pipe::read, boxed::read, tab::read, aligned::read, banded::read, stream::read];

/// Reads the table starting at `lines[start]` with every reader that can, keeping the grid that
/// `score` rates best (ties go to the earlier, more specific reader). `None` when no reader
/// finds a table there, or none scores above zero.
pub(crate) fn read_at(
    lines: &[&str],
    start: usize,
    vocabulary: &Vocabulary,
    score: impl Fn(&Grid) -> usize,
) -> Option<Read> {
    let mut best: Option<(usize, Read)> = None;
    for reader in READERS {
        let Some(read) = reader(lines, start, vocabulary) else { continue };
        let points = score(&read.grid);
        if points > 0 && best.as_ref().is_none_or(|(b, _)| points > *b) {
            best = Some((points, read));
        }
    }
    best.map(|(_, read)| read)
}

/// The cells of a line split at `separator`, trimmed; `None` when the line has fewer than two.
pub(crate) fn split_cells(line: &str, separator: char) -> Option<Vec<&str>> {
    let cells: Vec<&str> = line.split(separator).map(str::trim).collect();
    (cells.len() >= 2).then_some(cells)
}

/// Each text layout written out from a grid and read back gives the same cells.
#[cfg(test)]
mod roundtrip {
    use super::*;
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

    fn cells_of(grid: &Grid) -> Vec<Vec<String>> {
        (0..grid.rows()).map(|r| (0..grid.cols()).map(|c| grid.text(r, c).to_owned()).collect()).collect()
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
                row.iter().zip(&widths).map(|(c, w)| pad(c, w + 3)).collect::<String>().trim_end().to_owned()
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
                let read = reader(&lines, 0, &GENERATED);
                prop_assert!(read.is_some(), "{lines:#?}");
                let read = read.unwrap_or_else(|| unreachable!());
                prop_assert_eq!(cells_of(&read.grid), table.clone(), "{:#?}", lines);
            }
        }
    }
}
