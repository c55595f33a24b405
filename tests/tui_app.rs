//! The workbench's update function driven by keys, mouse and commands, checked on its state and
//! on the effects it asks for (clipboard, export, open).

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use plangap::model::Status;
use plangap::tui::app::{App, Effect, Msg, Overlay, Selection};
use plangap::tui::clipboard::osc52;
use plangap::tui::config::Config;
use plangap::tui::event::perform;
use plangap::tui::layout::Pane;
use plangap::tui::panes::indicators::SortKey;
use plangap::tui::theme::ColorEnv;
use plangap::tui::width::AmbiguousWidth;
use plangap::tui::{Options, settings};
use tui_common::{app_on, draw, fixture_corpus, screen};

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn fixture_app() -> App {
    app_on(fixture_corpus(), 120, 40, AmbiguousWidth::Narrow)
}

/// The app on 涪陵区's report with the table focused.
fn on_fuling() -> App {
    let mut app = fixture_app();
    while app.current_report().and_then(|r| r.title.district.as_deref()) != Some("涪陵区") {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Tab);
    app
}

#[test]
fn starts_on_the_first_report_of_the_tree() {
    let app = fixture_app();
    assert_eq!(app.focus, Pane::Districts);
    // The tree sorts districts by pinyin: 涪陵 fuling before 綦江 qijiang.
    assert_eq!(app.current_report().and_then(|r| r.title.district.as_deref()), Some("涪陵区"));
    assert_eq!(app.grid.len(), 13);
}

#[test]
fn missed_and_binding_filters_combine_and_esc_clears_them() {
    let mut app = on_fuling();
    assert_eq!(app.grid.len(), 13);
    press(&mut app, KeyCode::Char('m'));
    assert!(app.grid.shown().all(|r| r.status == Some(Status::Missed)));
    assert_eq!(app.grid.len(), 7);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.grid.len(), 2, "空气质量优良天数 and 森林覆盖率");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.grid.len(), 13);
    assert_eq!(app.focus, Pane::Indicators);
}

#[test]
fn the_text_filter_applies_as_typed_and_keeps_the_cursor_row() {
    let mut app = on_fuling();
    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.overlay, Overlay::Filter(_)));
    type_text(&mut app, "增速");
    assert!(app.grid.len() < 13 && !app.grid.is_empty());
    assert!(screen(&draw(&app)).contains("filter / 增速"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.filter.text, "增速");
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter.text, "", "Esc in the prompt drops the filter");
}

#[test]
fn sorting_by_shortfall_ranks_missed_rows_as_the_gap_analysis_does() {
    let mut app = on_fuling();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort, SortKey::Gap);
    let table = app.current_table().expect("a table").clone();
    let names: Vec<&str> = app.grid.shown().filter_map(|r| table.rows.get(r.row)).map(|r| &*r.name).collect();
    let missed: Vec<&str> = app.missed.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names[..missed.len()], missed[..], "missed rows first, most severe (relative) first");
    let statuses: Vec<Option<Status>> = app.grid.shown().map(|r| r.status).collect();
    assert!(statuses[missed.len()..].iter().all(|s| *s != Some(Status::Missed)), "{statuses:?}");
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('s'));
    }
    assert_eq!(app.sort, SortKey::Document);
}

#[test]
fn y_copies_the_row_and_shift_y_the_table_as_tsv() {
    let mut app = on_fuling();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('y'));
    let effects = app.take_effects();
    let [Effect::Copy(row)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(row, "类别\t指标\t单位\t目标\t完成\t状态\t差距\n\t农业增加值增速\t%\t5\t3.7\tmissed\t-1.3\n");
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('Y'));
    let effects = app.take_effects();
    let [Effect::Copy(table)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(table.lines().count(), 8, "header and the 7 missed rows shown");
    let mut terminal = Vec::new();
    perform(Effect::Copy(table.clone()), &mut app, &mut terminal);
    assert_eq!(String::from_utf8(terminal).unwrap(), osc52(table));
}

