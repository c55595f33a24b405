//! Excel workbooks (rust_xlsxwriter): one sheet per listing or view, a bold header row frozen
//! in place, columns as wide as their widest cell by display width, numbers as number cells.
//!
//! A value as a report writes it (`7.5以上`, `-82.6%`) takes two columns: the number where the
//! text is one (`-82.6`, in the row's unit), else the text; and the text as written beside it.

use super::output::{Kind, Record};
use crate::printable::printable;
use crate::text::{display_width, fold};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io;

/// The widest a column is made, in characters (longer text wraps in Excel's own way).
const MAX_COLUMN_WIDTH: usize = 60;

/// The longest text Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (control characters shown as escapes).
    Text(String),
    /// A number.
    Number(f64),
}

impl Cell {
    /// `text` as a text cell; empty text gives an empty cell.
    pub fn text(text: &str) -> Cell {
        match text.is_empty() {
            true => Cell::Empty,
            false => Cell::Text(printable(text).chars().take(MAX_CELL_CHARS).collect()),
        }
    }

    /// A number cell where `text` is a plain number ([`plain_number`]), else a text cell.
    pub fn number_or_text(text: &str) -> Cell {
        plain_number(text).map_or_else(|| Cell::text(text), Cell::Number)
    }

    /// The text the cell shows, for sizing its column.
    fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(number) => number.to_string(),
        }
    }
}

/// The number `text` holds when it is nothing but one (`6.5`, `-82.6%`, `１２`, `+3`): digits with
/// at most one decimal point, an optional sign, an optional trailing `%`.
pub fn plain_number(text: &str) -> Option<f64> {
    let folded = fold(text);
    let body = folded.strip_suffix('%').unwrap_or(&folded);
    let digits = body.strip_prefix(['-', '+']).unwrap_or(body);
    let valid = digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    valid.then(|| body.parse::<f64>().ok()).flatten().filter(|n| n.is_finite())
}

/// One sheet: its name, header row and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    name: String,
    kinds: Vec<Kind>,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// An empty sheet with these columns; a [`Kind::Value`] column is followed by its text as
    /// written (`target`, `target as written`).
    pub fn new(name: &str, columns: impl IntoIterator<Item = (String, Kind)>) -> Sheet {
        let mut sheet =
            Sheet { name: name.to_owned(), kinds: Vec::new(), headers: Vec::new(), rows: Vec::new() };
        for (header, kind) in columns {
            if kind == Kind::Value {
                sheet.headers.push(header.clone());
                sheet.headers.push(format!("{header} as written"));
            } else {
                sheet.headers.push(header);
            }
            sheet.kinds.push(kind);
        }
        sheet
    }

    /// The sheet of `records`: their columns and cells.
    pub fn of<R: Record>(name: &str, records: &[R]) -> Sheet {
        let mut sheet = Sheet::new(name, R::COLUMNS.iter().map(|c| (c.header.to_owned(), c.kind)));
        for record in records {
            sheet.push(record.cells());
        }
        sheet
    }

    /// Adds a row of cells as text, in the order of the columns; each becomes a number or text
    /// cell by its column's kind.
    pub fn push(&mut self, cells: impl IntoIterator<Item = String>) {
        let mut row = Vec::new();
        for (text, kind) in cells.into_iter().zip(&self.kinds) {
            match kind {
                Kind::Text | Kind::Whole => row.push(Cell::text(&text)),
                Kind::Number => row.push(Cell::number_or_text(&text)),
                Kind::Value => {
                    row.push(Cell::number_or_text(&text));
                    row.push(Cell::text(&text));
                }
            }
        }
        self.rows.push(row);
    }

    /// The widths of the columns, in characters: the widest cell or header by display width.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| display_width(h)).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(display_width(&cell.shown()));
            }
        }
        widths.into_iter().map(|w| w.min(MAX_COLUMN_WIDTH) + 2).collect()
    }
}

/// The workbook of `sheets`, as the bytes of an .xlsx file.
pub fn workbook(sheets: &[Sheet]) -> io::Result<Vec<u8>> {
    build(sheets).map_err(|error| io::Error::other(format!("cannot build the Excel workbook: {error}")))
}

fn build(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        for (col, header) in (0..).zip(&sheet.headers) {
            worksheet.write_string_with_format(0, col, printable(header), &bold)?;
        }
        for (row, cells) in (1..).zip(&sheet.rows) {
            for (col, cell) in (0..).zip(cells) {
                match cell {
                    Cell::Empty => {}
                    Cell::Text(text) => drop(worksheet.write_string(row, col, text)?),
                    Cell::Number(number) => drop(worksheet.write_number(row, col, *number)?),
                }
            }
        }
        for (col, width) in (0..).zip(sheet.widths()) {
            worksheet.set_column_width(col, width as f64)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_and_only_those_become_numbers() {
        assert_eq!(plain_number("6.5"), Some(6.5));
        assert_eq!(plain_number("-82.6%"), Some(-82.6));
        assert_eq!(plain_number("＋３"), Some(3.0));
        for text in ["7.5以上", "≥330", "", "-", ".", "1.2.3", "inf", "NaN", "1e5", "预计2.25", "5%左右"]
        {
            assert_eq!(plain_number(text), None, "{text}");
        }
    }

    #[test]
    fn value_columns_get_their_text_as_written_beside_the_number() {
        let mut sheet =
            Sheet::new("t", [("指标".to_owned(), Kind::Text), ("target".to_owned(), Kind::Value)]);
        sheet.push(["地区生产总值增速".to_owned(), "6.5".to_owned()]);
        sheet.push(["森林覆盖率".to_owned(), "7.5以上".to_owned()]);
        assert_eq!(sheet.headers, ["指标", "target", "target as written"]);
        assert_eq!(sheet.rows[0][1..], [Cell::Number(6.5), Cell::Text("6.5".into())]);
        assert_eq!(sheet.rows[1][1..], [Cell::Text("7.5以上".into()), Cell::Text("7.5以上".into())]);
        assert_eq!(sheet.widths()[0], 16 + 2, "CJK counts two columns");
    }
}
