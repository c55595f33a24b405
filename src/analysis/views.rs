//! The views the CLI prints and the TUI draws: missed targets by severity, a summary per report,
//! one indicator across districts and years, and one district's history. Each returns typed
//! rows whose JSON form follows `SCHEMA.md` (`district`, `year`, `name`, `canonical`, `unit`,
//! `target`, `actual`, `gap`, `binding`, `source`, `file`, `line`).

use super::canonical::{AliasTable, normalize_name};
use super::counts::{check_counts, short_line};
use super::district::district_matches;
use super::link::{IndicatorYear, Source, Sourced, district_of, link, number, row_canonical};
use super::suggest::{self, Candidate};
use crate::model::{IndicatorTable, Report, Status, TableKind, ValueForm};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Which missed rows to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissedFilter {
    /// Only districts this loose name matches (`綦江`, `qijiang`).
    pub district: Option<String>,
    /// Only this reviewed year.
    pub year: Option<u16>,
    /// Only binding (约束性) indicators.
    pub binding_only: bool,
}

/// One missed reviewed row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRow {
    /// The district (`綦江区`).
    pub district: String,
    /// The reviewed year.
    pub year: Option<u16>,
    /// The name as written (without unit and markers).
    pub name: String,
    /// The canonical indicator.
    pub canonical: String,
    /// The unit of the row.
    pub unit: Option<String>,
    /// The target as written.
    pub target: String,
    /// The achieved value as written.
    pub actual: Option<String>,
    /// Actual minus target in the target's unit, negative when short.
    pub gap: Option<f64>,
    /// The gap relative to the target (`-0.6` for 2.6 against 6.5), when both are numbers.
    pub relative_gap: Option<f64>,
    /// 约束性 (binding) or not; when the review table does not say, what the plan table of the
    /// same report says of the same indicator ([`GapRow::binding_inferred`]).
    pub binding: Option<bool>,
    /// Whether [`GapRow::binding`] was taken from the report's plan table.
    pub binding_inferred: bool,
    /// `table` for a table row, `narrative` for a result judged in a sentence (listed only when
    /// no review table row of the district judges the same indicator in the same year).
    pub source: Source,
    /// The report's file.
    pub file: String,
    /// 1-based line of the row.
    pub line: usize,
    /// The caption of the row's table; empty for a sentence.
    pub table: String,
}

/// Counts of one report's reviewed rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportSummary {
    /// The district.
    pub district: String,
    /// The reviewed year.
    pub year: Option<u16>,
    /// The report's file.
    pub file: String,
    /// Rows of review tables.
    pub reviewed: usize,
    /// Rows that met their target.
    pub met: usize,
    /// Rows that missed their target.
    pub missed: usize,
    /// Rows that cannot honestly be judged (or were not assessed).
    pub unassessed: usize,
    /// Missed rows of binding indicators.
    pub binding_missed: usize,
    /// Values read from the headline sentences.
    pub narrative_values: usize,
    /// Results judged in sentences (whether or not a table row also judges the indicator).
    pub judged_sentences: usize,
    /// Of those, the ones missed.
    pub judged_missed: usize,
    /// The document's own counts beside plangap's (`17/14 = 17/14`), from its first counting
    /// sentence; `None` when it states none.
    pub stated: Option<String>,
}

