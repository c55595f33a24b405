//! Rows from the cells after the header, by the header's layout.
//!
//! An ordinary row has one cell per column. A row under a group cell has one more: the group cell
//! (`主要污染物排放总量减少*`, empty on the group's later rows) stands in the name column and the
//! sub-row's own name (`#二氧化硫（%）`) follows it. Blank lines mostly separate rows; where they do,
//! they are used to resynchronise: a run of leading cells alone (a row number split from its row)
//! joins the cells after it, and a run that ends short of a full row is a row with missing cells.
//! Where blank lines do not separate rows (rows run together), cells are counted off by the layout.

use super::cells::Cell;
use crate::model::{Warning, WarningKind};
use crate::parse::table::align::is_value;
use crate::parse::table::header::{Role, role_of};
use crate::parse::table::name::{is_sub_row, is_unit_cell};
use crate::parse::table::verdict::verdict;
use crate::text::is_section;

/// What rows are cut by: the column titles (one per column of an ordinary row) and the index of
/// the name column.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Shape {
    /// The title of each column, white space removed.
    pub titles: Vec<String>,
    /// Index of the name column.
    pub name: usize,
}

impl Shape {
    /// Cells in an ordinary row.
    pub fn width(&self) -> usize {
        self.titles.len()
    }
}

/// The cells of one row, one per column, and the group cell it sits under.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawRow<'a> {
    /// One cell per column of the layout (missing cells filled in empty), or one cell alone
    /// naming a section of the table (`一、交通类`), which spans the row.
    pub cells: Vec<Cell<'a>>,
    /// The group cell in the name column, when the row has one (empty on a group's later rows).
    pub group: Option<Cell<'a>>,
}

/// Assembles the rows of a table from `cells` (the cells after the header).
pub(super) fn assemble_rows<'a>(
    cells: &[Cell<'a>],
    layout: &Shape,
    warnings: &mut Vec<Warning>,
) -> Vec<RawRow<'a>> {
    let width = layout.width();
    let blocks = split_at_blank_lines(cells);
    let row_sized = blocks.iter().filter(|b| b.len() == width || b.len() == width + 1).count();
    let separated = row_sized * 2 >= blocks.len();
    if !separated {
        return count_off_by_content(cells, layout, warnings);
    }
    let units = blocks;

    let mut rows = Vec::new();
    let mut carried: Vec<Cell> = Vec::new();
    for unit in units {
        let joined: Vec<Cell>;
        let pending: &[Cell] = if carried.is_empty() {
            unit
        } else {
            joined = carried.drain(..).chain(unit.iter().cloned()).collect();
            &joined
        };
        let mut start = 0;
        while pending.get(start).is_some_and(|c| is_section(&c.text)) {
            rows.push(RawRow { cells: vec![pending[start].clone()], group: None });
            start += 1;
        }
        while pending.len() - start >= width {
            let take = if has_group_cell(&pending[start..], layout) { width + 1 } else { width };
            rows.push(make_row(&pending[start..start + take], layout));
            start += take;
        }
        let rest = &pending[start..];
        if rest.is_empty() {
            continue;
        }
        if start == 0 && rest.len() <= layout.name {
            carried = rest.to_vec();
        } else {
            rows.extend(partial_row(rest, layout, warnings));
        }
    }
    if !carried.is_empty() {
        warn_unplaced(&carried, warnings);
    }
    rows
}

