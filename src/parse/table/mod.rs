//! Indicator tables: where they are, how they were laid out, and their rows.
//!
//! A table is a [`Grid`] whatever its form: one the file's format gave (an HTML `<table>`, a Word
//! table, a PDF table placed in the text by [`crate::ingest`]), or one a reader of
//! [`crate::parse::readers`] finds in the lines of text. A grid is an indicator table when its
//! header names a name column and a target column ([`header`]), in any order; its body rows are
//! placed in those columns ([`align`]) and read as indicators ([`indicator`]). The caption is the
//! `表N`/`专栏N` line or bare title before the table (or after it); the notes under the table say
//! what `*` means, may revise targets and deem rows met, and are kept with the rows they name
//! ([`notes`]).

pub(crate) mod align;
pub(crate) mod header;
mod indicator;
pub(crate) mod name;
pub(crate) mod notes;
mod paired_cells;
mod paired_rows;
mod side_by_side;
mod title_year;
mod transposed;
pub(crate) mod verdict;

use crate::document::PlacedTable;
use crate::grid::Grid;
use crate::model::{IndicatorTable, Scope, TableColumn, TableKind, Warning, WarningKind};
use crate::parse::Lines;
use crate::parse::caption::{self, MAX_CAPTION_CHARS, is_bare_caption, is_caption};
use crate::parse::continued::read_continued;
use crate::parse::readers::{self, Read};
use crate::text::{self, Trimmed};
use header::{Header, INDICATOR, MAX_TITLE_CHARS, Role, read_header, role_of};
use indicator::ReadCells;

/// Captions naming these are meant to be indicator tables: warn when no table follows.
const INDICATOR_CAPTION_WORDS: [&str; 4] = ["指标", "主要目标", "计划目标", "预期目标"];
/// Every word of [`INDICATOR_CAPTION_WORDS`] holds one of these (the tests check): lines near a
/// caption are searched for the two, not for the four words.
const INDICATOR_CAPTION_STEMS: [&str; 2] = ["指标", "目标"];
/// A caption is looked for within this many non-blank lines before the table.
const CAPTION_LOOKBACK: usize = 3;

/// Finds every indicator table in `lines` (`lines[0]` is line 1): the `placed` tables the file's
/// format gave, and the tables readers find in the rest of the text.
///
/// Cells that cannot be placed, rows with missing cells and indicator captions with no table
/// after them become warnings; the rest of the table is still read.
pub fn parse_tables(
    lines: Lines<'_>,
    placed: &[PlacedTable],
    warnings: &mut Vec<Warning>,
) -> Vec<IndicatorTable> {
    let mut tables = Vec::new();
    let mut pending: Option<usize> = None;
    let mut index = 0;
    // Whether a line could start a table, asked of the line after this one too (a header over
    // three lines): each line's answer is kept for the next turn.
    let mut may_start: Option<(usize, bool)> = None;
    let mut could_start = |at: usize| match may_start {
        Some((known, answer)) if known == at => answer,
        _ => {
            let answer = could_start_table(&lines[at]);
            may_start = Some((at, answer));
            answer
        }
    };
    while index < lines.len() {
        let found = match placed.iter().find(|p| p.lines.start == index) {
            Some(table) => {
                let read = Read { grid: table.grid.clone(), end: table.lines.end, warnings: Vec::new() };
                match transposed::turned(&read).or_else(|| paired_rows::folded(&read)) {
                    Some((turned, header, cells)) => Some((turned, Some((header, cells)))),
                    None => {
                        let header = read_header(&read.grid).map(|h| (h, ReadCells::default()));
                        Some((read, header))
                    }
                }
            }
            None if could_start(index)
                || readers::dashed::opens_ruled_table(lines, index)
                // A header over three lines: its middle line opens with a title standing alone
                // (`序号`), the wrapped titles' parts above and below (`2023 年目` / `标`).
                || (index + 1 < lines.len()
                    && could_start(index + 1)
                    && readers::banded::opens_band(lines, index, &INDICATOR)) =>
            {
                read_text_table(lines, index)
            }
            None => None,
        };
        let Some((read, header)) = found else {
            if is_caption(lines[index].trimmed()) {
                warn_missing_table(lines, pending.replace(index), warnings);
            }
            index += 1;
            continue;
        };
        let Some((header, cells)) = header else {
            index = if placed.iter().any(|p| p.lines.start == index) { read.end } else { index + 1 };
            continue;
        };
        let (read, header, cells) = unfolded(read, header, cells);
        let caption_index = find_caption(lines, index, read.end);
        if caption_index.is_some() && caption_index == pending {
            pending = None;
        }
        let end = read.end.max(index + 1);
        let mut part = (read, header, cells);
        let mut captioned = caption_index;
        loop {
            let next = split_second_table(&mut part.0, &part.1);
            let (read, header, mut cells) = part;
            let headers = header.by_year();
            tables.extend(read_tables(lines, index, read, &headers, captioned.take(), &mut cells, warnings));
            match next {
                Some(second) => part = second,
                None => break,
            }
        }
        // A caption under the table is its own, not one waiting for a table.
        index = match caption_index {
            Some(at) if at >= end => at + 1,
            _ => end,
        };
    }
    warn_missing_table(lines, pending, warnings);
    tables
}

