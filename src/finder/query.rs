//! Queries: folded terms separated by white space (all must match, as in fzf), and for the
//! corpus index an optional scope prefix (`p:` projects, `i:` indicators, `d:` districts).

use super::align::Spelling;
use super::fold::fold_string;

/// Which entries of a [`super::FinderIndex`] a query searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// Projects, indicator names and places together.
    #[default]
    All,
    /// Projects only (prefix `p:`).
    Projects,
    /// Indicator names only (prefix `i:`).
    Indicators,
    /// Districts and cities only (prefix `d:`).
    Places,
}

impl Scope {
    /// The prefixes a typed query may start with, and the scope each selects.
    pub const PREFIXES: [(&'static str, Scope); 3] =
        [("p:", Scope::Projects), ("i:", Scope::Indicators), ("d:", Scope::Places)];
}

/// A parsed query, ready to match many candidates.
#[derive(Debug, Clone)]
pub struct Query {
    scope: Scope,
    terms: Vec<Term>,
}

/// One white-space separated part of a query, folded.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// The folded term.
    pub text: String,
    /// Its preparation for pinyin alignment, when it has Latin letters.
    pub spelling: Option<Spelling>,
    /// The term has ASCII letters.
    pub latin: bool,
}

impl Query {
    /// Parses `text` as plain terms (no scope prefix): for arbitrary candidate lists.
    pub fn parse(text: &str) -> Query {
        Query::with_scope(Scope::All, &fold_string(text))
    }

    /// Parses `text` for the corpus index: a leading `p:`, `i:` or `d:` (full-width colon too)
    /// selects a [`Scope`].
    pub fn parse_scoped(text: &str) -> Query {
        let folded = fold_string(text);
        let trimmed = folded.trim_start();
        for (prefix, scope) in Scope::PREFIXES {
            if let Some(rest) = trimmed.strip_prefix(prefix) {
                return Query::with_scope(scope, rest);
            }
        }
        Query::with_scope(Scope::All, &folded)
    }

    /// The same query restricted to `scope`.
    pub fn in_scope(mut self, scope: Scope) -> Query {
        self.scope = scope;
        self
    }

    fn with_scope(scope: Scope, folded: &str) -> Query {
        let terms = folded
            .split_whitespace()
            .map(|t| Term {
                text: t.to_owned(),
                spelling: Spelling::new(t),
                latin: t.chars().any(|c| c.is_ascii_alphabetic()),
            })
            .collect();
        Query { scope, terms }
    }

    /// The scope the query searches.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// True when the query has no terms (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.text.as_str())
    }

    pub(crate) fn parts(&self) -> &[Term] {
        &self.terms
    }

    /// True when some term may match through pinyin (it has Latin letters to spell with).
    pub(crate) fn spells(&self) -> bool {
        self.terms.iter().any(|t| t.spelling.is_some())
    }

    /// True when every match of `self` is a match of `previous`: same scope, and each of the
    /// previous terms is the start of the term in the same place (terms may be added). The
    /// incremental search then only looks at the previous matches.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.scope == previous.scope
            && self.terms.len() >= previous.terms.len()
            && previous.terms.iter().zip(&self.terms).all(|(old, new)| new.text.starts_with(&old.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_folded_and_split_on_any_space() {
        let query = Query::parse("  藻渡\u{3000}ＳＫ  (二期) ");
        assert_eq!(query.terms().collect::<Vec<_>>(), vec!["藻渡", "sk", "(二期)"]);
        assert!(Query::parse(" \t ").is_empty());
    }

    #[test]
    fn scope_prefixes_are_recognised_for_the_index_only() {
        assert_eq!(Query::parse_scoped("p：zdsk").scope(), Scope::Projects);
        assert_eq!(Query::parse_scoped("d:qj").terms().collect::<Vec<_>>(), vec!["qj"]);
        assert_eq!(Query::parse("p:zdsk").terms().collect::<Vec<_>>(), vec!["p:zdsk"]);
    }

    #[test]
    fn narrowing_requires_grown_terms() {
        let old = Query::parse("zd");
        assert!(Query::parse("zds").narrows(&old));
        assert!(Query::parse("zd 水").narrows(&old));
        assert!(!Query::parse("z").narrows(&old));
        assert!(!Query::parse("sk").narrows(&old));
        assert!(!Query::parse("zds").in_scope(Scope::Projects).narrows(&old));
    }
}
