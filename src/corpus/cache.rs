//! The cache of parsed reports, in `$XDG_CACHE_HOME/plangap/reports/` (else
//! `~/.cache/plangap/reports/`): one file per report content, named by a 128-bit hash of the
//! file's bytes, holding the report as parsed and assessed.
//!
//! An entry is used only when everything about it checks out: its header names this build of
//! plangap ([`Cache::version`]: the package version, [`FORMAT`] and the executable's size and
//! time, so a rebuilt binary never reads what another build parsed), it is for the same content
//! hash, and the checksum of its body matches. Anything else (a missing, truncated, corrupt or
//! foreign entry, an unreadable folder) is a miss: the file is parsed again and the entry
//! rewritten. Writing is best effort and atomic (a temporary file renamed into place), so a
//! cache that cannot be written costs only the time to parse.
//!
//! What the cache does not hold: the file's name (an entry serves every file with its content;
//! [`Report::file`] is set by the caller), and the user's `--district`/`--year` hints, which are
//! applied after loading ([`super::Corpus::identify`]) and so never change an entry. What it
//! holds once: a project's source paragraph, box caption and group label, which every project
//! listed in the same paragraph or under the same label shares (four fifths of a report's
//! bytes), are stored once in a table of texts, checked as UTF-8 in one pass when read and
//! shared again by the projects read back ([`Stored`]); a project's name is stored as where it
//! is in one of them (its source line), as it is held in memory, so that reading a project back
//! allocates nothing of its own. The report without its projects comes
//! first in an entry, so that a command that shows no projects reads it alone
//! ([`Cache::get_without_projects`]).
//!
//! Entries not used for [`Retention::max_age`] are removed, and the oldest go first when all of
//! them pass [`Retention::max_bytes`] ([`Cache::prune`], run once a day by
//! [`Cache::prune_if_due`]); reading an entry marks it used (its modification time, refreshed
//! at most once a day).

use crate::model::{Project, Report, Stage, TextSpan};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// The layout of an entry; raise it whenever the header or the serialized model changes shape
/// in a way the version would not show.
pub const FORMAT: u32 = 6;

/// The bytes every entry starts with.
const MAGIC: &[u8; 8] = b"PLANGAP\x01";

/// The hash of a file's content that names its cache entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash(pub u128);

impl ContentHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> ContentHash {
        ContentHash(xxh3_128(bytes))
    }

    /// 64 bits of the hash, for recognising the same content under another name.
    pub fn short(self) -> u64 {
        self.0 as u64
    }
}

/// A cache of parsed reports in one folder, for one build of plangap.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    version: String,
}

impl Cache {
    /// The user's cache (`$XDG_CACHE_HOME/plangap`, else `$HOME/.cache/plangap`) for this
    /// build; `None` when neither variable names a folder.
    pub fn user() -> Option<Cache> {
        let base = crate::config::xdg_base("XDG_CACHE_HOME", ".cache")?;
        Some(Cache::at(base.join("plangap"), Cache::version()))
    }

    /// A cache in `dir` for entries written by `version` (tests give their own).
    pub fn at(dir: PathBuf, version: String) -> Cache {
        Cache { dir: dir.join("reports"), version }
    }

    /// This build's version tag: the package version, [`FORMAT`], and the size and
    /// modification time of the running executable (a rebuild changes them).
    pub fn version() -> String {
        let build = std::env::current_exe().and_then(std::fs::metadata).map(|m| {
            let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            format!("{:x}.{:x}", m.len(), modified.map_or(0, |d| d.as_nanos()))
        });
        format!("{}+{FORMAT}+{}", env!("CARGO_PKG_VERSION"), build.unwrap_or_else(|_| "unknown".into()))
    }

