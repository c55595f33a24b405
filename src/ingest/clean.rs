//! Cleaning decoded text: `\n` line ends, and nothing left that could drive a terminal or
//! confuse the parser. Damage is replaced visibly and reported by line, never dropped silently.

use super::encoding::utf8_string;
use crate::model::{Warning, WarningKind};
use crate::text::utf8_len;

/// Normalises line ends to `\n` and removes what must never reach a terminal or the parser:
/// C0 and C1 control characters except TAB and newline, DEL, terminal escape sequences, bidi
/// overrides and isolates, and byte-order marks. Every other character, CJK punctuation such as
/// 《》（）【】 included, passes unchanged. See [`clean`] for what is reported.
pub fn clean_text(raw: &str) -> String {
    clean(raw.to_owned()).0
}

/// [`clean_text`], and warnings with the lines of what looked like damage: NUL bytes (replaced
/// with U+FFFD, so the damage stays visible) and escape sequences without their end (which
/// end at the end of their line, so a stray ESC costs at most the rest of one line).
///
/// The text is cleaned where it lies: text with nothing to clean is returned as it is, and
/// other text is rewritten in its own buffer (grown first by what NUL replacements add), so a
/// report is never held twice.
pub fn clean(raw: String) -> (String, Vec<Warning>) {
    let first = plain_len(raw.as_bytes());
    if first == raw.len() {
        return (raw, Vec::new());
    }
    let mut cleaner = Cleaner::new(raw.into_bytes(), first);
    cleaner.run();
    cleaner.finish()
}

/// A text being cleaned in its own buffer: what is kept is moved down to `write`, what is still
/// to read starts at `read` (never before `write`).
struct Cleaner {
    bytes: Vec<u8>,
    read: usize,
    write: usize,
    /// Lines are counted in the cleaned part up to here …
    counted: usize,
    /// … and this is the line there (1-based).
    line: usize,
    nul_lines: Vec<usize>,
    cut_lines: Vec<usize>,
}

impl Cleaner {
    /// Starts cleaning `bytes` (valid UTF-8) at `first`, the first byte that may need it. Each
    /// NUL byte becomes three bytes (U+FFFD), so the rest is first moved up by twice their count.
    fn new(mut bytes: Vec<u8>, first: usize) -> Cleaner {
        let len = bytes.len();
        let room = 2 * memchr::memchr_iter(0, &bytes[first..]).count();
        if room > 0 {
            bytes.resize(len + room, 0);
            bytes.copy_within(first..len, first + room);
        }
        let (nul_lines, cut_lines) = (Vec::new(), Vec::new());
        Cleaner { bytes, read: first + room, write: first, counted: 0, line: 1, nul_lines, cut_lines }
    }

    /// Cleans everything after `read`: plain runs are moved down, the rest is replaced or left out.
    fn run(&mut self) {
        loop {
            let plain = plain_len(&self.bytes[self.read..]);
            self.keep(plain);
            let Some(&byte) = self.bytes.get(self.read) else { break };
            self.read += 1;
            match byte {
                b'\r' => {
                    if self.bytes.get(self.read) == Some(&b'\n') {
                        self.read += 1;
                    }
                    self.put("\n");
                }
                0 => {
                    let line = self.line();
                    self.nul_lines.push(line);
                    self.put("\u{fffd}");
                }
                0x1b => {
                    let (len, ended) = escape_sequence_len(&self.bytes[self.read..]);
                    self.read += len;
                    if !ended {
                        let line = self.line();
                        self.cut_lines.push(line);
                    }
                }
                byte if byte < 0x80 => {}
                lead => self.read += utf8_len(lead) - 1,
            }
        }
    }

    /// Moves the next `len` bytes read down to the cleaned part.
    fn keep(&mut self, len: usize) {
        if self.read != self.write {
            self.bytes.copy_within(self.read..self.read + len, self.write);
        }
        self.read += len;
        self.write += len;
    }

    /// Writes `text` in place of what was just read (there is room: see [`Cleaner::new`]).
    fn put(&mut self, text: &str) {
        self.bytes[self.write..self.write + text.len()].copy_from_slice(text.as_bytes());
        self.write += text.len();
    }

    /// The 1-based line of the cleaned text being written.
    fn line(&mut self) -> usize {
        self.line += memchr::memchr_iter(b'\n', &self.bytes[self.counted..self.write]).count();
        self.counted = self.write;
        self.line
    }

