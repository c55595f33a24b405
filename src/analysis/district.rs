//! Loose district matching: `綦江`, `綦江区`, `qijiang`, `qjq` and `QiJiang` all find 綦江区.

use crate::finder::pinyin;
use crate::text;

/// Endings of district, county and city names, longest first.
const SUFFIXES: [&str; 6] = ["自治县", "自治州", "新区", "区", "县", "市"];

/// Whether the user's `query` names `district` (as a report's title writes it, `綦江区`): the
/// name with or without its suffix, or its pinyin, in full or as initials, with or without the
/// suffix, any case, spaces and apostrophes ignored. A polyphonic character matches any of its
/// readings (长寿区 is `changshou` as well as `zhangshou`).
pub fn district_matches(query: &str, district: &str) -> bool {
    let query = fold(query);
    if query.is_empty() {
        return false;
    }
    let district = fold(district);
    if query == district || stem(&query) == stem(&district) {
        return true;
    }
    query.is_ascii() && spellings(&district).contains(&query)
}

/// The districts among `districts` that `query` names, in their order, without repeats.
pub fn match_districts<'a>(query: &str, districts: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut found: Vec<&str> = Vec::new();
    for district in districts {
        if !found.contains(&district) && district_matches(query, district) {
            found.push(district);
        }
    }
    found
}

/// Folded ([`text::fold`]), lower-cased, without apostrophes or hyphens (`Qi'jiang`).
fn fold(name: &str) -> String {
    text::fold(name).chars().filter(|c| !matches!(c, '\'' | '-' | '’')).flat_map(char::to_lowercase).collect()
}

/// The name without its district/county/city ending, unless nothing would be left.
fn stem(name: &str) -> &str {
    SUFFIXES.iter().filter_map(|s| name.strip_suffix(s)).find(|rest| !rest.is_empty()).unwrap_or(name)
}

/// Every pinyin spelling of the name and of its stem: full readings joined, and initials.
fn spellings(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for form in [name, stem(name)] {
        let mut full = vec![String::new()];
        let mut initials = vec![String::new()];
        for c in form.chars() {
            let readings: Vec<&str> =
                pinyin::readings(c).syllables.iter().map(|&s| pinyin::spelling(s)).collect();
            let literal = c.to_string();
            let options: Vec<&str> = if readings.is_empty() { vec![literal.as_str()] } else { readings };
            full = extend_all(&full, &options, |r| r.to_owned());
            initials = extend_all(&initials, &options, |r| r.chars().take(1).collect());
        }
        out.extend(full);
        out.extend(initials.into_iter().filter(|i| i.chars().count() >= 2));
    }
    out.sort();
    out.dedup();
    out
}

/// Each prefix extended by each option (through `part`), without repeats.
fn extend_all(prefixes: &[String], options: &[&str], part: impl Fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for prefix in prefixes {
        for option in options {
            let spelled = format!("{prefix}{}", part(option));
            if !out.contains(&spelled) {
                out.push(spelled);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_or_without_suffix_and_pinyin_match() {
        for query in
            ["綦江区", "綦江", "qijiang", "QiJiang", "qi jiang", "qijiangqu", "qj", "qjq", "ｑｉｊｉａｎｇ"]
        {
            assert!(district_matches(query, "綦江区"), "{query}");
        }
        assert!(district_matches("fuling", "涪陵区"));
        assert!(district_matches("荣昌", "荣昌区"));
        assert!(district_matches("changshou", "长寿区"));
    }

    #[test]
    fn other_names_do_not_match() {
        for query in ["", "綦", "江", "qi", "q", "fuling", "涪陵", "綦江县x"] {
            assert!(!district_matches(query, "綦江区"), "{query}");
        }
    }

    #[test]
    fn matching_lists_each_district_once() {
        let known = ["綦江区", "涪陵区", "綦江区", "荣昌区"];
        assert_eq!(match_districts("qijiang", known), ["綦江区"]);
        assert!(match_districts("万州", known).is_empty());
    }
}
