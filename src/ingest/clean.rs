//! Cleaning decoded text: `\n` line ends, and nothing left that could drive a terminal or
//! confuse the parser. Damage is replaced visibly and reported by line, never dropped silently.

use crate::model::{Warning, WarningKind};

/// Normalises line ends to `\n` and removes what must never reach a terminal or the parser:
/// C0 and C1 control characters except TAB and newline, DEL, terminal escape sequences, bidi
/// overrides and isolates, and byte-order marks. Every other character, CJK punctuation such as
/// 《》（）【】 included, passes unchanged. See [`clean`] for what is reported.
pub fn clean_text(raw: &str) -> String {
    clean(raw).0
}

/// [`clean_text`], and warnings with the lines of what looked like damage: NUL bytes (replaced
/// with U+FFFD, so the damage stays visible) and escape sequences without their end (which
/// end at the end of their line, so a stray ESC costs at most the rest of one line).
pub fn clean(raw: &str) -> (String, Vec<Warning>) {
    let mut out = String::with_capacity(raw.len());
    let mut line = 1;
    let mut nul_lines = Vec::new();
    let mut cut_lines = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
                line += 1;
            }
            '\n' => {
                out.push(c);
                line += 1;
            }
            '\t' => out.push(c),
            '\0' => {
                out.push(char::REPLACEMENT_CHARACTER);
                nul_lines.push(line);
            }
            '\u{1b}' => {
                if !skip_escape_sequence(&mut chars) {
                    cut_lines.push(line);
                }
            }
            c if is_denied(c) => {}
            c => out.push(c),
        }
    }
    let mut warnings = Vec::new();
    if !nul_lines.is_empty() {
        warnings.push(Warning::new(nul_lines[0], WarningKind::NulBytes { lines: nul_lines }));
    }
    if !cut_lines.is_empty() {
        warnings.push(Warning::new(cut_lines[0], WarningKind::UnterminatedEscapes { lines: cut_lines }));
    }
    (out, warnings)
}

/// True for the characters [`clean_text`] removes.
fn is_denied(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Skips the rest of an escape sequence whose ESC was just read: CSI (`ESC [` parameters and a
/// final byte), OSC (`ESC ] … BEL` or `ESC ] … ESC \`), or a two-character escape. A sequence
/// ends at its terminator or before the end of its line, whichever comes first; a CSI also ends
/// before a character that cannot be part of it. Returns false when the sequence was not ended
/// by its own terminator.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let at_line_end = |c: &char| matches!(c, '\n' | '\r');
    match chars.peek() {
        Some('[') => {
            chars.next();
            while let Some(c) = chars.next_if(|c| (' '..='~').contains(c)) {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    return true;
                }
            }
            false
        }
        Some(']') => {
            chars.next();
            while let Some(c) = chars.next_if(|c| !at_line_end(c)) {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    return true;
                }
            }
            false
        }
        Some(c) if !at_line_end(c) && !c.is_control() => {
            chars.next();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_escapes_are_removed_but_cjk_punctuation_kept() {
        let dirty =
            "《规划》\u{1b}[31m红\u{1b}[0m（一）\u{7f}\u{85}\u{202e}【注】\u{feff}\u{1b}]0;title\u{7}x";
        assert_eq!(clean(dirty), ("《规划》红（一）【注】x".to_owned(), Vec::new()));
    }

    #[test]
    fn an_unterminated_osc_ends_at_the_end_of_its_line_with_a_warning() {
        let (text, warnings) = clean("第一行\n标题\u{1b}]0;pwned\n表1\t地区生产总值\n");
        assert_eq!(text, "第一行\n标题\n表1\t地区生产总值\n");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 2);
        assert_eq!(warnings[0].kind, WarningKind::UnterminatedEscapes { lines: vec![2] });
        assert!(
            warnings[0].to_string().contains("1 terminal escape sequence(s) without their end at line 2")
        );
    }

    #[test]
    fn an_unterminated_csi_stops_before_text_that_cannot_belong_to_it() {
        let (text, warnings) = clean("a\n\u{1b}[38;5地区生产总值\t6.5\r\n\u{1b}[");
        assert_eq!(text, "a\n地区生产总值\t6.5\n");
        assert_eq!(warnings[0].line, 2);
        assert!(
            warnings[0].to_string().contains("2 terminal escape sequence(s) without their end at lines 2, 3")
        );
    }

    #[test]
    fn nul_bytes_are_replaced_visibly_and_reported_by_line() {
        let (text, warnings) = clean("a\nb\0c\n\0\0\n");
        assert_eq!(text, "a\nb\u{fffd}c\n\u{fffd}\u{fffd}\n");
        assert_eq!(warnings[0].line, 2);
        assert_eq!(warnings[0].kind, WarningKind::NulBytes { lines: vec![2, 3, 3] });
        assert!(
            warnings[0].to_string().starts_with("3 NUL byte(s) at lines 2, 3 were replaced"),
            "{warnings:?}"
        );
    }
}
