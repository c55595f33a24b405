//! Pages to a [`Document`]: page furniture dropped, wrapped lines joined into paragraphs (across
//! page breaks too), tables (ruled, or aligned without rules) placed where they stand and joined when they run on over a
//! page break.
//!
//! The text is written as for the other formats that know their tables
//! ([`crate::ingest::placed::DerivedText`]): one paragraph a line, each table row one line of its
//! cells separated by TABs, each grid cell's `line` the 1-based line of its row.

use super::lines::{Line, join_wrapped, lines};
use super::page::Page;
use super::ruled::{PageCell, PageTable, tables};
use super::stream;
use crate::document::{Document, Format};
use crate::grid::Layout;
use crate::ingest::placed::{DerivedText, RawCell, RawRows, is_prose};
use crate::model::{Warning, WarningKind};

/// What stands on a page, top to bottom.
#[derive(Debug)]
enum Block {
    Line(Line),
    Table(PageTable),
}

impl Block {
    fn top(&self) -> f32 {
        match self {
            Block::Line(l) => l.top,
            Block::Table(t) => t.top(),
        }
    }
}

/// A paragraph being gathered, or a table being gathered over pages.
enum Piece {
    Paragraph { text: String, last: Line, page: usize },
    Table { parts: Vec<PageTable>, page: usize },
}

/// The document the pages show. Pages with images and no text (scans) are named in a warning;
/// a page with nothing drawn (a blank page between parts) is no loss.
pub fn document(pages: &[Page]) -> Document {
    let mut blocks: Vec<(usize, Vec<Block>)> = pages.iter().map(|p| (p.number, page_blocks(p))).collect();
    drop_furniture(pages, &mut blocks);
    let margins = Margins::of(blocks.iter().flat_map(|(_, b)| b));
    let mut pieces: Vec<Piece> = Vec::new();
    let mut scanned_pages = Vec::new();
    for ((number, page), drawn) in blocks.into_iter().zip(pages) {
        if page.is_empty() && drawn.images {
            scanned_pages.push(number);
        }
        for (index, block) in page.into_iter().enumerate() {
            let first_on_page = index == 0;
            match block {
                Block::Line(line) => match pieces.last_mut() {
                    Some(Piece::Paragraph { text, last, page: p })
                        if margins.continues(last, &line, *p != number && first_on_page) =>
                    {
                        join_wrapped(text, &line.text);
                        *last = line;
                        *p = number;
                    }
                    _ => pieces.push(Piece::Paragraph { text: line.text.clone(), last: line, page: number }),
                },
                Block::Table(table) => match pieces.last_mut() {
                    Some(Piece::Table { parts, page: p })
                        if *p + 1 == number && first_on_page && continues(parts, &table) =>
                    {
                        parts.push(table);
                        *p = number;
                    }
                    _ => pieces.push(Piece::Table { parts: vec![table], page: number }),
                },
            }
        }
    }
    let mut doc = write(pieces);
    let last = doc.text.lines().count().max(1);
    doc.warnings
        .extend(scanned_pages.into_iter().map(|page| Warning::new(last, WarningKind::BlankPage { page })));
    doc
}

/// The page's tables (ruled, then aligned without rules among the rest), and its other glyphs as
/// lines, top to bottom.
fn page_blocks(page: &Page) -> Vec<Block> {
    let ruled = tables(&page.rules, &page.glyphs);
    let free: Vec<_> = page
        .glyphs
        .iter()
        .filter(|g| !ruled.iter().any(|t| t.contains(g.mid_x(), g.mid_y())))
        .copied()
        .collect();
    let lines = lines(&free);
    let aligned = stream::tables(&lines);
    let mut blocks: Vec<Block> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !aligned.iter().any(|(range, _)| range.contains(i)))
        .map(|(_, line)| Block::Line(line))
        .collect();
    blocks.extend(ruled.into_iter().chain(aligned.into_iter().map(|(_, t)| t)).map(Block::Table));
    blocks.sort_by(|a, b| a.top().total_cmp(&b.top()));
    blocks
}

/// Drops page numbers (`- 3 -`, `第3页`, `3/12`) in the top or bottom tenth of a page, and
/// running headers and footers: short lines there (up to [`MAX_RUNNING_CHARS`]) whose text
/// (digits aside) recurs on at least half of the pages, and on two or more.
const MAX_RUNNING_CHARS: usize = 40;

