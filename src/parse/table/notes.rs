//! The notes under a table: `注：“*”代表约束性指标…`, numbered notes (`2. 一般公共预算收入增速、税收收入
//! 增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。`) and labelled explanations
//! (`未完成指标说明：…`). They say what `*` means and may judge rows themselves: a target adjusted
//! during the year and `视为完成` makes the rows it names met, whatever the numbers say.

use crate::grid::Grid;
use crate::model::{IndicatorRow, Judgement, NoteKind, Scope, Status, TableNote, Warning, WarningKind};
use crate::parse::Lines;
use crate::text::Trimmed;

/// Phrases by which a note declares a row met.
const DEEMED_MET: [&str; 4] = ["视为完成", "视同完成", "按完成计", "视为达标"];
/// A shortened mention keeps at least this many leading characters of the name.
const MIN_MENTION_PREFIX: usize = 4;
/// A shortened mention keeps at least this many trailing characters of the name.
const MIN_MENTION_SUFFIX: usize = 2;
/// A labelled explanation names itself within this many characters (`未完成指标说明：`).
const MAX_LABEL_CHARS: usize = 12;
/// Words ending a growth indicator's name; the indicator may be named by what grows alone
/// (`地区生产总值` for `地区生产总值增速`).
const GROWTH_WORDS: [&str; 3] = ["增速", "增幅", "增长"];
/// Chinese numerals that count the points of an explanation (`一是…二是…`).
const POINT_NUMERALS: &str = "一二三四五六七八九十";

/// One sentence of the notes and its 1-based line.
#[derive(Debug, Clone, PartialEq)]
struct Sentence<'a> {
    text: &'a str,
    line: usize,
}

/// One line of the notes: its kind, an explanation's label, and the text after the label.
#[derive(Debug, Clone, PartialEq)]
struct NoteLine {
    kind: NoteKind,
    label: Option<String>,
    text: String,
    line: usize,
}

/// The notes under one table.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Notes {
    lines: Vec<NoteLine>,
}

/// Reads the notes of the table `grid` read from `lines`, whose last line is `lines[end - 1]`:
/// the notes it writes as its own last rows (a `<tfoot>`, or last rows across the table:
/// `注：带★的为约束性指标`), then those under it.
pub(super) fn read_table_notes(lines: Lines<'_>, grid: &Grid, end: usize) -> Notes {
    let one_cell = |row: usize| {
        let mut cells = grid.row_cells(row).filter(|c| !c.text.trimmed().is_empty());
        cells.next().filter(|_| cells.next().is_none())
    };
    let trailing: Vec<usize> = (0..grid.rows()).rev().take_while(|&row| one_cell(row).is_some()).collect();
    // The topmost note among the trailing rows (they are listed bottom up).
    let first =
        trailing.iter().rev().copied().find(|&row| one_cell(row).is_some_and(|c| is_note(c.text.trimmed())));
    let in_table = first.into_iter().flat_map(|first| first..grid.rows()).filter_map(one_cell);
    let under = lines.iter().enumerate().skip(end).map(|(index, line)| (index + 1, line));
    read_note_lines(in_table.map(|cell| (cell.line, cell.text.as_str())).chain(under))
}

/// Reads the notes starting at `lines[from]` (the first line after the table): footnotes,
/// numbered notes and labelled explanations, up to the first line that is none of these. The
/// points of an explanation may stand on lines of their own (`未完成指标说明：` then `一是…`).
#[cfg(test)]
fn read_notes(lines: Lines<'_>, from: usize) -> Notes {
    read_note_lines(lines.iter().enumerate().skip(from).map(|(index, line)| (index + 1, line)))
}

/// Reads notes from texts with their 1-based lines, up to the first text that is no note (see
/// [`read_table_notes`]).
fn read_note_lines<'a>(texts: impl Iterator<Item = (usize, &'a str)>) -> Notes {
    let mut notes: Vec<NoteLine> = Vec::new();
    for (line, text) in texts {
        let text = text.trimmed();
        if text.is_empty() {
            continue;
        }
        let (kind, label, text) = match note_kind(text) {
            Some(read) => read,
            None => match notes.last() {
                Some(last) if last.kind == NoteKind::Explanation && starts_point(text) => {
                    (NoteKind::Explanation, last.label.clone(), text)
                }
                _ => break,
            },
        };
        notes.push(NoteLine { kind, label, text: text.to_owned(), line });
    }
    Notes { lines: notes }
}

