//! Bytes to a [`Document`]: encoding detection, line ends, removal of control characters, and
//! the tables of formats that know them.
//!
//! Reports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK, with LF,
//! CRLF or lone CR line ends; or as Word .docx documents ([`docx`]), saved web pages ([`html`],
//! single-file [`mhtml`] archives) and PDF files ([`pdf`]), whose tables come as grids placed in
//! the derived text. The result is UTF-8 text with `\n` line ends in which only TAB and newline
//! remain of the control characters, so the parser and the terminal see the same text.

pub mod docx;
pub mod html;
pub mod mhtml;
mod oneline;
pub mod pdf;
mod placed;

use crate::document::Document;
use crate::error::Error;
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Decodes a file's bytes into a [`Document`]: clean text, and the tables its format knows.
///
/// `file` names the file in errors. Fails on empty input, on binary files other than .docx, and
/// on bytes that are valid in none of the encodings plangap reads. A few undecodable bytes are
/// replaced and counted in [`Document::replaced`] rather than failing the file.
pub fn decode(file: &str, bytes: &[u8]) -> Result<Document, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { file: file.to_owned() });
    }
    let not_text = |reason: String| Error::NotText { file: file.to_owned(), reason };
    if pdf::is_pdf(bytes) {
        return pdf::read(file, bytes);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return docx::read(bytes).map_err(not_text);
    }
    if mhtml::is_mhtml(bytes) {
        return mhtml::read(bytes).map_err(not_text);
    }
    if html::is_html(bytes) {
        return html::read(bytes, None).map_err(not_text);
    }
    let (raw, encoding, replaced) = decode_text(bytes).map_err(not_text)?;
    if looks_binary(&raw) {
        return Err(not_text("most of its characters are control characters, as in binary files".to_owned()));
    }
    let text = clean_text(&raw);
    Ok(match oneline::unfold(&text) {
        Some(unfolded) => Document { relined: true, ..Document::text(unfolded, encoding, replaced) },
        None => Document::text(text, encoding, replaced),
    })
}

/// Text, encoding name and count of replaced sequences, by BOM, then UTF-16 without BOM, then
/// UTF-8, then GB18030; the error is the reason none fits.
fn decode_text(bytes: &[u8]) -> Result<(String, &'static str, usize), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_tolerably(encoding, &bytes[bom_len..])
            .ok_or_else(|| format!("its {} byte-order mark is followed by invalid bytes", encoding.name()));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_tolerably(encoding, bytes)
            .ok_or_else(|| "it looks like UTF-16 without a byte-order mark but does not decode".to_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8", 0));
    }
    if bytes.contains(&0) {
        return Err("it contains NUL bytes, as binary files do".to_owned());
    }
    decode_tolerably(UTF_8, bytes)
        .or_else(|| decode_tolerably(GB18030, bytes))
        .ok_or_else(|| "it is neither valid UTF-8 nor valid GB18030/GBK".to_owned())
}

/// `bytes` decoded as `encoding` with undecodable sequences replaced, when at most one character
/// in a hundred (and at least one) had to be replaced.
fn decode_tolerably(encoding: &'static Encoding, bytes: &[u8]) -> Option<(String, &'static str, usize)> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.matches(char::REPLACEMENT_CHARACTER).count();
    let tolerated = (text.chars().count() / 100).max(1);
    (replaced <= tolerated).then(|| (text.into_owned(), encoding.name(), replaced))
}

/// UTF-16 without a BOM shows as NUL bytes in every other position for mostly ASCII or CJK text
/// with ASCII punctuation; guess the byte order from where the NULs sit.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 4 >= pairs && n > 0;
    match (mostly(even_nuls), mostly(odd_nuls)) {
        (false, true) if even_nuls == 0 => Some(UTF_16LE),
        (true, false) if odd_nuls == 0 => Some(UTF_16BE),
        _ => None,
    }
}

/// True when more than a tenth of the characters are control characters other than white space,
/// or replacement characters.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    odd * 10 > total
}

