//! The notes under a table: `注：“*”代表约束性指标…`, numbered notes (`2. 一般公共预算收入增速、税收收入
//! 增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。`) and labelled explanations
//! (`未完成指标说明：…`). They say what `*` means and may judge rows themselves: a target adjusted
//! during the year and `视为完成` makes the rows it names met, whatever the numbers say.

use super::cells::is_note;
use crate::model::{IndicatorRow, Judgement, Status, Warning};

/// Phrases by which a note declares a row met.
const DEEMED_MET: [&str; 4] = ["视为完成", "视同完成", "按完成计", "视为达标"];
/// A shortened mention keeps at least this many leading characters of the name.
const MIN_MENTION_PREFIX: usize = 4;
/// A shortened mention keeps at least this many trailing characters of the name.
const MIN_MENTION_SUFFIX: usize = 2;
/// A labelled explanation names itself within this many characters (`未完成指标说明：`).
const MAX_LABEL_CHARS: usize = 12;

/// One sentence of the notes and its 1-based line.
#[derive(Debug, Clone, PartialEq)]
struct Sentence {
    text: String,
    line: usize,
}

/// The notes under one table.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Notes {
    sentences: Vec<Sentence>,
}

/// Reads the notes starting at `lines[from]` (the first line after the table): footnotes,
/// numbered notes and labelled explanations, up to the first line that is none of these.
pub(super) fn read_notes(lines: &[&str], from: usize) -> Notes {
    let mut sentences = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(from) {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if !is_note_line(text) {
            break;
        }
        let pieces = text.split(['。', '；', ';']).map(str::trim).filter(|s| !s.is_empty());
        sentences.extend(pieces.map(|s| Sentence { text: s.to_owned(), line: index + 1 }));
    }
    Notes { sentences }
}

impl Notes {
    /// Whether the notes say what `*` marks (`“*”代表约束性指标`, `加*为约束性目标`).
    pub fn define_stars(&self) -> bool {
        self.sentences.iter().any(|s| s.text.contains(['*', '＊']) && s.text.contains("约束"))
    }

    /// Marks met the rows that a note deems met (`…计划目标…调整为…，视为完成`), matching the rows by the
    /// names the note gives, which may be shortened (`税收收入增速` for `税收收入扣除留抵退税因素后增速`).
    /// Warns when such a note names no row of the table.
    pub fn judge(&self, rows: &mut [IndicatorRow], caption: &str, warnings: &mut Vec<Warning>) {
        for sentence in self.sentences.iter().filter(|s| DEEMED_MET.iter().any(|p| s.text.contains(p))) {
            let named = rows_named(&sentence.text, rows);
            if named.is_empty() {
                warnings.push(Warning {
                    line: sentence.line,
                    message: format!(
                        "{caption}: the note “{}” deems targets met but names no row of the table that \
                         plangap could match; check which rows it means.",
                        sentence.text
                    ),
                });
            }
            for index in named {
                if let Some(row) = rows.get_mut(index) {
                    let evidence = sentence.text.clone();
                    row.judgement = Some(Judgement { status: Status::Met, evidence, line: sentence.line });
                }
            }
        }
    }
}

/// A footnote, a numbered note (`2. …`, `（2）…`) or a labelled explanation (`…说明：…`).
fn is_note_line(text: &str) -> bool {
    let numbered = {
        let rest = text.trim_start_matches(['（', '(']);
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].trim_start().starts_with(['.', '．', '、', '﹒', '）', ')'])
    };
    let labelled = text
        .split_once(['：', ':'])
        .is_some_and(|(label, _)| label.ends_with("说明") && label.chars().count() <= MAX_LABEL_CHARS);
    is_note(text) || numbered || labelled
}

/// Indices of the rows that `sentence` names. Where mentions of different rows overlap, the
/// longer mention wins; rows with the same name share their mention.
fn rows_named(sentence: &str, rows: &[IndicatorRow]) -> Vec<usize> {
    let sentence: Vec<char> = sentence.chars().collect();
    let mut found: Vec<(usize, usize, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let name: Vec<char> = row.name.chars().collect();
            mention(&sentence, &name).map(|(start, len)| (index, start, len))
        })
        .collect();
    found.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut named = Vec::new();
    for (index, start, len) in found {
        let overlaps = taken.iter().any(|&(s, l)| start < s + l && s < start + len && (s, l) != (start, len));
        if !overlaps {
            taken.push((start, len));
            named.push(index);
        }
    }
    named.sort_unstable();
    named
}

/// The longest mention of `name` in `sentence` as (start, length) in characters: the whole name,
/// or its first characters directly followed by its last ones (a name shortened in the middle).
fn mention(sentence: &[char], name: &[char]) -> Option<(usize, usize)> {
    if name.len() < MIN_MENTION_SUFFIX {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for start in 0..sentence.len() {
        let rest = &sentence[start..];
        let prefix = rest.iter().zip(name).take_while(|(a, b)| a == b).count();
        let len = if prefix == name.len() {
            prefix
        } else if prefix >= MIN_MENTION_PREFIX {
            let after = &rest[prefix..];
            let suffix = (MIN_MENTION_SUFFIX..=name.len() - prefix)
                .rev()
                .find(|&q| after.len() >= q && after[..q] == name[name.len() - q..]);
            match suffix {
                Some(q) => prefix + q,
                None => continue,
            }
        } else {
            continue;
        };
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((start, len));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> IndicatorRow {
        IndicatorRow { line: 1, name: name.to_owned(), raw_name: name.to_owned(), ..IndicatorRow::default() }
    }

    #[test]
    fn matches_shortened_names() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let sentence =
            chars("2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成");
        assert_eq!(mention(&sentence, &chars("一般公共预算收入扣除留抵退税因素后增速")), Some((3, 10)));
        assert_eq!(mention(&sentence, &chars("税收收入扣除留抵退税因素后增速")), Some((14, 6)));
        assert_eq!(mention(&sentence, &chars("全体居民人均可支配收入增速")), None);
        assert_eq!(mention(&sentence, &chars("地区生产总值增速")), None);
    }

    #[test]
    fn deems_the_named_rows_met() {
        let lines = [
            "",
            "注：1.“*”代表约束性指标，其他为预期性指标。",
            "2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。",
            "未完成指标说明：一是地区生产总值增速未完成。",
            "一年来，重点抓了以下工作：视为完成",
        ];
        let notes = read_notes(&lines, 0);
        assert!(notes.define_stars());
        let mut rows = vec![
            row("地区生产总值增速"),
            row("一般公共预算收入扣除留抵退税因素后增速"),
            row("税收收入扣除留抵退税因素后增速"),
        ];
        let mut warnings = Vec::new();
        notes.judge(&mut rows, "表1", &mut warnings);
        assert!(warnings.is_empty());
        assert!(rows[0].judgement.is_none());
        for row in &rows[1..] {
            let judgement = row.judgement.as_ref().unwrap();
            assert_eq!((judgement.status, judgement.line), (Status::Met, 3));
            assert!(judgement.evidence.ends_with("视为完成"));
        }
    }

    #[test]
    fn warns_when_a_deeming_note_names_no_row() {
        let notes = read_notes(&["注：2. 城镇化率目标调整为73%，视为完成。"], 0);
        let mut warnings = Vec::new();
        notes.judge(&mut [row("地区生产总值增速")], "表1", &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 1);
    }

    #[test]
    fn prose_is_not_a_note() {
        assert!(read_notes(&["（三）投资项目安排"], 0).sentences.is_empty());
        assert!(!read_notes(&["注：加*为约束性目标，其他为预期性目标。"], 0).sentences.is_empty());
    }
}
