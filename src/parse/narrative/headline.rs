//! Headline sentences: the prose that states the year's results
//! (`全年地区生产总值实现531.3亿元、增长3%，规上工业增加值增长4.9%…`) and the next year's targets
//! (`提出2023年主要预期目标：地区生产总值增长7%以上，规上工业增加值增长9%…`).
//!
//! A report's first part reviews the year, its second (headed `二、…`) sets the next year's
//! targets. In each part the headline sentence is the first one that gives the growth of 地区生产总值;
//! every clause of it that reads as `indicator [同比|预计|分别] verb value` becomes a
//! [`NarrativeValue`]. A growth clause names the indicator as a table would (`地区生产总值增长3%`
//! → `地区生产总值增速` = `3%`), a fall of a growth indicator is a negative growth
//! (`一般公共预算收入下降15.9%` → `-15.9%`), and lists with `分别` pair names and values in order.
//! A headline that is an item of a list, one item a line (`——经济发展：地区生产总值增长6.5%左右`),
//! brings the whole list: the items before it and after it are read as headline sentences too.

use super::plan_start;
use crate::canonical::AliasTable;
use crate::model::{NarrativeValue, TitleBlock, Value, ValueRole};
use crate::parse::Lines;
use crate::parse::value::{LEVEL_WITH_LAST_YEAR, parse_value};
use crate::text::Trimmed;
use crate::text::{fold, is_han};
use std::ops::Range;

/// The indicator whose growth marks a headline sentence.
const HEADLINE_INDICATOR: &str = "地区生产总值增速";

/// Words that open a clause without being part of the indicator's name.
/// Words for the whole area (`全区`, `全省`) are fillers too ([`super::whole_unit_prefix`]).
const LEADING_FILLERS: [&str; 5] = ["全年", "实现", "完成", "提出", "其中"];

/// Words between the indicator and its verb: `同比`, `比上年` (year on year), `预计` (estimated),
/// `分别` (respectively), `均` (each), `首次` (for the first time), and the basis of a growth rate
/// (`同口径`, `按可比价格计算`); longest first where one holds another.
const MODIFIERS: [&str; 15] = [
    "同比",
    "比上年同期",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "预计",
    "分别",
    "均",
    "首次",
    "同口径",
    "可比口径",
    "按可比价格计算",
    "按可比价计算",
    "扣除价格因素",
];

/// The [`MODIFIERS`] that compare with last year.
const LAST_YEAR_MODIFIERS: [&str; 6] = ["同比", "比上年同期", "比上年", "较上年", "比去年", "较去年"];

/// Longest item of a `和` pair that takes the last item's ending (`城镇` of `城镇和农村居民…`).
const MAX_SHORT_ITEM_CHARS: usize = 2;

/// Words that stand for the previous clause's indicator (`总量突破1500亿元`).
const BACK_REFERENCES: [&str; 3] = ["总量", "总额", "规模"];

/// Units a value may carry, longest first where one is a prefix of another (`万吨标准煤` before
/// `万吨`, `千瓦时` before `千瓦`).
const UNITS: &[&str] = &[
    "个百分点",
    "微克/立方米",
    "%",
    "‰",
    "亿美元",
    "万美元",
    "美元",
    "万亿元",
    "亿元",
    "万元",
    "元",
    "万吨标准煤",
    "吨标准煤",
    "万吨",
    "吨",
    "亿人次",
    "万人次",
    "人次",
    "万人",
    "人",
    "万户",
    "户",
    "家",
    "个",
    "件",
    "万亩",
    "亩",
    "公顷",
    "天",
    "平方公里",
    "公里",
    "亿千瓦时",
    "万千瓦时",
    "千瓦时",
    "万千瓦",
    "千瓦",
    "万平方米",
    "平方米",
    "亿立方米",
    "万立方米",
    "立方米",
    "亿公斤",
    "万公斤",
    "公斤",
    "亿斤",
    "万斤",
    "万头",
    "万辆",
    "辆",
    "万标箱",
    "万套",
    "套",
    "所",
    "座",
    "张",
    "岁",
];

/// Qualifiers after a number: at least, at most, about.
const QUALIFIERS: [&str; 4] = ["以上", "以内", "以下", "左右"];

/// The longest indicator name read from a clause; a longer one is prose.
const MAX_SUBJECT_CHARS: usize = 40;

/// The longest statement read as a target (`完成国家和市下达目标`); longer text is prose.
const MAX_STATEMENT_CHARS: usize = 16;

