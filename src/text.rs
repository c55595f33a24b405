//! Display width of text in a terminal, and fitting text to a width without splitting a wide
//! character. Every width decision in the CLI and the TUI goes through here; so do folding for
//! matching and splitting a report into lines.

use std::borrow::Cow;
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
    fold_cow(text).into_owned()
}

/// [`fold`], borrowed when `text` is already folded: ASCII and CJK text without white space (most
/// table cells and titles) is compared as it is, without a copy.
pub fn fold_cow(text: &str) -> Cow<'_, str> {
    if folds_to_itself(text) {
        return Cow::Borrowed(text);
    }
    fold_decoded(text)
}

/// [`fold_cow`] character by character.
fn fold_decoded(text: &str) -> Cow<'_, str> {
    let mut wide = false;
    let plain = text.chars().all(|c| {
        let is_wide = is_wide_ascii(c);
        wide |= is_wide;
        (is_nfkc_stable(c) || is_wide) && !c.is_whitespace()
    });
    if plain && !wide {
        return Cow::Borrowed(text);
    }
    if plain {
        // Full-width forms of ASCII (`（`, `％`, `２`) beside stable characters: NFKC maps each to
        // its ASCII character, which composes with nothing before it, so no normaliser is needed.
        let mut out = String::with_capacity(text.len());
        text.chars().for_each(|c| out.push(if is_wide_ascii(c) { narrow(c) } else { c }));
        return Cow::Owned(out);
    }
    fold_by_runs(text)
}

/// Whether `text` is made of ASCII characters other than white space and of CJK ideographs
/// (U+4000–U+4DBF and U+4E00–U+9FFF: UTF-8 lead byte E5–E9, or E4 with any second byte but B7),
/// which [`fold_cow`] keeps as they are: read byte by byte, where decoding each character costs
/// more. `false` tells nothing (the text may still fold to itself).
fn folds_to_itself(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += match byte {
            b'\t'..=b'\r' | b' ' => return false,
            0..0x80 => 1,
            0xe5..=0xe9 => 3,
            0xe4 if bytes.get(at + 1) != Some(&0xb7) => 3,
            _ => return false,
        };
    }
    true
}

/// Whether `c` is a full-width form of an ASCII character (U+FF01–U+FF5E), which NFKC maps to it.
fn is_wide_ascii(c: char) -> bool {
    matches!(c, '\u{ff01}'..='\u{ff5e}')
}

/// The ASCII character of a full-width form ([`is_wide_ascii`]).
fn narrow(c: char) -> char {
    char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c)
}

/// [`fold_cow`] of any text: the runs that are not stable go through the normaliser.
fn fold_by_runs(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len());
    for run in nfkc_runs(text) {
        match run {
            Run::Stable(run) => run.split(char::is_whitespace).for_each(|part| out.push_str(part)),
            Run::Unstable(run) => out.extend(run.nfkc().filter_map(fold_char)),
        }
    }
    Cow::Owned(out)
}

/// A character of NFKC text as [`fold`] keeps it: signs unified, white space and invisible marks
/// dropped.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' => Some('-'),
        '\u{200B}'..='\u{200D}' | '\u{FEFF}' => None,
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// `text` in Unicode normalisation form KC (`７．５％` → `7.5%`), borrowed when it already is.
pub fn nfkc(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_nfkc_stable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for run in nfkc_runs(text) {
        match run {
            Run::Stable(run) => out.push_str(run),
            Run::Unstable(run) => out.extend(run.nfkc()),
        }
    }
    Cow::Owned(out)
}

