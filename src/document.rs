//! What [`crate::ingest`] hands to [`crate::parse`]: the text of a report, and the tables whose
//! cells the file's format knows for certain (HTML `<table>`, Word tables, PDF tables by position)
//! as [`Grid`]s placed at the lines of the text where they stand.
//!
//! Plain text has no placed tables: its tables are found in the text by the readers of
//! `parse::readers`. For the other formats the text is derived from the file (paragraphs a line
//! each, each table row a line of TAB-separated cells), so that every line number a warning or an
//! export names can be found in what `plangap check --text FILE` prints.

use crate::grid::Grid;
use crate::model::Warning;
use std::ops::Range;

/// What a file was read as (the `format` of each exported report), by content, not by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Plain text in any encoding.
    #[default]
    Text,
    /// A saved web page (HTML, or a single-file MHTML archive).
    Html,
    /// A Word .docx document.
    Docx,
    /// A PDF document.
    Pdf,
}

impl Format {
    /// The name used in exports: `text`, `html`, `docx` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// A table the format gave as cells, placed in the derived text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedTable {
    /// The cells, with their spans and lines.
    pub grid: Grid,
    /// 0-based indices of the lines of the text that show the table (one per row).
    pub lines: Range<usize>,
}

/// A decoded file: clean text and the tables its format knew.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Clean text with `\n` line ends; only TAB and newline remain of the control characters.
    pub text: String,
    /// What the file was read as.
    pub format: Format,
    /// The tables the format gave as cells, in document order, each placed at its lines.
    pub tables: Vec<PlacedTable>,
    /// What the reader noticed (a table that is only an image, a damaged part), with lines.
    pub warnings: Vec<Warning>,
    /// The encoding detected (`UTF-8`, `UTF-16LE`, `gb18030`, …; the container's for html/docx).
    pub encoding: &'static str,
    /// How many undecodable byte sequences were replaced with U+FFFD.
    pub replaced: usize,
    /// The file was a whole page on one line (a web mirror), cut at its runs of spaces into the
    /// lines of [`Document::text`]; the tables read from those lines were aligned with spaces.
    pub relined: bool,
    /// A web page's own title and site name (`<title>`, `<meta name="SiteName">`), one a line, or
    /// a Word document's title property (which a page saved as Word keeps from its `<title>`):
    /// where the report's title block names no place, the site's name may
    /// (`…的报告_盐边县人民政府`).
    pub page_title: Option<String>,
}

impl Document {
    /// A plain-text document.
    pub fn text(text: String, encoding: &'static str, replaced: usize) -> Document {
        Document { text, format: Format::Text, encoding, replaced, ..Document::default() }
    }
}