/// Verbs of a clause, longest first where one is a prefix of another.
const VERBS: [(&str, Verb); 17] = [
    ("控制在", Verb::Level),
    ("保持在", Verb::Level),
    ("稳定在", Verb::Level),
    ("提高到", Verb::Level),
    ("提升到", Verb::Level),
    ("增长", Verb::Grow),
    ("下降", Verb::Fall),
    ("降低", Verb::Fall),
    ("减少", Verb::Fall),
    ("提高", Verb::Raise),
    ("提升", Verb::Raise),
    ("实现", Verb::Level),
    ("完成", Verb::Level),
    ("达到", Verb::Level),
    ("突破", Verb::Exceed),
    ("达", Verb::Level),
    ("为", Verb::Level),
];

/// What a clause's verb says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// A level: `实现531.3亿元`, `达33179元`, `控制在5.5%以内`, or no verb at all (`2万人`).
    Level,
    /// Passing a level: `突破1500亿元` (at least).
    Exceed,
    /// A growth rate: `增长3%`.
    Grow,
    /// A fall: `下降15.9%`.
    Fall,
    /// A rise in percentage points: `提高1.6个百分点`.
    Raise,
}

/// One `verb value` of a clause.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    verb: Verb,
    /// The verb as written, for names built from it (`单位…能耗` + `下降`).
    verb_text: &'static str,
    reading: Reading,
}

/// A value as written after its verb.
#[derive(Debug, Clone, PartialEq)]
enum Reading {
    /// A number with its unit and qualifier (`7` `%` `以上`).
    Number { number: String, unit: &'static str, qualifier: &'static str },
    /// A statement (`快于经济增长`, `达到市级要求`); only targets are read this way.
    Statement(String),
}

/// Which part of the report a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Part one: the reviewed year's results.
    Review,
    /// Part two onwards: the plan year's targets.
    Plan,
}

/// Finds the headline sentences of a report's clean text (`lines[0]` is line 1) and reads their
/// indicator values: results for the reviewed year, targets for the plan year.
pub fn headline_values(lines: Lines<'_>, title: &TitleBlock, aliases: &AliasTable) -> Vec<NarrativeValue> {
    let plan_start = plan_start(lines);
    let mut values = Vec::new();
    let mut found = [false, false];
    for (index, line) in lines.iter().enumerate() {
        if found == [true, true] {
            break;
        }
        for sentence in super::carried::joined(line) {
            let sentence = sentence.as_ref();
            let part = match plan_start {
                Some(start) if index >= start => Part::Plan,
                Some(_) => Part::Review,
                None => part_without_heading(sentence, title),
            };
            let slot = usize::from(part == Part::Plan);
            if found[slot] {
                continue;
            }
            let (role, year) = match part {
                Part::Review => (ValueRole::Actual, title.review_year),
                Part::Plan => (ValueRole::Target, title.plan_year),
            };
            let read = read_part_sentence(sentence, role, year, index + 1, aliases);
            if read.iter().any(|v| aliases.canonical(&v.name) == HEADLINE_INDICATOR) {
                found[slot] = true;
                let (before, after) = list_around(lines, index);
                let items = |range| list_values(lines, range, role, year, aliases);
                values.extend(items(before));
                values.extend(read);
                values.extend(items(after));
            }
        }
    }
    values
}

/// The items of the list the headline's line `lines[index]` is an item of, one item a line
/// (`——创新发展：研发经费投入强度2.5%` / `——经济发展：地区生产总值增长6.5%左右` / `——民生保障：…`):
/// the indices of the items before it and of those after it. The list runs as far each way as
/// the lines are items with the same kind of marker; a headline that is no item has none.
fn list_around(lines: Lines<'_>, index: usize) -> (Range<usize>, Range<usize>) {
    let Some(kind) = lines.get(index).and_then(super::list_marker_kind) else {
        return (index..index, index..index);
    };
    let same_list = |at: usize| lines.get(at).and_then(super::list_marker_kind).is_some_and(|k| k == kind);
    let first = (0..index).rev().take_while(|&at| same_list(at)).last().unwrap_or(index);
    let end = (index + 1..lines.len()).take_while(|&at| same_list(at)).last().map_or(index + 1, |at| at + 1);
    (first..index, index + 1..end)
}

/// The values of the list items `lines[items]`, each read as a sentence of the part `role` says.
fn list_values(
    lines: Lines<'_>,
    items: Range<usize>,
    role: ValueRole,
    year: Option<u16>,
    aliases: &AliasTable,
) -> Vec<NarrativeValue> {
    let item = |line: &str| line.trimmed().trim_end_matches(['。', '；', ';']).to_owned();
    let read_item = |at: usize| {
        let item = item(&lines[at]);
        let sentences = super::carried::joined(&item);
        sentences.iter().flat_map(|s| read_part_sentence(s, role, year, at + 1, aliases)).collect::<Vec<_>>()
    };
    items.flat_map(read_item).collect()
}

