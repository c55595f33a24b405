//! Lists of projects inside a box: `交通类：安习高速、…等项目。`, `1．交通：开工…等项目；加快建设…`,
//! `包括…等7个项目，其中：…3个项目全面完工`, with group labels on the line or on a line above.

use super::boxes::Block;
use super::project;
use super::split::{
    TopLevel, find_top_level, has_top_level, leading_label, numbering_len, split_top_level, trim_item,
};
use super::vocabulary::{
    caption_stage, clean_name, has_project_tail, is_statement, leading_verb, trailing_verdict,
};
use crate::model::{Project, Stage, Warning, WarningKind};
use crate::text::{Trimmed, holds};
use regex::Regex;
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

/// How much of a box's text counts as a project list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The caption names projects: plain lists and the object of any stage verb are projects.
    Caption,
    /// The caption does not: only lists after a stage verb, `包括` or before a verdict, and only
    /// when they end the way project lists do (`等…项目`, a name ending in `项目`/`工程`).
    Content,
}

/// The projects read from a box, and how much of the box they came from.
#[derive(Debug, Default)]
pub struct Listing {
    /// The projects in document order (duplicates not yet merged).
    pub projects: Vec<Project>,
    /// Sentences in the box outside headings, except those stating nothing but figures.
    pub sentences: usize,
    /// Sentences that held at least one project list.
    pub project_sentences: usize,
}

impl Listing {
    /// Whether project lists make up at least half of the box's sentences (and there is one):
    /// a box whose caption does not name projects is read for its lists then.
    pub fn mostly_projects(&self) -> bool {
        self.project_sentences > 0 && self.project_sentences * 2 >= self.sentences
    }

    /// Whether the box can no longer be [`Listing::mostly_projects`], however many of the `more`
    /// sentences still to read that may hold a project list do: each adds one to both counts at
    /// most, and every other sentence adds nothing to the project count.
    fn never_mostly_projects(&self, more: usize) -> bool {
        self.project_sentences + more == 0 || self.sentences > 2 * self.project_sentences + more
    }
}

/// The marks that end a sentence of a box line.
const SENTENCE_ENDS: &[char] = &['。', '！', '!'];

/// Characters that close a list line; a list line without one runs on into the next line.
const LINE_END: &[char] = &['。', '；', ';', '！', '!', '？', '?', '：', ':'];

/// Words that introduce a list without a stage: `包括…`, `其中：…`.
const INTRODUCTIONS: [&str; 6] = ["主要包括", "包括", "其中：", "其中:", "其中", "主要有"];

/// Lines joined where a list runs over several lines, with where each source line starts.
struct Logical<'a> {
    /// The joined text: the line itself unless a list runs on.
    text: Cow<'a, str>,
    /// (byte offset in `text`, 1-based line, the source line) for each joined line.
    starts: Vec<(usize, usize, &'a str)>,
}

impl Logical<'_> {
    /// The source line holding byte `offset` of the joined text.
    fn source_at(&self, offset: usize) -> (usize, &str) {
        self.starts
            .iter()
            .rev()
            .find(|(start, _, _)| *start <= offset)
            .or(self.starts.first())
            .map_or((0, ""), |(_, line, source)| (*line, *source))
    }

    /// Whether the text is a list still waiting for its end: a top-level `、` after the numbering
    /// and no closing mark.
    fn is_open(&self) -> bool {
        !self.text.ends_with(LINE_END) && has_top_level(body_of(&self.text), &['、'])
    }
}

/// Everything that applies to the lists on one line.
struct Context {
    /// Shared by the projects it applies to.
    group: Option<Arc<String>>,
    stage: Option<Stage>,
}

/// A list found in a clause, before it is split into names.
struct Found<'t> {
    list: &'t str,
    stage: Option<Stage>,
    /// A stage was stated for this list itself (verb or verdict), not carried from around it.
    own_stage: bool,
    progress: Option<String>,
}

