//! The boxes of a report: captions (`专栏3：…`, `表1  …`), where each box ends, and what kind of
//! box it is by its caption.

use super::split::numbering_len;
use super::vocabulary::caption_stage;
use crate::document::PlacedTable;
use crate::model::{Stage, TextSpan};
use crate::parse::Lines;
use crate::parse::caption::{caption_title, is_caption, year_in};
use crate::text::Trimmed;
use regex::Regex;
use std::cell::{OnceCell, RefCell};
use std::sync::{Arc, LazyLock};

/// How a box is read, decided from its caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// An indicator table (`…主要指标计划`, a header with `指标名称`): never a project box.
    Indicator,
    /// A list of titled works (民心工程, 民生实事): one project per line, named by its title.
    Titled,
    /// A caption that names projects (`重点项目`, `工程`): every list in it names projects.
    Listed,
    /// Any other caption: a project box only if its content is mostly project lists.
    Other,
}

/// One captioned box and the lines it holds.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// The caption as written, trimmed.
    pub caption: &'a str,
    /// 1-based line of the caption.
    pub line: usize,
    /// The box's non-empty lines, trimmed, with their 1-based numbers.
    pub lines: Vec<(usize, &'a str)>,
    /// Every line of the box as written (empty ones and leading TABs kept), with its number.
    /// An indicator box, which is never read for projects, keeps none of its lines (nor
    /// [`Block::lines`]): only where it ends.
    pub raw: Vec<(usize, &'a str)>,
    /// 1-based line of the box's last line (the caption's when the box holds none).
    pub last: usize,
    /// How the box is read.
    pub kind: BoxKind,
    /// The box sets targets for the plan year (rather than reviewing a past year).
    pub plan_year_box: bool,
    /// The stage a plain list in this box is in, from the caption or the plan year.
    pub stage: Option<Stage>,
    /// The texts its projects share, each made once.
    pub shared: SharedTexts,
}

/// The texts the projects of one box share, made when the first project needs them: its
/// caption, and the last source line (the projects of a line come one after another), so that
/// a box with a thousand projects holds its caption once without a thousand copies made and
/// dropped ([`crate::model::share_texts`] then finds them shared already). A source line of the
/// report's text is a span of it ([`SharedTexts::within`]): no copy at all.
#[derive(Debug, Clone, Default)]
pub struct SharedTexts {
    caption: OnceCell<Arc<String>>,
    source: RefCell<Option<TextSpan>>,
    /// The report's whole text, whose lines the sources are spans of.
    text: Option<Arc<String>>,
}

impl SharedTexts {
    /// Texts whose source lines are spans of `text` (the report's text), when they are in it.
    pub fn within(text: Option<&Arc<String>>) -> SharedTexts {
        SharedTexts { text: text.cloned(), ..SharedTexts::default() }
    }

    /// The caption, `caption` made once.
    pub fn caption(&self, caption: &str) -> Arc<String> {
        Arc::clone(self.caption.get_or_init(|| Arc::new(caption.to_owned())))
    }

    /// `source` as a shared text: a span of the report's text when it is a slice of it (a line
    /// as written), else the last one given, when equal, or a copy.
    pub fn source(&self, source: &str) -> TextSpan {
        if let Some(span) = self.text.as_ref().and_then(|text| TextSpan::of(text, source)) {
            return span;
        }
        let mut last = self.source.borrow_mut();
        match &*last {
            Some(shared) if **shared == *source => shared.clone(),
            _ => last.insert(TextSpan::from(source)).clone(),
        }
    }

    /// `name` as a span of `source` (a [`SharedTexts::source`]): where it stands when it is a
    /// slice of it (a list's item as the readers cut it from its line), else where `source`
    /// first holds it ([`TextSpan::within`]). A name reads only as the text it spans, and either
    /// span lies within the source, as [`crate::model::share_texts`] needs: the place is not
    /// searched for.
    pub fn name(&self, source: &TextSpan, name: &str) -> TextSpan {
        let line = source.as_str();
        let inside = (name.as_ptr() as usize)
            .checked_sub(line.as_ptr() as usize)
            .is_some_and(|at| at.checked_add(name.len()).is_some_and(|end| end <= line.len()));
        let held = self.text.as_ref().filter(|_| inside).and_then(|text| TextSpan::of(text, name));
        held.unwrap_or_else(|| source.within(name))
    }
}

/// Finds every captioned box in `lines` (`lines[0]` is line 1). `plan_year` is the report's plan
/// year, when its title names one; it tells plan boxes from review boxes.
pub fn find_blocks<'a>(lines: Lines<'a>, plan_year: Option<u16>) -> Vec<Block<'a>> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some(caption) = lines.get(index).and_then(|line| caption_line(line)) else {
            index += 1;
            continue;
        };
        let mut next = index + 1;
        while let Some(line) = lines.get(next) {
            if caption_line(line).is_some() || (!line.starts_with('\t') && ends_box(line.trimmed())) {
                break;
            }
            next += 1;
        }
        // Made once the box's end is known, at its size (not grown line by line).
        let mut raw = Vec::with_capacity(next - index - 1);
        raw.extend((index + 1..next).filter_map(|at| Some((at + 1, lines.get(at)?))));
        blocks.push(classify(caption, index + 1, raw, plan_year));
        index = next;
    }
    blocks
}

