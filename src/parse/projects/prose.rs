//! Projects named in the sentences of boxes that mostly tell of other things
//! (`专栏10：2024年城市提质建设情况`), and, to a higher bar ([`Bar::Paragraph`]), in the
//! ordinary paragraphs outside boxes (`paragraphs.rs`). A clause (split at `。；，：`) names projects in one of four
//! forms:
//! - a stage verb and a list: `建成投用区数字化城市运行和治理中心`, `加快推进采煤沉陷区综合治理及
//!   绿色产业转型EOD项目建设` (the frame `建设` is shed), `投产甲、乙等项目6个`;
//! - a list, its kind and a count: `完成登瀛场、孟家院、长生沟等老旧小区改造项目14个`,
//!   `新建萌动乐园、欣悦园等口袋公园10个` (the items are the projects);
//! - a list and then its stage: `綦江抽水蓄能电站完成可研阶段三大专题报告编制`,
//!   `甲、乙等项目建成投用`, `重庆移通学院（三期）、重庆外语外事学院（四期）投入使用`;
//! - `将“…”纳入…`: a project taken into a plan (`将“綦江梯级渠化工程”纳入…规划`).
//!
//! Which words are names ([`names`]): an item of a list the text itself calls projects (`…等项目`,
//! `…2个项目`) is one; any other must end in a project word (工程, 项目, 电站, 水库, 公园 …) or a
//! numbered phase (`（一期）`, `三期`), or be a short place sharing the noun of the list's last item
//! (`中华村、共同片区城中村改造`). A figure (`农村通组公路200公里`, `1450户…适老化改造`), a
//! slogan (`“一把手”工程`) or a bare kind (`重点项目`, `各类项目`) is never a project.

use super::boxes::Block;
use super::names::{self, LineWords, Names, Passed};
use super::project;
use super::split::{leading_label, split_top_level, trim_item};
use super::stated::stated_stages;
use super::vocabulary::{ADVERBS, Openers, VERBS, opening_verb, verb_stage};
use crate::model::{Project, Stage};
use crate::text::rfind_word;
use crate::text::{find_word, holds, is_numeric};
use regex::Regex;
use std::sync::LazyLock;

/// Words of intent that may come before a stage verb in a sentence, besides [`ADVERBS`].
const INTENTS: [&str; 3] = ["联合争取", "争取", "努力"];

/// Stage verbs of sentences besides the list verbs ([`VERBS`], tried after these), longest
/// spelling first where one holds another: `加快推进…`, `新签约…`, `升级改造…`.
const SENTENCE_VERBS: [&str; 12] = [
    "加快推进",
    "加快推动",
    "重点推动",
    "论证并实施",
    "新签约",
    "签约",
    "升级改造",
    "改造升级",
    "新建",
    "新增",
    "新改建",
    "开展",
];

/// The words that open a sentence's clause: [`ADVERBS`] and [`INTENTS`] before a verb of
/// [`SENTENCE_VERBS`] or [`VERBS`] (tried in that order).
static OPENERS: LazyLock<Openers> =
    LazyLock::new(|| Openers::new(&[&ADVERBS, &INTENTS], &[&SENTENCE_VERBS, &VERBS]));

/// Words of intent before a list that is followed by its stage (`力争甲、乙等项目开工建设`).
static INTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:重点|加快|持续|积极|联合|努力|全力)?(?:推动|谋划|力争|争取|确保)")
        .expect("intent pattern")
});

/// The first characters of the words [`INTENT`] may open with: a clause opening otherwise is
/// not matched against it.
const INTENT_FIRST: [char; 12] = ['重', '加', '持', '积', '联', '努', '全', '推', '谋', '力', '争', '确'];

/// Where a list the text calls projects ends: `等项目`, `等6个项目`, `等房地产项目`, `2个项目`
/// (a count without `等`, which must be the number of items: the match of the second
/// alternative, which alone does not start with `等`, less its `个项目`).
static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(?:(?:\d+|[一二三四五六七八九十两]+)个)?[^、，等]{0,6}?项目|(?:\d+|[一二三四五六七八九十两]+)个项目")
        .expect("declared list pattern")
});

/// The end of a list of some things among others (`…等一批园区连接线`): its items must be names.
const SOME_AMONG: [&str; 2] = ["等一批", "等一系列"];

