//! Folding text for matching: compatibility forms to their plain form, Latin to lower case, CJK
//! punctuation to the ASCII separators the fuzzy matcher understands.
//!
//! Queries and names are folded the same way, so `(二期)` finds `（二期）`, `led` finds `ＬＥＤ`,
//! and `ii` finds `Ⅱ类`. Folding works character by character (the compatibility decomposition of
//! each character, without recomposition), so every folded character comes from exactly one
//! character of the original text: that is what lets matched positions be reported as character
//! indices of the name as written.

use unicode_normalization::char::decompose_compatible;

/// A folded name that differs from the original, with the origin of each folded character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each character of `text`, the index of the original character it came from; empty
    /// when folding mapped every character to exactly one character.
    pub origins: Vec<u32>,
}

/// True when `c` folds to itself: lower-case ASCII, digits, ASCII punctuation and the common
/// CJK ideographs. The fast path that lets most names skip folding altogether.
pub fn is_stable(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_uppercase()) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Calls `emit` with each character `c` folds to (usually one, possibly several or none).
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if is_stable(c) {
        emit(c);
        return;
    }
    decompose_compatible(c, |d| d.to_lowercase().for_each(|l| emit(ascii_separator(l))));
}

/// Folds `text`; `None` when folding changes nothing (the text can be matched as it is).
pub fn fold(text: &str) -> Option<Folded> {
    if text.chars().all(is_stable) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut origins = Vec::new();
    let mut one_to_one = true;
    for (index, c) in text.chars().enumerate() {
        let mut produced = 0;
        fold_char(c, |f| {
            folded.push(f);
            origins.push(u32::try_from(index).unwrap_or(u32::MAX));
            produced += 1;
        });
        one_to_one &= produced == 1;
    }
    if one_to_one {
        origins.clear();
        if folded == text {
            return None;
        }
    }
    Some(Folded { text: folded, origins })
}

/// Folds a whole string into a new one (for queries).
pub fn fold_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_char(c, |f| out.push(f)));
    out
}

/// CJK punctuation that has no compatibility decomposition, mapped to the ASCII separator with
/// the same role, so that the matcher's word-start bonuses apply after `、` or `《` too.
fn ascii_separator(c: char) -> char {
    match c {
        '、' => ',',
        '。' => '.',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '【' | '〔' | '「' | '『' => '[',
        '】' | '〕' | '」' | '』' => ']',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        '—' | '–' | '―' => '-',
        '·' | '・' => '.',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_need_no_folding() {
        assert_eq!(fold("藻渡水库"), None);
        assert_eq!(fold("s104通惠至三角段公路改建工程"), None);
    }

    #[test]
    fn full_width_forms_fold_one_to_one() {
        let folded = fold("移通学院（一期二阶段）").unwrap();
        assert_eq!(folded.text, "移通学院(一期二阶段)");
        assert!(folded.origins.is_empty());
        assert_eq!(fold("LED显示屏").unwrap().text, "led显示屏");
        assert_eq!(fold("ＬＥＤ、ＰＰＰ").unwrap().text, "led,ppp");
    }

    #[test]
    fn expanding_characters_keep_their_origin() {
        let folded = fold("Ⅲ类水").unwrap();
        assert_eq!(folded.text, "iii类水");
        assert_eq!(folded.origins, vec![0, 0, 0, 1, 2]);
    }

    #[test]
    fn queries_fold_like_names() {
        assert_eq!(fold_string("(二期)"), fold_string("（二期）"));
        assert_eq!(fold_string("PPP\u{3000}项目"), "ppp 项目");
    }
}
