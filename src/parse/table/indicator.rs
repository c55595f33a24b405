//! Indicator rows from a grid's body: category carried down, names taken apart, parents of
//! sub-rows, binding flags, target and achieved values, and the judgement of a `与目标±` column.

use super::align::{self, BodyRow, body_rows, body_rows_after};
use super::header::{self, Header, Role, names_growth};
use super::name::{
    self, NameCell, compact, compact_cow, is_category_label, is_measure, is_sub_row, read_name, section_name,
};
use super::verdict::verdict;
use crate::grid::{Grid, GridCell};
use crate::model::{IndicatorRow, Judgement, Scope, Status, Value, ValueForm, Warning, WarningKind};
use crate::parse::shared::shared_text;
use crate::parse::value::{LEVEL_WITH_LAST_YEAR, parse_value};
use crate::text::Trimmed;
use crate::text::{self, is_section};

/// The group cell a run of sub-rows sits under.
struct Group {
    name: Box<str>,
    /// Its name carries a star that marks binding rows.
    starred: bool,
}

/// The last row that is not a sub-row: the parent of `其中：` and `#` rows after it.
struct TopRow {
    name: Box<str>,
    binding: Option<bool>,
}

/// What carries from row to row.
#[derive(Default)]
struct Carried {
    category: Option<std::sync::Arc<str>>,
    group: Option<Group>,
    top: Option<TopRow>,
    /// The indicator of the last row named by an indicator and a measure (`地区生产总值 | 总量`).
    measured: Option<String>,
    /// The binding a section by attribute gives its rows (`一、约束性指标`).
    section_binding: Option<bool>,
    warned_misaligned: bool,
}

/// The name of one body row: its own name cell, and the group cell beside it if any.
struct RowName<'g> {
    cell: &'g GridCell,
    /// The name taken apart (two cells of one name joined first).
    name: NameCell,
    /// The group cell's text, when the row sits under one (empty when the group cell is blank).
    group: Option<&'g str>,
    /// The indicator's cell, when the name is an indicator and a measure beside it (`地区生产总值 |
    /// 总量`): a measure alone in the rows below (`增速`, the indicator's cell written once) is its.
    measured: Option<&'g str>,
    /// Whether `cell`, read alone, names only a measure (`增速`, see [`is_measure`]): found while
    /// the name is read, so no cell is taken apart twice.
    cell_is_measure: bool,
}

/// Reads the name of `row`: one name cell; or a group cell and the sub-row's name (the second
/// is a sub-row, or the first spans rows); or a name written over two cells, joined.
fn row_name<'g>(grid: &'g Grid, row: &BodyRow) -> Option<RowName<'g>> {
    let cell = |i: usize| &grid.cells()[i];
    let read = |cell: &'g GridCell, name: NameCell, group| RowName {
        cell,
        cell_is_measure: name.is_measure(),
        name,
        group,
        measured: None,
    };
    let named = |cell: &'g GridCell, group| read(cell, read_name(&cell.text), group);
    match row.names.as_slice() {
        [] => None,
        [only] => Some(named(cell(*only), None)),
        [first, .., last] => {
            let (first, last) = (cell(*first), cell(*last));
            // A category before the name (`经济 发展 | 地区生产总值增长`, a spanning cell copied as
            // text, in its first row only) is no part of it.
            let spans = first.row_span > 1 || first.row < row.row || is_category_label(&first.text);
            let grouped = is_sub_row(&last.text) || spans;
            // A measure (`总量`, `增速`) beside an indicator spanning its rows names no row of its
            // own: the two make the name (`地区生产总值增速`), as in a row where they are one cell.
            let joined = |cell: &'g GridCell, cell_is_measure, measured| RowName {
                cell,
                name: read_name(&format!("{}{}", first.text, last.text)),
                group: None,
                measured,
                cell_is_measure,
            };
            if last.text.is_empty() {
                return Some(named(first, None));
            }
            let last_name = read_name(&last.text);
            if last_name.is_measure() && !first.text.is_empty() && !is_category_label(&first.text) {
                Some(joined(last, true, Some(first.text.as_str())))
            } else if grouped || first.text.is_empty() {
                Some(read(last, last_name, Some(&first.text)))
            } else {
                Some(joined(first, is_measure(&first.text), None))
            }
        }
    }
}

