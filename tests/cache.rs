//! The cache of parsed reports (issue 12, item 5): a cached load gives what parsing gives; a
//! changed file, another plangap version, a corrupt or foreign entry and an unwritable folder
//! all fall back to parsing, silently and never with a stale report; entries unused for long,
//! or beyond the size cap, are pruned. Each test has its own cache folder, so none touches the
//! user's cache or depends on another.

mod cli_common;

use cli_common::{TempDir, plangap_in, temp_dir};
use plangap::corpus::{Cache, EMBEDDED, LoadOptions, Retention, load_paths_with};
use plangap::model::Report;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const DAY: Duration = Duration::from_secs(24 * 3600);

/// The options of a load through a cache in `dir` written by `version`, on two threads.
fn cached(dir: &Path, version: &str) -> LoadOptions {
    LoadOptions {
        cache: Some(Cache::at(dir.to_owned(), version.to_owned())),
        progress: false,
        threads: 2,
        without_projects: false,
        finder_names: false,
    }
}

/// A folder with the first two sample reports.
fn reports(name: &str) -> TempDir {
    let dir = temp_dir(name);
    for (i, (_, bytes)) in EMBEDDED.iter().take(2).enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), bytes).unwrap();
    }
    dir
}

/// The cache's entry files.
fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(cache.join("reports")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn a_cached_load_gives_what_parsing_gives() {
    let (dir, cache) = (reports("cache-same"), temp_dir("cache-same-store"));
    let parsed = load_paths_with(&[dir.to_path_buf()], &LoadOptions::default());
    let first = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(entries(&cache).len(), 2, "one entry per report");
    let second = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(first.reports, parsed.reports);
    assert_eq!(second.reports, parsed.reports);
    assert_eq!(second.digests, parsed.digests);
}

/// A load without projects gives the reports less their projects, parsed (the entry is still
/// written whole) or read back, and a later load with projects finds them in the same entries.
#[test]
fn a_load_without_projects_gives_the_rest_and_leaves_the_entries_whole() {
    let (dir, cache) = (reports("cache-no-projects"), temp_dir("cache-no-projects-store"));
    let parsed = load_paths_with(&[dir.to_path_buf()], &LoadOptions::default());
    assert!(parsed.reports.iter().all(|report| !report.projects.is_empty()), "the samples name projects");
    let without = |mut report: Report| {
        report.projects = Vec::new();
        report
    };
    let expected: Vec<Report> = parsed.reports.iter().cloned().map(without).collect();
    let options = LoadOptions { without_projects: true, ..cached(&cache, "v1") };
    let cold = load_paths_with(&[dir.to_path_buf()], &options);
    assert_eq!(cold.reports, expected);
    assert_eq!(entries(&cache).len(), 2);
    let warm = load_paths_with(&[dir.to_path_buf()], &options);
    assert_eq!(warm.reports, expected);
    assert_eq!(warm.digests, parsed.digests);
    let whole = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(whole.reports, parsed.reports, "the entries hold the projects");
    let embedded = load_paths_with(&[], &LoadOptions { without_projects: true, ..LoadOptions::default() });
    assert!(embedded.reports.iter().all(|report| report.projects.is_empty()));
}

#[test]
fn an_entry_serves_other_files_with_the_same_content_under_their_own_name() {
    let (dir, cache) = (reports("cache-rename"), temp_dir("cache-rename-store"));
    load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    let other = temp_dir("cache-rename-other");
    std::fs::write(other.join("copy.txt"), EMBEDDED[0].1).unwrap();
    let corpus = load_paths_with(&[other.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(corpus.reports[0].file, other.join("copy.txt").display().to_string());
}

#[test]
fn a_changed_file_is_parsed_again() {
    let (dir, cache) = (reports("cache-changed"), temp_dir("cache-changed-store"));
    load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    let changed = String::from_utf8_lossy(EMBEDDED[0].1).replace("綦江区", "南川区");
    std::fs::write(dir.join("0.txt"), &changed).unwrap();
    let corpus = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(corpus.reports[0].title.district.as_deref(), Some("南川区"));
    assert_eq!(entries(&cache).len(), 3, "the changed content has an entry of its own");
}

/// Entries written by another version, whatever they hold, are not read: here they are
/// swapped for entries of other reports under the same names.
#[test]
fn another_version_never_reads_the_entries() {
    let (dir, cache) = (reports("cache-version"), temp_dir("cache-version-store"));
    let parsed = load_paths_with(&[dir.to_path_buf()], &LoadOptions::default());
    load_paths_with(&[dir.to_path_buf()], &cached(&cache, "0.1.0"));
    let files = entries(&cache);
    let (a, b) = (std::fs::read(&files[0]).unwrap(), std::fs::read(&files[1]).unwrap());
    std::fs::write(&files[0], &b).unwrap();
    std::fs::write(&files[1], &a).unwrap();
    let newer = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "0.2.0"));
    assert_eq!(newer.reports, parsed.reports);
}

/// A folder of two reports named `name`, the reports parsed, a cache filled with them (version
/// `v1`), and its entries.
fn filled(name: &str) -> (TempDir, TempDir, Vec<Report>, Vec<PathBuf>) {
    let (dir, cache) = (reports(name), temp_dir(&format!("{name}-store")));
    let parsed = load_paths_with(&[dir.to_path_buf()], &LoadOptions::default());
    load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    let files = entries(&cache);
    (dir, cache, parsed.reports, files)
}

#[test]
fn a_corrupt_or_truncated_entry_is_parsed_again() {
    let (dir, cache, parsed, files) = filled("cache-corrupt");
    let mut flipped = std::fs::read(&files[0]).unwrap();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x01;
    std::fs::write(&files[0], &flipped).unwrap();
    let truncated = std::fs::read(&files[1]).unwrap();
    std::fs::write(&files[1], &truncated[..truncated.len() / 2]).unwrap();
    let corpus = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(corpus.reports, parsed);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    let again = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(again.reports, parsed, "the entries were rewritten");
}

/// An entry is read at the size it has when opened, in one call; one with bytes added after its
/// end (or cut from it) fails its checks and is parsed again.
#[test]
fn an_entry_with_bytes_added_is_parsed_again() {
    let (dir, cache, parsed, files) = filled("cache-longer");
    let sizes: Vec<u64> = files.iter().map(|file| std::fs::metadata(file).unwrap().len()).collect();
    for (i, file) in files.iter().enumerate() {
        let mut longer = std::fs::read(file).unwrap();
        longer.extend_from_slice(&[0; 7][..=i]);
        std::fs::write(file, &longer).unwrap();
    }
    let corpus = load_paths_with(&[dir.to_path_buf()], &cached(&cache, "v1"));
    assert_eq!(corpus.reports, parsed);
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    let rewritten: Vec<u64> = files.iter().map(|file| std::fs::metadata(file).unwrap().len()).collect();
    assert_eq!(rewritten, sizes, "both reports were parsed again and their entries rewritten");
}

#[test]
fn an_unwritable_cache_folder_costs_only_the_parse() {
    let dir = reports("cache-unwritable");
    let store = temp_dir("cache-unwritable-store");
    let blocker = store.join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let parsed = load_paths_with(&[dir.to_path_buf()], &LoadOptions::default());
    let corpus = load_paths_with(&[dir.to_path_buf()], &cached(&blocker, "v1"));
    assert_eq!(corpus.reports, parsed.reports);
    assert!(corpus.failures.is_empty());
}

/// The binary: `--no-cache` writes nothing; without it the cache is written under
/// `$XDG_CACHE_HOME/plangap`, and a second run reads it with the same output, quietly.
#[test]
fn the_command_line_uses_xdg_cache_home_unless_told_not_to() {
    let dir = reports("cache-cli");
    let home = temp_dir("cache-cli-home");
    let path = dir.display().to_string();
    let no_cache = plangap_in(&home, &["summary", "--no-cache", &path]);
    assert_eq!(no_cache.code, Some(0), "{no_cache:?}");
    assert!(!home.join("cache").exists(), "--no-cache wrote the cache");
    let cold = plangap_in(&home, &["summary", &path]);
    assert_eq!(entries(&home.join("cache/plangap")).len(), 2);
    let warm = plangap_in(&home, &["summary", &path]);
    assert_eq!(
        (cold.stdout.as_str(), warm.stdout.as_str()),
        (no_cache.stdout.as_str(), no_cache.stdout.as_str())
    );
    assert_eq!((cold.stderr.as_str(), warm.stderr.as_str()), ("", ""), "no progress bar off a terminal");
}

/// Sets the time `path` was last used (its modification time) to `days` ago.
fn used_days_ago(path: &Path, days: u32) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - DAY * days).unwrap();
}

