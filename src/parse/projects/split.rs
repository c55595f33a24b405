//! Bracket-aware splitting of box text: separators inside `（）`, `()`, `《》`, `“”` and the like
//! never split, so `綦江区保障性租赁住房项目（二期、三期）` stays one piece.

use crate::text::Trimmed;
use crate::text::{is_numeric, utf8_len};
use regex::Regex;
use std::sync::LazyLock;

/// The brackets that protect the separators inside them, each opening one before its closing one.
const BRACKETS: [(char, char); 9] = [
    ('（', '）'),
    ('(', ')'),
    ('《', '》'),
    ('“', '”'),
    ('‘', '’'),
    ('【', '】'),
    ('[', ']'),
    ('「', '」'),
    ('〔', '〕'),
];

/// Whether `ch` opens (`Some(true)`) or closes (`Some(false)`) one of the [`BRACKETS`] (as a
/// `match`, which compiles to a few comparisons; the tests check it against the list).
fn bracket(ch: char) -> Option<bool> {
    match ch {
        '（' | '(' | '《' | '“' | '‘' | '【' | '[' | '「' | '〔' => Some(true),
        '）' | ')' | '》' | '”' | '’' | '】' | ']' | '」' | '〕' => Some(false),
        _ => None,
    }
}

/// Punctuation that may close a list, a clause or a title.
#[cfg(test)]
const TRAILING_PUNCTUATION: &[char] = &['。', '；', '，', '、', ';', ',', '.', '：', ':', '！', '!'];

/// Item numbering at the start of a line: `1.`, `1．`, `1、`, `（1）`, `①`, `一、`.
static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}\s*[.．、]\s*|[（(]\d{1,2}[）)]\s*|[①-⑳]\s*|[一二三四五六七八九十]{1,3}、\s*)")
        .expect("numbering pattern")
});

/// Splits `text` at every separator outside brackets. Each piece comes with its byte offset in
/// `text`; empty pieces are kept so that offsets stay meaningful to the caller. The pieces are
/// found as they are taken, so a caller that stops early scans no further.
pub fn split_top_level<'a>(
    text: &'a str,
    separators: &'a [char],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    pieces(text, top_level(text, separators))
}

/// The pieces of `text` between the separators `marks` (byte offset and character, in order).
fn pieces(text: &str, mut marks: impl Iterator<Item = (usize, char)>) -> impl Iterator<Item = (usize, &str)> {
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match marks.next() {
            Some((at, ch)) => {
                start = Some(at + ch.len_utf8());
                Some((from, &text[from..at]))
            }
            None => {
                start = None;
                Some((from, &text[from..]))
            }
        }
    })
}

/// Byte offset of the first occurrence of any of `targets` outside brackets.
pub fn find_top_level(text: &str, targets: &[char]) -> Option<usize> {
    top_level(text, targets).next().map(|(at, _)| at)
}

/// The characters of `text` that are among `targets` and stand outside brackets, with their
/// byte offsets. An unmatched closing bracket is ignored; brackets are never targets. Only the
/// characters whose first byte is that of a bracket or a target are looked at (in CJK text, the
/// punctuation among the ideographs); the others are stepped over with one look-up in [`Skips`].
fn top_level<'a>(text: &'a str, targets: &'a [char]) -> impl Iterator<Item = (usize, char)> + 'a {
    let mut leads = BRACKET_LEADS;
    targets.iter().for_each(|&target| leads.insert(target));
    let skips = Skips::new(leads);
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut depth = 0usize;
    std::iter::from_fn(move || {
        while let Some(&lead) = bytes.get(at) {
            let skip = skips.0[usize::from(lead)];
            if skip != 0 {
                at += usize::from(skip);
                continue;
            }
            let start = at;
            let ch = text[start..].chars().next()?;
            at += ch.len_utf8();
            match bracket(ch) {
                Some(true) => depth += 1,
                Some(false) => depth = depth.saturating_sub(1),
                None if depth == 0 && targets.contains(&ch) => return Some((start, ch)),
                None => {}
            }
        }
        None
    })
}

