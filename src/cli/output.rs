//! Printing lists of records as an aligned table, JSON or CSV: the `--format` shared by every
//! listing command.

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

/// A record that can be listed: its JSON form comes from `Serialize`, its table and CSV form
/// from [`Record::cells`] under [`Record::HEADERS`].
pub trait Record: Serialize {
    /// Column titles, in the order of [`Record::cells`].
    const HEADERS: &'static [&'static str];
    /// The cells of this record as text.
    fn cells(&self) -> Vec<String>;
}

/// Options for [`write_records`].
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Start CSV output with a UTF-8 byte-order mark (spreadsheets then read CJK correctly).
    pub csv_bom: bool,
    /// Widest a table column may be before its cells are truncated with `…`.
    pub max_column_width: Option<usize>,
}

/// Writes `records` to `out` in `format`.
pub fn write_records<R: Record>(
    format: OutputFormat,
    records: &[R],
    options: WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, records).map_err(io::Error::from)?;
            writeln!(out)
        }
        OutputFormat::Csv => write_csv(R::HEADERS, records.iter().map(Record::cells), options.csv_bom, out),
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = records.iter().map(Record::cells).collect();
            write_table(R::HEADERS, &rows, options.max_column_width, out)
        }
    }
}

/// Writes an aligned table: a header, a rule, then one line per row; columns two spaces apart.
pub fn write_table(
    headers: &[&str],
    rows: &[Vec<String>],
    max_column_width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    if let Some(max) = max_column_width {
        widths.iter_mut().for_each(|w| *w = (*w).min(max));
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let fitted: Vec<String> = cells.zip(&widths).map(|(cell, &w)| fit(cell, w)).collect();
        fitted.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(&mut headers.iter().copied()))?;
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    writeln!(out, "{}", rule.join("  "))?;
    for row in rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(())
}

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
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
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
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
        const HEADERS: &'static [&'static str] = &["指标", "值"];
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
    fn table_truncates_wide_columns() {
        let options = WriteOptions { max_column_width: Some(7), ..Default::default() };
        let text = render(OutputFormat::Table, options);
        assert_eq!(text.lines().nth(2).unwrap(), "地区生…  2.6");
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
