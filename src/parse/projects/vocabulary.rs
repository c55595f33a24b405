//! The words of project lists: stage verbs before a list (`开工建设…`), verdicts after one
//! (`…3个项目全面完工`), statements of money and counts, and the tails a name sheds (`等项目`,
//! `等12个项目`, `…项目建设`).

use super::keyed::KeyedWords;
use super::split::trim_item;
use crate::model::Stage;
use crate::text::rfind_word;
use crate::text::{holds, may_hold_digit};
use regex::Regex;
use std::sync::LazyLock;

/// Adverbs that may come before a stage verb: `加快推进`, `全面完成`.
pub const ADVERBS: [&str; 14] = [
    "持续", "加快", "有序", "全力", "加速", "积极", "稳步", "全面", "力争", "确保", "重点", "抓紧", "尽快",
    "提早",
];

/// Stage verbs opening a clause, longest spelling first where one holds another.
pub const VERBS: [&str; 19] = [
    "新开工建设",
    "开工建设",
    "新开工",
    "开工",
    "启动建设",
    "启动",
    "加快建设",
    "加快",
    "续建",
    "推进",
    "建成投产",
    "建成投用",
    "建成",
    "完工投用",
    "完工",
    "竣工",
    "投产",
    "完成",
    "实施",
];

/// The characters a stage verb, or an adverb or word of intent before one, may start with
/// ([`ADVERBS`], [`VERBS`] and the verbs of prose sentences): a cheap first test.
pub const VERB_FIRST: &[char] = &[
    '持', '加', '有', '全', '积', '稳', '力', '确', '重', '抓', '尽', '提', '联', '争', '努', '新', '开',
    '启', '续', '推', '建', '完', '竣', '投', '论', '实', '签', '升', '改',
];

/// The stages a verdict closing a clause may name, longest spelling first.
const VERDICT_STAGES: [&str; 10] =
    ["建成投产", "建成投用", "完工投用", "完工投产", "建成", "完工", "竣工", "投产", "开工建设", "开工"];

/// The verdict on the year's target: `完成年度目标任务`.
const YEAR_TARGET_DONE: &str = "完成年度目标任务";

/// A verdict closing a clause about the projects listed before it.
static TRAILING_VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:全面|顺利|已|均已|均)?(?:(?P<stage>{})|(?P<progress>(?:全部)?{YEAR_TARGET_DONE}\S*))$",
        VERDICT_STAGES.join("|")
    ))
    .expect("trailing verdict pattern")
});

/// The words of money and output that open a figure of [`FIGURES`] (any other is a share: `%`).
const FIGURE_WORDS: [&str; 6] = ["投资", "产值", "营收", "收入", "增长", "增速"];

/// Money, output or a share: a clause stating figures, not naming projects.
static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{})\S*?\d+(?:\.\d+)?\s*(?:亿元|万元|元|亿|万|%)|\d\s*%", FIGURE_WORDS.join("|")))
        .expect("figures pattern")
});

/// A count of projects closing a clause: `新开工项目38个`, `区级重点项目100个`.
static PROJECT_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:项目|工程)\s*\d+\s*个$").expect("project count pattern"));

/// A count attached to the last name of a list: `2024年农村公路安防工程3个项目`.
static TRAILING_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d+|[一二三四五六七八九十]+)个(?:项目|工程)$").expect("trailing count pattern")
});

/// What a clause verb adds after a project noun: `…工程建设`, `…项目前期工作`.
static FRAME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:项目|工程)(?:落地建设|建设投产|建设|前期工作)$").expect("frame suffix pattern")
});

/// The tail after `等` that closes a list: `等项目`, `等12个项目`, `等房地产项目建设`, `等前期工作`.
static ETC_TAIL_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d+个|[一二三四五六七八九十]+个)?(?:[^、等]{0,16}?(?:项目|工程))?(?:\d+个)?(?:落地建设|建设投产|建设|前期工作)?$",
    )
    .expect("etc tail pattern")
});

/// The tail after `等` inside a list (`…中心等项目、学院路小学改造`): nothing but a count.
static ETC_TAIL_INNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+个|[一二三四五六七八九十]+个)?(?:项目|工程)$").expect("inner etc tail pattern")
});

