//! Pinyin readings of Chinese characters: every reading of every character (so a polyphonic
//! character's other readings are accepted), made at build time (`build.rs`), and a small table
//! of place names whose reading the `pinyin` crate gets wrong out of context (重庆 is chongqing,
//! not zhongqing).
//!
//! Readings are plain lower-case ASCII without tones; `ü` is written `v` (the input-method
//! convention, `lv`), with `u` accepted as a second spelling (`lu`).

use std::sync::OnceLock;

/// Place names (and a few words common in plan reports) whose characters read differently from
/// the characters' first reading, with their reading in context, one syllable per character.
pub const PLACE_READINGS: &[(&str, &str)] = &[
    ("重庆", "chong qing"),
    ("长寿", "chang shou"),
    ("长江", "chang jiang"),
    ("长征", "chang zheng"),
    ("长沙", "chang sha"),
    ("长春", "chang chun"),
    ("长安", "chang an"),
    ("长治", "chang zhi"),
    ("成都", "cheng du"),
    ("丰都", "feng du"),
    ("首都", "shou du"),
    ("厦门", "xia men"),
    ("六安", "lu an"),
    ("六合", "lu he"),
    ("蚌埠", "beng bu"),
    ("丽水", "li shui"),
    ("单县", "shan xian"),
    ("铅山", "yan shan"),
    ("东阿", "dong e"),
    ("番禺", "pan yu"),
    ("泊头", "bo tou"),
    ("银行", "yin hang"),
];

/// The longest syllable (`zhuang`, `shuang`, `chuang`).
pub const MAX_SYLLABLE_LEN: usize = 6;

/// A syllable, as an index into [`syllables`].
pub type Syllable = u16;

/// The first and last code points with a dense reading entry (CJK symbols, extension A and the
/// unified ideographs; compatibility ideographs fold to unified ones before lookup).
const FIRST: u32 = 0x3000;
const LAST: u32 = 0x9FFF;

// `SYLLABLES`, `DENSE` and `LISTS`: every reading of every character from FIRST to LAST, made
// from the `pinyin` crate by `build.rs` at build time, so that no run pays for building them.
include!(concat!(env!("OUT_DIR"), "/pinyin_table.rs"));

/// The place words of [`PLACE_READINGS`], built on first use (a few dozen entries).
struct PlaceTable {
    /// Place-name words, sorted by their first character.
    places: Vec<(char, PlaceWord)>,
    /// One bit per code point of the Basic Multilingual Plane, set for the first characters of
    /// place names: the exact and cheap test run on every character at index time.
    place_starts: Vec<u64>,
}

/// A word of [`PLACE_READINGS`]: its characters and their syllables in context.
struct PlaceWord {
    text: String,
    syllables: Vec<Syllable>,
}

fn place_table() -> &'static PlaceTable {
    static TABLE: OnceLock<PlaceTable> = OnceLock::new();
    TABLE.get_or_init(PlaceTable::build)
}

impl PlaceTable {
    fn build() -> PlaceTable {
        let id = |spelled: &str| {
            SYLLABLES.iter().position(|s| *s == spelled).and_then(|i| Syllable::try_from(i).ok())
        };
        let mut places: Vec<(char, PlaceWord)> = Vec::new();
        for (word, reading) in PLACE_READINGS {
            let syllables: Option<Vec<Syllable>> = reading.split(' ').map(id).collect();
            if let (Some(first), Some(syllables)) = (word.chars().next(), syllables)
                && word.chars().count() == syllables.len()
            {
                places.push((first, PlaceWord { text: (*word).to_owned(), syllables }));
            }
        }
        places.sort_by_key(|&(first, _)| first);
        let mut place_starts = vec![0; 0x10000 / 64];
        for &(c, _) in &places {
            if let Some(word) = place_starts.get_mut(u32::from(c) as usize / 64) {
                *word |= 1 << (u32::from(c) % 64);
            }
        }
        PlaceTable { places, place_starts }
    }

    #[inline]
    fn starts_place(&self, c: char) -> bool {
        let code = u32::from(c);
        self.place_starts.get(code as usize / 64).is_some_and(|word| word >> (code % 64) & 1 != 0)
    }

    /// The place words starting with `c`.
    fn places_starting(&self, c: char) -> &[(char, PlaceWord)] {
        let start = self.places.partition_point(|&(first, _)| first < c);
        let end = self.places.partition_point(|&(first, _)| first <= c);
        self.places.get(start..end).unwrap_or(&[])
    }
}

/// Every syllable, indexed by [`Syllable`].
pub fn syllables() -> &'static [&'static str] {
    &SYLLABLES
}

/// The spelling of a syllable.
pub fn spelling(syllable: Syllable) -> &'static str {
    SYLLABLES.get(usize::from(syllable)).copied().unwrap_or("")
}

