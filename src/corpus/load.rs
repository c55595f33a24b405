//! Loading reports: decode, parse and assess one file's bytes ([`load_bytes`]); many files on
//! every core, through the cache, in batches as they come ([`load_streaming`]); or all at once
//! ([`load_paths`]).

use super::cache::{Cache, ContentHash};
use super::parallel::{map_ordered, threads};
use super::progress::ProgressBar;
use super::read::{max_size, read_report_file_into};
use super::{Corpus, EMBEDDED, walk};
use crate::document::Document;
use crate::error::Error;
use crate::finder::ReportNames;
use crate::model::{Report, Warning, WarningKind};
use crate::{analysis, ingest, parse};
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How files are loaded: through which cache, on how many threads, with or without a progress
/// bar.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Where parsed reports are kept between runs; `None` parses every file.
    pub cache: Option<Cache>,
    /// Show a progress bar on stderr when it is a terminal and loading takes a while.
    pub progress: bool,
    /// Worker threads; 0 for one per core.
    pub threads: usize,
    /// Leave every report's [`Report::projects`] empty, for a command that does not show them:
    /// a cached report is read back without them ([`Cache::get_without_projects`]), a parsed
    /// one drops them once cached whole.
    pub without_projects: bool,
    /// Take out what the finder indexes of each report ([`ReportNames::of`], into
    /// [`Corpus::names`]) on the thread that loaded it, while its texts are in that core's
    /// cache, for the workbench, which would otherwise take them out on its event loop.
    pub finder_names: bool,
}

/// The options [`load_paths`] uses, set once by the command line ([`set_load_options`]).
static OPTIONS: OnceLock<LoadOptions> = OnceLock::new();

/// Sets the options [`load_paths`] uses for the rest of the process: the command line's cache
/// and progress bar, set once before anything is loaded. Later calls change nothing.
pub fn set_load_options(options: LoadOptions) {
    let _ = OPTIONS.set(options);
}

/// The options in force: those set by [`set_load_options`], else no cache and no progress.
pub fn load_options() -> &'static LoadOptions {
    OPTIONS.get_or_init(LoadOptions::default)
}

/// How far loading has come: files done (loaded or failed) of all files found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Files loaded or failed so far.
    pub done: usize,
    /// Files to load.
    pub total: usize,
}

impl Progress {
    /// Whether every file is done.
    pub fn finished(self) -> bool {
        self.done >= self.total
    }
}

/// A digest of a file's bytes, to recognise the same content under another name.
pub fn digest(bytes: &[u8]) -> u64 {
    ContentHash::of(bytes).short()
}

/// Decodes, parses and assesses one file's bytes. `file` names it in the report and in errors.
///
/// Owned bytes (a `Vec<u8>`) of a UTF-8 text become its text without a copy (see
/// [`ingest::decode`]), and the text is dropped as soon as it is parsed (but for the lines its
/// projects come from, kept in its own buffer: [`parse::parse_owned`]), so a report's text is
/// held once.
pub fn load_bytes<'a>(file: &str, bytes: impl Into<Cow<'a, [u8]>>) -> Result<Report, Error> {
    let mut report = {
        let mut decoded = ingest::decode(file, bytes)?;
        let replaced = (decoded.replaced > 0).then(|| replacement_warning(&decoded));
        let warnings = std::mem::take(&mut decoded.warnings);
        let mut report = parse::parse_owned(file, decoded)?;
        report.warnings.splice(0..0, replaced.into_iter().chain(warnings));
        report
    };
    analysis::assess_report(&mut report);
    Ok(report)
}

/// The warning for undecodable bytes, at the first line that shows a replacement character.
fn replacement_warning(decoded: &Document) -> Warning {
    let bytes = decoded.text.as_bytes();
    let first = memchr::memmem::find(bytes, "\u{fffd}".as_bytes());
    let line = first.map_or(1, |at| 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count());
    Warning::new(line, WarningKind::InvalidBytes { count: decoded.replaced, encoding: decoded.encoding })
}

/// [`load_bytes`] through `cache`: a report cached for the same content is taken (named
/// `file`) instead of parsing; a report parsed is stored (a cache that cannot be written is
/// passed over in silence).
/// The bytes are taken out of `bytes` only when they are parsed, so that a caller reading many
/// files into one buffer reuses its memory while the cache answers. With `without_projects`,
/// the report comes without its projects either way (see [`LoadOptions::without_projects`]).
fn load_cached(
    file: &str,
    bytes: &mut Vec<u8>,
    cache: Option<&Cache>,
    without_projects: bool,
) -> Result<(u64, Report), Error> {
    let hash = ContentHash::of(bytes);
    let cached = cache.and_then(|cache| match without_projects {
        true => cache.get_without_projects(hash),
        false => cache.get(hash),
    });
    if let Some(mut report) = cached {
        report.file = file.to_owned();
        return Ok((hash.short(), report));
    }
    let mut report = load_bytes(file, std::mem::take(bytes))?;
    if let Some(cache) = cache {
        let _ = cache.put(hash, &report);
    }
    if without_projects {
        report.projects = Vec::new();
    }
    Ok((hash.short(), report))
}

