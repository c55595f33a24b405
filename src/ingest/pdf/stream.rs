//! Tables drawn without rules (the "stream" way): runs of lines whose segments (text split at
//! column gaps, see [`super::lines`]) line up in columns.
//!
//! A run starts at a line of two or more segments and goes on over lines of two or more
//! segments, and over single-segment lines that fit inside one column (a cell's wrapped text);
//! with at least [`MIN_ROWS`] multi-segment lines it is a table. Its columns are separated by the
//! rivers of its fullest lines: x-ranges that none of their glyphs cover. Every line is cut where
//! it leaves a river partly uncovered (a long name that runs up close to the next column is still
//! cut there); text running right across a river spans both columns (a `完成情况` header over
//! `绝对值 | 增速`). Lines that overlap and write in different columns are one row's (cells centred
//! vertically: a one-line cell between the lines of a wrapped one). A band of lines with text in
//! two columns or more starts a row; one with text in one column adds it to that column's cell in
//! the row above (a cell's wrapped text), but for a section's label (`（二）民生保障`), a row of its
//! own between the rows.

use super::lines::{Line, join_wrapped, run_text};
use super::page::Glyph;
use super::ruled::{PageCell, PageTable};
use crate::text::is_section;
use std::ops::Range;

/// The fewest multi-segment lines a table has.
pub const MIN_ROWS: usize = 3;