impl Notes {
    /// The stars the notes say mark binding indicators (`“*”代表约束性指标`, `加*为约束性目标`,
    /// `带★的为约束性指标，带*的为省考核指标` → `★` only), each clause on its own; empty when no
    /// note says so.
    pub fn binding_stars(&self) -> Vec<char> {
        let mut stars = Vec::new();
        for sentence in self.sentences() {
            for clause in sentence.text.split(['，', ',']).filter(|clause| clause.contains("约束")) {
                stars.extend(clause.chars().filter(|c| super::name::STARS.contains(c)));
            }
        }
        stars
    }

    /// Marks met the rows that a note deems met (`…计划目标…调整为…，视为完成`), matching the rows by the
    /// names the note gives, which may be shortened (`税收收入增速` for `税收收入扣除留抵退税因素后增速`).
    /// Warns when such a note names no row of the table.
    pub fn judge(&self, rows: &mut [IndicatorRow], caption: &str, warnings: &mut Vec<Warning>) {
        // The rows' names are spelled out once a sentence deems rows met (most notes have none).
        let mut names = None;
        for sentence in self.sentences().filter(|s| DEEMED_MET.iter().any(|p| s.text.contains(p))) {
            let named = rows_named(sentence.text, names.get_or_insert_with(|| name_chars(rows)));
            if named.is_empty() {
                let kind = WarningKind::UnmatchedNote { note: sentence.text.to_owned() };
                warnings.push(Warning::new(sentence.line, kind).in_table(Scope::Table(caption.to_owned())));
            }
            for index in named {
                if let Some(row) = rows.get_mut(index) {
                    let evidence = sentence.text.to_owned();
                    row.judgement = Some(Box::new(Judgement {
                        status: Status::Met,
                        evidence,
                        line: sentence.line,
                        share_of_plan: None,
                    }));
                }
            }
        }
    }

    /// The notes for the model, each with the rows of `rows` it names: a footnote or numbered
    /// note whole, an explanation one point (`一是…`) at a time, so that the reasons given after a
    /// point's heading stay with the rows the heading names.
    pub fn table_notes(&self, rows: &[IndicatorRow]) -> Vec<TableNote> {
        let names = name_chars(rows);
        self.lines
            .iter()
            .flat_map(|note| {
                let pieces = match note.kind {
                    NoteKind::Explanation => points(&note.text),
                    NoteKind::Footnote | NoteKind::Numbered => vec![note.text.as_str()],
                };
                pieces.into_iter().map(|piece| TableNote {
                    text: piece.to_owned(),
                    line: note.line,
                    kind: note.kind,
                    label: note.label.clone(),
                    rows: rows_in(piece, &names, rows),
                })
            })
            .collect()
    }

    /// Every sentence of the notes with its line.
    fn sentences(&self) -> impl Iterator<Item = Sentence<'_>> + '_ {
        self.lines
            .iter()
            .flat_map(|note| sentences_of(&note.text).map(|text| Sentence { text, line: note.line }))
    }
}

/// The kind of a note line, an explanation's label, and the text after that label; `None` for a
/// line that is no note: a footnote, a numbered note (`2. …`, `（2）…`) or a labelled explanation
/// (`…说明：…`).
fn note_kind(text: &str) -> Option<(NoteKind, Option<String>, &str)> {
    if is_note(text) {
        return Some((NoteKind::Footnote, None, text));
    }
    let rest = text.trim_start_matches(['（', '(']);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && rest[digits..].trimmed_start().starts_with(['.', '．', '、', '﹒', '）', ')']) {
        return Some((NoteKind::Numbered, None, text));
    }
    let (label, body) = text.split_once(['：', ':'])?;
    let label = label.trimmed();
    (label.ends_with("说明") && label.chars().count() <= MAX_LABEL_CHARS)
        .then(|| (NoteKind::Explanation, Some(label.to_owned()), body.trimmed()))
}

/// The sentences of `text`, split at `。` and `；`, trimmed, empty ones left out.
fn sentences_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';']).map(str::trimmed).filter(|s| !s.is_empty())
}

/// Whether `text` opens a point of an explanation: `一是`, `二是`, … `十二是`.
fn starts_point(text: &str) -> bool {
    let numerals = text.chars().take_while(|c| POINT_NUMERALS.contains(*c)).count();
    numerals > 0 && text.chars().nth(numerals) == Some('是')
}