/// The values of one sentence of the review part (results, `role` Actual) or of the plan part
/// (targets). A result sentence that goes on to its target is read up to the clause naming it; a
/// target stated before its result (`控制在5.5%以内，实际为5.1%`) is put after it first.
fn read_part_sentence(
    sentence: &str,
    role: ValueRole,
    year: Option<u16>,
    line: usize,
    aliases: &AliasTable,
) -> Vec<NarrativeValue> {
    let paired = match role {
        ValueRole::Actual => super::paired::rewrite(&fold(sentence)),
        ValueRole::Target => None,
    };
    let sentence = match role {
        ValueRole::Actual => before_target(paired.as_deref().unwrap_or(sentence)),
        ValueRole::Target => sentence,
    };
    if sentence.is_empty() {
        return Vec::new();
    }
    read_sentence(sentence, role, year, line, aliases)
}

/// `sentence` up to the clause or bracket that names a target (`…增长5.8%，较年度目标相差1.2个百分点`
/// → `…增长5.8%`; `…增长6.1%（预期目标为7%以上）` → `…增长6.1%`): a target is no result.
fn before_target(sentence: &str) -> &str {
    let Some(at) = sentence.find("目标") else { return sentence };
    let clause_start = sentence[..at].rfind(['，', ',', '；', '（', '(']).unwrap_or(0);
    &sentence[..clause_start]
}

/// The part a sentence belongs to in a report whose plan part has no heading: the year it names
/// (`2022年，全省地区生产总值增长4.5%，低于预期目标2个百分点` reviews 2022), else a sentence
/// naming a target sets one, unless it weighs a result against it (`增长6%，低于年度目标1个百分点`).
fn part_without_heading(sentence: &str, title: &TitleBlock) -> Part {
    // Most sentences name no year: told by `年` before a year's text is made.
    let may_name_year = sentence.contains('年');
    let names_year =
        |year: Option<u16>| may_name_year && year.is_some_and(|year| sentence.contains(&format!("{year}年")));
    if names_year(title.plan_year) {
        Part::Plan
    } else if names_year(title.review_year)
        || !sentence.contains("目标")
        || super::review::weighs_against_target(sentence)
    {
        Part::Review
    } else {
        Part::Plan
    }
}

/// Whether the `,` at byte `at` of `text` groups a number's thousands (`5,223.6`).
fn groups_thousands(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    at > 0 && digit(at - 1) && digit(at + 1) && digit(at + 2) && digit(at + 3) && !digit(at + 4)
}

/// `text` without the commas that group numbers' thousands (`5,223.6亿元` → `5223.6亿元`).
pub(super) fn without_grouping_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if !(c == ',' && groups_thousands(text, at)) {
            out.push(c);
        }
    }
    out
}

/// The clauses of a sentence: its text between commas, semicolons and colons, but for a comma
/// that groups a number's thousands (`5,223.6亿元`).
fn clauses(sentence: &str) -> Vec<&str> {
    let mut clauses = Vec::new();
    let mut start = 0;
    for (at, c) in sentence.char_indices() {
        let separates =
            matches!(c, '，' | '；' | ';' | '：' | ':') || (c == ',' && !groups_thousands(sentence, at));
        if separates {
            clauses.push(&sentence[start..at]);
            start = at + c.len_utf8();
        }
    }
    clauses.push(&sentence[start..]);
    clauses
}

/// Reads every clause of `sentence` that states an indicator value.
pub(super) fn read_sentence(
    sentence: &str,
    role: ValueRole,
    year: Option<u16>,
    line: usize,
    aliases: &AliasTable,
) -> Vec<NarrativeValue> {
    let mut values = Vec::new();
    let mut previous_subject: Option<String> = None;
    let mut read = |clause: &str, values: &mut Vec<NarrativeValue>| {
        let flat = level_with_last_year(clause);
        let Some(read) =
            read_clause(flat.as_deref().unwrap_or(clause), role, previous_subject.as_deref(), aliases)
        else {
            return false;
        };
        previous_subject = Some(read.subject);
        values.extend(read.values.into_iter().map(|(name, unit, value)| NarrativeValue {
            role,
            year,
            name,
            unit,
            value,
            evidence: clause.trimmed().to_owned(),
            line,
        }));
        true
    };
    for clause in clauses(sentence) {
        // Two results in one clause, each with its own indicator (`城镇居民…增长4.5%、农村居民…增长
        // 7%`), are read one by one when the clause does not read as a whole and every part states
        // a number (`与经济增长目标、市…精神相衔接` is prose).
        let numbered_parts = || clause.split('、').all(|part| part.bytes().any(|b| b.is_ascii_digit()));
        if !read(clause, &mut values) && clause.contains('、') && numbered_parts() {
            for part in clause.split('、') {
                read(part, &mut values);
            }
        }
    }
    values
}

