//! The document's own verdict on a row, written as words in a cell (`完成`, `未完成`,
//! `基本完成`, `未达预期`, and `是`/`否` under `是否完成`): in a `与目标±` or `是否完成` column, or
//! in a `完成情况` column that holds verdicts rather than achieved values; or as marks, `√` for
//! met and `×` for missed.

use crate::model::Status;
use crate::text;

/// Words saying the target was missed; checked first, as they contain the met words.
const MISSED_WORDS: [&str; 7] = ["未完成", "未达到", "未达标", "未达预期", "没有完成", "没有达到", "不达标"];
/// Words and marks saying the target was missed, as a whole cell (the answer to `是否完成`).
const MISSED_CELLS: [&str; 6] = ["否", "没有", "×", "✗", "✘", "╳"];
/// Words saying the target was met, as a whole cell.
const MET_WORDS: [&str; 15] = [
    "是",
    "√",
    "✓",
    "✔",
    "完成",
    "已完成",
    "超额完成",
    "基本完成",
    "完成目标",
    "完成预期",
    "完成预期目标",
    "达到",
    "已达到",
    "达到预期",
    "达标",
];

/// The status a cell's words state, `None` when the cell is not a verdict.
pub(crate) fn verdict(cell: &str) -> Option<Status> {
    // Every verdict word and mark is past ASCII, and folding keeps ASCII text ASCII: a cell of
    // ASCII alone (a figure, `6.5%`) is none, and is not folded.
    if cell.is_ascii() {
        return None;
    }
    let text = text::fold_cow(cell);
    if MISSED_WORDS.iter().any(|w| text::holds(&text, w)) || MISSED_CELLS.contains(&&*text) {
        Some(Status::Missed)
    } else if MET_WORDS.contains(&&*text) {
        Some(Status::Met)
    } else {
        None
    }
}

/// Whether cells of a column are verdicts rather than values: at least two, and most of those
/// not blank (`—`, `待考核`) are verdict words. Each cell comes with whether it is a verdict
/// ([`verdict`]), which its caller has asked already.
pub(crate) fn holds_verdicts<'a>(cells: impl Iterator<Item = (&'a str, bool)>) -> bool {
    let (mut verdicts, mut others) = (0usize, 0usize);
    for (_, is_verdict) in cells.filter(|(cell, _)| !super::indicator::is_blank(cell)) {
        match is_verdict {
            true => verdicts += 1,
            false => others += 1,
        }
    }
    verdicts >= 2 && verdicts > others * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_words() {
        assert_eq!(verdict("完成"), Some(Status::Met));
        assert_eq!(verdict(" 基本完成 "), Some(Status::Met));
        assert_eq!(verdict("未完成"), Some(Status::Missed));
        assert_eq!(verdict("未达预期"), Some(Status::Missed));
        assert_eq!(verdict("是"), Some(Status::Met));
        assert_eq!(verdict("否"), Some(Status::Missed));
        assert_eq!(verdict("√"), Some(Status::Met));
        assert_eq!(verdict(" × "), Some(Status::Missed));
        assert_eq!(verdict("是否"), None);
        assert_eq!(verdict("完成市下达任务"), None);
        assert_eq!(verdict("6.2"), None);
        assert_eq!(verdict("待国家考核"), None);
    }

    #[test]
    fn a_column_of_verdicts_is_told_from_one_of_values() {
        let column =
            |cells: &[&'static str]| holds_verdicts(cells.iter().map(|&c| (c, verdict(c).is_some())));
        assert!(column(&["完成", "未完成", "—", "完成", "待国家考核"]));
        assert!(!column(&["6.2", "8.5", "完成", "37.02"]));
        assert!(!column(&["完成"]));
    }

    #[test]
    fn ascii_folds_to_ascii() {
        for byte in 0..0x80u8 {
            let c = char::from(byte);
            for text in [format!("{c}"), format!(" 6.5{c}% "), format!("{c}{c}")] {
                assert!(text::fold_cow(&text).is_ascii(), "{text:?}");
            }
        }
    }
}
