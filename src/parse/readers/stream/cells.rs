//! The cells of one table, read from the one-cell-per-line export.
//!
//! Word's plain-text export writes each table cell on a line of its own after a TAB. A cell of
//! several paragraphs (a merged 类别 cell `发展\n综合\n质量\n效益`, a header `2022年\n\n预期目标`) goes on
//! and on lines without the TAB, sometimes with blank lines between the pieces; blank lines
//! otherwise mostly separate rows. The table ends at a footnote (`注：…`), the next caption, a
//! heading or prose. A table exported without TABs (one cell per line) is read line by line.

use crate::parse::caption::is_caption;
use crate::parse::readers::Vocabulary;
use crate::parse::table::notes::is_note;

/// A line this long, or with a sentence end, is prose, not a piece of a cell.
const MAX_PIECE_CHARS: usize = 16;
/// A TAB cell this long with a sentence end is a paragraph after the table, not a cell.
const MAX_CELL_CHARS: usize = 50;
/// How many lines past a piece of a cell to look for the table going on.
const MAX_LOOKAHEAD: usize = 8;

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// The text with its pieces joined and trimmed; empty for an empty cell.
    pub text: String,
    /// 1-based line where the cell starts.
    pub line: usize,
    /// A blank line came before the cell: a likely row boundary.
    pub after_blank: bool,
}

impl Cell {
    /// An empty cell standing in for one the document leaves out, placed at `line`.
    pub fn missing(line: usize) -> Cell {
        Cell { text: String::new(), line, after_blank: false }
    }

    /// The text without any white space (`指  标  名  称` → `指标名称`).
    pub fn compact(&self) -> String {
        crate::parse::table::name::compact(&self.text)
    }
}

/// The cells of a table and where the table ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableText {
    /// Every cell, header included, in document order.
    pub cells: Vec<Cell>,
    /// Index of the first line after the table (a footnote, prose or the next caption).
    pub end: usize,
}

/// Reads the cells from `lines[start]` to the end of the table.
pub(crate) fn read_cells(lines: &[&str], start: usize, vocabulary: &Vocabulary) -> TableText {
    let first = lines.iter().skip(start).find(|l| !l.trim().is_empty());
    match first {
        Some(line) if starts_with_tab(line) => read_tab_cells(lines, start),
        Some(line) if (vocabulary.is_title)(line.trim()) => read_line_cells(lines, start),
        _ => TableText { cells: Vec::new(), end: start },
    }
}

/// TAB export: a TAB starts a cell, a short line without one continues the cell before it.
fn read_tab_cells(lines: &[&str], start: usize) -> TableText {
    let mut cells: Vec<Cell> = Vec::new();
    let mut after_blank = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let text = line.trim();
        if text.is_empty() && !starts_with_tab(line) {
            after_blank = true;
            continue;
        }
        if ends_table(text) {
            return TableText { cells, end: index };
        }
        if starts_with_tab(line) {
            if is_paragraph(text) {
                return TableText { cells, end: index };
            }
            for (n, piece) in line.trim_start_matches(' ').split('\t').skip(1).enumerate() {
                let after_blank = after_blank && n == 0;
                cells.push(Cell { text: piece.trim().to_owned(), line: index + 1, after_blank });
            }
        } else {
            match cells.last_mut() {
                Some(cell) if is_piece(text) && continues_table(lines, index) => cell.text.push_str(text),
                _ => return TableText { cells, end: index },
            }
        }
        after_blank = false;
    }
    TableText { cells, end: lines.len() }
}

/// Export without TABs: every non-blank line is a cell.
fn read_line_cells(lines: &[&str], start: usize) -> TableText {
    let mut cells = Vec::new();
    let mut after_blank = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let text = line.trim();
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        if ends_table(text) || is_paragraph(text) || is_heading(text) || text.chars().count() > MAX_CELL_CHARS
        {
            return TableText { cells, end: index };
        }
        cells.push(Cell { text: text.to_owned(), line: index + 1, after_blank });
        after_blank = false;
    }
    TableText { cells, end: lines.len() }
}

/// A line that starts with a TAB (possibly after spaces).
fn starts_with_tab(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with('\t')
}

