//! Aligning a query term with a name character by character, through the characters as written
//! and through their pinyin.
//!
//! Each character of the name may take, from the term, either itself (`藻`, `c`, `5`) or a
//! non-empty prefix of one of its readings (`zao`, `z`, `za`). The term must be used up in
//! order, characters may be skipped, with one rule that keeps short initials precise: a character
//! that took only part of its reading (an initial, `z` for 藻) must be followed directly by the
//! next matched character (punctuation in between is allowed). So `zdsk` and `zaodushuiku` and `zaoshuiku` and `藻渡sk` find 藻渡水库,
//! while `zsk` (initials scattered over the name) does not; a free subsequence over initials
//! would match a large share of any long list. The rule only constrains what comes after a
//! partial reading, so a term that matches still matches with its last character removed: the
//! incremental search relies on that.
//!
//! [`Spelling::aligns`] decides whether a term aligns, bit-parallel over the term's positions, and
//! allocation-free. [`Spelling::best`] scores the best alignment with the same rules and
//! constants as fuzzy-matcher's skim algorithm (match, run and word-start bonuses, affine gap
//! penalty), so its scores rank together with the scores of the names as written.

use super::matcher::SCORING;
use super::pinyin::{self, CharReadings, CharSet, MAX_SYLLABLE_LEN, Syllable};

/// A set of term positions: bit `i` means "the first `i` characters of the term are used up".
type Mask = u128;

/// The longest term that can be aligned through pinyin (longer terms match as written only).
pub const MAX_TERM_CHARS: usize = Mask::BITS as usize - 1;

const MATCH: i32 = SCORING.score_match;
const GAP_START: i32 = SCORING.gap_start;
const GAP_EXTENSION: i32 = SCORING.gap_extension;
/// Penalty for a character matched through a reading other than its reading in context.
const OTHER_READING: i32 = 4;
/// Scoring holds at most this many cells (term length × name length); beyond, a match is
/// reported with score 0 and no positions rather than using unbounded memory.
const MAX_CELLS: usize = 1 << 20;
const NONE: i32 = i32::MIN / 2;

/// A query term prepared for alignment: for every syllable, where in the term its prefixes
/// start. Built once per query, shared by every candidate.
#[derive(Debug, Clone)]
pub struct Spelling {
    chars: Vec<char>,
    goal: Mask,
    /// The letters of the term, as bits (`a` = bit 0).
    letters: u32,
    /// The characters with a reading that starts with a letter of the term: only theirs are
    /// looked up in the reading table.
    spellable: CharSet,
    ascii: [Mask; 128],
    others: Vec<(char, Mask)>,
    /// Per syllable: bit `i` of entry `k` is set when the term at `i` starts with the syllable's
    /// first `k + 1` letters.
    prefixes: Vec<[Mask; MAX_SYLLABLE_LEN]>,
    lengths: Vec<u8>,
}

/// A name as the aligner sees it: the folded text and its place-name readings.
#[derive(Debug, Clone, Copy)]
pub struct Name<'a> {
    /// The folded name.
    pub folded: &'a str,
    /// `(character index, syllable)` of characters read in context (重庆 → chong qing), sorted.
    pub places: &'a [(u32, Syllable)],
}

/// Reusable memory for [`Spelling::best`], one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The active columns: characters of the name that can take something from the term.
    columns: Vec<usize>,
    /// One cell per term position for each active column.
    cells: Vec<Cell>,
    /// Per term position, the best full match two or more columns back (a gap's source).
    gaps: Vec<Gap>,
}

/// The best way found to use the term up to a position, ending with a match in a column.
#[derive(Debug, Clone, Copy)]
struct State {
    score: i32,
    /// How many term characters the column's character took.
    taken: u8,
    from: From,
    /// The active column of the previous match (for `Full`, `Partial` and `Gap`).
    previous: u32,
}

const EMPTY: State = State { score: NONE, taken: 0, from: From::Start, previous: 0 };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum From {
    /// The first match.
    Start,
    /// Right after a full match in the previous column.
    Full,
    /// After a partial reading, at the next character that is not punctuation.
    Partial,
    /// After a full match, characters skipped.
    Gap,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    full: State,
    partial: State,
}

#[derive(Debug, Clone, Copy)]
struct Gap {
    /// The full match's score minus the gap penalty it would pay per column.
    adjusted: i32,
    column: u32,
}

