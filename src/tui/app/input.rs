//! From keys, pasted text and the mouse to actions on the app: the key map for the panes, line
//! editing for the prompts, hit-testing for clicks.

use super::{App, Effect, Overlay};
use crate::tui::keymap::{Action, Key, PromptAction};
use crate::tui::layout::{self, Pane, Screen};
use crate::tui::panes::help;
use crate::tui::prompt::LineInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

impl App {
    /// A key: Ctrl-C quits from anywhere; otherwise the overlay or the focused pane takes it.
    pub(super) fn on_key(&mut self, event: KeyEvent) {
        if event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        let key = Key::from_event(&event);
        // Esc and a key typed quickly (over SSH, in tmux) arrive as one sequence, read as Alt and
        // the key: unless Alt-key means something where it is pressed, take it as the two keys.
        if event.modifiers.contains(KeyModifiers::ALT) && !self.is_bound(&key) {
            self.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let mut plain = event;
            plain.modifiers.remove(KeyModifiers::ALT);
            return self.on_key(plain);
        }
        match &self.overlay {
            Overlay::None => {
                if let Some(action) = self.settings.keymap.panes.action(&key) {
                    self.message = None;
                    self.on_action(action);
                }
            }
            Overlay::Help(_) => self.on_help_key(&key),
            Overlay::Filter(_) | Overlay::TreeFilter(_) | Overlay::Command(_) | Overlay::Finder => {
                self.on_prompt_key(&key, event)
            }
        }
    }

    /// Whether `key` does something where it is pressed: in the panes and the help overlay,
    /// the panes' key map; in a prompt, the prompt's.
    fn is_bound(&self, key: &Key) -> bool {
        match self.overlay {
            Overlay::None | Overlay::Help(_) => self.settings.keymap.panes.action(key).is_some(),
            _ => self.settings.keymap.prompt.action(key).is_some(),
        }
    }

    /// A key while the help overlay is open: scroll, or close it.
    fn on_help_key(&mut self, key: &Key) {
        let settings = &self.settings;
        let count = help::help_lines(&settings.keymap, &settings.theme.styles, &settings.glyphs).len();
        let most = help::max_scroll(count, self.size);
        let page = (help::shown_lines(count, self.size) / 2).max(1);
        let action = self.settings.keymap.panes.action(key);
        let Overlay::Help(scroll) = &mut self.overlay else { return };
        *scroll = match action {
            Some(Action::Down) => *scroll + 1,
            Some(Action::Up) => scroll.saturating_sub(1),
            Some(Action::PageDown) => *scroll + page,
            Some(Action::PageUp) => scroll.saturating_sub(page),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => most,
            Some(Action::Help | Action::Back | Action::Quit) => {
                self.overlay = Overlay::None;
                return;
            }
            _ => *scroll,
        }
        .min(most);
    }

    /// A key in a prompt: a prompt action from the key map, or a character typed.
    fn on_prompt_key(&mut self, key: &Key, event: KeyEvent) {
        let action = self.settings.keymap.prompt.action(key);
        match action {
            Some(PromptAction::Accept) => return self.accept_prompt(),
            Some(PromptAction::Cancel) => return self.cancel_prompt(),
            Some(PromptAction::Next) => return self.step_finder(1),
            Some(PromptAction::Prev) => return self.step_finder(-1),
            _ => {}
        }
        let Some(input) = self.prompt_input() else { return };
        match action {
            Some(PromptAction::Accept | PromptAction::Cancel | PromptAction::Next | PromptAction::Prev) => {}
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

    /// The text of the open prompt, if one is open.
    fn prompt_input(&mut self) -> Option<&mut LineInput> {
        match &mut self.overlay {
            Overlay::Filter(input) | Overlay::TreeFilter(input) | Overlay::Command(input) => Some(input),
            Overlay::Finder => Some(&mut self.finder.input),
            Overlay::None | Overlay::Help(_) => None,
        }
    }

    /// Pasted text goes into an open prompt (its first line only).
    pub(super) fn on_paste(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or("");
        if let Some(input) = self.prompt_input() {
            input.insert(line);
            self.prompt_changed();
        }
    }

    /// The filter and the finder follow the text as it is typed.
    fn prompt_changed(&mut self) {
        match &self.overlay {
            Overlay::Filter(input) => {
                self.filter.text = input.text().to_owned();
                self.refresh_grid();
            }
            Overlay::TreeFilter(input) => {
                let text = input.text().to_owned();
                self.filter_tree(&text);
            }
            Overlay::Finder => self.search_finder(),
            Overlay::Command(_) | Overlay::Help(_) | Overlay::None => {}
        }
    }

    /// Enter in a prompt: the filter stays, the command runs.
    fn accept_prompt(&mut self) {
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Command(input) => self.run_command(input.text()),
            Overlay::Finder => self.jump_to_finder_match(),
            Overlay::Filter(_) | Overlay::TreeFilter(_) | Overlay::Help(_) | Overlay::None => {}
        }
    }

    /// Esc in a prompt: closes it, dropping a filter being typed.
    fn cancel_prompt(&mut self) {
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Filter(_) => {
                self.filter.text.clear();
                self.refresh_grid();
            }
            Overlay::TreeFilter(_) => self.filter_tree(""),
            Overlay::Command(_) | Overlay::Finder | Overlay::Help(_) | Overlay::None => {}
        }
    }

    /// A pane action from the key map.
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
            Action::Finder => self.open_finder(),
            Action::Search if self.focus == Pane::Districts => {
                self.overlay = Overlay::TreeFilter(LineInput::new(self.tree.filter()));
            }
            Action::Search => {
                self.focus = Pane::Indicators;
                self.overlay = Overlay::Filter(LineInput::new(&self.filter.text));
            }
            Action::NextTable => self.switch_table(1),
            Action::PrevTable => self.switch_table(-1),
        }
        self.scroll_into_view();
    }

    /// A click focuses the pane and selects the line under it; the wheel moves the selection.
    pub(super) fn on_mouse(&mut self, event: MouseEvent) {
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
                    Pane::Districts
                        if line < self.tree.lines.len().saturating_sub(self.tree_scroll.offset()) =>
                    {
                        self.tree_scroll.select(self.tree_scroll.offset() + line);
                        self.follow_tree_cursor();
                    }
                    Pane::Indicators => {
                        let header = usize::from(self.table_header_rows());
                        let row = (line + self.row_scroll.offset()).checked_sub(header);
                        if let Some(row) = row.filter(|&r| line >= header && r < self.grid.len()) {
                            self.row_scroll.select(row);
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
