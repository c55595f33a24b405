//! `plangap compare`: one indicator across districts and years.

use super::Outcome;
use super::listing::{ListingArgs, Loaded, listed, load, no_match};
use super::output::{Column, OutputFormat, WriteOptions, deliver, tell_left_out, write_table};
use super::sink::Sink;
use crate::analysis::link::{PROSE_MARK, Source};
use crate::analysis::views::{self, Comparison, IndicatorMatch, YearRecord};
use crate::model::Status;
use crate::text::wrap;
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

/// Prints the district × year matrix (table) or one record per district and year (JSON, CSV,
/// a workbook).
pub fn run(args: &CompareArgs, out: &mut Sink) -> io::Result<Outcome> {
    let loaded = match load(&args.listing.paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    let Some(found) = resolve(&loaded, &args.indicator) else {
        return Ok(loaded.finish(no_indicator(&loaded, &args.indicator)));
    };
    let comparison = views::compare(&loaded.reports, &loaded.aliases, &found.canonical);
    let output = &args.listing.output;
    match output.format {
        OutputFormat::Table => {
            let fit = output.table_width(out);
            let file = output.output.as_deref();
            deliver(file, false, &loaded.reports, out, |out| write_matrix(&comparison, fit, out))?
        }
        _ => args.listing.write("compare", &comparison.records, &loaded, out)?,
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

/// Tells stderr that no indicator matches `query`, with the nearest names (by edit distance to
/// names, aliases and pinyin), or that none is near.
pub fn no_indicator(loaded: &Loaded, query: &str) -> Outcome {
    match views::close_indicators(&loaded.reports, &loaded.aliases, query, 5).as_slice() {
        [] => no_match(&format!(
            "no indicator matches “{query}”, and none is near it; `plangap history --district D` lists \
             a district's indicators."
        )),
        close => no_match(&format!("no indicator matches “{query}”; the nearest: {}.", listed(close))),
    }
}

/// The matrix: one row per district, one column per year, `target → actual` in each cell. Fitted
/// to `fit` columns, if given, by leaving out the earliest years (cells are never cut).
fn write_matrix(comparison: &Comparison, fit: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let unit = comparison.records.iter().find_map(|r| r.unit.as_deref());
    let heading = match unit {
        Some(unit) => format!("{} ({unit}): target → actual", comparison.canonical),
        None => format!("{}: target → actual", comparison.canonical),
    };
    writeln!(out, "{heading}")?;
    let years: Vec<String> = comparison.years.iter().map(u16::to_string).collect();
    let latest = years.len().saturating_sub(1);
    let year_columns = years.iter().enumerate().map(|(i, year)| match u8::try_from(i + 1) {
        Ok(rank) if i < latest => Column::whole(year).optional(rank),
        _ => Column::whole(year),
    });
    let columns: Vec<Column> = std::iter::once(Column::whole("district")).chain(year_columns).collect();
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
    tell_left_out(&write_table(&columns, &rows, WriteOptions { fit, ..WriteOptions::default() }, out)?);
    let legend = format!(
        "✓ met  ✗ missed  ? unassessed  {PROSE_MARK} stated in a sentence  (plan …) the plan's target \
         before the review revised it"
    );
    for line in fit.map_or_else(|| vec![legend.clone()], |width| wrap(&legend, width)) {
        writeln!(out, "{line}")?;
    }
    Ok(())
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
