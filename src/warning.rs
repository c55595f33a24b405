//! Warnings: what a reader or the parser noticed but could not place, typed by kind.
//!
//! A [`Warning`] is a 1-based line, the table it is about (if any) and a [`WarningKind`] that
//! holds the values in question: the cells, the counts, the box's caption. The message the user
//! sees is rendered from them by `Display`, so it is written once, here, and tests and the
//! workbench can tell a missing table from an unplaced cell by its kind:
//!
//! ```
//! use plangap::warning::{Scope, Warning, WarningKind};
//!
//! let warning = Warning::new(12, WarningKind::NoRows).in_table(Scope::Table("表1 主要指标".into()));
//! assert!(matches!(warning.kind, WarningKind::NoRows));
//! assert!(warning.to_string().starts_with("表1 主要指标: the table has a header but no rows"));
//! ```

use std::fmt;

/// How many line numbers a warning about damaged bytes lists before it says `and N more`.
const LINES_LISTED: usize = 5;

/// A word or name fixed in the binary (an encoding's name): an alias, so that serde's derive
/// does not borrow it from the input (the cache reads it back with
/// [`crate::corpus::cache::static_str`]).
pub type StaticStr = &'static str;

/// Something a reader or the parser noticed but could not place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Warning {
    /// 1-based line.
    pub line: usize,
    /// The table it is about, when it is about one; its message starts by naming it.
    pub scope: Option<Scope>,
    /// What was wrong, with the values in question.
    pub kind: WarningKind,
}

impl Warning {
    /// A warning about `line` (1-based) that names no table.
    pub fn new(line: usize, kind: WarningKind) -> Warning {
        Warning { line, scope: None, kind }
    }

    /// The same warning, about the table `scope` (a warning that already names one keeps it).
    pub fn in_table(self, scope: Scope) -> Warning {
        Warning { scope: self.scope.or(Some(scope)), ..self }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scope {
            Some(Scope::Table(caption)) => write!(f, "{caption}: ")?,
            Some(Scope::BoxTable(caption)) => write!(f, "the table in box `{caption}`: ")?,
            None => {}
        }
        self.kind.fmt(f)
    }
}

/// The table a warning is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// An indicator table, by its caption (or `表（第N行）` when it has none).
    Table(String),
    /// The table inside a project box, by the box's caption.
    BoxTable(String),
}

/// What a warning is about, with the values its message names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WarningKind {
    /// Byte sequences not valid in the file's encoding were replaced with U+FFFD.
    InvalidBytes {
        /// How many sequences.
        count: usize,
        /// The encoding the file was read in (`UTF-8`, `gb18030`).
        #[serde(deserialize_with = "crate::corpus::cache::static_str")]
        encoding: StaticStr,
    },
    /// NUL bytes were replaced with U+FFFD.
    NulBytes {
        /// The 1-based line of each NUL byte, in order (a line once per byte).
        lines: Vec<usize>,
    },
    /// Terminal escape sequences without their end were removed up to the end of their line.
    UnterminatedEscapes {
        /// The 1-based line of each sequence, in order.
        lines: Vec<usize>,
    },
    /// A PDF page with no text (a scanned image).
    BlankPage {
        /// The 1-based page number.
        page: usize,
    },
    /// A table given only as images after its caption.
    ImageTable {
        /// The caption.
        caption: String,
        /// The images' file names, as the page names them.
        images: Vec<String>,
    },
    /// A file without a title, read as a fragment, from which some of the title's facts are
    /// unknown.
    NoTitle {
        /// What nothing in the file names: `district`, `reviewed year`, `plan year`.
        #[serde(deserialize_with = "crate::corpus::cache::static_strs")]
        unknown: Vec<StaticStr>,
    },
    /// A project box with nothing in it.
    EmptyBox {
        /// The box's caption.
        caption: String,
    },
    /// A heading in a project box with no list under it.
    HeadingWithoutList {
        /// The heading.
        label: String,
        /// The box's caption.
        caption: String,
    },
    /// A project box whose list stops without closing punctuation.
    ListCutOff {
        /// The box's caption.
        caption: String,
    },
    /// A line of a project box in which no project list was recognised.
    NoProjectList {
        /// The box's caption.
        caption: String,
    },
    /// A line of a box of works (民生实事) in which no work title was found.
    NoWorkTitle {
        /// The box's caption.
        caption: String,
    },
    /// A row with fewer cells than the header has columns: its last cells were left empty.
    ShortRow {
        /// The row's name cell.
        name: String,
        /// How many cells the row has.
        cells: usize,
        /// How many columns the header has.
        columns: usize,
        /// The titles of the columns left empty.
        missing: Vec<String>,
    },
    /// Cells that belong to no row and were skipped.
    UnplacedCells {
        /// The cells' text.
        cells: Vec<String>,
    },
    /// A value in the name column: the table's cells may be out of step from here on.
    MisalignedName {
        /// The name cell.
        name: String,
    },
    /// A row with no name but other cells filled: skipped.
    NamelessRow {
        /// The filled cells' text.
        cells: Vec<String>,
    },
    /// A table with a header but no rows read.
    NoRows,
    /// A caption naming indicators with no table header after it.
    MissingTable,
    /// A table with several target columns, of which only the first is read.
    UnreadTargets {
        /// The target column read.
        read: String,
        /// The target columns skipped.
        skipped: Vec<String>,
    },
    /// A note deeming targets met that names no row of its table.
    UnmatchedNote {
        /// The note's sentence.
        note: String,
    },
}

