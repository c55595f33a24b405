//! Display width of text in a terminal, and fitting text to a width without splitting a wide
//! character. Every width decision in the CLI and the TUI goes through here.

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The ellipsis that marks truncated text.
pub const ELLIPSIS: char = '…';

/// The number of terminal columns `text` occupies (CJK characters count 2).
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to at most `max` columns, ending with `…` when anything was cut. A wide character
/// that would straddle the limit is dropped whole, so the result may be one column narrower.
pub fn truncate(text: &str, max: usize) -> String {
    if display_width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1; // room for the ellipsis, which is one column wide
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    out
}

/// `text` truncated to `width` columns and padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = truncate(text, width);
    let used = display_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Like [`fit`], but the padding goes before the text (for numbers).
pub fn fit_right(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(display_width(&cut));
    let mut out: String = std::iter::repeat_n(' ', pad).collect();
    out.push_str(&cut);
    out
}

/// `text` for matching rather than display: widths folded (NFKC: `（２）` → `(2)`), minus signs and
/// hyphens unified to `-`, white space and invisible marks removed.
pub fn fold(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .map(|c| match c {
            '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' => '-',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_two() {
        assert_eq!(display_width("綦江区"), 6);
        assert_eq!(display_width("GDP增速（%）"), 3 + 4 + 2 + 1 + 2);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("藻渡水库工程", 12), "藻渡水库工程");
        assert_eq!(truncate("藻渡水库工程", 7), "藻渡水…");
        assert_eq!(truncate("藻渡水库工程", 6), "藻渡…");
        assert_eq!(display_width(&truncate("藻渡水库工程", 6)), 5);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("藻渡", 1), "…");
    }

    #[test]
    fn fold_unifies_widths_signs_and_spaces() {
        assert_eq!(fold("计划（草案） ７．５％ －3\u{200b}"), "计划(草案)7.5%-3");
    }

    #[test]
    fn fit_pads_the_odd_column() {
        assert_eq!(fit("藻渡水库工程", 6), "藻渡… ");
        assert_eq!(fit("区", 4), "区  ");
        assert_eq!(fit_right("7.5", 5), "  7.5");
        assert_eq!(display_width(&fit("一二三四五六七", 9)), 9);
    }
}
