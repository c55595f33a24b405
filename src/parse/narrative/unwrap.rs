//! Paragraphs a converter wrapped at a fixed width, joined back.
//!
//! `pdftotext -layout`, `lynx -dump` and `w3m -dump` print a paragraph as lines of one width,
//! cutting sentences anywhere (`…7项达到预期，5` / `项未达预期…`). The prose readers read a line
//! at a time, so a wrapped paragraph's lines are joined first. The wrap width is the width most
//! lines that end without closing a sentence share, in display columns (w3m) or in characters
//! (lynx, pdftotext: a CJK character one), whichever more lines share; a text of one paragraph
//! per line (a web page, Word's export) has no such width and is left as it is. A line is joined to the next when it
//! reaches the wrap width, does not close a sentence, and the next line is prose (not blank, not
//! a heading).

use crate::text::Trimmed;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Lines narrower than this (display columns) are not taken for wrapped lines.
const MIN_WRAP_WIDTH: usize = 40;
/// Widths this close are one wrap width (a CJK character that did not fit leaves two columns).
const WIDTH_SLACK: usize = 3;
/// A wrap width is shared by at least this many lines…
const MIN_WRAPPED_LINES: usize = 3;
/// …and by at least this share (in percent) of the wide lines that close no sentence.
const MIN_WRAPPED_SHARE: usize = 40;

/// Characters that close a sentence or a lead-in: a line ending with one is a paragraph's end.
const CLOSING: [char; 10] = ['。', '！', '？', '；', '：', '!', '?', ';', ':', '”'];

