//! `plangap export`: the JSON document of the export contract, or an Excel workbook with a
//! sheet per view (indicators, missed, projects, stated counts) built from the same document, so
//! the workbook's columns follow the contract's fields.

use super::output::{Kind, deliver};
use super::sink::Sink;
use super::xlsx::{Sheet, workbook};
use super::{ExportFormat, Identity, Outcome, finish};
use crate::analysis::canonical::AliasTable;
use crate::analysis::views::{self, MissedFilter};
use crate::corpus;
use crate::export::ExportDocument;
use crate::model::Report;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The fields of a report that head each row of a per-report sheet.
const REPORT_FIELDS: [&str; 3] = ["district", "review_year", "file"];

/// Fields holding a value as a report writes it: a number cell where it is one, with the text
/// beside it.
const VALUE_FIELDS: [&str; 5] = ["target", "actual", "actual_other", "target_revised", "value"];

/// Loads `paths` (or the embedded corpus) and writes the export document to `output` or stdout.
pub fn run(
    format: ExportFormat,
    output: Option<&Path>,
    identity: &Identity,
    paths: &[PathBuf],
    out: &mut Sink,
) -> io::Result<Outcome> {
    let mut corpus = corpus::load_paths(paths);
    corpus.identify(identity.district.as_deref(), identity.year);
    let reports = &corpus.reports;
    match format {
        ExportFormat::Json => deliver(output, false, reports, out, |out| {
            // Written as it is made: the JSON of a long report, larger than the report, is never
            // held whole.
            let mut out = io::BufWriter::with_capacity(1 << 16, out);
            crate::printable::write_json_pretty(&mut out, &ExportDocument::new(reports))?;
            writeln!(out)?;
            out.flush()
        })?,
        ExportFormat::Xlsx => {
            deliver(output, true, reports, out, |out| out.write_all(&workbook(&sheets(reports)?)?))?
        }
    }
    Ok(finish(corpus))
}

/// The sheets of the workbook: every indicator row, the missed targets (as `plangap missed`
/// lists them), every project and the document's own counts.
fn sheets(reports: &[Report]) -> io::Result<Vec<Sheet>> {
    let document = serde_json::to_value(ExportDocument::new(reports)).map_err(io::Error::other)?;
    let reports_json: Vec<&Object> =
        document["reports"].as_array().into_iter().flatten().filter_map(Value::as_object).collect();
    let aliases = AliasTable::with_config(crate::config::user()).unwrap_or_else(|error| {
        eprintln!(
            "plangap: {}; the missed sheet uses the built-in aliases",
            crate::printable::printable(&error.to_string())
        );
        AliasTable::embedded()
    });
    let missed = views::missed(reports, &aliases, &MissedFilter::default());
    Ok(vec![
        per_report("indicators", &reports_json, "indicators"),
        Sheet::of("missed", &missed),
        per_report("projects", &reports_json, "projects"),
        per_report("stated counts", &reports_json, "stated_counts"),
    ])
}

/// A JSON object, fields in the contract's order.
type Object = Map<String, Value>;

/// A sheet of the items of each report's `field` list, each row headed by the report's
/// [`REPORT_FIELDS`]; columns in the contract's field order.
fn per_report(name: &str, reports: &[&Object], field: &str) -> Sheet {
    let items: Vec<(&Object, &Object)> = reports
        .iter()
        .flat_map(|report| {
            report[field]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .map(move |item| (*report, item))
        })
        .collect();
    let mut keys: Vec<&str> = Vec::new();
    for (_, item) in &items {
        for key in item.keys() {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
    }
    let kind_of = |key: &str| match key {
        _ if VALUE_FIELDS.contains(&key) => Kind::Value,
        _ if items.iter().any(|(_, item)| item.get(key).is_some_and(Value::is_number)) => Kind::Number,
        _ => Kind::Whole,
    };
    let report_columns = REPORT_FIELDS
        .iter()
        .map(|&f| (f.to_owned(), if f == "review_year" { Kind::Number } else { Kind::Whole }));
    let item_columns = keys.iter().map(|&key| (key.to_owned(), kind_of(key)));
    let mut sheet = Sheet::new(name, report_columns.chain(item_columns));
    for (report, item) in &items {
        let head = REPORT_FIELDS.iter().map(|&f| cell_text(report.get(f)));
        sheet.push(head.chain(keys.iter().map(|&key| cell_text(item.get(key)))));
    }
    sheet
}

/// A JSON value as a cell's text: strings as they are, lists joined with `; `, nothing empty.
fn cell_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => {
            items.iter().map(|item| cell_text(Some(item))).collect::<Vec<_>>().join("; ")
        }
        Some(other) => other.to_string(),
    }
}
