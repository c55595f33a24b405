//! Fragments: a file with no title (a mobile page, a later page of a long report, a copy that
//! starts at `一、2023年…`) is still read. What the title would say is taken from what names it
//! for certain: the district from a table caption (`表1：2023年南浔区主要指标完成情况`), the reviewed
//! year from a review table or the heading `一、2023年…计划执行情况`, the plan year from a plan
//! table or the heading `二、2024年…计划草案`. What nothing names stays `None`, with a warning
//! saying how to supply it.

use crate::model::{IndicatorTable, TableKind, TitleBlock, Warning, WarningKind};
use crate::parse::Lines;
use crate::parse::caption::year_in;
use crate::text::Trimmed;
use regex::Regex;
use std::sync::LazyLock;

/// How many lines from the top are searched for the part headings.
const HEAD_LINES: usize = 400;

/// A district named after a year in a caption: `2023年南浔区…`, `2022年XX县…`.
static DISTRICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}年(?:度)?(\p{Han}{1,8}?(?:自治县|自治旗|区|县|市|旗))").expect("district pattern")
});

/// Words that end like a district but are not one (`全市`, `地区生产总值`).
const NOT_DISTRICTS: [&str; 10] =
    ["全市", "全区", "全县", "本市", "本区", "本县", "我市", "我区", "我县", "地区"];

/// Fills the fields of `title` that a fragment's captions and headings name, and warns about the
/// ones nothing names. `title` is what the title parser found (perhaps a session line).
pub(crate) fn complete_title(
    mut title: TitleBlock,
    lines: Lines<'_>,
    tables: &[IndicatorTable],
    warnings: &mut Vec<Warning>,
) -> TitleBlock {
    let first_line = tables.first().map_or(1, |t| t.line);
    if title.district.is_none() {
        title.district = tables.iter().find_map(|t| district_in(&t.caption));
    }
    if title.review_year.is_none() {
        title.review_year = tables
            .iter()
            .find(|t| t.kind == TableKind::Review)
            .and_then(|t| t.year)
            .or_else(|| heading_year(lines, &["执行情况"]));
    }
    if title.plan_year.is_none() {
        title.plan_year = tables
            .iter()
            .find(|t| t.kind == TableKind::Plan)
            .and_then(|t| t.year)
            .or_else(|| heading_year(lines, &["计划草案", "计划（草案）", "计划(草案)"]));
    }
    let unknown: Vec<&str> = [
        (title.district.is_none(), "district"),
        (title.review_year.is_none(), "reviewed year"),
        (title.plan_year.is_none(), "plan year"),
    ]
    .iter()
    .filter(|(missing, _)| *missing)
    .map(|(_, field)| *field)
    .collect();
    if !unknown.is_empty() {
        warnings.push(Warning::new(first_line, WarningKind::NoTitle { unknown }));
    }
    title
}

/// The district a caption names after its year (`表1：2023年南浔区主要指标完成情况` → `南浔区`).
fn district_in(caption: &str) -> Option<String> {
    let name = DISTRICT.captures(caption)?.get(1)?.as_str();
    (!NOT_DISTRICTS.iter().any(|w| name.ends_with(w))).then(|| name.to_owned())
}

/// The year of the first part heading (`一、2023年…`, `二、2024年…`) that contains one of `words`.
fn heading_year(lines: Lines<'_>, words: &[&str]) -> Option<u16> {
    lines
        .iter()
        .take(HEAD_LINES)
        .map(|line| line.trimmed())
        .filter(|line| is_part_heading(line) && words.iter().any(|w| line.contains(w)))
        .find_map(year_in)
}

/// A numbered part heading: `一、…`, `二、…`.
fn is_part_heading(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(crate::text::is_chinese_numeral) && chars.next() == Some('、')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;

    #[test]
    fn finds_the_district_in_a_caption() {
        assert_eq!(district_in("表1：2023年南浔区主要指标完成情况").as_deref(), Some("南浔区"));
        assert_eq!(district_in("2023年宜都市主要经济社会发展指标完成情况").as_deref(), Some("宜都市"));
        assert_eq!(district_in("2023年主要指标完成情况"), None);
        assert_eq!(district_in("2023年全市地区生产总值"), None);
    }

    #[test]
    fn takes_years_from_part_headings() {
        let lines =
            ["一、2023年国民经济和社会发展计划执行情况", "正文", "二、2024年国民经济和社会发展计划草案"];
        assert_eq!(heading_year(LinedText::from_lines(&lines).lines(), &["执行情况"]), Some(2023));
        assert_eq!(heading_year(LinedText::from_lines(&lines).lines(), &["计划草案"]), Some(2024));
        assert_eq!(
            heading_year(LinedText::from_lines(&["（一）2023年执行情况"]).lines(), &["执行情况"]),
            None
        );
    }
}
