//! Which rows the indicator table shows (the filter) and in what order (the sort).

use crate::analysis::views::GapRow;
use crate::finder::collate::sort_key;
use crate::model::{IndicatorRow, IndicatorTable, Status};
use std::collections::HashMap;

/// The order of the table's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// As in the document.
    #[default]
    Document,
    /// Missed rows first, the most severe first as the gap analysis ranks them (shortfall
    /// relative to the target, [`crate::analysis::views::missed`]); the other rows after them in
    /// document order.
    Gap,
    /// Missed, then unassessed, then met.
    Status,
    /// By name, Chinese by pinyin.
    Name,
}

impl SortKey {
    /// The next sort order.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Document => SortKey::Gap,
            SortKey::Gap => SortKey::Status,
            SortKey::Status => SortKey::Name,
            SortKey::Name => SortKey::Document,
        }
    }

    /// How the status line names it.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Document => "document order",
            SortKey::Gap => "largest shortfall",
            SortKey::Status => "status",
            SortKey::Name => "name",
        }
    }
}

/// Which rows are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Rows whose name, category or parent contains this text (case-insensitive).
    pub text: String,
    /// Only rows that missed their target.
    pub missed_only: bool,
    /// Only binding (约束性) rows.
    pub binding_only: bool,
}

impl RowFilter {
    /// True when some condition is set.
    pub fn is_active(&self) -> bool {
        !self.text.is_empty() || self.missed_only || self.binding_only
    }

    /// Whether `row` passes the filter; `needle` is the filter text, lower-cased once.
    pub(super) fn accepts(&self, row: &IndicatorRow, needle: &str) -> bool {
        if self.missed_only && row.status != Some(Status::Missed) {
            return false;
        }
        if self.binding_only && row.binding != Some(true) {
            return false;
        }
        needle.is_empty()
            || [Some(&*row.name), Some(&*row.raw_name), row.category.as_deref(), row.parent.as_deref()]
                .into_iter()
                .flatten()
                .any(|field| field.to_lowercase().contains(needle))
    }

    /// The filter as the pane title shows it (`missed only · "gdp"`), empty when inactive.
    pub fn describe(&self, dot: &str) -> String {
        let mut parts = Vec::new();
        if self.missed_only {
            parts.push("missed only".to_owned());
        }
        if self.binding_only {
            parts.push("binding only".to_owned());
        }
        if !self.text.is_empty() {
            parts.push(format!("\"{}\"", self.text));
        }
        parts.join(&format!(" {dot} "))
    }
}

/// Sorts the shown rows (indices into `table.rows`) by `sort`; `severity` is the report's missed
/// rows, most severe first. Names sort by their pinyin ([`crate::finder::collate`]).
pub(super) fn sort_rows(rows: &mut [usize], table: &IndicatorTable, sort: SortKey, severity: &[GapRow]) {
    let row = |i: usize| table.rows.get(i);
    match sort {
        SortKey::Document => {}
        SortKey::Gap => {
            // Rank by line, looked up once per row: linear in the table's rows.
            let rank: HashMap<usize, usize> = severity
                .iter()
                .enumerate()
                .filter(|(_, gap)| gap.table == table.caption)
                .map(|(rank, gap)| (gap.line, rank))
                .rev()
                .collect();
            rows.sort_by_key(|&i| row(i).and_then(|row| rank.get(&row.line).copied()).unwrap_or(usize::MAX));
        }
        SortKey::Status => rows.sort_by_key(|&i| match row(i).and_then(|r| r.status) {
            Some(Status::Missed) => 0,
            Some(Status::Unassessed) => 1,
            Some(Status::Met) => 2,
            None => 3,
        }),
        SortKey::Name => rows.sort_by_cached_key(|&i| row(i).map(|r| sort_key(&r.name))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_cycle_back_to_document_order() {
        let mut key = SortKey::Document;
        for _ in 0..4 {
            key = key.next();
        }
        assert_eq!(key, SortKey::Document);
    }
}
