//! One row per line, cells separated by TABs: a table copied from a browser or a spreadsheet
//! (`指标\t2023年目标\t2023年完成`). Rows may be parted by single blank lines; a row with fewer
//! cells than the header (a cell spanning rows written only in its first row) is kept as it is,
//! for the interpreter to place. A short line without a TAB between rows is a row of one cell
//! across the table (`一、经济发展` written in a cell spanning every column).

use super::{Read, Vocabulary, split_cells};
use crate::grid::{GridBuilder, Layout};
use crate::parse::{Lines, caption};
use crate::text::Trimmed;

/// Reads the TAB rows starting at `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, _: &Vocabulary) -> Option<Read> {
    let header =
        row_of(lines.get(start)?).filter(|cells| cells.iter().filter(|c| !c.is_empty()).count() >= 2)?;
    let mut builder = GridBuilder::new(Layout::Tab);
    push_row(&mut builder, &header, start);
    let mut end = start + 1;
    let mut index = start + 1;
    while index < lines.len() {
        let line = &lines[index];
        if line.trimmed().is_empty() {
            index += 1;
            continue;
        }
        match row_of(line) {
            Some(cells) => push_row(&mut builder, &cells, index),
            None if is_spanning_row(lines, index) => {
                builder.start_row();
                builder.push_spanning(line.trimmed(), index + 1, 1, header.len());
            }
            None => break,
        }
        index += 1;
        end = index;
    }
    Some(Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// The cells of a TAB row: at least two, not all empty. (A line of one cell after a TAB is
/// Word's one-cell-per-line export, which the header row, with two titles at least, tells apart.)
fn row_of(line: &str) -> Option<Vec<&str>> {
    let cells = split_cells(line.trim_end_matches([' ', '\r']), '\t')?;
    cells.iter().any(|c| !c.is_empty()).then_some(cells)
}

/// Longest line read as a row of one cell across the table, in characters.
const MAX_SPANNING_ROW_CHARS: usize = 24;

/// Whether `lines[index]`, a line without TABs, is a row of one cell across the table: short,
/// not a sentence, no caption of a table after it (no `表N`, no year), and followed by another
/// TAB row.
fn is_spanning_row(lines: Lines<'_>, index: usize) -> bool {
    let text = lines[index].trimmed();
    let short = text.chars().nth(MAX_SPANNING_ROW_CHARS).is_none() && !text.contains(['。', '；', '：']);
    let short = short && !caption::is_caption(text) && caption::year_in(text).is_none();
    let next = (index + 1..lines.len()).find(|&i| !lines[i].trimmed().is_empty());
    short && next.is_some_and(|next| row_of(&lines[next]).is_some())
}

fn push_row(builder: &mut GridBuilder, cells: &[&str], index: usize) {
    builder.start_row();
    for cell in cells {
        builder.push(cell, index + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    #[test]
    fn reads_rows_and_stops_at_prose() {
        let lines = ["指标\t目标\t完成", "GDP增速（%）\t7\t6.1", "", "投资\t\t5", "正文。"];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(read.end, 4);
        assert_eq!(read.grid.rows(), 3);
        assert_eq!(read.grid.text(2, 1), "");
        assert_eq!(read.grid.text(2, 2), "5");
        assert_eq!(read.grid.cells()[3].line, 2);
    }

    #[test]
    fn a_short_line_between_rows_spans_the_table() {
        let lines = ["指标\t目标\t完成", "一、经济发展", "GDP增速\t7\t6.1", "注：为预计数。", "投资\t5\t4"];
        let spanned = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(spanned.end, 3);
        let captioned = ["指标\t目标", "GDP增速\t7", "表2 2024年目标", "指标\t目标", "GDP增速\t6"];
        assert_eq!(read(LinedText::from_lines(&captioned).lines(), 0, &INDICATOR).unwrap().end, 2);
        assert_eq!(spanned.grid.cell(1, 2).map(|c| (c.text.as_str(), c.col_span)), Some(("一、经济发展", 3)));
    }

    #[test]
    fn one_cell_per_line_is_not_a_tab_row() {
        assert!(read(LinedText::from_lines(&["\t指标", "\t目标"]).lines(), 0, &INDICATOR).is_none());
    }

    #[test]
    fn leading_empty_cells_keep_their_place() {
        let read = read(
            LinedText::from_lines(&["指标\t目标\t完成情况\t", "\t\t绝对值\t增速"]).lines(),
            0,
            &INDICATOR,
        )
        .unwrap();
        assert_eq!(read.grid.text(1, 2), "绝对值");
        assert_eq!(read.grid.text(1, 0), "");
    }
}