/// A stretch of text on its way to NFKC.
enum Run<'a> {
    /// Characters that NFKC leaves as they are.
    Stable(&'a str),
    /// Characters to run through the normaliser.
    Unstable(&'a str),
}

/// `text` cut into runs that can be normalised one by one.
///
/// Plangap's text is mostly ASCII and CJK ideographs, which NFKC leaves as they are; running the
/// normaliser over every character of every line was the parser's largest cost. A character that
/// [`is_nfkc_stable`] is never changed, never reordered and never composed with what comes before
/// it, so only the runs of other characters need the normaliser, each together with the
/// character before it (which may compose with the run: `e` + U+0301 is `é`).
fn nfkc_runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let mut rest = text;
    let mut pending: Option<&str> = None;
    std::iter::from_fn(move || {
        if let Some(run) = pending.take() {
            return Some(Run::Unstable(run));
        }
        if rest.is_empty() {
            return None;
        }
        let Some(unstable) = rest.find(|c: char| !is_nfkc_stable(c)) else {
            return Some(Run::Stable(std::mem::take(&mut rest)));
        };
        let start = rest[..unstable].char_indices().next_back().map_or(0, |(at, _)| at);
        let end = rest[unstable..].find(is_nfkc_stable).map_or(rest.len(), |n| unstable + n);
        let stable = &rest[..start];
        pending = Some(&rest[start..end]);
        rest = &rest[end..];
        Some(Run::Stable(stable))
    })
}

/// Whether NFKC leaves `c` unchanged whatever surrounds it: no decomposition, combining class 0,
/// and never the second character of a composition. ASCII, CJK ideographs (basic block and
/// extension A) and the common CJK punctuation `、。〈〉《》「」『』【】‘’“”—·` are.
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{4e00}'..='\u{9fff}'
                | '\u{3400}'..='\u{4dbf}'
                | '\u{3001}'..='\u{3003}'
                | '\u{3008}'..='\u{3011}'
                | '\u{2018}'..='\u{201d}'
                | '\u{2014}'
                | '\u{b7}'
        )
}

/// A text without Markdown's bold marks around it (`**指标**` → `指标`); as it is otherwise.
pub fn unbold(text: &str) -> &str {
    match text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        Some(bold) if !bold.trim().is_empty() => bold.trim(),
        _ => text,
    }
}

/// Whether `c` is a CJK ideograph (the basic block or extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `c` is one of the Chinese numerals `一` to `十` that number headings, sections and
/// captions (`二、`, `（三）`, `表四`).
pub fn is_chinese_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Whether a text opens with a section's number (`一、交通类`, `（二）水利`): a cell naming a section
/// of a table, alone on its row or spanning it, or a heading in prose.
pub fn is_section(text: &str) -> bool {
    let rest = text.trim_start_matches(['（', '(']);
    let numerals = rest.chars().take_while(|&c| is_chinese_numeral(c)).count();
    let after = rest.chars().nth(numerals);
    numerals > 0 && (after == Some('、') || (rest.len() < text.len() && matches!(after, Some('）' | ')'))))
}

/// Whether `c` is a circled number `①` to `⑳`, as footnote marks are written.
pub fn is_circled_number(c: char) -> bool {
    ('①'..='⑳').contains(&c)
}

