//! Project lists from the 专栏 boxes: names split at top-level `、`, with group, stage, progress.

use crate::model::{Project, Warning};

/// Finds every named project in the project boxes of `lines` (`lines[0]` is line 1).
pub fn parse_projects(lines: &[&str], warnings: &mut Vec<Warning>) -> Vec<Project> {
    let _ = (lines, warnings);
    Vec::new()
}
