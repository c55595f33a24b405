//! The value grammar of target and achieved cells.
//!
//! A cell is read after folding widths (`７．５％` reads as `7.5%`, `－` as `-`, `Ⅲ` as `III`) and
//! removing white space. In order, a cell is:
//! - empty: nothing, or only dashes and slashes (`—`, `-`, `/`, `——`);
//! - not tracked: `不再统计`, `停止统计`, …;
//! - a ratio: `1.95:1`, `1.95：1`, `2.5比1`;
//! - a grade: `Ⅲ类`, `II类`, `Ⅱ类及以上`, `达到Ⅲ类`;
//! - a number with its words: an optional verb of a level (`稳定在`, `保持在`, `达到`), an optional
//!   bound before it (`≥`, `不低于`, `力争`, `≤`, `不高于`, `控制在`, `约`), an optional verb of
//!   change (`增长`, `提高`, `上涨`, `下降`, `降低`, …), a signed number or a range (`6-7`), a unit
//!   (`%`, `万吨`, `亿元`, `个百分点`) and an optional bound after it (`以上`, `以内`, `以下`,
//!   `左右`). A unit of `百分点` makes a point change; a verb makes a rise or a fall;
//! - growth above nothing: `正增长`, `实现正增长` (at least 0%);
//! - a completion statement: `完成`, `完成上级下达目标`, `达到市级要求` (done), `未完成` (not done);
//! - anything else is qualitative (`快于经济增速`, `与经济增长同步`).
//!
//! A higher aim after the target (`7（力争8）`, `7%左右，力争8%`) is left aside.
//! `预计`/`预估` before the value or `（预计）` after it marks an estimate, a trailing `*` or
//! circled number (a footnote mark: `6.2%①`) is ignored, and so is what a change is measured
//! against before its verb (`同比增长`, `比上年下降`). A bound on a change reads as the change itself: a target of
//! change is a minimum in its direction (`下降3%以上` is a fall of 3, `提高1个百分点以上` a point
//! change of 1), except a fall bounded from above (`下降3%以内`), which reads as a change of at
//! least -3.

use crate::model::{Value, ValueForm};
use crate::text::Trimmed;
use crate::text::{fold_cow, holds};
use regex::Regex;
use std::sync::LazyLock;

/// A number as written, with optional sign and thousands separators (`-15.9`, `28,542`).
pub(crate) const NUMBER: &str = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";

/// A signed number followed by an optional unit, nothing else.
static AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<n>{NUMBER})(?P<unit>{UNIT})?$")).expect("amount pattern"));

/// Two numbers joined by a dash, tilde or `至`, each with an optional unit (`6-7%`, `6%～7%`).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<lo>{NUMBER})(?P<lo_unit>{UNIT})?(?:-|~|—|–|至|到)(?P<hi>{NUMBER})(?P<hi_unit>{UNIT})?$"
    ))
    .expect("range pattern")
});

/// A unit written after a number: a sign, or a few letters with an optional `/` (`件/万人`); never
/// the `的` after it (`27万吨的目标任务`).
pub(crate) const UNIT: &str = r"[%‰]|[[\p{Han}A-Za-z²³]--[的]]{1,4}(?:/[[\p{Han}A-Za-z²³]--[的]]{1,4})?%?";

/// A ratio of two numbers (`1.95:1`, `2.5比1`).
static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<a>{NUMBER}):(?P<b>{NUMBER})$|^(?P<c>{NUMBER})比(?P<d>{NUMBER})$"))
        .expect("ratio pattern")
});

/// A grade (`III类`, `二类`, `达到II类及以上`), Roman numerals already folded to Latin letters.
static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:达到|保持|优于)?(?:地表水)?
        (?P<g>(?i:IV|V|III|II|I)|[一二三四五]|[1-5])类
        (?:水质)?(?:标准)?(?:及以上|或以上|以上)?(?:水质|标准)?$",
    )
    .expect("grade pattern")
});

