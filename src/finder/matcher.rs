//! The fuzzy matcher for names as written, behind a small interface of our own.
//!
//! fuzzy-matcher's `SkimMatcherV2` is the engine today. The crate is archived upstream and its
//! bonuses know only ASCII separators (our folding maps CJK punctuation onto them), so callers
//! see only [`Matcher`]: another engine can replace it without touching them.

use fuzzy_matcher::skim::{SkimMatcherV2, SkimScoreConfig};

/// Scoring constants, shared by the literal matcher and the pinyin alignment so that their
/// scores rank together: fzf's and skim's scheme (a score per matched character, bonuses at word
/// starts, an affine gap penalty), with a heavier gap penalty and run bonus than theirs so that
/// a contiguous run beats the same characters scattered even at the start of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoring {
    /// Score of each matched character.
    pub score_match: i32,
    /// Penalty (negative) for opening a gap between matched characters.
    pub gap_start: i32,
    /// Penalty (negative) for each skipped character.
    pub gap_extension: i32,
    /// The word-start bonus is multiplied by this at the name's first character.
    pub bonus_first_char_multiplier: i32,
    /// Bonus for a match at a word start (after a space or bracket).
    pub bonus_head: i32,
    /// Bonus for a match after punctuation.
    pub bonus_break: i32,
    /// Bonus for a match at a camelCase hump.
    pub bonus_camel: i32,
    /// Least bonus for a match right after the previous one.
    pub bonus_consecutive: i32,
}

/// The scoring in use.
pub const SCORING: Scoring = Scoring {
    score_match: 16,
    gap_start: -12,
    gap_extension: -1,
    bonus_first_char_multiplier: 2,
    bonus_head: 8,
    bonus_break: 7,
    bonus_camel: 6,
    bonus_consecutive: 13,
};

/// Matches a folded needle against a folded haystack, fzf-style: every needle character must
/// occur in the haystack in order; higher scores for contiguous runs and word starts.
pub trait Matcher: Send + Sync {
    /// The score of `needle` in `haystack`, or `None` when it does not match.
    fn score(&self, haystack: &str, needle: &str) -> Option<i32>;

    /// The score and the character indices of `haystack` that matched, in increasing order.
    fn positions(&self, haystack: &str, needle: &str) -> Option<(i32, Vec<usize>)>;

    /// A cheap test that must hold for [`Matcher::score`] to match; allocation-free, so it can
    /// run on every candidate before the full match.
    fn may_match(&self, haystack: &str, needle: &str) -> bool {
        is_subsequence(haystack, needle)
    }
}

/// True when the characters of `needle` occur in `haystack` in order.
pub fn is_subsequence(haystack: &str, needle: &str) -> bool {
    let mut wanted = needle.chars();
    let Some(mut next) = wanted.next() else { return true };
    for c in haystack.chars() {
        if c == next {
            match wanted.next() {
                Some(following) => next = following,
                None => return true,
            }
        }
    }
    false
}

/// [`Matcher`] over fuzzy-matcher's `SkimMatcherV2`. Text is folded to lower case before it
/// gets here, so matching respects case (which is also faster).
pub struct SkimMatcher {
    engine: SkimMatcherV2,
}

impl Default for SkimMatcher {
    fn default() -> Self {
        let config = SkimScoreConfig {
            score_match: SCORING.score_match,
            gap_start: SCORING.gap_start,
            gap_extension: SCORING.gap_extension,
            bonus_first_char_multiplier: SCORING.bonus_first_char_multiplier,
            bonus_head: SCORING.bonus_head,
            bonus_break: SCORING.bonus_break,
            bonus_camel: SCORING.bonus_camel,
            bonus_consecutive: SCORING.bonus_consecutive,
            penalty_case_mismatch: 0,
        };
        SkimMatcher { engine: SkimMatcherV2::default().score_config(config).respect_case() }
    }
}

/// Haystacks longer than this (in bytes) are not given to the engine, whose memory grows with
/// their length times the needle's: they match as a subsequence, with score 0 and no positions.
const MAX_HAYSTACK: usize = 1 << 16;

impl Matcher for SkimMatcher {
    fn score(&self, haystack: &str, needle: &str) -> Option<i32> {
        if haystack.len() > MAX_HAYSTACK {
            return is_subsequence(haystack, needle).then_some(0);
        }
        self.engine.fuzzy(haystack, needle, false).map(|(score, _)| clamp(score))
    }

    fn positions(&self, haystack: &str, needle: &str) -> Option<(i32, Vec<usize>)> {
        if haystack.len() > MAX_HAYSTACK {
            return is_subsequence(haystack, needle).then(|| (0, Vec::new()));
        }
        self.engine.fuzzy(haystack, needle, true).map(|(score, positions)| (clamp(score), positions))
    }
}

fn clamp(score: i64) -> i32 {
    i32::try_from(score).unwrap_or(if score < 0 { i32::MIN } else { i32::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_test_is_exact() {
        assert!(is_subsequence("藻渡水库", "藻库"));
        assert!(is_subsequence("藻渡水库", ""));
        assert!(!is_subsequence("藻渡水库", "库藻"));
        assert!(!is_subsequence("", "藻"));
    }

    #[test]
    fn very_long_haystacks_match_without_the_engine() {
        let long = format!("{}藻渡水库", "一".repeat(MAX_HAYSTACK));
        assert_eq!(SkimMatcher::default().score(&long, "藻库"), Some(0));
        assert_eq!(SkimMatcher::default().positions(&long, "库藻"), None);
    }

    #[test]
    fn skim_positions_are_character_indices() {
        let matcher = SkimMatcher::default();
        let (_, positions) = matcher.positions("綦江区藻渡水库", "藻库").unwrap();
        assert_eq!(positions, vec![3, 6]);
    }

    #[test]
    fn contiguous_then_prefix_matches_score_higher() {
        let matcher = SkimMatcher::default();
        let prefix = matcher.score("藻渡水库", "藻渡").unwrap();
        let inner = matcher.score("新建藻渡水库", "藻渡").unwrap();
        let spread = matcher.score("藻类渡口", "藻渡").unwrap();
        let inner_spread = matcher.score("新藻类渡口", "藻渡").unwrap();
        assert!(prefix > inner && inner > spread && spread > inner_spread, "{prefix} {inner} {spread}");
    }
}
