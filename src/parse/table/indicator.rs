//! Indicator rows from assembled rows: category carried down, names taken apart, parents of
//! sub-rows, binding flags, target and achieved values, and the judgement of a `与目标±` column.

use super::cells::Cell;
use super::header::{Layout, Role, names_growth};
use super::name::{NameCell, read_name};
use super::rows::RawRow;
use crate::model::{IndicatorRow, Judgement, Status, Value, ValueForm, Warning};
use crate::parse::value::parse_value;
use crate::text;

/// Words of a `与目标±` cell saying the target was met.
const MET_WORDS: [&str; 7] = ["完成", "已完成", "超额完成", "完成目标", "达到", "已达到", "达标"];
/// Words of a `与目标±` cell saying the target was missed.
const MISSED_WORDS: [&str; 3] = ["未完成", "未达到", "未达标"];

/// The group cell a run of sub-rows sits under.
struct Group {
    name: String,
    starred: bool,
}

/// The last row that is not a sub-row: the parent of `其中：` and `#` rows after it.
struct TopRow {
    name: String,
    binding: Option<bool>,
}

/// What carries from row to row.
#[derive(Default)]
struct Carried {
    category: Option<String>,
    group: Option<Group>,
    top: Option<TopRow>,
    warned_misaligned: bool,
}

