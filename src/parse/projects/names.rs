//! Which words of a sentence are project names: a name ends in a project word
//! ([`PROJECT_ENDS`]: 工程, 项目, 电站, 水库, 公园, 中心, 改造, 治理 …) or a numbered phase
//! (`（一期）`, `三期`), and is neither a figure (`农村通组公路200公里`), a slogan (`“一把手”工程`)
//! nor a bare kind (`重点项目`, `各类项目`). Lists of them ([`Names`]) are read three ways: plain
//! (every item a name, short places sharing the last item's noun allowed), declared (the text
//! calls the items projects: `…等项目`) and of a kind (`…等口袋公园10个`).

use super::keyed::KeyedWords;
use super::split::{holds_mark, split_top_level, trim_item};
use super::vocabulary::clean_name;
use crate::text::{find_word, holds, may_hold_digit};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Endings of a project's name.
const PROJECT_ENDS: [&str; 44] = [
    "工程",
    "项目",
    "电站",
    "水库",
    "公园",
    "中心",
    "改造",
    "治理",
    "基地",
    "园区",
    "医院",
    "学校",
    "广场",
    "小学",
    "中学",
    "幼儿园",
    "学院",
    "校区",
    "院区",
    "高速",
    "高铁",
    "铁路",
    "公路",
    "快速路",
    "快速通道",
    "专用线",
    "大道",
    "大桥",
    "隧道",
    "水厂",
    "电厂",
    "处理厂",
    "场馆",
    "综合体",
    "枢纽",
    "机场",
    "码头",
    "号线",
    "管廊",
    "站",
    "楼",
    "厂房",
    "生产线",
    "物流园",
];

/// The project words and `期` (of a phase such as `三期`), searched for all at once.
static PROJECT_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(PROJECT_ENDS.iter().chain(&["产业园", "期"]))
        .expect("project words automaton")
});

/// A numbered phase anywhere (`三期`, `2期`): the `期` that [`PROJECT_WORDS`] finds, checked
/// with the character before it.
static PHASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[一二三四五六七八九十\d]期$").expect("phase pattern"));

/// A numbered phase closing a name: `（一期）`, `(二期)`, `三期`, `一期工程`.
static PHASE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[（(](?:[一二三四五六七八九十\d]+期|一标段)[）)]|[一二三四五六七八九十\d]期)$")
        .expect("phase pattern")
});

/// A quantity closing a name (a figure of work done or planned): `200公里`, `24个`, `1450户以上`.
static QUANTITY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?(?:公里|万吨|吨|平方米|万平方米|亩|万亩|户|人|个|套|条|座|所|处|家|张|口)(?:以上|左右)?$")
        .expect("quantity end pattern")
});

/// A quantity opening a name: a count of things (`1450户…`), not a project's output.
static QUANTITY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+(?:\.\d+)?(?:户|个|所|座|条|处|家|名|人|项)").expect("quantity start pattern")
});

/// A count opening what follows a project word: `项目6个…` counts projects, it holds none.
static COUNT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:个|项)").expect("count start pattern"));

/// A place that may share the noun of the list's last item (`中华村、共同片区城中村改造`).
static PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[^乡]村|镇|街道|片区|社区|街|乡)$").expect("place pattern"));

/// Words that open a clause of action, not a name (`成立…`, `稳定生猪产能…`).
const VERB_LEADS: [&str; 48] = [
    "成立", "开展", "实施", "推动", "推进", "建立", "加强", "加快", "完善", "深化", "打造", "落实", "支持",
    "引导", "培育", "发展", "创建", "争创", "新增", "新建", "完成", "建成", "开工", "启动", "持续", "全力",
    "积极", "大力", "围绕", "依托", "聚焦", "谋划", "稳定", "提升", "提高", "确保", "力争", "实现", "做好",
    "抓好", "强化", "优化", "扩大", "推广", "举办", "组织", "深入", "全面",
];

/// Whether `item` opens with one of [`VERB_LEADS`]: only the words sharing its first character
/// are compared.
fn is_verb_led(item: &str) -> bool {
    static LEADS: LazyLock<KeyedWords> = LazyLock::new(|| KeyedWords::by_first(&[&VERB_LEADS]));
    LEADS.opening(item).next().is_some()
}

