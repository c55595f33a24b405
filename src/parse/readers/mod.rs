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

pub(crate) mod aligned;
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
}

/// A reader: the table whose first line is `lines[start]`, if the lines are in its layout.
type Reader = fn(&[&str], usize, &Vocabulary) -> Option<Read>;

/// Every reader, the most specific layouts first.
const READERS: [Reader; 5] = [pipe::read, boxed::read, tab::read, aligned::read, stream::read];

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
