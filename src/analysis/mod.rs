//! Analysis over parsed reports: status and gap of each reviewed row and judged sentence, the
//! document's own counts checked against plangap's, canonical indicator names (re-exported from
//! [`crate::canonical`], which the parser shares), and the cross-district and year-over-year views.
//! Pure functions; the user's config file is read by [`crate::config`].

pub mod counts;
pub mod direction;
pub mod district;
pub mod link;
pub mod linked;
pub mod relative;
pub mod revised;
pub mod status;
pub mod suggest;
pub mod views;

pub use crate::canonical;
pub use direction::Direction;
pub use status::{Assessment, Basis, Unassessable, assess_report, assess_row, assess_statement};
