//! Box-drawn tables (to be written).

use super::Read;

/// Reads a box-drawn table.
pub(crate) fn read(_lines: &[&str], _start: usize) -> Option<Read> {
    None
}