    /// The folder the entries are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry_path(&self, hash: ContentHash) -> PathBuf {
        self.dir.join(format!("{:032x}.bin", hash.0))
    }

    /// The report cached for content `hash`, if a valid entry of this build holds one; the
    /// entry is marked used.
    pub fn get(&self, hash: ContentHash) -> Option<Report> {
        self.read(hash, true)
    }

    /// [`Cache::get`] without the report's projects ([`Report::projects`] empty), for a
    /// command that does not show them: the projects and their texts, most of an entry, are
    /// checked with the rest (the checksum covers the whole entry) but not read back.
    pub fn get_without_projects(&self, hash: ContentHash) -> Option<Report> {
        self.read(hash, false)
    }

    /// The report cached for content `hash`, with its projects when `projects` is set.
    fn read(&self, hash: ContentHash, projects: bool) -> Option<Report> {
        let mut file = std::fs::File::open(self.entry_path(hash)).ok()?;
        let metadata = file.metadata().ok()?;
        let report = ENTRY_BYTES.with_borrow_mut(|bytes| {
            // The size the entry had when opened, read in one call: entries are replaced whole
            // (renamed into place), never written in place, and an entry read short or long
            // fails its checks like any damaged one.
            bytes.resize(usize::try_from(metadata.len()).ok()?, 0);
            file.read_exact(bytes).ok()?;
            let body = self.check_header(bytes, hash)?;
            match projects {
                true => postcard::from_bytes::<Stored>(body).ok()?.into_report(),
                false => Stored::report_alone(body),
            }
        })?;
        let now = SystemTime::now();
        if metadata.modified().is_ok_and(|used| now.duration_since(used).unwrap_or_default() > TOUCH_AFTER) {
            // Best effort: an entry that cannot be marked is only pruned sooner.
            let _ = file.set_modified(now);
        }
        Some(report)
    }

    /// The body of an entry whose header is this build's, for content `hash`, with the body's
    /// checksum right; `None` otherwise.
    fn check_header<'a>(&self, bytes: &'a [u8], hash: ContentHash) -> Option<&'a [u8]> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (len, rest) = rest.split_first_chunk::<4>()?;
        let (version, rest) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)?;
        let (stored_hash, rest) = rest.split_first_chunk::<16>()?;
        let (checksum, body) = rest.split_first_chunk::<8>()?;
        let valid = version == self.version.as_bytes()
            && u128::from_le_bytes(*stored_hash) == hash.0
            && u64::from_le_bytes(*checksum) == xxh3_64(body);
        valid.then_some(body)
    }

    /// Stores `report` as the parse of content `hash`. Fails when the folder or the file cannot
    /// be written; the caller may ignore that (the cache is an optimisation).
    pub fn put(&self, hash: ContentHash, report: &Report) -> std::io::Result<()> {
        let body = postcard::to_allocvec(&Stored::of(report)).map_err(std::io::Error::other)?;
        let mut entry = Vec::with_capacity(body.len() + self.version.len() + 40);
        entry.extend_from_slice(MAGIC);
        entry.extend_from_slice(&(self.version.len() as u32).to_le_bytes());
        entry.extend_from_slice(self.version.as_bytes());
        entry.extend_from_slice(&hash.0.to_le_bytes());
        entry.extend_from_slice(&xxh3_64(&body).to_le_bytes());
        entry.extend_from_slice(&body);
        std::fs::create_dir_all(&self.dir)?;
        let path = self.entry_path(hash);
        // A name of its own for each write, so that two threads or processes writing the same
        // entry never write into one file.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let temporary = path.with_extension(format!("tmp.{}.{write}", std::process::id()));
        let written = std::fs::File::create(&temporary).and_then(|mut file| file.write_all(&entry));
        match written.and_then(|()| std::fs::rename(&temporary, &path)) {
            Ok(()) => Ok(()),
            Err(error) => {
                let _ = std::fs::remove_file(&temporary);
                Err(error)
            }
        }
    }

    /// Removes the entries not used for `retention.max_age` before `now`, then the least
    /// recently used ones while all of them hold more than `retention.max_bytes`, and the
    /// temporary files of writes that never finished. Returns how many files were removed; a
    /// file that cannot be removed is left for the next time.
    pub fn prune(&self, retention: &Retention, now: SystemTime) -> std::io::Result<usize> {
        let mut entries = Vec::new();
        for item in std::fs::read_dir(&self.dir)? {
            let Ok(item) = item else { continue };
            let Ok(metadata) = item.metadata() else { continue };
            let used = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let age = now.duration_since(used).unwrap_or_default();
            let name = item.file_name();
            let name = name.to_string_lossy();
            if name.contains(".tmp.") && age > STALE_WRITE {
                entries.push((SystemTime::UNIX_EPOCH, metadata.len(), item.path()));
            } else if metadata.is_file() && name.ends_with(".bin") {
                entries.push((used, metadata.len(), item.path()));
            }
        }
        entries.sort_by_key(|(used, ..)| std::cmp::Reverse(*used));
        let (mut kept, mut removed) = (0u64, 0);
        for (used, size, path) in entries {
            let expired = used == SystemTime::UNIX_EPOCH
                || now.duration_since(used).unwrap_or_default() > retention.max_age
                || kept + size > retention.max_bytes;
            if !expired {
                kept += size;
            } else if std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// [`Cache::prune`] with the default [`Retention`], when it has not run for a day (a file
    /// beside the entries records when it last did). Errors are ignored: pruning only saves
    /// space.
    pub fn prune_if_due(&self) {
        let Some(marker) = self.dir.parent().map(|base| base.join("pruned")) else { return };
        let now = SystemTime::now();
        let last = std::fs::metadata(&marker).and_then(|m| m.modified());
        if last.is_ok_and(|last| now.duration_since(last).unwrap_or_default() < PRUNE_EVERY) {
            return;
        }
        if std::fs::write(&marker, "").is_ok() {
            let _ = self.prune(&Retention::default(), now);
        }
    }
}

thread_local! {
    /// The bytes of the entry a thread reads, kept from entry to entry so that reading many
    /// needs no fresh memory for each.
    static ENTRY_BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A used entry's modification time is refreshed when older than this, so that most reads
/// write nothing.
const TOUCH_AFTER: Duration = Duration::from_secs(24 * 3600);

/// How often [`Cache::prune_if_due`] prunes.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 3600);

/// A temporary file older than this is a write that never finished (the process ended).
const STALE_WRITE: Duration = Duration::from_secs(3600);

/// How long unused entries are kept, and how much room all entries may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Entries not used for this long are removed.
    pub max_age: Duration,
    /// The least recently used entries are removed while all of them hold more bytes than this.
    pub max_bytes: u64,
}

impl Default for Retention {
    /// 30 days and 512 MiB (a corpus of 2,000 reports takes about 60 MB).
    fn default() -> Retention {
        Retention { max_age: Duration::from_secs(30 * 24 * 3600), max_bytes: 512 << 20 }
    }
}

/// An entry's body: the report without its projects, and the projects apart, each with its
/// source paragraph, box caption and group as an index into a table of texts that holds each of
/// them once, one after the other, so that reading it back checks their UTF-8 once, borrows them
/// from the entry's bytes and gives the projects that share a text one copy of it (and makes no
/// placeholder text for a project to replace).
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    /// The report, [`Report::projects`] empty.
    report: Report,
    /// The shared texts, one after the other.
    #[serde(borrow)]
    texts: Cow<'a, [u8]>,
    /// Where each text ends in `texts`.
    ends: Vec<u32>,
    /// The report's projects, in order.
    projects: Vec<StoredProject>,
}

