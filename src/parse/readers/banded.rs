//! Rows drawn over several lines: `pdftotext -layout` of a table whose cells wrap.
//!
//! A PDF table's row is as tall as its tallest cell. `pdftotext -layout` prints the short cells of
//! a row (its values) on one line, the *value line*, the lines of a wrapped name around it, and a
//! merged cell (a 类别 over several rows) wherever its text stood on the page. The columns drift:
//! a value line's cells may stand one space apart, many columns away from their titles. So:
//! 1. the header is the run of lines at the start whose pieces (parted by two or more spaces) all
//!    read as column titles or sub-titles; its columns are the titles of the line with the most, and the
//!    sub-titles of a line below it (`绝对值 增速`) under a title of a line above (`完成情况`);
//!    titles one space apart that each read as a title are separate columns (`lynx -dump`); a
//!    header whose first row `lynx -dump` printed one title per line, its second row on one line
//!    after them, is read as such, the columns then placed by the value lines alone;
//! 2. a value line is cut into words at every space, except a space between a number and its
//!    words (`8 以上`, `增长 6.5%`, `52 亿元`, `提高 1 个百分点`);
//! 3. the words of a value line go to the columns in order, each column taking a run of them (or
//!    none), where they sit nearest the columns' positions, learnt from the value lines that fill
//!    every column;
//! 4. a line of loose text (no value) goes to the column nearest it and to the nearest value line
//!    of its block (the lines between blank lines), first to one whose own line left that column
//!    empty; loose text in a column whose cells span rows (the vocabulary says which: 类别) is
//!    joined over its lines and given to the value line nearest its middle (the first to the
//!    first row), the interpreter carrying it down to the next.
//!
//! Positions are counted in characters where the value lines line up better so (`pdftotext` and
//! `lynx -dump` place every character, CJK or not, in one column of a grid), else in display
//! columns (`w3m`, pandoc).
//!
//! The interpreter scores what this reader gives like any other grid, so a table it cannot place
//! is refused there with a warning naming the table.

mod band;

use super::aligned::{Measure, Piece, close_cjk_gaps, is_rule, pieces, pieces_by};
use super::{Read, Vocabulary, has_gap, unescape};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::parse::caption::{is_bare_caption, is_caption, year_in};
use crate::parse::table::align::is_value;
use crate::parse::table::header::{MAX_TITLE_CHARS, is_sub_title, is_year_label};
use crate::parse::value::is_value_prefix;
use crate::text::is_section;
use crate::text::{Trimmed, holds_ideographic_space, holds_white_space};
use std::cmp::Reverse;
use unicode_width::UnicodeWidthStr;

/// The words of a 属性 column: they may stand one space from a number but are not its unit.
const ATTRIBUTE_WORDS: [&str; 2] = ["预期性", "约束性"];
/// Starts of titles this close (in display columns) are one column.
const SAME_COLUMN: usize = 3;
/// A header has at most this many lines.
const MAX_HEADER_LINES: usize = 4;
/// A header printed one title per line has at most this many titles so.
const MAX_STACKED_TITLES: usize = 12;
/// A header line is at most this long (UTF-8 bytes, about 100 CJK characters); longer is prose.
const MAX_HEADER_LINE_BYTES: usize = 300;
/// A piece of a header line is cut into at most this many titles (`pdftotext -layout` sets the
/// titles of a whole line one space apart: `单位 2022 年 2023 年 2024 年目标 增长(%)`).
const MAX_TITLES_PER_PIECE: usize = 6;
/// A line of loose text wider than this (display columns) is prose, not a wrapped cell.
const MAX_LOOSE_WIDTH: usize = 30;
/// A word of a value line wider than this (display columns) is prose, not a cell.
const MAX_WORD_WIDTH: usize = 48;
/// More blank lines than this in a row end the table.
const MAX_BLANK_RUN: usize = 2;
/// Lines of one spanning cell's text are at most this far apart.
const LABEL_GAP: usize = 2;
/// What placing a second word in a column costs, in display columns of distance.
const JOIN_COST: usize = 4;
/// What a value in a column of text (or text in a column of values) costs.
const KIND_COST: usize = 20;
/// What a word in a column to be left empty costs ([`place_avoiding`]).
const AVOIDED_COST: usize = 1000;
/// Times the columns' positions are learnt again from the words placed in them.
const REFINEMENTS: usize = 2;

/// A column of the header: its title, line and where it starts.
#[derive(Debug, Clone)]
struct Leaf {
    x: usize,
    title: String,
    line: usize,
    /// Whether the title comes from a line below the main header line (`绝对值` under `完成情况`).
    sub: bool,
}

/// A title over several sub-titles (`完成情况` over `绝对值 | 增速`).
#[derive(Debug, Clone)]
struct Parent {
    title: String,
    line: usize,
    /// Index of the first leaf under it.
    first: usize,
    span: usize,
}

/// The header's columns, left to right, and the titles over them.
#[derive(Debug, Clone)]
struct Header {
    leaves: Vec<Leaf>,
    parents: Vec<Parent>,
    /// Index of the first line after the header.
    end: usize,
    /// Whether the leaves stand where their columns do; not when the titles were printed one per
    /// line ([`read_stacked_header`]), and the columns are only where the value lines put them.
    placed: bool,
}

/// A line of the table body.
#[derive(Debug, Clone)]
enum BodyLine {
    /// A row's values and whatever else its line holds, cut into words.
    Values(Vec<Piece>),
    /// Text without a value: parts of wrapped cells, one piece a cell (the tops of a row's
    /// wrapped values stand side by side: `完成嘉兴下达任    完成嘉兴下达任`).
    Loose(Vec<Piece>),
    /// A section's label alone on its line (`一、经济发展`, `二、约束性指标`), or after its
    /// numeral (`（一）   经济发展`): a row across the table, not part of a cell.
    Section(Section),
    Blank,
}

/// A section's label and the numeral printed apart before it, if one was.
#[derive(Debug, Clone)]
struct Section {
    number: Option<String>,
    label: String,
}

/// Where a column stands, whether its cells are values and which words fill it, as the value
/// lines that fill every column show them.
#[derive(Debug, Clone)]
struct Column {
    x: usize,
    holds_values: Option<bool>,
    /// The words of the column's cells in those lines (`预期性`, `约束性`), sorted, each once.
    words: Vec<String>,
}

/// Text found for a cell: the line it came from (0-based) and the text.
type Fragment = (usize, String);

