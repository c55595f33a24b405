//! The year a column's title names: written out (`2023年计划`) or relative to the year the table
//! is about (`本年计划`, `今年预计`, `明年目标`, `上年实绩`), as tables drafted before the year ends
//! title their columns. A relative year opens the title: `比上年增长` compares with last year and
//! names no column's year.

use crate::parse::caption::year_in;

/// The year of a column's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleYear {
    /// A year written out: `2023年计划` → 2023.
    Written(u16),
    /// Years after (or before, when negative) the year the table is about: `明年目标` → 1.
    Relative(i8),
}

impl TitleYear {
    /// The year this stands for in a table about `year` (`None` when it is relative and the
    /// table's year is not known).
    pub fn in_table_of(self, year: Option<u16>) -> Option<u16> {
        match self {
            TitleYear::Written(written) => Some(written),
            TitleYear::Relative(offset) => year?.checked_add_signed(offset.into()),
        }
    }
}

/// Words of a year relative to the table's own, longest first where one opens another, with how
/// many years after it they stand.
const RELATIVE_YEAR_WORDS: [(&str, i8); 9] = [
    ("上一年", -1),
    ("上年", -1),
    ("去年", -1),
    ("本年", 0),
    ("今年", 0),
    ("下一年", 1),
    ("下年", 1),
    ("明年", 1),
    ("来年", 1),
];

/// The year `title` names, written out or relative ([`RELATIVE_YEAR_WORDS`] opening it).
pub(crate) fn title_year(title: &str) -> Option<TitleYear> {
    year_in(title)
        .map(TitleYear::Written)
        .or_else(|| relative_year(title).map(|(_, offset)| TitleYear::Relative(offset)))
}

/// The relative-year word opening `title` and its offset (`明年目标` → `明年`, 1).
pub(crate) fn relative_year(title: &str) -> Option<(&'static str, i8)> {
    RELATIVE_YEAR_WORDS.iter().copied().find(|(word, _)| title.starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_written_out_or_relative_at_the_start() {
        assert_eq!(title_year("2023年预期目标"), Some(TitleYear::Written(2023)));
        assert_eq!(title_year("明年计划"), Some(TitleYear::Relative(1)));
        assert_eq!(title_year("本年预计完成"), Some(TitleYear::Relative(0)));
        assert_eq!(title_year("上年实绩"), Some(TitleYear::Relative(-1)));
        assert_eq!(title_year("比上年增长(%)"), None);
        assert_eq!(title_year("预期目标"), None);
        assert_eq!(TitleYear::Relative(1).in_table_of(Some(2023)), Some(2024));
        assert_eq!(TitleYear::Relative(-1).in_table_of(None), None);
        assert_eq!(TitleYear::Written(2022).in_table_of(Some(2023)), Some(2022));
    }
}
