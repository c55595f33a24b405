//! The incremental search behind a finder prompt: when the query only grew, search only the
//! previous matches.

use super::candidates::{Candidates, Match};
use super::query::{Query, Scope};

/// What a [`Searcher`] searches: a candidate list, and the candidates each scope covers.
pub trait Source {
    /// The prepared candidates.
    fn candidates(&self) -> &Candidates;
    /// The candidates of `scope`, or `None` for all of them.
    fn scope_pool(&self, scope: Scope) -> Option<&[usize]>;
}

impl Source for Candidates {
    fn candidates(&self) -> &Candidates {
        self
    }

    fn scope_pool(&self, _scope: Scope) -> Option<&[usize]> {
        None
    }
}

/// Keeps the last query and its matches so that the next keystroke can narrow them. Use one
/// searcher per source; it starts afresh by itself when the source's size changes.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    last: Option<Last>,
}

#[derive(Debug, Clone)]
struct Last {
    query: Query,
    source_len: usize,
    matches: Vec<Match>,
}

impl Searcher {
    /// A searcher with no history.
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// The matches of `query` in `source`, best first; the same result as a fresh
    /// [`Candidates::search`], computed over the previous matches when `query` narrows the
    /// previous query.
    pub fn search<S: Source>(&mut self, source: &S, query: Query) -> &[Match] {
        let candidates = source.candidates();
        let narrowed: Option<Vec<usize>> = self
            .last
            .as_ref()
            .filter(|last| last.source_len == candidates.len() && query.narrows(&last.query))
            .map(|last| last.matches.iter().map(|m| m.candidate).collect());
        let pool = narrowed.as_deref().or_else(|| source.scope_pool(query.scope()));
        let matches = candidates.search(&query, pool);
        let last = self.last.insert(Last { query, source_len: candidates.len(), matches });
        &last.matches
    }

    /// The matches of the last search.
    pub fn matches(&self) -> &[Match] {
        self.last.as_ref().map_or(&[], |last| &last.matches)
    }

    /// The last query searched.
    pub fn query(&self) -> Option<&Query> {
        self.last.as_ref().map(|last| &last.query)
    }
}
