//! A whole report on one line, as some web mirrors serve it: paragraphs, captions and table cells
//! run together with runs of spaces between them. Such a line is cut at every run of two or more
//! spaces, which gives one paragraph or one cell per line; its tables are then read as the
//! space-aligned layout they were.

use crate::text::Trimmed;
use crate::text::lines;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// A line this long may be a whole page.
const MIN_PAGE_CHARS: usize = 300;
/// A page line has at least this many runs of spaces.
const MIN_GAPS: usize = 10;

/// The text with each page-long line cut at its runs of spaces; `None` when no line is one.
pub(crate) fn unfold(text: &str) -> Option<String> {
    if !any_page_line(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in lines(text) {
        if is_page_line(line) {
            for piece in pieces(line) {
                out.push_str(piece);
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.pop();
    Some(out)
}

/// Whether some line of `text` [`is_page_line`]. The gaps of the whole text are found in one
/// scan for each kind ([`gaps`] counts the same ones line by line: a run of spaces never holds a
/// newline), and only a line with enough of them is looked at: most texts have few gaps, and a
/// search set up for each long line cost more than the scan.
fn any_page_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut doubles = DOUBLE.find_iter(bytes).peekable();
    let mut ideographic = IDEOGRAPHIC.find_iter(bytes).peekable();
    loop {
        let first = match (doubles.peek(), ideographic.peek()) {
            (None, None) => return false,
            (Some(&double), Some(&wide)) => double.min(wide),
            (Some(&at), None) | (None, Some(&at)) => at,
        };
        // The line of the first gap not yet counted, and its gaps.
        let start = memchr::memrchr(b'\n', &bytes[..first]).map_or(0, |at| at + 1);
        let end = memchr::memchr(b'\n', &bytes[first..]).map_or(bytes.len(), |at| first + at);
        let mut count = 0;
        while doubles.next_if(|&at| at < end).is_some() {
            count += 1;
        }
        while ideographic.next_if(|&at| at < end).is_some() {
            count += 1;
        }
        if count >= MIN_GAPS && is_page_line(&text[start..end]) {
            return true;
        }
    }
}

/// Two ASCII spaces, a gap of [`gaps`].
static DOUBLE: LazyLock<Finder> = LazyLock::new(|| Finder::new("  "));

/// The ideographic space, a gap of [`gaps`].
static IDEOGRAPHIC: LazyLock<Finder> = LazyLock::new(|| Finder::new("\u{3000}"));

/// Whether a line holds a whole page: long, with many runs of spaces. The cheap tests come
/// first: its bytes, and its gaps (each cut into pieces needs one).
fn is_page_line(line: &str) -> bool {
    line.len() >= MIN_PAGE_CHARS
        && gaps(line) >= MIN_GAPS
        && line.chars().count() >= MIN_PAGE_CHARS
        && pieces(line).nth(MIN_GAPS).is_some()
}

/// How many places a line may be cut at: two ASCII spaces in a row (counted without overlap) or
/// an ideographic space. Each cut of [`pieces`] is at a run of spaces that holds one of them, so
/// a line has at most this many cuts.
fn gaps(line: &str) -> usize {
    let bytes = line.as_bytes();
    DOUBLE.find_iter(bytes).count() + IDEOGRAPHIC.find_iter(bytes).count()
}

/// The pieces of a line between runs of two or more spaces (ASCII or ideographic; one
/// ideographic space is a run).
fn pieces(line: &str) -> impl Iterator<Item = &str> {
    let space = |c: char| c == ' ' || c == '\u{3000}';
    let mut rest = line.trimmed();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        let mut cut = rest.len();
        while let Some((at, c)) = chars.next() {
            if c == '\u{3000}' || (c == ' ' && chars.peek().is_some_and(|&(_, d)| space(d))) {
                cut = at;
                break;
            }
        }
        let piece = &rest[..cut];
        rest = rest[cut..].trim_start_matches(space).trimmed_start();
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_a_page_line_at_runs_of_spaces() {
        let cells: Vec<String> = (0..40).map(|i| format!("单元格{i} a b")).collect();
        let page = cells.join("   ");
        let text = format!("标题\n{page}\n尾");
        let unfolded = unfold(&text).unwrap();
        let lines: Vec<&str> = unfolded.split('\n').collect();
        assert_eq!(lines.len(), 42);
        assert_eq!(lines[1], "单元格0 a b");
        assert_eq!(lines[41], "尾");
        assert_eq!(unfold("短行  两段"), None);
        let spaced = "字 ".repeat(200);
        assert_eq!(gaps(&spaced), 0);
        assert_eq!(unfold(&spaced), None);
        assert_eq!(gaps("a  b   c\u{3000}d    e"), 5);
    }

    #[test]
    fn the_scan_of_the_whole_text_finds_the_page_lines_of_the_line_by_line_test() {
        let page = (0..40).map(|i| format!("单元格{i}")).collect::<Vec<_>>().join("   ");
        let wide =
            (0..12).map(|i| format!("第{i}段{}", "文".repeat(30))).collect::<Vec<_>>().join("\u{3000}");
        let few = (0..9).map(|_| "字".repeat(40)).collect::<Vec<_>>().join("  ");
        let short = "甲  乙  丙  丁  戊  己  庚  辛  壬  癸  子";
        for lines in [
            vec![page.as_str()],
            vec!["标题", &few, &few, "尾"],
            vec![&few, &page, ""],
            vec![short, &few, &wide],
            vec!["  ", &"　".repeat(400), "a     b"],
            vec![&few, short, &format!("{few}  {short}")],
            vec![""],
        ] {
            let text = lines.join("\n");
            assert_eq!(any_page_line(&text), super::lines(&text).any(is_page_line), "{text}");
        }
    }
}