/// The tables among a page's `lines` (top to bottom), each with the range of lines it takes.
pub fn tables(lines: &[Line]) -> Vec<(Range<usize>, PageTable)> {
    let mut found = Vec::new();
    let mut i = 0;
    let mut free = 0;
    while i < lines.len() {
        if lines[i].segments.len() < 2 {
            i += 1;
            continue;
        }
        // a row's wrapped cell may start above its other cells
        let mut start = i;
        while start > free && overlaps(&lines[start - 1], &lines[start]) {
            start -= 1;
        }
        let end = run_end(lines, start, i);
        let multi = lines[start..end].iter().filter(|l| l.segments.len() >= 2).count();
        match (multi >= MIN_ROWS).then(|| table(&lines[start..end])).flatten() {
            Some(table) => {
                found.push((start..end, table));
                (i, free) = (end, end);
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

/// The end of the run of table lines starting at `start`, whose first line of two segments or
/// more is `first`.
fn run_end(lines: &[Line], start: usize, first: usize) -> usize {
    let mut end = first + 1;
    while end < lines.len() {
        let line = &lines[end];
        let columns = columns(&lines[start..end]);
        let fits = |l: &Line| columns.iter().any(|c| l.x0 >= c.start - l.size && l.x1 <= c.end + l.size);
        let gap = line.top - lines[end - 1].bottom;
        let near = gap < line.size * 1.5;
        let cells = pieces(line, &columns, river(&lines[start..end])).len();
        let row = cells >= 2 && gap < line.size * ROW_GAP;
        let within = overlaps(&lines[end - 1], line)
            || lines.get(end + 1).is_some_and(|next| next.segments.len() >= 2 && overlaps(line, next));
        // a section's label across the table (`（二）民生保障`), a row of the table below it
        let section = || is_section(&line.text) && gap < line.size * ROW_GAP && row_below(lines, end);
        if !(row || within || (near && fits(line)) || section()) {
            break;
        }
        end += 1;
    }
    // a trailing single-segment line is a paragraph more often than a wrapped cell
    while end > first + 1
        && lines[end - 1].segments.len() < 2
        && lines[end - 2].segments.len() < 2
        && !overlaps(&lines[end - 2], &lines[end - 1])
    {
        end -= 1;
    }
    end
}

/// Whether a row of a table stands right below `lines[at]`: one of the next three lines, each close
/// under the one above, has two segments or more (the first may be a wrapped cell's top alone).
fn row_below(lines: &[Line], at: usize) -> bool {
    let next = lines.iter().enumerate().skip(at + 1).take(3);
    next.take_while(|&(i, l)| l.top - lines[i - 1].bottom < l.size * ROW_GAP)
        .any(|(_, l)| l.segments.len() >= 2)
}

/// Column x-ranges: the stretches between the rivers of the lines with the most segments, and
/// beyond them on either side, those of the other lines (a column the fullest lines leave empty:
/// a category written once beside several rows, a remarks column filled in one row).
fn columns(lines: &[Line]) -> Vec<Range<f32>> {
    let river = river(lines);
    let most = lines.iter().map(|l| l.segments.len()).max().unwrap_or(0);
    let spans = |fullest: bool| {
        let mut spans: Vec<Range<f32>> = lines
            .iter()
            .filter(|l| (l.segments.len() == most) == fullest)
            .flat_map(|l| merge(l.glyphs.iter().map(|g| g.x0..g.x1).collect(), river))
            .collect();
        spans.sort_by(|a, b| a.start.total_cmp(&b.start));
        spans
    };
    let mut merged = merge(spans(true), river);
    if let (Some(first), Some(last)) = (merged.first().cloned(), merged.last().cloned()) {
        // a line's text, parted where it leaves a river, wholly beyond the columns
        let outside = |span: &Range<f32>| span.end < first.start - river || span.start > last.end + river;
        let edges = merge(spans(false).into_iter().filter(outside).collect(), river);
        merged.extend(edges);
        merged.sort_by(|a, b| a.start.total_cmp(&b.start));
    }
    merged
}

/// Spans sorted by their start, merged where less than `river` apart.
fn merge(spans: Vec<Range<f32>>, river: f32) -> Vec<Range<f32>> {
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

/// A line's glyphs cut into the cells they write, each with the first and last column it covers.
///
/// The line is cut where it leaves a river between `columns` partly uncovered. Where its text runs
/// on over a river, it is cut there too at a gap of [`NARROW_GAP`] or more, or at a glyph the
/// content stream placed anew, when the text on either side stands over different columns (cells
/// whose text fills them: a header `2023年目` and `2023年实` half a point apart over two columns
/// of numbers; not `2023` and `年计划` over one). A piece covers the columns it overlaps (a title
/// over two sub-columns spans both), else the one its centre is nearest.
fn pieces<'a>(line: &'a Line, columns: &[Range<f32>], river: f32) -> Pieces<'a> {
    let rivers: Vec<Range<f32>> = columns.windows(2).map(|w| w[0].end..w[1].start).collect();
    let across = |a: &Glyph, b: &Glyph| rivers.iter().find(|r| a.x1 < r.end && b.x0 > r.start).cloned();
    // a glyph's column: the one whose stretch, widened to halfway to its neighbours, holds x
    let column_of = |x: f32| columns.windows(2).take_while(|w| x >= (w[0].end + w[1].start) / 2.0).count();
    let centre = |run: &[&Glyph]| (run[0].x0 + run[run.len() - 1].x1) / 2.0;
    let mut out: Pieces = Vec::new();
    let mut run: Vec<&Glyph> = Vec::new();
    let finish = |run: &mut Vec<&'a Glyph>, out: &mut Pieces<'a>| {
        if run.is_empty() {
            return;
        }
        let (x0, x1) = (run[0].x0, run[run.len() - 1].x1);
        let covered: Vec<usize> =
            (0..columns.len()).filter(|&c| columns[c].start < x1 && columns[c].end > x0).collect();
        let (first, last) = match (covered.first(), covered.last()) {
            (Some(&f), Some(&l)) => (f, l),
            _ => (column_of(centre(run)), column_of(centre(run))),
        };
        out.push((first, last, std::mem::take(run)));
    };
    for (i, glyph) in line.glyphs.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).map(|p| &line.glyphs[p])
            && let Some(r) = across(prev, glyph)
        {
            let gap = glyph.x0 - prev.x1;
            let open = gap >= river.min(r.end - r.start);
            let soft = gap >= line.size * NARROW_GAP || glyph.placed;
            if open || (soft && differs(&line.glyphs[i..], &run, &rivers, &column_of)) {
                finish(&mut run, &mut out);
            }
        }
        run.push(glyph);
    }
    finish(&mut run, &mut out);
    out
}

/// Whether the text `before` a soft cut and the text after it (`rest`, up to the next place it
/// crosses a river) stand over different columns.
fn differs(
    rest: &[Glyph],
    before: &[&Glyph],
    rivers: &[Range<f32>],
    column_of: &dyn Fn(f32) -> usize,
) -> bool {
    let Some(first) = before.first() else { return false };
    let end = rest
        .windows(2)
        .position(|w| rivers.iter().any(|r| w[0].x1 < r.end && w[1].x0 > r.start))
        .map_or(rest.len(), |i| i + 1);
    let after = &rest[..end];
    let left = (first.x0 + before[before.len() - 1].x1) / 2.0;
    let right = (after[0].x0 + after[after.len() - 1].x1) / 2.0;
    column_of(left) != column_of(right)
}

/// A line's pieces: first and last column, glyphs.
type Pieces<'a> = Vec<(usize, usize, Vec<&'a Glyph>)>;

