//! What each HTML element is to a reader of the article: hidden, page chrome, a block (a line
//! break before and after it), or inline; and a walk over the DOM that skips what is hidden.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

/// Elements whose content is never article text.
const HIDDEN: &[&str] = &[
    "head", "title", "meta", "link", "script", "style", "noscript", "template", "iframe", "object", "embed",
    "svg", "math", "select", "option", "button", "input", "textarea", "map", "canvas", "audio", "video",
];

/// Elements laid out as blocks: each starts and ends a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
];

/// Whether an element and all it holds are hidden: scripts, styles, form controls, the `<head>`,
/// and elements marked `hidden` or styled `display:none`.
pub fn is_hidden(element: &Element) -> bool {
    let style = element.attr("style").map(|s| s.to_ascii_lowercase().replace(char::is_whitespace, ""));
    HIDDEN.contains(&element.name())
        || element.attr("hidden").is_some()
        || style.is_some_and(|s| s.contains("display:none") || s.contains("visibility:hidden"))
}

/// Whether an element is the page's chrome by its structure: `<nav>`, `<aside>`, navigation and
/// search landmarks, and, outside an `<article>`/`<main>` (whose own header holds the title),
/// the page's `<header>`, `<footer>`, banner and content-info landmarks.
pub fn is_page_chrome(element: &Element, in_article: bool) -> bool {
    let role = element.attr("role").map(str::to_ascii_lowercase);
    let page_part = matches!(element.name(), "header" | "footer")
        || matches!(role.as_deref(), Some("banner" | "contentinfo"));
    matches!(element.name(), "nav" | "aside")
        || matches!(role.as_deref(), Some("navigation" | "search" | "menu" | "menubar"))
        || (page_part && !in_article)
}

/// Whether an element is laid out as a block (a line break before and after it; `<br>` too).
pub fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// What a walk over the DOM tells its visitor.
pub trait Visitor {
    /// An element opens; returning false skips it and everything in it (no `close` follows).
    fn open(&mut self, node: NodeRef<'_, Node>, element: &Element) -> bool;
    /// A text node.
    fn text(&mut self, text: &str);
    /// An element that was opened closes.
    fn close(&mut self, element: &Element);
}

/// Walks everything under `root` (not `root` itself) in document order, without recursion (so a
/// deeply nested page cannot overflow the stack), skipping hidden elements and what the visitor
/// declines.
pub fn visit(root: NodeRef<'_, Node>, visitor: &mut impl Visitor) {
    for child in root.children() {
        let mut skipping = None;
        for edge in child.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Text(text) => visitor.text(text),
                    Node::Element(element) if is_hidden(element) || !visitor.open(node, element) => {
                        skipping = Some(node.id());
                    }
                    _ => {}
                },
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                Edge::Close(node) if skipping.is_none() => {
                    if let Node::Element(element) = node.value() {
                        visitor.close(element);
                    }
                }
                _ => {}
            }
        }
    }
}
