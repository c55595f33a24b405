//! Loading reports: the embedded sample corpus, or files and folders named by the user.
//!
//! - [`walk`]: what the named paths stand for; [`read`]: reading one file within limits.
//! - [`load`]: decoding, parsing and assessing, one file or thousands ([`load_streaming`]),
//!   on every core ([`parallel`]), through the [`cache`], with a [`progress`] bar.
//! - [`Corpus`]: what loaded, what failed, what was skipped as a duplicate.

pub mod cache;
mod load;
mod parallel;
pub mod progress;
mod read;
mod walk;

pub use cache::{Cache, Retention};
pub use load::{
    LoadOptions, Progress, digest, load_bytes, load_embedded, load_file, load_options, load_paths,
    load_paths_with, load_streaming, set_load_options,
};
pub use read::{DEFAULT_MAX_SIZE, max_size, read_report_file, set_max_size};

use crate::error::Error;
use crate::finder::ReportNames;
use crate::model::Report;
use crate::printable::printable;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The sample reports compiled into the binary: their path under the repository, and their bytes.
pub const EMBEDDED: [(&str, &[u8]); 5] = [
    (
        "examples/reports/000_fc3918ce5d000476.txt",
        include_bytes!("../../examples/reports/000_fc3918ce5d000476.txt"),
    ),
    (
        "examples/reports/001_fbb4d7b36528211a.txt",
        include_bytes!("../../examples/reports/001_fbb4d7b36528211a.txt"),
    ),
    (
        "examples/reports/002_6079ff70e2fa29a4.txt",
        include_bytes!("../../examples/reports/002_6079ff70e2fa29a4.txt"),
    ),
    (
        "examples/reports/003_8d14213320e955ad.txt",
        include_bytes!("../../examples/reports/003_8d14213320e955ad.txt"),
    ),
    (
        "examples/reports/004_e43338ecbf5997b6.txt",
        include_bytes!("../../examples/reports/004_e43338ecbf5997b6.txt"),
    ),
];

/// Reports that loaded, and the files that failed with the reason for each.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Parsed and assessed reports, in the order their files were named.
    pub reports: Vec<Report>,
    /// The content digest of each report in [`Corpus::reports`] (same order), to recognise the
    /// same file read again under another name. A corpus built without them (empty) is never
    /// deduplicated.
    pub digests: Vec<u64>,
    /// One error per file that could not be read or parsed.
    pub failures: Vec<Error>,
    /// Files skipped because their content is that of a file read before: (skipped, kept).
    pub duplicates: Vec<(String, String)>,
    /// What the finder takes out of each report of [`Corpus::reports`] (same order), taken on
    /// the thread that loaded it when [`LoadOptions::finder_names`] asks; else empty. Never
    /// partial: a corpus that would hold names for some reports only holds none.
    pub names: Vec<ReportNames>,
}

impl Corpus {
    /// Adds one file's outcome: its report with its digest and, when taken, its names for the
    /// finder; or its error.
    pub fn push(&mut self, result: Result<(u64, Report, Option<ReportNames>), Error>) {
        match result {
            Ok((digest, report, names)) => {
                match names.filter(|_| self.names.len() == self.reports.len()) {
                    Some(names) => self.names.push(names),
                    None => self.names.clear(),
                }
                self.digests.push(digest);
                self.reports.push(report);
            }
            Err(error) => self.failures.push(error),
        }
    }

    /// Adds everything of `other` after what this corpus holds.
    pub fn append(&mut self, mut other: Corpus) {
        match self.names.len() == self.reports.len() && other.names.len() == other.reports.len() {
            true => self.names.append(&mut other.names),
            false => self.names.clear(),
        }
        self.reports.append(&mut other.reports);
        self.digests.append(&mut other.digests);
        self.failures.append(&mut other.failures);
        self.duplicates.append(&mut other.duplicates);
    }

    /// Fills what the user says of files that do not say it themselves (fragments without a
    /// title): the district, the reviewed year and the plan year after it. A value a file names
    /// is never replaced; the warning that the file did not name it is kept.
    pub fn identify(&mut self, district: Option<&str>, year: Option<u16>) {
        for report in &mut self.reports {
            let title = &mut report.title;
            if title.district.is_none() {
                title.district = district.map(str::to_owned);
            }
            if year.is_some() {
                title.review_year = title.review_year.or(year);
                title.plan_year = title.plan_year.or(title.review_year.map(|y| y + 1));
            }
        }
    }

    /// One sentence on the duplicates skipped, if any, for stderr or the status line.
    pub fn duplicates_note(&self) -> Option<String> {
        let (skipped, kept) = self.duplicates.first()?;
        let others = match self.duplicates.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        Some(
            printable(&format!(
                "skipped {} file(s) with the same content as one already read ({skipped} is {kept}{others})",
                self.duplicates.len()
            ))
            .into_owned(),
        )
    }

    /// Keeps the first report of each content, in order, moving later ones to
    /// [`Corpus::duplicates`]; `seen` holds the digests of reports loaded before (by the
    /// workbench) with their files, and gains this corpus's.
    pub fn deduplicate(&mut self, seen: &mut HashMap<u64, String>) {
        if self.digests.len() != self.reports.len() {
            return;
        }
        // Decided first, then kept in place: a corpus of thousands is not moved to new lists.
        let keep: Vec<bool> = (self.reports.iter().zip(&self.digests))
            .map(|(report, digest)| match seen.entry(*digest) {
                Entry::Occupied(kept) => {
                    self.duplicates.push((report.file.clone(), kept.get().clone()));
                    false
                }
                Entry::Vacant(slot) => {
                    slot.insert(report.file.clone());
                    true
                }
            })
            .collect();
        let mut kept = keep.iter();
        self.reports.retain(|_| kept.next().copied().unwrap_or(true));
        let mut kept = keep.iter();
        self.digests.retain(|_| kept.next().copied().unwrap_or(true));
        match self.names.len() == keep.len() {
            true => {
                let mut kept = keep.iter();
                self.names.retain(|_| kept.next().copied().unwrap_or(true));
            }
            false => self.names.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(i: usize, names: bool) -> Result<(u64, Report, Option<ReportNames>), Error> {
        let report = Report { file: format!("{i}.txt"), ..Report::default() };
        let taken = names.then(|| ReportNames::of(&report));
        Ok((i as u64 % 3, report, taken))
    }

    #[test]
    fn names_stay_one_per_report_or_none() {
        let mut corpus = Corpus::default();
        (0..5).for_each(|i| corpus.push(loaded(i, true)));
        assert_eq!(corpus.names.len(), 5);
        corpus.deduplicate(&mut HashMap::new());
        assert_eq!((corpus.reports.len(), corpus.names.len()), (3, 3), "duplicates drop their names");
        let mut more = Corpus::default();
        more.push(loaded(7, true));
        corpus.append(more);
        assert_eq!(corpus.names.len(), corpus.reports.len());
        let mut without = Corpus::default();
        without.push(loaded(8, false));
        corpus.append(without);
        assert!(corpus.names.is_empty(), "a report without names: none are kept");
        corpus.push(loaded(9, true));
        assert!(corpus.names.is_empty(), "names pushed after a gap are not kept");
    }
}
