//! Space-aligned tables (to be written).

use super::{Read, Vocabulary};

/// Reads a space-aligned table.
pub(crate) fn read(_lines: &[&str], _start: usize, _: &Vocabulary) -> Option<Read> {
    None
}
