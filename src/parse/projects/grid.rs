//! Boxes laid out as tables: Word exports one cell per line after a TAB, an empty cell as a bare
//! TAB, and the text of a merged cell spilling onto lines without a TAB. A header row naming a
//! project column (`项目名称`, `工程名称`, `名称`) makes the box a project table; each row then
//! gives one project, with its group, stage and progress from the columns that hold them.

use super::boxes::Block;
use super::project;
use super::vocabulary::caption_stage;
use crate::model::{Project, Warning};
use regex::Regex;
use std::sync::LazyLock;

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
    /// The role of a header cell (white space removed), or `None` when the cell is not a header.
    fn of(header: &str) -> Option<Column> {
        let is = |words: &[&str]| words.iter().any(|word| header.contains(word));
        let column = if is(&["名称"]) || ["项目", "工程", "民心工程", "民生实事", "项目名"].contains(&header)
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

/// One cell: its 1-based line, the line as written, and its text (spilled lines joined).
struct Cell<'a> {
    line: usize,
    source: &'a str,
    text: String,
}

/// Reads a box laid out as a project table; `None` when the box has no header row with a
/// project column (then it is a list box). A row of one cell numbered like a section
/// (`一、交通类`, `（二）水利`) between rows is a group label for the rows below it.
pub fn read_grid(block: &Block, warnings: &mut Vec<Warning>) -> Option<Vec<Project>> {
    let (columns, after_header) = header(block)?;
    let width = columns.len();
    let at = |role: Column| columns.iter().position(|column| *column == role);
    let mut group: Option<String> = None;
    let mut projects = Vec::new();
    let mut row: Vec<Cell> = Vec::with_capacity(width);
    for cell in cells(&block.raw[after_header..]) {
        if row.is_empty() && SECTION.is_match(&cell.text) {
            group = Some(SECTION.replace(&cell.text, "").trim().to_owned());
            continue;
        }
        row.push(cell);
        if row.len() < width {
            continue;
        }
        let filled = |role: Column| at(role).and_then(|index| row.get(index)).filter(|c| !c.text.is_empty());
        if let Some(text) = filled(Column::Group).map(|c| c.text.clone()) {
            group = Some(text);
        }
        if let Some(name) = filled(Column::Name) {
            let stage = filled(Column::Stage).and_then(|c| caption_stage(&c.text)).or(block.stage);
            let progress = filled(Column::Progress).filter(|_| !block.plan_year_box).map(|c| c.text.clone());
            projects.push(project(
                block,
                name.text.clone(),
                group.clone(),
                stage,
                progress,
                name.line,
                name.source,
            ));
        }
        row.clear();
    }
    if let Some(first) = row.first() {
        warnings.push(Warning {
            line: first.line,
            message: format!(
                "the table in box `{}` ends with {} cell(s) that do not fill a row of {width}; they were left out",
                block.caption,
                row.len()
            ),
        });
    }
    Some(projects)
}

/// The header row: the first run of TAB-led short cells that are header words, when one of them
/// names the project column. Returns the columns and the index in `block.raw` after the header.
fn header(block: &Block) -> Option<(Vec<Column>, usize)> {
    let start = block.raw.iter().position(|(_, text)| !text.trim().is_empty())?;
    let mut columns = Vec::new();
    let mut end = start;
    for (_, text) in &block.raw[start..] {
        let bare: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
        let column = Column::of(&bare).filter(|_| bare.chars().count() <= HEADER_MAX_CHARS);
        match column {
            Some(column) if text.starts_with('\t') => columns.push(column),
            _ => break,
        }
        end += 1;
    }
    (columns.len() >= 2 && columns.contains(&Column::Name)).then_some((columns, end))
}

/// The cells after the header: a TAB-led line opens a cell (empty for a bare TAB), a line without
/// a TAB continues the cell above it, blank lines separate rows and are skipped.
fn cells<'a>(raw: &[(usize, &'a str)]) -> Vec<Cell<'a>> {
    let mut cells: Vec<Cell> = Vec::new();
    for &(line, text) in raw {
        if text.starts_with('\t') {
            cells.push(Cell { line, source: text, text: text.trim().to_owned() });
        } else if !text.trim().is_empty() {
            match cells.last_mut() {
                Some(cell) => cell.text.push_str(text.trim()),
                None => cells.push(Cell { line, source: text, text: text.trim().to_owned() }),
            }
        }
    }
    cells
}
