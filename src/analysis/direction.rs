//! Which way is better for an indicator: inferred from how its target is written and its name.

use crate::model::{IndicatorRow, ValueForm};
use crate::text::holds;
use std::fmt;

/// Whether a higher or a lower achieved value is the better one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// More is better (growth rates, output, days of good air).
    HigherIsBetter,
    /// Less is better (unemployment, energy use, accident deaths, an urban–rural income ratio).
    LowerIsBetter,
}

impl fmt::Display for Direction {
    /// `higher is better` or `lower is better`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::HigherIsBetter => "higher is better",
            Direction::LowerIsBetter => "lower is better",
        })
    }
}

/// Words in a name that make its numbers amounts of reduction (`能耗下降`, `排放总量减少`), so
/// that a bigger number is a bigger cut.
const REDUCTION_WORDS: [&str; 7] = ["下降", "降低", "减少", "减排", "削减", "压减", "降幅"];

/// Words in a name of an indicator that should be low.
const LOWER_IS_BETTER_WORDS: [&str; 13] = [
    "失业率",
    "死亡",
    "事故",
    "之比",
    "收入比",
    "浓度",
    "能耗",
    "煤耗",
    "水耗",
    "排放",
    "消费价格",
    "物价",
    "CPI",
];

/// Which way is better for `row`, by the first rule that applies:
/// 1. a bound in the target: at least (`≥330`, `7以上`) is higher, at most (`≤5.5`, `以内`) lower;
/// 2. a grade (`Ⅲ类`): a lower grade number is better;
/// 3. a name of reduction, the row's or its parent's (`能耗下降`, `主要污染物排放总量减少`): its
///    numbers are cuts, so higher is better;
/// 4. a target written as a fall (`下降3.1%`, `下降0.5个百分点`) or a ratio (`1.95:1`, in these
///    reports the urban–rural income ratio, a gap to narrow): lower is better;
/// 5. a name of something that should be low (失业率, 死亡, 事故, 收入之比, 浓度, consumer prices
///    (`居民消费价格涨幅`: a ceiling, `3%左右` is met by 1.8), and 能耗 / 煤耗 / 水耗 / 排放 when
///    not named as a reduction): lower is better;
/// 6. otherwise higher is better.
pub fn direction(row: &IndicatorRow) -> Direction {
    match row.target.form {
        ValueForm::AtLeast(_) => return Direction::HigherIsBetter,
        ValueForm::AtMost(_) | ValueForm::Grade(_) => return Direction::LowerIsBetter,
        _ => {}
    }
    if counts_reduction(row) {
        return Direction::HigherIsBetter;
    }
    let written_as_fall = match row.target.form {
        ValueForm::Fall(_) | ValueForm::Ratio(..) => true,
        ValueForm::PointChange(change) => change < 0.0,
        _ => false,
    };
    if written_as_fall || LOWER_IS_BETTER_WORDS.iter().any(|word| holds(&row.name, word)) {
        Direction::LowerIsBetter
    } else {
        Direction::HigherIsBetter
    }
}

/// Whether the row's numbers are amounts of reduction: its name or its parent's says so
/// (`单位GDP能耗降低`, a `#二氧化硫` under `主要污染物排放总量减少`). In such a row a bare `3.3`
/// is a cut of 3.3, and a written `下降3.1%` is a cut of 3.1 too.
pub fn counts_reduction(row: &IndicatorRow) -> bool {
    let names = std::iter::once(&*row.name).chain(row.parent.as_deref());
    names.into_iter().any(|name| REDUCTION_WORDS.iter().any(|word| holds(name, word)))
}
