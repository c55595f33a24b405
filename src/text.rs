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
    truncate_marked(text, max, ELLIPSIS)
}

/// Like [`truncate`], with `marker` in place of `…`: for terminals that draw `…` two columns wide
/// (East-Asian ambiguous width), where a narrow marker such as `~` keeps columns aligned.
pub fn truncate_marked(text: &str, max: usize, marker: char) -> String {
    if display_width(text) <= max {
        return text.to_owned();
    }
    let marker_width = marker.width().unwrap_or(0);
    if max < marker_width.max(1) {
        return String::new();
    }
    let budget = max - marker_width;
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
    out.push(marker);
    out
}

/// `text` truncated to `width` columns and padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    fit_marked(text, width, ELLIPSIS)
}

/// Like [`fit`], truncating with `marker` in place of `…` (see [`truncate_marked`]).
pub fn fit_marked(text: &str, width: usize, marker: char) -> String {
    let mut out = truncate_marked(text, width, marker);
    let used = display_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Like [`fit`], but the padding goes before the text (for numbers).
pub fn fit_right(text: &str, width: usize) -> String {
    fit_right_marked(text, width, ELLIPSIS)
}

/// Like [`fit_right`], truncating with `marker` in place of `…` (see [`truncate_marked`]).
pub fn fit_right_marked(text: &str, width: usize, marker: char) -> String {
    let cut = truncate_marked(text, width, marker);
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

/// Whether `c` is a CJK ideograph (the basic block or extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Breaks `text` into lines of at most `width` columns (textwrap, first fit): where the Unicode
/// line-breaking rules allow (between words of Latin text, between two CJK characters, never
/// before a closing mark such as `，` `。` `）` `”` or after an opening one), and inside a word
/// only when it is longer than a line. White space at a break is dropped; nothing else is.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(2))
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .break_words(true);
    let mut lines: Vec<String> =
        textwrap::wrap(text, options).into_iter().map(|line| line.trim_end().to_owned()).collect();
    if lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    lines
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
    fn wrapping_counts_display_width() {
        assert_eq!(wrap("涪陵区2022年", 6), ["涪陵区", "2022年"]);
        assert_eq!(wrap("abc", 0), ["ab", "c"]);
        assert!(wrap("", 5).is_empty());
        assert_eq!(wrap("not a plan report", 10), ["not a plan", "report"]);
        assert_eq!(wrap("a “关于XX区” b", 8), ["a “关于", "XX区” b"]);
        // A closing mark never starts a line: the character before it moves down with it.
        assert_eq!(wrap("增长6.1%，高于预期", 9), ["增长", "6.1%，高", "于预期"]);
    }

    #[test]
    fn fit_pads_the_odd_column() {
        assert_eq!(fit("藻渡水库工程", 6), "藻渡… ");
        assert_eq!(fit("区", 4), "区  ");
        assert_eq!(fit_right("7.5", 5), "  7.5");
        assert_eq!(display_width(&fit("一二三四五六七", 9)), 9);
    }

    #[test]
    fn a_narrow_marker_replaces_the_ellipsis() {
        assert_eq!(truncate_marked("藻渡水库工程", 7, '~'), "藻渡水~");
        assert_eq!(fit_marked("藻渡水库工程", 6, '~'), "藻渡~ ");
        assert_eq!(fit_right_marked("-15.9%", 4, '~'), "-15~");
    }
}