fn drop_furniture(pages: &[Page], blocks: &mut [(usize, Vec<Block>)]) {
    let margin = |page: &Page, line: &Line| {
        (line.bottom < page.height * 0.1 || line.top > page.height * 0.9)
            && line.text.chars().count() <= MAX_RUNNING_CHARS
    };
    let key =
        |text: &str| text.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect::<String>();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for (page, (_, page_blocks)) in pages.iter().zip(blocks.iter()) {
        let mut seen = std::collections::HashSet::new();
        for block in page_blocks {
            if let Block::Line(line) = block
                && margin(page, line)
                && seen.insert(key(&line.text))
            {
                *counts.entry(key(&line.text)).or_default() += 1;
            }
        }
    }
    let recurs = |text: &str| counts.get(&key(text)).is_some_and(|&n| n >= 2 && n * 2 >= pages.len());
    for (page, (_, page_blocks)) in pages.iter().zip(blocks.iter_mut()) {
        page_blocks.retain(|block| match block {
            Block::Line(line) => !(margin(page, line) && (is_page_number(&line.text) || recurs(&line.text))),
            Block::Table(_) => true,
        });
    }
}

/// `- 3 -`, `—3—`, `3`, `第3页`, `第 3 页 共 12 页`, `3/12`, `Page 3`.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '·' | '－'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    if let Some(rest) = t.strip_prefix("Page").or_else(|| t.strip_prefix("page")) {
        return digits(rest);
    }
    let Some(rest) = t.strip_prefix('第') else { return false };
    let Some((n, rest)) = rest.split_once('页') else { return false };
    digits(n)
        && (rest.is_empty() || rest.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(digits))
}

/// Where the body text stands: its left edge and its right edge (the most common ones).
struct Margins {
    left: f32,
    right: f32,
}

impl Margins {
    fn of<'a>(blocks: impl Iterator<Item = &'a Block>) -> Margins {
        let mut lefts = Vec::new();
        let mut rights = Vec::new();
        for block in blocks {
            if let Block::Line(l) = block {
                lefts.push(l.x0);
                rights.push(l.x1);
            }
        }
        lefts.sort_by(f32::total_cmp);
        rights.sort_by(f32::total_cmp);
        // The left margin is where the leftmost lines start (indented first lines and centred
        // headings start further right); the right margin where most full lines end.
        let left = lefts.get(lefts.len() / 50).copied().unwrap_or(0.0);
        let right = rights.get(rights.len() * 9 / 10).copied().unwrap_or(f32::MAX);
        Margins { left, right }
    }

    /// Whether `next` continues the paragraph whose last line is `last`: `last` runs to the
    /// right margin, `next` starts at the left one (no indent), in the same size, and on the
    /// next line down (or first on the next page).
    fn continues(&self, last: &Line, next: &Line, over_page: bool) -> bool {
        let size = last.size.max(next.size);
        let full = last.x1 >= self.right - size * 1.5;
        let flush = (next.x0 - self.left).abs() <= size * 0.5;
        let same_size = (last.size - next.size).abs() <= size * 0.2;
        let near = over_page || (next.top - last.bottom) < size * 1.2;
        full && flush && same_size && near
    }
}

/// Whether `next` (first on its page) continues the table `parts` ends with: the same columns.
fn continues(parts: &[PageTable], next: &PageTable) -> bool {
    let last = &parts[parts.len() - 1];
    last.cols() == next.cols() && last.xs.iter().zip(&next.xs).all(|(a, b)| (a - b).abs() <= 3.0)
}

/// The rows of `part`'s first `k` rows as text, for finding a repeated header.
fn row_texts(part: &PageTable, k: usize) -> Vec<Vec<(usize, usize, &str)>> {
    (0..k)
        .map(|r| {
            part.cells.iter().filter(|c| c.row == r).map(|c| (c.col, c.col_span, c.text.as_str())).collect()
        })
        .collect()
}

/// How many header rows `part` repeats from `first`: the most rows (up to three) whose cells
/// read the same, taken only where the rows below them differ.
fn repeated_header(first: &PageTable, part: &PageTable) -> usize {
    (1..=3.min(first.rows()).min(part.rows().saturating_sub(1)))
        .rev()
        .find(|&k| {
            row_texts(first, k) == row_texts(part, k)
                && part.cells.iter().all(|c| c.row >= k || c.row + c.row_span <= k)
        })
        .unwrap_or(0)
}

/// Writes the pieces: paragraphs a line each, tables as grids placed at their lines (one line per
/// row), or as paragraphs when they only frame prose (a one-cell box), as the other formats do.
fn write(pieces: Vec<Piece>) -> Document {
    let mut text = DerivedText::new();
    for piece in pieces {
        match piece {
            Piece::Paragraph { text: paragraph, .. } => text.paragraph(&paragraph),
            Piece::Table { parts, .. } => {
                let rows = raw_rows(&joined_cells(&parts));
                if is_prose(&rows) {
                    rows.iter().flatten().flat_map(|cell| &cell.lines).for_each(|line| text.paragraph(line));
                } else {
                    text.table(&rows, Layout::Pdf);
                }
            }
        }
    }
    text.finish(Format::Pdf, "pdf", 0)
}

