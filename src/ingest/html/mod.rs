//! A saved web page (HTML) to a [`Document`]: the article's text, one paragraph a line, and each
//! data `<table>` as a [`crate::grid::Grid`] placed in it (see [`crate::ingest::placed`]).
//!
//! The page is parsed by html5ever (through `scraper`), as a browser would, so damaged markup
//! still gives its text. [`elements`] says what each element is; [`walk`] turns the DOM into
//! lines, tables and lone images, skipping scripts, styles and structural chrome; [`table`]
//! collects a table's cells with their spans; [`chrome`] drops the lines that are the site's
//! rather than the article's (menus, breadcrumbs, metadata, footers). A table given only as an
//! image after its caption is reported in [`Document::warnings`], since plangap reads no images.
//!
//! The encoding is the byte-order mark's, else UTF-8 when the bytes are valid UTF-8, else the
//! one the container declares (an MHTML part's charset), else the page's `<meta charset>` or
//! `http-equiv` declaration (GBK, GB2312 and GB18030 are common), else GB18030.

mod chrome;
mod elements;
mod lines;
mod site;
mod table;
mod walk;

use super::placed::DerivedText;
use super::{decode_text, decode_tolerably};
use crate::document::{Document, Format};
use crate::grid::Layout;
use crate::model::WarningKind;
use crate::text::Trimmed;
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;
use walk::Block;

/// How far into the file the markers of a web page and its charset declaration are looked for.
const SNIFF_BYTES: usize = 4096;

/// Whether the bytes are a web page: after a byte-order mark, white space and any comments
/// (`<!-- saved from url=… -->`), the file starts with markup, and near the start stands a
/// document's tag (`<html`, `<!doctype html`, `<head`, `<body`, `<meta`), or a fragment's
/// (`<table`, `<div`, `<p>`) with no line of Markdown beside it (pandoc's Markdown keeps raw
/// `<div>`s around `# headings`, `- [links](…)` and `| pipe | rows |`: that is text).
pub fn is_html(bytes: &[u8]) -> bool {
    const DOCUMENT: &[&str] = &["<html", "<!doctype html", "<head", "<body", "<meta"];
    const FRAGMENT: &[&str] = &["<table", "<div", "<p>", "<p "];
    let start = sniffed_start(bytes).to_ascii_lowercase();
    let first = start.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &start[i..]);
    let has = |markers: &[&str]| markers.iter().any(|m| first.windows(m.len()).any(|w| w == m.as_bytes()));
    first.starts_with(b"<") && (has(DOCUMENT) || (has(FRAGMENT) && !has_markdown_lines(first)))
}

/// Whether a line opens as Markdown does: a heading (`# ` to `###### `), a list item (`- `, `* `,
/// `+ `), a pipe row (`|`), a bold paragraph (`**`), or holds a link written `[text](url)`.
fn has_markdown_lines(text: &[u8]) -> bool {
    text.split(|&b| b == b'\n').any(|line| {
        let line = line.trim_ascii_start();
        let opens = |p: &[u8]| line.starts_with(p);
        let hashes = line.iter().take_while(|&&b| b == b'#').count();
        (1..=6).contains(&hashes) && line.get(hashes) == Some(&b' ')
            || opens(b"**")
            || opens(b"- ")
            || opens(b"* ")
            || opens(b"+ ")
            || opens(b"|")
            || line.windows(2).any(|w| w == b"](")
    })
}

/// The first bytes of the file as ASCII-compatible text: after a UTF-8 BOM as they are, after a
/// UTF-16 BOM decoded (so a UTF-16 page is recognised too).
fn sniffed_start(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    match Encoding::for_bom(head) {
        Some((encoding, bom)) if encoding != UTF_8 => {
            encoding.decode_without_bom_handling(&head[bom..]).0.into_owned().into_bytes()
        }
        Some((_, bom)) => head[bom..].to_vec(),
        None => head.to_vec(),
    }
}

/// Reads a web page; `declared` is the charset its container names (an MHTML part's), if any.
/// The error is a reason for [`crate::Error::NotText`].
pub fn read(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Document, String> {
    let (text, encoding, replaced) = decode(bytes, declared)?;
    let page = scraper::Html::parse_document(&text);
    let mut derived = DerivedText::new();
    derive(walk::blocks(&page), &mut derived);
    let mut document = derived.finish(Format::Html, encoding, replaced);
    document.page_title = site::page_title(&page);
    Ok(document)
}

/// Adds a piece of markup found inside another format (a raw `<table>…</table>` in Markdown) to
/// `text`, read as a page is: its lines as paragraphs, its data tables placed as grids.
pub(crate) fn place_fragment(markup: &str, text: &mut DerivedText) {
    derive(walk::blocks(&scraper::Html::parse_fragment(markup)), text);
}

/// The page's text, encoding name and count of replaced sequences.
fn decode(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<(String, &'static str, usize), String> {
    if Encoding::for_bom(bytes).is_some() || simdutf8::basic::from_utf8(bytes).is_ok() {
        return decode_text(bytes);
    }
    match declared.or_else(|| meta_charset(bytes)) {
        Some(encoding) => decode_tolerably(encoding, bytes).map_or_else(|| decode_text(bytes), Ok),
        None => decode_text(bytes),
    }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
/// near the start declares; a UTF-16 declaration means UTF-8, as browsers take it.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#)
            .expect("the charset pattern is valid")
    });
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(if encoding.name().starts_with("UTF-16") { UTF_8 } else { encoding })
}

