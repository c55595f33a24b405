//! Word .docx documents to a [`Document`]: one paragraph a line, and each table (`w:tbl`) as a
//! [`crate::grid::Grid`] placed in the text (see [`super::placed`]), its merged cells read from
//! the markup: `w:gridSpan` is a column span, a `w:vMerge` restart spans down over the
//! `w:vMerge` continuation cells below it in the same grid column, and `w:gridBefore` leaves
//! empty cells at the start of a row. A cell's paragraphs are joined into one text; a table
//! nested in a cell gives its text to that cell; a table that only frames prose (a one-cell
//! box, a saved page's layout table) gives its paragraphs and the tables nested in it, each a
//! table of its own. Paragraph-only documents read as Word's own "save as text".

use super::placed::{DerivedText, RawCell, RawRows, is_prose};
use crate::document::{Document, Format};
use crate::grid::Layout;
use crate::text::Trimmed;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// The most a document.xml may expand to; larger is taken for a damaged or hostile archive.
const MAX_DOCUMENT_BYTES: u64 = 512 << 20;
/// Tables nested deeper than this are not tables of their own: their text is the deepest
/// table's cell text. Blocks nest as deep as the tables, and are read and dropped by recursion.
const MAX_TABLE_DEPTH: usize = 16;

/// Reads a .docx archive's `word/document.xml` into a [`Document`]. The error is a reason for
/// [`crate::Error::NotText`].
pub fn read(bytes: &[u8]) -> Result<Document, String> {
    let mut archive = open_archive(bytes)?;
    let xml = document_xml(&mut archive, MAX_DOCUMENT_BYTES)?;
    let blocks = document_blocks(&xml).map_err(|e| format!("its word/document.xml is damaged ({e})"))?;
    let mut text = DerivedText::new();
    blocks.iter().for_each(|block| place(block, &mut text));
    let mut document = text.finish(Format::Docx, "docx", 0);
    document.page_title = core_title(&mut archive);
    Ok(document)
}

/// The most the archive's `docProps/core.xml` is read of: its title is near the start.
const MAX_CORE_BYTES: u64 = 64 << 10;

/// The document's title property (`<dc:title>` of `docProps/core.xml`), which a page saved as
/// Word keeps from its `<title>` (`…的报告_政务公开_盐边县人民政府`); `None` when it has none.
fn core_title(archive: &mut Archive<'_>) -> Option<String> {
    let mut xml = String::new();
    archive.by_name("docProps/core.xml").ok()?.take(MAX_CORE_BYTES).read_to_string(&mut xml).ok()?;
    let start = xml.find("<dc:title>")? + "<dc:title>".len();
    let end = start + xml[start..].find("</dc:title>")?;
    let title = quick_xml::escape::unescape(&xml[start..end]).ok()?;
    let title = title.trimmed();
    (!title.is_empty()).then(|| title.to_owned())
}

/// Adds a body block to `text`: a paragraph, a table as a grid, or a table that only frames prose
/// (a one-cell box, a page's layout table) as what its cells hold, in order, so a table nested in
/// such a frame is a table of its own.
fn place(block: &Block, text: &mut DerivedText) {
    match block {
        Block::Paragraph(paragraph) => text.paragraph(paragraph),
        Block::Table(rows) => {
            let merged = merge_cells(rows);
            if is_prose(&merged) {
                rows.iter().flatten().flat_map(|cell| &cell.content).for_each(|block| place(block, text));
            } else {
                text.table(&merged, Layout::Docx);
            }
        }
    }
}

/// A .docx file's zip archive, read in place.
type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// The zip archive of a .docx file.
fn open_archive(bytes: &[u8]) -> Result<Archive<'_>, String> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("it is a damaged zip archive ({e})"))
}

