//! Linking years: the target a plan sets for year Y (in the report on Y−1) and the value achieved
//! in Y (in the report on Y) are the same indicator-year. A review that restates a different
//! target (revised during the year) keeps both.

use super::canonical::{AliasTable, normalize_name, row_reading};
use super::status::assess_row;
use crate::model::{
    IndicatorRow, IndicatorTable, NarrativeValue, Report, ReviewStatement, Status, TableKind, Value,
    ValueForm, ValueRole,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Where a value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A row of an indicator table.
    Table,
    /// A sentence of the prose: a headline sentence or a result judged in a sentence.
    Narrative,
}

/// The mark that tells a value or judgement read from a sentence, wherever one is shown.
pub const PROSE_MARK: &str = "†";

impl Source {
    /// The name used in exports: `table` or `narrative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Table => "table",
            Source::Narrative => "narrative",
        }
    }
}

/// A value with the place it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    /// The value as read.
    pub value: Value,
    /// Table or narrative.
    pub source: Source,
    /// The report's file.
    pub file: String,
    /// 1-based line of the row's name cell or of the sentence.
    pub line: usize,
}

/// One indicator of one district in one year: the plan's target, the review's target and the
/// achieved value, wherever the reports give them.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorYear {
    /// The district as its reports' titles write it (`綦江区`).
    pub district: String,
    /// The year the target and the result are for.
    pub year: u16,
    /// The canonical indicator name.
    pub canonical: String,
    /// The name as written by the source of the first value found (review, plan, then prose).
    pub name: String,
    /// The unit, from the first source that gives one.
    pub unit: Option<String>,
    /// 约束性 (binding) or not, from the first table row that says.
    pub binding: Option<bool>,
    /// The target the plan set for the year (plan table or targets sentence of the report on Y−1).
    pub planned: Option<Sourced>,
    /// The target as the review of the year states it.
    pub reviewed: Option<Sourced>,
    /// The value achieved (review table or results sentence of the report on Y).
    pub actual: Option<Sourced>,
    /// Met, missed or unassessed: the review row's status, or, when the result comes from a
    /// results sentence, the target judged against it.
    pub status: Option<Status>,
    /// Actual minus target, negative when short, from the same judgement as `status`.
    pub gap: Option<f64>,
    /// The status and gap are a sentence's judgement (no review table row judges the year).
    pub judged_in_prose: bool,
}

impl IndicatorYear {
    /// The target the year was judged against: the review's, else the plan's.
    pub fn target(&self) -> Option<&Sourced> {
        self.reviewed.as_ref().or(self.planned.as_ref())
    }

    /// The plan's target when the review states a different one (revised during the year).
    pub fn revised_from(&self) -> Option<&Sourced> {
        let (planned, reviewed) = (self.planned.as_ref()?, self.reviewed.as_ref()?);
        let differs = match (number(&planned.value), number(&reviewed.value)) {
            (Some(a), Some(b)) => a != b || kind(&planned.value.form) != kind(&reviewed.value.form),
            _ => !planned.value.says_same_as(&reviewed.value),
        };
        differs.then_some(planned)
    }
}

/// The number a value states, where it states one (the bound of `7以上`, the change of
/// `提高1.8个百分点`, the middle of `6-7%`, the quotient of `1.95:1`, the grade of `Ⅲ类`).
pub fn number(value: &Value) -> Option<f64> {
    match value.form {
        ValueForm::Exact(n)
        | ValueForm::AtLeast(n)
        | ValueForm::AtMost(n)
        | ValueForm::About(n)
        | ValueForm::PointChange(n)
        | ValueForm::Rise(n)
        | ValueForm::Fall(n) => Some(n),
        ValueForm::Range(low, high) => Some((low + high) / 2.0),
        ValueForm::Ratio(a, b) if b != 0.0 => Some(a / b),
        ValueForm::Grade(g) => Some(f64::from(g)),
        _ => None,
    }
}

/// The form without its number, so `7` and `7以上` differ while `7%` and `7` do not.
fn kind(form: &ValueForm) -> std::mem::Discriminant<ValueForm> {
    std::mem::discriminant(form)
}

