//! Project lists from the 专栏 boxes, and projects named in ordinary paragraphs: one
//! [`Project`] per named project, with its group, stage and, for completion lists, its progress.
//!
//! # Which boxes are project boxes
//! Every caption (`专栏N：…`, `表N …`, with or without a leading TAB or a space) opens a box that
//! runs to the next caption or to where ordinary prose resumes (a `（三）…` or `三、2023年…`
//! heading, `一是…`, `各位代表`, a `注：` note, or an unnumbered paragraph opening with a short
//! topic sentence such as `加快提振居民消费。…`). Then, by caption:
//! - an indicator table (`…主要指标计划`, or a header with `指标名称`) is never a project box;
//! - a caption naming 民心工程/民生实事/实事 is a list of titled works: one project per line,
//!   named by its title (`新建城区两所小学：建成城区两所小学…` → `新建城区两所小学`);
//! - a caption naming 项目 or 工程 (`重大项目`, `重点项目`, `政府投资项目计划`) is a project box:
//!   every list in it names projects, plain lists included, and so do numbered items standing
//!   on their own lines with no list under them (`1.甲水库工程`);
//! - any other caption (`…重点任务`, `…建设重点`, `…推动改革落地情况`) is a project box only
//!   when at least half of its sentences hold a project list after a stage verb (`开工建设`,
//!   `加快推进`, `建成投产`…), after `包括`, or before a verdict (`…3个项目全面完工`), ending the
//!   way project lists do (`等…项目`, a name ending in `项目`/`工程`); those lists are read, and
//!   so are the projects named in the box's other sentences. In other boxes, only projects
//!   named in their sentences are read (`新建萌动乐园、欣悦园等口袋公园10个`,
//!   `建成投用区数字化城市运行和治理中心`, `綦江抽水蓄能电站完成…`; see `prose.rs`, and
//!   `names.rs` for what counts as a name).
//!
//! A box laid out as a table (TAB-led cells under a header row with a `项目名称`/`名称` column) is
//! a project table whatever its caption: one project per row, named by that column. A table the
//! file's format gave (HTML, Word) with such a header outside any captioned box is a box of its
//! own, captioned by the short line before it (`附件：2024年重点项目表`). The boxes of
//! the sample reports that start with a TAB (涪陵 专栏1–3, 荣昌 专栏1–4) are single-cell tables
//! holding text, so they are read as lists.
//!
//! # Stage
//! The verb before a list, or the verdict after it, wins; else a stage word in the line's label,
//! heading or count statement (`新开工项目38个`, `续建项目：`, `市级重大前期项目10个`); else the
//! caption's (`完工投产重大项目` completed, `新建…重点项目` new, `重大前期项目` planned); else
//! `planned` in a plan-year box and none in a review box. `完成` counts as completed, a list
//! ending in `…前期工作` as planned.
//!
//! # Progress
//! In review boxes of titled works, the clause judged against the year's target
//! (`完成年度目标任务23%`) or else the whole statement after the title. In other review boxes, a
//! verdict of that kind after a list (`…等6个项目完成年度目标任务`).
//!
//! # Paragraphs
//! Outside the boxes and the tables the file's format gave, the paragraphs are read sentence by
//! sentence as the sentences of a box are, to a higher bar (see `paragraphs.rs` and
//! `prose::Bar::Paragraph`): a list the text calls projects (`加快推进甲、乙等项目建设`,
//! `甲、乙等3个项目全面完工`), or a list holding a name only projects have (`…水库`, `…高速`,
//! `…工程`, `…二期`) after a stage verb (`开工建设`, `建成`, `加快推进`; not `实施`) or before a
//! stated stage (`力争黔北数据中心二期开工`). Lists of kinds and sectors (`一批…`, `交通、水利、
//! 市政设施等项目`), lists opened by an action the verbs do not know (`成功引进甲、乙等项目`) and
//! tasks (`推进老旧小区改造`) name none. Such a project's `table` is the nearest heading above it
//! (`（二）扎实推进项目建设`, else `二、2024年重点项目安排`) and its group is null. A name a box
//! also lists is kept in both places: each is a place the project is mentioned, which is what
//! the finder answers. Paragraph projects do not hide their lines from the narrative readers
//! (only box lines do): a paragraph naming projects may state a result against its target.
//!
//! A name listed twice in one box (`包括…` and then `其中：…`) is one project: its first mention
//! is kept, completed by what later mentions add. Counts without names (`高新区建设项目38个`)
//! name no project (a box of only such counts gives none); an empty project box, or a line in a
//! box that cannot be read, becomes a warning.

