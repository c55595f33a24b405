//! One table model whatever the input: a [`Grid`] of cells with row and column spans and the
//! source line of each cell.
//!
//! Every reader produces grids: the text readers of `parse::readers` (one cell per line, TAB rows,
//! pipe rows, box-drawn, space-aligned), and the HTML, Word and PDF readers of [`crate::ingest`],
//! which know the cells and their spans from the markup. The interpreters of [`crate::parse`]
//! read grids only, so a new layout is one new reader.
//!
//! A grid is built row by row with [`GridBuilder`], which places each cell in the first free slot
//! of its row, past the slots taken by cells spanning down from the rows above (the placement
//! HTML and Word use for `rowspan`/`colspan` and `vMerge`/`gridSpan`).
//!
//! ```
//! use plangap::grid::{GridBuilder, Layout};
//! let mut builder = GridBuilder::new(Layout::Html);
//! builder.start_row();
//! builder.push_spanning("类别", 10, 2, 1);
//! builder.push("指标", 10);
//! builder.start_row();
//! builder.push("GDP增速", 11);
//! let grid = builder.finish();
//! assert_eq!(grid.text(1, 0), "类别");
//! assert_eq!(grid.text(1, 1), "GDP增速");
//! ```

use crate::text::Trimmed;

/// How a table was laid out in the file (the `layout` of each exported indicator row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Layout {
    /// One cell per line (Word's text export, mobile pages), with or without TABs or blank lines.
    Stream,
    /// One row per line, cells separated by TABs (a browser copy-paste).
    Tab,
    /// Markdown pipe rows (`| a | b |`).
    Pipe,
    /// A table drawn with box characters (`┌─┬─┐`, `+---+`), as text browsers dump them.
    Boxed,
    /// Columns aligned with spaces (`pdftotext -layout`, a one-line web mirror).
    Aligned,
    /// An HTML `<table>`.
    Html,
    /// A Word table.
    Docx,
    /// A table laid out by position on a PDF page.
    Pdf,
}

impl Layout {
    /// The name used in exports and in `check`: `stream`, `tab`, `pipe`, `boxed`, `aligned`,
    /// `html`, `docx`, `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Stream => "stream",
            Layout::Tab => "tab",
            Layout::Pipe => "pipe",
            Layout::Boxed => "boxed",
            Layout::Aligned => "aligned",
            Layout::Html => "html",
            Layout::Docx => "docx",
            Layout::Pdf => "pdf",
        }
    }
}

/// One cell of a grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// The text, its lines joined and trimmed; empty for an empty cell.
    pub text: String,
    /// The row of its top-left slot, from 0.
    pub row: usize,
    /// The column of its top-left slot, from 0.
    pub col: usize,
    /// How many rows it covers, at least 1.
    pub row_span: usize,
    /// How many columns it covers, at least 1.
    pub col_span: usize,
    /// 1-based line of the cell in the text as read.
    pub line: usize,
}

impl GridCell {
    /// Whether the cell covers the slot at `row`, `col`.
    pub fn covers(&self, row: usize, col: usize) -> bool {
        (self.row..self.row + self.row_span).contains(&row)
            && (self.col..self.col + self.col_span).contains(&col)
    }
}

/// A table: cells with spans, and for every slot the cell covering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// How the table was laid out in the file.
    pub layout: Layout,
    cells: Vec<GridCell>,
    /// `slots[row][col]`: index into `cells` of the cell covering the slot, if any.
    slots: Vec<Vec<Option<usize>>>,
    cols: usize,
}

