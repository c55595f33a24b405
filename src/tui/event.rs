//! The event loop: draw, wait for something to happen, apply everything that is pending at once
//! (a burst of keys or resizes costs one redraw), perform the effects, draw again. Nothing is
//! drawn on a timer; ratatui sends only the cells that changed.

use super::app::{App, Effect, Msg};
use super::clipboard;
use super::terminal::TerminalGuard;
use super::view;
use crate::corpus;
use crate::export::ExportDocument;
use crate::write_file;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

/// The most messages applied before a redraw, so that a flood of input still shows progress.
const MAX_BATCH: usize = 256;

/// Starts the threads that turn terminal input and termination signals into messages; the
/// sender is for work done off the event loop (loading files), which reports back as messages.
pub fn spawn_sources() -> (Sender<Msg>, Receiver<Msg>) {
    let (sender, receiver) = mpsc::channel();
    let input = sender.clone();
    std::thread::spawn(move || read_terminal(&input));
    spawn_signals(sender.clone());
    (sender, receiver)
}

fn read_terminal(sender: &Sender<Msg>) {
    loop {
        let msg = match crossterm::event::read() {
            Ok(Event::Key(key)) => Msg::Key(key),
            Ok(Event::Mouse(mouse)) => Msg::Mouse(mouse),
            Ok(Event::Paste(text)) => Msg::Paste(text),
            Ok(Event::Resize(width, height)) => Msg::Resize(width, height),
            Ok(Event::FocusGained | Event::FocusLost) => continue,
            Err(_) => Msg::Interrupt,
        };
        let stop = matches!(msg, Msg::Interrupt);
        if sender.send(msg).is_err() || stop {
            return;
        }
    }
}

/// Turns signals into messages: the ending ones into [`Msg::Signal`], SIGTSTP into
/// [`Msg::Stop`] (suspend as Ctrl-Z does, rather than stop with the terminal still in raw mode
/// on the alternate screen) and SIGCONT into [`Msg::Continue`].
#[cfg(unix)]
fn spawn_signals(sender: Sender<Msg>) {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let msg = match signal {
                SIGTSTP => Msg::Stop,
                SIGCONT => Msg::Continue,
                other => Msg::Signal(other),
            };
            let end = matches!(msg, Msg::Signal(_));
            if sender.send(msg).is_err() || end {
                return;
            }
        }
    });
}

#[cfg(not(unix))]
fn spawn_signals(_sender: Sender<Msg>) {}

/// Runs the workbench until it quits: draws on every batch of messages from `messages`. Files
/// are loaded on their own thread, which sends [`Msg::Loaded`] through `sender`, so that keys and
/// signals are answered while a slow file loads.
pub fn run(
    app: &mut App,
    guard: &mut TerminalGuard,
    sender: &Sender<Msg>,
    messages: &Receiver<Msg>,
) -> io::Result<()> {
    draw(app, &mut guard.terminal)?;
    panic_if_asked_by_a_test();
    while !app.quit {
        let Ok(first) = messages.recv() else { break };
        let pending = std::iter::once(first).chain(messages.try_iter().take(MAX_BATCH));
        for msg in coalesce_loading(pending) {
            app.update(msg);
            if app.quit {
                break;
            }
        }
        // The finder's index is built once the frame is drawn: its threads would take the cores
        // from the frame that says loading has ended.
        let mut index = None;
        for effect in app.take_effects() {
            match effect {
                Effect::Suspend => guard.suspend(app.settings.mouse)?,
                Effect::Redraw => guard.resume(app.settings.mouse)?,
                Effect::IndexFinder(source) => index = Some(source),
                Effect::Open(path) => {
                    app.notify(format!("opening {}…", path.display()), false);
                    let sender = sender.clone();
                    std::thread::spawn(move || {
                        let corpus = corpus::load_paths_with(&[path], &super::loading::options());
                        let _ = sender.send(Msg::Loaded(corpus));
                    });
                }
                other => perform(other, app, guard.terminal.backend_mut()),
            }
        }
        if !app.quit {
            draw(app, &mut guard.terminal)?;
        }
        if let Some(source) = index {
            let sender = sender.clone();
            std::thread::spawn(move || {
                let _ = sender.send(Msg::FinderIndex(Box::new(source.build())));
            });
        }
    }
    Ok(())
}

/// The messages with each run of [`Msg::Loading`] batches joined into one (their reports in
/// order, the last progress), so that reports arriving faster than they are added cost one
/// rebuild of the tree, not one per batch.
pub fn coalesce_loading(messages: impl IntoIterator<Item = Msg>) -> Vec<Msg> {
    let mut joined: Vec<Msg> = Vec::new();
    for msg in messages {
        match (joined.last_mut(), msg) {
            (Some(Msg::Loading(corpus, progress)), Msg::Loading(more, later)) => {
                corpus.append(more);
                *progress = later;
            }
            (_, msg) => joined.push(msg),
        }
    }
    joined
}

/// Panics after the first frame when `PLANGAP_TEST_PANIC` is set, so that the end-to-end tests
/// can check that the panic hook gives the terminal back. Debug builds only: a release build
/// never reads the variable.
fn panic_if_asked_by_a_test() {
    #[cfg(debug_assertions)]
    if std::env::var_os("PLANGAP_TEST_PANIC").is_some() {
        panic!("PLANGAP_TEST_PANIC is set: panicking on purpose to test the terminal's restoration");
    }
}

/// Draws one frame.
pub fn draw<B>(app: &App, terminal: &mut Terminal<B>) -> io::Result<()>
where
    B: Backend,
    B::Error: Into<io::Error>,
{
    terminal.draw(|frame| view::draw(frame, app)).map(|_| ()).map_err(Into::into)
}

/// Performs one effect, telling the user how it went in the status line. Suspending needs the
/// terminal itself, which only [`run`] holds; [`run`] loads opened files and builds the finder's
/// index on a thread, and this does both in place (for tests and callers without an event loop).
pub fn perform(effect: Effect, app: &mut App, terminal_out: &mut impl Write) {
    match effect {
        Effect::Suspend | Effect::Redraw => {
            app.notify("suspending and redrawing need the terminal of a running workbench", true)
        }
        Effect::Copy(text) => {
            if let Err(error) = clipboard::copy(terminal_out, &text) {
                app.notify(format!("cannot copy: {error}"), true);
            }
        }
        Effect::Export(path, replace) => {
            let json = ExportDocument::new(&app.reports).to_json();
            let inputs: Vec<PathBuf> = app.reports.iter().map(|r| PathBuf::from(&r.file)).collect();
            match write_file::write_atomically(&path, json.as_bytes(), replace, &inputs) {
                Ok(written) => app.notify(
                    format!("exported {} report(s) to {}", app.reports.len(), written.display()),
                    false,
                ),
                Err(error) => app.notify(error, true),
            }
        }
        Effect::IndexFinder(source) => app.update(Msg::FinderIndex(Box::new(source.build()))),
        Effect::Open(path) => {
            app.update(Msg::Loaded(corpus::load_paths_with(&[path], &super::loading::options())))
        }
    }
}
