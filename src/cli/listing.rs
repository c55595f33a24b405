//! What the gap-analysis commands (`missed`, `summary`, `compare`, `history`) share: the output
//! options, loading the reports and the indicator aliases, and the record form of an
//! indicator-year.

use super::output::{Column, OutputArgs, Record};
use super::sink::Sink;
use super::{Outcome, report_failures};
use crate::analysis::canonical::AliasTable;
use crate::analysis::district::match_districts;
use crate::analysis::views::YearRecord;
use crate::corpus;
use crate::model::Report;
use clap::Args;
use std::io;
use std::path::PathBuf;

/// Output options and inputs of a listing command.
#[derive(Debug, Clone, Args)]
pub struct ListingArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Report files or folders (default: the embedded sample corpus).
    pub paths: Vec<PathBuf>,
}

impl ListingArgs {
    /// Writes `records` in the chosen format; `sheet` names a workbook's sheet.
    pub fn write<R: Record>(
        &self,
        sheet: &str,
        records: &[R],
        loaded: &Loaded,
        sink: &mut Sink,
    ) -> io::Result<()> {
        self.output.write(sheet, records, None, &loaded.reports, sink)
    }
}

/// Reports and aliases ready for a view, and whether any input failed.
pub struct Loaded {
    /// The reports that loaded.
    pub reports: Vec<Report>,
    /// The embedded aliases with the user's config added.
    pub aliases: AliasTable,
    /// The outcome so far: [`Outcome::BadInput`] when some file failed.
    pub input: Outcome,
}

/// The reports are left to the operating system instead of freed: a `Loaded` lives until its
/// command ends, just before the process exits, and freeing thousands of reports' small
/// allocations one by one took a sixth of a cached `summary` of 2,000 reports. Command-line
/// tools commonly do this (ripgrep leaks its matcher state the same way at exit).
impl Drop for Loaded {
    fn drop(&mut self) {
        std::mem::forget(std::mem::take(&mut self.reports));
    }
}

impl Loaded {
    /// The command's outcome: bad input outweighs results or no match.
    pub fn finish(&self, outcome: Outcome) -> Outcome {
        match self.input {
            Outcome::BadInput => Outcome::BadInput,
            _ => outcome,
        }
    }
}

/// Loads `paths` (or the embedded corpus) without their projects, and the aliases, telling
/// stderr what failed. `Err`
/// carries the outcome when nothing can be shown: the aliases are invalid or no report loaded.
/// A config file that cannot be read is a note; one that is not TOML is shown with its line and
/// key and makes the outcome [`Outcome::BadInput`], though the results are still shown.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, Outcome> {
    let config = crate::config::user();
    if let Some(problem) = &config.problem {
        let note = if config.invalid { "" } else { "note: " };
        eprintln!("plangap: {note}{problem}");
    }
    let aliases = AliasTable::with_config(config).map_err(|error| {
        eprintln!("plangap: {}", crate::printable::printable(&error.to_string()));
        Outcome::BadInput
    })?;
    // The listings read tables and sentences, never projects: not reading them back from the
    // cache is most of the time a cached load takes.
    let options = corpus::LoadOptions { without_projects: true, ..corpus::load_options().clone() };
    let corpus = corpus::load_paths_with(paths, &options);
    let input = match report_failures(&corpus) {
        _ if config.invalid => Outcome::BadInput,
        outcome => outcome,
    };
    if corpus.reports.is_empty() {
        return Err(Outcome::BadInput);
    }
    Ok(Loaded { reports: corpus.reports, aliases, input })
}

/// Tells stderr that nothing matched, and returns [`Outcome::NoMatch`].
pub fn no_match(message: &str) -> Outcome {
    eprintln!("plangap: {}", crate::printable::printable(message));
    Outcome::NoMatch
}

/// Tells stderr that no district matches `query` and which the reports name; returns
/// [`Outcome::NoMatch`].
pub fn no_district(query: &str, known: &[String]) -> Outcome {
    no_match(&format!("no district matches “{query}”; the reports name {}.", listed(known)))
}

/// The districts among `known` that `query` names, telling stderr what a loose name was read
/// as (`“qijiang” read as 綦江区`), as indicator look-ups do; nothing is said of an exact name.
pub fn read_district<'a>(query: &str, known: &'a [String]) -> Vec<&'a str> {
    let found = match_districts(query, known.iter().map(String::as_str));
    if !found.is_empty() && found != [query] {
        eprintln!("plangap: “{}” read as {}", crate::printable::printable(query), found.join(", "));
    }
    found
}

/// A list for a message: `a, b, c`, or `none`.
pub fn listed<T: ToString>(items: &[T]) -> String {
    match items.is_empty() {
        true => "none".to_owned(),
        false => items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
    }
}

/// A number for a table cell: as short as it is exact (`-3.9`, `2.5`).
pub fn number_cell(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A binding flag for a table cell: `binding`, `expected` or blank when unknown.
pub fn binding_cell(binding: Option<bool>) -> String {
    match binding {
        Some(true) => "binding".to_owned(),
        Some(false) => "expected".to_owned(),
        None => String::new(),
    }
}

impl Record for YearRecord {
    const COLUMNS: &'static [Column<'static>] = &[
        Column::whole("district"),
        Column::number("year"),
        Column::text("indicator"),
        Column::text("name").optional(1),
        Column::value("target"),
        Column::value("planned").optional(2),
        Column::value("actual"),
        Column::number("gap"),
        Column::whole("status"),
        Column::whole("trend").optional(4),
        Column::whole("unit").optional(2),
        Column::whole("source").optional(1),
        Column::whole("file").optional(3),
        Column::number("line").optional(3),
    ];

    fn cells(&self) -> Vec<String> {
        let trend = match (self.trend, self.trend_since) {
            (Some(change), Some(since)) => {
                let arrow = if change > 0.0 {
                    "↑"
                } else if change < 0.0 {
                    "↓"
                } else {
                    "→"
                };
                format!("{arrow} {change:+} since {since}")
            }
            _ => String::new(),
        };
        vec![
            self.district.clone(),
            self.year.to_string(),
            self.canonical.clone(),
            self.name.clone(),
            self.target.clone().unwrap_or_default(),
            self.planned_target.clone().unwrap_or_default(),
            self.actual.clone().unwrap_or_default(),
            number_cell(self.gap),
            self.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            trend,
            self.unit.clone().unwrap_or_default(),
            self.source.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            self.file.clone().unwrap_or_default(),
            self.line.map(|l| l.to_string()).unwrap_or_default(),
        ]
    }
}
