//! The corpus index: every project (deduplicated per report), indicator name and place of the
//! loaded reports, searchable together or by scope, each pointing back into the reports.

use super::candidates::{Candidates, Match};
use super::query::{Query, Scope};
use super::searcher::Source;
use crate::canonical::{AliasTable, normalize_name};
use crate::model::{IndicatorRow, Project, Report, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// What an index entry stands for. Indices point into the `&[Report]` the index was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `reports[report].projects[project]`: the first project of that name in the report.
    Project {
        /// Index of the report.
        report: usize,
        /// Index of the project in the report.
        project: usize,
    },
    /// `reports[report].tables[table].rows[row]`: the first row of that indicator name.
    Indicator {
        /// Index of the report.
        report: usize,
        /// Index of the table in the report.
        table: usize,
        /// Index of the row in the table.
        row: usize,
    },
    /// A district or city named in the title blocks.
    Place {
        /// The name as written (`綦江区`, `重庆市`).
        name: String,
        /// The reports whose title names it.
        reports: Vec<usize>,
    },
}

impl Entry {
    /// The scope that covers this entry.
    pub fn scope(&self) -> Scope {
        match self {
            Entry::Project { .. } => Scope::Projects,
            Entry::Indicator { .. } => Scope::Indicators,
            Entry::Place { .. } => Scope::Places,
        }
    }
}

/// Projects, indicator names and places of a corpus, prepared for fuzzy and pinyin search.
pub struct FinderIndex {
    entries: Vec<Entry>,
    candidates: Candidates,
    projects: Vec<usize>,
    indicators: Vec<usize>,
    places: Vec<usize>,
    reports: usize,
}

impl std::fmt::Debug for FinderIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FinderIndex")
            .field("entries", &self.entries.len())
            .field("reports", &self.reports)
            .finish()
    }
}

/// What an index is made of, taken out of the reports: its entries and their searchable names,
/// owned, so that the slow part (preparing every name for fuzzy and pinyin search,
/// [`IndexSource::build`]) can run on another thread while the reports stay where they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexSource {
    entries: Vec<Entry>,
    names: Vec<String>,
    reports: usize,
}

impl IndexSource {
    /// The entries of `reports` (see [`FinderIndex::new`]), indicators with the other names
    /// `aliases` gives them when given.
    pub fn new(reports: &[Report], aliases: Option<&AliasTable>) -> IndexSource {
        let alias_lists = aliases.map(AliasTable::aliases_by_canonical).unwrap_or_default();
        let mut entries = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (r, report) in reports.iter().enumerate() {
            let mut seen = HashSet::new();
            for (p, project) in report.projects.iter().enumerate() {
                if seen.insert(project.name.as_str()) {
                    entries.push(Entry::Project { report: r, project: p });
                    names.push(project.name.clone());
                }
            }
            let mut seen = HashSet::new();
            for (t, table) in report.tables.iter().enumerate() {
                for (row, indicator) in table.rows.iter().enumerate() {
                    if seen.insert(indicator.name.as_str()) {
                        entries.push(Entry::Indicator { report: r, table: t, row });
                        names.push(match aliases {
                            Some(aliases) => with_other_names(indicator, aliases, &alias_lists).into_owned(),
                            None => indicator.name.clone(),
                        });
                    }
                }
            }
        }
        let mut places: Vec<(String, Vec<usize>)> = Vec::new();
        for (r, report) in reports.iter().enumerate() {
            for name in [&report.title.district, &report.title.city].into_iter().flatten() {
                match places.iter_mut().find(|(known, _)| known == name) {
                    Some((_, found_in)) => found_in.push(r),
                    None => places.push((name.clone(), vec![r])),
                }
            }
        }
        names.extend(places.iter().map(|(name, _)| name.clone()));
        entries.extend(places.into_iter().map(|(name, reports)| Entry::Place { name, reports }));
        IndexSource { entries, names, reports: reports.len() }
    }

    /// The index: every name prepared for search (folded forms, pinyin readings of places).
    pub fn build(self) -> FinderIndex {
        let IndexSource { entries, names, reports } = self;
        let candidates = Candidates::new(names);
        let in_scope =
            |scope| entries.iter().enumerate().filter(|(_, e)| e.scope() == scope).map(|(i, _)| i).collect();
        FinderIndex {
            projects: in_scope(Scope::Projects),
            indicators: in_scope(Scope::Indicators),
            places: in_scope(Scope::Places),
            entries,
            candidates,
            reports,
        }
    }
}