/// What may follow `…等项目` when the items are not projects but what they get (`…等政策项目资金`).
const NOT_PROJECTS_AFTER: [&str; 4] = ["资金", "专班", "库", "清单"];

/// A list closed by the kind of its items and a count: `…等口袋公园10个`, `…等老旧小区改造项目14个`.
static KIND_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(?P<kind>[^、，,0-9]{2,12}?)(?:\d+|[一二三四五六七八九十]+)(?:个|处|座|所|条)")
        .expect("kind tail pattern")
});

/// `将“甲”纳入…`: a project taken into a plan.
static TAKEN_INTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:努力|积极)?将(?P<list>[^，。；]{2,40}?)纳入").expect("taken into pattern")
});

/// What a predicate's words say beyond its verb: feasibility, plans, surveys are a planned stage.
static PLANNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"前期|可研|工可|规划|选址|勘察设计|论证").expect("planning pattern"));

/// How much a clause must show before its list is read as projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// A sentence in a box: any list of names that read as projects ([`names::is_project_name`]).
    Box,
    /// An ordinary paragraph, outside any box, where most lists name tasks and programmes
    /// (`推进老旧小区改造`, `实施产业基础再造工程`): a list the text calls projects (`…等项目`,
    /// `…2个项目`), or a list of project names holding one that only a project's name ends in
    /// ([`names::is_sure_name`]: 水库, 高速, 铁路, 工程, `二期` …; `区疾控中心、甲水库扩建项目`)
    /// after a verb that gives a stage (not `实施`, `开展`) or before a stated stage (`…开工`).
    Paragraph,
}

impl Bar {
    /// Whether a list in `text` may clear the bar: in a paragraph, the text must hold `项目`
    /// (of a list the text calls projects) or a sure name's ending
    /// ([`names::may_hold_sure_name`], `项目` among them), as [`Listed::cleared`] asks. A cheap
    /// test before the list is read.
    fn may_clear(self, text: &str) -> bool {
        self == Bar::Box || names::may_hold_sure_name(text)
    }
}

/// The projects named in the sentences of `block`, read to the `bar`. A project's source is its
/// line in a box, and its sentence in a paragraph (a paragraph's line is the whole paragraph).
pub fn read_prose(block: &Block, bar: Bar) -> Vec<Project> {
    let mut projects = Vec::new();
    for &(line, text) in &block.lines {
        // A paragraph's line is scanned once, for the sure words its clauses must hold.
        let sure = match bar {
            Bar::Box => None,
            Bar::Paragraph => match LineWords::sure(text) {
                Some(words) => Some(words),
                None => continue,
            },
        };
        let body = leading_label(text, &['：', ':']).map_or(text, |(_, after)| &text[after..]);
        let words = sure.unwrap_or_else(|| LineWords::new(body));
        if !words.may_name(body) {
            continue;
        }
        // No clause after the line's last word may name: the split stops before them.
        let words_end = words.last_end_in(body);
        let clauses = split_top_level(body, &['。', '；', ';', '，', ',', '：', ':']);
        let mut passed = Passed::default();
        for (offset, clause) in clauses.take_while(|&(offset, _)| offset < words_end) {
            if !words.starts_within(clause, &mut passed) {
                continue;
            }
            let clause = trim_item(clause);
            if !words.may_name(clause) {
                continue;
            }
            let named = names_in(clause, bar);
            if named.is_empty() {
                continue;
            }
            let source = if bar == Bar::Box { text } else { sentence_around(body, offset) };
            for (name, stage) in named {
                projects.push(project(block, name, None, stage, None, line, source));
            }
        }
    }
    projects
}

/// The sentence of `text` that holds byte `offset`, with its closing `。`.
fn sentence_around(text: &str, offset: usize) -> &str {
    const STOP: &str = "。";
    let start = rfind_word(&text[..offset], STOP).map_or(0, |at| at + STOP.len());
    let end = find_word(&text[offset..], STOP).map_or(text.len(), |at| offset + at + STOP.len());
    &text[start..end]
}

