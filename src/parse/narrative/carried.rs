//! Sentences whose indicator is named in the sentence before, joined to it as one sentence:
//! - a name alone, then its target and result: `——地区生产总值。年度目标增长7%，预计完成6.2%。`
//!   → `——地区生产总值年度目标增长7%，预计完成6.2%`;
//! - a list item stating a target, then the result marked as what it was:
//!   `1.地区生产总值增长7%左右。实际增长5.8%，未完成年度目标。` → `地区生产总值目标增长7%左右，
//!   实际增长5.8%，未完成年度目标` (a list of the year's targets, each followed by its outcome).
//!
//! A result labelled as the outcome of the target before it (`预期目标增长8%；执行情况：增长6.2%`,
//! `……。完成情况为增长3.8%`) is first written as a result marked `实际` in the target's clause
//! (`预期目标增长8%，实际增长6.2%`), so the forms above and [`super::paired`] read it.
//!
//! The joined sentence is read as any other ([`super::paired`] pairs its target and result). The
//! sentence after must name nothing of its own: it opens with a target word or with `实际`.

use super::headline::{opens_with_verb, subject_of};
use super::strip_list_marker;
use crate::text::fold;
use std::borrow::Cow;

/// Words that open a sentence stating the target of an indicator named before it.
const TARGET_OPENERS: [&str; 7] =
    ["年度预期目标", "全年预期目标", "年度目标", "全年目标", "预期目标", "计划目标", "目标"];

/// Words that open a sentence stating the result of a target stated before it.
const RESULT_OPENERS: [&str; 2] = ["全年实际", "实际"];

/// Labels of the outcome of a target stated before them (`执行情况：增长6.2%`), longest first.
const RESULT_LABELS: [&str; 4] = ["实际执行情况", "实际完成情况", "执行情况", "完成情况"];

/// What stands between a [`RESULT_LABELS`] label and its result.
const LABEL_ENDS: [&str; 4] = ["：", ":", "为", "是"];

/// Verbs of a bound an indicator is kept in (`控制在5.5%以内`).
const KEPT_VERBS: [&str; 3] = ["控制在", "保持在", "稳定在"];

/// Verbs of a level (`达到90%`, `为5%`).
const LEVEL_VERBS: [&str; 3] = ["达到", "达", "为"];

/// Verbs of a growth (`增长7%左右`).
const GROWTH_VERBS: [&str; 2] = ["增长", "下降"];

/// The longest name that stands alone as a sentence before its target.
const MAX_NAME_CHARS: usize = 16;

/// The sentences of a paragraph (split at `。！？`) with each sentence whose indicator is named in
/// the sentence before joined to it.
pub(super) fn joined(paragraph: &str) -> Vec<Cow<'_, str>> {
    match unlabel_results(paragraph) {
        Some(unlabelled) => {
            joined_sentences(&unlabelled).into_iter().map(|s| Cow::Owned(s.into_owned())).collect()
        }
        None => joined_sentences(paragraph),
    }
}

/// [`joined`] of a paragraph without labelled results.
fn joined_sentences(paragraph: &str) -> Vec<Cow<'_, str>> {
    let sentences: Vec<&str> = paragraph.split(['。', '！', '？']).collect();
    let mut out = Vec::with_capacity(sentences.len());
    let mut at = 0;
    while at < sentences.len() {
        match sentences.get(at + 1).and_then(|next| join(sentences[at], next)) {
            Some(sentence) => {
                out.push(Cow::Owned(sentence));
                at += 2;
            }
            None => {
                out.push(Cow::Borrowed(sentences[at]));
                at += 1;
            }
        }
    }
    out
}

