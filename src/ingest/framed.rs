//! A page laid out in a table of one column, as pandoc writes it (`-t plain`, `-t markdown`) when
//! the site wraps its article in a layout `<table>`: a grid table whose rules have no column
//! breaks, the whole article inside its `| … |` lines, with the report's own tables nested in it.
//!
//! ```text
//! +-----------------------------------------------------------------------+
//! | 关于梅                                                                |
//! | 州市梅江区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告  |
//! +-----------------------------------------------------------------------+
//! | 2023年，全区主要指标完成情况见下表。                                  |
//! |                                                                       |
//! |   ------------------------ ------ ---------- ---------- ----------    |
//! |   指标                     单位   年度目标   完成情况   是否完成      |
//! ```
//!
//! Such a frame holds no table of its own, only the page: its bars and rules are taken away and
//! each line keeps its place (a rule becomes a blank line), so line numbers stay those of the file
//! and the article is read as text. A grid table of two columns or more (its rules cut by `+`)
//! is a table, left to the `boxed` reader.

use crate::text::{Trimmed, lines};
use memchr::memmem;

/// The text with every one-column frame taken away; the text itself when it has none.
pub(crate) fn unframe(text: String) -> String {
    if memmem::find(text.as_bytes(), b"+--").is_none() {
        return text;
    }
    let all: Vec<&str> = lines(&text).collect();
    let mut frames: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while at < all.len() {
        match frame_at(&all, at) {
            Some(end) => {
                frames.push(at..end);
                at = end;
            }
            None => at += 1,
        }
    }
    if frames.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut frames = frames.iter().peekable();
    for (index, line) in all.iter().enumerate() {
        while frames.next_if(|frame| frame.end <= index).is_some() {}
        if frames.peek().is_some_and(|frame| frame.contains(&index)) {
            out.push_str(inside(line));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// The end (one past its closing rule) of the frame whose opening rule is `lines[start]`: lines
/// framed by bars at the rule's ends, and rules, up to a rule after which no framed line follows.
fn frame_at(lines: &[&str], start: usize) -> Option<usize> {
    let edges = rule_edges(lines[start])?;
    let mut closed = None;
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        if rule_edges(line) == Some(edges) {
            closed = Some(index + 1);
        } else if !is_framed(line, edges) {
            break;
        }
    }
    closed.filter(|&end| end > start + 2)
}

/// The byte offsets of a one-column rule's two `+` (`+------+`, `+======+` under a header row),
/// or `None` for any other line.
fn rule_edges(line: &str) -> Option<(usize, usize)> {
    let text = line.trimmed();
    let inner = text.strip_prefix('+')?.strip_suffix('+')?;
    let dashes = !inner.is_empty() && (inner.bytes().all(|b| b == b'-') || inner.bytes().all(|b| b == b'='));
    let left = line.len() - line.trim_start().len();
    dashes.then_some((left, left + text.len() - 1))
}

/// Whether a line stands between the bars of a frame whose rules end at `edges`: a bar where the
/// left `+` is, the line ending in a bar. (The right bar stands where the rule ends on screen,
/// which is not its byte offset when the line holds CJK text.)
fn is_framed(line: &str, (left, _): (usize, usize)) -> bool {
    line.get(left..).is_some_and(|rest| rest.starts_with('|'))
        && line.get(..left).is_some_and(|lead| lead.bytes().all(|b| b == b' '))
        && line.trimmed_end().ends_with('|')
        && line.trimmed_end().len() > left + 1
}

/// A line of a frame without its bars (the line's text after its left bar, blanks at the end
/// trimmed), or an empty line for a rule.
fn inside(line: &str) -> &str {
    if rule_edges(line).is_some() {
        return "";
    }
    let text = line.trimmed_end();
    let text = text.strip_suffix('|').unwrap_or(text);
    let text = text.trim_start_matches(' ');
    text.strip_prefix('|').unwrap_or(text).trimmed_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_column_frame_is_taken_away_line_for_line() {
        let text = [
            "首页",
            "+----------------+",
            "| 关于某区的报告 |",
            "+================+",
            "| 一、执行情况   |",
            "|                |",
            "|   ---- ----    |",
            "|   指标 目标    |",
            "+----------------+",
            "主办：某区",
        ]
        .join("\n");
        let want = [
            "首页",
            "",
            " 关于某区的报告",
            "",
            " 一、执行情况",
            "",
            "   ---- ----",
            "   指标 目标",
            "",
            "主办：某区",
        ];
        assert_eq!(unframe(text), want.join("\n"));
    }

    #[test]
    fn grid_tables_of_columns_and_open_frames_stay() {
        let columns = "+------+------+\n| 指标 | 目标 |\n+------+------+";
        assert_eq!(unframe(columns.to_owned()), columns);
        let open = "+------+\n| 指标 |\n| 目标 |";
        assert_eq!(unframe(open.to_owned()), open);
        let plain = "增长+--5%";
        assert_eq!(unframe(plain.to_owned()), plain);
    }
}