/// Reads the table whose header starts at `lines[start]`, with rows drawn over several lines.
///
/// A header found only in characters (a header over three lines whose middle titles stand apart
/// from the words above and below on the grid of characters, not in display columns) is read so.
pub(crate) fn read(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Option<Read> {
    if !may_hold_rows(lines, start) {
        return None;
    }
    read_unfiltered(lines, start, vocabulary)
}

/// Lines [`may_hold_rows`] looks at, at most (a table of one cell per line runs to hundreds):
/// past them it answers that rows may follow.
const MAX_SCAN_LINES: usize = 1024;

/// A line of prose this long or longer (in characters, none of them white space) is no title of
/// any vocabulary: a column title has at most [`MAX_TITLE_CHARS`] characters, a project
/// column's at most 12, a sub-title at most 8 once folded (NFKC composes at most four
/// characters into one), and a year label is a year or a relative year's word.
const MIN_PROSE_CHARS: usize = if MAX_TITLE_CHARS > 4 * 8 { MAX_TITLE_CHARS + 1 } else { 4 * 8 + 1 };

/// Whether a table of this layout may start at `lines[start]`: a cheap test, exact for what
/// [`read_unfiltered`] finds, run before any header is sought (a table of one cell per line, as
/// Word's text export writes, has no line of two cells at all).
///
/// A table needs two value lines ([`read_rows`]), each of two pieces or more ([`read_line`]),
/// so two lines with a gap ([`has_gap`], which every line of two pieces has). Both stand before
/// the first line of prose at or after `start` ([`is_prose_line`]), which is one piece, no
/// title and no title's wrapped end: a three-line header ([`band::read_band`]) does not take it
/// (it holds `。`), the titles side by side ([`read_header`]) stop before it, a header of
/// titles one per line ([`read_stacked_header`]) ends before it or is none (every line before
/// its line of sub-titles must be a title), and the body ([`read_body`]) ends at it (a line
/// ending in `。` is prose).
fn may_hold_rows(lines: Lines<'_>, start: usize) -> bool {
    let mut gapped = 0;
    for line in lines.iter().skip(start).take(MAX_SCAN_LINES) {
        if is_prose_line(line) {
            return false;
        }
        gapped += usize::from(has_gap(line));
        if gapped == 2 {
            return true;
        }
    }
    // Lines left unread may hold the rows.
    lines.len().saturating_sub(start) > MAX_SCAN_LINES
}

/// Whether a line is a sentence of prose that no header or body line of this layout can be: it
/// ends with `。`, has [`MIN_PROSE_CHARS`] characters or more, and no white space between them.
fn is_prose_line(line: &str) -> bool {
    let text = line.trim_ascii();
    text.ends_with('。')
        && text.len() >= MIN_PROSE_CHARS
        && text.chars().count() >= MIN_PROSE_CHARS
        && !holds_white_space(text)
}

/// [`read`] without the cheap test of [`may_hold_rows`].
fn read_unfiltered(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Option<Read> {
    let in_chars = || {
        let header = header_at(lines, start, vocabulary, Measure::Chars)?;
        let body = read_body(lines, header.end, vocabulary, Measure::Chars);
        read_rows(header, &body, vocabulary)
    };
    let Some(header) = header_at(lines, start, vocabulary, Measure::Display) else { return in_chars() };
    let body = read_body(lines, header.end, vocabulary, Measure::Display);
    match measure_of(lines, &body) {
        Measure::Display => read_rows(header, &body, vocabulary),
        Measure::Chars => in_chars(),
    }
}

/// Whether `lines[index]` opens a header over three lines ([`band::read_band`]): its first words
/// are the wrapped titles' first parts, not a title, so the line after it must be tried too.
pub(crate) fn opens_band(lines: Lines<'_>, index: usize, vocabulary: &Vocabulary) -> bool {
    band::read_band(lines, index, vocabulary, Measure::Chars).is_some()
        || band::read_band(lines, index, vocabulary, Measure::Display).is_some()
}

/// How the value lines of a body are measured: in characters when their words start at no more
/// than half as many places so (a grid of characters, as `lynx -dump` draws, lines up exactly),
/// else in display columns. (`pdftotext -layout` also counts characters, but its columns drift
/// either way, and the words are placed by the header's display columns as well as by theirs.)
fn measure_of(lines: Lines<'_>, body: &[(usize, BodyLine)]) -> Measure {
    let places = |measure: Measure| {
        let mut starts: Vec<usize> = body
            .iter()
            .filter(|(_, line)| matches!(line, BodyLine::Values(_)))
            .flat_map(|(index, _)| words(&lines[*index], measure).into_iter().map(|word| word.start))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts.len()
    };
    if places(Measure::Chars) * 2 <= places(Measure::Display) { Measure::Chars } else { Measure::Display }
}

/// The grid of a table from its header and body.
fn read_rows(header: Header, body: &[(usize, BodyLine)], vocabulary: &Vocabulary) -> Option<Read> {
    let mut value_lines: Vec<(usize, &[Piece])> = body
        .iter()
        .filter_map(|(index, line)| match line {
            BodyLine::Values(words) => Some((*index, words.as_slice())),
            _ => None,
        })
        .collect();
    if value_lines.len() < 2 {
        return None;
    }
    let full = value_lines.iter().any(|(_, words)| words.len() == header.leaves.len());
    if !header.placed && !full {
        return None;
    }
    let mut header = header;
    let mut spanning: Vec<bool> =
        header.leaves.iter().map(|leaf| (vocabulary.spans_rows)(&leaf.title)).collect();
    let mut columns = locate_columns(&header.leaves, &spanning, &value_lines);
    if let Some(x) = untitled_margin(&columns, &value_lines, body) {
        // The first title spans the margin's column too, as the page's cell does.
        let first = Leaf { x, sub: false, ..header.leaves[0].clone() };
        header.leaves.insert(0, first);
        header.parents.iter_mut().for_each(|parent| parent.first += 1);
        spanning.insert(0, true);
        columns.insert(0, Column { x, holds_values: Some(false), words: Vec::new() });
    }
    let mut placed: Vec<(usize, Vec<Vec<usize>>)> =
        value_lines.iter().map(|(_, words)| place_avoiding(words, &columns, &[])).collect();
    make_room_for_tops(&value_lines, &columns, &mut placed);
    let placed: Vec<Vec<Vec<usize>>> = placed.into_iter().map(|(_, runs)| runs).collect();
    // Where each word of a value line starts, and its column: a wrapped cell's lines start alike.
    let starts: Vec<(usize, usize, usize)> = value_lines
        .iter()
        .zip(&placed)
        .flat_map(|((index, words), runs)| {
            runs.iter()
                .enumerate()
                .flat_map(move |(col, run)| run.iter().map(move |&w| (*index, words[w].start, col)))
        })
        .collect();
    let mut rows: Vec<Vec<Vec<Fragment>>> = value_lines
        .iter()
        .zip(placed)
        .map(|((index, words), runs)| {
            runs.into_iter()
                .map(|run| run.iter().map(|&w| (*index, words[w].text.clone())).collect())
                .collect()
        })
        .collect();
    join_split_rows(&mut value_lines, &mut rows);
    let loose = loose_fragments(body, &columns, &starts);
    let blocks = Blocks::of(body);
    for (col, is_spanning) in spanning.iter().enumerate() {
        if *is_spanning {
            place_labels(&blocks, &value_lines, &mut rows, &loose, col);
        } else {
            attach_loose(&blocks, &value_lines, &mut rows, &loose, col);
        }
    }
    let mut builder = GridBuilder::new(Layout::Aligned);
    write_header(&mut builder, &header);
    let mut sections = body.iter().filter_map(|(index, line)| match line {
        BodyLine::Section(section) => Some((*index, section)),
        _ => None,
    });
    let mut section = sections.next();
    for ((index, _), cells) in value_lines.iter().zip(rows) {
        while let Some((line, Section { number, label })) = section.filter(|(line, _)| line < index) {
            // The numeral in the first column and the label across the rest, as a page writes it.
            builder.start_row();
            let width = header.leaves.len();
            match number {
                Some(number) if width > 1 => {
                    builder.push(number, line + 1);
                    builder.push_spanning(label, line + 1, 1, width - 1);
                }
                _ => builder.push_spanning(label, line + 1, 1, width),
            }
            section = sections.next();
        }
        builder.start_row();
        for mut fragments in cells {
            fragments.sort_by_key(|(line, _)| *line);
            let text: String = fragments.iter().map(|(_, text)| text.as_str()).collect();
            builder.push(&unescape(&close_cjk_gaps(&text)), index + 1);
        }
    }
    let end = body
        .iter()
        .rev()
        .find(|(_, line)| !matches!(line, BodyLine::Blank))
        .map_or(header.end, |(i, _)| i + 1);
    Some(Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// The header at `lines[start]`: over three lines with one-line titles between wrapped ones
/// ([`band::read_band`]), else its titles side by side or one per line.
fn header_at(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary, measure: Measure) -> Option<Header> {
    band::read_band(lines, start, vocabulary, measure)
        .or_else(|| read_header(lines, start, vocabulary, measure))
        .or_else(|| read_stacked_header(lines, start, vocabulary))
}

/// The header at `lines[start]`: the lines whose pieces all read as titles, the one with the
/// most titles giving the columns. `None` when the lines there make no header.
fn read_header(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary, measure: Measure) -> Option<Header> {
    let mut found: Vec<(usize, Vec<Piece>)> = Vec::new();
    let mut end = start;
    for (index, line) in lines.iter().enumerate().skip(start) {
        if found.len() == MAX_HEADER_LINES {
            break;
        }
        if line.trimmed().is_empty() || is_rule(line) {
            continue;
        }
        if line.len() > MAX_HEADER_LINE_BYTES {
            break;
        }
        // Titles one per line are a one-cell-per-line header, not this layout's.
        let one_piece = !line.trimmed().contains("  ") && !holds_ideographic_space(line);
        if one_piece && found.last().is_some_and(|(_, above)| above.len() == 1) {
            return None;
        }
        let Some(titles) = titles_of(line, vocabulary, measure) else {
            let wrapped = end == index
                && found.last_mut().is_some_and(|(_, above)| join_wrapped_titles(above, line, measure));
            if !wrapped {
                break;
            }
            end = index + 1;
            continue;
        };
        found.push((index, titles));
        end = index + 1;
    }
    let base = (0..found.len()).max_by_key(|&i| (found[i].1.len(), Reverse(i)))?;
    let all: Vec<&str> =
        found.iter().flat_map(|(_, titles)| titles.iter().map(|t| t.text.as_str())).collect();
    if found[base].1.len() < 2 || !(vocabulary.is_header)(&all) {
        return None;
    }
    let (base_line, base_titles) = &found[base];
    let mut leaves: Vec<Leaf> = base_titles
        .iter()
        .map(|t| Leaf { x: t.start, title: t.text.clone(), line: *base_line, sub: false })
        .collect();
    // Under a line of titles over others, the line below holds the sub-titles; else a title
    // under another is the rest of it, wrapped.
    let over = base > 0;
    for (line, titles) in &found[base + 1..] {
        for title in titles {
            let wrapped = !over && !is_sub_title(&title.text);
            match leaves.iter_mut().find(|l| wrapped && !l.sub && l.x.abs_diff(title.start) <= SAME_COLUMN) {
                // A title wrapped onto the next line.
                Some(leaf) => leaf.title.push_str(&title.text),
                None => {
                    leaves.push(Leaf { x: title.start, title: title.text.clone(), line: *line, sub: true })
                }
            }
        }
    }
    let mut leaves = in_order(leaves, measure);
    let mut parents = Vec::new();
    if base == 0 {
        (leaves, parents) = lift_parents(leaves, measure);
    }
    if let [(line, above)] = &found[..base]
        && above.len() > 1
        && !leaves.iter().any(|leaf| leaf.sub)
    {
        (leaves, parents) = place_titles_above(leaves, *line, above);
        return Some(Header { leaves, parents, end, placed: true });
    }
    for (line, titles) in &found[..base] {
        for title in titles {
            match sub_run_nearest(&leaves, title.start) {
                Some((first, span)) => {
                    parents.push(Parent { title: title.text.clone(), line: *line, first, span })
                }
                None => {
                    let nearest = (0..leaves.len()).min_by_key(|&i| leaves[i].x.abs_diff(title.start))?;
                    leaves[nearest].title.insert_str(0, &title.text);
                }
            }
        }
    }
    Some(Header { leaves, parents, end, placed: true })
}

/// The leaves left to right: the titles of the main line by their middles, and each run of
/// sub-titles (those no title's middle parts) kept together where its middle stands. A title
/// centred beside the sub-titles starts among them (`单位` over two rows beside `2024 年` over
/// `目标值 增长（%）`: `单位` starts right of `目标值`, and its middle is left of theirs).
fn in_order(leaves: Vec<Leaf>, measure: Measure) -> Vec<Leaf> {
    // Twice the middle, to stay in whole columns.
    let middle = |leaf: &Leaf| 2 * leaf.x + measure.len(&leaf.title);
    let (mut subs, titles): (Vec<Leaf>, Vec<Leaf>) = leaves.into_iter().partition(|leaf| leaf.sub);
    subs.sort_by_key(|leaf| leaf.x);
    let parts = |a: &Leaf, b: &Leaf| titles.iter().any(|t| middle(a) < middle(t) && middle(t) < middle(b));
    let mut runs: Vec<Vec<Leaf>> = Vec::new();
    for sub in subs {
        match runs.last_mut() {
            Some(run) if !parts(&run[run.len() - 1], &sub) => run.push(sub),
            _ => runs.push(vec![sub]),
        }
    }
    let run_middle = |run: &[Leaf]| run[0].x + run[run.len() - 1].x + measure.len(&run[run.len() - 1].title);
    let mut keyed: Vec<(usize, Vec<Leaf>)> = titles.into_iter().map(|t| (middle(&t), vec![t])).collect();
    keyed.extend(runs.into_iter().map(|run| (run_middle(&run), run)));
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().flat_map(|(_, run)| run).collect()
}

/// Places the titles of the one line over the header's main line of titles (`leaves`, none a
/// sub-title): each leaf goes under the title above whose start is nearest its own; a title over
/// two leaves or more spans them (`2023年` over `计划 | 实际 | 完成计划(%)`), a title over one is
/// the start of its title (wrapped), and a title over none is a column of its own spanning both
/// lines (`指标名称` and `单位` left of the sub-titles, as `lynx -dump` prints a header with cells
/// spanning rows).
fn place_titles_above(leaves: Vec<Leaf>, line: usize, above: &[Piece]) -> (Vec<Leaf>, Vec<Parent>) {
    let over: Vec<usize> = leaves
        .iter()
        .map(|leaf| {
            (0..above.len()).min_by_key(|&k| (above[k].start.abs_diff(leaf.x), Reverse(k))).unwrap_or(0)
        })
        .collect();
    let mut placed = Vec::with_capacity(leaves.len() + above.len());
    let mut parents = Vec::new();
    for (k, title) in above.iter().enumerate() {
        let under: Vec<&Leaf> = leaves.iter().zip(&over).filter(|(_, o)| **o == k).map(|(l, _)| l).collect();
        match under.as_slice() {
            [] => placed.push(Leaf { x: title.start, title: title.text.clone(), line, sub: false }),
            [leaf] => placed.push(Leaf { title: format!("{}{}", title.text, leaf.title), ..(*leaf).clone() }),
            run => {
                parents.push(Parent {
                    title: title.text.clone(),
                    line,
                    first: placed.len(),
                    span: run.len(),
                });
                placed.extend(run.iter().map(|leaf| Leaf { sub: true, ..(*leaf).clone() }));
            }
        }
    }
    (placed, parents)
}

/// Joins the line under a header line to the titles above when it holds only their ends, each
/// piece starting where a title does: a narrow column's title wrapped onto the next line (`w3m`
/// prints `2023年目` over `标`). `false`, and nothing joined, for any other line.
fn join_wrapped_titles(above: &mut [Piece], line: &str, measure: Measure) -> bool {
    const MAX_WRAPPED_CHARS: usize = 4;
    let ends = pieces_by(line, measure);
    let under = |piece: &Piece| above.iter().position(|t| t.start.abs_diff(piece.start) <= SAME_COLUMN);
    let wrapped = |piece: &Piece| {
        piece.text.chars().count() <= MAX_WRAPPED_CHARS && !piece.text.contains(' ') && !is_value(&piece.text)
    };
    let places: Option<Vec<usize>> = ends.iter().map(|p| under(p).filter(|_| wrapped(p))).collect();
    let Some(places) = places.filter(|p| !p.is_empty()) else { return false };
    for (piece, at) in ends.iter().zip(places) {
        above[at].text.push_str(&piece.text);
    }
    true
}

/// A header whose first row's titles are printed one per line, as `lynx -dump` prints a header
/// whose cells hold paragraphs: either the titles of its second row (under the one title that
/// spans them) side by side after them, `指标` / `单位` / `2022年` / `完成情况` / `目标 实际`, or,
/// when no title spans others, the body's first row. The spanning title is the one that is a year
/// alone (`2022年`) or no column title of the vocabulary. The titles' places say nothing of their
/// columns. `None` when the lines there make no such header.
fn read_stacked_header(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Option<Header> {
    // Where the lines are first, cheaply: words alone on their lines, then a line of words.
    let mut alone = Vec::new();
    let mut sub_line = None;
    for (index, line) in lines.iter().enumerate().skip(start) {
        if line.len() > MAX_HEADER_LINE_BYTES {
            return None;
        }
        let text = line.trim_ascii();
        if text.is_empty() {
            continue;
        }
        if text.bytes().any(|b| b == b' ' || b == b'\t') || text.contains('\u{3000}') {
            sub_line = Some(index);
            break;
        }
        if alone.len() == MAX_STACKED_TITLES {
            return None;
        }
        alone.push(index);
    }
    let sub_line = sub_line?;
    if alone.len() < 2 {
        return None;
    }
    let title_alone = |index: usize| {
        let mut titles = titles_of(&lines[index], vocabulary, Measure::Chars)?;
        (titles.len() == 1).then(|| (index, titles.remove(0)))
    };
    let stacked: Vec<(usize, Piece)> = alone.into_iter().map(title_alone).collect::<Option<_>>()?;
    let leaf = |line: usize, title: &Piece, sub: bool| Leaf { x: 0, title: title.text.clone(), line, sub };
    // A title that spans others: a year alone, or no column title.
    let spans = |title: &str| is_year_label(title) || !(vocabulary.is_title)(title);
    let Some(subs) = titles_of(&lines[sub_line], vocabulary, Measure::Chars).filter(|subs| subs.len() > 1)
    else {
        // No second row: the line after the titles is the first row of the body.
        let titles: Vec<&str> = stacked.iter().map(|(_, t)| t.text.as_str()).collect();
        if titles.iter().any(|t| spans(t)) || !(vocabulary.is_header)(&titles) {
            return None;
        }
        let leaves = stacked.iter().map(|(line, title)| leaf(*line, title, false)).collect();
        return Some(Header { leaves, parents: Vec::new(), end: sub_line, placed: false });
    };
    let all: Vec<&str> = stacked.iter().map(|(_, t)| t).chain(&subs).map(|t| t.text.as_str()).collect();
    if !(vocabulary.is_header)(&all) {
        return None;
    }
    let mut spanning = stacked.iter().filter(|(_, t)| spans(&t.text));
    let (Some((over_line, _)), None) = (spanning.next(), spanning.next()) else { return None };
    let mut leaves = Vec::new();
    let mut parents = Vec::new();
    for (line, title) in &stacked {
        if line == over_line {
            let (first, span) = (leaves.len(), subs.len());
            parents.push(Parent { title: title.text.clone(), line: *line, first, span });
            leaves.extend(subs.iter().map(|t| leaf(sub_line, t, true)));
        } else {
            leaves.push(leaf(*line, title, false));
        }
    }
    let end = sub_line + 1;
    Some(Header { leaves, parents, end, placed: false })
}

/// With no line of titles above the main one, a title of the main line that two or more
/// sub-titles of the line below stand nearest (`完成情况` over `绝对值 增速`, centre to centre) is
/// their parent, not a column: the leaves without those titles, and the parents.
fn lift_parents(leaves: Vec<Leaf>, measure: Measure) -> (Vec<Leaf>, Vec<Parent>) {
    // Twice the centre, to stay in whole columns.
    let centre = |leaf: &Leaf| 2 * leaf.x + measure.len(&leaf.title);
    let over: Vec<Option<usize>> = leaves
        .iter()
        .map(|leaf| {
            let titles = (0..leaves.len()).filter(|&k| !leaves[k].sub);
            titles.min_by_key(|&k| centre(&leaves[k]).abs_diff(centre(leaf))).filter(|_| leaf.sub)
        })
        .collect();
    let over = &over;
    let under = |k: usize| (0..leaves.len()).filter(move |&i| over[i] == Some(k));
    let lifted: Vec<usize> = (0..leaves.len()).filter(|&k| under(k).nth(1).is_some()).collect();
    let mut kept = Vec::with_capacity(leaves.len());
    let mut new_index = Vec::with_capacity(leaves.len());
    for (k, leaf) in leaves.iter().enumerate() {
        new_index.push(kept.len());
        if !lifted.contains(&k) {
            kept.push(leaf.clone());
        }
    }
    let parents = lifted
        .iter()
        .map(|&k| Parent {
            title: leaves[k].title.clone(),
            line: leaves[k].line,
            first: under(k).map(|i| new_index[i]).min().unwrap_or(0),
            span: under(k).count(),
        })
        .collect();
    (kept, parents)
}

/// The titles of a header line: its pieces, and a piece of titles one space apart
/// (`单位 2022 年预计`) cut into them. `None` when a piece is no title.
fn titles_of(line: &str, vocabulary: &Vocabulary, measure: Measure) -> Option<Vec<Piece>> {
    let is_title = |text: &str| (vocabulary.is_title)(text) || is_sub_title(text) || is_year_label(text);
    let mut titles = Vec::new();
    for piece in letters_joined(pieces_by(line, measure), &is_title) {
        match titles_per_word(&piece, &is_title, measure) {
            Some(words) => titles.extend(words),
            None => titles.extend(split_titles(&piece, &is_title, MAX_TITLES_PER_PIECE, measure)?),
        }
    }
    Some(titles)
}

/// The pieces of a header line with a title spaced out letter by letter (`项   目`, `指   标`, as a
/// justified Word cell prints) joined: runs of single CJK characters that are no titles alone and
/// together read as one.
fn letters_joined(pieces: Vec<Piece>, is_title: &impl Fn(&str) -> bool) -> Vec<Piece> {
    let is_letter = |piece: &Piece| {
        let mut chars = piece.text.chars();
        chars.next().is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2))
            && chars.next().is_none()
            && !is_title(&piece.text)
    };
    let mut joined: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut at = 0;
    while at < pieces.len() {
        let run = pieces[at..].iter().take_while(|p| is_letter(p)).count();
        let word: String = pieces[at..at + run].iter().map(|p| p.text.as_str()).collect();
        if run >= 2 && is_title(&word) {
            joined.push(Piece { start: pieces[at].start, text: word });
            at += run;
        } else {
            joined.push(pieces[at].clone());
            at += 1;
        }
    }
    joined
}

/// A piece of two or more words (parted by single spaces) that each read as a title or
/// sub-title, one title per word, even when together they read as one title: `lynx -dump` prints
/// cells one space apart (`2023年预期目标 指标属性`, `完成计划(%) 比上年增长(%)`). `None` otherwise:
/// a word that is no title (`2022 年预计`, letter-spaced `指 标`) leaves the piece to
/// [`split_titles`].
fn titles_per_word(piece: &Piece, is_title: &impl Fn(&str) -> bool, measure: Measure) -> Option<Vec<Piece>> {
    if !piece.text.contains(' ') {
        return None;
    }
    let mut titles = Vec::new();
    let mut x = piece.start;
    for word in piece.text.split(' ') {
        if !is_title(word) {
            return None;
        }
        titles.push(Piece { start: x, text: word.to_owned() });
        x += measure.len(word) + 1;
    }
    Some(titles)
}

/// A piece as one title, or cut at spaces into up to `most` titles.
fn split_titles(
    piece: &Piece,
    is_title: &impl Fn(&str) -> bool,
    most: usize,
    measure: Measure,
) -> Option<Vec<Piece>> {
    let whole = close_cjk_gaps(&piece.text);
    if is_title(&whole) {
        let cut = if most >= 2 { cut_at(piece, is_title, most, measure, parts_titles) } else { None };
        return Some(cut.unwrap_or_else(|| vec![Piece { start: piece.start, text: whole }]));
    }
    if most < 2 {
        return None;
    }
    cut_at(piece, is_title, most, measure, |_, _| true)
}

/// Whether the space at byte `at` of `text` parts two titles of a piece that reads as one: two
/// CJK words ([`between_words`]), or a word and a year opening the next title (`2022 年完成 2023
/// 年目标`: pdftotext sets its gaps beside digits too, so columns one space apart look like them).
fn parts_titles(text: &str, at: usize) -> bool {
    let after = &text[at + 1..];
    let year_next = after.len() > 4
        && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && after[4..].trim_start_matches(' ').starts_with('年');
    let word_before =
        text[..at].chars().next_back().is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2));
    between_words(text, at) || (year_next && word_before)
}

/// Whether the space at byte `at` of `text` parts two CJK words of two characters or more
/// (`2023 年完成 完成情况`, cells one space apart): a converter's gap stands beside a digit
/// (`2023 年`), letter-spacing between single characters (`指 标 名 称`).
fn between_words(text: &str, at: usize) -> bool {
    let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
    let word = |chars: &mut dyn Iterator<Item = char>| {
        let run: Vec<char> = chars.take_while(|&c| c != ' ').take(2).collect();
        run.len() == 2 && wide(run[0])
    };
    word(&mut text[..at].chars().rev()) && word(&mut text[at + 1..].chars())
}

/// `piece` cut at the first space that `cut_here` allows whose left part reads as a title and
/// whose rest cuts into titles ([`split_titles`]), up to `most` titles in all.
fn cut_at(
    piece: &Piece,
    is_title: &impl Fn(&str) -> bool,
    most: usize,
    measure: Measure,
    cut_here: fn(&str, usize) -> bool,
) -> Option<Vec<Piece>> {
    piece.text.match_indices(' ').filter(|&(at, _)| cut_here(&piece.text, at)).find_map(|(at, _)| {
        let left = close_cjk_gaps(&piece.text[..at]);
        if !is_title(&left) {
            return None;
        }
        let right = Piece {
            start: piece.start + measure.len(&piece.text[..=at]),
            text: piece.text[at + 1..].to_owned(),
        };
        let mut titles = split_titles(&right, is_title, most - 1, measure)?;
        titles.insert(0, Piece { start: piece.start, text: left });
        Some(titles)
    })
}

/// The run of adjacent sub-title columns nearest display column `x`: its first index and length.
fn sub_run_nearest(leaves: &[Leaf], x: usize) -> Option<(usize, usize)> {
    let nearest = (0..leaves.len()).filter(|&i| leaves[i].sub).min_by_key(|&i| leaves[i].x.abs_diff(x))?;
    let first = (0..=nearest).rev().take_while(|&i| leaves[i].sub).last().unwrap_or(nearest);
    let last = (nearest..leaves.len()).take_while(|&i| leaves[i].sub).last().unwrap_or(nearest);
    Some((first, last - first + 1))
}

/// Writes the header rows: two when sub-titles stand under a title over them, else one. A title
/// over an untitled margin and the column right of it ([`untitled_margin`]) spans both.
fn write_header(builder: &mut GridBuilder, header: &Header) {
    let two_rows = !header.parents.is_empty();
    let rows = if two_rows { 2 } else { 1 };
    builder.start_row();
    let leaves = &header.leaves;
    let shared =
        |i: usize| i > 0 && leaves[i].title == leaves[i - 1].title && leaves[i].line == leaves[i - 1].line;
    for (i, leaf) in leaves.iter().enumerate() {
        match header.parents.iter().find(|p| (p.first..p.first + p.span).contains(&i)) {
            Some(parent) if parent.first == i => {
                builder.push_spanning(&parent.title, parent.line + 1, 1, parent.span)
            }
            Some(_) => {}
            None if shared(i) => {}
            None => {
                let span = 1 + (i + 1..leaves.len()).take_while(|&k| shared(k)).count();
                builder.push_spanning(&leaf.title, leaf.line + 1, rows, span);
            }
        }
    }
    if two_rows {
        builder.start_row();
        for (i, leaf) in header.leaves.iter().enumerate() {
            if header.parents.iter().any(|p| (p.first..p.first + p.span).contains(&i)) {
                builder.push(&leaf.title, leaf.line + 1);
            }
        }
    }
}

/// The lines of the body from `from`: value lines, loose text and blanks, from the first block
/// (lines between blank lines) with a value line to the last; prose, a caption, a note or the
/// header of another table ends it.
fn read_body(
    lines: Lines<'_>,
    from: usize,
    vocabulary: &Vocabulary,
    measure: Measure,
) -> Vec<(usize, BodyLine)> {
    let mut body = Vec::new();
    let mut blanks = 0;
    for (index, line) in lines.iter().enumerate().skip(from) {
        if line.trimmed().is_empty() || is_rule(line) {
            blanks += 1;
            if blanks > MAX_BLANK_RUN {
                break;
            }
            body.push((index, BodyLine::Blank));
            continue;
        }
        blanks = 0;
        // The header of the next table: titles that make a header, not the tops of a row's wrapped
        // cells that read as titles (`完成嘉兴下达任    完成嘉兴下达任`).
        if line.len() <= MAX_HEADER_LINE_BYTES
            && titles_of(line, vocabulary, measure).is_some_and(|t| makes_header(&t, vocabulary))
        {
            break;
        }
        match read_line(line, measure) {
            Some(read) => body.push((index, read)),
            None => break,
        }
    }
    join_wrapped_sections(&mut body);
    let is_values = |(_, line): &(usize, BodyLine)| matches!(line, BodyLine::Values(_));
    let Some(last) = body.iter().rposition(is_values) else { return Vec::new() };
    let after = body[last..]
        .iter()
        .position(|(_, line)| matches!(line, BodyLine::Blank))
        .map_or(body.len(), |p| last + p);
    body.truncate(after);
    let first = body.iter().position(is_values).unwrap_or(0);
    let before =
        body[..first].iter().rposition(|(_, line)| matches!(line, BodyLine::Blank)).map_or(0, |p| p + 1);
    body.drain(..before);
    body
}

/// Joins a section's numeral wrapped in a narrow 序号 column around its label (`（一` / `经济发展`
/// / `）`, three loose lines) into the section's line: loose lines in a row, each one piece, the
/// leftmost pieces making a section's numeral and one other piece its label.
fn join_wrapped_sections(body: &mut [(usize, BodyLine)]) {
    const MAX_LINES: usize = 3;
    let one_piece = |line: &BodyLine| match line {
        BodyLine::Loose(pieces) => match pieces.as_slice() {
            [piece] => Some(piece.clone()),
            _ => None,
        },
        _ => None,
    };
    let mut at = 0;
    while at < body.len() {
        let run: Vec<Piece> = body[at..]
            .iter()
            .enumerate()
            .map_while(|(k, (index, line))| (*index == body[at].0 + k).then(|| one_piece(line)).flatten())
            .take(MAX_LINES)
            .collect();
        let section = (run.len() >= 2).then(|| wrapped_section(&run)).flatten();
        match section {
            Some(section) => {
                // The lines stay, emptied, as the blocks count the body's lines in a row.
                body[at].1 = BodyLine::Section(section);
                for (_, line) in &mut body[at + 1..at + run.len()] {
                    *line = BodyLine::Loose(Vec::new());
                }
                at += run.len();
            }
            None => at += 1,
        }
    }
}

/// The section of loose pieces on lines in a row: those at the leftmost start make its numeral
/// (`（一` and `）`), the one other its label.
fn wrapped_section(run: &[Piece]) -> Option<Section> {
    let left = run.iter().map(|piece| piece.start).min()?;
    let number: String = run.iter().filter(|p| p.start == left).map(|p| p.text.as_str()).collect();
    let mut labels = run.iter().filter(|p| p.start != left);
    let (Some(label), None) = (labels.next(), labels.next()) else { return None };
    section_of(&[Piece { start: left, text: number }, label.clone()])
}

/// Whether titles found on one line make a table's header.
fn makes_header(titles: &[Piece], vocabulary: &Vocabulary) -> bool {
    let texts: Vec<&str> = titles.iter().map(|t| t.text.as_str()).collect();
    texts.len() >= 2 && (vocabulary.is_header)(&texts)
}

/// A non-blank line of the body; `None` when it is prose, a caption or a note.
fn read_line(line: &str, measure: Measure) -> Option<BodyLine> {
    let text = line.trimmed();
    if is_caption(text)
        || is_bare_caption(text)
        || is_dated_heading(text)
        || text.starts_with('注')
        || text.ends_with(['。', '：', ':'])
    {
        return None;
    }
    let words = words(line, measure);
    let wide = words.iter().any(|w| w.text.width() > MAX_WORD_WIDTH);
    if pieces(line).len() >= 2 && words.iter().any(|w| is_value(&w.text)) && !wide {
        return Some(BodyLine::Values(words));
    }
    let pieces = pieces_by(line, measure);
    if let Some(section) = section_of(&pieces) {
        return Some(BodyLine::Section(section));
    }
    let narrow = !pieces.is_empty()
        && pieces.iter().all(|piece| piece.text.replace(' ', "").width() <= MAX_LOOSE_WIDTH);
    let loose = || {
        let parts = pieces.iter().flat_map(|piece| cjk_parts(piece, measure));
        parts.map(|piece| Piece { start: piece.start, text: piece.text.replace(' ', "") }).collect()
    };
    narrow.then(|| BodyLine::Loose(loose()))
}

/// A piece of loose text cut at each single space between two CJK characters: two cells one
/// space apart (`生态 设区市城市空气质量优良天`, a 类别 beside a name's top), where a converter's gap
/// stands beside a digit or a Latin word instead (`412.3 亿元`, `单位 GDP 能耗降`).
fn cjk_parts(piece: &Piece, measure: Measure) -> Vec<Piece> {
    let wide = |c: Option<char>| c.is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2));
    let text = &piece.text;
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices(' ') {
        if wide(text[..at].chars().next_back()) && wide(text[at + 1..].chars().next()) {
            let start = piece.start + measure.len(&text[..from]);
            parts.push(Piece { start, text: text[from..at].to_owned() });
            from = at + 1;
        }
    }
    let start = piece.start + measure.len(&text[..from]);
    parts.push(Piece { start, text: text[from..].to_owned() });
    parts
}