/// Reads the project lists of a box. In [`Mode::Content`], reading stops once the box can no
/// longer be [`Listing::mostly_projects`] (its projects, counts and warnings are then of the
/// lines read, and go unused).
pub fn read_lists(block: &Block, mode: Mode, warnings: &mut Vec<Warning>) -> Listing {
    let logicals = join_lines(block, warnings);
    // Only a box read for its content stops early, by this bound.
    let most_from = match mode {
        Mode::Content => most_list_sentences_from(&logicals),
        Mode::Caption => Vec::new(),
    };
    let mut listing = Listing::default();
    let mut heading = Context { group: None, stage: None };
    for (index, logical) in logicals.iter().enumerate() {
        if mode == Mode::Content && listing.never_mostly_projects(most_from[index]) {
            break;
        }
        // The line's separators, found once it is read (never for the lines after a stop).
        let top = &TopLevel::new(&logical.text);
        let body = body_of(&logical.text);
        if let Some(label) = heading_label(body, |piece, targets| top.find(piece, targets)) {
            let followed_by_heading = logicals
                .get(index + 1)
                .is_none_or(|next| heading_label(body_of(&next.text), find_top_level).is_some());
            let (line, source) = logical.source_at(0);
            let numbered = numbering_len(&logical.text).is_some();
            if mode == Mode::Caption && followed_by_heading && numbered && !body.ends_with(['：', ':']) {
                let name = clean_name(body, true);
                let stage = heading.stage.or(block.stage);
                listing.projects.push(project(block, name, heading.group.clone(), stage, None, line, source));
                continue;
            }
            if mode == Mode::Caption && followed_by_heading {
                let (label, caption) = (label.to_owned(), block.caption.to_owned());
                warnings.push(Warning::new(line, WarningKind::HeadingWithoutList { label, caption }));
            }
            heading = Context { group: Some(Arc::new(label.to_owned())), stage: caption_stage(label) };
            continue;
        }
        read_line(block, mode, (logical, top), &heading, &mut listing, warnings);
    }
    listing
}

/// For each logical line, the most sentences with a project list it and the lines after it may
/// hold: their sentences that hold `等`, `项目` or `工程`. In [`Mode::Content`] a list must end
/// the way project lists do ([`has_project_tail`]: `等…`, `…项目`, `…工程`), and it is a piece of
/// its sentence, so a sentence holding none of these words holds no list (a cheap literal test
/// for each line, and for each sentence of a line that passes it).
fn most_list_sentences_from(logicals: &[Logical]) -> Vec<usize> {
    let may_list = |text: &str| holds(text, "等") || holds(text, "项目") || holds(text, "工程");
    let mut most: Vec<usize> = logicals
        .iter()
        .map(|logical| {
            let text: &str = &logical.text;
            if !may_list(text) {
                return 0;
            }
            split_top_level(text, SENTENCE_ENDS).filter(|(_, sentence)| may_list(sentence)).count()
        })
        .collect();
    for index in (1..most.len()).rev() {
        most[index - 1] += most[index];
    }
    most
}

/// Joins lines where a list runs on (`…高庙度假区` / `连接道（一期）、…等项目。`); warns when the
/// box ends while a list is still open.
fn join_lines<'a>(block: &Block<'a>, warnings: &mut Vec<Warning>) -> Vec<Logical<'a>> {
    let mut logicals: Vec<Logical> = Vec::new();
    for &(line, text) in &block.lines {
        match logicals.last_mut() {
            Some(open) if open.is_open() && !starts_entry(text) => {
                open.starts.push((open.text.len(), line, text));
                open.text.to_mut().push_str(text);
            }
            _ => logicals.push(Logical { text: Cow::Borrowed(text), starts: vec![(0, line, text)] }),
        }
    }
    if let Some(last) = logicals.last().filter(|last| last.is_open()) {
        let (line, _) = last.source_at(last.text.len());
        warnings.push(Warning::new(line, WarningKind::ListCutOff { caption: block.caption.to_owned() }));
    }
    logicals
}

/// Whether a line starts an entry of its own rather than continuing a list: numbered, labelled,
/// or a heading.
fn starts_entry(text: &str) -> bool {
    numbering_len(text).is_some()
        || leading_label(text, &['：', ':']).is_some()
        || heading_label(text, find_top_level).is_some()
}

/// The line without its numbering.
fn body_of(text: &str) -> &str {
    numbering_len(text).map_or(text, |len| &text[len..]).trimmed()
}

