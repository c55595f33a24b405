//! Errors that reach the user: each says what failed, in which file, and what to do.

use crate::printable::{self, printable};
use std::path::PathBuf;

/// Why a file could not be turned into a [`crate::model::Report`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read from disk.
    #[error(
        "{}: cannot read the file: {source}. Check that the path exists and is readable.",
        printable::path(path)
    )]
    Read {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The path is not a regular file: a named pipe, a device or a socket, which may never end.
    #[error(
        "{}: skipped: it is {kind}, not a regular file. plangap reads report files; copy the report \
         into a file and give that file's path.",
        printable::path(path)
    )]
    Special {
        /// The path as given.
        path: PathBuf,
        /// What it is instead (`a named pipe (FIFO)`, `a character device`, …).
        kind: &'static str,
    },
    /// The file is larger than any plan report.
    #[error(
        "{}: the file is {} MB, more than the {} MB limit (plan reports are far smaller). If it \
         really is a report, raise the limit with --max-size MB.",
        printable::path(path), megabytes(*size), megabytes(*limit)
    )]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// Its size in bytes (as much as was read, for files that do not tell their size).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A folder given as input holds no files.
    #[error(
        "{}: the folder has no files. Give report files, or a folder that holds them.",
        printable::path(path)
    )]
    NoFiles {
        /// The folder as given.
        path: PathBuf,
    },
    /// The file has no content.
    #[error("{}: the file is empty. Give the path of a plan report saved as text.", printable(file))]
    Empty {
        /// The file as named by the user.
        file: String,
    },
    /// The bytes are not text in any encoding plangap reads.
    #[error(
        "{}: not a text file ({reason}). plangap reads plan reports saved as plain text \
         (UTF-8, UTF-16, or GB18030/GBK); open the document and save it as text first.",
        printable(file)
    )]
    NotText {
        /// The file as named by the user.
        file: String,
        /// What gave it away.
        reason: String,
    },
    /// A document format plangap recognises but does not read (legacy Word, WPS, RTF).
    #[error(
        "{}: {kind}, which plangap cannot read. Convert it to .docx, for example with \
         `soffice --headless --convert-to docx FILE` (LibreOffice), or save it as .docx or text \
         from Word or WPS.",
        printable(file)
    )]
    Legacy {
        /// The file as named by the user.
        file: String,
        /// What it is, in words.
        kind: &'static str,
    },
    /// A file named or packed as a Word document that is not one.
    #[error(
        "{}: not a Word file ({reason}). Open it in Word or WPS and save it as .docx again.",
        printable(file)
    )]
    NotWord {
        /// The file as named by the user.
        file: String,
        /// What gave it away.
        reason: String,
    },
    /// A PDF plangap cannot take text from (encrypted, scanned, too large, damaged).
    #[error("{}: {problem}", printable(file))]
    Pdf {
        /// The file as named by the user.
        file: String,
        /// What is wrong with it, and what to do.
        problem: crate::ingest::pdf::PdfProblem,
    },
    /// The text is not a 国民经济和社会发展计划 report.
    #[error(
        "{}: not a plan report ({reason}). plangap expects a title such as \
         “关于XX区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告” near the top.",
        printable(file)
    )]
    NotAReport {
        /// The file as named by the user.
        file: String,
        /// What was missing.
        reason: String,
    },
}

impl Error {
    /// The file the error is about, as given.
    pub fn file(&self) -> String {
        match self {
            Error::Read { path, .. }
            | Error::Special { path, .. }
            | Error::TooLarge { path, .. }
            | Error::NoFiles { path } => printable::path(path).to_string(),
            Error::Empty { file }
            | Error::NotText { file, .. }
            | Error::Legacy { file, .. }
            | Error::NotWord { file, .. }
            | Error::Pdf { file, .. }
            | Error::NotAReport { file, .. } => file.clone(),
        }
    }
}

/// `bytes` in megabytes, rounded up, for messages.
fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}
