//! A header printed over three lines with one-line titles between wrapped ones.
//!
//! A PDF table's header row is as tall as its tallest cell, and each cell's text is centred in it.
//! `pdftotext -layout` then prints a header whose wide titles take one line and whose narrow ones
//! wrap in three lines: the one-line titles on the middle line, standing alone, and the wrapped
//! titles' first parts above them, their ends below (`2023 年计划目` over `标`). A title spanning
//! sub-titles (`年度计划` over `总量 增速(%)`) prints so too, the sub-titles under it on the last line:
//! ```text
//!                  计量  年度计划     完成情况     增减
//!        主要指标
//!                  单位 总量 增速(%) 总量 增速(%) 百分点
//! ```
//! Between two titles of the middle line, the words above and the words below are paired in
//! order: one under one is a title wrapped (`计量` + `单位`), several under one are its sub-titles
//! (`年度计划` over `总量 | 增速(%)`). Which words below go under which above is chosen by where
//! they stand, each line's words taken as a whole (the converter's columns drift from line to
//! line, so they are set against each other by their middles), and by even shares, as the
//! titles over sub-titles have as many each.

use super::{Header, Leaf, Parent};
use crate::parse::Lines;
use crate::parse::readers::Vocabulary;
use crate::parse::readers::aligned::{Measure, close_cjk_gaps, pieces_by};
use crate::parse::table::align::is_value;
use crate::parse::table::header::is_sub_title;

/// A word of a header line and where it ends.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    text: String,
}

impl Word {
    /// Twice its middle, to stay in whole columns.
    fn middle2(&self) -> usize {
        self.start + self.end
    }

    fn overlaps(&self, other: &Word) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Punctuation of sentences and lists, which no header title holds.
const PROSE_MARKS: [char; 4] = ['。', '，', '；', '、'];

/// The header whose three lines start at `lines[start]`: titles of the middle line standing
/// alone, the words above and below them paired into wrapped titles and titles over sub-titles.
/// `None` when the three lines are not so (a value among them, a middle title over or under a
/// word, more words above than below between two middle titles), or make no header.
pub(super) fn read_band(
    lines: Lines<'_>,
    start: usize,
    vocabulary: &Vocabulary,
    measure: Measure,
) -> Option<Header> {
    let band = [start, start + 1, start + 2];
    // Sentences and lists are no header's lines: a cheap test before the words are cut.
    if band.iter().any(|&index| lines.get(index).is_none_or(|line| line.contains(PROSE_MARKS))) {
        return None;
    }
    // Each line's words are cut when the lines before them still make a band, and where the
    // words stand is told before what they read as (a value is dearer to tell).
    let words_of = |index: usize| Some(words(lines.get(index)?, measure)).filter(|words| !words.is_empty());
    let stands_alone = |middle: &[Word], around: &[Word]| {
        !middle.iter().any(|title| around.iter().any(|word| word.overlaps(title)))
    };
    let middle = words_of(band[1])?;
    let top = words_of(band[0]).filter(|top| stands_alone(&middle, top))?;
    let bottom = words_of(band[2]).filter(|bottom| stands_alone(&middle, bottom))?;
    let all = top.iter().chain(&middle).chain(&bottom);
    if all.clone().any(|word| is_cell_value(&word.text, vocabulary)) {
        return None;
    }
    let mut leaves = Vec::new();
    let mut parents = Vec::new();
    let gap_of = |word: &Word| middle.iter().filter(|title| title.start < word.start).count();
    for gap in 0..=middle.len() {
        let above: Vec<&Word> = top.iter().filter(|w| gap_of(w) == gap).collect();
        let below: Vec<&Word> = bottom.iter().filter(|w| gap_of(w) == gap).collect();
        pair(&above, &below, (band[0], band[2]), &mut leaves, &mut parents)?;
        if let Some(title) = middle.get(gap) {
            leaves.push(Leaf { x: title.start, title: title.text.clone(), line: band[1], sub: false });
        }
    }
    let titles: Vec<&str> = leaves
        .iter()
        .map(|leaf| leaf.title.as_str())
        .chain(parents.iter().map(|p| p.title.as_str()))
        .collect();
    if leaves.len() < 2 || !(vocabulary.is_header)(&titles) {
        return None;
    }
    Some(Header { leaves, parents, end: start + 3, placed: true })
}

/// Whether a word of a line reads as a value of the body rather than (part of) a title: not a
/// title (`完成情况` reads as a verdict) nor a year or months opening one (`2023 年计`, `1-11 月完`,
/// `1-12` over its `月`).
fn is_cell_value(text: &str, vocabulary: &Vocabulary) -> bool {
    let dated = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-').starts_with(['年', '月'])
        && text.starts_with(|c: char| c.is_ascii_digit());
    is_value(text) && !dated && !is_months(text) && !(vocabulary.is_title)(text) && !is_sub_title(text)
}

/// Whether a word is a run of months, the start of a title wrapped before its `月` (`1-12`).
fn is_months(text: &str) -> bool {
    let month = |part: &str| part.parse::<u8>().ok().filter(|m| (1..=12).contains(m) && part.len() <= 2);
    let Some((first, last)) = text.split_once('-') else { return false };
    matches!((month(first), month(last)), (Some(a), Some(b)) if a < b)
}

/// The words of a header line: its pieces (parted by two spaces or more) cut at single spaces,
/// but not at a converter's gap after a number (`2023 年计`, `（2025 年）`, `1-11 月完`).
fn words(line: &str, measure: Measure) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for piece in pieces_by(line, measure) {
        let mut x = piece.start;
        for (k, part) in piece.text.split(' ').enumerate() {
            let end = x + measure.len(part);
            match words.last_mut() {
                Some(last) if k > 0 && last.text.ends_with(|c: char| c.is_ascii_alphanumeric()) => {
                    last.text.push(' ');
                    last.text.push_str(part);
                    last.end = end;
                }
                _ => words.push(Word { start: x, end, text: part.to_owned() }),
            }
            x = end + 1;
        }
    }
    for word in &mut words {
        word.text = close_cjk_gaps(&word.text);
    }
    words
}

