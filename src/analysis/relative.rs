//! Targets set against the economy's growth rather than as a number: `与经济增长同步` (in step
//! with it), `与经济增长基本同步` (roughly in step), `快于经济增速`, `高于地区生产总值增速`,
//! `不低于经济增长`, `低于经济增速` (an energy use to grow slower). Almost every report sets
//! household income and budget revenue so.
//!
//! Such a target is judged against the same report's growth of 地区生产总值 in the reviewed
//! year: the achieved value of its review table row, else of its headline sentence. In step is
//! met from that growth up, roughly in step from that growth less half a unit of its last
//! written digit (the rule of a `左右` target, so 5.95 is roughly in step with 6.0), faster or
//! higher only above it, slower only below it. The gap is the distance from that growth, in
//! percentage points, negative when short. Without that growth, or with a result that is no
//! rate, the target stays unassessed.

use super::status::{half_unit, round_to};
use crate::canonical::AliasTable;
use crate::model::{Report, TableKind, Value, ValueForm};

/// Words naming the economy's growth in a target.
const ECONOMY_WORDS: [&str; 7] =
    ["经济增长", "经济增速", "生产总值增长", "生产总值增速", "GDP增长", "GDP增速", "经济发展"];

/// The canonical name of the economy's growth.
const ECONOMY_GROWTH: &str = "地区生产总值增速";

/// How a target ties an indicator's growth to the economy's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// `同步`, `不低于`, `不慢于`: at least as fast.
    InStep,
    /// `基本同步`: as fast, give or take the reference's last written digit.
    RoughlyInStep,
    /// `快于`, `高于`, `超过`: faster.
    Faster,
    /// `低于`, `慢于`: slower.
    Slower,
}

/// The relation a qualitative target states, `None` for any other target.
fn relation(target: &Value) -> Option<Relation> {
    let text = target.raw.as_ref();
    if target.form != ValueForm::Qualitative || !ECONOMY_WORDS.iter().any(|word| text.contains(word)) {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|word| text.contains(word));
    Some(if has(&["基本同步", "大体同步"]) {
        Relation::RoughlyInStep
    } else if has(&["同步", "不低于", "不慢于"]) {
        Relation::InStep
    } else if has(&["快于", "高于", "超过"]) {
        Relation::Faster
    } else if has(&["低于", "慢于"]) {
        Relation::Slower
    } else {
        return None;
    })
}

/// The economy's growth in the reviewed year, as the report states it: its review tables' row
/// first, else its headline sentence.
pub fn economy_growth(report: &Report) -> Option<Value> {
    let aliases = AliasTable::shared();
    let is_growth = |value: &Value| rate(value).is_some();
    let from_tables = report
        .tables
        .iter()
        .filter(|table| table.kind == TableKind::Review)
        .flat_map(|table| &table.rows)
        .filter(|row| {
            let values = [&row.target];
            aliases.canonical_for_row(&row.name, row.unit.as_deref(), &values) == ECONOMY_GROWTH
        })
        .find_map(|row| row.actual.clone().filter(is_growth));
    from_tables.or_else(|| {
        report
            .narrative
            .iter()
            .filter(|value| value.role == crate::model::ValueRole::Actual)
            .filter(|value| aliases.canonical(&value.name) == ECONOMY_GROWTH)
            .find_map(|value| Some(value.value.clone()).filter(is_growth))
    })
}

/// A growth rate as a number: `6.0`, `6%左右`, `增长6%`, `下降2%` (−2).
fn rate(value: &Value) -> Option<f64> {
    match value.form {
        ValueForm::Exact(n) | ValueForm::About(n) | ValueForm::Rise(n) | ValueForm::Fall(n) => Some(n),
        _ => None,
    }
}

/// Whether `actual` met a `target` set against the `economy`'s growth, and by how much it is
/// ahead (negative when short); `None` when the target is not set so or the values are no rates.
pub fn judge(target: &Value, actual: &Value, economy: &Value) -> Option<(bool, f64)> {
    let relation = relation(target)?;
    let (achieved, reference) = (rate(actual)?, rate(economy)?);
    let ahead = round_to(achieved - reference, actual.decimals().max(economy.decimals()));
    let slack = half_unit(economy.decimals());
    Some(match relation {
        Relation::InStep => (ahead >= 0.0, ahead),
        Relation::RoughlyInStep => (ahead >= -slack, ahead),
        Relation::Faster => (ahead > 0.0, ahead),
        Relation::Slower => (ahead < 0.0, -ahead),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::value::parse_value;

    fn judged(target: &str, actual: &str, economy: &str) -> Option<(bool, f64)> {
        judge(&parse_value(target), &parse_value(actual), &parse_value(economy))
    }

    #[test]
    fn judges_targets_set_against_the_economy() {
        assert_eq!(judged("与经济增长同步", "7.0", "6.0"), Some((true, 1.0)));
        assert_eq!(judged("与经济增长同步", "5.8", "6.0"), Some((false, -0.2)));
        assert_eq!(judged("与经济增长基本同步", "5.96", "6.0"), Some((true, -0.04)));
        assert_eq!(judged("与经济增长基本同步", "5.9", "6.0"), Some((false, -0.1)));
        assert_eq!(judged("快于经济增速", "6.0", "6.0"), Some((false, 0.0)));
        assert_eq!(judged("高于地区生产总值增速", "6.5", "6"), Some((true, 0.5)));
        assert_eq!(judged("低于经济增速", "3.1", "6.0"), Some((true, 2.9)));
        assert_eq!(judged("不低于经济增长", "下降1%", "6.0"), Some((false, -7.0)));
    }

    #[test]
    fn leaves_other_targets_and_values() {
        assert_eq!(judged("完成市下达任务", "6.0", "6.0"), None);
        assert_eq!(judged("快于全市平均水平", "6.0", "5.0"), None);
        assert_eq!(judged("与经济增长同步", "完成", "6.0"), None);
        assert_eq!(judged("与经济增长同步", "6.0", "—"), None);
    }
}