/// The section a loose line opens (its pieces as printed): a section's numeral and its label
/// apart (`一   经济发展`, `（一） 经济发展`, as a 序号 column and a cell spanning the rest print),
/// or one piece numbered as a section (`一、经济发展`, `（二）约束性指标`).
fn section_of(pieces: &[Piece]) -> Option<Section> {
    let apart = match pieces {
        [one] => one.text.split_once(' '),
        [number, label] => Some((number.text.as_str(), label.text.as_str())),
        _ => None,
    };
    if let Some((number, label)) = apart {
        let bare = number.trim_start_matches(['（', '(']).trim_end_matches(['、', '）', ')']);
        let numbered = !bare.is_empty() && bare.chars().all(crate::text::is_chinese_numeral);
        let label = label.replace(' ', "");
        let worded = label.chars().any(crate::text::is_han) && !is_value(&label);
        if numbered && worded {
            return Some(Section { number: Some(number.to_owned()), label });
        }
    }
    let [one] = pieces else { return None };
    let label = one.text.replace(' ', "");
    is_section(&label).then_some(Section { number: None, label })
}

/// Whether a line is a heading of the report after the table (`二、2024 年主要目标`): numbered
/// like a section, and naming a year, as the sections inside a table (`一、约束性指标`) do not.
fn is_dated_heading(text: &str) -> bool {
    let number = text.trim_start_matches(crate::text::is_chinese_numeral);
    number.len() < text.len() && number.starts_with('、') && year_in(number).is_some()
}

