//! `plangap compare`: one indicator across districts and years.

use super::Outcome;
use super::listing::{ListingArgs, Loaded, listed, load, no_match};
use super::output::{OutputFormat, write_table};
use crate::analysis::link::{PROSE_MARK, Source};
use crate::analysis::views::{self, Comparison, IndicatorMatch, YearRecord};
use crate::model::Status;
use clap::Args;
use std::io::{self, Write};

/// Options of `plangap compare`.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// The indicator: its name as any report writes it, an alias, or part of one (`gdp`,
    /// `地区生产总值`, `规上`).
    pub indicator: String,
    #[command(flatten)]
    pub listing: ListingArgs,
}

/// Prints the district × year matrix (table) or one record per district and year (JSON, CSV).
pub fn run(args: &CompareArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    let loaded = match load(&args.listing.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    let Some(found) = resolve(&loaded, &args.indicator) else {
        return Ok(loaded.finish(no_indicator(&loaded, &args.indicator)));
    };
    let comparison = views::compare(&loaded.reports, &loaded.aliases, &found.canonical);
    match args.listing.format {
        OutputFormat::Table => write_matrix(&comparison, out)?,
        _ => args.listing.write(&comparison.records, out)?,
    }
    Ok(loaded.finish(Outcome::Results))
}

/// The indicator `query` names, telling stderr when the match was not exact.
pub fn resolve(loaded: &Loaded, query: &str) -> Option<IndicatorMatch> {
    let found = views::resolve_indicator(&loaded.reports, &loaded.aliases, query)?;
    if !found.exact {
        let also = match found.alternatives.is_empty() {
            true => String::new(),
            false => format!(" (also matched: {})", listed(&found.alternatives)),
        };
        eprintln!("plangap: “{}” read as {}{also}", crate::printable::printable(query), found.canonical);
    }
    Some(found)
}

/// Tells stderr that no indicator matches `query`, with the closest names.
pub fn no_indicator(loaded: &Loaded, query: &str) -> Outcome {
    let close = views::close_indicators(&loaded.reports, &loaded.aliases, query, 8);
    no_match(&format!("no indicator matches “{query}”; indicators with targets include {}.", listed(&close)))
}

/// The matrix: one row per district, one column per year, `target → actual` in each cell.
fn write_matrix(comparison: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let unit = comparison.records.iter().find_map(|r| r.unit.as_deref());
    let heading = match unit {
        Some(unit) => format!("{} ({unit}): target → actual", comparison.canonical),
        None => format!("{}: target → actual", comparison.canonical),
    };
    writeln!(out, "{heading}")?;
    let years: Vec<String> = comparison.years.iter().map(u16::to_string).collect();
    let headers: Vec<&str> = std::iter::once("district").chain(years.iter().map(String::as_str)).collect();
    let rows: Vec<Vec<String>> = comparison
        .districts
        .iter()
        .map(|district| {
            let cells = comparison
                .years
                .iter()
                .map(|&year| comparison.cell(district, year).map(|r| cell_text(r, unit)));
            std::iter::once(district.clone()).chain(cells.map(Option::unwrap_or_default)).collect()
        })
        .collect();
    write_table(&headers, &rows, &[], out)?;
    writeln!(
        out,
        "✓ met  ✗ missed  ? unassessed  {PROSE_MARK} stated in a sentence  (plan …) the plan's \
         target before the review revised it"
    )
}

/// `target → actual` with the status symbol, the marks of prose values and revised targets, and
/// the unit when it is not the heading's (`10000 → 10211 ✓ (人)` under `万人`).
fn cell_text(record: &YearRecord, heading_unit: Option<&str>) -> String {
    let marked = |value: &Option<String>, source: Option<Source>| match value {
        Some(text) if source == Some(Source::Narrative) => format!("{text}{PROSE_MARK}"),
        Some(text) => text.clone(),
        None => "—".to_owned(),
    };
    let mut target = marked(&record.target, record.target_source);
    if let Some(planned) = &record.planned_target {
        target.push_str(&format!(" (plan {planned})"));
    }
    let actual_source = record.actual.as_ref().and(record.source);
    let actual = marked(&record.actual, actual_source);
    let symbol = match record.status {
        Some(Status::Met) => " ✓",
        Some(Status::Missed) => " ✗",
        Some(Status::Unassessed) => " ?",
        None => "",
    };
    match record.unit.as_deref() {
        Some(unit) if Some(unit) != heading_unit => format!("{target} → {actual}{symbol} ({unit})"),
        _ => format!("{target} → {actual}{symbol}"),
    }
}
