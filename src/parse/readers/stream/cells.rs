//! The cells of one table, read from the one-cell-per-line export.
//!
//! Word's plain-text export writes each table cell on a line of its own after a TAB. A cell of
//! several paragraphs (a merged 类别 cell `发展\n综合\n质量\n效益`, a header `2022年\n\n预期目标`) goes on
//! and on lines without the TAB, sometimes with blank lines between the pieces; blank lines
//! otherwise mostly separate rows. The table ends at a footnote (`注：…`), the next caption, a
//! heading or prose. A table exported without TABs (one cell per line) is read line by line.

use crate::parse::Lines;
use crate::parse::caption::is_caption;
use crate::parse::readers::Vocabulary;
use crate::parse::table::notes::is_note;
use crate::text::Trimmed;
use crate::text::is_section;
use std::borrow::Cow;

/// A line this long, or with a sentence end, is prose, not a piece of a cell.
const MAX_PIECE_CHARS: usize = 16;
/// A TAB cell this long with a sentence end is a paragraph after the table, not a cell.
const MAX_CELL_CHARS: usize = 50;
/// How many lines past a piece of a cell to look for the table going on.
const MAX_LOOKAHEAD: usize = 8;
/// Room for this many cells is made at once when a table starts (an indicator table of some
/// twenty rows of five cells), rather than growing the list cell by cell.
const EXPECTED_CELLS: usize = 128;

/// One table cell, its text borrowed from the line it stands on unless pieces were joined.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell<'a> {
    /// The text with its pieces joined and trimmed; empty for an empty cell.
    pub text: Cow<'a, str>,
    /// 1-based line where the cell starts.
    pub line: usize,
    /// A blank line came before the cell: a likely row boundary.
    pub after_blank: bool,
}

impl Cell<'_> {
    /// An empty cell standing in for one the document leaves out, placed at `line`.
    pub fn missing(line: usize) -> Self {
        Cell { text: Cow::Borrowed(""), line, after_blank: false }
    }

    /// The text without any white space (`指  标  名  称` → `指标名称`).
    pub fn compact(&self) -> String {
        crate::parse::table::name::compact(&self.text)
    }
}

/// The cells of a table and where the table ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableText<'a> {
    /// Every cell, header included, in document order.
    pub cells: Vec<Cell<'a>>,
    /// Index of the first line after the table (a footnote, prose or the next caption).
    pub end: usize,
}

/// Reads the cells from `lines[start]` to the end of the table.
#[cfg(test)]
pub(crate) fn read_cells<'a>(lines: Lines<'a>, start: usize, vocabulary: &Vocabulary) -> TableText<'a> {
    let mut reader = CellReader::new(lines, start, vocabulary);
    reader.read_until(lines.len());
    reader.finish()
}

/// How the cells of a table are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Word's TAB export: a TAB starts a cell, a short line without one continues the cell before.
    Tabs,
    /// An export without TABs: every non-blank line is a cell.
    Lines,
    /// Every cell a paragraph, a blank line after it (`lynx -dump` of a table it cannot lay
    /// out): a line right under another without a blank line between continues its cell (a
    /// `<br>` inside it, `指标` / `属性`).
    Paragraphs,
}

/// Reads a table's cells line by line, and can stop and go on: the header is read from the
/// first lines, and the rest of the table only when there is a header, without reading the
/// first lines again.
pub(crate) struct CellReader<'a> {
    lines: Lines<'a>,
    /// `None` when the first line starts no table of cells.
    mode: Option<Mode>,
    /// The next line to read.
    next: usize,
    /// Where the table ended, once it has.
    end: Option<usize>,
    /// A blank line came after the last cell.
    after_blank: bool,
    cells: Vec<Cell<'a>>,
}

impl<'a> CellReader<'a> {
    /// A reader of the table whose first line is `lines[start]` (after blank lines).
    pub fn new(lines: Lines<'a>, start: usize, vocabulary: &Vocabulary) -> Self {
        let first = lines.iter().skip(start).find(|l| !l.trimmed().is_empty());
        let mode = match first {
            Some(line) if starts_with_tab(line) => Some(Mode::Tabs),
            // The title is asked about once, whichever way its cells are written.
            Some(line) if (vocabulary.is_title)(line.trimmed()) => match in_paragraphs(lines, start) {
                true => Some(Mode::Paragraphs),
                false => Some(Mode::Lines),
            },
            _ => None,
        };
        let end = mode.is_none().then_some(start);
        let cells = Vec::with_capacity(if mode.is_some() { EXPECTED_CELLS } else { 0 });
        CellReader { lines, mode, next: start, end, after_blank: false, cells }
    }

    /// The cells read so far. The last may still grow by pieces on the lines not yet read.
    pub fn cells(&self) -> &[Cell<'a>] {
        &self.cells
    }

