//! The header of a one-cell-per-line table, which alone says how wide its rows are.
//!
//! The header is the run of cells at the top that read as column titles. A second header row of
//! sub-titles under a spanning title (`2020年完成` over `绝对值 | 增速`) splits that column in two;
//! its placeholder cells under the other titles are empty.

use super::cells::Cell;
use super::rows::Shape;
use crate::grid::GridBuilder;
use crate::parse::caption::year_in;
use crate::parse::readers::Vocabulary;
use crate::parse::table::header::{Role, is_parenthetical, is_sub_title, is_year_label, role_of};

/// One column: the top title it sits under, and its sub-title cell if the top one spans.
#[derive(Debug, Clone, PartialEq)]
struct FlatColumn<'a> {
    top: usize,
    sub: Option<Cell<'a>>,
}

/// The header read from the first cells of a table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FlatHeader<'a> {
    /// The title cells of the first row.
    tops: Vec<Cell<'a>>,
    /// The columns, left to right.
    columns: Vec<FlatColumn<'a>>,
    /// How many cells the header took.
    pub used: usize,
    /// How many cells were looked at to read it: the header is the same whatever cells follow
    /// these.
    pub looked: usize,
}

/// Reads the header at the start of `cells`; `None` when the cells do not start with a header
/// naming a name column and a target column.
pub(super) fn read_flat_header<'a>(cells: &[Cell<'a>], vocabulary: &Vocabulary) -> Option<FlatHeader<'a>> {
    let (tops, columns, run) = read_title_run(cells, vocabulary);
    let (tops, columns) = fold_year_span(tops, columns);
    let subs = columns.iter().filter_map(|c| c.sub.as_ref());
    let titles: Vec<&str> = tops.iter().chain(subs).map(|c| &*c.text).collect();
    if !(vocabulary.is_header)(&titles) {
        return None;
    }
    let rest = &cells[run..];
    let second = rest.iter().take_while(|c| c.text.is_empty() || is_sub_title(&c.text)).count();
    let looked = cells.len().min(run + second + 1);
    let inline = columns.iter().any(|c| c.sub.is_some());
    if inline || !rest[..second].iter().any(|c| is_sub_title(&c.text)) {
        return Some(FlatHeader { used: run, tops, columns, looked });
    }
    let (columns, used) = split_spanning(&tops, &rest[..second]);
    Some(FlatHeader { used: run + used, tops, columns, looked })
}

/// The run of title cells at the top, as top titles and columns, and its length. A two-row header
/// flattened into the run (`2023年预期目标`, `（增速）`, `2023年完成情况`, `绝对值`, `增速`) is folded
/// back: a parenthetical is the sub-title of the column before it, and sub-titles right after an
/// achieved or target title split it.
fn read_title_run<'a>(
    cells: &[Cell<'a>],
    vocabulary: &Vocabulary,
) -> (Vec<Cell<'a>>, Vec<FlatColumn<'a>>, usize) {
    let mut tops: Vec<Cell> = Vec::new();
    let mut columns: Vec<FlatColumn> = Vec::new();
    // Whether the top title of the last column is an achieved or target title, which sub-titles
    // after it split.
    let mut splits_last = false;
    let mut run = 0;
    for cell in cells {
        if is_parenthetical(&cell.text) && !columns.is_empty() {
            if let Some(last) = columns.last_mut() {
                last.sub = Some(cell.clone());
            }
        } else if is_sub_title(&cell.text) && splits_last && role_of(&cell.text).is_none() {
            let top = columns.last().map_or(0, |c| c.top);
            if columns.last().is_some_and(|c| c.sub.is_none()) {
                columns.pop();
            }
            columns.push(FlatColumn { top, sub: Some(cell.clone()) });
        } else if (vocabulary.is_title)(&cell.text) {
            columns.push(FlatColumn { top: tops.len(), sub: None });
            tops.push(cell.clone());
            splits_last = matches!(role_of(&cell.text), Some(Role::Actual | Role::Target));
        } else {
            break;
        }
        run += 1;
    }
    (tops, columns, run)
}

