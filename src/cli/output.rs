//! Printing lists of records as an aligned table, JSON or CSV: the `--format` shared by every
//! listing command.

use crate::printable::printable;
use crate::text::{display_width, fit};
use clap::ValueEnum;
use serde::Serialize;
use std::io::{self, Write};

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Columns aligned by display width (CJK counts 2), for reading.
    Table,
    /// A JSON array of objects, for scripts.
    Json,
    /// Comma-separated values with a header row, for spreadsheets.
    Csv,
}

/// A column of a listing: its title, and whether its cells may be cut in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column title (table header, CSV header).
    pub header: &'static str,
    /// Free text (names, captions, progress) that a table may cut with `…` at
    /// [`WriteOptions::max_text_width`]; other columns (file paths, line numbers, numbers, codes)
    /// are always printed whole, so they can be copied.
    pub free_text: bool,
}

impl Column {
    /// A free-text column, cut with `…` beyond the table's cap.
    pub const fn text(header: &'static str) -> Column {
        Column { header, free_text: true }
    }

    /// A column printed whole whatever its width: paths, line numbers, numbers, codes.
    pub const fn whole(header: &'static str) -> Column {
        Column { header, free_text: false }
    }
}

/// A record that can be listed: its JSON form comes from `Serialize`, its table and CSV form
/// from [`Record::cells`] under [`Record::COLUMNS`].
pub trait Record: Serialize {
    /// The columns, in the order of [`Record::cells`].
    const COLUMNS: &'static [Column];
    /// The cells of this record as text.
    fn cells(&self) -> Vec<String>;
}

/// Options for [`write_records`].
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Start CSV output with a UTF-8 byte-order mark (spreadsheets then read CJK correctly).
    pub csv_bom: bool,
    /// Widest a free-text table column may be before its cells are cut with `…`; other columns
    /// are never cut.
    pub max_text_width: Option<usize>,
}

/// Writes `records` to `out` in `format`. No records give no output in a table or CSV (not a
/// lone header) and `[]` in JSON.
pub fn write_records<R: Record>(
    format: OutputFormat,
    records: &[R],
    options: WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let headers: Vec<&str> = R::COLUMNS.iter().map(|c| c.header).collect();
    match format {
        OutputFormat::Json => {
            crate::printable::write_json_pretty(&mut *out, records)?;
            writeln!(out)
        }
        _ if records.is_empty() => Ok(()),
        OutputFormat::Csv => write_csv(&headers, records.iter().map(Record::cells), options.csv_bom, out),
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = records.iter().map(Record::cells).collect();
            let caps: Vec<Option<usize>> =
                R::COLUMNS.iter().map(|c| options.max_text_width.filter(|_| c.free_text)).collect();
            write_table(&headers, &rows, &caps, out)
        }
    }
}

/// Writes an aligned table: a header, a rule, then one line per row; columns two spaces apart.
/// Control characters in cells (a file name may hold any) are shown as escapes.
/// `caps` gives, per column, the widest it may be before its cells are cut with `…`; a column
/// without a cap (`None`, or beyond the end of `caps`) is printed whole.
pub fn write_table(
    headers: &[&str],
    rows: &[Vec<String>],
    caps: &[Option<usize>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<Vec<String>> =
        rows.iter().map(|row| row.iter().map(|cell| printable(cell).into_owned()).collect()).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    for (width, cap) in widths.iter_mut().zip(caps) {
        if let Some(max) = cap {
            *width = (*width).min(*max);
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let fitted: Vec<String> = cells.zip(&widths).map(|(cell, &w)| fit(cell, w)).collect();
        fitted.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(&mut headers.iter().copied()))?;
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    writeln!(out, "{}", rule.join("  "))?;
    for row in &rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(())
}

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled;
/// control characters other than line breaks are shown as escapes.
pub fn write_csv(
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    bom: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let header: Vec<String> = headers.iter().map(|h| csv_field(h)).collect();
    write!(out, "{}\r\n", header.join(","))?;
    for row in rows {
        let fields: Vec<String> = row.iter().map(|cell| csv_field(cell)).collect();
        write!(out, "{}\r\n", fields.join(","))?;
    }
    Ok(())
}

fn csv_field(cell: &str) -> String {
    let cell: String = cell.split('\n').map(printable).collect::<Vec<_>>().join("\n");
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        value: f64,
    }

    impl Record for Row {
        const COLUMNS: &'static [Column] = &[Column::text("指标"), Column::whole("值")];
        fn cells(&self) -> Vec<String> {
            vec![self.name.to_owned(), self.value.to_string()]
        }
    }

    fn render(format: OutputFormat, options: WriteOptions) -> String {
        let rows = [Row { name: "地区生产总值增速", value: 2.6 }, Row { name: "GDP, \"real\"", value: -3.9 }];
        let mut out = Vec::new();
        write_records(format, &rows, options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn table_aligns_by_display_width() {
        let text = render(OutputFormat::Table, WriteOptions::default());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "指标              值");
        assert_eq!(lines[2], "地区生产总值增速  2.6");
        assert_eq!(lines[3], "GDP, \"real\"       -3.9");
    }

    #[test]
    fn table_cuts_free_text_columns_only() {
        let options = WriteOptions { max_text_width: Some(3), ..Default::default() };
        let text = render(OutputFormat::Table, options);
        assert_eq!(text.lines().nth(2).unwrap(), "地…  2.6");
        assert_eq!(text.lines().nth(3).unwrap(), "GD…  -3.9");
    }

    #[test]
    fn no_records_give_no_header_but_an_empty_json_array() {
        for format in [OutputFormat::Table, OutputFormat::Csv] {
            let mut out = Vec::new();
            write_records::<Row>(format, &[], WriteOptions { csv_bom: true, ..Default::default() }, &mut out)
                .unwrap();
            assert!(out.is_empty(), "{format:?}");
        }
        let mut out = Vec::new();
        write_records::<Row>(OutputFormat::Json, &[], WriteOptions::default(), &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }

    #[test]
    fn csv_quotes_and_bom() {
        let text = render(OutputFormat::Csv, WriteOptions { csv_bom: true, ..Default::default() });
        assert_eq!(text, "\u{feff}指标,值\r\n地区生产总值增速,2.6\r\n\"GDP, \"\"real\"\"\",-3.9\r\n");
    }

    #[test]
    fn json_is_an_array_of_objects() {
        let text = render(OutputFormat::Json, WriteOptions::default());
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[1]["value"], -3.9);
    }
}
