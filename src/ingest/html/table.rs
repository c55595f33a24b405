//! One `<table>` collected as rows of cells with their `rowspan`/`colspan`: `<th>` and `<td>`
//! alike, in `<thead>`/`<tbody>`/`<tfoot>` or not; `<br>` and blocks inside a cell are lines of
//! the cell; a table nested in a cell gives the cell its text (each of its cells a line of the
//! cell); the `<caption>` is kept apart.

use super::elements::{Visitor, is_block, visit};
use super::lines::LineBuf;
use crate::ingest::placed::{RawCell, RawRows};
use crate::text::Trimmed;
use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

/// A table as written in the page.
#[derive(Debug, Default)]
pub struct Table {
    /// The `<caption>`'s text, if any.
    pub caption: Option<String>,
    /// Rows of the cells that start in them.
    pub rows: RawRows,
    /// Characters other than white space in the cells.
    pub chars: usize,
    /// Of those, the characters inside links.
    pub link_chars: usize,
}

impl Table {
    /// Whether the cells hold text mostly made of links (a menu laid out as a table).
    pub fn is_link_heavy(&self) -> bool {
        self.chars > 0 && self.link_chars * 10 >= self.chars * 6
    }
}

/// Collects the `<table>` element at `table`.
pub fn collect(table: NodeRef<'_, Node>) -> Table {
    let mut collector = Collector::default();
    visit(table, &mut collector);
    collector.end_cell();
    collector.table.caption = collector.caption.map(|mut c| c.take().text).filter(|c| !c.is_empty());
    collector.table
}

/// A cell being read.
#[derive(Debug, Default)]
struct Cell {
    lines: Vec<String>,
    line: LineBuf,
    row_span: usize,
    col_span: usize,
}

#[derive(Default)]
struct Collector {
    table: Table,
    /// Tables open inside a cell of this one.
    nested: usize,
    cell: Option<Cell>,
    caption: Option<LineBuf>,
    link_depth: usize,
}

impl Collector {
    /// Ends the cell's current line.
    fn break_line(&mut self) {
        if let Some(cell) = &mut self.cell
            && !cell.line.is_blank()
        {
            let line = cell.line.take();
            self.table.chars += line.chars;
            self.table.link_chars += line.link_chars;
            cell.lines.push(line.text);
        }
    }

    fn end_cell(&mut self) {
        self.break_line();
        if let Some(cell) = self.cell.take() {
            if self.table.rows.is_empty() {
                self.table.rows.push(Vec::new());
            }
            if let Some(row) = self.table.rows.last_mut() {
                row.push(RawCell { lines: cell.lines, row_span: cell.row_span, col_span: cell.col_span });
            }
        }
    }
}

impl Visitor for Collector {
    fn open(&mut self, _node: NodeRef<'_, Node>, element: &Element) -> bool {
        let name = element.name();
        match (name, self.nested) {
            ("table", _) => {
                self.nested += 1;
                self.break_line();
            }
            ("tr", 0) => {
                self.end_cell();
                self.table.rows.push(Vec::new());
            }
            ("td" | "th", 0) => {
                self.end_cell();
                let row_span = span(element.attr("rowspan"), usize::MAX);
                self.cell =
                    Some(Cell { row_span, col_span: span(element.attr("colspan"), 1), ..Cell::default() });
            }
            ("caption", 0) => self.caption = Some(LineBuf::default()),
            ("a", _) => self.link_depth += 1,
            (name, _) if is_block(name) => self.break_line(),
            _ => {}
        }
        true
    }

    fn text(&mut self, text: &str) {
        let in_link = self.link_depth > 0;
        match (&mut self.cell, &mut self.caption) {
            (Some(cell), _) => cell.line.push(text, in_link),
            (None, Some(caption)) => caption.push(text, in_link),
            (None, None) => {}
        }
    }

    fn close(&mut self, element: &Element) {
        match (element.name(), self.nested) {
            ("table", _) => {
                self.nested = self.nested.saturating_sub(1);
                self.break_line();
            }
            ("td" | "th", 0) => self.end_cell(),
            ("a", _) => self.link_depth = self.link_depth.saturating_sub(1),
            (name, _) if is_block(name) => self.break_line(),
            _ => {}
        }
    }
}

/// A `rowspan`/`colspan` value read as browsers do (leading digits, white space before them
/// skipped): 1 when absent or unreadable, `zero` when 0 (a `rowspan` of 0 runs to the table's end).
fn span(value: Option<&str>, zero: usize) -> usize {
    let digits: String =
        value.unwrap_or("").trimmed_start().chars().take_while(char::is_ascii_digit).take(6).collect();
    match digits.parse::<usize>() {
        Ok(0) => zero,
        Ok(n) => n,
        Err(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first_table(html: &str) -> Table {
        let dom = Html::parse_document(html);
        let table = dom
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "table"));
        collect(table.unwrap())
    }

    #[test]
    fn cells_spans_caption_and_nested_tables() {
        let table = first_table(
            "<table><caption>表1　指标</caption><thead><tr><th rowspan=2>类别<th colspan=' 2x'>完成<br>情况</thead>\
             <tr><td>绝对值<td><table><tr><td>增<td>速</tr><tr><td>%</table></table>",
        );
        assert_eq!(table.caption.as_deref(), Some("表1 指标"));
        let rows: Vec<Vec<(String, usize, usize)>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text(), c.row_span, c.col_span)).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec![("类别".into(), 2, 1), ("完成情况".into(), 1, 2)],
                vec![("绝对值".into(), 1, 1), ("增速%".into(), 1, 1)]
            ]
        );
    }

    #[test]
    fn spans_read_as_browsers_do() {
        assert_eq!(span(Some(" 3"), 9), 3);
        assert_eq!(span(Some("0"), 9), 9);
        assert_eq!(span(Some("x"), 9), 1);
        assert_eq!(span(None, 9), 1);
        assert_eq!(span(Some("99999999999999999999"), 9), 999_999);
    }
}