    /// Reads on up to line `limit` (not included), or to the end of the table.
    pub fn read_until(&mut self, limit: usize) {
        let limit = limit.min(self.lines.len());
        while self.end.is_none() && self.next < limit {
            let index = self.next;
            let ended = match self.mode {
                Some(Mode::Tabs) => !self.read_tab_line(index),
                _ => !self.read_plain_line(index),
            };
            if ended {
                self.end = Some(index);
            } else {
                self.next += 1;
            }
        }
    }

    /// The cells, and the line after the table (the last line read, when the table was not read
    /// to its end).
    pub fn finish(self) -> TableText<'a> {
        TableText { end: self.end.unwrap_or(self.next), cells: self.cells }
    }

    /// Reads `lines[index]` of a TAB export; false when the table ended before it.
    fn read_tab_line(&mut self, index: usize) -> bool {
        let line = self.lines.at(index);
        let text = line.trimmed();
        if text.is_empty() && !starts_with_tab(line) {
            self.after_blank = true;
            return true;
        }
        if ends_table(text) {
            return false;
        }
        if starts_with_tab(line) {
            if is_paragraph(text) {
                return false;
            }
            for (n, piece) in tab_cells(line).enumerate() {
                let after_blank = self.after_blank && n == 0;
                self.cells.push(Cell { text: Cow::Borrowed(piece.trimmed()), line: index + 1, after_blank });
            }
        } else {
            match self.cells.last_mut() {
                Some(cell) if is_piece(text) && continues_table(self.lines, index) => {
                    cell.text.to_mut().push_str(text);
                }
                _ => return false,
            }
        }
        self.after_blank = false;
        true
    }

    /// Reads `lines[index]` of an export without TABs; false when the table ended before it.
    fn read_plain_line(&mut self, index: usize) -> bool {
        let text = self.lines.at(index).trimmed();
        if text.is_empty() {
            self.after_blank = true;
            return true;
        }
        if ends_table(text)
            || is_paragraph(text)
            || is_section(text)
            || (text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS)
        {
            return false;
        }
        // A cell's last piece ends its paragraph (a blank line under it); a run of spaces parts
        // cells laid out on a line (a row lynx could lay out): no piece.
        let ends_paragraph = self.lines.get(index + 1).is_none_or(|next| next.trimmed().is_empty());
        let joins = self.mode == Some(Mode::Paragraphs)
            && !self.after_blank
            && ends_paragraph
            && is_piece(text)
            && !text.contains("  ");
        match self.cells.last_mut() {
            // The cell before opened its paragraph on the line above.
            Some(cell) if joins && cell.after_blank && cell.line == index => {
                cell.text.to_mut().push_str(text)
            }
            _ => self.cells.push(Cell {
                text: Cow::Borrowed(text),
                line: index + 1,
                after_blank: self.after_blank,
            }),
        }
        self.after_blank = false;
        true
    }
}

/// How many cells at the start of a table show whether each is a paragraph of its own.
const PARAGRAPH_PROBE: usize = 4;

/// Whether the table from `lines[start]` writes its cells as paragraphs: each of its first
/// [`PARAGRAPH_PROBE`] non-blank lines is followed by a blank line.
fn in_paragraphs(lines: Lines<'_>, start: usize) -> bool {
    let mut seen = 0;
    let mut index = start;
    while seen < PARAGRAPH_PROBE {
        let Some(line) = lines.get(index) else { return false };
        if !line.trimmed().is_empty() {
            if !lines.get(index + 1).is_some_and(|next| next.trimmed().is_empty()) {
                return false;
            }
            seen += 1;
        }
        index += 1;
    }
    true
}

/// A line that starts with a TAB (possibly after spaces).
fn starts_with_tab(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with('\t')
}

/// The cells of a line that [`starts_with_tab`]: its pieces after the first TAB, parted by TABs.
/// A TAB is ASCII, so each is found by `memchr` and the line is cut at it.
fn tab_cells(line: &str) -> impl Iterator<Item = &str> {
    /// The text after the first TAB, if there is one.
    fn after_tab(text: &str) -> Option<&str> {
        memchr::memchr(b'\t', text.as_bytes()).map(|at| &text[at + 1..])
    }
    let mut rest = after_tab(line);
    std::iter::from_fn(move || {
        let text = rest?;
        rest = after_tab(text);
        Some(rest.map_or(text, |after| &text[..text.len() - after.len() - 1]))
    })
}

/// A footnote or the next caption: the table is over.
fn ends_table(text: &str) -> bool {
    is_note(text) || is_caption(text)
}

/// A paragraph of prose: a sentence ending in `。`, or long with a sentence end inside.
fn is_paragraph(text: &str) -> bool {
    // A text has no more characters than bytes: a short one is counted no further.
    if text.len() <= MAX_PIECE_CHARS {
        return false;
    }
    let chars = text.chars().count();
    (chars > MAX_PIECE_CHARS && text.ends_with('。')) || (chars > MAX_CELL_CHARS && text.contains('。'))
}

