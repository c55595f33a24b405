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

/// The cells between the pipes, trimmed, with Markdown's bold marks and backslash escapes undone
/// (`**指标**` is `指标`, `\-` is `-`, `\*` is `*`).
fn cells_of(line: &str) -> Vec<String> {
    let line = line.trimmed();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|cell| unescape(crate::text::unbold(&without_tags(cell.trimmed())))).collect()
}

/// A cell without the inline HTML tags pandoc's GFM keeps (`地区生产总值增长<sup>①</sup>`,
/// `<br />`), their text kept. A `<` that opens no tag (`<5.5`) stays.
fn without_tags(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.contains('<') {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.strip_prefix('/').unwrap_or(after);
        let tag_end = after.find('>').filter(|_| name.starts_with(|c: char| c.is_ascii_alphabetic()));
        match tag_end.filter(|&end| after[..end].bytes().all(|b| b.is_ascii_graphic() || b == b' ')) {
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push('<');
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
    fn drops_inline_tags_and_bold_marks() {
        assert_eq!(
            cells_of("| **一、经济发展** | GDP增长<sup>①</sup> | <5.5 | a<br />b |"),
            ["一、经济发展", "GDP增长①", "<5.5", "ab"]
        );
    }

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
}