/// Builds the indicator rows of a table. `notes_define_stars` is set when a note under the table
/// says what `*` means; a table whose names carry `*` tells binding from non-binding rows too.
pub(super) fn build_rows(
    raw_rows: &[RawRow],
    layout: &Layout,
    notes_define_stars: bool,
    caption: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<IndicatorRow> {
    let names: Vec<NameCell> =
        raw_rows.iter().map(|r| read_name(text_of(r.cells.get(layout.name)))).collect();
    let starred_group = raw_rows.iter().any(|r| r.group.as_ref().is_some_and(|g| read_name(&g.text).starred));
    let uses_stars = notes_define_stars || starred_group || names.iter().any(|n| n.starred);

    let mut carried = Carried::default();
    let mut rows = Vec::new();
    for (raw, name) in raw_rows.iter().zip(names) {
        let cell = |role: Role| layout.find(role).and_then(|i| raw.cells.get(i));
        if let Some(category) = cell(Role::Category).filter(|c| !c.text.is_empty()) {
            carried.category = Some(category.compact());
        }
        match &raw.group {
            Some(group) if !group.text.is_empty() => {
                let group = read_name(&group.text);
                carried.group = Some(Group { name: group.name, starred: group.starred });
            }
            Some(_) => {}
            None => carried.group = None,
        }
        let Some(name_cell) = raw.cells.get(layout.name) else { continue };
        if name.name.is_empty() {
            warn_nameless(raw, layout, name_cell, caption, warnings);
            continue;
        }
        if !carried.warned_misaligned && looks_like_value(&name.name) {
            carried.warned_misaligned = true;
            warn_misaligned(name_cell, caption, warnings);
        }
        let in_group = raw.group.is_some() && carried.group.is_some();
        let (parent, parent_binding) = match (&carried.group, &carried.top) {
            (Some(group), _) if in_group => (Some(group.name.clone()), group.starred.then_some(true)),
            (_, Some(top)) if name.sub_row => (Some(top.name.clone()), top.binding),
            _ => (None, None),
        };
        let binding = cell(Role::Remark)
            .and_then(|c| remark_binding(&c.text))
            .or(name.starred.then_some(true))
            .or(parent_binding)
            .or(uses_stars.then_some(false));
        let target = parse_value(text_of(cell(Role::Target)));
        let (actual, actual_other) = achieved(raw, layout, &name.name);
        let judgement = cell(Role::Difference).and_then(|c| judge_difference(c, &target));
        let row = IndicatorRow {
            line: name_cell.line,
            category: layout.find(Role::Category).and(carried.category.clone()),
            seq: cell(Role::Seq).filter(|c| !c.text.is_empty()).map(|c| c.text.clone()).or(name.number),
            unit: name
                .unit
                .or_else(|| cell(Role::Unit).filter(|c| !c.text.is_empty()).map(|c| c.text.clone())),
            name: name.name,
            raw_name: name.raw,
            parent,
            binding,
            target,
            target_revised: None,
            actual,
            actual_other,
            judgement,
            status: None,
            gap: None,
        };
        if !in_group && !name.sub_row {
            carried.top = Some(TopRow { name: row.name.clone(), binding: row.binding });
        }
        rows.push(row);
    }
    rows
}

/// Warns that a value stands in the name column: the cells are out of step from here on.
fn warn_misaligned(name: &Cell, caption: &str, warnings: &mut Vec<Warning>) {
    warnings.push(Warning {
        line: name.line,
        message: format!(
            "{caption}: the name cell “{}” looks like a value, so the cells of this table may be out \
             of step from here on (a cell lost or added in the export). Check the table in the \
             source document.",
            name.text
        ),
    });
}

/// A name that is a number (`7.5`, `-3%`): a value shifted into the name column.
fn looks_like_value(name: &str) -> bool {
    name.trim_end_matches(['%', '％']).parse::<f64>().is_ok()
}

/// The text of a cell that may be missing.
fn text_of(cell: Option<&Cell>) -> &str {
    cell.map_or("", |c| c.text.as_str())
}

/// 约束性 → binding, 预期性 → not; anything else says nothing.
fn remark_binding(text: &str) -> Option<bool> {
    if text.contains("约束") {
        Some(true)
    } else if text.contains("预期") {
        Some(false)
    } else {
        None
    }
}

/// The achieved cell comparable with the target, and the other one when the table has two: for a
/// growth-rate target the growth column (增速), otherwise the level (绝对值); when that cell is
/// blank (`—`) and the other is not, the other (a rate such as 能耗年均增速 given as its level).
/// `None` in plan tables.
fn achieved(raw: &RawRow, layout: &Layout, name: &str) -> (Option<Value>, Option<Value>) {
    let columns = layout.actuals();
    let Some(&first) = columns.first() else { return (None, None) };
    let growth = names_growth(name);
    let preferred =
        columns.iter().copied().find(|&i| layout.columns[i].is_growth() == growth).unwrap_or(first);
    let filled = |i: usize| !is_blank(text_of(raw.cells.get(i)));
    let primary = if filled(preferred) {
        preferred
    } else {
        columns.iter().copied().find(|&i| filled(i)).unwrap_or(preferred)
    };
    let other = columns.iter().copied().find(|&i| i != primary);
    let value = |i: usize| parse_value(text_of(raw.cells.get(i)));
    (Some(value(primary)), other.map(value))
}

/// An empty cell or a dash standing for one (`—`, `-`, `/`).
fn is_blank(text: &str) -> bool {
    text.trim().trim_matches(['—', '–', '-', '－', '/', '／']).is_empty()
}

/// The document's verdict in a `与目标±` cell: `完成`/`未完成`, or the sign of the difference
/// (`-4.8个百分点` missed, `+55个百分点` met). A signed difference against an at-most target says
/// nothing (below the ceiling is good), so it is left to the analysis.
fn judge_difference(cell: &Cell, target: &Value) -> Option<Judgement> {
    let text = text::fold(&cell.text);
    let status = if MISSED_WORDS.iter().any(|w| text.contains(w)) {
        Status::Missed
    } else if MET_WORDS.contains(&text.as_str()) {
        Status::Met
    } else {
        let difference = leading_signed_number(&text)?;
        if matches!(target.form, ValueForm::AtMost(_)) {
            return None;
        }
        if difference < 0.0 { Status::Missed } else { Status::Met }
    };
    Some(Judgement { status, evidence: cell.text.clone(), line: cell.line })
}

/// The signed number at the start of a width-folded cell (`-4.8个百分点` → -4.8, `+55` → 55).
fn leading_signed_number(text: &str) -> Option<f64> {
    let (sign, rest) = match text.chars().next()? {
        '-' | '−' => (-1.0, &text[text.chars().next()?.len_utf8()..]),
        '+' => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    let end = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
    rest[..end].parse::<f64>().ok().map(|n| sign * n)
}

/// Warns about a row whose name cell is empty while other cells are not; an empty row is skipped
/// silently.
fn warn_nameless(raw: &RawRow, layout: &Layout, name: &Cell, caption: &str, warnings: &mut Vec<Warning>) {
    let filled: Vec<&str> = raw
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !c.text.is_empty() && layout.columns[*i].role != Role::Category)
        .map(|(_, c)| c.text.as_str())
        .collect();
    if filled.is_empty() {
        return;
    }
    warnings.push(Warning {
        line: name.line,
        message: format!(
            "{caption}: a row has no indicator name but has the cells “{}”; it was skipped. Check \
             the table at this line in the source document.",
            filled.join("”, “")
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> Cell {
        Cell { text: text.to_owned(), line: 9, after_blank: false }
    }

    #[test]
    fn judges_a_difference_cell() {
        let target = parse_value("7.5%左右");
        let status = |text: &str| judge_difference(&cell(text), &target).map(|j| j.status);
        assert_eq!(status("-4.8个百分点"), Some(Status::Missed));
        assert_eq!(status("+55个百分点"), Some(Status::Met));
        assert_eq!(status("0"), Some(Status::Met));
        assert_eq!(status("完成"), Some(Status::Met));
        assert_eq!(status("未完成"), Some(Status::Missed));
        assert_eq!(status(""), None);
        assert_eq!(status("—"), None);
        let judgement = judge_difference(&cell("－19.68个百分点"), &target).unwrap();
        assert_eq!((judgement.evidence.as_str(), judgement.line), ("－19.68个百分点", 9));
    }

    #[test]
    fn reads_remarks() {
        assert_eq!(remark_binding("约束性"), Some(true));
        assert_eq!(remark_binding("预期性"), Some(false));
        assert_eq!(remark_binding(""), None);
    }
}
