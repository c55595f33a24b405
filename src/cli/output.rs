//! Printing lists of records as an aligned table, JSON, CSV or an Excel workbook: the
//! `--format` and `-o FILE` shared by every listing command.

use super::fit::{self, GAP, Want};
use super::sink::Sink;
use super::xlsx;
use crate::model::Report;
use crate::printable::printable;
use crate::text::{display_width, fit as fit_cell};
use crate::write_file::{Replace, write_atomically};
use clap::ValueEnum;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// Columns aligned by display width (CJK counts 2), for reading; fitted to the terminal.
    #[default]
    Table,
    /// A JSON array of objects, for scripts.
    Json,
    /// Comma-separated values with a header row, for spreadsheets.
    Csv,
    /// An Excel workbook (needs `-o FILE` when stdout is a terminal).
    Xlsx,
}

/// What a column holds, which decides how a table and a workbook show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (names, captions, progress): a table may cut it with `…` (by the cap, or to
    /// fit a terminal).
    Text,
    /// Printed whole: paths, codes, flags.
    Whole,
    /// A number (counts, years, lines, gaps, `1752%`): a number cell in a workbook.
    Number,
    /// A value as a report writes it (`7.5以上`, `-82.6%`): a table fitting a terminal may cut it
    /// as free text (numbers are narrower than the narrowest cut); in a workbook a number where
    /// it is one, with the text as written in the next column.
    Value,
}

/// A column of a listing: its title, what it holds, and whether a narrow terminal may leave it
/// out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column<'a> {
    /// The column title (table header, CSV header).
    pub header: &'a str,
    /// What the column holds.
    pub kind: Kind,
    /// Left out of a table too wide for the terminal even with its free text cut, lowest rank
    /// first (the columns of one rank together); `None`: always shown.
    pub leave_out: Option<u8>,
}

impl<'a> Column<'a> {
    /// A free-text column, cut with `…` when the table is too wide.
    pub const fn text(header: &'a str) -> Column<'a> {
        Column { header, kind: Kind::Text, leave_out: None }
    }

    /// A column printed whole whatever its width: paths, codes, flags.
    pub const fn whole(header: &'a str) -> Column<'a> {
        Column { header, kind: Kind::Whole, leave_out: None }
    }

    /// A column of numbers, printed whole.
    pub const fn number(header: &'a str) -> Column<'a> {
        Column { header, kind: Kind::Number, leave_out: None }
    }

    /// A column of values as written.
    pub const fn value(header: &'a str) -> Column<'a> {
        Column { header, kind: Kind::Value, leave_out: None }
    }

    /// This column, left out at `rank` when a terminal is too narrow (see [`Column::leave_out`]).
    pub const fn optional(self, rank: u8) -> Column<'a> {
        Column { leave_out: Some(rank), ..self }
    }
}

/// A record that can be listed: its JSON form comes from `Serialize`, its table, CSV and
/// workbook form from [`Record::cells`] under [`Record::COLUMNS`].
pub trait Record: Serialize {
    /// The columns, in the order of [`Record::cells`].
    const COLUMNS: &'static [Column<'static>];
    /// The cells of this record as text.
    fn cells(&self) -> Vec<String>;
}

/// The output options every listing command takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputArgs {
    /// Output format: an aligned table, a JSON array of objects, CSV, or an Excel workbook.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Start CSV output with a UTF-8 byte-order mark, so spreadsheets read the Chinese text.
    #[arg(long)]
    pub csv_bom: bool,
    /// Print whole cells in a table even when stdout is a terminal narrower than the table
    /// (piped output always has whole cells).
    #[arg(long)]
    pub wide: bool,
    /// Write to FILE instead of stdout (replacing it atomically; never a loaded report).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// The width a table must fit: the terminal's, unless `--wide`, `-o FILE` or a pipe.
    pub fn table_width(&self, sink: &Sink) -> Option<usize> {
        match self.wide || self.output.is_some() {
            true => None,
            false => sink.terminal_columns(),
        }
    }

    /// Writes `records` in the chosen format to `-o FILE` or the sink; `sheet` names the
    /// workbook's sheet, `max_text` caps free-text table columns, `reports` are the files read
    /// (never written over).
    pub fn write<R: Record>(
        &self,
        sheet: &str,
        records: &[R],
        max_text: Option<usize>,
        reports: &[Report],
        sink: &mut Sink,
    ) -> io::Result<()> {
        let options =
            WriteOptions { csv_bom: self.csv_bom, max_text_width: max_text, fit: self.table_width(sink) };
        let format = self.format;
        deliver(self.output.as_deref(), format == OutputFormat::Xlsx, reports, sink, |out| match format {
            OutputFormat::Xlsx => out.write_all(&xlsx::workbook(&[xlsx::Sheet::of(sheet, records)])?),
            _ => write_records(format, records, options, out),
        })
    }
}

/// Sends what `render` writes to `output` (written atomically, see [`write_atomically`]; an
/// existing file is replaced, a loaded report never) or to the sink. `binary` output (a
/// workbook) is refused when the sink is a terminal. The error says what was refused or failed.
pub fn deliver(
    output: Option<&Path>,
    binary: bool,
    reports: &[Report],
    sink: &mut Sink,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match output {
        Some(path) => {
            let mut bytes = Vec::new();
            render(&mut bytes)?;
            let inputs: Vec<PathBuf> = reports.iter().map(|r| PathBuf::from(&r.file)).collect();
            write_atomically(path, &bytes, Replace::File, &inputs).map(drop).map_err(io::Error::other)
        }
        None if binary && sink.terminal_columns().is_some() => Err(io::Error::other(
            "an Excel workbook is binary and stdout is a terminal: give -o FILE.xlsx (or redirect stdout to a file)",
        )),
        None => render(sink),
    }
}

/// Options for [`write_records`].
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Start CSV output with a UTF-8 byte-order mark (spreadsheets then read CJK correctly).
    pub csv_bom: bool,
    /// Widest a free-text table column may be before its cells are cut with `…`; other columns
    /// are never cut.
    pub max_text_width: Option<usize>,
    /// The terminal width a table must fit (see [`write_table`]); `None`: whole cells.
    pub fit: Option<usize>,
}