/// The words of a line: cut at every space, but a number and its words stay one
/// (`8 以上`, `增长 6.5%`, `52 亿元`, `提高 1 个百分点`).
fn words(line: &str, measure: Measure) -> Vec<Piece> {
    let mut words: Vec<Piece> = Vec::new();
    for piece in pieces_by(line, measure) {
        let mut x = piece.start;
        for (k, part) in piece.text.split(' ').enumerate() {
            match words.last_mut() {
                Some(last) if k > 0 && binds(&last.text, part) => last.text.push_str(part),
                _ => words.push(Piece { start: x, text: part.to_owned() }),
            }
            x += measure.len(part) + 1;
        }
    }
    words
}

/// Whether a word and the next one are parts of one: words inside an open bracket
/// (`8 左右（后调整为 3`), a Latin word beside CJK (`单位 GDP 能耗降低`, `PM2.5 平均浓度`: the
/// converter sets a space between them), or a number and its words.
fn binds(left: &str, right: &str) -> bool {
    let latin = |word: &str| word.bytes().any(|b| b.is_ascii_alphabetic());
    let han = |c: Option<char>| c.is_some_and(crate::text::is_han);
    let open = left.matches(['（', '(']).count() > left.matches(['）', ')']).count();
    open || (latin(left) && han(right.chars().next()))
        || (latin(right) && han(left.chars().next_back()))
        || binds_number(left, right)
}