/// A project in an entry: its own fields, and its texts as indices among [`Stored::texts`]. Its
/// name is a span of one of them (of its source line, nearly always, as in memory:
/// [`crate::model::ProjectName`]), so that reading it back allocates nothing and checks no UTF-8
/// of its own.
#[derive(Serialize, Deserialize)]
struct StoredProject {
    /// The index of the text [`Project::name`] is a span of.
    name_in: u32,
    /// Where the name starts in that text, in bytes.
    name_start: u32,
    /// Where the name ends in that text, in bytes.
    name_end: u32,
    stage: Option<Stage>,
    /// The index of [`Project::progress`].
    progress: Option<u32>,
    line: usize,
    /// The index of [`Project::source`].
    source: u32,
    /// The index of [`Project::table`].
    table: u32,
    /// The index of [`Project::group`].
    group: Option<u32>,
}

impl Stored<'_> {
    /// The entry body for `report`.
    fn of(report: &Report) -> Stored<'static> {
        let (mut texts, mut ends) = (Vec::new(), Vec::new());
        let mut known: HashMap<&str, u32> = HashMap::new();
        let mut index = |text| {
            *known.entry(text).or_insert_with_key(|text| {
                texts.extend_from_slice(text.as_bytes());
                ends.push(texts.len() as u32);
                (ends.len() - 1) as u32
            })
        };
        let projects = report
            .projects
            .iter()
            .map(|project| {
                let (name_in, name_start, name_end) = name_in_source(project);
                StoredProject {
                    name_in: index(name_in),
                    name_start,
                    name_end,
                    stage: project.stage,
                    progress: project.progress.as_deref().map(|progress| index(progress)),
                    line: project.line as usize,
                    source: index(&project.source),
                    table: index(&project.table),
                    group: project.group.as_deref().map(|group| index(group)),
                }
            })
            .collect();
        let report = Report { projects: Vec::new(), ..report.clone() };
        Stored { report, texts: Cow::Owned(texts), ends, projects }
    }

    /// The report of the body `bytes` without its projects: [`Stored::report`], which the body
    /// starts with, read alone.
    fn report_alone(bytes: &[u8]) -> Option<Report> {
        postcard::take_from_bytes::<Report>(bytes).ok().map(|(report, _)| report)
    }

    /// The report this body stands for; `None` when a text or an index does not fit (a body
    /// that is not what [`Stored::of`] wrote).
    fn into_report(self) -> Option<Report> {
        let Stored { mut report, texts, ends, projects } = self;
        // The source lines and names are spans of one copy of all the texts; a caption, group
        // or progress is made into one shared `Arc<String>` the first time a project asks for it.
        let all = Arc::new(simdutf8::basic::from_utf8(&texts).ok()?.to_owned());
        let texts = split(&all, &ends)?;
        let mut labels = vec![None; texts.len()];
        let span = |at: u32, range: std::ops::Range<u32>| {
            let text = texts.get(at as usize)?.get(range.start as usize..range.end as usize)?;
            TextSpan::of(&all, text)
        };
        let label = |labels: &mut [Option<Arc<String>>], at| {
            shared(labels, &texts, at, |text| Arc::new(text.to_owned()))
        };
        report.projects = Vec::with_capacity(projects.len());
        for stored in projects {
            let source = texts.get(stored.source as usize)?;
            report.projects.push(Project {
                name: span(stored.name_in, stored.name_start..stored.name_end)?,
                group: match stored.group {
                    Some(group) => Some(label(&mut labels, group)?),
                    None => None,
                },
                table: label(&mut labels, stored.table)?,
                stage: stored.stage,
                progress: match stored.progress {
                    Some(progress) => Some(label(&mut labels, progress)?),
                    None => None,
                },
                line: u32::try_from(stored.line).ok()?,
                source: TextSpan::of(&all, source)?,
            });
        }
        Some(report)
    }
}