impl Grid {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.slots.len()
    }

    /// Number of columns (of the widest row).
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Every cell, in reading order (row by row, left to right).
    pub fn cells(&self) -> &[GridCell] {
        &self.cells
    }

    /// The cell covering `row`, `col`, if any (a short row has no cell past its end).
    pub fn cell(&self, row: usize, col: usize) -> Option<&GridCell> {
        let index = (*self.slots.get(row)?.get(col)?)?;
        self.cells.get(index)
    }

    /// The index into [`Grid::cells`] of the cell covering `row`, `col`.
    pub fn cell_index(&self, row: usize, col: usize) -> Option<usize> {
        *self.slots.get(row)?.get(col)?
    }

    /// The text covering `row`, `col`: a spanning cell's text in every slot it covers; `""` where
    /// no cell is.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.cell(row, col).map_or("", |c| c.text.as_str())
    }

    /// A grid of one-slot cells, row by row, row `r` on line `r + 1`: what unit tests read.
    #[cfg(test)]
    pub(crate) fn of_rows(layout: Layout, rows: &[&[&str]]) -> Grid {
        let mut builder = GridBuilder::new(layout);
        for (line, row) in rows.iter().enumerate() {
            builder.start_row();
            for text in *row {
                builder.push(text, line + 1);
            }
        }
        builder.finish()
    }

    /// The text of every slot, row by row (a spanning cell's text in each slot it covers): what
    /// tests compare a read table with.
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<Vec<&str>> {
        (0..self.rows()).map(|r| (0..self.cols()).map(|c| self.text(r, c)).collect()).collect()
    }

    /// The cells that start in `row`, left to right.
    pub fn row_cells(&self, row: usize) -> impl Iterator<Item = &GridCell> {
        self.cells[self.row_range(row)].iter()
    }

    /// Indices into [`Grid::cells`] of the cells that start in `row` (the builder keeps cells in
    /// row order, so this is a binary search, not a pass over the table).
    pub fn row_range(&self, row: usize) -> std::ops::Range<usize> {
        self.cells.partition_point(|c| c.row < row)..self.cells.partition_point(|c| c.row <= row)
    }

    /// The 1-based line of `row`: the line of its first cell that starts there, else of any cell
    /// covering it.
    pub fn row_line(&self, row: usize) -> usize {
        self.row_cells(row)
            .next()
            .or_else(|| (0..self.cols).find_map(|col| self.cell(row, col)))
            .map_or(0, |c| c.line)
    }

    /// The grid's rows from `from` on, as a new grid (a table's body after its header).
    pub fn rows_from(&self, from: usize) -> Grid {
        self.row_slice(from..self.rows())
    }

    /// The grid's rows in `rows`, as a new grid: cells spanning into them from above start at
    /// their first row, spans past their end are cut there.
    pub fn row_slice(&self, rows: std::ops::Range<usize>) -> Grid {
        let mut builder = GridBuilder::new(self.layout);
        let before = self.row_range(rows.start).start;
        for row in rows.clone() {
            builder.start_row();
            let from_above =
                self.cells[..before].iter().filter(|c| row == rows.start && c.covers(row, c.col));
            for cell in from_above.chain(self.row_cells(row)) {
                let row_span = (cell.row + cell.row_span).min(rows.end) - row;
                builder.place(cell.text.clone(), cell.line, row_span, cell.col_span, cell.col);
            }
        }
        builder.finish()
    }

    /// The grid's columns in `cols`, as a new grid: cells spanning into them from the left start
    /// at their first column, spans past their end are cut there.
    pub fn column_slice(&self, cols: std::ops::Range<usize>) -> Grid {
        let mut builder = GridBuilder::new(self.layout);
        for row in 0..self.rows() {
            builder.start_row();
            let starting_here =
                self.row_cells(row).filter(|c| c.col + c.col_span > cols.start && c.col < cols.end);
            for cell in starting_here {
                let col = cell.col.max(cols.start);
                let col_span = (cell.col + cell.col_span).min(cols.end) - col;
                builder.place(cell.text.clone(), cell.line, cell.row_span, col_span, col - cols.start);
            }
        }
        builder.finish()
    }

    /// The grid turned about its diagonal: its columns as rows, a cell's spans swapped (a table
    /// whose indicators stand across the top and its years down the first column).
    pub fn transposed(&self) -> Grid {
        let mut builder = GridBuilder::new(self.layout);
        for col in 0..self.cols {
            builder.start_row();
            for cell in self.cells.iter().filter(|c| c.col == col) {
                builder.place(cell.text.clone(), cell.line, cell.col_span, cell.row_span, cell.row);
            }
        }
        builder.finish()
    }

    /// This grid with `below`'s rows after its own: a table continued in a second table (a page
    /// break in a Word or web page splits one table in two).
    pub fn stacked(&self, below: &Grid) -> Grid {
        let (rows, offset) = (self.rows(), self.cells.len());
        let mut cells = self.cells.clone();
        cells.extend(below.cells.iter().map(|c| GridCell { row: c.row + rows, ..c.clone() }));
        let mut slots = self.slots.clone();
        slots.extend(below.slots.iter().map(|r| r.iter().map(|s| s.map(|i| i + offset)).collect()));
        Grid { layout: self.layout, cells, slots, cols: self.cols.max(below.cols) }
    }
}

