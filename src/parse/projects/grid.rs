//! Boxes laid out as tables, read as a [`Grid`] like any table: the one the file's format gave
//! (an HTML or Word table in the box), or the one a reader finds in the box's lines (Word's one
//! cell per line, TAB rows, pipe rows…). A header row naming a project column (`项目名称`,
//! `工程名称`, `名称`) makes the box a project table; each row then gives one project, with its
//! group, stage and progress from the columns that hold them. A row of one cell naming a section
//! (`一、交通类`, `（二）水利`) is a group label for the rows below it.

use super::boxes::Block;
use super::project;
use super::vocabulary::caption_stage;
use crate::document::PlacedTable;
use crate::grid::Grid;
use crate::model::{Project, Scope, Warning};
use crate::parse::Lines;
use crate::parse::readers::{self, Vocabulary};
use crate::text::{Trimmed, holds};
use regex::Regex;
use std::sync::{Arc, LazyLock};

/// The longest header cell; longer first cells are content, not a header.
const HEADER_MAX_CHARS: usize = 12;

/// Words of other header cells: `序号`, `建设内容`, `总投资（亿元）`, `备注`…
const HEADER_WORDS: [&str; 14] = [
    "序号", "内容", "规模", "投资", "地点", "年限", "单位", "备注", "时间", "目标", "金额", "亿元", "万元",
    "工期",
];

/// Section numbering opening a one-cell group row: `一、`, `（二）`.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
        .expect("section pattern")
});

/// What a column holds, read from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Group,
    Stage,
    Progress,
    Other,
}

impl Column {
    /// The role of a header cell, or `None` when the cell is not a header.
    fn of(header: &str) -> Option<Column> {
        // Too long to be a title (a line of prose, mostly): told before copying it.
        let letters = header.chars().filter(|c| !c.is_whitespace());
        if letters.clone().nth(HEADER_MAX_CHARS).is_some() {
            return None;
        }
        let header: String = letters.collect();
        if header.is_empty() {
            return None;
        }
        let header = header.as_str();
        let is = |words: &[&str]| words.iter().any(|word| holds(header, word));
        // `指标名称` names an indicator table's rows, not projects.
        let names_projects = is(&["名称"]) && !is(&["指标"]);
        let column = if names_projects || ["项目", "工程", "民心工程", "民生实事", "项目名"].contains(&header)
        {
            Column::Name
        } else if is(&["性质", "阶段"]) {
            Column::Stage
        } else if is(&["完成情况", "进展", "进度"]) {
            Column::Progress
        } else if is(&["类别", "类型", "领域", "分类", "行业"]) {
            Column::Group
        } else if is(&HEADER_WORDS) {
            Column::Other
        } else {
            return None;
        };
        Some(column)
    }
}

/// The words of project tables: a header names a project column beside at least one other.
pub(crate) const PROJECT: Vocabulary = Vocabulary {
    is_title: |text| Column::of(text).is_some(),
    is_header: |titles| titles.len() >= 2 && titles.iter().any(|t| Column::of(t) == Some(Column::Name)),
    spans_rows: |text| Column::of(text) == Some(Column::Group),
};

/// Reads a box laid out as a project table; `None` when the box holds no table with a header
/// row naming a project column (then it is a list box). `placed` are the tables the file's
/// format gave; `lines` the whole text (`lines[0]` is line 1).
pub fn read_grid(
    block: &Block,
    lines: Lines<'_>,
    placed: &[PlacedTable],
    warnings: &mut Vec<Warning>,
) -> Option<Vec<Project>> {
    let first = block.raw.iter().find(|(_, text)| !text.trimmed().is_empty())?.0 - 1;
    let last = block.raw.last().map_or(first, |(line, _)| *line);
    let grid = match placed.iter().find(|p| (first..last).contains(&p.lines.start)) {
        Some(table) => table.grid.clone(),
        None => {
            let read = readers::read_at(lines, first, &PROJECT, project_score)?;
            let scope = Scope::BoxTable(block.caption.to_owned());
            warnings.extend(read.warnings.into_iter().map(|w| w.in_table(scope.clone())));
            read.grid
        }
    };
    let (header, columns) = header(&grid)?;
    Some(read_rows(&grid, header, &columns, block, lines))
}

/// The group a section row names, without its numbering and its count: `一、基础设施（3个）` →
/// `基础设施`.
fn group_name(section: &str) -> String {
    let name = SECTION.replace(section, "");
    let name = name.trimmed();
    let counted = name.strip_suffix(['）', ')']).and_then(|rest| {
        let (label, count) = rest.rsplit_once(['（', '('])?;
        let count = count.trim_end_matches(['个', '项']);
        (!count.is_empty() && count.chars().all(|c| c.is_ascii_digit())).then_some(label)
    });
    counted.unwrap_or(name).trimmed().to_owned()
}

/// Whether a grid has a header row naming a project column.
pub fn is_project_table(grid: &Grid) -> bool {
    header(grid).is_some()
}

/// Scores a grid as a project table: its rows with a name under a project header.
fn project_score(grid: &Grid) -> usize {
    header(grid).map_or(0, |(row, columns)| {
        let name = columns.iter().position(|c| *c == Column::Name).unwrap_or(0);
        1 + (row + 1..grid.rows()).filter(|&r| !grid.text(r, name).is_empty()).count()
    })
}

/// The header row (the first row of project titles naming a project column) and its columns.
fn header(grid: &Grid) -> Option<(usize, Vec<Column>)> {
    (0..grid.rows().min(3)).find_map(|row| {
        let columns: Vec<Option<Column>> =
            (0..grid.cols()).map(|col| Column::of(grid.text(row, col))).collect();
        let titled = columns.iter().flatten().count();
        (titled >= 2 && columns.contains(&Some(Column::Name)))
            .then(|| (row, columns.into_iter().map(|c| c.unwrap_or(Column::Other)).collect()))
    })
}

/// One project per row under the header, grouped by section rows and the group column.
fn read_rows(
    grid: &Grid,
    header: usize,
    columns: &[Column],
    block: &Block,
    lines: Lines<'_>,
) -> Vec<Project> {
    let at = |role: Column| columns.iter().position(|column| *column == role);
    let mut group: Option<String> = None;
    let mut projects = Vec::new();
    for row in header + 1..grid.rows() {
        let cells: Vec<usize> = (0..columns.len()).filter_map(|col| grid.cell_index(row, col)).collect();
        if let Some(&only) = cells.first()
            && cells.iter().all(|&c| c == only)
            && SECTION.is_match(&grid.cells()[only].text)
        {
            group = Some(group_name(&grid.cells()[only].text));
            continue;
        }
        let filled =
            |role: Column| at(role).and_then(|col| grid.cell(row, col)).filter(|c| !c.text.is_empty());
        if let Some(text) = filled(Column::Group).map(|c| c.text.clone()) {
            group = Some(text);
        }
        let Some(name) = filled(Column::Name) else { continue };
        let stage = filled(Column::Stage).and_then(|c| caption_stage(&c.text)).or(block.stage);
        let progress = filled(Column::Progress).filter(|_| !block.plan_year_box).map(|c| c.text.clone());
        let source = lines.get(name.line.wrapping_sub(1)).unwrap_or(&name.text);
        let (group, progress) = (group.clone().map(Arc::new), progress.map(Arc::new));
        projects.push(project(block, &name.text, group, stage, progress, name.line, source));
    }
    projects
}