#[test]
fn the_command_line_exports_opens_and_switches_themes() {
    let mut app = fixture_app();
    let dir = std::env::temp_dir().join(format!("plangap-tui-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("export.json");
    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, &format!("export {}", out.display()));
    press(&mut app, KeyCode::Enter);
    for effect in app.take_effects() {
        perform(effect, &mut app, &mut Vec::new());
    }
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(2));
    assert!(app.message.as_ref().is_some_and(|m| !m.error && m.text.contains("exported 2 report(s)")));

    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "theme light");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.settings.theme.name, "light");
    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "theme nosuch");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.settings.theme.name, "light", "a bad theme keeps the current one");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("no such theme")));

    std::fs::write(dir.join("bad.txt"), "no report here\n").unwrap();
    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, &format!("open {}", dir.join("bad.txt").display()));
    press(&mut app, KeyCode::Enter);
    for effect in app.take_effects() {
        perform(effect, &mut app, &mut Vec::new());
    }
    assert_eq!(app.tree.failures.len(), 2, "the failed file joins the list");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("0 report(s), 1 failed")));

    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "frobnicate");
    press(&mut app, KeyCode::Enter);
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("unknown command `frobnicate`")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_file_shows_its_error() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Char('G'));
    assert!(matches!(app.selection, Selection::Failure(0)));
    let text = screen(&draw(&app));
    assert!(text.contains("not a plan report"), "{text}");
    assert!(text.contains("readme.txt could not be read"), "{text}");
}

#[test]
fn tree_nodes_collapse_and_expand() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Char('g'));
    let lines = app.tree.lines.len();
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.tree.lines.len(), lines - 1);
    assert!(screen(&draw(&app)).contains("✗2"), "a collapsed district shows its missed count");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.tree.lines.len(), lines);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.tree_scroll.cursor(), 0, "h on a report goes to its district");
}

#[test]
fn ctrl_c_quits_from_anywhere_even_in_a_prompt() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Char(':'));
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn the_mouse_focuses_selects_and_scrolls() {
    let mut app = fixture_app();
    let click = |app: &mut App, kind, column, row| {
        app.update(Msg::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }));
    };
    // Districts are 24 columns wide at 120; the table starts at x 24, its first row at y 2.
    click(&mut app, MouseEventKind::Down(MouseButton::Left), 40, 4);
    assert_eq!(app.focus, Pane::Indicators);
    assert_eq!(app.row_scroll.cursor(), 2);
    click(&mut app, MouseEventKind::ScrollDown, 40, 4);
    assert_eq!(app.row_scroll.cursor(), 5);
    click(&mut app, MouseEventKind::Down(MouseButton::Left), 3, 4); // tree line 3: 綦江区 2020年
    assert_eq!(app.focus, Pane::Districts);
    assert_eq!(app.current_report().and_then(|r| r.title.district.as_deref()), Some("綦江区"));
}

#[test]
fn resizing_lays_out_again_at_once() {
    let mut app = on_fuling();
    for _ in 0..12 {
        press(&mut app, KeyCode::Char('j'));
    }
    app.update(Msg::Resize(60, 12));
    let text = screen(&draw(&app));
    assert!(text.contains("粮食产量"), "the cursor row stays in view after shrinking:\n{text}");
    app.update(Msg::Resize(20, 5));
    assert!(screen(&draw(&app)).contains("too small"));
}

#[test]
fn configuration_problems_are_reported_and_defaults_used() {
    let text = "theme = \"nosuch\"\n[keys]\nquit = [\"ctrl-q\"]\nfly = [\"f\"]\n";
    let file = plangap::config::ConfigFile::from_text(std::path::Path::new("c.toml"), text);
    let (config, problem) = Config::from_file(&file);
    assert_eq!(problem, None);
    let env = ColorEnv::default();
    let (settings, problems) = settings(&Options::default(), &config, &env, None);
    assert_eq!(settings.theme.name, "dark");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("theme nosuch"));
    assert!(problems[1].contains("fly: no such action"));
    let flags = Options { theme: Some("monochrome".into()), ..Options::default() };
    assert_eq!(plangap::tui::settings(&flags, &config, &env, None).0.theme.name, "monochrome");
}

