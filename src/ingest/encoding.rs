//! Which encoding a text file is in: a byte-order mark, UTF-16 without one (by the pattern of
//! its high bytes), UTF-8, or GB18030/GBK; and whether it is text at all.
//!
//! UTF-16 without a BOM is common in reports saved by Windows tools. Plan reports are mostly
//! CJK, whose UTF-16 code units have a high byte of 0x4E–0x9F (CJK ideographs), 0x30 (CJK
//! punctuation), 0xFF (full-width forms), 0x20 (general punctuation) or 0x00 (ASCII): every
//! other byte falls in that small set, while the bytes between are spread over all values. So
//! the byte order is found from which half of the byte pairs is that regular, not only from
//! where NUL bytes sit (which works for mostly ASCII text only).

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// At most this share of a text's bytes may be NUL for them to be taken as damage (replaced,
/// with a warning) rather than as the sign of a binary file.
const MAX_NUL_SHARE: usize = 100;

/// Text, encoding name and count of replaced sequences, by BOM, then UTF-16 without BOM, then
/// UTF-8, then GB18030; the error is the reason none fits. A few NUL bytes in otherwise valid
/// text are kept (as U+0000) for the cleaner to replace and report. Valid UTF-8 is checked once
/// and, when the bytes are owned, becomes the text without a copy.
pub fn decode_text<'a>(bytes: impl Into<Cow<'a, [u8]>>) -> Result<(String, &'static str, usize), String> {
    let bytes = bytes.into();
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return decode_as(encoding, without_prefix(bytes, bom_len))
            .ok_or_else(|| format!("its {} byte-order mark is followed by invalid bytes", encoding.name()));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        return decode_tolerably(encoding, &bytes)
            .ok_or_else(|| "it looks like UTF-16 without a byte-order mark but does not decode".to_owned());
    }
    let nuls = memchr::memchr_iter(0, &bytes).count();
    if nuls > 0 && nuls * MAX_NUL_SHARE > bytes.len() {
        return Err("it contains NUL bytes, as binary files do".to_owned());
    }
    let bytes = match utf8_text(bytes) {
        Ok(text) => return Ok((text, UTF_8.name(), 0)),
        Err(bytes) => bytes,
    };
    decode_tolerably(UTF_8, &bytes)
        .or_else(|| decode_tolerably(GB18030, &bytes))
        .ok_or_else(|| "it is neither valid UTF-8 nor valid GB18030/GBK".to_owned())
}

/// `bytes` decoded as `encoding` (see [`decode_tolerably`]); valid UTF-8 is taken as it is.
fn decode_as(encoding: &'static Encoding, bytes: Cow<'_, [u8]>) -> Option<(String, &'static str, usize)> {
    if encoding != UTF_8 {
        return decode_tolerably(encoding, &bytes);
    }
    match utf8_text(bytes) {
        Ok(text) => Some((text, UTF_8.name(), 0)),
        Err(bytes) => decode_tolerably(UTF_8, &bytes),
    }
}

