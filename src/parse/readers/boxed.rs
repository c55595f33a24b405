//! Box-drawn tables (to be written).

use super::{Read, Vocabulary};

/// Reads a box-drawn table.
pub(crate) fn read(_lines: &[&str], _start: usize, _: &Vocabulary) -> Option<Read> {
    None
}
