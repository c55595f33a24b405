//! The workbench's state and its update function (the Elm architecture): [`App::update`] takes a
//! [`Msg`] (a key, a click, a resize, …) and changes the state; [`crate::tui::view::draw`] draws
//! the state. Anything that touches the outside world (the clipboard, files) is handed back as an
//! [`Effect`] for the event loop to perform. Everything derived from the data (the tree, the
//! table's formatted cells, the gap view) is rebuilt here when the data or the selection changes,
//! never while drawing.

mod commands;
pub use commands::expand_home;
mod finder;
mod input;
mod navigation;
mod refresh;

use super::keymap::Keymap;
use super::layout::{self, Pane, Screen};
use super::panes::districts::DistrictTree;
use super::panes::finder::Finder;
use super::panes::gap::GapView;
use super::panes::indicators::{IndicatorGrid, RowFilter, SortKey};
use super::prompt::LineInput;
use super::scroll::Scroll;
use super::theme::{ColorMode, Theme};
use super::width::Glyphs;
use crate::analysis::canonical::AliasTable;
use crate::analysis::linked::LinkIndex;
use crate::analysis::views::{Comparison, GapRow};
use crate::corpus::{Corpus, Progress};
use crate::finder::{FinderIndex, IndexSource};
use crate::model::{IndicatorTable, Report};
use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::{Margin, Rect};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where the command line's `export` writes when given no path.
pub const DEFAULT_EXPORT_PATH: &str = "plangap-export.json";

/// How the workbench looks and which keys it answers to.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The theme, resolved for [`Settings::color_mode`].
    pub theme: Theme,
    /// The colour mode in use (never `Auto`).
    pub color_mode: ColorMode,
    /// Chrome glyphs for the terminal's ambiguous width.
    pub glyphs: Glyphs,
    /// The key map.
    pub keymap: Keymap,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// Where user themes live (`$XDG_CONFIG_HOME/plangap/themes`).
    pub themes_dir: Option<PathBuf>,
    /// How indicator names map to canonical indicators, for comparisons across reports.
    pub aliases: AliasTable,
}

/// Something that happened, for [`App::update`].
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was used (only when captured).
    Mouse(MouseEvent),
    /// Text was pasted.
    Paste(String),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The terminal's input ended: close.
    Interrupt,
    /// A signal asked the process to end (SIGTERM, SIGINT, SIGHUP, SIGQUIT): close, and exit
    /// with 128 + the signal's number.
    Signal(i32),
    /// A signal asked the process to stop (SIGTSTP from `kill -TSTP`): suspend as Ctrl-Z does.
    Stop,
    /// The process was continued (SIGCONT): take the terminal again and draw everything.
    Continue,
    /// Files named by `open` were loaded.
    Loaded(Corpus),
    /// Some of the files named on the command line were loaded (in file order), and how far
    /// loading has come; they are added without moving the selection.
    Loading(Corpus, Progress),
    /// The finder's index, built off the event loop ([`Effect::IndexFinder`]); taken when it
    /// covers every loaded report.
    FinderIndex(Box<FinderIndex>),
}

/// Work for the event loop: things that touch the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write the JSON export of the loaded reports to this path, replacing an existing file
    /// only when asked (`:export!`).
    Export(PathBuf, crate::write_file::Replace),
    /// Load the reports at this path and add them.
    Open(PathBuf),
    /// Give the terminal back and stop the process until the shell resumes it.
    Suspend,
    /// Take the terminal again (it may have been used while the process was stopped) and
    /// draw the whole screen.
    Redraw,
    /// Build the finder's index from this source off the event loop and send it back as
    /// [`Msg::FinderIndex`] (asked when loading ends, so the finder opens without a pause).
    IndexFinder(IndexSource),
}

/// A popup or prompt over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: keys go to the focused pane.
    None,
    /// The list of keys, scrolled by this many lines.
    Help(usize),
    /// The row filter being typed.
    Filter(LineInput),
    /// The districts filter being typed (`/` in the tree).
    TreeFilter(LineInput),
    /// The command line being typed.
    Command(LineInput),
    /// The project finder ([`App::finder`]).
    Finder,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Whether it reports an error.
    pub error: bool,
}

