//! The page's DOM to blocks in reading order: lines of text, data tables, and images that stand
//! alone in a block. Structural chrome and hidden elements are skipped; a table that only lays
//! the page out (see [`crate::ingest::placed::is_prose`]) or that is a menu of links is walked
//! into like any block, so a data table nested in it is still found.

use super::elements::{Visitor, is_block, is_page_chrome, visit};
use super::lines::{Line, LineBuf};
use super::table::{self, Table};
use crate::ingest::placed::is_prose;
use crate::text::Trimmed;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};

/// Layout tables nested deeper than this are walked into without being collected first, so a
/// hostile page of tables in tables costs time in proportion to its size.
const MAX_LAYOUT_DEPTH: usize = 16;

/// A piece of the page in reading order.
#[derive(Debug)]
pub enum Block {
    /// A line of text (a paragraph, a heading, a `<br>`-separated part).
    Line(Line),
    /// A data table.
    Table(Table),
    /// An image alone in its block, named by its file (`1.jpeg`).
    Image(String),
}

/// The blocks of a parsed page.
pub fn blocks(page: &Html) -> Vec<Block> {
    let mut walker = Walker::default();
    visit(page.tree.root(), &mut walker);
    walker.flush();
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    line: LineBuf,
    /// An image seen while the current line had no text.
    image: Option<String>,
    link_depth: usize,
    /// Open `<article>`/`<main>` elements.
    article_depth: usize,
    /// Open tables walked into as layout.
    layout_depth: usize,
}

impl Walker {
    /// Ends the current line: its text, else the image that stood alone in it.
    fn flush(&mut self) {
        if !self.line.is_blank() {
            self.blocks.push(Block::Line(self.line.take()));
        } else if let Some(image) = self.image.take() {
            self.blocks.push(Block::Image(image));
        }
        self.line = LineBuf::default();
        self.image = None;
    }

    /// A `<table>` opens: a data table becomes a block (and is not walked into); true for a
    /// layout table, to be walked into.
    fn table(&mut self, node: NodeRef<'_, Node>) -> bool {
        self.flush();
        if self.layout_depth < MAX_LAYOUT_DEPTH {
            let mut table = table::collect(node);
            if table.chars > 0 && !table.is_link_heavy() && !is_prose(&table.rows) {
                if let Some(text) = table.caption.take() {
                    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                    self.blocks.push(Block::Line(Line { text, chars, link_chars: 0 }));
                }
                self.blocks.push(Block::Table(table));
                return false;
            }
        }
        self.layout_depth += 1;
        true
    }
}

impl Visitor for Walker {
    fn open(&mut self, node: NodeRef<'_, Node>, element: &Element) -> bool {
        if is_page_chrome(element, self.article_depth > 0) {
            return false;
        }
        match element.name() {
            "table" => return self.table(node),
            "article" | "main" => self.article_depth += 1,
            "a" => self.link_depth += 1,
            "img" if self.line.is_blank() => self.image = Some(image_name(element)),
            _ => {}
        }
        if is_block(element.name()) {
            self.flush();
        }
        true
    }

    fn text(&mut self, text: &str) {
        self.line.push(text, self.link_depth > 0);
    }

    fn close(&mut self, element: &Element) {
        match element.name() {
            "table" => self.layout_depth = self.layout_depth.saturating_sub(1),
            "article" | "main" => self.article_depth = self.article_depth.saturating_sub(1),
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            _ => {}
        }
        if is_block(element.name()) {
            self.flush();
        }
    }
}

/// An image's file name (`images/1.jpeg?v=2` is `1.jpeg`), else its alt text, else a phrase.
fn image_name(image: &Element) -> String {
    let src = image.attr("src").unwrap_or("").trimmed();
    let file = src.split(['?', '#']).next().unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let alt = image.attr("alt").unwrap_or("").trimmed();
    match (src.starts_with("data:"), file, alt) {
        (false, file, _) if !file.is_empty() => file.to_owned(),
        (_, _, alt) if !alt.is_empty() => alt.to_owned(),
        (true, _, _) => "an image embedded in the page".to_owned(),
        _ => "an image without a source".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        blocks(&Html::parse_document(html))
            .into_iter()
            .map(|b| match b {
                Block::Line(line) => line.text,
                Block::Table(t) => format!("[table {}x{}]", t.rows.len(), t.rows.first().map_or(0, Vec::len)),
                Block::Image(name) => format!("[image {name}]"),
            })
            .collect()
    }

    #[test]
    fn blocks_breaks_entities_and_hidden_content() {
        let html = "<html><head><title>标题</title><style>p{}</style></head><body>\
            <nav><a href=/>首页</a></nav><header>重庆市铜梁区人民政府</header>\
            <p>一、2023年&nbsp;计划<br>执行&amp;情况&#x3002;<script>var x='<p>';</script></p>\
            <div hidden>隐藏</div><div style='DISPLAY: none'>隐藏</div><noscript>请启用</noscript>\
            <p><img src='/u/2024/1.jpeg?x=1'></p><p><img src=a.png>图例</p>\
            <table><tr><td>指标<td>目标<tr><td>GDP<td>6%</table><footer>版权</footer></body></html>";
        assert_eq!(texts(html), ["一、2023年 计划", "执行&情况。", "[image 1.jpeg]", "图例", "[table 2x2]"]);
    }

    #[test]
    fn layout_tables_are_walked_into_and_article_headers_kept() {
        let prose = "全区经济运行稳中有进，主要指标好于预期，高质量发展取得新成效。".repeat(3);
        let html = format!(
            "<table><tr><td><a href=1>首页</a> <a href=2>政务公开</a></td><td><article><header><h1>关于铜梁区的报告</h1></header>\
             <p>{prose}</p><p>{prose}</p><p>{prose}</p><table><caption>表1</caption><tr><td>指标<td>目标</tr></table></article></td></tr></table>"
        );
        let got = texts(&html);
        assert_eq!(got[0], "首页 政务公开");
        assert_eq!(got[1], "关于铜梁区的报告");
        assert_eq!(&got[5..], ["表1", "[table 1x2]"]);
    }

    #[test]
    fn images_are_named_by_file_or_alt() {
        let names = texts("<p><img src='data:image/png;base64,AAAA'></p><p><img alt='表1'></p><p><img></p>");
        assert_eq!(
            names,
            ["[image an image embedded in the page]", "[image 表1]", "[image an image without a source]"]
        );
    }
}