    /// The cleaned text and the warnings.
    fn finish(mut self) -> (String, Vec<Warning>) {
        self.bytes.truncate(self.write);
        let mut warnings = Vec::new();
        if let Some(&first) = self.nul_lines.first() {
            warnings.push(Warning::new(first, WarningKind::NulBytes { lines: self.nul_lines }));
        }
        if let Some(&first) = self.cut_lines.first() {
            warnings.push(Warning::new(first, WarningKind::UnterminatedEscapes { lines: self.cut_lines }));
        }
        // Whole characters were kept or left out, and whole characters put: still UTF-8.
        let text =
            utf8_string(self.bytes).unwrap_or_else(|bytes| String::from_utf8_lossy(&bytes).into_owned());
        (text, warnings)
    }
}

/// The byte length of the start of `bytes` (valid UTF-8) that cleaning keeps as it is: up to the
/// first character that [`starts_removed`]. Most text is one long run, tested 32 bytes at a time
/// (a test the compiler turns into vector instructions).
fn plain_len(bytes: &[u8]) -> usize {
    const CHUNK: usize = 32;
    let mut at = 0;
    while let Some(window) = bytes.get(at..at + CHUNK + 2) {
        // Few chunks pass the first test (by two bytes: quotes and dashes, `E2 80 …`, do), so
        // the full test of three bytes seldom runs.
        let maybe = (0..CHUNK).fold(false, |maybe, i| maybe | may_start_removed(window[i], window[i + 1]));
        let flagged = maybe
            && (0..CHUNK)
                .fold(false, |flagged, i| flagged | starts_removed(window[i], window[i + 1], window[i + 2]));
        if flagged {
            break;
        }
        at += CHUNK;
    }
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    (at..bytes.len()).find(|&i| starts_removed(byte(i), byte(i + 1), byte(i + 2))).unwrap_or(bytes.len())
}

/// Whether the character whose UTF-8 starts with bytes `b0`, `b1` may be one that
/// [`starts_removed`] (which holds only when this does): its first two bytes, without the
/// third. Written without branches, for [`plain_len`].
fn may_start_removed(b0: u8, b1: u8) -> bool {
    let c0 = (b0 < 0x20) & (b0 != b'\t') & (b0 != b'\n') | (b0 == 0x7f);
    let bidi = (b0 == 0xe2) & (b1 & 0xfe == 0x80);
    let bom = (b0 == 0xef) & (b1 == 0xbb);
    c0 | (b0 == 0xc2) | (b0 == 0xd8) | bidi | bom
}

/// Whether the character whose UTF-8 starts with bytes `b0`, `b1`, `b2` (the bytes after it, or
/// zeros past the end) is one that cleaning changes or removes: a control character other than
/// TAB and `\n` (C0, DEL; C1 is `C2 80…9F`), U+061C (`D8 9C`), U+200E, U+200F, U+202A…U+202E
/// (`E2 80 …`), U+2066…U+2069 (`E2 81 …`) or U+FEFF (`EF BB BF`); checked against `is_denied`
/// for every character by the tests. Written without branches, for [`plain_len`].
fn starts_removed(b0: u8, b1: u8, b2: u8) -> bool {
    let c0 = (b0 < 0x20) & (b0 != b'\t') & (b0 != b'\n') | (b0 == 0x7f);
    let c1 = (b0 == 0xc2) & (0x80..=0x9f).contains(&b1);
    let arabic_mark = (b0 == 0xd8) & (b1 == 0x9c);
    let marks = (b1 == 0x80) & ((b2 == 0x8e) | (b2 == 0x8f) | (0xaa..=0xae).contains(&b2));
    let isolates = (b1 == 0x81) & (0xa6..=0xa9).contains(&b2);
    let bidi = (b0 == 0xe2) & (marks | isolates);
    let bom = (b0 == 0xef) & (b1 == 0xbb) & (b2 == 0xbf);
    c0 | c1 | arabic_mark | bidi | bom
}

