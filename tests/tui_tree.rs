//! The districts tree for a corpus of many places (issue 12): grouped by province and city when
//! the reports name more than one, sorted by pinyin, each group with its count of districts and
//! its missed rows, closed when long, and filtered by name or pinyin with `/`.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use plangap::corpus::Corpus;
use plangap::model::Report;
use plangap::tui::app::{App, Msg, Overlay};
use plangap::tui::panes::districts::TreeItem;
use plangap::tui::width::AmbiguousWidth;
use tui_common::{app_on, draw, report_in, screen};

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Five districts in three provinces: two cities of 浙江省, one of 四川省, and the municipality
/// 重庆市 (no city level), 綦江区 with two years.
fn three_provinces() -> Vec<Report> {
    vec![
        report_in("浙江省", Some("湖州市"), "吴兴区", 2022),
        report_in("重庆市", None, "綦江区", 2020),
        report_in("四川省", Some("成都市"), "武侯区", 2022),
        report_in("浙江省", Some("杭州市"), "西湖区", 2022),
        report_in("浙江省", Some("湖州市"), "南浔区", 2022),
        report_in("重庆市", None, "綦江区", 2022),
    ]
}

fn app_with(reports: Vec<Report>) -> App {
    app_on(Corpus { reports, ..Default::default() }, 120, 40, AmbiguousWidth::Narrow)
}

/// The tree's lines as drawn: indentation, label, badge.
fn tree_text(app: &App) -> Vec<String> {
    app.tree
        .lines
        .iter()
        .map(|line| {
            let badge = line.badge.as_ref().map_or(String::new(), |(badge, _)| format!(" {badge}"));
            format!("{}{}{badge}", "  ".repeat(line.depth), line.label)
        })
        .collect()
}

#[test]
fn three_provinces_group_by_province_then_city_in_pinyin_order_with_counts_and_badges() {
    let app = app_with(three_provinces());
    // 重庆 chongqing < 四川 sichuan < 浙江 zhejiang; 杭州 hangzhou < 湖州 huzhou; 南浔 < 吴兴.
    assert_eq!(
        tree_text(&app),
        [
            "▾ 重庆市 (1) ✗4",
            "  ▾ 綦江区",
            "    2020年 ✗2/9",
            "    2022年 ✗2/9",
            "▾ 四川省 (1) ✗2",
            "  ▾ 成都市 (1) ✗2",
            "    ▾ 武侯区",
            "      2022年 ✗2/9",
            "▾ 浙江省 (3) ✗6",
            "  ▾ 杭州市 (1) ✗2",
            "    ▾ 西湖区",
            "      2022年 ✗2/9",
            "  ▾ 湖州市 (2) ✗4",
            "    ▾ 南浔区",
            "      2022年 ✗2/9",
            "    ▾ 吴兴区",
            "      2022年 ✗2/9",
        ]
    );
    let shown = screen(&draw(&app));
    assert!(shown.contains("区县 Districts (5)"), "districts, not reports (6): {shown}");
    assert_snapshot!(shown);
}

#[test]
fn districts_whose_titles_name_no_province_or_city_are_grouped_where_they_lie() {
    let named_alone = |district: &str| {
        let mut report = report_in("重庆市", None, district, 2022);
        report.title.province = None;
        report.title.city = None;
        report
    };
    let districts = ["安吉县", "綦江区", "南浔区", "武侯区"];
    let app = app_with(districts.into_iter().map(named_alone).collect());
    assert_eq!(
        tree_text(&app),
        [
            "▾ 重庆市 (1) ✗2",
            "  ▾ 綦江区",
            "    2022年 ✗2/9",
            "▾ 四川省 (1) ✗2",
            "  ▾ 成都市 (1) ✗2",
            "    ▾ 武侯区",
            "      2022年 ✗2/9",
            "▾ 浙江省 (2) ✗4",
            "  ▾ 湖州市 (2) ✗4",
            "    ▾ 安吉县",
            "      2022年 ✗2/9",
            "    ▾ 南浔区",
            "      2022年 ✗2/9",
        ]
    );
}