#[test]
fn a_theme_file_with_a_mistake_names_its_line_and_falls_back() {
    let dir = std::env::temp_dir().join(format!("plangap-tui-theme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.toml");
    std::fs::write(&path, "name = \"mine\"\n[styles]\nmissed = { fg = \"rde\" }\n").unwrap();
    let options = Options { theme: Some(path.display().to_string()), ..Options::default() };
    let (settings, problems) = settings(&options, &Config::default(), &ColorEnv::default(), None);
    assert_eq!(settings.theme.name, "dark");
    assert!(problems[0].contains("line 3, column"), "{problems:?}");
    std::fs::write(&path, "name = \"mine\"\n[styles]\nmissed = { fg = \"#ff0000\" }\n").unwrap();
    let (settings, problems) =
        plangap::tui::settings(&options, &Config::default(), &ColorEnv::default(), None);
    assert_eq!((settings.theme.name.as_str(), problems.len()), ("mine", 0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_gap_pane_ranks_missed_rows_and_moving_through_them_selects_the_row() {
    let mut app = on_fuling();
    press(&mut app, KeyCode::Tab); // the gap pane
    assert_eq!(app.focus, Pane::Gap);
    assert_eq!(app.gap.missed.len(), 7);
    let name_of = |app: &App| app.current_row().map(|r| r.name.to_string()).unwrap_or_default();
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(name_of(&app), "规上工业增加值增速", "largest shortfall relative to the target first");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(name_of(&app), "地区生产总值增速");
    let text = screen(&draw(&app));
    assert!(text.contains("未达标 7, by % short of target"), "{text}");
    assert!(text.contains("✗ 未达标  差距 gap -3.9"), "{text}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Indicators);
    assert_eq!(name_of(&app), "地区生产总值增速");
}

#[test]
fn the_gap_pane_shows_the_document_judgement() {
    let mut app = on_fuling();
    while app.current_row().is_some_and(|r| r.judgement.is_none()) {
        press(&mut app, KeyCode::Char('j'));
    }
    let text = screen(&draw(&app));
    assert!(text.contains("文件所述 the document says (line 218)"), "{text}");
    assert!(text.contains("视为完成"), "{text}");
}

#[test]
fn the_finder_jumps_to_an_indicator_row_and_esc_closes_it() {
    let mut app = fixture_app();
    ctrl(&mut app, 'p');
    assert_eq!(app.overlay, Overlay::Finder);
    type_text(&mut app, "i:senlin");
    let first = app.finder.matches.first().map(|m| app.finder_index.text(m.candidate).to_owned());
    assert_eq!(first.as_deref(), Some("森林覆盖率"), "the pinyin of 森林 with the i: scope");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Pane::Indicators);
    assert_eq!(app.current_row().map(|r| &*r.name), Some("森林覆盖率"));
    assert_eq!(app.current_report().and_then(|r| r.title.district.as_deref()), Some("涪陵区"));

    press(&mut app, KeyCode::Char('/')); // in the table: the row filter, not the finder
    assert!(matches!(app.overlay, Overlay::Filter(_)));
    press(&mut app, KeyCode::Esc);
    app.focus = Pane::Districts;
    press(&mut app, KeyCode::Char('/')); // in the districts: the districts filter
    assert!(matches!(app.overlay, Overlay::TreeFilter(_)));
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'p');
    assert_eq!(app.overlay, Overlay::Finder);
    type_text(&mut app, "qj");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.finder.cursor, 1.min(app.finder.matches.len().saturating_sub(1)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn a_file_that_fails_to_open_keeps_the_shown_report_and_is_reported_and_listed() {
    let mut app = on_fuling();
    let row = app.row_scroll.cursor();
    let failure = plangap::corpus::load_bytes("shots/screen.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .expect_err("not a report");
    app.update(Msg::Loaded(plangap::corpus::Corpus { failures: vec![failure], ..Default::default() }));
    assert_eq!(app.current_report().and_then(|r| r.title.district.as_deref()), Some("涪陵区"));
    assert_eq!(app.row_scroll.cursor(), row);
    assert_eq!(app.tree.failures.len(), 2);
    let message = app.message.clone().expect("a status message");
    assert!(message.error && message.text.contains("1 failed") && message.text.contains("screen.png"));
    let shown = screen(&draw(&app));
    assert!(!shown.contains("No reports are loaded"), "{shown}");
    assert!(!shown.contains("no reports loaded"), "{shown}");
    assert!(shown.contains("screen.png"), "{shown}");
}

#[test]
fn growing_the_terminal_scrolls_the_tree_back_instead_of_leaving_empty_lines() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    press(&mut app, KeyCode::Char('G'));
    app.update(Msg::Resize(40, 10));
    app.update(Msg::Resize(120, 40));
    assert_eq!(app.tree_scroll.offset(), 0, "the whole tree fits in 40 lines");
    assert!(screen(&draw(&app)).contains("綦江区"));
}

#[test]
fn the_help_overlay_scrolls_with_g_and_ctrl_d_and_says_more_lines_follow() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    press(&mut app, KeyCode::Char('?'));
    let top = screen(&draw(&app));
    assert!(top.contains("more below"), "{top}");
    assert!(!top.contains("Keys are set in"));
    press(&mut app, KeyCode::Char('G'));
    let Overlay::Help(bottom) = app.overlay else { panic!("help closed") };
    assert!(bottom > 0);
    let shown = screen(&draw(&app));
    assert!(shown.contains("Keys are set in") && !shown.contains("more below"), "{shown}");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.overlay, Overlay::Help(bottom), "no scrolling past the end");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.overlay, Overlay::Help(0));
    ctrl(&mut app, 'd');
    let Overlay::Help(page) = app.overlay else { panic!("help closed") };
    assert!(page > 1 && page <= bottom);
    ctrl(&mut app, 'u');
    assert_eq!(app.overlay, Overlay::Help(0));
}

#[test]
fn two_reports_of_one_district_and_year_are_told_apart_by_their_files() {
    let mut app = fixture_app();
    let mut again = tui_common::fuling_2022();
    again.file = "downloads/涪陵区2022年计划执行情况报告（第二版）.txt".to_owned();
    app.update(Msg::Loaded(plangap::corpus::Corpus { reports: vec![again], ..Default::default() }));
    let labels: Vec<&str> =
        app.tree.lines.iter().filter(|l| l.depth == 1).map(|l| l.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.starts_with("2022年 ") && l.ends_with('…')), "{labels:?}");
    assert!(labels.contains(&"2020年"), "a year of its own keeps its plain label: {labels:?}");
    let fuling: Vec<&&str> = labels.iter().filter(|l| l.starts_with("2022年")).collect();
    assert_eq!(fuling.len(), 2);
    assert_ne!(fuling[0], fuling[1]);
}

#[test]
fn control_characters_in_a_failed_file_name_are_drawn_as_escapes() {
    let mut app = on_fuling();
    let name = "r_\u{1b}]0;pwned\u{7}\u{202e}gpj.txt";
    let failure = plangap::corpus::load_bytes(name, b"").expect_err("empty");
    app.update(Msg::Loaded(plangap::corpus::Corpus { failures: vec![failure], ..Default::default() }));
    let message = app.message.clone().expect("a status message");
    assert!(message.text.contains("r_\\x1b]0;pwned\\x07\\u{202e}gpj.txt"), "{}", message.text);
    let shown = screen(&draw(&app));
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{shown:?}");
    assert!(shown.contains("r_\\x1b]0;pwned"), "{shown}");
}

#[test]
fn opening_a_loaded_file_again_adds_no_copy_and_says_so() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    let before = app.reports.len();
    let path = std::path::PathBuf::from(plangap::corpus::EMBEDDED[1].0);
    app.update(Msg::Loaded(plangap::corpus::load_paths(&[path])));
    assert_eq!(app.reports.len(), before);
    let message = app.message.clone().expect("a status message");
    assert!(message.text.contains("opened 0 report(s)"), "{}", message.text);
    assert!(message.text.contains("skipped 1 file(s) with the same content"), "{}", message.text);
}