/// Writes `records` to `out` in `format`. No records give no output in a table or CSV (not a
/// lone header), `[]` in JSON, and a sheet with only its header row in a workbook.
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
        OutputFormat::Xlsx => out.write_all(&xlsx::workbook(&[xlsx::Sheet::of("records", records)])?),
        _ if records.is_empty() => Ok(()),
        OutputFormat::Csv => write_csv(&headers, records.iter().map(Record::cells), options.csv_bom, out),
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = records.iter().map(Record::cells).collect();
            let left_out = write_table(R::COLUMNS, &rows, options, out)?;
            tell_left_out(&left_out);
            Ok(())
        }
    }
}

/// Writes an aligned table: a header, a rule, then one line per row; columns two spaces apart.
/// Control characters in cells (a file name may hold any) are shown as escapes. Text columns
/// are cut with `…` beyond `options.max_text_width`; with `options.fit`, the table is
/// fitted to that many columns ([`fit::fit`]): free text is cut, and optional columns are left
/// out when cutting is not enough. Returns the headers of the columns left out.
pub fn write_table(
    columns: &[Column],
    rows: &[Vec<String>],
    options: WriteOptions,
    out: &mut dyn Write,
) -> io::Result<Vec<String>> {
    let rows: Vec<Vec<String>> =
        rows.iter().map(|row| row.iter().map(|cell| printable(cell).into_owned()).collect()).collect();
    let mut natural: Vec<usize> = columns.iter().map(|c| display_width(c.header)).collect();
    for row in &rows {
        for (width, cell) in natural.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    let wants: Vec<Want> = columns
        .iter()
        .zip(&natural)
        .map(|(column, &natural)| {
            let free_text = matches!(column.kind, Kind::Text | Kind::Value);
            let natural = match options.max_text_width {
                Some(cap) if column.kind == Kind::Text => natural.min(cap),
                _ => natural,
            };
            Want { natural, free_text, leave_out: column.leave_out }
        })
        .collect();
    let widths: Vec<Option<usize>> = match options.fit {
        Some(width) => fit::fit(&wants, width),
        None => wants.iter().map(|w| Some(w.natural)).collect(),
    };
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let fitted: Vec<String> =
            cells.zip(&widths).filter_map(|(cell, width)| width.map(|w| fit_cell(cell, w))).collect();
        fitted.join(&" ".repeat(GAP)).trim_end().to_owned()
    };
    writeln!(out, "{}", line(&mut columns.iter().map(|c| c.header)))?;
    let rule: Vec<String> = widths.iter().flatten().map(|&w| "-".repeat(w)).collect();
    writeln!(out, "{}", rule.join(&" ".repeat(GAP)))?;
    for row in &rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(columns.iter().zip(&widths).filter(|(_, w)| w.is_none()).map(|(c, _)| c.header.to_owned()).collect())
}

/// Tells stderr which columns a narrow terminal left out, and how to see them.
pub fn tell_left_out(left_out: &[String]) {
    if !left_out.is_empty() {
        eprintln!(
            "plangap: the terminal is too narrow for {}: --wide shows every column, --format csv or xlsx -o FILE too",
            printable(&left_out.join(", "))
        );
    }
}

/// Writes RFC 4180 CSV (the `csv` crate): fields with a comma, quote or line break are quoted,
/// quotes doubled, records end with CRLF; control characters other than line breaks are shown
/// as escapes.
pub fn write_csv(
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    bom: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(headers.iter().map(|h| csv_field(h)))?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| csv_field(cell)))?;
    }
    writer.flush()
}

/// A cell for CSV: control characters other than line breaks shown as escapes.
fn csv_field(cell: &str) -> String {
    cell.split('\n').map(printable).collect::<Vec<_>>().join("\n")
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
        const COLUMNS: &'static [Column<'static>] = &[Column::text("指标"), Column::number("值")];
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
    fn csv_quotes_line_breaks_and_escapes_other_controls() {
        let mut out = Vec::new();
        let rows = vec![vec!["a\nb".to_owned(), "r_\u{1b}]0;x\u{7}".to_owned()]].into_iter();
        write_csv(&["x", "y"], rows, false, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x,y\r\n\"a\nb\",r_\\x1b]0;x\\x07\r\n");
    }

    #[test]
    fn json_is_an_array_of_objects() {
        let text = render(OutputFormat::Json, WriteOptions::default());
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[1]["value"], -3.9);
    }
}