/// `clause` with closing words saying its indicator stayed at last year's level
/// ([`LEVEL_WITH_LAST_YEAR`]) written as the growth it is
/// (`固定资产投资与上年持平` → `固定资产投资增长0%`); `None` when it has none.
fn level_with_last_year(clause: &str) -> Option<String> {
    if !clause.contains("持平") {
        return None;
    }
    let text = clause.trimmed();
    let subject = LEVEL_WITH_LAST_YEAR.iter().find_map(|words| text.strip_suffix(words))?;
    Some(format!("{subject}增长0%"))
}

/// The values one clause states and the indicator it speaks of.
struct ClauseValues {
    subject: String,
    values: Vec<(String, Option<String>, Value)>,
}

/// Reads one clause: its indicator (or `previous_subject`'s, for a clause opening with its verb or
/// naming a back reference) and its values as `(name, unit, value)`; `None` when it states none.
fn read_clause(
    clause: &str,
    role: ValueRole,
    previous_subject: Option<&str>,
    aliases: &AliasTable,
) -> Option<ClauseValues> {
    let normalized = without_grouping_commas(&fold(clause.trimmed()));
    let (mut text, mut estimated) = (super::strip_list_marker(&normalized), false);
    while let Some(rest) = strip_filler(text) {
        estimated |= text.starts_with("预计");
        text = rest;
    }
    // A clause that opens with its verb speaks of the previous clause's indicator
    // (`一般公共预算收入完成32.6亿元，增长5.1%`), as one naming a back reference does (`总量…`).
    // Modifiers may stand before the verb (`同比增长5.6%`).
    let (verb_text, modifiers) = strip_modifiers(text);
    let continued = previous_subject
        .filter(|_| VERBS.iter().any(|(verb, _)| verb_text.starts_with(verb)))
        .and_then(|previous| Some((previous.to_owned(), modifiers, read_segments(verb_text, role)?)));
    let (subject, modifiers, segments) = continued.or_else(|| {
        let (subject, modifiers, segments) = split_clause(text, role)?;
        let subject = match BACK_REFERENCES.contains(&subject) {
            true => previous_subject?.to_owned(),
            false => subject.to_owned(),
        };
        Some((subject, modifiers, segments))
    })?;
    estimated |= modifiers.contains(&"预计");
    let respectively = modifiers.contains(&"分别");
    // `比上年提高1.2个百分点` is a change on last year, not the indicator's value (`比上年增长5.9%`
    // is its growth rate).
    let on_last_year = modifiers.iter().any(|m| LAST_YEAR_MODIFIERS.contains(m));
    let is_change = |value_text: &str| on_last_year && value_text.ends_with("个百分点");
    // A list of names with one value (`地区生产总值512亿元、一般公共预算收入32亿元` read as one name
    // up to `32亿元`) reads as nothing, so that its parts are read one by one.
    if subject.contains('、') && !respectively {
        return None;
    }
    let values = name_segments(&subject, respectively, &segments, aliases)
        .into_iter()
        .filter(|(_, _, value_text)| !is_change(value_text))
        .map(|(name, unit, value_text)| {
            let mut value = parse_value(&value_text);
            value.estimated |= estimated;
            (name, unit, value)
        })
        .collect();
    Some(ClauseValues { subject, values })
}

/// Splits a clause into its indicator, modifiers and values: the shortest leading indicator
/// after which the rest reads as values.
///
/// An indicator name holds some letters or CJK and no numbers' signs (`%`, `‰`), so it ends after
/// the clause's first letter and no later than its first sign: both are found once, not for each
/// candidate end.
fn split_clause(clause: &str, role: ValueRole) -> Option<(&str, Vec<&'static str>, Vec<Segment>)> {
    let first_letter = clause.char_indices().find(|&(_, c)| is_han(c) || c.is_alphabetic())?.0;
    let first_sign = clause.find(['%', '‰']).unwrap_or(clause.len());
    clause.char_indices().skip(1).take(MAX_SUBJECT_CHARS).find_map(|(at, _)| {
        let (subject, rest) = clause.split_at(at);
        let is_digit = |c: char| c.is_ascii_digit() || c == '.';
        let inside_number = subject.ends_with(is_digit) && rest.starts_with(is_digit);
        let named = first_letter < at && at <= first_sign;
        // A verb alone names nothing (`增长5.2%` with no indicator before it), nor does a target
        // (`预期目标增长7%`).
        let verb = VERBS.iter().any(|(verb, _)| *verb == subject);
        if inside_number || !named || verb || names_target(subject) || subject.ends_with(SUBJECT_NEVER_ENDS) {
            return None;
        }
        let (rest, modifiers) = strip_modifiers(rest);
        let segments = read_segments(rest, role)?;
        Some((subject, modifiers, segments))
    })
}