/// The stage a verb or verdict names: 开工/新开工/启动/新建 new, 加快(建设)/续建/推进 ongoing,
/// 建成/完工/投产/竣工/完成 completed; `实施` names none.
pub fn verb_stage(verb: &str) -> Option<Stage> {
    if holds(verb, "开工") || verb.starts_with("启动") || verb.starts_with("新建") || verb.starts_with("新增")
    {
        Some(Stage::New)
    } else if holds(verb, "建设") || holds(verb, "加快") || verb == "续建" || holds(verb, "推进") {
        Some(Stage::Ongoing)
    } else if ["建成", "完工", "竣工", "投产", "完成"].iter().any(|word| holds(verb, word)) {
        Some(Stage::Completed)
    } else {
        None
    }
}

/// The stage a caption, a heading or a statement names: `完工投产重大项目` completed,
/// `新建…重点项目`/`新开工项目` new, `续建项目` ongoing, `重大前期项目` planned (the first of
/// these that the text names; read in one pass).
pub fn caption_stage(text: &str) -> Option<Stage> {
    let mut named = [false; 3];
    for (at, ch) in text.char_indices() {
        let word = |word: &str| text[at..].starts_with(word);
        let found = match ch {
            '完' if word("完工") => Stage::Completed,
            '投' if word("投产") => Stage::Completed,
            '竣' if word("竣工") => Stage::Completed,
            '建' if word("建成") => Stage::Completed,
            '开' if word("开工") => Stage::New,
            '新' if word("新建") => Stage::New,
            '续' if word("续建") => Stage::Ongoing,
            '在' if word("在建") => Stage::Ongoing,
            '前' if word("前期") => Stage::Planned,
            _ => continue,
        };
        match found {
            Stage::Completed => return Some(Stage::Completed),
            Stage::New => named[0] = true,
            Stage::Ongoing => named[1] = true,
            _ => named[2] = true,
        }
    }
    [Stage::New, Stage::Ongoing, Stage::Planned]
        .into_iter()
        .zip(named)
        .find_map(|(stage, named)| named.then_some(stage))
}

/// A clause opening with a stage verb: the verb's stage and the byte offset of the list after it.
pub fn leading_verb(clause: &str) -> Option<(Option<Stage>, usize)> {
    static OPENERS: LazyLock<Openers> = LazyLock::new(|| Openers::new(&[&ADVERBS], &[&VERBS]));
    let (verb, end) = opening_verb(clause, &OPENERS)?;
    Some((verb_stage(verb), end))
}

/// The words that may open a clause (`before`: adverbs, words of intent) and the verbs that
/// follow them or open it alone, each kind in the order of its lists and found by its first
/// character ([`KeyedWords`]).
pub struct Openers {
    before: KeyedWords,
    verbs: KeyedWords,
}

impl Openers {
    /// The words of the `before` lists and the `verbs` lists, each tried in the order given.
    pub fn new(before: &[&[&'static str]], verbs: &[&[&'static str]]) -> Self {
        Openers { before: KeyedWords::by_first(before), verbs: KeyedWords::by_first(verbs) }
    }
}

/// The verb of `openers` opening `clause`, after one of its words before a verb or none, as the
/// pattern `^(?:before…)?(?P<verb>verbs…)` finds it: a word before is taken when a verb follows
/// it, and the first verb (in the order of the lists) that follows wins. The verb and the byte
/// offset after it.
pub fn opening_verb(clause: &str, openers: &Openers) -> Option<(&'static str, usize)> {
    if !clause.starts_with(VERB_FIRST) {
        return None;
    }
    let verb_after =
        |lead: usize| openers.verbs.opening(&clause[lead..]).next().map(|verb| (verb, lead + verb.len()));
    openers.before.opening(clause).find_map(|word| verb_after(word.len())).or_else(|| verb_after(0))
}

/// What a verdict closing a clause says about the projects before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The stage the verdict names (`全面完工` completed), if any.
    pub stage: Option<Stage>,
    /// A statement of progress against the year's target (`完成年度目标任务`), if that is what it says.
    pub progress: Option<String>,
    /// Byte offset where the verdict starts: the list ends there.
    pub start: usize,
}