/// The project names of one clause (pieces of it), each with its stage, as the four forms read
/// them to the `bar`.
pub fn names_in(clause: &str, bar: Bar) -> Vec<(&str, Option<Stage>)> {
    if let Some(taken) = holds(clause, "纳入").then(|| TAKEN_INTO.captures(clause)).flatten() {
        let list = taken.name("list").map_or("", |m| m.as_str());
        if !bar.may_clear(list) {
            return Vec::new();
        }
        let names = Listed::plain(Names::of_list(list).projects());
        return with_stage(names.cleared(bar), Some(Stage::Planned));
    }
    if let Some((verb, end)) = opening_verb(clause, &OPENERS) {
        let (rest, stage) = (&clause[end..], verb_stage(verb));
        let staged = bar == Bar::Box || (stage.is_some() && bar.may_clear(rest));
        let names = if staged { after_verb(rest).cleared(bar) } else { Vec::new() };
        if !names.is_empty() {
            return with_stage(names, planned_or(rest, stage));
        }
    }
    let intent = clause.starts_with(INTENT_FIRST).then(|| INTENT.find(clause)).flatten();
    let subject = intent.map_or(clause, |m| &clause[m.end()..]);
    before_predicate(subject, bar)
}

/// Names read from a list (pieces of it), and whether the text itself calls them projects
/// (`…等项目`).
struct Listed<'a> {
    names: Vec<&'a str>,
    declared: bool,
}

impl<'a> Listed<'a> {
    /// Names of a list the text calls projects.
    fn declared(names: Vec<&'a str>) -> Self {
        Listed { names, declared: true }
    }

    /// Names of any other list.
    fn plain(names: Vec<&'a str>) -> Self {
        Listed { names, declared: false }
    }

    /// The names, when they clear the `bar`; else none. A paragraph's list must hold no list
    /// of kinds or sectors (`一批…`, `交通、水利、市政设施等项目`, `丁山、东溪等风能`) and must
    /// not open with an action (`引进甲、乙等项目`): every name has four characters or more and
    /// no `等`, and the first no leading verb; the names shed a figure's description
    /// (`投资10亿元的甲数据中心` → `甲数据中心`).
    fn cleared(self, bar: Bar) -> Vec<&'a str> {
        if bar == Bar::Box {
            return self.names;
        }
        let sure = || {
            self.names.iter().any(|name| names::is_sure_name(name))
                && !self.names.iter().any(|name| name.starts_with(is_numeric))
        };
        let plain_names =
            |name: &&str| name.chars().nth(3).is_some() && !holds(name, "等") && !holds(name, "一批");
        let opens_with_action =
            self.names.first().is_some_and(|first| ACTION_LEADS.iter().any(|lead| first.starts_with(lead)));
        // The cheap tests first: the sure name is looked for only in a list that passes them.
        let passes = self.names.iter().all(plain_names) && !opens_with_action && (self.declared || sure());
        if passes { self.names.into_iter().map(names::without_description).collect() } else { Vec::new() }
    }
}

/// Words of action that open a paragraph's list of projects the verbs do not know (`引进甲、乙等
/// 项目`, `超前谋划…`): the list is not read.
const ACTION_LEADS: [&str; 11] =
    ["引进", "签约", "谋划", "争取", "加速", "超前", "共同", "成功", "论证", "招引", "落地"];

/// `stage`, or planned when `words` speak of feasibility, plans or surveys.
fn planned_or(words: &str, stage: Option<Stage>) -> Option<Stage> {
    if PLANNING.is_match(words) { Some(Stage::Planned) } else { stage }
}

/// Pairs each name with `stage`.
fn with_stage(names: Vec<&str>, stage: Option<Stage>) -> Vec<(&str, Option<Stage>)> {
    names.into_iter().map(|name| (name, stage)).collect()
}

/// The names of the list after a verb: closed by the text's own word for projects, by a kind
/// and a count, or else a plain list of names.
fn after_verb(rest: &str) -> Listed<'_> {
    // Each of SOME_AMONG and every KIND_TAIL starts with `等`: a list without one is not
    // searched for them.
    let etc = holds(rest, "等");
    let among = etc.then(|| SOME_AMONG.iter().filter_map(|among| find_word(rest, among)).min());
    if let Some(at) = among.flatten() {
        return Listed::plain(Names::of_list(&rest[..at]).projects());
    }
    if let Some(list) = declared_list(rest) {
        return Listed::declared(Names::declared(list).projects());
    }
    if let Some(tail) = etc.then(|| KIND_TAIL.captures(rest)).flatten() {
        let kind = tail.name("kind").map_or("", |k| k.as_str());
        let list = &rest[..tail.get(0).map_or(0, |m| m.start())];
        let names = Names::of_kind(list, kind).projects();
        return if kind.ends_with("项目") { Listed::declared(names) } else { Listed::plain(names) };
    }
    Listed::plain(Names::of_list(rest).projects())
}