#[test]
fn export_refuses_to_overwrite_without_export_bang_and_never_writes_an_input() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    let dir = std::env::temp_dir().join(format!("plangap-tui-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("export.json");
    std::fs::write(&out, "keep me").unwrap();
    let run = |app: &mut App, line: &str| {
        press(app, KeyCode::Char(':'));
        type_text(app, line);
        press(app, KeyCode::Enter);
        for effect in app.take_effects() {
            perform(effect, app, &mut Vec::new());
        }
        app.message.clone().expect("a status message")
    };
    let message = run(&mut app, &format!("export {}", out.display()));
    assert!(message.error && message.text.contains("exists: use export!"), "{}", message.text);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let message = run(&mut app, &format!("export! {}", out.display()));
    assert!(!message.error && message.text.contains(&out.display().to_string()), "{}", message.text);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
    let input = std::path::absolute(plangap::corpus::EMBEDDED[0].0).unwrap();
    let before = std::fs::read(&input).unwrap();
    let message = run(&mut app, &format!("export! {}", input.display()));
    assert!(message.error && message.text.contains("is a loaded report"), "{}", message.text);
    assert_eq!(std::fs::read(&input).unwrap(), before);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn open_and_export_expand_a_leading_tilde() {
    let home = std::env::var("HOME").unwrap_or_default();
    let expanded = plangap::tui::app::expand_home("~/reports/a.txt");
    if !home.is_empty() {
        assert_eq!(expanded, std::path::Path::new(&home).join("reports/a.txt"));
    }
    assert_eq!(plangap::tui::app::expand_home("a~b"), std::path::PathBuf::from("a~b"));
}

#[test]
fn signals_become_messages_stop_suspends_and_an_ending_signal_is_kept_for_the_exit_status() {
    let mut app = fixture_app();
    app.update(Msg::Stop);
    assert_eq!(app.take_effects(), [Effect::Suspend]);
    app.update(Msg::Continue);
    assert_eq!(app.take_effects(), [Effect::Redraw]);
    assert!(!app.quit);
    app.update(Msg::Signal(15));
    assert!(app.quit);
    assert_eq!(app.exit_signal, Some(15));
}

#[test]
fn a_filter_typed_at_the_bottom_of_a_long_table_shows_its_rows_at_once() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    while app.current_report().and_then(|r| r.title.district.as_deref()) != Some("涪陵区") {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.row_scroll.len(), 38);
    assert!(app.row_scroll.offset() > 0, "G scrolls the long table");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "收入");
    let shown = app.row_scroll.len();
    assert!(shown > 0 && shown < 10, "{shown} rows match");
    assert_eq!(app.row_scroll.offset(), 0, "the view is pulled back to the filtered rows");
    assert!(app.row_scroll.cursor() < shown);
    let text = screen(&draw(&app));
    let table_rows = text.lines().filter(|l| l.contains("收入") && l.contains('│')).count();
    assert!(table_rows >= shown, "the filtered rows are drawn:\n{text}");
}