/// The points of an explanation: it is cut before each `一是`, `二是`, … that opens a sentence.
/// Text before the first point is a piece of its own.
fn points(text: &str) -> Vec<&str> {
    let mut starts = vec![0];
    starts.extend(
        text.char_indices().map(|(i, _)| i).filter(|&i| {
            i > 0 && text[..i].ends_with(['。', '；', ';', '：', ':']) && starts_point(&text[i..])
        }),
    );
    starts.push(text.len());
    starts
        .windows(2)
        .filter_map(|w| text.get(w[0]..w[1]))
        .map(str::trimmed)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The name of each row as characters, for [`rows_named`].
fn name_chars(rows: &[IndicatorRow]) -> Vec<Vec<char>> {
    rows.iter().map(|row| row.name.chars().collect()).collect()
}

/// Indices of the rows that any sentence of `text` names (`names` from [`name_chars`]), or whose
/// names carry a footnote mark the text gives (`①`, `[1]`), in table order.
fn rows_in(text: &str, names: &[Vec<char>], rows: &[IndicatorRow]) -> Vec<usize> {
    let mut named: Vec<usize> = sentences_of(text).flat_map(|s| rows_named(s, names)).collect();
    let marks = footnote_marks(text);
    if !marks.is_empty() {
        let marked = |row: &IndicatorRow| marks.iter().any(|mark| row.raw_name.contains(mark.as_str()));
        named.extend((0..rows.len()).filter(|&index| marked(&rows[index])));
    }
    named.sort_unstable();
    named.dedup();
    named
}

/// The footnote marks a note gives: circled numbers (`①地区生产总值增速按可比价格计算`) and numbers
/// in square brackets (`[1]`, `［2］`, `【3】`).
fn footnote_marks(text: &str) -> Vec<String> {
    let mut marks: Vec<String> =
        text.chars().filter(|&c| crate::text::is_circled_number(c)).map(String::from).collect();
    for (open, close) in [('[', ']'), ('［', '］'), ('【', '】')] {
        for (at, _) in text.match_indices(open) {
            let rest = &text[at + open.len_utf8()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            if digits > 0 && rest[digits..].starts_with(close) {
                marks.push(format!("{open}{}{close}", &rest[..digits]));
            }
        }
    }
    marks
}

/// Indices of the rows whose names (`names`, from [`name_chars`]) `sentence` names. Where
/// mentions of different rows overlap, the longer mention wins; rows with the same name share
/// their mention.
fn rows_named(sentence: &str, names: &[Vec<char>]) -> Vec<usize> {
    let sentence: Vec<char> = sentence.chars().collect();
    let held = CharFilter::of(&sentence);
    let mut found: Vec<(usize, usize, usize)> = names
        .iter()
        .enumerate()
        .filter(|(_, name)| name.first().is_some_and(|&first| held.may_hold(first)))
        .filter_map(|(index, name)| mention(&sentence, name).map(|(start, len)| (index, start, len)))
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

/// The characters of a sentence, as a set that may answer yes wrongly but never no wrongly (one
/// bit per character's code modulo 256): a name whose first character it lacks is not mentioned
/// (a mention opens with that character), so most names are ruled out without a scan.
struct CharFilter([u64; 4]);

impl CharFilter {
    /// The filter of `chars`.
    fn of(chars: &[char]) -> Self {
        let mut bits = [0; 4];
        for &c in chars {
            let code = u32::from(c) as usize & 255;
            bits[code >> 6] |= 1 << (code & 63);
        }
        CharFilter(bits)
    }

    /// Whether `c` may be among the characters.
    fn may_hold(&self, c: char) -> bool {
        let code = u32::from(c) as usize & 255;
        self.0[code >> 6] & 1 << (code & 63) != 0
    }
}

/// The longest mention of `name` in `sentence` as (start, length) in characters: the whole name,
/// its first characters directly followed by its last ones (a name shortened in the middle), or
/// for a growth indicator what grows alone (`地区生产总值` for `地区生产总值增速`).
fn mention(sentence: &[char], name: &[char]) -> Option<(usize, usize)> {
    if name.len() < MIN_MENTION_SUFFIX {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    // A mention starts with the name's first character (a prefix of at least one).
    for start in (0..sentence.len()).filter(|&s| sentence[s] == name[0]) {
        let rest = &sentence[start..];
        let prefix = rest.iter().zip(name).take_while(|(a, b)| a == b).count();
        let len = if prefix == name.len() {
            prefix
        } else if prefix >= MIN_MENTION_PREFIX {
            let after = &rest[prefix..];
            let suffix = (MIN_MENTION_SUFFIX..=name.len() - prefix)
                .rev()
                .find(|&q| after.len() >= q && after[..q] == name[name.len() - q..]);
            match (suffix, subject_len(name)) {
                (Some(q), _) => prefix + q,
                (None, Some(subject)) if prefix >= subject => subject,
                (None, _) => continue,
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

/// For a name ending in a growth word (`地区生产总值增速`), the length of what grows.
fn subject_len(name: &[char]) -> Option<usize> {
    GROWTH_WORDS.iter().find_map(|word| {
        let word: Vec<char> = word.chars().collect();
        name.ends_with(&word).then(|| name.len() - word.len())
    })
}

/// A footnote under a table: `注：…`, `注:`, `注1.`, `备注：…` (a bare `备注` is a column title).
pub(crate) fn is_note(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix("备注") {
        return rest.starts_with(['：', ':']);
    }
    text.strip_prefix('注').is_some_and(|r| r.starts_with(['：', ':', '1', '１', '①', ' ', '　']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;

    #[test]
    fn recognises_notes() {
        assert!(is_note("注：“*”代表约束性指标"));
        assert!(is_note("注:加*为约束性目标"));
        assert!(!is_note("注重实效"));
        assert!(!is_note("备注"));
    }

    fn row(name: &str) -> IndicatorRow {
        IndicatorRow { line: 1, name: name.into(), raw_name: name.into(), ..IndicatorRow::default() }
    }

    #[test]
    fn a_note_on_a_footnote_mark_names_the_rows_that_carry_it() {
        let mut rows = vec![row("地区生产总值增长"), row("研发经费支出占比"), row("城镇调查失业率")];
        rows[1].raw_name = "研发经费支出占比[1]".into();
        rows[2].raw_name = "城镇调查失业率②".into();
        let names = name_chars(&rows);
        assert_eq!(footnote_marks("注：①按可比价格计算。[1]为2022年数据。"), ["①", "[1]"]);
        assert_eq!(rows_in("注：[1]为2022年数据。", &names, &rows), [1]);
        assert_eq!(rows_in("②为年度平均数。", &names, &rows), [2]);
        assert!(rows_in("[a]为估计数。", &names, &rows).is_empty());
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
        let notes = read_notes(LinedText::from_lines(&lines).lines(), 0);
        assert_eq!(notes.binding_stars(), ['*']);
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
        let notes =
            read_notes(LinedText::from_lines(&["注：2. 城镇化率目标调整为73%，视为完成。"]).lines(), 0);
        let mut warnings = Vec::new();
        notes.judge(&mut [row("地区生产总值增速")], "表1", &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 1);
    }

    #[test]
    fn a_growth_indicator_is_named_by_what_grows() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let sentence = chars("一是地区生产总值及其支撑指标");
        assert_eq!(mention(&sentence, &chars("地区生产总值增速")), Some((2, 6)));
        assert_eq!(mention(&sentence, &chars("地区生产总值能耗")), None);
        // A longer mention of another row takes the words: `…占地区生产总值比重` is that row's.
        let rows = [row("地区生产总值增速"), row("制造业增加值占地区生产总值比重")];
        assert_eq!(rows_named("制造业增加值占地区生产总值比重下降", &name_chars(&rows)), [1]);
    }

    #[test]
    fn an_explanation_is_kept_point_by_point_with_the_rows_each_names() {
        let lines = [
            "未完成指标说明：",
            "一是森林覆盖率。国土空间受限。",
            "二是进出口总额增速、万人发明专利拥有量。外需放缓；一是之外的原因。",
            "一年来，重点抓了以下工作：",
        ];
        let rows = [row("进出口总额增速"), row("森林覆盖率"), row("万人发明专利拥有量")];
        let notes = read_notes(LinedText::from_lines(&lines).lines(), 0).table_notes(&rows);
        let read: Vec<(&str, usize, Vec<usize>)> =
            notes.iter().map(|n| (n.text.as_str(), n.line, n.rows.clone())).collect();
        assert_eq!(
            read,
            [
                ("一是森林覆盖率。国土空间受限。", 2, vec![1]),
                ("二是进出口总额增速、万人发明专利拥有量。外需放缓；", 3, vec![0, 2]),
                ("一是之外的原因。", 3, vec![]),
            ]
        );
        assert!(notes.iter().all(|n| n.kind == NoteKind::Explanation));
        assert!(notes.iter().all(|n| n.label.as_deref() == Some("未完成指标说明")));
    }

    #[test]
    fn points_open_only_at_a_sentence_start() {
        assert_eq!(points("一是甲。统一是乙。二是丙"), ["一是甲。统一是乙。", "二是丙"]);
        assert_eq!(points("总的看：一是甲"), ["总的看：", "一是甲"]);
        assert!(points("").is_empty());
    }

    #[test]
    fn prose_is_not_a_note() {
        assert!(read_notes(LinedText::from_lines(&["（三）投资项目安排"]).lines(), 0).lines.is_empty());
        assert!(
            !read_notes(LinedText::from_lines(&["注：加*为约束性目标，其他为预期性目标。"]).lines(), 0)
                .lines
                .is_empty()
        );
    }
}