impl Spelling {
    /// Prepares a folded term; `None` when it has no ASCII letter (nothing to spell) or is longer
    /// than [`MAX_TERM_CHARS`].
    pub fn new(term: &str) -> Option<Spelling> {
        let chars: Vec<char> = term.chars().collect();
        if chars.len() > MAX_TERM_CHARS || !chars.iter().any(char::is_ascii_alphabetic) {
            return None;
        }
        let mut ascii = [0; 128];
        let mut others: Vec<(char, Mask)> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let bit = 1 << i;
            match ascii.get_mut(c as usize) {
                Some(mask) => *mask |= bit,
                None => match others.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, mask)) => *mask |= bit,
                    None => others.push((c, bit)),
                },
            }
        }
        let syllables = pinyin::syllables();
        let mut prefixes = vec![[0; MAX_SYLLABLE_LEN]; syllables.len()];
        for (syllable, masks) in syllables.iter().zip(prefixes.iter_mut()) {
            for start in 0..chars.len() {
                let common = common_prefix(&chars[start..], syllable);
                for mask in masks.iter_mut().take(common) {
                    *mask |= 1 << start;
                }
            }
        }
        let lengths = syllables.iter().map(|s| u8::try_from(s.len()).unwrap_or(u8::MAX)).collect();
        let letters =
            chars.iter().filter(|c| c.is_ascii_lowercase()).fold(0, |m, &c| m | 1 << (c as u32 - 'a' as u32));
        let spellable = CharSet::starting_with(letters);
        Some(Spelling { goal: 1 << chars.len(), letters, spellable, chars, ascii, others, prefixes, lengths })
    }

    /// True when the term aligns with `name` under the rules of this module.
    pub fn aligns(&self, name: Name<'_>) -> bool {
        let mut free: Mask = 1;
        let mut after_partial: Mask = 0;
        let mut places = name.places.iter().peekable();
        for (j, c) in name.folded.chars().enumerate() {
            let place = places.next_if(|(at, _)| *at as usize == j).map(|&(_, s)| s);
            let readings = self.readings(c, place);
            let literal = self.literal(c);
            if literal == 0 && !self.may_spell(readings) {
                if after_partial != 0 && !is_skippable(c) {
                    after_partial = 0;
                }
                continue;
            }
            let ready = free | after_partial;
            let mut full = (ready & literal) << 1;
            let mut partial = 0;
            for syllable in readings.iter() {
                let (f, p) = self.take(ready, syllable);
                full |= f;
                partial |= p;
            }
            free |= full;
            after_partial =
                if after_partial != 0 && is_skippable(c) { after_partial | partial } else { partial };
            if (free | after_partial) & self.goal != 0 {
                return true;
            }
        }
        false
    }

    /// The score of the best alignment, and with `positions` the indices of the folded name's
    /// characters it matched (increasing). `None` when the term does not align.
    ///
    /// Only the characters that can take something from the term are visited in depth; the
    /// gap penalty between two matches is computed from their distance.
    pub fn best(&self, name: Name<'_>, scratch: &mut Scratch, positions: bool) -> Option<(i32, Vec<usize>)> {
        let rows = self.chars.len() + 1;
        scratch.columns.clear();
        scratch.cells.clear();
        scratch.gaps.clear();
        scratch.gaps.resize(rows, Gap { adjusted: NONE, column: 0 });
        let mut places = name.places.iter().peekable();
        let (mut previous, mut last_solid, mut solid_active, mut promoted) = ('\0', None, None, 0);
        let mut best: Option<(i32, usize, bool)> = None;
        for (j, c) in name.folded.chars().enumerate() {
            let place = places.next_if(|(at, _)| *at as usize == j).map(|&(_, s)| s);
            let readings = self.readings(c, place);
            let starts = self.literal(c) | self.starts(readings);
            let solid_before = last_solid;
            let solid = !is_skippable(c);
            if solid {
                last_solid = Some(j);
            }
            let before = std::mem::replace(&mut previous, c);
            if starts == 0 {
                continue;
            }
            let mut bonus = in_place_bonus(before, c);
            if j == 0 {
                bonus *= SCORING.bonus_first_char_multiplier;
            }
            if scratch.cells.len() + rows > MAX_CELLS {
                return self.aligns(name).then(|| (0, Vec::new()));
            }
            while scratch.columns.get(promoted).is_some_and(|&column| column + 2 <= j) {
                promote(scratch, promoted, rows);
                promoted += 1;
            }
            let here = scratch.columns.len();
            let sources = Sources {
                column: j,
                bonus,
                after_full: here.checked_sub(1).filter(|&a| scratch.columns[a] + 1 == j),
                after_partial: solid_active.filter(|&a: &usize| Some(scratch.columns[a]) == solid_before),
            };
            scratch.columns.push(j);
            scratch.cells.extend(std::iter::repeat_n(Cell { full: EMPTY, partial: EMPTY }, rows));
            for i in (0..self.chars.len()).filter(|i| starts >> i & 1 != 0) {
                let Some(source) = sources.best(scratch, i, rows) else { continue };
                self.extend(scratch, i, here * rows + i, source, c, readings);
            }
            if solid {
                solid_active = Some(here);
            }
            let cell = scratch.cells[here * rows + rows - 1];
            for (state, partial) in [(cell.full, false), (cell.partial, true)] {
                if state.score > NONE && best.is_none_or(|(score, _, _)| state.score > score) {
                    best = Some((state.score, here, partial));
                }
            }
        }
        let (score, end, partial) = best?;
        let trace = if positions { backtrack(scratch, rows, end, partial) } else { Vec::new() };
        Some((score, trace))
    }

    /// The term positions that start with the first `taken + 1` letters of `syllable`.
    #[inline]
    fn prefix(&self, syllable: Syllable, taken: usize) -> Mask {
        self.prefixes.get(usize::from(syllable)).and_then(|masks| masks.get(taken)).copied().unwrap_or(0)
    }

    /// The readings of `c` (read as `place` in a place name) that may take something from the
    /// term: without its table readings when none starts with a letter of the term.
    #[inline]
    fn readings(&self, c: char, place: Option<Syllable>) -> Readings {
        let table = if self.spellable.contains(c) { pinyin::readings(c) } else { CharReadings::default() };
        Readings { place, table }
    }

    /// True when some reading starts with a letter of the term.
    #[inline]
    fn may_spell(&self, readings: Readings) -> bool {
        readings.table.initials & self.letters != 0 || readings.place.is_some()
    }

    /// The term positions where one of `readings` may start.
    #[inline]
    fn starts(&self, readings: Readings) -> Mask {
        let mut letters = readings.table.initials & self.letters;
        let mut starts = readings.place.map_or(0, |place| self.prefix(place, 0));
        while letters != 0 {
            starts |= self.ascii[b'a' as usize + letters.trailing_zeros() as usize];
            letters &= letters - 1;
        }
        starts
    }

    /// The term positions whose character is `c`.
    #[inline]
    fn literal(&self, c: char) -> Mask {
        match self.ascii.get(c as usize) {
            Some(&mask) => mask,
            None => self.others.iter().find(|(o, _)| *o == c).map_or(0, |&(_, mask)| mask),
        }
    }

    /// From the positions `ready`, the positions reached by taking the whole `syllable` and by
    /// taking a proper prefix of it.
    #[inline]
    fn take(&self, ready: Mask, syllable: Syllable) -> (Mask, Mask) {
        let index = usize::from(syllable);
        let (Some(masks), Some(&length)) = (self.prefixes.get(index), self.lengths.get(index)) else {
            return (0, 0);
        };
        let (mut full, mut partial) = (0, 0);
        for (taken, &mask) in (1..).zip(masks.iter().take(usize::from(length))) {
            let hits = ready & mask;
            if hits == 0 {
                break;
            }
            if taken == length {
                full |= hits << taken;
            } else {
                partial |= hits << taken;
            }
        }
        (full, partial)
    }

    /// Every way a character (`c`, read as `readings`) can take term characters from position
    /// `i`, applied to the cells of its column (`cell` is the cell of position `i` there).
    fn extend(
        &self,
        scratch: &mut Scratch,
        i: usize,
        cell: usize,
        source: State,
        c: char,
        readings: Readings,
    ) {
        let mut offer = |taken: usize, full: bool, penalty: i32| {
            let Some(cell) = scratch.cells.get_mut(cell + taken) else { return };
            let state = if full { &mut cell.full } else { &mut cell.partial };
            let score = source.score + MATCH - penalty;
            if score > state.score {
                *state = State { score, taken: taken as u8, ..source };
            }
        };
        if self.chars.get(i) == Some(&c) {
            offer(1, true, 0);
        }
        let primary = readings.primary();
        for syllable in readings.iter() {
            let length = self.lengths.get(usize::from(syllable)).map_or(0, |&l| usize::from(l));
            let penalty = if Some(syllable) == primary { 0 } else { OTHER_READING };
            for taken in (1..=length).take_while(|&taken| self.prefix(syllable, taken - 1) >> i & 1 != 0) {
                offer(taken, taken == length, penalty);
            }
        }
    }
}

