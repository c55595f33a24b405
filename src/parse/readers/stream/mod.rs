//! One cell per line: Word's plain-text export (each cell on a line of its own after a TAB, a
//! merged cell's paragraphs on lines without one), and mobile pages that write one cell per line
//! with or without blank lines between cells.
//!
//! The cells carry no row structure, so the header decides it: the run of title cells at the
//! top gives the columns ([`header`]), a second run of sub-titles splits a spanning title, and
//! the cells after it are cut into rows of that width ([`rows`]), with blank lines used to get
//! back in step. A group cell standing beside its sub-rows' names makes the name two columns
//! wide; the group cell spans the rows that leave it empty.

mod cells;
mod header;
mod rows;

use super::{Read, Vocabulary};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use cells::CellReader;
use rows::RawRow;

/// A header is read from at most this many lines, before the whole table is.
const HEADER_LINES: usize = 48;

/// Reads the table whose header starts at `lines[start]`, `None` when no header is there.
pub(crate) fn read(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Option<Read> {
    let mut reader = CellReader::new(lines, start, vocabulary);
    reader.read_until(start + HEADER_LINES);
    let head = header::read_flat_header(reader.cells(), vocabulary)?;
    // The header read from the first lines stands unless it looked at the last cell read, which
    // the lines after may still lengthen.
    let settled = head.looked < reader.cells().len();
    reader.read_until(lines.len());
    let text = reader.finish();
    let header = if settled { head } else { header::read_flat_header(&text.cells, vocabulary)? };
    let mut warnings = Vec::new();
    let shape = header.shape();
    let rows = rows::assemble_rows(&text.cells[header.used..], &shape, &mut warnings);
    let grouped = rows.iter().any(|r| r.group.is_some());
    let mut builder = GridBuilder::new(Layout::Stream);
    header.write(&mut builder, grouped);
    write_rows(&mut builder, &rows, shape.name, grouped);
    Some(Read { grid: builder.finish(), end: text.end, warnings })
}

/// Writes the body rows; with `grouped`, the name column `name` is two columns wide: a group
/// cell and the sub-row's own name, or one name spanning both.
fn write_rows(builder: &mut GridBuilder, rows: &[RawRow<'_>], name: usize, grouped: bool) {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(1) + usize::from(grouped);
    for (index, row) in rows.iter().enumerate() {
        builder.start_row();
        if let [label] = row.cells.as_slice()
            && width > 1
        {
            builder.push_spanning(&label.text, label.line, 1, width);
            continue;
        }
        for (col, cell) in row.cells.iter().enumerate() {
            if col == name && grouped {
                let Some(group) = &row.group else {
                    builder.push_spanning(&cell.text, cell.line, 1, 2);
                    continue;
                };
                let opens = !group.text.is_empty() || index == 0 || rows[index - 1].group.is_none();
                if opens {
                    let continued = rows[index + 1..]
                        .iter()
                        .take_while(|r| r.group.as_ref().is_some_and(|g| g.text.is_empty()))
                        .count();
                    builder.push_spanning(&group.text, group.line, 1 + continued, 1);
                }
            }
            builder.push(&cell.text, cell.line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    fn texts(read: &Read, row: usize) -> Vec<&str> {
        (0..read.grid.cols()).map(|c| read.grid.text(row, c)).collect()
    }

    #[test]
    fn group_cells_span_the_rows_that_leave_them_empty() {
        let lines = [
            "\t指标名称",
            "\t目标",
            "",
            "\t甲（%）",
            "\t5",
            "",
            "\t主要污染物减少*",
            "\t#二氧化硫（%）",
            "\t完成",
            "",
            "\t",
            "\t#氨氮（%）",
            "\t完成",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(read.grid.rows(), 4);
        assert_eq!(texts(&read, 0), ["指标名称", "指标名称", "目标"]);
        assert_eq!(texts(&read, 1), ["甲（%）", "甲（%）", "5"]);
        assert_eq!(texts(&read, 2), ["主要污染物减少*", "#二氧化硫（%）", "完成"]);
        assert_eq!(texts(&read, 3), ["主要污染物减少*", "#氨氮（%）", "完成"]);
        assert_eq!(read.end, lines.len());
    }

    #[test]
    fn a_second_header_row_splits_the_spanning_title() {
        let lines = [
            "\t指标",
            "\t2020年目标",
            "\t2020年完成",
            "",
            "\t",
            "\t",
            "\t绝对值",
            "\t增速",
            "",
            "\tGDP",
            "\t7",
            "\t500",
            "\t6",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(texts(&read, 0), ["指标", "2020年目标", "2020年完成", "2020年完成"]);
        assert_eq!(texts(&read, 1), ["指标", "2020年目标", "绝对值", "增速"]);
        assert_eq!(texts(&read, 2), ["GDP", "7", "500", "6"]);
    }
}
