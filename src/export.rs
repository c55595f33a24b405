//! The JSON export contract (`shared/SCHEMA.md`): one document with every report, every
//! indicator row and every project. Field names here are a public interface: add, never rename.

use crate::model::{IndicatorRow, IndicatorTable, NarrativeValue, Project, Report, TableNote};
use serde::Serialize;

/// The whole export document.
#[derive(Debug, Serialize)]
pub struct ExportDocument<'a> {
    /// One entry per report, in the order loaded.
    pub reports: Vec<ExportReport<'a>>,
}

/// One report in the export.
#[derive(Debug, Serialize)]
pub struct ExportReport<'a> {
    file: &'a str,
    format: &'static str,
    district: Option<&'a str>,
    city: Option<&'a str>,
    review_year: Option<u16>,
    plan_year: Option<u16>,
    delivered_on: Option<String>,
    session: Option<&'a str>,
    issuer: Option<&'a str>,
    indicators: Vec<ExportIndicator<'a>>,
    projects: Vec<ExportProject<'a>>,
    /// Values stated in headline sentences rather than tables (an addition to the contract).
    narrative: Vec<ExportNarrative<'a>>,
    /// The notes under the indicator tables, in document order (an addition to the contract).
    table_notes: Vec<ExportTableNote<'a>>,
}

/// One indicator table row in the export.
#[derive(Debug, Serialize)]
pub struct ExportIndicator<'a> {
    table: &'a str,
    kind: &'static str,
    year: Option<u16>,
    category: Option<&'a str>,
    seq: Option<&'a str>,
    name: &'a str,
    raw_name: &'a str,
    unit: Option<&'a str>,
    parent: Option<&'a str>,
    binding: Option<bool>,
    target: &'a str,
    actual: Option<&'a str>,
    actual_other: Option<&'a str>,
    target_revised: Option<&'a str>,
    status: Option<&'static str>,
    gap: Option<f64>,
    line: usize,
    layout: &'static str,
}

/// One project in the export.
#[derive(Debug, Serialize)]
pub struct ExportProject<'a> {
    name: &'a str,
    group: Option<&'a str>,
    table: &'a str,
    stage: Option<&'static str>,
    progress: Option<&'a str>,
    line: usize,
}

/// One value stated in a headline sentence.
#[derive(Debug, Serialize)]
pub struct ExportNarrative<'a> {
    role: &'static str,
    year: Option<u16>,
    name: &'a str,
    unit: Option<&'a str>,
    value: &'a str,
    evidence: &'a str,
    line: usize,
}

/// One note under an indicator table: a footnote, a numbered note or one point of an
/// explanation, with the names of the rows it speaks of.
#[derive(Debug, Serialize)]
pub struct ExportTableNote<'a> {
    table: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    text: &'a str,
    rows: Vec<&'a str>,
    line: usize,
}

impl<'a> ExportDocument<'a> {
    /// Builds the export view of `reports`.
    pub fn new(reports: &'a [Report]) -> Self {
        ExportDocument { reports: reports.iter().map(export_report).collect() }
    }

    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::printable::to_json_pretty(self)
    }
}

fn export_report(report: &Report) -> ExportReport<'_> {
    let title = &report.title;
    ExportReport {
        file: &report.file,
        format: report.format.as_str(),
        district: title.district.as_deref(),
        city: title.city.as_deref(),
        review_year: title.review_year,
        plan_year: title.plan_year,
        delivered_on: title.delivered_on.map(|d| d.to_string()),
        session: title.session.as_deref(),
        issuer: title.issuer.as_deref(),
        indicators: report
            .tables
            .iter()
            .flat_map(|table| table.rows.iter().map(move |row| export_indicator(table, row)))
            .collect(),
        projects: report.projects.iter().map(export_project).collect(),
        narrative: report.narrative.iter().map(export_narrative).collect(),
        table_notes: report
            .tables
            .iter()
            .flat_map(|table| table.notes.iter().map(move |note| export_table_note(table, note)))
            .collect(),
    }
}

fn export_indicator<'a>(table: &'a IndicatorTable, row: &'a IndicatorRow) -> ExportIndicator<'a> {
    ExportIndicator {
        table: &table.caption,
        kind: table.kind.as_str(),
        year: table.year,
        category: row.category.as_deref(),
        seq: row.seq.as_deref(),
        name: &row.name,
        raw_name: &row.raw_name,
        unit: row.unit.as_deref(),
        parent: row.parent.as_deref(),
        binding: row.binding,
        target: &row.target.raw,
        actual: row.actual.as_ref().map(|v| v.raw.as_str()),
        actual_other: row.actual_other.as_ref().map(|v| v.raw.as_str()),
        target_revised: row.target_revised.as_ref().map(|v| v.raw.as_str()),
        status: row.status.map(|s| s.as_str()),
        gap: row.gap,
        line: row.line,
        layout: table.layout.as_str(),
    }
}

fn export_project(project: &Project) -> ExportProject<'_> {
    ExportProject {
        name: &project.name,
        group: project.group.as_deref(),
        table: &project.table,
        stage: project.stage.map(|s| s.as_str()),
        progress: project.progress.as_deref(),
        line: project.line,
    }
}

fn export_narrative(value: &NarrativeValue) -> ExportNarrative<'_> {
    ExportNarrative {
        role: value.role.as_str(),
        year: value.year,
        name: &value.name,
        unit: value.unit.as_deref(),
        value: &value.value.raw,
        evidence: &value.evidence,
        line: value.line,
    }
}

fn export_table_note<'a>(table: &'a IndicatorTable, note: &'a TableNote) -> ExportTableNote<'a> {
    ExportTableNote {
        table: &table.caption,
        kind: note.kind.as_str(),
        label: note.label.as_deref(),
        text: &note.text,
        rows: note.rows.iter().filter_map(|&i| table.rows.get(i)).map(|row| row.name.as_str()).collect(),
        line: note.line,
    }
}