/// Rows from cells that blank lines do not part (a blank line between every cell, or none), where
/// an empty cell may have vanished: a row starts at its name (a number before it is its 序号; a
/// 序号 that vanished is left empty) and ends where the next row's number or name comes before
/// the row is full.
fn count_off_by_content<'a>(
    cells: &[Cell<'a>],
    layout: &Shape,
    warnings: &mut Vec<Warning>,
) -> Vec<RawRow<'a>> {
    let width = layout.width();
    let lead_roles = layout.titles[..layout.name].iter().map(|t| role_of(t));
    let numbered_lead = layout.name > 0 && lead_roles.clone().all(|r| r == Some(Role::Seq));
    let category_lead = layout.name > 0 && lead_roles.clone().any(|r| r == Some(Role::Category));
    let mut rows = Vec::new();
    let mut at = 0;
    while at < cells.len() {
        let rest = &cells[at..];
        if is_section(&rest[0].text) {
            rows.push(RawRow { cells: vec![rest[0].clone()], group: None });
            at += 1;
            continue;
        }
        if rest.len() > width && has_group_cell(rest, layout) {
            rows.push(make_row(&rest[..=width], layout));
            at += width + 1;
            continue;
        }
        let mut row: Vec<Cell> = Vec::with_capacity(width);
        let lead_missing = if category_lead { lacks_category(rest, layout) } else { is_name(&rest[0].text) };
        if (numbered_lead || category_lead) && lead_missing {
            row.resize_with(layout.name, || Cell::missing(rest[0].line));
        }
        while row.len() < width && at < cells.len() {
            let holds_values = matches!(
                role_of(&layout.titles[row.len()]),
                Some(Role::Target | Role::Actual | Role::Difference)
            );
            let ends_early = starts_row(&cells[at..], numbered_lead)
                && !fills_row(cells, at + width - row.len(), numbered_lead);
            if row.len() > layout.name && holds_values && ends_early {
                break;
            }
            row.push(cells[at].clone());
            at += 1;
            if row.len() == layout.name + 1 {
                at += join_name_pieces(&mut row[layout.name], &cells[at..], layout);
            }
        }
        if row.len() <= layout.name {
            warn_unplaced(&row, warnings);
            continue;
        }
        if row.len() < width {
            rows.extend(partial_row(&row, layout, warnings));
            continue;
        }
        rows.push(RawRow { cells: row, group: None });
    }
    rows
}

/// Joins to `name` the pieces of it that a page's paragraphs parted (`地区生产总值`, `增长`, each
/// a paragraph of one cell): the words in `rest` before the unit cell, when the column after the
/// name holds units, which no word of a name is. Returns how many cells were joined.
fn join_name_pieces(name: &mut Cell, rest: &[Cell], layout: &Shape) -> usize {
    let units_next = layout.titles.get(layout.name + 1).is_some_and(|t| role_of(t) == Some(Role::Unit));
    if !units_next {
        return 0;
    }
    let pieces = rest.iter().take_while(|c| is_name(&c.text) && !is_sub_row(&c.text)).count();
    let followed_by_unit = rest.get(pieces).is_some_and(|c| is_unit_cell(&c.text));
    if pieces == 0 || !followed_by_unit {
        return 0;
    }
    let mut text = name.text.clone().into_owned();
    rest[..pieces].iter().for_each(|piece| text.push_str(&piece.text));
    name.text = text.into();
    pieces
}

/// Whether `cells` start a new row: a name followed by a value (a qualitative target such as
/// `快于经济增速` is followed by the next row's name), or a row number before such a name.
fn starts_row(cells: &[Cell], numbered: bool) -> bool {
    let number =
        cells.first().is_some_and(|c| !c.text.is_empty() && c.text.chars().all(|ch| ch.is_ascii_digit()));
    starts_at_name(cells) || (numbered && number && starts_at_name(&cells[1..]))
}

/// Whether the row being read ends well where it is full, at `cells[end]`: the cells run out there
/// or the next row starts there. A qualitative target that reads as a name (`与经济增长同步`, then
/// its result) is no row start when the row it is in fills up to the next one.
fn fills_row(cells: &[Cell], end: usize, numbered: bool) -> bool {
    end == cells.len() || cells.get(end..).is_some_and(|rest| starts_row(rest, numbered))
}