/// What was read while the grid was judged as a table ([`super::judge_indicator`]), taken by
/// [`build_rows`] instead of being read again: the target cells read as values (by index into
/// [`Grid::cells`]), and the body rows placed under the header judged.
#[derive(Debug, Default)]
pub(super) struct ReadCells {
    values: Vec<Option<Value>>,
    body: Option<(Header, Vec<BodyRow>)>,
}

impl ReadCells {
    /// None read yet, for a grid of `cells` cells.
    pub fn new(cells: usize) -> Self {
        ReadCells { values: vec![None; cells], body: None }
    }

    /// Reads cell `index` of `grid` as a value and keeps it.
    pub fn read(&mut self, grid: &Grid, index: usize) -> &Value {
        let slot = &mut self.values[index];
        slot.get_or_insert_with(|| parse_value(&grid.cells()[index].text))
    }

    /// Takes the value read from cell `index`, if it was.
    fn take(&mut self, index: usize) -> Option<Value> {
        self.values.get_mut(index)?.take()
    }

    /// Keeps the body rows placed under `header`.
    pub fn keep_body(&mut self, header: &Header, rows: Vec<BodyRow>) {
        self.body = Some((header.clone(), rows));
    }

    /// The body rows of `grid` under `header`. When the rows kept were placed under that header,
    /// in the grid judged, they are taken: those within `grid` (a grid cut short after judging
    /// keeps a first part of its rows), and the rows after them placed now (a table continued
    /// after a page break has its continuation's rows stacked under its own,
    /// [`crate::parse::continued::read_continued`]).
    fn body_rows(&mut self, grid: &Grid, header: &Header) -> Vec<BodyRow> {
        match self.body.take() {
            Some((judged, mut rows)) if judged == *header => {
                rows.retain(|row| row.row < grid.rows());
                body_rows_after(grid, header, rows)
            }
            _ => body_rows(grid, header),
        }
    }
}

/// The header's columns as rows are read by them, looked up once per table rather than once per
/// row: the column of each role a row reads, the target and achieved columns, and which columns
/// give growth rates or percents.
struct Columns {
    category: Option<usize>,
    seq: Option<usize>,
    unit: Option<usize>,
    remark: Option<usize>,
    difference: Option<usize>,
    /// The completion rates of a table without achieved values ([`Header::completion_rate`]).
    completion_rate: Option<usize>,
    /// The target columns read as one target ([`Header::target_pair`]).
    pair: Vec<usize>,
    /// The achieved columns, whole-year ones first ([`whole_year_first`]).
    actual: Vec<usize>,
    /// Per column, whether it gives a growth rate rather than a level.
    growth: Vec<bool>,
    /// Per column, whether its numbers are percents ([`header::Column::gives_percent`]).
    percent: Vec<bool>,
}

impl Columns {
    fn new(header: &Header) -> Self {
        Columns {
            category: header.find(Role::Category),
            seq: header.find(Role::Seq),
            unit: header.find(Role::Unit),
            remark: header.find(Role::Remark),
            difference: header.find(Role::Difference),
            completion_rate: header.completion_rate(),
            pair: header.target_pair(),
            actual: whole_year_first(header),
            growth: header.columns.iter().map(|c| c.is_growth()).collect(),
            percent: header.columns.iter().map(|c| c.gives_percent()).collect(),
        }
    }
}

/// The achieved columns, those of the whole year before those of part of it (`全年预计完成` before
/// `1-11月完成`), else left to right.
fn whole_year_first(header: &Header) -> Vec<usize> {
    let mut columns = header.all(Role::Actual);
    columns.sort_by_key(|&i| header.columns[i].covers_part_of_year());
    columns
}

/// Whether two stars are one mark: `*` is `＊` at full width.
fn same_star(a: char, b: char) -> bool {
    let fold = |c: char| if c == '＊' { '*' } else { c };
    fold(a) == fold(b)
}

