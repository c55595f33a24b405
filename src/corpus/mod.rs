//! Loading reports: the embedded sample corpus, or files and folders named by the user.

mod read;
mod walk;

pub use read::{DEFAULT_MAX_SIZE, max_size, read_report_file, set_max_size};

use crate::document::Document;
use crate::error::Error;
use crate::model::{Report, Warning, WarningKind};
use crate::printable::printable;
use crate::{analysis, ingest, parse};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

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
}

impl Corpus {
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
        let reports = std::mem::take(&mut self.reports);
        let digests = std::mem::take(&mut self.digests);
        for (report, digest) in reports.into_iter().zip(digests) {
            match seen.get(&digest) {
                Some(kept) => self.duplicates.push((report.file, kept.clone())),
                None => {
                    seen.insert(digest, report.file.clone());
                    self.reports.push(report);
                    self.digests.push(digest);
                }
            }
        }
    }
}

/// A digest of a file's bytes, to recognise the same content under another name.
pub fn digest(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Decodes, parses and assesses one file's bytes. `file` names it in the report and in errors.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Report, Error> {
    let decoded = ingest::decode(file, bytes)?;
    let mut report = parse::parse_document(file, &decoded)?;
    let replaced = (decoded.replaced > 0).then(|| replacement_warning(&decoded));
    report.warnings.splice(0..0, replaced.into_iter().chain(decoded.warnings));
    analysis::assess_report(&mut report);
    Ok(report)
}

/// The warning for undecodable bytes, at the first line that shows a replacement character.
fn replacement_warning(decoded: &Document) -> Warning {
    let line =
        decoded.text.split('\n').position(|l| l.contains(char::REPLACEMENT_CHARACTER)).map_or(1, |i| i + 1);
    Warning::new(line, WarningKind::InvalidBytes { count: decoded.replaced, encoding: decoded.encoding })
}

/// Loads the embedded sample corpus.
pub fn load_embedded() -> Corpus {
    collect(EMBEDDED.par_iter().map(|(file, bytes)| Ok((digest(bytes), load_bytes(file, bytes)?))).collect())
}

/// Loads the named files; a folder stands for the files under it, in name order, sub-folders
/// included (hidden files and folders are skipped, and a folder reached twice through links is
/// read once). A file whose content was read before, under any name, is skipped and listed in
/// [`Corpus::duplicates`]. With no paths, loads the embedded corpus.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        return load_embedded();
    }
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if let Err(error) = walk::expand(path, &mut files) {
            failures.push(error);
        }
    }
    let mut corpus = collect(files.par_iter().map(|path| load_file_digest(path)).collect());
    failures.append(&mut corpus.failures);
    corpus.failures = failures;
    corpus.deduplicate(&mut HashMap::new());
    corpus
}

/// Reads and loads one file from disk (see [`read_report_file`]).
pub fn load_file(path: &Path) -> Result<Report, Error> {
    load_file_digest(path).map(|(_, report)| report)
}

/// [`load_file`] with the digest of the file's bytes.
fn load_file_digest(path: &Path) -> Result<(u64, Report), Error> {
    let bytes = read_report_file(path, max_size())?;
    Ok((digest(&bytes), load_bytes(&path.display().to_string(), &bytes)?))
}

fn collect(results: Vec<Result<(u64, Report), Error>>) -> Corpus {
    let mut corpus = Corpus::default();
    for result in results {
        match result {
            Ok((digest, report)) => {
                corpus.digests.push(digest);
                corpus.reports.push(report);
            }
            Err(error) => corpus.failures.push(error),
        }
    }
    corpus
}
