//! Indicator tables: captions, header analysis and row reconstruction from the
//! one-cell-per-line export.
//!
//! A table starts at a caption ([`caption`]); its cells run to a footnote, prose or the next
//! caption ([`cells`]). The header names the columns ([`header`]); a caption whose header has no
//! name column and target column (a project box) is not an indicator table. The cells after the
//! header are cut into rows by the header's layout ([`rows`]) and read as indicators
//! ([`indicator`]); the notes under the table say what `*` means, may deem rows met, and are
//! kept with the rows they name ([`notes`]).

mod cells;
mod header;
mod indicator;
mod name;
mod notes;
mod rows;

use crate::model::{IndicatorTable, TableKind, Warning};
use crate::parse::caption::{self, Caption};

/// Captions naming these are meant to be indicator tables: warn when no table follows.
const INDICATOR_CAPTION_WORDS: [&str; 3] = ["指标", "主要目标", "计划目标"];

/// Finds every indicator table in `lines` (`lines[0]` is line 1) and rebuilds its rows.
///
/// Cells that cannot be placed, rows with missing cells and indicator captions with no table
/// after them become warnings; the rest of the table is still read.
pub fn parse_tables(lines: &[&str], warnings: &mut Vec<Warning>) -> Vec<IndicatorTable> {
    let mut tables = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some(caption) = caption::caption_at(lines, index) else {
            index += 1;
            continue;
        };
        index = caption.next;
        if let Some((table, end)) = read_table(lines, &caption, warnings) {
            tables.push(table);
            index = index.max(end);
        }
    }
    tables
}

/// Reads the table under `caption`: the table and the index of the first line after it, or
/// `None` when no indicator header follows the caption.
fn read_table(
    lines: &[&str],
    caption: &Caption,
    warnings: &mut Vec<Warning>,
) -> Option<(IndicatorTable, usize)> {
    let text = cells::read_cells(lines, caption.next);
    let Some((layout, used)) = header::read_header(&text.cells) else {
        warn_missing_header(caption, warnings);
        return None;
    };
    let raw_rows = rows::assemble_rows(&text.cells[used..], &layout, &caption.text, warnings);
    let notes = notes::read_notes(lines, text.end);
    let mut rows = indicator::build_rows(&raw_rows, &layout, notes.define_stars(), &caption.text, warnings);
    notes.judge(&mut rows, &caption.text, warnings);
    warn_unread_targets(&layout, &caption.text, caption.index + 1, warnings);
    if rows.is_empty() {
        warnings.push(Warning {
            line: caption.index + 1,
            message: format!(
                "{}: the table has a header but no rows could be read; check that its cells are \
                 exported one per line.",
                caption.text
            ),
        });
    }
    let table = IndicatorTable {
        caption: caption.text.clone(),
        line: caption.index + 1,
        kind: if layout.is_review() { TableKind::Review } else { TableKind::Plan },
        year: layout.target_year().or_else(|| caption::year_in(&caption.text)),
        layout: crate::grid::Layout::Stream,
        notes: notes.table_notes(&rows),
        rows,
    };
    Some((table, text.end))
}

/// Warns when a caption that names indicators has no indicator header after it.
fn warn_missing_header(caption: &Caption, warnings: &mut Vec<Warning>) {
    if !INDICATOR_CAPTION_WORDS.iter().any(|w| caption.text.contains(w)) {
        return;
    }
    warnings.push(Warning {
        line: caption.index + 1,
        message: format!(
            "{}: the caption names indicators but no table header with a name column (指标名称) and \
             a target column (目标) follows it, so no rows were read. If the table is there, check \
             that its cells were exported one per line.",
            caption.text
        ),
    });
}

/// Warns when a table has more than one target column: only the first is read.
fn warn_unread_targets(layout: &header::Layout, caption: &str, line: usize, warnings: &mut Vec<Warning>) {
    let targets: Vec<&str> =
        layout.columns.iter().filter(|c| c.role == header::Role::Target).map(|c| c.title.as_str()).collect();
    if let [first, rest @ ..] = targets.as_slice()
        && !rest.is_empty()
    {
        warnings.push(Warning {
            line,
            message: format!(
                "{caption}: the table has several target columns; only “{first}” is read and “{}” \
                 is skipped. Split the table in the source document to read both.",
                rest.join("”, “")
            ),
        });
    }
}