/// [`char::is_numeric`], with CJK ideographs (letters, never numbers) told apart before Unicode's
/// numeric table is searched: the names and lines read here mostly open with one.
pub fn is_numeric(c: char) -> bool {
    !is_han(c) && c.is_numeric()
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

/// Trimming of report text: exactly what [`str::trim`] and its halves remove (Unicode white
/// space: ASCII space, TAB and line ends, NBSP, the ideographic space U+3000, …), without their
/// cost where nothing is removed. `str::trim` decodes the first and last characters and looks
/// them up even when they are an ideograph or a letter; here the UTF-8 bytes at each end are
/// looked up first, in tables of the bytes that start and end the UTF-8 of a white-space
/// character, and only a text that may start or end with one is trimmed (ASCII white space and
/// the ideographic space, which indents a paragraph, byte by byte; rarer spaces by `str`).
pub trait Trimmed {
    /// [`str::trim`]: leading and trailing white space removed.
    fn trimmed(&self) -> &str;
    /// [`str::trim_start`]: leading white space removed.
    fn trimmed_start(&self) -> &str;
    /// [`str::trim_end`]: trailing white space removed.
    fn trimmed_end(&self) -> &str;
}

impl Trimmed for str {
    #[inline]
    fn trimmed(&self) -> &str {
        self.trimmed_start().trimmed_end()
    }

    #[inline]
    fn trimmed_start(&self) -> &str {
        match self.as_bytes().first() {
            Some(&first) if MAY_OPEN_SPACE[usize::from(first)] => trim_start_spaces(self),
            _ => self,
        }
    }

    #[inline]
    fn trimmed_end(&self) -> &str {
        match self.as_bytes().last() {
            Some(&last) if MAY_CLOSE_SPACE[usize::from(last)] => trim_end_spaces(self),
            _ => self,
        }
    }
}

/// The first bytes of the UTF-8 of white-space characters ([`char::is_whitespace`]): ASCII TAB,
/// LF, VT, FF, CR and space, `C2` (U+0085, U+00A0), `E1` (U+1680), `E2` (U+2000–U+205F) and `E3`
/// (U+3000).
const MAY_OPEN_SPACE: [bool; 256] =
    byte_set(&[b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', 0xc2, 0xe1, 0xe2, 0xe3]);

/// The last bytes of the UTF-8 of white-space characters: the ASCII ones, and those ending U+0085
/// (`85`), U+00A0 (`A0`), U+1680 and U+2000–U+200A and U+3000 (`80`–`8A`), U+2028, U+2029, U+202F
/// (`A8`, `A9`, `AF`) and U+205F (`9F`).
const MAY_CLOSE_SPACE: [bool; 256] = byte_set(&[
    b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a,
    0x9f, 0xa0, 0xa8, 0xa9, 0xaf,
]);

/// A table of the bytes in `bytes`.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut index = 0;
    while index < bytes.len() {
        set[bytes[index] as usize] = true;
        index += 1;
    }
    set
}

/// [`str::trim_start`] of a text that may start with white space: ASCII white space and the
/// ideographic space are stepped over byte by byte, rarer spaces left to `str`.
#[inline(never)]
fn trim_start_spaces(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        match bytes[at..] {
            [byte, ..] if is_ascii_space(byte) => at += 1,
            [0xe3, 0x80, 0x80, ..] => at += 3,
            _ => break,
        }
    }
    let rest = &text[at..];
    if opens_with_wide_space(rest.as_bytes()) { rest.trim_start() } else { rest }
}

/// [`str::trim_end`] of a text that may end with white space (see [`trim_start_spaces`]).
#[inline(never)]
fn trim_end_spaces(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    loop {
        match bytes[..end] {
            [.., byte] if is_ascii_space(byte) => end -= 1,
            [.., 0xe3, 0x80, 0x80] => end -= 3,
            _ => break,
        }
    }
    let rest = &text[..end];
    if closes_with_wide_space(rest.as_bytes()) { rest.trim_end() } else { rest }
}

/// Whether `text` holds a white-space character ([`char::is_whitespace`]), found without
/// decoding. A short text (a cell, a name) is read byte by byte: a byte that starts no white
/// space is passed by one lookup in [`MAY_OPEN_SPACE`]. A long one (a paragraph) is searched by
/// `memchr` for the ASCII spaces and the first bytes `C2`, `E1` and `E2` (rare in CJK text but
/// for the quotes and dashes after `E2`), and for the ideographic space, the one space led by
/// `E3` (which leads `、` and `。` too).
pub fn holds_white_space(text: &str) -> bool {
    /// Texts shorter than this (in bytes) are read byte by byte.
    const SHORT: usize = 64;
    let bytes = text.as_bytes();
    if bytes.len() < SHORT {
        return (0..bytes.len()).any(|at| {
            let byte = bytes[at];
            MAY_OPEN_SPACE[usize::from(byte)] && (is_ascii_space(byte) || opens_with_wide_space(&bytes[at..]))
        });
    }
    memchr::memchr3(b' ', b'\t', b'\n', bytes).is_some()
        || memchr::memchr3(0x0b, 0x0c, b'\r', bytes).is_some()
        || memchr::memchr3_iter(0xc2, 0xe1, 0xe2, bytes).any(|at| opens_with_wide_space(&bytes[at..]))
        || holds_ideographic_space(text)
}

/// Whether `byte` is ASCII white space as [`char::is_whitespace`] has it: TAB, LF, VT, FF, CR and
/// space ([`u8::is_ascii_whitespace`] leaves VT out).
fn is_ascii_space(byte: u8) -> bool {
    byte == b' ' || byte.wrapping_sub(b'\t') <= b'\r' - b'\t'
}

/// Whether `bytes` open with the UTF-8 of a white-space character beyond ASCII
/// ([`char::is_whitespace`]: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000; the tests check the list against it).
fn opens_with_wide_space(bytes: &[u8]) -> bool {
    match bytes {
        [0xc2, second, ..] => matches!(second, 0x85 | 0xa0),
        [0xe1, 0x9a, 0x80, ..] | [0xe2, 0x81, 0x9f, ..] | [0xe3, 0x80, 0x80, ..] => true,
        [0xe2, 0x80, third, ..] => matches!(third, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
        _ => false,
    }
}

/// Whether `bytes` end with the UTF-8 of a white-space character beyond ASCII (those of
/// [`opens_with_wide_space`]).
fn closes_with_wide_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [.., 0xc2, 0x85 | 0xa0]
            | [.., 0xe1, 0x9a, 0x80]
            | [.., 0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf]
            | [.., 0xe2, 0x81, 0x9f]
            | [.., 0xe3, 0x80, 0x80]
    )
}