/// Words before a number that bound it, each list longest first (`≥` before `>`).
const BOUNDS_BEFORE: [(&[&str], Bound); 3] = [
    (
        &["大于等于", "力争达到", "不低于", "不少于", "至少", "高于", "大于", "力争", "≥", "≧", ">=", ">"],
        Bound::AtLeast,
    ),
    (
        &["小于等于", "不高于", "不超过", "不多于", "控制在", "低于", "小于", "≤", "≦", "<=", "<"],
        Bound::AtMost,
    ),
    (&["大约", "约"], Bound::About),
];
/// Words after a number that bound it.
const BOUNDS_AFTER: [(&[&str], Bound); 3] = [
    (&["及以上", "或以上", "以上"], Bound::AtLeast),
    (&["及以下", "或以下", "以下", "以内", "之内"], Bound::AtMost),
    (&["左右"], Bound::About),
];
/// Verbs of a level before a number, which leave it as it is (`稳定在5万吨以上`, `保持在90%`,
/// `达到52%`).
const LEVEL_VERBS: [&str; 4] = ["稳定在", "保持在", "维持在", "达到"];
/// Words saying a level stayed where it was last year (`与上年持平`): a growth of 0 where a growth
/// is meant. (`与年度目标持平`, level with the target, is a verdict on a result, not a result.)
pub(crate) const LEVEL_WITH_LAST_YEAR: [&str; 5] =
    ["与上年持平", "与去年持平", "较上年持平", "比上年持平", "同比持平"];
/// Verbs of change before a number.
const VERBS: [(&[&str], Verb); 2] = [
    (&["增长", "提高", "增加", "上升", "提升", "上涨"], Verb::Rise),
    (&["下降", "降低", "减少", "回落", "下滑", "下跌"], Verb::Fall),
];
/// What a change is measured against, written before its verb (`同比增长5.8%`, `比上年下降2%`),
/// longest first.
const COMPARED_WITH: [&str; 7] = ["比上年同期", "较上年同期", "同比", "比上年", "较上年", "比去年", "较去年"];
/// Words that mark an estimate, before or after the value.
const ESTIMATE_WORDS: [&str; 2] = ["预计", "预估"];
/// Statements that a measure is no longer kept.
const NOT_TRACKED: [&str; 5] = ["不再统计", "停止统计", "取消统计", "暂停统计", "暂无统计"];
/// The word every statement of [`NOT_TRACKED`] holds: cells without it are not looked at further.
const NOT_TRACKED_MARK: &str = "统计";
/// Statements that a task was not done; checked before [`DONE`].
const NOT_DONE: [&str; 7] = ["未完成", "未能完成", "没有完成", "未达到", "未达标", "未实现", "没有达到"];
/// Statements that a task was or is to be done.
const DONE: [&str; 4] = ["完成", "达到", "达标", "实现"];
/// Words that hedge a completion statement, leaving it qualitative (`基本完成`).
const HEDGES: [&str; 2] = ["基本", "部分"];

/// Whether `word` is what a value may open with before its number: a bound (`不低于`, `≥`), a
/// verb of change (`增长`), an estimate word (`预计`), or these together (`预计增长`). A unit
/// (`亿元`) is not: it follows its number.
pub(crate) fn is_value_prefix(word: &str) -> bool {
    let mut rest = word;
    for word in ESTIMATE_WORDS {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let bounds = BOUNDS_BEFORE.iter().flat_map(|(words, _)| words.iter());
    let verbs = VERBS.iter().flat_map(|(words, _)| words.iter());
    rest.is_empty() || bounds.chain(verbs).any(|w| rest.ends_with(w))
}

/// How a number is bounded by the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    AtLeast,
    AtMost,
    About,
}

/// Which way a verb of change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Rise,
    Fall,
}

/// Reads a target or achieved cell as written. Never fails: what cannot be read is
/// [`ValueForm::Qualitative`], with the text kept in [`Value::raw`].
pub fn parse_value(raw: &str) -> Value {
    let raw = raw.trimmed();
    let (form, unit, estimated) = read_value(raw);
    Value { raw: raw.into(), form, unit: unit.as_deref().map(super::shared::shared_text), estimated }
}