#[test]
fn one_province_and_one_city_need_no_groups() {
    let app =
        app_with(vec![report_in("重庆市", None, "綦江区", 2020), report_in("重庆市", None, "涪陵区", 2022)]);
    assert!(app.tree.lines.iter().all(|l| !matches!(l.item, TreeItem::Group(_))), "{:?}", tree_text(&app));
    assert_eq!(tree_text(&app)[0], "▾ 涪陵区", "fuling before qijiang");
}

#[test]
fn a_long_tree_opens_closed_except_the_way_to_the_report_shown() {
    let mut reports = Vec::new();
    for (province, city) in [("浙江省", "湖州市"), ("四川省", "成都市"), ("江苏省", "南京市")]
    {
        for n in 0..40 {
            for year in [2021, 2022] {
                reports.push(report_in(province, Some(city), &format!("第{n}区"), year));
            }
        }
    }
    let app = app_with(reports);
    let text = tree_text(&app);
    assert!(text.len() < 50, "{} lines: {text:?}", text.len());
    let closed: Vec<&String> = text.iter().filter(|l| l.starts_with('▸')).collect();
    assert_eq!(closed.len(), 2, "two of three provinces closed: {text:?}");
    assert!(closed.iter().all(|l| l.ends_with("(40) ✗160")), "{closed:?}");
    assert!(app.current_report().is_some(), "a report is shown from the start");
    let cursor = &text[app.tree_scroll.cursor()];
    assert!(cursor.trim_start().starts_with("2021年"), "{cursor}");
}

#[test]
fn slash_filters_the_districts_by_name_or_pinyin_and_esc_clears_it() {
    let mut app = app_with(three_provinces());
    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.overlay, Overlay::TreeFilter(_)));
    type_text(&mut app, "wx");
    assert_eq!(
        tree_text(&app),
        ["▾ 浙江省 (1) ✗2", "  ▾ 湖州市 (1) ✗2", "    ▾ 吴兴区", "      2022年 ✗2/9"],
        "wx: the initials of 吴兴 (wu xing)"
    );
    let shown = screen(&draw(&app));
    assert!(shown.contains("区县 Districts (1/5)") && shown.contains("districts / wx"), "{shown}");
    assert_snapshot!(shown);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.tree.filter(), "wx", "Enter keeps the filter");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.tree.filter(), "", "Esc in the tree clears it");
    assert_eq!(tree_text(&app).len(), 17);

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "浙江");
    let names: Vec<String> = tree_text(&app).into_iter().filter(|l| l.contains('区')).collect();
    assert_eq!(names.len(), 3, "a province's name lets its districts through: {names:?}");
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.overlay.clone(), app.tree.filter()), (Overlay::None, ""), "Esc in the prompt drops it");
}

#[test]
fn reports_added_while_loading_keep_the_report_shown_and_regroup() {
    let mut app = app_with(vec![report_in("重庆市", None, "綦江区", 2020)]);
    press(&mut app, KeyCode::Char('j'));
    let shown = app.current_report().map(|r| r.file.clone());
    app.add_report(report_in("浙江省", Some("湖州市"), "吴兴区", 2022), 7);
    app.add_report(report_in("浙江省", Some("湖州市"), "吴兴区", 2022), 7);
    assert_eq!(app.reports.len(), 2, "a copy of a loaded report is not added");
    assert_eq!(app.current_report().map(|r| r.file.clone()), shown);
    assert_eq!(tree_text(&app)[0], "▾ 重庆市 (1) ✗2", "{:?}", tree_text(&app));
    let cursor = app.tree.lines[app.tree_scroll.cursor()].item;
    assert!(matches!(cursor, TreeItem::Report(0)), "{cursor:?}");
}