/// Whether the row at the start of `cells` lacks its category cell, which a category spanning
/// rows (`经济发展`, written once) leaves out of its later rows: the words before the row's first
/// value are one cell per column before the first value column without the category, or, where
/// they run on (a qualitative target), the row opens with a name that a unit or value follows.
fn lacks_category(cells: &[Cell], layout: &Shape) -> bool {
    let first_value_column = layout
        .titles
        .iter()
        .position(|t| matches!(role_of(t), Some(Role::Target | Role::Actual)))
        .unwrap_or(layout.width());
    let words = cells.iter().take_while(|c| !is_value(&c.text)).count();
    match words.cmp(&first_value_column) {
        std::cmp::Ordering::Less => words + layout.name == first_value_column,
        _ => starts_at_name(cells),
    }
}

/// Whether `cells` open with a name that the next non-empty cell, a unit or value, does not
/// continue.
fn starts_at_name(cells: &[Cell]) -> bool {
    let next = cells.iter().skip(1).find(|c| !c.text.is_empty());
    cells.first().is_some_and(|c| is_name(&c.text)) && next.is_some_and(|c| !is_name(&c.text))
}

/// A cell that reads as an indicator's name: words that are no value, no unit, no attribute and
/// no verdict (`完成`).
fn is_name(text: &str) -> bool {
    let attribute = text.contains("约束性") || text.contains("预期性");
    let words = text.chars().any(crate::text::is_han) && !is_value(text) && !attribute;
    is_sub_row(text) || (words && !is_unit_cell(text) && verdict(text).is_none())
}

/// Runs of cells between blank lines.
fn split_at_blank_lines<'c, 'a>(cells: &'c [Cell<'a>]) -> Vec<&'c [Cell<'a>]> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (i, cell) in cells.iter().enumerate() {
        if cell.after_blank && i > start {
            blocks.push(&cells[start..i]);
            start = i;
        }
    }
    if start < cells.len() {
        blocks.push(&cells[start..]);
    }
    blocks
}

/// Whether the row starting at `cells[0]` has a group cell: the cell after the name column is a
/// sub-row (`#…`, `﹟…`, `其中：…`) while the name column's cell is not.
fn has_group_cell(cells: &[Cell], layout: &Shape) -> bool {
    let (Some(group), Some(name)) = (cells.get(layout.name), cells.get(layout.name + 1)) else {
        return false;
    };
    cells.len() > layout.width() && is_sub_row(&name.text) && !is_sub_row(&group.text)
}

/// A row from exactly `width` cells, or `width + 1` with a group cell.
fn make_row<'a>(cells: &[Cell<'a>], layout: &Shape) -> RawRow<'a> {
    if cells.len() > layout.width() {
        let mut cells = cells.to_vec();
        let group = cells.remove(layout.name);
        return RawRow { cells, group: Some(group) };
    }
    RawRow { cells: cells.to_vec(), group: None }
}

/// A run of cells short of a full row: a row with its last cells missing when it reaches the name
/// column, otherwise cells that cannot be placed. Warns either way, unless all the cells are empty.
fn partial_row<'a>(cells: &[Cell<'a>], layout: &Shape, warnings: &mut Vec<Warning>) -> Option<RawRow<'a>> {
    if cells.len() <= layout.name || cells.iter().all(|c| c.text.is_empty()) {
        warn_unplaced(cells, warnings);
        return None;
    }
    let last_line = cells.last().map_or(0, |c| c.line);
    let name = &cells[layout.name];
    warnings.push(Warning::new(
        name.line,
        WarningKind::ShortRow {
            name: name.text.to_string(),
            cells: cells.len(),
            columns: layout.width(),
            missing: layout.titles[cells.len()..].to_vec(),
        },
    ));
    let mut filled = cells.to_vec();
    filled.resize_with(layout.width(), || Cell::missing(last_line));
    Some(RawRow { cells: filled, group: None })
}

