//! Corpus scale (issue 12): 2,000 reports made from the five samples, each about another real
//! county of six provinces, years moved back by up to seven (`corpus/generate.rs`), timed
//! through the binary as a user meets them:
//!
//! - cold load: `plangap summary --no-cache DIR`, and with an empty cache (which it fills);
//! - cached load: `plangap summary DIR` again;
//! - the workbench's first frame and its last batch (`loaded N report(s)`), in a pseudo-terminal
//!   of 120×40 made by `script`, cold and cached;
//!
//! and in the library: the fixed cost of one small report, parsed and read back from the cache,
//! applying a batch of reports to a workbench that holds 2,000, and a key with its redraw at
//! that size (the input latency).
//! Each figure is the median of `--runs` runs (default 5), with the fastest beside it.
//!
//! Run: `cargo bench --bench corpus` (options after `--`: `--count N`, `--runs N`, `--dir
//! PATH`; the corpus is written to `target/corpus-bench/N` unless it is there). With
//! `--baseline BINARY`, an older build is timed in the same run (its summary and first frame,
//! and its cached workbench, each run taking turns with this build's), for ratios measured under
//! the same load. `--library` times only the library figures (quick, for profiling them);
//! `--cached` skips the cold figures (loading without a cache or into an empty one), for work on
//! the cached load. `--reopen` times the cached reopen in this process, on one thread and in a
//! fixed number of batches, so that a profiler (`valgrind --tool=callgrind`) counts the same work
//! every run: reading the 2,000 entries back (and taking out the finder's names, as the
//! workbench's loading threads do), then adding them to a workbench in
//! [`REOPEN_BATCHES`] batches with a redraw after each, as its event loop does.

#[path = "corpus/generate.rs"]
mod generate;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plangap::analysis::link::row_canonical;
use plangap::analysis::linked::LinkIndex;
use plangap::corpus::cache::ContentHash;
use plangap::corpus::{Cache, Corpus, LoadOptions, Progress, load_bytes, load_paths_with};
use plangap::finder::IndexSource;
use plangap::tui::app::{App, Msg};
use plangap::tui::config::Config;
use plangap::tui::theme::ColorEnv;
use plangap::tui::{Options, settings, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_plangap");

struct Args {
    count: usize,
    runs: usize,
    dir: PathBuf,
    baseline: Option<String>,
    library_only: bool,
    cached_only: bool,
    reopen: bool,
}

fn args() -> Args {
    let argv: Vec<String> = std::env::args().collect();
    let value = |name: &str| argv.iter().position(|a| a == name).and_then(|i| argv.get(i + 1)).cloned();
    let count = value("--count").and_then(|v| v.parse().ok()).unwrap_or(2000);
    let runs = value("--runs").and_then(|v| v.parse().ok()).unwrap_or(5);
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus-bench");
    let dir = value("--dir").map_or_else(|| target.join(count.to_string()), PathBuf::from);
    let library_only = argv.iter().any(|a| a == "--library");
    let cached_only = argv.iter().any(|a| a == "--cached");
    let reopen = argv.iter().any(|a| a == "--reopen");
    Args { count, runs, dir, baseline: value("--baseline"), library_only, cached_only, reopen }
}

/// The median and the fastest of `runs` timings of `run`.
fn timed(runs: usize, mut run: impl FnMut() -> Duration) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| run()).collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

fn row(what: &str, (median, fastest): (Duration, Duration)) {
    println!("{what:<58} {:>9.1} ms  (fastest {:.1} ms)", ms(median), ms(fastest));
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The folder this run keeps its caches in, removed when the run ends ([`Scratch`]).
fn scratch_root() -> PathBuf {
    std::env::temp_dir().join(format!("plangap-bench-{}", std::process::id()))
}

/// Removes [`scratch_root`] when dropped: at the end of `main`, and when a figure panics.
struct Scratch;

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(scratch_root());
    }
}

/// A fresh, empty cache folder under [`scratch_root`].
fn empty_cache(name: &str) -> PathBuf {
    let dir = scratch_root().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cache folder");
    dir
}