/// What the indicator pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Nothing is loaded.
    Nothing,
    /// A report (index into [`App::reports`]).
    Report(usize),
    /// A file that failed to load (index into the tree's failures).
    Failure(usize),
}

/// The state of the workbench.
pub struct App {
    /// The loaded reports.
    pub reports: Vec<Report>,
    /// The districts tree.
    pub tree: DistrictTree,
    /// The selected and first shown line of the tree.
    pub tree_scroll: Scroll,
    /// The focused pane.
    pub focus: Pane,
    /// The popup or prompt, if any.
    pub overlay: Overlay,
    /// The report (or failed file) shown.
    pub selection: Selection,
    /// The shown table of the report.
    pub table: usize,
    /// The row filter.
    pub filter: RowFilter,
    /// The row order.
    pub sort: SortKey,
    /// The shown table's rows, formatted.
    pub grid: IndicatorGrid,
    /// The selection and table the grid was formatted for.
    grid_for: Option<(Selection, usize)>,
    /// The selected and first shown row of the grid.
    pub row_scroll: Scroll,
    /// Scrollable columns hidden on the left.
    pub column_offset: usize,
    /// The finder's index of projects, indicators and places: built off the event loop when
    /// loading ends, else when the finder opens after reports were added.
    pub finder_index: FinderIndex,
    /// Whether reports were added since the finder's index was built.
    finder_stale: bool,
    /// The names of the reports for the next finder index, taken out as reports are added.
    finder_source: IndexSource,
    /// The finder popup's query and matches.
    pub finder: Finder,
    /// The shown report's missed rows, most severe first.
    pub missed: Vec<GapRow>,
    /// The content digest of every loaded report, with its file, so that a file opened again
    /// (under any name) is not added twice.
    loaded: HashMap<u64, String>,
    /// Where the loaded reports' indicators occur, for comparisons across districts and years.
    links: LinkIndex,
    /// The selected row's indicator across districts and years, by canonical name (cached until
    /// the reports change).
    comparisons: HashMap<String, Comparison>,
    /// The canonical indicator of the selected row.
    canonical: Option<String>,
    /// The gap pane's content.
    pub gap: GapView,
    /// The selected and first shown missed row in the gap pane.
    pub gap_scroll: Scroll,
    /// The first detail line shown in the gap pane.
    pub detail_offset: usize,
    /// Theme, glyphs, keys.
    pub settings: Settings,
    /// The status-line message.
    pub message: Option<Message>,
    /// The terminal's size.
    pub size: Rect,
    /// How far loading the files named on the command line has come, while it goes on.
    pub loading: Option<Progress>,
    /// The duplicates skipped while loading them, for the note at the end.
    loading_duplicates: Vec<(String, String)>,
    /// Set when the workbench should close.
    pub quit: bool,
    /// The signal that closed the workbench, if one did (the process then exits 128 + it).
    pub exit_signal: Option<i32>,
    effects: Vec<Effect>,
}

impl App {
    /// The workbench on `corpus`, for a terminal of `size`, the first report selected.
    pub fn new(corpus: Corpus, settings: Settings, size: Rect) -> App {
        let mut app = App {
            reports: Vec::new(),
            tree: DistrictTree::default(),
            tree_scroll: Scroll::default(),
            focus: Pane::Districts,
            overlay: Overlay::None,
            selection: Selection::Nothing,
            table: 0,
            filter: RowFilter::default(),
            sort: SortKey::default(),
            grid: IndicatorGrid::default(),
            grid_for: None,
            row_scroll: Scroll::default(),
            column_offset: 0,
            finder_index: FinderIndex::new(&[]),
            finder_stale: false,
            finder_source: IndexSource::new(&[], Some(&settings.aliases)),
            finder: Finder::default(),
            missed: Vec::new(),
            loaded: HashMap::new(),
            links: LinkIndex::default(),
            comparisons: HashMap::new(),
            canonical: None,
            gap: GapView::default(),
            gap_scroll: Scroll::default(),
            detail_offset: 0,
            settings,
            message: None,
            size,
            loading: None,
            loading_duplicates: Vec::new(),
            quit: false,
            exit_signal: None,
            effects: Vec::new(),
        };
        let mut corpus = corpus;
        corpus.deduplicate(&mut app.loaded);
        app.add_corpus(corpus, true);
        app
    }

