//! Text to a typed [`Report`]: title block, indicator tables, value grammar, project lists and
//! the prose (headline sentences, judged sentences, the document's own counts).
//!
//! Pure functions over text: no I/O and no terminal. Line numbers are 1-based and refer to the
//! text as given, which is the cleaned text from [`crate::ingest`].

mod caption;
pub(crate) mod continued;
mod fragment;
mod lines;
pub mod narrative;
pub mod projects;
mod readers;
pub(crate) mod shared;
pub mod table;
pub mod title;
pub mod value;

use crate::document::Document;
use crate::error::Error;
use crate::grid::Layout;
use crate::model::{IndicatorTable, Report, TableKind, TextSpan, TitleBlock};
pub use lines::{Iter, LineIndex, LinedText, Lines};
use std::sync::Arc;

/// Parses a report's clean text. `file` names it in the report and in errors.
///
/// A file without a title is read as a fragment (district and years from its captions and
/// headings); it fails only when it has no title, no indicator table and no reviewed value.
/// Anything else that cannot be placed becomes a warning in [`Report::warnings`].
pub fn parse_report(file: &str, text: &str) -> Result<Report, Error> {
    parse_owned(file, Document::text(text.to_owned(), "UTF-8", 0))
}

/// Parses a decoded document: its text, and the tables its format gave as grids.
pub fn parse_document(file: &str, document: &Document) -> Result<Report, Error> {
    parse_owned(file, document.clone())
}

/// [`parse_document`], taking the document: its text's own buffer then keeps the lines the
/// projects come from, and the rest of it is freed ([`TextSpan::gather`]), so that a long
/// report's lines are never held twice.
pub fn parse_owned(file: &str, mut document: Document) -> Result<Report, Error> {
    let text = Arc::new(std::mem::take(&mut document.text));
    let mut report = parse_text(file, &document, &text)?;
    TextSpan::gather(text, |visit| {
        for project in &mut report.projects {
            visit(&mut project.source);
            visit(&mut project.name);
        }
    });
    Ok(report)
}

/// Gives a table that neither its header nor its caption dates (`今年目标 | 今年预计` under a
/// lead-in sentence without a year) the year the title gives its kind: a review table is of the
/// reviewed year, a plan table of the plan year.
fn date_undated_tables(tables: &mut [IndicatorTable], title: &TitleBlock) {
    for table in tables.iter_mut().filter(|t| t.year.is_none()) {
        table.year = match table.kind {
            TableKind::Review => title.review_year,
            TableKind::Plan => title.plan_year,
        };
    }
}

/// Parses `text`, the text of `document` (whose own text is not read), and the tables its
/// format gave.
fn parse_text(file: &str, document: &Document, text: &Arc<String>) -> Result<Report, Error> {
    let Some(index) = LineIndex::new(text) else {
        return Err(Error::NotAReport {
            file: file.to_owned(),
            reason: format!("its text is longer than {} bytes", LineIndex::MAX_TEXT),
        });
    };
    let lines = index.lines(text);
    let mut title = title::parse_title(lines);
    let mut warnings = Vec::new();
    let placed = continued::join_continued(lines, &document.tables);
    let mut tables = table::parse_tables(lines, &placed, &mut warnings);
    if document.relined {
        tables.iter_mut().filter(|t| t.layout == Layout::Stream).for_each(|t| t.layout = Layout::Aligned);
    }
    let fragment = title.review_year.is_none() || title.plan_year.is_none();
    if fragment {
        title = fragment::complete_title(title, lines, &tables, &mut warnings);
    }
    if title.district.is_none() {
        title::place_from_site(&mut title, document.page_title.as_deref());
    }
    date_undated_tables(&mut tables, &title);
    let mut indicator_lines: Vec<usize> = tables.iter().flat_map(|t| t.rows.iter().map(|r| r.line)).collect();
    indicator_lines.sort_unstable();
    let projects =
        projects::parse_projects(text, lines, &placed, &indicator_lines, title.plan_year, &mut warnings);
    // Only lines of boxes are kept from the prose readers: a paragraph that names a project may
    // state a result too.
    let prose = narrative::parse_prose(lines, &title, &tables, &projects.box_lines);
    let projects = projects.all;
    if fragment && tables.is_empty() && prose.values.is_empty() && prose.reviews.is_empty() {
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
        narrative: prose.values,
        reviews: prose.reviews,
        stated_counts: prose.counts,
        warnings,
    })
}