mod boxes;
mod grid;
mod keyed;
mod list;
mod names;
mod paragraphs;
mod prose;
mod split;
mod stated;
mod titled;
mod vocabulary;

use crate::document::PlacedTable;
use crate::hashing::ByName;
use crate::model::{Project, Stage, Warning, WarningKind, share_texts};
use crate::parse::Lines;
use crate::text::{Trimmed, holds};
use boxes::{Block, BoxKind};
#[cfg(test)]
pub(crate) use grid::PROJECT;
pub(crate) use grid::is_project_table;
use list::{Mode, read_lists};
use std::collections::VecDeque;
use std::sync::Arc;

/// The projects of a report: those of its boxes and tables, and those its paragraphs name.
#[derive(Debug, Default)]
pub struct Projects {
    /// Every project in document order: the boxes' and tables' box by box, with those named in
    /// paragraphs outside them ([`paragraphs`]) among them by line. A name a box also lists is
    /// kept in a paragraph too: each is a place it is mentioned.
    pub all: Vec<Project>,
    /// The lines of the projects of boxes and tables (in order, each once in a row): lines that
    /// are not prose.
    pub box_lines: Vec<usize>,
}

/// Finds every named project in the project boxes of `lines` (`lines[0]` is line 1), and in the
/// paragraphs outside boxes and tables. `plan_year` (from the title block) tells plan-year boxes,
/// whose plain lists are planned projects. A box whose lines hold rows of the indicator tables
/// (`indicator_lines`, 1-based, in order) is one of those tables, not a box of projects.
/// `text` is the report's text that `lines` are lines of: the projects' source lines are spans
/// of it.
pub fn parse_projects(
    text: &Arc<String>,
    lines: Lines<'_>,
    placed: &[PlacedTable],
    indicator_lines: &[usize],
    plan_year: Option<u16>,
    warnings: &mut Vec<Warning>,
) -> Projects {
    let mut projects = Vec::new();
    let mut blocks = boxes::find_blocks(lines, plan_year);
    let project_tables = placed.iter().filter(|table| grid::is_project_table(&table.grid));
    let more = boxes::table_blocks(lines, project_tables, &blocks, plan_year);
    if !more.is_empty() {
        blocks.extend(more);
        blocks.sort_by_key(|block| block.line);
    }
    let covered = covered_lines(lines.len(), &blocks, placed);
    let mut in_paragraphs = paragraphs::Paragraphs::new(lines, &covered, text).peekable();
    let mut box_lines: Vec<usize> = Vec::new();
    let mut blocks = VecDeque::from(blocks);
    while let Some(mut block) = blocks.pop_front() {
        // The boxes read are let go of as the list shrinks: a long report's thousands of boxes
        // are not all held to the end.
        if blocks.len() < blocks.capacity() / 4 {
            blocks.shrink_to_fit();
        }
        block.shared = boxes::SharedTexts::within(Some(text));
        let holds_indicators =
            block.lines.iter().any(|(line, _)| indicator_lines.binary_search(line).is_ok());
        if block.kind == BoxKind::Indicator || holds_indicators {
            continue;
        }
        let mut found = match grid::read_grid(&block, lines, placed, warnings) {
            Some(rows) => rows,
            None => read_box(&block, warnings),
        };
        share_texts(&mut found);
        if block.lines.is_empty() && block.kind != BoxKind::Other {
            warnings
                .push(Warning::new(block.line, WarningKind::EmptyBox { caption: block.caption.to_owned() }));
        }
        // No paragraph is inside a box: those above it come before all of its projects.
        while let Some(named) = in_paragraphs.next_if(|named| (named.line as usize) < block.line) {
            projects.push(named);
        }
        let found = merge_mentions(found);
        // Each line once in a row: only the new lines are compared, never the whole list again.
        for line in found.iter().map(|project| project.line as usize) {
            if box_lines.last() != Some(&line) {
                box_lines.push(line);
            }
        }
        projects.extend(found);
    }
    projects.extend(in_paragraphs);
    // The report keeps the projects to the end: without the room the vector grew into (up to
    // half of it on a long report).
    projects.shrink_to_fit();
    Projects { all: projects, box_lines }
}

