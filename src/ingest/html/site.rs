//! The page's own title and site name, outside the article: government sites end a page's
//! `<title>` with the site's name (`关于2023年…草案的报告_盐边县人民政府`) and CMS pages state it in
//! `<meta name="SiteName" content="盐边县人民政府">`. A report whose own title block names no
//! place is the site's unit's ([`crate::parse::title::place_from_site`]).

use scraper::{Html, Node};

/// The page's `<title>` and `SiteName` meta, one a line; `None` when it has neither.
pub(super) fn page_title(page: &Html) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for node in page.tree.nodes() {
        let Node::Element(element) = node.value() else { continue };
        match element.name() {
            "title" => {
                let text: String =
                    node.children().filter_map(|child| child.value().as_text()).map(|t| &**t).collect();
                found.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            "meta" if element.attr("name").is_some_and(|name| name.eq_ignore_ascii_case("sitename")) => {
                found.extend(element.attr("content").map(|content| content.trim().to_owned()));
            }
            "body" => break,
            _ => {}
        }
    }
    found.retain(|text| !text.is_empty());
    (!found.is_empty()).then(|| found.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_and_the_site_name_of_a_page() {
        let page = Html::parse_document(
            "<html><head><title> 关于…的报告_盐边县人民政府 </title>\
             <meta name=\"SiteName\" content=\"盐边县人民政府\"></head><body><p>正文</p></body></html>",
        );
        assert_eq!(page_title(&page).as_deref(), Some("关于…的报告_盐边县人民政府\n盐边县人民政府"));
        assert_eq!(page_title(&Html::parse_document("<p>正文</p>")), None);
    }
}
