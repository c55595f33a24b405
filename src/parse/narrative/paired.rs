//! A target and its result in clauses of their own, the target first:
//! - a target named as one, then the result: `规模以上工业增加值目标为增长7%，实际增长5.1%`,
//!   `地区生产总值计划增长7%，实际增长6.1%`, a list item `地区生产总值：目标增长7%，完成6.1%`;
//! - a target as the year's target set at its start, with or without its verdict, then the
//!   result: `年初确定的7%的外贸进出口增长目标未能实现，全年增长4.5%`,
//!   `年初提出的地区生产总值增长7%的目标未实现，实际增长5.4%`;
//! - a bound the indicator was to be kept in, then what it was: `城镇调查失业率控制在5.5%以内，
//!   实际为5.1%` (`实际完成5.1%`, `全年为5.1%`, `实际控制在5.1%`); `控制在5.5%` as a target is the
//!   ceiling `5.5%以内`.
//!
//! The result clause speaks of the target's indicator: after the words that mark a result
//! (`实际`, `全年`, `预计`) it opens with its verb or its value, not a name of its own, and states a
//! rate where the target does (`%`) and an amount where the target does. A value with no target
//! word is a target only when it is bounded (`以内`, `以上`, `左右`, or kept `控制在`) and the result
//! after it is marked `实际`, or `全年` for a bound one way (`全年为5.1%`): a bounded result
//! followed by another (`控制在5.5%以内，全年新增就业2万人`) is no pair.
//!
//! The pair is rewritten as the result with its target in brackets (`城镇调查失业率为5.1%
//! (目标5.5%以内)`), which [`super::review`] reads as any bracketed target; claims after
//! it (`低于目标1.9个百分点`) add to it as they do there.

use super::headline::{opens_with_verb, subject_of, without_grouping_commas};
use super::review::strip_fillers;
use crate::model::ValueForm;
use crate::parse::value::{NUMBER, parse_value};
use regex::Regex;
use std::sync::LazyLock;

/// A clause naming its target: `规模以上工业增加值目标为增长7%`, `地区生产总值:目标增长7%`,
/// `地区生产总值计划增长7%`, `一般公共预算收入年度预期目标8%`.
static TARGET_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<subject>[^:,()%‰\d]+?):?(?:(?:全年|年度|年初)?(?:预期|计划)?目标(?:值)?|(?:全年|年度|年初)?(?:预期|计划))(?:为|是|:)?(?P<target>(?:增长|下降)?\d[^:,()]*)$",
    )
    .expect("target clause pattern")
});

/// A clause naming the year's target as one, its verdict after it: `年初确定的7%的外贸进出口增长
/// 目标未能实现`, `地区生产总值增长7%的预期目标未实现`; the phrase is read by [`VALUE_FIRST`]
/// or [`VALUE_LAST`].
static VERDICT_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:年初|年度|全年)?(?:确定|提出|制定|设定|安排)?的?(?P<phrase>[^,()]+?)的?(?:年度|全年|预期|计划)*目标(?:任务)?(?:(?:未能|没有|未|基本|已)?(?:实现|完成|达到|达成))?$",
    )
    .expect("verdict clause pattern")
});

/// A target's phrase with its value first: `7%的外贸进出口增长`.
static VALUE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<value>{NUMBER}%(?:左右|以上)?)的(?P<subject>[^\d%]+?)(?P<growth>增长|增速)?$"))
        .expect("value-first target pattern")
});

/// A target's phrase with its value last: `地区生产总值增长7%`.
static VALUE_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<subject>[^\d%+-]+?)(?P<verb>增长|下降)?(?P<value>{NUMBER}%(?:左右|以上)?)$"))
        .expect("value-last target pattern")
});

/// Words of a target's period or kind, never an indicator's name (`年度目标为8%` names none).
const PERIOD_WORDS: [&str; 5] = ["全年", "年度", "年初", "预期", "计划"];

/// Words that mark a result clause, before its verb or value.
const RESULT_MARKS: [&str; 4] = ["实际", "全年", "预计", "年末"];

/// Verbs of a bounded value that leave the value as it is: `控制在5.5%以内` is `5.5%以内`.
const LEVEL_VERBS: [&str; 6] = ["控制在", "保持在", "稳定在", "达到", "为", "达"];

/// Verbs of a growth, which is no level.
const GROWTH_VERBS: [&str; 4] = ["增长", "下降", "降低", "减少"];

/// Verbs of a result that state a level, read as growth after a growth target
/// (`目标增长7%，完成6.1%`: the growth was 6.1%).
const RESULT_LEVEL_VERBS: [&str; 5] = ["为", "完成", "实现", "达到", "达"];

/// `body` (a folded sentence, its list marker left out) with each target clause and the result
/// clause after it rewritten as the result with its target in brackets; `None` when it has no
/// such pair.
pub(super) fn rewrite(body: &str) -> Option<String> {
    // A pair needs a target word, or a result marked as the year's or the actual one.
    let could_pair = ["目标", "预期", "计划", "实际", "全年"].iter().any(|word| body.contains(word));
    if !could_pair || !body.contains(',') {
        return None;
    }
    let text = without_grouping_commas(body);
    let clauses: Vec<&str> = text.split(',').collect();
    let mut out: Vec<String> = Vec::with_capacity(clauses.len());
    let mut paired = false;
    let mut at = 0;
    while at < clauses.len() {
        if let Some(pair) = clauses.get(at + 1).and_then(|result| pair(clauses[at], result)) {
            out.push(pair);
            paired = true;
            at += 2;
        } else {
            out.push(clauses[at].to_owned());
            at += 1;
        }
    }
    paired.then(|| out.join(","))
}