/// Builds a [`Grid`] row by row, placing cells past the slots taken by spans from above.
#[derive(Debug, Clone)]
pub struct GridBuilder {
    layout: Layout,
    cells: Vec<GridCell>,
    slots: Vec<Vec<Option<usize>>>,
    /// The row being filled, `None` before the first.
    current: Option<usize>,
    /// Next column to try in the current row.
    cursor: usize,
}

impl GridBuilder {
    /// An empty builder for a table laid out as `layout`.
    pub fn new(layout: Layout) -> GridBuilder {
        GridBuilder { layout, cells: Vec::new(), slots: Vec::new(), current: None, cursor: 0 }
    }

    /// Starts a new row; cells pushed after this go into it.
    pub fn start_row(&mut self) {
        let row = self.current.map_or(0, |r| r + 1);
        self.current = Some(row);
        if self.slots.len() <= row {
            // Rows are mostly as wide as the one before: room for as many slots up front.
            let width = row.checked_sub(1).map_or(0, |above| self.slots[above].len());
            self.slots.push(Vec::with_capacity(width));
        }
        self.cursor = 0;
    }

    /// Whether no row has been started.
    pub fn is_empty(&self) -> bool {
        self.current.is_none()
    }

    /// Adds a cell covering one slot in the current row.
    pub fn push(&mut self, text: &str, line: usize) {
        self.push_spanning(text, line, 1, 1);
    }

    /// Adds a cell covering `row_span` rows and `col_span` columns, at the first free slot of the
    /// current row. Starts a row when none is started. Spans of 0 count as 1.
    pub fn push_spanning(&mut self, text: &str, line: usize, row_span: usize, col_span: usize) {
        let row = self.row();
        let mut col = self.cursor;
        while self.taken(row, col) {
            col += 1;
        }
        let text = crate::numerals::years_in_cell(text.trimmed()).into_owned();
        self.place(text, line, row_span, col_span, col);
    }

    /// The current row, started if none is.
    fn row(&mut self) -> usize {
        match self.current {
            Some(row) => row,
            None => {
                self.start_row();
                0
            }
        }
    }

    /// Places a cell at `col` of the current row, over the slots that are free there.
    fn place(&mut self, text: String, line: usize, row_span: usize, col_span: usize, col: usize) {
        let row = self.row();
        let (row_span, col_span) = (row_span.max(1), col_span.max(1));
        let index = self.cells.len();
        if self.slots.len() < row + row_span {
            self.slots.resize_with(row + row_span, Vec::new);
        }
        for slots in &mut self.slots[row..row + row_span] {
            if slots.len() < col + col_span {
                slots.resize(col + col_span, None);
            }
            for slot in &mut slots[col..col + col_span] {
                slot.get_or_insert(index);
            }
        }
        self.cells.push(GridCell { text, row, col, row_span, col_span, line });
        self.cursor = col + col_span;
    }

    fn taken(&self, row: usize, col: usize) -> bool {
        self.slots.get(row).and_then(|r| r.get(col)).is_some_and(Option::is_some)
    }

