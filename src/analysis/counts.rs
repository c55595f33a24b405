//! The document's own counts (`32项指标中：17项指标达到或超过预期，14项指标未达预期`) set against
//! plangap's judgements of the same indicators. A disagreement is shown, never adjusted: it is a
//! finding for the analyst, or a parsing error for us.
//!
//! What plangap counts, per report:
//! - with review tables: their top-level rows (no `parent`), one per indicator. A sub-row
//!   (`其中：农村居民人均可支配收入增速`) is part of its indicator: the indicator counts as missed
//!   when it or any of its sub-rows missed, else as met when it or any sub-row met, else as
//!   unassessed (涪陵区 2022 counts 全体居民人均可支配收入, met at 7.8% against 7.5%, among its
//!   missed indicators because its 农村居民 sub-row missed). Unassessed indicators (`不再统计`,
//!   a qualitative target against a number) are counted apart: documents leave them out of both
//!   met and missed. When the document's total is instead the number of rows with a target,
//!   sub-rows included (铜梁区 style: `13项主要指标` over 12 indicators and one `其中` row), every
//!   such row counts on its own: the stated total says which indicators the document counts;
//! - without review tables: the judged sentences, one per indicator name (the first).

use crate::model::{Report, ReviewStatement, StatedCount, Status, TableKind};
use serde::Serialize;

/// plangap's own counts over a report's indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Found {
    /// Indicators met.
    pub met: usize,
    /// Indicators missed.
    pub missed: usize,
    /// Indicators that cannot honestly be judged.
    pub unassessed: usize,
}

impl Found {
    /// Every indicator counted.
    pub fn total(&self) -> usize {
        self.met + self.missed + self.unassessed
    }
}

/// A stated count beside plangap's.
#[derive(Debug, Clone, PartialEq)]
pub struct CountCheck<'a> {
    /// What the document says.
    pub stated: &'a StatedCount,
    /// What plangap found over the same indicators.
    pub found: Found,
    /// Whether every number the document states equals plangap's; `None` when the document
    /// states none or plangap judged nothing.
    pub agrees: Option<bool>,
}

/// Each of the report's stated counts beside plangap's counts.
pub fn check_counts(report: &Report) -> Vec<CountCheck<'_>> {
    let (grouped, every_row) = (found_counts(report), row_counts(report));
    report
        .stated_counts
        .iter()
        .map(|stated| {
            let per_row = stated.total.is_some_and(|t| t != grouped.total() && t == every_row.total());
            let found = if per_row { every_row } else { grouped };
            CountCheck { stated, found, agrees: agrees(stated, found) }
        })
        .collect()
}

/// Every review row with a target counted on its own, sub-rows included.
fn row_counts(report: &Report) -> Found {
    let mut found = Found::default();
    let rows = report.tables.iter().filter(|t| t.kind == TableKind::Review).flat_map(|t| &t.rows);
    for row in rows.filter(|r| !r.target.raw.is_empty()) {
        add(&mut found, row.status.unwrap_or(Status::Unassessed));
    }
    found
}

/// Whether the stated numbers equal the found ones, as [`CountCheck::agrees`] says.
fn agrees(stated: &StatedCount, found: Found) -> Option<bool> {
    let pairs = [(stated.total, found.total()), (stated.met, found.met), (stated.missed, found.missed)];
    let compared: Vec<bool> = pairs.iter().filter_map(|(s, f)| s.map(|s| s == *f)).collect();
    if found.total() == 0 || compared.is_empty() {
        return None;
    }
    Some(compared.iter().all(|same| *same))
}

/// plangap's counts over the report's indicators, as the module documentation describes.
pub fn found_counts(report: &Report) -> Found {
    let rows: Vec<_> =
        report.tables.iter().filter(|t| t.kind == TableKind::Review).flat_map(|t| &t.rows).collect();
    let mut found = Found::default();
    if rows.is_empty() {
        let mut seen: Vec<&str> = Vec::new();
        for statement in &report.reviews {
            if !seen.contains(&statement.name.as_str()) {
                seen.push(&statement.name);
                add(&mut found, statement_status(statement));
            }
        }
        return found;
    }
    let mut group: Vec<Option<Status>> = Vec::new();
    for row in rows {
        if row.parent.is_none() && !group.is_empty() {
            add(&mut found, group_status(&group));
            group.clear();
        }
        group.push(row.status);
    }
    if !group.is_empty() {
        add(&mut found, group_status(&group));
    }
    found
}

fn statement_status(statement: &ReviewStatement) -> Status {
    statement.status.unwrap_or(Status::Unassessed)
}

/// The status of an indicator from its row's and its sub-rows' statuses.
fn group_status(statuses: &[Option<Status>]) -> Status {
    let any = |status: Status| statuses.contains(&Some(status));
    if any(Status::Missed) {
        Status::Missed
    } else if any(Status::Met) {
        Status::Met
    } else {
        Status::Unassessed
    }
}

fn add(found: &mut Found, status: Status) {
    match status {
        Status::Met => found.met += 1,
        Status::Missed => found.missed += 1,
        Status::Unassessed => found.unassessed += 1,
    }
}

/// `stated 32 indicators: 17 met, 14 missed | plangap 32: 17 met, 14 missed, 1 unassessed — agrees`.
pub fn count_line(check: &CountCheck<'_>) -> String {
    let stated = check.stated;
    let number = |n: Option<usize>| n.map_or("?".to_owned(), |n| n.to_string());
    let found = check.found;
    let verdict = match check.agrees {
        Some(true) => "agrees",
        Some(false) => "DISAGREES",
        None => "cannot compare",
    };
    format!(
        "stated {} indicators: {} met, {} missed | plangap {}: {} met, {} missed, {} unassessed — {verdict}",
        number(stated.total),
        number(stated.met),
        number(stated.missed),
        found.total(),
        found.met,
        found.missed,
        found.unassessed,
    )
}

/// The document's met/missed beside plangap's: `17/14 = 17/14`, or `17/14 ≠ 18/13` when they
/// differ, `?` between them when they cannot be compared (`?` for a number not stated).
pub fn short_line(check: &CountCheck<'_>) -> String {
    let number = |n: Option<usize>| n.map_or("?".to_owned(), |n| n.to_string());
    let sign = match check.agrees {
        Some(true) => "=",
        Some(false) => "≠",
        None => "?",
    };
    let (stated, found) = (check.stated, check.found);
    format!("{}/{} {sign} {}/{}", number(stated.met), number(stated.missed), found.met, found.missed)
}
