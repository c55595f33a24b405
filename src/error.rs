//! Errors that reach the user: each says what failed, in which file, and what to do.

use std::path::PathBuf;

/// Why a file could not be turned into a [`crate::model::Report`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read from disk.
    #[error("{}: cannot read the file: {source}. Check that the path exists and is readable.", path.display())]
    Read {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A folder given as input holds no files.
    #[error("{}: the folder has no files. Give report files, or a folder that holds them.", path.display())]
    NoFiles {
        /// The folder as given.
        path: PathBuf,
    },
    /// The file has no content.
    #[error("{file}: the file is empty. Give the path of a plan report saved as text.")]
    Empty {
        /// The file as named by the user.
        file: String,
    },
    /// The bytes are not text in any encoding plangap reads.
    #[error(
        "{file}: not a text file ({reason}). plangap reads plan reports saved as plain text \
         (UTF-8, UTF-16 with BOM, or GB18030/GBK); open the document and save it as text first."
    )]
    NotText {
        /// The file as named by the user.
        file: String,
        /// What gave it away.
        reason: String,
    },
    /// A PDF plangap cannot take text from (encrypted, scanned, too large, damaged).
    #[error("{file}: {problem}")]
    Pdf {
        /// The file as named by the user.
        file: String,
        /// What is wrong with it, and what to do.
        problem: crate::ingest::pdf::PdfProblem,
    },
    /// The text is not a 国民经济和社会发展计划 report.
    #[error(
        "{file}: not a plan report ({reason}). plangap expects a title such as \
         “关于XX区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告” near the top."
    )]
    NotAReport {
        /// The file as named by the user.
        file: String,
        /// What was missing.
        reason: String,
    },
}
