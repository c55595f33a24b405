//! Analysis over parsed reports: status and gap of each reviewed row, canonical indicator names,
//! the values stated in headline sentences, and the cross-district and year-over-year views.
//! Pure functions; the user's config file is read by [`crate::config`].

pub mod canonical;
pub mod direction;
pub mod district;
pub mod link;
pub mod narrative;
pub mod revised;
pub mod status;
pub mod views;

pub use direction::Direction;
pub use status::{Assessment, Basis, Unassessable, assess_report, assess_row};
