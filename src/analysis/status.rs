//! Status (met / missed / unassessed) and gap of every reviewed indicator row.
//!
//! A row is judged, in order:
//! 1. by the document, where it judges the row itself ([`IndicatorRow::judgement`]: a `与目标±`
//!    column, a completion rate, a note that a target was adjusted and `视为完成`); the gap is
//!    still computed, from the completion rate where no achieved value is given (`900` at
//!    `94.2`% → −52.2);
//! 2. as unassessed when the target is empty or not tracked, or the achieved cell is missing,
//!    empty or `不再统计`;
//! 3. by the achieved cell's own statement: `完成…` is met and `未完成` missed, whatever the target;
//! 4. a qualitative target (`完成上级下达目标`, `快于经济增速`) is met by an achieved cell saying
//!    the same thing, and otherwise unassessed (a bare number cannot honestly be judged against it);
//!    identical text that states no goal (`abc` and `abc`, a placeholder in both cells) is
//!    unassessed too;
//! 5. otherwise by comparing numbers of the same kind in the [`Direction`] of the row: amounts
//!    (levels, rates, rises and falls, in one unit), point changes (`提高1.8个百分点`), ratios
//!    (`1.95:1`) or grades (`Ⅲ类`). A point change against a level, numbers in different units, or
//!    a bounded achieved value (`预计64以上`) that does not settle it, is unassessed.
//!
//! A judged sentence ([`ReviewStatement`]) is judged by what it claims: a verdict in words (`完成
//! 全年目标`, `未达预期`) as the document says; a share of the plan as met from 100% up; a
//! difference from the target (`高于计划目标1.2个百分点`) by its sign in the row's direction; two
//! values alone as a table row with those cells would be.
//!
//! The target is the revised one where the document revises it ([`IndicatorRow::target_revised`],
//! see [`super::revised`]), else the plan's. The gap is the achieved value minus the target in the
//! target's unit (percentage points for
//! rates), signed so that negative means short of target: for a lower-is-better row it is the
//! target minus the achieved value. It is rounded to the larger number of decimals written in
//! the two cells (2.6 − 6.5 = −3.9). Grades have no gap: they are ranks, not amounts.
//!
//! An approximate target (`29万吨左右`, `7.5%左右`) is met by any value that reaches it once
//! rounded to the precision the target is written in, that is within half a unit of its last
//! written digit: 28.9 meets `29万吨左右` (the document agrees), 7.45 meets `7.5%左右`, 7.4 does
//! not. The tolerance follows from how the target is written, so it needs no arbitrary
//! percentage, and it stays small where the target is precise. The gap is still the plain
//! difference (−0.1 for 28.9 against 29).

use crate::analysis::direction::{Direction, counts_reduction, direction};
use crate::analysis::relative;
use crate::model::{Claim, IndicatorRow, Report, ReviewStatement, Status, TableKind, Value, ValueForm};
use crate::parse::value::parts;
use std::fmt;

/// The verdict on one reviewed row, its gap and how it was reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// Met, missed or unassessed.
    pub status: Status,
    /// Achieved minus target in the target's unit, negative when short; `None` when the numbers
    /// are not comparable.
    pub gap: Option<f64>,
    /// How the status was reached.
    pub basis: Basis,
}

/// How a row's status was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The document states the verdict.
    Document,
    /// The achieved value was compared with the target in this direction.
    Compared(Direction),
    /// The achieved cell states whether the task was done, or repeats a qualitative target.
    Statement,
    /// The target was set against the economy's growth (`与经济增长同步`), which the achieved
    /// value was compared with ([`super::relative`]).
    AgainstEconomy,
    /// No honest judgement is possible, for this reason.
    Unassessable(Unassessable),
}

/// Why a row cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unassessable {
    /// The target cell is empty.
    EmptyTarget,
    /// The achieved cell is missing or empty.
    NoActual,
    /// The indicator is no longer measured (`不再统计`).
    NotTracked,
    /// The target is qualitative (`完成上级下达目标`) and the achieved cell does not answer it.
    QualitativeTarget,
    /// The achieved cell is a statement that is not a number (against a numeric target).
    QualitativeActual,
    /// A change in percentage points set against a level, or the reverse.
    ChangeAgainstLevel,
    /// The two cells are written in different units.
    UnitsDiffer,
    /// The two cells are numbers of different kinds (a ratio against a grade, …).
    DifferentKinds,
    /// The achieved value is a bound or a range that does not settle the verdict.
    Inconclusive,
}

impl fmt::Display for Basis {
    /// A short phrase for a status line: `compared, higher is better`, `target is empty`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::Document => f.write_str("as the document judges it"),
            Basis::Compared(direction) => write!(f, "compared, {direction}"),
            Basis::Statement => f.write_str("as the achieved cell states"),
            Basis::AgainstEconomy => f.write_str("compared with the economy's growth"),
            Basis::Unassessable(why) => why.fmt(f),
        }
    }
}