/// A list of names followed by their stage (`…等项目建成投用`, `…电站完成可研…`): the first stage
/// word after which the text before reads as a list of projects.
fn before_predicate(subject: &str, bar: Bar) -> Vec<(&str, Option<Stage>)> {
    if let Some(list) = declared_list(subject).filter(|list| !list.is_empty()) {
        let after = &subject[list.len()..];
        let stage = match stated_stages(after).next() {
            Some(verb) => predicate_stage(&after[verb], after),
            // `甲、乙等项目前期工作有序推进`
            None => planned_or(after, None),
        };
        return with_stage(Listed::declared(Names::declared(list).projects()).cleared(bar), stage);
    }
    for verb in stated_stages(subject).filter(|verb| verb.start > 0) {
        let list = subject[..verb.start].trim_end_matches('等');
        if !bar.may_clear(list) || !names::may_name(list) {
            continue;
        }
        let names = Listed::plain(Names::of_list(list).projects()).cleared(bar);
        if names.is_empty() {
            continue;
        }
        let stage = predicate_stage(&subject[verb.clone()], &subject[verb.start..]);
        let mut found = with_stage(names, stage);
        // `甲完成工可、乙完成初步选址`: one clause, two statements joined by `、`.
        let after = &subject[verb.end..];
        if let Some((at, _)) = after.char_indices().find(|&(_, ch)| ch == '、') {
            found.extend(before_predicate(&after[at + '、'.len_utf8()..], bar));
        }
        return found;
    }
    Vec::new()
}

/// The list before the text's own word for projects (`甲、乙等项目…`), when there is one and it
/// is not a list of things among others (`等一批重点项目`) or of what projects get (`等项目资金`);
/// a count without `等` must be the number of items (`甲、乙2个项目`, not `按期交付8个项目`).
fn declared_list(text: &str) -> Option<&str> {
    // A match, not its captures: the count is what the second alternative matched. The first
    // alternative needs a `等`, the second a `个项目`: a text with neither is not searched.
    let may_declare = holds(text, "项目") && (holds(text, "等") || holds(text, "个项目"));
    let whole = may_declare.then(|| DECLARED.find(text)).flatten()?;
    let after = &text[whole.end()..];
    if holds(whole.as_str(), "一批") || NOT_PROJECTS_AFTER.iter().any(|word| after.starts_with(word)) {
        return None;
    }
    let list = &text[..whole.start()];
    match whole.as_str().strip_suffix("个项目").filter(|_| !whole.as_str().starts_with('等')) {
        Some(count) => (chinese_or_arabic(count) == Some(list.split('、').count())).then_some(list),
        None => Some(list),
    }
}

/// A small count written in digits or Chinese numerals (`12`, `三`, `两`, `十`).
fn chinese_or_arabic(count: &str) -> Option<usize> {
    if let Ok(number) = count.parse() {
        return Some(number);
    }
    let digit = |ch: char| "零一二三四五六七八九".chars().position(|d| d == ch).or((ch == '两').then_some(2));
    let chars: Vec<char> = count.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', one] => Some(10 + digit(*one)?),
        [tens, '十'] => Some(digit(*tens)? * 10),
        [tens, '十', one] => Some(digit(*tens)? * 10 + digit(*one)?),
        [one] => digit(*one),
        _ => None,
    }
}

/// The stage a predicate names: its verb's, `进入…阶段` ongoing, `入场施工` new, or planned
/// when it speaks of feasibility or plans.
fn predicate_stage(verb: &str, words: &str) -> Option<Stage> {
    let stage = if holds(verb, "进入") {
        Some(Stage::Ongoing)
    } else if holds(verb, "入场施工") {
        Some(Stage::New)
    } else if holds(verb, "投用") || holds(verb, "投入") {
        Some(Stage::Completed)
    } else if holds(verb, "通过") || holds(verb, "签约") {
        None
    } else {
        verb_stage(verb.trim_start_matches([
            '全', '面', '顺', '利', '已', '基', '本', '成', '功', '正', '式', '按', '期',
        ]))
    };
    planned_or(words, stage)
}

#[cfg(test)]
mod tests {
    use super::super::vocabulary::VERB_FIRST;
    use super::*;

    fn names(clause: &str) -> Vec<&str> {
        names_in(clause, Bar::Box).into_iter().map(|(name, _)| name).collect()
    }

