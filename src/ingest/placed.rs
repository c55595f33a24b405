//! The text that formats knowing their tables (HTML, Word) derive from a file, with each table
//! placed in it as a [`Grid`].
//!
//! [`DerivedText`] collects paragraphs (one line each) and tables in document order. A table is
//! written one line per grid row, its cells TAB-separated, each cell in the column where it
//! starts (slots covered by a span from above or from the left stay empty, so the columns line
//! up), and recorded as a [`PlacedTable`] over those lines; every cell's `line` is its row's
//! 1-based line. A table that only frames prose ([`is_prose`]: a single cell, or a column or row
//! of long text, or a cell holding many paragraphs, as pages and documents laid out with tables
//! have) is not data: the format's reader writes its paragraphs instead.

use crate::document::{Document, Format, PlacedTable};
use crate::grid::{GridBuilder, GridCell, Layout};
use crate::model::{Warning, WarningKind};
use crate::text::Trimmed;
use unicode_width::UnicodeWidthChar;

use super::clean_text;

/// The widest span a cell may claim: real tables have a few dozen columns, and a larger span
/// would only make a hostile file allocate.
const MAX_COL_SPAN: usize = 100;

/// One cell as the format gives it, before it is placed in a grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCell {
    /// The cell's lines (paragraphs, `<br>`-separated parts), each already trimmed of markup.
    pub lines: Vec<String>,
    /// Rows covered, from 1; anything larger than the rows left is cut to them.
    pub row_span: usize,
    /// Columns covered, from 1.
    pub col_span: usize,
}

impl RawCell {
    /// The cell's text: its lines joined by [`join_lines`].
    pub fn text(&self) -> String {
        join_lines(&self.lines)
    }
}

/// A table's rows as the format gives them, each a list of the cells that start in it.
pub type RawRows = Vec<Vec<RawCell>>;