/// The text of the archive's `word/document.xml`, refused when it expands past `cap` bytes.
fn document_xml(archive: &mut Archive<'_>, cap: u64) -> Result<String, String> {
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "it is a zip archive without word/document.xml, so not a .docx document".to_owned())?;
    let too_large = || {
        format!(
            "its word/document.xml expands to more than {}, more than plangap reads; \
             a real report is far smaller, so the archive is damaged or not a report",
            if cap >= 1 << 20 { format!("{} MiB", cap >> 20) } else { format!("{cap} bytes") }
        )
    };
    if entry.size() > cap {
        return Err(too_large());
    }
    let mut xml = String::new();
    entry
        .take(cap + 1)
        .read_to_string(&mut xml)
        .map_err(|e| format!("its word/document.xml cannot be read ({e})"))?;
    if xml.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(xml)
}

/// A paragraph or table of the body or of a table cell.
#[derive(Debug, PartialEq)]
enum Block {
    Paragraph(String),
    /// Rows of cells as Word writes them, vertical merges not yet resolved.
    Table(Vec<Vec<WordCell>>),
}

/// How a cell takes part in a vertical merge (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Merge {
    #[default]
    None,
    /// `w:val="restart"`: the top cell of a merge.
    Restart,
    /// No value or `w:val="continue"`: covered by the restart above.
    Continue,
}

/// One `w:tc`.
#[derive(Debug, PartialEq, Default)]
struct WordCell {
    /// Its paragraphs and the tables nested in it, in order.
    content: Vec<Block>,
    /// `w:gridSpan`, at least 1.
    span: usize,
    merge: Merge,
}

impl WordCell {
    /// The cell's text lines: its paragraphs' lines with every line of the tables nested in it
    /// in their place, as the cell of a table of data reads them.
    fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        self.content.iter().for_each(|block| push_lines(block, &mut lines));
        lines
    }
}

/// Appends the lines of `block` to `lines`: a paragraph's, or every cell's of a table in turn.
fn push_lines(block: &Block, lines: &mut Vec<String>) {
    match block {
        Block::Paragraph(paragraph) => lines.extend(paragraph.split('\n').map(str::to_owned)),
        Block::Table(rows) => {
            rows.iter().flatten().flat_map(|cell| &cell.content).for_each(|b| push_lines(b, lines))
        }
    }
}

/// A `w:tbl` being read.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<WordCell>>,
    /// The open cell.
    cell: Option<WordCell>,
}

/// What is being collected while walking the document body.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// The paragraph being read.
    paragraph: String,
    /// Open `w:tbl` elements, the outermost first, at most [`MAX_TABLE_DEPTH`].
    tables: Vec<OpenTable>,
    /// `w:tbl` elements open past [`MAX_TABLE_DEPTH`]: their rows and cells are not read as such.
    too_deep: usize,
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
        let paragraph = Block::Paragraph(std::mem::take(&mut self.paragraph));
        self.add(paragraph);
    }

    /// A closed paragraph or table: a block of the body, or content of the open cell of the
    /// table it stands in.
    fn add(&mut self, block: Block) {
        match self.tables.last_mut() {
            None => self.blocks.push(block),
            Some(OpenTable { cell: Some(cell), .. }) => cell.content.push(block),
            Some(_) => {}
        }
    }

    /// An element opens (`Start`) or stands alone (`Empty`): table structure and cell properties.
    fn open(&mut self, e: &BytesStart<'_>) {
        if e.local_name().as_ref() == "tbl" {
            if self.too_deep == 0 && self.tables.len() < MAX_TABLE_DEPTH {
                self.tables.push(OpenTable::default());
            } else {
                self.too_deep += 1;
            }
            return;
        }
        if self.too_deep > 0 {
            return;
        }
        let Some(table) = self.tables.last_mut() else { return };
        match e.local_name().as_ref() {
            "tr" => table.rows.push(Vec::new()),
            "tc" => table.cell = Some(WordCell { span: 1, ..WordCell::default() }),
            "gridSpan" => {
                if let Some(cell) = &mut table.cell {
                    cell.span = value(e).and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
                }
            }
            "vMerge" => {
                if let Some(cell) = &mut table.cell {
                    cell.merge =
                        if value(e).as_deref() == Some("restart") { Merge::Restart } else { Merge::Continue };
                }
            }
            "gridBefore" => {
                let before: usize = value(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(row) = table.rows.last_mut() {
                    row.extend((0..before.min(64)).map(|_| WordCell { span: 1, ..WordCell::default() }));
                }
            }
            _ => {}
        }
    }

    /// An element closes (`End`, or right after `open` for an `Empty` one).
    fn close(&mut self, name: &str) {
        match name {
            "p" => self.end_paragraph(),
            "tc" | "tbl" if self.too_deep > 0 => self.too_deep -= usize::from(name == "tbl"),
            "tc" => {
                if let Some(table) = self.tables.last_mut()
                    && let (Some(cell), Some(row)) = (table.cell.take(), table.rows.last_mut())
                {
                    row.push(cell);
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    self.add(Block::Table(table.rows));
                }
            }
            _ => {}
        }
    }
}

