//! Table captions: `表1  2022年…完成情况`, `表2：…`, `表二：…`, `专栏3：…`, `专栏 15：…`, with or without a leading
//! TAB. A caption only says where a table may start; whether it is an indicator table is decided by
//! the header that follows it.

use crate::parse::Lines;
use crate::text;
use crate::text::Trimmed;
use regex::Regex;
use std::sync::LazyLock;

/// A caption is short and has no sentence end; longer lines are prose that happens to start with 表.
pub(crate) const MAX_CAPTION_CHARS: usize = 60;
/// Words of a bare title (`2023年主要指标完成情况`) that make it a caption rather than a column title.
const BARE_CAPTION_WORDS: [&str; 8] =
    ["主要指标", "国民经济", "指标完成", "指标计划", "主要目标", "发展指标", "目标任务", "计划草案"];
/// Shortest bare caption without a year, in characters: shorter titles (`主要指标`) may be a
/// column's.
const MIN_UNDATED_CAPTION_CHARS: usize = 10;

/// `表1`, `附表2`, `表二`, `专栏3`, then a separator or the title itself (width-folded text); or
/// `附表` alone on its line (an appendix with one table, its title on the next line).
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:附?表|专栏)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:\s*[:：、]|\s*[.．](?:\D|$)|\s|$)|附表\s*[:：]?\s*$)",
    )
    .expect("caption pattern")
});

/// A caption found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Caption {
    /// The caption as written, trimmed (a bare `表1` joined with the title on the next line).
    pub text: String,
    /// Index of the caption's first line in the text.
    pub index: usize,
    /// Index of the first line after the caption.
    pub next: usize,
}

/// Reads the caption starting at `lines[index]`, if that line is one.
///
/// A bare number (`表1`) whose title stands on the next line (or the one after a blank line) is
/// joined with it.
pub(crate) fn caption_at(lines: Lines<'_>, index: usize) -> Option<Caption> {
    let line = unmarked(lines.get(index)?.trimmed());
    if !is_caption(line) {
        return None;
    }
    let folded = text::fold_cow(line);
    let bare = folded
        .trim_start_matches(['附', '表', '专', '栏'])
        .trim_end_matches([':', '：'])
        .chars()
        .all(|c| c.is_ascii_digit() || text::is_chinese_numeral(c));
    // The title may stand after a blank line (a text browser's dump of a page).
    let title_at = (index + 1..lines.len()).take(2).find(|&i| !lines[i].trimmed().is_empty());
    if let Some(at) = title_at.filter(|&at| bare && is_title(&lines[at])) {
        let title = unmarked(lines[at].trimmed());
        return Some(Caption { text: format!("{line} {title}"), index, next: at + 1 });
    }
    Some(Caption { text: line.to_owned(), index, next: index + 1 })
}

/// A trimmed line without the marks around a caption or title: a Markdown heading's `#`s and
/// bold `**` (`### 附表1`, `**表1 2023年主要指标完成情况**`), and the label lynx writes before a
/// table's `<caption>` (`CAPTION: 附表：…`).
pub(crate) fn unmarked(line: &str) -> &str {
    let line = line.strip_prefix("CAPTION: ").unwrap_or(line);
    let heading = line.trim_start_matches('#');
    let line =
        if heading.len() < line.len() && heading.starts_with(' ') { heading.trim_start() } else { line };
    text::unbold(line)
}

/// Whether a trimmed line is a caption.
pub(crate) fn is_caption(line: &str) -> bool {
    // Unmarked, a caption opens with `表`, `附表` or `专栏`; the marks [`unmarked`] takes off open
    // with `C`, `#` or `*`: a line opening with none of these (most) is none.
    if !line.starts_with(['表', '附', '专', 'C', '#', '*']) {
        return false;
    }
    let line = unmarked(line);
    let starts = line.starts_with('表') || line.starts_with("附表") || line.starts_with("专栏");
    if !starts || line.chars().count() > MAX_CAPTION_CHARS || line.contains('。') {
        return false;
    }
    let folded = text::nfkc(line);
    CAPTION.is_match(&folded)
}

