//! `plangap summary`: per report, counts of met, missed and unassessed reviewed rows.

use super::Outcome;
use super::listing::{ListingArgs, load};
use super::output::{Column, Record};
use super::sink::Sink;
use crate::analysis::views::{self, ReportSummary};

/// Prints one line of counts per report.
pub fn run(args: &ListingArgs, out: &mut Sink) -> std::io::Result<Outcome> {
    let loaded = match load(&args.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    args.write("summary", &views::summary(&loaded.reports), &loaded, out)?;
    Ok(loaded.finish(Outcome::Results))
}

impl Record for ReportSummary {
    const COLUMNS: &'static [Column<'static>] = &[
        Column::whole("district"),
        Column::number("year"),
        Column::number("reviewed"),
        Column::number("met"),
        Column::number("missed"),
        Column::number("unassessed"),
        Column::number("binding missed").optional(4),
        Column::number("prose values").optional(1),
        Column::number("judged in prose").optional(1),
        Column::number("prose missed").optional(1),
        Column::whole("stated met/missed").optional(3),
        Column::whole("file").optional(2),
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
