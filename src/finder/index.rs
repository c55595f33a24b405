//! The corpus index: every project (deduplicated per report), indicator name and place of the
//! loaded reports, searchable together or by scope, each pointing back into the reports.

use super::candidates::{Candidates, Match};
use super::query::{Query, Scope};
use super::searcher::Source;
use super::taken::ReportNames;
use crate::canonical::{AliasTable, normalize_name};
use crate::hashing::ByName;
use crate::model::{Project, Report};
use std::borrow::Cow;
use std::collections::HashMap;

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
/// owned, so that the slow part (the other names of indicators, and preparing every name for
/// fuzzy and pinyin search, [`IndexSource::build`]) can run on another thread while the reports
/// stay where they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexSource {
    /// What was taken out of each report held, in order.
    taken: Vec<ReportNames>,
    /// Each district and city, with the reports whose title names it.
    places: Vec<(String, Vec<usize>)>,
    /// Where each of [`IndexSource::places`] is, by name.
    place_at: ByName<String, usize>,
    aliases: Option<AliasTable>,
    reports: usize,
}

impl IndexSource {
    /// The entries of `reports` (see [`FinderIndex::new`]), indicators with the other names
    /// `aliases` gives them when given. Only names are copied here; the aliases are looked up
    /// by [`IndexSource::build`].
    pub fn new(reports: &[Report], aliases: Option<&AliasTable>) -> IndexSource {
        let mut source = IndexSource {
            taken: Vec::new(),
            places: Vec::new(),
            place_at: ByName::default(),
            aliases: aliases.cloned(),
            reports: 0,
        };
        source.add(reports);
        source
    }

    /// Adds the reports of `reports` that the source does not hold yet (those past the first
    /// [`IndexSource::reports`]), so that a list that grows batch by batch is taken out batch by
    /// batch, as it comes, and not all at once when it is complete.
    pub fn add(&mut self, reports: &[Report]) {
        self.add_taken(reports, Vec::new());
    }

    /// [`IndexSource::add`], with what was taken out of the new reports where they were loaded
    /// ([`ReportNames::of`], one per new report, in order): a new report without its names, or
    /// with names that do not fit it ([`ReportNames::fits`]), is taken out here.
    pub fn add_taken(&mut self, reports: &[Report], taken: Vec<ReportNames>) {
        let first = self.reports;
        let Some(new) = reports.get(first..) else { return };
        let mut taken = taken.into_iter();
        self.taken.reserve(new.len());
        for (r, report) in new.iter().enumerate().map(|(i, report)| (first + i, report)) {
            let names = taken.next().filter(|names| names.fits(report));
            self.taken.push(names.unwrap_or_else(|| ReportNames::of(report)));
            for name in [&report.title.district, &report.title.city].into_iter().flatten() {
                match self.place_at.get(name.as_str()) {
                    Some(&at) => self.places[at].1.push(r),
                    None => {
                        self.place_at.insert(name.clone(), self.places.len());
                        self.places.push((name.clone(), vec![r]));
                    }
                }
            }
        }
        self.reports = reports.len();
    }

    /// How many reports the source holds (the first that many of the list given to
    /// [`IndexSource::add`]).
    pub fn reports(&self) -> usize {
        self.reports
    }

    /// Whether the source gives indicators the other names of `aliases` (the same table).
    pub fn uses(&self, aliases: Option<&AliasTable>) -> bool {
        self.aliases.as_ref() == aliases
    }

    /// The index: every name prepared for search (folded forms, pinyin readings of places).
    pub fn build(self) -> FinderIndex {
        let IndexSource { taken, places, aliases, reports, .. } = self;
        let renamed = aliases.as_ref().map(|aliases| other_names(&taken, aliases)).unwrap_or_default();
        let names = taken.iter().enumerate().flat_map(|(r, report)| {
            let renamed = &renamed;
            (0..report.names.len())
                .map(move |i| renamed.get(&(r, i)).map_or(report.names.get(i), String::as_str))
        });
        let candidates = Candidates::new(names.chain(places.iter().map(|(name, _)| name.as_str())));
        let places = places.into_iter().map(|(name, reports)| Entry::Place { name, reports });
        let entries =
            taken.iter().enumerate().flat_map(|(r, report)| report.entries.iter().map(move |e| e.entry(r)));
        let entries: Vec<Entry> = entries.chain(places).collect();
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

/// What an indicator's other names depend on: its name, unit and reading (`taken::RowName`).
type RowKey<'a> = (&'a str, Option<&'a str>, Option<&'static str>);

/// The indicator names of the reports that gain the other names of their canonical indicator
/// ([`with_other_names`]), by report and index in its names; each name, unit and reading is
/// worked out once.
fn other_names(taken: &[ReportNames], aliases: &AliasTable) -> ByName<(usize, usize), String> {
    let lists = aliases.aliases_by_canonical();
    // By name, unit and reading: the name with the other names, or `None` when it has none.
    let mut known: ByName<RowKey<'_>, Option<String>> = ByName::default();
    let mut renamed = ByName::default();
    let rows =
        taken.iter().enumerate().flat_map(|(r, report)| report.rows.iter().map(move |row| (r, report, row)));
    for (r, report, row) in rows {
        let (name, unit) = (report.names.get(row.name), row.unit.as_deref());
        let named = known.entry((name, unit, row.reading)).or_insert_with(|| {
            match with_other_names(name, unit, row.reading, aliases, &lists) {
                Cow::Owned(named) => Some(named),
                Cow::Borrowed(_) => None,
            }
        });
        if let Some(named) = named {
            renamed.insert((r, row.name), named.clone());
        }
    }
    renamed
}

/// An indicator's name followed by the other names of its canonical indicator, when it has any
/// (`GDP增速（地区生产总值增速、经济增速）`).
fn with_other_names<'a>(
    name: &'a str,
    unit: Option<&str>,
    reading: Option<&'static str>,
    aliases: &AliasTable,
    lists: &HashMap<&str, Vec<&str>>,
) -> Cow<'a, str> {
    let canonical = aliases.canonical_for_reading(name, unit, reading);
    let own = normalize_name(name);
    let others: Vec<&str> = std::iter::once(canonical.as_str())
        .chain(lists.get(canonical.as_str()).into_iter().flatten().copied())
        .filter(|other| *other != own)
        .collect();
    match others.is_empty() {
        true => Cow::Borrowed(name),
        false => Cow::Owned(format!("{name}（{}）", others.join("、"))),
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