/// The form a cell reads as (see [`parse_value`]), without keeping its text: for telling values
/// from words.
pub(crate) fn value_form(raw: &str) -> ValueForm {
    read_value(raw.trimmed()).0
}

/// The form, in-cell unit and estimate mark of a trimmed cell.
fn read_value(raw: &str) -> (ValueForm, Option<String>, bool) {
    if let Some(n) = plain_number(raw) {
        return (ValueForm::Exact(n), None, false);
    }
    // A footnote mark after the value (`6.2%①`), dropped before folding makes it a digit.
    let raw = raw.trim_end_matches(|c: char| ('①'..='⑳').contains(&c));
    let folded = fold_cow(raw);
    let (body, estimated) = strip_estimate(&folded);
    let (form, unit) = read_form(body);
    (form, unit, estimated)
}

impl Value {
    /// The most digits written after a decimal point in any number of the cell
    /// (`6.5` → 1, `1.95:1` → 2, `29万吨左右` → 0).
    pub fn decimals(&self) -> u32 {
        let folded = fold_cow(&self.raw);
        let mut best = 0;
        let mut run: Option<u32> = None;
        let mut previous_digit = false;
        for c in folded.chars() {
            match (c, run) {
                ('.', _) if previous_digit => {
                    best = best.max(run.unwrap_or(0));
                    run = Some(0);
                }
                (d, Some(n)) if d.is_ascii_digit() => run = Some(n.saturating_add(1)),
                _ => {
                    best = best.max(run.unwrap_or(0));
                    run = None;
                }
            }
            previous_digit = c.is_ascii_digit();
        }
        best.max(run.unwrap_or(0))
    }

    /// Whether two cells say the same thing, widths, white space and estimate marks aside
    /// (`预计快于经济增速` says what `快于经济增速` says).
    pub fn says_same_as(&self, other: &Value) -> bool {
        let (this, that) = (fold_cow(&self.raw), fold_cow(&other.raw));
        strip_estimate(&this).0 == strip_estimate(&that).0
    }
}

/// The value without its estimate marks and footnote stars, and whether it was marked estimated.
fn strip_estimate(folded: &str) -> (&str, bool) {
    let mut body = folded.trim_end_matches('*');
    let mut estimated = false;
    for word in ESTIMATE_WORDS {
        if let Some(rest) = body.strip_prefix(word) {
            body = rest.trim_start_matches([':', ',']);
            estimated = true;
        }
        let bracketed =
            body.strip_suffix(')').and_then(|b| b.strip_suffix(word)).and_then(|b| b.strip_suffix('('));
        if let Some(rest) = bracketed.or_else(|| body.strip_suffix(word)) {
            body = rest.trim_end_matches('*');
            estimated = true;
        }
    }
    (body, estimated)
}

/// The value without the higher aim written after it (`7(力争8)`, `7%左右,力争8%`): the target is
/// the first; an aim alone (`力争7`) is a bound ([`BOUNDS_BEFORE`]).
fn without_aim(body: &str) -> &str {
    match body.find("力争") {
        Some(at) if at > 0 => body[..at].trim_end_matches(['(', ',', ';', '、']),
        _ => body,
    }
}

/// The form and in-cell unit of a folded value without estimate marks.
fn read_form(body: &str) -> (ValueForm, Option<String>) {
    let body = without_aim(body);
    if body.chars().all(|c| matches!(c, '-' | '—' | '―' | '─' | '–' | '/')) {
        return (ValueForm::Empty, None);
    }
    if holds(body, NOT_TRACKED_MARK) && NOT_TRACKED.iter().any(|word| holds(body, word)) {
        return (ValueForm::NotTracked, None);
    }
    if let Some(form) = read_ratio(body).or_else(|| read_grade(body)) {
        return (form, None);
    }
    if let Some(read) = read_number(body) {
        return read;
    }
    if is_positive_growth(body) {
        return (ValueForm::AtLeast(0.0), Some("%".to_owned()));
    }
    (read_statement(body), None)
}

/// Whether a cell asks for growth above nothing: `正增长`, `实现正增长`, `保持正增长`. It reads as
/// a growth rate of at least 0%.
fn is_positive_growth(body: &str) -> bool {
    let goal = ["实现", "保持", "确保"].iter().find_map(|verb| body.strip_prefix(verb)).unwrap_or(body);
    goal == "正增长"
}