impl FinderIndex {
    /// Indexes `reports`: per report its projects then its indicator names (each name once per
    /// report, first occurrence), then every district and city once.
    pub fn new(reports: &[Report]) -> FinderIndex {
        FinderIndex::build(reports, None)
    }

    /// Like [`FinderIndex::new`], and an indicator is found by the other names `aliases` gives
    /// it too (`gdp` finds 地区生产总值增速 through `GDP增速`), the same table `compare` reads:
    /// they follow its name in brackets (`地区生产总值增速（GDP增速、经济增速）`).
    pub fn with_aliases(reports: &[Report], aliases: &AliasTable) -> FinderIndex {
        FinderIndex::build(reports, Some(aliases))
    }

    fn build(reports: &[Report], aliases: Option<&AliasTable>) -> FinderIndex {
        IndexSource::new(reports, aliases).build()
    }

    /// How many reports the index was built from (the first that many of the list).
    pub fn reports(&self) -> usize {
        self.reports
    }

    /// Every entry; a [`Match::candidate`] is an index into this.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a match points to.
    pub fn entry(&self, candidate: usize) -> Option<&Entry> {
        self.entries.get(candidate)
    }

    /// The searchable name of an entry, as written.
    pub fn text(&self, candidate: usize) -> &str {
        self.candidates.text(candidate)
    }

    /// The matches of `query` within its scope, best first (see [`Candidates::search`]).
    pub fn search(&self, query: &Query) -> Vec<Match> {
        self.candidates.search(query, self.scope_pool(query.scope()))
    }

    /// The matches of `query` among the entries in `pool` (e.g. projects of one district), best
    /// first; the query's scope is not used.
    pub fn search_in(&self, query: &Query, pool: &[usize]) -> Vec<Match> {
        self.candidates.search(query, Some(pool))
    }

    /// The matched characters of an entry's name (character indices, for highlighting).
    pub fn positions(&self, query: &Query, candidate: usize) -> Vec<usize> {
        self.candidates.positions(query, candidate)
    }

    /// The report and project an entry points to, when it is a project.
    pub fn project<'r>(&self, reports: &'r [Report], candidate: usize) -> Option<(&'r Report, &'r Project)> {
        match self.entries.get(candidate)? {
            Entry::Project { report, project } => {
                let report = reports.get(*report)?;
                Some((report, report.projects.get(*project)?))
            }
            _ => None,
        }
    }
}

impl Source for FinderIndex {
    fn candidates(&self) -> &Candidates {
        &self.candidates
    }

    fn scope_pool(&self, scope: Scope) -> Option<&[usize]> {
        match scope {
            Scope::All => None,
            Scope::Projects => Some(&self.projects),
            Scope::Indicators => Some(&self.indicators),
            Scope::Places => Some(&self.places),
        }
    }
}

/// An indicator's name followed by the other names of its canonical indicator, when it has any
/// (`GDP增速（地区生产总值增速、经济增速）`).
fn with_other_names<'a>(
    row: &'a IndicatorRow,
    aliases: &AliasTable,
    lists: &HashMap<&str, Vec<&str>>,
) -> Cow<'a, str> {
    let values: Vec<&Value> = std::iter::once(&row.target).chain(row.actual.as_ref()).collect();
    let canonical = aliases.canonical_for_row(&row.name, row.unit.as_deref(), &values);
    let own = normalize_name(&row.name);
    let others: Vec<&str> = std::iter::once(canonical.as_str())
        .chain(lists.get(canonical.as_str()).into_iter().flatten().copied())
        .filter(|name| *name != own)
        .collect();
    match others.is_empty() {
        true => Cow::Borrowed(&row.name),
        false => Cow::Owned(format!("{}（{}）", row.name, others.join("、"))),
    }
}

/// The year a project is listed for: the first year written in its box caption
/// (`专栏1：2022年完工投产重大项目` → 2022), else the report's plan year.
pub fn project_year(report: &Report, project: &Project) -> Option<u16> {
    let chars: Vec<char> = project.table.chars().collect();
    chars
        .windows(5)
        .find(|w| w[4] == '年' && w[..4].iter().all(char::is_ascii_digit))
        .and_then(|w| w[..4].iter().collect::<String>().parse().ok())
        .or(report.title.plan_year)
}
