//! Themes: TOML files naming a style for each part of the screen, and the colour modes they are
//! drawn in.
//!
//! OpenSSH does not forward `COLORTERM`, so the default theme uses only the 16 ANSI colours,
//! which the terminal maps to its own palette. Colours written as 256-colour indices or `#rrggbb`
//! are brought down to what `color = auto|16|256|truecolor|none` allows. `none` (also chosen by
//! `NO_COLOR`) drops every colour and keeps the modifiers, with the selection drawn reversed.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The themes compiled into the binary: name and TOML text. The first is the default.
pub const BUILTIN: [(&str, &str); 4] = [
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

/// How many colours the terminal is asked to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    /// Decide from the environment: `NO_COLOR`, `COLORTERM`, `TERM`.
    #[default]
    Auto,
    /// The 16 ANSI colours only.
    #[value(name = "16")]
    #[serde(rename = "16")]
    Ansi16,
    /// The 256-colour palette.
    #[value(name = "256")]
    #[serde(rename = "256")]
    Ansi256,
    /// 24-bit colour.
    Truecolor,
    /// No colour at all: modifiers (bold, reversed, underlined) only.
    None,
}

/// The environment variables that decide [`ColorMode::Auto`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR`: any non-empty value turns colour off.
    pub no_color: Option<String>,
    /// `COLORTERM`: `truecolor` or `24bit` allow 24-bit colour.
    pub colorterm: Option<String>,
    /// `TERM`: `*-256color` allows 256 colours, `dumb` none.
    pub term: Option<String>,
}

impl ColorEnv {
    /// Reads the variables from the process environment.
    pub fn from_process() -> ColorEnv {
        ColorEnv {
            no_color: std::env::var("NO_COLOR").ok(),
            colorterm: std::env::var("COLORTERM").ok(),
            term: std::env::var("TERM").ok(),
        }
    }
}

impl ColorMode {
    /// The concrete mode: an explicit choice wins (as `NO_COLOR` asks of flags and configuration),
    /// `Auto` looks at the environment.
    pub fn resolve(self, env: &ColorEnv) -> ColorMode {
        if self != ColorMode::Auto {
            return self;
        }
        let set = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
        let term = env.term.as_deref().unwrap_or("");
        let colorterm = env.colorterm.as_deref().unwrap_or("");
        if set(&env.no_color) || term == "dumb" {
            ColorMode::None
        } else if colorterm.eq_ignore_ascii_case("truecolor") || colorterm.eq_ignore_ascii_case("24bit") {
            ColorMode::Truecolor
        } else if term.contains("256color") {
            ColorMode::Ansi256
        } else {
            ColorMode::Ansi16
        }
    }
}

/// One style per part of the screen. `S` is [`StyleSpec`] as read from a file and [`Style`] once
/// resolved for a colour mode.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Styles<S> {
    /// Ordinary text.
    pub text: S,
    /// Secondary text: units, line numbers, hints.
    pub muted: S,
    /// Borders of panes that do not have the focus.
    pub border: S,
    /// The border of the focused pane.
    pub border_focused: S,
    /// Pane titles.
    pub title: S,
    /// Table column headers and section headings.
    pub header: S,
    /// The selected line in the focused pane.
    pub selected: S,
    /// The selected line in other panes.
    pub selected_unfocused: S,
    /// Rows that met their target.
    pub met: S,
    /// Rows that missed their target.
    pub missed: S,
    /// Rows that cannot be judged.
    pub unassessed: S,
    /// The mark of binding (约束性) rows.
    pub binding: S,
    /// Characters a finder query matched.
    pub matched: S,
    /// The status line.
    pub status_line: S,
    /// Key names in the status line and the help overlay.
    pub key: S,
    /// Error messages.
    pub error: S,
    /// The target part of a gap bar.
    pub bar_target: S,
    /// The achieved part of a gap bar.
    pub bar_actual: S,
    /// Popups: the finder, the help overlay, the command line.
    pub popup: S,
}

