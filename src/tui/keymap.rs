//! Keys as data: which key does what, in the panes and in the line prompts (finder, filter,
//! command line). The defaults below are overridden per action by the `[keys]` and
//! `[prompt_keys]` tables of the configuration file, e.g. `quit = ["q", "ctrl-q"]`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// What a key does in the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Leave the workbench.
    Quit,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Show or hide the list of keys.
    Help,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Collapse a tree node, or scroll a table left.
    Left,
    /// Expand a tree node, or scroll a table right.
    Right,
    /// Go to the first line.
    Top,
    /// Go to the last line.
    Bottom,
    /// Move half a page down.
    PageDown,
    /// Move half a page up.
    PageUp,
    /// Open the selected item.
    Select,
    /// Close, clear the filter, or go back.
    Back,
    /// Show only rows that missed their target.
    MissedOnly,
    /// Show only binding (约束性) rows.
    BindingOnly,
    /// Cycle the sort order of the indicator table.
    CycleSort,
    /// Cycle through the built-in themes.
    CycleTheme,
    /// Open the command line.
    Command,
    /// Copy the selected row to the clipboard as TSV.
    CopyRow,
    /// Copy the whole table to the clipboard as TSV.
    CopyTable,
    /// Open the project finder.
    Finder,
    /// Search in the focused pane: filter the districts in the tree, the rows in the table.
    Search,
    /// Show the next indicator table of the report.
    NextTable,
    /// Show the previous indicator table of the report.
    PrevTable,
}

/// An action keys are bound to: its name in the configuration, what it does, its default keys.
pub trait Bindable: Copy + Ord + 'static {
    /// Every action, in the order the help overlay lists them.
    const ALL: &'static [Self];

    /// The name used in the configuration file, the description for the help overlay, and the
    /// keys bound by default.
    fn entry(self) -> (&'static str, &'static str, &'static [&'static str]);

    /// The name used in the configuration file.
    fn name(self) -> &'static str {
        self.entry().0
    }

    /// What the action does, for the help overlay.
    fn describe(self) -> &'static str {
        self.entry().1
    }
}

impl Bindable for Action {
    const ALL: &'static [Action] = &[
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::Top,
        Action::Bottom,
        Action::PageDown,
        Action::PageUp,
        Action::NextPane,
        Action::PrevPane,
        Action::Select,
        Action::Back,
        Action::NextTable,
        Action::PrevTable,
        Action::MissedOnly,
        Action::BindingOnly,
        Action::Search,
        Action::CycleSort,
        Action::Finder,
        Action::CopyRow,
        Action::CopyTable,
        Action::Command,
        Action::CycleTheme,
        Action::Help,
        Action::Suspend,
        Action::Quit,
    ];

    fn entry(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            Action::Quit => ("quit", "quit (Ctrl-C always quits)", &["q"]),
            Action::Suspend => ("suspend", "suspend to the shell (fg resumes)", &["ctrl-z"]),
            Action::Help => ("help", "show or hide this help", &["?", "f1"]),
            Action::NextPane => ("next_pane", "focus the next pane", &["tab"]),
            Action::PrevPane => ("prev_pane", "focus the previous pane", &["shift-tab"]),
            Action::Up => ("up", "move up", &["k", "up"]),
            Action::Down => ("down", "move down", &["j", "down"]),
            Action::Left => ("left", "collapse / scroll the table left", &["h", "left"]),
            Action::Right => ("right", "expand / scroll the table right", &["l", "right"]),
            Action::Top => ("top", "go to the first line", &["g", "home"]),
            Action::Bottom => ("bottom", "go to the last line", &["G", "end"]),
            Action::PageDown => ("page_down", "half a page down", &["ctrl-d", "pagedown"]),
            Action::PageUp => ("page_up", "half a page up", &["ctrl-u", "pageup"]),
            Action::Select => ("select", "open the selection", &["enter"]),
            Action::Back => ("back", "close / clear the filter / go back", &["esc"]),
            Action::MissedOnly => ("missed_only", "only missed targets", &["m"]),
            Action::BindingOnly => ("binding_only", "only binding (约束性) targets", &["b"]),
            Action::CycleSort => ("cycle_sort", "cycle the sort order", &["s"]),
            Action::CycleTheme => ("cycle_theme", "cycle the theme", &["t"]),
            Action::Command => ("command", "command line: export, theme NAME, open PATH", &[":"]),
            Action::CopyRow => ("copy_row", "copy the row as TSV (OSC 52)", &["y"]),
            Action::CopyTable => ("copy_table", "copy the table as TSV (OSC 52)", &["Y"]),
            Action::Finder => ("finder", "find a project", &["ctrl-p"]),
            Action::Search => ("search", "filter districts (tree) / rows (table)", &["/"]),
            Action::NextTable => ("next_table", "next table of the report", &["]"]),
            Action::PrevTable => ("prev_table", "previous table of the report", &["["]),
        }
    }
}

