//! The body rows of a grid, one slot per header column.
//!
//! A grid from markup (HTML, Word, PDF) has every slot filled: a spanning cell covers the rows
//! and columns it spans. A grid read from text does not know spans: a cell that spans rows
//! (`经济发展` over four indicators, `预期性` over a block) is written once, in its first row, and
//! the rows below it are short. A short row is placed by what its cells look like: the name is
//! words, targets and results are values, an attribute is `预期性`/`约束性`; the columns left
//! without a cell are the ones a span covers, and a category or attribute column takes the cell
//! of the row above. A row with one cell more than the header whose extra cell follows the name
//! (a name written over two cells) gives the name both.

use super::header::{Column, Header, Role};
use super::indicator::revision_in;
use crate::grid::Grid;
use crate::model::ValueForm;
use crate::parse::value::value_form;
use crate::text::Trimmed;

/// Short rows missing more cells than this are placed from the left.
const MAX_MISSING: usize = 4;

/// One body row: the grid cell (index into [`Grid::cells`]) in each header column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BodyRow {
    /// The grid row.
    pub row: usize,
    /// Per header column, the cell in it.
    pub slots: Vec<Option<usize>>,
    /// The distinct cells of the name, left to right (two for a group cell beside a sub-row's
    /// name, or a name written over two cells).
    pub names: Vec<usize>,
}

/// The body rows of `grid` under `header`, short rows placed.
pub(crate) fn body_rows(grid: &Grid, header: &Header) -> Vec<BodyRow> {
    body_rows_after(grid, header, Vec::new())
}

/// `rows`, the body rows of the first rows of `grid` under `header` as [`body_rows`] placed them
/// (in a grid that held those rows, or more), followed by the body rows after them: a row is
/// placed by its own cells, the spans from above and the row before it, never by the rows after.
pub(crate) fn body_rows_after(grid: &Grid, header: &Header, mut rows: Vec<BodyRow>) -> Vec<BodyRow> {
    let width = header.width();
    let name_columns = header.all(Role::Name);
    // A header with blank-titled columns past its last title (a spacer column) is as wide as
    // rows that fill them: such rows hold no name written over two cells.
    let header_spans_past_titles = (0..header.rows).any(|row| grid.cell(row, width).is_some());
    let first = header.rows + rows.len();
    rows.reserve(grid.rows().saturating_sub(first));
    for row in first..grid.rows() {
        // The cells that start in the row: a range of indices, collected only for a short row.
        let own = grid.row_range(row);
        let spanned = (0..width).any(|col| grid.cell(row, col).is_some_and(|c| c.row < row));
        let mut slots: Vec<Option<usize>> = (0..width).map(|col| grid.cell_index(row, col)).collect();
        let covered = slots.iter().filter(|s| s.is_some()).count();
        let mut names: Vec<usize> = Vec::new();
        if !spanned && covered < width && !own.is_empty() {
            let own: Vec<usize> = own.collect();
            slots = place_short_row(grid, header, &own, rows.last());
        } else if !spanned && own.len() == width + 1 && name_columns.len() == 1 && !header_spans_past_titles {
            let at = own.start + name_columns[0];
            if !is_value(&grid.cells()[at + 1].text) {
                names = vec![at, at + 1];
                slots = own.filter(|&i| i != at + 1).map(Some).collect();
            }
        }
        if names.is_empty() {
            for &col in &name_columns {
                if let Some(index) = slots.get(col).copied().flatten()
                    && !names.contains(&index)
                {
                    names.push(index);
                }
            }
        }
        rows.push(BodyRow { row, slots, names });
    }
    rows
}

/// Places the cells `own` of a short row in the header's columns, the best fit by content;
/// columns left without a cell take the cell above when they hold categories or attributes.
fn place_short_row(
    grid: &Grid,
    header: &Header,
    own: &[usize],
    above: Option<&BodyRow>,
) -> Vec<Option<usize>> {
    let width = header.width();
    let missing = width - own.len();
    let mut slots = vec![None; width];
    let chosen = if missing <= MAX_MISSING {
        best_gaps(grid, header, own, missing)
    } else {
        (own.len()..width).collect()
    };
    let mut cells = own.iter();
    for (col, slot) in slots.iter_mut().enumerate() {
        if chosen.contains(&col) {
            let spans_down = matches!(header.columns[col].role, Role::Category | Role::Remark);
            *slot = above.filter(|_| spans_down).and_then(|a| a.slots[col]);
        } else {
            *slot = cells.next().copied();
        }
    }
    slots
}