/// Builds the indicator rows of a table. `binding_stars` are the stars a note under the table says
/// mark binding rows (a star it gives another meaning marks none); a table whose names carry a
/// star tells binding from non-binding rows too. `note_above` is the text after `单位` of a unit
/// note right above the table, if any.
/// Target cells found in `read` are taken from it rather than read again.
pub(super) fn build_rows(
    grid: &Grid,
    header: &Header,
    binding_stars: &[char],
    caption: &str,
    note_above: Option<&str>,
    read: &mut ReadCells,
    warnings: &mut Vec<Warning>,
) -> Vec<IndicatorRow> {
    let body = read.body_rows(grid, header);
    let names: Vec<Option<RowName>> = body.iter().map(|row| row_name(grid, row)).collect();
    let uses_stars = !binding_stars.is_empty()
        || names
            .iter()
            .flatten()
            .any(|n| n.name.star.is_some() || n.group.is_some_and(|g| read_name(g).star.is_some()));
    // A star binds when no note says which stars do, or when a note names it.
    let binds = |star: Option<char>| {
        star.is_some_and(|star| binding_stars.is_empty() || binding_stars.iter().any(|&b| same_star(b, star)))
    };
    let remarks_span = remarks_span_rows(grid, &body, header);
    let columns = Columns::new(header);
    // Failing a unit note, the unit the target column's title gives (`目标（%）`).
    let titled_unit =
        || header.find(Role::Target).and_then(|t| name::unit_in_title(&header.columns[t].title));
    let note_in_table = header::table_unit_note(grid);
    let table_unit = note_in_table
        .and_then(header::unit_note)
        .or(note_above.and_then(header::unit_note))
        .or_else(titled_unit);
    // A note naming several units, `%` among them (`单位：亿元、%`), gives `%` to rows naming a rate.
    let rates_in_percent = note_in_table.or(note_above).is_some_and(header::unit_note_lists_percent);

    let mut carried = Carried::default();
    let mut rows = Vec::with_capacity(body.len());
    let mut last_remark: Option<bool> = None;
    for (row, row_name) in body.iter().zip(names) {
        let cell = |col: Option<usize>| col.and_then(|i| row.slots[i]).map(|i| &grid.cells()[i]);
        if let Some(category) = cell(columns.category).filter(|c| !c.text.is_empty()) {
            carried.category = Some(compact(&category.text).into());
        }
        if let Some(label) = section_label(grid, row, header) {
            // A unit note across the table under its header (`单位：亿元、%`) opens no section.
            if label.starts_with("单位") {
                continue;
            }
            // Sections by attribute (`一、约束性指标`, `二、预期性指标`) say the rows' binding;
            // other sections are the rows' category.
            carried.section_binding = attribute_section(&label);
            if carried.section_binding.is_none() {
                carried.category = Some(label.into());
            }
            continue;
        }
        let Some(mut row_name) = row_name else { continue };
        // A measure alone (`增速`) is of the indicator named beside the one above it, or else of the
        // row above (`地区生产总值（亿元）` then `增长（%）`).
        let mut measure_of_top = false;
        match row_name.measured {
            Some(indicator) => carried.measured = Some(indicator.to_owned()),
            None => {
                let bare_measure = row_name.group.is_none_or(str::is_empty) && row_name.cell_is_measure;
                let indicator = match (&carried.measured, &carried.top) {
                    (Some(indicator), _) if bare_measure => Some(indicator.as_str()),
                    (None, Some(top)) if bare_measure => {
                        measure_of_top = true;
                        Some(&*top.name)
                    }
                    _ => None,
                };
                match indicator {
                    Some(indicator) => {
                        row_name.name = read_name(&format!("{indicator}{}", row_name.cell.text));
                        row_name.group = None;
                    }
                    None => carried.measured = None,
                }
            }
        }
        match row_name.group {
            Some(group) if is_category_label(group) => {
                carried.category = Some(compact(group).into());
                carried.group = None;
            }
            Some(group) if !group.is_empty() => {
                let group = read_name(group);
                if group.name.is_empty() {
                    // A group cell that only says `其中` (spanning the rows under an indicator):
                    // its rows are the sub-rows of the indicator above.
                    carried.group = None;
                    row_name.name.sub_row = true;
                } else {
                    carried.group = Some(Group { name: group.name.into(), starred: binds(group.star) });
                }
            }
            Some(_) => {}
            None => carried.group = None,
        }
        let name = row_name.name;
        let name_cell = row_name.cell;
        if name.name.is_empty() {
            warn_nameless(grid, row, header, name_cell, caption, warnings);
            continue;
        }
        if !carried.warned_misaligned && looks_like_value(&name.name) {
            carried.warned_misaligned = true;
            warn_misaligned(name_cell, caption, warnings);
        }
        let in_group = row_name.group.is_some() && carried.group.is_some();
        let (parent, parent_binding) = match (&carried.group, &carried.top) {
            (Some(group), _) if in_group => (Some(group.name.clone()), group.starred.then_some(true)),
            (_, Some(top)) if name.sub_row => (Some(top.name.clone()), top.binding),
            _ => (None, None),
        };
        let remark = match cell(columns.remark).map(|c| c.text.as_str()) {
            Some(text) if !is_blank(text) => remark_binding(text),
            _ if remarks_span => last_remark,
            _ => None,
        };
        if cell(columns.remark).is_some_and(|c| !is_blank(&c.text)) {
            last_remark = remark;
        }
        let binding = remark
            .or(binds(name.star).then_some(true))
            .or(parent_binding)
            .or(carried.section_binding)
            .or(uses_stars.then_some(false));
        let targets = target_columns(grid, row, &columns);
        let target_cell = |col: Option<usize>| col.and_then(|c| row.slots.get(c).copied().flatten());
        let target_text = |col| text_of(target_cell(col).map(|i| &grid.cells()[i]));
        let parsed = target_cell(targets.primary).and_then(|i| read.take(i));
        let (mut target, target_revised) = read_target(target_text(targets.primary), parsed);
        if let Some(col) = targets.primary {
            header::lend_percent(&mut target, columns.percent[col]);
        }
        let target_other = targets.other.map(|col| parse_value(target_text(Some(col))));
        let unit = name
            .unit
            .clone()
            .or_else(|| cell(columns.unit).filter(|c| !is_blank(&c.text)).map(|c| c.text.clone()))
            .or_else(|| table_unit.map(str::to_owned))
            .or_else(|| (rates_in_percent && names_a_rate(&name.name)).then(|| "%".to_owned()));
        let rate_target =
            is_rate_target(&target, unit.as_deref()) || targets.primary.is_some_and(|t| columns.growth[t]);
        // A target in a percent column (`年度目标（%）`) for an indicator that is no rate itself is
        // a growth rate, to be read against the growth cell when the table also gives the level.
        let percent_target = targets.primary.is_some_and(|t| columns.percent[t]) && !names_a_rate(&name.name);
        let wanted = if rate_target {
            Wanted::Growth
        } else if names_growth(&name.name) || percent_target {
            Wanted::GrowthOrFilled
        } else {
            Wanted::Level
        };
        let (actual, actual_other) = achieved(grid, row, &columns, wanted);
        let judgement = cell(columns.difference)
            .and_then(|c| judge_difference(c, &target))
            .or_else(|| cell(columns.completion_rate).and_then(|c| judge_completion_rate(c, &target)));
        let indicator = IndicatorRow {
            line: name_cell.line,
            category: carried.category.clone(),
            seq: cell(columns.seq)
                .filter(|c| !c.text.is_empty())
                .map(|c| shared_text(c.text.as_str()))
                .or(name.number.as_deref().map(shared_text)),
            unit: unit.as_deref().map(shared_text),
            name: name.name.into(),
            raw_name: name.raw.into(),
            parent,
            binding,
            target,
            target_revised: target_revised.map(Box::new),
            target_other: target_other.map(Box::new),
            actual,
            actual_other: actual_other.map(Box::new),
            judgement: judgement.map(Box::new),
            status: None,
            gap: None,
        };
        if !in_group && !name.sub_row && !measure_of_top {
            carried.top = Some(TopRow { name: indicator.name.clone(), binding: indicator.binding });
        }
        rows.push(indicator);
    }
    rows
}

