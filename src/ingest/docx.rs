//! Word .docx documents to the same plain text that Word's own "save as text" gives: one
//! paragraph a line, and in tables one cell a line after a TAB, paragraphs inside a cell on lines
//! of their own, and a blank line after each row. The parser then reads both alike.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

/// The most a document.xml may expand to; larger is taken for a damaged or hostile archive.
const MAX_DOCUMENT_BYTES: u64 = 512 << 20;

/// Extracts the text of `word/document.xml` from a .docx archive. The error is a reason for
/// [`crate::Error::NotText`].
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("it is a damaged zip archive ({e})"))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "it is a zip archive without word/document.xml, so not a .docx document".to_owned())?;
    let mut xml = String::new();
    entry
        .take(MAX_DOCUMENT_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| format!("its word/document.xml cannot be read ({e})"))?;
    document_text(&xml).map_err(|e| format!("its word/document.xml is damaged ({e})"))
}

/// What is being collected while walking the document body.
#[derive(Default)]
struct Walk {
    /// Finished lines of output.
    lines: Vec<String>,
    /// The paragraph being read.
    paragraph: String,
    /// Open table cells, innermost last; each holds its finished paragraphs.
    cells: Vec<Vec<String>>,
    /// Inside an element whose text is not document text (field codes, deleted text).
    skip_depth: usize,
    /// Inside a `w:t` run text.
    in_text: bool,
}

impl Walk {
    fn push_text(&mut self, text: &str) {
        if self.in_text && self.skip_depth == 0 {
            self.paragraph.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        match self.cells.last_mut() {
            Some(cell) => cell.push(paragraph),
            None => self.lines.push(paragraph),
        }
    }

    fn end_cell(&mut self) {
        let Some(paragraphs) = self.cells.pop() else { return };
        match self.cells.last_mut() {
            Some(outer) => outer.extend(paragraphs),
            None => self.lines.push(format!("\t{}", paragraphs.join("\n"))),
        }
    }

    fn end_row(&mut self) {
        if self.cells.is_empty() {
            self.lines.push(String::new());
        }
    }
}

/// Walks the WordprocessingML body: paragraphs, runs, tabs, breaks, tables.
fn document_text(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => walk.in_text = true,
                "tc" => walk.cells.push(Vec::new()),
                "instrText" | "delText" | "del" => walk.skip_depth += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" if walk.skip_depth == 0 => {
                    walk.paragraph.push(if walk.cells.is_empty() { '\t' } else { ' ' })
                }
                "br" | "cr" if walk.skip_depth == 0 => walk.paragraph.push('\n'),
                "p" => walk.end_paragraph(),
                "tc" => walk.lines.push("\t".to_owned()),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => walk.in_text = false,
                "p" => walk.end_paragraph(),
                "tc" => walk.end_cell(),
                "tr" => walk.end_row(),
                "instrText" | "delText" | "del" => walk.skip_depth = walk.skip_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(e) => walk.push_text(&e.xml10_content()),
            Event::CData(e) => walk.push_text(&e.xml10_content()),
            Event::GeneralRef(e) => {
                let resolved = match e.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => named_entity(&e.xml10_content()).to_owned(),
                };
                walk.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.lines.join("\n") + "\n")
}

/// The five entities XML predefines; anything else is kept as written.
fn named_entity(name: &str) -> &str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>关于荣昌区2022年</w:t></w:r><w:r><w:t xml:space="preserve">国民经济 &amp; 社会</w:t></w:r></w:p>
<w:p><w:r><w:instrText> SHAPE \* MERGEFORMAT </w:instrText></w:r><w:r><w:t>表1</w:t><w:tab/><w:t>完成情况</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>发展</w:t></w:r></w:p><w:p><w:r><w:t>质量</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>GDP增速（%）</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>&#8805;7</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>注：</w:t><w:br/><w:t>二行</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_tables_and_entities_read_like_words_text_export() {
        let text = document_text(BODY).unwrap();
        assert_eq!(
            text,
            "关于荣昌区2022年国民经济 & 社会\n表1\t完成情况\n\t发展\n质量\n\tGDP增速（%）\n\t\n\n\t≥7\n\n注：\n二行\n"
        );
    }

    #[test]
    fn archives_that_are_not_docx_give_reasons() {
        assert!(docx_text(b"PK\x03\x04 broken").unwrap_err().contains("damaged zip archive"));
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        writer.start_file("readme.txt", zip::write::SimpleFileOptions::default()).unwrap();
        writer.finish().unwrap();
        assert!(docx_text(buffer.get_ref()).unwrap_err().contains("without word/document.xml"));
    }
}