/// For each byte that starts a UTF-8 character, the character's byte length, or 0 when the byte
/// is among some [`LeadBytes`]: what the scan of [`top_level`] steps by.
struct Skips([u8; 256]);

impl Skips {
    /// The steps past characters whose first byte is not among `leads`.
    fn new(leads: LeadBytes) -> Self {
        let mut skips = UTF8_LENS;
        for (word, mut bits) in leads.0.into_iter().enumerate() {
            while bits != 0 {
                skips[word * 64 + bits.trailing_zeros() as usize] = 0;
                bits &= bits - 1;
            }
        }
        Skips(skips)
    }
}

/// [`utf8_len`] of every byte.
const UTF8_LENS: [u8; 256] = {
    let mut lens = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        lens[byte] = utf8_len(byte as u8) as u8;
        byte += 1;
    }
    lens
};

/// The first bytes of the UTF-8 of the [`BRACKETS`].
const BRACKET_LEADS: LeadBytes = {
    let mut leads = LeadBytes([0; 4]);
    let mut index = 0;
    while index < BRACKETS.len() {
        leads.insert(BRACKETS[index].0);
        leads.insert(BRACKETS[index].1);
        index += 1;
    }
    leads
};

/// A set of bytes that UTF-8 characters start with.
#[derive(Clone, Copy)]
struct LeadBytes([u64; 4]);

impl LeadBytes {
    /// Adds the first byte of `ch`'s UTF-8.
    const fn insert(&mut self, ch: char) {
        let mut utf8 = [0; 4];
        let lead = ch.encode_utf8(&mut utf8).as_bytes()[0];
        self.0[(lead >> 6) as usize] |= 1 << (lead & 63);
    }
}

/// The separators a [`TopLevel`] records: every character the box readers split at.
const MARKED: [char; 12] = ['、', '，', '。', '；', ',', ';', '：', ':', '！', '!', '？', '?'];

/// The bytes of text a [`TopLevel`] makes room for one separator for: ten CJK characters.
const MARK_SPACING: usize = 30;

/// A text with its top-level separators found in one pass, so that the text and its pieces can
/// be split again and again (lines into sentences, sentences into clauses, clauses into items)
/// without another scan. A piece that starts outside brackets (the text itself, or what follows
/// a top-level separator, balanced numbering or a verb) has, in its range, the same top-level
/// separators as the whole text: the bracket depth is 0 where it starts either way.
pub struct TopLevel<'a> {
    text: &'a str,
    /// Byte offset in `text` and character of each top-level separator among [`MARKED`].
    marks: Vec<(usize, char)>,
}

impl<'a> TopLevel<'a> {
    /// Finds the top-level separators of `text`.
    pub fn new(text: &'a str) -> Self {
        // Room for a separator every ten characters of CJK text (the marks of most lines), made
        // at once rather than grown into.
        let mut marks = Vec::with_capacity(text.len() / MARK_SPACING + 1);
        marks.extend(top_level(text, &MARKED));
        TopLevel { text, marks }
    }

    /// The recorded separators of `piece` among `targets`, with offsets in `piece`; `None` when
    /// `piece` is not a slice of the text or a target is not recorded (then the caller scans).
    fn marks_of<'s>(
        &'s self,
        piece: &str,
        targets: &'s [char],
    ) -> Option<impl Iterator<Item = (usize, char)> + 's> {
        let start = (piece.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let end = start
            .checked_add(piece.len())
            .filter(|&end| start <= self.text.len() && end <= self.text.len())?;
        if !targets.iter().all(|target| MARKED.contains(target)) {
            return None;
        }
        let from = self.marks.partition_point(|&(at, _)| at < start);
        let to = self.marks.partition_point(|&(at, _)| at < end);
        let marks = self.marks.get(from..to)?.iter();
        Some(marks.filter(move |(_, ch)| targets.contains(ch)).map(move |&(at, ch)| (at - start, ch)))
    }

    /// The top-level separators of `piece` among `targets`: the recorded ones when `piece` is a
    /// slice of the text and every target is recorded, else found by scanning `piece`.
    fn marks<'s>(&'s self, piece: &'s str, targets: &'s [char]) -> impl Iterator<Item = (usize, char)> + 's {
        match self.marks_of(piece, targets) {
            Some(marks) => Marks::Recorded(marks),
            None => Marks::Scanned(top_level(piece, targets)),
        }
    }

    /// [`split_top_level`] of `piece`, a slice of the text that starts outside brackets.
    pub fn split<'s>(
        &'s self,
        piece: &'s str,
        separators: &'s [char],
    ) -> impl Iterator<Item = (usize, &'s str)> + 's {
        pieces(piece, self.marks(piece, separators))
    }

    /// [`find_top_level`] in `piece`, a slice of the text that starts outside brackets.
    pub fn find(&self, piece: &str, targets: &[char]) -> Option<usize> {
        self.marks(piece, targets).next().map(|(at, _)| at)
    }

    /// [`leading_label`] of `piece`, a slice of the text that starts outside brackets.
    pub fn leading_label<'p>(&self, piece: &'p str, stop: &[char]) -> Option<(&'p str, usize)> {
        label_at(piece, self.find(piece, stop)?)
    }
}