/// Runs `binary ARGS` with the cache in `cache` and returns how long it took.
fn summary(binary: &str, cache: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let output = Command::new(binary)
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("plangap runs");
    let elapsed = start.elapsed();
    assert!(output.code().is_some(), "plangap ended by a signal");
    elapsed
}

/// Opens the workbench on `dir` in a pseudo-terminal (`script`), and returns when its first
/// frame showed (its status line's `help` hint) and when `last` showed (the first frame's time
/// when it never did within [`QUIET`] of silence); then quits it.
fn workbench(binary: &str, dir: &Path, cache: &Path, last: &str) -> (Duration, Duration) {
    let command = format!("stty rows 40 cols 120; exec {binary} {}", dir.display());
    let start = Instant::now();
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env("XDG_CACHE_HOME", cache)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("script runs (util-linux)");
    let mut out = child.stdout.take().expect("stdout");
    let (chunks, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 65536];
        while let Ok(n @ 1..) = out.read(&mut buffer) {
            if chunks.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let (mut first, mut done) = (None, None);
    while done.is_none() {
        let Ok(chunk) = received.recv_timeout(QUIET) else { break };
        seen.extend_from_slice(&chunk);
        let text = String::from_utf8_lossy(&seen);
        if first.is_none() && text.contains("help") {
            first = Some(start.elapsed());
        }
        if first.is_some() && text.contains(last) {
            done = Some(start.elapsed());
        }
    }
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = stdin.write_all(b"q");
    drop(stdin);
    let _ = child.kill();
    let _ = child.wait();
    let first = first.expect("the workbench drew a frame");
    if done.is_none() {
        eprintln!("the workbench never showed “{last}”: its time is the first frame's");
    }
    (first, done.unwrap_or(first))
}

/// How long the workbench may stay silent before a run is given up.
const QUIET: Duration = Duration::from_secs(60);

/// A small report: a title and a table of three rows.
fn small_report() -> String {
    "关于重庆市綦江区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n\
     表1  2022年主要指标完成情况\n指标名称\t预期目标\t完成情况\n\
     地区生产总值增速（%）\t6\t3.1\n一般公共预算收入增速（%）\t5\t6.2\n城镇登记失业率（%）\t≤4.5\t4.1\n"
        .to_owned()
}

fn library_figures(dir: &Path, runs: usize) {
    let text = small_report();
    let per_report = timed(runs * 20, || {
        let start = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(load_bytes("small.txt", text.as_bytes()).expect("the small report loads"));
        }
        start.elapsed() / 100
    });
    println!(
        "{:<58} {:>9.1} µs  (fastest {:.1} µs)",
        format!("fixed cost of one small report ({} bytes)", text.len()),
        per_report.0.as_secs_f64() * 1e6,
        per_report.1.as_secs_f64() * 1e6
    );

    let cache = Cache::at(empty_cache("library"), "bench".to_owned());
    let hash = ContentHash::of(text.as_bytes());
    cache
        .put(hash, &load_bytes("small.txt", text.as_bytes()).expect("the small report loads"))
        .expect("stored");
    let per_hit = timed(runs * 20, || {
        let start = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(cache.get(hash).expect("a cache hit"));
        }
        start.elapsed() / 100
    });
    println!(
        "{:<58} {:>9.1} µs  (fastest {:.1} µs)",
        "fixed cost of a cache hit, the same report (Cache::get)",
        per_hit.0.as_secs_f64() * 1e6,
        per_hit.1.as_secs_f64() * 1e6
    );

    let corpus = load_paths_with(&[dir.to_owned()], &LoadOptions::default());
    let env = ColorEnv { no_color: None, colorterm: None, term: Some("xterm-256color".to_owned()) };
    let (settings, _) = settings(&Options::default(), &Config::default(), &env, None);
    let size = Rect::new(0, 0, 120, 40);
    let total = corpus.reports.len();
    let (most, last) = corpus.reports.split_at(total.saturating_sub(50));
    let fresh = || {
        let mut app = App::new(Corpus::default(), settings.clone(), size);
        let first = Corpus { reports: most.to_vec(), ..Corpus::default() };
        app.update(Msg::Loading(first, Progress { done: most.len(), total }));
        app
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let batch = timed(runs, || {
        let mut app = fresh();
        // The copy of the batch is the bench's, not the workbench's: it is made before timing.
        let batch = Corpus { reports: last.to_vec(), ..Corpus::default() };
        let start = Instant::now();
        app.update(Msg::Loading(batch, Progress { done: total - 1, total }));
        terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        start.elapsed()
    });
    row(&format!("workbench: add a batch of {} to {} reports, redraw", last.len(), most.len()), batch);
    let mut app = fresh();
    terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
    let key = timed(runs * 20, || {
        let start = Instant::now();
        app.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
        terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        start.elapsed()
    });
    row(&format!("workbench: a key and its redraw, {} reports", most.len()), key);
    let aliases = Some(&settings.aliases);
    let whole = timed(runs, || {
        let start = Instant::now();
        std::hint::black_box(IndexSource::new(&corpus.reports, aliases));
        start.elapsed()
    });
    row(&format!("finder: names of {total} reports at once (IndexSource::new)"), whole);
    let held = IndexSource::new(most, aliases);
    let batch = timed(runs * 20, || {
        let mut source = held.clone();
        let start = Instant::now();
        source.add(&corpus.reports);
        start.elapsed()
    });
    row(&format!("finder: names of a batch of {} (UI thread, per batch)", last.len()), batch);
    let links = timed(runs, || {
        let start = Instant::now();
        std::hint::black_box(LinkIndex::new(&corpus.reports, &settings.aliases));
        start.elapsed()
    });
    row(&format!("links: indicator-years of {total} reports at once (LinkIndex::new)"), links);
    // What a key that moves to another indicator costs besides its redraw: linking that one
    // indicator across the reports (the first report's first row, in every sample).
    let index = LinkIndex::new(&corpus.reports, &settings.aliases);
    let first_row = corpus.reports.iter().flat_map(|r| &r.tables).flat_map(|t| &t.rows).next();
    if let Some(first) = first_row {
        let canonical = row_canonical(first, &settings.aliases);
        let compare = timed(runs * 20, || {
            let start = Instant::now();
            std::hint::black_box(index.compare(&corpus.reports, &settings.aliases, &canonical));
            start.elapsed()
        });
        row(&format!("links: {canonical} across {total} reports (LinkIndex::compare)"), compare);
    }
}

