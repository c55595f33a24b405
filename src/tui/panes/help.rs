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

/// How many of `line_count` help lines the overlay shows on a screen of `area`.
pub fn shown_lines(line_count: usize, area: Rect) -> usize {
    usize::from(area.height.saturating_sub(2)).min(line_count)
}

/// The furthest the overlay scrolls: the lines that do not fit.
pub fn max_scroll(line_count: usize, area: Rect) -> usize {
    line_count - shown_lines(line_count, area)
}

/// The overlay's footer: how to close it and, when the lines do not all fit, which are shown
/// and whether more follow.
fn footer(scroll: usize, shown: usize, total: usize, dot: &str) -> String {
    if shown >= total {
        return "? or Esc closes".to_owned();
    }
    let last = scroll + shown;
    let more = if last < total { ", more below: j/G" } else { ", k/g back up" };
    format!("{}-{last}/{total}{more} {dot} ? or Esc closes", scroll + 1)
}

/// Draws the help overlay centred in `area`, scrolled by `scroll` lines.
pub fn render_help(
    lines: &[Line<'static>],
    scroll: usize,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    area: Rect,
    buf: &mut Buffer,
) {
    let scroll = scroll.min(max_scroll(lines.len(), area));
    let shown = shown_lines(lines.len(), area);
    let footer = footer(scroll, shown, lines.len(), glyphs.dot);
    let widest = lines.iter().map(Line::width).max().unwrap_or(0).max(display_width(&footer) + 2);
    let width = u16::try_from(widest + 3).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let room = usize::from(area.width.saturating_sub(4));
    let inner = draw_popup(
        centred(area, width, height),
        "Help",
        &glyphs.truncate(&footer, room),
        styles,
        glyphs,
        buf,
    );
    for (i, line) in lines.iter().skip(scroll).take(usize::from(inner.height)).enumerate() {
        let line = glyphs.truncate_line(line.clone(), usize::from(inner.width));
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_says_which_lines_are_shown_and_whether_more_follow() {
        assert_eq!(footer(0, 40, 40, "·"), "? or Esc closes");
        assert_eq!(footer(0, 36, 45, "·"), "1-36/45, more below: j/G · ? or Esc closes");
        assert_eq!(footer(9, 36, 45, "·"), "10-45/45, k/g back up · ? or Esc closes");
    }

    #[test]
    fn the_overlay_scrolls_as_far_as_the_lines_that_do_not_fit() {
        assert_eq!(max_scroll(45, Rect::new(0, 0, 120, 40)), 7);
        assert_eq!(max_scroll(45, Rect::new(0, 0, 120, 60)), 0);
        assert_eq!(max_scroll(45, Rect::new(0, 0, 1, 1)), 45);
    }
}
