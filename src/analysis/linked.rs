//! The linked indicator-years of a growing set of reports, for looking one indicator up across
//! districts and years without a pass over every row: [`LinkIndex::add`] relinks only the
//! districts of the reports added (indicator-years of different districts never meet, see
//! [`link`]), and [`LinkIndex::compare`] gathers one canonical indicator from each district.
//!
//! ```
//! use plangap::analysis::canonical::AliasTable;
//! use plangap::analysis::linked::LinkIndex;
//! use plangap::analysis::views::compare;
//! let reports = plangap::corpus::load_embedded().reports;
//! let aliases = AliasTable::embedded();
//! let index = LinkIndex::new(&reports, &aliases);
//! assert_eq!(index.compare("地区生产总值增速"), compare(&reports, &aliases, "地区生产总值增速"));
//! ```

use super::canonical::AliasTable;
use super::link::{IndicatorYear, district_of, link};
use super::views::{Comparison, comparison};
use crate::model::Report;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Linked indicator-years by district (in name order, as [`link`] sorts them), then by canonical
/// indicator (each indicator's years in year order).
#[derive(Debug, Clone, Default)]
pub struct LinkIndex {
    districts: BTreeMap<String, DistrictYears>,
}

/// One district's reports (indices, in load order) and its indicator-years.
#[derive(Debug, Clone, Default)]
struct DistrictYears {
    reports: Vec<usize>,
    by_canonical: HashMap<String, Vec<IndicatorYear>>,
}

impl LinkIndex {
    /// The index of `reports`.
    pub fn new(reports: &[Report], aliases: &AliasTable) -> LinkIndex {
        let mut index = LinkIndex::default();
        index.add(reports, 0, aliases);
        index
    }

    /// Takes in `reports[first_new..]`, which were appended since the last call: links again the
    /// districts they belong to, and only those.
    pub fn add(&mut self, reports: &[Report], first_new: usize, aliases: &AliasTable) {
        let mut touched = BTreeSet::new();
        for (index, report) in reports.iter().enumerate().skip(first_new) {
            let district = district_of(report);
            self.districts.entry(district.to_owned()).or_default().reports.push(index);
            touched.insert(district);
        }
        for district in touched {
            let Some(entry) = self.districts.get_mut(district) else { continue };
            let own = entry.reports.iter().filter_map(|&i| reports.get(i));
            entry.by_canonical = by_canonical(link(own, aliases));
        }
    }

    /// `canonical` across districts and years, as [`crate::analysis::views::compare`] gives it.
    pub fn compare(&self, canonical: &str) -> Comparison {
        let years = self.districts.values().filter_map(|d| d.by_canonical.get(canonical)).flatten();
        comparison(canonical, years)
    }
}

/// One district's indicator-years by canonical indicator. [`link`] gives them sorted by
/// canonical name, so each name is copied once, for its first year.
fn by_canonical(years: Vec<IndicatorYear>) -> HashMap<String, Vec<IndicatorYear>> {
    let mut by_canonical: HashMap<String, Vec<IndicatorYear>> = HashMap::new();
    for year in years {
        match by_canonical.get_mut(&year.canonical) {
            Some(years) => years.push(year),
            None => {
                by_canonical.insert(year.canonical.clone(), vec![year]);
            }
        }
    }
    by_canonical
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
            assert_eq!(index.compare(canonical), expected);
            assert_eq!(whole.compare(canonical), expected);
        }
    }
}