fn main() {
    let args = args();
    let _scratch = Scratch;
    // The marker beside the folder, not in it: plangap would read it as a report.
    let marker = args.dir.with_extension("done");
    if !marker.exists() {
        let bytes = generate::write_corpus(&args.dir, args.count).expect("the corpus is written");
        std::fs::write(&marker, "").expect("marker");
        println!("wrote {} reports ({:.1} MB) to {}", args.count, bytes as f64 / 1e6, args.dir.display());
    }
    let dir = args.dir.display().to_string();
    println!("{} reports in {dir}, {} runs each, {} cores", args.count, args.runs, plangap_threads());
    if args.library_only {
        return library_figures(&args.dir, args.runs);
    }
    if args.reopen {
        return reopen_figures(&args.dir, args.runs);
    }
    let baseline_cache = args.baseline.as_ref().map(|baseline| {
        let cache = empty_cache("baseline");
        row("baseline: summary", timed(args.runs, || summary(baseline, &cache, &["summary", &dir])));
        let frame = timed(args.runs, || workbench(baseline, &args.dir, &cache, "help").0);
        row("baseline: workbench's first frame", frame);
        (baseline, cache)
    });
    if !args.cached_only {
        row(
            "cold: summary --no-cache",
            timed(args.runs, || summary(BINARY, &empty_cache("none"), &["summary", "--no-cache", &dir])),
        );
        row(
            "cold: summary, empty cache (fills it)",
            timed(args.runs, || summary(BINARY, &empty_cache("cold"), &["summary", &dir])),
        );
    }
    let warm = empty_cache("warm");
    summary(BINARY, &warm, &["summary", &dir]);
    row("cached: summary", timed(args.runs, || summary(BINARY, &warm, &["summary", &dir])));
    // The end of loading says `loaded N report(s), …`; only the cells that changed since the
    // progress line are sent, so the words are looked for, not the whole sentence.
    let loaded = "report(s), ";
    let pick = |runs: &[(Duration, Duration)], f: fn(&(Duration, Duration)) -> Duration| {
        timed(runs.len(), {
            let mut it = runs.iter().map(f);
            move || it.next().expect("a run")
        })
    };
    if !args.cached_only {
        let cold: Vec<_> =
            (0..args.runs).map(|_| workbench(BINARY, &args.dir, &empty_cache("tui-cold"), loaded)).collect();
        row("workbench, cold: first frame", pick(&cold, |r| r.0));
        row("workbench, cold: all reports in", pick(&cold, |r| r.1));
    }
    // With a baseline, its cached workbench and this build's take turns, so that both meet the
    // same load.
    let (mut warm_tui, mut warm_baseline) = (Vec::new(), Vec::new());
    for _ in 0..args.runs {
        if let Some((baseline, cache)) = &baseline_cache {
            warm_baseline.push(workbench(baseline, &args.dir, cache, loaded));
        }
        warm_tui.push(workbench(BINARY, &args.dir, &warm, loaded));
    }
    if !warm_baseline.is_empty() {
        row("baseline, cached: first frame", pick(&warm_baseline, |r| r.0));
        row("baseline, cached: all reports in", pick(&warm_baseline, |r| r.1));
    }
    row("workbench, cached: first frame", pick(&warm_tui, |r| r.0));
    row("workbench, cached: all reports in", pick(&warm_tui, |r| r.1));
    library_figures(&args.dir, args.runs);
}