impl<S> Styles<S> {
    /// Applies `f` to every style.
    fn map<T>(self, mut f: impl FnMut(S) -> T) -> Styles<T> {
        Styles {
            text: f(self.text),
            muted: f(self.muted),
            border: f(self.border),
            border_focused: f(self.border_focused),
            title: f(self.title),
            header: f(self.header),
            selected: f(self.selected),
            selected_unfocused: f(self.selected_unfocused),
            met: f(self.met),
            missed: f(self.missed),
            unassessed: f(self.unassessed),
            binding: f(self.binding),
            matched: f(self.matched),
            status_line: f(self.status_line),
            key: f(self.key),
            error: f(self.error),
            bar_target: f(self.bar_target),
            bar_actual: f(self.bar_actual),
            popup: f(self.popup),
        }
    }
}

/// A style as written in a theme file: `{ fg = "red", bg = "#202020", modifiers = ["bold"] }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<ColorSpec>,
    /// Background colour.
    pub bg: Option<ColorSpec>,
    /// `bold`, `dim`, `italic`, `underlined`, `reversed`, `crossed_out`.
    #[serde(default)]
    pub modifiers: Vec<ModifierSpec>,
}

/// A colour as written in a theme file: an ANSI name (`red`, `bright_black`), `reset`, a
/// 256-colour index (`"208"`) or `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ColorSpec(pub Color);

impl TryFrom<String> for ColorSpec {
    type Error = String;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        let color = match name.to_ascii_lowercase().replace('-', "_").as_str() {
            "reset" | "default" => Color::Reset,
            "black" => Color::Black,
            "red" => Color::Red,
            "green" => Color::Green,
            "yellow" => Color::Yellow,
            "blue" => Color::Blue,
            "magenta" => Color::Magenta,
            "cyan" => Color::Cyan,
            "white" => Color::Gray,
            "bright_black" | "gray" | "grey" => Color::DarkGray,
            "bright_red" => Color::LightRed,
            "bright_green" => Color::LightGreen,
            "bright_yellow" => Color::LightYellow,
            "bright_blue" => Color::LightBlue,
            "bright_magenta" => Color::LightMagenta,
            "bright_cyan" => Color::LightCyan,
            "bright_white" => Color::White,
            other => parse_numeric_color(other).ok_or_else(|| {
                format!(
                    "unknown colour `{name}`: use an ANSI name (red, bright_black, …), reset, \
                     an index 0-255 or #rrggbb"
                )
            })?,
        };
        Ok(ColorSpec(color))
    }
}

fn parse_numeric_color(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        let [_, r, g, b] = value.to_be_bytes();
        return Some(Color::Rgb(r, g, b));
    }
    text.parse::<u8>().ok().map(Color::Indexed)
}

/// A text modifier as written in a theme file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModifierSpec {
    /// Bold.
    Bold,
    /// Dim.
    Dim,
    /// Italic.
    Italic,
    /// Underlined.
    Underlined,
    /// Reversed foreground and background.
    Reversed,
    /// Crossed out.
    CrossedOut,
}

impl From<ModifierSpec> for Modifier {
    fn from(spec: ModifierSpec) -> Modifier {
        match spec {
            ModifierSpec::Bold => Modifier::BOLD,
            ModifierSpec::Dim => Modifier::DIM,
            ModifierSpec::Italic => Modifier::ITALIC,
            ModifierSpec::Underlined => Modifier::UNDERLINED,
            ModifierSpec::Reversed => Modifier::REVERSED,
            ModifierSpec::CrossedOut => Modifier::CROSSED_OUT,
        }
    }
}

/// A theme file as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    /// The theme's name, shown in the status line.
    name: Option<String>,
    /// The styles.
    #[serde(default)]
    styles: Styles<StyleSpec>,
}

/// A theme resolved for a colour mode, ready to draw with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// The colour mode the styles were resolved for.
    pub mode: ColorMode,
    /// The styles.
    pub styles: Styles<Style>,
}

/// A theme that could not be loaded: which one, and why, with the line for parse errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("theme {source_name}: {reason}")]
pub struct ThemeError {
    /// The theme's name or path.
    pub source_name: String,
    /// What was wrong.
    pub reason: String,
}