/// Modifiers that make a project word a bare kind (`重点项目`, `涉綦重大项目`), alone or before
/// one of [`KIND_WORDS`] (`基础设施项目`); nothing at all before the project word is one too.
const MODIFIERS: [&str; 25] = [
    "重大",
    "重点",
    "各类",
    "一批",
    "相关",
    "其他",
    "市级",
    "区级",
    "县级",
    "省级",
    "国家级",
    "在建",
    "续建",
    "新开工",
    "竣工",
    "前期",
    "民生",
    "投资",
    "合作",
    "备份",
    "签约",
    "招商",
    "新建",
    "类",
    "的",
];

/// The words of a sector that may stand between a modifier and the project word.
const KIND_WORDS: [&str; 4] = ["产业", "基础设施", "建设", "储备"];

/// What a sentence puts after a name: its phase of work or an activity (`主体工程`, `装修运营`,
/// `竣工验收`, `规划论证`, `总工程量的80%`), not part of it.
static ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:主体工程建设|主体工程|主体结构|主体建设|主体|装修运营|装修|竣工验收|可研报告编制|规划论证|前期工作|落地建设|建设|(?:总)?工程量的?\d+(?:\.\d+)?%)$",
    )
    .expect("activity pattern")
});

/// The last characters of the [`ACTIVITY`] words: a name ending otherwise is not tried.
const ACTIVITY_ENDS: [char; 11] = ['设', '程', '构', '体', '营', '修', '收', '制', '证', '作', '%'];

/// The longest item of a declared list.
const MAX_DECLARED_CHARS: usize = 40;

/// The longest item of a kind-closed list, and of a place sharing the last item's noun.
const MAX_SHORT_CHARS: usize = 12;

/// Whether `clause` holds a project word or a phase at all: a cheap test before the patterns.
pub fn may_name(clause: &str) -> bool {
    clause.len() >= 6 && project_words(clause).next().is_some()
}

/// Where `text` holds a project word or a numbered phase (`三期`).
fn project_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let phase = PROJECT_ENDS.len() + 1;
    PROJECT_WORDS
        .find_iter(text)
        .filter(move |word| word.pattern().as_usize() != phase || is_numbered_phase(text, word.range()))
        .map(|word| word.range())
}

/// Whether the `期` at `at` in `text` closes a numbered phase ([`PHASE`]: `三期`, `2期`; not
/// `时期`, `预期`).
fn is_numbered_phase(text: &str, at: Range<usize>) -> bool {
    let before = text[..at.start].char_indices().next_back().map_or(0, |(at, _)| at);
    PHASE.is_match(&text[before..at.end])
}

/// The project words of one line, found once, so that each clause of the line is tested by
/// [`may_name`] without another scan. No project word holds a separator or white space, so the
/// words within a clause are the ones a scan of the clause alone would find.
///
/// For a paragraph's line ([`LineWords::sure`]), the clauses are tested to the paragraph bar:
/// [`may_name_surely`] and [`may_name`] both. Only the line's sure words are found: each but `期`
/// is a project word too, so a clause holding one may name; a clause whose only sure words are
/// `期` is scanned for project words (a numbered phase among them) on its own.
pub struct LineWords<'a> {
    line: &'a str,
    /// The project words (for a paragraph's line, the sure words but `期`), in order: a scan
    /// finds them one after another, never overlapping, so their ends are in order too.
    words: Vec<Range<usize>>,
    /// For a paragraph's line, where it holds `期`, in order; `None` for any other line.
    phases: Option<Vec<Range<usize>>>,
}

/// How far [`LineWords::starts_within`] has read the line's words and phases: the index of the
/// first of each not yet passed.
#[derive(Default)]
pub struct Passed {
    words: usize,
    phases: usize,
}

impl<'a> LineWords<'a> {
    /// Finds the project words of `line`.
    pub fn new(line: &'a str) -> Self {
        LineWords { line, words: project_words(line).collect(), phases: None }
    }

