//! The finder on real names from the corpus's 专栏 boxes (`tests/data/project_names.txt`) and
//! the districts of the reports.

use plangap::finder::align::{Name, Scratch, Spelling};
use plangap::finder::{Candidates, Entry, FinderIndex, Query, Scope, Searcher};
use plangap::model::Stage;
use proptest::prelude::*;

mod common;
use common::corpus;

const PROJECT_NAMES: &str = include_str!("data/project_names.txt");
const DISTRICTS: [&str; 5] = ["綦江区", "涪陵区", "荣昌区", "重庆市", "长寿区"];

fn real_names() -> Vec<&'static str> {
    PROJECT_NAMES.lines().chain(DISTRICTS).collect()
}

/// The names matching `query`, best first.
fn find(names: &[&str], query: &str) -> Vec<String> {
    let candidates = Candidates::new(names);
    candidates
        .search(&Query::parse(query), None)
        .iter()
        .map(|m| candidates.text(m.candidate).to_owned())
        .collect()
}

fn top(query: &str) -> String {
    find(&real_names(), query).into_iter().next().unwrap_or_default()
}

/// The characters of `name` that `query` highlights.
fn highlighted(name: &str, query: &str) -> String {
    let candidates = Candidates::new([name]);
    let positions = candidates.positions(&Query::parse(query), 0);
    name.chars().enumerate().filter(|(i, _)| positions.contains(i)).map(|(_, c)| c).collect()
}

#[test]
fn full_pinyin_initials_and_mixed_queries_find_real_names() {
    for query in ["藻渡水库", "zaodushuiku", "zdsk", "藻渡sk", "zaodusk", "zaoshuiku", "ZDSK"] {
        assert_eq!(top(query), "藻渡水库", "{query}");
    }
    assert_eq!(top("qjq"), "綦江区");
    assert_eq!(top("qijiangqu"), "綦江区");
    assert_eq!(top("csq"), "长寿区");
    assert_eq!(top("changshou"), "长寿区");
    assert_eq!(top("flq"), "涪陵区");
    assert_eq!(top("rongchang"), "荣昌区");
}

#[test]
fn place_names_read_right() {
    assert_eq!(top("cq"), "重庆市");
    assert_eq!(top("chongqing"), "重庆市");
    assert!(find(&real_names(), "cq").contains(&"重庆野山珍食品生产基地中心".to_owned()));
    // A polyphonic character's other readings are accepted too, ranked below the reading in context.
    assert!(find(&real_names(), "zhongqing").contains(&"重庆市".to_owned()));
}

#[test]
fn initials_must_be_contiguous() {
    let names = ["藻渡水库", "綦江新区", "綦江区充电基础设施建设"];
    assert_eq!(find(&names, "zsk"), Vec::<String>::new());
    assert_eq!(find(&names, "qjq"), vec!["綦江区充电基础设施建设"]);
    // Punctuation between the characters does not break a run of initials.
    assert_eq!(find(&["中心城区至綦江（万盛）市域铁路C5线（綦江段）"], "qjwssy").len(), 1);
}

#[test]
fn latin_is_case_insensitive_and_forms_are_width_folded() {
    assert_eq!(top("led"), "LED显示屏核心生产基地项目");
    assert_eq!(top("ppp"), "綦河流域水环境综合治理（一期）PPP项目");
    assert!(find(&real_names(), "(一期二").contains(&"移通学院（一期二阶段）".to_owned()));
    assert!(find(&["Ⅲ类水体"], "iii").len() == 1);
}

#[test]
fn all_terms_must_match() {
    let found = find(&real_names(), "食品 园区 sk");
    assert!(found.is_empty(), "{found:?}");
    let found = find(&real_names(), "蟠龙 二期");
    assert_eq!(found, vec!["蟠龙抽水蓄能电站（二期）"]);
    let found = find(&real_names(), "wqjg 2023");
    assert_eq!(found, vec!["2023年危桥加固改造工程"]);
}