/// The `w:val` attribute of an element (a number or a keyword, so never escaped).
fn value(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.trimmed().to_owned())
}

/// Walks the WordprocessingML body: paragraphs, runs, tabs, breaks, tables.
fn document_blocks(xml: &str) -> Result<Vec<Block>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                walk.open(&e);
                match e.local_name().as_ref() {
                    "t" => walk.in_text = true,
                    "instrText" | "delText" | "del" => walk.skip_depth += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                walk.open(&e);
                match e.local_name().as_ref() {
                    "tab" if walk.skip_depth == 0 => {
                        walk.paragraph.push(if walk.tables.is_empty() { '\t' } else { ' ' })
                    }
                    "br" | "cr" if walk.skip_depth == 0 => walk.paragraph.push('\n'),
                    name => walk.close(name),
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => walk.in_text = false,
                "instrText" | "delText" | "del" => walk.skip_depth = walk.skip_depth.saturating_sub(1),
                name => walk.close(name),
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
    while let Some(table) = walk.tables.pop() {
        walk.add(Block::Table(table.rows));
    }
    Ok(walk.blocks)
}

/// Resolves vertical merges: each restart cell spans down over the continuation cells below it
/// in the same grid column, which are dropped (the grid covers their slots); a continuation with
/// no restart above stays an ordinary cell.
fn merge_cells(rows: &[Vec<WordCell>]) -> RawRows {
    let starts: Vec<Vec<usize>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .scan(0, |col, cell| {
                    let start = *col;
                    *col += cell.span;
                    Some(start)
                })
                .collect()
        })
        .collect();
    let continuation_at = |r: usize, col: usize| {
        let index = starts.get(r)?.iter().position(|&c| c == col)?;
        (rows[r][index].merge == Merge::Continue).then_some(index)
    };
    let mut covered: Vec<Vec<bool>> = rows.iter().map(|row| vec![false; row.len()]).collect();
    let mut spans: Vec<Vec<usize>> = rows.iter().map(|row| vec![1; row.len()]).collect();
    for (r, row) in rows.iter().enumerate() {
        for i in (0..row.len()).filter(|&i| row[i].merge == Merge::Restart) {
            let mut below = r + 1;
            while let Some(index) = continuation_at(below, starts[r][i]) {
                covered[below][index] = true;
                below += 1;
            }
            spans[r][i] = below - r;
        }
    }
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|&(i, _)| !covered[r][i])
                .map(|(i, cell)| RawCell { lines: cell.lines(), row_span: spans[r][i], col_span: cell.span })
                .collect()
        })
        .collect()
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
    use std::io::Write;

    /// A .docx archive whose word/document.xml holds `body`.
    fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        );
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(xml.as_bytes()).unwrap();
        writer.finish().unwrap();
        buffer.into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, paragraphs: &[&str]) -> String {
        let body: String = paragraphs.iter().map(|t| p(t)).collect();
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
    }

    const PARAGRAPHS: &str = r#"
