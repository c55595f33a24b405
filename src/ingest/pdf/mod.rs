//! PDF reports read in process: text with positions to lines, paragraphs and ruled tables.
//!
//! [lopdf] parses the file (cross-reference repair, decryption with an empty user password,
//! stream filters); [`content`] runs each page's content stream to place every glyph (its text
//! through the font's ToUnicode map, see [`fonts`]) and every ruling line; [`lines`] and
//! [`ruled`] and [`stream`] turn those into lines and tables (drawn with rules, or aligned without), and [`layout`] into the [`Document`]: page furniture
//! dropped, paragraphs joined over line and page breaks, tables continued over page breaks
//! joined with their repeated header dropped.
//!
//! Limits keep a hostile or damaged file from hanging or exhausting memory: [`MAX_BYTES`],
//! [`MAX_PAGES`], caps on glyphs and rules per page and on inflated stream sizes; a panic inside the PDF
//! parser is caught and reported as a damaged file.

mod content;
mod fonts;
mod layout;
mod lines;
mod page;
mod ruled;
mod stream;

use crate::document::Document;
use crate::error::Error;
use page::{Glyph, Page, Rule};

/// The largest PDF read, in bytes.
pub const MAX_BYTES: usize = 200 << 20;
/// The most pages read.
pub const MAX_PAGES: usize = 2000;

/// Why a PDF gives no text; each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfProblem {
    /// The PDF needs a password to open.
    #[error(
        "the PDF is encrypted with a password. Open it in a PDF viewer with its password and save or \
         print it to a new PDF without one, then give plangap that file."
    )]
    Encrypted,
    /// The pages are images only.
    #[error(
        "the PDF has no text, only images of its {pages} page(s): it is a scan and needs OCR, which \
         plangap does not do. Run an OCR tool on it (e.g. ocrmypdf) and give plangap the result."
    )]
    Scanned {
        /// Pages in the file.
        pages: usize,
    },
    /// No text and no images.
    #[error(
        "the PDF has no text on any of its {pages} page(s). Check that it is the report and not a blank form."
    )]
    Empty {
        /// Pages in the file.
        pages: usize,
    },
    /// Over [`MAX_BYTES`] or [`MAX_PAGES`].
    #[error(
        "the PDF is too large ({what}; plangap reads at most {limit}). Split it, or extract the report's pages."
    )]
    TooLarge {
        /// What is too large.
        what: String,
        /// The limit.
        limit: String,
    },
    /// The file cannot be parsed.
    #[error(
        "the PDF is damaged ({reason}). Download or export it again; a file cut short in transfer is often the cause."
    )]
    Damaged {
        /// What the parser said.
        reason: String,
    },
}

/// Whether `bytes` are a PDF (`%PDF-` within the first kilobyte, as readers accept).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF into a [`Document`]; `file` names it in errors.
pub fn read(file: &str, bytes: &[u8]) -> Result<Document, Error> {
    let fail = |problem: PdfProblem| Error::Pdf { file: file.to_owned(), problem };
    if let Some(problem) = too_large(bytes.len()) {
        return Err(fail(problem));
    }
    let pages = std::panic::catch_unwind(|| pages(bytes)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the PDF parser failed".to_owned());
        Err(PdfProblem::Damaged { reason })
    });
    let (pages, images) = pages.map_err(fail)?;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        let problem = if images {
            PdfProblem::Scanned { pages: pages.len() }
        } else {
            PdfProblem::Empty { pages: pages.len() }
        };
        return Err(fail(problem));
    }
    Ok(layout::document(&pages))
}

/// The problem with a file of `len` bytes, if it is over [`MAX_BYTES`].
fn too_large(len: usize) -> Option<PdfProblem> {
    (len > MAX_BYTES).then(|| PdfProblem::TooLarge {
        what: format!("{} MiB", len.div_ceil(1 << 20)),
        limit: format!("{} MiB", MAX_BYTES >> 20),
    })
}

