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
//! applied after loading ([`super::Corpus::identify`]) and so never change an entry.

use crate::model::Report;
use std::io::Write;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// The layout of an entry; raise it whenever the header or the serialized model changes shape
/// in a way the version would not show.
pub const FORMAT: u32 = 1;

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

    /// The report cached for content `hash`, if a valid entry of this build holds one.
    pub fn get(&self, hash: ContentHash) -> Option<Report> {
        let bytes = std::fs::read(self.entry_path(hash)).ok()?;
        let body = self.check_header(&bytes, hash)?;
        postcard::from_bytes(body).ok()
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
        let body = postcard::to_allocvec(report).map_err(std::io::Error::other)?;
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
}

/// Reads back a `&'static str` of the model (an encoding's name, a word of a warning) from a
/// cache entry. Such strings are few and short; each read keeps its copy for the process.
pub fn static_str<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    Ok(Box::leak(text.into_boxed_str()))
}

/// [`static_str`] for a list.
pub fn static_strs<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<&'static str>, D::Error> {
    let texts: Vec<String> = serde::Deserialize::deserialize(deserializer)?;
    Ok(texts.into_iter().map(|text| &*Box::leak(text.into_boxed_str())).collect())
}
