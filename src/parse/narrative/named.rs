//! Verdicts on indicators named without their values, one judged statement per name:
//! - a list before a count or the word `指标` and a verdict: `地区生产总值、规模以上工业增加值、固定资产
//!   投资3项指标未完成年度目标`, `11项预期性指标中地区生产总值、工业增加值等7项指标未完成`,
//!   `进出口总额、城镇化率等4项指标能够完成`;
//! - a list and a verdict on a target, no `指标`: `地区生产总值、固定资产投资未完成年度目标`,
//!   `一般公共预算收入完成年度目标`, also a target set from above: `单位地区生产总值能耗完成市下达的
//!   目标任务`, `主要污染物排放总量完成年度减排任务`; every name must then read as an indicator's
//!   (one the alias table knows, itself, as a growth rate or as a reduction: `地区生产总值` →
//!   `地区生产总值增速`, `主要污染物排放总量` → `…减少`; or one ending in what indicators measure:
//!   `…能耗`, `…增加值`, `…覆盖率`), since such a sentence also judges tasks (`城市更新项目完成年度
//!   目标任务`, `招商引资完成年度目标`);
//! - the exceptions to a verdict on the rest: `除地区生产总值、固定资产投资外，其余指标均完成年度
//!   目标` (the named ones missed; the rest is no named indicator and is left to the counts);
//! - a verdict, then the list: `未完成年度目标的指标有：地区生产总值、固定资产投资`.
//!
//! A count stated without `等` must be the number of names (`3项` and three names), else the list
//! was not read right and gives nothing. A name is as written (`规模以上工业增加值`): the sentence
//! does not say whether its target was a level or a rate. The statement has no target and no
//! result, so its gap is unassessed; its status is the document's. A name judged elsewhere with
//! values (a sentence, a review table) keeps that judgement ([`drop_judged_elsewhere`]).

use super::headline::{distribute, is_reduced};
use super::review::{ISSUERS, strip_fillers};
use crate::canonical::AliasTable;
use crate::model::{Claim, IndicatorTable, ReviewStatement, TableKind};
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// Verdicts in words: missed ones first, so `未完成` is not read as `完成`.
const VERDICT: &str =
    r"(?P<no>未能?完成|未达到?|没有完成|未能?实现|低于预期)|(?P<yes>完成|达到|超过|实现|达标|高于预期)";

/// Words between `指标` and its verdict (`均`, `能够`, `基本`).
const BETWEEN: &str = r"(?:均|都|全部|已|已经|基本|能够|能|可|也)*";

/// A list before a count or `指标`, then the verdict: `…、…等7项指标未完成`.
static LIST_THEN_VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<names>.+?)(?P<etc>等)?(?:(?P<n>\d+)项)?(?:主要)?(?:经济)?(?:约束性|预期性)?指标{BETWEEN}(?:{VERDICT})"
    ))
    .expect("list then verdict pattern")
});

/// A list, then a verdict on a target: `…、…未完成年度目标`, `…完成市下达的年度减排任务`.
static LIST_THEN_TARGET_VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<names>.+?){BETWEEN}(?:(?P<no>未能?完成|未达到?|没有完成|未能?实现)|(?P<yes>超额完成|完成|达到|实现))(?:了)?(?:{ISSUERS}下达的?)?(?:全年|年度|年初)?(?:预期|计划|控制|考核|减排|节能)?(?:目标|预期|任务)"
    ))
    .expect("list then target verdict pattern")
});

/// The exceptions to a verdict on the rest: `除…外,其余指标均完成`.
static EXCEPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"除(?P<names>[^,:]+?)(?:等)?(?:\d+项)?(?:指标)?(?:以)?外,?(?:其余|其他|其它)(?:\d+项)?(?:主要)?(?:指标)?{BETWEEN}(?:{VERDICT})"
    ))
    .expect("except pattern")
});

/// A verdict, then the list: `未完成年度目标的指标有:…`.
static VERDICT_THEN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{VERDICT})(?:全年|年度|年初)?(?:预期|计划)?(?:目标)?(?:任务)?的(?:\d+项)?(?:主要)?指标(?:主要)?(?:有|是|为|包括)(?:\d+项)?:?(?P<names>[^,:]+)"
    ))
    .expect("verdict then list pattern")
});

/// A year that opens a clause (`2023年`).
static LEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{4}年").expect("year pattern"));

/// The longest name read in a list.
const MAX_NAME_CHARS: usize = 24;

/// Words that say which indicators a count or verdict is of, never a name (`主要指标`, `约束性指标`).
const SCOPE_WORDS: [&str; 9] = ["主要", "经济", "约束性", "预期性", "各项", "其他", "其余", "以上", "所有"];

/// Words that open a clause before its list (`但地区生产总值、…未能完成`).
const CONJUNCTIONS: [&str; 5] = ["但是", "但", "而", "其中", "仅"];

/// Words after a verdict that make it a noun (`主要指标完成情况`: a caption, no verdict).
const NOUN_ENDINGS: [&str; 3] = ["情况", "率", "值"];