/// A heading or a label standing on its own line (`1．社会投资项目`, `交通类：`): the label.
/// `find` finds top-level separators in `body` ([`find_top_level`], or [`TopLevel::find`] with
/// the separators of the line `body` belongs to).
fn heading_label(body: &str, find: impl Fn(&str, &[char]) -> Option<usize>) -> Option<&str> {
    let bare = body.trim_end_matches(['：', ':']).trimmed();
    let short = bare.chars().count() <= 20;
    let plain = find(bare, &['、', '，', '。', '；', ',', ';', '：', ':']).is_none();
    (short && plain && !bare.is_empty()).then_some(bare)
}

/// Reads the lists on one logical line, whose separators `top` holds.
fn read_line(
    block: &Block,
    mode: Mode,
    (logical, top): (&Logical, &TopLevel),
    heading: &Context,
    listing: &mut Listing,
    warnings: &mut Vec<Warning>,
) {
    let numbered = numbering_len(&logical.text).is_some();
    let body = body_of(&logical.text);
    let label = top.leading_label(body, &['：', ':']).or_else(|| {
        top.leading_label(body, &['。']).filter(|(label, _)| numbered && label.chars().count() <= 10)
    });
    let (group, rest) = match label {
        Some((label, after)) => (Some(Arc::new(label.to_owned())), &body[after..]),
        None => (heading.group.clone(), body),
    };
    let mut context =
        Context { stage: label.and_then(|(label, _)| caption_stage(label)).or(heading.stage), group };
    let mut placed = false;
    for (_, sentence) in top.split(rest, SENTENCE_ENDS) {
        let mut carried: Option<Stage> = None;
        let mut figures_only = true;
        let mut lists_here = false;
        for (_, clause) in top.split(sentence, &['，', '；', ',', ';']) {
            let found = match read_clause(clause, mode, &mut context, &mut carried, top) {
                Clause::Empty => continue,
                Clause::Figures => {
                    placed = true;
                    continue;
                }
                Clause::Other => {
                    figures_only = false;
                    continue;
                }
                Clause::List(found) => found,
            };
            figures_only = false;
            let stage = if found.own_stage {
                found.stage
            } else {
                carried.filter(|_| found.progress.is_none()).or(context.stage).or(block.stage)
            };
            let before = listing.projects.len();
            push_names(block, (logical, top), &found, stage, &context, listing);
            lists_here |= listing.projects.len() > before;
        }
        if !figures_only {
            listing.sentences += 1;
        }
        if lists_here {
            listing.project_sentences += 1;
            placed = true;
        }
    }
    if !placed && mode == Mode::Caption {
        let (line, _) = logical.source_at(0);
        warnings.push(Warning::new(line, WarningKind::NoProjectList { caption: block.caption.to_owned() }));
    }
}

/// What one clause of a box says.
enum Clause<'t> {
    /// Nothing but an introduction or punctuation.
    Empty,
    /// Figures or counts (`完成投资6亿元`, `新开工项目38个`).
    Figures,
    /// A list of projects.
    List(Found<'t>),
    /// Anything else: a measure, a result, a remark.
    Other,
}

/// Reads one clause: a statement of figures (which may name the stage of what follows), or a
/// list after a verb, before a verdict, after `包括`, or (in caption mode) a plain list. `top`
/// holds the separators of its line.
fn read_clause<'t>(
    clause: &'t str,
    mode: Mode,
    context: &mut Context,
    carried: &mut Option<Stage>,
    top: &TopLevel,
) -> Clause<'t> {
    let clause = clause.trimmed();
    let (clause, introduced) = INTRODUCTIONS
        .iter()
        .find_map(|word| clause.strip_prefix(word).map(|rest| (rest.trimmed(), true)))
        .unwrap_or((clause, false));
    if trim_item(clause).is_empty() {
        return Clause::Empty;
    }
    if is_statement(clause) {
        if let Some(stage) = caption_stage(clause) {
            context.stage = Some(stage);
        }
        return Clause::Figures;
    }
    let found = if let Some((stage, after)) = leading_verb(clause) {
        let list = &clause[after..];
        let stage = if trim_item(list).ends_with("前期工作") { Some(Stage::Planned) } else { stage };
        *carried = stage.or(*carried);
        Found { list, stage, own_stage: stage.is_some(), progress: None }
    } else if let Some(verdict) = trailing_verdict(clause) {
        let list = &clause[..verdict.start];
        Found { list, stage: verdict.stage, own_stage: verdict.stage.is_some(), progress: verdict.progress }
    } else if introduced || (mode == Mode::Caption && looks_like_list(clause, top)) {
        Found { list: clause, stage: None, own_stage: false, progress: None }
    } else {
        return Clause::Other;
    };
    let accepted = match mode {
        Mode::Caption => !trim_item(found.list).is_empty(),
        Mode::Content => has_project_tail(found.list),
    };
    if accepted { Clause::List(found) } else { Clause::Other }
}

