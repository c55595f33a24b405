//! Lists of titled works (民心工程, 民生实事): one work a line, `title：what was done` or
//! `1.title。what was done` or a bare `1.title`. The project is the title; in a review box the
//! rest of the line says how far it got.

use super::boxes::Block;
use super::project;
use super::split::{find_top_level, leading_label, numbering_len, split_top_level, trim_item};
use crate::model::{Project, Warning, WarningKind};
use crate::text::Trimmed;
use std::sync::Arc;

/// The longest title accepted; a longer first clause is a sentence, not a title.
const TITLE_MAX_CHARS: usize = 40;

/// One work: where its title starts and the text of its entry, continuation lines included.
struct Entry<'a> {
    line: usize,
    source: &'a str,
    text: String,
}

/// Reads the works of a 民心工程/民生实事 box.
pub fn read_titled(block: &Block, warnings: &mut Vec<Warning>) -> Vec<Project> {
    let mut projects = Vec::new();
    let mut group: Option<String> = None;
    for entry in entries(block) {
        let body = numbering_len(&entry.text).map_or(entry.text.as_str(), |len| &entry.text[len..]).trimmed();
        if let Some((label, _)) = leading_label(body, &['：', ':']).filter(|(_, after)| *after == body.len())
        {
            group = Some(label.to_owned());
            continue;
        }
        let (title, rest) = match find_top_level(body, &['：', ':', '。']) {
            Some(at) => {
                let stop = body[at..].chars().next().map_or(0, char::len_utf8);
                (&body[..at], &body[at + stop..])
            }
            None => (body, ""),
        };
        let title = trim_item(title);
        if title.is_empty() || title.chars().count() > TITLE_MAX_CHARS {
            warnings.push(Warning::new(
                entry.line,
                WarningKind::NoWorkTitle { caption: block.caption.to_owned() },
            ));
            continue;
        }
        let progress = if block.plan_year_box { None } else { progress_of(rest) };
        projects.push(project(
            block,
            title,
            group.clone().map(Arc::new),
            block.stage,
            progress.map(Arc::new),
            entry.line,
            entry.source,
        ));
    }
    projects
}

/// The box's entries. When the box numbers its entries, an unnumbered line continues the entry
/// above it; otherwise every line is an entry.
fn entries<'a>(block: &Block<'a>) -> Vec<Entry<'a>> {
    let numbered = block.lines.first().is_some_and(|(_, text)| numbering_len(text).is_some());
    let mut entries: Vec<Entry> = Vec::new();
    for &(line, text) in &block.lines {
        match entries.last_mut() {
            Some(entry) if numbered && numbering_len(text).is_none() => entry.text.push_str(text),
            _ => entries.push(Entry { line, source: text, text: text.to_owned() }),
        }
    }
    entries
}

/// What a review entry says about completion: the clause judged against the year's target
/// (`完成年度目标任务23%`) when there is one, else the whole statement (`建成城区两所小学，新增学位
/// 3780个`); `None` when the entry is a bare title.
fn progress_of(rest: &str) -> Option<String> {
    let statement = trim_item(rest);
    if statement.is_empty() {
        return None;
    }
    let judged = split_top_level(statement, &['，', '；', '。', ',', ';'])
        .map(|(_, clause)| trim_item(clause))
        .filter(|clause| clause.contains("目标"))
        .last();
    Some(judged.unwrap_or(statement).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_prefers_the_verdict_on_the_target() {
        assert_eq!(
            progress_of("主要是发展大道项目，完成投资6020万元，完成年度目标任务23%。").as_deref(),
            Some("完成年度目标任务23%")
        );
        assert_eq!(
            progress_of("建成城区两所小学，新增学位3780个。").as_deref(),
            Some("建成城区两所小学，新增学位3780个")
        );
        assert_eq!(progress_of("。"), None);
    }
}