/// The readings of one character of a name: its reading in a place name, if any, then all of
/// the character's readings.
#[derive(Debug, Clone, Copy)]
struct Readings {
    place: Option<Syllable>,
    table: CharReadings,
}

impl Readings {
    fn iter(self) -> impl Iterator<Item = Syllable> {
        self.place.into_iter().chain(self.table.syllables.iter().copied())
    }

    /// The reading in context: the place-name reading, else the character's first reading.
    fn primary(self) -> Option<Syllable> {
        self.place.or(self.table.syllables.first().copied())
    }
}

/// Makes the full matches of active column `active` available as gap sources.
fn promote(scratch: &mut Scratch, active: usize, rows: usize) {
    let column = scratch.columns[active] as i32;
    for (gap, cell) in scratch.gaps.iter_mut().zip(&scratch.cells[active * rows..(active + 1) * rows]) {
        if cell.full.score > NONE && cell.full.score - GAP_EXTENSION * column > gap.adjusted {
            *gap = Gap { adjusted: cell.full.score - GAP_EXTENSION * column, column: active as u32 };
        }
    }
}

/// Where a match in `column` may come from: the start, a full match in the previous column
/// (`after_full`), a partial reading in the previous character that is not punctuation
/// (`after_partial`), or a full match further back (the gaps).
struct Sources {
    column: usize,
    bonus: i32,
    after_full: Option<usize>,
    after_partial: Option<usize>,
}

