//! The matching engine over a list of candidate strings: storage prepared once, then ranked
//! searches. Used by the corpus index and the TUI; [`super::lines`] scores lines with the same
//! preparation and matching without keeping anything.
//!
//! Names live in one text buffer; only names that folding changes or that contain a place name
//! of the pinyin override table get extra data. A search checks each candidate without
//! allocating (the matcher's subsequence test, the bit-parallel pinyin alignment), scores only
//! the candidates that match, and spreads the work over the cores when the list is large.

use super::align::{Name, Scratch};
use super::fold;
use super::matcher::{Matcher, SkimMatcher};
use super::pinyin::{self, Syllable};
use super::query::{Query, Term};
use rayon::prelude::*;
use std::ops::Range;

/// Lists shorter than this are searched in one piece; longer ones are split over the cores.
const PARALLEL_CHUNK: usize = 4096;
const NO_EXTRA: u32 = u32::MAX;

/// A candidate that matched a query, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The candidate's index in its list (for the corpus index, the entry index).
    pub candidate: usize,
    /// Sum of the terms' scores; 0 for the empty query.
    pub score: i32,
}

/// A list of candidate strings prepared for matching.
pub struct Candidates {
    text: String,
    spans: Vec<Span>,
    extras: Vec<Extra>,
    folded: String,
    origins: Vec<u32>,
    places: Vec<(u32, Syllable)>,
    matcher: Box<dyn Matcher>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    extra: u32,
    /// The number of characters, the tie-break between equal scores.
    chars: u32,
    /// The name has ASCII letters (else a term with letters can only match through pinyin).
    latin: bool,
}

#[derive(Debug, Clone)]
struct Extra {
    folded: Option<Range<usize>>,
    origins: Range<usize>,
    places: Range<usize>,
}

/// Folded texts, origins and place readings of a run of candidates, built on one thread and
/// then appended to the list's own (or, for one line at a time, cleared before each).
#[derive(Default)]
pub(super) struct Arena {
    folded: String,
    origins: Vec<u32>,
    places: Vec<(u32, Syllable)>,
    extras: Vec<(usize, Extra)>,
}

/// What one pass over a name tells.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Traits {
    /// The number of characters, the tie-break between equal scores.
    pub chars: u32,
    /// The name has something that folds to an ASCII letter.
    pub latin: bool,
    /// Folding may change the name.
    unstable: bool,
    /// A place name of the pinyin override table may start in the name.
    place: bool,
}

impl Traits {
    /// Reads `name` once.
    fn of(name: &str) -> Traits {
        let mut traits = Traits::default();
        let mut chars = 0usize;
        for c in name.chars() {
            chars += 1;
            if fold::is_stable(c) {
                traits.latin |= c.is_ascii_alphabetic();
            } else {
                traits.unstable = true;
                traits.latin = traits.latin || fold::folds_to_letter(c);
            }
            traits.place |= pinyin::may_start_place(c);
        }
        traits.chars = u32::try_from(chars).unwrap_or(u32::MAX);
        traits
    }
}

impl Arena {
    /// Records what candidate `candidate` needs besides its text, when it needs anything: its
    /// folded text, and with `places` the in-context readings of its place names (only pinyin
    /// alignment reads them). Returns what the pass over the name found.
    pub(super) fn prepare(&mut self, candidate: usize, name: &str, places: bool) -> Traits {
        let traits = Traits::of(name);
        if !(traits.unstable || places && traits.place) {
            return traits;
        }
        let (folded_start, origins_start, places_start) =
            (self.folded.len(), self.origins.len(), self.places.len());
        let folded = (traits.unstable && fold::fold_into(name, &mut self.folded, &mut self.origins))
            .then_some(folded_start..self.folded.len());
        if places {
            let text = folded.clone().and_then(|range| self.folded.get(range)).unwrap_or(name);
            pinyin::place_readings(text, &mut self.places);
        }
        if folded.is_some() || self.places.len() > places_start {
            let extra = Extra {
                folded,
                origins: origins_start..self.origins.len(),
                places: places_start..self.places.len(),
            };
            self.extras.push((candidate, extra));
        }
        traits
    }

    /// Forgets every candidate prepared so far, keeping the memory.
    pub(super) fn clear(&mut self) {
        self.folded.clear();
        self.origins.clear();
        self.places.clear();
        self.extras.clear();
    }