/// Words no indicator's name holds: the list is of tasks or projects, or of prose.
const NOT_IN_NAMES: [&str; 8] = ["项目", "工程", "任务", "工作", "目标", "完成", "我们", "的"];

/// Words of which every verdict holds one; a clause with none is not read further.
const VERDICT_WORDS: [&str; 5] = ["完成", "达", "实现", "超过", "预期"];

/// Words of which every list of named indicators with a verdict holds one: `指标`, a target
/// (`目标`, `预期`, `任务`), or the exceptions to the rest (`除`).
const LIST_WORDS: [&str; 5] = ["指标", "目标", "预期", "任务", "除"];

/// Endings of names that measure something, as indicators' names do (`万元地区生产总值能耗`,
/// `规模以上工业增加值`, `森林覆盖率`); a task's or project's name has none (`招商引资`, `城市更新`).
const MEASURED_ENDINGS: [&str; 10] =
    ["增加值", "总值", "总额", "总量", "投资", "收入", "比重", "率", "产量", "人数"];

/// The endings of a name the alias table may know it by: as a growth rate, or as a reduction.
const KNOWN_ENDINGS: [&str; 4] = ["增速", "下降", "降低", "减少"];

/// The verdicts a clause (no `；`) states on indicators it names, as judged statements.
pub(super) fn named_verdicts(
    clause: &str,
    year: Option<u16>,
    line: usize,
    aliases: &AliasTable,
) -> Vec<ReviewStatement> {
    let judges = VERDICT_WORDS.iter().any(|word| clause.contains(word));
    if !judges || !LIST_WORDS.iter().any(|word| clause.contains(word)) {
        return Vec::new();
    }
    let verdicts = read_named(&fold(clause), aliases).unwrap_or_default();
    verdicts
        .into_iter()
        .map(|(name, met)| ReviewStatement {
            year,
            name,
            unit: None,
            target: None,
            target_derived: false,
            actual: None,
            claim: Claim::Verdict(met),
            reason: None,
            status: None,
            gap: None,
            evidence: clause.to_owned(),
            line,
        })
        .collect()
}

/// The names a verdict on the rest excepts, in a folded text ending with that verdict
/// (`除固定资产投资外,其他指标均完成` → `固定资产投资`); none when it excepts none.
pub(super) fn excepted(text: &str) -> Vec<String> {
    if !text.contains('除') {
        return Vec::new();
    }
    EXCEPT.captures(text).and_then(|caps| names(&caps["names"])).unwrap_or_default()
}

/// `(name, met)` of each indicator a folded clause names with its verdict.
fn read_named(clause: &str, aliases: &AliasTable) -> Option<Vec<(String, bool)>> {
    if let Some(caps) = EXCEPT.captures(clause) {
        // The rest met: the exceptions did not, and the other way round.
        let met = caps.name("no").is_some();
        return Some(names(&caps["names"])?.into_iter().map(|name| (name, met)).collect());
    }
    if let Some(caps) = VERDICT_THEN_LIST.captures(clause) {
        let met = caps.name("yes").is_some();
        let list = caps["names"].split('(').next().unwrap_or_default();
        let list = list.split('等').next().unwrap_or_default();
        return Some(names(list)?.into_iter().map(|name| (name, met)).collect());
    }
    // Each comma-clause on its own: `受…影响,地区生产总值、固定资产投资等指标未完成年度目标`.
    let mut found = Vec::new();
    for part in clause.split([',', ':']) {
        let verdict_noun = |end: usize| NOUN_ENDINGS.iter().any(|noun| part[end..].starts_with(noun));
        if let Some(caps) = LIST_THEN_VERDICT.captures(part).filter(|caps| !verdict_noun(caps[0].len())) {
            let met = caps.name("yes").is_some();
            let Some(list) = names(after_scope(&caps["names"])) else { continue };
            let stated = caps.name("n").and_then(|n| n.as_str().parse::<usize>().ok());
            let complete = caps.name("etc").is_none();
            if stated.is_some_and(|n| if complete { n != list.len() } else { n < list.len() }) {
                continue;
            }
            found.extend(list.into_iter().map(|name| (name, met)));
        } else if let Some(caps) =
            LIST_THEN_TARGET_VERDICT.captures(part).filter(|caps| !verdict_noun(caps[0].len()))
        {
            let met = caps.name("yes").is_some();
            let Some(list) = names(&caps["names"]) else { continue };
            if !list.iter().all(|name| is_known(name, aliases)) {
                continue;
            }
            found.extend(list.into_iter().map(|name| (name, met)));
        }
    }
    Some(found)
}

/// A list's text after the words that say what it is taken from (`11项预期性指标中地区生产总值`,
/// `其中地区生产总值`).
fn after_scope(list: &str) -> &str {
    let list = list.rsplit_once("指标中").map_or(list, |(_, rest)| rest);
    list.strip_prefix("其中").unwrap_or(list)
}

