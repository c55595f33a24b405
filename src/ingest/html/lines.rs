//! Text as a browser lays it out in a line: white space collapsed, counted with its link text.

use unicode_width::UnicodeWidthChar;

/// One line of text taken from the page, with how much of it is link text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// The text, white space collapsed and trimmed.
    pub text: String,
    /// Characters other than white space.
    pub chars: usize,
    /// Of those, the characters inside links (`<a>`).
    pub link_chars: usize,
}

impl Line {
    /// Whether most of the line (60% or more) is link text, as in menus and link lists.
    pub fn is_link_heavy(&self) -> bool {
        self.chars > 0 && self.link_chars * 10 >= self.chars * 6
    }
}

/// Collects the text nodes of one line.
#[derive(Debug, Default)]
pub struct LineBuf {
    raw: String,
    chars: usize,
    link_chars: usize,
}

impl LineBuf {
    /// Appends a text node's text; `in_link` when it stands inside an `<a>`.
    pub fn push(&mut self, text: &str, in_link: bool) {
        self.raw.push_str(text);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += chars;
        if in_link {
            self.link_chars += chars;
        }
    }

    /// Whether no visible character has been pushed since the last [`LineBuf::take`].
    pub fn is_blank(&self) -> bool {
        self.chars == 0
    }

    /// The line so far (its white space collapsed), leaving the buffer empty.
    pub fn take(&mut self) -> Line {
        let line = Line { text: collapse(&self.raw), chars: self.chars, link_chars: self.link_chars };
        *self = LineBuf::default();
        line
    }
}

/// Collapses white space as a browser lays out text: each run becomes one space (a full-width
/// or no-break space too), runs at either end go, and a run holding a line break of the source
/// between two wide (CJK) characters goes entirely (`地区生产总值\n增速` is `地区生产总值增速`).
pub fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    let wide = |c: char| c.width().is_some_and(|w| w > 1);
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        let mut only_breaks = matches!(c, '\n' | '\r' | '\t' | ' ' | '\u{c}');
        let mut has_break = matches!(c, '\n' | '\r');
        while let Some(&next) = chars.peek().filter(|n| n.is_whitespace()) {
            only_breaks &= matches!(next, '\n' | '\r' | '\t' | ' ' | '\u{c}');
            has_break |= matches!(next, '\n' | '\r');
            chars.next();
        }
        let (before, after) = (out.chars().next_back(), chars.peek().copied());
        let joins_cjk = has_break && only_breaks && before.is_some_and(wide) && after.is_some_and(wide);
        if before.is_some() && after.is_some() && !joins_cjk {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_like_a_browser() {
        assert_eq!(
            collapse("  \u{3000}\u{3000}2023年，全区  地区生产总值\n  增长6.1%。 "),
            "2023年，全区 地区生产总值增长6.1%。"
        );
        assert_eq!(collapse("表1\u{3000}2023年\u{a0}主要指标"), "表1 2023年 主要指标");
        assert_eq!(collapse("GDP\ngrowth 7\n8"), "GDP growth 7 8");
        assert_eq!(collapse("地区\u{3000}\n生产"), "地区 生产");
    }

    #[test]
    fn counts_link_text() {
        let mut buf = LineBuf::default();
        buf.push("首页 ", true);
        buf.push(" > ", false);
        buf.push("政务公开", true);
        assert!(!buf.is_blank());
        let line = buf.take();
        assert_eq!((line.text.as_str(), line.chars, line.link_chars), ("首页 > 政务公开", 7, 6));
        assert!(line.is_link_heavy());
        assert!(buf.is_blank());
    }
}