/// The cells starting in each row, left to right.
fn raw_rows(cells: &[PageCell]) -> RawRows {
    let rows = cells.iter().map(|c| c.row + c.row_span).max().unwrap_or(0);
    let mut out: RawRows = vec![Vec::new(); rows];
    for cell in cells {
        out[cell.row].push(RawCell {
            lines: vec![cell.text.clone()],
            row_span: cell.row_span,
            col_span: cell.col_span,
        });
    }
    out
}

/// The cells of a table's parts with rows counted from the first part's top, sorted by row and
/// column. A continued part's repeated header is dropped. Where the page break cut through a
/// row, the part's first row is the rest of the cells above: an empty cell under a cell that spans
/// rows (a 类别 cell) lengthens it, and a first row that is only the wrapped ends of a few cells
/// ([`is_cut_row`]) is added to their text.
fn joined_cells(parts: &[PageTable]) -> Vec<PageCell> {
    let mut cells: Vec<PageCell> = Vec::new();
    let mut rows = 0;
    for (n, part) in parts.iter().enumerate() {
        let skip = if n == 0 { 0 } else { repeated_header(&parts[0], part) };
        let above = |cells: &[PageCell], cell: &PageCell| {
            cells
                .iter()
                .position(|a| a.col == cell.col && a.col_span == cell.col_span && a.row + a.row_span == rows)
        };
        let first_row: Vec<&PageCell> = part.cells.iter().filter(|c| c.row == skip).collect();
        let cut = n > 0 && is_cut_row(&first_row, |c| above(&cells, c).map(|i| cells[i].text.as_str()));
        let mut skipped_row = false;
        for cell in part.cells.iter().filter(|c| c.row >= skip) {
            let continues = n > 0 && cell.row == skip;
            if continues && let Some(i) = above(&cells, cell) {
                if cut {
                    join_wrapped(&mut cells[i].text, &cell.text);
                    cells[i].row_span += cell.row_span - 1;
                    skipped_row = true;
                    continue;
                }
                if cell.text.is_empty() && (cells[i].row_span >= 2 || cell.row_span >= 2) {
                    cells[i].row_span += cell.row_span;
                    continue;
                }
            }
            let row = cell.row - skip + rows - usize::from(skipped_row && cell.row > skip);
            cells.push(PageCell { row, ..cell.clone() });
        }
        rows += part.rows() - skip - usize::from(skipped_row);
    }
    cells.sort_by_key(|c| (c.row, c.col));
    cells
}

/// Whether a continued part's first row is the rest of a row cut by the page break: text in at
/// most half of its cells, each under a cell whose text stops mid-phrase (not after a closing
/// bracket, as a name with its unit does), the others empty.
fn is_cut_row<'a>(row: &[&PageCell], above: impl Fn(&PageCell) -> Option<&'a str>) -> bool {
    let filled: Vec<&&PageCell> = row.iter().filter(|c| !c.text.is_empty()).collect();
    !filled.is_empty()
        && filled.len() * 2 <= row.len()
        && filled.iter().all(|c| above(c).is_some_and(|t| !t.is_empty() && !t.ends_with(['）', ')', '。'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(rows: &[&[&str]]) -> PageTable {
        let cells = rows
            .iter()
            .enumerate()
            .flat_map(|(row, cells)| {
                cells.iter().enumerate().map(move |(col, text)| PageCell {
                    row,
                    col,
                    row_span: 1,
                    col_span: 1,
                    text: text.to_string(),
                })
            })
            .collect();
        PageTable { ys: (0..=rows.len()).map(|y| y as f32).collect(), xs: vec![0.0, 1.0, 2.0], cells }
    }

    fn texts(cells: &[PageCell]) -> Vec<(usize, usize, &str)> {
        cells.iter().map(|c| (c.row, c.col, c.text.as_str())).collect()
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined_and_the_repeated_header_dropped() {
        let first = part(&[&["指标", "目标"], &["二氧化硫", "完成上级下达"]]);
        let next = part(&[&["指标", "目标"], &["", "目标"], &["氨氮", "完成"]]);
        assert_eq!(
            texts(&joined_cells(&[first, next])),
            [
                (0, 0, "指标"),
                (0, 1, "目标"),
                (1, 0, "二氧化硫"),
                (1, 1, "完成上级下达目标"),
                (2, 0, "氨氮"),
                (2, 1, "完成")
            ]
        );
        // A next row whose text follows a name with its unit is a row of its own.
        let first = part(&[&["指标", "目标"], &["优良天数（天）", "300"]]);
        let next = part(&[&["主要污染物", ""], &["氨氮", "完成"]]);
        assert_eq!(joined_cells(&[first, next]).len(), 8);
    }

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for t in ["- 3 -", "-3-", "—12—", "第3页", "第 3 页 共 12 页", "3/12", "7"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["第三章", "3%", "2023年", "- 3 - 页"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