impl Theme {
    /// Parses a theme from TOML text; `source_name` names it in errors.
    pub fn parse(source_name: &str, toml_text: &str, mode: ColorMode) -> Result<Theme, ThemeError> {
        let file: ThemeFile = toml::from_str(toml_text).map_err(|error| ThemeError {
            source_name: source_name.to_owned(),
            reason: crate::config::describe_toml_error(toml_text, &error),
        })?;
        let name = file.name.unwrap_or_else(|| source_name.to_owned());
        let styles = file.styles.map(|spec| resolve_style(&spec, mode));
        let mut theme = Theme { name, mode, styles };
        if mode == ColorMode::None {
            theme.keep_visible_without_colour();
        }
        Ok(theme)
    }

    /// The default theme (the first built-in one) for `mode`.
    pub fn default_for(mode: ColorMode) -> Theme {
        let (name, text) = BUILTIN[0];
        Theme::parse(name, text, mode).unwrap_or_else(|_| Theme {
            name: name.to_owned(),
            mode,
            styles: Styles::default(),
        })
    }

    /// Loads a theme by built-in name, by path, or by name from `themes_dir`
    /// (`$XDG_CONFIG_HOME/plangap/themes/NAME.toml`).
    pub fn load(name_or_path: &str, themes_dir: Option<&Path>, mode: ColorMode) -> Result<Theme, ThemeError> {
        if let Some((name, text)) = BUILTIN.iter().find(|(name, _)| *name == name_or_path) {
            return Theme::parse(name, text, mode);
        }
        let path = theme_path(name_or_path, themes_dir).ok_or_else(|| ThemeError {
            source_name: name_or_path.to_owned(),
            reason: format!(
                "no such theme; the built-in ones are {}, or give the path of a .toml file",
                builtin_names().join(", ")
            ),
        })?;
        let text = std::fs::read_to_string(&path).map_err(|error| ThemeError {
            source_name: path.display().to_string(),
            reason: format!("cannot read it: {error}"),
        })?;
        Theme::parse(&path.display().to_string(), &text, mode)
    }

    /// In [`ColorMode::None`] colours are gone, so the selection is drawn reversed, matched
    /// characters underlined and headers bold, whatever the theme says.
    fn keep_visible_without_colour(&mut self) {
        let s = &mut self.styles;
        s.selected = s.selected.add_modifier(Modifier::REVERSED);
        s.selected_unfocused = s.selected_unfocused.add_modifier(Modifier::UNDERLINED);
        s.matched = s.matched.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        s.header = s.header.add_modifier(Modifier::BOLD);
        s.border_focused = s.border_focused.add_modifier(Modifier::BOLD);
        s.status_line = s.status_line.add_modifier(Modifier::REVERSED);
    }
}

/// The names of the built-in themes, default first.
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(name, _)| *name).collect()
}

/// Where the theme called `name_or_path` lives, if anywhere.
fn theme_path(name_or_path: &str, themes_dir: Option<&Path>) -> Option<PathBuf> {
    let given = PathBuf::from(name_or_path);
    if given.is_file() {
        return Some(given);
    }
    let dir = themes_dir?;
    let named = dir.join(format!("{name_or_path}.toml"));
    named.is_file().then_some(named)
}

fn resolve_style(spec: &StyleSpec, mode: ColorMode) -> Style {
    let mut style = Style::default();
    if mode != ColorMode::None {
        if let Some(ColorSpec(fg)) = spec.fg {
            style = style.fg(downgrade(fg, mode));
        }
        if let Some(ColorSpec(bg)) = spec.bg {
            style = style.bg(downgrade(bg, mode));
        }
    }
    spec.modifiers.iter().fold(style, |style, &m| style.add_modifier(m.into()))
}

/// The 16 ANSI colours with their usual (xterm) values, in index order.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// `color` brought down to what `mode` can draw.
pub fn downgrade(color: Color, mode: ColorMode) -> Color {
    match (mode, color) {
        (ColorMode::Ansi16, Color::Indexed(i)) => nearest_ansi16(indexed_rgb(i)),
        (ColorMode::Ansi16, Color::Rgb(r, g, b)) => nearest_ansi16((r, g, b)),
        (ColorMode::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_ansi256((r, g, b))),
        _ => color,
    }
}