/// The byte length of the UTF-8 character that starts with byte `lead` (1 for a byte that
/// starts none).
pub const fn utf8_len(lead: u8) -> usize {
    match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// Where `word` first occurs in `text`, in bytes, as [`str::find`] finds it: each place holding
/// the word's last byte (for CJK text a continuation byte, one of 64, where a first byte is one
/// of a few) is compared in turn. For the short texts of a parse (names, clauses, titles) this
/// costs less than setting up a general substring search, which `str::find` and
/// `str::contains` do on every call. A match starts on a character boundary: UTF-8 never
/// starts a character with a byte that continues one.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some((&last, _)) = word.split_last() else { return Some(0) };
    let tail = word.len() - 1;
    // A place `at` in `text[tail..]` holding the last byte is a match starting at `at`, whose
    // end `at + word.len()` is then within `text`.
    memchr::memchr_iter(last, text.get(tail..)?).find(|&at| text[at..at + word.len()] == *word)
}

/// Byte offset of the last `word` in `text`, as `str::rfind` finds it: the word's last byte is
/// found with [`memchr`]'s vector search from the end, then the whole word checked (`str::rfind`
/// reads a short text byte by byte, and starts again at every other character sharing that
/// byte). The reverse of [`find_word`].
pub fn rfind_word(text: &str, word: &str) -> Option<usize> {
    let (bytes, word) = (text.as_bytes(), word.as_bytes());
    let Some(&last) = word.last() else { return Some(text.len()) };
    memchr::memrchr_iter(last, bytes).find_map(|end| {
        let start = (end + 1).checked_sub(word.len())?;
        (bytes[start..=end] == *word).then_some(start)
    })
}

/// Whether `text` holds an ideographic space (U+3000). Searched for by its rarer first byte
/// ([`memchr::memmem`]): `str::contains` looks for its last byte, `80`, which ends many
/// ideographs (`一` is `E4 B8 80`), and compares at each.
pub fn holds_ideographic_space(text: &str) -> bool {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{3000}"));
    FINDER.find(text.as_bytes()).is_some()
}

/// Whether `text` holds `word` ([`str::contains`] by [`find_word`]).
pub fn holds(text: &str, word: &str) -> bool {
    find_word(text, word).is_some()
}