/// One flag per line (index 0 is line 1): the line belongs to a box (its caption to its last
/// line) or to a table the file's format gave.
fn covered_lines(count: usize, blocks: &[Block], placed: &[PlacedTable]) -> Vec<bool> {
    let mut covered = vec![false; count];
    let boxed = blocks.iter().map(|block| block.line - 1..block.last);
    for lines in boxed.chain(placed.iter().map(|table| table.lines.clone())) {
        for flag in covered.get_mut(lines).into_iter().flatten() {
            *flag = true;
        }
    }
    covered
}

/// Reads a box that is not laid out as a table, the way its kind says.
fn read_box(block: &Block, warnings: &mut Vec<Warning>) -> Vec<Project> {
    match block.kind {
        BoxKind::Indicator => Vec::new(),
        BoxKind::Titled => titled::read_titled(block, warnings),
        BoxKind::Listed => read_lists(block, Mode::Caption, warnings).projects,
        BoxKind::Other => read_by_content(block, warnings),
    }
}

/// Reads a box whose caption does not name projects, keeping its lists only when project lists
/// make up at least half of its sentences; else only the projects its sentences name
/// ([`prose::read_prose`]).
fn read_by_content(block: &Block, warnings: &mut Vec<Warning>) -> Vec<Project> {
    let mut own_warnings = Vec::new();
    let listing = read_lists(block, Mode::Content, &mut own_warnings);
    if !listing.mostly_projects() {
        return prose::read_prose(block, prose::Bar::Box);
    }
    warnings.append(&mut own_warnings);
    let mut projects = listing.projects;
    let more: Vec<Project> = prose::read_prose(block, prose::Bar::Box)
        .into_iter()
        .filter(|named| !projects.iter().any(|listed| same_project(listed, named)))
        .collect();
    projects.extend(more);
    projects.sort_by_key(|project| project.line);
    projects
}

/// Whether two mentions on one line name one project, one spelling holding the other
/// (`…EOD` in a list, `…EOD项目` in a sentence).
fn same_project(a: &Project, b: &Project) -> bool {
    a.line == b.line && (holds(&a.name, &b.name) || holds(&b.name, &a.name))
}

/// Merges repeated mentions of one name in a box into its first mention.
fn merge_mentions(found: Vec<Project>) -> Vec<Project> {
    // Each mention's first mention, by index, found while the names can still be borrowed.
    let first_of: Vec<usize> = {
        let mut first: ByName<&str, usize> =
            ByName::with_capacity_and_hasher(found.len(), Default::default());
        found
            .iter()
            .enumerate()
            .map(|(index, project)| *first.entry(&*project.name).or_insert(index))
            .collect()
    };
    let mut merged: Vec<Project> = Vec::with_capacity(found.len());
    // Where each first mention went in `merged`.
    let mut merged_at = vec![0; found.len()];
    for (index, project) in found.into_iter().enumerate() {
        let first = first_of[index];
        if first == index {
            merged_at[index] = merged.len();
            merged.push(project);
            continue;
        }
        let kept = &mut merged[merged_at[first]];
        kept.stage = kept.stage.or(project.stage);
        kept.progress = kept.progress.take().or(project.progress);
        kept.group = kept.group.take().or(project.group);
    }
    merged
}

/// Builds one project of `block`. The name is a span of its source line when the line holds
/// it (no copy of its own); the group and the progress may be shared with other projects.
fn project(
    block: &Block,
    name: &str,
    group: Option<Arc<String>>,
    stage: Option<Stage>,
    progress: Option<Arc<String>>,
    line: usize,
    source: &str,
) -> Project {
    let source = block.shared.source(source.trimmed());
    Project {
        name: block.shared.name(&source, name),
        group,
        table: block.shared.caption(block.caption),
        stage,
        progress,
        // A line number fits: a text longer than 4 GiB is never parsed.
        line: u32::try_from(line).unwrap_or(u32::MAX),
        source,
    }
}