    /// Finds the sure words of a paragraph's `line`: `None` when it holds none (so that no
    /// clause of it clears the paragraph bar). A clause clears it only holding a sure word or a
    /// numbered phase, which a name ending in a phase ends in (`二期`, `（三期）`), or `一标段`
    /// (`（一标段）`): in a line without `一标段`, a `期` with no number before it (`时期`,
    /// `预期`) is passed over, and a line holding nothing else is none.
    pub fn sure(line: &'a str) -> Option<Self> {
        let (mut words, mut phases) = (Vec::new(), Vec::new());
        for word in SURE_WORDS.find_iter(line) {
            if word.pattern().as_usize() == SURE_ENDS.len() {
                phases.push(word.range());
            } else {
                words.push(word.range());
            }
        }
        if !phases.is_empty() && !holds(line, "一标段") {
            phases.retain(|phase| is_numbered_phase(line, phase.clone()));
        }
        (!words.is_empty() || !phases.is_empty()).then_some(LineWords { line, words, phases: Some(phases) })
    }

    /// Whether a word or a phase of the line starts within `clause` (a piece of the line; for
    /// any other text, true), looked for from where `passed` says, which a caller reading the
    /// line's clauses in order keeps: the clauses without one are told by a comparison or two,
    /// and [`LineWords::may_name`] is false for them (and for any piece of them), which asks for
    /// a word or a phase within the clause.
    pub fn starts_within(&self, clause: &str, passed: &mut Passed) -> bool {
        let Some((start, end)) = self.span_of(clause) else { return true };
        let within = |ranges: &[Range<usize>], first: &mut usize| {
            while ranges.get(*first).is_some_and(|range| range.start < start) {
                *first += 1;
            }
            ranges.get(*first).is_some_and(|range| range.start < end)
        };
        let phases = self.phases.as_deref().unwrap_or_default();
        within(&self.words, &mut passed.words) | within(phases, &mut passed.phases)
    }

    /// [`may_name`] of `clause`, a piece of the line that starts and ends at a separator or
    /// white space (or is the whole line); for a paragraph's line, [`may_name_surely`] too.
    pub fn may_name(&self, clause: &str) -> bool {
        let Some((start, end)) = self.span_of(clause) else {
            return may_name(clause) && (self.phases.is_none() || may_name_surely(clause));
        };
        if clause.len() < 6 {
            return false;
        }
        any_within(&self.words, start, end)
            || self.phases.as_ref().is_some_and(|phases| any_within(phases, start, end) && may_name(clause))
    }

    /// Where the last word found in the line ends, as an offset in `piece` (a piece of the
    /// line; 0 when no word ends after its start): a clause of `piece` that starts there or
    /// later holds no word, so [`LineWords::may_name`] is false for it. For a `piece` that is
    /// not of the line, its length.
    pub fn last_end_in(&self, piece: &str) -> usize {
        let Some((start, _)) = self.span_of(piece) else { return piece.len() };
        let last = |words: &[Range<usize>]| words.last().map_or(0, |word| word.end);
        last(&self.words).max(self.phases.as_deref().map_or(0, last)).saturating_sub(start)
    }

    /// Where `clause` stands in the line (its start and end), when it is a piece of it.
    fn span_of(&self, clause: &str) -> Option<(usize, usize)> {
        let start = (clause.as_ptr() as usize).wrapping_sub(self.line.as_ptr() as usize);
        let end = start.checked_add(clause.len())?;
        (start <= end && end <= self.line.len()).then_some((start, end))
    }
}

/// Whether one of `words` (in order, not overlapping) lies within `start..end`: the first that
/// starts there, found by bisection, ends by `end` (the ends are in order too).
fn any_within(words: &[Range<usize>], start: usize, end: usize) -> bool {
    let first = words.partition_point(|word| word.start < start);
    words.get(first).is_some_and(|word| word.end <= end)
}

/// How the items of a list are judged.
enum Kind<'a> {
    /// Every item must read as a project name.
    Plain,
    /// The text calls the items projects (`…等项目`).
    Declared,
    /// The items are of a named kind (`…等口袋公园10个`).
    Of(&'a str),
}

/// A list of candidate names and how to judge them.
pub struct Names<'a> {
    list: &'a str,
    kind: Kind<'a>,
}

impl<'a> Names<'a> {
    /// A plain list: `甲水库、乙工程`.
    pub fn of_list(list: &'a str) -> Self {
        Names { list, kind: Kind::Plain }
    }

    /// A list the text calls projects (the `等项目` after it already cut off).
    pub fn declared(list: &'a str) -> Self {
        Names { list, kind: Kind::Declared }
    }

    /// A list of items of `kind` (`口袋公园`), the tail after it already cut off.
    pub fn of_kind(list: &'a str, kind: &'a str) -> Self {
        Names { list, kind: Kind::Of(kind) }
    }

