//! `plangap export`: the JSON document of the export contract.

use super::{ExportFormat, Outcome, report_failures};
use crate::corpus;
use crate::export::ExportDocument;
use std::io::Write;
use std::path::PathBuf;

/// Loads `paths` (or the embedded corpus) and prints the export document.
pub fn run(format: ExportFormat, paths: &[PathBuf], out: &mut dyn Write) -> std::io::Result<Outcome> {
    let corpus = corpus::load_paths(paths);
    match format {
        ExportFormat::Json => writeln!(out, "{}", ExportDocument::new(&corpus.reports).to_json())?,
    }
    Ok(report_failures(&corpus))
}
