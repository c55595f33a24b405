//! Prose: what a report states in sentences rather than tables.
//!
//! - [`headline`]: the headline sentences, the year's results (`全年地区生产总值实现531.3亿元、
//!   增长3%…`) and the next year's targets (`提出2023年主要预期目标：地区生产总值增长7%以上…`);
//! - [`review`]: sentences that judge a result against its target (`增长6.1%…（预期目标为7%以上）`,
//!   `完成年计划520亿元的93.5%`, `高于计划目标1.2个百分点`, `——…预期目标增长6%：预计全年增长5.4%`,
//!   and (module `paired`) a target before its result: `控制在5.5%以内，实际为5.1%`);
//! - verdicts on indicators named without values (module `named`): `地区生产总值、固定资产投资2项指标
//!   未完成年度目标`, `除…外，其余指标均完成年度目标`: one judged statement per name;
//! - [`counts`]: the document's own counts of its results (`32项指标中：17项指标达到或超过预期，
//!   14项指标未达预期`).
//!
//! Parsing only: the status and gap of a judged sentence are worked out by
//! [`crate::analysis::assess_report`], with the rules of table rows.

mod carried;
pub mod counts;
pub mod headline;
mod named;
mod paired;
pub mod review;
mod unwrap;

use crate::canonical::AliasTable;
use crate::model::{IndicatorTable, NarrativeValue, ReviewStatement, StatedCount, TitleBlock};
use crate::parse::Lines;
use crate::text::{Trimmed, fold};
use regex::Regex;
use std::sync::LazyLock;

/// Words for the whole reporting unit that open a clause without naming anything: `全区地区生产总值
/// 增长5%`, `全省…`, `我市…`.
const WHOLE_UNIT: [&str; 14] = [
    "全区", "全市", "全县", "全省", "全州", "全旗", "全盟", "我区", "我市", "我县", "我省", "本区", "本市",
    "本县",
];

/// The word for the whole reporting unit that `text` opens with ([`WHOLE_UNIT`]).
fn whole_unit_prefix(text: &str) -> Option<&'static str> {
    WHOLE_UNIT.iter().copied().find(|word| text.starts_with(word))
}

/// A list marker at the start of a folded sentence: `——`, `1.`, `1、`, `(1)`, `(一)`, `一、`, `一是`.
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:—+|-+|\d+[.、]|\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、是])")
        .expect("list marker pattern")
});

/// `folded` (a sentence after [`crate::text::fold`]) without the list marker it opens with; a
/// numeral and `、` after it say the marker is the first of a list of numerals
/// (`一、二、三产业增加值`).
pub(crate) fn strip_list_marker(folded: &str) -> &str {
    let rest = LIST_MARKER.find(folded).map_or(folded, |m| &folded[m.end()..]);
    let mut next = rest.chars();
    match next.next().is_some_and(crate::text::is_chinese_numeral) && next.next() == Some('、') {
        true => folded,
        false => rest,
    }
}

/// The kind of list marker a line opens with, its numbers taken out (`1.` and `12.` are one
/// kind, `(一)` another): items of one list share it. `None` for a line that is no list item.
pub(crate) fn list_marker_kind(line: &str) -> Option<String> {
    let folded = fold(line.trimmed_start());
    let marker = LIST_MARKER.find(&folded)?.as_str();
    Some(marker.chars().filter(|&c| !c.is_ascii_digit() && !crate::text::is_chinese_numeral(c)).collect())
}

/// Everything the prose of one report states.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prose {
    /// Values of the headline sentences.
    pub values: Vec<NarrativeValue>,
    /// Results judged against their targets.
    pub reviews: Vec<ReviewStatement>,
    /// The document's counts of its own results.
    pub counts: Vec<StatedCount>,
}

/// Reads the prose of a report's clean text (`lines[0]` is line 1), paragraphs a converter wrapped
/// joined back ([`unwrap`]). Lines that belong to an
/// indicator table (its caption, rows and notes) or hold the projects of a box (`project_lines`:
/// `…完成投资3.5亿元，完成年度目标任务` judges a project, not an indicator) are skipped by the review
/// and count readers.
pub fn parse_prose(
    lines: Lines<'_>,
    title: &TitleBlock,
    tables: &[IndicatorTable],
    project_lines: &[usize],
) -> Prose {
    let aliases = AliasTable::shared();
    let review_end = plan_start(lines).unwrap_or(lines.len());
    // One flag per line of the review part (index 0 is line 1): a byte a line, not a hashed set.
    let mut not_prose = vec![false; review_end];
    let table_lines = tables.iter().flat_map(|t| {
        let rows = t.rows.iter().map(|r| r.line);
        std::iter::once(t.line).chain(rows).chain(t.notes.iter().map(|n| n.line))
    });
    for line in table_lines.chain(project_lines.iter().copied()) {
        if let Some(flag) = not_prose.get_mut(line.wrapping_sub(1)) {
            *flag = true;
        }
    }
    let review_part: Vec<(usize, &str)> = lines
        .to(review_end)
        .iter()
        .zip(&not_prose)
        .enumerate()
        .filter(|(_, (_, skipped))| !**skipped)
        .map(|(index, (line, _))| (index + 1, line))
        .collect();
    let paragraphs = unwrap::unwrap(&review_part);
    let review_part: Vec<(usize, &str)> =
        paragraphs.iter().map(|(line, text)| (*line, text.as_ref())).collect();
    Prose {
        values: headline::headline_values(lines, title, aliases),
        reviews: {
            let mut reviews = review::review_statements(&review_part, title.review_year, aliases);
            named::drop_judged_elsewhere(&mut reviews, tables, aliases);
            reviews
        },
        counts: counts::stated_counts(&review_part),
    }
}

/// The index of the heading of part two, where the plan year starts
/// (`二、2023年国民经济和社会发展要求和目标`, `二、2021年…计划总体考虑`).
pub(crate) fn plan_start(lines: Lines<'_>) -> Option<usize> {
    lines.iter().position(|line| {
        let line = line.trimmed_start();
        line.starts_with("二、") && (line.contains("目标") || line.contains("计划"))
    })
}

/// The sentences of a line: split at `。！？；` (full or half width), trimmed, empty ones dropped.
pub(crate) fn sentences(line: &str) -> impl Iterator<Item = &str> {
    line.split(['。', '！', '？', '；', ';']).map(str::trimmed).filter(|s| !s.is_empty())
}