/// Folds back a two-row header flattened into one run whose spanning title is a year alone: a
/// page's `2023年` over `目标 | 预计完成 | 完成率(%)`, dumped cell by cell, gives `指标名称 | 单位 |
/// 2023年 | 指标属性 | 目标 | 预计完成 | 完成率(%)`. The titles after the first row's are the run's
/// tail of yearless titles that neither name, count nor qualify a row (targets, results, rates),
/// from its first target on where it has one (a year spans a target and its result: in `2023年 |
/// 完成情况 | 预期目标 | 实际完成`, 完成情况 is of the first row); they go under the one year title.
/// Any other run is returned as it is.
fn fold_year_span<'a>(
    tops: Vec<Cell<'a>>,
    columns: Vec<FlatColumn<'a>>,
) -> (Vec<Cell<'a>>, Vec<FlatColumn<'a>>) {
    let plain = columns.len() == tops.len() && columns.iter().all(|c| c.sub.is_none());
    let years: Vec<usize> = (0..tops.len()).filter(|&i| is_year_label(&tops[i].compact())).collect();
    let (&[year], true) = (years.as_slice(), plain) else { return (tops, columns) };
    let under_year = |cell: &Cell| {
        year_in(&cell.text).is_none()
            && matches!(
                role_of(&cell.text),
                Some(Role::Target | Role::Actual | Role::Other | Role::Difference)
            )
    };
    let tail = tops.iter().rev().take_while(|c| under_year(c)).count();
    let tail_start = tops.len() - tail;
    let first_target = tops[tail_start..].iter().position(|c| role_of(&c.text) == Some(Role::Target));
    let first_row = tail_start + first_target.unwrap_or(0);
    let subs = tops.len() - first_row;
    if subs < 2 || year >= first_row {
        return (tops, columns);
    }
    let mut tops = tops;
    let subs = tops.split_off(first_row);
    let mut columns = Vec::with_capacity(tops.len() + subs.len());
    for top in 0..tops.len() {
        if top == year {
            columns.extend(subs.iter().map(|sub| FlatColumn { top, sub: Some(sub.clone()) }));
        } else {
            columns.push(FlatColumn { top, sub: None });
        }
    }
    (tops, columns)
}

impl FlatHeader<'_> {
    /// The shape rows are cut by: the column titles and where the name is.
    pub fn shape(&self) -> Shape {
        let titles: Vec<String> = self.columns.iter().map(|c| self.column_title(c)).collect();
        Shape { titles, name: self.name_column() }
    }

    /// The title a column's cells are read by: its top title, or under a year alone (`2023年`
    /// over `目标`) the two together, as the year says nothing of the column's role.
    fn column_title(&self, column: &FlatColumn) -> String {
        let top = self.tops[column.top].compact();
        match &column.sub {
            Some(sub) if is_year_label(&top) => top + &sub.compact(),
            _ => top,
        }
    }

    /// Index of the name column (the first, when no title names it).
    fn name_column(&self) -> usize {
        let name = self.columns.iter().position(|c| role_of(&self.tops[c.top].text) == Some(Role::Name));
        name.unwrap_or(0)
    }

    /// Writes the header rows: a top title over its sub-titles, or spanning both rows; with
    /// `grouped`, the name title spans the group column too.
    pub fn write(&self, builder: &mut GridBuilder, grouped: bool) {
        let two_rows = self.columns.iter().any(|c| c.sub.is_some());
        let name = self.name_column();
        builder.start_row();
        for (index, top) in self.tops.iter().enumerate() {
            let under = self.columns.iter().filter(|c| c.top == index).count();
            let split = self.columns.iter().any(|c| c.top == index && c.sub.is_some());
            let widened = grouped && self.columns.iter().position(|c| c.top == index) == Some(name);
            let cols = under.max(1) + usize::from(widened);
            let rows = if two_rows && !split { 2 } else { 1 };
            builder.push_spanning(&top.text, top.line, rows, cols);
        }
        if two_rows {
            builder.start_row();
            for sub in self.columns.iter().filter_map(|c| c.sub.as_ref()) {
                builder.push(&sub.text, sub.line);
            }
        }
    }
}