/// Joins a cell's lines into one: no separator where either side is a wide (CJK) character, a
/// space between two narrow ones (`发展` + `质量` is `发展质量`, `GDP` + `growth` is `GDP growth`).
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.as_ref().trimmed()).filter(|l| !l.is_empty()) {
        let wide = |c: Option<char>| c.and_then(UnicodeWidthChar::width).is_some_and(|w| w > 1);
        if !out.is_empty() && !wide(out.chars().next_back()) && !wide(line.chars().next()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether a table only frames prose rather than holding data: a single cell; a single column or
/// single row with a cell of more than 60 characters; or a cell of three or more lines and more
/// than 200 characters that holds half the table's text or more (a page laid out in a table, the
/// article in one cell; a data table's long note is a small part of it).
pub fn is_prose(rows: &[Vec<RawCell>]) -> bool {
    let cells = || rows.iter().flatten();
    let chars = |cell: &RawCell| cell.lines.iter().map(|l| l.chars().count()).sum::<usize>();
    let lines = |cell: &RawCell| cell.lines.iter().filter(|l| !l.trimmed().is_empty()).count();
    let columns = rows.iter().map(|row| row.iter().map(|c| c.col_span.max(1)).sum::<usize>()).max();
    let (rows_n, cols_n) = (rows.iter().filter(|r| !r.is_empty()).count(), columns.unwrap_or(0));
    let total: usize = cells().map(chars).sum();
    cells().count() <= 1
        || ((rows_n <= 1 || cols_n <= 1) && cells().any(|c| chars(c) > 60))
        || cells().any(|c| lines(c) >= 3 && chars(c) > 200 && chars(c) * 2 >= total)
}

/// Paragraphs and placed tables, in document order, becoming a [`Document`].
#[derive(Debug, Default)]
pub struct DerivedText {
    lines: Vec<String>,
    tables: Vec<PlacedTable>,
    warnings: Vec<Warning>,
}

impl DerivedText {
    /// An empty text.
    pub fn new() -> DerivedText {
        DerivedText::default()
    }

    /// Adds a paragraph, cleaned of control characters; a newline in it starts another line.
    pub fn paragraph(&mut self, text: &str) {
        self.lines.extend(clean_text(text).split('\n').map(str::to_owned));
    }

    /// The 1-based line the next paragraph or table row will get.
    pub fn next_line(&self) -> usize {
        self.lines.len() + 1
    }

    /// Adds a warning about `line` (1-based).
    pub fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(Warning::new(line, kind));
    }

    /// Places a table: a grid built from `rows` (spans cut to the table), one line per row.
    pub fn table(&mut self, rows: &[Vec<RawCell>], layout: Layout) {
        let first = self.lines.len();
        let mut builder = GridBuilder::new(layout);
        for (r, row) in rows.iter().enumerate() {
            builder.start_row();
            for cell in row {
                let text = cell_text(cell);
                let row_span = cell.row_span.clamp(1, rows.len() - r);
                builder.push_spanning(&text, first + r + 1, row_span, cell.col_span.clamp(1, MAX_COL_SPAN));
            }
        }
        let grid = builder.finish();
        let mut starting: Vec<Vec<&GridCell>> = vec![Vec::new(); grid.rows()];
        for cell in grid.cells() {
            starting[cell.row].push(cell);
        }
        for cells in starting {
            let mut fields = vec![""; grid.cols()];
            for cell in cells {
                fields[cell.col] = &cell.text;
            }
            self.lines.push(fields.join("\t"));
        }
        self.tables.push(PlacedTable { grid, lines: first..self.lines.len() });
    }

    /// The finished document: its lines joined with `\n`, ending with one.
    pub fn finish(self, format: Format, encoding: &'static str, replaced: usize) -> Document {
        let mut text = self.lines.join("\n");
        text.push('\n');
        Document {
            text,
            format,
            tables: self.tables,
            warnings: self.warnings,
            encoding,
            replaced,
            relined: false,
            page_title: None,
        }
    }
}

/// A cell's text for the grid: lines joined, control characters removed, TABs and line breaks as
/// spaces (so that the row stays one line of TAB-separated cells).
fn cell_text(cell: &RawCell) -> String {
    clean_text(&cell.text()).replace(['\t', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, row_span: usize, col_span: usize) -> RawCell {
        RawCell { lines: text.split('|').map(str::to_owned).collect(), row_span, col_span }
    }

    #[test]
    fn joins_cjk_without_separator_and_words_with_a_space() {
        assert_eq!(join_lines(&["发展", " 质量 ", "", "效益"]), "发展质量效益");
        assert_eq!(join_lines(&["GDP", "growth", "（%）", "7"]), "GDP growth（%）7");
        assert_eq!(join_lines(&["7", "8"]), "7 8");
    }

    #[test]
    fn a_table_is_placed_one_line_per_row_with_cells_under_their_columns() {
        let mut text = DerivedText::new();
        text.paragraph("表1 主要指标");
        let rows = vec![
            vec![cell("类别", 1, 1), cell("指标", 1, 1), cell("完成情况", 1, 2)],
            vec![cell("发展|质量", 2, 1), cell("GDP", 1, 1), cell("100", 1, 1), cell("6\t%", 1, 1)],
            vec![cell("税收", 9, 1)],
        ];
        text.table(&rows, Layout::Docx);
        text.paragraph("注：\n二行");
        let doc = text.finish(Format::Docx, "docx", 0);
        assert_eq!(
            doc.text,
            "表1 主要指标\n类别\t指标\t完成情况\t\n发展质量\tGDP\t100\t6 %\n\t税收\t\t\n注：\n二行\n"
        );
        let table = &doc.tables[0];
        assert_eq!(table.lines, 1..4);
        let cells: Vec<_> = table
            .grid
            .cells()
            .iter()
            .map(|c| (c.text.as_str(), c.row, c.col, c.row_span, c.col_span, c.line))
            .collect();
        assert_eq!(
            cells,
            [
                ("类别", 0, 0, 1, 1, 2),
                ("指标", 0, 1, 1, 1, 2),
                ("完成情况", 0, 2, 1, 2, 2),
                ("发展质量", 1, 0, 2, 1, 3),
                ("GDP", 1, 1, 1, 1, 3),
                ("100", 1, 2, 1, 1, 3),
                ("6 %", 1, 3, 1, 1, 3),
                ("税收", 2, 1, 1, 1, 4),
            ]
        );
    }

    #[test]
    fn prose_tables_are_told_from_data_tables() {
        let prose =
            "我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动高质量发展。";
        assert!(is_prose(&[vec![cell("表1", 1, 1)]]));
        assert!(is_prose(&[vec![cell(&prose.repeat(2), 1, 1), cell("x", 1, 1)]]));
        assert!(is_prose(&[vec![cell("菜单", 1, 1)], vec![cell(&prose.repeat(2), 1, 1)]]));
        let article = [prose, prose, prose, prose, prose].join("|");
        let layout = vec![
            vec![cell("首页", 1, 1), cell("政务", 1, 1)],
            vec![cell("栏目", 1, 1), cell(&article, 1, 1)],
        ];
        assert!(is_prose(&layout));
        let data =
            vec![vec![cell("指标", 1, 1), cell("目标", 1, 1)], vec![cell("GDP增速", 1, 1), cell("6%", 1, 1)]];
        assert!(!is_prose(&data));
        let list = vec![vec![cell("项目", 1, 1)], vec![cell("九龙大道至发展大道连接线工程", 1, 1)]];
        assert!(!is_prose(&list));
    }
}