/// One indicator-year as listed by `compare` and `history`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRecord {
    /// The district.
    pub district: String,
    /// The year the target and result are for.
    pub year: u16,
    /// The name as written.
    pub name: String,
    /// The canonical indicator.
    pub canonical: String,
    /// The unit.
    pub unit: Option<String>,
    /// The target the year was judged against (the review's, else the plan's), as written.
    pub target: Option<String>,
    /// The achieved value as written.
    pub actual: Option<String>,
    /// Actual minus target from the review row, negative when short.
    pub gap: Option<f64>,
    /// 约束性 (binding) or not.
    pub binding: Option<bool>,
    /// `met`, `missed` or `unassessed` from the review row.
    #[serde(serialize_with = "status_name")]
    pub status: Option<Status>,
    /// Where the actual was read (else the target): `table` or `narrative`.
    pub source: Option<Source>,
    /// The file of the actual (else of the target).
    pub file: Option<String>,
    /// The line of the actual (else of the target).
    pub line: Option<usize>,
    /// Where the target was read.
    pub target_source: Option<Source>,
    /// The file of the target.
    pub target_file: Option<String>,
    /// The line of the target.
    pub target_line: Option<usize>,
    /// The plan's target when the review states a different one (revised during the year).
    pub planned_target: Option<String>,
    /// The change of the actual since the previous year with a numeric actual.
    pub trend: Option<f64>,
    /// That previous year.
    pub trend_since: Option<u16>,
}

/// One canonical indicator across districts and years.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The canonical indicator.
    pub canonical: String,
    /// The districts that have it, in name order.
    pub districts: Vec<String>,
    /// The years any district has it for, ascending.
    pub years: Vec<u16>,
    /// One record per district and year that has a value.
    pub records: Vec<YearRecord>,
}

impl Comparison {
    /// The record of `district` in `year`, if the reports give one.
    pub fn cell(&self, district: &str, year: u16) -> Option<&YearRecord> {
        self.records.iter().find(|r| r.district == district && r.year == year)
    }
}

/// The canonical indicator a user's query names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorMatch {
    /// The chosen canonical indicator.
    pub canonical: String,
    /// Whether the query named it exactly (directly or by an alias).
    pub exact: bool,
    /// Other indicators the query also matched, best first.
    pub alternatives: Vec<String>,
}

/// Whether each indicator of the report's plan tables is binding, by canonical name, where the
/// plan table says (约束性 or `*`).
fn plan_binding(report: &Report, aliases: &AliasTable) -> HashMap<String, bool> {
    let plan_rows = report.tables.iter().filter(|t| t.kind == TableKind::Plan).flat_map(|t| &t.rows);
    plan_rows.filter_map(|row| Some((row_canonical(row, aliases), row.binding?))).collect()
}

/// Missed reviewed rows, most severe first: by shortfall relative to the target, binding first
/// on ties, then by district, year and document order. Results judged missed in sentences are
/// listed too (source `narrative`), unless a review table row of the district judges the same
/// indicator in the same year: the table wins.
pub fn missed(reports: &[Report], aliases: &AliasTable, filter: &MissedFilter) -> Vec<GapRow> {
    let mut rows = Vec::new();
    let judged_in_tables = judged_in_tables(reports, aliases);
    for report in reports {
        let district = district_of(report);
        if filter.district.as_deref().is_some_and(|query| !district_matches(query, district)) {
            continue;
        }
        let planned_binding = plan_binding(report, aliases);
        for table in report.tables.iter().filter(|t| t.kind == TableKind::Review) {
            let year = reviewed_year(report, table);
            if filter.year.is_some_and(|wanted| year != Some(wanted)) {
                continue;
            }
            for row in &table.rows {
                let inferred = match row.binding {
                    Some(_) => None,
                    None => planned_binding.get(&row_canonical(row, aliases)).copied(),
                };
                let binding = row.binding.or(inferred);
                if row.status != Some(Status::Missed) || (filter.binding_only && binding != Some(true)) {
                    continue;
                }
                let relative_gap =
                    match (row.gap, number(row.target_revised.as_deref().unwrap_or(&row.target))) {
                        (Some(gap), Some(target)) if target != 0.0 => Some(gap / target.abs()),
                        (Some(gap), Some(_)) => Some(gap),
                        _ => None,
                    };
                rows.push(GapRow {
                    district: district.to_owned(),
                    year,
                    name: row.name.to_string(),
                    canonical: row_canonical(row, aliases),
                    unit: row.unit.as_deref().map(str::to_owned),
                    target: super::revised::target_text(row),
                    actual: row.actual.as_ref().map(|v| v.raw.to_string()),
                    gap: row.gap,
                    relative_gap,
                    binding,
                    binding_inferred: inferred.is_some(),
                    source: Source::Table,
                    file: report.file.clone(),
                    line: row.line,
                    table: table.caption.clone(),
                });
            }
        }
        if filter.binding_only {
            continue;
        }
        for statement in &report.reviews {
            let canonical = aliases.canonical(&statement.name);
            let in_table = statement.year.is_some_and(|year| {
                judged_in_tables.contains(&(district.to_owned(), canonical.clone(), year))
            });
            let wanted = filter.year.is_none_or(|wanted| statement.year == Some(wanted));
            if statement.status != Some(Status::Missed) || in_table || !wanted {
                continue;
            }
            let target = statement.target.as_ref();
            let relative_gap = match (statement.gap, target.and_then(number)) {
                (Some(gap), Some(target)) if target != 0.0 => Some(gap / target.abs()),
                _ => None,
            };
            rows.push(GapRow {
                district: district.to_owned(),
                year: statement.year,
                name: statement.name.clone(),
                canonical,
                unit: statement.unit.clone(),
                target: target.map(|t| t.raw.to_string()).unwrap_or_default(),
                actual: statement.actual.as_ref().map(|v| v.raw.to_string()),
                gap: statement.gap,
                relative_gap,
                binding: None,
                binding_inferred: false,
                source: Source::Narrative,
                file: report.file.clone(),
                line: statement.line,
                table: String::new(),
            });
        }
    }
    rows.sort_by(severity_order);
    rows
}

