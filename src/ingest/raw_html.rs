//! Raw HTML tables inside text: pandoc and many Markdown exports keep a table with merged cells
//! as raw `<table>…</table>` among the Markdown lines, since pipe rows cannot span:
//!
//! ```text
//! 2023年，全区地区生产总值增长5.8%。
//!
//! <table>
//! <caption><p>表1 2023年江津区主要指标完成情况</p></caption>
//! <tr><th rowspan="2">指标名称</th><th colspan="2">完成情况</th></tr>
//! …
//! </table>
//! ```
//!
//! Each such block is read with the HTML reader ([`super::html::place_fragment`]), so its
//! `rowspan`/`colspan` are known rather than guessed, and placed in the text as a grid (one TAB
//! row per grid row, see [`super::placed`]); the lines around it stay as they are.

use super::html;
use super::placed::DerivedText;
use crate::document::{Document, Format};
use crate::text::Trimmed;

/// The text with each raw `<table>…</table>` block read as HTML and placed as a grid; `None`
/// when the text has no complete raw table (then it is read as it is).
pub fn place_tables(text: &str, encoding: &'static str, replaced: usize) -> Option<Document> {
    if !mentions_table(text) {
        return None;
    }
    let lines: Vec<&str> = text.strip_suffix('\n').unwrap_or(text).split('\n').collect();
    let mut derived = DerivedText::new();
    let mut placed = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let Some(open) = find_tag(line, "<table") else {
            derived.paragraph(line);
            index += 1;
            continue;
        };
        let Some((last, close)) = block_end(&lines, index, open) else {
            derived.paragraph(line);
            index += 1;
            continue;
        };
        let mut markup: Vec<&str> = lines[index..=last].to_vec();
        let (before, tail) = (&line[..open], &lines[last][close..]);
        if last == index {
            markup[0] = &line[open..close];
        } else {
            markup[0] = &line[open..];
            markup[last - index] = &lines[last][..close];
        }
        if !before.trimmed().is_empty() {
            derived.paragraph(before.trimmed_end());
        }
        html::place_fragment(&markup.join("\n"), &mut derived);
        if !tail.trimmed().is_empty() {
            derived.paragraph(tail.trimmed_start());
        }
        placed = true;
        index = last + 1;
    }
    placed.then(|| derived.finish(Format::Text, encoding, replaced))
}

/// Whether `text` holds `<table` or `<TABLE` anywhere: a cheap test before the lines are read.
fn mentions_table(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        let name = &bytes[at + 1..];
        name.starts_with(b"table") || name.starts_with(b"TABLE")
    })
}

/// Where in `line` an element `tag` (`<table`, lowercase) opens, in any case, followed by `>` or
/// white space.
fn find_tag(line: &str, tag: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    lower
        .match_indices(tag)
        .map(|(at, _)| at)
        .find(|&at| lower[at + tag.len()..].chars().next().is_some_and(|c| c == '>' || c.is_whitespace()))
}

/// The line and byte offset just past the `</table>` that closes the table opening at
/// `lines[first][open..]`, counting tables nested in it; `None` when it is never closed.
fn block_end(lines: &[&str], first: usize, open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (index, line) in lines.iter().enumerate().skip(first) {
        let from = if index == first { open } else { 0 };
        let lower = line.to_ascii_lowercase();
        let mut at = from;
        while let Some(next) = lower[at..].find('<').map(|i| at + i) {
            let rest = &lower[next..];
            if rest.starts_with("</table") {
                depth = depth.checked_sub(1)?;
                let end = rest.find('>').map_or(lower.len(), |i| next + i + 1);
                if depth == 0 {
                    return Some((index, end));
                }
                at = end;
            } else {
                if find_tag(rest, "<table") == Some(0) {
                    depth += 1;
                }
                at = next + 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_table_becomes_a_placed_grid_between_the_lines_around_it() {
        let text = "# 标题\n\n前文。\n<table>\n<tr><th rowspan=\"2\">指标</th><th colspan=\"2\">完成</th></tr>\n\
                    <tr><th>绝对值</th><th>增速</th></tr>\n<tr><td>甲</td><td>5</td><td>6%</td></tr>\n</table>\n后文。\n";
        let doc = place_tables(text, "UTF-8", 0).expect("a raw table");
        assert_eq!(doc.text, "# 标题\n\n前文。\n指标\t完成\t\n\t绝对值\t增速\n甲\t5\t6%\n后文。\n");
        assert_eq!(doc.tables.len(), 1);
        let grid = &doc.tables[0].grid;
        assert_eq!(doc.tables[0].lines, 3..6);
        assert_eq!((grid.rows(), grid.cols()), (3, 3));
        assert_eq!((grid.text(1, 0), grid.text(0, 2), grid.text(2, 2)), ("指标", "完成", "6%"));
        assert_eq!(grid.cells()[0].line, 4);
    }

    #[test]
    fn a_table_on_one_line_keeps_the_text_before_and_after_it() {
        let doc =
            place_tables("见下表：<TABLE border=1><tr><td>a</td><td>b</td></tr></TABLE>完。", "UTF-8", 0)
                .expect("a raw table");
        assert_eq!(doc.text, "见下表：\na\tb\n完。\n");
    }

    #[test]
    fn an_unclosed_or_mentioned_table_leaves_the_text_as_it_is() {
        assert_eq!(place_tables("<table>\n<tr><td>a</td><td>b</td></tr>\n", "UTF-8", 0), None);
        assert_eq!(place_tables("the <tables> tag\n", "UTF-8", 0), None);
    }

    #[test]
    fn a_nested_table_ends_at_the_outer_close() {
        let lines = ["<table><tr><td><table><tr><td>x</td></tr></table>", "</td></tr></table> tail"];
        assert_eq!(block_end(&lines, 0, 0), Some((1, 18)));
    }
}