/// The district a report is about: its title's, else its file (so unnamed reports stay apart).
pub fn district_of(report: &Report) -> &str {
    report.title.district.as_deref().unwrap_or(&report.file)
}

/// The canonical name of a table row.
pub fn row_canonical(row: &IndicatorRow, aliases: &AliasTable) -> String {
    aliases.canonical_for_reading(&row.name, row.unit.as_deref(), reading_of(row))
}

/// What a row's target and achieved values say of its name ([`row_reading`]).
pub(crate) fn reading_of(row: &IndicatorRow) -> Option<&'static str> {
    match &row.actual {
        Some(actual) => row_reading(&[&row.target, actual]),
        None => row_reading(&[&row.target]),
    }
}

/// What a row's canonical name depends on: its name, its unit and what its values read as.
type RowKey<'a> = (&'a str, Option<&'a str>, Option<&'static str>);

/// The canonical names of the rows and sentences being linked, each worked out once: a
/// district's reports name the same indicators year after year, and normalising a name is most
/// of the cost of linking (the workbench links a district again whenever more of its reports
/// load). Each name is shared ([`Rc`]), so that looking up its indicator-year copies no text.
struct Canonicals<'a> {
    aliases: &'a AliasTable,
    /// A row's canonical name by its name, unit and value reading ([`reading_of`]), and
    /// whether it is linked as the rate of change of the name (unit `%`).
    rows: HashMap<RowKey<'a>, (Rc<str>, bool)>,
    /// A sentence's canonical name by the indicator's name.
    names: HashMap<&'a str, Rc<str>>,
}

impl<'a> Canonicals<'a> {
    fn new(aliases: &'a AliasTable) -> Canonicals<'a> {
        Canonicals { aliases, rows: HashMap::new(), names: HashMap::new() }
    }

    /// The canonical name of `row`, and its unit as linked: `%` when a level row
    /// (`地区生产总值（亿元）`) is linked as its rate of change because its values are percents
    /// (see [`AliasTable::canonical_for_row`]).
    fn of_row(&mut self, row: &'a IndicatorRow) -> (Rc<str>, Option<&'a str>) {
        let unit = row.unit.as_deref();
        let reading = reading_of(row);
        let aliases = self.aliases;
        let (canonical, as_rate) = self.rows.entry((&row.name, unit, reading)).or_insert_with(|| {
            let canonical = aliases.canonical_for_reading(&row.name, unit, reading);
            let as_rate = aliases.canonical(&normalize_name(&row.name)) != canonical;
            (Rc::from(canonical), as_rate)
        });
        (canonical.clone(), if *as_rate { Some("%") } else { unit })
    }

    /// The canonical name of the indicator a sentence names.
    fn of_name(&mut self, name: &'a str) -> Rc<str> {
        let aliases = self.aliases;
        self.names.entry(name).or_insert_with(|| Rc::from(aliases.canonical(name))).clone()
    }
}

/// Links every table row, narrative value and judged sentence of `reports` into indicator-years,
/// sorted by district, canonical name and year. A table value always wins over a narrative one;
/// between two values for the same place, the first in report and document order wins. A year
/// no review table row judges takes the first judged sentence's status and gap; failing that, a
/// year whose result comes from a results sentence is judged against its target with
/// [`assess_row`], as a review row would be.
///
/// Indicator-years of different districts never meet, nor do those of different canonical
/// indicators, so linking only the rows and sentences of one indicator gives that indicator's
/// years as linking everything does ([`link_occurrences`], which [`crate::analysis::linked`]
/// relies on).
pub fn link<'a, I>(reports: I, aliases: &AliasTable) -> Vec<IndicatorYear>
where
    I: IntoIterator<Item = &'a Report> + Clone,
{
    let mut linker = Linker::new(aliases);
    for report in reports.clone() {
        for table in &report.tables {
            for row in &table.rows {
                linker.row(report, table, row);
            }
        }
    }
    for report in reports.clone() {
        for stated in &report.narrative {
            linker.stated(report, stated);
        }
    }
    for report in reports {
        for statement in &report.reviews {
            linker.review(report, statement);
        }
    }
    linker.finish()
}

/// Where in a report a row or sentence is: what [`link_occurrences`] links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// `report.tables[table].rows[row]`.
    Row {
        /// Index of the table.
        table: u32,
        /// Index of the row in the table.
        row: u32,
    },
    /// `report.narrative[n]`: a value stated in a sentence.
    Stated(u32),
    /// `report.reviews[n]`: a result judged in a sentence.
    Review(u32),
}