#[test]
fn the_missed_list_shows_the_relative_shortfall_it_is_sorted_by_with_log_scaled_bars() {
    let app = app_on(plangap::corpus::load_embedded(), 140, 44, AmbiguousWidth::Narrow);
    let lines: Vec<String> = app
        .gap
        .missed
        .iter()
        .map(|item| item.line.spans.iter().map(|s| s.content.as_ref()).collect::<String>())
        .collect();
    assert!(lines.len() > 3, "{lines:?}");
    let shown: Vec<f64> = lines
        .iter()
        .map(|l| l.trim_end().rsplit(' ').next().unwrap().trim_end_matches('%').parse::<f64>().expect(l))
        .collect();
    assert!(
        shown.windows(2).all(|w| w[0].abs() >= w[1].abs()),
        "the numbers shown are the sort order: {shown:?}"
    );
    let bars: Vec<usize> = lines.iter().map(|l| l.matches('█').count()).collect();
    assert!(bars[1] > 1, "a 1752% shortfall does not shrink the next one to a block: {lines:?}");
}

#[path = "big_report/mod.rs"]
mod big_report;

#[test]
fn a_table_of_100k_rows_opens_and_answers_hundreds_of_keys() {
    // Not timed (the machine is shared; `cargo bench --bench tui` measures): a path that does
    // work per key in proportion to the table (or worse) makes this run for hours instead.
    let text = big_report::big_report(100_000);
    let report = plangap::corpus::load_bytes("big.txt", text.as_bytes()).expect("the big report loads");
    assert_eq!(report.tables[0].rows.len(), 100_000);
    let corpus = plangap::corpus::Corpus { reports: vec![report], ..Default::default() };
    let mut app = app_on(corpus, 120, 40, AmbiguousWidth::Narrow);
    draw(&app);
    press(&mut app, KeyCode::Tab);
    let mut keys = Vec::new();
    for _ in 0..60 {
        keys.extend([
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Down,
            KeyCode::PageDown,
            KeyCode::Char('k'),
        ]);
    }
    keys.extend([
        KeyCode::Char('G'),
        KeyCode::Char('k'),
        KeyCode::Tab,
        KeyCode::Char('j'),
        KeyCode::Char('j'),
    ]);
    keys.extend([
        KeyCode::BackTab,
        KeyCode::Char('g'),
        KeyCode::Char('s'),
        KeyCode::Char('m'),
        KeyCode::Char('j'),
    ]);
    for key in &keys {
        press(&mut app, *key);
        draw(&app);
    }
    assert!(keys.len() >= 300);
    assert_eq!(app.grid.len(), 33_333, "missed only: every third row");
    let shown = screen(&draw(&app));
    assert!(shown.contains("33333/100000 rows"), "{shown}");
    assert!(shown.contains("未达标 33333"), "{shown}");
}

