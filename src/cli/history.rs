//! `plangap history`: a district's targets and results over the years, with the trend.

use super::Outcome;
use super::compare::{no_indicator, resolve};
use super::listing::{ListingArgs, Loaded, load, no_district, no_match, read_district};
use super::sink::Sink;
use crate::analysis::district::district_matches;
use crate::analysis::link::district_of;
use crate::analysis::views;
use clap::Args;
use std::path::{Path, PathBuf};

/// Options of `plangap history`.
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// The district (`綦江`, `綦江区` and `qijiang` all work).
    #[arg(long)]
    pub district: String,
    /// The indicator, as for `compare`; without it, every indicator of the district. A first
    /// argument that names an existing file or folder is read as a report path instead.
    pub indicator: Option<String>,
    #[command(flatten)]
    pub listing: ListingArgs,
}

/// Lists the district's indicator-years by indicator and year.
pub fn run(args: &HistoryArgs, out: &mut Sink) -> std::io::Result<Outcome> {
    let (indicator, paths) = split_indicator(args.indicator.as_deref(), &args.listing.paths);
    let loaded = match load(&paths) {
        Ok(loaded) => loaded,
        Err(outcome) => return Ok(outcome),
    };
    let known = views::districts(&loaded.reports);
    let districts = read_district(&args.district, &known);
    if districts.is_empty() {
        return Ok(loaded.finish(no_district(&args.district, &known)));
    }
    let canonical = match indicator {
        Some(query) => {
            let theirs = district_reports(&loaded, &args.district);
            match resolve(&theirs, query) {
                Some(found) => Some(found.canonical),
                None => return Ok(loaded.finish(no_indicator(&theirs, query))),
            }
        }
        None => None,
    };
    let records: Vec<_> = districts
        .iter()
        .flat_map(|district| views::history(&loaded.reports, &loaded.aliases, district, canonical.as_deref()))
        .collect();
    if records.is_empty() {
        let what = canonical.as_deref().unwrap_or("indicator values");
        return Ok(
            loaded.finish(no_match(&format!("the reports give no {what} for {}.", districts.join(", "))))
        );
    }
    args.listing.write("history", &records, &loaded, out)?;
    Ok(loaded.finish(Outcome::Results))
}

/// The indicator and the report paths: a first argument naming an existing file or folder is a
/// path, not an indicator.
fn split_indicator<'a>(indicator: Option<&'a str>, paths: &[PathBuf]) -> (Option<&'a str>, Vec<PathBuf>) {
    match indicator {
        Some(first) if Path::new(first).exists() => {
            (None, std::iter::once(PathBuf::from(first)).chain(paths.iter().cloned()).collect())
        }
        _ => (indicator, paths.to_vec()),
    }
}

/// The loaded reports of the districts `query` names, with the same aliases.
fn district_reports(loaded: &Loaded, query: &str) -> Loaded {
    Loaded {
        reports: loaded.reports.iter().filter(|r| district_matches(query, district_of(r))).cloned().collect(),
        aliases: loaded.aliases.clone(),
        input: loaded.input,
    }
}
