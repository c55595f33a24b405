//! `plangap summary`: per report, counts of met, missed and unassessed reviewed rows.

use super::Outcome;
use super::listing::{ListingArgs, load};
use super::output::{Column, Record};
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
    const COLUMNS: &'static [Column] = &[
        Column::whole("district"),
        Column::whole("year"),
        Column::whole("reviewed"),
        Column::whole("met"),
        Column::whole("missed"),
        Column::whole("unassessed"),
        Column::whole("binding missed"),
        Column::whole("prose values"),
        Column::whole("judged in prose"),
        Column::whole("prose missed"),
        Column::whole("stated met/missed"),
        Column::whole("file"),
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
            count(self.judged_sentences),
            count(self.judged_missed),
            self.stated.clone().unwrap_or_default(),
            self.file.clone(),
        ]
    }
}
