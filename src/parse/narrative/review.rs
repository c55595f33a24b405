//! Judged statements: sentences of the review part that pair a result with its target, or with
//! the document's verdict on it. Each becomes a [`ReviewStatement`]; its status and gap are
//! worked out later by the analysis, with the rules of table rows.
//!
//! A sentence (split at `。；`) is searched for claims, in the forms districts write them:
//! - a target in brackets: `地区生产总值增长6.1%，高于全市0.5个百分点（预期目标为7%以上）`; one
//!   target per result before it: `分别增长4.1%和6.9%（预期目标分别为6%和8%）`;
//! - a target outside brackets: in a clause of its own (`增长6.5%，预期目标为7%左右`), as growth the
//!   result is compared with (`下降3.2%，低于预期目标增长8%`), before `的…目标`
//!   (`控制在5.4%，低于5.5%的控制目标`: a control target is a ceiling, `5.5%以内`, as is a range
//!   the result is kept in, `控制在5.5%以内的目标范围`), or as the one set at the start of the year
//!   (`未完成年初确定的增长8%的目标`);
//! - a share of the plan: `完成年计划520亿元的93.5%`, `完成全年总量目标的101%`, `完成预期目标的
//!   94.3%`, `为预算的101.2%`; it speaks of the last amount before it, not a growth rate stated
//!   after the amount (`完成286亿元，增长6.5%，完成年度目标的98.5%`);
//! - a difference from the target: `高于计划目标1.2个百分点`, `比年度预期目标低0.9个百分点`; one
//!   per result: `分别低于预期目标2.5个和0.5个百分点` (a comparison with anything else,
//!   `高于全市0.5个百分点`, is not a claim); `与年初预期目标持平` is a difference of nothing; a
//!   comparison stated first (`与年初预期目标相比，地区生产总值增长5.2%，低1.8个百分点`) is moved
//!   before each difference after it, unless their direction changes along a list;
//! - a verdict: `完成全年目标`, `完成市下达的目标任务`, `达到预期`, `未达预期`, `未完成`,
//!   `达到省级考核要求`, `超额完成` closing a clause; one per result after `分别`, of one kind or
//!   several (`分别完成目标的96%和超额完成`);
//! - a dash bullet or list item that states the target, then the result after a colon:
//!   `——全年地区生产总值预期目标增长6%：预计全年增长5.4%`;
//! - a target, then its result in the next clause (`城镇调查失业率控制在5.5%以内，实际为5.1%`,
//!   `规模以上工业增加值目标为增长7%，实际增长5.1%`): rewritten by the `paired` module as the result
//!   with its target in brackets, and read as that.
//!
//! A claim speaks of the last result stated before it in the sentence (read with the headline
//! grammar of [`super::headline`], so `地区生产总值增长6.1%` is `地区生产总值增速` = `6.1%`); a
//! claim with no result of its own adds to the statement before it (a bracketed target after a
//! difference). A share of the plan may name its indicator without a result
//! (`固定资产投资完成年计划520亿元的93.5%`). A verdict or difference with no result before it is
//! not read: without a value it is too often prose about tasks. Where a difference and the result
//! are stated but the target is not, the target is worked out (`增长6.9%、高于计划目标0.4个百分点`
//! → `6.5%`), and so it is from a share (`312亿元，完成全年总量目标的103%` → `302.9亿元`).
//! Sentences that count indicators (`7项指标未完成`) are [`super::counts`]' and are skipped here;
//! a list of names with one verdict (`地区生产总值、固定资产投资未完成年度目标`) is the `named`
//! module's, and such a verdict is not the result's before it. A bracket that is not a target
//! (`（受房地产投资下滑影响）`) after a claim is kept as its reason.

use super::headline::read_sentence;
use super::paired;
use super::{sentences, strip_list_marker};
use crate::canonical::AliasTable;
use crate::model::{Claim, NarrativeValue, ReviewStatement, Value, ValueForm, ValueRole};
use crate::parse::value::{NUMBER, UNIT, parse_value};
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// The bodies that set targets from above: `市下达的目标`, `国家和省下达的任务`.
pub(super) const ISSUERS: &str = "(?:国家|省|市|区|县|上级|和)+";

/// A target inside brackets: `(预期目标为7%以上)`, `(年度目标:10%)`, `(目标增长8%)`, or named
/// by `预期` or `计划` alone before a value: `(预期7%左右)`, `(计划增长7%)`.
static BRACKET_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:全年|年度|年初|全区|全市|全县|全省)?(?:(?:预期|计划)?目标(?:值)?(?:为|是|:)?(?P<t>[^,;]+)|(?:预期|计划)(?:为|是|:)?(?P<v>(?:增长|下降)?\d[^,;]*))",
    )
    .expect("bracket target pattern")
});

/// A target in a clause of its own after the result: `,预期目标为7%左右`, `,年度目标增长5%`,
/// `,目标为8%`.
static CLAUSE_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r",(?:(?:(?:全年|年度|年初)(?:预期|计划)?|预期|计划)目标(?:值)?(?:为|是|:)?|目标(?:值)?(?:为|是|:))(?P<t>[^,;()]*\d[^,;()]*)",
    )
    .expect("clause target pattern")
});

/// A target as a bare value in a clause of its own after the result: `,目标7%`, `,预期增长7%`,
/// `,年度计划8%`; the clause ends with the value (`,计划2024年建成` states none).
static CLAUSE_VALUE_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r",(?:(?:全年|年度|年初)?(?:预期|计划)|目标(?:值)?)(?P<t>(?:增长|下降)?{NUMBER}(?:[%‰]|[[\p{{Han}}]--[年月日]][\p{{Han}}]{{0,3}}?)?(?:以上|以内|以下|左右)?)(?:,|$)"
    ))
    .expect("clause value target pattern")
});

