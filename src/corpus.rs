//! Loading reports: the embedded sample corpus, or files and folders named by the user.

use crate::document::Document;
use crate::error::Error;
use crate::model::{Report, Warning};
use crate::{analysis, ingest, parse};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
    let replaced = (decoded.replaced > 0).then(|| replacement_warning(&decoded));
    report.warnings.splice(0..0, replaced.into_iter().chain(decoded.warnings));
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

/// Reads and loads one file from disk (see [`read_report_file`]).
pub fn load_file(path: &Path) -> Result<Report, Error> {
    let bytes = read_report_file(path, max_size())?;
    load_bytes(&path.display().to_string(), &bytes)
}

/// The largest file read by default: 20 MB, far more than any plan report.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;

/// The size limit in force for this process ([`set_max_size`]).
static MAX_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_SIZE);

/// Sets the largest file that [`load_file`] and [`load_paths`] read, in bytes, for the rest of
/// the process: the command line's `--max-size`, set once before anything is loaded.
pub fn set_max_size(bytes: u64) {
    MAX_SIZE.store(bytes, Ordering::Relaxed);
}

/// The largest file read, in bytes.
pub fn max_size() -> u64 {
    MAX_SIZE.load(Ordering::Relaxed)
}

/// The bytes of the regular file at `path`, at most `limit` of them. Named pipes, devices and
/// sockets are refused before they are opened (reading them may block or never end), and so is a
/// file larger than `limit`; a file that grows past `limit` while being read (or does not tell
/// its size, as `/proc` files) is refused when the limit is reached.
pub fn read_report_file(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read { path: path.to_owned(), source };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if let Some(kind) = special_kind(&metadata.file_type()) {
        return Err(Error::Special { path: path.to_owned(), kind });
    }
    if metadata.len() > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: metadata.len(), limit });
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// What a file that is neither a regular file nor a folder is, in words; `None` for those two.
fn special_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
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