/// A plain clause that lists names: several items, a `等…项目` tail, or one project noun.
fn looks_like_list(clause: &str, top: &TopLevel) -> bool {
    top.find(clause, &['、', '；', ';']).is_some() || has_project_tail(clause)
}

/// Splits a list at top-level `、`/`；` and adds one project per name. (A name never holds a
/// top-level `。`: the line was split into sentences there.)
fn push_names(
    block: &Block,
    (logical, top): (&Logical, &TopLevel),
    found: &Found,
    stage: Option<Stage>,
    context: &Context,
    listing: &mut Listing,
) {
    let items = list_items(found.list, top);
    let last = items.len().saturating_sub(1);
    let progress = found.progress.clone().map(Arc::new);
    for (index, piece) in items.iter().enumerate() {
        let name = clean_name(piece, index == last);
        if name.chars().nth(1).is_none() {
            continue;
        }
        let offset = (piece.as_ptr() as usize).saturating_sub(logical.text.as_ptr() as usize);
        let (line, source) = logical.source_at(offset);
        let (group, progress) = (context.group.clone(), progress.clone());
        listing.projects.push(project(block, name, group, stage, progress, line, source));
    }
}

/// The items of a list: pieces between top-level `、`/`；`, where a piece that cannot stand alone
/// joins the next one: a bare place of one or two characters sharing the next item's noun
/// (`隆盛、赶水10万千瓦集中式光伏项目`), or a number mark (`二期工程12#、13#散货泊位`). `top`
/// holds the separators of the list's line.
fn list_items<'t>(list: &'t str, top: &TopLevel) -> Vec<&'t str> {
    static NUMBER_MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d+\s*[#＃号]$").expect("number mark pattern"));
    let mut items = Vec::new();
    let mut joined_from: Option<usize> = None;
    for (offset, piece) in top.split(list, &['、', '；', ';']) {
        let start = joined_from.take().unwrap_or(offset);
        let bare = trim_item(piece);
        let number_mark = bare.ends_with(['#', '＃', '号']) && NUMBER_MARK.is_match(bare);
        if bare.chars().nth(2).is_none() || number_mark {
            joined_from = Some(start);
            continue;
        }
        items.push(&list[start..offset + piece.len()]);
    }
    if let Some(start) = joined_from {
        items.push(&list[start..]);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every run of sentences (each counted or not, each with a list or not), read one by one:
    /// once the early verdict says the box can never be mostly projects, it is not at the end,
    /// even when only the sentences with a list are known to may hold one (the tightest bound).
    #[test]
    fn the_early_verdict_is_the_final_one() {
        // 0: a sentence of figures only (not counted), 1: counted, 2: counted with a list.
        for runs in 0..3usize.pow(8) {
            let kinds: Vec<usize> = (0..8).map(|k| runs / 3usize.pow(k) % 3).collect();
            let mut listing = Listing::default();
            let mut early = false;
            for (read, &kind) in kinds.iter().enumerate() {
                let lists_ahead = kinds[read..].iter().filter(|&&kind| kind == 2).count();
                early |= listing.never_mostly_projects(lists_ahead);
                listing.sentences += usize::from(kind > 0);
                listing.project_sentences += usize::from(kind == 2);
            }
            assert!(!(early && listing.mostly_projects()), "{kinds:?}");
        }
    }

    #[test]
    fn only_sentences_holding_a_list_word_are_counted() {
        let texts = ["甲等。乙项目！丙", "（甲等。乙）丙工程", "", "甲!乙。", "甲工程!乙项目。丙等"];
        let logicals: Vec<Logical> =
            texts.iter().map(|text| Logical { text: Cow::Borrowed(text), starts: Vec::new() }).collect();
        assert_eq!(most_list_sentences_from(&logicals), [2 + 1 + 3, 1 + 3, 3, 3, 3]);
    }
}