/// A result compared with its target stated as growth: `低于预期目标增长8%`, `与年度目标增长8%相差
/// 10.1个百分点`.
static COMPARED_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:高于|低于|快于|慢于|超过|[与较比距离])(?:全年|年度|年初|计划|预期)*目标(?:值)?(?:为)?(?P<t>(?:增长|下降){NUMBER}%?(?:以上|以内|以下|左右)?)"
    ))
    .expect("compared target pattern")
});

/// A result compared with a target stated before it: `低于5.5%的控制目标`, `高于8%的预期目标`; a
/// control target (`控制目标`) is a ceiling, and so is a range the result is kept in
/// (`控制在5.5%以内的目标范围`); a target the result completed (`超额完成8%的年度目标`), also one
/// set from above (`完成省下达的3.2%的目标任务`, `超额完成市下达的31万吨任务`), or one it fell short
/// of (`未完成3%的年度目标`, `未达到增长7%的预期目标`, `距7%的预期目标差1.8个百分点`).
static TARGET_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:高于|低于|优于|好于|超过|[距离与较比]|(?:未能?)?达到|(?:未能?|超额)?完成(?:{ISSUERS}下达的?)?|(?P<within>控制在))(?P<t>(?:增长|下降)?{NUMBER}(?:{UNIT})?(?:以内|以下|以上|左右)?)(?:的(?:{ISSUERS})?(?P<kind>控制|调控|预期|计划|年度|考核)?目标|的?(?:目标)?任务)"
    ))
    .expect("target of pattern")
});

/// A target range stated as a clause of its own after the result: `3.2%，控制在4.5%以内`.
static CONTROL_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r",控制在(?P<t>{NUMBER}(?:{UNIT})?(?:以内|以下))(?:,|$)"))
        .expect("control clause pattern")
});

/// A share of the plan: `完成年计划520亿元的93.5%`, `完成全年总量目标的101%`, `完成预期目标的94.3%`,
/// `为年度目标的98%`, `为预算的101.2%`, of a task set from above: `完成市下达任务的105%`; the
/// plan's amount may come first: `完成29万吨目标任务的98.3%`;
/// one share per result before it: `分别完成目标的98%和101%`.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:完成|达到|为)(?:(?:{ISSUERS}下达的?)?(?:全年|年度|年)?(?:预期|年初)?(?:总量)?(?:计划|目标|任务|预算)(?:目标|任务)?(?P<plan>{NUMBER}(?:{UNIT})?)?|(?P<plan_first>{NUMBER}(?:%|[\p{{Han}}A-Za-z]{{1,4}}?)?)的?(?:全年|年度)?(?:预期)?(?:计划|目标)(?:任务)?)的约?(?P<p>{NUMBER}(?:%?[和、]约?{NUMBER})*)%"
    ))
    .expect("share pattern")
});

/// A difference from the target: `高于计划目标1.2个百分点`, `低于预期目标0.8个百分点`, or with the
/// comparison after the target: `比年度预期目标低0.9个百分点`, `较预期目标低2.5个百分点`; one per result before it:
/// `分别低于预期目标2.5个和0.5个百分点`; a shortfall: `较年度目标相差1.2个百分点`, `与年度目标差0.5个百分点`,
/// `较预期目标少增2.9个百分点`, `较预期目标回落1.8个百分点`; the target may be named `预期` alone:
/// `低于预期1.8个百分点`.
static DIFFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let target = TARGET_WORDS;
    let amounts = format!(r"{NUMBER}(?:个?[和、]{NUMBER})*");
    Regex::new(&format!(
        r"(?:(?P<dir>高于|低于|超过|超出|高出|快于|慢于|超){target}|[比较]{target}(?:分别)?(?P<dir_after>高|低|快|慢|多|少|回落)[出增]?|[比较与离距]{target}(?:还|尚|仍)?(?P<short>相差|差))(?P<d>{amounts})(?P<unit>个?百分点|[%‰]|[[\p{{Han}}A-Za-z]--[个和及与]][\p{{Han}}A-Za-z]{{0,3}})?"
    ))
    .expect("difference pattern")
});

/// How a sentence names the target it compares with: `预期目标`, `年度目标值`, `年初预期`, one set
/// from above (`省定目标`, `市下达目标`, `考核目标`).
const TARGET_WORDS: &str = r"(?:(?:全年|年度|年初|计划|预期|增速|总量|省定|市定|考核|(?:省|市|上级)下达的?)*目标(?:值)?|(?:全年|年度|年初)?(?:预期|计划))";

/// Directions listed before the target, then amounts in the same order: `分别低于和高于目标0.9和0.2
/// 个百分点`.
static DIRECTIONS_LISTED: LazyLock<Regex> = LazyLock::new(|| {
    let direction = "高于|低于|快于|慢于|超过";
    Regex::new(&format!(
        r"分别(?P<d1>{direction})[和、与](?P<d2>{direction})(?P<t>{TARGET_WORDS})(?P<a>{NUMBER})个?[和、与](?P<b>{NUMBER})(?P<unit>个?百分点|%)"
    ))
    .expect("directions listed pattern")
});

/// A list of differences whose second leaves out the target named by the first:
/// `分别低于年度目标1.9个和高于0.2个百分点`.
static TARGET_LEFT_OUT: LazyLock<Regex> = LazyLock::new(|| {
    let direction = "高于|低于|快于|慢于|超过";
    Regex::new(&format!(
        r"分别(?P<d1>{direction})(?P<t>{TARGET_WORDS})(?P<a>{NUMBER})个?[和、与](?P<d2>{direction})(?P<b>{NUMBER})(?P<unit>个?百分点|%)"
    ))
    .expect("target left out pattern")
});