/// A footnote or the next caption: the table is over.
fn ends_table(text: &str) -> bool {
    is_note(text) || is_caption(text)
}

/// A paragraph of prose: a sentence ending in `。`, or long with a sentence end inside.
fn is_paragraph(text: &str) -> bool {
    let chars = text.chars().count();
    (chars > MAX_PIECE_CHARS && text.ends_with('。')) || (chars > MAX_CELL_CHARS && text.contains('。'))
}

/// Whether the piece at `lines[index]` belongs to the table: more cells follow it (after blank
/// lines and further pieces), or it reads as words (a page number or stray figure after the last
/// row is not part of the last cell).
fn continues_table(lines: &[&str], index: usize) -> bool {
    let after = lines.iter().skip(index + 1).filter(|l| !l.trim().is_empty() || starts_with_tab(l));
    for line in after.take(MAX_LOOKAHEAD) {
        if starts_with_tab(line) {
            return true;
        }
        if !is_piece(line.trim()) {
            break;
        }
    }
    let text = lines.get(index).map_or("", |l| l.trim());
    text.chars().any(crate::text::is_han) && !text.chars().any(|c| c.is_ascii_digit())
}

/// A short piece of a cell broken over lines: no sentence end, not a heading.
fn is_piece(text: &str) -> bool {
    text.chars().count() <= MAX_PIECE_CHARS && !text.contains(['。', '；', '：', ':']) && !is_heading(text)
}

/// A section heading: `一、…`, `（三）…`, `(三)…`.
fn is_heading(text: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let (rest, close) = match text.strip_prefix(['（', '(']) {
        Some(rest) => (rest, &['）', ')'][..]),
        None => (text, &['、'][..]),
    };
    let numeral = rest.chars().take_while(|c| NUMERALS.contains(*c)).count();
    numeral > 0 && rest.chars().nth(numeral).is_some_and(|c| close.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::table::header::INDICATOR;

    fn texts(table: &TableText) -> Vec<&str> {
        table.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn joins_pieces_of_a_cell_across_blank_lines() {
        let lines = ["", "\t发展", "", "综合", "", "效益", "\tGDP（%）", "\t7", "", "注：说明", "\t1"];
        let table = read_cells(&lines, 0, &INDICATOR);
        assert_eq!(texts(&table), ["发展综合效益", "GDP（%）", "7"]);
        assert_eq!(table.end, 9);
        assert!(table.cells[0].after_blank);
        assert_eq!(table.cells[1].line, 7);
    }

    #[test]
    fn ends_at_prose_and_keeps_empty_cells() {
        let lines =
            ["\t指标", "\t", "\t6", "", "上述主要目标，与“十四五”规划目标充分衔接，兼顾稳妥性和积极性。"];
        let table = read_cells(&lines, 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标", "", "6"]);
        assert_eq!(table.end, 4);
    }

    #[test]
    fn a_stray_figure_after_the_last_row_is_not_part_of_it() {
        let lines = ["\t指标", "\t6", "", "- 12 -", "", "正文"];
        let table = read_cells(&lines, 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标", "6"]);
        assert_eq!(table.end, 3);
        let lines = ["\t目标", "\t完成国家和市", "下达目标", "", "注：说明"];
        assert_eq!(texts(&read_cells(&lines, 0, &INDICATOR)), ["目标", "完成国家和市下达目标"]);
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
        let table = read_cells(&lines, 0, &INDICATOR);
        assert_eq!(texts(&table), ["指标名称", "目标", "GDP增速", "7"]);
        assert!(table.cells[2].after_blank);
    }

    #[test]
    fn prose_after_a_caption_has_no_cells() {
        let lines = ["1．交通：开工荣昌区环线高速公路、安荣合高速荣昌城区至吴家段等项目。"];
        assert!(read_cells(&lines, 0, &INDICATOR).cells.is_empty());
    }

    #[test]
    fn tells_headings_from_pieces() {
        assert!(is_heading("（三）投资项目安排"));
        assert!(is_heading("二、2023年主要目标"));
        assert!(!is_heading("一般公共预算收入"));
        assert!(is_piece("（%）"));
        assert!(!is_piece("（四）重大项目安排"));
    }
}