impl fmt::Display for Unassessable {
    /// Why the row is unassessed, in a few words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unassessable::EmptyTarget => "target is empty",
            Unassessable::NoActual => "no achieved value",
            Unassessable::NotTracked => "no longer measured",
            Unassessable::QualitativeTarget => "qualitative target, achieved value does not answer it",
            Unassessable::QualitativeActual => "achieved value is not a number",
            Unassessable::ChangeAgainstLevel => "a change in points against a level",
            Unassessable::UnitsDiffer => "target and achieved value are in different units",
            Unassessable::DifferentKinds => "target and achieved value are different kinds of number",
            Unassessable::Inconclusive => "achieved value is a bound that does not settle it",
        })
    }
}

/// Fills `status` and `gap` on every row of every review table of `report`; plan tables are left
/// as they are.
pub fn assess_report(report: &mut Report) {
    let economy = super::relative::economy_growth(report);
    let economy = economy.as_ref();
    let review_tables = report.tables.iter_mut().filter(|table| table.kind == TableKind::Review);
    for table in review_tables {
        super::revised::apply_revisions(&mut table.rows);
    }
    let review_tables = report.tables.iter_mut().filter(|table| table.kind == TableKind::Review);
    for row in review_tables.flat_map(|table| table.rows.iter_mut()) {
        let assessment = assess_row(row, economy);
        row.status = Some(assessment.status);
        row.gap = assessment.gap;
    }
    for statement in &mut report.reviews {
        let assessment = assess_statement(statement, economy);
        statement.status = Some(assessment.status);
        statement.gap = assessment.gap;
    }
}

/// Judges one judged sentence as the module documentation describes; `economy`: the growth of
/// 地区生产总值 the report states for the reviewed year ([`super::relative`]).
pub fn assess_statement(statement: &ReviewStatement, economy: Option<&Value>) -> Assessment {
    let row = IndicatorRow {
        line: statement.line,
        name: statement.name.as_str().into(),
        raw_name: statement.name.as_str().into(),
        unit: statement.unit.as_deref().map(std::sync::Arc::from),
        target: statement.target.clone().unwrap_or_default(),
        actual: statement.actual.clone(),
        ..IndicatorRow::default()
    };
    let from_values = judge(&row, economy).ok().and_then(|v| v.gap);
    let stated = |met: bool, gap: Option<f64>| Assessment {
        status: if met { Status::Met } else { Status::Missed },
        gap,
        basis: Basis::Document,
    };
    match statement.claim {
        Claim::Values => assess_row(&row, economy),
        Claim::Verdict(met) => stated(met, from_values),
        Claim::ShareOfPlan(percent) => {
            stated(percent >= 100.0, statement.target.as_ref().and_then(|t| share_gap(t, percent)))
        }
        Claim::Difference(above) => {
            let ahead = match direction(&row) {
                Direction::HigherIsBetter => above,
                Direction::LowerIsBetter => -above,
            };
            stated(ahead >= 0.0, Some(ahead + 0.0))
        }
    }
}

/// Judges one reviewed row as the module documentation describes; `economy`: the growth of
/// 地区生产总值 the report states for the reviewed year ([`super::relative`]).
pub fn assess_row(row: &IndicatorRow, economy: Option<&Value>) -> Assessment {
    let verdict = judge(row, economy);
    if let Some(judgement) = &row.judgement {
        let from_share = || judgement.share_of_plan.and_then(|percent| share_gap(&row.target, percent));
        let gap = verdict.ok().and_then(|v| v.gap).or_else(from_share);
        return Assessment { status: judgement.status, gap, basis: Basis::Document };
    }
    match verdict {
        Ok(Verdict { status, gap, basis }) => Assessment { status, gap, basis },
        Err(why) => Assessment { status: Status::Unassessed, gap: None, basis: Basis::Unassessable(why) },
    }
}

/// A verdict reached from the cells alone.
struct Verdict {
    status: Status,
    gap: Option<f64>,
    basis: Basis,
}

impl Verdict {
    /// The verdict of an achieved cell's own statement.
    fn stated(met: bool) -> Self {
        let status = if met { Status::Met } else { Status::Missed };
        Verdict { status, gap: None, basis: Basis::Statement }
    }
}

/// The verdict from the target and achieved cells, or why there is none.
fn judge(row: &IndicatorRow, economy: Option<&Value>) -> Result<Verdict, Unassessable> {
    let target = row.target_revised.as_deref().unwrap_or(&row.target);
    match target.form {
        ValueForm::Empty => return Err(Unassessable::EmptyTarget),
        ValueForm::NotTracked => return Err(Unassessable::NotTracked),
        _ => {}
    }
    let actual = row.actual.as_ref().ok_or(Unassessable::NoActual)?;
    let (target_part, actual_part) =
        (answering_part(row, target, actual), answering_part(row, actual, target));
    let (target, actual) = (target_part.as_ref().unwrap_or(target), actual_part.as_ref().unwrap_or(actual));
    match actual.form {
        ValueForm::Empty => return Err(Unassessable::NoActual),
        ValueForm::NotTracked => return Err(Unassessable::NotTracked),
        ValueForm::Completion(done) => return Ok(Verdict::stated(done)),
        _ => {}
    }
    match (&target.form, &actual.form) {
        (ValueForm::Completion(_) | ValueForm::Qualitative, ValueForm::Qualitative)
            if actual.says_same_as(target) && states_a_goal(target) =>
        {
            Ok(Verdict::stated(true))
        }
        (ValueForm::Qualitative, _) => {
            match economy.and_then(|economy| relative::judge(target, actual, economy)) {
                Some((met, ahead)) => {
                    Ok(Verdict { gap: Some(ahead), basis: Basis::AgainstEconomy, ..Verdict::stated(met) })
                }
                None => Err(Unassessable::QualitativeTarget),
            }
        }
        (ValueForm::Completion(_), _) => Err(Unassessable::QualitativeTarget),
        (_, ValueForm::Qualitative) => Err(Unassessable::QualitativeActual),
        _ => compare(row, target, actual),
    }
}