/// What the marks before a result say.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    /// `实际`: the result as it was.
    actual: bool,
    /// `全年`, `年末`: the year's result.
    whole_year: bool,
    /// `预计`: an estimate.
    estimated: bool,
}

/// A target clause and the result clause after it as one result with its target in brackets.
fn pair(head: &str, result: &str) -> Option<String> {
    let (result, marks) = strip_marks(result);
    let stated = stated_target(head).or_else(|| verdict_target(head));
    let named = stated.is_some();
    let (subject, target) = stated.or_else(|| bounded_target(head, marks))?;
    // The result's value, up to a bracket of its own (kept after the target's).
    let (value, after) = result.split_at(result.find('(').unwrap_or(result.len()));
    let starts_with_number = value.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if !starts_with_number && !opens_with_verb(value) {
        return None;
    }
    let is_growth = |text: &str| GROWTH_VERBS.iter().any(|verb| text.starts_with(verb));
    let growth_target = is_growth(&target);
    let growth_result = is_growth(value);
    // A rate against an amount, or a growth against a bound on a level (`控制在5.5%以内`), is no
    // pair; a target named as one may give a growth as its rate (`目标8%，实际增长6.5%`).
    if target.contains('%') != value.contains('%') || (growth_result && !growth_target && !named) {
        return None;
    }
    let level_verb = RESULT_LEVEL_VERBS.iter().find(|verb| value.starts_with(**verb));
    let value = match (growth_target, level_verb) {
        // `完成增长12%` is the growth itself.
        (true, Some(verb)) if is_growth(&value[verb.len()..]) => value[verb.len()..].to_owned(),
        (true, Some(verb)) => format!("增长{}", &value[verb.len()..]),
        (true, None) if starts_with_number => format!("增长{value}"),
        (false, None) if starts_with_number => format!("为{value}"),
        _ => value.to_owned(),
    };
    let estimated = if marks.estimated { "预计" } else { "" };
    Some(format!("{subject}{estimated}{value}(目标{target}){after}"))
}

/// The result clause without its leading marks, and the marks.
fn strip_marks(mut result: &str) -> (&str, Marks) {
    let mut marks = Marks::default();
    while let Some(mark) = RESULT_MARKS.iter().find(|mark| result.starts_with(**mark)) {
        match *mark {
            "实际" => marks.actual = true,
            "预计" => marks.estimated = true,
            _ => marks.whole_year = true,
        }
        result = &result[mark.len()..];
    }
    (result, marks)
}

/// The indicator and target of a clause naming its target (`…目标为增长7%`).
fn stated_target(head: &str) -> Option<(&str, String)> {
    let caps = TARGET_CLAUSE.captures(super::strip_list_marker(head))?;
    let subject = caps.name("subject")?.as_str();
    let subject = strip_fillers(subject);
    let named = !subject.is_empty() && !PERIOD_WORDS.contains(&subject);
    named.then(|| (subject, caps["target"].to_owned()))
}

/// The indicator and target of a clause naming the year's target before its verdict
/// (`年初确定的7%的外贸进出口增长目标未能实现` → `外贸进出口`, `增长7%`).
fn verdict_target(head: &str) -> Option<(&str, String)> {
    let phrase = VERDICT_CLAUSE.captures(strip_fillers(head))?.name("phrase")?.as_str();
    let (subject, target) = if let Some(caps) = VALUE_FIRST.captures(phrase) {
        let growth = if caps.name("growth").is_some() { "增长" } else { "" };
        (caps.name("subject")?.as_str(), format!("{growth}{}", &caps["value"]))
    } else {
        let caps = VALUE_LAST.captures(phrase)?;
        let verb = caps.name("verb").map_or("", |m| m.as_str());
        (caps.name("subject")?.as_str(), format!("{verb}{}", &caps["value"]))
    };
    let subject = strip_fillers(subject);
    let named = !subject.is_empty() && !PERIOD_WORDS.contains(&subject);
    named.then_some((subject, target))
}

/// The indicator and target of a clause stating a bounded value (`城镇调查失业率控制在5.5%以内`),
/// when the result's marks say the value was the target.
fn bounded_target(head: &str, marks: Marks) -> Option<(&str, String)> {
    if !marks.actual && !marks.whole_year {
        return None;
    }
    let subject = subject_of(head)?;
    let (_, values) = head.split_once(subject)?;
    let kept = values.starts_with("控制在");
    let level = LEVEL_VERBS.iter().find_map(|verb| values.strip_prefix(verb));
    let value = level.unwrap_or(values);
    let target = match parse_value(value).form {
        // `控制在5.5%`: a ceiling.
        ValueForm::Exact(_) if kept => format!("{value}以内"),
        ValueForm::AtMost(_) | ValueForm::AtLeast(_) => value.to_owned(),
        // `左右` bounds a target only against a result marked as what it was.
        ValueForm::About(_) if marks.actual => value.to_owned(),
        _ => return None,
    };
    Some((subject, target))
}
