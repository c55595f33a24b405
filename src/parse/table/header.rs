//! The header of an indicator table: which columns exist and in what order.
//!
//! The header is the run of cells at the top of a table that read as column titles (类别, 序号,
//! 指标名称, 2022年预期目标, 完成情况, 与目标±, 备注). A second header row of sub-titles under a
//! spanning title (`2020年完成` over `绝对值 | 增速`) splits that column in two; its placeholder
//! cells under the other titles are empty. A table is an indicator table when its header has a
//! name column and a target column.

use super::cells::Cell;
use crate::parse::caption::year_in;
use crate::text;

/// A header cell is a short title; anything longer is data.
const MAX_TITLE_CHARS: usize = 16;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// 类别: a merged cell naming the indicators' group.
    Category,
    /// 序号.
    Seq,
    /// 指标名称.
    Name,
    /// 单位: the unit, when not in the name.
    Unit,
    /// 预期目标, 计划目标, 目标.
    Target,
    /// 完成情况, 实际完成; one column per sub-title under a spanning 完成.
    Actual,
    /// 与目标±: the document's own comparison with the target.
    Difference,
    /// 备注 / 属性: 预期性 or 约束性.
    Remark,
    /// A titled column plangap does not use (`2021年基数`).
    Other,
}

/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Column {
    /// What it holds.
    pub role: Role,
    /// Its title, white space removed (`2022年预期目标`).
    pub title: String,
    /// The sub-title under a spanning title (`增速`), if any.
    pub sub: Option<String>,
}

impl Column {
    /// Whether the column gives a growth rate (`增速`, `增长`) rather than a level.
    pub fn is_growth(&self) -> bool {
        names_growth(self.sub.as_deref().unwrap_or(&self.title))
    }
}

/// Whether a title or an indicator name speaks of a growth rate (`增速`, `增长`, `增幅`).
pub(super) fn names_growth(text: &str) -> bool {
    ["增速", "增长", "增幅"].iter().any(|w| text.contains(w))
}

/// The columns of a table in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Index of the name column.
    pub name: usize,
    /// Index of the target column.
    pub target: usize,
}

impl Layout {
    /// Cells in an ordinary row.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// Index of the first column with `role`.
    pub fn find(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// Indices of the achieved-value columns.
    pub fn actuals(&self) -> Vec<usize> {
        (0..self.columns.len()).filter(|&i| self.columns[i].role == Role::Actual).collect()
    }

    /// Whether the table gives achieved values (a review table).
    pub fn is_review(&self) -> bool {
        self.find(Role::Actual).is_some()
    }

    /// The year named in the target column's title (`2022年预期目标` → 2022).
    pub fn target_year(&self) -> Option<u16> {
        self.columns.get(self.target).and_then(|c| year_in(&c.title))
    }
}

/// Reads the header at the start of `cells`: the layout and how many cells it took.
/// `None` when the cells do not start with a header naming a name column and a target column.
pub(super) fn read_header(cells: &[Cell]) -> Option<(Layout, usize)> {
    let mut top = Vec::new();
    for cell in cells {
        match role_of(&cell.text) {
            Some(role) => top.push(Column { role, title: cell.compact(), sub: None }),
            None => break,
        }
    }
    let rest = &cells[top.len()..];
    let (mut columns, used) =
        match rest.iter().take_while(|c| c.text.is_empty() || is_sub_title(&c.text)).count() {
            n if rest[..n].iter().any(|c| is_sub_title(&c.text)) => split_spanning(&top, &rest[..n]),
            _ => (top.clone(), 0),
        };
    let name = columns.iter().position(|c| c.role == Role::Name)?;
    let target = columns.iter().position(|c| c.role == Role::Target)?;
    set_aside_other_years(&mut columns, target);
    Some((Layout { columns, name, target }, top.len() + used))
}

/// An achieved column of another year than the target's (`2022年预计完成` beside `2023年目标` in a
/// plan table) is a base-year figure, not the result against the target: it becomes `Other`.
fn set_aside_other_years(columns: &mut [Column], target: usize) {
    let Some(target_year) = columns.get(target).and_then(|c| year_in(&c.title)) else { return };
    for column in columns.iter_mut().filter(|c| c.role == Role::Actual) {
        if year_in(&column.title).is_some_and(|year| year != target_year) {
            column.role = Role::Other;
        }
    }
}

/// Whether a trimmed cell reads as a column title.
pub(super) fn is_header_cell(text: &str) -> bool {
    role_of(text).is_some()
}

/// The role of a column from its title, `None` when the cell is not a title.
fn role_of(text: &str) -> Option<Role> {
    let title = text::fold(text);
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    let is = |words: &[&str]| words.contains(&title.as_str());
    let role = if has(&["±", "+-", "增减", "差距", "差值", "是否完成", "与目标", "比目标"]) {
        Role::Difference
    } else if has(&["类别"]) || is(&["分类", "类型", "领域", "指标类型"]) {
        Role::Category
    } else if is(&["序号", "编号", "序"]) {
        Role::Seq
    } else if is(&["单位", "计量单位"]) {
        Role::Unit
    } else if has(&["备注", "属性", "性质"]) {
        Role::Remark
    } else if has(&["完成", "实际", "实绩", "执行情况", "实现"]) {
        Role::Actual
    } else if has(&["名称"]) {
        Role::Name
    } else if has(&["目标", "预期"]) || title.ends_with("计划") || title.ends_with("计划数") {
        Role::Target
    } else if has(&["指标"]) || is(&["项目"]) {
        Role::Name
    } else if year_in(&title).is_some() && title.chars().count() <= 8 {
        Role::Other
    } else {
        return None;
    };
    Some(role)
}

/// A sub-title in a second header row (`绝对值`, `增速`).
fn is_sub_title(text: &str) -> bool {
    let title: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    title.chars().count() <= 8
        && ["绝对", "增速", "增长", "增幅", "总量", "数值"].iter().any(|w| title.contains(w))
}

/// Splits the spanning column(s) of `top` by the second header row `second`: an empty cell sits
/// under a column that does not span, consecutive sub-titles under the one that does. A second
/// row of sub-titles only splits the (last) achieved column. Returns the columns and how many
/// cells of `second` belong to the header.
fn split_spanning(top: &[Column], second: &[Cell]) -> (Vec<Column>, usize) {
    let sub = |column: &Column, cell: &Cell| Column { sub: Some(cell.compact()), ..column.clone() };
    if second.iter().all(|c| !c.text.is_empty()) {
        let at = top.iter().rposition(|c| c.role == Role::Actual).unwrap_or(top.len().saturating_sub(1));
        let mut columns = top[..at].to_vec();
        if let Some(spanning) = top.get(at) {
            columns.extend(second.iter().map(|cell| sub(spanning, cell)));
        }
        columns.extend(top.iter().skip(at + 1).cloned());
        return (columns, second.len());
    }
    let mut columns = Vec::new();
    let (mut t, mut spanning, mut used) = (0, false, 0);
    for cell in second {
        if cell.text.is_empty() {
            if spanning {
                t += 1;
                spanning = false;
            }
            let Some(column) = top.get(t) else { break };
            columns.push(column.clone());
            t += 1;
        } else {
            let Some(column) = top.get(t) else { break };
            spanning = true;
            columns.push(sub(column, cell));
        }
        used += 1;
    }
    if spanning {
        t += 1;
    }
    columns.extend(top.iter().skip(t).cloned());
    (columns, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<Cell> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Cell { text: t.to_string(), line: i + 1, after_blank: false })
            .collect()
    }