/// The readings of one character.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharReadings {
    /// Every reading, the most common first; empty for characters without pinyin.
    pub syllables: &'static [Syllable],
    /// The letters the readings start with, as bits (`a` = bit 0).
    pub initials: u32,
}

/// The readings of `c`.
#[inline]
pub fn readings(c: char) -> CharReadings {
    let code = u32::from(c);
    if !(FIRST..=LAST).contains(&code) {
        return CharReadings::default();
    }
    let Some(&packed) = DENSE.get((code - FIRST) as usize) else { return CharReadings::default() };
    let start = (packed >> 32) as usize;
    let syllables = LISTS.get(start..start + (packed & 15) as usize).unwrap_or(&[]);
    CharReadings { syllables, initials: (packed >> 4) as u32 & LETTERS }
}

/// All 26 letter bits.
const LETTERS: u32 = (1 << 26) - 1;

/// A set of characters with readings, one bit each: small enough to stay in the fastest cache
/// while a query runs over many names, where the reading table itself would not.
#[derive(Debug, Clone)]
pub struct CharSet {
    bits: Vec<u64>,
}

impl CharSet {
    /// The characters that have a reading starting with one of `letters` (`a` = bit 0).
    pub fn starting_with(letters: u32) -> CharSet {
        let mut bits = vec![0u64; DENSE.len().div_ceil(64)];
        for (index, &packed) in DENSE.iter().enumerate() {
            if (packed >> 4) as u32 & LETTERS & letters != 0
                && let Some(word) = bits.get_mut(index / 64)
            {
                *word |= 1 << (index % 64);
            }
        }
        CharSet { bits }
    }

    /// True when `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let Some(index) = u32::from(c).checked_sub(FIRST) else { return false };
        self.bits.get(index as usize / 64).is_some_and(|word| word >> (index % 64) & 1 != 0)
    }
}

/// The bit of the letter `syllable` starts with (`a` = bit 0); 0 when it starts with no letter.
pub fn initial_bit(syllable: &str) -> u32 {
    syllable.bytes().next().filter(u8::is_ascii_lowercase).map_or(0, |b| 1 << (b - b'a'))
}

/// True when a place name of the override table may start with `c` (fast check at index time).
#[inline]
pub fn may_start_place(c: char) -> bool {
    place_table().starts_place(c)
}

/// Appends to `found` the in-context readings of place names in `folded`: `(character index,
/// syllable)` for each character inside a place name of [`PLACE_READINGS`], in order.
pub fn place_readings(folded: &str, found: &mut Vec<(u32, Syllable)>) {
    let table = place_table();
    let mut chars = folded.char_indices().enumerate();
    while let Some((index, (byte, c))) = chars.next() {
        if !table.starts_place(c) {
            continue;
        }
        let rest = folded.get(byte..).unwrap_or("");
        let Some((_, word)) = table.places_starting(c).iter().find(|(_, w)| rest.starts_with(&w.text)) else {
            continue;
        };
        for (offset, &syllable) in word.syllables.iter().enumerate() {
            found.push((u32::try_from(index + offset).unwrap_or(u32::MAX), syllable));
        }
        if let Some(skip) = word.syllables.len().checked_sub(2) {
            chars.nth(skip);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(c: char) -> Vec<&'static str> {
        readings(c).syllables.iter().map(|&s| spelling(s)).collect()
    }

    #[test]
    fn initials_summarise_the_readings() {
        assert_eq!(
            readings('重').initials,
            initial_bit("zhong") | initial_bit("chong") | initial_bit("tong")
        );
        assert_eq!(readings('A').initials, 0);
    }

    #[test]
    fn char_sets_hold_the_characters_read_with_a_letter() {
        let set = CharSet::starting_with(initial_bit("q") | initial_bit("z"));
        assert!(set.contains('綦') && set.contains('重') && set.contains('藻'));
        assert!(!set.contains('水') && !set.contains('q') && !set.contains('\u{10000}'));
    }

    #[test]
    fn polyphonic_characters_keep_every_reading() {
        assert_eq!(spelled('重'), vec!["zhong", "chong", "tong"]);
        assert_eq!(spelled('长'), vec!["zhang", "chang"]);
        assert_eq!(spelled('綦'), vec!["qi"]);
        assert_eq!(spelled('绿'), vec!["lv", "lu"]);
        assert!(spelled('A').is_empty());
    }

    #[test]
    fn place_names_read_in_context() {
        let mut found = Vec::new();
        place_readings("重庆市长寿区", &mut found);
        let read: Vec<(u32, &str)> = found.iter().map(|&(i, s)| (i, spelling(s))).collect();
        assert_eq!(read, vec![(0, "chong"), (1, "qing"), (3, "chang"), (4, "shou")]);
        found.clear();
        place_readings("重大项目", &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn syllables_fit_the_matcher() {
        assert!(syllables().iter().all(|s| !s.is_empty() && s.len() <= MAX_SYLLABLE_LEN));
        assert!(syllables().iter().all(|s| s.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
