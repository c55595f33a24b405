//! The JSON export contract (`shared/SCHEMA.md`): one document with every report, every
//! indicator row and every project. Field names here are a public interface: add, never rename.

use crate::analysis::counts::{CountCheck, Found, check_counts};
use crate::model::{
    IndicatorRow, IndicatorTable, NarrativeValue, Project, Report, ReviewStatement, TableNote,
};
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
    /// The province named in the title block, when there is one (an addition to the contract).
    province: Option<&'a str>,
    review_year: Option<u16>,
    plan_year: Option<u16>,
    delivered_on: Option<String>,
    session: Option<&'a str>,
    issuer: Option<&'a str>,
    indicators: Vec<ExportIndicator<'a>>,
    projects: Vec<ExportProject<'a>>,
    /// Values stated in headline sentences rather than tables, and results judged in sentences
    /// (role `review`), in document order (an addition to the contract).
    narrative: Vec<ExportProse<'a>>,
    /// What the document says of its own results, beside plangap's counts (an addition).
    stated_counts: Vec<ExportStatedCount<'a>>,
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
    /// The other target cell when a table gives a level and a growth target (an addition).
    target_other: Option<&'a str>,
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

/// One item of a report's `narrative`: a value of a headline sentence, or a judged sentence.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ExportProse<'a> {
    /// A value stated in a headline sentence (role `actual` or `target`).
    Value(ExportNarrative<'a>),
    /// A result judged against its target in a sentence (role `review`).
    Review(ExportReview<'a>),
}

/// A result judged against its target in a sentence.
#[derive(Debug, Serialize)]
pub struct ExportReview<'a> {
    role: &'static str,
    year: Option<u16>,
    name: &'a str,
    unit: Option<&'a str>,
    target: Option<&'a str>,
    /// Whether the target is worked out from the result and a stated difference.
    target_derived: bool,
    actual: Option<&'a str>,
    status: Option<&'static str>,
    gap: Option<f64>,
    /// The document's reason in brackets, if any.
    reason: Option<&'a str>,
    evidence: &'a str,
    line: usize,
}

/// A sentence counting the document's own results, beside plangap's counts.
#[derive(Debug, Serialize)]
pub struct ExportStatedCount<'a> {
    text: &'a str,
    line: usize,
    total: Option<usize>,
    met: Option<usize>,
    missed: Option<usize>,
    found: Found,
    agrees: Option<bool>,
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
        province: title.province.as_deref(),
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
        narrative: export_prose(report),
        stated_counts: check_counts(report).iter().map(export_stated_count).collect(),
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
        actual: row.actual.as_ref().map(|v| &*v.raw),
        actual_other: row.actual_other.as_ref().map(|v| &*v.raw),
        target_revised: row.target_revised.as_ref().map(|v| &*v.raw),
        target_other: row.target_other.as_ref().map(|v| &*v.raw),
        status: row.status.map(|s| s.as_str()),
        gap: row.gap,
        line: row.line,
        layout: table.layout.as_str(),
    }
}

fn export_project(project: &Project) -> ExportProject<'_> {
    ExportProject {
        name: &project.name,
        group: project.group.as_deref().map(String::as_str),
        table: &project.table,
        stage: project.stage.map(|s| s.as_str()),
        progress: project.progress.as_deref().map(String::as_str),
        line: project.line as usize,
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

/// Headline values and judged sentences, merged in line order (values first on one line).
fn export_prose(report: &Report) -> Vec<ExportProse<'_>> {
    let values = report.narrative.iter().map(|v| (v.line, 0, ExportProse::Value(export_narrative(v))));
    let reviews = report.reviews.iter().map(|r| (r.line, 1, ExportProse::Review(export_review(r))));
    let mut items: Vec<(usize, u8, ExportProse<'_>)> = values.chain(reviews).collect();
    items.sort_by_key(|(line, order, _)| (*line, *order));
    items.into_iter().map(|(_, _, item)| item).collect()
}

fn export_review(statement: &ReviewStatement) -> ExportReview<'_> {
    ExportReview {
        role: "review",
        year: statement.year,
        name: &statement.name,
        unit: statement.unit.as_deref(),
        target: statement.target.as_ref().map(|v| &*v.raw),
        target_derived: statement.target_derived,
        actual: statement.actual.as_ref().map(|v| &*v.raw),
        status: statement.status.map(|s| s.as_str()),
        gap: statement.gap,
        reason: statement.reason.as_deref(),
        evidence: &statement.evidence,
        line: statement.line,
    }
}

fn export_stated_count<'a>(check: &CountCheck<'a>) -> ExportStatedCount<'a> {
    let stated = check.stated;
    ExportStatedCount {
        text: &stated.text,
        line: stated.line,
        total: stated.total,
        met: stated.met,
        missed: stated.missed,
        found: check.found,
        agrees: check.agrees,
    }
}

fn export_table_note<'a>(table: &'a IndicatorTable, note: &'a TableNote) -> ExportTableNote<'a> {
    ExportTableNote {
        table: &table.caption,
        kind: note.kind.as_str(),
        label: note.label.as_deref(),
        text: &note.text,
        rows: note.rows.iter().filter_map(|&i| table.rows.get(i)).map(|row| &*row.name).collect(),
        line: note.line,
    }
}
