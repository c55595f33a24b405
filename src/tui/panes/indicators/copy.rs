//! Rows of the indicator table as TSV, for the clipboard.

use super::columns::{Column, cell_text};
use crate::model::{IndicatorRow, Status};

/// The TSV header of copied rows.
pub fn tsv_header() -> String {
    Column::ALL.map(Column::header).join("\t")
}

/// A row as TSV for the clipboard: every column, as written in the document.
pub fn tsv_row(row: &IndicatorRow) -> String {
    let cells = Column::ALL.map(|column| match column {
        Column::Name => row.name.to_string(),
        Column::Status => row.status.map(Status::as_str).unwrap_or_default().to_owned(),
        Column::Gap => row.gap.map(|gap| gap.to_string()).unwrap_or_default(),
        other => cell_text(row, other),
    });
    let clean: Vec<String> = cells.iter().map(|cell| cell.replace(['\t', '\n'], " ")).collect();
    clean.join("\t")
}