/// Whether `text` may hold a decimal digit (what `\d` matches: Unicode `Nd`): a cheap test
/// before a pattern that needs one, for short texts such as names. ASCII digits are looked for
/// byte by byte; other characters only when their first byte is outside E2–E9 (U+2000–U+9FFF:
/// CJK ideographs and punctuation, where no digit is): after EF (U+F000–U+FFFF, the full-width
/// punctuation among them) only the full-width digits `EF BC 90`–`99` are, and the rest are
/// decoded. The bytes are tested 16 at a time (without an early exit, so the compiler makes
/// it vector code), and only a chunk that holds a digit or such a first byte is read byte by
/// byte; most chunks hold none.
pub fn may_hold_digit(text: &str) -> bool {
    const CHUNK: usize = 16;
    let bytes = text.as_bytes();
    let flagged = |byte: u8| byte.is_ascii_digit() | !((byte < 0xc2) | (0xe2..=0xe9).contains(&byte));
    let digit_at = |at: usize| match bytes[at] {
        b'0'..=b'9' => true,
        0x00..=0xc1 | 0xe2..=0xe9 => false,
        0xef => {
            bytes.get(at + 1) == Some(&0xbc) && bytes.get(at + 2).is_some_and(|b| (0x90..=0x99).contains(b))
        }
        _ => text[at..].chars().next().is_some_and(char::is_numeric),
    };
    let chunks = bytes.chunks_exact(CHUNK);
    let rest = bytes.len() - chunks.remainder().len();
    for (index, chunk) in chunks.enumerate() {
        let start = index * CHUNK;
        if chunk.iter().fold(false, |any, &byte| any | flagged(byte)) && (start..start + CHUNK).any(digit_at)
        {
            return true;
        }
    }
    (rest..bytes.len()).any(digit_at)
}