/// A title standing alone as a caption without `表N`: `2023年主要指标完成情况`, or without a year
/// when it is longer than a column title (`云南省国民经济和社会发展主要指标`).
pub(crate) fn is_bare_caption(text: &str) -> bool {
    if reads_as_cells(text) {
        return false;
    }
    let text = unmarked(text);
    let chars = text.chars().count();
    if chars > MAX_CAPTION_CHARS || text.contains(['。', '；', '\t', '|']) {
        return false;
    }
    let titled = BARE_CAPTION_WORDS.iter().any(|w| text.contains(w));
    let dated = year_in(text).is_some();
    (dated && (titled || text.ends_with('表'))) || (titled && chars >= MIN_UNDATED_CAPTION_CHARS)
}

/// The first year named in `text` (`2022年…` → 2022): four digits from 1900 to 2099 before a
/// `年`, white space between them allowed, in the NFKC form of the text (full-width digits and
/// the compatibility ideograph U+F98E are folded to `0`–`9` and `年`).
pub(crate) fn year_in(text: &str) -> Option<u16> {
    // `年`, or the compatibility ideograph NFKC turns into it: without either there is no year.
    if !text.contains(['年', '\u{f98e}']) {
        return None;
    }
    let folded = crate::text::nfkc(text);
    folded.match_indices('年').find_map(|(at, _)| year_at_end(&folded[..at]))
}

/// The year written at the end of `text`, white space after it allowed (`…2023 ` → 2023).
fn year_at_end(text: &str) -> Option<u16> {
    let bytes = text.trimmed_end().as_bytes();
    let digits = &bytes[bytes.len().checked_sub(4)?..];
    let century = matches!(&digits[..2], b"19" | b"20");
    let number =
        digits.iter().try_fold(0u16, |n, &b| b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0')));
    number.filter(|_| century)
}

/// The caption without its number: `专栏3：2023年…计划` → `2023年…计划`.
pub(crate) fn caption_title(caption: &str) -> &str {
    let rest = caption.trimmed_start().trim_start_matches(['附', '表', '专', '栏']).trimmed_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.trimmed_start().trim_start_matches(['：', ':', '、', '.', '．']).trimmed_start()
}

/// Words by which a sentence hands over to the table under it, longest first.
const LEAD_IN_WORDS: [&str; 7] =
    ["（见下表）", "(见下表)", "如下表所示", "详见下表", "见下表", "如下表", "如下"];

/// The title a sentence gives the table under it when the table has no caption: the clause
/// before `如下：` / `（见下表）` (`2023年全县主要经济指标预计完成情况如下：` →
/// `2023年全县主要经济指标预计完成情况`). `None` when the line does not end by pointing at a
/// table, or the clause is too short or too long to be a title.
pub(crate) fn lead_in_title<'a>(line: &'a str) -> Option<&'a str> {
    let text = line.trimmed().trim_end_matches(['：', ':', '。', '，', ',', ' ']);
    let strip = |text: &'a str| LEAD_IN_WORDS.iter().find_map(|word| text.strip_suffix(word));
    let mut before = strip(text)?;
    // `…安排如下（见下表）`: every pointing word goes.
    while let Some(shorter) = strip(before) {
        before = shorter;
    }
    let clause =
        before.rsplit(['。', '；', '，', ',']).next()?.trimmed().trim_end_matches(['，', ',', '（', '(']);
    let chars = clause.chars().count();
    (4..=MAX_CAPTION_CHARS).contains(&chars).then_some(clause)
}

/// Whether a line can be the title of a bare-numbered caption: not cells (no TAB, not three
/// pieces parted by runs of spaces, as a table's header row is written), a few words, no sentence
/// end.
fn is_title(line: &str) -> bool {
    let text = line.trimmed();
    let chars = text.chars().count();
    !reads_as_cells(line) && chars > 4 && chars <= MAX_CAPTION_CHARS && !text.contains('。')
}