/// Every page's glyphs and rules in top-down coordinates, and whether any image was drawn.
fn pages(bytes: &[u8]) -> Result<(Vec<Page>, bool), PdfProblem> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword | lopdf::Error::AlreadyEncrypted => {
            PdfProblem::Encrypted
        }
        e if !ends_with_eof_marker(bytes) => {
            PdfProblem::Damaged { reason: format!("it ends early, without the %%EOF end marker: {e}") }
        }
        e => PdfProblem::Damaged { reason: e.to_string() },
    })?;
    if doc.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    let ids = doc.get_pages();
    if ids.len() > MAX_PAGES {
        return Err(PdfProblem::TooLarge {
            what: format!("{} pages", ids.len()),
            limit: format!("{MAX_PAGES} pages"),
        });
    }
    if ids.is_empty() {
        return Err(PdfProblem::Damaged { reason: "it has no pages".to_owned() });
    }
    let mut images = false;
    let mut out = Vec::with_capacity(ids.len());
    for (number, id) in ids {
        let (x0, y0, x1, y1) = media_box(&doc, id);
        let content = page_content(&doc, id);
        let resources = page_resources(&doc, id);
        let drawn = content::run(&doc, &content, &resources);
        images |= drawn.images;
        let page_images = drawn.images;
        let flip = |y: f32| y1 - y;
        out.push(Page {
            number: number as usize,
            width: x1 - x0,
            height: y1 - y0,
            glyphs: drawn
                .glyphs
                .into_iter()
                .filter(|g| !g.ch.is_whitespace() || g.ch == ' ')
                .map(|g| Glyph {
                    top: flip(g.top),
                    bottom: flip(g.bottom),
                    x0: g.x0 - x0,
                    x1: g.x1 - x0,
                    ..g
                })
                .collect(),
            rules: drawn
                .rules
                .into_iter()
                .map(|r| Rule { x0: r.x0 - x0, x1: r.x1 - x0, y0: flip(r.y1), y1: flip(r.y0) })
                .collect(),
            images: page_images,
        });
    }
    Ok((out, images))
}

/// Whether the last kilobyte holds `%%EOF` (a file cut short in transfer lacks it).
fn ends_with_eof_marker(bytes: &[u8]) -> bool {
    bytes[bytes.len().saturating_sub(1024)..].windows(5).any(|w| w == b"%%EOF")
}

/// The page's MediaBox (inherited from its parents), default A4.
fn media_box(doc: &lopdf::Document, id: lopdf::ObjectId) -> (f32, f32, f32, f32) {
    let mut node = doc.get_dictionary(id).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Ok(b) = dict.get_deref(b"MediaBox", doc).and_then(lopdf::Object::as_array)
            && let [a, b, c, d] = b.as_slice()
        {
            let n = |o| fonts::number(doc, o).unwrap_or(0.0);
            return (n(a).min(n(c)), n(b).min(n(d)), n(a).max(n(c)), n(b).max(n(d)));
        }
        node = dict.get_deref(b"Parent", doc).and_then(lopdf::Object::as_dict).ok();
    }
    (0.0, 0.0, 595.0, 842.0)
}

/// The page's content streams, inflated (each up to a limit) and joined.
fn page_content(doc: &lopdf::Document, id: lopdf::ObjectId) -> Vec<u8> {
    let mut out = Vec::new();
    for stream_id in doc.get_page_contents(id) {
        if let Ok(stream) = doc.get_object(stream_id).and_then(lopdf::Object::as_stream) {
            let data =
                stream.decompressed_content_with_limit(content::MAX_CONTENT_BYTES).unwrap_or_else(|_| {
                    if stream.filters().map_or(true, |f| f.is_empty()) {
                        stream.content.clone()
                    } else {
                        Vec::new()
                    }
                });
            out.extend_from_slice(&data);
            out.push(b'\n');
        }
    }
    out
}

/// The page's resources, with those inherited from its parents merged under its own.
fn page_resources(doc: &lopdf::Document, id: lopdf::ObjectId) -> lopdf::Dictionary {
    let mut merged = lopdf::Dictionary::new();
    if let Ok((own, inherited)) = doc.get_page_resources(id) {
        for dict in inherited.iter().rev().filter_map(|id| doc.get_dictionary(*id).ok()).chain(own) {
            for (key, value) in dict.iter() {
                merged.set(key.clone(), value.clone());
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_parsing() {
        assert_eq!(too_large(MAX_BYTES), None);
        let message =
            Error::Pdf { file: "big.pdf".to_owned(), problem: too_large(MAX_BYTES + 1).unwrap() }.to_string();
        assert_eq!(
            message,
            "big.pdf: the PDF is too large (201 MiB; plangap reads at most 200 MiB). Split it, or extract \
             the report's pages."
        );
    }

    #[test]
    fn pdf_is_recognised_by_its_header_near_the_start() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xef\xbb\xbf junk %PDF-1.4"));
        let mut late = vec![b' '; 2048];
        late.extend_from_slice(b"%PDF-1.4");
        assert!(!is_pdf(&late));
        assert!(!is_pdf("关于2022年计划执行情况的报告".as_bytes()));
    }
}