impl Sources {
    /// The best source for a match taking term characters from position `i`, with the bonus
    /// and penalties of getting there.
    fn best(&self, scratch: &Scratch, i: usize, rows: usize) -> Option<State> {
        if i == 0 {
            return Some(State { score: GAP_EXTENSION + self.bonus, ..EMPTY });
        }
        let mut best: Option<State> = None;
        let mut consider = |score: i32, from: From, previous: usize| {
            if score > NONE && best.is_none_or(|b| score > b.score) {
                best = Some(State { score, taken: 0, from, previous: previous as u32 });
            }
        };
        let contiguous = self.bonus.max(SCORING.bonus_consecutive);
        if let Some(active) = self.after_full {
            let full = scratch.cells[active * rows + i].full.score;
            if full > NONE {
                consider(full + contiguous, From::Full, active);
            }
        }
        if let Some(active) = self.after_partial {
            let partial = scratch.cells[active * rows + i].partial.score;
            let skipped = (self.column - scratch.columns[active] - 1) as i32;
            if partial > NONE {
                let cost =
                    if skipped == 0 { contiguous } else { GAP_START + GAP_EXTENSION * skipped + self.bonus };
                consider(partial + cost, From::Partial, active);
            }
        }
        let gap = scratch.gaps[i];
        if gap.adjusted > NONE {
            let reach = GAP_START + GAP_EXTENSION * (self.column as i32 - 1);
            consider(gap.adjusted + reach + self.bonus, From::Gap, gap.column as usize);
        }
        best
    }
}

/// The matched columns of the best alignment, which ends in active column `end`.
fn backtrack(scratch: &Scratch, rows: usize, end: usize, partial: bool) -> Vec<usize> {
    let mut positions = Vec::new();
    let (mut active, mut i, mut partial) = (end, rows - 1, partial);
    loop {
        positions.push(scratch.columns[active]);
        let cell = scratch.cells[active * rows + i];
        let state = if partial { cell.partial } else { cell.full };
        i = i.saturating_sub(usize::from(state.taken));
        if state.from == From::Start {
            break;
        }
        partial = state.from == From::Partial;
        active = state.previous as usize;
    }
    positions.reverse();
    positions
}

/// Punctuation, spaces and symbols: a partial reading may be followed by these before the next
/// matched character (`zdsk` finds `藻渡、水库`).
#[inline]
fn is_skippable(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        !('\u{4E00}'..='\u{9FFF}').contains(&c) && !c.is_alphanumeric()
    }
}

/// How many leading characters of `term` spell the start of `syllable`.
fn common_prefix(term: &[char], syllable: &str) -> usize {
    term.iter().zip(syllable.bytes()).take_while(|&(&t, s)| t == char::from(s)).count()
}