/// The indicator a folded clause names before its values (`城镇调查失业率` of `城镇调查失业率控制在
/// 5.5%以内`), list marker and leading fillers left out; `None` when the clause states no value.
pub(super) fn subject_of(clause: &str) -> Option<&str> {
    let mut text = super::strip_list_marker(clause);
    while let Some(rest) = strip_filler(text) {
        text = rest;
    }
    split_clause(text, ValueRole::Target).map(|(subject, _, _)| subject)
}

/// Whether `text` opens with a verb of a clause (`增长`, `为`, `控制在`): a clause that does
/// speaks of the indicator named before it.
pub(super) fn opens_with_verb(text: &str) -> bool {
    VERBS.iter().any(|(verb, _)| text.starts_with(verb))
}

/// Words that open a target's name, not an indicator's, after the period it is for (`年度预期目标`).
const TARGET_WORDS: [&str; 3] = ["目标", "预期目标", "计划目标"];

/// Whether a clause's would-be indicator is a target's name (`预期目标`, `年度目标增长`, `全年计划`).
fn names_target(subject: &str) -> bool {
    let subject = strip_any(subject, &["全年", "年度", "年初"]).unwrap_or(subject);
    TARGET_WORDS.iter().any(|word| subject.starts_with(word)) || matches!(subject, "预期" | "计划")
}

/// `text` without the [`MODIFIERS`] it starts with, and those modifiers in order.
fn strip_modifiers(mut text: &str) -> (&str, Vec<&'static str>) {
    let mut modifiers = Vec::new();
    while let Some(modifier) = MODIFIERS.iter().find(|m| text.starts_with(**m)) {
        modifiers.push(*modifier);
        text = &text[modifier.len()..];
    }
    (text, modifiers)
}

/// Characters an indicator name never ends with: conjunctions and particles.
const SUBJECT_NEVER_ENDS: [char; 7] = ['和', '与', '及', '的', '在', '了', '、'];

/// Reads `verb value (、|和|及 [verb] value)*` to the end of the clause; a value without its own
/// verb takes the previous one (`分别增长3.7%、2.2%和3.1%`).
fn read_segments(mut rest: &str, role: ValueRole) -> Option<Vec<Segment>> {
    let mut segments: Vec<Segment> = Vec::new();
    loop {
        let (verb, verb_text) = match VERBS.iter().find(|(text, _)| rest.starts_with(text)) {
            Some(&(text, verb)) => {
                rest = &rest[text.len()..];
                (verb, text)
            }
            None => match segments.last() {
                Some(previous) => (previous.verb, previous.verb_text),
                None => (Verb::Level, ""),
            },
        };
        match read_number(rest) {
            Some((reading, after)) => {
                segments.push(Segment { verb, verb_text, reading });
                rest = after;
            }
            None => {
                let statement_allowed = role == ValueRole::Target
                    && matches!(verb, Verb::Grow | Verb::Fall)
                    && !rest.is_empty()
                    && rest.chars().nth(MAX_STATEMENT_CHARS).is_none()
                    && !rest.contains(|c: char| c.is_ascii_digit() || c == '、');
                if !statement_allowed {
                    return None;
                }
                segments.push(Segment { verb, verb_text, reading: Reading::Statement(rest.to_owned()) });
                return Some(segments);
            }
        }
        if rest.is_empty() {
            return Some(segments);
        }
        // `312.5亿元、同比增长5.1%`: a modifier may stand before the next value's verb.
        rest = strip_modifiers(strip_any(rest, &["、", "和", "及"])?).0;
    }
}