/// `(district, canonical, year)` of every row of a review table.
fn judged_in_tables(reports: &[Report], aliases: &AliasTable) -> HashSet<(String, String, u16)> {
    let mut judged = HashSet::new();
    for report in reports {
        for table in report.tables.iter().filter(|t| t.kind == TableKind::Review) {
            let Some(year) = reviewed_year(report, table) else { continue };
            for row in &table.rows {
                judged.insert((district_of(report).to_owned(), row_canonical(row, aliases), year));
            }
        }
    }
    judged
}

/// Most severe first: the larger relative shortfall, then binding, then place.
fn severity_order(a: &GapRow, b: &GapRow) -> Ordering {
    let shortfall = |row: &GapRow| row.relative_gap.map(|g| -g);
    let by_shortfall = match (shortfall(a), shortfall(b)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_shortfall
        .then_with(|| (b.binding == Some(true)).cmp(&(a.binding == Some(true))))
        .then_with(|| a.district.cmp(&b.district))
        .then_with(|| a.year.cmp(&b.year))
        .then_with(|| a.file.cmp(&b.file))
        .then_with(|| a.line.cmp(&b.line))
}

/// Per report, in the order given: counts of met, missed and unassessed reviewed rows.
pub fn summary(reports: &[Report]) -> Vec<ReportSummary> {
    reports
        .iter()
        .map(|report| {
            let rows: Vec<_> =
                report.tables.iter().filter(|t| t.kind == TableKind::Review).flat_map(|t| &t.rows).collect();
            let count = |status: Status| rows.iter().filter(|r| r.status == Some(status)).count();
            let (met, missed) = (count(Status::Met), count(Status::Missed));
            ReportSummary {
                district: district_of(report).to_owned(),
                year: report.title.review_year,
                file: report.file.clone(),
                reviewed: rows.len(),
                met,
                missed,
                unassessed: rows.len() - met - missed,
                binding_missed: rows
                    .iter()
                    .filter(|r| r.status == Some(Status::Missed) && r.binding == Some(true))
                    .count(),
                narrative_values: report.narrative.len(),
                judged_sentences: report.reviews.len(),
                judged_missed: report.reviews.iter().filter(|s| s.status == Some(Status::Missed)).count(),
                stated: check_counts(report).first().map(short_line),
            }
        })
        .collect()
}

/// One canonical indicator across districts and years, targets and results where they exist.
pub fn compare(reports: &[Report], aliases: &AliasTable, canonical: &str) -> Comparison {
    comparison(canonical, link(reports, aliases).iter().filter(|y| y.canonical == canonical))
}

/// The comparison of `canonical` from its linked indicator-years, sorted by district and year.
pub fn comparison<'a>(canonical: &str, linked: impl IntoIterator<Item = &'a IndicatorYear>) -> Comparison {
    let records = year_records(linked);
    let mut districts: Vec<String> = records.iter().map(|r| r.district.clone()).collect();
    districts.dedup();
    let mut years: Vec<u16> = records.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    Comparison { canonical: canonical.to_owned(), districts, years, records }
}

