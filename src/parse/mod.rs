//! Text to a typed [`Report`]: title block, indicator tables, value grammar and project lists.
//!
//! Pure functions over text: no I/O and no terminal. Line numbers are 1-based and refer to the
//! text as given, which is the cleaned text from [`crate::ingest`].

mod caption;
mod fragment;
pub mod projects;
mod readers;
pub mod table;
pub mod title;
pub mod value;

use crate::document::Document;
use crate::error::Error;
use crate::model::Report;

/// Parses a report's clean text. `file` names it in the report and in errors.
///
/// A file without a title is read as a fragment (district and years from its captions and
/// headings); it fails only when it has no title, no indicator table and no reviewed value.
/// Anything else that cannot be placed becomes a warning in [`Report::warnings`].
pub fn parse_report(file: &str, text: &str) -> Result<Report, Error> {
    parse_document(file, &Document::text(text.to_owned(), "UTF-8", 0))
}

/// Parses a decoded document: its text, and the tables its format gave as grids.
pub fn parse_document(file: &str, document: &Document) -> Result<Report, Error> {
    let text = document.text.as_str();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut title = title::parse_title(&lines);
    let mut warnings = Vec::new();
    let tables = table::parse_tables(&lines, &document.tables, &mut warnings);
    let fragment = title.review_year.is_none() || title.plan_year.is_none();
    if fragment {
        title = fragment::complete_title(title, &lines, &tables, &mut warnings);
    }
    let projects = projects::parse_projects(&lines, &document.tables, title.plan_year, &mut warnings);
    let narrative = crate::analysis::narrative::extract_narrative(&lines, &title);
    if fragment && tables.is_empty() && narrative.is_empty() {
        return Err(Error::NotAReport {
            file: file.to_owned(),
            reason: "it has no title naming the reviewed and the plan year in its first 300 lines, no \
                     indicator table and no reviewed value"
                .to_owned(),
        });
    }
    Ok(Report {
        file: file.to_owned(),
        format: document.format,
        title,
        tables,
        projects,
        narrative,
        warnings,
    })
}