/// A verdict closing `clause`: `…3个项目全面完工`, `…等2个项目完成年度目标任务`.
#[inline]
pub fn trailing_verdict(clause: &str) -> Option<Verdict> {
    let may_close =
        VERDICT_STAGES.iter().any(|stage| clause.ends_with(stage)) || holds(clause, YEAR_TARGET_DONE);
    if !may_close {
        return None;
    }
    let found = TRAILING_VERDICT.captures(clause)?;
    let whole = found.get(0)?;
    let stage = found.name("stage").and_then(|verb| verb_stage(verb.as_str()));
    let progress = found.name("progress").map(|text| text.as_str().to_owned());
    (whole.start() > 0).then_some(Verdict { stage, progress, start: whole.start() })
}

/// Whether a clause states figures or counts rather than naming projects: `完成投资6亿元`,
/// `年度计划投资76.3亿元`, `新开工项目38个`, `高新区产值增长6%`. Each pattern is tried only on a
/// clause holding what it needs: figures a `%` or one of [`FIGURE_WORDS`], a count its closing
/// `个`, and both a digit ([`may_hold_digit`]).
#[inline]
pub fn is_statement(clause: &str) -> bool {
    // The digit first: one pass in vector code, where the words are a search each.
    if !may_hold_digit(clause) {
        return false;
    }
    let counts = clause.ends_with('个');
    let may_figure = memchr::memchr(b'%', clause.as_bytes()).is_some()
        || FIGURE_WORDS.iter().any(|word| holds(clause, word));
    (may_figure && FIGURES.is_match(clause)) || (counts && PROJECT_COUNT.is_match(clause))
}

/// Whether a list ends the way project lists do: with `等…项目`, or with a name ending in
/// `项目`/`工程`.
pub fn has_project_tail(list: &str) -> bool {
    let list = trim_item(list);
    let etc_tail = rfind_word(list, ETC).is_some_and(|at| ETC_TAIL_LAST.is_match(&list[at + ETC.len()..]));
    etc_tail || list.ends_with("项目") || list.ends_with("工程") || frame_suffix(list).is_some()
}

/// `等`, which closes a list before its tail.
const ETC: &str = "等";

/// Where the project noun before the frame a clause verb adds ([`FRAME_SUFFIX`]) ends; the
/// pattern only runs on a name ending the way a frame does. The match opens with the noun
/// (`项目` or `工程`, each six bytes), so no captures are needed.
fn frame_suffix(name: &str) -> Option<usize> {
    let may_end = ["建设", "投产", "前期工作"].iter().any(|end| name.ends_with(end));
    may_end.then(|| FRAME_SUFFIX.find(name)).flatten().map(|frame| frame.start() + "项目".len())
}