/// The narrowest gap, in line heights, that parts two cells where it stands between columns:
/// wider than the rounding between glyphs drawn one after another.
const NARROW_GAP: f32 = 0.05;

/// The run's lines in bands of one row each: a line joins the band above when it overlaps a line
/// of it by more than [`OVERLAP`] and writes in none of that line's columns. A row whose cells are
/// centred vertically draws its one-line cells between the lines of its wrapped ones, overlapping
/// both (`一般公共预算收入增` / `经济发展  2  %  -8.1` / `长`).
fn bands<'a>(lines: &'a [Line], columns: &[Range<f32>], river: f32) -> Vec<Vec<(&'a Line, Pieces<'a>)>> {
    let mut out: Vec<Vec<(&Line, Pieces)>> = Vec::new();
    for line in lines {
        let pieces = pieces(line, columns, river);
        let joins = out.last().is_some_and(|band| {
            let above: Vec<_> = band.iter().filter(|(l, _)| overlaps(l, line)).collect();
            !above.is_empty()
                && above.iter().all(|(_, theirs)| {
                    pieces.iter().all(|(a, b, _)| theirs.iter().all(|(c, d, _)| b < c || d < a))
                })
        });
        match out.last_mut() {
            Some(band) if joins => band.push((line, pieces)),
            _ => out.push(vec![(line, pieces)]),
        }
    }
    out
}

/// How much of a line height two lines of one row overlap at least: more than rounding.
const OVERLAP: f32 = 0.15;

/// Whether two lines overlap by more than [`OVERLAP`] (lines of one row).
fn overlaps(a: &Line, b: &Line) -> bool {
    overlap(a, b) > a.size.min(b.size) * OVERLAP
}

/// How far two lines' boxes overlap vertically (negative when apart).
fn overlap(a: &Line, b: &Line) -> f32 {
    a.bottom.min(b.bottom) - a.top.max(b.top)
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
    for band in bands(lines, &columns, river) {
        let spread = band.iter().flat_map(|(_, pieces)| pieces.iter().map(|p| p.0)).collect::<Vec<_>>();
        let section = matches!(&band[..], [(line, _)] if is_section(&line.text));
        if spread.iter().any(|&c| c != spread[0]) || rows.is_empty() || section {
            ys.push(band[0].0.top);
            rows.push(Vec::new());
        }
        let row = rows.len() - 1;
        let cells = rows.last_mut()?;
        for (line, pieces) in band {
            for (first, last, glyphs) in pieces {
                let text = run_text(&glyphs, &glyphs, line.size);
                match cells.iter_mut().find(|c| (c.col..c.col + c.col_span).contains(&first)) {
                    Some(cell) => join_wrapped(&mut cell.text, &text),
                    None => cells.push(PageCell {
                        row,
                        col: first,
                        row_span: 1,
                        col_span: last - first + 1,
                        text,
                    }),
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
