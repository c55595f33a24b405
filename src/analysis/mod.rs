//! Analysis over parsed reports: status and gap of each reviewed row, and (later) canonical
//! indicator names and cross-district and year-over-year views. Pure functions.

pub mod direction;
pub mod status;

pub use direction::Direction;
pub use status::{Assessment, Basis, Unassessable, assess_report, assess_row};