/// The names of a folded list (`地区生产总值、固定资产投资和社会消费品零售总额`), when every item reads
/// as an indicator's name: letters only, not too long, no words of tasks or prose.
pub(super) fn names(list: &str) -> Option<Vec<String>> {
    let list = LEADING_YEAR.find(list).map_or(list, |year| &list[year.end()..]);
    let list = strip_fillers(list).trim_end_matches(['等', '均', '都']);
    let list = CONJUNCTIONS.iter().find_map(|word| list.strip_prefix(word)).unwrap_or(list);
    // `X、Y和Z`: the last item's `和` joins two names of the list.
    let items: Vec<String> = match list.contains('、') {
        true => list.split('、').flat_map(|item| item.split(['和', '及'])).map(str::to_owned).collect(),
        false => distribute(list),
    };
    let plausible = |name: &String| {
        let chars = name.chars().count();
        (2..=MAX_NAME_CHARS).contains(&chars)
            && name.chars().all(|c| c.is_alphabetic() || c == '&')
            && !names_a_task(name)
            && !SCOPE_WORDS.contains(&name.as_str())
    };
    (!items.is_empty() && items.iter().all(plausible)).then_some(items)
}

/// Whether a clause's text before a verdict names indicators of its own: a list of names, or one
/// name the alias table knows (`固定资产投资`; `较好` or `增速` is none).
pub(super) fn names_indicators(text: &str, aliases: &AliasTable) -> bool {
    names(text).is_some_and(|list| list.len() > 1 || list.iter().all(|name| is_known(name, aliases)))
}

/// Whether `name` reads as an indicator's: the alias table knows it, itself or with an ending
/// ([`KNOWN_ENDINGS`]: `地区生产总值` → `…增速`, `单位GDP能耗` → `…下降`), or it ends in what
/// indicators measure ([`MEASURED_ENDINGS`], and the endings of reductions: `…能耗`, `…排放量`).
fn is_known(name: &str, aliases: &AliasTable) -> bool {
    aliases.knows(name)
        || KNOWN_ENDINGS.iter().any(|ending| aliases.knows(&format!("{name}{ending}")))
        || MEASURED_ENDINGS.iter().any(|ending| name.ends_with(ending))
        || is_reduced(name)
}

/// Whether a name holds a word of tasks or projects, never an indicator's ([`NOT_IN_NAMES`]).
pub(super) fn names_a_task(name: &str) -> bool {
    NOT_IN_NAMES.iter().any(|word| name.contains(word))
}

/// Whether a judged statement is a verdict on a named indicator, with neither target nor result.
fn is_named_verdict(statement: &ReviewStatement) -> bool {
    statement.target.is_none() && statement.actual.is_none() && matches!(statement.claim, Claim::Verdict(_))
}

/// The canonical names an indicator's name may stand for: as written, and as a growth rate
/// (`全社会固定资产投资` and the row `全社会固定资产投资总额` are both `固定资产投资增速` as rates).
/// Two names sharing a reading are one indicator.
fn readings(name: &str, aliases: &AliasTable) -> [String; 2] {
    let name = aliases.canonical(name);
    let rate = aliases.canonical(&format!("{name}增速"));
    [name, rate]
}

/// Drops the verdicts on named indicators that are judged elsewhere: by a statement with values
/// (before or after it), by a review table's row, or by an earlier verdict on the same name.
pub(super) fn drop_judged_elsewhere(
    statements: &mut Vec<ReviewStatement>,
    tables: &[IndicatorTable],
    aliases: &AliasTable,
) {
    if !statements.iter().any(is_named_verdict) {
        return;
    }
    let rows = tables.iter().filter(|t| t.kind == TableKind::Review).flat_map(|t| &t.rows);
    let valued = statements.iter().filter(|s| !is_named_verdict(s));
    // The readings of every name judged so far, each worked out once.
    let mut judged: Vec<[String; 2]> = rows
        .map(|row| readings(&row.name, aliases))
        .chain(valued.map(|s| readings(&s.name, aliases)))
        .collect();
    statements.retain(|statement| {
        if !is_named_verdict(statement) {
            return true;
        }
        let named = readings(&statement.name, aliases);
        let elsewhere = judged.iter().any(|other| named.iter().any(|reading| other.contains(reading)));
        if !elsewhere {
            judged.push(named);
        }
        !elsewhere
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_a_list() {
        let list = |text: &str| names(text).unwrap_or_default();
        assert_eq!(
            list("2023年地区生产总值、固定资产投资和社会消费品零售总额"),
            ["地区生产总值", "固定资产投资", "社会消费品零售总额"]
        );
        assert_eq!(
            list("城镇和农村居民人均可支配收入"),
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert!(names("老旧小区改造工程、城市更新").is_none());
        assert!(names("地区生产总值增长5%").is_none());
    }

    #[test]
    fn a_count_without_etc_is_the_number_of_names() {
        let aliases = AliasTable::shared();
        let read = |text: &str| read_named(&fold(text), aliases).unwrap_or_default().len();
        assert_eq!(read("地区生产总值、固定资产投资2项指标未完成"), 2);
        assert_eq!(read("地区生产总值、固定资产投资3项指标未完成"), 0);
        assert_eq!(read("11项预期性指标中地区生产总值、工业增加值等7项指标未完成"), 2);
    }
}