/// The one value of a cell stating several (`50012.85亿元，增长4.6%`, a level and its growth)
/// that answers `other`, a cell of one value: the part in `other`'s unit (each cell's own unit,
/// else the row's). `None` for a cell of one value, or when no part or more than one is in that
/// unit.
fn answering_part(row: &IndicatorRow, cell: &Value, other: &Value) -> Option<Value> {
    if cell.form != ValueForm::Qualitative || other.form == ValueForm::Qualitative {
        return None;
    }
    let unit = |value: &Value| value.unit.clone().or_else(|| row.unit.clone());
    let wanted = unit(other);
    let mut answering = parts(&cell.raw)?.into_iter().filter(|part| unit(part) == wanted);
    let part = answering.next()?;
    answering.next().is_none().then_some(part)
}

/// Words by which a qualitative target states a goal that an achieved cell can repeat to say it
/// was reached (`完成上级下达目标`, `快于经济增速`, `与经济增长同步`).
const GOAL_WORDS: [&str; 12] =
    ["完成", "达到", "实现", "确保", "控制", "下达", "快于", "高于", "低于", "优于", "同步", "不低于"];

/// Whether a qualitative target states a goal: identical text that states none (`abc` against
/// `abc`, a placeholder copied into both cells) says nothing about whether it was reached.
fn states_a_goal(target: &Value) -> bool {
    GOAL_WORDS.iter().any(|word| target.raw.contains(word))
}

/// What kind of number a cell holds; only numbers of one kind compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A level, rate, rise or fall, in a unit.
    Amount,
    /// A change in percentage points.
    PointChange,
    /// A ratio, compared by its quotient.
    Ratio,
    /// A grade number.
    Grade,
}

/// The values a cell allows: from `low` to `high`, and the one to measure the gap from.
#[derive(Debug, Clone, Copy)]
struct Span {
    kind: Kind,
    low: f64,
    high: f64,
    point: Option<f64>,
}

/// The span of values a cell allows, rises and falls signed as cuts in a row of reductions.
/// `None` for cells that are not numbers.
fn span(form: &ValueForm, reduction: bool) -> Option<Span> {
    let cut = |change: f64| if reduction { -change } else { change };
    let exact = |kind, n: f64| Span { kind, low: n, high: n, point: Some(n) };
    Some(match *form {
        ValueForm::Exact(n) | ValueForm::About(n) => exact(Kind::Amount, n),
        ValueForm::Rise(n) | ValueForm::Fall(n) => exact(Kind::Amount, cut(n)),
        ValueForm::AtLeast(n) => Span { kind: Kind::Amount, low: n, high: f64::INFINITY, point: Some(n) },
        ValueForm::AtMost(n) => Span { kind: Kind::Amount, low: f64::NEG_INFINITY, high: n, point: Some(n) },
        ValueForm::Range(low, high) => Span { kind: Kind::Amount, low, high, point: None },
        ValueForm::PointChange(n) => exact(Kind::PointChange, n),
        ValueForm::Ratio(a, b) if b != 0.0 => exact(Kind::Ratio, a / b),
        ValueForm::Grade(g) => Span { point: None, ..exact(Kind::Grade, f64::from(g)) },
        _ => return None,
    })
}

/// Compares two numeric cells of `row` in its direction.
fn compare(row: &IndicatorRow, target: &Value, actual: &Value) -> Result<Verdict, Unassessable> {
    let reduction = counts_reduction(row);
    let (goal, got) = match (span(&target.form, reduction), span(&actual.form, reduction)) {
        (Some(goal), Some(got)) => (goal, got),
        _ => return Err(Unassessable::DifferentKinds),
    };
    if goal.kind != got.kind {
        let change = [goal.kind, got.kind].contains(&Kind::PointChange);
        return Err(if change { Unassessable::ChangeAgainstLevel } else { Unassessable::DifferentKinds });
    }
    if goal.kind == Kind::Amount && !same_unit(row, target, actual) {
        return Err(Unassessable::UnitsDiffer);
    }
    let direction = direction(row);
    let decimals = target.decimals().max(actual.decimals());
    let tolerance = match target.form {
        ValueForm::About(_) => half_unit(target.decimals()),
        _ => 0.0,
    };
    // The threshold, and the ends of the achieved span that are worst and best for the row.
    let (threshold, worst, best) = match direction {
        Direction::HigherIsBetter => (goal.low, got.low, got.high),
        Direction::LowerIsBetter => (goal.high, got.high, got.low),
    };
    let ahead = |value: f64| {
        let ahead = match direction {
            Direction::HigherIsBetter => value - threshold,
            Direction::LowerIsBetter => threshold - value,
        };
        round_to(ahead, decimals)
    };
    let status = if ahead(worst) >= -tolerance {
        Status::Met
    } else if ahead(best) < -tolerance {
        Status::Missed
    } else {
        return Err(Unassessable::Inconclusive);
    };
    let gap = got.point.map(ahead).filter(|gap| gap.is_finite());
    Ok(Verdict { status, gap, basis: Basis::Compared(direction) })
}

