//! The help overlay: every key of the current key map with what it does.

use crate::text::display_width;
use crate::tui::keymap::{Bindable, Bindings, Keymap};
use crate::tui::panes::popup::{centred, draw_popup};
use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The help lines: a heading, then one line per action with its keys.
pub fn help_lines(keymap: &Keymap, styles: &Styles<Style>, glyphs: &Glyphs) -> Vec<Line<'static>> {
    let pane_keys = key_list(&keymap.panes);
    let prompt_keys = key_list(&keymap.prompt);
    let key_width =
        pane_keys.iter().chain(&prompt_keys).map(|(k, _)| display_width(k)).max().unwrap_or(0).min(20);
    let entry = |(keys, what): &(String, &str)| {
        Line::from(vec![
            Span::styled(format!(" {} ", glyphs.fit(keys, key_width)), styles.key),
            Span::styled(what.to_string(), styles.text),
        ])
    };
    let mut lines = vec![Line::styled(" Keys in the panes", styles.header)];
    lines.extend(pane_keys.iter().map(entry));
    lines.push(Line::default());
    lines.push(Line::styled(" Keys in the finder, the filter (/) and the command line (:)", styles.header));
    lines.extend(prompt_keys.iter().map(entry));
    lines.push(Line::default());
    lines.push(Line::styled(" Keys are set in $XDG_CONFIG_HOME/plangap/config.toml ([keys]).", styles.muted));
    lines
}

/// Each action of `bindings` with its keys (`k/Up`) and what it does.
fn key_list<A: Bindable>(bindings: &Bindings<A>) -> Vec<(String, &'static str)> {
    A::ALL.iter().map(|&action| (bindings.describe_keys(action), action.describe())).collect()
}

/// Draws the help overlay centred in `area`, scrolled by `scroll` lines.
pub fn render_help(
    lines: &[Line<'_>],
    scroll: usize,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let height = lines.len() as u16 + 2;
    let inner = draw_popup(centred(area, width, height), "Help", "? or Esc closes", styles, glyphs, buf);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in lines.iter().skip(scroll).take(usize::from(inner.height)).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}
