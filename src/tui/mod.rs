//! The interactive workbench: districts, indicator tables, gap analysis and the project finder,
//! drawn with ratatui on crossterm. It draws what the parser and the analysis compute and computes
//! nothing of its own.
//!
//! - [`app`]: the state and its update function; [`view`] and [`panes`] draw it.
//! - [`event`]: the event loop; [`terminal`]: taking over and restoring the terminal;
//!   [`loading`]: the reports loaded off the event loop, shown as they come.
//! - [`keymap`], [`theme`], [`config`], [`width`]: keys, colours, settings, ambiguous width.

pub mod app;
pub mod clipboard;
pub mod config;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod panes;
pub mod prompt;
pub mod scroll;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod width;

use crate::analysis::canonical::AliasTable;
use crate::corpus::{Corpus, Progress};
use app::{App, Settings};
use config::Config;
use keymap::Keymap;
use ratatui::layout::Rect;
use std::io::IsTerminal;
use std::path::PathBuf;
use theme::{ColorEnv, ColorMode, Theme};
use width::{AmbiguousWidth, Glyphs};

/// What the command line asked of the workbench; `None` leaves the choice to the configuration.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Report files and folders; empty for the embedded corpus.
    pub paths: Vec<PathBuf>,
    /// Theme name or path.
    pub theme: Option<String>,
    /// Capture the mouse.
    pub mouse: Option<bool>,
    /// Colour mode.
    pub color: Option<ColorMode>,
    /// How the terminal draws ambiguous-width characters.
    pub ambiguous_width: Option<AmbiguousWidth>,
}

/// Settings from the command line over the configuration file over the defaults, and the
/// problems met on the way (a bad config file or theme) for the status line.
pub fn settings(
    options: &Options,
    config: &Config,
    env: &ColorEnv,
    themes_dir: Option<PathBuf>,
) -> (Settings, Vec<String>) {
    let mut problems = Vec::new();
    let color_mode = options.color.or(config.color).unwrap_or_default().resolve(env);
    let theme = match options.theme.as_deref().or(config.theme.as_deref()) {
        Some(name) => Theme::load(name, themes_dir.as_deref(), color_mode).unwrap_or_else(|error| {
            problems.push(format!("{error}; using the default theme"));
            Theme::default_for(color_mode)
        }),
        None => Theme::default_for(color_mode),
    };
    let (keymap, key_problems) = Keymap::with_overrides(&config.keys, &config.prompt_keys);
    problems.extend(key_problems.into_iter().map(|p| format!("config {p}")));
    let ambiguous = options.ambiguous_width.or(config.ambiguous_width).unwrap_or_default();
    let settings = Settings {
        theme,
        color_mode,
        glyphs: Glyphs::new(ambiguous),
        keymap,
        mouse: options.mouse.or(config.mouse).unwrap_or(false),
        themes_dir,
        aliases: AliasTable::embedded(),
    };
    (settings, problems)
}

/// Opens the workbench on the terminal and runs it until the user quits; returns the signal
/// that ended it, if one did.
pub fn run(options: Options) -> anyhow::Result<Option<i32>> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the workbench needs a terminal; in scripts use a command such as `plangap export` or `plangap check` \
             (see `plangap --help`)"
        );
    }
    let config_file = crate::config::user();
    let (config, config_problem) = Config::from_file(config_file);
    let themes_dir = config_file.themes_dir();
    let (mut settings, mut problems) = settings(&options, &config, &ColorEnv::from_process(), themes_dir);
    problems.splice(0..0, config_problem);
    match AliasTable::with_config(config_file) {
        Ok(aliases) => settings.aliases = aliases,
        Err(error) => problems.push(format!("{error}; using the built-in indicator aliases")),
    }
    if settings.color_mode != ColorMode::None {
        // crossterm honours NO_COLOR by writing empty colour codes, which reset reverse video
        // too; the colour mode chosen here already accounts for NO_COLOR.
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    let mut guard = terminal::TerminalGuard::enter(settings.mouse)?;
    let (sender, messages) = event::spawn_sources();
    loading::spawn(options.paths, sender.clone());
    let size = guard.terminal.size()?;
    let mut app = App::new(Corpus::default(), settings, Rect::new(0, 0, size.width, size.height));
    app.loading = Some(Progress::default());
    if !problems.is_empty() {
        app.notify(problems.join("; "), true);
    }
    event::run(&mut app, &mut guard, &sender, &messages)?;
    drop(guard);
    Ok(app.exit_signal)
}