/// Directions that change along a list after the target: `分别比目标低0.9个和高0.2个百分点`.
static DIRECTIONS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let direction = "高|低|快|慢";
    Regex::new(&format!(
        r"分别[比较](?P<t>{TARGET_WORDS})(?P<d1>{direction})(?P<a>{NUMBER})个?[和、与](?P<d2>{direction})(?P<b>{NUMBER})(?P<unit>个?百分点|%)"
    ))
    .expect("directions after pattern")
});

/// `body` with directions listed before one target (`分别低于和高于目标0.9和0.2个百分点`), the
/// target left out of the second (`分别低于目标0.9个和高于0.2个百分点`) or directions changing after
/// it (`分别比目标低0.9个和高0.2个百分点`) written out one per amount (`分别低于目标0.9个和高于目标
/// 0.2个百分点`, `分别比目标低0.9个和比目标高0.2个百分点`), the form [`join_respective_claims`]
/// reads; `None` when there are none.
fn directions_listed(body: &str) -> Option<String> {
    if !body.contains("分别") {
        return None;
    }
    let listed = DIRECTIONS_LISTED.captures(body).or_else(|| TARGET_LEFT_OUT.captures(body));
    let (caps, before_target) = match listed {
        Some(caps) => (caps, true),
        None => (DIRECTIONS_AFTER.captures(body)?, false),
    };
    let whole = caps.get(0)?;
    let (target, unit) = (&caps["t"], &caps["unit"]);
    let one = |direction: &str, amount: &str| match before_target {
        true => format!("{direction}{target}{amount}"),
        false => format!("比{target}{direction}{amount}"),
    };
    let spelled = format!("分别{}个和{}{unit}", one(&caps["d1"], &caps["a"]), one(&caps["d2"], &caps["b"]));
    Some(format!("{}{spelled}{}", &body[..whole.start()], &body[whole.end()..]))
}

/// A comparison with the target stated first: `与年初预期目标相比,`; the differences after it
/// (`地区生产总值增长5.2%,低1.8个百分点`) are from that target.
static COMPARED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"与(?P<t>(?:全年|年度|年初)?(?:预期|计划)?目标|(?:全年|年度|年初)?(?:预期|计划))相比,")
        .expect("compared first pattern")
});

/// A clause that opens with a direction and an amount: `低1.8个百分点`, `增速分别低1.9和0.5个百分点`.
static DIRECTION_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<what>增速|增幅)?(?P<dir>(?:分别)?(?:高出|高|低|快|慢|多|少|回落)\d)")
        .expect("direction first pattern")
});

/// `body` with a comparison stated first (`与年初预期目标相比,…,低1.8个百分点`) moved before each
/// difference after it (`…,比年初预期目标低1.8个百分点`), the form [`DIFFERENCE`] reads; `None`
/// when there is none.
fn compared_first(body: &str) -> Option<String> {
    let caps = COMPARED_FIRST.captures(body)?;
    let whole = caps.get(0)?;
    let target = &caps["t"];
    let mut out = body[..whole.start()].to_owned();
    let mut moved = false;
    for (index, clause) in body[whole.end()..].split(',').enumerate() {
        if index > 0 {
            out.push(',');
        }
        // Directions that change along a list (`分别低0.9和高0.2个百分点`) are left unread.
        let turns = |found: &regex::Captures| {
            let rest = &clause[found.get(0).map_or(0, |m| m.end())..];
            ["和", "、"].iter().any(|and| {
                ["高", "低", "快", "慢", "多", "少"].iter().any(|d| rest.contains(&format!("{and}{d}")))
            })
        };
        match DIRECTION_FIRST.captures(clause).filter(|found| !turns(found)) {
            Some(found) => {
                let what = found.name("what").map_or("", |m| m.as_str());
                out.push_str(&format!("{what}比{target}{}", &clause[what.len()..]));
                moved = true;
            }
            None => out.push_str(clause),
        }
    }
    moved.then_some(out)
}

/// A target stated as the one set at the start of the year: `未完成年初确定的增长8%的目标`.
static SET_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:确定|提出|制定|设定)的(?P<t>(?:增长|下降)?{NUMBER}(?:{UNIT})?(?:左右|以上|以内)?)的?(?:预期|年度)?目标"
    ))
    .expect("set target pattern")
});

/// A verdict in words; the negative ones first, so `未完成` is not read as `完成`.
static VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<no>未能?(?:实现|保持)与经济增长(?:基本)?同步
              |未能?(?:完成|达到|实现)(?:全年|年度)?(?:预期)?(?:目标|任务|计划)?(?:任务)?
              |未达(?:到)?(?:预期|目标)?|没有(?:完成|达到)(?:全年|年度)?(?:预期)?(?:目标|任务)?
              |[离距与较](?:全年|年度|年初)?(?:预期|计划)?目标(?:还|仍|尚)?(?:有|存在)?(?:一定|较大|不小)?差距
              |(?:低于|慢于|差于|不及)(?:全年|年度|年初)?(?:预期|计划)?(?:目标|预期))
        |(?P<yes>(?:超额)?完成(?:了)?(?:{ISSUERS}下达的?)?(?:全年|年度)?(?:预期)?(?:目标|任务|计划)(?:任务)?
              |(?:超额)?完成(?:了)?{ISSUERS}下达的?[\p{{Han}}]{{0,6}}?(?:目标|任务|指标)
              |超额完成(?:,|$)
              |(?:实现|保持)(?:了)?与经济增长(?:基本)?同步
              |达到(?:了)?(?:预期(?:目标)?|[\p{{Han}}]{{0,6}}要求)|实现(?:全年|年度)?(?:预期)?目标|超(?:过)?预期
              |(?:高于|超过|快于|好于|优于)(?:全年|年度|年初)?(?:{ISSUERS}(?:定|下达的?)?)?(?:预期|计划|考核)?目标
              |(?:高于|快于|好于|优于)预期
              |控制在(?:全年|年度)?(?:预期|调控|控制)?目标(?:范围)?(?:以内|之内|内)
              |与(?:全年|年度|年初)?(?:预期|计划)?目标(?:基本)?持平)",
    ))
    .expect("verdict pattern")
});

