//! Suggestions for a name that matched nothing: the known names nearest to it by edit distance,
//! as written, by alias, and (for a query in Latin letters) by pinyin, in full or as initials.
//!
//! `gpd` is one swap from `GDP` in the alias `GDP增速`, so it suggests 地区生产总值增速; `工业产值`
//! is two edits from a part of 工业增加值增速. A name is suggested only when it is within a third
//! of the query's display width in edits (a CJK character counts as two letters, as it carries
//! as much), so a query near nothing suggests nothing rather than unrelated names. Pinyin is held
//! to a quarter of the query's letters (the start of the full reading, or all the initials), as
//! short strings of letters are near too many readings.

use crate::finder::pinyin;
use crate::text::display_width;

/// Edits between `query` and the closest part of `name` (it may start and end anywhere in
/// `name`): insertions, deletions, substitutions, and swaps of two neighbours, each one edit.
pub fn distance_within(query: &[char], name: &[char]) -> usize {
    osa(query, name, true).into_iter().min().unwrap_or(0)
}

/// Edits between `query` and the closest start of `name`.
pub fn distance_to_start(query: &[char], name: &[char]) -> usize {
    osa(query, name, false).into_iter().min().unwrap_or(0)
}

/// Edits between `a` and `b` as wholes (see [`distance_within`]).
pub fn distance(a: &[char], b: &[char]) -> usize {
    osa(a, b, false).last().copied().unwrap_or(0)
}

/// Optimal string alignment of `a` against the starts of `b` (or, with `free_start`, against
/// every part of `b`): the edits to each end position in `b`, from 0 to its length.
fn osa(a: &[char], b: &[char], free_start: bool) -> Vec<usize> {
    let width = b.len() + 1;
    let mut rows: Vec<Vec<usize>> = Vec::with_capacity(a.len() + 1);
    rows.push((0..width).map(|j| if free_start { 0 } else { j }).collect());
    for i in 1..=a.len() {
        let mut row = vec![i; width];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(row[j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            row[j] = best;
        }
        rows.push(row);
    }
    rows.swap_remove(a.len())
}

/// How near a candidate is, smaller first: edits within a name, edits to the whole name, not
/// preferred, characters not shared (as `usize::MAX` minus those shared), characters.
type Rank = (usize, usize, bool, usize, usize);

/// A candidate for [`nearest`]: its name, the other names it is known by, and whether it is
/// preferred on a tie (an indicator with targets).
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The name suggested.
    pub name: &'a str,
    /// Every name it is written as (the name itself included), normalised as the query is.
    pub names: Vec<String>,
    /// Preferred over an equally near candidate.
    pub preferred: bool,
}

/// The names among `candidates` nearest to `query` (normalised as the candidates' names are), at
/// most `limit`, nearest first: by edits within any of their names, then by edits to the whole
/// name, preferred ones first, then by characters shared with the query, then shorter first.
pub fn nearest<'a>(query: &str, candidates: &[Candidate<'a>], limit: usize) -> Vec<&'a str> {
    let wanted: Vec<char> = query.chars().collect();
    let latin: Option<Vec<char>> = query.is_ascii().then(|| query.to_lowercase().chars().collect());
    let allowed = (display_width(query) / 3).max(1);
    let mut scored: Vec<(Rank, &str)> = Vec::new();
    for candidate in candidates {
        let mut near = (usize::MAX, usize::MAX);
        for name in &candidate.names {
            let chars: Vec<char> = name.chars().collect();
            near = near.min((distance_within(&wanted, &chars), distance(&wanted, &chars)));
            if let Some(latin) = &latin {
                let [full, initials] = spellings(name);
                let edits = distance_to_start(latin, &full).min(distance(latin, &initials));
                if edits <= latin.len() / 4 {
                    near = near.min((edits, edits));
                }
            }
        }
        if near.0 <= allowed {
            let shared = candidate.name.chars().filter(|c| wanted.contains(c)).count();
            let key =
                (near.0, near.1, !candidate.preferred, usize::MAX - shared, candidate.name.chars().count());
            scored.push((key, candidate.name));
        }
    }
    scored.sort();
    scored.into_iter().take(limit).map(|(_, name)| name).collect()
}

/// A name's pinyin, each character by its most common reading (Latin letters and digits kept,
/// lower-cased): in full and as initials.
fn spellings(name: &str) -> [Vec<char>; 2] {
    let mut full = Vec::new();
    let mut initials = Vec::new();
    for c in name.chars() {
        match pinyin::readings(c).syllables.first() {
            Some(&syllable) => {
                let spelled = pinyin::spelling(syllable);
                full.extend(spelled.chars());
                initials.extend(spelled.chars().next());
            }
            None if c.is_ascii_alphanumeric() => {
                full.push(c.to_ascii_lowercase());
                initials.push(c.to_ascii_lowercase());
            }
            None => {}
        }
    }
    [full, initials]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    fn candidate<'a>(name: &'a str, aliases: &[&str]) -> Candidate<'a> {
        let names = std::iter::once(name).chain(aliases.iter().copied()).map(str::to_owned).collect();
        Candidate { name, names, preferred: true }
    }

    #[test]
    fn distances_count_swaps_as_one_edit_and_may_match_a_part() {
        assert_eq!(distance(&chars("GPD"), &chars("GDP")), 1);
        assert_eq!(distance(&chars("GPD"), &chars("GDP增速")), 3);
        assert_eq!(distance_within(&chars("GPD"), &chars("GDP增速")), 1);
        assert_eq!(distance_within(&chars("工业产值"), &chars("规上工业增加值增速")), 2);
        assert_eq!(distance_within(&chars(""), &chars("abc")), 0);
        assert_eq!(distance_to_start(&chars("senlin"), &chars("senlinfugai")), 0);
        assert_eq!(distance_to_start(&chars("fugai"), &chars("senlinfugai")), 4);
        assert_eq!(distance(&chars("abc"), &chars("")), 3);
    }

    #[test]
    fn the_nearest_names_by_alias_and_pinyin_and_nothing_unrelated() {
        let candidates = [
            candidate("地区生产总值增速", &["GDP增速", "经济增速"]),
            candidate("单位GDP能耗降低", &[]),
            candidate("森林覆盖率", &[]),
            candidate("一般公共预算收入增速", &[]),
        ];
        assert_eq!(nearest("GPD", &candidates, 5), ["地区生产总值增速", "单位GDP能耗降低"]);
        assert_eq!(nearest("senlinfugai", &candidates, 5), ["森林覆盖率"]);
        assert_eq!(nearest("slfg", &candidates, 5), ["森林覆盖率"]);
        assert_eq!(nearest("森林覆率", &candidates, 5), ["森林覆盖率"]);
        assert!(nearest("XYZ", &candidates, 5).is_empty());
        assert!(nearest("粮食产量", &candidates, 5).is_empty());
    }
}