    /// The project names of the list, or none when it does not read as a list of projects. Each
    /// is a piece of the list (no copy of its own).
    pub fn projects(&self) -> Vec<&'a str> {
        // Whether one item may stand in the list: a declared list or a list of a kind fails at
        // its first item that may not (no later item is read), a plain list is judged whole.
        let item_fits = |item: &str| match self.kind {
            Kind::Declared => is_declared_item(item),
            Kind::Of(_) => is_short_name(item) && !item.contains(char::is_numeric),
            Kind::Plain => true,
        };
        if let Kind::Of(kind) = self.kind
            && !(is_project_name(kind) || kind.ends_with("项目"))
        {
            return Vec::new();
        }
        let mut pieces = split_top_level(self.list, &['、']).peekable();
        let mut items: Vec<&str> = Vec::new();
        while let Some((_, piece)) = pieces.next() {
            let item = unquote(trim_item(piece));
            if item.is_empty() || is_verb_led(item) {
                break;
            }
            let item = shed_activity(clean_name(item, pieces.peek().is_none()));
            if !item_fits(item) {
                return Vec::new();
            }
            items.push(item);
        }
        let accepted = !matches!(self.kind, Kind::Plain) || is_plain_list(&items);
        if !accepted || items.is_empty() {
            return Vec::new();
        }
        // Only a plain list's items may join two names (`甲治理和乙治理`); the others are the names.
        if !matches!(self.kind, Kind::Plain) {
            return items;
        }
        let mut names = Vec::with_capacity(items.len());
        for item in items {
            match split_and(item) {
                Some((first, second)) => names.extend([first, second]),
                None => names.push(item),
            }
        }
        names
    }
}

/// Whether every item reads as a project name, the ones before the last allowed to be short
/// places sharing its noun (`中华村、共同片区城中村改造`), or anything when the last item's
/// `项目` or `工程` covers them all (`甲、乙、丙项目`).
fn is_plain_list(items: &[&str]) -> bool {
    let Some((last, before)) = items.split_last() else { return false };
    let shared = last.ends_with("项目") || last.ends_with("工程");
    (is_project_name(last) || split_and(last).is_some())
        && before.iter().all(|item| {
            is_project_name(item)
                || (is_short_name(item) && !item.contains(char::is_numeric) && PLACE.is_match(item))
                || (shared && is_declared_item(item))
        })
}

/// Two project names joined by `和` (`甲治理和乙治理`), split; `None` for anything else (`及`
/// joins the parts of one).
fn split_and(name: &str) -> Option<(&str, &str)> {
    name.split_once('和').filter(|(a, b)| is_project_name(a) && is_project_name(b))
}

/// An item of a declared list: a short stretch of words, neither a figure nor a bare kind.
fn is_declared_item(item: &str) -> bool {
    (2..=MAX_DECLARED_CHARS).contains(&item.chars().count())
        && !holds_mark(item, &['，', '。', '；', '：'])
        && !ends_in_quantity(item)
        && !starts_with_quantity(item)
        && !is_generic(before_ends(item))
}

/// A short name without clause punctuation: a place or a brand.
fn is_short_name(item: &str) -> bool {
    (2..=MAX_SHORT_CHARS).contains(&item.chars().count()) && !item.contains(['，', '。', '“', '等'])
}

/// `name` without the phase or activity a sentence put after it, when what is left is a name,
/// and without what a project holds (`…项目10万平方米标准化厂房` → `…项目`).
fn shed_activity(mut name: &str) -> &str {
    if let Some(at) = find_word(name, "项目").map(|at| at + "项目".len()) {
        let held = &name[at..];
        if held.starts_with(|ch: char| ch.is_ascii_digit()) && !COUNT_START.is_match(held) {
            name = &name[..at];
        }
    }
    if !name.ends_with(ACTIVITY_ENDS) {
        return name;
    }
    match ACTIVITY.find(name) {
        Some(found) if found.start() > 0 && is_project_name(&name[..found.start()]) => &name[..found.start()],
        _ => name,
    }
}

/// `text` without quotation marks around the whole of it.
fn unquote(text: &str) -> &str {
    text.strip_prefix('“')
        .and_then(|rest| rest.strip_suffix('”'))
        .filter(|inner| !inner.contains('“'))
        .unwrap_or(text)
}