thread_local! {
    /// The bytes of the file a loading thread reads, kept from file to file (see
    /// [`load_cached`]).
    static FILE_BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Loads the embedded sample corpus.
pub fn load_embedded() -> Corpus {
    let mut corpus = Corpus::default();
    map_ordered(
        &EMBEDDED,
        threads(),
        |(file, bytes)| Ok((digest(bytes), load_bytes(file, *bytes)?, None)),
        |_, result| corpus.push(result),
    );
    corpus
}

/// Loads the named files with the options set by the command line ([`load_options`]); see
/// [`load_paths_with`].
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    load_paths_with(paths, load_options())
}

/// Loads the named files; a folder stands for the files under it, in name order, sub-folders
/// included (hidden files and folders are skipped, and a folder reached twice through links is
/// read once). A file whose content was read before, under any name, is skipped and listed in
/// [`Corpus::duplicates`]. With no paths, loads the embedded corpus. The result is the same
/// whatever the threads and the cache.
pub fn load_paths_with(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    let mut corpus = Corpus::default();
    let mut bar = None;
    load_streaming(paths, options, Duration::from_millis(50), |batch, progress| {
        let bar = bar.get_or_insert_with(|| {
            corpus.reports.reserve(progress.total);
            corpus.digests.reserve(progress.total);
            options.progress.then(|| ProgressBar::stderr(progress.total))
        });
        corpus.append(batch);
        if let Some(bar) = bar {
            bar.set(progress.done);
        }
    });
    if let Some(Some(mut bar)) = bar {
        bar.finish();
    }
    corpus.deduplicate(&mut std::collections::HashMap::new());
    corpus
}

/// Loads the named files (see [`load_paths_with`]; with no paths, the embedded corpus) and
/// hands them to `sink` in file order, in batches: the paths that could not be listed first,
/// then what loaded at least every `every`, and a last batch with [`Progress::finished`]. The
/// batches are not deduplicated. After the last batch, the cache is pruned when due
/// ([`Cache::prune_if_due`]).
pub fn load_streaming(
    paths: &[PathBuf],
    options: &LoadOptions,
    every: Duration,
    mut sink: impl FnMut(Corpus, Progress),
) {
    if paths.is_empty() {
        let mut corpus = load_embedded();
        if options.without_projects {
            corpus.reports.iter_mut().for_each(|report| report.projects = Vec::new());
        }
        let total = corpus.reports.len() + corpus.failures.len();
        return sink(corpus, Progress { done: total, total });
    }
    let mut files = Vec::new();
    let mut batch = Corpus::default();
    for path in paths {
        if let Err(error) = walk::expand(path, &mut files) {
            batch.failures.push(error);
        }
    }
    let total = files.len();
    sink(std::mem::take(&mut batch), Progress { done: 0, total });
    let mut sent = Instant::now();
    let threads = if options.threads == 0 { threads() } else { options.threads };
    let cache = options.cache.as_ref();
    map_ordered(
        &files,
        threads,
        |path| {
            let (digest, report) = load_file_cached(path, cache, options.without_projects)?;
            let names = options.finder_names.then(|| ReportNames::of(&report));
            Ok((digest, report, names))
        },
        |index, result| {
            batch.push(result);
            let done = index + 1;
            if done == total || sent.elapsed() >= every {
                sink(std::mem::take(&mut batch), Progress { done, total });
                sent = Instant::now();
            }
        },
    );
    if let Some(cache) = cache {
        cache.prune_if_due();
    }
}

/// Reads and loads one file from disk (see [`super::read_report_file`]).
pub fn load_file(path: &Path) -> Result<Report, Error> {
    load_file_cached(path, None, false).map(|(_, report)| report)
}

/// [`load_file`] through `cache`, with the digest of the file's bytes (see [`load_cached`]).
fn load_file_cached(
    path: &Path,
    cache: Option<&Cache>,
    without_projects: bool,
) -> Result<(u64, Report), Error> {
    FILE_BYTES.with_borrow_mut(|bytes| {
        read_report_file_into(path, max_size(), bytes)?;
        load_cached(&path.display().to_string(), bytes, cache, without_projects)
    })
}