impl WarningKind {
    /// A stable snake_case name for the kind (`short_row`), for scripts and filters.
    pub fn as_str(&self) -> &'static str {
        match self {
            WarningKind::InvalidBytes { .. } => "invalid_bytes",
            WarningKind::NulBytes { .. } => "nul_bytes",
            WarningKind::UnterminatedEscapes { .. } => "unterminated_escapes",
            WarningKind::BlankPage { .. } => "blank_page",
            WarningKind::ImageTable { .. } => "image_table",
            WarningKind::NoTitle { .. } => "no_title",
            WarningKind::EmptyBox { .. } => "empty_box",
            WarningKind::HeadingWithoutList { .. } => "heading_without_list",
            WarningKind::ListCutOff { .. } => "list_cut_off",
            WarningKind::NoProjectList { .. } => "no_project_list",
            WarningKind::NoWorkTitle { .. } => "no_work_title",
            WarningKind::ShortRow { .. } => "short_row",
            WarningKind::UnplacedCells { .. } => "unplaced_cells",
            WarningKind::MisalignedName { .. } => "misaligned_name",
            WarningKind::NamelessRow { .. } => "nameless_row",
            WarningKind::NoRows => "no_rows",
            WarningKind::MissingTable => "missing_table",
            WarningKind::UnreadTargets { .. } => "unread_targets",
            WarningKind::UnmatchedNote { .. } => "unmatched_note",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::InvalidBytes { count, encoding } => write!(
                f,
                "{count} byte sequence(s) are not valid {encoding} and were replaced with �; the file \
                 may be cut off or damaged: check the source, or save it again as text"
            ),
            WarningKind::NulBytes { lines } => write!(
                f,
                "{} NUL byte(s) {} were replaced with �: the file is damaged; check the source, or \
                 save it again as text",
                lines.len(),
                AtLines(lines)
            ),
            WarningKind::UnterminatedEscapes { lines } => write!(
                f,
                "{} terminal escape sequence(s) without their end {} were removed up to the end of \
                 their line; text may be missing there: check the source",
                lines.len(),
                AtLines(lines)
            ),
            WarningKind::BlankPage { page } => write!(
                f,
                "page {page} has no text (a scanned page is an image: it needs OCR, which plangap \
                 does not do)"
            ),
            WarningKind::ImageTable { caption, images } => write!(
                f,
                "the table “{caption}” is an image ({}); plangap does not read images: find a text \
                 version of the report (the .docx, or a page with the table as text)",
                images.join(", ")
            ),
            WarningKind::NoTitle { unknown } => write!(
                f,
                "the file has no title (关于XX区Y年…计划执行情况…的报告), so it is read as a fragment; \
                 nothing in it names its {}. Give them with --district and --year if you know them.",
                unknown.join(", ")
            ),
            WarningKind::EmptyBox { caption } => write!(
                f,
                "project box `{caption}` is empty; the document may be cut off here: check the source"
            ),
            WarningKind::HeadingWithoutList { label, caption } => {
                write!(f, "`{label}` in box `{caption}` has no list under it; it was left out")
            }
            WarningKind::ListCutOff { caption } => write!(
                f,
                "the list in box `{caption}` stops without closing punctuation; it may be cut off, \
                 check the source text"
            ),
            WarningKind::NoProjectList { caption } => {
                write!(f, "no project list recognised in this line of box `{caption}`; it was left out")
            }
            WarningKind::NoWorkTitle { caption } => write!(
                f,
                "no work title found in this line of box `{caption}` (expected `title：…` or \
                 `1.title。…`); it was left out"
            ),
            WarningKind::ShortRow { name, cells, columns, missing } => write!(
                f,
                "the row “{name}” has {cells} cells where the header has {columns} columns; its {} \
                 cell(s) are left empty. Check this row in the source document (a cell may have been \
                 lost in the export) and fill it in if needed.",
                missing.join("、")
            ),
            WarningKind::UnplacedCells { cells } => write!(
                f,
                "the cell(s) “{}” could not be placed in a row and were skipped. Check the table \
                 around this line in the source document.",
                cells.join("”, “")
            ),
            WarningKind::MisalignedName { name } => write!(
                f,
                "the name cell “{name}” looks like a value, so the cells of this table may be out of \
                 step from here on (a cell lost or added in the export). Check the table in the \
                 source document."
            ),
            WarningKind::NamelessRow { cells } => write!(
                f,
                "a row has no indicator name but has the cells “{}”; it was skipped. Check the table \
                 at this line in the source document.",
                cells.join("”, “")
            ),
            WarningKind::NoRows => write!(
                f,
                "the table has a header but no rows could be read; check the table in the source \
                 document (`plangap check --text` shows the text plangap read)."
            ),
            WarningKind::MissingTable => write!(
                f,
                "the caption names indicators but no table header with a name column (指标名称) and \
                 a target column (目标) follows it, so no rows were read. If the table is there, \
                 check its layout with `plangap check --text`."
            ),
            WarningKind::UnreadTargets { read, skipped } => write!(
                f,
                "the table has several target columns; only “{read}” is read and “{}” is skipped. \
                 Split the table in the source document to read both.",
                skipped.join("”, “")
            ),
            WarningKind::UnmatchedNote { note } => write!(
                f,
                "the note “{note}” deems targets met but names no row of the table that plangap \
                 could match; check which rows it means."
            ),
        }
    }
}