/// The RGB value of a 256-colour index (xterm palette).
fn indexed_rgb(index: u8) -> (u8, u8, u8) {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match index {
        0..=15 => ANSI16[usize::from(index)].1,
        16..=231 => {
            let i = usize::from(index - 16);
            (LEVELS[i / 36], LEVELS[(i / 6) % 6], LEVELS[i % 6])
        }
        232..=255 => {
            let level = 8 + (index - 232) * 10;
            (level, level, level)
        }
    }
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest_ansi16(rgb: (u8, u8, u8)) -> Color {
    ANSI16.iter().min_by_key(|(_, value)| distance(*value, rgb)).map_or(Color::Reset, |(color, _)| *color)
}

fn nearest_ansi256(rgb: (u8, u8, u8)) -> u8 {
    (16..=255u8).min_by_key(|&i| distance(indexed_rgb(i), rgb)).unwrap_or(16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_in_every_mode() {
        for (name, text) in BUILTIN {
            for mode in [ColorMode::Ansi16, ColorMode::Ansi256, ColorMode::Truecolor, ColorMode::None] {
                let theme = Theme::parse(name, text, mode).unwrap();
                assert_eq!(theme.name, name);
            }
        }
    }

    #[test]
    fn the_default_theme_uses_only_the_16_ansi_colours() {
        let theme = Theme::parse(BUILTIN[0].0, BUILTIN[0].1, ColorMode::Truecolor).unwrap();
        let styles = theme.styles.map(|s| [s.fg, s.bg]);
        let mut colours = Vec::new();
        styles.map(|pair| colours.extend(pair.into_iter().flatten()));
        for colour in colours {
            assert!(!matches!(colour, Color::Rgb(..) | Color::Indexed(_)), "{colour:?}");
        }
    }

    #[test]
    fn no_colour_keeps_the_selection_visible() {
        let theme = Theme::default_for(ColorMode::None);
        assert!(theme.styles.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(theme.styles.missed.fg, None);
        assert_eq!(theme.styles.status_line.bg, None);
    }

    #[test]
    fn auto_mode_reads_the_environment() {
        let env = |no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>| ColorEnv {
            no_color: no_color.map(str::to_owned),
            colorterm: colorterm.map(str::to_owned),
            term: term.map(str::to_owned),
        };
        let auto = ColorMode::Auto;
        assert_eq!(auto.resolve(&env(Some("1"), Some("truecolor"), None)), ColorMode::None);
        assert_eq!(auto.resolve(&env(Some(""), None, Some("xterm"))), ColorMode::Ansi16);
        assert_eq!(auto.resolve(&env(None, Some("24bit"), None)), ColorMode::Truecolor);
        assert_eq!(auto.resolve(&env(None, None, Some("tmux-256color"))), ColorMode::Ansi256);
        assert_eq!(auto.resolve(&env(None, None, Some("dumb"))), ColorMode::None);
        assert_eq!(ColorMode::Ansi16.resolve(&env(Some("1"), None, None)), ColorMode::Ansi16);
    }

    #[test]
    fn colours_are_brought_down_to_the_mode() {
        assert_eq!(downgrade(Color::Rgb(250, 10, 10), ColorMode::Ansi16), Color::LightRed);
        assert_eq!(downgrade(Color::Rgb(0, 0, 0), ColorMode::Ansi256), Color::Indexed(16));
        assert_eq!(downgrade(Color::Indexed(196), ColorMode::Ansi16), Color::LightRed);
        assert_eq!(downgrade(Color::Rgb(1, 2, 3), ColorMode::Truecolor), Color::Rgb(1, 2, 3));
        assert_eq!(downgrade(Color::Red, ColorMode::Ansi16), Color::Red);
    }

    #[test]
    fn a_bad_theme_names_the_line() {
        let text = "name = \"x\"\n[styles]\nmissed = { fg = \"rde\" }\n";
        let error = Theme::parse("x.toml", text, ColorMode::Ansi16).unwrap_err();
        assert!(error.to_string().starts_with("theme x.toml: line 3, column"), "{error}");
        assert!(error.to_string().contains("unknown colour `rde`"), "{error}");
        let typo = "[styles]\nmised = { fg = \"red\" }\n";
        let error = Theme::parse("y.toml", typo, ColorMode::Ansi16).unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
    }

    #[test]
    fn unknown_theme_lists_the_builtin_ones() {
        let error = Theme::load("solarized-nope", None, ColorMode::Ansi16).unwrap_err();
        assert!(error.reason.contains("dark, light, high-contrast, monochrome"), "{error}");
    }
}
