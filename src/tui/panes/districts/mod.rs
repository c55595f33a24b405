//! The districts tree: when the corpus spans more than one province or city (from the title
//! block), its districts grouped by province and then city, each group with its count of
//! districts and a badge of missed rows; each district with its reports by review year, each
//! report with a badge of missed / reviewed rows (for a report with no review table, its results
//! judged in sentences, marked `†`); the files that failed to load with their errors. Groups and
//! districts sort by pinyin. A tree too long to read at a glance opens closed, and `/` filters
//! its districts by name or pinyin with the finder's matcher.
//!
//! One job per file: [`places`] (where a report sits), [`tree`] (the nodes, which are open, the
//! lines shown), [`draw`] (drawing the visible lines).

mod draw;
mod places;
mod tree;

pub use draw::render_tree;
pub use places::{Place, place_of};
pub use tree::{Counts, DistrictNode, DistrictTree, GroupNode, TreeItem, TreeLine};

/// The last component of a path.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_the_folders() {
        assert_eq!(file_name("examples/reports/000.txt"), "000.txt");
        assert_eq!(file_name("C:\\r\\a.txt"), "a.txt");
        assert_eq!(file_name("a.txt"), "a.txt");
    }
}