#[test]
fn entries_unused_for_long_are_pruned_and_a_read_marks_an_entry_used() {
    let (dir, store) = (reports("cache-prune-age"), temp_dir("cache-prune-age-store"));
    let cache = Cache::at(store.to_path_buf(), "v1".to_owned());
    let options = LoadOptions { cache: Some(cache.clone()), ..cached(&store, "v1") };
    load_paths_with(&[dir.to_path_buf()], &options);
    let files = entries(&store);
    for file in &files {
        used_days_ago(file, 40);
    }
    // Reading the first report again marks its entry used; the other stays 40 days old.
    let first = temp_dir("cache-prune-age-first");
    std::fs::write(first.join("0.txt"), EMBEDDED[0].1).unwrap();
    load_paths_with(&[first.to_path_buf()], &options);
    let retention = Retention { max_age: DAY * 30, max_bytes: u64::MAX };
    assert_eq!(cache.prune(&retention, SystemTime::now()).unwrap(), 1);
    let left = entries(&store);
    assert_eq!(left.len(), 1);
    let reread = load_paths_with(&[first.to_path_buf()], &options);
    let parsed = load_paths_with(&[first.to_path_buf()], &LoadOptions::default());
    assert_eq!(reread.reports, parsed.reports);
    assert_eq!(entries(&store), left, "the kept entry served the report");
}

