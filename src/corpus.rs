//! Loading reports: the embedded sample corpus, or files and folders named by the user.

use crate::document::Document;
use crate::error::Error;
use crate::model::{Report, Warning};
use crate::{analysis, ingest, parse};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The sample reports compiled into the binary: their path under the repository, and their bytes.
pub const EMBEDDED: [(&str, &[u8]); 5] = [
    (
        "examples/reports/000_fc3918ce5d000476.txt",
        include_bytes!("../examples/reports/000_fc3918ce5d000476.txt"),
    ),
    (
        "examples/reports/001_fbb4d7b36528211a.txt",
        include_bytes!("../examples/reports/001_fbb4d7b36528211a.txt"),
    ),
    (
        "examples/reports/002_6079ff70e2fa29a4.txt",
        include_bytes!("../examples/reports/002_6079ff70e2fa29a4.txt"),
    ),
    (
        "examples/reports/003_8d14213320e955ad.txt",
        include_bytes!("../examples/reports/003_8d14213320e955ad.txt"),
    ),
    (
        "examples/reports/004_e43338ecbf5997b6.txt",
        include_bytes!("../examples/reports/004_e43338ecbf5997b6.txt"),
    ),
];

/// Reports that loaded, and the files that failed with the reason for each.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Parsed and assessed reports, in the order their files were named.
    pub reports: Vec<Report>,
    /// One error per file that could not be read or parsed.
    pub failures: Vec<Error>,
}

/// Decodes, parses and assesses one file's bytes. `file` names it in the report and in errors.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Report, Error> {
    let decoded = ingest::decode(file, bytes)?;
    let mut report = parse::parse_document(file, &decoded)?;
    report.warnings.splice(0..0, decoded.warnings.iter().cloned());
    if decoded.replaced > 0 {
        report.warnings.insert(0, replacement_warning(&decoded));
    }
    analysis::assess_report(&mut report);
    Ok(report)
}

/// The warning for undecodable bytes, at the first line that shows a replacement character.
fn replacement_warning(decoded: &Document) -> Warning {
    let line =
        decoded.text.split('\n').position(|l| l.contains(char::REPLACEMENT_CHARACTER)).map_or(1, |i| i + 1);
    Warning {
        line,
        message: format!(
            "{} byte sequence(s) are not valid {} and were replaced with �; the file may be cut off \
             or damaged: check the source, or save it again as text",
            decoded.replaced, decoded.encoding
        ),
    }
}

/// Loads the embedded sample corpus.
pub fn load_embedded() -> Corpus {
    collect(EMBEDDED.par_iter().map(|(file, bytes)| load_bytes(file, bytes)).collect())
}

/// Loads the named files; a folder stands for the files directly inside it, in name order.
/// With no paths, loads the embedded corpus.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        return load_embedded();
    }
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        match expand(path) {
            Ok(found) => files.extend(found),
            Err(error) => failures.push(error),
        }
    }
    let mut corpus = collect(files.par_iter().map(|path| load_file(path)).collect());
    failures.append(&mut corpus.failures);
    corpus.failures = failures;
    corpus
}

/// Reads and loads one file from disk.
pub fn load_file(path: &Path) -> Result<Report, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    load_bytes(&path.display().to_string(), &bytes)
}

/// A file stands for itself; a folder for its regular, non-hidden files in name order (a folder
/// without any is an error, so that a mistyped folder is not taken for an empty result).
fn expand(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let read_error = |source| Error::Read { path: path.to_owned(), source };
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(read_error)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    if files.is_empty() {
        return Err(Error::NoFiles { path: path.to_owned() });
    }
    files.sort();
    Ok(files)
}

fn collect(results: Vec<Result<Report, Error>>) -> Corpus {
    let mut corpus = Corpus::default();
    for result in results {
        match result {
            Ok(report) => corpus.reports.push(report),
            Err(error) => corpus.failures.push(error),
        }
    }
    corpus
}
