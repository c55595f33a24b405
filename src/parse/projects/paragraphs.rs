//! Projects named in ordinary paragraphs, outside any box or table: the way most districts
//! without 专栏 boxes name them (`加快推进娄山关景区提升、高桥工业园区标准厂房等项目建设`,
//! `开工建设藻渡水库、…等15个重点项目`, `力争黔北数据中心二期开工`), in the review part and the
//! plan part alike.
//!
//! The sentences are read as the sentences of a box are ([`prose::names_in`]) but to the higher
//! bar of paragraphs ([`Bar::Paragraph`]): only lists the text calls projects, and names ending
//! in a word only projects end in after a stage verb or before a stated stage. Each project's
//! `table` is the nearest heading above it (`（二）扎实推进项目建设`, else `二、2024年重点项目安排`),
//! as written up to its first `。`; its stage is the verb's.

use super::boxes::{Block, BoxKind, SharedTexts};
use super::prose::{self, Bar};
use crate::model::Project;
use crate::parse::Lines;
use crate::parse::table::name::is_section;
use crate::text::Trimmed;
use std::sync::Arc;

/// The projects named in the paragraphs of `lines` (`lines[0]` is line 1) outside the lines
/// `covered` marks (`covered[i]` for line `i + 1`: boxes, tables), in document order. Their
/// sources are spans of `report_text`, the report's text.
pub fn read_paragraphs(lines: Lines<'_>, covered: &[bool], report_text: &Arc<String>) -> Vec<Project> {
    let mut projects = Vec::new();
    let mut part: Option<(usize, &str)> = None;
    let mut section: Option<(usize, &str)> = None;
    let mut paragraphs: Vec<(usize, &str)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if covered.get(index).copied().unwrap_or(false) || line.contains('\t') {
            continue;
        }
        let text = line.trimmed();
        if text.is_empty() {
            continue;
        }
        // A heading: `二、…` (a part) or `（二）…` (a section of it).
        if is_section(text) {
            read_section(section.or(part), &mut paragraphs, &mut projects, report_text);
            let heading = Some((index + 1, heading_text(text)));
            if text.starts_with(['（', '(']) {
                section = heading;
            } else {
                (part, section) = (heading, None);
            }
        }
        paragraphs.push((index + 1, text));
    }
    read_section(section.or(part), &mut paragraphs, &mut projects, report_text);
    projects
}

/// Reads the paragraphs gathered under `heading` (its line and text; none before the first
/// heading) and empties them.
fn read_section<'a>(
    heading: Option<(usize, &'a str)>,
    paragraphs: &mut Vec<(usize, &'a str)>,
    projects: &mut Vec<Project>,
    report_text: &Arc<String>,
) {
    if paragraphs.is_empty() {
        return;
    }
    let (line, caption) = heading.unwrap_or((paragraphs[0].0, ""));
    let last = paragraphs.last().map_or(line, |(number, _)| *number);
    let block = Block {
        caption,
        line,
        lines: std::mem::take(paragraphs),
        raw: Vec::new(),
        last,
        kind: BoxKind::Other,
        plan_year_box: false,
        stage: None,
        shared: SharedTexts::within(Some(report_text)),
    };
    let mut found = prose::read_prose(&block, Bar::Paragraph);
    found.dedup_by(|later, earlier| later.line == earlier.line && later.name == earlier.name);
    projects.extend(found);
}

/// A heading as its caption: up to its first `。`, without it (`（一）总体要求。坚持…` → `（一）总体要求`).
fn heading_text(line: &str) -> &str {
    line.split('。').next().unwrap_or(line).trimmed()
}