/// The table with its side-by-side blocks read one under the other ([`side_by_side`]) and its
/// columns of targets and results in one cell parted ([`paired_cells`]), or as it was when it
/// has neither.
fn unfolded(read: Read, header: Header, cells: ReadCells) -> (Read, Header, ReadCells) {
    let (read, header, cells) = regridded(read, header, cells, side_by_side::unfold);
    regridded(read, header, cells, paired_cells::part)
}

/// The table as `regrid` rewrites its grid, read anew, or as it was when `regrid` leaves it or
/// its rewrite reads as no indicator table.
fn regridded(
    read: Read,
    header: Header,
    cells: ReadCells,
    regrid: fn(&Grid, &Header) -> Option<Grid>,
) -> (Read, Header, ReadCells) {
    let Some(grid) = regrid(&read.grid, &header) else { return (read, header, cells) };
    match judge_indicator(&grid) {
        Some((_, (header, cells))) => (Read { grid, ..read }, header, cells),
        None => (read, header, cells),
    }
}

/// Cuts a second table off `read`'s grid (one `<table>` holding `表2 …` and its own header
/// under the first table's rows, see [`header::second_table_at`]) and returns it, with its
/// header and the cells read judging it.
fn split_second_table(read: &mut Read, header: &Header) -> Option<(Read, Header, ReadCells)> {
    let at = header::second_table_at(&read.grid, header)?;
    let grid = read.grid.rows_from(at);
    let (_, (second, cells)) = judge_indicator(&grid)?;
    read.grid = read.grid.row_slice(0..at);
    Some((Read { grid, end: read.end, warnings: Vec::new() }, second, cells))
}

/// Builds the tables read at `start`, one per header (see [`Header::by_year`]), with their
/// caption and notes. The notes and the warnings about the grid go with the first.
fn read_tables(
    lines: Lines<'_>,
    start: usize,
    read: Read,
    headers: &[Header],
    caption_index: Option<usize>,
    cells: &mut ReadCells,
    warnings: &mut Vec<Warning>,
) -> Vec<IndicatorTable> {
    let (caption, line, year) = caption_of(lines, start, &read.grid, caption_index);
    let scope = Scope::Table(caption.clone());
    warnings.extend(read.warnings.into_iter().map(|w| w.in_table(scope.clone())));
    let notes = notes::read_table_notes(lines, &read.grid, read.end);
    let note_above = unit_note_above(lines, start);
    let mut repeated = Vec::new();
    let mut tables = Vec::with_capacity(headers.len());
    for (k, header) in headers.iter().enumerate() {
        let warnings = if k == 0 { &mut *warnings } else { &mut repeated };
        let stars = notes.binding_stars();
        let mut rows =
            indicator::build_rows(&read.grid, header, &stars, &caption, note_above, cells, warnings);
        if k == 0 {
            notes.judge(&mut rows, &caption, warnings);
        }
        warn_unread_targets(header, &caption, line, warnings);
        if rows.is_empty() {
            warnings.push(Warning::new(line, WarningKind::NoRows).in_table(scope.clone()));
        }
        tables.push(IndicatorTable {
            year: header.target_title_year().map_or(year, |title_year| title_year.in_table_of(year)),
            kind: if header.is_review() { TableKind::Review } else { TableKind::Plan },
            layout: read.grid.layout,
            columns: header.columns.iter().map(|c| TableColumn { title: c.label(), role: c.role }).collect(),
            notes: if k == 0 { notes.table_notes(&rows) } else { Vec::new() },
            caption: caption.clone(),
            line,
            rows,
        });
    }
    tables
}