/// `paragraph` with each result labelled as a target's outcome written as a result marked `实际`:
/// `；执行情况：增长6.2%` → `，实际增长6.2%` (the result joins its target's clause), `。完成情况为增长3.8%`
/// → `。实际增长3.8%`. A label must open a clause and end in `：`, `为` or `是`; `None` when there is none.
fn unlabel_results(paragraph: &str) -> Option<String> {
    if !paragraph.contains("情况") {
        return None;
    }
    let mut out = String::with_capacity(paragraph.len());
    let mut rest = paragraph;
    let mut changed = false;
    while let Some(at) = rest.find("情况") {
        let end = at + "情况".len();
        let label = RESULT_LABELS.iter().find(|label| rest[..end].ends_with(**label));
        let after = &rest[end..];
        let label_end = LABEL_ENDS.iter().find(|word| after.starts_with(**word));
        let (Some(label), Some(label_end)) = (label, label_end) else {
            out.push_str(&rest[..end]);
            rest = after;
            continue;
        };
        let before = &rest[..end - label.len()];
        let ends_clause = |text: &str| text.ends_with(['。', '；', ';', '，', ',']);
        let opens_clause = match before.is_empty() {
            true => out.is_empty() || ends_clause(&out),
            false => ends_clause(before),
        };
        if !opens_clause {
            out.push_str(&rest[..end]);
            rest = after;
            continue;
        }
        match before.strip_suffix(['；', ';']) {
            Some(clause) => {
                out.push_str(clause);
                out.push('，');
            }
            None => out.push_str(before),
        }
        out.push_str("实际");
        rest = &after[label_end.len()..];
        changed = true;
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// `head` and `next` as one sentence, when `next` speaks of the indicator `head` names.
fn join(head: &str, next: &str) -> Option<String> {
    let next = next.trim_start();
    let opens = |words: &[&str]| words.iter().any(|word| next.starts_with(word));
    let target_first = opens(&TARGET_OPENERS);
    // `实际增长5.8%`, not `实际利用外资2亿美元` (an indicator of its own).
    let result = RESULT_OPENERS.iter().find_map(|word| next.strip_prefix(word));
    // `实际预计增长4.5%`: an estimate of the result.
    let result = result.map(|rest| rest.strip_prefix("预计").unwrap_or(rest));
    let result_first =
        result.is_some_and(|rest| opens_with_verb(rest) || rest.starts_with(|c: char| c.is_ascii_digit()));
    if !target_first && !result_first {
        return None;
    }
    let head = fold(head);
    let body = strip_list_marker(head.trim());
    if body.is_empty() || body.contains([',', ':', ';']) {
        return None;
    }
    if target_first && is_name_alone(body) {
        return Some(format!("{body}{next}"));
    }
    let is_item = body.len() < head.trim().len();
    if !result_first || !is_item {
        return None;
    }
    let subject = subject_of(body)?;
    let (_, values) = body.split_once(subject)?;
    let target = |values: &str| values.starts_with(|c: char| c.is_ascii_digit());
    if KEPT_VERBS.iter().any(|verb| values.starts_with(verb)) {
        // A bound is a target before a result marked `实际` as it stands (`控制在5.5%以内`).
        return Some(format!("{body},{next}"));
    }
    if let Some(level) = LEVEL_VERBS.iter().find_map(|verb| values.strip_prefix(verb)).filter(|v| target(v)) {
        return Some(format!("{subject}目标为{level},{next}"));
    }
    let growth = GROWTH_VERBS.iter().find_map(|verb| values.strip_prefix(verb)).is_some_and(target);
    growth.then(|| format!("{subject}目标{values},{next}"))
}

/// Whether a sentence is an indicator's name and nothing else: short, with no number.
fn is_name_alone(text: &str) -> bool {
    text.chars().count() <= MAX_NAME_CHARS && !text.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_sentence_to_the_name_or_target_before_it() {
        assert_eq!(
            joined("——地区生产总值。年度目标增长7%，预计完成6.2%。"),
            ["地区生产总值年度目标增长7%，预计完成6.2%", ""]
        );
        assert_eq!(
            joined("1.地区生产总值增长7%左右。实际增长5.8%，未完成年度目标。"),
            ["地区生产总值目标增长7%左右,实际增长5.8%，未完成年度目标", ""]
        );
        assert_eq!(joined("(2)森林覆盖率达到52%。实际为52.3%"), ["森林覆盖率目标为52%,实际为52.3%"]);
        assert_eq!(
            joined("4.城镇调查失业率控制在5.5%以内。实际为4.9%"),
            ["城镇调查失业率控制在5.5%以内,实际为4.9%"]
        );
    }

    #[test]
    fn reads_a_labelled_result_as_the_outcome_of_the_target_before_it() {
        assert_eq!(
            joined("（二）规模以上工业增加值。预期目标增长8%；完成情况：增长6.2%。"),
            ["规模以上工业增加值预期目标增长8%，实际增长6.2%", ""]
        );
        assert_eq!(
            joined("5.社会消费品零售总额增长8%左右。执行情况：增长2.1%。"),
            ["社会消费品零售总额目标增长8%左右,实际增长2.1%", ""]
        );
        // A label inside a clause is prose.
        assert_eq!(joined("全区计划执行情况总体良好。"), ["全区计划执行情况总体良好", ""]);
    }

    #[test]
    fn leaves_sentences_that_name_their_own_indicator() {
        // A result sentence after a result: no list item, so no target.
        let text = "地区生产总值增长5.6%。实际利用外资2亿美元。";
        assert_eq!(joined(text), ["地区生产总值增长5.6%", "实际利用外资2亿美元", ""]);
        // A sentence of prose before a target sentence is no name.
        let text = "全区经济运行总体平稳，稳中有进。目标任务全面完成。";
        assert_eq!(joined(text), ["全区经济运行总体平稳，稳中有进", "目标任务全面完成", ""]);
        // A list item with no value before `实际`, and an indicator of its own after it.
        assert_eq!(joined("1.稳增长。实际增长5%。"), ["1.稳增长", "实际增长5%", ""]);
        let text = "1.地区生产总值增长5.6%。实际利用外资2亿美元。";
        assert_eq!(joined(text), ["1.地区生产总值增长5.6%", "实际利用外资2亿美元", ""]);
    }
}