/// Boxes for the tables the file's format gave (HTML, Word) that no captioned box holds
/// (`附件：2024年重点项目表` over a table): each is a box of its own, captioned by the line just
/// before it when that line is short, holds no sentence and belongs to no table, else by nothing.
pub fn table_blocks<'a, 'p>(
    lines: Lines<'a>,
    tables: impl IntoIterator<Item = &'p PlacedTable>,
    boxed: &[Block],
    plan_year: Option<u16>,
) -> Vec<Block<'a>> {
    let in_box = |line: usize| boxed.iter().any(|block| (block.line..=block.last).contains(&line));
    let tables: Vec<&PlacedTable> = tables.into_iter().collect();
    let in_table = |index: usize| tables.iter().any(|table| table.lines.contains(&index));
    let mut blocks = Vec::new();
    for table in &tables {
        if table.lines.is_empty() || in_box(table.lines.start + 1) {
            continue;
        }
        let before = table.lines.start.checked_sub(1).filter(|&index| !in_table(index));
        let caption =
            before.and_then(|index| Some((index, lines.get(index)?.trimmed()))).filter(|(_, text)| {
                !text.is_empty()
                    && text.chars().count() <= MAX_TABLE_CAPTION_CHARS
                    && !text.contains(['。', '，'])
            });
        let (caption, line) = caption.map_or(("", table.lines.start + 1), |(index, text)| (text, index + 1));
        let raw = table.lines.clone().filter_map(|index| Some((index + 1, lines.get(index)?))).collect();
        blocks.push(classify(caption, line, raw, plan_year));
    }
    blocks
}

/// The longest line read as the caption of a table the file's format gave.
const MAX_TABLE_CAPTION_CHARS: usize = 40;

/// The line trimmed, when it is a caption. Most lines are ruled out by their first character
/// (a caption opens with `表`, `附表` or `专栏`) before they are trimmed and matched.
fn caption_line(line: &str) -> Option<&str> {
    if !line.trimmed_start().starts_with(['表', '附', '专']) {
        return None;
    }
    let trimmed = line.trimmed();
    is_caption(trimmed).then_some(trimmed)
}

/// Whether a trimmed line is ordinary prose or a document heading, which closes any open box
/// (a line led by a TAB is a table cell and never does):
/// `（三）…`; `三、2023年…` (a numbered heading naming a year or longer than a box's own
/// sub-headings such as `一、区级重点项目`); `一是…`; `各位代表…`; a note `注：…`; or a paragraph
/// opening with a short topic sentence (`加快提振居民消费。统筹推进…`) that is not numbered.
fn ends_box(line: &str) -> bool {
    /// The characters a heading of [`HEADING`] or [`SECTION`] may start with.
    const HEADING_FIRST: &[char] =
        &['（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '各', '注', '备'];
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|各位代表|注[：:]|备注[：:])")
            .expect("heading pattern")
    });
    static SECTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]{1,3}、").expect("section pattern"));
    if line.starts_with(HEADING_FIRST) {
        if HEADING.is_match(line) {
            return true;
        }
        if SECTION.is_match(line) {
            return year_in(line).is_some() || line.chars().count() > 16;
        }
    }
    opens_with_topic_sentence(line)
}

/// A paragraph of prose: an unnumbered line whose first sentence is a short phrase without
/// commas or a label (`社会治理更加用情。强化重大风险…`), followed by more text.
fn opens_with_topic_sentence(line: &str) -> bool {
    // A topic of at most 16 characters ends within the first 17.
    let Some((stop, _)) = line.char_indices().take(17).find(|&(_, ch)| ch == '。') else {
        return false;
    };
    if numbering_len(line).is_some() {
        return false;
    }
    let topic = &line[..stop];
    let rest = line[stop + '。'.len_utf8()..].trimmed();
    let topic_chars = topic.chars().count();
    (2..=16).contains(&topic_chars)
        && !topic.contains(['，', '：', '、', ',', ':'])
        && rest.chars().count() >= 20
}

