//! What the finder's index takes out of one report ([`ReportNames`]): its projects and indicator
//! names, each name once, owned, so that the index can be built on another thread while the
//! reports stay where they are.
//!
//! The workbench takes them out on the thread that loaded the report, right after reading it
//! (its names are then still in that core's cache), and hands them with the report
//! ([`crate::corpus::Corpus::names`]); the event loop only adds them to its
//! [`super::IndexSource`].

use crate::analysis::linked::index_u32;
use crate::canonical::row_reading;
use crate::hashing::NameSet;
use crate::model::{IndicatorRow, Report};
use std::sync::Arc;

/// One report's projects (each name once, first occurrence) and indicators (each name once,
/// first row), with their names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportNames {
    /// The projects and rows, in the order of the index: projects first.
    pub(super) entries: Vec<Taken>,
    /// The name of each entry.
    pub(super) names: NameList,
    /// The indicators among them, for their other names ([`super::IndexSource::build`]).
    pub(super) rows: Vec<RowName>,
    /// How many projects and indicator rows the report had, to tell the report the names were
    /// taken from ([`ReportNames::fits`]).
    counts: (usize, usize),
}

impl ReportNames {
    /// What the index takes out of `report`.
    pub fn of(report: &Report) -> ReportNames {
        let indicators = || {
            report
                .tables
                .iter()
                .enumerate()
                .flat_map(|(t, table)| table.rows.iter().enumerate().map(move |(n, row)| (t, n, row)))
        };
        let rows = indicators().count();
        // Lengths only: a project's name is a span, whose length is read without its text.
        let bytes: usize = report.projects.iter().map(|p| p.name.len()).sum::<usize>()
            + indicators().map(|(.., row)| row.name.len()).sum::<usize>();
        let most = report.projects.len() + rows;
        let mut taken = ReportNames {
            entries: Vec::with_capacity(most),
            names: NameList::with_capacity(most, bytes),
            rows: Vec::with_capacity(rows),
            counts: (report.projects.len(), rows),
        };
        // Room for every name at once: growing rehashes (hashes again) every name held.
        let mut seen =
            NameSet::<&str>::with_capacity_and_hasher(report.projects.len().max(rows), Default::default());
        for (p, project) in report.projects.iter().enumerate() {
            if seen.insert(&*project.name) {
                taken.entries.push(Taken::Project { project: index_u32(p) });
                taken.names.push(&project.name);
            }
        }
        seen.clear();
        for (t, n, row) in indicators() {
            if seen.insert(&*row.name) {
                taken.entries.push(Taken::Indicator { table: index_u32(t), row: index_u32(n) });
                taken.rows.push(RowName::of(row, taken.names.len()));
                taken.names.push(&row.name);
            }
        }
        taken
    }

    /// Whether these are the names of `report`: taken from a report with as many projects and
    /// rows (names handed with a report are checked before they are used for it).
    pub fn fits(&self, report: &Report) -> bool {
        let rows = report.tables.iter().map(|t| t.rows.len()).sum();
        self.counts == (report.projects.len(), rows)
    }
}

/// A project's or an indicator's [`super::Entry`] within its report, in 12 bytes (an `Entry`,
/// which may hold a place's name and reports, takes 48): a corpus names hundreds of thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Taken {
    /// [`super::Entry::Project`].
    Project { project: u32 },
    /// [`super::Entry::Indicator`].
    Indicator { table: u32, row: u32 },
}

impl Taken {
    /// The entry, in report `report`.
    pub(super) fn entry(self, report: usize) -> super::Entry {
        match self {
            Taken::Project { project } => super::Entry::Project { report, project: project as usize },
            Taken::Indicator { table, row } => {
                super::Entry::Indicator { report, table: table as usize, row: row as usize }
            }
        }
    }
}

/// Names one after the other in one text, so that taking them out of a report allocates nothing
/// per name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct NameList {
    text: String,
    /// Where each name ends in `text` (a report's names are far less than 4 GiB).
    ends: Vec<u32>,
}

impl NameList {
    /// An empty list with room for `names` names of `bytes` bytes in all.
    fn with_capacity(names: usize, bytes: usize) -> NameList {
        NameList { text: String::with_capacity(bytes), ends: Vec::with_capacity(names) }
    }

    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(index_u32(self.text.len()));
    }

    /// How many names the list holds.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Name `i`; empty when out of range.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|before| self.ends.get(before)).map_or(0, |&end| end as usize);
        self.ends.get(i).and_then(|&end| self.text.get(start..end as usize)).unwrap_or("")
    }
}

/// An indicator's name in [`ReportNames::names`], with what its canonical name depends on
/// besides the name ([`crate::canonical::AliasTable::canonical_for_reading`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RowName {
    /// The index of its name.
    pub(super) name: usize,
    /// The row's unit (the report's shared copy).
    pub(super) unit: Option<Arc<str>>,
    /// How its values read ([`row_reading`]).
    pub(super) reading: Option<&'static str>,
}

impl RowName {
    /// The row `row`, whose name is `names[name]`.
    fn of(row: &IndicatorRow, name: usize) -> RowName {
        let reading = match &row.actual {
            Some(actual) => row_reading(&[&row.target, actual]),
            None => row_reading(&[&row.target]),
        };
        RowName { name, unit: row.unit.clone(), reading }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded samples, loaded.
    fn samples() -> Vec<Report> {
        crate::corpus::load_embedded().reports
    }

    fn sample() -> Report {
        samples().swap_remove(0)
    }

    #[test]
    fn names_are_taken_once_per_report_projects_first() {
        let report = sample();
        let taken = ReportNames::of(&report);
        assert_eq!(taken.entries.len(), taken.names.len());
        let projects = taken.entries.iter().take_while(|e| matches!(e, Taken::Project { .. })).count();
        assert!(projects > 0 && projects < taken.entries.len(), "projects, then indicators");
        let names: Vec<&str> = (0..taken.names.len()).map(|i| taken.names.get(i)).collect();
        let unique: std::collections::HashSet<&str> = names[..projects].iter().copied().collect();
        assert_eq!(unique.len(), projects, "each project name once");
        let Taken::Project { project } = taken.entries[0] else { panic!("a project first") };
        assert_eq!(names[0], &*report.projects[project as usize].name);
        assert_eq!(taken.rows.len(), taken.entries.len() - projects, "every indicator has its row");
    }

    #[test]
    fn a_source_given_the_names_is_the_source_that_takes_them_out() {
        let reports = samples();
        let aliases = crate::canonical::AliasTable::embedded();
        let whole = super::super::IndexSource::new(&reports, Some(&aliases));
        let mut given = super::super::IndexSource::new(&reports[..1], Some(&aliases));
        // The third report's names handed for the second: they do not fit, and are taken again.
        let names = vec![ReportNames::of(&reports[2]), ReportNames::of(&reports[2])];
        assert!(!names[0].fits(&reports[1]));
        given.add_taken(&reports[..3], names);
        // Fewer names than new reports: the rest are taken out by the source.
        given.add_taken(&reports, vec![ReportNames::of(&reports[3])]);
        assert_eq!(given, whole);
    }

    #[test]
    fn names_fit_only_a_report_of_the_same_shape() {
        let report = sample();
        let taken = ReportNames::of(&report);
        assert!(taken.fits(&report));
        let mut fewer = report.clone();
        fewer.projects.pop();
        assert!(!taken.fits(&fewer));
        let mut no_rows = report;
        no_rows.tables.clear();
        assert!(!taken.fits(&no_rows));
    }
}
