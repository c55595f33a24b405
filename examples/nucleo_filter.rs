//! A small `fzf --filter` made of helix's `nucleo-matcher`, the yardstick for `plangap find
//! --filter` in `benches/fzf_compare.sh`: reads one candidate per line from stdin, prints the lines
//! that match the query, best score first (ties in input order). The lines are scored on all cores
//! (one matcher per thread, as nucleo's own picker does), so the comparison with plangap and fzf,
//! which use every core too, is fair.
//!
//! Build: `cargo build --release --example nucleo_filter`; run: `nucleo_filter QUERY < LIST`.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;
use std::io::{self, BufWriter, Read, Write};

/// Lines scored per task.
const CHUNK: usize = 4096;

fn main() -> io::Result<()> {
    let query = std::env::args().nth(1).unwrap_or_default();
    let mut text = String::new();
    io::stdin().lock().read_to_string(&mut text)?;
    let lines: Vec<&str> = text.lines().collect();
    let pattern = Pattern::parse(&query, CaseMatching::Smart, Normalization::Smart);
    let mut scored: Vec<(u32, usize)> = lines
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(chunk, part)| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buffer = Vec::new();
            let mut found = Vec::new();
            for (offset, line) in part.iter().enumerate() {
                if let Some(score) = pattern.score(Utf32Str::new(line, &mut buffer), &mut matcher) {
                    found.push((score, chunk * CHUNK + offset));
                }
            }
            found
        })
        .collect();
    scored.par_sort_unstable_by_key(|&(score, index)| (std::cmp::Reverse(score), index));
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    for (_, index) in scored {
        out.write_all(lines[index].as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
