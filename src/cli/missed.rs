//! `plangap missed`: missed targets, most severe first.

use super::Outcome;
use super::listing::{
    ListingArgs, Loaded, binding_cell, listed, load, no_district, no_match, number_cell, read_district,
};
use super::output::{Column, Record};
use super::sink::Sink;
use crate::analysis::district::match_districts;
use crate::analysis::link::{PROSE_MARK, Source};
use crate::analysis::views::{self, GapRow, MissedFilter};
use crate::model::Report;
use clap::Args;

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
/// none does (and prints nothing, or `[]` in JSON).
pub fn run(args: &MissedArgs, out: &mut Sink) -> std::io::Result<Outcome> {
    let loaded = match load(&args.listing.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    if let Some(query) = &args.district {
        read_district(query, &views::districts(&loaded.reports));
    }
    let filter =
        MissedFilter { district: args.district.clone(), year: args.year, binding_only: args.binding };
    let rows = views::missed(&loaded.reports, &loaded.aliases, &filter);
    args.listing.write("missed", &rows, &loaded, out)?;
    if rows.is_empty() {
        return Ok(loaded.finish(explain_nothing(&loaded, &filter)));
    }
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
        let years_of = |years: fn(&[Report], Option<&str>) -> Vec<u16>| -> Vec<u16> {
            let mut found: Vec<u16> = match districts.as_slice() {
                [] => years(&loaded.reports, None),
                some => some.iter().flat_map(|d| years(&loaded.reports, Some(d))).collect(),
            };
            found.sort_unstable();
            found.dedup();
            found
        };
        let with_rows = years_of(views::years_with_reviewed_rows);
        if !with_rows.contains(&year) {
            let has = if districts.len() == 1 { "has" } else { "have" };
            let without_table = match years_of(views::reviewed_years).contains(&year) {
                true => format!(
                    " (the report reviewing {year} gives no review table; `plangap check` shows what it gave)"
                ),
                false => String::new(),
            };
            return no_match(&format!(
                "{scope} {has} no reviewed rows for {year}; reviewed years: {}{without_table}.",
                listed(&with_rows)
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
    let unknown = match filter.binding_only {
        true => {
            let all = MissedFilter { binding_only: false, ..filter.clone() };
            views::missed(&loaded.reports, &loaded.aliases, &all)
                .iter()
                .filter(|r| r.binding.is_none())
                .count()
        }
        false => 0,
    };
    let unknown = match unknown {
        0 => String::new(),
        n => format!(
            " {n} missed row(s) do not say whether they are binding (their table marks no 约束性, and no \
             plan table of the same report names them): `plangap missed` without --binding lists them."
        ),
    };
    match reviewed {
        0 => no_match(&format!(
            "no reviewed indicator rows were found in {scope}; `plangap check` shows what each file gave."
        )),
        n => no_match(&format!("no {kind} were missed among the {n} reviewed rows of {scope}.{unknown}")),
    }
}

impl Record for GapRow {
    const COLUMNS: &'static [Column<'static>] = &[
        Column::whole("district"),
        Column::number("year"),
        Column::text("indicator"),
        Column::value("target"),
        Column::value("actual"),
        Column::number("gap"),
        Column::number("short by"),
        Column::whole("unit").optional(1),
        Column::whole("binding").optional(3),
        Column::whole("file").optional(2),
        Column::number("line").optional(2),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.district.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            match self.source {
                Source::Narrative => format!("{}{PROSE_MARK}", self.name),
                Source::Table => self.name.clone(),
            },
            self.target.clone(),
            self.actual.clone().unwrap_or_default(),
            number_cell(self.gap),
            self.relative_gap.map(|g| format!("{:.0}%", -g * 100.0)).unwrap_or_default(),
            self.unit.clone().unwrap_or_default(),
            match self.binding_inferred {
                true => format!("{} (inferred)", binding_cell(self.binding)),
                false => binding_cell(self.binding),
            },
            self.file.clone(),
            self.line.to_string(),
        ]
    }
}