/// Scores a grid as an indicator table, with its header and the target cells and body rows it
/// read: its rows with a name and a target under a header naming a name and a target column.
/// `None` when it is no indicator table, or when fewer than half of its rows with a name have a
/// target that reads as one (cells out of line, as a converter may leave them).
fn judge_indicator(grid: &Grid) -> Option<(usize, (Header, ReadCells))> {
    let header = read_header(grid)?;
    header.find(Role::Name)?;
    let target = header.find(Role::Target)?;
    // A target and its result in one cell (`7/6.1`) is a value too, until the column is parted.
    let paired = paired_cells::is_paired(&header.columns[target]);
    let mut cells = ReadCells::new(grid.cells().len());
    let (mut named, mut valued) = (0, 0);
    // Short rows of a text layout (a spanning cell written once) are judged as placed; a row is
    // named by any of its name cells (a category written once, in its block's first row, before
    // the name under one title `指标` leaves the first name column blank below it).
    let slot = |body: &align::BodyRow, col: usize| body.slots.get(col).copied().flatten();
    let body = align::body_rows(grid, &header);
    let named_rows = body
        .iter()
        .filter(|body| body.names.iter().any(|&index| !grid.cells()[index].text.trimmed().is_empty()));
    for body in named_rows {
        named += 1;
        let Some(index) = slot(body, target) else { continue };
        let text = &grid.cells()[index].text;
        if !text.trimmed().is_empty() {
            let value = align::reads_as_value(text, &cells.read(grid, index).form);
            valued += usize::from(value || (paired && paired_cells::holds_value_pair(text)));
        }
    }
    if named == 0 || valued * 2 < named {
        return None;
    }
    // The rows are placed once: the table's rows are built from them ([`indicator::build_rows`]).
    cells.keep_body(&header, body);
    Some((1 + valued * 10 + header.width(), (header, cells)))
}

/// The indicator table read from text at `lines[index]`, with the parts that continue it after a
/// page break ([`read_continued`]), and its header. A header standing alone, with no rows under
/// it, heads the headerless table after it: a web page that puts its header row in a `<table>` of
/// its own comes out of pandoc as two tables. A table on its side is read turned.
fn read_text_table(lines: Lines<'_>, index: usize) -> Option<(Read, Option<(Header, ReadCells)>)> {
    // Each reader reads the lines once; its grid is judged the three ways in turn.
    let mut reads = readers::read_all(lines, index, &INDICATOR);
    if let Some((read, header)) = readers::take_best(&mut reads, judge_indicator) {
        return Some((read_continued(lines, read), Some(header)));
    }
    let alone = readers::take_best(&mut reads, |grid| Some((usize::from(is_header_alone(grid)), ())));
    if let Some((alone, ())) = alone {
        let read = read_continued(lines, alone);
        let (_, header) = judge_indicator(&read.grid)?;
        return Some((read, Some(header)));
    }
    // A table on its side: the indicators across its first row ([`transposed`]).
    let (read, (grid, header, cells)) = readers::take_best(&mut reads, transposed::judge_turned)?;
    Some((Read { grid, ..read }, Some((header, cells))))
}

/// Whether a grid is an indicator table's header and nothing else: a name and a target column,
/// no rows under them.
fn is_header_alone(grid: &Grid) -> bool {
    read_header(grid).is_some_and(|header| {
        header.rows == grid.rows() && header.find(Role::Name).is_some() && header.find(Role::Target).is_some()
    })
}