/// The separators of a [`TopLevel`] piece: recorded in one pass over the text, or found by
/// scanning the piece.
enum Marks<R, S> {
    Recorded(R),
    Scanned(S),
}

impl<R: Iterator<Item = (usize, char)>, S: Iterator<Item = (usize, char)>> Iterator for Marks<R, S> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        match self {
            Marks::Recorded(marks) => marks.next(),
            Marks::Scanned(marks) => marks.next(),
        }
    }
}

/// Whether `text` holds any of `targets` outside brackets.
pub fn has_top_level(text: &str, targets: &[char]) -> bool {
    find_top_level(text, targets).is_some()
}

/// Item numbering at the start of `text`, if any: the byte length of the numbering.
pub fn numbering_len(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let may_number = match first {
        '0'..='9' | '（' | '(' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            true
        }
        // `\d` and `①`–`⑳`: other digits are never ASCII or ideographs.
        _ => !first.is_ascii() && is_numeric(first),
    };
    may_number.then(|| NUMBERING.find(text)).flatten().map(|found| found.end())
}

/// A label that opens a line (`交通类：…`, `1. 材料。…`): the label and the byte offset of what
/// follows it. `stop` lists the characters that may close the label; a label is at most 20
/// characters and never holds clause punctuation (it may join two groups: `水利、生态环保`).
pub fn leading_label<'a>(text: &'a str, stop: &[char]) -> Option<(&'a str, usize)> {
    // One walk from the start: a label closed after clause punctuation would hold it, and one
    // closed after more than MAX_LABEL_CHARS characters besides white space would be longer
    // than that, so the walk ends at the first of either. Brackets protect a stop inside them.
    let mut depth = 0usize;
    let mut letters = 0;
    // A character from U+4000 to U+9FFF (three bytes led by E4 to E9: the ideographs most of a
    // label is) is neither a bracket, punctuation nor white space, and, unless `stop` holds
    // one, no stop: it counts as a letter by its first byte, without being decoded.
    let plain_ideographs = !stop.iter().any(|stop| ('\u{4000}'..='\u{9fff}').contains(stop));
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        if plain_ideographs && (0xe4..=0xe9).contains(&lead) {
            letters += 1;
            if letters > MAX_LABEL_CHARS {
                return None;
            }
            at += 3;
            continue;
        }
        let start = at;
        let ch = text[start..].chars().next()?;
        at += ch.len_utf8();
        match bracket(ch) {
            Some(true) => depth += 1,
            Some(false) => depth = depth.saturating_sub(1),
            None if CLAUSE_PUNCTUATION.contains(&ch) && !stop.contains(&ch) => return None,
            None if depth == 0 && stop.contains(&ch) => return label_at(text, start),
            None => {}
        }
        letters += usize::from(!ch.is_whitespace());
        if letters > MAX_LABEL_CHARS {
            return None;
        }
    }
    None
}

/// The longest label, in characters.
const MAX_LABEL_CHARS: usize = 20;

/// The clause punctuation a label never holds.
const CLAUSE_PUNCTUATION: [char; 5] = ['，', '。', '；', ',', ';'];

