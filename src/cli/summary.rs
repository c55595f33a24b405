//! `plangap summary`: per report, counts of met, missed and unassessed reviewed rows.

use super::Outcome;
use super::listing::{ListingArgs, load};
use super::output::Record;
use crate::analysis::views::{self, ReportSummary};
use std::io::Write;

/// Prints one line of counts per report.
pub fn run(args: &ListingArgs, out: &mut dyn Write) -> std::io::Result<Outcome> {
    let loaded = match load(&args.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    args.write(&views::summary(&loaded.reports), out)?;
    Ok(loaded.finish(Outcome::Results))
}

impl Record for ReportSummary {
    const HEADERS: &'static [&'static str] = &[
        "district",
        "year",
        "reviewed",
        "met",
        "missed",
        "unassessed",
        "binding missed",
        "prose values",
        "file",
    ];

    fn cells(&self) -> Vec<String> {
        let count = |n: usize| n.to_string();
        vec![
            self.district.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            count(self.reviewed),
            count(self.met),
            count(self.missed),
            count(self.unassessed),
            count(self.binding_missed),
            count(self.narrative_values),
            self.file.clone(),
        ]
    }
}