#[test]
fn the_districts_title_counts_districts_not_reports() {
    let app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    assert_eq!(app.reports.len(), 5);
    let shown = screen(&draw(&app));
    assert!(shown.contains("区县 Districts (3)"), "{shown}");
}

#[test]
fn ctrl_p_gdp_finds_the_gdp_growth_indicator_through_the_alias_table() {
    let mut app = fixture_app();
    ctrl(&mut app, 'p');
    type_text(&mut app, "gdp");
    let first = app.finder.matches.first().map(|m| app.finder_index.text(m.candidate).to_owned());
    assert!(first.as_deref().is_some_and(|t| t.starts_with("地区生产总值增速")), "{first:?}");
    assert!(screen(&draw(&app)).contains("地区生产总值增速（GDP增速"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_row().map(|r| &*r.name), Some("地区生产总值增速"));
}

#[test]
fn sorting_by_name_orders_chinese_names_by_pinyin() {
    let mut app = on_fuling();
    while app.sort != SortKey::Name {
        press(&mut app, KeyCode::Char('s'));
    }
    let table = app.current_table().expect("a table");
    let names: Vec<&str> = app.grid.shown().map(|r| &*table.rows[r.row].name).collect();
    let keys: Vec<_> = names.iter().map(|n| plangap::finder::collate::sort_key(n)).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    // By code point 地 (U+5730) would come before 城 (U+57CE) and 农 (U+519C) first of all.
    let position = |name: &str| names.iter().position(|n| *n == name).expect(name);
    assert!(position("城镇调查失业率") < position("地区生产总值增速"), "{names:?}");
    assert!(position("地区生产总值增速") < position("农业增加值增速"), "{names:?}");
    assert!(screen(&draw(&app)).contains("sort: name"));
}

fn alt(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)));
}

#[test]
fn esc_then_q_arriving_as_alt_q_closes_the_prompt_and_quits() {
    let mut app = on_fuling();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "收入");
    alt(&mut app, 'q');
    assert_eq!(app.overlay, Overlay::None, "the Esc closed the filter prompt");
    assert!(app.quit, "and the q quit");

    let mut app = on_fuling();
    press(&mut app, KeyCode::Char(':'));
    alt(&mut app, 'j');
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.quit);
    assert_eq!(app.row_scroll.cursor(), 1, "the j after the Esc moved down a row");
}

#[test]
fn open_expands_a_leading_tilde_and_export_without_a_path_names_the_file_it_writes() {
    let mut app = fixture_app();
    type_text(&mut app, ":open ~/reports/a.txt");
    press(&mut app, KeyCode::Enter);
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    let expected =
        home.map_or_else(|| "~/reports/a.txt".into(), |h| std::path::Path::new(&h).join("reports/a.txt"));
    assert_eq!(app.take_effects(), [Effect::Open(expected)]);

    type_text(&mut app, ":export");
    press(&mut app, KeyCode::Enter);
    let effects = app.take_effects();
    let [Effect::Export(path, _)] = effects.as_slice() else { panic!("{effects:?}") };
    assert!(path.is_absolute() && path.ends_with("plangap-export.json"), "{path:?}");
    assert!(
        app.message.as_ref().is_some_and(|m| m.text.contains(&path.display().to_string())),
        "{:?}",
        app.message
    );
    assert!(screen(&draw(&app)).contains("plangap-export.json"));
}
