//! The files of the test fixtures and sample reports, for unit tests that check a routine over
//! every one of them.

use std::path::PathBuf;

/// Every file under `tests/data` and `examples/reports` (paths from the crate's root, where
/// `cargo test` runs).
pub(crate) fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = ["tests/data", "examples/reports"].map(PathBuf::from).to_vec();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|entry| entry.path()));
        } else {
            files.push(path);
        }
    }
    files
}