/// A number with optional unit and qualifier at the start of `text`, and what follows it.
fn read_number(text: &str) -> Option<(Reading, &str)> {
    let sign = usize::from(text.starts_with('-'));
    let digits =
        text[sign..].find(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(text.len(), |n| n + sign);
    let number = &text[..digits];
    if number.len() == sign || number.starts_with('.') || number.ends_with('.') {
        return None;
    }
    let mut rest = &text[digits..];
    let unit = UNITS.iter().find(|u| rest.starts_with(**u)).copied().unwrap_or("");
    rest = &rest[unit.len()..];
    let qualifier = QUALIFIERS.iter().find(|q| rest.starts_with(**q)).copied().unwrap_or("");
    rest = &rest[qualifier.len()..];
    Some((Reading::Number { number: number.to_owned(), unit, qualifier }, rest))
}

/// The `(name, unit, value text)` of each segment of a clause about `subject`.
fn name_segments(
    subject: &str,
    respectively: bool,
    segments: &[Segment],
    aliases: &AliasTable,
) -> Vec<(String, Option<String>, String)> {
    if !respectively {
        return segments.iter().filter_map(|s| name_value(subject, s, aliases)).collect();
    }
    let subjects = distribute(subject);
    let Some(first) = segments.first() else {
        return Vec::new();
    };
    if subjects.len() == segments.len() {
        return subjects.iter().zip(segments).filter_map(|(s, seg)| name_value(s, seg, aliases)).collect();
    }
    // One name standing for several (`城乡居民人均可支配收入分别增长3.6%和5.1%`).
    let Some((name, _, _)) = name_value(subject, first, aliases) else {
        return Vec::new();
    };
    match aliases.split_names(&name) {
        Some(names) if subjects.len() == 1 && names.len() == segments.len() => names
            .into_iter()
            .zip(segments)
            .filter_map(|(name, seg)| {
                let (_, unit, value) = name_value(subject, seg, aliases)?;
                Some((name, unit, value))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The names of a `、` list (or of two joined by `和`), a shared ending given to short items of
/// equal length (`一、二、三产业增加值` → `一产业增加值`, `二产业增加值`, `三产业增加值`;
/// `城镇和农村居民人均可支配收入` → `城镇居民人均可支配收入`, `农村居民人均可支配收入`).
pub(super) fn distribute(subject: &str) -> Vec<String> {
    // Two-character items share an ending only in the `和` form, or when they say whose it is
    // (`城镇、农村居民人均可支配收入`): in a `、` list they are names of their own (`投资、社零、进出口`).
    let (items, longest_short): (Vec<&str>, usize) = match subject.split_once('和') {
        Some((first, second)) if !subject.contains('、') => (vec![first, second], MAX_SHORT_ITEM_CHARS),
        _ => {
            let items: Vec<&str> = subject.split('、').collect();
            let whose =
                items.split_last().is_some_and(|(_, leading)| leading.iter().all(|i| WHOSE.contains(i)));
            (items, if whose { MAX_SHORT_ITEM_CHARS } else { 1 })
        }
    };
    let Some((last, leading)) = items.split_last() else {
        return Vec::new();
    };
    // `地区生产总值、固定资产投资增速`: a rate named after the last item is every item's.
    let shared_rate = |rate: &&&str| {
        let named = last.ends_with(**rate) && last.len() > rate.len();
        named && !leading.is_empty() && leading.iter().all(|item| !item.ends_with(**rate))
    };
    if let Some(rate) = RATE_ENDINGS.iter().find(shared_rate) {
        return items.iter().map(|item| format!("{}{rate}", item.trim_end_matches(rate))).collect();
    }
    let short = leading.first().map_or(0, |item| item.chars().count());
    let shared = last.char_indices().nth(short).map(|(at, _)| &last[at..]).unwrap_or("");
    let same_length = |item: &&str| item.chars().count() == short;
    if !leading.is_empty() && short <= longest_short && leading.iter().all(same_length) && !shared.is_empty()
    {
        let mut names: Vec<String> = leading.iter().map(|item| format!("{item}{shared}")).collect();
        names.push((*last).to_owned());
        return names;
    }
    items.into_iter().map(str::to_owned).collect()
}

/// Items of a `、` list that say whose the shared ending is (`城镇、农村居民人均可支配收入`).
const WHOSE: [&str; 3] = ["城镇", "农村", "城市"];

/// Endings that name an indicator's rate of growth, given by the last item of a list to every item.
const RATE_ENDINGS: [&str; 3] = ["增速", "增幅", "增长率"];

/// The endings of indicators whose targets are reductions (`万元地区生产总值能耗`, `化学需氧量排放量`):
/// `下降3.5%` of one is its reduction, `…能耗下降` = `3.5%`, not a growth of `-3.5%`.
const REDUCED: [&str; 6] = ["能耗", "水耗", "电耗", "排放", "排放量", "用水量"];

/// Whether `subject` is an indicator whose targets are reductions ([`REDUCED`]).
pub(super) fn is_reduced(subject: &str) -> bool {
    REDUCED.iter().any(|ending| subject.ends_with(ending))
}

/// The indicator name, its unit and the value text one segment gives for `subject`, or `None`
/// when the segment does not state a value of a kind the tables use.
fn name_value(
    subject: &str,
    segment: &Segment,
    aliases: &AliasTable,
) -> Option<(String, Option<String>, String)> {
    let percent = Some("%".to_owned());
    let growth = format!("{subject}增速");
    match (&segment.reading, segment.verb) {
        (Reading::Statement(text), Verb::Grow) => Some((growth, percent, text.clone())),
        (Reading::Statement(text), _) => {
            Some((format!("{subject}{}", segment.verb_text), None, text.clone()))
        }
        (Reading::Number { number, unit, qualifier }, verb) => match (verb, *unit) {
            (Verb::Grow, "%") | (Verb::Raise, "%") => {
                Some((growth, percent, format!("{number}%{qualifier}")))
            }
            (Verb::Fall, "%") => {
                let reduction = format!("{subject}{}", segment.verb_text);
                match aliases.knows(&reduction) || is_reduced(subject) {
                    true => Some((reduction, percent, format!("{number}%{qualifier}"))),
                    false => Some((growth, percent, format!("-{number}%{qualifier}"))),
                }
            }
            (Verb::Raise | Verb::Fall, "个百分点") => {
                Some((subject.to_owned(), percent, format!("{}{number}个百分点", segment.verb_text)))
            }
            (Verb::Grow | Verb::Raise | Verb::Fall, _) => None,
            (Verb::Level | Verb::Exceed, "个百分点") => None,
            (Verb::Level | Verb::Exceed, unit) => {
                let qualifier = match (verb, *qualifier) {
                    (Verb::Exceed, "") => "以上",
                    (_, written) => written,
                };
                let unit_name = (!unit.is_empty()).then(|| unit.to_owned());
                Some((subject.to_owned(), unit_name, format!("{number}{unit}{qualifier}")))
            }
        },
    }
}

/// `text` without its leading filler: one of [`LEADING_FILLERS`], a word for the whole area
/// (`全省`), `预计`, or `实际` before a verb (`实际增长5.2%`; `实际利用外资` is a name).
fn strip_filler(text: &str) -> Option<&str> {
    let whole_unit = super::whole_unit_prefix(text).map(|word| &text[word.len()..]);
    let actual = || text.strip_prefix("实际").filter(|rest| opens_with_verb(rest));
    strip_any(text, &LEADING_FILLERS).or(whole_unit).or_else(|| text.strip_prefix("预计")).or_else(actual)
}

/// `text` without the first of `prefixes` it starts with.
fn strip_any<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| text.strip_prefix(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_kept_with_last_year_is_a_growth_of_nothing() {
        assert_eq!(level_with_last_year("固定资产投资与上年持平").as_deref(), Some("固定资产投资增长0%"));
        assert_eq!(
            level_with_last_year("社会消费品零售总额同比持平").as_deref(),
            Some("社会消费品零售总额增长0%")
        );
        assert_eq!(level_with_last_year("与年度目标持平"), None);
        assert_eq!(level_with_last_year("固定资产投资增长3%"), None);
    }

    #[test]
    fn a_comma_grouping_thousands_parts_no_clauses() {
        assert_eq!(
            clauses("完成5,223.6亿元，增长5.6%,高于全市"),
            ["完成5,223.6亿元", "增长5.6%", "高于全市"]
        );
        assert_eq!(clauses("分别为6,7和8"), ["分别为6", "7和8"]);
    }

    #[test]
    fn a_result_sentence_is_read_up_to_its_target() {
        assert_eq!(before_target("地区生产总值增长5.8%，较年度目标相差1.2个百分点"), "地区生产总值增长5.8%");
        assert_eq!(before_target("增长6.1%（预期目标为7%以上）"), "增长6.1%");
        assert_eq!(before_target("增长6.1%"), "增长6.1%");
    }

    fn read(sentence: &str, role: ValueRole) -> Vec<(String, String, bool)> {
        read_sentence(sentence, role, Some(2022), 1, AliasTable::shared())
            .into_iter()
            .map(|v| (v.name, v.value.raw.into(), v.value.estimated))
            .collect()
    }

    fn pairs(sentence: &str, role: ValueRole) -> Vec<(String, String)> {
        read(sentence, role).into_iter().map(|(n, v, _)| (n, v)).collect()
    }

    fn owned(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_pair_joined_by_and_shares_its_ending_and_a_list_of_names_does_not() {
        assert_eq!(
            distribute("城镇和农村居民人均可支配收入"),
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert_eq!(distribute("一、二、三产业增加值"), ["一产业增加值", "二产业增加值", "三产业增加值"]);
        assert_eq!(distribute("投资、社零、进出口"), ["投资", "社零", "进出口"]);
    }

    #[test]
    fn a_province_s_units_trillions_jin_and_standard_coal() {
        // Before, a unit outside the list (`万亿元`) left the clause unread.
        assert_eq!(
            pairs("全省地区生产总值4.71万亿元、增长5.8%；粮食产量稳定在830亿斤以上", ValueRole::Actual),
            owned(&[
                ("地区生产总值", "4.71万亿元"),
                ("地区生产总值增速", "5.8%"),
                ("粮食产量", "830亿斤以上")
            ])
        );
        assert_eq!(
            pairs("能源消费总量控制在1200万吨标准煤以内，全社会用电量达到320亿千瓦时", ValueRole::Target),
            owned(&[("能源消费总量", "1200万吨标准煤以内"), ("全社会用电量", "320亿千瓦时")])
        );
    }

    #[test]
    fn growth_on_last_year_is_the_growth_and_a_change_in_points_is_no_value() {
        // Before, `比上年增长5.9%` gave no value and `比上年提高1.2个百分点` the indicator `比上年`.
        assert_eq!(
            pairs(
                "地区生产总值首次突破400亿元，比上年增长5.9%，常住人口城镇化率达到55.2%，比上年提高1.2个百分点",
                ValueRole::Actual
            ),
            owned(&[
                ("地区生产总值", "400亿元以上"),
                ("地区生产总值增速", "5.9%"),
                ("常住人口城镇化率", "55.2%"),
            ])
        );
        assert_eq!(
            pairs("城镇调查失业率5.1%，同比下降0.3个百分点", ValueRole::Actual),
            owned(&[("城镇调查失业率", "5.1%")])
        );
    }

    #[test]
    fn levels_and_growth_of_one_indicator() {
        assert_eq!(
            pairs(
                "全年地区生产总值实现531.3亿元、增长3%，全体居民人均可支配收入达33179元、增长7.1%",
                ValueRole::Actual
            ),
            owned(&[
                ("地区生产总值", "531.3亿元"),
                ("地区生产总值增速", "3%"),
                ("全体居民人均可支配收入", "33179元"),
                ("全体居民人均可支配收入增速", "7.1%"),
            ])
        );
    }

    #[test]
    fn a_name_never_ends_inside_a_number() {
        assert_eq!(
            pairs("全省固定资产投资增长6.6%，完成预期目标的94.3%", ValueRole::Target),
            owned(&[("固定资产投资增速", "6.6%")])
        );
    }

    #[test]
    fn respectively_pairs_names_and_values() {
        assert_eq!(
            pairs("一、二、三产业增加值分别同比增长3.7%、2.2%和3.1%", ValueRole::Actual),
            owned(&[
                ("一产业增加值增速", "3.7%"),
                ("二产业增加值增速", "2.2%"),
                ("三产业增加值增速", "3.1%")
            ])
        );
        assert_eq!(
            pairs("城乡居民人均可支配收入分别增长3.6%和5.1%", ValueRole::Actual),
            owned(&[("城镇居民人均可支配收入增速", "3.6%"), ("农村居民人均可支配收入增速", "5.1%")])
        );
        assert!(pairs("粮食、蔬菜总产量分别达34.6万吨", ValueRole::Actual).is_empty());
    }

    #[test]
    fn falls_estimates_and_back_references() {
        assert_eq!(
            read("全社会固定资产投资预计增长3.2%，一般公共预算收入下降15.9%", ValueRole::Actual),
            vec![
                ("全社会固定资产投资增速".to_owned(), "3.2%".to_owned(), true),
                ("一般公共预算收入增速".to_owned(), "-15.9%".to_owned(), false),
            ]
        );
        assert_eq!(
            pairs("全年地区生产总值同比增长2.6%，总量突破1500亿元", ValueRole::Actual),
            owned(&[("地区生产总值增速", "2.6%"), ("地区生产总值", "1500亿元以上")])
        );
    }

    #[test]
    fn targets_with_qualifiers_points_and_statements() {
        assert_eq!(
            pairs(
                "全体居民人均可支配收入增长快于经济增长，城镇新增就业2万人，城镇调查失业率控制在5.5%以内，\
                 城镇化率提高1.6个百分点，粮食总产量29万吨左右，单位地区生产总值能耗下降达到市级要求",
                ValueRole::Target
            ),
            owned(&[
                ("全体居民人均可支配收入增速", "快于经济增长"),
                ("城镇新增就业", "2万人"),
                ("城镇调查失业率", "5.5%以内"),
                ("城镇化率", "提高1.6个百分点"),
                ("粮食总产量", "29万吨左右"),
                ("单位地区生产总值能耗下降", "达到市级要求"),
            ])
        );
    }

    #[test]
    fn prose_that_states_no_value_is_skipped() {
        let sentence = "综合分析国内外经济形势、宏观政策取向和经济增长支撑因素，提出地区生产总值增长7%";
        assert_eq!(pairs(sentence, ValueRole::Target), owned(&[("地区生产总值增速", "7%")]));
        assert!(pairs("居民收入增长放缓，消费能力减弱", ValueRole::Actual).is_empty());
        assert!(pairs("与经济增长目标、市第六次党代会精神相衔接", ValueRole::Target).is_empty());
        assert!(pairs("PM2.5年均浓度同比下降2.6%", ValueRole::Actual).len() == 1);
        let long_line = "甲".repeat(100_000) + "增长3%";
        assert!(
            pairs(&long_line, ValueRole::Actual).is_empty(),
            "a name longer than any indicator's is prose"
        );
    }
}
