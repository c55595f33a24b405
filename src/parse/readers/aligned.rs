//! Space-aligned tables (to be written).

use super::Read;

/// Reads a space-aligned table.
pub(crate) fn read(_lines: &[&str], _start: usize) -> Option<Read> {
    None
}