/// Whether a line could be the first line of a table: it is a rule or row of a drawn or
/// Markdown table, or its first cell reads as a column title; and it is no caption.
fn could_start_table(line: &str) -> bool {
    let text = line.trimmed();
    let drawn = text.starts_with(['|', '┌', '┏', '╔', '+', '│', '┃']);
    (drawn || starts_with_title(text)) && !is_caption(text) && !is_bare_caption(text)
}

/// Whether the first cell of a line (cells parted by TABs or bars), or its piece before a gap
/// of two spaces, reads as a column title; or its first two words, parted by one space, each do
/// (`指标名称 单位 2023 年目标 …`: `pdftotext -layout` sets narrow columns' titles one space apart).
fn starts_with_title(text: &str) -> bool {
    let FirstCell { text: first, cut, spaced } = first_cell(text);
    // A space is ASCII: its byte is never inside a character's, and `memchr` finds it fastest.
    let space_in = |text: &str| memchr::memchr(b' ', text.as_bytes());
    let two_titles = || {
        spaced
            && space_in(first).is_some_and(|at| {
                let rest = &first[at + 1..];
                let next = space_in(rest).map_or(rest, |end| &rest[..end]);
                role_of(&first[..at]).is_some() && role_of(next).is_some()
            })
    };
    (!cut && role_of(first).is_some())
        || (spaced && double_space(first).is_some_and(|at| role_of(&first[..at]).is_some()))
        || spaced_letters(text).is_some_and(|title| role_of(&title).is_some())
        || two_titles()
}

/// The title a line opens with when it is spaced out letter by letter over runs of spaces (`项   目
/// 单位 …`, a justified Word cell in `pdftotext -layout`): its single characters joined. `None`
/// when the line does not open with a CJK character and a run of spaces (most lines: prose).
fn spaced_letters(text: &str) -> Option<String> {
    let first = text.chars().next()?;
    if first.is_ascii() || !text[first.len_utf8()..].starts_with("  ") {
        return None;
    }
    let single = |piece: &str| piece.chars().count() == 1 && !piece.is_ascii();
    let pieces = text.split("  ").map(str::trim).filter(|piece| !piece.is_empty());
    Some(pieces.take_while(|piece| single(piece)).collect())
}

/// Where the first two spaces in a row start in `text` (looked for from its spaces: a cell of
/// Chinese text mostly has none).
fn double_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).find(|&at| bytes.get(at + 1) == Some(&b' '))
}

/// The first non-empty cell of a line whose cells are parted by TABs or bars.
struct FirstCell<'a> {
    /// The cell; `""` when there is none.
    text: &'a str,
    /// Whether it was cut: a cell longer than a title is cut after [`MAX_TITLE_CHARS`] + 1
    /// characters besides white space, which is enough to tell it is none, so a line of prose is
    /// not read to its end.
    cut: bool,
    /// Whether the cell holds an ASCII space.
    spaced: bool,
}

/// The first non-empty cell of a line (see [`FirstCell`]).
fn first_cell(text: &str) -> FirstCell<'_> {
    let mut start = 0;
    let mut letters = 0;
    let mut spaced = false;
    let mut at = 0;
    while at < text.len() {
        let (len, c) = blank_or_bar_at(text, at);
        match c {
            Some('\t' | '|' | '│' | '┃') => {
                if letters > 0 {
                    return FirstCell { text: &text[start..at], cut: false, spaced };
                }
                start = at + len;
                spaced = false;
            }
            Some(c) if c.is_whitespace() => spaced |= c == ' ',
            _ => {
                letters += 1;
                if letters > MAX_TITLE_CHARS {
                    return FirstCell { text: &text[start..at + len], cut: true, spaced };
                }
            }
        }
        at += len;
    }
    match letters {
        0 => FirstCell { text: "", cut: false, spaced: false },
        _ => FirstCell { text: &text[start..], cut: false, spaced },
    }
}

