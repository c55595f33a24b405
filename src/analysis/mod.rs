//! Analysis over parsed reports: status and gap of each reviewed row, and (later) canonical
//! indicator names and cross-district and year-over-year views. Pure functions.

pub mod status;

pub use status::assess_report;