/// Whether `name` reads as a project: it ends in a project word or a numbered phase, and is
/// neither a figure, a slogan, a bare kind nor an unsplit list (`、`, `等`).
pub fn is_project_name(name: &str) -> bool {
    let bare = without_note(name);
    // The project words it ends in, found once for the three tests that ask.
    let befores = before_ends(bare);
    bare.chars().nth(2).is_some()
        && (befores.clone().next().is_some() || ends_in_phase(bare))
        && !holds(bare, "等")
        && !holds_mark(bare, &['、', '，'])
        && !ends_in_quantity(bare)
        && !(starts_with_quantity(bare) && !bare.ends_with("项目") && !bare.ends_with("工程"))
        && !is_slogan(bare, befores.clone())
        && !is_generic(befores)
}

/// Endings only a project's name has: a work (水库, 高速), not a task (改造, 治理) or a place that
/// also names an institution (中心, 医院, 园区).
const SURE_ENDS: [&str; 24] = [
    "工程",
    "项目",
    "水库",
    "电站",
    "电厂",
    "高速",
    "高铁",
    "铁路",
    "高速公路",
    "快速路",
    "快速通道",
    "院区",
    "专用线",
    "大桥",
    "隧道",
    "水厂",
    "处理厂",
    "枢纽",
    "机场",
    "码头",
    "号线",
    "管廊",
    "生产线",
    "标准厂房",
];

/// [`SURE_ENDS`] and `期` (of a phase), searched for all at once.
static SURE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(SURE_ENDS.iter().chain(&["期"]))
        .expect("sure words automaton")
});

/// Whether `clause` may name a project only a project can be, or a list the text calls
/// projects: it holds one of [`SURE_ENDS`] (`项目` among them) or `期`. A cheap test before the
/// patterns, which a paragraph's clause must pass.
pub fn may_name_surely(clause: &str) -> bool {
    SURE_WORDS.is_match(clause)
}

/// Whether `list` may hold a name that [`is_sure_name`] accepts: it holds one of [`SURE_ENDS`],
/// `期` (of a phase) or `一标段` (`（一标段）`, the other phase [`PHASE_END`] knows). Every name
/// of a list is a piece of it, so a list without these holds none: a cheap test before reading
/// the list.
pub fn may_hold_sure_name(list: &str) -> bool {
    may_name_surely(list) || holds(list, "一标段")
}

/// Whether `name` is a project name ([`is_project_name`]) that only a project can be: it ends in
/// one of [`SURE_ENDS`] or a numbered phase (`黔北数据中心二期`).
pub fn is_sure_name(name: &str) -> bool {
    let bare = without_note(name);
    // The ending first: a test of a few bytes, where the name's is many.
    (ends_in_phase(bare) || SURE_ENDS.iter().any(|end| bare.ends_with(end))) && is_project_name(name)
}

/// `name` without the description of a figure before its last `的`, when what follows is a name
/// (`投资10亿元的中国电信云数据中心` → `中国电信云数据中心`), and without a count of the list's
/// items after it (`丙公园3个公园提质改建工程` → `丙公园`).
pub fn without_description(name: &str) -> &str {
    static ITEM_COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+个").expect("item count pattern"));
    if !may_hold_digit(name) {
        return name;
    }
    if let Some(count) = ITEM_COUNT.find(name).filter(|count| count.start() > 0) {
        let before = &name[..count.start()];
        if is_project_name(before) {
            return before;
        }
    }
    match name.rfind('的') {
        Some(at) if may_hold_digit(&name[..at]) => {
            let after = &name[at + '的'.len_utf8()..];
            if is_project_name(after) { after } else { name }
        }
        _ => name,
    }
}

/// `name` without a closing parenthetical that is not a phase (`甲高速（城区段）` → `甲高速`).
fn without_note(name: &str) -> &str {
    // The ending first: most names end in no bracket, and are not searched for one.
    if !name.ends_with(['）', ')']) || ends_in_phase(name) {
        return name;
    }
    name.find(['（', '(']).map_or(name, |at| &name[..at])
}

/// Whether `name` ends in a numbered phase ([`PHASE_END`]).
fn ends_in_phase(name: &str) -> bool {
    name.ends_with(['期', '）', ')']) && PHASE_END.is_match(name)
}

