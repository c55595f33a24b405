//! Drawing checks at several terminal sizes: every row exactly the frame width, table column
//! separators at the same x on every row even with CJK and ambiguous-width text, and no panic on
//! tiny terminals.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plangap::text::display_width;
use plangap::tui::app::Msg;
use plangap::tui::layout::{self, Pane, Screen};
use plangap::tui::width::{AmbiguousWidth, is_ambiguous};
use tui_common::{app_on, draw, fixture_corpus, screen_lines};

fn press(app: &mut plangap::tui::app::App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn every_row_is_exactly_the_frame_width() {
    for width in [40, 80, 120] {
        for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let mut app = app_on(fixture_corpus(), width, 30, ambiguous);
            for pane_key in [KeyCode::Char('j'), KeyCode::Tab, KeyCode::Tab] {
                press(&mut app, pane_key);
                let lines = screen_lines(&draw(&app));
                assert_eq!(lines.len(), 30);
                for line in &lines {
                    assert_eq!(
                        display_width(line),
                        usize::from(width),
                        "{width} cols, {ambiguous:?}: {line:?}"
                    );
                }
            }
        }
    }
}

/// The x of every column separator inside the indicator pane, per screen row.
fn separator_columns(app: &plangap::tui::app::App) -> Vec<Vec<u16>> {
    let buffer = draw(app);
    let Screen::Panes(regions) = layout::compute(buffer.area, app.focus) else { panic!("too small") };
    let pane = regions.pane(Pane::Indicators).expect("indicator pane shown");
    let separator = app.settings.glyphs.column_separator;
    let header = pane.y + app.table_header_rows(); // below the border and the table switcher
    let rows_drawn = 1 + app.grid.len().min(usize::from(pane.bottom() - 2 - header));
    (header..header + rows_drawn as u16)
        .map(|y| (pane.x + 1..pane.right() - 1).filter(|&x| buffer[(x, y)].symbol() == separator).collect())
        .collect()
}

#[test]
fn column_separators_line_up_on_every_row() {
    let corpora = [fixture_corpus, plangap::corpus::load_embedded];
    for (width, ambiguous, corpus) in sizes_and_corpora(&corpora) {
        let mut app = app_on(corpus(), width, 30, ambiguous);
        // Every report: one table or several (with the table switcher), categories or none.
        for _ in 0..app.tree.lines.len() {
            press(&mut app, KeyCode::Tab); // focus the table: narrow terminals show it alone
            for scroll in 0..4 {
                if app.grid.is_empty() {
                    break; // a district line, or a report without tables
                }
                let rows = separator_columns(&app);
                assert!(rows.len() > 3, "{width}: only {} rows", rows.len());
                assert!(!rows[0].is_empty(), "{width} cols: no separators");
                for row in &rows {
                    assert_eq!(row, &rows[0], "{width} cols, {ambiguous:?}, scrolled {scroll}");
                }
                press(&mut app, KeyCode::Char('l'));
            }
            press(&mut app, KeyCode::BackTab);
            press(&mut app, KeyCode::Char('j'));
        }
    }
}

/// Every width of 40, 80 and 120 with each ambiguous-width mode and each corpus.
fn sizes_and_corpora<F: Copy>(corpora: &[F]) -> Vec<(u16, AmbiguousWidth, F)> {
    let mut all = Vec::new();
    for width in [40, 80, 120] {
        for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            all.extend(corpora.iter().map(|&corpus| (width, ambiguous, corpus)));
        }
    }
    all
}

#[test]
fn the_name_column_stays_when_scrolling_sideways() {
    let mut app = app_on(fixture_corpus(), 60, 20, AmbiguousWidth::Narrow);
    press(&mut app, KeyCode::Tab);
    let name_at_left = |app: &plangap::tui::app::App| {
        let lines = screen_lines(&draw(app));
        lines.iter().any(|l| l.contains("* 地区生产总值增速") || l.contains("  地区生产总值增速"))
    };
    let before = screen_lines(&draw(&app));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('l'));
        assert!(name_at_left(&app));
    }
    assert_ne!(before, screen_lines(&draw(&app)), "scrolling changed nothing");
    assert!(app.column_offset > 0);
}