/// How many batches [`reopen_figures`] adds the reports in: about as many as the workbench
/// receives while a cached reopen of 2,000 reports takes half a second.
const REOPEN_BATCHES: usize = 5;

/// The cached reopen in this process, on this thread: every entry read back from a cache (filled
/// first), then the reports added to a workbench in [`REOPEN_BATCHES`] batches, each with its
/// redraw, the last one saying loading has finished.
fn reopen_figures(dir: &Path, runs: usize) {
    let cache = Cache::at(empty_cache("reopen"), "bench-reopen".to_owned());
    let options =
        LoadOptions { cache: Some(cache), threads: 1, finder_names: true, ..LoadOptions::default() };
    load_paths_with(&[dir.to_owned()], &options);
    let mut corpus = Corpus::default();
    let read = timed(runs, || {
        let start = Instant::now();
        corpus = load_paths_with(&[dir.to_owned()], &options);
        start.elapsed()
    });
    row(&format!("reopen: {} entries read back, one thread", corpus.reports.len()), read);
    let env = ColorEnv { no_color: None, colorterm: None, term: Some("xterm-256color".to_owned()) };
    let (settings, _) = settings(&Options::default(), &Config::default(), &env, None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let total = corpus.reports.len();
    let add = timed(runs, || {
        // The copies of the batches are the bench's, made before timing.
        let size = total.div_ceil(REOPEN_BATCHES).max(1);
        let names = corpus.names.chunks(size).map(Some).chain(std::iter::repeat(None));
        let batches: Vec<Corpus> = (corpus.reports.chunks(size).zip(corpus.digests.chunks(size)).zip(names))
            .map(|((reports, digests), names)| Corpus {
                reports: reports.to_vec(),
                digests: digests.to_vec(),
                names: names.map_or_else(Vec::new, <[_]>::to_vec),
                ..Corpus::default()
            })
            .collect();
        let start = Instant::now();
        let mut app = App::new(Corpus::default(), settings.clone(), Rect::new(0, 0, 120, 40));
        let mut done = 0;
        for batch in batches {
            done += batch.reports.len();
            app.update(Msg::Loading(batch, Progress { done, total }));
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        }
        let elapsed = start.elapsed();
        // The workbench is dropped at exit, after what the reopen is timed to.
        std::mem::forget(app);
        elapsed
    });
    row(&format!("reopen: {total} reports added in {REOPEN_BATCHES} batches, redrawn"), add);
}

fn plangap_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