    fn stages(clause: &str) -> Vec<Option<Stage>> {
        names_in(clause, Bar::Box).into_iter().map(|(_, stage)| stage).collect()
    }

    #[test]
    fn every_verb_starts_with_a_verb_first_character() {
        for word in INTENTS.iter().chain(&SENTENCE_VERBS) {
            assert!(word.starts_with(VERB_FIRST), "{word}");
        }
    }

    #[test]
    fn opening_verbs_of_sentences_as_the_pattern_finds_them() {
        let words = |lists: &[&[&str]]| lists.concat().join("|");
        let pattern = Regex::new(&format!(
            "^(?:{})?(?P<verb>{})",
            words(&[&ADVERBS, &INTENTS]),
            words(&[&SENTENCE_VERBS, &VERBS])
        ))
        .expect("verb pattern");
        let befores = ADVERBS.iter().chain(&INTENTS).chain(&[""]);
        for before in befores {
            for verb in SENTENCE_VERBS.iter().chain(&VERBS).chain(&["", "甲"]) {
                let clause = format!("{before}{verb}乙");
                let found = pattern
                    .captures(&clause)
                    .and_then(|found| Some((found.name("verb")?.as_str(), found.get(0)?.end())));
                assert_eq!(opening_verb(&clause, &OPENERS), found, "{clause}");
            }
        }
    }

    #[test]
    fn every_intent_opens_with_an_intent_first_character() {
        let words =
            ["重点", "加快", "持续", "积极", "联合", "努力", "全力", "推动", "谋划", "力争", "争取", "确保"];
        for word in words {
            assert!(word.starts_with(INTENT_FIRST), "{word}");
            assert!(INTENT.is_match(&format!("{word}推动")), "{word}");
        }
        for first in '\u{4e00}'..='\u{9fff}' {
            if !INTENT_FIRST.contains(&first) {
                assert!(!INTENT.is_match(&format!("{first}推动甲")), "{first}");
            }
        }
    }

    #[test]
    fn the_samples_forms() {
        assert_eq!(names("新建萌动乐园、欣悦园等口袋公园10个"), ["萌动乐园", "欣悦园"]);
        assert_eq!(names("完成登瀛场、孟家院、长生沟等老旧小区改造项目14个"), ["登瀛场", "孟家院", "长生沟"]);
        assert_eq!(names("建成投用区数字化城市运行和治理中心"), ["区数字化城市运行和治理中心"]);
        assert_eq!(
            names("加快推进采煤沉陷区综合治理及绿色产业转型EOD项目建设"),
            ["采煤沉陷区综合治理及绿色产业转型EOD项目"]
        );
        assert_eq!(names("綦江抽水蓄能电站完成可研阶段三大专题报告编制"), ["綦江抽水蓄能电站"]);
        assert_eq!(names("力争梅子桥水库开工建设"), ["梅子桥水库"]);
        assert_eq!(stages("力争梅子桥水库开工建设"), [Some(Stage::New)]);
        assert_eq!(
            names("永桐新城保障性租赁住房工程（一期）主体完工"),
            ["永桐新城保障性租赁住房工程（一期）"]
        );
        assert_eq!(names("完成福林水库主体工程"), ["福林水库"]);
        assert_eq!(names("加快推动下北街防洪及城市更新项目"), ["下北街防洪及城市更新项目"]);
        assert_eq!(names("完成石笋沟矸石山治理和后溪矿井水治理"), ["石笋沟矸石山治理", "后溪矿井水治理"]);
    }

    #[test]
    fn lists_the_text_calls_projects() {
        assert_eq!(
            names("投产松山动力数字化车间扩能、白溪数控机床整机生产线等项目6个"),
            ["松山动力数字化车间扩能", "白溪数控机床整机生产线"]
        );
        assert_eq!(
            names("新签约年产8万吨再生铝、华泰电子元件等项目3个"),
            ["年产8万吨再生铝", "华泰电子元件"]
        );
        assert_eq!(
            names("完成锅炉烟气深度治理、石灰窑余热利用等项目节能减排改造"),
            ["锅炉烟气深度治理", "石灰窑余热利用"]
        );
        assert_eq!(
            names("河西中学学生宿舍楼、城南小学运动场等项目建成投用"),
            ["河西中学学生宿舍楼", "城南小学运动场"]
        );
        assert_eq!(stages("河西中学学生宿舍楼、城南小学运动场等项目建成投用"), [Some(Stage::Completed); 2]);
        assert_eq!(names("东门停车场等4个项目上榜全省案例"), ["东门停车场"]);
        assert_eq!(names("加快推进金湾府、望江台（二期）等房地产项目建设"), ["金湾府", "望江台（二期）"]);
        assert_eq!(
            names("城北高中综合楼、南岸职校改造工程2个项目开工建设"),
            ["城北高中综合楼", "南岸职校改造工程"]
        );
    }