/// What a key does in a line prompt (the finder, the row filter, the command line). Keys bound
/// to no prompt action type themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PromptAction {
    /// Accept: jump to the selected match, apply the filter, run the command.
    Accept,
    /// Close the prompt.
    Cancel,
    /// Select the next match.
    Next,
    /// Select the previous match.
    Prev,
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Clear the line.
    Clear,
    /// Move the cursor left.
    CursorLeft,
    /// Move the cursor right.
    CursorRight,
    /// Move the cursor to the start.
    Home,
    /// Move the cursor to the end.
    End,
}

impl Bindable for PromptAction {
    const ALL: &'static [PromptAction] = &[
        PromptAction::Accept,
        PromptAction::Cancel,
        PromptAction::Next,
        PromptAction::Prev,
        PromptAction::DeleteBack,
        PromptAction::DeleteForward,
        PromptAction::DeleteWord,
        PromptAction::Clear,
        PromptAction::CursorLeft,
        PromptAction::CursorRight,
        PromptAction::Home,
        PromptAction::End,
    ];

    fn entry(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            PromptAction::Accept => ("accept", "accept / jump", &["enter"]),
            PromptAction::Cancel => ("cancel", "close the prompt", &["esc"]),
            PromptAction::Next => ("next", "next match", &["down", "ctrl-n", "tab"]),
            PromptAction::Prev => ("prev", "previous match", &["up", "ctrl-p", "shift-tab"]),
            PromptAction::DeleteBack => ("delete_back", "delete backwards", &["backspace"]),
            PromptAction::DeleteForward => ("delete_forward", "delete forwards", &["delete"]),
            PromptAction::DeleteWord => ("delete_word", "delete a word", &["ctrl-w"]),
            PromptAction::Clear => ("clear", "clear the line", &["ctrl-u"]),
            PromptAction::CursorLeft => ("cursor_left", "cursor left", &["left"]),
            PromptAction::CursorRight => ("cursor_right", "cursor right", &["right"]),
            PromptAction::Home => ("home", "cursor to start", &["home", "ctrl-a"]),
            PromptAction::End => ("end", "cursor to end", &["end", "ctrl-e"]),
        }
    }
}

/// A key with its modifiers, as written in the configuration (`ctrl-p`, `shift-tab`, `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is part of the character for printable keys).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key pressed in `event`, normalised so that `G` and `shift-g` are the same key.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if modifiers.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            code => code,
        };
        Key { code, modifiers }
    }

    /// Parses a key as written in the configuration: an optional `ctrl-`/`alt-`/`shift-` prefix
    /// and a key name (`enter`, `esc`, `tab`, `up`, `pagedown`, `f1`, `space`) or one character.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len());
            match prefix {
                Some((p, m)) => {
                    modifiers |= m;
                    rest = &rest[p.len()..];
                }
                None => break,
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if modifiers.contains(KeyModifiers::SHIFT) => {
                        KeyCode::Char(c.to_ascii_uppercase())
                    }
                    (Some(c), None) => KeyCode::Char(c),
                    _ => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        Some(n) if (1..=24).contains(&n) => KeyCode::F(n),
                        _ => return Err(format!("unknown key `{text}`")),
                    },
                }
            }
        };
        let event = KeyEvent::new(code, modifiers);
        Ok(Key::from_event(&event))
    }
}

impl fmt::Display for Key {
    /// The key as the help overlay shows it: `Ctrl-p`, `Shift-Tab`, `G`, `Enter`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A table from keys to actions of type `A`, and back, for the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings<A> {
    by_key: HashMap<Key, A>,
    by_action: BTreeMap<A, Vec<Key>>,
}

impl<A: Bindable> Bindings<A> {
    /// Every action bound to its default keys.
    fn defaults() -> Bindings<A> {
        let mut bindings = Bindings { by_key: HashMap::new(), by_action: BTreeMap::new() };
        for &action in A::ALL {
            let keys = action.entry().2.iter().filter_map(|k| Key::parse(k).ok()).collect();
            bindings.bind(action, keys);
        }
        bindings
    }