/// The last characters of a [`QUANTITY_END`]: those of its units, `以上` and `左右`.
const QUANTITY_LAST: [char; 17] =
    ['里', '吨', '米', '亩', '户', '人', '个', '套', '条', '座', '所', '处', '家', '张', '口', '上', '右'];

/// Whether `name` ends in a quantity ([`QUANTITY_END`]): only a name ending as one may is
/// searched for a digit and matched.
fn ends_in_quantity(name: &str) -> bool {
    name.ends_with(QUANTITY_LAST) && may_hold_digit(name) && QUANTITY_END.is_match(name)
}

/// Whether `name` opens with a count of things ([`QUANTITY_START`]).
fn starts_with_quantity(name: &str) -> bool {
    name.starts_with(crate::text::is_numeric) && QUANTITY_START.is_match(name)
}

/// What stands before each project word `name` ends in (`綦江电站` ends in `电站` and `站`): only
/// the words that end in its last character are compared.
fn before_ends(name: &str) -> impl Iterator<Item = &str> + Clone {
    static ENDS: LazyLock<KeyedWords> = LazyLock::new(|| KeyedWords::by_last(&[&PROJECT_ENDS]));
    ENDS.before_ending(name)
}

/// A slogan: a project word right after a closing quote (`“一把手”工程`, `“千万工程”`).
/// `befores` are the name's [`before_ends`].
fn is_slogan<'a>(name: &str, mut befores: impl Iterator<Item = &'a str>) -> bool {
    name.ends_with('”') || befores.any(|before| before.ends_with('”'))
}

/// A bare kind: nothing but modifiers before the project word (`重点项目`, `基础设施项目`).
/// `befores` are the name's [`before_ends`].
fn is_generic<'a>(mut befores: impl Iterator<Item = &'a str>) -> bool {
    befores.any(is_bare_kind)
}

