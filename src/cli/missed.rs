//! `plangap missed`: missed targets, most severe first.

use super::Outcome;
use super::listing::{ListingArgs, Loaded, binding_cell, listed, load, no_district, no_match, number_cell};
use super::output::{Column, Record};
use crate::analysis::district::match_districts;
use crate::analysis::views::{self, GapRow, MissedFilter};
use clap::Args;
use std::io::Write;

/// Options of `plangap missed`.
#[derive(Debug, Clone, Args)]
pub struct MissedArgs {
    /// Only this district (`綦江`, `綦江区` and `qijiang` all work).
    #[arg(long)]
    pub district: Option<String>,
    /// Only this reviewed year.
    #[arg(long)]
    pub year: Option<u16>,
    /// Only binding (约束性) indicators.
    #[arg(long)]
    pub binding: bool,
    #[command(flatten)]
    pub listing: ListingArgs,
}

/// Lists the missed rows of the reports that pass the filter; says on stderr what exists when
/// none does.
pub fn run(args: &MissedArgs, out: &mut dyn Write) -> std::io::Result<Outcome> {
    let loaded = match load(&args.listing.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    let filter =
        MissedFilter { district: args.district.clone(), year: args.year, binding_only: args.binding };
    let rows = views::missed(&loaded.reports, &loaded.aliases, &filter);
    if rows.is_empty() {
        return Ok(loaded.finish(explain_nothing(&loaded, &filter)));
    }
    args.listing.write(&rows, out)?;
    Ok(loaded.finish(Outcome::Results))
}

/// Says why nothing was listed: no such district, no such year, or nothing missed.
fn explain_nothing(loaded: &Loaded, filter: &MissedFilter) -> Outcome {
    let known = views::districts(&loaded.reports);
    let districts: Vec<&str> = match &filter.district {
        Some(query) => {
            let found = match_districts(query, known.iter().map(String::as_str));
            if found.is_empty() {
                return no_district(query, &known);
            }
            found
        }
        None => Vec::new(),
    };
    let scope = match districts.is_empty() {
        true => "the reports".to_owned(),
        false => districts.join(", "),
    };
    if let Some(year) = filter.year {
        let years: Vec<u16> = match districts.as_slice() {
            [] => views::reviewed_years(&loaded.reports, None),
            found => {
                let mut years: Vec<u16> =
                    found.iter().flat_map(|d| views::reviewed_years(&loaded.reports, Some(d))).collect();
                years.sort_unstable();
                years.dedup();
                years
            }
        };
        if !years.contains(&year) {
            let whose = if districts.is_empty() { String::new() } else { format!(" of {scope}") };
            return no_match(&format!(
                "no report{whose} reviews {year}; reviewed years: {}.",
                listed(&years)
            ));
        }
    }
    let reviewed: usize = views::summary(&loaded.reports)
        .iter()
        .filter(|s| districts.is_empty() || districts.contains(&s.district.as_str()))
        .filter(|s| filter.year.is_none_or(|y| s.year == Some(y)))
        .map(|s| s.reviewed)
        .sum();
    let kind = if filter.binding_only { "binding targets" } else { "targets" };
    match reviewed {
        0 => no_match(&format!(
            "no reviewed indicator rows were found in {scope}; `plangap check` shows what each file gave."
        )),
        n => no_match(&format!("no {kind} were missed among the {n} reviewed rows of {scope}.")),
    }
}

impl Record for GapRow {
    const COLUMNS: &'static [Column] = &[
        Column::whole("district"),
        Column::whole("year"),
        Column::text("indicator"),
        Column::whole("target"),
        Column::whole("actual"),
        Column::whole("gap"),
        Column::whole("short by"),
        Column::whole("unit"),
        Column::whole("binding"),
        Column::whole("file"),
        Column::whole("line"),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.district.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.name.clone(),
            self.target.clone(),
            self.actual.clone().unwrap_or_default(),
            number_cell(self.gap),
            self.relative_gap.map(|g| format!("{:.0}%", -g * 100.0)).unwrap_or_default(),
            self.unit.clone().unwrap_or_default(),
            binding_cell(self.binding),
            self.file.clone(),
            self.line.to_string(),
        ]
    }
}
