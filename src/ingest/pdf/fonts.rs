//! A page's fonts as far as text extraction needs them: how many bytes a character code takes,
//! each code's advance width, and its Unicode text (through the ToUnicode CMap, else the simple
//! font's encoding, else a predefined UCS-2 CMap such as `UniGB-UCS2-H`).

use lopdf::Encoding;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// The most a ToUnicode stream may inflate to.
const MAX_CMAP_BYTES: usize = 4 << 20;

/// One font of a page's resources.
pub struct Font<'a> {
    /// Two-byte codes (a Type0 composite font), else one byte.
    two_byte: bool,
    /// Text of each code, from the ToUnicode CMap (always the `UnicodeMapEncoding` variant).
    cmap: Option<Encoding<'static>>,
    /// A simple font's encoding, for codes the CMap lacks.
    simple: Option<Encoding<'a>>,
    /// Codes are UCS-2 (a predefined `Uni…-UCS2-…`/`-UTF16-` CMap) when no ToUnicode map says otherwise.
    ucs2: bool,
    /// Advance widths in thousandths of the font size, by code.
    widths: HashMap<u32, f32>,
    /// Width of codes not in `widths`.
    default_width: f32,
}

impl<'a> Font<'a> {
    /// Reads a font dictionary. Never fails: what cannot be read falls back to defaults.
    pub fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let encoding_name = dict.get_deref(b"Encoding", doc).and_then(Object::as_name).unwrap_or(b"");
        let ucs2 = two_byte && (contains(encoding_name, b"UCS2") || contains(encoding_name, b"UTF16"));
        let cmap = to_unicode(doc, dict);
        let simple = if two_byte { None } else { dict.get_font_encoding(doc).ok() };
        let mut font = Font { two_byte, cmap, simple, ucs2, widths: HashMap::new(), default_width: 1000.0 };
        if two_byte {
            font.read_cid_widths(doc, dict);
        } else {
            font.read_simple_widths(doc, dict);
        }
        font
    }

    /// Splits a shown string into its codes.
    pub fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes.chunks(2).map(|c| c.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b))).collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    /// Advance width of `code` in thousandths of the font size.
    pub fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }

    /// Whether `code` is the single-byte space (word spacing applies to it).
    pub fn is_space(&self, code: u32) -> bool {
        !self.two_byte && code == 32
    }

    /// The text of `code`; U+FFFD when the font gives no way to know it.
    pub fn text(&self, code: u32) -> String {
        let len = if self.two_byte { 2 } else { 1 };
        if let Some(Encoding::UnicodeMapEncoding(cmap)) = &self.cmap
            && let Some(units) = cmap.get(code, len)
        {
            return String::from_utf16_lossy(&units);
        }
        if let Some(text) = self.simple.as_ref().and_then(|e| e.bytes_to_string(&[code as u8]).ok()) {
            return text;
        }
        if self.ucs2 {
            return char::from_u32(code).map_or_else(|| "\u{fffd}".to_owned(), String::from);
        }
        "\u{fffd}".to_owned()
    }

    fn read_simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict.get_deref(b"FirstChar", doc).and_then(Object::as_i64).unwrap_or(0);
        if let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, w) in widths.iter().enumerate() {
                if let Some(w) = number(doc, w) {
                    self.widths.insert((first + i as i64) as u32, w);
                }
            }
        }
        let descriptor = dict.get_deref(b"FontDescriptor", doc).and_then(Object::as_dict);
        self.default_width = descriptor
            .and_then(|d| d.get_deref(b"MissingWidth", doc))
            .ok()
            .and_then(|w| number(doc, w))
            .unwrap_or(500.0);
    }

    fn read_cid_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let Some(cid_font) = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok())
        else {
            return;
        };
        if let Some(dw) = cid_font.get_deref(b"DW", doc).ok().and_then(|w| number(doc, w)) {
            self.default_width = dw;
        }
        let Ok(w) = cid_font.get_deref(b"W", doc).and_then(Object::as_array) else { return };
        // `c [w1 w2 …]` or `c_first c_last w`.
        let mut i = 0;
        while i < w.len() {
            let Some(first) = number(doc, &w[i]) else { break };
            match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
                Some(Ok(Object::Array(list))) => {
                    for (n, width) in list.iter().enumerate() {
                        if let Some(width) = number(doc, width) {
                            self.widths.insert(first as u32 + n as u32, width);
                        }
                    }
                    i += 2;
                }
                Some(Ok(last)) => {
                    let (Some(last), Some(width)) =
                        (number(doc, last), w.get(i + 2).and_then(|o| number(doc, o)))
                    else {
                        break;
                    };
                    // a range wider than any CID space is damage; cap what it can insert
                    for code in first as u32..=(last as u32).min(first as u32 + 0xFFFF) {
                        self.widths.insert(code, width);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }
}

/// The ToUnicode CMap of a font, read by lopdf from a copy of the dictionary that has only it
/// (lopdf prefers `/Encoding` when both are present, which for Type0 fonts is `Identity-H`).
fn to_unicode(doc: &Document, dict: &Dictionary) -> Option<Encoding<'static>> {
    let stream = dict.get_deref(b"ToUnicode", doc).ok()?.as_stream().ok()?;
    let mut only = Dictionary::new();
    only.set("Type", Object::Name(b"Font".to_vec()));
    only.set("ToUnicode", Object::Stream(stream.clone()));
    match only.get_font_encoding_with_limit(doc, MAX_CMAP_BYTES) {
        Ok(Encoding::UnicodeMapEncoding(cmap)) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

/// A number, following a reference.
pub fn number(doc: &Document, object: &Object) -> Option<f32> {
    let (_, object) = doc.dereference(object).ok()?;
    object.as_float().ok().or_else(|| object.as_i64().ok().map(|i| i as f32))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