/// One district's targets and results over the years (all indicators, or one canonical
/// indicator), by indicator then year, each with its trend since the previous result.
pub fn history(
    reports: &[Report],
    aliases: &AliasTable,
    district: &str,
    canonical: Option<&str>,
) -> Vec<YearRecord> {
    let linked: Vec<IndicatorYear> = link(reports, aliases)
        .into_iter()
        .filter(|y| y.district == district && canonical.is_none_or(|c| y.canonical == c))
        .collect();
    year_records(&linked)
}

/// Records of linked indicator-years (sorted by district, canonical, year), with trends.
fn year_records<'a>(linked: impl IntoIterator<Item = &'a IndicatorYear>) -> Vec<YearRecord> {
    let mut records = Vec::new();
    let mut previous: Option<(&str, &str, u16, f64)> = None;
    for year in linked {
        let actual = year.actual.as_ref().and_then(|a| number(&a.value));
        let (trend, trend_since) = match (previous, actual) {
            (Some((d, c, since, before)), Some(now)) if d == year.district && c == year.canonical => {
                (Some(round(now - before)), Some(since))
            }
            _ => (None, None),
        };
        if let Some(now) = actual {
            previous = Some((&year.district, &year.canonical, year.year, now));
        }
        let target = year.target();
        let place = year.actual.as_ref().or(target);
        let raw = |s: Option<&Sourced>| s.map(|s| s.value.raw.to_string());
        records.push(YearRecord {
            district: year.district.clone(),
            year: year.year,
            name: year.name.clone(),
            canonical: year.canonical.clone(),
            unit: year.unit.clone(),
            target: raw(target),
            actual: raw(year.actual.as_ref()),
            gap: year.gap,
            binding: year.binding,
            status: year.status,
            source: place.map(|s| s.source),
            file: place.map(|s| s.file.clone()),
            line: place.map(|s| s.line),
            target_source: target.map(|s| s.source),
            target_file: target.map(|s| s.file.clone()),
            target_line: target.map(|s| s.line),
            planned_target: raw(year.revised_from()),
            trend,
            trend_since,
        });
    }
    records
}

/// A difference without floating-point noise (`5.5 - 3.0` → `2.5`, not `2.4999…`).
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The canonical indicator `query` names among those the reports give: the indicator itself
/// or an alias of it, else the best prefix, substring or fuzzy match of its names. Indicators
/// with a target come first, so `地区生产总值` finds the growth target, not the level.
/// `None` when nothing matches.
pub fn resolve_indicator(reports: &[Report], aliases: &AliasTable, query: &str) -> Option<IndicatorMatch> {
    let wanted = normalize_name(query);
    if wanted.is_empty() {
        return None;
    }
    let exact = aliases.canonical(&wanted);
    let matcher = SkimMatcherV2::default();
    let mut scored: Vec<(bool, i64, String)> = Vec::new();
    for (canonical, (mut names, has_target)) in indicator_names(reports, aliases) {
        names.extend(aliases.names_of(&canonical).map(str::to_owned));
        let score = match canonical == exact {
            true => Some(i64::MAX),
            false => names.iter().filter_map(|name| name_score(name, &wanted, &matcher)).max(),
        };
        if let Some(score) = score {
            scored.push((has_target, score, canonical));
        }
    }
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.len().cmp(&b.2.len())).then(a.2.cmp(&b.2))
    });
    let mut names = scored.into_iter().map(|(_, _, canonical)| canonical);
    let canonical = names.next()?;
    Some(IndicatorMatch { exact: canonical == exact, canonical, alternatives: names.take(5).collect() })
}