/// The byte length of the character at `text[at..]`, and the character when it may be white
/// space or a bar: ASCII, or led by byte C2, E1, E2 or E3, the first bytes of every white-space
/// character past ASCII (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) and of the bars `│`
/// `┃`. Other characters (ideographs, most of a line) are skipped by their first byte, not
/// decoded.
fn blank_or_bar_at(text: &str, at: usize) -> (usize, Option<char>) {
    match text.as_bytes()[at] {
        byte @ 0..0x80 => (1, Some(char::from(byte))),
        0xc2 | 0xe1..=0xe3 => text[at..].chars().next().map_or((1, None), |c| (c.len_utf8(), Some(c))),
        lead => (crate::text::utf8_len(lead), None),
    }
}
/// The index of the caption of the table at `start..end`: a `表N`/`专栏N` caption or a bare
/// title within a few non-blank lines before it (rules of dashes not counted), else one right
/// after it.
fn find_caption(lines: Lines<'_>, start: usize, end: usize) -> Option<usize> {
    let before = (0..start)
        .rev()
        .filter(|&i| !lines[i].trimmed().is_empty() && !readers::is_rule(&lines[i]))
        .take(CAPTION_LOOKBACK);
    for index in before {
        let text = lines[index].trimmed();
        if is_caption(text) || is_bare_caption(text) {
            return Some(bare_number_before(lines, index));
        }
        if text.chars().count() > MAX_CAPTION_CHARS {
            break;
        }
    }
    let after = (end..lines.len()).find(|&i| !lines[i].trimmed().is_empty())?;
    let text = lines[after].trimmed();
    (is_caption(text) || is_bare_caption(text)).then_some(after)
}

/// The caption of the table at `start` (`caption_index` is the caption line found for it), the
/// line it is on, and the year it names, or else the year the lead-in sentence or the heading
/// above names (`2023年，全区主要指标完成情况见下表。`).
fn caption_of(
    lines: Lines<'_>,
    start: usize,
    grid: &Grid,
    caption_index: Option<usize>,
) -> (String, usize, Option<u16>) {
    let lead_in = lead_in_before(lines, start);
    let (caption, line) = match (caption_index, header::caption_row(grid)) {
        // The table's own first row names it better than a bare title or heading before it.
        (Some(at), Some(title)) if !is_caption(lines[at].trimmed()) => {
            (title.trimmed().to_owned(), start + 1)
        }
        // A sentence right above the table pointing at it (`…完成情况见下表。`) names it better
        // than a heading further up.
        (Some(at), _) => match lead_in.filter(|_| !is_caption(lines[at].trimmed())) {
            Some((_, title)) => (title.to_owned(), start + 1),
            None => (caption_text(lines, at), at + 1),
        },
        (None, Some(title)) => (title.trimmed().to_owned(), start + 1),
        (None, None) => match lead_in {
            Some((_, title)) => (title.to_owned(), start + 1),
            None => (format!("表（第{}行）", start + 1), start + 1),
        },
    };
    let mut around = lead_in.map(|(at, _)| at).into_iter().chain(caption_index);
    let year = caption::year_in(&caption).or_else(|| around.find_map(|at| caption::year_in(&lines[at])));
    (caption, line, year)
}

/// The unit note right above the table at `start` (`单位：%`, alone or after the caption on its
/// line), as a copy of a page or a PDF's text writes the table's unit row: its text after `单位`,
/// up to the bracket closing it (`…完成情况（单位：%）` → `：%`).
fn unit_note_above(lines: Lines<'_>, start: usize) -> Option<&str> {
    let above = (0..start).rev().find(|&i| !lines[i].trimmed().is_empty())?;
    let text = lines.at(above);
    let at = text.find("单位：").or_else(|| text.find("单位:"))?;
    let note = &text[at + "单位".len()..];
    Some(note.find(['）', ')']).map_or(note, |end| &note[..end]))
}

/// The sentence right before the table at `start` when it points at the table, with the title it
/// gives it (see [`caption::lead_in_title`]).
fn lead_in_before<'a>(lines: Lines<'a>, start: usize) -> Option<(usize, &'a str)> {
    let before =
        (0..start).rev().find(|&i| !lines[i].trimmed().is_empty() && !readers::is_rule(&lines[i]))?;
    caption::lead_in_title(lines.at(before)).map(|title| (before, title))
}

