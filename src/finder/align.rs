//! Aligning a query term with a name character by character, through the characters as written
//! and through their pinyin.
//!
//! Each character of the name may take, from the term, either itself (`藻`, `c`, `5`) or a
//! non-empty prefix of one of its readings (`zao`, `z`, `za`). The term must be used up in
//! order, characters may be skipped, with one rule that keeps short initials precise: a character
//! that took only part of its reading (an initial, `z` for 藻) must be followed directly by the
//! next matched character. So `zdsk` and `zaodushuiku` and `zaoshuiku` and `藻渡sk` find 藻渡水库,
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
use super::pinyin::{self, MAX_SYLLABLE_LEN, Syllable};

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
    chars: Vec<char>,
    cells: Vec<Cell>,
    gaps: Vec<Gap>,
    solid_before: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy)]
struct State {
    score: i32,
    taken: u8,
    from: From,
}

const EMPTY: State = State { score: NONE, taken: 0, from: From::Start };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum From {
    Start,
    Full,
    Partial,
    Gap,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    full: State,
    partial: State,
}

#[derive(Debug, Clone, Copy)]
struct Gap {
    score: i32,
    from: u32,
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
        Some(Spelling { goal: 1 << chars.len(), chars, ascii, others, prefixes, lengths })
    }

    /// True when the term aligns with `name` under the rules of this module.
    pub fn aligns(&self, name: Name<'_>) -> bool {
        let mut free: Mask = 1;
        let mut after_partial: Mask = 0;
        let mut places = name.places.iter().peekable();
        for (j, c) in name.folded.chars().enumerate() {
            let ready = free | after_partial;
            let mut full = (ready & self.literal(c)) << 1;
            let mut partial = 0;
            let place = places.next_if(|(at, _)| *at as usize == j).map(|&(_, s)| s);
            for &syllable in place.iter().chain(pinyin::readings(c)) {
                let (f, p) = self.take(ready, syllable);
                full |= f;
                partial |= p;
            }
            free |= full;
            after_partial = if is_skippable(c) { after_partial | partial } else { partial };
            if (free | after_partial) & self.goal != 0 {
                return true;
            }
        }
        false
    }

    /// The score of the best alignment, and with `positions` the indices of the folded name's
    /// characters it matched (increasing). `None` when the term does not align.
    pub fn best(&self, name: Name<'_>, scratch: &mut Scratch, positions: bool) -> Option<(i32, Vec<usize>)> {
        scratch.chars.clear();
        scratch.chars.extend(name.folded.chars());
        let (n, rows) = (scratch.chars.len(), self.chars.len() + 1);
        if n * rows > MAX_CELLS {
            return self.aligns(name).then(|| (0, Vec::new()));
        }
        scratch.cells.clear();
        scratch.cells.resize(n * rows, Cell { full: EMPTY, partial: EMPTY });
        scratch.gaps.clear();
        scratch.gaps.resize(n * rows, Gap { score: NONE, from: 0 });
        scratch.solid_before.clear();
        let mut places = name.places.iter().peekable();
        let mut previous = '\0';
        let mut last_solid = None;
        for j in 0..n {
            let c = scratch.chars[j];
            scratch.solid_before.push(last_solid);
            if !is_skippable(c) {
                last_solid = Some(j);
            }
            self.fill_gaps(scratch, j, rows);
            let mut bonus = in_place_bonus(previous, c);
            if j == 0 {
                bonus *= SCORING.bonus_first_char_multiplier;
            }
            let place = places.next_if(|(at, _)| *at as usize == j).map(|&(_, s)| s);
            for i in 0..self.chars.len() {
                let Some(source) = best_source(scratch, i, j, rows, bonus) else { continue };
                self.extend(scratch, i, j * rows + i, source, c, place);
            }
            previous = c;
        }
        let last = self.chars.len();
        let (mut score, mut end, mut partial) = (NONE, 0, false);
        for j in 0..n {
            let cell = scratch.cells[j * rows + last];
            if cell.full.score > score {
                (score, end, partial) = (cell.full.score, j, false);
            }
            if cell.partial.score > score {
                (score, end, partial) = (cell.partial.score, j, true);
            }
        }
        if score == NONE {
            return None;
        }
        let trace = if positions { backtrack(scratch, rows, last, end, partial) } else { Vec::new() };
        Some((score, trace))
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

    /// Gap states for column `j`: the best score with the term used up to each position and the
    /// last match two or more characters back, gap penalties included.
    fn fill_gaps(&self, scratch: &mut Scratch, j: usize, rows: usize) {
        for i in 1..rows {
            let mut gap = Gap { score: NONE, from: 0 };
            if j >= 1 {
                let extended = scratch.gaps[(j - 1) * rows + i];
                if extended.score > NONE {
                    gap = Gap { score: extended.score + GAP_EXTENSION, from: extended.from };
                }
            }
            if j >= 2 {
                let opened = scratch.cells[(j - 2) * rows + i].full.score;
                if opened > NONE && opened + GAP_START + GAP_EXTENSION > gap.score {
                    gap = Gap { score: opened + GAP_START + GAP_EXTENSION, from: (j - 2) as u32 };
                }
            }
            scratch.gaps[j * rows + i] = gap;
        }
    }

    /// Every way character `c` can take term characters from position `i`, applied to the cells
    /// of its column (`cell` is the cell of position `i` in that column).
    fn extend(
        &self,
        scratch: &mut Scratch,
        i: usize,
        cell: usize,
        source: State,
        c: char,
        place: Option<Syllable>,
    ) {
        let mut offer = |taken: usize, full: bool, penalty: i32| {
            let Some(cell) = scratch.cells.get_mut(cell + taken) else { return };
            let state = if full { &mut cell.full } else { &mut cell.partial };
            let score = source.score + MATCH - penalty;
            if score > state.score {
                *state = State { score, taken: taken as u8, from: source.from };
            }
        };
        if self.chars.get(i) == Some(&c) {
            offer(1, true, 0);
        }
        let table = pinyin::readings(c);
        let primary = place.or(table.first().copied());
        for &syllable in place.iter().chain(table) {
            let spelled = pinyin::spelling(syllable);
            let common = common_prefix(&self.chars[i..], spelled);
            let penalty = if Some(syllable) == primary { 0 } else { OTHER_READING };
            for taken in 1..=common {
                offer(taken, taken == spelled.len(), penalty);
            }
        }
    }
}

