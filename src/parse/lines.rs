//! The lines of a report's text, indexed by where each starts: four bytes a line where a
//! `Vec<&str>` takes sixteen (a 100 MB report has about a million lines).

use std::ops::{Index, Range};

/// Where each line of a text starts, as byte offsets, and one past the end of the text after the
/// last line. Lines are split at `\n` as [`str::split`] does: a text ending in `\n` has an empty
/// last line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// `starts[i]` is where line `i` starts; the last entry is the text's length plus one.
    starts: Vec<u32>,
}

impl LineIndex {
    /// The longest text that can be indexed, in bytes.
    pub const MAX_TEXT: usize = u32::MAX as usize - 1;

    /// Indexes the lines of `text`, or `None` when it is longer than [`LineIndex::MAX_TEXT`].
    pub fn new(text: &str) -> Option<LineIndex> {
        if text.len() > Self::MAX_TEXT {
            return None;
        }
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 2);
        starts.push(0);
        // Offsets fit: the text is no longer than MAX_TEXT.
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|at| at as u32 + 1));
        starts.push(text.len() as u32 + 1);
        Some(LineIndex { starts })
    }

    /// The lines of `text`, which must be the text this index was made from.
    pub fn lines<'a>(&'a self, text: &'a str) -> Lines<'a> {
        debug_assert_eq!(self.starts.last().map(|&end| end as usize), Some(text.len() + 1));
        Lines { text, starts: &self.starts }
    }
}

/// A text that owns its line index: for callers that hold lines rather than a report's text
/// (tests, generated tables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinedText {
    text: String,
    index: LineIndex,
}

impl LinedText {
    /// The lines joined by `\n` (none of them may hold a `\n`), indexed.
    pub fn from_lines<S: AsRef<str>>(lines: &[S]) -> LinedText {
        let text = lines.iter().map(AsRef::as_ref).collect::<Vec<&str>>().join("\n");
        let index = match lines.is_empty() {
            // No line at all, where an empty text has one empty line.
            true => LineIndex { starts: vec![1] },
            false => LineIndex::new(&text).expect("lines shorter than 4 GiB"),
        };
        assert_eq!(index.starts.len() - 1, lines.len(), "a line holds a newline");
        LinedText { text, index }
    }

    /// The lines.
    pub fn lines(&self) -> Lines<'_> {
        self.index.lines(&self.text)
    }
}

/// The lines of a text (or a run of them), without their `\n`: a slice-like view that is
/// cheap to copy. `lines.get(0)` is the first line of the run.
#[derive(Debug, Clone, Copy)]
pub struct Lines<'a> {
    text: &'a str,
    /// One more entry than there are lines: the last is one past the end of the last line.
    starts: &'a [u32],
}

impl<'a> Lines<'a> {
    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether there are no lines.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Line `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let start = *self.starts.get(index)? as usize;
        let end = *self.starts.get(index + 1)? as usize - 1;
        // Both ends are line boundaries of `text`, so on character boundaries.
        Some(&self.text[start..end])
    }

    /// Line `index`, borrowed from the text (panics when there is none, as slicing does).
    pub fn at(&self, index: usize) -> &'a str {
        self.get(index).unwrap_or_else(|| panic!("line {index} of {}", self.len()))
    }

    /// The lines in `range` (panics when it is out of bounds, as slicing does).
    pub fn slice(&self, range: Range<usize>) -> Lines<'a> {
        Lines { text: self.text, starts: &self.starts[range.start..range.end + 1] }
    }

    /// The lines before `end`.
    pub fn to(&self, end: usize) -> Lines<'a> {
        self.slice(0..end)
    }

    /// The lines in order.
    pub fn iter(&self) -> Iter<'a> {
        Iter { lines: *self, front: 0, back: self.len() }
    }
}

impl<'a> IntoIterator for Lines<'a> {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The lines of a [`Lines`] in order, from either end.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    lines: Lines<'a>,
    /// The next line from the front.
    front: usize,
    /// One past the next line from the back.
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.lines.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.back - self.front, Some(self.back - self.front))
    }

    fn nth(&mut self, n: usize) -> Option<&'a str> {
        self.front = (self.front + n).min(self.back);
        self.next()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.lines.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl Index<usize> for Lines<'_> {
    type Output = str;

    /// Line `index` (panics when there is none, as slicing does).
    fn index(&self, index: usize) -> &str {
        self.at(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let index = LineIndex::new(text).unwrap();
        index.lines(text).iter().map(str::to_owned).collect()
    }

    #[test]
    fn lines_are_those_of_split() {
        for text in ["", "a", "a\n", "\n", "甲\n乙\n\n丙", "a\nb\n"] {
            assert_eq!(split(text), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn slices_index_from_their_start() {
        let text = "one\ntwo\nthree\nfour";
        let index = LineIndex::new(text).unwrap();
        let lines = index.lines(text);
        let middle = lines.slice(1..3);
        assert_eq!(middle.len(), 2);
        assert_eq!((&middle[0], middle.at(1)), ("two", "three"));
        assert_eq!(middle.get(2), None);
        assert_eq!(lines.slice(3..4).iter().collect::<Vec<_>>(), ["four"]);
        assert_eq!(lines.to(0).len(), 0);
        assert_eq!(lines.iter().next_back(), Some("four"));
        assert_eq!(lines.iter().skip(2).collect::<Vec<_>>(), ["three", "four"]);
        assert_eq!(lines.iter().nth(9), None);
    }

    #[test]
    fn lined_text_holds_the_lines_it_is_given() {
        assert!(LinedText::from_lines::<&str>(&[]).lines().is_empty());
        let text = LinedText::from_lines(&["a", "", "乙"]);
        assert_eq!(text.lines().iter().collect::<Vec<_>>(), ["a", "", "乙"]);
    }
}
