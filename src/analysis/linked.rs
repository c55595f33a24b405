//! The indicators of a growing set of reports, for looking one up across districts and years
//! without a pass over every row: [`LinkIndex::add`] notes where each canonical indicator occurs
//! in the reports added (each name's canonical worked out once for all reports), and
//! [`LinkIndex::compare`] links those places alone ([`link_occurrences`]): indicator-years of
//! different indicators never meet, so adding reports costs no linking, and a comparison costs
//! the rows and sentences of its indicator.
//!
//! ```
//! use plangap::analysis::canonical::AliasTable;
//! use plangap::analysis::linked::LinkIndex;
//! use plangap::analysis::views::compare;
//! let reports = plangap::corpus::load_embedded().reports;
//! let aliases = AliasTable::embedded();
//! let index = LinkIndex::new(&reports, &aliases);
//! let expected = compare(&reports, &aliases, "地区生产总值增速");
//! assert_eq!(index.compare(&reports, &aliases, "地区生产总值增速"), expected);
//! ```

use super::canonical::AliasTable;
use super::link::{Occurrence, link_occurrences, reading_of};
use super::views::{Comparison, comparison};
use crate::hashing::ByName;
use crate::model::{IndicatorRow, Report};
use std::sync::Arc;

/// Where each canonical indicator occurs in the reports added, in report order, and the
/// canonical names worked out so far.
#[derive(Debug, Clone, Default)]
pub struct LinkIndex {
    /// Per canonical indicator: (index of the report, where in it), in the order [`link`]
    /// meets them.
    ///
    /// [`link`]: super::link::link
    occurrences: ByName<Arc<str>, Vec<(usize, Occurrence)>>,
    /// A row's canonical name by its name, then by its unit and value reading
    /// ([`crate::analysis::link::row_canonical`]).
    rows: ByName<String, Vec<RowCanonical>>,
    /// A sentence's canonical name by the indicator's name.
    names: ByName<String, Arc<str>>,
    /// How many reports were added.
    reports: usize,
}

/// The canonical name of rows of one name with this unit and value reading.
#[derive(Debug, Clone)]
struct RowCanonical {
    unit: Option<String>,
    reading: Option<&'static str>,
    canonical: Arc<str>,
}

impl LinkIndex {
    /// The index of `reports`.
    pub fn new(reports: &[Report], aliases: &AliasTable) -> LinkIndex {
        let mut index = LinkIndex::default();
        index.add(reports, 0, aliases);
        index
    }

    /// Takes in `reports[first_new..]`, which were appended since the last call: notes where
    /// their rows and sentences are under their canonical indicators.
    pub fn add(&mut self, reports: &[Report], first_new: usize, aliases: &AliasTable) {
        for (r, report) in reports.iter().enumerate().skip(first_new) {
            for (t, table) in report.tables.iter().enumerate() {
                for (n, row) in table.rows.iter().enumerate() {
                    let canonical = self.row_canonical(row, aliases);
                    let at = Occurrence::Row { table: index_u32(t), row: index_u32(n) };
                    self.occurrences.entry(canonical).or_default().push((r, at));
                }
            }
            for (n, stated) in report.narrative.iter().enumerate() {
                let canonical = self.name_canonical(&stated.name, aliases);
                self.occurrences.entry(canonical).or_default().push((r, Occurrence::Stated(index_u32(n))));
            }
            for (n, statement) in report.reviews.iter().enumerate() {
                let canonical = self.name_canonical(&statement.name, aliases);
                self.occurrences.entry(canonical).or_default().push((r, Occurrence::Review(index_u32(n))));
            }
        }
        self.reports = self.reports.max(reports.len());
    }

    /// `canonical` across districts and years in `reports` (those the index was given), as
    /// [`crate::analysis::views::compare`] gives it.
    pub fn compare(&self, reports: &[Report], aliases: &AliasTable, canonical: &str) -> Comparison {
        let occurrences = self.occurrences.get(canonical).map_or(&[][..], Vec::as_slice);
        let linked = link_occurrences(reports, occurrences, aliases);
        comparison(canonical, linked.iter().filter(|year| year.canonical == canonical))
    }

    /// The canonical name of `row` ([`crate::analysis::link::row_canonical`]), worked out once
    /// per name, unit and value reading.
    fn row_canonical(&mut self, row: &IndicatorRow, aliases: &AliasTable) -> Arc<str> {
        let (unit, reading) = (row.unit.as_deref(), reading_of(row));
        let known = self
            .rows
            .get(&*row.name)
            .and_then(|seen| seen.iter().find(|c| c.unit.as_deref() == unit && c.reading == reading));
        if let Some(known) = known {
            return Arc::clone(&known.canonical);
        }
        let canonical: Arc<str> = Arc::from(aliases.canonical_for_reading(&row.name, unit, reading));
        let unit = unit.map(str::to_owned);
        let seen = RowCanonical { unit, reading, canonical: Arc::clone(&canonical) };
        self.rows.entry(row.name.to_string()).or_default().push(seen);
        canonical
    }

    /// The canonical name of the indicator a sentence names, worked out once per name.
    fn name_canonical(&mut self, name: &str, aliases: &AliasTable) -> Arc<str> {
        if let Some(known) = self.names.get(name) {
            return Arc::clone(known);
        }
        let canonical: Arc<str> = Arc::from(aliases.canonical(name));
        self.names.insert(name.to_owned(), Arc::clone(&canonical));
        canonical
    }
}

/// An index into a report's tables, rows or sentences (or into the reports, their projects, a
/// list of names), which never number four billion.
pub(crate) fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_added_one_at_a_time_link_as_all_at_once() {
        let reports = crate::corpus::load_embedded().reports;
        let aliases = AliasTable::embedded();
        let mut index = LinkIndex::default();
        for count in 1..=reports.len() {
            index.add(&reports[..count], count - 1, &aliases);
        }
        let whole = LinkIndex::new(&reports, &aliases);
        for canonical in ["地区生产总值增速", "森林覆盖率", "一般公共预算收入增速"] {
            let expected = crate::analysis::views::compare(&reports, &aliases, canonical);
            assert!(!expected.records.is_empty(), "{canonical} is in the samples");
            assert_eq!(index.compare(&reports, &aliases, canonical), expected);
            assert_eq!(whole.compare(&reports, &aliases, canonical), expected);
        }
    }
}
