//! Years written in Chinese numerals (`二〇二三年`, `二零二四年`), as some formal titles and dates
//! write them, rewritten in digits (`2023年`), and the month and day after such a year too
//! (`二〇二四年一月十日` → `2024年1月10日`): the parser reads years, captions and dates in digits.
//! Only a year of four numerals with a zero among them is one (every year from 2000 to 2099 has
//! one: `二〇…`), so `一二三四年` in prose is left alone. Text without a Chinese zero is not looked
//! at further.
//!
//! Table cells are rewritten as grids are built ([`crate::grid::GridBuilder`]); a document's text
//! line by line ([`years_in_lines`]), except lines whose characters stand in columns (a drawn
//! table, or cells parted by runs of spaces), where a shorter year would move the columns after
//! it: their cells are rewritten when read.

use memchr::memmem;
use std::borrow::Cow;

/// The numerals of a year, zero in its three forms.
const NUMERALS: [(char, u8); 12] = [
    ('〇', 0),
    ('零', 0),
    ('○', 0),
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// `text` with the years in Chinese numerals of its lines in digits, except in lines laid out in
/// columns (see the module documentation); `text` itself when nothing changes. Only the lines
/// around a zero followed by a year's end are looked at (`零售` is common, a year so written rare).
pub fn years_in_lines(text: String) -> String {
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    for at in year_zeros(&text) {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        lines.push(start..end);
    }
    lines.sort_by_key(|line| line.start);
    lines.dedup();
    let mut out = String::new();
    let mut copied = 0;
    for line in lines {
        let written = &text[line.clone()];
        let Some(rewritten) = in_digits(written).filter(|_| !in_columns(written)) else { continue };
        if out.is_empty() {
            out.reserve(text.len());
        }
        out.push_str(&text[copied..line.start]);
        out.push_str(&rewritten);
        copied = line.end;
    }
    if copied == 0 {
        return text;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether a line's characters stand in columns: box-drawing characters or bars, or a run of two
/// spaces after its first word.
fn in_columns(line: &str) -> bool {
    let drawn = line.chars().any(|c| matches!(c, '|' | '\u{2500}'..='\u{257F}'));
    drawn || line.trim_start().contains("  ")
}

/// `text` with its years in Chinese numerals in digits, borrowed when it has none.
pub fn years_in_cell(text: &str) -> Cow<'_, str> {
    match in_digits(text) {
        Some(rewritten) => Cow::Owned(rewritten),
        None => Cow::Borrowed(text),
    }
}

/// The forms of zero, one of which every year rewritten has.
const ZEROS: [char; 3] = ['〇', '零', '○'];

/// The byte offsets of the zeros in `text` that numerals and `年` follow within a year's length
/// ([`ends_a_year`]). Each `年` is found (one search, `memchr`'s vector code) and the numerals
/// right before it are read back, at most four: a zero among them opens a year's end.
fn year_zeros(text: &str) -> Vec<usize> {
    let mut zeros = Vec::new();
    for end in memmem::find_iter(text.as_bytes(), "年".as_bytes()) {
        let mut at = end;
        for _ in 0..4 {
            // Every numeral is three bytes in UTF-8.
            let Some(c) = at.checked_sub(3).and_then(|start| text.get(start..at)).and_then(single_char)
            else {
                break;
            };
            if numeral(c).is_none() {
                break;
            }
            at -= 3;
            if ZEROS.contains(&c) {
                zeros.push(at);
            }
        }
    }
    zeros
}

/// The character `text` is, when it is one.
fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// Whether numerals and then `年` follow the zero that `from_zero` opens with, within a year.
fn ends_a_year(from_zero: &str) -> bool {
    from_zero.chars().skip(1).take(4).find(|&c| numeral(c).is_none()) == Some('年')
}

/// The shortest year in numerals, in bytes: four numerals and `年`, each three bytes in UTF-8.
const YEAR_BYTES: usize = 5 * 3;

/// `text` with its years in Chinese numerals in digits, `None` when it has none. A text shorter
/// than a year, or without the `年` every year ends in (most table cells), is not read further.
fn in_digits(text: &str) -> Option<String> {
    if text.len() < YEAR_BYTES
        || !crate::text::holds(text, "年")
        || !text.match_indices(ZEROS).any(|(at, _)| ends_a_year(&text[at..]))
    {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut at, mut changed) = (0, 0, false);
    while at < chars.len() {
        let Some(year) = year_at(&chars, at) else {
            at += 1;
            continue;
        };
        let start = chars[at].0;
        out.push_str(&text[copied..start]);
        out.push_str(&year.to_string());
        out.push('年');
        at += 5;
        for (unit, most) in [('月', 12), ('日', 31)] {
            match small_number_at(&chars, at, unit, most) {
                Some((n, used)) => {
                    out.push_str(&n.to_string());
                    out.push(unit);
                    at += used + 1;
                }
                None => break,
            }
        }
        copied = chars.get(at).map_or(text.len(), |&(byte, _)| byte);
        changed = true;
    }
    out.push_str(&text[copied..]);
    changed.then_some(out)
}

/// The year of four numerals, one of them a zero, before `年` at `at`.
fn year_at(chars: &[(usize, char)], at: usize) -> Option<u16> {
    let digits: Vec<u8> = chars.get(at..at + 4)?.iter().map_while(|&(_, c)| numeral(c)).collect();
    let zero = chars[at..at + 4].iter().any(|&(_, c)| ZEROS.contains(&c));
    let before_is_numeral = at > 0 && numeral(chars[at - 1].1).is_some();
    if digits.len() != 4 || !zero || before_is_numeral || chars.get(at + 4)?.1 != '年' {
        return None;
    }
    Some(digits.iter().fold(0, |year, &d| year * 10 + u16::from(d)))
}

/// The value of one numeral.
fn numeral(c: char) -> Option<u8> {
    NUMERALS.iter().find(|&&(n, _)| n == c).map(|&(_, value)| value)
}

/// A month or day in numerals up to `most` (`一`, `十`, `十二`, `二十`, `三十一`) before `unit`
/// at `at`, and how many numerals it used.
fn small_number_at(chars: &[(usize, char)], at: usize, unit: char, most: u8) -> Option<(u8, usize)> {
    let run: Vec<char> = chars
        .get(at..)?
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| c == '十' || numeral(c).is_some())
        .take(3)
        .collect();
    if chars.get(at + run.len())?.1 != unit {
        return None;
    }
    let value = |c: char| numeral(c).filter(|&n| n > 0);
    let n = match run.as_slice() {
        [one] if *one != '十' => value(*one)?,
        ['十'] => 10,
        ['十', one] => 10 + value(*one)?,
        [tens, '十'] => value(*tens)? * 10,
        [tens, '十', one] => value(*tens)? * 10 + value(*one)?,
        _ => return None,
    };
    (n <= most).then_some((n, run.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_months_and_days_in_numerals_become_digits() {
        assert_eq!(
            in_digits("——二〇二四年一月十日在贡井区第十九届人民代表大会第三次会议上").as_deref(),
            Some("——2024年1月10日在贡井区第十九届人民代表大会第三次会议上")
        );
        assert_eq!(
            in_digits("关于二〇二三年计划执行情况与二零二四年计划草案的报告").as_deref(),
            Some("关于2023年计划执行情况与2024年计划草案的报告")
        );
        assert_eq!(in_digits("二〇二三年十二月三十一日").as_deref(), Some("2023年12月31日"));
        assert_eq!(in_digits("二〇二三年目标|二〇二三年完成").as_deref(), Some("2023年目标|2023年完成"));
        assert_eq!(in_digits("二〇二三年二十三月").as_deref(), Some("2023年二十三月"));
    }

    #[test]
    fn lines_in_columns_keep_their_numerals() {
        let text =
            "关于二〇二三年计划\n│二〇二三年目标│\n指标  二〇二三年目标\n   二〇二四年一月十日\n".to_owned();
        assert_eq!(
            years_in_lines(text),
            "关于2023年计划\n│二〇二三年目标│\n指标  二〇二三年目标\n   2024年1月10日\n"
        );
        assert_eq!(years_in_cell("二〇二三年目标"), "2023年目标");
    }

    #[test]
    fn every_numeral_and_year_mark_takes_three_bytes() {
        assert!(NUMERALS.iter().all(|&(c, _)| c.len_utf8() * 5 == YEAR_BYTES));
        assert_eq!('年'.len_utf8() * 5, YEAR_BYTES);
        assert_eq!(in_digits("二〇二三年").as_deref(), Some("2023年"));
    }

    #[test]
    fn year_zeros_are_the_zeros_a_year_s_end_follows() {
        for text in [
            "二〇二三年",
            "二零零三年一月",
            "〇年○○年",
            "零售额二〇〇年",
            "a二〇二三四年",
            "年〇",
            "二〇二三五年",
        ] {
            let mut by_zeros: Vec<usize> =
                text.match_indices(ZEROS).map(|(at, _)| at).filter(|&at| ends_a_year(&text[at..])).collect();
            let mut found = year_zeros(text);
            by_zeros.sort_unstable();
            found.sort_unstable();
            assert_eq!(found, by_zeros, "{text}");
        }
    }

    #[test]
    fn other_numerals_are_left_alone() {
        assert_eq!(in_digits("一二三四年"), None);
        assert_eq!(in_digits("零星项目"), None);
        assert_eq!(in_digits("一二〇二三年"), None);
        assert_eq!(in_digits("二〇二三"), None);
        assert_eq!(in_digits("2023年"), None);
    }
}