/// Whether a word and the next one are a number and its words: one of them has digits, the
/// other alone is no value (`完成` is one) nor a 属性, words before the number open a value
/// (`增长`, not the unit column's `亿元` of `亿元 640`), and together they read as one.
fn binds_number(left: &str, right: &str) -> bool {
    let has_digits = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    let words = match (has_digits(left), has_digits(right)) {
        (true, false) => right,
        (false, true) if is_value_prefix(left) => left,
        _ => return false,
    };
    !ATTRIBUTE_WORDS.contains(&words) && !is_value(words) && is_value(&format!("{left}{right}"))
}

/// Where the columns stand: first from the value lines that fill every column (or every column
/// but those whose cells span rows, when more lines do: a 类别 printed on one line of its span, its
/// rows' names indented right of it), else from the titles, then learnt again from the words
/// placed in them.
fn locate_columns(leaves: &[Leaf], spanning: &[bool], value_lines: &[(usize, &[Piece])]) -> Vec<Column> {
    let mut columns: Vec<Column> =
        leaves.iter().map(|leaf| Column { x: leaf.x, holds_values: None, words: Vec::new() }).collect();
    let filling = |width: usize| -> Vec<&[Piece]> {
        value_lines.iter().map(|(_, words)| *words).filter(|words| words.len() == width).collect()
    };
    let mut full = filling(leaves.len());
    let mut filled: Vec<usize> = (0..leaves.len()).collect();
    let unspanned: Vec<usize> = filled.iter().copied().filter(|&j| !spanning[j]).collect();
    if unspanned.len() < filled.len() {
        let but_spanning = filling(unspanned.len());
        if but_spanning.len() > full.len() {
            (full, filled) = (but_spanning, unspanned);
        }
    }
    if !full.is_empty() {
        let place_at_medians = |columns: &mut [Column], full: &[&[Piece]]| {
            for (k, &j) in filled.iter().enumerate() {
                columns[j].x = median(full.iter().map(|words| words[k].start).collect());
            }
        };
        place_at_medians(&mut columns, &full);
        // A line whose words stand nearer other columns than their own is out of step (a 类别 on
        // a line counted as filling all but the 类别, and a cell empty): it is left out when others
        // are not.
        let xs: Vec<usize> = columns.iter().map(|c| c.x).collect();
        let nearest = |x: usize| (0..xs.len()).min_by_key(|&j| xs[j].abs_diff(x));
        let in_step =
            |words: &&[Piece]| filled.iter().enumerate().all(|(k, &j)| nearest(words[k].start) == Some(j));
        let kept: Vec<&[Piece]> = full.iter().copied().filter(in_step).collect();
        if !kept.is_empty() && kept.len() < full.len() {
            full = kept;
            place_at_medians(&mut columns, &full);
        }
        for (k, &j) in filled.iter().enumerate() {
            let column = &mut columns[j];
            let values = full.iter().filter(|words| is_cell_value(&words[k].text)).count();
            column.holds_values = Some(values * 2 > full.len());
            column.words =
                full.iter().map(|words| words[k].text.clone()).filter(|w| !is_cell_value(w)).collect();
            column.words.sort_unstable();
            column.words.dedup();
        }
    }
    for _ in 0..REFINEMENTS {
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); columns.len()];
        for (_, words) in value_lines {
            for (j, run) in place(words, &columns).iter().enumerate() {
                if let [only] = run[..] {
                    starts[j].push(words[only].start);
                }
            }
        }
        for (column, starts) in columns.iter_mut().zip(starts) {
            if !starts.is_empty() {
                column.x = median(starts);
            }
        }
    }
    columns
}

/// Whether a word of a value line is a target or a result: a value, but not a unit alone (`%`
/// fills the unit column as `亿元` does).
fn is_cell_value(text: &str) -> bool {
    !matches!(text, "%" | "％" | "‰") && is_value(text)
}

/// The middle value (the lower of the two middle ones).
fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    values[(values.len() - 1) / 2]
}

/// Places a value line's words in the columns, in order: for each column, the indices of the
/// run of words it takes (maybe none), chosen at the least cost of distance from the column,
/// words joined, and words out of their column's kind (a value among names, a word another
/// column is filled with, two values in one cell).
fn place(words: &[Piece], columns: &[Column]) -> Vec<Vec<usize>> {
    place_avoiding(words, columns, &[]).1
}