/// Endings of indicator names that measure a rate in percent (`城镇化率`, `能耗下降`), besides
/// the growth words of [`names_growth`].
const RATE_ENDINGS: [&str; 6] = ["率", "比例", "比重", "涨幅", "下降", "降低"];

/// Whether an indicator's name speaks of a rate in percent: a growth (`地区生产总值增长`) or one of
/// [`RATE_ENDINGS`].
fn names_a_rate(name: &str) -> bool {
    names_growth(name) || RATE_ENDINGS.iter().any(|ending| name.ends_with(ending))
}

/// Whether blank cells of the attribute column continue the attribute above them: the column
/// names both 约束性 and 预期性, so a blank is a cell spanning rows written once, in its first row.
fn remarks_span_rows(grid: &Grid, body: &[BodyRow], header: &Header) -> bool {
    let Some(col) = header.find(Role::Remark) else { return false };
    let texts: Vec<&str> =
        body.iter().filter_map(|r| r.slots[col]).map(|i| grid.cells()[i].text.as_str()).collect();
    texts.iter().any(|t| t.contains("约束")) && texts.iter().any(|t| t.contains("预期"))
}

/// The name of a section a row opens, the category of the rows below it: one cell spans the
/// whole row (`一、经济发展`), or the row after its 序号 (`一 | 经济发展` over five columns), or a
/// numbered heading stands alone in the first cell (as text layouts, which know no spans, write
/// it: `| 一、经济发展 | | |`).
fn section_label(grid: &Grid, row: &BodyRow, header: &Header) -> Option<String> {
    let after_seq =
        header.find(Role::Seq).and_then(|seq| row.slots.get(seq + 1..)).filter(|rest| rest.len() > 1);
    if let Some(&[Some(first), ..]) = after_seq
        && after_seq.is_some_and(|rest| rest.iter().all(|slot| *slot == Some(first)))
    {
        let label = compact(&grid.cells()[first].text);
        let label = section_name(&label);
        return (!label.is_empty()).then(|| label.to_owned());
    }
    if let Some(label) = numbered_label_alone(grid, row.row, header) {
        return Some(label);
    }
    let first = row.slots.first().copied().flatten()?;
    let spans = row.slots.iter().all(|slot| *slot == Some(first)) && header.width() > 1;
    let text = compact_cow(&grid.cells()[first].text);
    // Alone on its row: every other cell is blank (the label's own cell may span several columns).
    let alone = || {
        let mut others = row.slots[1..].iter().flatten().filter(|&&i| i != first);
        others.all(|&i| grid.cells()[i].text.trimmed().is_empty())
    };
    let opens_section = spans || (is_section(&text) && alone());
    let label = section_name(&text);
    (opens_section && !label.is_empty()).then(|| label.to_owned())
}