#[test]
fn positions_are_characters_of_the_name_as_written() {
    assert_eq!(highlighted("藻渡水库", "zdsk"), "藻渡水库");
    assert_eq!(highlighted("藻渡水库", "zaoshuiku"), "藻水库");
    assert_eq!(highlighted("綦江区充电基础设施建设", "qjq"), "綦江区");
    assert_eq!(highlighted("重庆野山珍食品生产基地中心", "cq"), "重庆");
    assert_eq!(highlighted("移通学院（一期二阶段）", "(一期"), "（一期");
    assert_eq!(highlighted("中心城区至綦江（万盛）市域铁路C5线（綦江段）", "c5"), "C5");
    assert_eq!(highlighted("LED显示屏核心生产基地项目", "ledxsp"), "LED显示屏");
    assert_eq!(highlighted("蟠龙抽水蓄能电站（二期）", "蟠龙 二期"), "蟠龙二期");
    let candidates = Candidates::new(["中心城区至綦江（万盛）市域铁路C5线（綦江段）"]);
    assert_eq!(candidates.positions(&Query::parse("c5"), 0), vec![15, 16]);
}

#[test]
fn ranking_puts_prefix_and_word_starts_first_then_shorter_then_earlier() {
    let names = [
        "幸福连城重庆綦江科技产业园",
        "中国电信綦江—云数据中心",
        "綦江区充电基础设施建设",
        "正大（綦江）100万头生猪产业链项目",
        "綦江摩托车产业园项目",
        "綦河流域水环境综合治理（一期）PPP项目",
    ];
    let expected = [
        "綦江摩托车产业园项目",
        "綦江区充电基础设施建设",
        "正大（綦江）100万头生猪产业链项目",
        "中国电信綦江—云数据中心",
        "幸福连城重庆綦江科技产业园",
    ];
    assert_eq!(find(&names, "綦江"), expected);
    assert_eq!(find(&names, "qijiang"), expected);
    assert_eq!(find(&names, "qj")[..3], expected[..3]);
}

#[test]
fn contiguous_matches_rank_above_scattered_ones() {
    let names = ["藻类渡口", "新建藻渡水库", "藻渡水库工程", "藻渡水库"];
    assert_eq!(find(&names, "藻渡"), vec!["藻渡水库", "藻渡水库工程", "新建藻渡水库", "藻类渡口"]);
    let names = ["福林水库", "天星桥水库边坡治理", "黄沙水库", "2023年病险水库除险加固工程", "梅子桥水库"];
    let expected = ["福林水库", "黄沙水库", "梅子桥水库", "天星桥水库边坡治理", "2023年病险水库除险加固工程"];
    assert_eq!(find(&names, "水库"), expected);
    assert_eq!(find(&names, "shuiku"), expected);
    assert_eq!(find(&names, "sk"), expected);
}

#[test]
fn odd_queries_do_not_panic() {
    let names = real_names();
    let candidates = Candidates::new(&names);
    let long_latin = "zdsk".repeat(2_500);
    let long_cjk = "藻渡水库".repeat(2_500);
    for query in [
        "",
        "   ",
        "\t\u{3000}",
        "😀",
        "藻😀",
        "e\u{301}",
        "\u{301}\u{302}",
        "ｚｄｓｋ",
        &long_latin,
        &long_cjk,
    ] {
        let parsed = Query::parse(query);
        let matches = candidates.search(&parsed, None);
        if query.trim().is_empty() {
            assert_eq!(matches.len(), names.len(), "{query:?} matches everything, in order");
            assert!(matches.iter().enumerate().all(|(i, m)| m.candidate == i));
        } else {
            assert!(matches.len() <= 1, "{query:?}");
        }
        for m in matches.iter().take(5) {
            let _ = candidates.positions(&parsed, m.candidate);
        }
    }
    assert_eq!(find(&["藻渡水库😀（一期）"], "😀(").len(), 1);
}

#[test]
fn incremental_search_equals_fresh_search_at_every_keystroke() {
    let names: Vec<String> = DISTRICTS
        .iter()
        .flat_map(|d| PROJECT_NAMES.lines().map(move |n| format!("{d}{n}")))
        .chain(PROJECT_NAMES.lines().map(str::to_owned))
        .collect();
    let candidates = Candidates::new(&names);
    for typed in ["zaodushuiku", "zdsk", "藻渡sk", "qjq 2023", "cq sk", "(一期", "led"] {
        let mut searcher = Searcher::new();
        let chars: Vec<char> = typed.chars().collect();
        for end in 1..=chars.len() {
            let text: String = chars[..end].iter().collect();
            let incremental = searcher.search(&candidates, Query::parse(&text)).to_vec();
            assert_eq!(incremental, candidates.search(&Query::parse(&text), None), "{text}");
        }
        // Deleting a character starts afresh and still agrees.
        let shorter: String = chars[..chars.len() / 2].iter().collect();
        let again = searcher.search(&candidates, Query::parse(&shorter)).to_vec();
        assert_eq!(again, candidates.search(&Query::parse(&shorter), None));
    }
}