/// A ratio (`1.95:1`).
fn read_ratio(body: &str) -> Option<ValueForm> {
    if !body.contains([':', '比']) {
        return None;
    }
    let caps = RATIO.captures(body)?;
    let a = caps.name("a").or_else(|| caps.name("c"))?;
    let b = caps.name("b").or_else(|| caps.name("d"))?;
    Some(ValueForm::Ratio(number(a.as_str())?, number(b.as_str())?))
}

/// A grade (`Ⅲ类` → 3).
fn read_grade(body: &str) -> Option<ValueForm> {
    if !body.contains('类') {
        return None;
    }
    let caps = GRADE.captures(body)?;
    let grade = match caps.name("g")?.as_str().to_ascii_uppercase().as_str() {
        "I" | "一" | "1" => 1,
        "II" | "二" | "2" => 2,
        "III" | "三" | "3" => 3,
        "IV" | "四" | "4" => 4,
        _ => 5,
    };
    Some(ValueForm::Grade(grade))
}

/// A number or range with its bound, verb and unit; `None` when the body is not one.
fn read_number(body: &str) -> Option<(ValueForm, Option<String>)> {
    let (rest, after) = strip_word(body, &BOUNDS_AFTER, End::Finish);
    let rest = LEVEL_VERBS.iter().find_map(|verb| rest.strip_prefix(verb)).unwrap_or(rest);
    let (rest, before) = strip_word(rest, &BOUNDS_BEFORE, End::Start);
    let rest = COMPARED_WITH.iter().find_map(|word| rest.strip_prefix(word)).unwrap_or(rest);
    let (rest, verb) = strip_word(rest, &VERBS, End::Start);
    let (core, before) = match before {
        Some(_) => (rest, before),
        None => strip_word(rest, &BOUNDS_BEFORE, End::Start),
    };
    let bound = match (before, after) {
        (Some(a), Some(b)) if a != b && a != Bound::AtMost => return None,
        (_, Some(b)) => Some(b),
        (a, None) => a,
    };
    if let Some((n, unit)) = plain_amount(core) {
        return Some(amount_with_unit(n, unit, verb, bound));
    }
    if let Some(caps) = AMOUNT.captures(core) {
        let n = number(&caps["n"])?;
        let unit = caps.name("unit").map(|u| u.as_str().to_owned());
        return Some(amount_with_unit(n, unit, verb, bound));
    }
    let caps = RANGE.captures(core)?;
    let (lo, hi) = (number(&caps["lo"])?, number(&caps["hi"])?);
    let unit = caps.name("hi_unit").or_else(|| caps.name("lo_unit")).map(|u| u.as_str().to_owned());
    let form = match verb {
        Some(Verb::Fall) => ValueForm::Range(-hi, -lo),
        _ => ValueForm::Range(lo, hi),
    };
    Some((form, unit))
}

/// What [`AMOUNT`] reads in the commonest cells, without it: a plain number (see
/// [`plain_number`]), alone or before `%`.
fn plain_amount(core: &str) -> Option<(f64, Option<String>)> {
    match core.strip_suffix('%') {
        Some(digits) => plain_number(digits).map(|n| (n, Some("%".to_owned()))),
        None => plain_number(core).map(|n| (n, None)),
    }
}

/// The values of a cell that states several, parted by commas, semicolons or `、` (`50012.85亿元，
/// 增长4.6%`: a level and its growth); `None` for a cell of one value. A comma between digits
/// (`28,542`) separates thousands, not values.
pub(crate) fn parts(raw: &str) -> Option<Vec<Value>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous = None;
    let mut chars = raw.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, next)| next);
        let thousands = c == ','
            && previous.is_some_and(|p: char| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if matches!(c, '，' | ',' | '；' | ';' | '、') && !thousands {
            parts.push(&raw[start..at]);
            start = at + c.len_utf8();
        }
        previous = Some(c);
    }
    parts.push(&raw[start..]);
    let parts: Vec<Value> =
        parts.into_iter().filter(|part| !part.trim().is_empty()).map(parse_value).collect();
    (parts.len() > 1).then_some(parts)
}