/// The label of a row of two cells in a wider table, a section's number and its name (`一 |
/// 经济发展`, `（一） | 经济发展`), as a text layout writes the number's cell and one spanning the
/// rest, with or without empty cells after it.
fn numbered_label_alone(grid: &Grid, row: usize, header: &Header) -> Option<String> {
    let cells = grid.row_range(row).len();
    let mut own =
        grid.row_range(row).map(|index| grid.cells()[index].text.trimmed()).filter(|t| !t.is_empty());
    let (number, label) = (own.next()?, own.next()?);
    if own.next().is_some() || header.width() <= 3 {
        return None;
    }
    // Behind empty cells a row's own 序号 (`1`) may stand beside a name with no values yet: only a
    // section's numeral (`一`, `（一）`) opens one there.
    let is_number = |c: char| crate::text::is_chinese_numeral(c) || (cells == 2 && c.is_ascii_digit());
    let bare = number.trim_start_matches(['（', '(']).trim_end_matches(['、', '）', ')']);
    let numbered = !bare.is_empty() && bare.chars().all(is_number);
    let worded = || label.chars().any(crate::text::is_han) && !align::is_value(label);
    (numbered && worded()).then(|| compact(label))
}

/// The target cell, and the revision written in it: `增长7%（后调整为1.6%左右）` is the target
/// `增长7%`, revised to `1.6%左右`. `parsed` is the whole cell already read, if it was: the target
/// when the cell has no revision.
fn read_target(text: &str, parsed: Option<Value>) -> (Value, Option<Value>) {
    match revision_in(text) {
        Some((original, revised)) => (parse_value(original), Some(parse_value(revised))),
        None => (parsed.unwrap_or_else(|| parse_value(text)), None),
    }
}

/// The target before a bracketed revision, and the revision: `增长7%（后调整为1.6%左右）` →
/// (`增长7%`, `1.6%左右`).
pub(super) fn revision_in(text: &str) -> Option<(&str, &str)> {
    let open = text.find(['（', '('])?;
    let inner = &text[open..];
    let start = inner.find("调整为")? + "调整为".len();
    let rest = &inner[start..];
    let end = rest.find(['）', ')']).unwrap_or(rest.len());
    let revised = rest[..end].trimmed();
    (!revised.is_empty()).then(|| (text[..open].trimmed(), revised))
}

