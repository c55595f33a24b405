//! One scroll state for every list pane (as gitui's `VerticalScroll`): the selected line and the
//! first line shown, kept within the list and the view by the same rules everywhere, so that no
//! pane can be left scrolled past its end when its list shrinks (a filter, a new table).

/// A list's selected line and first shown line. The list's length is part of the state: setting
/// it ([`Scroll::set_len`]) clamps the selection, so a stale cursor cannot outlive its list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    cursor: usize,
    offset: usize,
    len: usize,
}

impl Scroll {
    /// The selected line (0 for an empty list).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first line shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The list's length.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Takes the list's new length, keeping the selection within it.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    /// Selects line `index` (the last line if it is past the end).
    pub fn select(&mut self, index: usize) {
        self.cursor = index.min(self.len.saturating_sub(1));
    }

    /// Moves the selection by `delta` lines, stopping at either end.
    pub fn step(&mut self, delta: isize) {
        self.select(self.cursor.saturating_add_signed(delta));
    }

    /// Back to the first line, scrolled to the top.
    pub fn reset(&mut self) {
        self.cursor = 0;
        self.offset = 0;
    }

    /// Scrolls so that the selection is among the `rows` lines shown, without leaving empty lines
    /// at the bottom while earlier lines are scrolled out of view (as after the list shrinks or
    /// the pane grows).
    pub fn show(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
        self.offset = self.offset.min(self.len.saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scroll(cursor: usize, offset: usize, len: usize) -> Scroll {
        Scroll { cursor, offset, len }
    }

    #[test]
    fn the_cursor_stays_in_view() {
        let mut s = scroll(0, 5, 20);
        s.show(10);
        assert_eq!(s.offset(), 0);
        let mut s = scroll(14, 0, 20);
        s.show(10);
        assert_eq!(s.offset(), 5);
        let mut s = scroll(7, 3, 20);
        s.show(10);
        assert_eq!(s.offset(), 3);
    }

    #[test]
    fn a_grown_pane_shows_the_lines_scrolled_out_instead_of_empty_space() {
        let mut s = scroll(14, 10, 15);
        s.show(30);
        assert_eq!(s.offset(), 0);
        let mut s = scroll(14, 10, 15);
        s.show(10);
        assert_eq!(s.offset(), 5);
    }

    #[test]
    fn a_shrunk_list_pulls_the_cursor_and_the_view_back() {
        let mut s = scroll(37, 20, 38);
        s.set_len(4);
        s.show(18);
        assert_eq!((s.cursor(), s.offset()), (3, 0));
        s.set_len(0);
        s.show(18);
        assert_eq!((s.cursor(), s.offset()), (0, 0));
    }

    #[test]
    fn steps_stop_at_the_ends() {
        let mut s = scroll(1, 0, 3);
        s.step(-5);
        assert_eq!(s.cursor(), 0);
        s.step(10);
        assert_eq!(s.cursor(), 2);
    }
}