#[test]
fn wide_mode_draws_no_ambiguous_character() {
    let mut app = app_on(plangap::corpus::load_embedded(), 100, 30, AmbiguousWidth::Wide);
    let keys = [KeyCode::Char('j'), KeyCode::Tab, KeyCode::Tab, KeyCode::Char('?'), KeyCode::Esc];
    let finder = [KeyCode::Char('p')].into_iter().chain("zdsk".chars().map(KeyCode::Char));
    for (i, key) in keys.into_iter().chain(finder).enumerate() {
        let modifiers = if i == keys.len() { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
        app.update(Msg::Key(KeyEvent::new(key, modifiers)));
        for line in screen_lines(&draw(&app)) {
            assert!(!line.chars().any(is_ambiguous), "after {key:?}: {line}");
        }
    }
    assert!(screen_lines(&draw(&app)).iter().any(|l| l.contains("藻渡水库")), "the finder is open");
}

#[test]
fn tiny_terminals_never_panic() {
    for (width, height) in [(1, 1), (10, 3), (39, 9), (40, 10), (0, 0), (200, 1), (1, 80)] {
        let mut app = app_on(fixture_corpus(), width, height, AmbiguousWidth::Narrow);
        for key in [KeyCode::Tab, KeyCode::Char('j'), KeyCode::Char('?'), KeyCode::Char('l')] {
            press(&mut app, key);
            draw(&app);
        }
    }
}

#[test]
fn overlays_keep_their_border_beside_wide_characters() {
    // A wide character just left of a popup covers the popup's first column on screen, unless
    // the popup clears it: every row of the help overlay must show its left border.
    for width in (40..=140).step_by(3) {
        let mut app = app_on(plangap::corpus::load_embedded(), width, 40, AmbiguousWidth::Narrow);
        press(&mut app, KeyCode::Char('?'));
        let buffer = draw(&app);
        let lines = screen_lines(&buffer);
        let top = lines.iter().position(|l| l.contains("╭ Help")).expect("help overlay");
        let left = (0..buffer.area.width).find(|&x| {
            buffer[(x, top as u16)].symbol() == "╭" && buffer[(x + 2, top as u16)].symbol() == "H"
        });
        let left = left.expect("the overlay's corner");
        for y in top as u16 + 1..buffer.area.height - 1 {
            match buffer[(left, y)].symbol() {
                "│" => {}
                "╰" => break,
                other => {
                    panic!("{width} cols, row {y}: left border is {other:?}:\n{}", lines[usize::from(y)])
                }
            }
        }
    }
}

#[test]
fn a_plan_table_draws_no_separator_after_its_last_column() {
    for width in [80, 120] {
        let mut app = app_on(plangap::corpus::load_embedded(), width, 30, AmbiguousWidth::Narrow);
        press(&mut app, KeyCode::Tab);
        for _ in 0..10 {
            if app.current_table().is_some_and(|t| t.kind == plangap::model::TableKind::Plan) {
                break;
            }
            press(&mut app, KeyCode::Char(']'));
        }
        assert!(app.current_table().is_some_and(|t| t.kind == plangap::model::TableKind::Plan));
        let lines = screen_lines(&draw(&app));
        let header = lines.iter().find(|l| l.contains("指标") && l.contains("目标")).expect("the header");
        for head in ["完成", "状态", "差距"] {
            assert!(!header.contains(head), "a plan table has no {head} column: {header}");
        }
        let inside = header.trim_end().strip_suffix('│').unwrap_or(header).trim_end();
        assert!(inside.ends_with("目标"), "at {width} columns: {header}");
    }
}

#[test]
fn gap_pane_lines_cut_at_the_border_end_with_an_ellipsis() {
    let mut app = app_on(plangap::corpus::load_embedded(), 120, 40, AmbiguousWidth::Narrow);
    while app.current_report().and_then(|r| r.title.district.as_deref()) != Some("綦江区") {
        press(&mut app, KeyCode::Char('j'));
    }
    let lines = screen_lines(&draw(&app));
    let history =
        lines.iter().find(|l| l.contains("2024年  █") && l.contains("目标 7")).expect("綦江区 2024");
    assert!(history.ends_with("(+2.5…│"), "{history}");
}

#[test]
fn help_lines_cut_by_a_narrow_terminal_end_with_an_ellipsis() {
    let mut app = app_on(fixture_corpus(), 50, 20, AmbiguousWidth::Narrow);
    press(&mut app, KeyCode::Char('?'));
    let lines = screen_lines(&draw(&app));
    let collapse = lines.iter().find(|l| l.contains("collapse")).expect("the h key's line");
    assert!(collapse.trim_end().ends_with("…│"), "{collapse}");
}