/// [`place`], with the columns marked in `avoid` left empty where the words allow (a word there
/// costs [`AVOIDED_COST`]), and the cost of the placing.
fn place_avoiding(words: &[Piece], columns: &[Column], avoid: &[bool]) -> (usize, Vec<Vec<usize>>) {
    let (m, n) = (words.len(), columns.len());
    let values: Vec<bool> = words.iter().map(|w| is_cell_value(&w.text)).collect();
    // out_of_kind[w][j]: word w is not of column j's kind (a value among names, or a word another
    // column is filled with).
    let out_of_kind: Vec<Vec<bool>> = words
        .iter()
        .zip(&values)
        .map(|(word, value)| {
            let seen: Vec<bool> = columns.iter().map(|c| c.words.binary_search(&word.text).is_ok()).collect();
            let elsewhere = seen.contains(&true);
            columns
                .iter()
                .zip(&seen)
                .map(|(c, here)| c.holds_values.is_some_and(|holds| holds != *value) || (elsewhere && !here))
                .collect()
        })
        .collect();
    // A 属性 word stands alone in its cell: joined to another word, it is out of kind
    // (`与经济增长同步 预期性` is a target and a 属性, not one 属性).
    let attribute: Vec<bool> = words.iter().map(|w| ATTRIBUTE_WORDS.contains(&w.text.as_str())).collect();
    let run_cost = |from: usize, to: usize, j: usize| -> usize {
        let joined = (to - from).saturating_sub(1) * JOIN_COST;
        let two_values = values[from..to].iter().filter(|v| **v).count() > 1;
        let crowded = to - from > 1 && attribute[from..to].contains(&true);
        let cost =
            |w: usize| words[w].start.abs_diff(columns[j].x) + usize::from(out_of_kind[w][j]) * KIND_COST;
        let avoided = to > from && avoid.get(j).copied().unwrap_or(false);
        joined
            + usize::from(two_values || crowded) * KIND_COST
            + usize::from(avoided) * AVOIDED_COST
            + (from..to).map(cost).sum::<usize>()
    };
    // best[j][i]: the least cost of placing the first i words in the first j columns, and where
    // column j's run starts.
    let mut best = vec![vec![(usize::MAX, 0); m + 1]; n + 1];
    best[0][0] = (0, 0);
    for j in 1..=n {
        for i in 0..=m {
            for from in 0..=i {
                let (before, _) = best[j - 1][from];
                if before == usize::MAX {
                    continue;
                }
                let cost = before + run_cost(from, i, j - 1);
                if cost < best[j][i].0 {
                    best[j][i] = (cost, from);
                }
            }
        }
    }
    let mut runs = vec![Vec::new(); n];
    let mut i = m;
    for j in (1..=n).rev() {
        let from = best[j][i].1;
        runs[j - 1] = (from..i).collect();
        i = from;
    }
    (best[n][m].0, runs)
}

/// Where a column of text no title names stands, left of the header's first column: a 类别 under
/// the name's title, which spans both (`指 标` over `经济` / `发展` and the indented names), as
/// value lines one word longer than the header, their first word left of the first column, and
/// loose lines there show. `None` when no value line is so, or any loose text stands right of
/// where the first column's words start.
fn untitled_margin(
    columns: &[Column],
    value_lines: &[(usize, &[Piece])],
    body: &[(usize, BodyLine)],
) -> Option<usize> {
    let first = columns.first()?.x;
    let longer: Vec<usize> = value_lines
        .iter()
        .filter(|(_, words)| {
            words.len() == columns.len() + 1 && words[0].start < first && words[1].start >= first
        })
        .map(|(_, words)| words[0].start)
        .collect();
    if longer.is_empty() {
        return None;
    }
    let others_in_step = value_lines
        .iter()
        .filter(|(_, words)| words.len() <= columns.len())
        .all(|(_, words)| words[0].start >= first);
    let loose: Vec<usize> = body
        .iter()
        .filter_map(|(_, line)| match line {
            BodyLine::Loose(pieces) => pieces.first().map(|piece| piece.start),
            _ => None,
        })
        .collect();
    (others_in_step && loose.iter().all(|&x| x < first)).then(|| median(longer))
}

/// Places again a value line beside one with fewer words (the tops of its wrapped values,
/// [`join_split_rows`]) that shares a column with it, leaving that line's columns empty, when
/// that costs at most [`KIND_COST`] more: the converter's columns drift, and a value of the row
/// may stand nearer a column its wrapped neighbours fill (`完成国家下达任务` under `2023 年目标`'s
/// tops, in the 2024 column).
fn make_room_for_tops(
    value_lines: &[(usize, &[Piece])],
    columns: &[Column],
    placed: &mut [(usize, Vec<Vec<usize>>)],
) {
    let filled = |runs: &[Vec<usize>]| runs.iter().map(|run| !run.is_empty()).collect::<Vec<bool>>();
    for r in 0..placed.len() {
        for other in [r + 1, r.wrapping_sub(1)] {
            let Some((_, words)) = value_lines.get(other) else { continue };
            let tops = filled(&placed[r].1);
            let own = filled(&placed[other].1);
            let count = |f: &[bool]| f.iter().filter(|x| **x).count();
            let shares = tops.iter().zip(&own).any(|(a, b)| *a && *b);
            if value_lines[r].0.abs_diff(value_lines[other].0) != 1 || count(&tops) >= count(&own) || !shares
            {
                continue;
            }
            let (cost, runs) = place_avoiding(words, columns, &tops);
            let clear = filled(&runs).iter().zip(&tops).all(|(a, b)| !(*a && *b));
            if clear && cost <= placed[other].0 + KIND_COST {
                placed[other] = (cost, runs);
            }
        }
    }
}

/// Joins each value line that fills only columns the value line next to it leaves empty (the one
/// below first, then the one above), and fewer of them, to that line's row: the tops or ends of a
/// row's wrapped values, which read as values themselves (`完成国家下达任    完成国家下达任` over
/// `单位地区生产总值能耗降低   %   约束性`). Every row fills its name's column, so two rows always
/// share one.
fn join_split_rows(value_lines: &mut Vec<(usize, &[Piece])>, rows: &mut Vec<Vec<Vec<Fragment>>>) {
    let filled: Vec<Vec<bool>> =
        rows.iter().map(|cells| cells.iter().map(|cell| !cell.is_empty()).collect()).collect();
    let count = |r: usize| filled[r].iter().filter(|f| **f).count();
    let fits = |r: usize, other: usize| {
        value_lines[r].0.abs_diff(value_lines[other].0) == 1
            && count(r) < count(other)
            && !filled[r].iter().zip(&filled[other]).any(|(a, b)| *a && *b)
    };
    let into: Vec<Option<usize>> = (0..rows.len())
        .map(|r| [r + 1, r.wrapping_sub(1)].into_iter().find(|&other| other < rows.len() && fits(r, other)))
        .collect();
    for r in 0..rows.len() {
        // The row at the end of the chain of joins (each line joins one filling more columns).
        let Some(mut other) = into[r] else { continue };
        while let Some(next) = into[other] {
            other = next;
        }
        {
            let cells = std::mem::take(&mut rows[r]);
            for (col, fragments) in cells.into_iter().enumerate() {
                rows[other][col].extend(fragments);
            }
        }
    }
    let mut r = 0;
    value_lines.retain(|_| {
        r += 1;
        into[r - 1].is_none()
    });
    rows.retain(|cells| !cells.is_empty());
}

