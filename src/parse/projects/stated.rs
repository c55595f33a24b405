//! Where a clause states a stage after a list: `…完成…`, `…等项目建成投用`, `…投入使用`,
//! `…已通过…审议`, `…纳入…规划`. One scan for the stage verbs at once (an Aho-Corasick
//! automaton), where a pattern of alternatives would be run from each place it might start.
//!
//! A statement is an optional adverb ([`ADVERBS`]: `全面`, `已`, `按期` …) right before a verb
//! ([`VERBS`]); `通过` and `纳入` state a stage only when one of their closing words follows
//! within [`MAX_BETWEEN`] characters of the same clause part (no `，。；` between): `通过省发改委
//! 布局方案审议`, `纳入全省骨干航道网体系`. At one place the verbs are tried in their order (a
//! longer spelling before the shorter one it opens with: `开工建设` before `开工`), and the
//! statements are found left to right without overlapping.

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// Adverbs that may open a statement (`全面完工`, `已建成`). No two end with one character, and
/// none holds the first character of a verb, so at most one stands right before a verb.
const ADVERBS: [&str; 7] = ["全面", "顺利", "已", "基本", "成功", "正式", "按期"];

/// The stage verbs, in the order they are tried at one place; the last two (`通过`, `纳入`) need
/// a closing word after them ([`PASSED`], [`TAKEN`]).
const VERBS: [&str; 22] = [
    "开工建设",
    "开工",
    "建成投用",
    "建成投产",
    "建成",
    "完工投用",
    "完工",
    "竣工验收",
    "竣工",
    "投产",
    "投用",
    "投入使用",
    "投入运营",
    "完成",
    "进入",
    "入场施工",
    "开展",
    "启动",
    "加快建设",
    "签约落地",
    "通过",
    "纳入",
];

/// `通过…` states a stage when closed by one of these: `通过…审议`.
const PASSED: [&str; 4] = ["审议", "验收", "评审", "审查"];

/// `纳入…` states a stage when closed by one of these: `纳入…规划`.
const TAKEN: [&str; 3] = ["规划", "体系", "项目库"];

/// The most characters between `通过`/`纳入` and its closing word.
const MAX_BETWEEN: usize = 30;

/// The characters that end the stretch a closing word is looked for in.
const CLAUSE_BREAKS: [char; 3] = ['，', '。', '；'];

/// The verbs of [`VERBS`], searched for all at once, the first in order winning at one place.
static VERB_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(VERBS).expect("stage verbs automaton")
});

/// The statements of a stage in `text`, left to right and not overlapping, as byte ranges (the
/// adverb, the verb and, for `通过`/`纳入`, the words up to the closing word).
pub fn stated_stages(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let mut at = from;
        loop {
            let found = VERB_WORDS.find(&text[at..])?;
            let (start, verb_end) = (at + found.start(), at + found.end());
            let closers: &[&str] = match VERBS.len() - found.pattern().as_usize() {
                2 => &PASSED,
                1 => &TAKEN,
                _ => &[],
            };
            let end = if closers.is_empty() { Some(verb_end) } else { closed_at(text, verb_end, closers) };
            let Some(end) = end else {
                // No statement starts here: look again from the verb's next character.
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let before = &text[from..start];
            let adverb =
                ADVERBS.iter().find(|adverb| before.ends_with(*adverb)).map_or(0, |adverb| adverb.len());
            from = end;
            return Some(start - adverb..end);
        }
    })
}

/// Where the nearest of `closers` after byte `at` of `text` ends, when one starts within
/// [`MAX_BETWEEN`] characters, none of them a [`CLAUSE_BREAKS`].
fn closed_at(text: &str, mut at: usize, closers: &[&str]) -> Option<usize> {
    for between in 0..=MAX_BETWEEN {
        let rest = &text[at..];
        if let Some(closer) = closers.iter().find(|closer| rest.starts_with(*closer)) {
            return Some(at + closer.len());
        }
        let ch = rest.chars().next().filter(|ch| between < MAX_BETWEEN && !CLAUSE_BREAKS.contains(ch))?;
        at += ch.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The pattern the scan stands for: the statements must be its matches, one for one.
    fn pattern() -> Regex {
        Regex::new(
            r"(?:全面|顺利|已|基本|成功|正式|按期)?(?:开工建设|开工|建成投用|建成投产|建成|完工投用|完工|竣工验收|竣工|投产|投用|投入使用|投入运营|完成|进入|入场施工|开展|启动|加快建设|签约落地|通过[^，。；]{0,30}?(?:审议|验收|评审|审查)|纳入[^，。；]{0,30}?(?:规划|体系|项目库))",
        )
        .expect("pattern")
    }

    fn same_as_pattern(text: &str, pattern: &Regex) {
        let scanned: Vec<Range<usize>> = stated_stages(text).collect();
        let matched: Vec<Range<usize>> = pattern.find_iter(text).map(|found| found.range()).collect();
        assert_eq!(scanned, matched, "{text}");
    }

    #[test]
    fn statements_are_the_patterns_matches() {
        let pattern = pattern();
        for text in [
            "甲、乙等项目建成投用",
            "綦江抽水蓄能电站完成可研阶段三大专题报告编制",
            "国家粮食储备基地（长寿）通过省发改委布局方案审议",
            "南岸航道整治项目成功纳入全省骨干航道网体系",
            "甲通过，审议",
            "甲纳入场施工乙",
            "纳入入场施工",
            "通过通过审议",
            "已已建成",
            "全面按期完工",
            "已",
            "",
            "开工建设开工建成投产完工投用竣工验收",
            "基本本建成",
            "甲通过一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十审议",
            "甲通过一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一审议",
            "顺利通过验收并投入运营，已纳入规划；正式开工",
        ] {
            same_as_pattern(text, &pattern);
        }
    }

    /// Every line of the sample reports and fixtures, and each of its clauses, reads the same.
    #[test]
    fn the_samples_read_as_the_pattern_reads_them() {
        let pattern = pattern();
        let mut texts = 0;
        for path in crate::fixtures::files() {
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            for line in text.lines() {
                same_as_pattern(line, &pattern);
                for clause in line.split(['，', '。', '；']) {
                    same_as_pattern(clause, &pattern);
                }
                texts += 1;
            }
        }
        assert!(texts > 1000, "{texts}");
    }
}