/// A dash bullet or list item that gives the target, then the result after a colon.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<subject>[^:,]+?)(?:年度|全年)?(?:预期|计划)?目标(?:为|是)?(?P<target>[^:,]+):(?P<result>.+)$",
    )
    .expect("bullet pattern")
});

/// A count of indicators: sentences with one are the document's own counts, not judgements.
static COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+项").expect("count pattern"));

/// Words of which every claim holds one: a target (`目标`, `控制在…以内`), a share of the plan
/// (`完成`, `为预算的`), a difference from the target (`目标`, `比年初预期`) and each verdict (`完成`, `达到`,
/// `未达`, `实现`, `超预期`), and a target paired with its result (`计划增长7%，实际增长6.1%`). A
/// sentence with none of them is not read further.
const CLAIM_WORDS: [&str; 10] = ["目标", "完成", "达", "实现", "超", "预期", "控制", "计划", "实际", "预算"];

/// Words that open a result clause without naming anything (`预计全年增长5.4%`), besides the words
/// for the whole area (`全区`, [`super::whole_unit_prefix`]).
const RESULT_FILLERS: [&str; 5] = ["预计", "全年", "同比", "实现", "完成"];

/// The filler `text` opens with: one of [`RESULT_FILLERS`] or a word for the whole area.
fn leading_filler(text: &str) -> Option<&'static str> {
    RESULT_FILLERS
        .iter()
        .copied()
        .find(|filler| text.starts_with(filler))
        .or_else(|| super::whole_unit_prefix(text))
}

/// Names that compare rather than name an indicator (`比上年提高0.5个百分点`).
const COMPARISONS: [&str; 8] = ["比", "较", "同比", "高于", "低于", "快于", "慢于", "超过"];

/// The longest indicator name read before a share of the plan.
const MAX_SHARE_SUBJECT_CHARS: usize = 20;

/// Reads the judged statements of the review part: `(line number, line)` pairs, tables left out.
pub fn review_statements(
    lines: &[(usize, &str)],
    year: Option<u16>,
    aliases: &AliasTable,
) -> Vec<ReviewStatement> {
    let mut statements = Vec::new();
    for &(line, text) in lines {
        // Clauses parted by `；` that judge nothing wait for one that judges them all
        // (`城镇…增长5.1%；农村…增长7.2%，均高于预期目标`).
        let mut waiting = String::new();
        for sentence in super::carried::joined(text) {
            waiting.clear();
            for clause in sentences(&sentence) {
                let mut found = read_statements(clause, year, line, aliases);
                if !waiting.is_empty() && clause.contains(['均', '都']) {
                    let joined = read_statements(&format!("{waiting}，{clause}"), year, line, aliases);
                    if joined.len() >= 2 && joined.len() > found.len() {
                        found = joined;
                    }
                }
                let named = super::named::named_verdicts(clause, year, line, aliases);
                if found.is_empty() && named.is_empty() {
                    waiting.push_str(if waiting.is_empty() { "" } else { "，" });
                    waiting.push_str(clause);
                } else {
                    waiting.clear();
                }
                statements.extend(found);
                statements.extend(named);
            }
        }
    }
    statements
}

/// What one claim in a sentence says, and where it is.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: FoundKind,
}

#[derive(Debug, Clone)]
enum FoundKind {
    Target(String),
    Reason(String),
    Share {
        plan: Option<String>,
        percent: f64,
        /// Of a budget (`完成预算的97.8%`): of the amount, never of a growth rate stated beside it.
        of_budget: bool,
    },
    Difference {
        points: f64,
        unit: Option<String>,
    },
    Verdict(bool),
    /// One claim per result before it, in order: `(预期目标分别为6%和8%)`, `分别低于预期目标2.5个和
    /// 0.5个百分点`.
    Respectively(Vec<FoundKind>),
}

