//! The columns of the indicator table and how each cell of a row reads.

use crate::model::{IndicatorRow, Status};

/// A column of the indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 类别.
    Category,
    /// 指标: the frozen column.
    Name,
    /// 单位.
    Unit,
    /// 目标.
    Target,
    /// 完成.
    Actual,
    /// 状态.
    Status,
    /// 差距.
    Gap,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 7] = [
        Column::Category,
        Column::Name,
        Column::Unit,
        Column::Target,
        Column::Actual,
        Column::Status,
        Column::Gap,
    ];

    /// The column title.
    pub fn header(self) -> &'static str {
        match self {
            Column::Category => "类别",
            Column::Name => "指标",
            Column::Unit => "单位",
            Column::Target => "目标",
            Column::Actual => "完成",
            Column::Status => "状态",
            Column::Gap => "差距",
        }
    }

    /// The widest a column is when room is short; with room to spare it grows to its widest cell.
    pub(super) fn max_width(self) -> usize {
        match self {
            Column::Category => 8,
            Column::Name => 40,
            Column::Unit => 6,
            Column::Target | Column::Actual => 12,
            Column::Status => 10,
            Column::Gap => 8,
        }
    }

    /// Whether the column's cells are right-aligned (numbers).
    pub(super) fn right_aligned(self) -> bool {
        self == Column::Gap
    }
}

/// Columns of the name gutter: the binding mark and a space.
pub(super) const GUTTER: usize = 2;
/// Indentation of sub-rows under their parent.
pub(super) const SUB_ROW_INDENT: &str = "  ";
/// The name column is never made narrower than this to fit more columns.
pub(super) const MIN_NAME_WIDTH: usize = 14;

/// A status as the table shows it: a symbol, so that colour is never the only sign, and a word.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Met => "✓ 达标",
        Status::Missed => "✗ 未达标",
        Status::Unassessed => "? 无法判断",
    }
}

/// A gap as the table shows it: signed, without trailing zeros (`-3.9`, `+12`).
pub fn format_gap(gap: f64) -> String {
    let text = format!("{gap:+.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text == "+0" { "0".to_owned() } else { text.to_owned() }
}

/// A cell as the table shows it.
pub(super) fn cell_text(row: &IndicatorRow, column: Column) -> String {
    match column {
        Column::Category => row.category.as_deref().unwrap_or_default().to_owned(),
        Column::Name if row.parent.is_some() => format!("{SUB_ROW_INDENT}{}", row.name),
        Column::Name => row.name.to_string(),
        Column::Unit => row.unit.as_deref().unwrap_or_default().to_owned(),
        Column::Target => crate::analysis::revised::target_text(row),
        Column::Actual => row.actual.as_ref().map(|v| v.raw.to_string()).unwrap_or_default(),
        Column::Status => row.status.map(status_label).unwrap_or_default().to_owned(),
        Column::Gap => row.gap.map(format_gap).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_signed_without_trailing_zeros() {
        assert_eq!(format_gap(-3.9), "-3.9");
        assert_eq!(format_gap(12.0), "+12");
        assert_eq!(format_gap(0.104), "+0.1");
        assert_eq!(format_gap(-0.001), "0");
    }
}