/// Whether the piece at `lines[index]` belongs to the table: more cells follow it (after blank
/// lines and further pieces), or it reads as words (a page number or stray figure after the last
/// row is not part of the last cell).
fn continues_table(lines: Lines<'_>, index: usize) -> bool {
    let after = lines.iter().skip(index + 1).filter(|l| !l.trimmed().is_empty() || starts_with_tab(l));
    for line in after.take(MAX_LOOKAHEAD) {
        if starts_with_tab(line) {
            return true;
        }
        if !is_piece(line.trimmed()) {
            break;
        }
    }
    let text = lines.get(index).map_or("", |l| l.trimmed());
    text.chars().any(crate::text::is_han) && !text.chars().any(|c| c.is_ascii_digit())
}

/// A short piece of a cell broken over lines: no sentence end, not a heading.
fn is_piece(text: &str) -> bool {
    // A text has no more characters than bytes: a short one is not counted.
    (text.len() <= MAX_PIECE_CHARS || text.chars().count() <= MAX_PIECE_CHARS)
        && !text.contains(['。', '；', '：', ':'])
        && !is_section(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    fn texts<'t>(table: &'t TableText<'_>) -> Vec<&'t str> {
        table.cells.iter().map(|c| &*c.text).collect()
    }

    #[test]
    fn joins_pieces_of_a_cell_across_blank_lines() {
        let lines = ["", "\t发展", "", "综合", "", "效益", "\tGDP（%）", "\t7", "", "注：说明", "\t1"];
        let text = LinedText::from_lines(&lines);
        let table = read_cells(text.lines(), 0, &INDICATOR);
        assert_eq!(texts(&table), ["发展综合效益", "GDP（%）", "7"]);
        assert_eq!(table.end, 9);
        assert!(table.cells[0].after_blank);
        assert_eq!(table.cells[1].line, 7);
    }

    #[test]
    fn cells_as_paragraphs_join_a_line_right_under_one() {
        let lines = [
            "序号", "", "指标", "", "单位", "", "2023年", "", "指标", "属性", "", "1", "", "甲", "乙 丙",
            "丁",
        ];
        let text = LinedText::from_lines(&lines);
        let table = read_cells(text.lines(), 0, &INDICATOR);
        assert_eq!(texts(&table), ["序号", "指标", "单位", "2023年", "指标属性", "1", "甲", "乙 丙", "丁"]);
    }

    #[test]
    fn ends_at_prose_and_keeps_empty_cells() {
        let lines =
            ["\t指标", "\t", "\t6", "", "上述主要目标，与“十四五”规划目标充分衔接，兼顾稳妥性和积极性。"];
        let text = LinedText::from_lines(&lines);
        let table = read_cells(text.lines(), 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标", "", "6"]);
        assert_eq!(table.end, 4);
    }

    #[test]
    fn a_stray_figure_after_the_last_row_is_not_part_of_it() {
        let lines = ["\t指标", "\t6", "", "- 12 -", "", "正文"];
        let text = LinedText::from_lines(&lines);
        let table = read_cells(text.lines(), 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标", "6"]);
        assert_eq!(table.end, 3);
        let lines = ["\t目标", "\t完成国家和市", "下达目标", "", "注：说明"];
        assert_eq!(
            texts(&read_cells(LinedText::from_lines(&lines).lines(), 0, &INDICATOR)),
            ["目标", "完成国家和市下达目标"]
        );
    }

    #[test]
    fn reads_an_export_without_tabs() {
        let lines = [
            "指标名称",
            "目标",
            "",
            "GDP增速",
            "7",
            "一、下一步工作安排如下，全面推进各项工作落实落地，确保完成全年目标任务。",
        ];
        let text = LinedText::from_lines(&lines);
        let table = read_cells(text.lines(), 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标名称", "目标", "GDP增速", "7"]);
        assert!(table.cells[2].after_blank);
    }

    #[test]
    fn prose_after_a_caption_has_no_cells() {
        let lines = ["1．交通：开工荣昌区环线高速公路、安荣合高速荣昌城区至吴家段等项目。"];
        assert!(read_cells(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).cells.is_empty());
    }

    #[test]
    fn tab_cells_are_the_pieces_after_the_first_tab() {
        for line in ["\t指标", "  \t指标\t\t目标\t", "\t", "\t\t"] {
            let split: Vec<&str> = line.trim_start_matches(' ').split('\t').skip(1).collect();
            assert_eq!(tab_cells(line).collect::<Vec<_>>(), split, "{line:?}");
        }
    }

    #[test]
    fn headings_are_no_pieces() {
        assert!(is_piece("（%）"));
        assert!(!is_piece("（四）重大项目安排"));
    }
}