/// Pairs the words above and below between two titles of the middle line, in order: each word
/// above takes a run of the words below, one (the rest of its title) or more (its sub-titles);
/// a word with none above or below is a title alone. `None` when more words stand above than
/// below, both lines having some.
fn pair(
    above: &[&Word],
    below: &[&Word],
    (top_line, bottom_line): (usize, usize),
    leaves: &mut Vec<Leaf>,
    parents: &mut Vec<Parent>,
) -> Option<()> {
    if above.is_empty() || below.is_empty() {
        let line = if above.is_empty() { bottom_line } else { top_line };
        for word in above.iter().chain(below) {
            leaves.push(Leaf { x: word.start, title: word.text.clone(), line, sub: false });
        }
        return Some(());
    }
    if above.len() > below.len() {
        return None;
    }
    let mut from = 0;
    for (word, take) in above.iter().zip(runs(above, below)) {
        let run = &below[from..from + take];
        from += take;
        match run {
            [end] => leaves.push(Leaf {
                x: word.start.min(end.start),
                title: format!("{}{}", word.text, end.text),
                line: top_line,
                sub: false,
            }),
            subs => {
                parents.push(Parent {
                    title: word.text.clone(),
                    line: top_line,
                    first: leaves.len(),
                    span: subs.len(),
                });
                leaves.extend(subs.iter().map(|sub| Leaf {
                    x: sub.start,
                    title: sub.text.clone(),
                    line: bottom_line,
                    sub: true,
                }));
            }
        }
    }
    Some(())
}