/// The lines of `text`, split at every `\n` as `text.split('\n')` splits them (a text ending in
/// `\n` ends with an empty line), the newlines found with SIMD.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_open_sections() {
        assert!(is_section("（三）投资项目安排"));
        assert!(is_section("(二)水利"));
        assert!(is_section("二、2023年主要目标"));
        assert!(!is_section("一般公共预算收入"));
        assert!(!is_section("十分重要"));
    }

    /// [`may_hold_digit`] decoding every character after a first byte outside E2–E9.
    fn may_hold_digit_by_chars(text: &str) -> bool {
        text.char_indices().any(|(at, ch)| match text.as_bytes()[at] {
            0xe2..=0xe9 => false,
            _ => ch.is_numeric(),
        })
    }

    #[test]
    fn full_width_ascii_folds_as_the_normaliser_folds_it() {
        for ch in '\0'..=char::MAX {
            for text in [format!("（{ch}）"), format!("Ａ{ch}"), format!("{ch}２％"), format!("甲{ch}")]
            {
                assert_eq!(fold_cow(&text), fold_by_runs(&text), "{text:?}");
            }
        }
        assert_eq!(fold_cow("增速（％）"), "增速(%)");
        assert_eq!(fold_cow("ＧＤＰ增速"), "GDP增速");
    }

    #[test]
    fn may_hold_digit_reads_only_what_it_must() {
        for ch in '\0'..=char::MAX {
            for text in [format!("{ch}"), format!("甲乙丙丁戊己{ch}"), format!("甲乙丙丁戊{ch}，，")]
            {
                assert_eq!(may_hold_digit(&text), may_hold_digit_by_chars(&text), "{ch:?}");
            }
        }
        assert!(!may_hold_digit("（一期）项目，“甲”乙、丙：丁。"));
        assert!(may_hold_digit("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未１"));
    }

    #[test]
    fn find_word_finds_what_str_find_finds() {
        let texts = [
            "",
            "项目",
            "甲项目乙项目",
            "建设项目目",
            "ab项",
            "项目a",
            "目项目",
            "%",
            "a%b",
            "规划十四五规划",
        ];
        let words = ["", "项目", "目", "项", "%", "a", "十四五", "规划", "项目目", "ab项目"];
        for text in texts {
            for word in words {
                assert_eq!(find_word(text, word), text.find(word), "{text} {word}");
                assert_eq!(holds(text, word), text.contains(word), "{text} {word}");
            }
        }
    }

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
    fn what_folds_to_itself_byte_by_byte_does_character_by_character() {
        let mut text = String::new();
        for c in ('\0'..=char::MAX).filter(|&c| folds_to_itself(c.encode_utf8(&mut [0; 4]))) {
            assert!(matches!(fold_decoded(c.encode_utf8(&mut [0; 4])), Cow::Borrowed(_)), "{c:?}");
            text.push(c);
        }
        assert!(text.contains(['一', '龥', '㐀', 'a', '%']) && !text.contains([' ', '\t', '䷀']));
        assert!(folds_to_itself(&text) && matches!(fold_decoded(&text), Cow::Borrowed(_)));
    }

    #[test]
    fn fold_unifies_widths_signs_and_spaces() {
        assert_eq!(fold("计划（草案） ７．５％ －3\u{200b}"), "计划(草案)7.5%-3");
    }

    #[test]
    fn stable_characters_are_their_own_nfkc_and_never_compose_with_what_precedes_them() {
        for c in ('\0'..='\u{ffff}').filter(|&c| is_nfkc_stable(c)) {
            let text = c.to_string();
            assert_eq!(text.nfkc().collect::<String>(), text, "{c:?} changes under NFKC");
        }
        for composite in '\0'..=char::MAX {
            let mut parts = Vec::new();
            unicode_normalization::char::decompose_canonical(composite, |c| parts.push(c));
            if let [_, .., last] = parts[..] {
                assert!(!is_nfkc_stable(last), "{last:?} ends the composition of {composite:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn run_by_run_nfkc_is_whole_text_nfkc(
            text in "[a-eA-E0-9 \\t\\u{b}\\u{85}\u{300}-\u{302}\u{327}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{ff08}\u{ff09}\u{ff10}-\u{ff19}\u{ff05}\u{3000}\u{2460}\u{2212}\u{2026}\u{fe63}\u{200b}计划、。“”—]{0,24}"
        ) {
            proptest::prop_assert_eq!(nfkc(&text), text.nfkc().collect::<String>());
            let folded: String = text.nfkc().filter_map(fold_char).collect();
            proptest::prop_assert_eq!(fold(&text), folded.clone());
            proptest::prop_assert_eq!(fold_cow(&text), folded);
        }
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

    #[test]
    fn digits_are_never_missed() {
        let digit = regex::Regex::new(r"\d").expect("digit pattern");
        for c in '\0'..=char::MAX {
            let text = format!("甲{c}乙");
            assert!(may_hold_digit(&text) || !digit.is_match(&text), "{c:?}");
        }
        assert!(!may_hold_digit("完成投资，亿元（）"));
        assert!(may_hold_digit("增长６％") && may_hold_digit("38个"));
    }

    #[test]
    fn trimmed_removes_what_str_trim_removes() {
        for c in '\0'..=char::MAX {
            for text in
                [format!("{c}"), format!("{c}甲{c}"), format!("{c}{c}a \u{3000}{c}"), format!("\u{3000}{c}")]
            {
                assert_eq!(text.trimmed(), text.trim(), "{c:?}");
                assert_eq!(text.trimmed_start(), text.trim_start(), "{c:?}");
                assert_eq!(text.trimmed_end(), text.trim_end(), "{c:?}");
            }
        }
    }

    #[test]
    fn words_are_found_from_the_end_as_rfind_finds_them() {
        // `三` ends in the byte `等` ends in, `Ă` in the byte `。` ends in.
        let texts = [
            "",
            "等",
            "三",
            "甲等乙",
            "等三",
            "三等三等三",
            "a等",
            "等a三",
            "丁等项目、戊等3个项目",
            "甲。乙Ă",
        ];
        for text in texts {
            for word in ["等", "。", "等项目", "a", ""] {
                assert_eq!(rfind_word(text, word), text.rfind(word), "{text} {word}");
            }
        }
    }

    #[test]
    fn white_space_is_found_as_str_finds_it() {
        for c in '\0'..=char::MAX {
            let long = "甲“乙”、。—".repeat(8);
            for text in [format!("{c}"), format!("甲{c}乙"), format!("。、{c}"), format!("{long}{c}{long}")]
            {
                assert_eq!(holds_white_space(&text), text.contains(char::is_whitespace), "{c:?}");
            }
        }
    }

    #[test]
    fn han_characters_are_alphabetic() {
        assert!(('\0'..=char::MAX).filter(|&c| is_han(c)).all(char::is_alphabetic));
    }

    #[test]
    fn lines_split_as_str_split_does() {
        for text in ["", "\n", "a", "甲\n乙\n", "\n\n丙\t丁\n戊"] {
            assert_eq!(lines(text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }
}
