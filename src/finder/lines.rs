//! One-shot filtering of the lines of a text, for `plangap find --filter` (like `fzf --filter`):
//! each line is prepared, matched and, when it matches, ranked in a single pass over the text,
//! spread over the cores, with nothing kept for a later search. Lines rank as the candidates of
//! [`super::Candidates`] do: higher score, then fewer characters, then earlier in the text.
//!
//! ```
//! use plangap::finder::{Query, lines};
//! let text = "綦江区疾控中心迁建工程\n藻渡水库\r\n重庆市\n";
//! let found = lines::filter(text, &Query::parse("sk"));
//! assert_eq!(found.lines().collect::<Vec<_>>(), ["藻渡水库"]);
//! ```

use super::align::Scratch;
use super::candidates::{Arena, View, order, score_terms};
use super::matcher::SkimMatcher;
use super::query::Query;
use rayon::prelude::*;
use std::ops::Range;

/// Lines are read in pieces of about this many bytes, one piece per task.
const PIECE: usize = 1 << 16;

/// The lines of a text that matched a query, best first.
pub struct Filtered<'t> {
    text: &'t str,
    found: Vec<Found>,
}

/// A line that matched: its sort key ([`order`]) and where it is in the text.
#[derive(Debug, Clone, Copy)]
struct Found {
    order: u64,
    start: usize,
    end: usize,
}

impl<'t> Filtered<'t> {
    /// The matching lines, best first, without their line ends.
    pub fn lines(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.found.iter().map(|found| self.text.get(found.start..found.end).unwrap_or(""))
    }

    /// The number of matching lines.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// True when no line matched.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// The lines of `text` (`\n` or `\r\n` line ends; a final line end does not start another line)
/// that match `query`, best first. The empty query matches every line, in order. A text of one
/// piece is filtered on the calling thread, without starting the thread pool (whose threads a
/// busy machine may be slow to schedule).
pub fn filter<'t>(text: &'t str, query: &Query) -> Filtered<'t> {
    let pieces = pieces(text);
    let parallel = pieces.len() > 1;
    let mut found: Vec<Found> = match parallel {
        true => pieces.into_par_iter().flat_map_iter(|piece| filter_piece(text, piece, query)).collect(),
        false => pieces.into_iter().flat_map(|piece| filter_piece(text, piece, query)).collect(),
    };
    let key = |found: &Found| (found.order, found.start);
    match (query.is_empty(), parallel) {
        (true, _) => {}
        (false, true) => found.par_sort_unstable_by_key(key),
        (false, false) => found.sort_unstable_by_key(key),
    }
    Filtered { text, found }
}

/// Byte ranges covering `text`, each about [`PIECE`] bytes long and ending after a line end
/// (the last one at the end of the text).
fn pieces(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes
            .get(start + PIECE..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map_or(bytes.len(), |at| start + PIECE + at + 1);
        pieces.push(start..end);
        start = end;
    }
    pieces
}

/// The lines of `piece` (a range of `text`) that match `query`, in order.
fn filter_piece(text: &str, piece: Range<usize>, query: &Query) -> Vec<Found> {
    let matcher = SkimMatcher::default();
    let places = query.spells();
    let (mut arena, mut scratch, mut found) = (Arena::default(), Scratch::default(), Vec::new());
    let body = text.get(piece.clone()).unwrap_or("");
    let last = (!body.is_empty() && !body.ends_with('\n')).then_some(body.len());
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', body.as_bytes()).chain(last) {
        let line = body.get(start..newline).unwrap_or("");
        let content = line.strip_suffix('\r').unwrap_or(line);
        arena.clear();
        let traits = arena.prepare(0, content, places);
        let view = View { name: arena.name(content), latin: traits.latin };
        if let Some(score) = score_terms(&matcher, query, view, &mut scratch) {
            let at = piece.start + start;
            found.push(Found { order: order(score, traits.chars), start: at, end: at + content.len() });
        }
        start = newline + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finder::Candidates;

    fn filtered<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        filter(text, &Query::parse(query)).lines().collect()
    }

    #[test]
    fn lines_split_on_either_line_end() {
        let text = "藻渡水库\r\n綦江区\n\n涪陵区\n";
        assert_eq!(filtered(text, ""), ["藻渡水库", "綦江区", "", "涪陵区"]);
        assert_eq!(filtered(text, "区"), ["綦江区", "涪陵区"]);
        assert!(filtered("", "区").is_empty());
        assert_eq!(filtered("涪陵区", "flq"), ["涪陵区"]);
    }

    #[test]
    fn lines_rank_like_candidates_across_pieces() {
        let names: Vec<String> = (0..PIECE / 8)
            .map(|i| ["藻渡水库", "重庆市綦江区", "Ⅲ类水（二期）", "长寿区水库"][i % 4].repeat(1 + i % 3))
            .collect();
        let text = names.join("\n");
        assert!(pieces(&text).len() > 1);
        let candidates = Candidates::new(&names);
        for query in ["sk", "水库", "cq", "iii", "(二", "qjq 水"] {
            let parsed = Query::parse(query);
            let expected: Vec<&str> =
                candidates.search(&parsed, None).iter().map(|m| candidates.text(m.candidate)).collect();
            assert_eq!(filtered(&text, query), expected, "{query}");
        }
    }
}