    fn in_paragraph(clause: &str) -> Vec<&str> {
        names_in(clause, Bar::Paragraph).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn a_paragraph_keeps_lists_with_a_project_cue() {
        assert_eq!(
            in_paragraph("加快推进娄山关景区提升、高桥工业园区标准厂房等项目建设"),
            ["娄山关景区提升", "高桥工业园区标准厂房"]
        );
        assert_eq!(in_paragraph("力争黔北数据中心二期开工"), ["黔北数据中心二期"]);
        assert_eq!(sentence_around("甲。乙，丙。丁", "甲。乙，".len()), "乙，丙。");
        assert_eq!(in_paragraph("开工建设藻渡水库、丰石高速等15个重点项目"), ["藻渡水库", "丰石高速"]);
        assert_eq!(in_paragraph("甲乙水库、丙丁工程等3个项目全面完工"), ["甲乙水库", "丙丁工程"]);
        assert_eq!(in_paragraph("建成渝湘高铁、南两高速"), ["渝湘高铁", "南两高速"]);
        // Express roads and a hospital's new campus are works (`快速通道`, `快速路`, `院区`).
        assert_eq!(
            in_paragraph("力争开工建设渝宜高铁、两江新区至涪陵快速通道"),
            ["渝宜高铁", "两江新区至涪陵快速通道"]
        );
        assert_eq!(in_paragraph("眉山至仁寿快速路建成投用"), ["眉山至仁寿快速路"]);
        assert_eq!(in_paragraph("仁寿县人民医院新院区开工建设"), ["仁寿县人民医院新院区"]);
        // So are wharves, airports, metro lines and utility tunnels.
        assert_eq!(in_paragraph("龙头港进境粮食中转码头建成投用"), ["龙头港进境粮食中转码头"]);
        assert_eq!(in_paragraph("加快建设轨道交通18号线、城东综合管廊"), ["轨道交通18号线", "城东综合管廊"]);
        assert_eq!(
            in_paragraph("力争区疾病预防控制中心、白虎岩水库扩建项目建成投用"),
            ["区疾病预防控制中心", "白虎岩水库扩建项目"]
        );
        assert_eq!(
            in_paragraph("加快建设投资10亿元的中国电信云数据中心、奇安信态势感知平台等项目"),
            ["中国电信云数据中心", "奇安信态势感知平台"]
        );
        let stages: Vec<Option<Stage>> = names_in("藻渡水库、安习高速等项目前期工作有序推进", Bar::Paragraph)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(stages, [Some(Stage::Planned); 2]);
    }

    #[test]
    fn a_paragraph_drops_tasks_sectors_and_actions() {
        for clause in [
            "推进老旧小区改造",
            "实施产业基础再造工程",
            "启动花园村、共同片区城中村改造",
            "完成城西体育公园、河滨体育公园建设",
            "建成投用区数字化城市运行和治理中心",
            "积极谋划一批基础设施、产业发展、社会事业等重大项目",
            "推进交通、水利、市政设施等项目持续放量",
            "稳步推进丁山、东溪等风能、储能等项目建设",
            "成功引进新视通、普洛斯等项目76个",
            "开工建设一批带动强的好项目",
            "完工7个节点环境整治工程",
            "加快推进重点项目",
            "同期建成城西体育中心",
        ] {
            assert!(in_paragraph(clause).is_empty(), "{clause}: {:?}", in_paragraph(clause));
        }
    }

    #[test]
    fn a_list_and_then_its_stage() {
        assert_eq!(
            names("长江师范学院（二期）、涪州职教城（一期）投入使用"),
            ["长江师范学院（二期）", "涪州职教城（一期）"]
        );
        assert_eq!(names("大渡口抽水蓄能电站进入大坝填筑阶段"), ["大渡口抽水蓄能电站"]);
        assert_eq!(stages("大渡口抽水蓄能电站进入大坝填筑阶段"), [Some(Stage::Ongoing)]);
        assert_eq!(names("川南铁路进入勘察设计阶段"), ["川南铁路"]);
        assert_eq!(stages("川南铁路进入勘察设计阶段"), [Some(Stage::Planned)]);
        assert_eq!(names("城东物流基地（二期）入场施工"), ["城东物流基地（二期）"]);
        assert_eq!(names("力争南环高速、城西换流站等项目开工建设"), ["南环高速", "城西换流站"]);
        assert_eq!(names("重点推动西城数据中心完成设备安装并投入运营"), ["西城数据中心"]);
        assert_eq!(names("将“长寿梯级航道工程”纳入省级专项规划"), ["长寿梯级航道工程"]);
        assert_eq!(names("南岸航道整治项目成功纳入全省骨干航道网体系"), ["南岸航道整治项目"]);
        assert_eq!(names("白沙高速完成工可、城南换流站完成初步选址"), ["白沙高速", "城南换流站"]);
        assert_eq!(names("国家粮食储备基地（长寿）通过省发改委布局方案审议"), ["国家粮食储备基地（长寿）"]);
        assert_eq!(
            names("论证并实施白沙铁路专用线、北岸多式联运项目等一批园区连接线"),
            ["白沙铁路专用线", "北岸多式联运项目"]
        );
    }

    #[test]
    fn shared_nouns_phases_and_frames() {
        assert_eq!(names("启动花园村、共同片区城中村改造"), ["花园村", "共同片区城中村改造"]);
        assert_eq!(names("升级改造人民广场、江滨广场"), ["人民广场", "江滨广场"]);
        assert_eq!(
            names("加快推进城南中学综合楼、白沙小学科创楼等项目建设"),
            ["城南中学综合楼", "白沙小学科创楼"]
        );
        assert_eq!(names("完成城西体育公园、河滨体育公园建设"), ["城西体育公园", "河滨体育公园"]);
        assert_eq!(names("加快养老服务中心装修运营、儿童福利院工程建设"), ["养老服务中心", "儿童福利院工程"]);
        assert_eq!(
            names("有序推进白马一期抽水蓄能电站竣工验收、石门电厂三期规划论证"),
            ["白马一期抽水蓄能电站", "石门电厂三期"]
        );
        assert_eq!(
            stages("有序推进白马一期抽水蓄能电站竣工验收、石门电厂三期规划论证"),
            [Some(Stage::Planned); 2]
        );
        assert_eq!(names("建成投产40万头生猪养殖项目、稳定生猪产能50万头"), ["40万头生猪养殖项目"]);
        assert_eq!(
            names("联合争取加快推进渝宜高铁、江东至白涛高速等前期工作"),
            ["渝宜高铁", "江东至白涛高速"]
        );
        assert_eq!(names("完成南环高速（城区段）总工程量的60%"), ["南环高速（城区段）"]);
    }

    #[test]
    fn figures_tasks_and_kinds_are_not_projects() {
        for clause in [
            "完成农村通组公路200公里",
            "新建超充站24个",
            "完成中央环保督察反馈问题整改",
            "推进城管执法“大综合一体化”改革",
            "实施“治小事”提升“大文明”行动",
            "深化新时代文明实践中心建设",
            "持续优化营商环境",
            "营商环境持续优化",
            "加快推进重点项目",
            "推动各类项目落地",
            "实施招商引资“一把手”工程",
            "完成1450户农村困难老年人家庭居家适老化改造",
            "实施智能化改造项目15个以上",
            "全力推动76个项目",
            "食品工业园区纳入“全市十大重点加工园区”",
            "区人民医院通过“三甲”复评",
            "成立“南部物流园”“通道互联互通”等4个项目专班",
            "滚动更新、迭代涉綦重大项目",
            "完成困难老年人家庭适老化改造1450户以上",
            "建成投用“交邮融合”线路6条以上",
            "持续推动农村生活污水治理",
            "按期交付8个项目",
            "建成投用农文旅融合、人居环境整治、数字乡村等一批重点项目",
            "全力争取城西产业示范园、城东农业示范园等政策项目资金",
            "建成投用农文旅融合、数字乡村、创业孵化基地",
            "实施城中村改造项目6个和老旧小区改造项目13个",
        ] {
            assert!(names(clause).is_empty(), "{clause}: {:?}", names(clause));
        }
    }
}