/// Where a project's name is stored: in its source line when the line holds it (the name is a
/// part of the line's text), else as a text of its own; with its start and end in that text.
fn name_in_source(project: &Project) -> (&str, u32, u32) {
    let (name, source) = (project.name.as_str(), project.source.as_str());
    let offset = (name.as_ptr() as usize).checked_sub(source.as_ptr() as usize);
    let within = offset.filter(|&offset| offset + name.len() <= source.len());
    match within
        .and_then(|offset| Some((u32::try_from(offset).ok()?, u32::try_from(offset + name.len()).ok()?)))
    {
        Some((start, end)) => (source, start, end),
        // The length of a text of its own fits: texts longer than 4 GiB are never parsed.
        None => (name, 0, u32::try_from(name.len()).unwrap_or(u32::MAX)),
    }
}

/// The shared texts of an entry, `all` cut at `ends`; `None` when an end does not fit.
fn split<'t>(all: &'t str, ends: &[u32]) -> Option<Vec<&'t str>> {
    let mut start = 0;
    let mut texts = Vec::with_capacity(ends.len());
    for &end in ends {
        texts.push(all.get(start..end as usize)?);
        start = end as usize;
    }
    Some(texts)
}

/// The shared copy of text `at` among `texts`, made by `make` the first time it is asked for and
/// kept in `made`; `None` when `at` is not an index of `texts`.
fn shared<T: ?Sized>(
    made: &mut [Option<Arc<T>>],
    texts: &[&str],
    at: u32,
    make: impl FnOnce(&str) -> Arc<T>,
) -> Option<Arc<T>> {
    let (slot, text) = (made.get_mut(at as usize)?, texts.get(at as usize)?);
    Some(Arc::clone(slot.get_or_insert_with(|| make(text))))
}