/// The lines with wrapped paragraphs joined, each joined paragraph numbered by its first line.
pub(crate) fn unwrap<'a>(lines: &[(usize, &'a str)]) -> Vec<(usize, Cow<'a, str>)> {
    let open: Vec<Option<&str>> = lines.iter().map(|(_, text)| open_line(text)).collect();
    let measured = |measure: fn(&str) -> usize| -> Vec<Option<usize>> {
        open.iter().map(|text| text.map(measure).filter(|&width| width >= MIN_WRAP_WIDTH)).collect()
    };
    let in_columns = measured(UnicodeWidthStr::width);
    let in_chars = measured(|text| text.chars().count());
    let (widths, wrap) = match (wrap_width(&in_columns), wrap_width(&in_chars)) {
        (Some((columns, _)), Some((chars, by_chars))) if chars > columns => (in_chars, by_chars),
        (Some((_, by_columns)), _) => (in_columns, by_columns),
        (None, Some((_, by_chars))) => (in_chars, by_chars),
        (None, None) => return lines.iter().map(|&(line, text)| (line, Cow::Borrowed(text))).collect(),
    };
    let mut out: Vec<(usize, Cow<'a, str>)> = Vec::with_capacity(lines.len());
    let mut joining = false;
    for (k, &(line, text)) in lines.iter().enumerate() {
        match out.last_mut() {
            Some((_, paragraph)) if joining => join(paragraph.to_mut(), text.trimmed()),
            _ => out.push((line, Cow::Borrowed(text))),
        }
        let next = lines.get(k + 1);
        joining = widths[k].is_some_and(|width| width + WIDTH_SLACK >= wrap)
            && next.is_some_and(|&(next_line, next_text)| next_line == line + 1 && continues(next_text));
    }
    out
}

/// A line that closes no sentence and is long enough to be wrapped, without its trailing white
/// space: what [`unwrap`] measures, in display columns and in characters.
fn open_line(text: &str) -> Option<&str> {
    let text = text.trimmed_end();
    (text.len() >= MIN_WRAP_WIDTH && !text.ends_with(CLOSING)).then_some(text)
}

/// The width most open lines share, when enough of them do: how many share it, and the width.
fn wrap_width(widths: &[Option<usize>]) -> Option<(usize, usize)> {
    let mut open: Vec<usize> = widths.iter().flatten().copied().collect();
    open.sort_unstable();
    // The widest run of widths within the slack of its widest: its widest is the wrap width.
    let mut best: Option<(usize, usize)> = None;
    let mut from = 0;
    for to in 0..open.len() {
        while open[to] - open[from] > WIDTH_SLACK {
            from += 1;
        }
        let count = to - from + 1;
        if best.is_none_or(|(most, _)| count >= most) {
            best = Some((count, open[to]));
        }
    }
    let (count, width) = best?;
    (count >= MIN_WRAPPED_LINES && count * 100 >= open.len() * MIN_WRAPPED_SHARE).then_some((count, width))
}

/// Whether a line continues a paragraph: it has text and is no heading (`二、`, `（三）`).
fn continues(text: &str) -> bool {
    let text = text.trimmed();
    !text.is_empty() && !is_heading(text)
}

/// Whether a line starts like a heading: `一、`, `（一）`, `(1)`, `1.`.
fn is_heading(text: &str) -> bool {
    let rest = text.trim_start_matches(crate::text::is_chinese_numeral);
    if rest.len() < text.len() && rest.starts_with('、') {
        return true;
    }
    if text.starts_with(['（', '(']) {
        return true;
    }
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < text.len() && digits.starts_with(['.', '、', '．'])
}

/// Appends a wrapped line's text, a space between two Latin letters or digits.
fn join(paragraph: &mut String, text: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if latin(paragraph.chars().next_back()) && latin(text.chars().next()) {
        paragraph.push(' ');
    }
    paragraph.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered<'a>(lines: &[&'a str]) -> Vec<(usize, &'a str)> {
        lines.iter().enumerate().map(|(i, text)| (i + 1, *text)).collect()
    }

    #[test]
    fn joins_lines_wrapped_at_one_width() {
        let lines = [
            "   一、2023年国民经济和社会发展计划执行情况",
            "   2023年，全区经济持续恢复向好，地区生产总值达到812.4亿元、增长5.9%。区人大确定的",
            "   12项主要指标中，8项达到预期，3项未达预期，1项无法比较。工业投资增长9.4%，服务业",
            "   增加值增长6.8%，社会消费品零售总额增长7.1%，城镇新增就业1.95万人，城镇调查失业",
            "   率5.2%，居民人均可支配收入增长6.2%，农村居民人均可支配收入增长7.4%，常住人口城镇",
            "   化率提高0.8个百分点。",
            "   （一）工业经济提质增效。",
        ];
        let joined = unwrap(&numbered(&lines));
        let texts: Vec<(usize, &str)> = joined.iter().map(|(line, text)| (*line, text.as_ref())).collect();
        assert_eq!(texts.len(), 3);
        assert_eq!(texts[0], (1, lines[0]));
        assert!(texts[1].1.contains("区人大确定的12项主要指标中"), "{}", texts[1].1);
        assert!(texts[1].1.contains("城镇调查失业率5.2%"));
        assert!(texts[1].1.ends_with("化率提高0.8个百分点。"));
        assert_eq!(texts[1].0, 2);
        assert_eq!(texts[2], (7, lines[6]));
    }

    #[test]
    fn joins_lines_wrapped_at_a_number_of_characters() {
        // As lynx wraps: every line of the paragraph 45 characters, whatever their width.
        let lines = [
            "   2023年，全区经济持续恢复向好，地区生产总值达到812.4亿元、增长5.9%。区人",
            "   大确定的12项主要指标中，8项达到预期，3项未达预期，1项无法比较。工业投资增长9.",
            "   4%，服务业增加值增长6.8%，社会消费品零售总额增长7.1%，城镇新增就业1.95",
            "   万人，城镇调查失业率5.2%。",
        ];
        let joined = unwrap(&numbered(&lines));
        assert_eq!(joined.len(), 1);
        assert!(joined[0].1.contains("区人大确定的12项主要指标中"));
        assert!(joined[0].1.contains("工业投资增长9.4%"));
    }

    #[test]
    fn leaves_paragraphs_one_per_line_alone() {
        let lines = [
            "一、2023年国民经济和社会发展计划执行情况",
            "2023年，全区经济持续恢复向好，地区生产总值达到812.4亿元、增长5.9%，高于全市平均水平。",
            "区人大确定的12项主要指标中，8项达到预期，3项未达预期，1项无法比较",
            "工业投资增长9.4%，服务业增加值增长6.8%，社会消费品零售总额增长7.1%，高于预期",
            "城镇新增就业1.95万人，城镇调查失业率5.2%，居民人均可支配收入增长6.2%",
        ];
        let joined = unwrap(&numbered(&lines));
        assert!(joined.iter().all(|(_, text)| matches!(text, Cow::Borrowed(_))));
        assert_eq!(joined.len(), lines.len());
    }
}