/// The columns to leave empty (`missing` of them) that make the cells fit best.
fn best_gaps(grid: &Grid, header: &Header, own: &[usize], missing: usize) -> Vec<usize> {
    let width = header.width();
    let mut best: (i32, Vec<usize>) = (i32::MIN, Vec::new());
    let mut gaps: Vec<usize> = (0..missing).collect();
    loop {
        let mut score = 0;
        let mut cells = own.iter();
        for col in 0..width {
            let role = header.columns[col].role;
            score += if gaps.contains(&col) {
                gap_fit(&header.columns[col])
            } else {
                cells.next().map_or(0, |&i| cell_fit(&grid.cells()[i].text, role))
            };
        }
        if score > best.0 {
            best = (score, gaps.clone());
        }
        if !next_combination(&mut gaps, width) {
            return best.1;
        }
    }
}

/// Advances `gaps` to the next combination of its size from `0..n`; false after the last.
fn next_combination(gaps: &mut [usize], n: usize) -> bool {
    let k = gaps.len();
    for i in (0..k).rev() {
        if gaps[i] < n - k + i {
            gaps[i] += 1;
            for j in i + 1..k {
                gaps[j] = gaps[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// How well a column without a cell fits: columns that span rows are the likely ones; a growth
/// column under a target or result (`2024年` over `目标值 | 增长（%）`) more than the value beside
/// it, whose cell may span both (`完成市下达目标`).
fn gap_fit(column: &Column) -> i32 {
    match column.role {
        Role::Category | Role::Remark | Role::Seq | Role::Unit => 0,
        Role::Other | Role::Difference => -1,
        Role::Actual | Role::Target if column.sub.is_some() && column.is_growth() => -1,
        Role::Actual | Role::Target => -2,
        Role::Name => -6,
    }
}

/// How well a cell's text fits a column.
fn cell_fit(text: &str, role: Role) -> i32 {
    let text = text.trimmed();
    if text.is_empty() {
        return 0;
    }
    // A target revised in its cell (`8左右（后调整为3左右）`) is a value too; a unit's sign alone
    // (`%`) is none.
    let unit_sign = matches!(text, "%" | "％" | "‰");
    let revised_value = || revision_in(text).is_some_and(|(target, _)| is_value(target));
    let value = !unit_sign && (is_value(text) || revised_value());
    let attribute = text.contains("约束") || text.contains("预期");
    let worded = text.chars().any(char::is_alphabetic);
    match role {
        Role::Name => {
            if value {
                -4
            } else if worded {
                3
            } else {
                -2
            }
        }
        Role::Category => {
            if value {
                -3
            } else {
                1
            }
        }
        Role::Target | Role::Actual | Role::Difference => {
            if value {
                2
            } else if attribute {
                -3
            } else {
                -1
            }
        }
        Role::Remark => {
            if attribute {
                3
            } else {
                -2
            }
        }
        Role::Seq => {
            if text.chars().all(|c| c.is_ascii_digit()) {
                2
            } else {
                -2
            }
        }
        Role::Unit => {
            if unit_sign {
                2
            } else if text.chars().count() <= 4 && !text.chars().any(|c| c.is_ascii_digit()) {
                1
            } else {
                -1
            }
        }
        Role::Other => 0,
    }
}

/// Whether a cell reads as a target or a result rather than a name (a dash placeholder does;
/// an empty cell does not).
pub(crate) fn is_value(text: &str) -> bool {
    !text.trimmed().is_empty() && reads_as_value(text, &value_form(text))
}

/// Whether a cell whose text reads as `form` ([`value_form`]) reads as a target or a result:
/// [`is_value`] for a cell already read.
pub(crate) fn reads_as_value(text: &str, form: &ValueForm) -> bool {
    match form {
        ValueForm::Qualitative => false,
        ValueForm::Completion(_) | ValueForm::NotTracked => true,
        _ => text.chars().any(|c| c.is_ascii_digit()) || !text.chars().any(crate::text::is_han),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Layout;
    use crate::parse::table::header::read_header;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::of_rows(Layout::Tab, rows)
    }

    fn texts(grid: &Grid, row: &BodyRow) -> Vec<String> {
        row.slots.iter().map(|s| s.map_or("-".to_owned(), |i| grid.cells()[i].text.clone())).collect()
    }

    #[test]
    fn short_rows_take_spanning_cells_from_above() {
        let g = grid(&[
            &["类别", "指标", "目标", "完成", "属性"],
            &["经济", "GDP增速（%）", "7", "6.1", "预期性"],
            &["投资增速（%）", "10", "3"],
            &["质量", "森林覆盖率（%）", "55", "55.2", "约束性"],
            &["空气优良天数", "≥325", "330"],
        ]);
        let header = read_header(&g).unwrap();
        let rows = body_rows(&g, &header);
        assert_eq!(texts(&g, &rows[1]), ["经济", "投资增速（%）", "10", "3", "预期性"]);
        assert_eq!(texts(&g, &rows[3]), ["质量", "空气优良天数", "≥325", "330", "约束性"]);
    }

    #[test]
    fn rows_placed_in_parts_are_the_rows_placed_at_once() {
        let rows: [&[&str]; 6] = [
            &["类别", "指标", "目标", "完成", "属性"],
            &["经济", "GDP增速（%）", "7", "6.1", "预期性"],
            &["投资增速（%）", "10", "3"],
            &["质量", "森林覆盖率（%）", "55", "55.2", "约束性"],
            &["空气优良天数", "≥325", "330"],
            &["民生", "居民收入增长", "7", "5.2", "预期性"],
        ];
        let whole = grid(&rows);
        let header = read_header(&whole).unwrap();
        for cut in header.rows..=rows.len() {
            let first = body_rows(&grid(&rows[..cut]), &header);
            assert_eq!(body_rows_after(&whole, &header, first), body_rows(&whole, &header), "{cut}");
        }
    }

    #[test]
    fn a_revised_target_is_a_value_and_a_unit_sign_no_name() {
        let g = grid(&[
            &["类别", "指标", "单位", "2023年目标", "2023年完成", "2024年目标", "属性"],
            &["经济", "GDP增长", "%", "7左右", "4.1", "5左右", "预期性"],
            &["投资增长", "%", "8左右（后调整为3左右）", "-5.9", "4", "预期性"],
        ]);
        let header = read_header(&g).unwrap();
        let rows = body_rows(&g, &header);
        assert_eq!(
            texts(&g, &rows[1]),
            ["经济", "投资增长", "%", "8左右（后调整为3左右）", "-5.9", "4", "预期性"]
        );
    }

    #[test]
    fn a_percent_sign_is_a_unit_beside_a_target_spanning_two_columns() {
        let g = grid(&[
            &["类别", "指标名称", "单位", "2024年目标", "增长（%）", "属性"],
            &["经济", "地区生产总值", "亿元", "1230", "6", "预期性"],
            &["绿色", "能耗降低", "%", "完成市下达目标", "约束性"],
        ]);
        let header = read_header(&g).unwrap();
        let rows = body_rows(&g, &header);
        assert_eq!(texts(&g, &rows[1]), ["绿色", "能耗降低", "%", "完成市下达目标", "-", "约束性"]);
    }

    #[test]
    fn a_name_over_two_cells_is_one_name() {
        let g = grid(&[&["指标", "目标", "完成"], &["单位地区生产总值能耗", "降低率", "3", "3.2"]]);
        let header = read_header(&g).unwrap();
        let rows = body_rows(&g, &header);
        assert_eq!(rows[0].names.len(), 2);
        assert_eq!(texts(&g, &rows[0]), ["单位地区生产总值能耗", "3", "3.2"]);
    }

    #[test]
    fn combinations_run_through() {
        let mut gaps = vec![0, 1];
        let mut all = vec![gaps.clone()];
        while next_combination(&mut gaps, 4) {
            all.push(gaps.clone());
        }
        assert_eq!(all.len(), 6);
    }
}
