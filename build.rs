//! Generates the finder's pinyin reading table (`$OUT_DIR/pinyin_table.rs`) from the `pinyin`
//! crate at build time, so that a run of `plangap find` starts without building it (building it
//! at run time took ~8 ms, more than the rest of a start-up). See `src/finder/pinyin.rs`.

use pinyin::ToPinyinMulti;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The first and last code points of the table (as in `src/finder/pinyin.rs`).
const FIRST: u32 = 0x3000;
const LAST: u32 = 0x9FFF;

/// Most readings kept per character (the count is packed in 4 bits).
const MAX_READINGS: usize = 15;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut syllables: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u16> = HashMap::new();
    let mut dense: Vec<u64> = Vec::with_capacity((LAST - FIRST + 1) as usize);
    let mut lists: Vec<u16> = Vec::new();
    for code in FIRST..=LAST {
        let mut readings: Vec<u16> = Vec::new();
        if let Some(multi) = char::from_u32(code).and_then(|c| c.to_pinyin_multi()) {
            for reading in multi {
                for spelling in spellings(reading.plain()) {
                    let next = u16::try_from(syllables.len()).expect("fewer than 65536 syllables");
                    let id = *ids.entry(spelling.clone()).or_insert_with(|| {
                        syllables.push(spelling);
                        next
                    });
                    if !readings.contains(&id) {
                        readings.push(id);
                    }
                }
            }
        }
        readings.truncate(MAX_READINGS);
        let initials = readings.iter().fold(0u64, |mask, &id| {
            mask | syllables[usize::from(id)].bytes().next().map_or(0, |b| 1 << (b - b'a'))
        });
        dense.push((lists.len() as u64) << 32 | initials << 4 | readings.len() as u64);
        lists.extend_from_slice(&readings);
    }
    let mut out = String::new();
    let quoted: Vec<String> = syllables.iter().map(|s| format!("{s:?}")).collect();
    writeln!(out, "/// Every distinct syllable, indexed by `Syllable`.").ok();
    writeln!(out, "static SYLLABLES: [&str; {}] = [{}];", syllables.len(), quoted.join(",")).ok();
    writeln!(out, "/// Per code point from `FIRST`: list start (bits 32+), initials (4..30), count (0..4).")
        .ok();
    writeln!(out, "static DENSE: [u64; {}] = {dense:?};", dense.len()).ok();
    writeln!(out, "/// Syllable lists, each character's first reading first.").ok();
    writeln!(out, "static LISTS: [u16; {}] = {lists:?};", lists.len()).ok();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo"))
        .join("pinyin_table.rs");
    std::fs::write(&path, out).expect("writing the pinyin table");
}

/// The ASCII spellings of a plain reading: `lü` gives `lv` and `lu`, `ê` gives `e`; readings
/// with other marks (the interjections `ḿ`, `ň`) have none.
fn spellings(plain: &str) -> Vec<String> {
    let plain = plain.replace('ê', "e");
    let variants = if plain.contains('ü') {
        vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
    } else {
        vec![plain]
    };
    variants.into_iter().filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())).collect()
}