/// [`link`] of some rows and sentences of `reports` alone: `occurrences` are (index of the
/// report, where in it), in the order [`link`] meets them within each kind (reports in order,
/// each report's in document order). Given every row and sentence of one canonical indicator,
/// it gives the same indicator-years as [`link`] gives that indicator; occurrences that point
/// nowhere are passed over.
pub fn link_occurrences(
    reports: &[Report],
    occurrences: &[(usize, Occurrence)],
    aliases: &AliasTable,
) -> Vec<IndicatorYear> {
    let mut linker = Linker::new(aliases);
    for &(r, occurrence) in occurrences {
        let Some(report) = reports.get(r) else { continue };
        if let Occurrence::Row { table, row } = occurrence
            && let Some(table) = report.tables.get(table as usize)
            && let Some(row) = table.rows.get(row as usize)
        {
            linker.row(report, table, row);
        }
    }
    for &(r, occurrence) in occurrences {
        if let (Some(report), Occurrence::Stated(n)) = (reports.get(r), occurrence)
            && let Some(stated) = report.narrative.get(n as usize)
        {
            linker.stated(report, stated);
        }
    }
    for &(r, occurrence) in occurrences {
        if let (Some(report), Occurrence::Review(n)) = (reports.get(r), occurrence)
            && let Some(statement) = report.reviews.get(n as usize)
        {
            linker.review(report, statement);
        }
    }
    linker.finish()
}

/// The indicator-years being linked: fed rows, then stated values, then judged sentences
/// ([`link`] gives the order), and finished once.
struct Linker<'a> {
    years: Years<'a>,
    canonicals: Canonicals<'a>,
}