#[test]
fn the_index_covers_projects_indicators_and_places() {
    let reports = corpus();
    let index = FinderIndex::new(&reports);
    let texts: Vec<&str> = (0..index.entries().len()).map(|i| index.text(i)).collect();
    assert_eq!(
        texts,
        vec![
            "藻渡水库",
            "城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）",
            "地区生产总值增速",
            "白虎岩水库扩建项目",
            "地区生产总值增速",
            "綦江区",
            "重庆市",
            "荣昌区",
        ]
    );
    assert_eq!(index.entry(6), Some(&Entry::Place { name: "重庆市".to_owned(), reports: vec![0, 1] }));
    let matches = index.search(&Query::parse_scoped("zdsk"));
    let (report, found) = index.project(&reports, matches[0].candidate).unwrap();
    assert_eq!((report.file.as_str(), found.line, found.stage), ("000.txt", 268, Some(Stage::New)));
}

#[test]
fn names_with_enumerations_in_brackets_stay_whole() {
    let reports = corpus();
    let index = FinderIndex::new(&reports);
    let query = Query::parse_scoped("文龙 通惠");
    let matches = index.search(&query);
    assert_eq!(matches.len(), 1);
    let name = index.text(matches[0].candidate);
    assert_eq!(name, "城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）");
    let lit: String = name
        .chars()
        .enumerate()
        .filter(|(i, _)| index.positions(&query, matches[0].candidate).contains(i))
        .map(|(_, c)| c)
        .collect();
    assert_eq!(lit, "文龙通惠");
}

#[test]
fn scopes_select_projects_indicators_or_places() {
    let reports = corpus();
    let index = FinderIndex::new(&reports);
    let scopes = |text: &str| -> Vec<Scope> {
        index
            .search(&Query::parse_scoped(text))
            .iter()
            .filter_map(|m| index.entry(m.candidate))
            .map(Entry::scope)
            .collect()
    };
    assert_eq!(scopes("d:qj"), vec![Scope::Places]);
    assert_eq!(scopes("p:sk"), vec![Scope::Projects, Scope::Projects]);
    assert_eq!(scopes("i:gdp zz"), Vec::<Scope>::new());
    assert_eq!(scopes("i:dqsczz"), vec![Scope::Indicators, Scope::Indicators]);
    assert!(scopes("q").contains(&Scope::Places));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The quick test and the scoring agree on whether a term aligns.
    #[test]
    fn quick_check_and_scoring_agree(term in "[a-z藻渡水库江区綦(]{1,7}", index in 0usize..221) {
        let name = PROJECT_NAMES.lines().nth(index).unwrap_or("藻渡水库");
        let folded = plangap::finder::fold::fold_string(name);
        if let Some(spelling) = Spelling::new(&term) {
            let aligned = Name { folded: &folded, places: &[] };
            prop_assert_eq!(spelling.aligns(aligned), spelling.best(aligned, &mut Scratch::default(), false).is_some());
        }
    }

    /// A name that matches a query also matches the query with its last character removed (what
    /// the incremental search relies on).
    #[test]
    fn matches_survive_removing_the_last_character(term in "[a-z藻渡水库江区綦( ]{2,8}", index in 0usize..221) {
        let name = PROJECT_NAMES.lines().nth(index).unwrap_or("藻渡水库");
        let candidates = Candidates::new([name]);
        let chars: Vec<char> = term.chars().collect();
        let shorter: String = chars[..chars.len() - 1].iter().collect();
        if !candidates.search(&Query::parse(&term), None).is_empty() {
            prop_assert!(!candidates.search(&Query::parse(&shorter), None).is_empty());
        }
    }
}