/// The byte length of the rest of an escape sequence whose ESC was just read (`rest` follows
/// it), and whether the sequence was ended by its own terminator: CSI (`ESC [` parameters and a
/// final byte), OSC (`ESC ] … BEL` or `ESC ] … ESC \`), or a two-character escape. A sequence
/// ends at its terminator or before the end of its line, whichever comes first; a CSI also ends
/// before a character that cannot be part of it.
fn escape_sequence_len(rest: &[u8]) -> (usize, bool) {
    match rest {
        [b'[', ..] => {
            for (at, &byte) in rest.iter().enumerate().skip(1) {
                if !(b' '..=b'~').contains(&byte) {
                    return (at, false);
                }
                if (0x40..=0x7e).contains(&byte) {
                    return (at + 1, true);
                }
            }
            (rest.len(), false)
        }
        [b']', ..] => {
            let mut at = 1;
            while let Some(&byte) = rest.get(at).filter(|&&byte| !matches!(byte, b'\n' | b'\r')) {
                at += 1;
                if byte == 0x07 {
                    return (at, true);
                }
                if byte == 0x1b && rest.get(at) == Some(&b'\\') {
                    return (at + 1, true);
                }
            }
            (at, false)
        }
        [] | [0x00..=0x1f | 0x7f, ..] | [0xc2, 0x80..=0x9f, ..] => (0, false),
        [lead, ..] => (utf8_len(*lead), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True for the characters [`clean_text`] removes.
    fn is_denied(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }

    #[test]
    fn the_first_test_holds_wherever_the_full_one_does() {
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                for b2 in [0, 0x80, 0x8e, 0x8f, 0x9c, 0xa6, 0xa9, 0xaa, 0xae, 0xbf] {
                    if starts_removed(b0, b1, b2) {
                        assert!(may_start_removed(b0, b1), "{b0:x} {b1:x} {b2:x}");
                    }
                }
            }
        }
    }

    #[test]
    fn control_characters_and_escapes_are_removed_but_cjk_punctuation_kept() {
        let dirty =
            "《规划》\u{1b}[31m红\u{1b}[0m（一）\u{7f}\u{85}\u{202e}【注】\u{feff}\u{1b}]0;title\u{7}x";
        assert_eq!(clean(dirty.to_owned()), ("《规划》红（一）【注】x".to_owned(), Vec::new()));
        let kept = "“引号”——…\u{a0}·é\u{2028}\u{fffd}";
        assert_eq!(clean(kept.to_owned()), (kept.to_owned(), Vec::new()));
    }

    #[test]
    fn the_bytes_tested_are_those_of_the_denied_characters() {
        for c in ('\0'..=char::MAX).filter(|&c| c != '\t' && c != '\n') {
            for after in [[0, 0], [0x80, 0x8e], [0xbb, 0xbf]] {
                let mut utf8 = [0; 6];
                let len = c.encode_utf8(&mut utf8).len();
                utf8[len..len + 2].copy_from_slice(&after);
                assert_eq!(starts_removed(utf8[0], utf8[1], utf8[2]), is_denied(c), "{c:?}");
            }
        }
    }

    #[test]
    fn an_unterminated_osc_ends_at_the_end_of_its_line_with_a_warning() {
        let (text, warnings) = clean("第一行\n标题\u{1b}]0;pwned\n表1\t地区生产总值\n".to_owned());
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
        let (text, warnings) = clean("a\n\u{1b}[38;5地区生产总值\t6.5\r\n\u{1b}[".to_owned());
        assert_eq!(text, "a\n地区生产总值\t6.5\n");
        assert_eq!(warnings[0].line, 2);
        assert!(
            warnings[0].to_string().contains("2 terminal escape sequence(s) without their end at lines 2, 3")
        );
    }

    #[test]
    fn nul_bytes_are_replaced_visibly_and_reported_by_line() {
        let (text, warnings) = clean("a\nb\0c\n\0\0\n".to_owned());
        assert_eq!(text, "a\nb\u{fffd}c\n\u{fffd}\u{fffd}\n");
        assert_eq!(warnings[0].line, 2);
        assert_eq!(warnings[0].kind, WarningKind::NulBytes { lines: vec![2, 3, 3] });
        assert!(
            warnings[0].to_string().starts_with("3 NUL byte(s) at lines 2, 3 were replaced"),
            "{warnings:?}"
        );
    }

    #[test]
    fn crlf_nul_bytes_and_escapes_together_are_cleaned_in_place() {
        let dirty = "甲\r\n\0乙\u{1b}[1m丙\r丁\0\0\u{202e}戊\u{1b}]8;;x\u{1b}\\己\r\n\u{1b}";
        let (text, warnings) = clean(dirty.to_owned());
        assert_eq!(text, "甲\n\u{fffd}乙丙\n丁\u{fffd}\u{fffd}戊己\n");
        assert_eq!(warnings[0].kind, WarningKind::NulBytes { lines: vec![2, 3, 3] });
        assert_eq!(warnings[1].kind, WarningKind::UnterminatedEscapes { lines: vec![4] });
        assert_eq!(clean("\0".to_owned()).0, "\u{fffd}");
        assert_eq!(clean("\u{1b}é\u{1b}\u{85}x".to_owned()).0, "x");
    }
}