/// Normalises line ends to `\n` and removes what must never reach a terminal or the parser:
/// C0 and C1 control characters except TAB and newline, DEL, terminal escape sequences, bidi
/// overrides and isolates, and byte-order marks. Every other character, CJK punctuation such as
/// 《》（）【】 included, passes unchanged.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            '\u{1b}' => skip_escape_sequence(&mut chars),
            c if is_denied(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// True for the characters [`clean_text`] removes.
fn is_denied(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Skips the rest of an escape sequence whose ESC was just read: CSI (`ESC [ … final`), OSC
/// (`ESC ] … BEL` or `ESC ] … ESC \`), or a two-character escape.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "关于重庆市綦江区2022年国民经济\r\n\t类别\r（%）\n";

    fn clean_sample() -> String {
        "关于重庆市綦江区2022年国民经济\n\t类别\n（%）\n".to_owned()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("a", SAMPLE.as_bytes()).unwrap().text, clean_sample());
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        let decoded = decode("a", &bom).unwrap();
        assert_eq!(decoded.text, clean_sample());
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in SAMPLE.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode("a", &le).unwrap().text, clean_sample());
        assert_eq!(decode("a", &be).unwrap().encoding, "UTF-16BE");
        assert_eq!(decode("a", &be).unwrap().text, clean_sample());
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "plan 2022 (%)\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode("a", &le).unwrap().text, "plan 2022 (%)\n");
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        let decoded = decode("a", &bytes).unwrap();
        assert_eq!(decoded.encoding, "gb18030");
        assert_eq!(decoded.text, clean_sample());
    }

    #[test]
    fn empty_and_binary_inputs_are_errors_naming_the_file() {
        let err = decode("empty.txt", b"  \n").unwrap_err().to_string();
        assert!(err.starts_with("empty.txt: the file is empty"), "{err}");
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        let err = decode("pic.png", png).unwrap_err().to_string();
        assert!(err.starts_with("pic.png: not a text file"), "{err}");
        let err = decode("r.docx", b"PK\x03\x04\x14\0\x06\0").unwrap_err().to_string();
        assert!(err.starts_with("r.docx: not a text file (it is a damaged zip archive"), "{err}");
        let err = decode("x", &[0xff, 0xff, 0xff, 0x80, 0x81]).unwrap_err().to_string();
        assert!(err.contains("neither valid UTF-8 nor valid GB18030"), "{err}");
    }

    #[test]
    fn a_file_cut_in_the_middle_of_a_character_decodes_with_one_replacement() {
        let text = "关于綦江区2022年国民经济和社会发展计划执行情况".repeat(3);
        let utf8 = text.as_bytes();
        let decoded = decode("cut.txt", &utf8[..utf8.len() - 1]).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("UTF-8", 1));
        assert!(decoded.text.ends_with("情\u{fffd}"), "{}", decoded.text);
        let (gb, _, _) = GB18030.encode(&text);
        let decoded = decode("cut.txt", &gb[..gb.len() - 1]).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("gb18030", 1));
        let mut le = vec![0xff, 0xfe];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode("cut.txt", &le[..le.len() - 1]).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("UTF-16LE", 1));
    }

    #[test]
    fn many_undecodable_bytes_are_not_text() {
        let mut bytes = "关于綦江区".repeat(20).into_bytes();
        bytes.extend([0xff, 0xfe, 0x80].repeat(10));
        let err = decode("x", &bytes[3..]).unwrap_err().to_string();
        assert!(err.contains("neither valid UTF-8 nor valid GB18030"), "{err}");
    }

    #[test]
    fn control_characters_and_escapes_are_removed_but_cjk_punctuation_kept() {
        let dirty =
            "《规划》\u{1b}[31m红\u{1b}[0m（一）\u{0}\u{7f}\u{85}\u{202e}【注】\u{feff}\u{1b}]0;title\u{7}x";
        assert_eq!(clean_text(dirty), "《规划》红（一）【注】x");
    }
}