/// The best way to arrive at column `j` with the term used up to `i`: from the start, right
/// after a match in the previous column (after a partial reading: the previous column that is
/// not punctuation), or across a gap; with the bonus already added.
fn best_source(scratch: &Scratch, i: usize, j: usize, rows: usize, bonus: i32) -> Option<State> {
    if i == 0 {
        return Some(State { score: GAP_EXTENSION + bonus, taken: 0, from: From::Start });
    }
    let mut best: Option<State> = None;
    let mut consider = |score: i32, from: From| {
        if score > NONE && best.is_none_or(|b| score > b.score) {
            best = Some(State { score, taken: 0, from });
        }
    };
    let contiguous = bonus.max(SCORING.bonus_consecutive);
    if j >= 1 {
        let full = scratch.cells[(j - 1) * rows + i].full.score;
        if full > NONE {
            consider(full + contiguous, From::Full);
        }
    }
    if let Some(Some(solid)) = scratch.solid_before.get(j).copied() {
        let partial = scratch.cells[solid * rows + i].partial.score;
        let skipped = (j - solid - 1) as i32;
        let penalty = if skipped == 0 { contiguous } else { GAP_START + GAP_EXTENSION * skipped + bonus };
        if partial > NONE {
            consider(partial + penalty, From::Partial);
        }
    }
    let gap = scratch.gaps[j * rows + i];
    if gap.score > NONE {
        consider(gap.score + bonus, From::Gap);
    }
    best
}

/// The matched columns of the best alignment ending at column `end`.
fn backtrack(scratch: &Scratch, rows: usize, last: usize, end: usize, partial: bool) -> Vec<usize> {
    let mut positions = Vec::new();
    let (mut i, mut j, mut partial) = (last, end, partial);
    loop {
        positions.push(j);
        let cell = scratch.cells[j * rows + i];
        let state = if partial { cell.partial } else { cell.full };
        i = i.saturating_sub(usize::from(state.taken));
        match state.from {
            From::Start => break,
            From::Full if j >= 1 => {
                partial = false;
                j -= 1;
            }
            From::Partial => match scratch.solid_before.get(j).copied().flatten() {
                Some(solid) => {
                    partial = true;
                    j = solid;
                }
                None => break,
            },
            From::Gap => {
                partial = false;
                j = scratch.gaps[j * rows + i].from as usize;
            }
            From::Full => break,
        }
    }
    positions.reverse();
    positions
}

/// Punctuation, spaces and symbols: a partial reading may be followed by these before the next
/// matched character (`zdsk` finds `藻渡、水库`).
fn is_skippable(c: char) -> bool {
    !c.is_alphanumeric()
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
        let places = pinyin::place_readings("重庆");
        let in_context =
            spelled.best(Name { folded: "重庆", places: &places }, &mut Scratch::default(), false);
        let out_of_context = spelled.best(name("重庆"), &mut Scratch::default(), false);
        assert!(in_context.unwrap().0 > out_of_context.unwrap().0);
    }
}
