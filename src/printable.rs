//! Strings that are not report text (file names, paths, config values, theme names, queries)
//! made safe to print: a file named `r_\e]0;pwned\a.txt` must not set the terminal's title, and
//! one carrying OSC 52 must not write the clipboard. Report text is cleaned when it is read
//! ([`crate::ingest::clean_text`]); everything else goes through [`printable`] (tables, CSV,
//! errors, warnings, the workbench) or, in JSON, through [`to_json_pretty`], which keeps the
//! characters but escapes them (`\u001b`, `\u009b`, `\u202e`).

use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// True for characters that change how a terminal shows what follows them: C0 and C1 control
/// characters, DEL, bidirectional controls, and the byte-order mark.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` with every [`is_unsafe`] character shown as an escape (`\x1b`, `\u{202e}`), so the
/// terminal prints it instead of obeying it, and the reader sees it is there.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            c if u32::from(c) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// A path as [`printable`] text.
pub fn path(path: &Path) -> String {
    printable(&path.to_string_lossy()).into_owned()
}

/// `value` as pretty-printed JSON in which every [`is_unsafe`] character is escaped as `\uXXXX`
/// (serde_json escapes only those below U+0020).
pub fn to_json_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    write_json_pretty(&mut out, value).expect("writing JSON to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`to_json_pretty`] to a writer.
pub fn write_json_pretty<W: io::Write, T: Serialize + ?Sized>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, Escaping::default());
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// serde_json's pretty formatter, escaping the [`is_unsafe`] characters it would write raw.
#[derive(Default)]
struct Escaping(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_shown_as_escapes() {
        assert_eq!(printable("报告.txt"), "报告.txt");
        assert_eq!(printable("r_\u{1b}]0;pwned\u{7}.txt"), "r_\\x1b]0;pwned\\x07.txt");
        assert_eq!(printable("a\u{9b}b\u{202e}c\nd"), "a\\x9bb\\u{202e}c\\x0ad");
    }

    #[test]
    fn json_escapes_what_serde_json_writes_raw_and_reads_back_the_same() {
        let value = vec!["r_\u{1b}]52;c;eA==\u{7}", "\u{9b}31m", "\u{202e}txt.exe", "地区\"生产\""];
        let json = to_json_pretty(&value);
        assert!(json.contains("r_\\u001b]52;c;eA==\\u0007"), "{json}");
        assert!(json.contains("\\u009b31m") && json.contains("\\u202etxt.exe"), "{json}");
        assert!(!json.chars().any(|c| is_unsafe(c) && c != '\n'), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
        let safe = vec!["地区生产总值", "a\tb"];
        assert_eq!(to_json_pretty(&safe), serde_json::to_string_pretty(&safe).unwrap());
    }
}