/// The judged statements of one sentence.
fn read_statements(
    sentence: &str,
    year: Option<u16>,
    line: usize,
    aliases: &AliasTable,
) -> Vec<ReviewStatement> {
    let folded = fold(sentence);
    if !CLAIM_WORDS.iter().any(|word| folded.contains(word)) {
        return Vec::new();
    }
    let body = strip_list_marker(&folded);
    if COUNT.is_match(body) {
        return Vec::new();
    }
    let make = |name: String, unit: Option<String>, target: Option<Value>, actual: Option<Value>, claim| {
        ReviewStatement {
            year,
            name,
            unit,
            target,
            target_derived: false,
            actual,
            claim,
            reason: None,
            status: None,
            gap: None,
            evidence: sentence.to_owned(),
            line,
        }
    };
    let rewritten = paired::rewrite(body);
    let body = rewritten.as_deref().unwrap_or(body);
    let compared = compared_first(body);
    let body = compared.as_deref().unwrap_or(body);
    let listed = directions_listed(body);
    let body = listed.as_deref().unwrap_or(body);
    if let Some(statement) = read_bullet(body, aliases, &make) {
        return vec![statement];
    }
    let mut statements: Vec<ReviewStatement> = Vec::new();
    let mut from = 0;
    for found in claims(body) {
        let before = strip_brackets(&body[from..found.start]);
        let clauses = &body[from..found.end];
        from = found.end;
        // A verdict on indicators named in its own clause (`…增长5%，固定资产投资、社零未完成年度目标`)
        // is theirs (see `super::named`), not the result's before it.
        let last_clause = before.rsplit([',', ':']).next().unwrap_or(&before);
        if matches!(found.kind, FoundKind::Verdict(_)) && super::named::names_indicators(last_clause, aliases)
        {
            continue;
        }
        let mut results = results_of(&before, aliases);
        // A verdict on the rest (`除固定资产投资外，其他指标均完成`) is not the exceptions', which
        // `super::named` judges the other way.
        if matches!(found.kind, FoundKind::Verdict(_)) {
            let excepted = super::named::excepted(clauses);
            results.retain(|result| !excepted.iter().any(|name| result.name.starts_with(name.as_str())));
        }
        // A verdict on all results before it (`分别增长5.1%和7.8%，均高于预期目标`, `…，分别完成年度目标`).
        let on_all = |before: &str| before.ends_with(['均', '都']) || before.ends_with("分别");
        let found = match found.kind {
            FoundKind::Verdict(met) if results.len() > 1 && on_all(&body[..found.start]) => {
                Found { kind: FoundKind::Respectively(vec![FoundKind::Verdict(met); results.len()]), ..found }
            }
            _ => found,
        };
        // Differences in points are of rates: levels stated beside them (`44120元、增长5.1%`) are
        // passed over.
        // Shares of plans are of amounts: the rates beside them are passed over.
        if let FoundKind::Respectively(kinds) = &found.kind {
            if in_points(kinds) {
                results.retain(|result| !is_amount(result));
            } else if kinds.iter().all(|kind| matches!(kind, FoundKind::Share { .. })) {
                results.retain(is_amount);
            }
        }
        if let FoundKind::Respectively(kinds) = &found.kind
            && kinds.len() <= results.len()
        {
            let paired =
                results.split_off(results.len() - kinds.len()).into_iter().zip(kinds.iter().cloned());
            for (NarrativeValue { name, unit, value, .. }, kind) in paired {
                let mut statement = make(name, unit, None, Some(value), Claim::Values);
                apply(&mut statement, kind);
                statements.push(statement);
            }
            continue;
        }
        let result = match found.kind {
            // A share of the plan is of an amount (`完成286亿元，增长6.5%，完成年度目标的98.5%`).
            FoundKind::Share { .. } => match results.iter().rposition(is_amount) {
                Some(at) => Some(results.remove(at)),
                None => results.pop(),
            },
            _ => results.pop(),
        };
        let current = match result {
            Some(value) => {
                let NarrativeValue { name, unit, value, .. } = value;
                statements.push(make(name, unit, None, Some(value), Claim::Values));
                statements.last_mut()
            }
            None => match (&found.kind, statements.last_mut()) {
                (_, Some(last)) => Some(last),
                (FoundKind::Share { plan, .. }, None) => {
                    let subject = share_subject(&before);
                    let plan = plan.as_deref().map(parse_value);
                    match subject {
                        Some(name) => {
                            let unit = plan.as_ref().and_then(|p| p.unit.as_deref().map(str::to_owned));
                            statements.push(make(name, unit, plan, None, Claim::Values));
                            statements.last_mut()
                        }
                        None => None,
                    }
                }
                _ => None,
            },
        };
        if let Some(statement) = current {
            if let FoundKind::Share { of_budget: true, .. } = found.kind {
                budget_not_growth(statement);
            }
            apply(statement, found.kind);
        }
    }
    statements.retain(|s| s.target.is_some() || s.claim != Claim::Values);
    statements.iter_mut().for_each(derive_target);
    statements
}

/// Whether claims are differences only, at least one in percentage points and none in another
/// unit (`分别低于目标0.9个和高于目标0.2个百分点`).
fn in_points(kinds: &[FoundKind]) -> bool {
    let mut points = false;
    let differences = kinds.iter().all(|kind| match kind {
        FoundKind::Difference { unit, .. } => {
            points |= unit.as_deref() == Some("%");
            unit.as_deref().is_none_or(|unit| unit == "%")
        }
        _ => false,
    });
    differences && points
}

/// A statement given a share of a budget (`一般公共预算收入增长2.9%，完成预算的97.8%`) made the
/// amount's, whose value is not stated, when all it states is the amount's growth: a budget's
/// share is of the amount, and the growth's target cannot be worked out from it.
fn budget_not_growth(statement: &mut ReviewStatement) {
    let of_growth = statement.actual.as_ref().is_some_and(|actual| actual.unit.as_deref() == Some("%"));
    if let Some(amount) = statement.name.strip_suffix("增速").filter(|_| of_growth) {
        statement.name = amount.to_owned();
        statement.unit = None;
        statement.actual = None;
    }
}

/// Whether a result is an amount (`286亿元`) rather than a rate (`6.5%`).
fn is_amount(result: &NarrativeValue) -> bool {
    result.unit.as_deref().is_some_and(|unit| !matches!(unit, "%" | "‰"))
}

/// The dash-bullet form: `全年地区生产总值预期目标增长6%:预计全年增长5.4%`.
fn read_bullet(
    body: &str,
    aliases: &AliasTable,
    make: &dyn Fn(String, Option<String>, Option<Value>, Option<Value>, Claim) -> ReviewStatement,
) -> Option<ReviewStatement> {
    let caps = BULLET.captures(body)?;
    let subject = &caps["subject"];
    let target = read_sentence(&format!("{subject}{}", &caps["target"]), ValueRole::Target, None, 0, aliases);
    let target = target.into_iter().next()?;
    let (mut rest, mut estimated) = (&caps["result"], false);
    while let Some(filler) = leading_filler(rest) {
        estimated |= filler == "预计";
        rest = &rest[filler.len()..];
    }
    let subject = strip_fillers(subject);
    let clause = format!("{}{subject}{rest}", if estimated { "预计" } else { "" });
    let mut statement = make(target.name, target.unit, Some(target.value), None, Claim::Values);
    let mut from = 0;
    for found in claims(&clause) {
        if from == 0 {
            statement.actual = last_result(&strip_brackets(&clause[..found.start]), aliases).map(|v| v.value);
        }
        from = found.end;
        apply(&mut statement, found.kind);
    }
    if from == 0 {
        statement.actual = last_result(&strip_brackets(&clause), aliases).map(|v| v.value);
    }
    statement.actual.as_ref()?;
    derive_target(&mut statement);
    Some(statement)
}

