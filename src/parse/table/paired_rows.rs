//! Tables whose rows come in pairs, the year's plan then its result, under one indicator: a
//! column between the name and the values says which (`计划` / `完成`), the name cell spans both
//! rows (`地区生产总值增长 | % | 计划 | 6.5` over `完成 | 6.1`). Each pair is one indicator row:
//! the table is read folded, each value column parted into its plan and its result
//! (`2023年` → `2023年计划 | 2023年完成`).

use crate::grid::{Grid, GridBuilder};
use crate::parse::readers::Read;
use crate::parse::table::header::Header;
use crate::parse::table::indicator::ReadCells;
use crate::parse::table::judge_indicator;
use crate::text::Trimmed;

/// Words saying a row gives the year's plan.
const PLAN_WORDS: [&str; 4] = ["计划", "目标", "预期目标", "计划目标"];
/// Words saying a row gives the year's result.
const DONE_WORDS: [&str; 4] = ["完成", "实际", "实际完成", "执行"];

/// The table folded, one row per pair of plan and result rows, with its header and the cells
/// read judging it, when below a one-row header every odd body row says `计划` and every even
/// one `完成` in one column after the first, and the folded grid reads as an indicator table.
pub(super) fn folded(read: &Read) -> Option<(Read, Header, ReadCells)> {
    let grid = fold(&read.grid)?;
    let (_, (header, cells)) = judge_indicator(&grid)?;
    Some((Read { grid, end: read.end, warnings: read.warnings.clone() }, header, cells))
}

/// The grid with each pair of rows made one (see [`folded`]).
fn fold(grid: &Grid) -> Option<Grid> {
    let rows = grid.rows();
    if rows < 3 || !(rows - 1).is_multiple_of(2) {
        return None;
    }
    let says = |row: usize, col: usize, words: &[&str]| words.contains(&grid.text(row, col).trimmed());
    let paired = |col: usize| {
        (1..rows).step_by(2).all(|row| says(row, col, &PLAN_WORDS) && says(row + 1, col, &DONE_WORDS))
    };
    let marks = (1..grid.cols()).find(|&col| paired(col))?;
    let (plan, done) = (grid.text(1, marks).trimmed(), grid.text(2, marks).trimmed());
    let mut builder = GridBuilder::new(grid.layout);
    builder.start_row();
    let line = grid.row_line(0);
    for col in (0..grid.cols()).filter(|&col| col != marks) {
        let title = grid.text(0, col).trimmed();
        if col < marks {
            builder.push(title, line);
        } else {
            builder.push(&format!("{title}{plan}"), line);
            builder.push(&format!("{title}{done}"), line);
        }
    }
    for row in (1..rows).step_by(2) {
        builder.start_row();
        let line = grid.row_line(row);
        for col in (0..grid.cols()).filter(|&col| col != marks) {
            builder.push(grid.text(row, col), line);
            if col > marks {
                builder.push(grid.text(row + 1, col), grid.row_line(row + 1));
            }
        }
    }
    Some(builder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Layout;

    #[test]
    fn folds_plan_and_result_rows_under_one_name() {
        let mut builder = GridBuilder::new(Layout::Html);
        for row in [["指标", "单位", "项目", "2023年"], ["甲", "%", "计划", "6.5"], ["", "", "完成", "6.1"]]
        {
            builder.start_row();
            for text in row {
                builder.push(text, 1);
            }
        }
        let folded = fold(&builder.finish()).expect("folded");
        assert_eq!(folded.texts(), [["指标", "单位", "2023年计划", "2023年完成"], ["甲", "%", "6.5", "6.1"]]);
    }
}
