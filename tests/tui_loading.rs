//! A workbench that opens at once (issue 12, item 3): it draws with no report loaded and a
//! progress line, reports appear as their batches come, keys pressed meanwhile are answered and
//! keep what they chose, and the end of loading is told in the status line.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plangap::corpus::{Corpus, Progress};
use plangap::finder::{Entry, IndexSource};
use plangap::tui::app::{Effect, Msg, Selection};
use plangap::tui::event::coalesce_loading;
use plangap::tui::width::AmbiguousWidth;
use tui_common::{app_on, draw, fixture_corpus, fuling_2022, qijiang_2020, screen};

fn batch(reports: Vec<plangap::model::Report>) -> Corpus {
    Corpus { reports, ..Corpus::default() }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn the_first_frame_needs_no_report_and_shows_the_progress() {
    let mut app = app_on(Corpus::default(), 120, 30, AmbiguousWidth::Narrow);
    app.loading = Some(Progress { done: 0, total: 2000 });
    let shown = screen(&draw(&app));
    assert!(shown.contains("loading 0/2000 reports…"), "{shown}");

    app.update(Msg::Loading(batch(vec![fuling_2022()]), Progress { done: 1, total: 2000 }));
    let shown = screen(&draw(&app));
    assert!(shown.contains("涪陵区"), "the first batch is in the tree:\n{shown}");
    assert!(shown.contains("loading 1/2000 › 涪陵区"), "{shown}");
    assert_eq!(app.selection, Selection::Report(0), "the first report is shown once there is one");
}

#[test]
fn keys_pressed_while_loading_are_answered_and_later_batches_keep_the_choice() {
    let mut app = app_on(Corpus::default(), 120, 30, AmbiguousWidth::Narrow);
    app.loading = Some(Progress { done: 0, total: 3 });
    app.update(Msg::Loading(batch(vec![qijiang_2020(), fuling_2022()]), Progress { done: 2, total: 3 }));
    let before = app.tree_scroll.cursor();
    app.update(key(KeyCode::Down));
    let chosen = app.selection;
    assert_ne!(app.tree_scroll.cursor(), before, "the key moved the cursor");
    let more = fixture_corpus();
    let failures = more.failures.len();
    app.update(Msg::Loading(Corpus { reports: Vec::new(), ..more }, Progress { done: 3, total: 3 }));
    assert_eq!(app.selection, chosen, "a later batch does not move the selection");
    assert_eq!(app.loading, None);
    let message = app.message.as_ref().expect("the end of loading is told");
    assert!(message.text.starts_with(&format!("loaded 2 report(s), {failures} failed")), "{message:?}");
    assert!(message.error);
}

#[test]
fn a_report_loaded_twice_is_added_once() {
    let mut app = app_on(Corpus::default(), 120, 30, AmbiguousWidth::Narrow);
    let with_digest =
        |digest| Corpus { reports: vec![fuling_2022()], digests: vec![digest], ..Corpus::default() };
    app.update(Msg::Loading(with_digest(7), Progress { done: 1, total: 2 }));
    app.update(Msg::Loading(with_digest(7), Progress { done: 2, total: 2 }));
    assert_eq!(app.reports.len(), 1);
    let message = app.message.as_ref().expect("a note").text.clone();
    assert!(message.contains("skipped 1 file(s) with the same content"), "{message}");
}

#[test]
fn batches_waiting_together_are_added_as_one() {
    let messages = vec![
        Msg::Loading(batch(vec![qijiang_2020()]), Progress { done: 1, total: 3 }),
        Msg::Loading(batch(vec![fuling_2022()]), Progress { done: 2, total: 3 }),
        key(KeyCode::Down),
        Msg::Loading(batch(Vec::new()), Progress { done: 3, total: 3 }),
    ];
    let joined = coalesce_loading(messages);
    assert_eq!(joined.len(), 3, "{joined:?}");
    match &joined[0] {
        Msg::Loading(corpus, progress) => {
            let districts: Vec<_> = corpus.reports.iter().map(|r| r.title.district.clone()).collect();
            assert_eq!(districts, [Some("綦江区".to_owned()), Some("涪陵区".to_owned())]);
            assert_eq!(*progress, Progress { done: 2, total: 3 });
        }
        other => panic!("not a batch: {other:?}"),
    }
    assert!(matches!(joined[1], Msg::Key(_)), "keys keep their place between batches");
}

/// The finder's index is asked for when loading ends and built off the event loop (as
/// `Effect::IndexFinder`); the workbench takes it only when it covers every loaded report.
#[test]
fn the_end_of_loading_has_the_finder_index_built_off_the_event_loop() {
    let mut app = app_on(Corpus::default(), 120, 30, AmbiguousWidth::Narrow);
    app.loading = Some(Progress { done: 0, total: 2 });
    app.update(Msg::Loading(batch(vec![fuling_2022()]), Progress { done: 1, total: 2 }));
    let index_effects = |effects: Vec<Effect>| {
        effects
            .into_iter()
            .filter_map(|e| match e {
                Effect::IndexFinder(source) => Some(source),
                _ => None,
            })
            .collect::<Vec<IndexSource>>()
    };
    assert!(index_effects(app.take_effects()).is_empty(), "no index while loading");
    let partial = IndexSource::new(&app.reports, None);
    app.update(Msg::Loading(batch(vec![qijiang_2020()]), Progress { done: 2, total: 2 }));
    let mut sources = index_effects(app.take_effects());
    assert_eq!(sources.len(), 1, "one index asked for when loading ended");
    let source = sources.pop().unwrap();

    app.update(Msg::FinderIndex(Box::new(partial.build())));
    assert_eq!(app.finder_index.reports(), 0, "an index of fewer reports than loaded is dropped");
    let built = std::thread::spawn(move || source.build()).join().unwrap();
    app.update(Msg::FinderIndex(Box::new(built)));
    assert_eq!(app.finder_index.reports(), 2);
    let places: Vec<&str> = app
        .finder_index
        .entries()
        .iter()
        .filter_map(|e| match e {
            Entry::Place { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert!(places.contains(&"涪陵区") && places.contains(&"綦江区"), "{places:?}");
}
