//! Drawing the visible lines of the tree: indented labels, the cursor line selected, badges
//! coloured by whether they show missed rows.

use super::tree::TreeItem;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the app's tree into `area`, from its scroll offset, the cursor line selected.
pub fn render_tree(app: &App, focused: bool, area: Rect, buf: &mut Buffer) {
    let (tree, cursor, offset) = (&app.tree, app.tree_scroll.cursor(), app.tree_scroll.offset());
    let (styles, glyphs) = (&app.settings.theme.styles, &app.settings.glyphs);
    let width = usize::from(area.width);
    for (i, line) in tree.lines.iter().enumerate().skip(offset).take(usize::from(area.height)) {
        let y = area.y + (i - offset) as u16;
        let selected = i == cursor;
        let base = match (selected, focused) {
            (true, true) => styles.text.patch(styles.selected),
            (true, false) => styles.text.patch(styles.selected_unfocused),
            (false, _) => match line.item {
                TreeItem::Group(_) | TreeItem::District(_) | TreeItem::Failures => {
                    styles.text.patch(styles.header)
                }
                TreeItem::Failure(_) => styles.text.patch(styles.error),
                TreeItem::Report(_) => styles.text,
            },
        };
        buf.set_style(Rect { x: area.x, y, width: area.width, height: 1 }, base);
        let indent = "  ".repeat(line.depth);
        let badge = line.badge.as_ref().map_or(String::new(), |(text, _)| format!(" {text}"));
        let badge_width = crate::text::display_width(&badge);
        let label_room = width.saturating_sub(indent.len() + badge_width);
        let label = glyphs.fit(&format!("{indent}{}", line.label), label_room + indent.len());
        buf.set_stringn(area.x, y, &label, width, base);
        if let Some((_, missed)) = &line.badge {
            let style = if *missed { styles.missed } else { styles.met };
            let style = if selected { style.patch(base) } else { base.patch(style) };
            let x = area.x + crate::text::display_width(&label) as u16;
            buf.set_stringn(x, y, &badge, width.saturating_sub(crate::text::display_width(&label)), style);
        }
    }
}
