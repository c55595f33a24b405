//! Projects named in the sentences of boxes that mostly tell of other things
//! (`专栏10：2024年城市提质建设情况`), read with precision over recall: a clause (split at
//! `。；，：`) names projects only in one of three forms, and every name must end in a project word
//! ([`PROJECT_ENDS`]: 工程, 项目, 电站, 水库, 公园, 中心, 改造, 治理 …) or be an item of a list whose
//! kind does (`萌动乐园、欣悦园等口袋公园10个`):
//! - a stage verb and a name, or a list whose every item is a name: `建成投用区数字化城市运行和
//!   治理中心`, `加快推进采煤沉陷区综合治理及绿色产业转型EOD项目建设` (the frame `建设` is shed),
//!   `完成江苏省人民医院重庆医院、区托育服务综合指导中心主体工程`;
//! - a stage verb and a list closed by its kind: `完成登瀛场、孟家院、长生沟等老旧小区改造项目14个`,
//!   `新建萌动乐园、欣悦园等口袋公园10个`: the items are the projects, when each is a short name
//!   without figures;
//! - a name and then its stage: `綦江抽水蓄能电站完成可研阶段三大专题报告编制`,
//!   `力争梅子桥水库开工建设`, `永桐新城保障性租赁住房工程（一期）主体完工`.
//!
//! A name holding a quantity (`农村通组公路200公里`, `年处理5万吨铝灰渣`) is a figure, not a
//! project; a phase after the name (`主体工程`, `主体`) is its progress, not part of it.

use super::boxes::Block;
use super::project;
use super::split::trim_item;
use super::vocabulary::{clean_name, leading_verb};
use crate::model::{Project, Stage};
use regex::Regex;
use std::sync::LazyLock;

/// Endings of a project's name.
const PROJECT_ENDS: [&str; 25] = [
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
    "高速",
    "铁路",
    "大桥",
    "隧道",
    "水厂",
    "场馆",
    "综合体",
    "枢纽",
];

/// A name followed by its stage: `…电站完成…`, `…水库开工建设`, `…工程（一期）主体完工`.
static NAME_THEN_STAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:力争|确保|推动|加快|持续推进|推进)?(?P<name>[^、，,（(]{2,30}?(?:[（(][^）)]{1,8}[）)])?)(?:主体工程|主体结构|主体)?(?:全面|顺利|已|基本)?(?P<verb>开工建设|开工|建成投用|建成投产|建成|完工|竣工|投产|投用|完成)",
    )
    .expect("name then stage pattern")
});

/// A list closed by the kind of its items and a count: `…等口袋公园10个`, `…等老旧小区改造项目14个`.
static KIND_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(?P<kind>[^、，,0-9]{2,12}?)(?:\d+|[一二三四五六七八九十]+)(?:个|处|座|所|条)")
        .expect("kind tail pattern")
});

/// A quantity inside a name: a figure, not a project (`200公里`, `5万吨`, `6万平方米`).
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?(?:公里|万吨|吨|平方米|万平方米|亩|万亩|户|人|个|套)")
        .expect("quantity pattern")
});

/// Verbs of new works the list reader does not take as stage verbs (`新建…口袋公园10个`).
static NEW_WORKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:新建|新增|新改建)").expect("new works pattern"));

/// Words of intent before a name that are not part of it (`推动下北街防洪…项目`).
static INTENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:重点|加快|持续|积极)?(?:推动|谋划|力争)").expect("intent pattern"));

/// A phase after a name: its progress, not part of it (`福林水库主体工程`).
static PHASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:主体工程|主体结构|主体)$").expect("phase pattern"));

/// The longest item of a kind-closed list read as a name.
const MAX_ITEM_CHARS: usize = 12;

/// The projects named in the sentences of `block`.
pub fn read_prose(block: &Block) -> Vec<Project> {
    let mut projects = Vec::new();
    for &(line, text) in &block.lines {
        let body = text
            .split_once(['：', ':'])
            .map_or(text, |(label, rest)| if label.chars().count() <= 10 { rest } else { text });
        for clause in
            body.split(['。', '；', ';', '，', ',', '：', ':']).map(trim_item).filter(|c| !c.is_empty())
        {
            for (name, stage) in names_in(clause) {
                projects.push(project(block, name, None, stage, None, line, text));
            }
        }
    }
    projects
}

/// The project names of one clause, each with its stage: intent words and phases shed, and
/// two names joined by `和` split when both read as projects (`及` joins the parts of one).
fn names_in(clause: &str) -> Vec<(String, Option<Stage>)> {
    let mut names = Vec::new();
    for (name, stage) in raw_names(clause) {
        let name = INTENT.find(&name).map_or(name.as_str(), |m| &name[m.end()..]).to_owned();
        let name = shed_phase(name);
        let halves = name.split_once('和');
        match halves {
            Some((a, b)) if is_project_name(a) && is_project_name(b) => {
                names.push((a.to_owned(), stage));
                names.push((b.to_owned(), stage));
            }
            _ => names.push((name, stage)),
        }
    }
    names
}