/// The loose lines' pieces of the body with the column each goes to.
fn loose_fragments<'a>(
    body: &'a [(usize, BodyLine)],
    columns: &[Column],
    starts: &[(usize, usize, usize)],
) -> Vec<(usize, usize, &'a str)> {
    // The column of a value line's word starting where the piece does, on the nearest line of
    // the two before or after it (a wrapped cell's lines start alike), else the column whose place
    // is nearest.
    let at_gap = |index: usize, start: usize, gap: usize| {
        let next_to = starts.iter().filter(|(line, x, _)| line.abs_diff(index) == gap && *x == start);
        let mut cols = next_to.map(|(_, _, col)| *col);
        match (cols.next(), cols.next()) {
            (Some(col), None) => Some(col),
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    };
    let under = |index: usize, start: usize| (1..=LABEL_GAP).find_map(|gap| at_gap(index, start, gap));
    body.iter()
        .filter_map(|(index, line)| match line {
            BodyLine::Loose(pieces) => Some(pieces.iter().filter_map(move |piece| {
                let nearest = || (0..columns.len()).min_by_key(|&j| columns[j].x.abs_diff(piece.start));
                let col = under(*index, piece.start).or_else(nearest)?;
                Some((*index, col, piece.text.as_str()))
            })),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The blocks of the body (runs of lines between blank lines), numbered top to bottom.
struct Blocks {
    /// Index of the body's first line.
    first: usize,
    /// The block of each line of the body, the body's lines being consecutive.
    numbers: Vec<usize>,
}

impl Blocks {
    fn of(body: &[(usize, BodyLine)]) -> Blocks {
        let mut number = 0;
        let numbers = body
            .iter()
            .map(|(_, line)| {
                number += usize::from(matches!(line, BodyLine::Blank));
                number
            })
            .collect();
        Blocks { first: body.first().map_or(0, |(index, _)| *index), numbers }
    }

    /// The block of line `index`.
    fn of_line(&self, index: usize) -> usize {
        index.checked_sub(self.first).and_then(|k| self.numbers.get(k)).copied().unwrap_or(usize::MAX)
    }
}

/// The value lines just above and just below line `index` (`index` being twice the line when
/// `doubled`, to compare with the middle of a label), those that exist.
fn neighbours(value_lines: &[(usize, &[Piece])], index: usize, doubled: bool) -> Vec<usize> {
    let scale = if doubled { 2 } else { 1 };
    let below = value_lines.partition_point(|(line, _)| line * scale < index);
    [below.checked_sub(1), Some(below).filter(|&r| r < value_lines.len())].into_iter().flatten().collect()
}

/// Gives each loose line of column `col` to the nearest value line of its block (any value line
/// when its block has none): first to one whose own line left the column empty, then to the one
/// above.
fn attach_loose(
    blocks: &Blocks,
    value_lines: &[(usize, &[Piece])],
    rows: &mut [Vec<Vec<Fragment>>],
    loose: &[(usize, usize, &str)],
    col: usize,
) {
    let own: Vec<bool> = rows.iter().map(|cells| !cells[col].is_empty()).collect();
    for &(index, _, text) in loose.iter().filter(|(_, c, _)| *c == col) {
        let around = neighbours(value_lines, index, false);
        let block = blocks.of_line(index);
        let in_block: Vec<usize> =
            around.iter().copied().filter(|&r| blocks.of_line(value_lines[r].0) == block).collect();
        let candidates = if in_block.is_empty() { around } else { in_block };
        let Some(row) = candidates
            .into_iter()
            .min_by_key(|&r| (value_lines[r].0.abs_diff(index), own[r], value_lines[r].0 > index))
        else {
            continue;
        };
        rows[row][col].push((index, text.to_owned()));
    }
}

/// The text of column `col`, whose cells span rows: the words and loose lines in it, joined
/// into labels where their lines are close and in one block, each label given to the value line
/// nearest its middle, the first to the first row.
fn place_labels(
    blocks: &Blocks,
    value_lines: &[(usize, &[Piece])],
    rows: &mut [Vec<Vec<Fragment>>],
    loose: &[(usize, usize, &str)],
    col: usize,
) {
    // Each text with whether it stands on a value line.
    let mut texts: Vec<(Fragment, bool)> = rows
        .iter_mut()
        .flat_map(|cells| std::mem::take(&mut cells[col]))
        .map(|fragment| (fragment, true))
        .collect();
    texts.extend(
        loose.iter().filter(|(_, c, _)| *c == col).map(|&(index, _, text)| ((index, text.to_owned()), false)),
    );
    texts.sort_by_key(|((line, _), _)| *line);
    // Labels: their texts, and whether one of them stands on a value line (two such are two labels).
    let mut labels: Vec<(Vec<Fragment>, bool)> = Vec::new();
    for (text, on_values) in texts {
        match labels.last_mut() {
            Some((label, has_values))
                if text.0 - label[label.len() - 1].0 <= LABEL_GAP
                    && blocks.of_line(text.0) == blocks.of_line(label[0].0)
                    && !(on_values && *has_values) =>
            {
                label.push(text);
                *has_values |= on_values;
            }
            _ => labels.push((vec![text], on_values)),
        }
    }
    for (k, (label, _)) in labels.into_iter().enumerate() {
        let middle = label[0].0 + label[label.len() - 1].0;
        let nearest = neighbours(value_lines, middle, true)
            .into_iter()
            .min_by_key(|&r| (2 * value_lines[r].0).abs_diff(middle));
        // The first label's cell starts at the first row, wherever in its span the text stood.
        let Some(row) = (if k == 0 { Some(0) } else { nearest }) else { continue };
        rows[row][col].extend(label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_binds_its_words_but_not_a_unit_cell_before_it() {
        assert!(binds("增长", "6.5%"));
        assert!(binds("52", "亿元"));
        assert!(binds("8", "以上"));
        assert!(!binds("亿元", "640"));
        assert!(!binds("6.5", "预期性"));
    }
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    #[test]
    fn a_number_keeps_its_words_and_other_words_part() {
        let texts =
            |line: &str| words(line, Measure::Display).into_iter().map(|w| w.text).collect::<Vec<_>>();
        assert_eq!(
            texts("经济发 固定资产投资（%） 预期性 10     -   4.1"),
            ["经济发", "固定资产投资（%）", "预期性", "10", "-", "4.1"]
        );
        assert_eq!(texts("预期性 提高 1 个百分点   62.4"), ["预期性", "提高1个百分点", "62.4"]);
        assert_eq!(texts("预期性 52 亿元   50.8 亿元  3.5%"), ["预期性", "52亿元", "50.8亿元", "3.5%"]);
        assert_eq!(texts("7 6.9"), ["7", "6.9"]);
    }

    #[test]
    fn reads_rows_drawn_over_lines_with_a_merged_category() {
        let lines = [
            "                               完成情况",
            "类别   指标名称        属性  2024 年目标",
            "                               绝对值     增速",
            "",
            "     一般公共预算收入（亿",
            "                预期性 30 亿元          28.5 亿元  2.1%",
            "     元）",
            "",
            "产业发 工业投资增速（%） 预期性 12            -          9.4",
            "展",
            "     服务业增加值（亿元）   预期性 增长 7%       410.2     6.8%",
            "",
            "（二）工业经济提质增效，全年新增规上工业企业42家，工业增加值增长8%，高于预期。",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        let g = &read.grid;
        assert_eq!(read.end, 11);
        assert_eq!(
            g.texts(),
            [
                vec!["类别", "指标名称", "属性", "2024年目标", "完成情况", "完成情况"],
                vec!["类别", "指标名称", "属性", "2024年目标", "绝对值", "增速"],
                vec!["产业发展", "一般公共预算收入（亿元）", "预期性", "30亿元", "28.5亿元", "2.1%"],
                vec!["", "工业投资增速（%）", "预期性", "12", "-", "9.4"],
                vec!["", "服务业增加值（亿元）", "预期性", "增长7%", "410.2", "6.8%"],
            ]
        );
        assert_eq!(g.row_line(2), 6);
    }

    #[test]
    fn a_grid_of_characters_is_measured_in_characters() {
        // As `lynx -dump` draws a table: every character one column, cells one space apart,
        // `完成情况` centred over its two sub-titles.
        let lines = [
            "  类别      指标名称     属性  2022年目标      完成情况",
            "                                 总量     增速",
            "  产业发展 工业投资增速（%）   预期性 12        -      9.4",
            "       服务业增加值（亿元）  预期性 增长7%      410.2  6.8%",
            "  民生事业 城镇新增就业（万人）  预期性 1.8       1.95   -",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        let g = &read.grid;
        assert_eq!(
            g.texts(),
            [
                vec!["类别", "指标名称", "属性", "2022年目标", "完成情况", "完成情况"],
                vec!["类别", "指标名称", "属性", "2022年目标", "总量", "增速"],
                vec!["产业发展", "工业投资增速（%）", "预期性", "12", "-", "9.4"],
                vec!["", "服务业增加值（亿元）", "预期性", "增长7%", "410.2", "6.8%"],
                vec!["民生事业", "城镇新增就业（万人）", "预期性", "1.8", "1.95", "-"],
            ]
        );
    }

    #[test]
    fn titles_over_a_longer_line_of_sub_titles_span_them_or_both_lines() {
        // As `lynx -dump` prints `指标名称` and `单位` spanning two rows beside `2023年` over four
        // sub-titles, the last two one space apart: before, the titles above were glued to the
        // sub-titles nearest them (`单位指标名称计划`).
        let lines = [
            "   指标名称        单位 2023年",
            "                  计划   实际    完成计划(%) 比上年增长(%)",
            "   地区生产总值      亿元 640  628.5 98.2    5.9",
            "   财政总收入       亿元 115  118.3 102.9   6.1",
            "   固定资产投资增速    %  8    10.2  —       —",
            "   城镇居民人均可支配收入 元  增长6% 76800 —       5.2",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts()[..2],
            [
                vec!["指标名称", "单位", "2023年", "2023年", "2023年", "2023年"],
                vec!["指标名称", "单位", "计划", "实际", "完成计划(%)", "比上年增长(%)"],
            ]
        );
        assert_eq!(read.grid.texts()[2], ["地区生产总值", "亿元", "640", "628.5", "98.2", "5.9"]);
    }

    #[test]
    fn titles_one_per_line_over_a_line_of_sub_titles_are_one_header() {
        // As `lynx -dump` prints a header whose cells hold paragraphs: the first row's titles one
        // per line, the second row's under `2023年` side by side, the body on a grid of characters.
        let lines = [
            "   项目名称",
            "",
            "   计量单位",
            "",
            "   2023年",
            "                    预期 完成",
            "   农村居民人均可支配收入增速 %  7.5  8.1",
            "   粮食产量          万吨 52   53.4",
            "   造林面积          万亩 3以上  3.6",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts(),
            [
                vec!["项目名称", "计量单位", "2023年", "2023年"],
                vec!["项目名称", "计量单位", "预期", "完成"],
                vec!["农村居民人均可支配收入增速", "%", "7.5", "8.1"],
                vec!["粮食产量", "万吨", "52", "53.4"],
                vec!["造林面积", "万亩", "3以上", "3.6"],
            ]
        );
        assert_eq!(read.end, lines.len());
    }

    #[test]
    fn titles_one_space_apart_are_columns_even_when_joined_they_read_as_one() {
        let titles = |line: &str| {
            titles_of(line, &INDICATOR, Measure::Chars)
                .map(|titles| titles.into_iter().map(|t| (t.start, t.text)).collect::<Vec<_>>())
        };
        assert_eq!(
            titles(" 名称 2024年计划目标 指标性质"),
            Some(vec![(1, "名称".to_owned()), (4, "2024年计划目标".to_owned()), (14, "指标性质".to_owned())])
        );
        // A word that is no title leaves the piece whole: letter-spaced `指 标 名 称` is one title.
        assert_eq!(titles("指 标 名 称"), Some(vec![(0, "指标名称".to_owned())]));
        // Titles one space apart that together read as one are still parted between CJK words
        // (`pdftotext -layout`), not at a converter's gap beside a digit (`2023 年`).
        assert_eq!(
            titles("2023 年完成 完成情况"),
            Some(vec![(0, "2023年完成".to_owned()), (9, "完成情况".to_owned())])
        );
        // And before a year opening the next title (`2022 年完成 2023 年目标`).
        assert_eq!(
            titles("2022 年完成 2023 年目标"),
            Some(vec![(0, "2022年完成".to_owned()), (9, "2023年目标".to_owned())])
        );
    }

    #[test]
    fn a_section_label_alone_on_its_line_is_a_row_across_the_table() {
        let lines = [
            "    指标         单位     2023 年目标   2023 年完成",
            "一、经济发展",
            "地区生产总值增长       %    5 以上        4.8",
            "（二） 民生福祉",
            "城镇调查失业率         %    5.5 以内      5.1",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts(),
            [
                vec!["指标", "单位", "2023年目标", "2023年完成"],
                vec!["一、经济发展"; 4],
                vec!["地区生产总值增长", "%", "5以上", "4.8"],
                vec!["（二）", "民生福祉", "民生福祉", "民生福祉"],
                vec!["城镇调查失业率", "%", "5.5以内", "5.1"],
            ]
        );
    }

    #[test]
    fn names_indented_right_of_a_category_go_to_the_name_column() {
        // The category's text stands on a line of its own, so no line fills every column; the
        // columns are placed by the lines filling all but the category's.
        let lines = [
            "类别          指标         单位         2023 年目标     2023 年完成",
            "     地区生产总值增长          %    7 左右             4.1",
            "经济",
            "     规模以上工业增加值增长       %    8 左右             5.4",
            "发展",
            "     固定资产投资增长            %    8              -5.9",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts(),
            [
                vec!["类别", "指标", "单位", "2023年目标", "2023年完成"],
                vec!["经济发展", "地区生产总值增长", "%", "7左右", "4.1"],
                vec!["", "规模以上工业增加值增长", "%", "8左右", "5.4"],
                vec!["", "固定资产投资增长", "%", "8", "-5.9"],
            ]
        );
    }

    #[test]
    fn the_tops_of_a_rows_wrapped_values_join_its_row() {
        let lines = [
            "    指标名称         单位     2023 年目标     2023 年完成      属性",
            "地区生产总值增长       %       6 左右          5.5             预期性",
            "                               完成市下达       完成市下达",
            "单位 GDP 能耗降低       %                                       约束性",
            "                               任务             任务",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts(),
            [
                vec!["指标名称", "单位", "2023年目标", "2023年完成", "属性"],
                vec!["地区生产总值增长", "%", "6左右", "5.5", "预期性"],
                vec!["单位GDP能耗降低", "%", "完成市下达任务", "完成市下达任务", "约束性"],
            ]
        );
    }

    #[test]
    fn loose_text_parts_at_a_space_between_cjk_characters_only() {
        let texts = |text: &str| {
            let piece = Piece { start: 0, text: text.to_owned() };
            cjk_parts(&piece, Measure::Chars).into_iter().map(|p| (p.start, p.text)).collect::<Vec<_>>()
        };
        assert_eq!(texts("生态 设区市城市空气"), [(0, "生态".to_owned()), (3, "设区市城市空气".to_owned())]);
        assert_eq!(texts("实现 412.3 亿元，同"), [(0, "实现 412.3 亿元，同".to_owned())]);
        assert_eq!(texts("单位 GDP 能耗降"), [(0, "单位 GDP 能耗降".to_owned())]);
    }

    #[test]
    fn a_rows_value_drifting_under_the_tops_of_its_wrapped_values_makes_room_for_them() {
        let lines = [
            "      指标        单位     2023 年完成       2023 年目标       2024 年目标   属性",
            "城镇调查失业率        %     4.9          5.5 以内         5.5 以内         预期性",
            "                     完成国家下达任          完成国家下达任",
            "单位地区生产总值能耗降低 %               完成国家下达任务         约束性",
            "                     务                务",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts()[2],
            [
                "单位地区生产总值能耗降低",
                "%",
                "完成国家下达任务",
                "完成国家下达任务",
                "完成国家下达任务",
                "约束性"
            ]
        );
    }

    #[test]
    fn a_latin_word_binds_the_cjk_beside_it() {
        assert!(binds("单位", "GDP"));
        assert!(binds("PM2.5", "平均浓度"));
        assert!(!binds("6.4", "与经济增长同步"));
        assert!(!binds("%", "7"));
        assert!(binds("8左右（后调整为", "3"));
    }

    #[test]
    fn sub_titles_stay_together_beside_a_title_centred_among_them() {
        // `单位` spans both header rows, centred where `目标值` starts; the 类别 stands on the last
        // row's line, which has no 增长 cell, so its words count as many as the other columns.
        let lines = [
            "                           2024 年",
            "类别    指标名称            单位                   属性",
            "                           目标值 增长（%）",
            "      地区生产总值          亿元 1230       6 左右   预期性",
            "经济发展 规模以上工业增加值        亿元 —          8      预期性",
            "      固定资产投资          亿元 —          5      预期性",
            "绿色生态 单位地区生产总值能耗降低 %        完成市下达目标         约束性",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        assert_eq!(
            read.grid.texts()[..2],
            [
                vec!["类别", "指标名称", "单位", "2024年", "2024年", "属性"],
                vec!["类别", "指标名称", "单位", "目标值", "增长（%）", "属性"],
            ]
        );
        assert_eq!(
            read.grid.texts()[5],
            ["绿色生态", "单位地区生产总值能耗降低", "%", "", "完成市下达目标", "约束性"]
        );
    }

    #[test]
    fn a_category_no_title_names_left_of_the_first_column_is_a_column_of_its_own() {
        // `指 标` over the 类别 and the names (`<th colspan=2>`): the 类别 stands left of the
        // names, on lines of its own and on value lines one word longer than the header.
        let lines = [
            "        指 标       单位      2023 年目标   2023 年完成 完成情况",
            "   地区生产总值增长★      %     6.5%左右       5.9%   未完成",
            "经济",
            "   一般公共预算收入增长     %     6-6.5        7.2    完成",
            "发展",
            "   固定资产投资增长       %     ≥10          11.3   完成",
            "民生 居民人均可支配收入增长★ %       与经济增长同步 5.8         基本完成",
            "福祉 城镇调查失业率      %       ＜5           3.1    完成",
        ];
        let read = read(LinedText::from_lines(&lines).lines(), 0, &INDICATOR).expect("a table");
        let texts = read.grid.texts();
        assert_eq!(texts[0], ["指标", "指标", "单位", "2023年目标", "2023年完成", "完成情况"]);
        assert_eq!(read.grid.cell(0, 0).map(|c| c.col_span), Some(2));
        let names: Vec<&str> = texts[1..].iter().map(|row| row[1]).collect();
        assert_eq!(
            names,
            [
                "地区生产总值增长★",
                "一般公共预算收入增长",
                "固定资产投资增长",
                "居民人均可支配收入增长★",
                "城镇调查失业率"
            ]
        );
    }

    /// Lines of header words, values, loose words and spaces in any mix.
    fn jumbled_lines() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "指标名称",
            "类别",
            "2023 年目标",
            "2023年",
            "完成情况",
            "绝对值",
            "增速",
            "属性",
            "预期性",
            "7",
            "6.5%",
            "增长",
            "以上",
            "52",
            "亿元",
            "-",
            "（%）",
            "经济发",
            "展",
            "完成",
            "注：说明",
        ]);
        let gap = prop::sample::select(vec![" ", "  ", "     ", "\u{3000}", ""]);
        let line = prop::collection::vec((gap, word), 0..8)
            .prop_map(|parts| parts.into_iter().map(|(g, w)| format!("{g}{w}")).collect::<String>());
        prop::collection::vec(line, 1..14)
    }

    /// Every fixture's and sample's text (as the file's format gives it).
    fn fixture_texts() -> Vec<(std::path::PathBuf, String)> {
        let decoded = |path: std::path::PathBuf| {
            let bytes = std::fs::read(&path).ok()?;
            let document = crate::ingest::decode(&path.to_string_lossy(), bytes).ok()?;
            Some((path, document.text))
        };
        crate::fixtures::files().into_iter().filter_map(decoded).collect()
    }

    /// Where the cheap test says no table starts, the reader finds none, in every fixture and
    /// sample, whatever the vocabulary.
    #[test]
    fn the_cheap_test_turns_away_no_table_of_any_fixture() {
        let vocabularies = [&INDICATOR, &crate::parse::projects::PROJECT];
        let (mut turned_away, mut tables) = (0, 0);
        for (path, text) in fixture_texts() {
            let index = crate::parse::LineIndex::new(&text).expect("a fixture under 4 GiB");
            let lines = index.lines(&text);
            for start in 0..lines.len() {
                let may = may_hold_rows(lines, start);
                for vocabulary in vocabularies {
                    let read = read_unfiltered(lines, start, vocabulary);
                    tables += usize::from(read.is_some());
                    assert!(may || read.is_none(), "{} line {}", path.display(), start + 1);
                }
                turned_away += usize::from(!may);
            }
        }
        assert!(turned_away > 2_000 && tables > 100, "{turned_away} {tables}");
    }

    proptest::proptest! {
        /// Lines of prose among jumbled lines: where the cheap test says no table starts, the
        /// reader finds none.
        #[test]
        fn the_cheap_test_turns_away_no_table_among_jumbled_lines(
            lines in jumbled_lines(),
            at in 0usize..14,
        ) {
            let prose = "推动稳经济政策落地见效，高规格组建工作专班，高频次加强运行调度，高标准出台配套政策。";
            let mut lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            lines.insert(at.min(lines.len()), prose);
            let text = LinedText::from_lines(&lines);
            for start in 0..lines.len() {
                if !may_hold_rows(text.lines(), start) {
                    proptest::prop_assert!(read_unfiltered(text.lines(), start, &INDICATOR).is_none());
                }
            }
        }

        #[test]
        fn any_jumble_of_lines_reads_without_panicking(lines in jumbled_lines()) {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            for start in 0..lines.len() {
                if let Some(read) = read(LinedText::from_lines(&lines).lines(), start, &INDICATOR) {
                    proptest::prop_assert!(read.end > start && read.end <= lines.len());
                }
            }
        }
    }
}