/// Adds the blocks to the derived text: chrome dropped, tables placed, tables given as images
/// warned about.
fn derive(blocks: Vec<Block>, text: &mut DerivedText) {
    let mut images = ImageTables::default();
    for block in blocks {
        match block {
            Block::Line(line) if chrome::is_chrome(&line) => {}
            Block::Line(line) => {
                images.end(text);
                images.caption = is_caption(&line.text).then(|| (text.next_line(), line.text.clone()));
                text.paragraph(&line.text);
            }
            Block::Table(table) if chrome::is_metadata_table(&table.rows) => {}
            Block::Table(table) => {
                images = ImageTables::default();
                text.table(&table.rows, Layout::Html);
            }
            Block::Image(name) if images.caption.is_some() => images.names.push(name),
            Block::Image(_) => {}
        }
    }
    images.end(text);
}

/// Images standing right after a table caption, with no data table after them.
#[derive(Default)]
struct ImageTables {
    /// The last line written, when it is a caption: its 1-based line and text.
    caption: Option<(usize, String)>,
    /// The images after it.
    names: Vec<String>,
}

impl ImageTables {
    /// The caption's images are the table: warn.
    fn end(&mut self, text: &mut DerivedText) {
        if let (Some((line, caption)), false) = (self.caption.take(), self.names.is_empty()) {
            let images = std::mem::take(&mut self.names);
            text.warn(line, WarningKind::ImageTable { caption, images });
        }
        self.names.clear();
    }
}

/// Whether a line reads as a table's caption: `表1 …`, `附表2 …`, `专栏3：…`, or a short line
/// naming a year and ending as captions do (`2023年主要指标完成情况`).
fn is_caption(line: &str) -> bool {
    static NUMBERED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^(附表|表|专栏)\s*[0-9０-９一二三四五六七八九十]")
            .expect("the caption pattern is valid")
    });
    const ENDINGS: &[&str] = &["情况", "指标", "计划", "目标", "一览表", "汇总表", "情况表", "计划表"];
    let line = line.trimmed();
    line.chars().count() <= 80
        && !line.ends_with(['。', '；', '，'])
        && (NUMBERED.is_match(line) || (line.contains('年') && ENDINGS.iter().any(|e| line.ends_with(e))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_are_told_by_their_start() {
        assert!(is_html(b"\xef\xbb\xbf\n  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"));
        assert!(is_html(b"<!-- saved from url=(0051)http://www.cqtl.gov.cn/ -->\r\n<HTML><HEAD>"));
        assert!(is_html(b"<p>\xe5\x85\xb3\xe4\xba\x8e</p>"));
        assert!(is_html(b"<table border=1><tr><td>x</td></tr></table>"));
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<html><body>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(is_html(&utf16));
        assert!(!is_html("关于铜梁区<html>的报告".as_bytes()));
        assert!(!is_html(b"<notes> plain text </notes>"));
        // Markdown around raw HTML blocks, as pandoc writes a page with a <div>.
        assert!(!is_html("<div class=\"TRS_Editor\">\n\n### 附表1\n\n<table>".as_bytes()));
        assert!(!is_html("<div>\n\n**关于长寿区…的报告**\n\n<table>".as_bytes()));
        assert!(!is_html(b"| a | b |\n<table>"));
        assert!(!is_html("<div class=\"header\">\n\n-   [首页](/)\n\n</div>\n\n# 关于铜梁区".as_bytes()));
        assert!(!is_html(b"<div>\n\n| \xe6\x8c\x87\xe6\xa0\x87 | 2023 |\n</div>"));
        assert!(is_html(b"<html>\n<div>\n- [x](y)\n</div>"));
    }

    #[test]
    fn the_charset_comes_from_the_bom_utf8_the_container_or_the_meta() {
        let page = "<html><head><meta http-equiv=Content-Type content='text/html; charset=GB2312'></head><body><p>关于铜梁区</p>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        let (text, encoding, replaced) = decode(&gbk, None).unwrap();
        assert!(text.contains("关于铜梁区"), "{text}");
        assert_eq!((encoding, replaced), ("GBK", 0));
        let (text, encoding, _) = decode(page.as_bytes(), None).unwrap();
        assert!(text.contains("关于铜梁区"));
        assert_eq!(encoding, "UTF-8");
        let bare = "<p>关于吴兴区</p>";
        let (gb, _, _) = encoding_rs::GB18030.encode(bare);
        assert_eq!(decode(&gb, None).unwrap().1, "gb18030");
        assert_eq!(decode(&gb, Some(encoding_rs::GBK)).unwrap().1, "GBK");
        assert_eq!(meta_charset(b"<meta charset=\"utf-16le\">"), Some(UTF_8));
        assert_eq!(meta_charset(b"<META CHARSET=gb18030>"), Some(encoding_rs::GB18030));
    }

    #[test]
    fn captions_are_told_from_sentences() {
        assert!(is_caption("表1 2022年主要经济指标完成情况"));
        assert!(is_caption("专栏3：2024年主要指标计划"));
        assert!(is_caption("2023年主要指标完成情况"));
        assert!(!is_caption("2023年全区经济运行总体平稳，主要指标完成情况较好。"));
        assert!(!is_caption("表现良好"));
    }
}