/// Whether a sentence weighs a result against its target (a share of it, a difference from it, a
/// verdict on it): a sentence of the review, where no heading says which part of the report it is
/// in (`全省地区生产总值增长6%，低于年度目标1个百分点`).
pub(super) fn weighs_against_target(sentence: &str) -> bool {
    let folded = fold(sentence);
    let judged = |found: &Found| !matches!(found.kind, FoundKind::Target(_) | FoundKind::Reason(_));
    claims(strip_list_marker(&folded)).iter().any(judged)
}

/// Every claim of a folded sentence, in order: brackets (targets or reasons), shares of the
/// plan, differences from the target and verdicts that do not overlap them.
fn claims(body: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (start, end) in brackets(body) {
        let inner = &body[start + 1..end - 1];
        let kind = match BRACKET_TARGET.captures(inner) {
            Some(caps) => target_kind(caps.name("t").or_else(|| caps.name("v")).map_or("", |t| t.as_str())),
            None if names_target_before(&body[..start]) && is_bare_value(inner) => target_kind(inner),
            None => FoundKind::Reason(inner.to_owned()),
        };
        found.push(Found { start, end, kind });
    }
    let free =
        |found: &[Found], start: usize, end: usize| found.iter().all(|f| end <= f.start || start >= f.end);
    for caps in SHARE.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        let percents: Option<Vec<f64>> = caps["p"]
            .split(['和', '、'])
            .map(|p| p.trim_start_matches('约').trim_end_matches('%').parse::<f64>().ok())
            .collect();
        let Some(percents) = percents else { continue };
        if free(&found, whole.start(), whole.end()) {
            let plan = caps.name("plan").or_else(|| caps.name("plan_first")).map(|m| m.as_str().to_owned());
            let of_budget = whole.as_str().contains("预算");
            let kind = match percents[..] {
                [percent] => FoundKind::Share { plan, percent, of_budget },
                _ => FoundKind::Respectively(
                    percents
                        .into_iter()
                        .map(|percent| FoundKind::Share { plan: None, percent, of_budget })
                        .collect(),
                ),
            };
            found.push(Found { start: whole.start(), end: whole.end(), kind });
        }
    }
    for caps in DIFFERENCE.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        let amounts: Option<Vec<f64>> =
            caps["d"].split(['和', '、']).map(|a| a.trim_end_matches('个').parse::<f64>().ok()).collect();
        let Some(amounts) = amounts else { continue };
        let direction = caps.name("dir").or_else(|| caps.name("dir_after")).map_or("", |m| m.as_str());
        let short = caps.name("short").is_some();
        let sign = if short || matches!(direction, "低于" | "慢于" | "低" | "慢" | "少" | "回落") {
            -1.0
        } else {
            1.0
        };
        if free(&found, whole.start(), whole.end()) {
            let unit = caps.name("unit").map(|m| m.as_str().replace("个百分点", "%").replace("百分点", "%"));
            let mut differences: Vec<FoundKind> = amounts
                .iter()
                .map(|amount| FoundKind::Difference { points: sign * amount, unit: unit.clone() })
                .collect();
            let kind = match differences.len() {
                1 => differences.remove(0),
                _ => FoundKind::Respectively(differences),
            };
            found.push(Found { start: whole.start(), end: whole.end(), kind });
        }
    }
    // A target stated with a verdict (`未完成3%的年度目标`) is worth more than the verdict alone.
    for (start, end, target) in stated_targets(body) {
        if free(&found, start, end) {
            found.push(Found { start, end, kind: target_kind(&target) });
        }
    }
    for caps in VERDICT.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        if free(&found, whole.start(), whole.end()) {
            // `与年度目标持平`: the result is the target, a difference of nothing.
            let level = whole.as_str().ends_with("持平");
            let kind = match level {
                true => FoundKind::Difference { points: 0.0, unit: None },
                false => FoundKind::Verdict(caps.name("yes").is_some()),
            };
            found.push(Found { start: whole.start(), end: whole.end(), kind });
        }
    }
    found.sort_by_key(|f| f.start);
    let found = join_respective_claims(body, found);
    // A bracket that gives no target is a reason only after a claim; elsewhere it is prose.
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        let after_claim = kept.last().is_some_and(|k: &Found| !matches!(k.kind, FoundKind::Reason(_)));
        if !matches!(f.kind, FoundKind::Reason(_)) || after_claim {
            kept.push(f);
        }
    }
    kept
}

/// Claims after `分别` that differ in direction or in kind (`分别低于目标0.9个和高于目标0.8个百分点`,
/// `分别完成目标的96%和超额完成`) are found one by one; they are one claim per result, as a list of
/// one kind is.
fn join_respective_claims(body: &str, found: Vec<Found>) -> Vec<Found> {
    let per_result = |kind: &FoundKind| {
        matches!(kind, FoundKind::Difference { .. } | FoundKind::Share { .. } | FoundKind::Verdict(_))
    };
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for next in found {
        if let Some(last) = joined.last_mut()
            && per_result(&next.kind)
            && body[..last.start].ends_with("分别")
            && matches!(body[last.end..next.start].trim_start_matches('个'), "和" | "、" | "," | "及")
        {
            match &mut last.kind {
                FoundKind::Respectively(kinds) => kinds.push(next.kind),
                kind if per_result(kind) => {
                    *kind = FoundKind::Respectively(vec![kind.clone(), next.kind]);
                }
                _ => {
                    joined.push(next);
                    continue;
                }
            }
            last.end = next.end;
            continue;
        }
        joined.push(next);
    }
    joined
}