/// The form of a number with its unit, verb of change and bound: a unit of `百分点` makes a point
/// change.
fn amount_with_unit(
    n: f64,
    unit: Option<String>,
    verb: Option<Verb>,
    bound: Option<Bound>,
) -> (ValueForm, Option<String>) {
    let points = unit.as_deref().is_some_and(|u| u.ends_with("百分点"));
    let form = if points { point_change(n, verb) } else { amount(n, verb, bound) };
    (form, unit)
}

/// A change in percentage points, signed by its verb.
fn point_change(n: f64, verb: Option<Verb>) -> ValueForm {
    ValueForm::PointChange(if verb == Some(Verb::Fall) { -n } else { n })
}

/// A number with its verb of change and bound.
fn amount(n: f64, verb: Option<Verb>, bound: Option<Bound>) -> ValueForm {
    match (verb, bound) {
        (Some(Verb::Fall), Some(Bound::AtMost)) => ValueForm::AtLeast(-n),
        (Some(Verb::Fall), _) => ValueForm::Fall(-n),
        (Some(Verb::Rise), None) => ValueForm::Rise(n),
        (_, None) => ValueForm::Exact(n),
        (_, Some(Bound::AtLeast)) => ValueForm::AtLeast(n),
        (_, Some(Bound::AtMost)) => ValueForm::AtMost(n),
        (_, Some(Bound::About)) => ValueForm::About(n),
    }
}

/// A completion statement, or a qualitative one. A statement with a number in it
/// (`完成年度目标任务23%`) is qualitative: it does not say the task was done.
fn read_statement(body: &str) -> ValueForm {
    if body.contains(|c: char| c.is_ascii_digit()) || HEDGES.iter().any(|word| holds(body, word)) {
        ValueForm::Qualitative
    } else if NOT_DONE.iter().any(|word| holds(body, word)) {
        ValueForm::Completion(false)
    } else if DONE.iter().any(|word| holds(body, word)) {
        ValueForm::Completion(true)
    } else {
        ValueForm::Qualitative
    }
}

/// Which end of a cell a word is looked for at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

/// The body without the first word of `lists` found at its `end`, and that word's tag.
fn strip_word<'a, T: Copy>(body: &'a str, lists: &[(&[&str], T)], end: End) -> (&'a str, Option<T>) {
    // No word starts or ends with a digit, so a number at that end (most cells) has none there.
    let edge = match end {
        End::Start => body.bytes().next(),
        End::Finish => body.bytes().next_back(),
    };
    if edge.is_some_and(|b| b.is_ascii_digit()) {
        return (body, None);
    }
    for &(words, tag) in lists {
        for word in words {
            let rest = match end {
                End::Start => body.strip_prefix(word),
                End::Finish => body.strip_suffix(word),
            };
            if let Some(rest) = rest {
                return (rest, Some(tag));
            }
        }
    }
    (body, None)
}

