//! [`TextSpan`]: a part of a shared text, read as the `str` it stands for. A project's name is a
//! span of its source line, and the source lines of a parsed report are spans of one text that
//! holds them all ([`TextSpan::gather`]), so a report naming hundreds of thousands of projects
//! makes no allocation for each of them.
//!
//! While a report is parsed, its projects' lines are spans of the report's whole text (no copy);
//! once it is parsed, [`TextSpan::gather`] moves the lines they use to the front of that text's
//! own buffer and frees the rest, so the lines are never held twice, not even for a moment.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Bytes `start..end` of a shared text: a name in its source line, a line in a report's text.
#[derive(Clone)]
pub struct TextSpan {
    /// The text holding the span (or the span's text alone).
    text: Arc<String>,
    /// Where the span starts in `text`, in bytes.
    start: u32,
    /// Where the span ends in `text`, in bytes.
    end: u32,
}

impl TextSpan {
    /// `part` as a span of `text`, when it is a slice of it (a line of a report's text); `None`
    /// for a text held elsewhere.
    pub fn of(text: &Arc<String>, part: &str) -> Option<TextSpan> {
        let offset = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        let end = offset.checked_add(part.len()).filter(|&end| end <= text.len())?;
        let (start, end) = (u32::try_from(offset).ok()?, u32::try_from(end).ok()?);
        Some(TextSpan { text: Arc::clone(text), start, end })
    }

    /// `name` as a span of this span's text where this span holds it (the first place it does),
    /// else a text of its own. A `name` that is a slice of the span's text (a list's item, as the
    /// readers cut it from its line) is looked for up to where it ends: the first place it occurs
    /// is never after it, and the rest of a long line is not read.
    pub fn within(&self, name: &str) -> TextSpan {
        let text = self.as_str();
        let offset = (name.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
        let searched = offset.and_then(|at| text.get(..at.checked_add(name.len())?)).unwrap_or(text);
        let span = crate::text::find_word(searched, name).and_then(|at| {
            let start = u32::try_from(at).ok()?.checked_add(self.start)?;
            Some((start, start.checked_add(u32::try_from(name.len()).ok()?)?))
        });
        match span {
            Some((start, end)) => TextSpan { text: Arc::clone(&self.text), start, end },
            None => TextSpan::from(name),
        }
    }

    /// Makes a span inside `from` the same part of `to`, a span of equal text held elsewhere, so
    /// that `from` need not be kept for it.
    pub fn move_to(&mut self, from: &TextSpan, to: &TextSpan) {
        let inside = Arc::ptr_eq(&self.text, &from.text) && from.start <= self.start && self.end <= from.end;
        if inside && from.as_str() == to.as_str() {
            let start = to.start + (self.start - from.start);
            *self = TextSpan { text: Arc::clone(&to.text), start, end: start + (self.end - self.start) };
        }
    }

    /// Whether both are the same part of the same text (not merely equal texts).
    pub fn same_span(&self, other: &TextSpan) -> bool {
        Arc::ptr_eq(&self.text, &other.text) && (self.start, self.end) == (other.start, other.end)
    }

    /// The text of the span.
    pub fn as_str(&self) -> &str {
        &self.text[self.start as usize..self.end as usize]
    }

    /// The span's length in bytes, read without touching its text (which [`TextSpan::as_str`]
    /// reads to check where it starts and ends): counting the bytes of a corpus's names reads
    /// none of them.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span is empty (see [`TextSpan::len`]).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Gives every span that `spans` visits and that is a span of `text` (a report's whole text)
    /// the same part of a text holding only those parts: they are moved to the front of `text`'s
    /// own buffer, which is then cut to them (the rest of the memory freed), when nothing else
    /// holds `text`; else they are copied out of it. `spans` is called three times and must
    /// visit the same spans each time.
    pub fn gather(text: Arc<String>, mut spans: impl FnMut(&mut dyn FnMut(&mut TextSpan))) {
        let parts = Parts::used(&text, &mut spans);
        if parts.kept.is_empty() {
            return;
        }
        // The spans let go of `text`, so that its buffer can be rewritten; `moved` marks them.
        let moved = Arc::new(String::new());
        // The spans come mostly in the order of the text: the part of the last one is tried
        // first.
        let mut part = 0;
        spans(&mut |span| {
            if Arc::ptr_eq(&span.text, &text) {
                (span.start, span.end, part) = parts.moved(span.start, span.end, part);
                span.text = Arc::clone(&moved);
            }
        });
        let gathered = Arc::new(parts.gather(text));
        spans(&mut |span| {
            if Arc::ptr_eq(&span.text, &moved) {
                span.text = Arc::clone(&gathered);
            }
        });
    }
}

/// The parts of a text that spans use, merged where they overlap or touch, in order, with
/// where each goes in the gathered text.
struct Parts {
    /// `(start, end, new start)` of each part.
    kept: Vec<(u32, u32, u32)>,
    /// The length of the gathered text.
    len: usize,
}

impl Parts {
    /// The parts of `text` that the spans `spans` visits use.
    fn used(text: &Arc<String>, spans: &mut impl FnMut(&mut dyn FnMut(&mut TextSpan))) -> Parts {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        spans(&mut |span| {
            // Most spans repeat the last one (the projects of one line) or lie inside it (a
            // name in its line): those add nothing.
            let inside_last =
                ranges.last().is_some_and(|&(start, end)| start <= span.start && span.end <= end);
            if Arc::ptr_eq(&span.text, text) && !inside_last {
                ranges.push((span.start, span.end));
            }
        });
        ranges.sort_unstable();
        let mut kept: Vec<(u32, u32, u32)> = Vec::new();
        let mut len = 0;
        for (start, end) in ranges {
            match kept.last_mut() {
                Some(last) if start <= last.1 => {
                    len += end.saturating_sub(last.1) as usize;
                    last.1 = last.1.max(end);
                }
                _ => {
                    kept.push((start, end, len as u32));
                    len += (end - start) as usize;
                }
            }
        }
        Parts { kept, len }
    }