/// Whether text before a bracket ends naming a target, so a bare value in the bracket is it:
/// `未完成年度目标（增长10%）`.
fn names_target_before(text: &str) -> bool {
    text.ends_with("目标") || text.ends_with("目标任务")
}

/// Whether a bracket holds a value and nothing else (`增长10%`, `7%以上`), not prose.
fn is_bare_value(text: &str) -> bool {
    !matches!(parse_value(text).form, ValueForm::Empty | ValueForm::Qualitative | ValueForm::Completion(_))
}

/// Targets stated outside brackets, with where they are: in a clause of their own
/// (`,预期目标为7%左右`), as growth a result is compared with (`低于预期目标增长8%`), or as a value
/// before `的…目标` (`低于5.5%的控制目标`, read `5.5%以内`).
fn stated_targets(body: &str) -> Vec<(usize, usize, String)> {
    let mut targets = Vec::new();
    let stated = [&*CLAUSE_TARGET, &*CLAUSE_VALUE_TARGET, &*COMPARED_TARGET, &*SET_TARGET, &*CONTROL_CLAUSE];
    for caps in stated.iter().flat_map(|pattern| pattern.captures_iter(body)) {
        let whole = caps.get(0).expect("match");
        targets.push((whole.start(), whole.end(), caps["t"].to_owned()));
    }
    for caps in TARGET_OF.captures_iter(body) {
        let whole = caps.get(0).expect("match");
        let value = &caps["t"];
        let control = caps.name("within").is_some()
            || caps.name("kind").is_some_and(|k| matches!(k.as_str(), "控制" | "调控"));
        let ceiling = control && !value.ends_with(['内', '下', '上']);
        // `控制在3%左右的预期目标以内`: the ceiling is 3%.
        let value = if ceiling { value.trim_end_matches("左右") } else { value };
        let target = if ceiling { format!("{value}以内") } else { value.to_owned() };
        targets.push((whole.start(), whole.end(), target));
    }
    targets
}

/// Adds one claim to a statement: a target fills an unstated one, a reason is kept, and a
/// share, difference or verdict becomes the claim where the statement has none yet.
fn apply(statement: &mut ReviewStatement, kind: FoundKind) {
    let claim = match kind {
        FoundKind::Target(text) => {
            if statement.target.is_none() {
                statement.target = Some(parse_value(&text));
            }
            return;
        }
        FoundKind::Reason(text) => {
            statement.reason.get_or_insert(text);
            return;
        }
        FoundKind::Share { plan, percent, .. } => {
            if statement.target.is_none() {
                statement.target = plan.as_deref().map(parse_value);
            }
            Claim::ShareOfPlan(percent)
        }
        FoundKind::Difference { points, unit } => {
            if statement.unit.is_none() {
                statement.unit = unit;
            }
            Claim::Difference(points)
        }
        FoundKind::Verdict(met) => Claim::Verdict(met),
        // More claims than results before them: none can be placed.
        FoundKind::Respectively(_) => return,
    };
    if statement.claim == Claim::Values {
        statement.claim = claim;
    }
}

/// Works out an unstated target from the result and a stated difference in the same unit
/// (`增长6.9%、高于计划目标0.4个百分点` → `6.5%`) or a stated share of the plan
/// (`完成286亿元，…完成年度目标的98.5%` → `290.4亿元`).
fn derive_target(statement: &mut ReviewStatement) {
    let Some(actual) = &statement.actual else { return };
    if statement.target.is_some() {
        return;
    }
    let number = match actual.form {
        ValueForm::Exact(n) | ValueForm::About(n) => n,
        _ => return,
    };
    let (target, decimals) = match statement.claim {
        Claim::Difference(points) => (number - points, actual.decimals().max(decimals_of(points))),
        Claim::ShareOfPlan(percent) if percent > 0.0 => (number * 100.0 / percent, actual.decimals().max(1)),
        _ => return,
    };
    // Three significant digits at least (a plan of 0.842万人 is not rounded to the 0.8 done), with
    // no zeros past the result's own decimals (1.0万人, not 1.000万人).
    let integer_digits = target.abs().log10().floor() as i32 + 1;
    let significant = u32::try_from(3 - integer_digits).unwrap_or(0);
    let mut number = format!("{:.*}", decimals.max(significant) as usize, target);
    while number.len() - number.find('.').map_or(number.len(), |dot| dot + 1) > decimals as usize
        && number.ends_with('0')
    {
        number.pop();
    }
    if number.ends_with('.') {
        number.pop();
    }
    let unit = actual.unit.as_deref().unwrap_or("");
    let text = format!("{number}{unit}");
    statement.target = Some(parse_value(&text));
    statement.target_derived = true;
}

/// The decimals of a number as `f64` prints it.
fn decimals_of(n: f64) -> u32 {
    let text = n.to_string();
    text.split_once('.').map_or(0, |(_, d)| d.len() as u32)
}

/// The results stated in `text`, in order, read with the headline grammar; names that compare
/// (`比上年`) are not results.
fn results_of(text: &str, aliases: &AliasTable) -> Vec<NarrativeValue> {
    let text = text.trim_end_matches(['、', ',', ':', '和', '及']);
    let mut values = read_sentence(text, ValueRole::Actual, None, 0, aliases);
    values.retain(|v| !COMPARISONS.iter().any(|c| v.name.starts_with(c)));
    values
}

