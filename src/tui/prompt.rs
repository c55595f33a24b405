//! A one-line text input: the finder query, the row filter and the command line.

use crate::text::display_width;

/// Text being typed, with a cursor between characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position as a byte offset into `text`, always on a character boundary.
    cursor: usize,
}

impl LineInput {
    /// An input holding `text` with the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        LineInput { text: text.to_owned(), cursor: text.len() }
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The display column of the cursor (a CJK character before it counts 2).
    pub fn cursor_column(&self) -> usize {
        display_width(&self.text[..self.cursor])
    }

    /// Inserts `s` at the cursor.
    pub fn insert(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    /// Deletes the character before the cursor.
    pub fn delete_back(&mut self) {
        if let Some((start, _)) = self.text[..self.cursor].char_indices().next_back() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete_forward(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.text.replace_range(self.cursor..self.cursor + c.len_utf8(), "");
        }
    }

    /// Deletes the word before the cursor, and the spaces after it.
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Empties the line.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        if let Some((start, _)) = self.text[..self.cursor].char_indices().next_back() {
            self.cursor = start;
        }
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_keeps_the_cursor_on_character_boundaries() {
        let mut input = LineInput::default();
        input.insert("藻渡");
        input.insert("sk");
        assert_eq!(input.cursor_column(), 6);
        input.left();
        input.left();
        input.left();
        assert_eq!(input.cursor_column(), 2);
        input.delete_back();
        assert_eq!(input.text(), "渡sk");
        input.delete_forward();
        assert_eq!(input.text(), "sk");
        input.end();
        input.insert(" 綦江");
        input.delete_word();
        assert_eq!(input.text(), "sk ");
        input.delete_word();
        assert_eq!(input.text(), "");
        input.delete_back();
        input.right();
        assert_eq!(input.cursor_column(), 0);
    }
}