    /// Takes the effects the last updates asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Shows `text` in the status line.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        let text = crate::printable::printable(&text.into()).into_owned();
        self.message = Some(Message { text, error });
    }

    /// The report shown, if any.
    pub fn current_report(&self) -> Option<&Report> {
        match self.selection {
            Selection::Report(index) => self.reports.get(index),
            _ => None,
        }
    }

    /// The table shown, if any.
    pub fn current_table(&self) -> Option<&IndicatorTable> {
        self.current_report().and_then(|report| report.tables.get(self.table))
    }

    /// The row under the table cursor, if any.
    pub fn current_row(&self) -> Option<&crate::model::IndicatorRow> {
        let row = self.grid.row_at(self.row_scroll.cursor())?.row;
        self.current_table()?.rows.get(row)
    }

    /// Applies one message.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(event) if event.kind != KeyEventKind::Release => self.on_key(event),
            Msg::Key(_) => {}
            Msg::Mouse(event) => self.on_mouse(event),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                self.refresh_gap();
                self.scroll_into_view();
            }
            Msg::Interrupt => self.quit = true,
            Msg::Signal(signal) => {
                self.quit = true;
                self.exit_signal = Some(signal);
            }
            Msg::Stop => self.effects.push(Effect::Suspend),
            Msg::Continue => self.effects.push(Effect::Redraw),
            Msg::Loaded(mut corpus) => {
                corpus.deduplicate(&mut self.loaded);
                let (loaded, failed) = (corpus.reports.len(), corpus.failures.len());
                let first = corpus.failures.first().map(ToString::to_string);
                let text = loaded_note("opened", loaded, failed, first, corpus.duplicates_note());
                self.add_corpus(corpus, true);
                self.index_finder_later();
                self.notify(text, failed > 0);
            }
            Msg::Loading(corpus, progress) => self.add_loading(corpus, progress),
            Msg::FinderIndex(index) => self.take_finder_index(index),
        }
    }

    /// Adds one report loaded in the background (after the first frame, while more are loading),
    /// with the digest of its file's bytes ([`crate::corpus::digest`]): a report whose content is
    /// already loaded is skipped, and what is shown stays shown. For the loading path.
    pub fn add_report(&mut self, report: Report, digest: u64) {
        self.add_batch(Corpus { reports: vec![report], digests: vec![digest], ..Corpus::default() });
    }

    /// Adds reports and failures loaded in the background, as [`App::add_report`] does.
    pub fn add_batch(&mut self, mut corpus: Corpus) {
        corpus.deduplicate(&mut self.loaded);
        if !corpus.reports.is_empty() || !corpus.failures.is_empty() {
            self.add_corpus(corpus, false);
        }
    }

    /// Adds a batch of the files named on the command line, keeping what is shown; when the
    /// last batch is in, says how loading went, as `open` does.
    fn add_loading(&mut self, mut corpus: Corpus, progress: Progress) {
        corpus.deduplicate(&mut self.loaded);
        self.loading_duplicates.append(&mut corpus.duplicates);
        self.loading = (!progress.finished()).then_some(progress);
        if !corpus.reports.is_empty() || !corpus.failures.is_empty() {
            self.add_corpus(corpus, false);
        }
        if self.loading.is_some() {
            return;
        }
        self.index_finder_later();
        let duplicates =
            Corpus { duplicates: std::mem::take(&mut self.loading_duplicates), ..Corpus::default() };
        let failed = self.tree.failures.len();
        let first = self.tree.failures.first().map(|(_, error)| error.clone());
        let text = loaded_note("loaded", self.reports.len(), failed, first, duplicates.duplicates_note());
        self.notify(text, failed > 0);
    }

    /// Asks for the finder's index to be built off the event loop ([`Effect::IndexFinder`]):
    /// only its entries and names are taken out of the reports here.
    ///
    /// The names of the reports loaded so far were taken out batch by batch as they came
    /// ([`App::add_corpus`]), so that the end of loading costs little.
    fn index_finder_later(&mut self) {
        let aliases = Some(&self.settings.aliases);
        let mut source = std::mem::replace(&mut self.finder_source, IndexSource::new(&[], aliases));
        if !source.uses(aliases) {
            source = IndexSource::new(&[], aliases);
        }
        source.add(&self.reports);
        self.effects.push(Effect::IndexFinder(source));
    }

    /// Adds loaded reports and failures. With `select_new`, selects the first new report in tree
    /// order (revealing it if its district is closed); otherwise, and when no report is new, what
    /// was shown stays shown (reports and failures keep their indices). Work: the new reports'
    /// rows, and the tree's lines.
    fn add_corpus(&mut self, corpus: Corpus, select_new: bool) {
        let first_new = self.reports.len();
        let failures: Vec<(String, String)> =
            corpus.failures.iter().map(|error| (error.file(), error.to_string())).collect();
        let names = corpus.names;
        self.reports.extend(corpus.reports);
        self.finder_source.add_taken(&self.reports, names);
        self.comparisons.clear();
        self.links.add(&self.reports, first_new, &self.settings.aliases);
        self.finder_stale = true;
        let cursor = self.tree.lines.get(self.tree_scroll.cursor()).and_then(|l| self.tree.key_of(l.item));
        self.tree.add(&self.reports, first_new, failures, &self.settings.glyphs);
        let order = self.tree.reports_in_order();
        let report = match select_new {
            true => order.iter().copied().find(|&i| i >= first_new),
            false => None,
        }
        .or_else(|| order.first().copied().filter(|_| self.selection == Selection::Nothing));
        match report {
            Some(report) => self.show_in_tree(report),
            None => self.keep_tree_cursor(cursor),
        }
        self.follow_tree_cursor();
        self.refresh_gap();
        self.scroll_into_view();
    }

    /// Lines above the indicator table's rows: the table switcher (when the report has more
    /// than one table) and the column header.
    pub fn table_header_rows(&self) -> u16 {
        let tables = self.current_report().map_or(0, |r| r.tables.len());
        1 + u16::from(tables > 1)
    }

    /// How many lines of content the pane shows.
    pub fn visible_rows(&self, pane: Pane) -> usize {
        let Screen::Panes(regions) = layout::compute(self.size, self.focus) else { return 1 };
        let Some(rect) = regions.pane(pane) else { return 1 };
        let inner = rect.height.saturating_sub(2);
        let header = if pane == Pane::Indicators { self.table_header_rows() } else { 0 };
        usize::from(inner.saturating_sub(header)).max(1)
    }

    /// The inside of `pane`'s rectangle; for a hidden pane (narrow terminals), where it would be.
    pub fn pane_inner(&self, pane: Pane) -> Rect {
        match layout::compute(self.size, pane) {
            Screen::Panes(regions) => {
                regions.pane(pane).map_or(Rect::default(), |r| r.inner(Margin::new(1, 1)))
            }
            Screen::TooSmall => Rect::default(),
        }
    }

    /// The selected row's indicator across districts and years, if it has a row.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.canonical.as_ref().and_then(|canonical| self.comparisons.get(canonical))
    }
}

/// What `open` or loading at start-up did: `opened 3 report(s), 1 failed: …; skipped …`.
fn loaded_note(
    verb: &str,
    loaded: usize,
    failed: usize,
    first_failure: Option<String>,
    duplicates: Option<String>,
) -> String {
    let mut text = format!("{verb} {loaded} report(s), {failed} failed");
    if let Some(note) = duplicates {
        text.push_str(&format!("; {note}"));
    }
    if let Some(error) = first_failure {
        text.push_str(&format!(": {error}"));
    }
    text
}