/// The last result stated in `text` (see [`results_of`]).
fn last_result(text: &str, aliases: &AliasTable) -> Option<NarrativeValue> {
    results_of(text, aliases).pop()
}
/// A stated target as a claim: one target, or one per result before it when the text lists them
/// (`分别为6%和8%`).
fn target_kind(text: &str) -> FoundKind {
    let listed = text.strip_prefix("分别").map(|list| list.strip_prefix(['为', '是']).unwrap_or(list));
    let targets: Vec<&str> =
        listed.map_or_else(Vec::new, |list| list.split(['和', '、']).filter(|t| !t.is_empty()).collect());
    match targets.len() {
        0 | 1 => FoundKind::Target(text.to_owned()),
        _ => FoundKind::Respectively(targets.into_iter().map(|t| FoundKind::Target(t.to_owned())).collect()),
    }
}

/// The indicator named before a share of the plan (`固定资产投资完成年计划…`): the last clause's
/// text without fillers, when it is short and holds no number.
/// A project or task (`城市更新项目完成年度目标任务的80%`) is no indicator.
fn share_subject(before: &str) -> Option<String> {
    let clause = before.rsplit([',', ':']).next().unwrap_or(before);
    let subject = strip_fillers(clause);
    let plausible = !subject.is_empty()
        && subject.chars().count() <= MAX_SHARE_SUBJECT_CHARS
        && subject.chars().all(|c| c.is_alphabetic())
        && !subject.contains(['、', '的'])
        && !super::named::names_a_task(subject);
    plausible.then(|| subject.to_owned())
}

/// `text` without leading fillers (`全年`, `预计`, `同比`, `实现`).
pub(super) fn strip_fillers(mut text: &str) -> &str {
    while let Some(filler) = leading_filler(text) {
        text = &text[filler.len()..];
    }
    text
}

/// The byte ranges of top-level brackets `(…)` of a folded text, brackets included.
fn brackets(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = Some(at);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if let (0, Some(start)) = (depth, open) {
                    ranges.push((start, at + 1));
                }
            }
            _ => {}
        }
    }
    ranges
}

/// `text` without its bracketed parts.
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in brackets(text) {
        out.push_str(&text[from..start]);
        from = end;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<ReviewStatement> {
        read_statements(sentence, Some(2023), 7, AliasTable::shared())
    }

    #[test]
    fn brackets_split_into_targets_and_prose() {
        assert_eq!(strip_brackets("增长6%(目标7%)，好(注)"), "增长6%，好");
        assert_eq!(brackets("a(b(c))d"), vec![(1, 7)]);
        assert!(brackets("a)(b").is_empty());
    }

    #[test]
    fn a_sentence_without_a_claim_is_no_statement() {
        assert!(read("全年地区生产总值增长6.1%，高于全市0.5个百分点").is_empty());
        assert!(read("完成中央环保督察反馈问题整改").is_empty());
        assert!(read("11项预期性指标中地区生产总值等7项指标未完成").is_empty());
        assert!(read("为确保国民经济和社会发展达到预期目标").is_empty());
    }

    #[test]
    fn targets_stated_outside_brackets_and_respectively() {
        let read = |sentence: &str| -> Vec<(String, String, String)> {
            let raw = |v: &Option<Value>| v.as_ref().map_or(String::new(), |v| v.raw.to_string());
            read(sentence).iter().map(|s| (s.name.clone(), raw(&s.target), raw(&s.actual))).collect()
        };
        // (sentence, name, target, actual); a clause that opens with its verb is about the
        // indicator before it, and `完成` is a verb.
        let single = [
            ("——地区生产总值增长5.8%，预期目标为6.5%左右", "地区生产总值增速", "6.5%左右", "5.8%"),
            ("——固定资产投资下降4.6%，低于预期目标增长9%", "固定资产投资增速", "增长9%", "-4.6%"),
            ("城镇调查失业率控制在5.1%，低于5.5%的控制目标", "城镇调查失业率", "5.5%以内", "5.1%"),
            (
                "一般公共预算收入完成18.2亿元，增长3.9%，年度目标为增长4%",
                "一般公共预算收入增速",
                "增长4%",
                "3.9%",
            ),
            (
                "社会消费品零售总额完成210亿元，完成年计划225亿元的93.3%",
                "社会消费品零售总额",
                "225亿元",
                "210亿元",
            ),
        ];
        for (sentence, name, target, actual) in single {
            assert_eq!(read(sentence), [(name.into(), target.into(), actual.into())], "{sentence}");
        }
        assert_eq!(
            read("城乡居民人均可支配收入分别增长5.2%和7.3%（预期目标分别为6.5%和7%）"),
            [
                ("城镇居民人均可支配收入增速".into(), "6.5%".into(), "5.2%".into()),
                ("农村居民人均可支配收入增速".into(), "7%".into(), "7.3%".into()),
            ]
        );
    }

    #[test]
    fn shares_of_an_expected_target_after_a_word_for_the_whole_province() {
        let statements = read("全省固定资产投资增长6.6%，完成预期目标的94.3%");
        assert_eq!(statements.len(), 1);
        assert_eq!(statements[0].name, "固定资产投资增速");
        assert_eq!(statements[0].claim, Claim::ShareOfPlan(94.3));
        let statements = read("我市社会消费品零售总额完成210亿元，为年度目标的98%");
        assert_eq!(
            (statements[0].name.as_str(), &statements[0].claim),
            ("社会消费品零售总额", &Claim::ShareOfPlan(98.0))
        );
    }

    #[test]
    fn a_derived_target_keeps_the_written_precision() {
        let statements = read("规上工业增加值增长6.9%、高于计划目标0.4个百分点");
        let target = statements[0].target.as_ref().map(|t| &*t.raw);
        assert_eq!(target, Some("6.5%"));
        assert!(statements[0].target_derived);
    }
}