    /// The finished grid. Row spans reaching past the last started row are cut there.
    pub fn finish(mut self) -> Grid {
        let rows = self.current.map_or(0, |r| r + 1);
        self.slots.truncate(rows);
        for cell in &mut self.cells {
            cell.row_span = cell.row_span.min(rows - cell.row);
        }
        let cols = self.slots.iter().map(Vec::len).max().unwrap_or(0);
        Grid { layout: self.layout, cells: self.cells, slots: self.slots, cols }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_cells_past_spans_from_above() {
        let mut b = GridBuilder::new(Layout::Html);
        b.start_row();
        b.push_spanning("类别", 1, 2, 1);
        b.push("指标", 1);
        b.push_spanning("完成情况", 1, 1, 2);
        b.start_row();
        b.push("GDP", 2);
        b.push("1", 2);
        b.push("2", 2);
        let grid = b.finish();
        assert_eq!((grid.rows(), grid.cols()), (2, 4));
        assert_eq!(grid.text(1, 0), "类别");
        assert_eq!(grid.text(0, 3), "完成情况");
        assert_eq!(grid.text(1, 1), "GDP");
        assert_eq!(grid.text(1, 3), "2");
        assert_eq!(grid.cell_index(0, 2), grid.cell_index(0, 3));
    }

    #[test]
    fn a_slice_of_columns_cuts_a_span_crossing_its_edges() {
        let mut b = GridBuilder::new(Layout::Html);
        b.start_row();
        b.push_spanning("标题", 1, 1, 3);
        b.start_row();
        for text in ["甲", "乙", "丙"] {
            b.push(text, 2);
        }
        let grid = b.finish().column_slice(1..3);
        assert_eq!(grid.texts(), vec![vec!["标题", "标题"], vec!["乙", "丙"]]);
        assert_eq!(grid.cells()[0].col_span, 2);
    }

    #[test]
    fn a_slice_of_rows_keeps_a_span_from_above_and_cuts_one_past_its_end() {
        let mut b = GridBuilder::new(Layout::Html);
        for (row, text) in ["甲", "乙", "丙"].into_iter().enumerate() {
            b.start_row();
            if row == 0 {
                b.push_spanning("类别", 1, 3, 1);
            }
            b.push(text, row + 1);
        }
        let grid = b.finish();
        let (top, bottom) = (grid.row_slice(0..2), grid.rows_from(1));
        assert_eq!((top.rows(), top.text(1, 0), top.text(1, 1)), (2, "类别", "乙"));
        assert_eq!(top.cells()[0].row_span, 2);
        assert_eq!((bottom.rows(), bottom.text(0, 0), bottom.text(1, 1)), (2, "类别", "丙"));
    }

    #[test]
    fn spans_past_the_last_row_are_cut_and_short_rows_have_no_cells() {
        let mut b = GridBuilder::new(Layout::Tab);
        b.push_spanning("a", 1, 5, 1);
        b.push("b", 1);
        b.start_row();
        let grid = b.finish();
        assert_eq!(grid.rows(), 2);
        assert_eq!(grid.cells()[0].row_span, 2);
        assert_eq!(grid.cell(1, 1), None);
        assert_eq!(grid.text(1, 0), "a");
    }

    #[test]
    fn stacked_grids_keep_their_cells_and_spans() {
        let mut top = GridBuilder::new(Layout::Html);
        top.push_spanning("类别", 1, 2, 1);
        top.push("a", 1);
        top.start_row();
        top.push("b", 2);
        let mut below = GridBuilder::new(Layout::Html);
        below.push_spanning("c", 5, 2, 1);
        below.push("d", 5);
        below.start_row();
        below.push("e", 6);
        let grid = top.finish().stacked(&below.finish());
        assert_eq!(grid.texts(), [["类别", "a"], ["类别", "b"], ["c", "d"], ["c", "e"]]);
        assert_eq!(grid.row_cells(2).map(|c| c.line).collect::<Vec<_>>(), [5, 5]);
        assert_eq!(grid.cell_index(3, 0), grid.cell_index(2, 0));
    }

    #[test]
    fn rows_from_keeps_the_body() {
        let mut b = GridBuilder::new(Layout::Tab);
        b.push("h", 1);
        b.start_row();
        b.push_spanning("x", 2, 1, 2);
        let body = b.finish().rows_from(1);
        assert_eq!(body.rows(), 1);
        assert_eq!(body.cells()[0].col_span, 2);
    }
}