/// `at line 3` / `at lines 3, 7, 9 and 4 more`, each line once.
struct AtLines<'a>(&'a [usize]);

impl fmt::Display for AtLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut distinct = self.0.to_vec();
        distinct.dedup();
        let listed: Vec<String> = distinct.iter().take(LINES_LISTED).map(usize::to_string).collect();
        let plural = if distinct.len() > 1 { "s" } else { "" };
        write!(f, "at line{plural} {}", listed.join(", "))?;
        match distinct.len().saturating_sub(LINES_LISTED) {
            0 => Ok(()),
            more => write!(f, " and {more} more"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scoped_warning_names_its_table_first() {
        let kind = WarningKind::UnplacedCells { cells: vec!["甲".into(), "6".into()] };
        let boxed = Warning::new(3, kind.clone()).in_table(Scope::BoxTable("专栏1".into()));
        assert!(boxed.to_string().starts_with("the table in box `专栏1`: the cell(s) “甲”, “6” could not"));
        let plain = Warning::new(3, kind);
        assert!(plain.to_string().starts_with("the cell(s) “甲”, “6”"), "{plain}");
    }

    #[test]
    fn a_warning_keeps_the_table_it_names() {
        let warning = Warning::new(1, WarningKind::NoRows)
            .in_table(Scope::Table("表1".into()))
            .in_table(Scope::Table("表2".into()));
        assert_eq!(warning.scope, Some(Scope::Table("表1".into())));
    }

    #[test]
    fn damaged_lines_are_listed_once_each_and_counted_past_five() {
        let lines = [2, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(AtLines(&lines).to_string(), "at lines 2, 3, 4, 5, 6 and 2 more");
        assert_eq!(AtLines(&[9]).to_string(), "at line 9");
        let kind = WarningKind::NulBytes { lines: lines.to_vec() };
        assert!(kind.to_string().starts_with("8 NUL byte(s) at lines 2, 3"), "{kind}");
    }
}