/// fuzzy-matcher's skim bonus for matching `c` after `previous`: word starts after separators.
fn in_place_bonus(previous: char, c: char) -> i32 {
    use CharKind::*;
    match (CharKind::of(previous), CharKind::of(c)) {
        (Empty | HardSeparator, _) => SCORING.bonus_head,
        (SoftSeparator, _) => SCORING.bonus_break,
        (Lower | Number, Upper) => SCORING.bonus_camel,
        _ => 0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Empty,
    Upper,
    Lower,
    Number,
    HardSeparator,
    SoftSeparator,
}

impl CharKind {
    fn of(c: char) -> CharKind {
        match c {
            '\0' => CharKind::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharKind::HardSeparator,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharKind::SoftSeparator,
            '0'..='9' => CharKind::Number,
            'A'..='Z' => CharKind::Upper,
            _ => CharKind::Lower,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(folded: &str) -> Name<'_> {
        Name { folded, places: &[] }
    }

    fn aligns(term: &str, folded: &str) -> bool {
        Spelling::new(term).is_some_and(|s| s.aligns(name(folded)))
    }

    fn positions(term: &str, folded: &str) -> Option<Vec<usize>> {
        let spelling = Spelling::new(term)?;
        spelling.best(name(folded), &mut Scratch::default(), true).map(|(_, p)| p)
    }

    #[test]
    fn full_initials_and_mixed_spellings_align() {
        for term in ["zaodushuiku", "zdsk", "zaoshuiku", "zaodusk", "藻渡sk", "zds", "shuiku", "sk"] {
            assert!(aligns(term, "藻渡水库"), "{term}");
        }
    }

    #[test]
    fn scattered_initials_do_not_align() {
        assert!(!aligns("zsk", "藻渡水库"));
        assert!(!aligns("qjq", "綦江新区"));
        assert!(aligns("qjq", "重庆市綦江区"));
    }

    #[test]
    fn polyphonic_characters_align_through_any_reading() {
        assert!(aligns("cq", "重庆"));
        assert!(aligns("zhongqing", "重庆"));
        assert!(aligns("csq", "长寿区"));
    }

    #[test]
    fn removing_the_last_character_keeps_a_match() {
        let folded = "綦江区藻渡水库工程";
        for term in ["zaodushuiku", "qjqzdsk", "zaoshuikugc", "藻渡sk"] {
            let chars: Vec<char> = term.chars().collect();
            for end in 1..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                let spelled = Spelling::new(&prefix);
                assert!(spelled.is_none_or(|s| s.aligns(name(folded))), "{prefix}");
            }
        }
    }

    #[test]
    fn positions_are_characters_of_the_name() {
        assert_eq!(positions("zdsk", "綦江区藻渡水库"), Some(vec![3, 4, 5, 6]));
        assert_eq!(positions("zaoshuiku", "藻渡水库"), Some(vec![0, 2, 3]));
        assert_eq!(positions("led", "led显示屏"), Some(vec![0, 1, 2]));
        assert_eq!(positions("ledxsp", "led显示屏"), Some(vec![0, 1, 2, 3, 4, 5]));
    }

    #[test]
    fn scores_agree_with_the_literal_matcher() {
        use crate::finder::matcher::{Matcher, SkimMatcher};
        let skim = SkimMatcher::default();
        let cases = [
            ("zdsk", "藻渡水库"),
            ("zdsk", "新建藻渡水库"),
            ("zdsk", "藻渡水库工程"),
            ("zdsk", "(一期)藻渡,水库"),
            ("zaodushuiku", "藻类渡口水库"),
            ("zaodusk", "新藻类渡口水库"),
        ];
        for (term, folded) in cases {
            let spelled = Spelling::new(term).unwrap();
            let (score, _) = spelled.best(name(folded), &mut Scratch::default(), false).unwrap();
            assert_eq!(Some(score), skim.score(folded, "藻渡水库"), "{term} {folded}");
        }
    }

    #[test]
    fn place_readings_rank_above_other_readings() {
        let spelled = Spelling::new("chongqing").unwrap();
        let mut places = Vec::new();
        pinyin::place_readings("重庆", &mut places);
        let in_context =
            spelled.best(Name { folded: "重庆", places: &places }, &mut Scratch::default(), false);
        let out_of_context = spelled.best(name("重庆"), &mut Scratch::default(), false);
        assert!(in_context.unwrap().0 > out_of_context.unwrap().0);
    }
}