/// A cell that is nothing but a number in ASCII digits, without thousands separators (`7`,
/// `-1.5`, `+3`), as most cells are: read as [`ValueForm::Exact`] without going through the
/// grammar, which would read it the same. `None` for anything else, or a number not finite.
fn plain_number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(whole) && digits(fraction)) {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A number as matched by [`NUMBER`], thousands separators dropped; `None` unless finite.
fn number(text: &str) -> Option<f64> {
    let n: f64 = if text.contains(',') { text.replace(',', "").parse().ok()? } else { text.parse().ok()? };
    n.is_finite().then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValueForm::*;
    use proptest::prelude::*;

    /// The form, in-cell unit (`""` for none) and estimate mark of `raw`.
    fn read(raw: &str) -> (ValueForm, String, bool) {
        let value = parse_value(raw);
        (value.form, value.unit.as_deref().map(str::to_owned).unwrap_or_default(), value.estimated)
    }

    fn form(raw: &str) -> ValueForm {
        parse_value(raw).form
    }

    #[test]
    fn keeps_the_raw_text_trimmed() {
        assert_eq!(&*parse_value("  ≥330 ").raw, "≥330");
        assert_eq!(&*parse_value("７．５％").raw, "７．５％");
    }

    #[test]
    fn reads_changes_against_last_year_and_ignores_footnote_marks() {
        assert_eq!(read("同比增长9.1%"), (Rise(9.1), "%".to_owned(), false));
        assert_eq!(read("同比下降2.3%"), (Fall(-2.3), "%".to_owned(), false));
        assert_eq!(read("比上年增长5%左右"), (About(5.0), "%".to_owned(), false));
        assert_eq!(read("预计较上年同期增长6%"), (Rise(6.0), "%".to_owned(), true));
        assert_eq!(read("增长6.2%①"), (Rise(6.2), "%".to_owned(), false));
        assert_eq!(read("18.6②"), (Exact(18.6), String::new(), false));
        assert_eq!(read("同比"), (Qualitative, String::new(), false));
    }

    #[test]
    fn reads_lower_bounds() {
        assert_eq!(read("≥330"), (AtLeast(330.0), String::new(), false));
        assert_eq!(read("7以上"), (AtLeast(7.0), String::new(), false));
        assert_eq!(read("5%以上"), (AtLeast(5.0), "%".to_owned(), false));
        assert_eq!(read("7.5以上"), (AtLeast(7.5), String::new(), false));
        assert_eq!(form("不低于5%"), AtLeast(5.0));
        assert_eq!(form("≥1"), AtLeast(1.0));
        assert_eq!(form("增长7%以上"), AtLeast(7.0));
        assert_eq!(form(">=99"), AtLeast(99.0));
        assert_eq!(form("力争7%"), AtLeast(7.0));
        assert_eq!(form("力争达到7"), AtLeast(7.0));
    }

    #[test]
    fn a_higher_aim_after_the_target_is_left_aside() {
        assert_eq!(form("7（力争8）"), Exact(7.0));
        assert_eq!(read("7%左右，力争8%"), (About(7.0), "%".to_owned(), false));
        assert_eq!(form("增长6.5%以上,力争7%"), AtLeast(6.5));
    }

    #[test]
    fn reads_upper_bounds() {
        assert_eq!(read("≤5.5"), (AtMost(5.5), String::new(), false));
        assert_eq!(read("5.5%以内"), (AtMost(5.5), "%".to_owned(), false));
        assert_eq!(form("5.5以内"), AtMost(5.5));
        assert_eq!(form("不高于3"), AtMost(3.0));
        assert_eq!(read("控制在5.5%以内"), (AtMost(5.5), "%".to_owned(), false));
        assert_eq!(form("控制在4.5%"), AtMost(4.5));
    }

    #[test]
    fn a_verb_of_a_level_leaves_the_value_as_it_is() {
        assert_eq!(read("稳定在5万吨以上"), (AtLeast(5.0), "万吨".to_owned(), false));
        assert_eq!(form("保持在90%"), Exact(90.0));
        assert_eq!(form("达到52%"), Exact(52.0));
        assert_eq!(form("达到市级要求"), Completion(true));
    }

    #[test]
    fn reads_approximate_values() {
        assert_eq!(read("7.5%左右"), (About(7.5), "%".to_owned(), false));
        assert_eq!(read("29万吨左右"), (About(29.0), "万吨".to_owned(), false));
        assert_eq!(form("约7%"), About(7.0));
    }

    #[test]
    fn positive_growth_is_growth_of_at_least_nothing() {
        for raw in ["正增长", "实现正增长", "保持正增长"] {
            let value = parse_value(raw);
            assert_eq!((value.form, value.unit.as_deref()), (AtLeast(0.0), Some("%")), "{raw}");
        }
        assert_eq!(form("负增长"), Qualitative);
    }

    #[test]
    fn reads_exact_numbers_signed_and_with_units() {
        assert_eq!(read("6.5"), (Exact(6.5), String::new(), false));
        assert_eq!(form("2.6"), Exact(2.6));
        assert_eq!(form("500.30"), Exact(500.3));
        assert_eq!(read("3%"), (Exact(3.0), "%".to_owned(), false));
        assert_eq!(form("-15.9%"), Exact(-15.9));
        assert_eq!(form("+3"), Exact(3.0));
        assert_eq!(read("28.9万吨"), (Exact(28.9), "万吨".to_owned(), false));
        assert_eq!(read("194.2亿元"), (Exact(194.2), "亿元".to_owned(), false));
        assert_eq!(read("2.43件/万人"), (Exact(2.43), "件/万人".to_owned(), false));
        assert_eq!(form("28,542"), Exact(28542.0));
        assert_eq!(form("60.0%"), Exact(60.0));
    }

    #[test]
    fn folds_full_width_digits_and_signs() {
        assert_eq!(read("７．５％"), (Exact(7.5), "%".to_owned(), false));
        assert_eq!(form("－3.2"), Exact(-3.2));
        assert_eq!(form("\u{2212}3.2"), Exact(-3.2));
        assert_eq!(form("＋3"), Exact(3.0));
        assert_eq!(form("≥３３０"), AtLeast(330.0));
        assert_eq!(form("５．５％以内"), AtMost(5.5));
    }

    #[test]
    fn reads_point_changes() {
        assert_eq!(read("提高1.8个百分点"), (PointChange(1.8), "个百分点".to_owned(), false));
        assert_eq!(form("下降0.5个百分点"), PointChange(-0.5));
        assert_eq!(form("提高1个百分点"), PointChange(1.0));
        assert_eq!(form("-4.8个百分点"), PointChange(-4.8));
        assert_eq!(form("+55个百分点"), PointChange(55.0));
        assert_eq!(form("提高1个百分点以上"), PointChange(1.0));
        assert_eq!(form("提高0.9百分点"), PointChange(0.9));
    }

    #[test]
    fn reads_rises_and_falls() {
        assert_eq!(read("下降3.1%"), (Fall(-3.1), "%".to_owned(), false));
        assert_eq!(read("增长5%"), (Rise(5.0), "%".to_owned(), false));
        assert_eq!(form("降低2"), Fall(-2.0));
        assert_eq!(form("下降3%以上"), Fall(-3.0));
        assert_eq!(form("下降3%左右"), Fall(-3.0));
        assert_eq!(form("下降3%以内"), AtLeast(-3.0));
        assert_eq!(form("增长7%左右"), About(7.0));
        // Prices rise and fall in their own words.
        assert_eq!(read("上涨2.3%"), (Rise(2.3), "%".to_owned(), false));
        assert_eq!(form("下跌0.5%"), Fall(-0.5));
    }

    #[test]
    fn reads_ratios() {
        assert_eq!(form("1.95:1"), Ratio(1.95, 1.0));
        assert_eq!(form("1.95：1"), Ratio(1.95, 1.0));
        assert_eq!(form("1.94:1"), Ratio(1.94, 1.0));
        assert_eq!(form("2.5比1"), Ratio(2.5, 1.0));
    }

    #[test]
    fn reads_grades() {
        assert_eq!(form("Ⅲ类"), Grade(3));
        assert_eq!(form("Ⅱ类"), Grade(2));
        assert_eq!(form("II类"), Grade(2));
        assert_eq!(form("Ⅱ类及以上"), Grade(2));
        assert_eq!(form("IV类"), Grade(4));
        assert_eq!(form("达到Ⅲ类水质"), Grade(3));
        assert_eq!(form("三类"), Grade(3));
        assert_eq!(form("ⅱ类"), Grade(2));
    }

    #[test]
    fn reads_completion_and_other_statements() {
        assert_eq!(form("完成国家和市下达目标"), Completion(true));
        assert_eq!(form("完成上级下达目标"), Completion(true));
        assert_eq!(form("完成市级下达目标"), Completion(true));
        assert_eq!(form("完成市上下达任务"), Completion(true));
        assert_eq!(form("完成"), Completion(true));
        assert_eq!(form("达到市级要求"), Completion(true));
        assert_eq!(form("未完成"), Completion(false));
        assert_eq!(form("基本完成"), Qualitative);
        assert_eq!(form("快于经济增速"), Qualitative);
        assert_eq!(form("与经济增长同步"), Qualitative);
        assert_eq!(form("完成年度目标任务23%"), Qualitative);
    }

    #[test]
    fn reads_not_tracked() {
        assert_eq!(read("不再统计"), (NotTracked, String::new(), false));
        assert_eq!(form("（不再统计）"), NotTracked);
    }

    #[test]
    fn reads_estimates() {
        assert_eq!(read("预计2.25"), (Exact(2.25), String::new(), true));
        assert_eq!(read("3.2%（预计）"), (Exact(3.2), "%".to_owned(), true));
        assert_eq!(read("预计64以上"), (AtLeast(64.0), String::new(), true));
        assert_eq!(read("预计73.5"), (Exact(73.5), String::new(), true));
        assert_eq!(read("预计完成市上下达任务"), (Completion(true), String::new(), true));
        assert_eq!(read("提高1.8个百分点（预计）"), (PointChange(1.8), "个百分点".to_owned(), true));
        assert_eq!(read("3.2(预计)"), (Exact(3.2), String::new(), true));
    }

    #[test]
    fn reads_dashes_as_empty() {
        for raw in ["", "—", "-", "/", "——", "－", " ", "―"] {
            assert_eq!(read(raw), (Empty, String::new(), false), "{raw:?}");
        }
    }

    #[test]
    fn reads_ranges() {
        assert_eq!(read("6-7%"), (Range(6.0, 7.0), "%".to_owned(), false));
        assert_eq!(form("6%～7%"), Range(6.0, 7.0));
        assert_eq!(form("6.5至7"), Range(6.5, 7.0));
        assert_eq!(form("下降2-3%"), Range(-3.0, -2.0));
    }

    #[test]
    fn no_bound_or_verb_word_has_a_digit_at_its_stripped_end() {
        let starts = BOUNDS_BEFORE.iter().map(|l| l.0).chain(VERBS.iter().map(|l| l.0));
        for word in starts.flatten() {
            assert!(!word.starts_with(|c: char| c.is_ascii_digit()), "{word}");
        }
        for word in BOUNDS_AFTER.iter().flat_map(|l| l.0) {
            assert!(!word.ends_with(|c: char| c.is_ascii_digit()), "{word}");
        }
    }

    #[test]
    fn ignores_footnote_stars() {
        assert_eq!(form("≥330*"), AtLeast(330.0));
    }

    #[test]
    fn leaves_conflicting_bounds_qualitative() {
        assert_eq!(form("不低于5%以内"), Qualitative);
    }

    #[test]
    fn compares_statements_without_estimate_marks() {
        assert!(parse_value("预计快于经济增速").says_same_as(&parse_value("快于经济增速")));
        assert!(parse_value("５．５％").says_same_as(&parse_value("5.5%")));
        assert!(!parse_value("快于经济增速").says_same_as(&parse_value("与经济增长同步")));
    }

    #[test]
    fn counts_written_decimals() {
        assert_eq!(parse_value("6.5").decimals(), 1);
        assert_eq!(parse_value("3.78%").decimals(), 2);
        assert_eq!(parse_value("1.95:1").decimals(), 2);
        assert_eq!(parse_value("29万吨左右").decimals(), 0);
        assert_eq!(parse_value("500.30").decimals(), 2);
        assert_eq!(parse_value("７．５％").decimals(), 1);
        assert_eq!(parse_value("完成").decimals(), 0);
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(raw in ".*") {
            let value = parse_value(&raw);
            let _ = value.decimals();
            prop_assert_eq!(&*value.raw, raw.trimmed());
        }

        #[test]
        fn never_panics_on_value_like_text(raw in "[0-9０-９.．%％+\\-－≥≤:：~ⅡⅢ类以上内左右下降提高个百分点预计（）() ]{0,16}") {
            let value = parse_value(&raw);
            let _ = value.decimals();
            if let ValueForm::Exact(n) | ValueForm::AtLeast(n) | ValueForm::AtMost(n) = value.form {
                prop_assert!(n.is_finite());
            }
        }
    }
}
