//! Tables that write a year's target and its result in one cell: a column titled by both
//! (`2023年目标/完成`, `计划／实际`, `预期目标（完成）`) over cells `7/6.1`, `5.5以内/4.9`,
//! `68（70.2）`. The column is parted in two, its title and each of its cells, so the table reads
//! as one with a target and a result column (`2023年目标 | 2023年完成` over `7 | 6.1`).

use crate::grid::{Grid, GridBuilder, GridCell};
use crate::parse::table::align::is_value;
use crate::parse::table::header::{Column, Header, Role, role_of, split_year};
use crate::text::Trimmed;

/// What parts the two halves of a title or a cell: a slash, or brackets around the second half.
const SLASHES: [char; 2] = ['/', '／'];
/// Opening brackets of a second half written in brackets.
const OPENING: [char; 2] = ['(', '（'];
/// Closing brackets of a second half written in brackets.
const CLOSING: [char; 2] = [')', '）'];

/// The title's two halves, when it names a target then a result (`2023年目标/完成` →
/// `2023年目标`, `2023年完成`: the year of the first half goes to the second when it names none).
pub(crate) fn paired_title(title: &str) -> Option<(String, String)> {
    let (first, second) = halves(title.trimmed())?;
    if role_of(first) != Some(Role::Target) || role_of(second) != Some(Role::Actual) {
        return None;
    }
    let year = split_year(first).0;
    let second = match second.starts_with(year) {
        true => second.to_owned(),
        false => format!("{year}{second}"),
    };
    Some((first.to_owned(), second))
}

/// Whether a column is a target column whose title (or sub-title, under `2023年`) names a
/// target and a result (`目标/完成`).
pub(crate) fn is_paired(column: &Column) -> bool {
    column.role == Role::Target && paired_title(column.sub.as_deref().unwrap_or(&column.title)).is_some()
}

/// A text cut at its slash (`7/6.1`), or before a bracketed end (`68（70.2）`), both halves
/// non-empty.
fn halves(text: &str) -> Option<(&str, &str)> {
    let (first, second) = match text.split_once(SLASHES) {
        Some(parts) => parts,
        None => {
            let inner = text.strip_suffix(CLOSING)?;
            let open = inner.rfind(OPENING)?;
            let bracket = inner[open..].chars().next()?.len_utf8();
            (&inner[..open], &inner[open + bracket..])
        }
    };
    let (first, second) = (first.trimmed(), second.trimmed());
    (!first.is_empty() && !second.is_empty()).then_some((first, second))
}

/// A body cell's two halves when both read as values (`7/6.1`; `件/万人` is no pair).
fn value_pair(text: &str) -> Option<(&str, &str)> {
    halves(text.trimmed()).filter(|(first, second)| is_value(first) && is_value(second))
}

/// Whether a cell holds a target and its result (`7/6.1`, `68（70.2）`).
pub(crate) fn holds_value_pair(text: &str) -> bool {
    value_pair(text).is_some()
}

/// The grid with the columns whose titles name a target and a result parted in two, the first
/// such column's cells cut into the target and the result; `None` when no column's title does.
pub(crate) fn part(grid: &Grid, header: &Header) -> Option<Grid> {
    let paired: Vec<usize> = (0..header.width()).filter(|&col| is_paired(&header.columns[col])).collect();
    if paired.is_empty() {
        return None;
    }
    let mut builder = GridBuilder::new(grid.layout);
    for row in 0..grid.rows() {
        builder.start_row();
        let cells: Vec<&GridCell> = grid.row_cells(row).collect();
        let in_header = row < header.rows;
        let paired_cell = match in_header {
            true => None,
            false => cell_in_column(&cells, paired[0], header.width()),
        };
        for (at, cell) in cells.iter().enumerate() {
            // A paired title is parted wherever it stands (a copy pushes a sub-title row left);
            // a title over a paired column spans both halves.
            let parts = match in_header {
                true => (cell.col_span == 1).then(|| paired_title(&cell.text)).flatten(),
                false => (paired_cell == Some(at)).then(|| cell_halves(&cell.text)),
            };
            match parts {
                Some((first, second)) => {
                    builder.push_spanning(&first, cell.line, cell.row_span, 1);
                    builder.push_spanning(&second, cell.line, cell.row_span, 1);
                }
                None => {
                    let covers = |&&col: &&usize| cell.col <= col && col < cell.col + cell.col_span;
                    let widened = match in_header {
                        true => paired.iter().filter(covers).count(),
                        false => 0,
                    };
                    builder.push_spanning(&cell.text, cell.line, cell.row_span, cell.col_span + widened);
                }
            }
        }
    }
    Some(builder.finish())
}

/// A body cell of the paired column as its target and its result: the halves of a pair of
/// values (`7/6.1`), else the whole cell as the target and no result (`—`, `完成市下达任务`).
fn cell_halves(text: &str) -> (String, String) {
    match value_pair(text) {
        Some((target, result)) => (target.to_owned(), result.to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

/// Which of a body row's cells stands in column `col` of a header `width` wide: counted from
/// the left in a full row, from the right in a short one (a text layout writes a spanning cell
/// once, so its row is short at the left).
fn cell_in_column(cells: &[&GridCell], col: usize, width: usize) -> Option<usize> {
    match cells.len() < width {
        true => (cells.len() + col).checked_sub(width),
        false => cells.iter().position(|cell| cell.col == col),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Layout;
    use crate::parse::table::header::read_header;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::of_rows(Layout::Html, rows)
    }

    #[test]
    fn titles_naming_a_target_then_a_result() {
        let pair = |title: &str| paired_title(title);
        assert_eq!(pair("2023年目标/完成"), Some(("2023年目标".into(), "2023年完成".into())));
        assert_eq!(pair("计划／实际"), Some(("计划".into(), "实际".into())));
        assert_eq!(pair("预期目标（完成）"), Some(("预期目标".into(), "完成".into())));
        assert_eq!(pair("增长(%)"), None);
        assert_eq!(pair("完成/目标"), None);
        assert_eq!(pair("2024年目标"), None);
    }

    #[test]
    fn parts_the_column_and_its_cells() {
        let table = grid(&[
            &["指标", "单位", "2023年目标/完成", "2024年目标"],
            &["地区生产总值增长", "%", "7/6.1", "6"],
            &["一般公共预算收入", "亿元", "68（70.2）", "72"],
            &["城镇调查失业率", "%", "—", "5.5以内"],
        ]);
        let header = read_header(&table).expect("header");
        let parted = part(&table, &header).expect("parted");
        assert_eq!(
            parted.texts(),
            [
                ["指标", "单位", "2023年目标", "2023年完成", "2024年目标"],
                ["地区生产总值增长", "%", "7", "6.1", "6"],
                ["一般公共预算收入", "亿元", "68", "70.2", "72"],
                ["城镇调查失业率", "%", "—", "", "5.5以内"],
            ]
        );
    }
}
