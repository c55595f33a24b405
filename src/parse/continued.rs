//! Tables continued across a page break. A Word document or a web page saved from one splits a
//! long table at each page: the second part has no header of its own and follows the first with
//! nothing between them but blank lines or a `续表` line. Such parts are joined into one table
//! before the tables are read, so their rows are read under the first part's header; so are the
//! parts of a table read from text ([`read_continued`]).

use crate::document::PlacedTable;
use crate::grid::Grid;
use crate::parse::Lines;
use crate::parse::projects::is_project_table;
use crate::parse::readers::{self, Read};
use crate::parse::table::header::INDICATOR;
use crate::parse::table::header::read_header;
use crate::text::Trimmed;
use std::borrow::Cow;

/// Longest line, in characters, that can be a `续表` note between two parts.
const MAX_NOTE_CHARS: usize = 16;

/// `placed` with every table that continues the one before it joined to that one.
pub(crate) fn join_continued<'a>(lines: Lines<'_>, placed: &'a [PlacedTable]) -> Cow<'a, [PlacedTable]> {
    if !placed.windows(2).any(|pair| continues(lines, &pair[0], &pair[1])) {
        return Cow::Borrowed(placed);
    }
    let mut joined: Vec<PlacedTable> = Vec::with_capacity(placed.len());
    // Each part is tested against the table joined so far, whose header is the first part's: a
    // third part continues the first, not the headerless second.
    for table in placed {
        match joined.last_mut() {
            Some(last) if continues(lines, last, table) => {
                last.grid = last.grid.stacked(&table.grid);
                last.lines.end = table.lines.end;
            }
            _ => joined.push(table.clone()),
        }
    }
    Cow::Owned(joined)
}

/// `read` (a table read from text at the line before `read.end`, with a header) with the parts
/// that continue it after a page break joined: a table of as many columns and no header of its
/// own, with only blank lines or a `续表` note before it (a text browser's dump of a page split by
/// page breaks draws each part as a table of its own).
pub(crate) fn read_continued(lines: Lines<'_>, mut read: Read) -> Read {
    loop {
        let mut next = read.end;
        while next < lines.len() && is_blank_or_note(&lines[next]) {
            next += 1;
        }
        if next == read.end || next >= lines.len() {
            return read;
        }
        // A part without a header of its own may open with its rule (pandoc's simple tables).
        if readers::aligned::is_rule(&lines[next]) && next + 1 < lines.len() {
            next += usize::from(readers::dashed::opens_ruled_table(lines, next + 1));
        }
        let cols = read.grid.cols();
        let part = readers::read_at(lines, next, &INDICATOR, |grid| {
            if grid.cols() == cols && !has_header(grid) { grid.rows() } else { 0 }
        });
        let Some(part) = part else { return read };
        read.grid = read.grid.stacked(&part.grid);
        read.end = part.end;
        read.warnings.extend(part.warnings);
    }
}

/// Whether `next` is the rest of `table`: it has no header while `table` has one, as many
/// columns, and only blank lines or a `续表` note stand between them.
fn continues(lines: Lines<'_>, table: &PlacedTable, next: &PlacedTable) -> bool {
    let gap = table.lines.end..next.lines.start;
    let between = (gap.start <= gap.end && gap.end <= lines.len()).then(|| lines.slice(gap));
    next.grid.cols() == table.grid.cols()
        && between.is_none_or(|between| between.iter().all(is_blank_or_note))
        && !has_header(&next.grid)
        && has_header(&table.grid)
}

/// Whether a grid opens with an indicator or project header.
fn has_header(grid: &Grid) -> bool {
    read_header(grid).is_some() || is_project_table(grid)
}

/// A blank line, or a short note saying a table goes on (`续表`, `表1（续）`, `续上表`).
fn is_blank_or_note(line: &str) -> bool {
    let line = line.trimmed();
    line.is_empty() || (line.contains('续') && line.contains('表') && line.chars().count() <= MAX_NOTE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{GridBuilder, Layout};
    use crate::parse::LinedText;

    fn placed(rows: &[&[&str]], lines: std::ops::Range<usize>) -> PlacedTable {
        let mut builder = GridBuilder::new(Layout::Html);
        for row in rows {
            builder.start_row();
            row.iter().for_each(|cell| builder.push(cell, lines.start + 1));
        }
        PlacedTable { grid: builder.finish(), lines }
    }

    const HEADER: &[&str] = &["指标", "单位", "年度目标", "完成情况"];

    #[test]
    fn a_headerless_part_after_a_page_break_is_joined() {
        let lines = ["", "", "", "续表", "", ""];
        let first = placed(&[HEADER, &["地区生产总值增长", "%", "6.5", "4.8"]], 0..3);
        let rest = placed(&[&["城镇调查失业率", "%", "5.5", "4.9"]], 4..6);
        let parts = [first, rest];
        let joined = join_continued(LinedText::from_lines(&lines).lines(), &parts);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].grid.rows(), 3);
        assert_eq!(joined[0].grid.text(2, 0), "城镇调查失业率");
        assert_eq!(joined[0].lines, 0..6);
    }

    #[test]
    fn tables_apart_or_with_their_own_header_stay_apart() {
        let lines = ["", "", "", "二、2024年计划", "", ""];
        let first = placed(&[HEADER, &["地区生产总值增长", "%", "6.5", "4.8"]], 0..3);
        let text_between = placed(&[&["城镇调查失业率", "%", "5.5", "4.9"]], 4..6);
        assert_eq!(
            join_continued(LinedText::from_lines(&lines).lines(), &[first.clone(), text_between]).len(),
            2
        );
        let own_header = placed(&[HEADER, &["城镇调查失业率", "%", "5.5", "4.9"]], 3..6);
        assert_eq!(
            join_continued(LinedText::from_lines(&lines).lines(), &[first.clone(), own_header]).len(),
            2
        );
        let narrower = placed(&[&["城镇调查失业率", "5.5", "4.9"]], 3..6);
        assert!(matches!(
            join_continued(LinedText::from_lines(&lines).lines(), &[first, narrower]),
            Cow::Borrowed(_)
        ));
    }
}