/// Whether what stands before a project word makes it a bare kind: nothing, or one of
/// [`MODIFIERS`] at its end, either with one of [`KIND_WORDS`] after it or none (the pattern
/// `(?:^|重大|…|的)(?:产业|基础设施|建设|储备)?$`). Only the modifiers ending in the character
/// before are compared.
fn is_bare_kind(before: &str) -> bool {
    static ENDS: LazyLock<KeyedWords> = LazyLock::new(|| KeyedWords::by_last(&[&MODIFIERS]));
    let modified = |rest: &str| rest.is_empty() || ENDS.before_ending(rest).next().is_some();
    modified(before) || KIND_WORDS.iter().any(|kind| before.strip_suffix(kind).is_some_and(modified))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_names() {
        for name in [
            "梅子桥水库",
            "綦江抽水蓄能电站",
            "渝南职教城（一期）",
            "安稳电厂三期",
            "西部陆海新通道“氢走廊”赶水服务区项目",
            "50万头生猪养殖项目",
            "渝贵高铁",
            "陵园小学学府校区综合楼",
        ] {
            assert!(is_project_name(name), "{name}");
        }
        for name in [
            "重点项目",
            "各类项目",
            "营商环境",
            "涉綦重大项目",
            "基础设施项目",
            "农村通组公路200公里",
            "“一把手”工程",
            "1450户农村困难老年人家庭居家适老化改造",
            "中华村",
        ] {
            assert!(!is_project_name(name), "{name}");
        }
    }

    #[test]
    fn leads_and_kinds_as_the_patterns_find_them() {
        let verb_led = Regex::new(&format!("^(?:{})", VERB_LEADS.join("|"))).expect("verb-led pattern");
        let generic = Regex::new(&format!("(?:^|{})(?:{})?$", MODIFIERS.join("|"), KIND_WORDS.join("|")))
            .expect("generic pattern");
        let words = VERB_LEADS.iter().chain(&MODIFIERS).chain(&KIND_WORDS).chain(&["", "甲", "乙类"]);
        let words: Vec<&str> = words.copied().collect();
        for (first, second) in words.iter().flat_map(|first| words.iter().map(move |second| (first, second)))
        {
            for text in
                [format!("{first}{second}"), format!("甲{first}{second}"), format!("{first}{second}乙")]
            {
                assert_eq!(is_verb_led(&text), verb_led.is_match(&text), "{text}");
                assert_eq!(is_bare_kind(&text), generic.is_match(&text), "{text}");
            }
        }
    }

    #[test]
    fn every_quantity_ends_as_listed() {
        let befores = ["12", "12个以", "12个左", "1.5万", "12平方", "12万平方", "12公"];
        for last in ('\0'..='\u{ffff}').filter(|last| !QUANTITY_LAST.contains(last)) {
            for before in befores {
                assert!(!QUANTITY_END.is_match(&format!("{before}{last}")), "{before}{last}");
            }
        }
        assert!(ends_in_quantity("农村通组公路200公里") && ends_in_quantity("困难家庭1450户以上"));
    }

    #[test]
    fn every_activity_ends_as_listed() {
        let pattern = ACTIVITY.as_str();
        let words = pattern.trim_start_matches("(?:").trim_end_matches(")$").split('|');
        for word in words.filter(|word| !word.contains('\\')) {
            assert!(word.ends_with(ACTIVITY_ENDS) && ACTIVITY.is_match(word), "{word}");
        }
        assert!(ACTIVITY.is_match("总工程量的80%") && "总工程量的80%".ends_with(ACTIVITY_ENDS));
        assert_eq!(shed_activity("甲水库主体工程建设"), "甲水库");
    }

    #[test]
    fn sure_names() {
        for name in [
            "梅子桥水库",
            "南环高速（城区段）",
            "黔北数据中心二期",
            "高桥工业园区标准厂房",
            "甲乙工程",
            "城南大道（一标段）",
        ] {
            assert!(is_sure_name(name), "{name}");
            assert!(may_hold_sure_name(&format!("新建{name}、乙")), "{name}");
        }
        assert!(!may_hold_sure_name("城西体育公园、老旧小区改造"));
        for name in ["城西体育公园", "区数字化城市运行和治理中心", "老旧小区改造", "重点项目"]
        {
            assert!(!is_sure_name(name), "{name}");
        }
        assert_eq!(without_description("投资10亿元的甲数据中心"), "甲数据中心");
        assert_eq!(without_description("甲的乙水库"), "甲的乙水库");
        assert_eq!(without_description("香国公园3个公园提质改建工程"), "香国公园");
    }

    #[test]
    fn lists() {
        assert_eq!(Names::of_list("甲水库、乙工程").projects(), ["甲水库", "乙工程"]);
        assert!(Names::of_list("甲水库、营商环境").projects().is_empty());
        assert_eq!(
            Names::declared("华泰电子元件、年产8万吨再生铝").projects(),
            ["华泰电子元件", "年产8万吨再生铝"]
        );
        assert!(Names::declared("成立“南部物流园”").projects().is_empty());
        assert!(Names::of_kind("甲园、乙园", "营商环境").projects().is_empty());
        assert!(may_name("新建甲水库") && !may_name("优化营商环境"));
        assert!(may_name("推进二期") && may_name("推进２期") && !may_name("推进后期") && !may_name("期待乙"));
        let line = "优化营商环境，新建甲水库，推进二期，同期开展";
        let words = LineWords::new(line);
        let mut passed = Passed::default();
        for (_, clause) in split_top_level(line, &['，']) {
            assert_eq!(words.may_name(clause), may_name(clause), "{clause}");
            assert!(words.starts_within(clause, &mut passed) || !may_name(clause), "{clause}");
        }
        let line =
            "优化营商环境，新建甲水库、乙高速，推进二期，同期开展，同期建成丁中心，建成丙项目，建成高速公路";
        let words = LineWords::sure(line).expect("sure words");
        let mut passed = Passed::default();
        let numbered_phase = Regex::new(r"[一二三四五六七八九十\d]期").expect("numbered phase pattern");
        for (_, clause) in split_top_level(line, &['，', '、']) {
            // A `期` with no number before it (`同期`) ends no name: the clause needs another word.
            let clears = SURE_ENDS.iter().any(|end| clause.contains(end)) || numbered_phase.is_match(clause);
            let both = may_name(clause) && may_name_surely(clause) && clears;
            assert_eq!(words.may_name(clause), both, "{clause}");
            assert!(words.starts_within(clause, &mut passed) || !both, "{clause}");
        }
        assert!(LineWords::sure("优化营商环境，建成城西体育公园").is_none());
        assert!(LineWords::sure("“十四五”时期，实现预期目标，建成城西体育公园").is_none());
        assert!(LineWords::sure("推进城南大道二期").is_some());
        assert!(LineWords::sure("同期建成城南大道（一标段）").is_some());
    }
}