/// How many words below each word above takes (one or more, in order, all taken): the shares
/// whose runs' middles stand nearest their words' (each line's words shifted so the middles of
/// their extents meet), and that are most even.
fn runs(above: &[&Word], below: &[&Word]) -> Vec<usize> {
    let (m, n) = (above.len(), below.len());
    let extent = |words: &[&Word]| words[0].start + words[words.len() - 1].end;
    // Twice the middles of the extents: the words above are moved by `to - from`.
    let (from, to) = (extent(above), extent(below));
    let run_cost = |i: usize, first: usize, last: usize| {
        let run = below[first].start + below[last - 1].end;
        (run + from).abs_diff(above[i].middle2() + to) + ((last - first) * m).abs_diff(n)
    };
    // best[i][j]: the least cost of giving the first j words below to the first i above.
    let mut best = vec![vec![(usize::MAX, 0); n + 1]; m + 1];
    best[0][0] = (0, 0);
    for i in 1..=m {
        for j in i..=n {
            for first in i - 1..j {
                let (before, _) = best[i - 1][first];
                if before == usize::MAX {
                    continue;
                }
                let cost = before + run_cost(i - 1, first, j);
                if cost < best[i][j].0 {
                    best[i][j] = (cost, first);
                }
            }
        }
    }
    let mut takes = vec![0; m];
    let mut j = n;
    for i in (1..=m).rev() {
        let first = best[i][j].1;
        takes[i - 1] = j - first;
        j = first;
    }
    takes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    /// A parent's title, first leaf and span.
    type Span = (String, usize, usize);

    fn titles(lines: &[&str]) -> Option<(Vec<String>, Vec<Span>)> {
        let header = read_band(LinedText::from_lines(lines).lines(), 0, &INDICATOR, Measure::Chars)?;
        let leaves = header.leaves.iter().map(|leaf| leaf.title.clone()).collect();
        let parents = header.parents.iter().map(|p| (p.title.clone(), p.first, p.span)).collect();
        Some((leaves, parents))
    }

    #[test]
    fn wrapped_titles_and_titles_over_sub_titles_around_one_line_titles() {
        let lines = [
            "                 计量  年度计划     完成情况     增减",
            "       主要指标",
            "                 单位 总量 增速(%) 总量 增速(%) 百分点",
        ];
        let (leaves, parents) = titles(&lines).expect("a header");
        assert_eq!(leaves, ["主要指标", "计量单位", "总量", "增速(%)", "总量", "增速(%)", "增减百分点"]);
        assert_eq!(parents, [("年度计划".to_owned(), 2, 2), ("完成情况".to_owned(), 4, 2)]);
    }

    #[test]
    fn titles_over_sub_titles_drifting_from_them_take_even_shares() {
        let lines = [
            "                             年度计划        完成情况",
            "       主要指标      计量单位                              增减百分点",
            "                        总量 增速(%) 总量 增速(%)",
        ];
        let (leaves, parents) = titles(&lines).expect("a header");
        assert_eq!(leaves, ["主要指标", "计量单位", "总量", "增速(%)", "总量", "增速(%)", "增减百分点"]);
        assert_eq!(parents, [("年度计划".to_owned(), 2, 2), ("完成情况".to_owned(), 4, 2)]);
    }

    #[test]
    fn titles_one_space_apart_above_are_joined_to_their_ends_below() {
        // A converter's gap after a number stays (`2023 年目`); a space between CJK words, or
        // before a number, parts two titles.
        let lines = [
            "                                  2023 年目 2023 年实 比上年增 目标完成",
            "序号 指标                      计量单位                              备注",
            "                                  标       绩       长      情况",
        ];
        let (leaves, parents) = titles(&lines).expect("a header");
        assert_eq!(
            leaves,
            ["序号", "指标", "计量单位", "2023年目标", "2023年实绩", "比上年增长", "目标完成情况", "备注"]
        );
        assert!(parents.is_empty());
    }

    #[test]
    fn months_above_their_month_open_a_wrapped_title() {
        let lines = [
            "                              1-12",
            "序号 指标            单位 年度任务               比上年±% 备注",
            "                              月",
        ];
        let (leaves, _) = titles(&lines).expect("a header");
        assert_eq!(leaves, ["序号", "指标", "单位", "年度任务", "1-12月", "比上年±%", "备注"]);
        assert!(is_months("1-11") && !is_months("6-6.5") && !is_months("12-1"));
    }

    #[test]
    fn a_middle_title_over_a_word_or_a_value_makes_no_band() {
        let over = ["          2023 年目标", "   指标     单位", "          绝对值 增速"];
        assert!(titles(&over).is_none());
        let values = ["        计划   完成", "  地区生产总值", "        6.5    5.8"];
        assert!(titles(&values).is_none());
    }
}
