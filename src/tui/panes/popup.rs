//! Popups over the panes (the help overlay, the finder): placed in the middle, cleared
//! properly, framed with a title and a footer.

use crate::tui::theme::Styles;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

/// Clears `popup`, frames it with `title` and `footer`, and returns its inside.
pub fn draw_popup(
    popup: Rect,
    title: &str,
    footer: &str,
    styles: &Styles<Style>,
    glyphs: &Glyphs,
    buf: &mut Buffer,
) -> Rect {
    clear_popup(popup, buf);
    let block = Block::bordered()
        .border_set(glyphs.border)
        .border_style(styles.border_focused)
        .style(styles.popup)
        .title(Line::styled(format!(" {title} "), styles.title))
        .title_bottom(Line::styled(format!(" {footer} "), styles.muted));
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

/// Clears `popup` for drawing over the panes, including a wide character that started just left
/// of it: its right half would otherwise be overdrawn and the terminal would lose its left half.
pub fn clear_popup(popup: Rect, buf: &mut Buffer) {
    Clear.render(popup, buf);
    if popup.x > buf.area.x {
        for y in popup.top()..popup.bottom() {
            if let Some(cell) = buf.cell_mut((popup.x - 1, y))
                && crate::text::display_width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A rectangle of at most `width` × `height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}
