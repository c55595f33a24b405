//! Tables drawn without rules (the "stream" way): runs of lines whose segments (text split at
//! column gaps, see [`super::lines`]) line up in columns.
//!
//! A run starts at a line of two or more segments and goes on over lines of two or more
//! segments, and over single-segment lines that fit inside one column (a cell's wrapped text);
//! with at least [`MIN_ROWS`] multi-segment lines it is a table. Its columns are separated by the
//! rivers of its fullest lines: x-ranges that none of their glyphs cover. Every line is cut where
//! it leaves a river partly uncovered (a long name that runs up close to the next column is still
//! cut there); text running right across a river spans both columns (a `完成情况` header over
//! `绝对值 | 增速`). A line with text in two columns or more starts a row; a line with text in one
//! column adds it to that column's cell in the row above (a cell's wrapped text).

use super::lines::{Line, join_wrapped, run_text};
use super::page::Glyph;
use super::ruled::{PageCell, PageTable};
use std::ops::Range;

/// The fewest multi-segment lines a table has.
pub const MIN_ROWS: usize = 3;

/// The tables among a page's `lines` (top to bottom), each with the range of lines it takes.
pub fn tables(lines: &[Line]) -> Vec<(Range<usize>, PageTable)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].segments.len() < 2 {
            i += 1;
            continue;
        }
        let end = run_end(lines, i);
        let multi = lines[i..end].iter().filter(|l| l.segments.len() >= 2).count();
        match (multi >= MIN_ROWS).then(|| table(&lines[i..end])).flatten() {
            Some(table) => {
                found.push((i..end, table));
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// How far below the line above a line of two or more segments may stand and still be a row of
/// the same table, in line heights: rows with cell padding (LibreOffice's web tables) stand
/// further apart than a paragraph's lines.
const ROW_GAP: f32 = 2.5;

/// The end of the run of table lines starting at `start`.
fn run_end(lines: &[Line], start: usize) -> usize {
    let mut end = start + 1;
    while end < lines.len() {
        let line = &lines[end];
        let columns = columns(&lines[start..end]);
        let fits = |l: &Line| columns.iter().any(|c| l.x0 >= c.start - l.size && l.x1 <= c.end + l.size);
        let gap = line.top - lines[end - 1].bottom;
        let near = gap < line.size * 1.5;
        let row = line.segments.len() >= 2 && gap < line.size * ROW_GAP;
        if !(row || (near && fits(line))) {
            break;
        }
        end += 1;
    }
    // a trailing single-segment line is a paragraph more often than a wrapped cell
    while end > start + 1 && lines[end - 1].segments.len() < 2 && lines[end - 2].segments.len() < 2 {
        end -= 1;
    }
    end
}

/// Column x-ranges: the stretches between the rivers of the lines with the most segments.
fn columns(lines: &[Line]) -> Vec<Range<f32>> {
    let river = river(lines);
    let most = lines.iter().map(|l| l.segments.len()).max().unwrap_or(0);
    let mut spans: Vec<Range<f32>> = lines
        .iter()
        .filter(|l| l.segments.len() == most)
        .flat_map(|l| l.glyphs.iter().map(|g| g.x0..g.x1))
        .collect();
    spans.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut merged: Vec<Range<f32>> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end + river => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// The narrowest river between columns, in line heights: wider than the space Word and
/// LibreOffice put between CJK and Latin text (about a fifth), narrower than cell padding.
const RIVER: f32 = 0.35;

/// The narrowest river in points for a run of `lines`.
fn river(lines: &[Line]) -> f32 {
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).map_or(2.0, |s| s * RIVER)
}

/// A line's glyphs cut at the rivers between `columns` where the line leaves the river partly
/// uncovered: each piece with the first and last column it covers.
fn pieces<'a>(line: &'a Line, columns: &[Range<f32>], river: f32) -> Vec<(usize, usize, Vec<&'a Glyph>)> {
    let column_of = |x: f32| columns.iter().rposition(|c| x >= c.start - river).unwrap_or(0);
    let mut out: Vec<(usize, usize, Vec<&Glyph>)> = Vec::new();
    let mut right_edge = f32::MIN;
    for glyph in &line.glyphs {
        let col = column_of(glyph.mid_x());
        match out.last_mut() {
            // the same piece while no river between the pieces' columns is left open
            Some((_, last, piece))
                if (*last..col)
                    .all(|c| glyph.x0 - right_edge < river.min(columns[c + 1].start - columns[c].end))
                    || col == *last =>
            {
                *last = col.max(*last);
                piece.push(glyph);
            }
            _ => out.push((col, col, vec![glyph])),
        }
        right_edge = right_edge.max(glyph.x1);
    }
    out
}

/// The table of a run of lines, if it has two columns or more.
fn table(lines: &[Line]) -> Option<PageTable> {
    let columns = columns(lines);
    if columns.len() < 2 {
        return None;
    }
    let river = river(lines);
    // Column boundaries halfway between neighbouring columns.
    let mut xs = vec![columns[0].start];
    xs.extend(columns.windows(2).map(|w| (w[0].end + w[1].start) / 2.0));
    xs.push(columns[columns.len() - 1].end);
    let mut ys = Vec::new();
    let mut rows: Vec<Vec<PageCell>> = Vec::new();
    for line in lines {
        let pieces = pieces(line, &columns, river);
        if pieces.len() >= 2 || rows.is_empty() {
            ys.push(line.top);
            rows.push(Vec::new());
        }
        let row = rows.len() - 1;
        let cells = rows.last_mut()?;
        for (first, last, glyphs) in pieces {
            let text = run_text(&glyphs, &glyphs, line.size);
            match cells.iter_mut().find(|c| (c.col..c.col + c.col_span).contains(&first)) {
                Some(cell) => join_wrapped(&mut cell.text, &text),
                None => {
                    cells.push(PageCell { row, col: first, row_span: 1, col_span: last - first + 1, text })
                }
            }
        }
    }
    ys.push(lines.last()?.bottom);
    let mut cells = Vec::new();
    for (row, mut found) in rows.into_iter().enumerate() {
        found.sort_by_key(|c| c.col);
        // empty cells for the slots no text filled, so that every slot has a cell
        let mut col = 0;
        for cell in found {
            if cell.col < col {
                continue;
            }
            cells.extend((col..cell.col).map(|c| PageCell {
                row,
                col: c,
                row_span: 1,
                col_span: 1,
                text: String::new(),
            }));
            col = cell.col + cell.col_span;
            cells.push(cell);
        }
        cells.extend((col..columns.len()).map(|c| PageCell {
            row,
            col: c,
            row_span: 1,
            col_span: 1,
            text: String::new(),
        }));
    }
    Some(PageTable { ys, xs, cells })
}