    /// `name` as the matchers see it, when it is the only candidate prepared since the last
    /// [`Arena::clear`].
    pub(super) fn name<'a>(&'a self, name: &'a str) -> Name<'a> {
        match self.extras.first() {
            Some((_, extra)) => extra.name(name, &self.folded, &self.places),
            None => Name { folded: name, places: &[] },
        }
    }
}

impl Extra {
    /// The name `text` as the matchers see it, from the buffers this extra points into.
    fn name<'a>(&self, text: &'a str, folded: &'a str, places: &'a [(u32, Syllable)]) -> Name<'a> {
        Name {
            folded: self.folded.clone().and_then(|range| folded.get(range)).unwrap_or(text),
            places: places.get(self.places.clone()).unwrap_or(&[]),
        }
    }
}

/// A candidate as the matchers see it.
#[derive(Debug, Clone, Copy)]
pub(super) struct View<'a> {
    /// The folded name and its place readings.
    pub name: Name<'a>,
    /// The name has something that folds to an ASCII letter.
    pub latin: bool,
}

/// The sort key of a match: higher score first, then fewer characters:
/// `(i32::MAX - score) << 32 | characters`.
pub(super) fn order(score: i32, chars: u32) -> u64 {
    ((i64::from(i32::MAX) - i64::from(score)) as u64) << 32 | u64::from(chars)
}

/// The sum of the scores of `query`'s terms in `view`, or `None` when some term does not match.
pub(super) fn score_terms(
    matcher: &dyn Matcher,
    query: &Query,
    view: View<'_>,
    scratch: &mut Scratch,
) -> Option<i32> {
    let mut score = 0i32;
    for term in query.parts() {
        score = score.saturating_add(match_term(matcher, term, view, scratch, false)?.0);
    }
    Some(score)
}

/// The better of the literal match (the matcher on the folded name) and the pinyin-aware
/// alignment, with positions in the folded name when `positions` is set.
fn match_term(
    matcher: &dyn Matcher,
    term: &Term,
    view: View<'_>,
    scratch: &mut Scratch,
    positions: bool,
) -> Option<(i32, Vec<usize>)> {
    let name = view.name;
    let spelled = match &term.spelling {
        Some(spelling) if !spelling.aligns(name) => return None,
        Some(spelling) => spelling.best(name, scratch, positions),
        None => None,
    };
    let literal = if (term.latin && !view.latin) || !matcher.may_match(name.folded, &term.text) {
        None
    } else if positions {
        matcher.positions(name.folded, &term.text)
    } else {
        matcher.score(name.folded, &term.text).map(|score| (score, Vec::new()))
    };
    match (spelled, literal) {
        (Some(spelled), Some(literal)) => Some(if literal.0 >= spelled.0 { literal } else { spelled }),
        (spelled, literal) => spelled.or(literal),
    }
}

#[derive(Debug, Clone, Copy)]
struct Ranked {
    /// See [`order`].
    order: u64,
    score: i32,
    candidate: usize,
}

impl Candidates {
    /// Prepares `names`, in order; candidate `i` is the `i`-th name.
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Candidates {
        let mut text = String::new();
        let mut spans = Vec::new();
        for name in names {
            let start = text.len();
            text.push_str(name.as_ref());
            spans.push(Span { start, end: text.len(), extra: NO_EXTRA, chars: 0, latin: false });
        }
        Candidates::prepare(text, spans)
    }

    fn prepare(text: String, mut spans: Vec<Span>) -> Candidates {
        let arenas: Vec<Arena> = spans
            .par_chunks_mut(PARALLEL_CHUNK)
            .enumerate()
            .map(|(chunk, chunk_spans)| {
                let mut arena = Arena::default();
                for (offset, span) in chunk_spans.iter_mut().enumerate() {
                    let name = text.get(span.start..span.end).unwrap_or("");
                    let traits = arena.prepare(chunk * PARALLEL_CHUNK + offset, name, true);
                    (span.chars, span.latin) = (traits.chars, traits.latin);
                }
                arena
            })
            .collect();
        let mut candidates = Candidates {
            text: String::new(),
            spans: Vec::new(),
            extras: Vec::new(),
            folded: String::new(),
            origins: Vec::new(),
            places: Vec::new(),
            matcher: Box::new(SkimMatcher::default()),
        };
        for arena in arenas {
            let shift = |range: Range<usize>, by: usize| range.start + by..range.end + by;
            let (folded, origins, places) =
                (candidates.folded.len(), candidates.origins.len(), candidates.places.len());
            candidates.folded.push_str(&arena.folded);
            candidates.origins.extend_from_slice(&arena.origins);
            candidates.places.extend_from_slice(&arena.places);
            for (candidate, extra) in arena.extras {
                if let Some(span) = spans.get_mut(candidate) {
                    span.extra = u32::try_from(candidates.extras.len()).unwrap_or(NO_EXTRA);
                    candidates.extras.push(Extra {
                        folded: extra.folded.map(|range| shift(range, folded)),
                        origins: shift(extra.origins, origins),
                        places: shift(extra.places, places),
                    });
                }
            }
        }
        candidates.text = text;
        candidates.spans = spans;
        candidates
    }