/// Reads back a `&'static str` of the model (an encoding's name, a word of a warning) from a
/// cache entry. Such strings are few and short; each read keeps its copy for the process.
pub fn static_str<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    Ok(Box::leak(text.into_boxed_str()))
}

/// Reads back a short text that many rows share (a unit, a 序号, a 类别: [`IndicatorRow::unit`]
/// and the like) as the one copy shared by the equal texts read on this thread
/// ([`crate::parse::shared`], as the parser holds them): one allocation per distinct text
/// instead of two per row (serde makes an `Arc<str>` from a `Box<str>` it allocated first).
///
/// [`IndicatorRow::unit`]: crate::model::IndicatorRow::unit
pub fn shared_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Arc<str>>, D::Error> {
    /// A text read as its shared copy.
    struct Shared(Arc<str>);
    impl<'de> Deserialize<'de> for Shared {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Shared, D::Error> {
            deserializer.deserialize_str(SharedVisitor)
        }
    }
    struct SharedVisitor;
    impl serde::de::Visitor<'_> for SharedVisitor {
        type Value = Shared;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a text")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Shared, E> {
            Ok(Shared(crate::parse::shared::shared_text(text)))
        }
    }
    Ok(Option::<Shared>::deserialize(deserializer)?.map(|shared| shared.0))
}

