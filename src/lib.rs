//! plangap: read Chinese local governments' annual plan reports, find the targets they missed.
//!
//! Data flows one way: bytes ─[`ingest`]→ text ─[`parse`]→ [`model::Report`] ─[`analysis`]→
//! statuses, gaps and comparisons, drawn by the TUI or printed by the [`cli`].

pub mod analysis;
pub mod canonical;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod divisions;
pub mod document;
pub mod error;
pub mod export;
pub mod finder;
#[cfg(test)]
mod fixtures;
pub mod grid;
pub mod hashing;
pub mod ingest;
pub mod model;
pub mod numerals;
pub mod parse;
pub mod printable;
pub mod text;
pub mod text_span;
pub mod tui;
pub mod warning;
pub mod write_file;

pub use error::Error;