/// Warns that a value stands in the name column: the cells are out of step from here on.
fn warn_misaligned(name: &GridCell, caption: &str, warnings: &mut Vec<Warning>) {
    let kind = WarningKind::MisalignedName { name: name.text.clone() };
    warnings.push(Warning::new(name.line, kind).in_table(Scope::Table(caption.to_owned())));
}

/// A name that is a number (`7.5`, `-3%`): a value shifted into the name column.
fn looks_like_value(name: &str) -> bool {
    name.trim_end_matches(['%', '％']).parse::<f64>().is_ok()
}

/// The text of a cell that may be missing.
fn text_of(cell: Option<&GridCell>) -> &str {
    cell.map_or("", |c| c.text.as_str())
}

/// 约束性 → binding, 预期性 → not; anything else says nothing.
fn remark_binding(text: &str) -> Option<bool> {
    binding_named(text, "约束", "预期")
}

/// The binding a section's label names (`约束性指标` → binding, `预期性指标` → not); `None` for a
/// section by subject (`经济发展`).
fn attribute_section(label: &str) -> Option<bool> {
    binding_named(label, "约束性", "预期性")
}

/// Binding when `text` holds `binding`, not when it holds `expected`, else unknown.
fn binding_named(text: &str, binding: &str, expected: &str) -> Option<bool> {
    if text.contains(binding) {
        Some(true)
    } else if text.contains(expected) {
        Some(false)
    } else {
        None
    }
}

/// The target columns a row is read from: the one read as its target, and the other of a pair.
struct TargetColumns {
    primary: Option<usize>,
    other: Option<usize>,
}

/// Which target cell a row's target is: with one target column, its cell; with a level and a
/// growth column under one title (`2024年` over `目标值 | 增长(%)`), the growth rate when it is
/// written (plan targets are rates first), else the level, and the other when it too is written.
fn target_columns(grid: &Grid, row: &BodyRow, columns: &Columns) -> TargetColumns {
    let pair = &columns.pair;
    let Some(&first) = pair.first() else { return TargetColumns { primary: None, other: None } };
    let filled =
        |col: usize| row.slots.get(col).copied().flatten().is_some_and(|i| !is_blank(&grid.cells()[i].text));
    let growth = pair.iter().copied().find(|&c| columns.growth[c]);
    let primary = growth.filter(|&c| filled(c)).or_else(|| pair.iter().copied().find(|&c| filled(c)));
    let slot = |col: usize| row.slots.get(col).copied().flatten();
    let other = primary.and_then(|p| pair.iter().copied().find(|&c| slot(c) != slot(p) && filled(c)));
    TargetColumns { primary: primary.or(Some(first)), other }
}

/// Whether the target is a growth rate for an indicator measured as a level: `增长6.5%`, or a
/// percentage for an indicator in 亿元 (`7%左右` for 地区生产总值（亿元）).
fn is_rate_target(target: &Value, unit: Option<&str>) -> bool {
    matches!(target.form, ValueForm::Rise(_) | ValueForm::Fall(_))
        || (target.unit.as_deref() == Some("%") && unit.is_some_and(|u| u != "%"))
}

/// Which achieved cell a row's target compares with, when a table gives 绝对值 and 增速.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// The target is a rate (`增长6.5%`, a target column titled 增速): the growth cell.
    Growth,
    /// The name speaks of growth (`能耗年均增速`): the growth cell, or the other when it is blank
    /// (a rate given as its level).
    GrowthOrFilled,
    /// The level cell, or the other when it is blank.
    Level,
}

/// The achieved cell comparable with the target, and the other one when the table has two (see
/// [`Wanted`]). `None` in plan tables.
fn achieved(grid: &Grid, row: &BodyRow, table: &Columns, wanted: Wanted) -> (Option<Value>, Option<Value>) {
    let columns = &table.actual;
    let Some(&first) = columns.first() else { return (None, None) };
    let growth = wanted != Wanted::Level;
    let preferred = columns.iter().copied().find(|&i| table.growth[i] == growth).unwrap_or(first);
    let text = |i: usize| row.slots.get(i).copied().flatten().map_or("", |c| grid.cells()[c].text.as_str());
    let filled = |i: usize| !is_blank(text(i));
    let primary = if filled(preferred) || wanted == Wanted::Growth {
        preferred
    } else {
        columns.iter().copied().find(|&i| filled(i)).unwrap_or(preferred)
    };
    let other = columns.iter().copied().find(|&i| i != primary && row.slots[i] != row.slots[primary]);
    let value = |i: usize| {
        let mut value = parse_value(text(i));
        header::lend_percent(&mut value, table.percent[i]);
        if growth {
            unchanged_as_growth(&mut value);
        }
        value
    };
    (Some(value(primary)), other.map(value))
}