/// The label of [`leading_label`] when the character closing it stands at byte `at`.
fn label_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let label = text[..at].trimmed();
    let closing = text[at..].chars().next()?;
    let plain = !label.contains(CLAUSE_PUNCTUATION);
    let short = label.chars().count() <= MAX_LABEL_CHARS;
    (plain && !label.is_empty() && short).then_some((label, at + closing.len_utf8()))
}

/// Whether `text` holds any of `marks`. When each is a CJK mark or a full-width form (their
/// UTF-8 opens with `E3` or `EF`, [`is_wide_mark`]), the text before the first such byte, found
/// by a vector search, holds none and is not decoded (most names hold no such byte at all).
pub fn holds_mark(text: &str, marks: &[char]) -> bool {
    if !marks.iter().copied().all(is_wide_mark) {
        return text.contains(marks);
    }
    memchr::memchr2(0xe3, 0xef, text.as_bytes()).is_some_and(|at| text[at..].contains(marks))
}

/// Whether the UTF-8 of `ch` opens with `E3` (CJK marks: `、。《》【】`…) or `EF` (full-width forms:
/// `，；：（）`…), as [`holds_mark`] asks of the marks it looks for.
fn is_wide_mark(ch: char) -> bool {
    matches!(ch.encode_utf8(&mut [0; 4]).as_bytes(), [0xe3 | 0xef, _, _])
}

/// `text` without leading and trailing white space and trailing punctuation.
pub fn trim_item(text: &str) -> &str {
    let text = text.trimmed();
    let mut end = text.len();
    // Each of the TRAILING_PUNCTUATION is matched by its last bytes (a `match`, not a search
    // of the list per character).
    while let Some(len) = trailing_punctuation_len(&text.as_bytes()[..end]) {
        end -= len;
    }
    if end == text.len() { text } else { text[..end].trimmed() }
}

