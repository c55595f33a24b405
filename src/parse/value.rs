//! The value grammar of target and achieved cells.

use crate::model::{Value, ValueForm};

/// Reads a target or achieved cell as written.
pub fn parse_value(raw: &str) -> Value {
    let raw = raw.trim();
    let form = if raw.is_empty() {
        ValueForm::Empty
    } else if let Ok(n) = raw.trim_end_matches('%').parse::<f64>() {
        ValueForm::Exact(n)
    } else {
        ValueForm::Qualitative
    };
    Value { raw: raw.to_owned(), form, unit: None, estimated: false }
}
