//! One row per line, cells separated by TABs: a table copied from a browser or a spreadsheet
//! (`指标\t2023年目标\t2023年完成`). Rows may be parted by single blank lines; a row with fewer
//! cells than the header (a cell spanning rows written only in its first row) is kept as it is,
//! for the interpreter to place.

use super::{Read, Vocabulary, split_cells};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
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
        let Some(cells) = row_of(line) else { break };
        push_row(&mut builder, &cells, index);
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
