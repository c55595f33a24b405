//! Markdown pipe rows (`| 指标 | 目标 |`), as pandoc and markitdown write tables: the `|---|`
//! rule is skipped, and so are rows of empty cells (`| |`, `||`) left by a two-row header.

use super::{Read, Vocabulary, unescape};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::text::Trimmed;

/// Reads the pipe rows starting at `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, _: &Vocabulary) -> Option<Read> {
    if !is_pipe_row(lines.get(start)?) {
        return None;
    }
    let mut builder = GridBuilder::new(Layout::Pipe);
    let mut end = start;
    for (index, line) in lines.iter().enumerate().skip(start) {
        if !is_pipe_row(line) {
            break;
        }
        end = index + 1;
        let cells = cells_of(line);
        if is_rule(&cells) || cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        builder.start_row();
        for cell in &cells {
            builder.push(cell, index + 1);
        }
    }
    (!builder.is_empty()).then(|| Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// A line that starts with `|` (after white space) and has another `|`.
fn is_pipe_row(line: &str) -> bool {
    let line = line.trimmed();
    line.starts_with('|') && line.len() > 1 && line[1..].contains('|')
}

/// The cells between the pipes, trimmed, with Markdown's backslash escapes undone (`\-` is `-`,
/// `\*` is `*`), bold undone (`**一、经济发展**`, a section's label) and inline HTML tags taken
/// away (`增长<sup>①</sup>`, as pandoc's GitHub Markdown keeps a superscript).
fn cells_of(line: &str) -> Vec<String> {
    let line = line.trimmed();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|cell| unescape(crate::text::unbold(&untagged(cell.trimmed())))).collect()
}

/// `text` without inline HTML tags (`<sup>`, `</sup>`, `<br />`): a `<` followed by a letter, or
/// by `/` and a letter, up to the next `>`. A `<` before anything else (`<5.5`) stays.
fn untagged(text: &str) -> std::borrow::Cow<'_, str> {
    let opens_tag = |rest: &str| {
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
    };
    if !text.match_indices('<').any(|(at, _)| opens_tag(&text[at + 1..])) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        match after.find('>').filter(|_| opens_tag(after)) {
            Some(close) => {
                out.push_str(&rest[..at]);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[..=at]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// A `|---|:--:|` rule.
fn is_rule(cells: &[String]) -> bool {
    cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '=' | ' ')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    #[test]
    fn skips_rules_and_debris() {
        let lines = ["| 指标 | 目标 |", "|---|:--:|", "| | |", "||", "| GDP | \\-7 |", "", "| x | y |"];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).unwrap();
        assert_eq!(read.end, 5);
        assert_eq!(read.grid.rows(), 2);
        assert_eq!(read.grid.text(1, 0), "GDP");
        assert_eq!(read.grid.text(1, 1), "-7");
        assert_eq!(read.grid.cells()[2].line, 5);
    }

    #[test]
    fn bold_and_inline_tags_are_undone() {
        let cells = cells_of("| **一、经济发展** | 增长<sup>①</sup> | <5.5 | 甲<br />乙 | a < b > c |");
        assert_eq!(cells, ["一、经济发展", "增长①", "<5.5", "甲乙", "a < b > c"]);
    }
}