    fn roles(layout: &Layout) -> Vec<Role> {
        layout.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn reads_a_plan_header_with_remarks() {
        let (layout, used) =
            read_header(&cells(&["类别", "指  标  名  称", "2023年计划目标", "备注", "发展"])).unwrap();
        assert_eq!(used, 4);
        assert_eq!(roles(&layout), [Role::Category, Role::Name, Role::Target, Role::Remark]);
        assert_eq!(layout.target_year(), Some(2023));
        assert!(!layout.is_review());
    }

    #[test]
    fn splits_a_two_level_header() {
        let header = [
            "类别",
            "序号",
            "指标名称",
            "2020年计划目标",
            "2020年完成",
            "",
            "",
            "",
            "",
            "绝对值",
            "增速",
            "发展",
        ];
        let (layout, used) = read_header(&cells(&header)).unwrap();
        assert_eq!(used, 11);
        use Role::*;
        assert_eq!(roles(&layout), [Category, Seq, Name, Target, Actual, Actual]);
        assert_eq!(layout.columns[5].sub.as_deref(), Some("增速"));
        assert!(layout.columns[5].is_growth() && !layout.columns[4].is_growth());
    }

    #[test]
    fn reads_a_difference_column() {
        let (layout, _) =
            read_header(&cells(&["指      标", "2022年目标", "2022年完成", "与目标±", "1﹒GDP"])).unwrap();
        assert_eq!(roles(&layout), [Role::Name, Role::Target, Role::Actual, Role::Difference]);
    }

    #[test]
    fn a_base_year_column_does_not_make_a_review_table() {
        let (layout, _) = read_header(&cells(&["指标", "2022年预计完成", "2023年目标", "GDP"])).unwrap();
        assert_eq!(roles(&layout), [Role::Name, Role::Other, Role::Target]);
        assert!(!layout.is_review());
        assert_eq!(layout.target_year(), Some(2023));
    }

    #[test]
    fn a_project_box_is_not_an_indicator_table() {
        assert!(read_header(&cells(&["序号", "项目名称", "建设内容"])).is_none());
        assert!(read_header(&cells(&["项目名称", "年度计划投资"])).is_none());
        assert!(read_header(&cells(&["交通类：安习高速"])).is_none());
    }
}