/// Whether a line is written as a table's cells rather than as one title: it holds a TAB, or
/// three pieces or more parted by runs of spaces (`主要指标     单位 2022年 2023年     2024年`).
pub(crate) fn reads_as_cells(line: &str) -> bool {
    line.contains('\t')
        || line.trimmed().split("  ").filter(|piece| !piece.trim().is_empty()).nth(2).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;

    #[test]
    fn a_sentence_pointing_at_the_table_gives_its_title() {
        assert_eq!(
            lead_in_title("2023年全县主要经济指标预计完成情况如下："),
            Some("2023年全县主要经济指标预计完成情况")
        );
        assert_eq!(lead_in_title("经过努力，全区主要指标完成情况（见下表）。"), Some("全区主要指标完成情况"));
        assert_eq!(lead_in_title("主要指标完成情况如下表所示:"), Some("主要指标完成情况"));
        assert_eq!(
            lead_in_title("综合考虑各方面因素，2024年全县主要预期目标安排如下（见下表）："),
            Some("2024年全县主要预期目标安排")
        );
        assert_eq!(lead_in_title("全区经济运行总体平稳。"), None);
        assert_eq!(lead_in_title("具体如下："), None);
    }

    #[test]
    fn titles_lose_their_number() {
        assert_eq!(caption_title("专栏3：2023年主要指标计划"), "2023年主要指标计划");
        assert_eq!(caption_title("\t专栏 15： 2025年计划"), "2025年计划");
        assert_eq!(caption_title("表1  2022年完成情况"), "2022年完成情况");
    }

    #[test]
    fn markdown_marks_around_a_caption_are_no_part_of_it() {
        assert_eq!(unmarked("### 附表1"), "附表1");
        assert_eq!(unmarked("**表1 2023年主要指标完成情况**"), "表1 2023年主要指标完成情况");
        assert_eq!(unmarked("#1 地区"), "#1 地区");
        assert_eq!(unmarked("CAPTION: 附表：2023年主要指标"), "附表：2023年主要指标");
        assert!(is_caption("## 表2 2024年主要指标"));
    }

    #[test]
    fn recognises_the_caption_forms() {
        assert!(is_caption("表1  2022年国民经济和社会发展计划指标完成情况"));
        assert!(is_caption("表2：2023年国民经济和社会发展计划草案"));
        assert!(is_caption("专栏3：2023年国民经济和社会发展主要指标计划"));
        assert!(is_caption("专栏 15：2025年国民经济和社会发展主要指标计划"));
        assert!(is_caption("专栏1： 2023年政府投资项目计划"));
        assert!(is_caption("表１"));
        assert!(!is_caption("表明我区经济运行稳中向好。"));
        assert!(!is_caption("表1.5亿元"));
        assert!(!is_caption("专栏"));
    }

    #[test]
    fn a_bare_label_is_not_joined_with_a_header_row_under_it() {
        for header in ["指标\t单位\t2023年完成\t2023年目标", "指标    单位    2023年完成    2023年目标"]
        {
            let text = LinedText::from_lines(&["附表：", header]);
            assert_eq!(caption_at(text.lines(), 0).unwrap().text, "附表：", "{header}");
        }
    }

    #[test]
    fn joins_a_bare_number_with_its_title() {
        let lines = ["表1", "2022年主要指标完成情况", "\t指标"];
        let caption = caption_at(LinedText::from_lines(&lines).lines(), 0).unwrap();
        assert_eq!(caption.text, "表1 2022年主要指标完成情况");
        assert_eq!(caption.next, 2);
        let lines = ["表1", "\t指标名称", "\t目标"];
        assert_eq!(caption_at(LinedText::from_lines(&lines).lines(), 0).unwrap().text, "表1");
    }

    #[test]
    fn finds_the_year() {
        assert_eq!(year_in("专栏3：2023年国民经济"), Some(2023));
        assert_eq!(year_in("２０２２年预期目标"), Some(2022));
        assert_eq!(year_in("计划目标"), None);
        assert_eq!(year_in("2023\u{f98e}目标"), Some(2023));
        assert_eq!(year_in("2023 年目标"), Some(2023));
        assert_eq!(year_in("第3年，2021年"), Some(2021));
        assert_eq!(year_in("12023年"), Some(2023));
        assert_eq!(year_in("2123年，1999年"), Some(1999));
        assert_eq!(year_in("023年"), None);
    }
}
