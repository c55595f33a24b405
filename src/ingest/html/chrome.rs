//! Site chrome: the parts of a saved government page that are not the article. Told by what
//! they are on any site, not by one site's markup: menus and link lists (lines mostly of link
//! text), breadcrumbs (`当前位置：首页 > …`), metadata blocks (`发布时间：… 来源：… 字号：大 中 小`,
//! `【打印本页】【关闭窗口】`, an information-disclosure table of `索引号`/`发布机构`/`成文日期`),
//! and footers (`版权所有`, `网站标识码`, `ICP备`). Structural chrome (`<nav>`, `<aside>`, a
//! page's `<header>`/`<footer>`) never reaches here: the walker skips it.

use super::lines::Line;
use crate::ingest::placed::RawCell;
use crate::text::Trimmed;

/// Lines longer than this are article text, whatever words they hold.
const LONGEST_CHROME: usize = 300;

/// Words that open a breadcrumb.
const BREADCRUMB: &[&str] =
    &["当前位置", "您的位置", "您现在的位置", "你现在的位置", "你的位置", "所在位置", "现在位置"];

/// Words found only in a site's footer.
const FOOTER: &[&str] = &[
    "版权所有",
    "网站标识码",
    "ICP备",
    "ICP证",
    "公网安备",
    "网站地图",
    "联系我们",
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "技术支持",
    "Copyright",
    "©",
];

/// Labels of a page's metadata block and of an information-disclosure table.
const METADATA: &[&str] = &[
    "发布时间",
    "发布日期",
    "更新时间",
    "来源",
    "信息来源",
    "文章来源",
    "作者",
    "字号",
    "浏览次数",
    "阅读次数",
    "访问量",
    "点击数",
    "点击量",
    "责任编辑",
    "索引号",
    "发布机构",
    "发文机关",
    "成文日期",
    "生成日期",
    "主题分类",
    "文号",
    "主题词",
];

/// Page actions, alone or in a row of buttons (`【打印本页】【关闭窗口】`, `分享到：`).
const ACTIONS: &[&str] = &[
    "打印",
    "关闭",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "关闭本页",
    "收藏",
    "加入收藏",
    "分享",
    "分享到",
    "返回顶部",
    "返回",
    "字号",
    "大",
    "中",
    "小",
    "默认",
    "扫一扫",
    "上一篇",
    "下一篇",
];

/// Whether a line of the page is site chrome rather than article text.
pub fn is_chrome(line: &Line) -> bool {
    if line.chars > LONGEST_CHROME {
        return false;
    }
    let text = line.text.as_str();
    let lower = text.to_lowercase();
    line.is_link_heavy()
        || BREADCRUMB.iter().any(|w| text.starts_with(w))
        || ["上一篇", "下一篇", "分享到"].iter().any(|w| text.starts_with(w))
        || FOOTER.iter().any(|w| lower.contains(&w.to_lowercase()))
        || is_metadata(text)
        || is_actions(text)
}

/// Two metadata labels in a short line, or a short line opening with one (`来源：区发展改革委`).
fn is_metadata(text: &str) -> bool {
    let labelled = METADATA.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|rest| rest.trimmed_start().starts_with(['：', ':']))
    });
    let count = METADATA.iter().filter(|label| text.contains(*label)).count();
    (labelled && text.chars().count() <= 60) || (count >= 2 && text.chars().count() <= 150)
}

/// A line made only of page actions and brackets.
fn is_actions(text: &str) -> bool {
    let separators = |c: char| c.is_whitespace() || "【】[]（）()|｜:：/".contains(c);
    let mut words = text.split(separators).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| ACTIONS.contains(&w))
}

/// Whether a table is a page's information-disclosure block: three or more cells that are, or
/// open with, metadata labels.
pub fn is_metadata_table(rows: &[Vec<RawCell>]) -> bool {
    let labelled = |cell: &RawCell| {
        let text = cell.text();
        METADATA.iter().any(|label| text.starts_with(label) && text.chars().count() <= 40)
    };
    rows.iter().flatten().filter(|cell| labelled(cell)).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        Line { text: text.to_owned(), chars, link_chars: 0 }
    }

    #[test]
    fn chrome_lines_are_told_by_their_words() {
        for chrome in [
            "当前位置：首页 > 政务公开 > 计划总结",
            "发布时间：2024-01-18 来源：区发展改革委 字号：大 中 小",
            "来源：铜梁区发展和改革委员会",
            "【打印本页】 【关闭窗口】",
            "分享到：微信 微博",
            "版权所有：重庆市铜梁区人民政府办公室 网站标识码：5001510001 渝ICP备05003300号",
            "上一篇：关于2023年财政预算执行情况的报告",
            "主办：重庆市铜梁区人民政府办公室 地址：铜梁区巴川街道",
        ] {
            assert!(is_chrome(&line(chrome)), "{chrome}");
        }
    }

    #[test]
    fn article_lines_are_kept() {
        for article in [
            "关于铜梁区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告",
            "表1 2023年主要指标完成情况",
            "资金来源：区级财政预算安排。",
            "（三）关闭搬迁落后产能企业12家，打印出版物市场整治成效明显。",
        ] {
            assert!(!is_chrome(&line(article)), "{article}");
        }
        let menu = Line { text: "首页 政务公开 政策文件".to_owned(), chars: 10, link_chars: 10 };
        assert!(is_chrome(&menu));
        let long = Line { text: "版权所有".repeat(100), chars: 400, link_chars: 0 };
        assert!(!is_chrome(&long));
    }

    #[test]
    fn disclosure_tables_are_chrome() {
        let cell = |t: &str| RawCell { lines: vec![t.to_owned()], row_span: 1, col_span: 1 };
        let meta = vec![
            vec![cell("索引号："), cell("11500151MB1727215X/2024-00012")],
            vec![cell("发布机构："), cell("铜梁区发展改革委"), cell("成文日期："), cell("2024-01-18")],
        ];
        assert!(is_metadata_table(&meta));
        let data = vec![vec![cell("指标"), cell("2023年目标")], vec![cell("GDP增速"), cell("6%")]];
        assert!(!is_metadata_table(&data));
    }
}