/// Splits the spanning column(s) of `tops` by the second header row `second`: an empty cell sits
/// under a column that does not span, consecutive sub-titles under the one that does. A second
/// row of sub-titles without empty cells splits the (last) achieved column, or each target and
/// achieved column into an equal share of two or more (`年度计划 | 完成情况` over `总量 | 增速 |
/// 总量 | 增速`). Returns the columns and how many cells of `second` belong to the header.
fn split_spanning<'a>(tops: &[Cell<'a>], second: &[Cell<'a>]) -> (Vec<FlatColumn<'a>>, usize) {
    let plain = |top: usize| FlatColumn { top, sub: None };
    if second.iter().all(|c| !c.text.is_empty()) {
        let valued: Vec<usize> = (0..tops.len())
            .filter(|&t| matches!(role_of(&tops[t].text), Some(Role::Actual | Role::Target)))
            .collect();
        let shared =
            valued.len() > 1 && second.len().is_multiple_of(valued.len()) && second.len() >= 2 * valued.len();
        let spanning = if shared {
            valued
        } else {
            vec![
                tops.iter()
                    .rposition(|c| role_of(&c.text) == Some(Role::Actual))
                    .unwrap_or(tops.len().saturating_sub(1)),
            ]
        };
        let mut shares = second.chunks(second.len() / spanning.len());
        let mut columns = Vec::with_capacity(tops.len() + second.len());
        for top in 0..tops.len() {
            match spanning.contains(&top).then(|| shares.next()).flatten() {
                Some(share) => {
                    columns.extend(share.iter().map(|cell| FlatColumn { top, sub: Some(cell.clone()) }))
                }
                None => columns.push(plain(top)),
            }
        }
        return (columns, second.len());
    }
    let mut columns = Vec::new();
    let (mut t, mut spanning, mut used) = (0, false, 0);
    for cell in second {
        if cell.text.is_empty() {
            if spanning {
                t += 1;
                spanning = false;
            }
            if t >= tops.len() {
                break;
            }
            columns.push(plain(t));
            t += 1;
        } else {
            if t >= tops.len() {
                break;
            }
            spanning = true;
            columns.push(FlatColumn { top: t, sub: Some(cell.clone()) });
        }
        used += 1;
    }
    if spanning {
        t += 1;
    }
    columns.extend((t..tops.len()).map(plain));
    (columns, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::table::header::INDICATOR;

    fn cells<'a>(texts: &[&'a str]) -> Vec<Cell<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Cell { text: (*t).into(), line: i + 1, after_blank: false })
            .collect()
    }

    #[test]
    fn splits_a_two_level_header() {
        let header = [
            "类别",
            "序号",
            "指标名称",
            "2020年计划目标",
            "2020年完成",
            "",
            "",
            "",
            "",
            "绝对值",
            "增速",
            "发展",
        ];
        let flat = read_flat_header(&cells(&header), &INDICATOR).unwrap();
        assert_eq!(flat.used, 11);
        let shape = flat.shape();
        assert_eq!(shape.titles.len(), 6);
        assert_eq!(shape.name, 2);
        assert_eq!(flat.columns[5].sub.as_ref().unwrap().text, "增速");
    }

    #[test]
    fn folds_a_flattened_header() {
        let run = ["指标名称", "2023年预期目标", "（增速）", "2023年完成情况", "绝对值", "增速", "GDP"];
        let flat = read_flat_header(&cells(&run), &INDICATOR).unwrap();
        assert_eq!(flat.used, 6);
        assert_eq!(flat.shape().titles, ["指标名称", "2023年预期目标", "2023年完成情况", "2023年完成情况"]);
    }

    #[test]
    fn a_project_box_has_no_indicator_header() {
        assert!(read_flat_header(&cells(&["序号", "项目名称", "建设内容"]), &INDICATOR).is_none());
        assert!(read_flat_header(&cells(&["交通类：安习高速"]), &INDICATOR).is_none());
    }
}
