//! In-process finder latency on 100k names built by combining real project names of the corpus
//! (`tests/data/project_names.txt`): building the index, a fresh search per query, and each
//! keystroke of a typed query through the incremental searcher (goal: under 16 ms).
//!
//! Run with `cargo bench --bench finder`. The whole-process comparison with fzf is
//! `benches/fzf_compare.sh`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use plangap::finder::{Candidates, Query, Searcher};
use std::hint::black_box;

const REAL_NAMES: &str = include_str!("../tests/data/project_names.txt");
const DISTRICTS: [&str; 6] = ["", "綦江区", "涪陵区", "荣昌区", "重庆市", "长寿区"];

/// `count` names: the first half of one real name, the second half of another, some after a
/// district (the same scheme as `benches/fzf_compare.sh`).
fn names(count: usize) -> Vec<String> {
    let real: Vec<Vec<char>> = REAL_NAMES.lines().map(|l| l.chars().collect()).collect();
    let p = real.len();
    (0..count)
        .map(|k| {
            let (a, round) = (k % p, k / p);
            let (first, second) = (&real[a], &real[(round * 7 + a * 13 + 1) % p]);
            let mut name = DISTRICTS[round % DISTRICTS.len()].to_owned();
            name.extend(&first[..first.len() / 2]);
            name.extend(&second[second.len() / 2..]);
            name
        })
        .collect()
}

/// Queries typed one character at a time: CJK, full pinyin, initials, mixed, Latin, two terms.
const TYPED: [&str; 7] = ["藻渡水库", "zaodushuiku", "zdsk", "藻渡sk", "qjq", "led", "sk 綦江"];

fn finder(c: &mut Criterion) {
    let list = names(100_000);
    c.bench_function("index 100k names", |b| b.iter(|| Candidates::new(black_box(&list))));
    let candidates = Candidates::new(&list);

    let mut fresh = c.benchmark_group("fresh search, 100k names");
    for query in ["区", "水库", "藻渡水库", "q", "qj", "zdsk", "zaodushuiku"] {
        let parsed = Query::parse(query);
        fresh.bench_function(query, |b| b.iter(|| candidates.search(black_box(&parsed), None)));
    }
    fresh.finish();

    let mut typed = c.benchmark_group("keystroke, 100k names");
    for text in TYPED {
        let chars: Vec<char> = text.chars().collect();
        let mut searcher = Searcher::new();
        for end in 1..=chars.len() {
            let query: String = chars[..end].iter().collect();
            typed.bench_function(format!("{text}: {query}"), |b| {
                b.iter_batched(
                    || searcher.clone(),
                    |mut s| s.search(&candidates, Query::parse(&query)).len(),
                    BatchSize::LargeInput,
                )
            });
            searcher.search(&candidates, Query::parse(&query));
        }
    }
    typed.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = finder
}
criterion_main!(benches);
