//! Words found by one of their characters: a text is compared only with the few words that share
//! its first character (for words that open it) or its last (for words that end it), not with
//! every word of a list. In CJK text most words are ruled out by that one character.

/// Words indexed by their first or last character, those of one character in the order of the
/// lists they came from.
pub struct KeyedWords {
    /// The words with their key character, sorted by the key's [`bucket`] and then by the key (a
    /// stable sort: list order within one key).
    words: Vec<(char, &'static str)>,
    /// Where the words of each bucket start in `words`, and where the last bucket's end.
    starts: [usize; BUCKETS + 1],
}

/// How many buckets [`KeyedWords`] sorts its words into: a key is looked up in its bucket, which
/// holds one or two keys, rather than by bisection of all the words.
const BUCKETS: usize = 64;

/// The bucket of a key character: its code point's last bits.
fn bucket(key: char) -> usize {
    key as usize % BUCKETS
}

impl KeyedWords {
    /// The words of `lists`, found by their first character.
    pub fn by_first(lists: &[&[&'static str]]) -> Self {
        Self::keyed(lists, |word| word.chars().next())
    }

    /// The words of `lists`, found by their last character.
    pub fn by_last(lists: &[&[&'static str]]) -> Self {
        Self::keyed(lists, |word| word.chars().next_back())
    }

    fn keyed(lists: &[&[&'static str]], key: fn(&str) -> Option<char>) -> Self {
        let mut words: Vec<(char, &'static str)> =
            lists.iter().copied().flatten().filter_map(|&word| Some((key(word)?, word))).collect();
        words.sort_by_key(|&(key, _)| (bucket(key), key));
        let starts = std::array::from_fn(|index| words.partition_point(|&(key, _)| bucket(key) < index));
        KeyedWords { words, starts }
    }

    /// The words whose key character is `key` (none for `None`), in the order of their lists.
    pub fn with_key(&self, key: Option<char>) -> impl Iterator<Item = &'static str> + Clone + '_ {
        let bucket = key.map_or(0..0, |key| self.starts[bucket(key)]..self.starts[bucket(key) + 1]);
        self.words[bucket].iter().filter(move |&&(c, _)| Some(c) == key).map(|&(_, word)| word)
    }

    /// The words `text` starts with (words found by their first character), in list order.
    pub fn opening<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'static str> + 't {
        self.with_key(text.chars().next()).filter(move |word| text.starts_with(word))
    }

    /// What stands before each word `text` ends with (words found by their last character), in
    /// list order: `綦江电站` → `綦江` (`电站`), `綦江电` (`站`).
    pub fn before_ending<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> + Clone + 't {
        self.with_key(text.chars().next_back()).filter_map(move |word| text.strip_suffix(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: [&str; 4] = ["开工建设", "建成", "开工", "完成"];
    const SECOND: [&str; 2] = ["开展", "启动"];

    #[test]
    fn words_of_one_character_keep_the_order_of_their_lists() {
        let keyed = KeyedWords::by_first(&[&FIRST, &SECOND]);
        assert_eq!(keyed.opening("开工建设甲").collect::<Vec<_>>(), ["开工建设", "开工"]);
        assert_eq!(keyed.with_key(Some('开')).collect::<Vec<_>>(), ["开工建设", "开工", "开展"]);
        assert_eq!(keyed.opening("乙").count(), 0);
        assert_eq!(keyed.opening("").count(), 0);
        let ends = KeyedWords::by_last(&[&["电站", "站", "水库"]]);
        assert_eq!(ends.before_ending("綦江电站").collect::<Vec<_>>(), ["綦江", "綦江电"]);
        assert_eq!(ends.before_ending("水库").collect::<Vec<_>>(), [""]);
        assert_eq!(ends.before_ending("公园").count(), 0);
    }

    #[test]
    fn the_words_found_are_those_a_scan_of_the_lists_finds() {
        let keyed = KeyedWords::by_first(&[&FIRST, &SECOND]);
        let ends = KeyedWords::by_last(&[&FIRST, &SECOND]);
        for text in ["开工建设", "开展工作", "启动建成", "完成开工", "建", "", "a开工", "甲建成"]
        {
            let scan: Vec<&str> =
                FIRST.iter().chain(&SECOND).copied().filter(|w| text.starts_with(w)).collect();
            assert_eq!(keyed.opening(text).collect::<Vec<_>>(), scan, "{text}");
            let scan: Vec<&str> = FIRST.iter().chain(&SECOND).filter_map(|w| text.strip_suffix(w)).collect();
            assert_eq!(ends.before_ending(text).collect::<Vec<_>>(), scan, "{text}");
        }
    }
}
