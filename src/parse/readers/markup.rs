//! Pandoc's inline marks in a table cell, undone: the cells of its simple, multiline and grid
//! tables (`pandoc -t markdown`, `-t plain`) hold the text with Markdown's marks around it.

use super::unescape;
use std::borrow::Cow;

/// A cell's text with pandoc's marks undone: escapes, bold, bracketed spans (`[7]{lang="EN-US"}`,
/// a Word page's language tags), superscript (`^①^` in Markdown, `^(①)` in plain text), its `---`
/// for an em dash read as `—`, and a no-break or ideographic space (`指&nbsp;&nbsp;标`, `项　目`)
/// as a space.
pub(crate) fn pandoc_cell(cell: &str) -> String {
    let cell = unspanned(cell);
    let cell = crate::text::unbold(&cell);
    let cell = plain_superscript(cell);
    let dashes = cell.len();
    if dashes >= 3 && dashes.is_multiple_of(3) && cell.bytes().all(|b| b == b'-') {
        return "—".repeat(dashes / 3);
    }
    let mut plain = String::with_capacity(cell.len());
    let mut escaped = false;
    for c in cell.chars() {
        match c {
            '^' if !escaped => continue,
            c if c.is_whitespace() => plain.push(' '),
            _ => plain.push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    unescape(&plain)
}

/// `text` with pandoc's plain-text superscripts (`增长^(①)`) written as Markdown's (`增长^①^`), so
/// the mark is not read as a parenthetical (a unit).
fn plain_superscript(text: &str) -> Cow<'_, str> {
    let Some(at) = text.find("^(") else { return text.into() };
    let rest = &text[at + 2..];
    let Some(close) = rest.find(')') else { return text.into() };
    let mark = &rest[..close];
    if mark.is_empty() || mark.contains([' ', '(', '^']) {
        return text.into();
    }
    format!("{}^{mark}^{}", &text[..at], plain_superscript(&rest[close + 1..])).into()
}

/// `text` with each bracketed span (`[text]{attributes}`) as its text alone; brackets escaped
/// (`\[1\]`, a footnote mark) are no span.
fn unspanned(text: &str) -> Cow<'_, str> {
    let Some(close) = text.find("]{") else { return text.into() };
    let head = &text[..close];
    let open = head.rfind('[').filter(|&at| !head[..at].ends_with('\\'));
    let end = text[close..].find('}').map(|at| close + at + 1);
    let (Some(open), Some(end)) = (open, end) else { return text.into() };
    format!("{}{}{}", &text[..open], &head[open + 1..], unspanned(&text[end..])).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_superscripts_are_marks_not_parentheticals() {
        assert_eq!(pandoc_cell("地区生产总值增长^(①)"), "地区生产总值增长①");
        assert_eq!(pandoc_cell("甲^(1)乙^(2)"), "甲1乙2");
        assert_eq!(pandoc_cell("GDP（亿元）"), "GDP（亿元）");
        assert_eq!(pandoc_cell("a^(b c)"), "a(b c)");
    }

    #[test]
    fn bracketed_spans_give_their_text() {
        assert_eq!(pandoc_cell(r#"[7]{lang="EN-US"}左右"#), "7左右");
        assert_eq!(pandoc_cell(r#"**指[]{lang="EN-US"}标**"#), "指标");
        assert_eq!(pandoc_cell(r#"**[2023]{lang="EN-US"}年**"#), "2023年");
        assert_eq!(pandoc_cell(r"比重\[1\]"), "比重[1]");
        assert_eq!(pandoc_cell("[a] {b}"), "[a] {b}");
    }
}
