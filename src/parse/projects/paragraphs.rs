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
use crate::model::{Project, share_texts};
use crate::parse::Lines;
use crate::text::Trimmed;
use crate::text::is_section;
use std::sync::Arc;

/// The projects named in the paragraphs of `lines` (`lines[0]` is line 1) outside the lines
/// `covered` marks (`covered[i]` for line `i + 1`: boxes, tables), in document order, read a
/// section at a time as they are asked for (so that a long report's paragraph projects are never
/// all held apart from its other projects). Their sources are spans of `report_text`, the
/// report's text.
pub struct Paragraphs<'a> {
    lines: Lines<'a>,
    covered: &'a [bool],
    report_text: &'a Arc<String>,
    /// The index of the next line to read.
    next: usize,
    /// The heading of the part (`二、…`) and of the section (`（二）…`) being read.
    part: Option<(usize, &'a str)>,
    section: Option<(usize, &'a str)>,
    /// The paragraphs of the section being read, with their line numbers.
    paragraphs: Vec<(usize, &'a str)>,
    /// The projects of the sections read and not yet taken.
    found: std::vec::IntoIter<Project>,
}

impl<'a> Paragraphs<'a> {
    /// The paragraphs of `lines` outside `covered`, none read yet.
    pub fn new(lines: Lines<'a>, covered: &'a [bool], report_text: &'a Arc<String>) -> Paragraphs<'a> {
        Paragraphs {
            lines,
            covered,
            report_text,
            next: 0,
            part: None,
            section: None,
            paragraphs: Vec::new(),
            found: Vec::new().into_iter(),
        }
    }

    /// Reads on to the end of the next section (or of the text) and keeps its projects in
    /// `found`; `false` when the text is read to its end.
    fn read_section(&mut self) -> bool {
        while let Some(line) = self.lines.get(self.next) {
            let index = self.next;
            self.next += 1;
            let tabbed = || memchr::memchr(b'\t', line.as_bytes()).is_some();
            if self.covered.get(index).copied().unwrap_or(false) || tabbed() {
                continue;
            }
            let text = line.trimmed();
            if text.is_empty() {
                continue;
            }
            // A heading: `二、…` (a part) or `（二）…` (a section of it).
            let ended = is_section(text)
                .then(|| read_section(self.section.or(self.part), &mut self.paragraphs, self.report_text));
            if ended.is_some() {
                let heading = Some((index + 1, heading_text(text)));
                if text.starts_with(['（', '(']) {
                    self.section = heading;
                } else {
                    (self.part, self.section) = (heading, None);
                }
            }
            self.paragraphs.push((index + 1, text));
            if let Some(found) = ended {
                self.found = found.into_iter();
                return true;
            }
        }
        if self.paragraphs.is_empty() {
            return false;
        }
        self.found =
            read_section(self.section.or(self.part), &mut self.paragraphs, self.report_text).into_iter();
        true
    }
}

impl Iterator for Paragraphs<'_> {
    type Item = Project;

    fn next(&mut self) -> Option<Project> {
        loop {
            if let Some(project) = self.found.next() {
                return Some(project);
            }
            if !self.read_section() {
                return None;
            }
        }
    }
}

/// The projects of the paragraphs gathered under `heading` (its line and text; none before the
/// first heading), which are emptied; each line's projects share its texts.
fn read_section<'a>(
    heading: Option<(usize, &'a str)>,
    paragraphs: &mut Vec<(usize, &'a str)>,
    report_text: &Arc<String>,
) -> Vec<Project> {
    if paragraphs.is_empty() {
        return Vec::new();
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
    share_texts(&mut found);
    found
}

/// A heading as its caption: up to its first `。`, without it (`（一）总体要求。坚持…` → `（一）总体要求`).
fn heading_text(line: &str) -> &str {
    line.split('。').next().unwrap_or(line).trimmed()
}
