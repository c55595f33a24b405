//! The panes and popups of the workbench, each drawing from the app's state.

pub mod districts;
pub mod finder;
pub mod gap;
pub mod help;
pub mod indicators;
pub mod popup;
pub mod status;