    /// Applies `overrides` (action name → key names) from the configuration's `[table]`,
    /// reporting unknown actions and keys in `problems`; the rest still applies.
    fn apply(&mut self, overrides: &BTreeMap<String, Vec<String>>, table: &str, problems: &mut Vec<String>) {
        for (action_name, key_names) in overrides {
            let Some(&action) = A::ALL.iter().find(|a| a.name() == action_name) else {
                let known: Vec<&str> = A::ALL.iter().map(|a| a.name()).collect();
                problems
                    .push(format!("[{table}] {action_name}: no such action; known: {}", known.join(", ")));
                continue;
            };
            let mut keys = Vec::new();
            for key_name in key_names {
                match Key::parse(key_name) {
                    Ok(key) => keys.push(key),
                    Err(error) => problems.push(format!("[{table}] {action_name}: {error}")),
                }
            }
            self.bind(action, keys);
        }
    }

    /// Replaces the keys of `action` by `keys`, taking them from any other action.
    fn bind(&mut self, action: A, keys: Vec<Key>) {
        if let Some(old) = self.by_action.remove(&action) {
            for key in old {
                self.by_key.remove(&key);
            }
        }
        for key in &keys {
            if let Some(previous) = self.by_key.insert(*key, action)
                && let Some(list) = self.by_action.get_mut(&previous)
            {
                list.retain(|k| k != key);
            }
        }
        self.by_action.insert(action, keys);
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: &Key) -> Option<A> {
        self.by_key.get(key).copied()
    }

    /// The keys bound to `action`.
    pub fn keys(&self, action: A) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The keys bound to `action` as the help shows them: `k/↑`.
    pub fn describe_keys(&self, action: A) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(Key::to_string).collect();
        keys.join("/")
    }
}

/// The key map: pane keys and prompt keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Keys in the panes.
    pub panes: Bindings<Action>,
    /// Keys in the finder, the filter and the command line.
    pub prompt: Bindings<PromptAction>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap { panes: Bindings::defaults(), prompt: Bindings::defaults() }
    }
}

impl Keymap {
    /// The default key map with `panes` and `prompt` (action name → key names) applied over it.
    /// Unknown action or key names are reported, and the rest still applies.
    pub fn with_overrides(
        panes: &BTreeMap<String, Vec<String>>,
        prompt: &BTreeMap<String, Vec<String>>,
    ) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        keymap.panes.apply(panes, "keys", &mut problems);
        keymap.prompt.apply(prompt, "prompt_keys", &mut problems);
        (keymap, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_parse_as_the_terminal_reports_them() {
        assert_eq!(Key::parse("ctrl-p"), Ok(key(KeyCode::Char('p'), KeyModifiers::CONTROL)));
        assert_eq!(Key::parse("G"), Ok(key(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert_eq!(Key::parse("shift-tab"), Ok(key(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert_eq!(Key::parse("?"), Ok(key(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        assert_eq!(Key::parse("f1"), Ok(key(KeyCode::F(1), KeyModifiers::NONE)));
        assert_eq!(Key::parse("space"), Ok(key(KeyCode::Char(' '), KeyModifiers::NONE)));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn every_action_has_a_default_key_and_no_key_is_bound_twice() {
        let keymap = Keymap::default();
        for &action in Action::ALL {
            assert!(!keymap.panes.keys(action).is_empty(), "{action:?}");
        }
        for &action in PromptAction::ALL {
            assert!(!keymap.prompt.keys(action).is_empty(), "{action:?}");
        }
        let bound: usize = Action::ALL.iter().map(|&a| keymap.panes.keys(a).len()).sum();
        assert_eq!(bound, keymap.panes.by_key.len());
    }

    #[test]
    fn overrides_replace_keys_and_report_mistakes() {
        let mut panes = BTreeMap::new();
        panes.insert("quit".to_owned(), vec!["ctrl-q".to_owned(), "x".to_owned()]);
        panes.insert("help".to_owned(), vec!["q".to_owned(), "nonsense-key".to_owned()]);
        panes.insert("fly".to_owned(), vec!["f".to_owned()]);
        let (keymap, problems) = Keymap::with_overrides(&panes, &BTreeMap::new());
        let q = Key::parse("q").unwrap();
        assert_eq!(keymap.panes.action(&q), Some(Action::Help));
        assert_eq!(keymap.panes.action(&Key::parse("ctrl-q").unwrap()), Some(Action::Quit));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("fly: no such action"));
        assert!(problems[1].contains("unknown key `nonsense-key`"));
    }
}