/// [`static_str`] for a list.
pub fn static_strs<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<&'static str>, D::Error> {
    let texts: Vec<String> = serde::Deserialize::deserialize(deserializer)?;
    Ok(texts.into_iter().map(|text| &*Box::leak(text.into_boxed_str())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let (file, bytes) = super::super::EMBEDDED[0];
        super::super::load_bytes(file, bytes).expect("the sample loads")
    }

    #[test]
    fn a_stored_report_holds_each_source_once_and_gives_the_report_back() {
        let report = sample();
        let stored = Stored::of(&report);
        assert!(stored.ends.len() < report.projects.len(), "sources and captions are shared");
        assert!(stored.report.projects.is_empty());
        assert!(stored.projects.iter().any(|p| p.group.is_some()), "the sample has groups");
        assert_eq!(stored.into_report(), Some(report));
    }

    #[test]
    fn a_stored_report_read_back_borrows_its_texts_and_refuses_them_when_not_utf8() {
        let report = sample();
        let bytes = postcard::to_allocvec(&Stored::of(&report)).expect("serializes");
        let read = postcard::from_bytes::<Stored>(&bytes).expect("deserializes");
        assert!(matches!(read.texts, Cow::Borrowed(_)), "the texts are borrowed from the entry");
        assert_eq!(read.into_report(), Some(report));
        let mut stored = Stored::of(&sample());
        stored.texts.to_mut()[0] = 0xFF;
        assert_eq!(stored.into_report(), None);
    }

    #[test]
    fn units_read_back_are_one_copy_shared_by_the_rows_naming_them() {
        let report = sample();
        let bytes = postcard::to_allocvec(&Stored::of(&report)).expect("serializes");
        let back = postcard::from_bytes::<Stored>(&bytes).expect("deserializes").into_report();
        let back = back.expect("reads back");
        assert_eq!(back, report);
        let rows = || back.tables.iter().flat_map(|t| &t.rows);
        let percent: Vec<&Arc<str>> =
            rows().filter_map(|r| r.unit.as_ref()).filter(|u| &***u == "%").collect();
        assert!(percent.len() > 1, "the sample has rows in %");
        assert!(percent.windows(2).all(|pair| Arc::ptr_eq(pair[0], pair[1])));
        let cells = rows().filter_map(|r| r.target.unit.as_ref()).filter(|u| &***u == "%");
        assert!(cells.into_iter().all(|unit| Arc::ptr_eq(unit, percent[0])), "cells share the rows' copy");
    }

    #[test]
    fn the_report_alone_is_read_from_the_start_of_a_body() {
        let report = sample();
        let bytes = postcard::to_allocvec(&Stored::of(&report)).expect("serializes");
        let alone = Stored::report_alone(&bytes).expect("the report part reads");
        assert!(!report.projects.is_empty(), "the sample has projects");
        assert_eq!(alone, Report { projects: Vec::new(), ..report });
    }

    #[test]
    fn a_stored_report_whose_indices_do_not_fit_is_refused() {
        let mut stored = Stored::of(&sample());
        stored.projects[0].source = stored.ends.len() as u32;
        assert_eq!(stored.into_report(), None);
        let mut stored = Stored::of(&sample());
        let grouped = stored.projects.iter().position(|p| p.group.is_some()).expect("a group");
        stored.projects[grouped].group = Some(stored.ends.len() as u32);
        assert_eq!(stored.into_report(), None);
    }

    #[test]
    fn names_read_back_are_spans_of_their_source_lines_or_texts_of_their_own() {
        let mut report = sample();
        report.projects[1].name = TextSpan::from("不在此行的项目");
        let back = Stored::of(&report).into_report().expect("reads back");
        assert_eq!(back, report);
        let in_line = |p: &Project| name_in_source(p).0.as_ptr() == p.source.as_str().as_ptr();
        assert!(!in_line(&back.projects[1]), "a name not in its line keeps a text of its own");
        let spans = back.projects.iter().filter(|p| in_line(p)).count();
        assert_eq!(spans, back.projects.len() - 1, "every other name is a span of its source line");
    }

    #[test]
    fn a_name_span_outside_its_text_or_inside_a_character_is_refused() {
        let report = sample();
        let at = report.projects.iter().position(|p| !p.name.is_ascii()).expect("a Chinese name");
        let mut stored = Stored::of(&report);
        stored.projects[at].name_end += 1;
        assert_eq!(stored.into_report(), None, "the end falls inside a character");
        let mut stored = Stored::of(&report);
        stored.projects[at].name_start = stored.texts.len() as u32;
        stored.projects[at].name_end = stored.texts.len() as u32 + 3;
        assert_eq!(stored.into_report(), None, "the span is past the text");
        let mut stored = Stored::of(&report);
        stored.projects[at].name_in = stored.ends.len() as u32;
        assert_eq!(stored.into_report(), None, "there is no such text");
        let mut stored = Stored::of(&report);
        stored.projects[at].progress = Some(stored.ends.len() as u32);
        assert_eq!(stored.into_report(), None, "there is no such progress text");
    }
}