/// Reads an achieved growth cell saying the level did not change (`持平`, `与上年持平`, see
/// [`LEVEL_WITH_LAST_YEAR`]) as a growth of 0.
fn unchanged_as_growth(value: &mut Value) {
    if value.form != ValueForm::Qualitative {
        return;
    }
    let folded = text::fold_cow(&value.raw);
    if &*folded == "持平" || LEVEL_WITH_LAST_YEAR.contains(&&*folded) {
        value.form = ValueForm::Exact(0.0);
    }
}

/// An empty cell or a dash standing for one (`—`, `-`, `/`).
pub(super) fn is_blank(text: &str) -> bool {
    text.trimmed().trim_matches(['—', '–', '-', '－', '/', '／']).is_empty()
}

/// The document's verdict in a `与目标±` cell: `完成`/`未完成`, or the sign of the difference
/// (`-4.8个百分点` missed, `+55个百分点` met). A signed difference against an at-most target says
/// nothing (below the ceiling is good), so it is left to the analysis.
fn judge_difference(cell: &GridCell, target: &Value) -> Option<Judgement> {
    let status = if let Some(status) = verdict(&cell.text) {
        status
    } else {
        let difference = leading_signed_number(&text::fold_cow(&cell.text))?;
        if matches!(target.form, ValueForm::AtMost(_)) {
            return None;
        }
        if difference < 0.0 { Status::Missed } else { Status::Met }
    };
    Some(Judgement { status, evidence: cell.text.clone(), line: cell.line, share_of_plan: None })
}

/// The document's verdict in a completion rate cell (`92%`, `108.5`): met from 100 up. A rate
/// against an at-most target says nothing (a ceiling is met by staying under it), so it is left
/// unjudged.
fn judge_completion_rate(cell: &GridCell, target: &Value) -> Option<Judgement> {
    let rate = leading_signed_number(&text::fold_cow(cell.text.trimmed()))?;
    if matches!(target.form, ValueForm::AtMost(_)) {
        return None;
    }
    let status = if rate >= 100.0 { Status::Met } else { Status::Missed };
    Some(Judgement { status, evidence: cell.text.clone(), line: cell.line, share_of_plan: Some(rate) })
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
fn warn_nameless(
    grid: &Grid,
    row: &BodyRow,
    header: &Header,
    name: &GridCell,
    caption: &str,
    warnings: &mut Vec<Warning>,
) {
    let cells: Vec<String> = row
        .slots
        .iter()
        .enumerate()
        .filter(|(i, _)| header.columns[*i].role != Role::Category)
        .filter_map(|(_, slot)| slot.map(|c| grid.cells()[c].text.as_str()))
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
        .collect();
    if cells.is_empty() {
        return;
    }
    let kind = WarningKind::NamelessRow { cells };
    warnings.push(Warning::new(name.line, kind).in_table(Scope::Table(caption.to_owned())));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> GridCell {
        GridCell { text: text.to_owned(), row: 0, col: 0, row_span: 1, col_span: 1, line: 9 }
    }

    #[test]
    fn reads_a_revision_in_the_target_cell() {
        let (target, revised) = read_target("增长7%（后调整为1.6%左右）", None);
        assert_eq!(&*target.raw, "增长7%");
        assert_eq!(revised.map(|v| v.raw), Some("1.6%左右".into()));
        assert_eq!(read_target("7%", None).1, None);
        // A cell read before stands for the whole cell, never for the target before a revision.
        let read = Some(parse_value("增长7%（后调整为1.6%左右）"));
        assert_eq!(&*read_target("增长7%（后调整为1.6%左右）", read).0.raw, "增长7%");
        assert_eq!(read_target("7%", Some(parse_value("7%"))), (parse_value("7%"), None));
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