#[test]
fn beyond_the_size_cap_the_least_recently_used_entries_go_first() {
    let (dir, store) = (reports("cache-prune-size"), temp_dir("cache-prune-size-store"));
    let cache = Cache::at(store.to_path_buf(), "v1".to_owned());
    load_paths_with(&[dir.to_path_buf()], &cached(&store, "v1"));
    let files = entries(&store);
    used_days_ago(&files[0], 2);
    used_days_ago(&files[1], 1);
    let newest = std::fs::metadata(&files[1]).unwrap().len();
    let retention = Retention { max_age: DAY * 30, max_bytes: newest };
    assert_eq!(cache.prune(&retention, SystemTime::now()).unwrap(), 1);
    assert_eq!(entries(&store), vec![files[1].clone()]);
    let none = Retention { max_age: DAY * 30, max_bytes: 0 };
    assert_eq!(cache.prune(&none, SystemTime::now()).unwrap(), 1);
    assert!(entries(&store).is_empty());
}

#[test]
fn pruning_runs_once_a_day_after_a_load() {
    let (dir, store) = (reports("cache-prune-due"), temp_dir("cache-prune-due-store"));
    load_paths_with(&[dir.to_path_buf()], &cached(&store, "v1"));
    assert!(store.join("pruned").exists(), "the first load pruned and said when");
    for file in entries(&store) {
        used_days_ago(&file, 400);
    }
    let empty = temp_dir("cache-prune-due-empty");
    load_paths_with(&[empty.to_path_buf()], &cached(&store, "v1"));
    assert_eq!(entries(&store).len(), 2, "pruned less than a day ago: nothing removed");
    used_days_ago(&store.join("pruned"), 2);
    load_paths_with(&[empty.to_path_buf()], &cached(&store, "v1"));
    assert!(entries(&store).is_empty(), "the entries unused for 400 days were removed");
}