<w:p><w:r><w:t>关于荣昌区2022年</w:t></w:r><w:r><w:t xml:space="preserve">国民经济 &amp; 社会</w:t></w:r></w:p>
<w:p><w:r><w:instrText> SHAPE \* MERGEFORMAT </w:instrText></w:r><w:r><w:t>表1</w:t><w:tab/><w:t>完成情况</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>注：</w:t><w:br/><w:t>二行&#8805;7</w:t></w:r></w:p>"#;

    #[test]
    fn paragraphs_read_like_words_text_export() {
        let doc = read(&docx(PARAGRAPHS)).unwrap();
        assert_eq!(doc.text, "关于荣昌区2022年国民经济 & 社会\n表1\t完成情况\n\n注：\n二行≥7\n");
        assert!(doc.tables.is_empty());
    }

    #[test]
    fn merged_cells_become_spans() {
        let span = r#"<w:gridSpan w:val="2"/>"#;
        let (restart, cont) = (r#"<w:vMerge w:val="restart"/>"#, "<w:vMerge/>");
        let rows = [
            [tc(restart, &["类别"]), tc("", &["指标"]), tc(span, &["2023年", "完成情况"])].concat(),
            [tc(cont, &[]), tc("", &[]), tc("", &["绝对值"]), tc("", &["增速"])].concat(),
            [
                tc(restart, &["发展", "质量"]),
                tc("", &["GDP", "增速（%）"]),
                tc("", &["1200"]),
                tc("", &["6.1"]),
            ]
            .concat(),
            [tc(r#"<w:vMerge w:val="continue"/>"#, &[]), tc("", &["税收"]), tc("", &[]), tc("", &["-2"])]
                .concat(),
        ];
        let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
        let body =
            format!("{}<w:tbl>{table}</w:tbl>{}", p("表1 2023年主要指标完成情况"), p("注：*为约束性指标"));
        let doc = read(&docx(&body)).unwrap();
        assert_eq!(
            doc.text,
            "表1 2023年主要指标完成情况\n类别\t指标\t2023年完成情况\t\n\t\t绝对值\t增速\n\
             发展质量\tGDP增速（%）\t1200\t6.1\n\t税收\t\t-2\n注：*为约束性指标\n"
        );
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].lines, 1..5);
        let grid = &doc.tables[0].grid;
        assert_eq!(grid.layout, Layout::Docx);
        let cells: Vec<_> = grid
            .cells()
            .iter()
            .map(|c| (c.text.as_str(), c.row, c.col, c.row_span, c.col_span, c.line))
            .collect();
        assert_eq!(
            cells,
            [
                ("类别", 0, 0, 2, 1, 2),
                ("指标", 0, 1, 1, 1, 2),
                ("2023年完成情况", 0, 2, 1, 2, 2),
                ("", 1, 1, 1, 1, 3),
                ("绝对值", 1, 2, 1, 1, 3),
                ("增速", 1, 3, 1, 1, 3),
                ("发展质量", 2, 0, 2, 1, 4),
                ("GDP增速（%）", 2, 1, 1, 1, 4),
                ("1200", 2, 2, 1, 1, 4),
                ("6.1", 2, 3, 1, 1, 4),
                ("税收", 3, 1, 1, 1, 5),
                ("", 3, 2, 1, 1, 5),
                ("-2", 3, 3, 1, 1, 5),
            ]
        );
        assert_eq!(grid.text(3, 0), "发展质量");
    }

    #[test]
    fn tables_nested_past_the_depth_read_give_their_text_without_overflowing_the_stack() {
        // A 20 KB file of tables nested 100,000 deep overflowed the stack of the recursive reading.
        let depth = 100_000;
        let nested = format!(
            "{}{}{}",
            "<w:tbl><w:tr><w:tc>".repeat(depth),
            p("最深处"),
            "</w:tc></w:tr></w:tbl>".repeat(depth)
        );
        let doc = read(&docx(&format!("{}{nested}", p("开头")))).unwrap();
        assert_eq!(
            doc.text,
            "开头
最深处
"
        );
    }

    #[test]
    fn nested_tables_give_their_text_to_the_cell_and_frames_give_paragraphs_and_tables() {
        let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc("", &["甲"]), tc("", &["乙"]));
        let outer = format!(
            "<w:tbl><w:tr>{}<w:tc>{}{inner}</w:tc></w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("", &["项目"]),
            p("内容"),
            tc("", &["A"]),
            tc("", &["B"])
        );
        let doc = read(&docx(&outer)).unwrap();
        assert_eq!(doc.tables[0].grid.text(0, 1), "内容甲乙");
        let boxed =
            format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("", &["专栏1：2023年重大项目", "交通类：A、B"]));
        let doc = read(&docx(&boxed)).unwrap();
        assert_eq!(doc.text, "专栏1：2023年重大项目\n交通类：A、B\n");
        assert!(doc.tables.is_empty());
        // A saved page's layout table: the article's paragraphs, and its tables on their own.
        let data = |name: &str| format!("<w:tr>{}{}</w:tr>", tc("", &[name]), tc("", &["6.5"]));
        let part =
            |names: &[&str]| format!("<w:tbl>{}</w:tbl>", names.iter().map(|n| data(n)).collect::<String>());
        let article =
            [p("关于2023年计划执行情况的报告"), part(&["指标", "地区生产总值"]), p("续表1"), part(&["税收"])];
        let frame = format!("<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>", article.concat());
        let doc = read(&docx(&frame)).unwrap();
        assert_eq!(
            doc.text,
            "关于2023年计划执行情况的报告\n指标\t6.5\n地区生产总值\t6.5\n续表1\n税收\t6.5\n"
        );
        let tables: Vec<_> = doc.tables.iter().map(|t| (t.lines.clone(), t.grid.text(0, 0))).collect();
        assert_eq!(tables, [(1..3, "指标"), (4..5, "税收")]);
    }

    #[test]
    fn continuation_cells_without_a_restart_are_cells_and_unclosed_tables_are_damage() {
        let rows = format!(
            "<w:tr>{}{}</w:tr><w:tr>{}</w:tr>",
            tc("<w:vMerge/>", &["x"]),
            tc("", &["y"]),
            tc("", &["z"])
        );
        let doc = read(&docx(&format!("<w:tbl>{rows}</w:tbl>"))).unwrap();
        assert_eq!(doc.tables[0].grid.text(0, 0), "x");
        assert_eq!(doc.tables[0].grid.text(1, 0), "z");
        let err = read(&docx(&format!("<w:tbl>{rows}"))).unwrap_err();
        assert!(err.contains("word/document.xml is damaged"), "{err}");
    }

    #[test]
    fn archives_that_are_not_docx_give_reasons() {
        assert!(read(b"PK\x03\x04 broken").unwrap_err().contains("damaged zip archive"));
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        writer.start_file("readme.txt", zip::write::SimpleFileOptions::default()).unwrap();
        writer.finish().unwrap();
        assert!(read(buffer.get_ref()).unwrap_err().contains("without word/document.xml"));
    }

    #[test]
    fn a_document_over_the_cap_is_refused_not_cut() {
        let bytes = docx(&p(&"很长的段落".repeat(100)));
        let mut archive = open_archive(&bytes).unwrap();
        let err = document_xml(&mut archive, 1000).unwrap_err();
        assert!(err.contains("expands to more than 1000 bytes"), "{err}");
        assert!(document_xml(&mut archive, 1 << 20).is_ok());
    }
}