/// A title line under a bare `表1` line (right under it or after a blank line) belongs to that
/// caption: the caption starts there.
fn bare_number_before(lines: Lines<'_>, index: usize) -> usize {
    let above = (index.saturating_sub(2)..index).rev().find(|&i| !lines[i].trimmed().is_empty());
    match above.and_then(|i| caption::caption_at(lines, i)) {
        Some(caption) if caption.next == index + 1 => caption.index,
        _ => index,
    }
}

/// The caption at `index` as written (a bare `表1` joined with the title on the next line).
fn caption_text(lines: Lines<'_>, index: usize) -> String {
    caption::caption_at(lines, index)
        .map_or_else(|| caption::unmarked(lines[index].trimmed()).to_owned(), |c| c.text)
}

/// Warns when the caption at `index` names indicators but no table was read under it.
fn warn_missing_table(lines: Lines<'_>, index: Option<usize>, warnings: &mut Vec<Warning>) {
    let Some(index) = index else { return };
    // The caption is its line, or its line and the title on one of the two lines after it
    // ([`caption::caption_at`]), joined by a space no word holds: a caption whose three lines
    // hold no word's stem (most: a box's) is not read.
    let mut near = lines.iter().skip(index).take(3);
    if !near.any(|line| INDICATOR_CAPTION_STEMS.iter().any(|w| text::holds(line, w))) {
        return;
    }
    let caption = caption_text(lines, index);
    if !INDICATOR_CAPTION_WORDS.iter().any(|w| caption.contains(w)) {
        return;
    }
    warnings.push(Warning::new(index + 1, WarningKind::MissingTable).in_table(Scope::Table(caption)));
}

/// Warns when a table has more than one target column (beyond a level and growth pair): only the
/// first is read.
fn warn_unread_targets(header: &Header, caption: &str, line: usize, warnings: &mut Vec<Warning>) {
    let pair = header.target_pair();
    let mut targets = header
        .all(Role::Target)
        .into_iter()
        .filter(|i| pair.first() == Some(i) || !pair.contains(i))
        .map(|i| header.columns[i].label());
    let Some(read) = targets.next() else { return };
    let skipped: Vec<String> = targets.collect();
    if !skipped.is_empty() {
        let kind = WarningKind::UnreadTargets { read, skipped };
        warnings.push(Warning::new(line, kind).in_table(Scope::Table(caption.to_owned())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_caption_word_holds_a_stem() {
        for word in INDICATOR_CAPTION_WORDS {
            assert!(INDICATOR_CAPTION_STEMS.iter().any(|stem| word.contains(stem)), "{word}");
        }
    }

    #[test]
    fn characters_skipped_undecoded_are_neither_blanks_nor_bars() {
        for c in '\0'..=char::MAX {
            let (len, seen) = blank_or_bar_at(c.encode_utf8(&mut [0; 4]), 0);
            assert_eq!(len, c.len_utf8(), "{c:?}");
            if seen.is_none() {
                assert!(!c.is_whitespace() && !matches!(c, '\t' | '|' | '│' | '┃'), "{c:?}");
            }
        }
    }

    #[test]
    fn the_first_cell_is_cut_after_a_title_s_length() {
        let cell = |text| {
            let FirstCell { text, cut, spaced } = first_cell(text);
            assert_eq!(spaced, text.contains(' '), "{text:?}");
            (text, cut)
        };
        assert_eq!(cell("\t\u{3000}指标名称\t目标"), ("\u{3000}指标名称", false));
        assert_eq!(cell("│ 序号 │ 指标 │"), (" 序号 ", false));
        assert_eq!(cell(" \t指标 名称"), ("指标 名称", false));
        assert_eq!(
            cell("一二三四五六七八九十一二三四五六七八"),
            ("一二三四五六七八九十一二三四五六七", true)
        );
        assert_eq!(
            cell("一二三四 五六七八九十一二三四五六七八"),
            ("一二三四 五六七八九十一二三四五六七", true)
        );
        assert_eq!(cell(" \t "), ("", false));
    }
}