    /// The number of candidates.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are no candidates.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Candidate `candidate` as written; empty when out of range.
    pub fn text(&self, candidate: usize) -> &str {
        self.spans.get(candidate).and_then(|s| self.text.get(s.start..s.end)).unwrap_or("")
    }

    /// Every match of `query` among all candidates (`pool` = `None`) or among the candidates in
    /// `pool`, best first: higher score, then shorter name, then earlier candidate. The empty
    /// query matches every candidate, in candidate order.
    pub fn search(&self, query: &Query, pool: Option<&[usize]>) -> Vec<Match> {
        if query.is_empty() {
            let mut all: Vec<usize> = pool.map_or_else(|| (0..self.len()).collect(), <[usize]>::to_vec);
            all.sort_unstable();
            return all.into_iter().map(|candidate| Match { candidate, score: 0 }).collect();
        }
        let mut ranked = match pool {
            Some(ids) => self.rank(query, ids.par_iter().copied()),
            None => self.rank(query, (0..self.len()).into_par_iter()),
        };
        ranked.par_sort_unstable_by_key(|r| u128::from(r.order) << 64 | r.candidate as u128);
        ranked.into_iter().map(|r| Match { candidate: r.candidate, score: r.score }).collect()
    }

    /// The characters of candidate `candidate` that `query` matches, as indices of the
    /// characters of the name as written (not bytes, not pinyin letters), increasing; empty when
    /// it does not match.
    pub fn positions(&self, query: &Query, candidate: usize) -> Vec<usize> {
        let Some((view, _)) = self.view(candidate) else { return Vec::new() };
        let mut scratch = Scratch::default();
        let mut positions = Vec::new();
        for term in query.parts() {
            match match_term(self.matcher.as_ref(), term, view, &mut scratch, true) {
                Some((_, found)) => positions.extend(found),
                None => return Vec::new(),
            }
        }
        if let Some(origins) = self.origins(candidate) {
            positions.iter_mut().for_each(|p| *p = origins.get(*p).map_or(*p, |&o| o as usize));
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    fn rank(&self, query: &Query, ids: impl IndexedParallelIterator<Item = usize>) -> Vec<Ranked> {
        ids.with_min_len(PARALLEL_CHUNK)
            .map_init(Scratch::default, |scratch, candidate| self.score(query, candidate, scratch))
            .filter_map(|ranked| ranked)
            .collect()
    }

    /// The score of one candidate, or `None` when some term does not match.
    fn score(&self, query: &Query, candidate: usize, scratch: &mut Scratch) -> Option<Ranked> {
        let (view, chars) = self.view(candidate)?;
        let score = score_terms(self.matcher.as_ref(), query, view, scratch)?;
        Some(Ranked { order: order(score, chars), score, candidate })
    }

    fn extra(&self, candidate: usize) -> Option<&Extra> {
        let span = self.spans.get(candidate)?;
        self.extras.get(span.extra as usize)
    }

    /// Candidate `candidate` as the matchers see it, and its number of characters.
    fn view(&self, candidate: usize) -> Option<(View<'_>, u32)> {
        let span = self.spans.get(candidate)?;
        let text = self.text.get(span.start..span.end)?;
        let name = match self.extras.get(span.extra as usize) {
            None => Name { folded: text, places: &[] },
            Some(extra) => extra.name(text, &self.folded, &self.places),
        };
        Some((View { name, latin: span.latin }, span.chars))
    }

    fn origins(&self, candidate: usize) -> Option<&[u32]> {
        let extra = self.extra(candidate)?;
        self.origins.get(extra.origins.clone()).filter(|o| !o.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_back_through_folding() {
        let candidates = Candidates::new(["Ⅲ类水质（二期）"]);
        assert_eq!(candidates.positions(&Query::parse("iii"), 0), vec![0]);
        assert_eq!(candidates.positions(&Query::parse("水 (二"), 0), vec![2, 4, 5]);
    }
}
