//! The finder: fuzzy and pinyin search over project names, indicator names and places.
//!
//! A query's terms (white-space separated, all must match) are folded (full-width forms, case,
//! CJK punctuation) and matched two ways, the better score winning: by the fuzzy matcher on the
//! names as written ([`matcher`], fuzzy-matcher's skim algorithm behind our own trait), and by an
//! alignment through the characters' pinyin ([`align`]), so that `zaodushuiku`, `zdsk` and
//! `藻渡sk` all find 藻渡水库. Results rank contiguous and prefix matches first, then shorter
//! names, then earlier entries; matched positions are character indices of the name as written.
//!
//! Use [`FinderIndex`] for a loaded corpus, [`Candidates`] for any list of strings searched again
//! and again, [`lines::filter`] to filter the lines of a text once, and a [`Searcher`] behind a
//! prompt to narrow the previous matches as the user types:
//!
//! ```
//! use plangap::finder::{Candidates, Query, Searcher};
//! let names = Candidates::new(["藻渡水库", "綦江区疾控中心迁建工程", "重庆市"]);
//! let mut searcher = Searcher::new();
//! let first = searcher.search(&names, Query::parse("z"))[0].candidate;
//! let matches = searcher.search(&names, Query::parse("zdsk"));
//! assert_eq!(matches[0].candidate, 0);
//! assert_eq!(names.positions(&Query::parse("zdsk"), 0), vec![0, 1, 2, 3]);
//! # let _ = first;
//! ```

pub mod align;
pub mod candidates;
pub mod collate;
pub mod fold;
pub mod index;
pub mod lines;
pub mod matcher;
pub mod pinyin;
pub mod query;
pub mod searcher;
pub mod taken;

pub use candidates::{Candidates, Match};
pub use index::{Entry, FinderIndex, IndexSource, project_year};
pub use query::{Query, Scope};
pub use searcher::{Searcher, Source};
pub use taken::ReportNames;
