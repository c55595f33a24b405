//! Snapshots of whole screens on the embedded corpus, drawn on ratatui's TestBackend: the start
//! screen, each pane focused, the missed-only filter, the help overlay, a narrow terminal, the
//! too-small message, wide ambiguous-width mode, each theme's colours, and the document's note on
//! a missed indicator.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::{assert_debug_snapshot, assert_snapshot};
use plangap::corpus::load_embedded;
use plangap::tui::app::{App, Msg};
use plangap::tui::theme;
use plangap::tui::width::AmbiguousWidth;
use tui_common::{app_on, draw, screen};

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn corpus_app(width: u16, height: u16) -> App {
    app_on(load_embedded(), width, height, AmbiguousWidth::Narrow)
}

/// Moves the tree cursor down to the report of `district`.
fn go_to(app: &mut App, district: &str) {
    for _ in 0..app.tree.lines.len() {
        if app.current_report().and_then(|r| r.title.district.as_deref()) == Some(district) {
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no report of {district} in the tree");
}

#[test]
fn start_screen() {
    assert_snapshot!(screen(&draw(&corpus_app(120, 40))));
}

#[test]
fn districts_pane_focused_on_fuling() {
    let mut app = corpus_app(120, 40);
    go_to(&mut app, "涪陵区");
    assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn indicators_pane_focused() {
    let mut app = corpus_app(120, 40);
    go_to(&mut app, "涪陵区");
    press(&mut app, KeyCode::Tab);
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn gap_pane_focused() {
    let mut app = corpus_app(120, 40);
    go_to(&mut app, "涪陵区");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&draw(&app)));
}

/// The gap pane's detail lines as text.
fn detail_text(app: &App) -> Vec<String> {
    app.gap.detail.iter().map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
}

#[test]
fn gap_pane_shows_the_documents_note_on_the_selected_indicator() {
    let mut app = corpus_app(120, 50);
    go_to(&mut app, "涪陵区");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.current_row().map(|r| &*r.name), Some("地区生产总值增速"));
    press(&mut app, KeyCode::Tab);
    let screen = screen(&draw(&app));
    assert!(screen.contains("文件说明 the document's note (未完成指标说明, line 218):"), "{screen}");
    assert!(screen.contains("一是地区生产总值及其支撑指标。"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_note_already_shown_as_the_rows_judgement_is_not_repeated() {
    let mut app = corpus_app(120, 40);
    go_to(&mut app, "涪陵区");
    press(&mut app, KeyCode::Tab);
    while app.current_row().is_some_and(|r| !r.name.starts_with("税收收入")) {
        press(&mut app, KeyCode::Char('j'));
    }
    let detail = detail_text(&app);
    assert!(detail.iter().any(|l| l.starts_with("文件所述 the document says (line 217)")), "{detail:?}");
    assert!(!detail.iter().any(|l| l.starts_with("文件说明")), "{detail:?}");
    // A met row that no note names shows no note.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_row().map(|r| &*r.name), Some("常住人口城镇化率"));
    assert!(!detail_text(&app).iter().any(|l| l.starts_with("文件说明") || l.contains("names no reason")));
}

#[test]
fn missed_only_filter() {
    let mut app = corpus_app(120, 40);
    go_to(&mut app, "涪陵区");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('m'));
    assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn help_overlay() {
    let mut app = corpus_app(120, 40);
    press(&mut app, KeyCode::Char('?'));
    assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn narrow_terminal_60x20() {
    let mut app = corpus_app(60, 20);
    go_to(&mut app, "荣昌区");
    press(&mut app, KeyCode::Tab);
    assert_snapshot!(screen(&draw(&app)));
}

/// Opens the finder and types `query`; checks that on the first match line the characters of
/// 藻渡水库 are marked as matched (the match style's modifiers, on the selection's colours) and
/// the district after it is not.
fn finder_with(query: &str) -> ratatui::buffer::Buffer {
    let mut app = corpus_app(100, 30);
    app.update(Msg::Key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)));
    for c in query.chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buffer = draw(&app);
    let marks = app.settings.theme.styles.matched.add_modifier;
    assert!(!marks.is_empty(), "the theme marks matches with a modifier");
    let lines = tui_common::screen_lines(&buffer);
    let row =
        lines.iter().position(|l| l.contains("项目 藻渡水库")).expect("a match line for 藻渡水库") as u16;
    let column = |c: &str| (0..buffer.area.width).find(|&x| buffer[(x, row)].symbol() == c).expect(c);
    let start = column("藻");
    for (i, expected) in "藻渡水库".chars().enumerate() {
        let cell = &buffer[(start + 2 * i as u16, row)];
        assert_eq!(cell.symbol(), expected.to_string());
        assert!(cell.modifier.contains(marks), "{expected} is not marked as matched for {query:?}");
    }
    assert!(!buffer[(column("綦"), row)].modifier.contains(marks), "綦 is marked but did not match");
    buffer
}

#[test]
fn finder_with_a_cjk_query() {
    assert_snapshot!(screen(&finder_with("藻渡水库")));
}

#[test]
fn finder_with_a_pinyin_query() {
    assert_snapshot!(screen(&finder_with("zdsk")));
}

#[test]
fn too_small_message() {
    assert_snapshot!(screen(&draw(&corpus_app(36, 8))));
}

#[test]
fn wide_ambiguous_width() {
    let mut app = app_on(load_embedded(), 100, 30, AmbiguousWidth::Wide);
    go_to(&mut app, "綦江区");
    press(&mut app, KeyCode::Tab);
    assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn each_theme_colours() {
    for name in theme::builtin_names() {
        let mut app = corpus_app(64, 14);
        app.set_theme(name);
        go_to(&mut app, "荣昌区");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.settings.theme.name, name);
        assert_debug_snapshot!(format!("theme_{name}"), draw(&app));
    }
}

/// A report with no review table that judges its results in sentences: the tree's badge counts
/// them marked `†`, and the gap pane lists the missed ones marked, with the sentence when selected.
#[test]
fn sentence_judgements_in_a_report_without_a_review_table() {
    let text = "关于重庆市铜梁区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告\n\
                一、2023年国民经济和社会发展计划执行情况\n\
                对照年初确定的3项指标，1项指标达到预期，2项指标未达预期。\n\
                全年地区生产总值增长5.8%，高于全市0.7个百分点（预期目标为7%以上）。\n\
                进出口总额增长3.2%，未达预期。城镇新增就业1.2万人，完成全年目标。\n\
                二、2024年国民经济和社会发展主要目标\n";
    let report = plangap::corpus::load_bytes("tongliang.txt", text.as_bytes()).expect("a report");
    let corpus = plangap::corpus::Corpus { reports: vec![report], ..Default::default() };
    let mut app = app_on(corpus, 120, 30, AmbiguousWidth::Narrow);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    let shown = screen(&draw(&app));
    assert!(shown.contains("✗2/3†"), "{shown}");
    assert_snapshot!(shown);
}
