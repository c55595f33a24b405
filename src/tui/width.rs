//! East-Asian ambiguous width: characters such as `—`, `·`, `≥`, `Ⅱ`, `“”`, `…` and the
//! box-drawing lines are one column wide in most terminals but two in terminals set up for a CJK
//! locale, while ratatui always counts one. In `wide` mode the workbench draws its chrome only
//! with unambiguous glyphs and replaces ambiguous characters in document text by unambiguous
//! equivalents, so every row stays aligned on such a terminal.

use crate::text;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use serde::Deserialize;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthChar;

/// How the terminal draws East-Asian ambiguous-width characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousWidth {
    /// One column, as in most terminals (the default).
    #[default]
    Narrow,
    /// Two columns, as in terminals set up for a CJK locale.
    Wide,
}

/// The glyphs the workbench draws its chrome with, chosen for the terminal's ambiguous width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// The ambiguous-width mode these glyphs are for.
    pub mode: AmbiguousWidth,
    /// Pane borders.
    pub border: border::Set<'static>,
    /// Marks truncated text.
    pub ellipsis: char,
    /// Separates table columns.
    pub column_separator: &'static str,
    /// The filled part of a bar.
    pub bar: &'static str,
    /// The empty part of a bar up to the target.
    pub bar_rest: &'static str,
    /// Marks the selected line of a list.
    pub pointer: &'static str,
    /// Marks a collapsed tree node.
    pub collapsed: &'static str,
    /// Marks an expanded tree node.
    pub expanded: &'static str,
    /// Separates the parts of a location or a list of hints.
    pub dot: &'static str,
    /// Marks a scrollable table that continues to the left.
    pub more_left: &'static str,
    /// Marks a scrollable table that continues to the right.
    pub more_right: &'static str,
}

/// Box drawing made only of ASCII, for terminals that draw box-drawing lines two columns wide.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Glyphs {
    /// The glyph set for `mode`.
    pub fn new(mode: AmbiguousWidth) -> Glyphs {
        match mode {
            AmbiguousWidth::Narrow => Glyphs {
                mode,
                border: border::ROUNDED,
                ellipsis: text::ELLIPSIS,
                column_separator: "│",
                bar: "█",
                bar_rest: "░",
                pointer: "▸",
                collapsed: "▸",
                expanded: "▾",
                dot: "·",
                more_left: "◂",
                more_right: "▸",
            },
            AmbiguousWidth::Wide => Glyphs {
                mode,
                border: ASCII_BORDER,
                ellipsis: '~',
                column_separator: "|",
                bar: "#",
                bar_rest: "░",
                pointer: ">",
                collapsed: "+",
                expanded: "-",
                dot: "/",
                more_left: "<",
                more_right: ">",
            },
        }
    }

    /// `text` as it should be drawn: characters that would drive the terminal shown as escapes
    /// ([`crate::printable::printable`]: a file name may hold any); in wide mode, every
    /// ambiguous-width character replaced by an unambiguous equivalent.
    pub fn display<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let text = match crate::printable::printable(text) {
            Cow::Borrowed(text) => text,
            Cow::Owned(escaped) => return Cow::Owned(self.display(&escaped).into_owned()),
        };
        if self.mode == AmbiguousWidth::Narrow || !text.chars().any(is_ambiguous) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if is_ambiguous(c) {
                out.push_str(&unambiguous(c));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }

    /// `text` fitted to exactly `width` columns, left-aligned, cut with this set's ellipsis.
    pub fn fit(&self, text: &str, width: usize) -> String {
        text::fit_marked(text, width, self.ellipsis)
    }

    /// `text` fitted to exactly `width` columns, right-aligned, cut with this set's ellipsis.
    pub fn fit_right(&self, text: &str, width: usize) -> String {
        text::fit_right_marked(text, width, self.ellipsis)
    }

    /// `text` cut to at most `width` columns with this set's ellipsis.
    pub fn truncate(&self, text: &str, width: usize) -> String {
        text::truncate_marked(text, width, self.ellipsis)
    }

    /// `line` cut to at most `width` columns: the span that reaches the edge is truncated with
    /// this set's ellipsis (so a cut always shows), the spans after it dropped.
    pub fn truncate_line(&self, line: Line<'static>, width: usize) -> Line<'static> {
        if line.width() <= width {
            return line;
        }
        let mut spans = Vec::new();
        let mut used = 0;
        for span in line.spans {
            let span_width = span.width();
            if used + span_width < width {
                used += span_width;
                spans.push(span);
            } else {
                spans.push(Span::styled(self.truncate(&span.content, width - used), span.style));
                break;
            }
        }
        Line { spans, ..line }
    }
}

