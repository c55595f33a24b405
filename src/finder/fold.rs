//! Folding text for matching: compatibility forms to their plain form, Latin to lower case, CJK
//! punctuation to the ASCII separators the fuzzy matcher understands.
//!
//! Queries and names are folded the same way, so `(二期)` finds `（二期）`, `led` finds `ＬＥＤ`,
//! and `ii` finds `Ⅱ类`. Folding works character by character (the compatibility decomposition of
//! each character, without recomposition), so every folded character comes from exactly one
//! character of the original text: that is what lets matched positions be reported as character
//! indices of the name as written.

use unicode_normalization::char::decompose_compatible;

/// True when `c` folds to itself: lower-case ASCII, digits, ASCII punctuation and the common
/// CJK ideographs. The fast path that lets most names skip folding altogether.
pub fn is_stable(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_uppercase()) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// True when `c` folds to something with an ASCII letter (`a`, `Ａ`, `Ⅲ`).
pub fn folds_to_letter(c: char) -> bool {
    if is_stable(c) {
        return c.is_ascii_alphabetic();
    }
    let mut letter = false;
    fold_char(c, |f| letter |= f.is_ascii_alphabetic());
    letter
}

/// Calls `emit` with each character `c` folds to (usually one, possibly several or none).
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if is_stable(c) {
        emit(c);
        return;
    }
    if let Some(ascii) =
        ('\u{FF01}'..='\u{FF5E}').contains(&c).then(|| char::from_u32(u32::from(c) - 0xFEE0)).flatten()
    {
        emit(ascii.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| d.to_lowercase().for_each(|l| emit(ascii_separator(l))));
}

/// Appends the folded `text` to `folded`, and to `origins` the index of the original character
/// each folded character came from, unless every character folded to exactly one (then the
/// indices are the same). Returns `false`, appending nothing, when folding changes nothing.
pub fn fold_into(text: &str, folded: &mut String, origins: &mut Vec<u32>) -> bool {
    if text.chars().all(is_stable) {
        return false;
    }
    let (text_start, origins_start) = (folded.len(), origins.len());
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
        origins.truncate(origins_start);
        if folded.get(text_start..) == Some(text) {
            folded.truncate(text_start);
            return false;
        }
    }
    true
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

    /// The folded text and origins of `text`, `None` when folding changes nothing.
    fn fold(text: &str) -> Option<(String, Vec<u32>)> {
        let (mut folded, mut origins) = (String::new(), Vec::new());
        fold_into(text, &mut folded, &mut origins).then_some((folded, origins))
    }

    #[test]
    fn plain_names_need_no_folding() {
        assert_eq!(fold("藻渡水库"), None);
        assert_eq!(fold("s104通惠至三角段公路改建工程"), None);
        assert_eq!(fold("〇"), None);
    }

    #[test]
    fn full_width_forms_fold_one_to_one() {
        assert_eq!(fold("移通学院（一期二阶段）"), Some(("移通学院(一期二阶段)".to_owned(), vec![])));
        assert_eq!(fold("LED显示屏").unwrap().0, "led显示屏");
        assert_eq!(fold("ＬＥＤ、ＰＰＰ").unwrap().0, "led,ppp");
    }

    #[test]
    fn expanding_characters_keep_their_origin() {
        assert_eq!(fold("Ⅲ类水"), Some(("iii类水".to_owned(), vec![0, 0, 0, 1, 2])));
    }

    #[test]
    fn queries_fold_like_names() {
        assert_eq!(fold_string("(二期)"), fold_string("（二期）"));
        assert_eq!(fold_string("PPP\u{3000}项目"), "ppp 项目");
    }
}