/// `name` without a phase after it (`福林水库主体工程` → `福林水库`), when what is left is a name.
fn shed_phase(name: String) -> String {
    match PHASE.find(&name) {
        Some(phase) if is_project_name(&name[..phase.start()]) => name[..phase.start()].to_owned(),
        _ => name,
    }
}

/// The names of one clause as the three forms read them.
fn raw_names(clause: &str) -> Vec<(String, Option<Stage>)> {
    let verb = leading_verb(clause).or_else(|| NEW_WORKS.find(clause).map(|m| (Some(Stage::New), m.end())));
    if let Some((stage, at)) = verb {
        let rest = &clause[at..];
        if let Some(tail) = KIND_TAIL.captures(rest) {
            let kind = tail.name("kind").map_or("", |k| k.as_str());
            let list = &rest[..tail.get(0).map_or(0, |m| m.start())];
            let items: Vec<&str> = list.split('、').map(trim_item).collect();
            let short = |item: &&str| {
                !item.is_empty() && item.chars().count() <= MAX_ITEM_CHARS && !item.contains(char::is_numeric)
            };
            if is_project_name(kind) && items.iter().all(short) {
                return items.into_iter().map(|item| (item.to_owned(), stage)).collect();
            }
            return Vec::new();
        }
        let items: Vec<String> = rest.split('、').map(|item| shed_phase(clean_name(item, true))).collect();
        if items.iter().all(|item| is_project_name(item)) {
            return items.into_iter().map(|item| (item, stage)).collect();
        }
        return Vec::new();
    }
    let Some(found) = NAME_THEN_STAGE.captures(clause) else { return Vec::new() };
    let name = found.name("name").map_or("", |m| m.as_str());
    let stage = found.name("verb").and_then(|verb| leading_verb(verb.as_str())).and_then(|(stage, _)| stage);
    let name = clean_name(name, true);
    match is_project_name(&name) {
        true => vec![(name, stage)],
        false => Vec::new(),
    }
}

/// Whether `name` reads as a project: it ends in a project word (a bracketed phase after it
/// allowed: `…工程（一期）`) and holds no quantity, list mark, quotation or `等` (the tail of a
/// list it did not split: `…综合利用等项目节能减排改造`).
fn is_project_name(name: &str) -> bool {
    let bare = match name.find(['（', '(']) {
        Some(at) if name.ends_with(['）', ')']) => &name[..at],
        _ => name,
    };
    bare.chars().count() >= 3
        && PROJECT_ENDS.iter().any(|end| bare.ends_with(end))
        && !QUANTITY.is_match(bare)
        && !bare.contains(['、', '“', '等'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(clause: &str) -> Vec<String> {
        names_in(clause).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn the_three_forms() {
        assert_eq!(names("新建萌动乐园、欣悦园等口袋公园10个"), ["萌动乐园", "欣悦园"]);
        assert_eq!(names("完成登瀛场、孟家院、长生沟等老旧小区改造项目14个"), ["登瀛场", "孟家院", "长生沟"]);
        assert_eq!(names("建成投用区数字化城市运行和治理中心"), ["区数字化城市运行和治理中心"]);
        assert_eq!(
            names("加快推进采煤沉陷区综合治理及绿色产业转型EOD项目建设"),
            ["采煤沉陷区综合治理及绿色产业转型EOD项目"]
        );
        assert_eq!(names("綦江抽水蓄能电站完成可研阶段三大专题报告编制"), ["綦江抽水蓄能电站"]);
        assert_eq!(names("力争梅子桥水库开工建设"), ["梅子桥水库"]);
        assert_eq!(
            names("永桐新城保障性租赁住房工程（一期）主体完工"),
            ["永桐新城保障性租赁住房工程（一期）"]
        );
        assert_eq!(names("完成福林水库主体工程"), ["福林水库"]);
        assert_eq!(
            names("完成江苏省人民医院重庆医院、区托育服务综合指导中心主体工程"),
            ["江苏省人民医院重庆医院", "区托育服务综合指导中心"]
        );
        assert!(names("启动中华村、共同片区城中村改造").is_empty(), "a village is not a project");
        assert!(names("完成铝电解烟气深度治理、水泥一般固体废物综合利用等项目节能减排改造").is_empty());
        assert_eq!(names("加快推动下北街防洪及城市更新项目"), ["下北街防洪及城市更新项目"]);
        assert_eq!(names("完成石笋沟矸石山治理和后溪矿井水治理"), ["石笋沟矸石山治理", "后溪矿井水治理"]);
    }

    #[test]
    fn figures_and_tasks_are_not_projects() {
        assert!(names("完成农村通组公路200公里").is_empty());
        assert!(names("新建超充站24个").is_empty());
        assert!(names("完成中央环保督察反馈问题整改").is_empty());
        assert!(names("推进城管执法“大综合一体化”改革").is_empty());
        assert!(names("实施“治小事”提升“大文明”行动").is_empty());
        assert!(names("深化新时代文明实践中心建设").is_empty());
    }
}
