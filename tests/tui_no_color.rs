//! With crossterm, a colour written while colours are disabled (`NO_COLOR`) comes out as an empty
//! SGR sequence, `ESC[;m`, which resets every attribute and so drops REVERSED: the selection would
//! vanish. In `none` mode the workbench writes no colours at all, so the selection stays reversed.
//! One test in its own binary, because crossterm's switch is global to the process.

mod tui_common;

use crossterm::style::Colored;
use plangap::tui::app::App;
use plangap::tui::config::Config;
use plangap::tui::theme::{ColorEnv, ColorMode};
use plangap::tui::{Options, settings, view};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use tui_common::fixture_corpus;

#[derive(Clone, Default)]
struct Capture(Rc<RefCell<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `frame` without the escape sequences ratatui writes after the last cell (attribute resets and
/// cursor moves, harmless there since nothing is drawn after them).
fn body(frame: &str) -> &str {
    let trailing = regex::Regex::new(r"(\x1b\[[0-9;?]*[A-Za-z])+$").expect("pattern");
    trailing.find(frame).map_or(frame, |m| &frame[..m.start()])
}

/// Whether an empty SGR sequence, which resets every attribute, occurs while drawing.
fn resets_attributes_midway(frame: &str) -> bool {
    let body = body(frame);
    body.contains("\u{1b}[;m") || body.contains("\u{1b}[m")
}

/// What a crossterm terminal receives for one frame in `mode` under `NO_COLOR=1`.
fn frame_bytes(mode: Option<ColorMode>) -> String {
    let env = ColorEnv { no_color: Some("1".to_owned()), colorterm: None, term: Some("xterm".to_owned()) };
    let options = Options { color: mode, ..Options::default() };
    let (settings, _) = settings(&options, &Config::default(), &env, None);
    let area = Rect::new(0, 0, 80, 24);
    let app = App::new(fixture_corpus(), settings, area);
    let capture = Capture::default();
    let viewport = ratatui::Viewport::Fixed(area);
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(capture.clone()), ratatui::TerminalOptions { viewport })
            .expect("terminal");
    terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
    String::from_utf8_lossy(&capture.0.borrow()).into_owned()
}

#[test]
fn no_color_keeps_the_selection_reversed() {
    Colored::set_ansi_color_disabled(true); // as crossterm does when NO_COLOR is set

    // NO_COLOR with no explicit choice: no colours are written, the selection is reversed.
    let none = frame_bytes(None);
    assert!(none.contains("\u{1b}[7m"), "no reversed selection");
    assert!(!resets_attributes_midway(&none), "an empty SGR resets REVERSED");
    assert!(!none.contains("38;5") && !none.contains("48;5"), "a colour was written");

    // The trap the workbench avoids: colours written while crossterm has them disabled.
    let forced = frame_bytes(Some(ColorMode::Ansi16));
    assert!(resets_attributes_midway(&forced), "crossterm changed: revisit tui::run");

    // What `tui::run` does when the user asks for colour despite NO_COLOR.
    Colored::set_ansi_color_disabled(false);
    let colours = frame_bytes(Some(ColorMode::Ansi16));
    assert!(!resets_attributes_midway(&colours));
    assert!(colours.contains("38;5"), "colours were asked for");
}