/// True when terminals disagree on the width of `c`: one column in most locales, two in CJK ones.
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// An unambiguous stand-in for the ambiguous character `c`: a common equivalent, else its
/// compatibility decomposition when that is unambiguous (`Ⅲ` → `III`), else `?`.
fn unambiguous(c: char) -> Cow<'static, str> {
    let known = match c {
        '—' | '–' | '―' | '‐' | '─' | '━' => "-",
        '·' | '•' | '‧' => "・",
        '≥' => ">=",
        '≤' => "<=",
        '≠' => "!=",
        '≈' => "~",
        '±' => "+/-",
        '×' => "x",
        '÷' => "/",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '…' => "...",
        '°' => "o",
        '℃' => "oC",
        '‰' => "o/oo",
        '※' | '★' | '☆' | '●' | '◆' => "*",
        '○' | '◇' | '□' | '■' => "o",
        '→' => "->",
        '←' => "<-",
        '↑' => "^",
        '↓' => "v",
        '│' | '┃' | '║' => "|",
        _ => "",
    };
    if !known.is_empty() {
        return Cow::Borrowed(known);
    }
    let decomposed: String = std::iter::once(c).nfkc().collect();
    if decomposed != c.to_string() && !decomposed.chars().any(is_ambiguous) {
        return Cow::Owned(decomposed);
    }
    Cow::Borrowed("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_line_ends_with_the_ellipsis_and_never_splits_a_wide_character() {
        let glyphs = Glyphs::new(AmbiguousWidth::Narrow);
        let line = Line::from(vec![Span::raw("目标 7"), Span::raw(" ✗"), Span::raw(" (+2.5 since 2020)")]);
        let text = |line: &Line<'_>| line.spans.iter().map(|s| s.content.as_ref()).collect::<String>();
        assert_eq!(text(&glyphs.truncate_line(line.clone(), 12)), "目标 7 ✗ (+…");
        assert_eq!(text(&glyphs.truncate_line(line.clone(), 9)), "目标 7 ✗…");
        assert_eq!(text(&glyphs.truncate_line(line.clone(), 4)), "目…");
        assert_eq!(glyphs.truncate_line(line.clone(), 40), line);
    }

    #[test]
    fn narrow_mode_keeps_text() {
        let glyphs = Glyphs::new(AmbiguousWidth::Narrow);
        assert!(matches!(glyphs.display("能耗“双控”目标"), Cow::Borrowed(_)));
    }

    #[test]
    fn wide_mode_replaces_every_ambiguous_character() {
        let glyphs = Glyphs::new(AmbiguousWidth::Wide);
        assert_eq!(glyphs.display("能耗“双控”目标"), "能耗\"双控\"目标");
        assert_eq!(glyphs.display("Ⅲ类"), "III类");
        assert_eq!(glyphs.display("≥330"), ">=330");
        assert_eq!(glyphs.display("——2023年"), "--2023年");
        assert_eq!(glyphs.display("綦江区·东溪"), "綦江区・东溪");
        for sample in ["α①▲", "“双控”…Ⅱ℃"] {
            assert!(!glyphs.display(sample).chars().any(is_ambiguous), "{sample}");
        }
    }

    #[test]
    fn wide_glyphs_are_unambiguous() {
        let g = Glyphs::new(AmbiguousWidth::Wide);
        let b = g.border;
        let all = [
            b.top_left,
            b.top_right,
            b.bottom_left,
            b.bottom_right,
            b.vertical_left,
            b.vertical_right,
            b.horizontal_top,
            b.horizontal_bottom,
            g.column_separator,
            g.bar,
            g.bar_rest,
            g.pointer,
            g.collapsed,
            g.expanded,
            g.dot,
            g.more_left,
            g.more_right,
        ];
        for glyph in all {
            assert!(!glyph.chars().any(is_ambiguous), "{glyph:?}");
        }
        assert!(!is_ambiguous(g.ellipsis));
    }
}