impl<'a> Linker<'a> {
    fn new(aliases: &'a AliasTable) -> Linker<'a> {
        Linker { years: BTreeMap::new(), canonicals: Canonicals::new(aliases) }
    }

    /// Takes a table row's targets and result, when the table's year is known.
    fn row(&mut self, report: &'a Report, table: &'a IndicatorTable, row: &'a IndicatorRow) {
        let year = match table.kind {
            TableKind::Review => table.year.or(report.title.review_year),
            TableKind::Plan => table.year.or(report.title.plan_year),
        };
        let Some(year) = year else { return };
        let (canonical, unit) = self.canonicals.of_row(row);
        let entry = entry(&mut self.years, report, year, canonical, &row.name, unit);
        entry.binding = entry.binding.or(row.binding);
        let at = |value: &Value| sourced(value, Source::Table, report, row.line);
        match table.kind {
            TableKind::Plan => fill(&mut entry.planned, &row.target, at),
            TableKind::Review => {
                let first_review = entry.reviewed.is_none();
                match &row.target_revised {
                    // The review's 目标 column is then the plan's target, revised since.
                    Some(revised) => {
                        fill(&mut entry.reviewed, revised, at);
                        fill(&mut entry.planned, &row.target, at);
                    }
                    None => fill(&mut entry.reviewed, &row.target, at),
                }
                if let Some(actual) = &row.actual {
                    fill(&mut entry.actual, actual, at);
                }
                if first_review {
                    entry.status = row.status;
                    entry.gap = row.gap;
                }
            }
        }
    }

    /// Takes a target or result stated in a sentence, when its year is known.
    fn stated(&mut self, report: &'a Report, stated: &'a NarrativeValue) {
        let Some(year) = stated.year else { return };
        let canonical = self.canonicals.of_name(&stated.name);
        let entry = entry(&mut self.years, report, year, canonical, &stated.name, stated.unit.as_deref());
        let at = |value: &Value| sourced(value, Source::Narrative, report, stated.line);
        match stated.role {
            ValueRole::Target => fill(&mut entry.planned, &stated.value, at),
            ValueRole::Actual => fill(&mut entry.actual, &stated.value, at),
        }
    }

    /// Takes a result judged in a sentence, unless a table row or an earlier sentence judged
    /// the year.
    fn review(&mut self, report: &'a Report, statement: &'a ReviewStatement) {
        let Some(year) = statement.year else { return };
        let canonical = self.canonicals.of_name(&statement.name);
        let entry =
            entry(&mut self.years, report, year, canonical, &statement.name, statement.unit.as_deref());
        let by_table = entry.reviewed.as_ref().is_some_and(|r| r.source == Source::Table);
        if by_table || entry.judged_in_prose {
            return;
        }
        let at = |value: &Value| sourced(value, Source::Narrative, report, statement.line);
        if let Some(target) = &statement.target {
            fill(&mut entry.reviewed, target, at);
        }
        if let Some(actual) = &statement.actual {
            fill(&mut entry.actual, actual, at);
        }
        entry.status = statement.status;
        entry.gap = statement.gap;
        entry.judged_in_prose = true;
    }

    /// The indicator-years, sorted; a year whose result was stated in a sentence and not judged
    /// in one is judged against its target.
    fn finish(self) -> Vec<IndicatorYear> {
        let mut linked: Vec<IndicatorYear> = self.years.into_values().collect();
        let stated = |year: &&mut IndicatorYear| {
            !year.judged_in_prose && year.actual.as_ref().is_some_and(|a| a.source == Source::Narrative)
        };
        linked.iter_mut().filter(stated).for_each(judge_linked);
        linked
    }
}

/// Judges a year whose result was stated in prose against its target, when it has one.
fn judge_linked(year: &mut IndicatorYear) {
    let (Some(target), Some(actual)) = (year.target(), year.actual.as_ref()) else { return };
    let row = IndicatorRow {
        line: actual.line,
        name: year.name.as_str().into(),
        raw_name: year.name.as_str().into(),
        unit: year.unit.as_deref().map(std::sync::Arc::from),
        binding: year.binding,
        target: target.value.clone(),
        actual: Some(actual.value.clone()),
        ..IndicatorRow::default()
    };
    // Prose linked across reports has no one report's economy to set a relative target against.
    let assessment = assess_row(&row, None);
    year.status = Some(assessment.status);
    year.gap = assessment.gap;
}

/// The indicator-years being linked, by district, canonical name and year; the district is
/// borrowed from the reports and the name shared with [`Canonicals`], so that finding a year
/// allocates nothing.
type Years<'a> = BTreeMap<(&'a str, Rc<str>, u16), IndicatorYear>;

/// The indicator-year for `(district of report, canonical, year)`, created on first sight.
fn entry<'y, 'a>(
    years: &'y mut Years<'a>,
    report: &'a Report,
    year: u16,
    canonical: Rc<str>,
    name: &str,
    unit: Option<&str>,
) -> &'y mut IndicatorYear {
    let district = district_of(report);
    let entry = years.entry((district, Rc::clone(&canonical), year)).or_insert_with(|| IndicatorYear {
        district: district.to_owned(),
        year,
        canonical: canonical.to_string(),
        name: name.to_owned(),
        unit: None,
        binding: None,
        planned: None,
        reviewed: None,
        actual: None,
        status: None,
        gap: None,
        judged_in_prose: false,
    });
    if entry.unit.is_none() {
        entry.unit = unit.map(str::to_owned);
    }
    entry
}

fn sourced(value: &Value, source: Source, report: &Report, line: usize) -> Sourced {
    Sourced { value: value.clone(), source, file: report.file.clone(), line }
}

/// Puts `value`, placed by `at`, in an empty place; an empty cell counts as no value. The value
/// is copied only when it is taken.
fn fill(place: &mut Option<Sourced>, value: &Value, at: impl FnOnce(&Value) -> Sourced) {
    let vacant = place.as_ref().is_none_or(|held| held.value.form == ValueForm::Empty);
    if vacant && (place.is_none() || value.form != ValueForm::Empty) {
        *place = Some(at(value));
    }
}