/// `bytes` without their first `len` bytes (a byte-order mark), moved rather than copied when
/// owned.
fn without_prefix(bytes: Cow<'_, [u8]>, len: usize) -> Cow<'_, [u8]> {
    match bytes {
        Cow::Borrowed(slice) => Cow::Borrowed(&slice[len..]),
        Cow::Owned(mut vec) => {
            vec.drain(..len);
            Cow::Owned(vec)
        }
    }
}

/// `bytes` as text when they are valid UTF-8 (owned bytes without a copy); else the bytes back.
fn utf8_text(bytes: Cow<'_, [u8]>) -> Result<String, Cow<'_, [u8]>> {
    match bytes {
        Cow::Borrowed(slice) => simdutf8::basic::from_utf8(slice).map(str::to_owned).map_err(|_| bytes),
        Cow::Owned(vec) => utf8_string(vec).map_err(Cow::Owned),
    }
}

/// `bytes` as a `String` without a copy, when they are valid UTF-8 (checked with SIMD, several
/// times faster than `String::from_utf8` on CJK text); else the bytes back.
pub(super) fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: the bytes were checked to be valid UTF-8 just above.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// `bytes` decoded as `encoding` with undecodable sequences replaced, when at most one character
/// in a hundred (and at least one) had to be replaced.
pub(super) fn decode_tolerably(
    encoding: &'static Encoding,
    bytes: &[u8],
) -> Option<(String, &'static str, usize)> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = memchr::memmem::find_iter(text.as_bytes(), "\u{fffd}").count();
    let tolerated = (text.chars().count() / 100).max(1);
    (replaced <= tolerated).then(|| (text.into_owned(), encoding.name(), replaced))
}

/// The byte order of UTF-16 text without a BOM, if the bytes are that: one half of the byte
/// pairs (the high bytes) is almost always NUL or in the high-byte set of CJK text, the other
/// half is not, and the text decoded that way is made of the characters reports are written in.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 4 {
        return None;
    }
    let share = |offset: usize, wanted: fn(u8) -> bool| {
        let positions = sample.iter().skip(offset).step_by(2);
        positions.clone().filter(|&&b| wanted(b)).count() as f64 / positions.count() as f64
    };
    let (even, odd) = (share(0, is_utf16_high_byte), share(1, is_utf16_high_byte));
    let (even_nul, odd_nul) = (share(0, |b| b == 0), share(1, |b| b == 0));
    let encoding = if (odd >= 0.9 && odd - even >= 0.25) || (odd_nul >= 0.25 && even_nul == 0.0) {
        UTF_16LE
    } else if (even >= 0.9 && even - odd >= 0.25) || (even_nul >= 0.25 && odd_nul == 0.0) {
        UTF_16BE
    } else {
        return None;
    };
    let (text, _) = encoding.decode_without_bom_handling(sample);
    let total = text.chars().count().max(1);
    let plausible = text.chars().filter(|&c| is_report_character(c)).count();
    (plausible * 10 >= total * 9).then_some(encoding)
}

/// High bytes of the UTF-16 code units plan reports are written in: ASCII, general punctuation,
/// CJK punctuation, CJK ideographs and full-width forms.
fn is_utf16_high_byte(b: u8) -> bool {
    matches!(b, 0x00 | 0x20 | 0x30 | 0x4E..=0x9F | 0xFF)
}

/// Characters a plan report is written in (for checking a UTF-16 guess).
fn is_report_character(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{ff}' | '\u{2000}'..='\u{206f}'
        | '\u{2100}'..='\u{27bf}' | '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}' | '\u{fffd}')
}

/// True when more than a tenth of the characters are control characters other than white space,
/// or replacement characters.
pub fn looks_binary(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "关于重庆市涪陵区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n\
        —— 2023年1月31日在涪陵区第十八届人民代表大会第三次会议上\n\t地区生产总值增速（%）\t6.5\t2.6\n";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn cjk_utf16_without_bom_is_found_in_both_byte_orders() {
        let (text, encoding, replaced) = decode_text(utf16(REPORT, true)).unwrap();
        assert_eq!((text.as_str(), encoding, replaced), (REPORT, "UTF-16LE", 0));
        let (text, encoding, _) = decode_text(utf16(REPORT, false)).unwrap();
        assert_eq!((text.as_str(), encoding), (REPORT, "UTF-16BE"));
    }

    #[test]
    fn cjk_only_utf16_without_any_nul_is_found() {
        let text = "国民经济和社会发展计划执行情况".repeat(10);
        let bytes = utf16(&text, true);
        assert!(!bytes.contains(&0));
        assert_eq!(decode_text(bytes).unwrap().1, "UTF-16LE");
    }

    #[test]
    fn utf8_and_gb18030_reports_are_not_taken_for_utf16() {
        assert_eq!(decode_text(REPORT.as_bytes()).unwrap().1, "UTF-8");
        let (gb, _, _) = GB18030.encode(REPORT);
        assert_eq!(decode_text(gb).unwrap().1, "gb18030");
    }

    #[test]
    fn a_few_nul_bytes_are_damage_and_many_are_binary() {
        let mut bytes = REPORT.repeat(20).into_bytes();
        bytes[200] = 0;
        let (text, encoding, _) = decode_text(&bytes).unwrap();
        assert_eq!((text.matches('\0').count(), encoding), (1, "UTF-8"));
        let binary: Vec<u8> =
            bytes.iter().enumerate().map(|(i, &b)| if i % 7 == 0 { 0 } else { b }).collect();
        assert!(decode_text(binary).unwrap_err().contains("NUL bytes"));
    }
}
