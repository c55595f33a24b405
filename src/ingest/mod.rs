//! Bytes to a [`Document`]: encoding detection, line ends, removal of control characters, and
//! the tables of formats that know them.
//!
//! Reports arrive as UTF-8 (with or without BOM), UTF-16 (with or without BOM), or GB18030/GBK, with LF,
//! CRLF or lone CR line ends; or as Word .docx documents ([`docx`]), saved web pages ([`html`],
//! single-file [`mhtml`] archives) and PDF files ([`pdf`]), whose tables come as grids placed in
//! the derived text; raw HTML tables inside text ([`raw_html`]) too, and a page framed
//! as a table of one column ([`framed`]) unframed; years in Chinese numerals are written in digits
//! ([`crate::numerals`]). The result is UTF-8 text with `\n` line ends in which only TAB and newline
//! remain of the control characters, so the parser and the terminal see the same text.

mod clean;
pub mod docx;
mod encoding;
mod framed;
pub mod html;
pub mod mhtml;
mod oneline;
pub mod pdf;
mod placed;
mod raw_html;
mod signature;

pub use clean::{clean, clean_text};

use crate::document::Document;
use crate::error::Error;
use encoding::{decode_text, decode_tolerably, looks_binary};
use std::borrow::Cow;

/// Decodes a file's bytes into a [`Document`]: clean text, and the tables its format knows.
///
/// `file` names the file in errors. Fails on empty input, on binary files other than .docx, and
/// on bytes that are valid in none of the encodings plangap reads. A few undecodable bytes are
/// replaced and counted in [`Document::replaced`] rather than failing the file.
/// Bytes passed owned (a `Vec<u8>`) are not copied when they are UTF-8 text: they become the
/// text itself.
pub fn decode<'a>(file: &str, bytes: impl Into<Cow<'a, [u8]>>) -> Result<Document, Error> {
    let document = decode_format(file, bytes)?;
    Ok(Document { text: crate::numerals::years_in_lines(document.text), ..document })
}

/// [`decode`] by the file's format, years as written.
fn decode_format<'a>(file: &str, bytes: impl Into<Cow<'a, [u8]>>) -> Result<Document, Error> {
    let input = bytes.into();
    let bytes = input.as_ref();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { file: file.to_owned() });
    }
    if let Some(error) = signature::unreadable(file, bytes) {
        return Err(error);
    }
    let not_text = |reason: String| Error::NotText { file: file.to_owned(), reason };
    if pdf::is_pdf(bytes) {
        return pdf::read(file, bytes);
    }
    if bytes.starts_with(signature::ZIP) {
        return docx::read(bytes).map_err(not_text);
    }
    if mhtml::is_mhtml(bytes) {
        return mhtml::read(bytes).map_err(not_text);
    }
    if html::is_html(bytes) {
        return html::read(bytes, None).map_err(not_text);
    }
    let (raw, encoding, replaced) = decode_text(input).map_err(not_text)?;
    if looks_binary(&raw) {
        return Err(not_text("most of its characters are control characters, as in binary files".to_owned()));
    }
    let (text, warnings) = clean(raw);
    let text = framed::unframe(text);
    if let Some(placed) = raw_html::place_tables(&text, encoding, replaced) {
        return Ok(Document { warnings: [warnings, placed.warnings].concat(), ..placed });
    }
    Ok(match oneline::unfold(&text) {
        Some(unfolded) => {
            Document { relined: true, warnings, ..Document::text(unfolded, encoding, replaced) }
        }
        None => Document { warnings, ..Document::text(text, encoding, replaced) },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

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
        let decoded = decode("a", bytes).unwrap();
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
        assert!(err.starts_with("r.docx: not a Word file (it is a damaged zip archive"), "{err}");
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
}
