//! `plangap export`: the JSON document of the export contract.

use super::{ExportFormat, Identity, Outcome, report_failures};
use crate::corpus;
use crate::export::ExportDocument;
use std::io::Write;
use std::path::PathBuf;

/// Loads `paths` (or the embedded corpus) and prints the export document.
pub fn run(
    format: ExportFormat,
    identity: &Identity,
    paths: &[PathBuf],
    out: &mut dyn Write,
) -> std::io::Result<Outcome> {
    let mut corpus = corpus::load_paths(paths);
    corpus.identify(identity.district.as_deref(), identity.year);
    match format {
        ExportFormat::Json => writeln!(out, "{}", ExportDocument::new(&corpus.reports).to_json())?,
    }
    Ok(report_failures(&corpus))
}
