//! Sorting Chinese names as a dictionary or a phone book does: by the pinyin of their characters
//! (涪陵区 `fu ling qu` before 綦江区 `qi jiang qu`), not by code point. Readings come from
//! [`super::pinyin`]: a character's first reading, or its reading in a place name (重庆 is
//! `chong qing`). Other characters are folded as the finder folds them and sort among the
//! syllables by their own letters.
//!
//! ```
//! use plangap::finder::collate::sort_key;
//! let mut names = vec!["綦江区", "重庆市", "涪陵区", "GDP增速"];
//! names.sort_by_cached_key(|n| sort_key(n));
//! assert_eq!(names, ["重庆市", "涪陵区", "GDP增速", "綦江区"]);
//! ```

use super::fold::fold_string;
use super::pinyin::{place_readings, readings, spelling};

/// The key `text` sorts by: each character's syllable followed by a space (so that `xi an` sorts
/// before `xian`), other characters folded; two names with one key are told apart by their text.
pub fn sort_key(text: &str) -> SortKey {
    let folded = fold_string(text);
    let mut in_context = Vec::new();
    place_readings(&folded, &mut in_context);
    let mut in_context = in_context.into_iter().peekable();
    let mut key = String::with_capacity(folded.len() * 2);
    for (index, c) in folded.chars().enumerate() {
        let syllable = match in_context.peek() {
            Some(&(at, syllable)) if at as usize == index => {
                in_context.next();
                Some(syllable)
            }
            _ => readings(c).syllables.first().copied(),
        };
        match syllable {
            Some(syllable) => {
                key.push_str(spelling(syllable));
                key.push(' ');
            }
            None => key.push(c),
        }
    }
    SortKey { key, text: text.to_owned() }
}

/// What [`sort_key`] gives: the pinyin key, then the text itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    key: String,
    text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut names: Vec<&str>) -> Vec<&str> {
        names.sort_by_cached_key(|n| sort_key(n));
        names
    }

    #[test]
    fn chinese_sorts_by_pinyin_not_code_point() {
        // By code point 涪 (U+6DAA) < 綦 (U+7DA6) < 荣 (U+8363) < 长 (U+957F) < 万 (U+4E07)…
        assert_eq!(
            sorted(vec!["荣昌区", "綦江区", "万州区", "长寿区", "涪陵区", "北碚区"]),
            ["北碚区", "长寿区", "涪陵区", "綦江区", "荣昌区", "万州区"]
        );
    }

    #[test]
    fn a_shorter_syllable_comes_first_and_equal_keys_keep_apart() {
        assert_eq!(sorted(vec!["先进", "西安"]), ["西安", "先进"]);
        assert_ne!(sort_key("Ａ"), sort_key("a"));
        assert_eq!(sorted(vec!["b", "Ａ"]), ["Ａ", "b"]);
    }
}