/// Warns about cells that belong to no row; empty ones are let go silently.
fn warn_unplaced(cells: &[Cell], warnings: &mut Vec<Warning>) {
    let Some(first) = cells.iter().find(|c| !c.text.is_empty()) else { return };
    let cells = cells.iter().map(|c| c.text.to_string()).collect();
    warnings.push(Warning::new(first.line, WarningKind::UnplacedCells { cells }));
}

#[cfg(test)]
mod tests {
    use super::super::header::read_flat_header;
    use super::*;
    use crate::parse::table::header::INDICATOR;

    /// Cells from `|`-separated texts; a leading `/` marks a blank line before the cell.
    fn cells(texts: &str) -> Vec<Cell<'_>> {
        texts
            .split('|')
            .enumerate()
            .map(|(i, t)| Cell {
                text: t.trim_start_matches('/').into(),
                line: i + 1,
                after_blank: t.starts_with('/'),
            })
            .collect()
    }

    fn table<'a>(header: &str, body: &'a str) -> (Vec<RawRow<'a>>, Vec<Warning>) {
        let header = cells(header);
        let shape = read_flat_header(&header, &INDICATOR).unwrap().shape();
        let mut warnings = Vec::new();
        let rows = assemble_rows(&cells(body), &shape, &mut warnings);
        (rows, warnings)
    }

    fn names(rows: &[RawRow]) -> Vec<String> {
        rows.iter()
            .map(|r| format!("{}{}", r.group.as_ref().map_or("", |g| &g.text), r.cells[1].text))
            .collect()
    }

    #[test]
    fn joins_a_row_number_split_from_its_row() {
        let (rows, warnings) = table("序号|指标名称|目标", "/1|甲|6|/2|/乙|5|/3|丙|4");
        assert_eq!(names(&rows), ["甲", "乙", "丙"]);
        assert_eq!(rows[1].cells[0].text, "2");
        assert!(warnings.is_empty());
    }

    #[test]
    fn reads_group_cells() {
        let header = "类别|指标名称|目标|备注";
        let body = "/绿色|甲*|#子1|完成|约束性|/|甲*|#子2|完成|约束性|/||#子3|完成|约束性|/|乙|5|预期性";
        let (rows, warnings) = table(header, body);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].group.as_ref().unwrap().text, "甲*");
        assert_eq!(rows[2].group.as_ref().unwrap().text, "");
        assert_eq!(rows[2].cells[1].text, "#子3");
        assert!(rows[3].group.is_none());
        assert!(warnings.is_empty());
    }

    #[test]
    fn counts_off_rows_run_together() {
        let (rows, _) = table("指标名称|目标|完成", "甲|1|2|乙|3|4|#丙||");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].cells[0].text, "#丙");
    }

    #[test]
    fn a_short_row_is_kept_with_a_warning() {
        let (rows, warnings) = table("序号|指标名称|目标|完成", "/1|甲|6|5|/2|乙|7|/3|丙|8|9");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells[3].text, "");
        assert_eq!(rows[2].cells[1].text, "丙");
        assert_eq!(warnings.len(), 1);
        let WarningKind::ShortRow { name, cells, columns, missing } = &warnings[0].kind else {
            panic!("{:?}", warnings[0]);
        };
        assert_eq!(
            (name.as_str(), *cells, *columns, missing.as_slice()),
            ("乙", 3, 4, &["完成".to_owned()][..])
        );
        assert!(warnings[0].to_string().contains("“乙”"), "{}", warnings[0]);
    }

    #[test]
    fn trailing_empty_cells_are_let_go() {
        let (rows, warnings) = table("序号|指标名称|目标", "/1|甲|6|/|");
        assert_eq!((rows.len(), warnings.len()), (1, 0));
    }

    #[test]
    fn a_truncated_table_warns() {
        let (rows, warnings) = table("序号|指标名称|目标|完成", "/1|甲|6|5|/2");
        assert_eq!(rows.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::UnplacedCells { cells: vec!["2".to_owned()] });
        assert!(warnings[0].to_string().contains("could not be placed"));
    }
}