/// One list item as a project name: trimmed, without `等项目`/`等N个项目`/`等…项目建设` (for the
/// last item of a list, any short tail after `等` that names projects; inside a list, only a
/// bare `等项目` or `等N个项目`, so that `綦江区燃气等老化更新改造项目` keeps its `等`), without
/// a trailing count (`…工程3个项目`) and without the clause verb's frame (`…工程建设`).
pub fn clean_name(item: &str, last: bool) -> &str {
    let mut name = trim_item(item);
    let tail = if last { &ETC_TAIL_LAST } else { &ETC_TAIL_INNER };
    if let Some(at) = rfind_word(name, ETC).filter(|at| tail.is_match(&name[at + ETC.len()..])) {
        name = trim_item(&name[..at]);
    }
    let may_count = (name.ends_with("项目") || name.ends_with("工程")) && holds(name, "个");
    if let Some(found) = may_count.then(|| TRAILING_COUNT.find(name)).flatten() {
        name = trim_item(&name[..found.start()]);
    }
    match frame_suffix(name) {
        Some(noun_end) => &name[..noun_end],
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shed_their_tails() {
        assert_eq!(clean_name("新盛街道供水改扩建工程、", false), "新盛街道供水改扩建工程");
        assert_eq!(clean_name("石角镇供水改扩建工程等项目。", true), "石角镇供水改扩建工程");
        assert_eq!(clean_name("2021年度高标准农田建设项目等14个项目。", true), "2021年度高标准农田建设项目");
        assert_eq!(clean_name("嵘盛里等房地产项目建设。", true), "嵘盛里");
        assert_eq!(clean_name("厨余垃圾综合利用中心等建设项目", true), "厨余垃圾综合利用中心");
        assert_eq!(clean_name("黄金坡失能人员集中照护中心等项目", false), "黄金坡失能人员集中照护中心");
        assert_eq!(clean_name("綦江区燃气等老化更新改造项目", false), "綦江区燃气等老化更新改造项目");
        assert_eq!(clean_name("2024年农村公路安防工程3个项目", true), "2024年农村公路安防工程");
        assert_eq!(clean_name("水环境综合整治工程建设", true), "水环境综合整治工程");
        assert_eq!(clean_name("2024年高标准农田建设", true), "2024年高标准农田建设");
        assert_eq!(clean_name("江津至綦江万盛高速等前期工作", true), "江津至綦江万盛高速");
    }

    #[test]
    fn every_verb_starts_with_a_verb_first_character() {
        for word in ADVERBS.iter().chain(&VERBS) {
            assert!(word.starts_with(VERB_FIRST), "{word}");
        }
    }

    #[test]
    fn caption_stages_in_order() {
        assert_eq!(caption_stage("2022年完工投产重大项目"), Some(Stage::Completed));
        assert_eq!(caption_stage("前期项目和新开工项目，已建成"), Some(Stage::Completed));
        assert_eq!(caption_stage("续建和新建项目"), Some(Stage::New));
        assert_eq!(caption_stage("前期及在建项目"), Some(Stage::Ongoing));
        assert_eq!(caption_stage("重大前期项目"), Some(Stage::Planned));
        assert_eq!(caption_stage("重点项目"), None);
    }

    #[test]
    fn opening_verbs_as_the_pattern_finds_them() {
        let pattern = Regex::new(&format!("^(?:{})?(?P<verb>{})", ADVERBS.join("|"), VERBS.join("|")))
            .expect("verb pattern");
        for clause in [
            "加快推进甲",
            "加快乙",
            "加快",
            "全面完成丙",
            "全面丁",
            "开工建设戊",
            "新开工己",
            "实施",
            "持续",
            "庚",
        ] {
            let found = pattern
                .captures(clause)
                .and_then(|found| Some((found.name("verb")?.as_str(), found.get(0)?.end())));
            assert_eq!(opening_verb(clause, &Openers::new(&[&ADVERBS], &[&VERBS])), found, "{clause}");
        }
    }

    #[test]
    fn verbs_and_verdicts() {
        assert_eq!(leading_verb("开工建设习安高速"), Some((Some(Stage::New), "开工建设".len())));
        assert_eq!(leading_verb("持续推进藻渡水库").map(|(stage, _)| stage), Some(Some(Stage::Ongoing)));
        assert_eq!(leading_verb("建成投产电解槽").map(|(stage, _)| stage), Some(Some(Stage::Completed)));
        assert_eq!(leading_verb("实施年处理5万吨铝灰渣").map(|(stage, _)| stage), Some(None));
        assert_eq!(leading_verb("藻渡水库"), None);
        let verdict = trailing_verdict("甲、乙3个项目全面完工").expect("verdict");
        assert_eq!((verdict.stage, verdict.progress), (Some(Stage::Completed), None));
        let verdict = trailing_verdict("甲等2个项目完成年度目标任务").expect("verdict");
        assert_eq!(verdict.progress.as_deref(), Some("完成年度目标任务"));
        assert_eq!(trailing_verdict("完工"), None);
    }

    #[test]
    fn statements_are_not_lists() {
        assert!(is_statement("完成投资6亿元"));
        assert!(is_statement("1．新开工项目38个"));
        assert!(is_statement("高新区产值增长6%"));
        assert!(!is_statement("“四好农村路”838公里"));
        assert!(!is_statement("年产21万吨再生铝和6万吨铝灰及铝渣无害化利用项目"));
    }
}