/// How well `name` matches the normalised query: a prefix beats a substring beats a fuzzy
/// match, shorter names first within each.
fn name_score(name: &str, wanted: &str, matcher: &SkimMatcherV2) -> Option<i64> {
    let length = i64::try_from(name.len()).unwrap_or(i64::MAX / 8);
    if name.starts_with(wanted) {
        Some(i64::MAX / 4 - length)
    } else if name.contains(wanted) {
        Some(i64::MAX / 8 - length)
    } else {
        matcher.fuzzy_match(name, wanted)
    }
}

/// Canonical indicators of the reports with the names they are written as, and whether any
/// gives a target.
fn indicator_names(reports: &[Report], aliases: &AliasTable) -> BTreeMap<String, (Vec<String>, bool)> {
    let mut found: BTreeMap<String, (Vec<String>, bool)> = Default::default();
    for year in link(reports, aliases) {
        let entry = found.entry(year.canonical.clone()).or_default();
        let name = normalize_name(&year.name);
        if !entry.0.contains(&name) {
            entry.0.push(name);
        }
        entry.1 |= year.target().is_some_and(|t| t.value.form != ValueForm::Empty);
    }
    found
}

/// Indicator names near `query`, for a message when nothing matched: by edit distance to their
/// names as written, their aliases and their pinyin ([`suggest::nearest`]), at most `limit`;
/// empty when none is near.
pub fn close_indicators(reports: &[Report], aliases: &AliasTable, query: &str, limit: usize) -> Vec<String> {
    let known = indicator_names(reports, aliases);
    let candidates: Vec<Candidate> = known
        .iter()
        .map(|(canonical, (names, has_target))| {
            let mut all = vec![normalize_name(canonical)];
            all.extend(names.iter().cloned());
            all.extend(aliases.names_of(canonical).map(normalize_name));
            Candidate { name: canonical, names: all, preferred: *has_target }
        })
        .collect();
    suggest::nearest(&normalize_name(query), &candidates, limit).into_iter().map(str::to_owned).collect()
}

/// The districts of the reports, in name order, each once.
pub fn districts(reports: &[Report]) -> Vec<String> {
    let mut names: Vec<String> = reports.iter().map(|r| district_of(r).to_owned()).collect();
    names.sort();
    names.dedup();
    names
}

/// The year a review table reports on: its own, else its report's reviewed year.
fn reviewed_year(report: &Report, table: &IndicatorTable) -> Option<u16> {
    table.year.or(report.title.review_year)
}

/// The years for which the reports of `district` (all reports when `None`) give reviewed rows
/// (rows of a review table), ascending. A report may review a year in prose only, without a
/// review table: its year is in [`reviewed_years`], not here.
pub fn years_with_reviewed_rows(reports: &[Report], district: Option<&str>) -> Vec<u16> {
    let mut years: Vec<u16> = reports
        .iter()
        .filter(|r| district.is_none_or(|d| district_of(r) == d))
        .flat_map(|r| {
            r.tables
                .iter()
                .filter(|t| t.kind == TableKind::Review && !t.rows.is_empty())
                .filter_map(move |t| reviewed_year(r, t))
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The reviewed years of the reports of `district` (all reports when `None`), ascending.
pub fn reviewed_years(reports: &[Report], district: Option<&str>) -> Vec<u16> {
    let mut years: Vec<u16> = reports
        .iter()
        .filter(|r| district.is_none_or(|d| district_of(r) == d))
        .filter_map(|r| r.title.review_year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn status_name<S: Serializer>(status: &Option<Status>, serializer: S) -> Result<S::Ok, S::Error> {
    match status {
        Some(status) => serializer.serialize_str(status.as_str()),
        None => serializer.serialize_none(),
    }
}
