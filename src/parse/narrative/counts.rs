//! The document's own counts of its results, in the review part:
//! `明确的32项指标中（含预计数）：17项指标达到或超过预期，14项指标未达预期`,
//! `12项指标，1项约束性指标…完成，11项预期性指标中…7项指标未完成…4项指标能够完成`,
//! `35项指标完成或基本完成21项，未达预期14项`, `42项指标中…6项约束性指标全部完成`.
//!
//! A sentence counts when its first count names indicators (`N项…指标`), or the indicators are
//! named before it (`主要经济指标中，有6项达到或超过预期`). It is cut into clauses at `，；：`; each
//! count (`N项`) in a clause is read by the words of its clause: a clause saying `未达`, `未完成`,
//! `未能`, `没有完成` or `差距` counts missed indicators, as does one excepting them from the
//! verdict after it (`除固定资产投资等3项外，其余15项均完成`); one saying `完成`, `达到`,
//! `超过`, `实现` or `达标` counts met ones; a clause with two counts (`35项指标完成21项`) gives the
//! first as the whole and the second the verdict; any other count is a whole (`32项指标中`). A
//! count of `约束性` or `预期性` indicators covers only those.
//!
//! The total is the first whole over all indicators. Met and missed are summed over the
//! clauses, and stated only when the clauses cover every indicator: a verdict over all of them,
//! or verdicts over both the binding and the expected ones (`1项约束性指标…完成，11项预期性指标中…`).
//! `6项约束性指标全部完成` alone states neither.

use super::sentences;
use crate::model::StatedCount;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// A count of indicators (`12项`, `1项约束性指标`), the scope word captured.
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<n>\d+)项(?:主要)?(?P<scope>约束性|预期性)?").expect("count pattern"));

/// The first count of a counting sentence names indicators.
static INDICATOR_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+项[^,;:]{0,8}?指标").expect("indicator count pattern"));

/// Words of a clause that counts missed indicators; checked before [`MET_WORDS`].
const MISSED_WORDS: [&str; 6] = ["未达", "未完成", "未能", "没有完成", "差距", "未实现"];

/// Words of a clause that counts met indicators.
const MET_WORDS: [&str; 5] = ["完成", "达到", "超过", "实现", "达标"];

/// Which indicators a count covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Binding,
    Expected,
}

/// What a count says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Whole,
    Met,
    Missed,
}

/// Reads the counting sentences of the review part: `(line number, line)` pairs.
pub fn stated_counts(lines: &[(usize, &str)]) -> Vec<StatedCount> {
    let mut counts = Vec::new();
    for &(line, text) in lines {
        for sentence in sentences(text) {
            if let Some(count) = read_count(sentence, line) {
                counts.push(count);
            }
        }
    }
    counts
}

/// One sentence's counts, when it is a counting sentence.
fn read_count(sentence: &str, line: usize) -> Option<StatedCount> {
    // Every count has a `项`, which no other character folds to: skip the folding without one.
    if !sentence.contains('项') {
        return None;
    }
    let folded = fold(sentence);
    let first = COUNT.find(&folded)?;
    let named_before = folded[..first.start()].contains("指标中");
    if !named_before && INDICATOR_COUNT.find(&folded).is_none_or(|m| m.start() != first.start()) {
        return None;
    }
    let mut counts: Vec<(Scope, Verdict, usize)> = Vec::new();
    for clause in folded.split([',', ';', ':']) {
        let found: Vec<_> = COUNT.captures_iter(clause).collect();
        // `除固定资产投资等3项外，其余15项均完成`: the excepted ones are those not met.
        let excepted = clause.starts_with('除') && clause.ends_with('外');
        let verdict = if excepted || MISSED_WORDS.iter().any(|w| clause.contains(w)) {
            Verdict::Missed
        } else if MET_WORDS.iter().any(|w| clause.contains(w)) {
            Verdict::Met
        } else {
            Verdict::Whole
        };
        for (index, caps) in found.iter().enumerate() {
            let Ok(n) = caps["n"].parse::<usize>() else { continue };
            let scope = match caps.name("scope").map(|m| m.as_str()) {
                Some("约束性") => Scope::Binding,
                Some(_) => Scope::Expected,
                None => Scope::All,
            };
            let is_whole = found.len() > 1 && index == 0;
            counts.push((scope, if is_whole { Verdict::Whole } else { verdict }, n));
        }
    }
    let total = counts.iter().find(|(s, v, _)| *s == Scope::All && *v == Verdict::Whole).map(|c| c.2);
    let judged: Vec<_> = counts.iter().filter(|(_, v, _)| *v != Verdict::Whole).collect();
    let covers = |scope: Scope| judged.iter().any(|(s, _, _)| *s == scope);
    let complete = covers(Scope::All) || (covers(Scope::Binding) && covers(Scope::Expected));
    let sum = |verdict: Verdict| {
        let stated = judged.iter().any(|(_, v, _)| *v == verdict);
        (complete && stated).then(|| judged.iter().filter(|(_, v, _)| *v == verdict).map(|c| c.2).sum())
    };
    Some(StatedCount {
        text: sentence.to_owned(),
        line,
        total,
        met: sum(Verdict::Met),
        missed: sum(Verdict::Missed),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(sentence: &str) -> Option<(Option<usize>, Option<usize>, Option<usize>)> {
        read_count(sentence, 1).map(|c| (c.total, c.met, c.missed))
    }

    #[test]
    fn counts_in_the_forms_districts_write_them() {
        assert_eq!(
            numbers(
                "明确的32项指标中（含预计数）：17项指标达到或超过预期，14项指标未达预期，实际利用外资指标不再统计"
            ),
            Some((Some(32), Some(17), Some(14)))
        );
        assert_eq!(
            numbers(
                "对照计划草案明确的12项指标，1项约束性指标单位地区生产总值能耗完成，11项预期性指标中地区生产总值、\
                 工业增加值等7项指标未完成，进出口总额、城镇化率等4项指标能够完成（详见表1）"
            ),
            Some((Some(12), Some(5), Some(7)))
        );
        assert_eq!(numbers("35项指标完成或基本完成21项，未达预期14项"), Some((Some(35), Some(21), Some(14))));
        assert_eq!(numbers("42项指标中，6项约束性指标全部完成"), Some((Some(42), None, None)));
        // Before, the first was no count (its indicators named before it) and the second had no
        // missed count.
        assert_eq!(
            numbers("全年主要经济指标中，有6项达到或超过预期，2项未达预期"),
            Some((None, Some(6), Some(2)))
        );
        assert_eq!(
            numbers("纳入考核的18项指标，除固定资产投资等3项外，其余15项均完成年度目标"),
            Some((Some(18), Some(15), Some(3)))
        );
    }

    #[test]
    fn counts_of_other_things_are_not_counts_of_indicators() {
        assert_eq!(numbers("21项年度工作顺利推进"), None);
        assert_eq!(numbers("梳理实施稳企惠企政策集中攻坚清单35条"), None);
        assert_eq!(numbers("完成投资137.8亿元，其中12项重点工程完工"), None);
    }
}
