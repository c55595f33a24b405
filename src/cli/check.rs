//! `plangap check`: what was recognised in each file, for checking a new report before use.
//!
//! On a terminal, the lines fit its width: a table's caption and its list of columns are cut
//! with `…`; other lines (counts, warnings) continue on indented lines, broken at spaces (a file
//! path is never cut, and split only when it is longer than a line).

use super::sink::Sink;
use super::{Identity, Outcome, finish, report_failures};
use crate::analysis::counts::{check_counts, count_line};
use crate::corpus;
use crate::model::Report;
use crate::printable::printable;
use crate::text::{display_width, truncate};
use std::io::Write;
use std::path::PathBuf;

/// Loads `paths` (or the embedded corpus) and prints, per file, the title block, the tables with
/// their row counts, the judged sentences, the document's own counts beside plangap's, the
/// project boxes and the warnings with line numbers.
pub fn run(paths: &[PathBuf], identity: &Identity, wide: bool, out: &mut Sink) -> std::io::Result<Outcome> {
    let mut corpus = corpus::load_paths(paths);
    corpus.identify(identity.district.as_deref(), identity.year);
    let width = out.terminal_columns().filter(|_| !wide);
    for report in &corpus.reports {
        describe(report, width, out)?;
    }
    Ok(finish(corpus))
}

/// Prints, per file, the text plangap reads from it with 1-based line numbers (TABs shown as
/// ` │ `), then what the reader noticed (a PDF's warnings name their page).
pub fn print_text(paths: &[PathBuf], out: &mut dyn Write) -> std::io::Result<Outcome> {
    let mut failures = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let decoded = corpus::read_report_file(path, corpus::max_size())
            .and_then(|bytes| crate::ingest::decode(&file, &bytes));
        let file = printable(&file);
        let document = match decoded {
            Ok(document) => document,
            Err(error) => {
                failures.push(error);
                continue;
            }
        };
        writeln!(out, "{file} ({}, {})", document.format.as_str(), document.encoding)?;
        for (n, line) in document.text.lines().enumerate() {
            writeln!(out, "{:>5}  {}", n + 1, line.replace('\t', " │ "))?;
        }
        for warning in &document.warnings {
            writeln!(out, "  warning: {file}:{}: {}", warning.line, printable(&warning.to_string()))?;
        }
    }
    Ok(report_failures(&corpus::Corpus { failures, ..Default::default() }))
}

/// Prints what was recognised in `report`, fitted to `width` columns if given.
fn describe(report: &Report, width: Option<usize>, out: &mut dyn Write) -> std::io::Result<()> {
    let cut = |line: String| match width {
        Some(width) => truncate(&line, width),
        None => line,
    };
    let mut wrapped = |line: String| -> std::io::Result<()> {
        match width {
            Some(width) if display_width(&line) > width => {
                textwrap::wrap(&line, hanging(width)).iter().try_for_each(|part| writeln!(out, "{part}"))
            }
            _ => writeln!(out, "{line}"),
        }
    };
    let title = &report.title;
    let file = printable(&report.file);
    wrapped(file.to_string())?;
    wrapped(format!(
        "  {}: review {}, plan {}, delivered {}",
        place(title.city.as_deref(), title.district.as_deref()),
        title.review_year.map_or("?".into(), |y| y.to_string()),
        title.plan_year.map_or("?".into(), |y| y.to_string()),
        title.delivered_on.map_or("?".into(), |d| d.to_string()),
    ))?;
    for table in &report.tables {
        let line = format!(
            "  line {:>4}  {:<6} {:>4}  {:>3} rows  {:<7}  {}",
            table.line,
            table.kind.as_str(),
            table.year.map_or("?".into(), |y| y.to_string()),
            table.rows.len(),
            table.layout.as_str(),
            table.caption
        );
        wrapped(cut(line))?;
        let columns: Vec<String> =
            table.columns.iter().map(|c| format!("{} ({})", c.title, c.role.as_str())).collect();
        wrapped(cut(format!("             columns: {}", columns.join(" | "))))?;
    }
    if !report.reviews.is_empty() {
        wrapped(format!("  {} results judged in sentences", report.reviews.len()))?;
    }
    for check in check_counts(report) {
        wrapped(format!("  line {:>4}  {}", check.stated.line, count_line(&check)))?;
    }
    // A project's `table` is its box's caption, or the heading of the paragraph naming it.
    let mut places: Vec<&str> = report.projects.iter().map(|p| p.table.as_str()).collect();
    places.sort_unstable();
    places.dedup();
    wrapped(format!(
        "  {} projects under {} box captions or paragraph headings",
        report.projects.len(),
        places.len()
    ))?;
    for warning in &report.warnings {
        wrapped(format!("  warning: {file}:{}: {}", warning.line, printable(&warning.to_string())))?;
    }
    Ok(())
}

/// Wrapping for a line of `check`: at spaces (a file path stays whole on one line unless it is
/// longer than a line), later lines indented under the first.
fn hanging(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .subsequent_indent("      ")
}

/// The report's place as `city district`, each part only where the title names it (a province's
/// or a city's own report names no place above it), `?` for a district not named.
fn place(city: Option<&str>, district: Option<&str>) -> String {
    match (city, district) {
        (Some(city), Some(district)) if city != district => format!("{city} {district}"),
        (_, Some(district)) => district.to_owned(),
        (Some(city), None) => format!("{city} ?"),
        (None, None) => "?".to_owned(),
    }
}
