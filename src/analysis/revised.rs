//! Revised targets: a note under a review table that adjusts targets during the year
//! (`一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。`) gives
//! each row it names a [`IndicatorRow::target_revised`], so that the gap is measured against the
//! target in force, while [`IndicatorRow::target`] keeps the plan's.
//!
//! The parser marks the rows such a note deems met ([`IndicatorRow::judgement`], with the note as
//! evidence); this reads the new values from that evidence, in the order the note names the rows.
//! A row whose parser already found a revised target keeps it.

use crate::model::{IndicatorRow, Value, ValueForm};
use crate::parse::value::parse_value;
use crate::text::Trimmed;

/// The words that introduce the revised values.
const REVISED_TO: [&str; 3] = ["调整为", "调减为", "修订为"];

/// Sets [`IndicatorRow::target_revised`] on the rows of one table whose document verdict is a
/// note revising their targets, when the note gives one value per row it names (or one value
/// for one row).
pub fn apply_revisions(rows: &mut [IndicatorRow]) {
    let mut notes: Vec<String> = rows
        .iter()
        .filter_map(|row| row.judgement.as_ref().map(|j| j.evidence.clone()))
        .filter(|evidence| REVISED_TO.iter().any(|word| evidence.contains(word)))
        .collect();
    notes.dedup();
    for note in notes {
        let values = revised_values(&note);
        let mut named: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.target_revised.is_none())
            .filter(|(_, row)| row.judgement.as_ref().is_some_and(|j| j.evidence == note))
            .map(|(index, row)| (position_in(&note, &row.name).unwrap_or(usize::MAX), index))
            .collect();
        named.sort();
        if named.len() != values.len() {
            continue;
        }
        for ((_, index), value) in named.into_iter().zip(values) {
            rows[index].target_revised = Some(Box::new(value));
        }
    }
}

/// The target as shown: the plan's, and the revised one after an arrow (`4 → 0.1%`).
pub fn target_text(row: &IndicatorRow) -> String {
    match &row.target_revised {
        Some(revised) => format!("{} → {}", row.target.raw, revised.raw),
        None => row.target.raw.to_string(),
    }
}

/// The values after `调整为` up to the end of the clause, one per `、`, without a leading
/// `增长`; none that is not a number.
fn revised_values(note: &str) -> Vec<Value> {
    let Some((_, after)) = REVISED_TO.iter().find_map(|word| note.split_once(word)) else {
        return Vec::new();
    };
    let clause = after.split(['，', ',', '。', '；', ';']).next().unwrap_or("");
    let values: Vec<Value> = clause
        .split('、')
        .map(|part| parse_value(part.trimmed().trim_start_matches("增长").trim_start_matches("为")))
        .collect();
    let numeric =
        |v: &Value| !matches!(v.form, ValueForm::Empty | ValueForm::Qualitative | ValueForm::NotTracked);
    if values.iter().all(numeric) { values } else { Vec::new() }
}

/// Where the note names the row: the first place its name, or the longest start of its name of
/// at least two characters, occurs (notes shorten names: `税收收入增速` for
/// `税收收入扣除留抵退税因素后增速`).
fn position_in(note: &str, name: &str) -> Option<usize> {
    let chars: Vec<char> = name.chars().collect();
    (2..=chars.len()).rev().find_map(|len| note.find(&chars[..len].iter().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Judgement, Status};

    fn row(name: &str, target: &str, note: Option<&str>) -> IndicatorRow {
        IndicatorRow {
            name: name.into(),
            target: parse_value(target),
            judgement: note.map(|n| {
                Box::new(Judgement {
                    status: Status::Met,
                    evidence: n.to_owned(),
                    line: 9,
                    share_of_plan: None,
                })
            }),
            ..IndicatorRow::default()
        }
    }

    #[test]
    fn each_row_named_gets_its_revised_value_in_the_order_the_note_names_them() {
        let note = "2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。";
        let mut rows = vec![
            row("地区生产总值增速", "6.5", None),
            row("税收收入扣除留抵退税因素后增速", "8", Some(note)),
            row("一般公共预算收入扣除留抵退税因素后增速", "4", Some(note)),
        ];
        apply_revisions(&mut rows);
        let revised: Vec<Option<&str>> =
            rows.iter().map(|r| r.target_revised.as_ref().map(|v| &*v.raw)).collect();
        assert_eq!(revised, [None, Some("1%"), Some("0.1%")]);
        assert_eq!(&*rows[1].target.raw, "8", "the plan's target is kept");
    }

    #[test]
    fn a_note_whose_values_do_not_match_its_rows_revises_nothing() {
        let mut rows = vec![row("城镇化率", "72.5", Some("城镇化率、就业目标调整为73%，视为完成"))];
        rows.push(row("就业", "2", Some("城镇化率、就业目标调整为73%，视为完成")));
        apply_revisions(&mut rows);
        assert!(rows.iter().all(|r| r.target_revised.is_none()));
        let mut one = vec![row("城镇化率", "72.5", Some("注：城镇化率目标调整为73%，视为完成。"))];
        apply_revisions(&mut one);
        assert_eq!(one[0].target_revised.as_ref().map(|v| &*v.raw), Some("73%"));
    }
}
