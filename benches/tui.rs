//! The workbench's speed on the embedded corpus: start-up to the first frame (load and assess the
//! reports, build the state, draw 120×40), one redraw after a key, and one finder keystroke.
//! Goals: first frame under 100 ms, redraw under 5 ms. Also prints how many bytes a redraw sends
//! to the terminal compared with a full frame (ratatui sends only the cells that changed).
//!
//! Also a report with a 100k-row table: state and first frame, one key and redraw.
//!
//! Run: `cargo bench --bench tui`.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plangap::corpus::{Corpus, load_embedded};
use plangap::tui::app::{App, Msg};
use plangap::tui::config::Config;
use plangap::tui::theme::ColorEnv;
use plangap::tui::{Options, settings, view};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use std::cell::Cell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn start(size: Rect) -> App {
    let env = ColorEnv { no_color: None, colorterm: None, term: Some("xterm-256color".to_owned()) };
    let (settings, _) = settings(&Options::default(), &Config::default(), &env, None);
    App::new(load_embedded(), settings, size)
}

#[path = "../tests/big_report/mod.rs"]
mod big_report;

/// The workbench on one report whose review table has 100k rows (a third of them missed): the
/// first frame, and one key with its redraw. Every per-frame and per-key path must be linear.
fn big_table(c: &mut Criterion) {
    let text = big_report::big_report(100_000);
    let report = plangap::corpus::load_bytes("big.txt", text.as_bytes()).expect("the big report loads");
    let corpus = plangap::corpus::Corpus { reports: vec![report], ..Default::default() };
    let env = ColorEnv { no_color: None, colorterm: None, term: Some("xterm-256color".to_owned()) };
    let (settings, _) = settings(&Options::default(), &Config::default(), &env, None);
    let size = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut group = c.benchmark_group("100k-row table");
    group.sample_size(10);
    group.bench_function("state and first frame (120x40)", |b| {
        b.iter(|| {
            let app = App::new(
                Corpus { reports: corpus.reports.clone(), ..Default::default() },
                settings.clone(),
                size,
            );
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        })
    });
    let mut app =
        App::new(Corpus { reports: corpus.reports.clone(), ..Default::default() }, settings.clone(), size);
    app.update(key(KeyCode::Tab));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut down = true;
    group.bench_function("one key and redraw (120x40)", |b| {
        b.iter(|| {
            app.update(key(if down { KeyCode::Char('j') } else { KeyCode::Char('k') }));
            down = !down;
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        })
    });
    group.finish();
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn first_frame(c: &mut Criterion) {
    let size = Rect::new(0, 0, WIDTH, HEIGHT);
    c.bench_function("start-up to first frame (120x40)", |b| {
        b.iter(|| {
            let app = start(size);
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
            black_box(terminal.backend().buffer().area);
        })
    });
}

fn redraw(c: &mut Criterion) {
    let size = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut app = start(size);
    app.update(key(KeyCode::Tab)); // the indicator table
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
    let mut down = true;
    c.bench_function("one key and redraw (120x40)", |b| {
        b.iter(|| {
            app.update(key(if down { KeyCode::Char('j') } else { KeyCode::Char('k') }));
            down = !down;
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        })
    });
    c.bench_function("redraw, nothing changed (120x40)", |b| {
        b.iter(|| terminal.draw(|frame| view::draw(frame, &app)).expect("draw").area)
    });
}

fn finder_keystroke(c: &mut Criterion) {
    let size = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut app = start(size);
    app.update(Msg::Key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut typed = false;
    c.bench_function("finder: one key typed or erased, and redraw (120x40)", |b| {
        b.iter(|| {
            app.update(key(if typed { KeyCode::Backspace } else { KeyCode::Char('z') }));
            typed = !typed;
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
        })
    });
}

/// Counts the bytes written through it.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes sent to a real (crossterm) terminal for the first frame and for one key's redraw.
fn bytes_on_the_wire(_: &mut Criterion) {
    let mut app = start(Rect::new(0, 0, WIDTH, HEIGHT));
    let counter = Counter::default();
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT));
    let Ok(mut terminal) =
        Terminal::with_options(CrosstermBackend::new(counter.clone()), ratatui::TerminalOptions { viewport })
    else {
        return;
    };
    let mut frame_bytes = |app: &App| {
        counter.0.set(0);
        terminal.draw(|frame| view::draw(frame, app)).expect("draw");
        counter.0.get()
    };
    let first = frame_bytes(&app);
    app.update(key(KeyCode::Tab));
    let focus = frame_bytes(&app);
    app.update(key(KeyCode::Char('j')));
    let step = frame_bytes(&app);
    eprintln!("bytes sent: first frame {first}, Tab (focus change) {focus}, j (one row down) {step}");
}

criterion_group!(benches, first_frame, redraw, finder_keystroke, bytes_on_the_wire, big_table);
criterion_main!(benches);
