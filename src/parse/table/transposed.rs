//! Tables laid out on their side: the indicators across the top row, each in a column of its
//! own (`项目 | 地区生产总值增长（%） | 一般公共预算收入（亿元）`), and the years' targets and
//! results down the first column (`2023年目标`, `2023年完成`, `2024年目标`). Turned about its
//! diagonal such a table is an ordinary indicator table, and is read as one.

use crate::grid::Grid;
use crate::parse::readers::Read;
use crate::parse::table::header::{Header, Role, read_header, role_of};
use crate::parse::table::indicator::ReadCells;
use crate::parse::table::judge_indicator;

/// The table turned, with its header and the cells read judging it, when `read`'s grid has no
/// header of its own (naming a name and a target column) and, turned, reads as an indicator table
/// whose target column is titled with a year. `None` for any other table.
pub(super) fn turned(read: &Read) -> Option<(Read, Header, ReadCells)> {
    let (_, (grid, header, cells)) = judge_turned(&read.grid)?;
    Some((Read { grid, end: read.end, warnings: read.warnings.clone() }, header, cells))
}

/// Scores `grid` turned as an indicator table (see [`judge_indicator`]), with the turned grid, its
/// header and the cells read, when `grid` has no header of its own and, turned, its target column
/// is titled with a year (`2023年目标`) or its corner cell titles the indicators (`指标` over
/// `年度目标`, `完成情况`; the year is then the caption's).
pub(super) fn judge_turned(grid: &Grid) -> Option<(usize, (Grid, Header, ReadCells))> {
    if read_header(grid).is_some() {
        return None;
    }
    let turned = grid.transposed();
    let (score, (header, cells)) = judge_indicator(&turned)?;
    let corner_names = role_of(grid.text(0, 0)) == Some(Role::Name);
    (corner_names || header.target_year().is_some()).then_some((score, (turned, header, cells)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Grid, Layout};

    fn grid(rows: &[&[&str]]) -> Read {
        Read { grid: Grid::of_rows(Layout::Html, rows), end: 1, warnings: Vec::new() }
    }

    #[test]
    fn turns_a_table_of_indicators_across_the_top() {
        let read = grid(&[
            &["项目", "地区生产总值增长（%）", "一般公共预算收入（亿元）"],
            &["2023年目标", "7", "42"],
            &["2023年完成", "6.4", "43.2"],
        ]);
        let (turned, header, _) = turned(&read).expect("turned");
        assert_eq!(turned.grid.texts()[1], ["地区生产总值增长（%）", "7", "6.4"]);
        assert_eq!(header.find(Role::Name), Some(0));
    }

    #[test]
    fn turns_a_table_whose_corner_titles_the_indicators_without_a_year() {
        // Before, a target column without a year (`年度目标`) left the table unread.
        let read = grid(&[
            &["指标", "地区生产总值增速", "固定资产投资增速", "城镇调查失业率"],
            &["年度目标", "7", "10", "5.5以内"],
            &["完成情况", "6.1", "4.2", "4.8"],
        ]);
        let (read, header, _) = turned(&read).expect("turned");
        assert_eq!(read.grid.texts()[3], ["城镇调查失业率", "5.5以内", "4.8"]);
        assert_eq!(header.find(Role::Actual), Some(2));
        let corner_blank = grid(&[&["", "地区生产总值增速"], &["年度目标", "7"], &["完成情况", "6.1"]]);
        assert!(turned(&corner_blank).is_none());
    }

    #[test]
    fn leaves_an_ordinary_table_alone() {
        let read =
            grid(&[&["指标", "单位", "2023年目标", "2023年完成"], &["地区生产总值", "亿元", "300", "310"]]);
        assert!(turned(&read).is_none());
    }
}