    /// Where the span `start..end` of the old text is in the gathered text, and the index of
    /// its part; `guess` is the index of the part it is likely in.
    fn moved(&self, start: u32, end: u32, guess: usize) -> (u32, u32, usize) {
        let index = match self.kept.get(guess) {
            Some(&(kept_start, kept_end, _)) if kept_start <= start && end <= kept_end => guess,
            _ => self.kept.partition_point(|&(kept_start, _, _)| kept_start <= start) - 1,
        };
        let (kept_start, _, new_start) = self.kept[index];
        (new_start + (start - kept_start), new_start + (end - kept_start), index)
    }

    /// The gathered text: the parts of `text`, one after the other, in `text`'s own buffer when
    /// nothing else holds it.
    fn gather(&self, text: Arc<String>) -> String {
        let bytes = match Arc::try_unwrap(text) {
            Ok(text) => {
                let mut bytes = text.into_bytes();
                for &(start, end, new_start) in &self.kept {
                    bytes.copy_within(start as usize..end as usize, new_start as usize);
                }
                bytes.truncate(self.len);
                bytes.shrink_to_fit();
                bytes
            }
            Err(shared) => {
                let mut bytes = Vec::with_capacity(self.len);
                for &(start, end, _) in &self.kept {
                    bytes.extend_from_slice(&shared.as_bytes()[start as usize..end as usize]);
                }
                bytes
            }
        };
        debug_assert!(std::str::from_utf8(&bytes).is_ok());
        // SAFETY: every part starts and ends on a character boundary of the UTF-8 text (each
        // is a union of spans that were `str` slices of it), so the parts one after the other
        // are UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    }
}

impl From<String> for TextSpan {
    /// A span that is a whole text of its own.
    fn from(text: String) -> TextSpan {
        // The length of a text of its own fits: texts longer than 4 GiB are never parsed.
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        TextSpan { text: Arc::new(text), start: 0, end }
    }
}

impl From<&str> for TextSpan {
    /// A span that is a whole text of its own.
    fn from(text: &str) -> TextSpan {
        TextSpan::from(text.to_owned())
    }
}

impl From<Box<str>> for TextSpan {
    /// A span that is a whole text of its own.
    fn from(text: Box<str>) -> TextSpan {
        TextSpan::from(text.into_string())
    }
}

impl std::ops::Deref for TextSpan {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TextSpan {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for TextSpan {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for TextSpan {
    /// Spans are equal when their texts are, wherever they are held.
    fn eq(&self, other: &TextSpan) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for TextSpan {}

impl std::hash::Hash for TextSpan {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for TextSpan {
    /// As the `str`: `"甲水库"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for TextSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TextSpan {
    /// As a string, the way a `Box<str>` is.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TextSpan {
    /// From a string: a text of its own.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TextSpan, D::Error> {
        String::deserialize(deserializer).map(TextSpan::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_spanned_where_it_first_occurs() {
        let line = TextSpan::from("甲水库、乙高速、甲水库等项目");
        let text = line.as_str();
        let second = &text[text.rfind("甲水库").unwrap_or(0)..][.."甲水库".len()];
        for name in [second, "甲水库", &text[.."甲水库".len()]] {
            let span = line.within(name);
            assert_eq!((span.as_str(), span.start, span.end), ("甲水库", 0, 9));
        }
        assert_eq!(line.within("丙公园").as_str(), "丙公园");
        assert_eq!(line.within(&text[text.len()..]).as_str(), "");
    }

    #[test]
    fn a_name_is_a_span_of_its_line_and_moves_with_it() {
        let text = Arc::new("甲水库、乙高速等项目\n丙\n甲水库、乙高速等项目".to_owned());
        let (first, second) = (&text[..30], &text[35..]);
        let line = TextSpan::of(&text, first).unwrap();
        let mut name = line.within("乙高速");
        assert_eq!((name.as_str(), name.start, name.end), ("乙高速", 12, 21));
        assert!(Arc::ptr_eq(&name.text, &text));
        assert_eq!(line.within("丁").as_str(), "丁");
        assert!(!Arc::ptr_eq(&line.within("丁").text, &text), "a name the line lacks is its own text");
        let again = TextSpan::of(&text, second).unwrap();
        name.move_to(&line, &again);
        assert_eq!((name.as_str(), name.start), ("乙高速", 47));
        assert!(TextSpan::of(&text, "elsewhere").is_none());
    }

    #[test]
    fn gathering_keeps_the_used_parts_once_in_a_text_of_their_own() {
        let text = Arc::new("一行\n甲水库、乙高速\n二行\n丙工程\n三行".to_owned());
        let lines: Vec<&str> = text.split('\n').collect();
        let source = |line: &str| TextSpan::of(&text, line).unwrap();
        let (a, b) = (source(lines[1]), source(lines[3]));
        let mut spans =
            vec![a.within("乙高速"), a.clone(), a.within("甲水库"), b.clone(), b.within("丙工程")];
        spans.push(TextSpan::from("own"));
        drop((a, b, lines));
        TextSpan::gather(text, |visit| spans.iter_mut().for_each(&mut *visit));
        let texts: Vec<&str> = spans.iter().map(TextSpan::as_str).collect();
        assert_eq!(texts, ["乙高速", "甲水库、乙高速", "甲水库", "丙工程", "丙工程", "own"]);
        assert_eq!(*spans[0].text, "甲水库、乙高速丙工程", "the parts used, nothing else");
        assert!(spans[..5].iter().all(|span| Arc::ptr_eq(&span.text, &spans[0].text)));
    }

    #[test]
    fn a_text_held_elsewhere_is_copied_from() {
        let text = Arc::new("甲\n乙".to_owned());
        let mut span = TextSpan::of(&text, &text[4..]).unwrap();
        TextSpan::gather(Arc::clone(&text), |visit| visit(&mut span));
        assert_eq!((span.as_str(), span.text.as_str()), ("乙", "乙"));
        assert_eq!(*text, "甲\n乙", "the text held elsewhere is left as it is");
    }
}
