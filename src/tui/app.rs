//! The workbench's state and its update function (the Elm architecture): [`App::update`] takes a
//! [`Msg`] (a key, a click, a resize, …) and changes the state; [`crate::tui::view::draw`] draws
//! the state. Anything that touches the outside world (the clipboard, files) is handed back as an
//! [`Effect`] for the event loop to perform. Everything derived from the data (the tree, the
//! table's formatted cells, the gap view) is rebuilt here when the data or the selection changes,
//! never while drawing.

use super::keymap::{Action, Key, Keymap, PromptAction};
use super::layout::{self, Pane, Screen};
use super::panes::districts::{DistrictTree, TreeItem};
use super::panes::gap::{self, GapView};
use super::panes::indicators::{self, IndicatorGrid, RowFilter, SortKey};
use super::prompt::LineInput;
use super::theme::{self, ColorMode, Theme};
use super::width::Glyphs;
use crate::analysis::canonical::AliasTable;
use crate::analysis::link::row_canonical;
use crate::analysis::views::{Comparison, GapRow, MissedFilter, compare, missed};
use crate::corpus::Corpus;
use crate::model::{IndicatorTable, Report};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
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
    /// The process was asked to stop (Ctrl-C, SIGTERM, SIGHUP).
    Interrupt,
    /// Files named by `open` were loaded.
    Loaded(Corpus),
}

/// Work for the event loop: things that touch the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write the JSON export of the loaded reports to this path.
    Export(PathBuf),
    /// Load the reports at this path and add them.
    Open(PathBuf),
    /// Give the terminal back and stop the process until the shell resumes it.
    Suspend,
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
    /// The command line being typed.
    Command(LineInput),
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
#[derive(Debug, Clone)]
pub struct App {
    /// The loaded reports.
    pub reports: Vec<Report>,
    /// The districts tree.
    pub tree: DistrictTree,
    /// The selected line of the tree.
    pub tree_cursor: usize,
    /// The first tree line shown.
    pub tree_offset: usize,
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
    /// The selected row of the grid.
    pub row_cursor: usize,
    /// The first grid row shown.
    pub row_offset: usize,
    /// Scrollable columns hidden on the left.
    pub column_offset: usize,
    /// The shown report's missed rows, most severe first.
    pub missed: Vec<GapRow>,
    /// The selected row's indicator across districts and years, by canonical name (cached until
    /// the reports change).
    comparisons: HashMap<String, Comparison>,
    /// The canonical indicator of the selected row.
    canonical: Option<String>,
    /// The gap pane's content.
    pub gap: GapView,
    /// The selected missed row in the gap pane.
    pub gap_cursor: usize,
    /// The first missed row shown in the gap pane.
    pub gap_offset: usize,
    /// The first detail line shown in the gap pane.
    pub detail_offset: usize,
    /// Theme, glyphs, keys.
    pub settings: Settings,
    /// The status-line message.
    pub message: Option<Message>,
    /// The terminal's size.
    pub size: Rect,
    /// Set when the workbench should close.
    pub quit: bool,
    effects: Vec<Effect>,
}

impl App {
    /// The workbench on `corpus`, for a terminal of `size`, the first report selected.
    pub fn new(corpus: Corpus, settings: Settings, size: Rect) -> App {
        let mut app = App {
            reports: Vec::new(),
            tree: DistrictTree::default(),
            tree_cursor: 0,
            tree_offset: 0,
            focus: Pane::Districts,
            overlay: Overlay::None,
            selection: Selection::Nothing,
            table: 0,
            filter: RowFilter::default(),
            sort: SortKey::default(),
            grid: IndicatorGrid::default(),
            row_cursor: 0,
            row_offset: 0,
            column_offset: 0,
            missed: Vec::new(),
            comparisons: HashMap::new(),
            canonical: None,
            gap: GapView::default(),
            gap_cursor: 0,
            gap_offset: 0,
            detail_offset: 0,
            settings,
            message: None,
            size,
            quit: false,
            effects: Vec::new(),
        };
        app.add_corpus(corpus);
        app
    }