/// Decides a box's kind, its plan-or-review side and its default stage from the caption.
fn classify<'a>(
    caption: &'a str,
    line: usize,
    raw: Vec<(usize, &'a str)>,
    plan_year: Option<u16>,
) -> Block<'a> {
    let title = caption_title(caption);
    let lines: Vec<(usize, &str)> = raw
        .iter()
        .map(|(number, text)| (*number, text.trimmed()))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let indicator_header = lines.iter().any(|(_, text)| is_indicator_header(text));
    let kind = if title.contains("指标") || indicator_header {
        BoxKind::Indicator
    } else if ["民心工程", "民生实事", "实事"].iter().any(|word| title.contains(word)) {
        BoxKind::Titled
    } else if title.contains("项目") || title.contains("工程") {
        BoxKind::Listed
    } else {
        BoxKind::Other
    };
    let year = year_in(title);
    let plan_year_box = match (year, plan_year) {
        (Some(year), Some(plan)) => year >= plan,
        _ => title.contains("计划") && !title.contains("完成"),
    };
    let stage = caption_stage(title).or(plan_year_box.then_some(Stage::Planned));
    let last = raw.last().map_or(line, |(number, _)| *number);
    // The lines of an indicator box are never read again: not holding them until every box
    // is read keeps a long report's peak memory down.
    let (lines, raw) = match kind {
        BoxKind::Indicator => (Vec::new(), Vec::new()),
        _ => (lines, raw),
    };
    Block { caption, line, lines, raw, last, kind, plan_year_box, stage, shared: SharedTexts::default() }
}

/// Whether a box line is an indicator table's header: white space aside, `指标` alone or
/// `指标名称…` (one walk from the start, which most lines leave at their first character).
fn is_indicator_header(text: &str) -> bool {
    compact_after(text, "指标").is_some_and(|mut rest| match rest.next() {
        None => true,
        Some(next) => next == '名' && rest.next() == Some('称'),
    })
}

/// The characters of `text` after `prefix`, white space left out (`指 标 名 称`), when the text
/// starts with it.
fn compact_after<'a>(text: &'a str, prefix: &str) -> Option<impl Iterator<Item = char> + 'a> {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    prefix.chars().all(|p| chars.next() == Some(p)).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;

    #[test]
    fn captions_with_and_without_space_or_tab() {
        for caption in [
            "专栏1：2022年完工投产重大项目",
            "专栏 4：2023年项目",
            "专栏1： 2023年政府投资项目计划",
            "表1  2022年指标",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        assert!(!is_caption("表1中的数据说明了很多问题。"));
        assert!(!is_caption("专栏"));
    }

    #[test]
    fn prose_and_headings_close_a_box() {
        assert!(ends_box("（三）坚持以扩投资促消费为抓手"));
        assert!(ends_box("三、2023年国民经济和社会发展主要任务"));
        assert!(ends_box("二是推动服务业提档升级。深入抓好现代服务业规划、服务业实施意见等系列政策落实落细"));
        assert!(ends_box("加快提振居民消费。统筹推进城区商圈、特色街镇、旅游景点、文化街区提升打造。"));
        assert!(!ends_box("一、区级重点项目"));
        assert!(!ends_box("1. 材料。开工建设卡涞高性能复合材料二期、联洋18000吨高性能纤维复合材料等项目。"));
        assert!(!ends_box("交通类：完成投资6亿元。包括老瀛山环线公路、G210东溪场镇改线工程等7个项目。"));
    }

    #[test]
    fn indicator_headers_white_space_aside() {
        for header in ["指标", "指 标", "指标名称", "指标名称\t单位", " 指 标 名 称 "] {
            assert!(is_indicator_header(header), "{header}");
        }
        for line in ["指标体系", "指标名", "主要指标", "", "指", "指标名单"] {
            assert!(!is_indicator_header(line), "{line}");
        }
    }

    #[test]
    fn plan_and_review_boxes() {
        let text = LinedText::from_lines(&[
            "专栏1：2022年完工投产重大项目",
            "甲、乙等项目。",
            "专栏2：2023年重点项目计划",
        ]);
        let blocks = find_blocks(text.lines(), Some(2023));
        assert_eq!(blocks.len(), 2);
        assert_eq!((blocks[0].plan_year_box, blocks[0].stage), (false, Some(Stage::Completed)));
        assert_eq!((blocks[1].plan_year_box, blocks[1].stage), (true, Some(Stage::Planned)));
        assert_eq!(blocks[0].lines, vec![(2, "甲、乙等项目。")]);
    }
}