/// The byte length of the trailing punctuation character (`。；，、;,.：:！!`) that `bytes` (valid UTF-8 up to
/// their end) end with, if they end with one; the tests check it against the list.
fn trailing_punctuation_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [.., 0xe3, 0x80, 0x82 | 0x81] | [.., 0xef, 0xbc, 0x9b | 0x8c | 0x9a | 0x81] => Some(3),
        [.., b';' | b',' | b'.' | b':' | b'!'] => Some(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_inside_brackets_do_not_split() {
        let pieces: Vec<&str> =
            split_top_level("甲（一期、二期）、乙《丙、丁》、“戊、己”", &['、']).map(|(_, p)| p).collect();
        assert_eq!(pieces, ["甲（一期、二期）", "乙《丙、丁》", "“戊、己”"]);
    }

    #[test]
    fn the_brackets_matched_are_the_listed_ones() {
        for ch in '\0'..=char::MAX {
            let listed = BRACKETS
                .iter()
                .find_map(|&(open, close)| (ch == open).then_some(true).or((ch == close).then_some(false)));
            assert_eq!(bracket(ch), listed, "{ch:?}");
        }
    }

    #[test]
    fn unbalanced_closing_brackets_do_not_panic() {
        assert_eq!(split_top_level("）甲、乙", &['、']).count(), 2);
        assert_eq!(split_top_level("（甲、乙", &['、']).count(), 1);
    }

    #[test]
    fn numbering_forms() {
        for numbered in ["1.甲", "1．甲", "12、甲", "（3）甲", "(3)甲", "①甲", "二、甲", "1. 甲"]
        {
            assert!(numbering_len(numbered).is_some(), "{numbered}");
        }
        assert_eq!(numbering_len("2023年通组公路工程"), None);
        assert_eq!(numbering_len("5G基站"), None);
        assert_eq!(numbering_len(""), None);
        for (first, tail) in
            ('\0'..='\u{ffff}').flat_map(|first| ["甲", "1）甲", "、甲"].map(|tail| (first, tail)))
        {
            let numbered = format!("{first}{tail}");
            assert_eq!(
                numbering_len(&numbered),
                NUMBERING.find(&numbered).map(|found| found.end()),
                "{numbered}"
            );
        }
    }

    #[test]
    fn pieces_split_as_they_would_alone() {
        let text = "1．交通（一期、二期）：甲、乙（丙，丁）等项目，开工建设戊。己；庚）、辛";
        let top = TopLevel::new(text);
        let rest = &text["1．".len()..];
        let split = |text, separators| split_top_level(text, separators).collect::<Vec<_>>();
        for separators in [&['、'][..], &['，', '；'], &['。', '！', '!'], &['：', ':'], &['?']] {
            assert_eq!(top.split(text, separators).collect::<Vec<_>>(), split(text, separators));
            assert_eq!(top.split(rest, separators).collect::<Vec<_>>(), split(rest, separators));
            assert_eq!(top.find(rest, separators), find_top_level(rest, separators));
            for (_, piece) in split_top_level(rest, &['，', '。']) {
                assert_eq!(top.split(piece, separators).collect::<Vec<_>>(), split(piece, separators));
            }
        }
        assert_eq!(top.split("甲（、）乙", &['、']).collect::<Vec<_>>(), split("甲（、）乙", &['、']));
        assert_eq!(top.find(rest, &['（']), None);
        assert_eq!(top.leading_label(rest, &['：']), leading_label(rest, &['：']));
    }

    #[test]
    fn marks_are_found_as_contains_finds_them() {
        let sets: [&[char]; 4] = [&['，', '。', '；', '：'], &['、', '，'], &['、', ','], &[]];
        for text in ["", "甲乙", "甲，乙", "（甲）", "甲、", "a：b", "“甲”", "甲,乙", "甲《乙》。"]
        {
            for marks in sets {
                assert_eq!(holds_mark(text, marks), text.contains(marks), "{text} {marks:?}");
            }
        }
        assert!(['，', '。', '；', '：', '、', '（'].into_iter().all(is_wide_mark));
        assert!(![',', '等', '“'].into_iter().any(is_wide_mark));
    }

    #[test]
    fn trailing_punctuation_is_matched_by_its_bytes() {
        for ch in '\0'..=char::MAX {
            let text = format!("甲{ch}");
            let len = trailing_punctuation_len(text.as_bytes());
            assert_eq!(len, TRAILING_PUNCTUATION.contains(&ch).then_some(ch.len_utf8()), "{ch:?}");
        }
        assert_eq!(trim_item(" 甲工程、。 "), "甲工程");
        assert_eq!(trim_item("甲工程 ， "), "甲工程");
        assert_eq!(trim_item("。；"), "");
    }

    /// [`leading_label`] as two scans: to the first clause punctuation, then for a stop.
    fn leading_label_by_scans<'a>(text: &'a str, stop: &[char]) -> Option<(&'a str, usize)> {
        let end = text.find(|ch: char| CLAUSE_PUNCTUATION.contains(&ch) && !stop.contains(&ch));
        label_at(text, find_top_level(&text[..end.unwrap_or(text.len())], stop)?)
    }

    #[test]
    fn labels_are_found_in_one_walk_as_by_two_scans() {
        let parts = [
            "交通类",
            "：",
            ":",
            "（一期：二期）",
            "，",
            "。",
            "、",
            " ",
            "\u{3000}",
            "甲乙丙丁戊己庚辛壬癸",
            // Not an ideograph, though led by E4 as they are.
            "䷀",
            "(",
            ")",
            "”",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                texts.iter().flat_map(|text| parts.iter().map(move |part| format!("{text}{part}"))).collect();
            texts.extend(longer);
        }
        for text in &texts {
            for stop in [&['：', ':'][..], &['。'], &['：', '，'], &['乙', '：']] {
                assert_eq!(
                    leading_label(text, stop),
                    leading_label_by_scans(text, stop),
                    "{text:?} {stop:?}"
                );
            }
        }
    }

    #[test]
    fn labels_stop_at_the_first_top_level_colon() {
        assert_eq!(leading_label("交通类：安习高速、发展大道", &['：']), Some(("交通类", 12)));
        assert_eq!(leading_label("水利、生态环保：丙", &['：']), Some(("水利、生态环保", 24)));
        assert_eq!(leading_label("甲，乙：丙", &['：']), None);
        assert_eq!(leading_label("没有标签", &['：']), None);
    }
}