    /// Takes the effects the last updates asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Shows `text` in the status line.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some(Message { text: text.into(), error });
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
        let row = self.grid.rows.get(self.row_cursor)?.row;
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
            Msg::Loaded(corpus) => {
                let (loaded, failed) = (corpus.reports.len(), corpus.failures.len());
                self.add_corpus(corpus);
                let text = format!("opened {loaded} report(s), {failed} failed");
                self.notify(text, failed > 0);
            }
        }
    }

    /// Adds loaded reports and failures, and selects the first new report in tree order.
    fn add_corpus(&mut self, corpus: Corpus) {
        let first_new = self.reports.len();
        let mut failures = std::mem::take(&mut self.tree.failures);
        failures.extend(corpus.failures.iter().map(|error| (failed_file(error), error.to_string())));
        self.reports.extend(corpus.reports);
        self.comparisons.clear();
        self.selection = Selection::Nothing;
        self.tree = DistrictTree::build(&self.reports, failures, &self.settings.glyphs);
        let is_new = |item: TreeItem| matches!(item, TreeItem::Report(i) if i >= first_new);
        self.tree_cursor = self.tree.lines.iter().position(|l| is_new(l.item)).unwrap_or(0);
        self.follow_tree_cursor();
        self.scroll_into_view();
    }

    fn on_key(&mut self, event: KeyEvent) {
        if event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        let key = Key::from_event(&event);
        match &self.overlay {
            Overlay::None => {
                if let Some(action) = self.settings.keymap.panes.action(&key) {
                    self.message = None;
                    self.on_action(action);
                }
            }
            Overlay::Help(_) => self.on_help_key(&key),
            Overlay::Filter(_) | Overlay::Command(_) => self.on_prompt_key(&key, event),
        }
    }

    fn on_help_key(&mut self, key: &Key) {
        let Overlay::Help(scroll) = &mut self.overlay else { return };
        match self.settings.keymap.panes.action(key) {
            Some(Action::Down) => *scroll += 1,
            Some(Action::Up) => *scroll = scroll.saturating_sub(1),
            Some(Action::PageDown) => *scroll += 10,
            Some(Action::PageUp) => *scroll = scroll.saturating_sub(10),
            Some(Action::Top) => *scroll = 0,
            Some(Action::Help | Action::Back | Action::Quit) => self.overlay = Overlay::None,
            _ => {}
        }
    }

    fn on_prompt_key(&mut self, key: &Key, event: KeyEvent) {
        let action = self.settings.keymap.prompt.action(key);
        let (Overlay::Filter(input) | Overlay::Command(input)) = &mut self.overlay else { return };
        match action {
            Some(PromptAction::Accept) => return self.accept_prompt(),
            Some(PromptAction::Cancel) => return self.cancel_prompt(),
            Some(PromptAction::Next | PromptAction::Prev) => {}
            Some(PromptAction::DeleteBack) => input.delete_back(),
            Some(PromptAction::DeleteForward) => input.delete_forward(),
            Some(PromptAction::DeleteWord) => input.delete_word(),
            Some(PromptAction::Clear) => input.clear(),
            Some(PromptAction::CursorLeft) => input.left(),
            Some(PromptAction::CursorRight) => input.right(),
            Some(PromptAction::Home) => input.home(),
            Some(PromptAction::End) => input.end(),
            None => match event.code {
                KeyCode::Char(c)
                    if !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    input.insert(c.encode_utf8(&mut [0; 4]));
                }
                _ => return,
            },
        }
        self.prompt_changed();
    }

    fn on_paste(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or("");
        if let Overlay::Filter(input) | Overlay::Command(input) = &mut self.overlay {
            input.insert(line);
            self.prompt_changed();
        }
    }

    /// The filter applies as it is typed.
    fn prompt_changed(&mut self) {
        if let Overlay::Filter(input) = &self.overlay {
            self.filter.text = input.text().to_owned();
            self.refresh_grid();
        }
    }

    fn accept_prompt(&mut self) {
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Command(input) => self.run_command(input.text()),
            Overlay::Filter(_) | Overlay::Help(_) | Overlay::None => {}
        }
    }

    fn cancel_prompt(&mut self) {
        if let Overlay::Filter(_) = std::mem::replace(&mut self.overlay, Overlay::None) {
            self.filter.text.clear();
            self.refresh_grid();
        }
    }

    fn on_action(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Help => self.overlay = Overlay::Help(0),
            Action::NextPane => self.focus = self.focus.cycle(1),
            Action::PrevPane => self.focus = self.focus.cycle(-1),
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::PageDown if self.focus == Pane::Gap => self.scroll_detail(self.page() as isize),
            Action::PageUp if self.focus == Pane::Gap => self.scroll_detail(-(self.page() as isize)),
            Action::PageDown => self.move_cursor(self.page() as isize),
            Action::PageUp => self.move_cursor(-(self.page() as isize)),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            Action::Left => self.on_left(),
            Action::Right => self.on_right(),
            Action::Select => self.on_select(),
            Action::Back => self.on_back(),
            Action::MissedOnly => {
                self.filter.missed_only = !self.filter.missed_only;
                self.refresh_grid();
            }
            Action::BindingOnly => {
                self.filter.binding_only = !self.filter.binding_only;
                self.refresh_grid();
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.refresh_grid();
                self.notify(format!("sorted by {}", self.sort.label()), false);
            }
            Action::CycleTheme => self.cycle_theme(),
            Action::Command => self.overlay = Overlay::Command(LineInput::default()),
            Action::CopyRow => self.copy_row(),
            Action::CopyTable => self.copy_table(),
            Action::Search => {
                self.focus = Pane::Indicators;
                self.overlay = Overlay::Filter(LineInput::new(&self.filter.text));
            }
            Action::Finder => {}
            Action::NextTable => self.switch_table(1),
            Action::PrevTable => self.switch_table(-1),
        }
        self.scroll_into_view();
    }

    /// Rows in half a page of the focused pane.
    fn page(&self) -> usize {
        (self.visible_rows(self.focus) / 2).max(1)
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

    fn move_cursor(&mut self, delta: isize) {
        let step = |current: usize, len: usize| -> usize {
            let last = len.saturating_sub(1) as isize;
            (current as isize).saturating_add(delta).clamp(0, last.max(0)) as usize
        };
        match self.focus {
            Pane::Districts => {
                self.tree_cursor = step(self.tree_cursor, self.tree.lines.len());
                self.follow_tree_cursor();
            }
            Pane::Indicators => {
                self.row_cursor = step(self.row_cursor, self.grid.rows.len());
                self.refresh_gap();
            }
            Pane::Gap => {
                self.gap_cursor = step(self.gap_cursor, self.gap.missed.len());
                if let Some(item) = self.gap.missed.get(self.gap_cursor) {
                    let (table, row) = (item.table, item.row);
                    self.select_row(table, row);
                }
            }
        }
    }

    /// Scrolls the gap pane's detail by `delta` lines.
    fn scroll_detail(&mut self, delta: isize) {
        let (_, detail) = gap::regions(self.pane_inner(Pane::Gap));
        let most = self.gap.detail.len().saturating_sub(usize::from(detail.height));
        self.detail_offset =
            (self.detail_offset as isize).saturating_add(delta).clamp(0, most as isize) as usize;
    }

    /// Shows row `row` of table `table` of the current report in the table, clearing a filter that
    /// hides it.
    fn select_row(&mut self, table: usize, row: usize) {
        if self.table != table {
            self.table = table;
            self.column_offset = 0;
            self.refresh_grid();
        }
        if !self.grid.rows.iter().any(|r| r.row == row) {
            self.filter = RowFilter::default();
            self.refresh_grid();
            self.notify("filter cleared to show the row", false);
        }
        self.row_cursor = self.grid.rows.iter().position(|r| r.row == row).unwrap_or(0);
        self.refresh_gap();
    }

    fn on_left(&mut self) {
        match self.focus {
            Pane::Districts => {
                if self.tree.set_expanded(self.tree_cursor, Some(false)) {
                    self.tree.relayout(&self.reports, &self.settings.glyphs);
                } else {
                    self.tree_cursor = self.tree.parent_line(self.tree_cursor);
                    self.follow_tree_cursor();
                }
            }
            Pane::Indicators => self.column_offset = self.column_offset.saturating_sub(1),
            Pane::Gap => {}
        }
    }

    fn on_right(&mut self) {
        match self.focus {
            Pane::Districts => {
                if self.tree.set_expanded(self.tree_cursor, Some(true)) {
                    self.tree.relayout(&self.reports, &self.settings.glyphs);
                } else if matches!(
                    self.tree.lines.get(self.tree_cursor).map(|l| l.item),
                    Some(TreeItem::Report(_))
                ) {
                    self.focus = Pane::Indicators;
                }
            }
            Pane::Indicators => {
                self.column_offset = (self.column_offset + 1).min(self.grid.max_column_offset());
            }
            Pane::Gap => {}
        }
    }

    fn on_select(&mut self) {
        match self.focus {
            Pane::Districts => match self.tree.lines.get(self.tree_cursor).map(|l| l.item) {
                Some(TreeItem::Report(_)) => self.focus = Pane::Indicators,
                Some(_) => {
                    self.tree.set_expanded(self.tree_cursor, None);
                    self.tree.relayout(&self.reports, &self.settings.glyphs);
                }
                None => {}
            },
            Pane::Indicators => self.focus = Pane::Gap,
            Pane::Gap => self.focus = Pane::Indicators,
        }
    }

    fn on_back(&mut self) {
        if self.filter.is_active() {
            self.filter = RowFilter::default();
            self.refresh_grid();
        } else if self.focus != Pane::Districts {
            self.focus = self.focus.cycle(-1);
        }
    }

    /// Shows what the tree cursor points at.
    fn follow_tree_cursor(&mut self) {
        let selection = match self.tree.lines.get(self.tree_cursor).map(|l| l.item) {
            Some(TreeItem::Report(index)) => Selection::Report(index),
            Some(TreeItem::Failure(index)) => Selection::Failure(index),
            _ => return,
        };
        if selection != self.selection {
            self.selection = selection;
            self.missed = match self.current_report() {
                Some(report) => {
                    missed(std::slice::from_ref(report), &self.settings.aliases, &MissedFilter::default())
                }
                None => Vec::new(),
            };
            self.gap_cursor = 0;
            self.gap_offset = 0;
            self.table = 0;
            self.row_cursor = 0;
            self.row_offset = 0;
            self.column_offset = 0;
            self.refresh_grid();
        }
    }

    fn switch_table(&mut self, step: isize) {
        let count = self.current_report().map_or(0, |r| r.tables.len());
        if count < 2 {
            self.notify("this report has only one indicator table", false);
            return;
        }
        self.table = (self.table as isize + step).rem_euclid(count as isize) as usize;
        self.row_cursor = 0;
        self.row_offset = 0;
        self.column_offset = 0;
        self.refresh_grid();
    }

    /// Rebuilds the table's rows after the report, table, filter or sort changed, keeping the
    /// cursor on the same row where it is still shown.
    fn refresh_grid(&mut self) {
        let previous = self.grid.rows.get(self.row_cursor).map(|r| r.row);
        self.grid = match self.current_table() {
            Some(table) => IndicatorGrid::build(table, &self.filter, self.sort, &self.settings.glyphs),
            None => IndicatorGrid::default(),
        };
        self.row_cursor = previous
            .and_then(|row| self.grid.rows.iter().position(|r| r.row == row))
            .unwrap_or(0)
            .min(self.grid.rows.len().saturating_sub(1));
        self.column_offset = self.column_offset.min(self.grid.max_column_offset());
        self.refresh_gap();
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

    /// Rebuilds the gap pane for the current selection and pane size, and points its missed-row
    /// cursor at the selected row when that row is one of them.
    fn refresh_gap(&mut self) {
        self.canonical = self.current_row().map(|row| row_canonical(row, &self.settings.aliases));
        if let Some(canonical) = &self.canonical
            && !self.comparisons.contains_key(canonical)
        {
            let comparison = compare(&self.reports, &self.settings.aliases, canonical);
            self.comparisons.insert(canonical.clone(), comparison);
        }
        self.gap = GapView::build(self, self.pane_inner(Pane::Gap));
        let selected = self.grid.rows.get(self.row_cursor).map(|r| (self.table, r.row));
        if let Some(index) = self.gap.missed.iter().position(|m| Some((m.table, m.row)) == selected) {
            self.gap_cursor = index;
        }
        self.gap_cursor = self.gap_cursor.min(self.gap.missed.len().saturating_sub(1));
        self.detail_offset = 0;
    }

    /// Moves scroll offsets so that each pane's cursor is visible.
    fn scroll_into_view(&mut self) {
        let tree_rows = self.visible_rows(Pane::Districts);
        self.tree_offset = keep_visible(self.tree_cursor, self.tree_offset, tree_rows);
        let table_rows = self.visible_rows(Pane::Indicators);
        self.row_offset = keep_visible(self.row_cursor, self.row_offset, table_rows);
        let (missed, _) = gap::regions(self.pane_inner(Pane::Gap));
        let missed_rows = usize::from(missed.height.saturating_sub(1)).max(1);
        self.gap_offset = keep_visible(self.gap_cursor, self.gap_offset, missed_rows);
    }

    fn cycle_theme(&mut self) {
        let names = theme::builtin_names();
        let current = names.iter().position(|&n| n == self.settings.theme.name);
        let next = names[current.map_or(0, |i| (i + 1) % names.len())];
        self.set_theme(next);
    }

    /// Loads and applies a theme by name or path; on failure keeps the current one.
    pub fn set_theme(&mut self, name_or_path: &str) {
        let dir = self.settings.themes_dir.as_deref();
        match Theme::load(name_or_path, dir, self.settings.color_mode) {
            Ok(theme) => {
                self.notify(format!("theme {}", theme.name), false);
                self.settings.theme = theme;
                self.refresh_gap();
            }
            Err(error) => self.notify(format!("{error}; keeping {}", self.settings.theme.name), true),
        }
    }

    fn run_command(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let command = words.next().unwrap_or("");
        let argument = line.trim().get(command.len()..).unwrap_or("").trim();
        match command {
            "" => {}
            "q" | "quit" => self.quit = true,
            "help" => self.overlay = Overlay::Help(0),
            "export" => {
                let path = if argument.is_empty() { DEFAULT_EXPORT_PATH } else { argument };
                self.effects.push(Effect::Export(PathBuf::from(path)));
            }
            "theme" if !argument.is_empty() => self.set_theme(argument),
            "open" if !argument.is_empty() => self.effects.push(Effect::Open(PathBuf::from(argument))),
            "theme" | "open" => {
                self.notify(format!("{command} needs an argument: {command} NAME|PATH"), true)
            }
            other => self.notify(
                format!("unknown command `{other}`: try export [PATH], theme NAME|PATH, open PATH, quit"),
                true,
            ),
        }
    }

    fn copy_row(&mut self) {
        let Some(row) = self.current_row() else {
            return self.notify("no row selected to copy", true);
        };
        let text = format!("{}\n{}\n", indicators::tsv_header(), indicators::tsv_row(row));
        let name = row.name.clone();
        self.effects.push(Effect::Copy(text));
        self.notify(format!("copied {name} as TSV"), false);
    }

    fn copy_table(&mut self) {
        let Some(table) = self.current_table() else {
            return self.notify("no table to copy", true);
        };
        let mut text = format!("{}\n", indicators::tsv_header());
        let shown = self.grid.rows.iter().filter_map(|r| table.rows.get(r.row));
        for row in shown {
            text.push_str(&indicators::tsv_row(row));
            text.push('\n');
        }
        let message = format!("copied {} rows as TSV", self.grid.rows.len());
        self.effects.push(Effect::Copy(text));
        self.notify(message, false);
    }

    fn on_mouse(&mut self, event: MouseEvent) {
        let Screen::Panes(regions) = layout::compute(self.size, self.focus) else { return };
        let Some(pane) = regions.pane_at(event.column, event.row) else { return };
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let previous = self.focus;
                self.focus = pane;
                self.move_cursor(if event.kind == MouseEventKind::ScrollDown { 3 } else { -3 });
                self.focus = previous;
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                let Some(rect) = regions.pane(pane) else { return };
                let line = usize::from(event.row.saturating_sub(rect.y + 1));
                match pane {
                    Pane::Districts if line < self.tree.lines.len().saturating_sub(self.tree_offset) => {
                        self.tree_cursor = self.tree_offset + line;
                        self.follow_tree_cursor();
                    }
                    Pane::Indicators => {
                        let header = usize::from(self.table_header_rows());
                        let row = (line + self.row_offset).checked_sub(header);
                        if let Some(row) = row.filter(|&r| line >= header && r < self.grid.rows.len()) {
                            self.row_cursor = row;
                            self.refresh_gap();
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        self.scroll_into_view();
    }
}

/// The offset that keeps `cursor` within `rows` lines starting at `offset`.
fn keep_visible(cursor: usize, offset: usize, rows: usize) -> usize {
    if cursor < offset {
        cursor
    } else if cursor >= offset + rows {
        cursor + 1 - rows
    } else {
        offset
    }
}

/// The file an error is about.
fn failed_file(error: &crate::Error) -> String {
    match error {
        crate::Error::Read { path, .. } => path.display().to_string(),
        crate::Error::Empty { file }
        | crate::Error::NotText { file, .. }
        | crate::Error::NotAReport { file, .. } => file.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view() {
        assert_eq!(keep_visible(0, 5, 10), 0);
        assert_eq!(keep_visible(14, 0, 10), 5);
        assert_eq!(keep_visible(7, 3, 10), 3);
    }
}