/// Whether the two cells are in one unit: each cell's own unit, else the row's. A cell with no
/// unit at all takes the other's.
fn same_unit(row: &IndicatorRow, target: &Value, actual: &Value) -> bool {
    let unit = |value: &Value| value.unit.clone().or_else(|| row.unit.clone());
    match (unit(target), unit(actual)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Half a unit of the last of `decimals` written digits: how far an approximate value
/// (`7.5%左右`) reaches either way.
pub(super) fn half_unit(decimals: u32) -> f64 {
    5.0 / 10f64.powi(clamp_decimals(decimals) + 1)
}

/// Decimals kept within what `f64` can scale without overflow.
fn clamp_decimals(decimals: u32) -> i32 {
    decimals.min(12) as i32
}

/// What falls short of (negative) or goes past a planned amount of which `percent` was reached:
/// `900` at 94.2% → -52.2. `None` for a target that is no amount (a ceiling, a range, a text).
fn share_gap(target: &Value, percent: f64) -> Option<f64> {
    match target.form {
        ValueForm::Exact(n) | ValueForm::AtLeast(n) | ValueForm::About(n) => {
            Some(round_to(n * (percent - 100.0) / 100.0, target.decimals() + 2))
        }
        _ => None,
    }
}

/// `value` rounded to `decimals` places, without a negative zero.
pub(super) fn round_to(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(clamp_decimals(decimals));
    (value * scale).round() / scale + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndicatorTable, Judgement, TitleBlock};
    use crate::parse::value::parse_value;
    use proptest::prelude::*;

    /// A reviewed row from real cells: name, unit from its parenthetical, target, achieved.
    fn row(name: &str, unit: Option<&str>, target: &str, actual: &str) -> IndicatorRow {
        IndicatorRow {
            line: 1,
            name: name.into(),
            raw_name: name.into(),
            unit: unit.map(std::sync::Arc::from),
            target: parse_value(target),
            actual: Some(parse_value(actual)),
            ..IndicatorRow::default()
        }
    }

    /// The same row under a parent row.
    fn sub_row(parent: &str, name: &str, unit: Option<&str>, target: &str, actual: &str) -> IndicatorRow {
        IndicatorRow { parent: Some(parent.into()), ..row(name, unit, target, actual) }
    }

    /// The row with the document's own verdict on it.
    fn judged(row: IndicatorRow, status: Status, evidence: &str) -> IndicatorRow {
        let judgement = Judgement { status, evidence: evidence.to_owned(), line: 1, share_of_plan: None };
        IndicatorRow { judgement: Some(Box::new(judgement)), ..row }
    }

    /// Asserts each row's status and gap.
    fn check(rows: &[(IndicatorRow, Status, Option<f64>)]) {
        for (row, status, gap) in rows {
            let assessment = assess_row(row, None);
            assert_eq!(
                (assessment.status, assessment.gap),
                (*status, *gap),
                "{} {:?} against {:?}: {:?}",
                row.name,
                row.target.raw,
                row.actual.as_ref().map(|a| &a.raw),
                assessment.basis
            );
        }
    }

    fn basis(row: &IndicatorRow) -> Basis {
        assess_row(row, None).basis
    }

    use Status::{Met, Missed, Unassessed};
    const PCT: Option<&str> = Some("%");

    /// 荣昌区 2022 (003) 表1, every row, as written; the document's `与目标±` column agrees.
    fn rongchang_2022() -> Vec<(IndicatorRow, Status, Option<f64>)> {
        vec![
            (row("地区生产总值", None, "7.5%左右", "2.7%"), Missed, Some(-4.8)),
            (row("工业增加值", None, "8.3%", "2.8%"), Missed, Some(-5.5)),
            (row("全社会固定资产投资总额", None, "10.0%", "3.2%（预计）"), Missed, Some(-6.8)),
            (row("社会消费品零售总额", None, "10.0%", "0.7%"), Missed, Some(-9.3)),
            (row("一般公共预算收入", None, "3.78%", "-15.9%"), Missed, Some(-19.68)),
            (row("进出口总额", None, "5%以上", "60.0%"), Met, Some(55.0)),
            (row("城镇常住居民人均可支配收入", None, "7.5%", "3.6%"), Missed, Some(-3.9)),
            (row("农村常住居民人均可支配收入", None, "9.5%", "5.1%"), Missed, Some(-4.4)),
            (row("城镇化率", None, "提高1.8个百分点", "提高1.8个百分点（预计）"), Met, Some(0.0)),
            (row("城镇调查失业率", None, "5.5%以内", "5.5%以内"), Met, Some(0.0)),
            (row("粮食总产量", None, "29万吨左右", "28.9万吨"), Met, Some(-0.1)),
            (row("单位地区生产总值能耗", None, "下降3.1%", "下降3.1%"), Met, Some(0.0)),
        ]
    }

    #[test]
    fn a_cell_of_a_level_and_its_growth_is_judged_by_the_part_in_the_targets_unit() {
        check(&[
            (row("地区生产总值", None, "增长6.5%左右", "50012.85亿元，增长4.6%"), Missed, Some(-1.9)),
            (row("地区生产总值", None, "50000亿元", "50012.85亿元，增长4.6%"), Met, Some(12.85)),
            (row("一般公共预算收入", PCT, "6", "312亿元、增长6.2"), Met, Some(0.2)),
            (row("外贸进出口", None, "增长5%左右", "1,280亿元；下降2.1%"), Missed, Some(-7.1)),
            (row("地区生产总值", None, "1200亿元左右，增长6%", "增长5.1%"), Missed, Some(-0.9)),
        ]);
        // No part in the target's unit, or two: no honest reading.
        check(&[
            (row("地区生产总值", None, "7", "1200亿元，增长7.2%"), Unassessed, None),
            (row("地区生产总值", None, "增长6%", "增长5%，增长7%"), Unassessed, None),
        ]);
    }

    #[test]
    fn rongchang_2022_has_seven_missed_and_five_met() {
        let rows = rongchang_2022();
        check(&rows);
        let missed = rows.iter().filter(|(r, ..)| assess_row(r, None).status == Missed).count();
        let met = rows.iter().filter(|(r, ..)| assess_row(r, None).status == Met).count();
        assert_eq!((missed, met), (7, 5));
    }

    /// 涪陵区 2022 (001) 表1, every row, as written, without the document's notes.
    fn fuling_2022() -> Vec<(IndicatorRow, Status, Option<f64>)> {
        let fiscal = "一般公共预算收入扣除留抵退税因素后增速";
        vec![
            (row("地区生产总值增速", PCT, "6.5", "2.6"), Missed, Some(-3.9)),
            (row("农业增加值增速", PCT, "5", "3.7"), Missed, Some(-1.3)),
            (row("规上工业增加值增速", PCT, "8", "2"), Missed, Some(-6.0)),
            (row("建筑业增加值增速", PCT, "1", "4.4"), Met, Some(3.4)),
            (row("战略性新兴产业产值占规上工业产值比重", PCT, "32", "29.5"), Missed, Some(-2.5)),
            (row("制造业增加值占地区生产总值比重", PCT, "36", "36.1"), Met, Some(0.1)),
            (row("新增高新技术企业数量", Some("家"), "50", "79"), Met, Some(29.0)),
            (row("新增市级以上研发机构", Some("个"), "5", "7"), Met, Some(2.0)),
            (row("全社会研发经费投入强度", PCT, "2.55", "预计2.25"), Missed, Some(-0.3)),
            (row("万人发明专利拥有量", Some("件"), "8", "6.25"), Missed, Some(-1.75)),
            (row("科技进步贡献率", PCT, "58.5", "58.5"), Met, Some(0.0)),
            (row("数字经济规模", Some("亿元"), "350", "400"), Met, Some(50.0)),
            (row("新发展市场主体", Some("万户"), "1.2", "1.4"), Met, Some(0.2)),
            (row("民营经济增加值占地区生产总值比重", PCT, "63", "预计64以上"), Met, Some(1.0)),
            (row("服务业增加值增速", PCT, "6.5", "3.1"), Missed, Some(-3.4)),
            (row("固定资产投资增速", PCT, "7", "2.3"), Missed, Some(-4.7)),
            (row("社会消费品零售总额增速", PCT, "8", "0.7"), Missed, Some(-7.3)),
            (row("进出口总额增速", PCT, "15", "12"), Missed, Some(-3.0)),
            (row("涪陵至钦州铁海联运发送箱量增长", PCT, "15", "183"), Met, Some(168.0)),
            (row("实际利用外资", Some("亿美元"), "2", "不再统计"), Unassessed, None),
            (row(fiscal, PCT, "4", "2.6"), Missed, Some(-1.4)),
            (sub_row(fiscal, "税收收入扣除留抵退税因素后增速", PCT, "8", "3.3"), Missed, Some(-4.7)),
            (row("常住人口城镇化率", PCT, "72.5", "预计73.5"), Met, Some(1.0)),
            (row("全体居民人均可支配收入增速", PCT, "7.5", "7.8"), Met, Some(0.3)),
            (
                sub_row("全体居民人均可支配收入增速", "农村居民人均可支配收入增速", PCT, "8", "6.6"),
                Missed,
                Some(-1.4),
            ),
            (row("新增城镇就业", Some("万人"), "2", "2.7"), Met, Some(0.7)),
            (row("城镇调查失业率", PCT, "≤5.5", "5"), Met, Some(0.5)),
            (row("空气质量优良天数", Some("天"), "≥330", "326"), Missed, Some(-4.0)),
            (row("国家考核断面水质优良比例", PCT, "100", "100"), Met, Some(0.0)),
            (row("森林覆盖率", PCT, "53", "52"), Missed, Some(-1.0)),
            (row("单位GDP能耗降低", PCT, "3.3", "预计1.1"), Missed, Some(-2.2)),
            (row("主要污染物排放量下降", PCT, "完成市上下达任务", "预计完成市上下达任务"), Met, None),
            (sub_row("主要污染物排放量下降", "化学需氧量", None, "", ""), Unassessed, None),
            (sub_row("主要污染物排放量下降", "二氧化硫", None, "", ""), Unassessed, None),
            (sub_row("主要污染物排放量下降", "氮氧", None, "", ""), Unassessed, None),
            (sub_row("主要污染物排放量下降", "氮氧化物", None, "", ""), Unassessed, None),
            (row("粮食产量", Some("万吨"), "≥43", "44.4"), Met, Some(1.4)),
            (row("群众安全感指数", PCT, "≥99", "99.5"), Met, Some(0.5)),
        ]
    }

    #[test]
    fn fuling_2022_misses_the_fourteen_rows_its_notes_name() {
        let rows = fuling_2022();
        check(&rows);
        let missed: Vec<&str> = rows
            .iter()
            .filter(|(r, ..)| assess_row(r, None).status == Missed)
            .map(|(r, ..)| &*r.name)
            .collect();
        let named_in_notes = [
            "地区生产总值增速",
            "农业增加值增速",
            "规上工业增加值增速",
            "战略性新兴产业产值占规上工业产值比重",
            "全社会研发经费投入强度",
            "万人发明专利拥有量",
            "服务业增加值增速",
            "固定资产投资增速",
            "社会消费品零售总额增速",
            "进出口总额增速",
            // The fiscal rows miss on their numbers; note 2 judges them met (see below).
            "一般公共预算收入扣除留抵退税因素后增速",
            "税收收入扣除留抵退税因素后增速",
            "农村居民人均可支配收入增速",
            "空气质量优良天数",
            "森林覆盖率",
            "单位GDP能耗降低",
        ];
        assert_eq!(missed, named_in_notes);
    }

    #[test]
    fn the_document_judgement_wins() {
        let note = "2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。";
        let fiscal = judged(row("一般公共预算收入扣除留抵退税因素后增速", PCT, "4", "2.6"), Met, note);
        let tax = judged(row("税收收入扣除留抵退税因素后增速", PCT, "8", "3.3"), Met, note);
        check(&[(fiscal.clone(), Met, Some(-1.4)), (tax, Met, Some(-4.7))]);
        assert_eq!(basis(&fiscal), Basis::Document);
        // A `与目标±` cell that says 完成 on a row the numbers would not settle.
        let grain = judged(row("粮食总产量", None, "29万吨左右", "预计完成"), Met, "完成");
        check(&[(grain, Met, None)]);
        // The document's verdict stands even where the numbers say otherwise.
        let missed = judged(row("城镇调查失业率", None, "5.5%以内", "5.5%以内"), Missed, "-0.1个百分点");
        check(&[(missed, Missed, Some(0.0))]);
    }

    #[test]
    fn a_completion_rate_without_an_achieved_value_gives_the_gap_of_its_share() {
        let rated = |target: &str, percent: f64| {
            let status = if percent >= 100.0 { Met } else { Missed };
            let row = row("固定资产投资", Some("亿元"), target, "");
            let judgement =
                Judgement { status, evidence: percent.to_string(), line: 1, share_of_plan: Some(percent) };
            IndicatorRow { actual: None, judgement: Some(Box::new(judgement)), ..row }
        };
        check(&[
            (rated("900", 94.2), Missed, Some(-52.2)),
            (rated("160", 101.6), Met, Some(2.56)),
            (rated("8以上", 105.0), Met, Some(0.4)),
            // A ceiling has no amount to take a share of.
            (rated("5.5以内", 90.0), Missed, None),
        ]);
    }

    #[test]
    fn fuling_2022_judged_as_its_notes_say() {
        let note = "视为完成";
        let mut rows = fuling_2022();
        for (row, status, _) in &mut rows {
            if row.name.contains("留抵退税") {
                *row = judged(row.clone(), Met, note);
                *status = Met;
            }
        }
        check(&rows);
        let missed = rows.iter().filter(|(r, ..)| assess_row(r, None).status == Missed).count();
        assert_eq!(missed, 14);
    }

    #[test]
    fn qijiang_2020_rows() {
        let energy = "能耗“双控”目标";
        let pollutants = "主要污染物排放总量减少";
        check(&[
            (row("地区生产总值增速", PCT, "7.5以上", "3%"), Missed, Some(-4.5)),
            (row("数字经济增加值增速", PCT, "20", "20%"), Met, Some(0.0)),
            (row("税收收入增速", PCT, "2", "-9.5%"), Missed, Some(-11.5)),
            (row("万人发明专利拥有量", Some("件/万人"), "2.78", "2.43"), Missed, Some(-0.35)),
            (row("常住人口城镇化率", PCT, "提高1.5个百分点", "59.5"), Unassessed, None),
            (row("空气质量优良天数", Some("天"), "≥300", "339"), Met, Some(39.0)),
            (row("綦河出境水质", None, "Ⅲ类", "Ⅱ类"), Met, None),
            (sub_row(energy, "能耗强度下降", PCT, "≥3.5", "3.5"), Met, Some(0.0)),
            (sub_row(energy, "能耗年均增速", PCT, "≤3.5", "3.5"), Met, Some(0.0)),
            (sub_row(pollutants, "二氧化硫", PCT, "完成国家和市下达目标", "26.9"), Unassessed, None),
            (row("实际利用外资增速", PCT, "5", "-82.6%"), Missed, Some(-87.6)),
            (row("城镇登记失业率", PCT, "≤4.5", "4"), Met, Some(0.5)),
            (row("R&D经费支出占地区生产总值比重", PCT, "2.2", "—"), Unassessed, None),
        ]);
    }

    #[test]
    fn qijiang_2024_rows() {
        check(&[
            (row("GDP增速", PCT, "7", "5.5"), Missed, Some(-1.5)),
            (row("固定资产投资增速", PCT, "10", "15.4"), Met, Some(5.4)),
            (row("粮食产量", Some("亿公斤"), "3.6", "3.6"), Met, Some(0.0)),
            (row("常住人口城镇化率增速", PCT, "提高1.2个百分点", "提高0.9个百分点"), Missed, Some(-0.3)),
            (row("城乡居民人均可支配收入之比", None, "1.95:1", "1.94:1"), Met, Some(0.01)),
            (row("单位地区生产总值能耗下降", PCT, "3", "3"), Met, Some(0.0)),
            (row("二氧化硫排放总量减少", PCT, "完成上级下达目标", "完成"), Met, None),
            (row("綦河出境水质", None, "完成上级下达目标", "完成"), Met, None),
            (row("城镇新增就业", Some("人"), "10000", "10211"), Met, Some(211.0)),
        ]);
    }

    #[test]
    fn directions_follow_target_form_and_name() {
        use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower};
        let cases = [
            (row("城镇调查失业率", PCT, "≤5.5", "5"), Lower),
            (row("城镇调查失业率", PCT, "5.5", "5"), Lower),
            (row("能耗年均增速", PCT, "≤3.5", "3.5"), Lower),
            (row("能耗年均增速", PCT, "3", "3.5"), Lower),
            (row("亿元地区生产总值安全事故死亡率", PCT, "≤3", "2"), Lower),
            (row("亿元地区生产总值安全事故死亡率", PCT, "0.03", "0.02"), Lower),
            (row("城乡居民人均可支配收入之比", None, "1.95:1", "1.94:1"), Lower),
            (row("城镇调查失业率", None, "5.5%以内", "5.5%以内"), Lower),
            (row("綦河出境水质", None, "Ⅲ类", "Ⅱ类"), Lower),
            (row("单位地区生产总值能耗", None, "下降3.1%", "下降3.1%"), Lower),
            (row("单位GDP能耗降低", PCT, "3.3", "预计1.1"), Higher),
            (row("能耗强度下降", PCT, "≥3.5", "3.5"), Higher),
            (sub_row("主要污染物排放总量减少", "二氧化硫", PCT, "3", "26.9"), Higher),
            (row("空气质量优良天数", Some("天"), "≥330", "326"), Higher),
            (row("地区生产总值增速", PCT, "6.5", "2.6"), Higher),
            (row("城镇化率", None, "提高1.8个百分点", "提高1.8个百分点"), Higher),
            (row("城镇调查失业率", None, "下降0.5个百分点", "下降0.3个百分点"), Lower),
        ];
        for (row, expected) in cases {
            assert_eq!(direction(&row), expected, "{} {}", row.name, row.target.raw);
        }
    }

    #[test]
    fn lower_is_better_gaps_are_negative_when_short() {
        check(&[
            (row("城镇调查失业率", PCT, "≤5.5", "6.1"), Missed, Some(-0.6)),
            (row("城镇调查失业率", PCT, "5.5", "6.1"), Missed, Some(-0.6)),
            (row("能耗年均增速", PCT, "≤3.5", "4"), Missed, Some(-0.5)),
            (row("城乡居民人均可支配收入之比", None, "1.92:1", "1.95:1"), Missed, Some(-0.03)),
            (row("綦河出境水质", None, "Ⅱ类", "Ⅲ类"), Missed, None),
            (row("单位地区生产总值能耗", None, "下降3.1%", "下降2.5%"), Missed, Some(-0.6)),
            (row("单位地区生产总值能耗", None, "下降3.1%", "下降3.5%"), Met, Some(0.4)),
            (row("城镇调查失业率", None, "下降0.5个百分点", "下降0.3个百分点"), Missed, Some(-0.2)),
            // A consumer-price target is a ceiling: a smaller rise meets it, a larger one misses.
            (row("居民消费价格涨幅", PCT, "3左右", "1.8"), Met, Some(1.2)),
            (row("居民消费价格指数涨幅", PCT, "3", "3.4"), Missed, Some(-0.4)),
        ]);
    }

    #[test]
    fn reduction_rows_read_written_falls_as_cuts() {
        check(&[
            (row("单位地区生产总值能耗下降", PCT, "3", "下降3.5%"), Met, Some(0.5)),
            (row("单位地区生产总值能耗下降", PCT, "下降3%", "2.5"), Missed, Some(-0.5)),
            (row("单位地区生产总值能耗下降", PCT, "3", "增长1%"), Missed, Some(-4.0)),
        ]);
    }

    #[test]
    fn approximate_targets_allow_half_a_unit_of_their_last_digit() {
        check(&[
            (row("粮食总产量", None, "29万吨左右", "28.5万吨"), Met, Some(-0.5)),
            (row("粮食总产量", None, "29万吨左右", "28.4万吨"), Missed, Some(-0.6)),
            (row("地区生产总值", None, "7.5%左右", "7.45%"), Met, Some(-0.05)),
            (row("地区生产总值", None, "7.5%左右", "7.4%"), Missed, Some(-0.1)),
        ]);
    }

    #[test]
    fn unassessed_rows_say_why() {
        use Unassessable::*;
        let cases = [
            (row("常住人口城镇化率", PCT, "提高1.5个百分点", "59.5"), ChangeAgainstLevel),
            (row("常住人口城镇化率", PCT, "72.5", "提高1个百分点"), ChangeAgainstLevel),
            (row("二氧化硫", PCT, "完成国家和市下达目标", "26.9"), QualitativeTarget),
            (row("全体居民人均可支配收入增速", PCT, "快于经济增速", "7.8"), QualitativeTarget),
            (row("实际利用外资", Some("亿美元"), "2", "不再统计"), NotTracked),
            (row("化学需氧量", None, "", ""), EmptyTarget),
            (row("化学需氧量", None, "", "3"), EmptyTarget),
            (row("R&D经费支出占地区生产总值比重", PCT, "2.2", "—"), NoActual),
            (IndicatorRow { actual: None, ..row("森林覆盖率", PCT, "53", "") }, NoActual),
            (row("地区生产总值增速", PCT, "6.5", "快于全市"), QualitativeActual),
            (row("粮食产量", Some("万吨"), "增长2%", "44.4"), UnitsDiffer),
            (row("綦河出境水质", None, "Ⅲ类", "98"), DifferentKinds),
            (row("民营经济增加值占地区生产总值比重", PCT, "66", "预计64以上"), Inconclusive),
        ];
        for (row, why) in cases {
            let assessment = assess_row(&row, None);
            assert_eq!(
                (assessment.status, assessment.gap, assessment.basis),
                (Unassessed, None, Basis::Unassessable(why)),
                "{} {:?}",
                row.name,
                row.target.raw
            );
        }
    }

    #[test]
    fn bases_read_as_phrases() {
        let unemployment = row("城镇调查失业率", PCT, "≤5.5", "5");
        assert_eq!(basis(&unemployment).to_string(), "compared, lower is better");
        let foreign = row("实际利用外资", Some("亿美元"), "2", "不再统计");
        assert_eq!(basis(&foreign).to_string(), "no longer measured");
    }

    #[test]
    fn statements_settle_rows() {
        check(&[
            (row("全体居民人均可支配收入增速", PCT, "快于经济增速", "快于经济增速"), Met, None),
            (row("二氧化硫", PCT, "完成上级下达目标", "未完成"), Missed, None),
            (row("单位地区生产总值能耗", None, "下降3.1%", "完成"), Met, None),
        ]);
    }

    #[test]
    fn identical_text_that_states_no_goal_is_unassessed() {
        check(&[
            (row("某指标", None, "abc", "abc"), Unassessed, None),
            (row("某指标", PCT, "见说明", "见说明"), Unassessed, None),
            (row("二氧化硫", PCT, "完成上级下达目标", "完成上级下达目标"), Met, None),
        ]);
        assert_eq!(
            basis(&row("某指标", None, "abc", "abc")),
            Basis::Unassessable(Unassessable::QualitativeTarget)
        );
    }

    #[test]
    fn fills_review_tables_only() {
        let table = |kind, rows| IndicatorTable {
            caption: String::new(),
            line: 1,
            kind,
            year: None,
            layout: crate::grid::Layout::Stream,
            columns: Vec::new(),
            rows,
            notes: Vec::new(),
        };
        let mut report = Report {
            file: "t".to_owned(),
            format: crate::model::Format::Text,
            title: TitleBlock::default(),
            tables: vec![
                table(TableKind::Review, rongchang_2022().into_iter().map(|(r, ..)| r).collect()),
                table(TableKind::Plan, vec![IndicatorRow { actual: None, ..row("GDP增速", PCT, "7", "") }]),
            ],
            projects: Vec::new(),
            narrative: Vec::new(),
            reviews: Vec::new(),
            stated_counts: Vec::new(),
            warnings: Vec::new(),
        };
        assess_report(&mut report);
        let review = &report.tables[0].rows;
        assert_eq!(review[0].status, Some(Missed));
        assert_eq!(review[0].gap, Some(-4.8));
        assert_eq!(review[10].status, Some(Met));
        assert_eq!((report.tables[1].rows[0].status, report.tables[1].rows[0].gap), (None, None));
    }

    proptest! {
        #[test]
        fn never_panics_and_gaps_are_finite(
            name in ".{0,12}",
            target in "[0-9.%≥≤:：ⅡⅢ类以上内左右下降提高个百分点预计完成 -]{0,12}|.{0,12}",
            actual in "[0-9.%≥≤:：ⅡⅢ类以上内左右下降提高个百分点预计完成 -]{0,12}|.{0,12}",
        ) {
            let assessment = assess_row(&row(&name, None, &target, &actual), None);
            if let Some(gap) = assessment.gap {
                prop_assert!(gap.is_finite());
            }
            if assessment.status == Unassessed {
                prop_assert_eq!(assessment.gap, None);
            }
        }
    }
}
