//! Saved web pages (HTML, MHTML) and Word documents with real tables, read by content into a
//! `Document`: the article's text, and each table as a grid with its spans placed in that text.

mod docx_common;

use base64::Engine;
use plangap::document::{Document, Format};
use plangap::grid::{Grid, Layout};
use plangap::ingest::decode;
use plangap::model::WarningKind;
use proptest::prelude::*;

const TONGLIANG: &str = "tests/data/html/tongliang_2023.html";
const WUXING_GBK: &str = "tests/data/html/wuxing_2023_gbk.html";

fn read(path: &str) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(path, &bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// Every cell as (text, row, col, row span, col span, line).
fn cells(grid: &Grid) -> Vec<(&str, usize, usize, usize, usize, usize)> {
    grid.cells().iter().map(|c| (c.text.as_str(), c.row, c.col, c.row_span, c.col_span, c.line)).collect()
}

const TONGLIANG_TEXT: &str = "\
关于铜梁区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
——2024年1月16日在重庆市铜梁区第十九届人民代表大会第四次会议上
铜梁区发展和改革委员会
各位代表：
受区人民政府委托，现将铜梁区2023年国民经济和社会发展计划执行情况与2024年计划草案提请大会审议，并请区政协委员提出意见。
一、2023年国民经济和社会发展计划执行情况
2023年，全区坚持稳中求进工作总基调，经济运行持续回升向好。地区生产总值增长6.3%，“科技创新”指标稳步提升，R&D经费投入强度达到2.4%。
规上工业增加值增长8.1%，低于年初预期目标1.9个百分点。
表1 2023年主要指标完成情况
类别\t指标名称\t属性\t2023年目标\t2023年完成情况\t
\t\t\t\t绝对值\t增速（%）
经济发展\t地区生产总值（亿元）\t预期性\t增长7%左右\t1012.6\t6.3
\t规上工业增加值增速（%）\t预期性\t10\t—\t8.1
\t固定资产投资增速（%）\t预期性\t8\t—\t-3.2
民生福祉\t城镇调查失业率（%）\t预期性\t5.5以内\t5.2\t—
\t居民人均可支配收入增速（%）\t预期性\t与经济增长同步\t39860\t5.6
绿色生态\t单位地区生产总值能耗降低（%）\t约束性\t完成市下达目标\t—\t3.1
注：地区生产总值增速按可比价计算。
二、2024年经济社会发展的主要目标
2024年全区经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长5%。
表2 2024年主要指标计划
三、2024年重点工作
";

#[test]
fn a_government_page_gives_the_article_without_the_sites_chrome() {
    let doc = read(TONGLIANG);
    assert_eq!(doc.format, Format::Html);
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.text, TONGLIANG_TEXT);
    for chrome in [
        "首页",
        "当前位置",
        "索引号",
        "发布时间",
        "字号",
        "打印",
        "分享",
        "版权所有",
        "ICP备",
        "统计代码",
        "font-size",
    ] {
        assert!(!doc.text.contains(chrome), "{chrome} left in the text");
    }
}

#[test]
fn a_table_with_rowspan_and_colspan_is_a_grid_placed_at_its_lines() {
    let doc = read(TONGLIANG);
    assert_eq!(doc.tables.len(), 1);
    let table = &doc.tables[0];
    assert_eq!(table.lines, 9..17);
    assert_eq!(table.grid.layout, Layout::Html);
    assert_eq!((table.grid.rows(), table.grid.cols()), (8, 6));
    #[rustfmt::skip]
    let expected = [
        ("类别", 0, 0, 2, 1, 10), ("指标名称", 0, 1, 2, 1, 10), ("属性", 0, 2, 2, 1, 10),
        ("2023年目标", 0, 3, 2, 1, 10), ("2023年完成情况", 0, 4, 1, 2, 10),
        ("绝对值", 1, 4, 1, 1, 11), ("增速（%）", 1, 5, 1, 1, 11),
        ("经济发展", 2, 0, 3, 1, 12), ("地区生产总值（亿元）", 2, 1, 1, 1, 12), ("预期性", 2, 2, 1, 1, 12),
        ("增长7%左右", 2, 3, 1, 1, 12), ("1012.6", 2, 4, 1, 1, 12), ("6.3", 2, 5, 1, 1, 12),
        ("规上工业增加值增速（%）", 3, 1, 1, 1, 13), ("预期性", 3, 2, 1, 1, 13), ("10", 3, 3, 1, 1, 13),
        ("—", 3, 4, 1, 1, 13), ("8.1", 3, 5, 1, 1, 13),
        ("固定资产投资增速（%）", 4, 1, 1, 1, 14), ("预期性", 4, 2, 1, 1, 14), ("8", 4, 3, 1, 1, 14),
        ("—", 4, 4, 1, 1, 14), ("-3.2", 4, 5, 1, 1, 14),
        ("民生福祉", 5, 0, 2, 1, 15), ("城镇调查失业率（%）", 5, 1, 1, 1, 15), ("预期性", 5, 2, 1, 1, 15),
        ("5.5以内", 5, 3, 1, 1, 15), ("5.2", 5, 4, 1, 1, 15), ("—", 5, 5, 1, 1, 15),
        ("居民人均可支配收入增速（%）", 6, 1, 1, 1, 16), ("预期性", 6, 2, 1, 1, 16),
        ("与经济增长同步", 6, 3, 1, 1, 16), ("39860", 6, 4, 1, 1, 16), ("5.6", 6, 5, 1, 1, 16),
        ("绿色生态", 7, 0, 1, 1, 17), ("单位地区生产总值能耗降低（%）", 7, 1, 1, 1, 17), ("约束性", 7, 2, 1, 1, 17),
        ("完成市下达目标", 7, 3, 1, 1, 17), ("—", 7, 4, 1, 1, 17), ("3.1", 7, 5, 1, 1, 17),
    ];
    assert_eq!(cells(&table.grid), expected);
    assert_eq!(table.grid.text(4, 0), "经济发展");
    assert_eq!(table.grid.text(0, 5), "2023年完成情况");
    let lines: Vec<&str> = doc.text.split('\n').collect();
    for cell in table.grid.cells() {
        assert_eq!(lines[cell.line - 1].split('\t').nth(cell.col), Some(cell.text.as_str()), "{cell:?}");
    }
}

#[test]
fn a_table_given_as_an_image_is_a_warning_at_its_caption() {
    let doc = read(TONGLIANG);
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    let warning = &doc.warnings[0];
    assert_eq!(warning.line, 21);
    assert_eq!(doc.text.split('\n').nth(warning.line - 1), Some("表2 2024年主要指标计划"));
    assert_eq!(
        warning.kind,
        WarningKind::ImageTable {
            caption: "表2 2024年主要指标计划".to_owned(),
            images: vec!["W020240122603180346283.jpeg".to_owned()]
        }
    );
    assert!(
        warning.to_string().starts_with(
            "the table “表2 2024年主要指标计划” is an image (W020240122603180346283.jpeg); plangap does not read images"
        ),
        "{warning}"
    );
    let report = plangap::corpus::load_bytes(TONGLIANG, std::fs::read(TONGLIANG).unwrap()).unwrap();
    assert_eq!(report.format, Format::Html);
    assert_eq!(report.title.district.as_deref(), Some("铜梁区"));
    assert!(
        report.warnings.iter().any(|w| w.line == 21 && matches!(w.kind, WarningKind::ImageTable { .. })),
        "{:?}",
        report.warnings
    );
}

#[test]
fn an_image_followed_by_its_table_or_away_from_a_caption_is_no_warning() {
    let page = "<html><body><p><img src=logo.png></p><p>表1 2023年主要指标完成情况</p><p><img src=line.gif></p>\
        <table><tr><td>指标</td><td>目标</td></tr><tr><td>GDP</td><td>6%</td></tr></table></body></html>";
    let doc = decode("p.html", page.as_bytes()).unwrap();
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.tables.len(), 1);
}

const WUXING_TEXT: &str = "\
关于湖州市吴兴区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
一、2023年计划执行情况
2023年，全区实现地区生产总值1103亿元、增长6.6%。
表1 2023年主要指标完成情况
序号\t指标\t属性\t年度目标\t2023年完成情况\t
\t\t\t\t绝对值\t增速
1\t地区生产总值（亿元）\t预期性\t6.5%\t1103\t6.6%
2\t一般公共预算收入（亿元）\t\t5%\t78.2\t4.1%
3\t社会消费品零售总额（亿元）\t\t7%\t386\t8.2%
4\tPM2.5平均浓度（微克/立方米）\t约束性\t≤28\t27\t
二、2024年主要目标
地区生产总值增长6%左右。
";

#[test]
fn a_gbk_page_is_decoded_by_its_meta_charset_with_br_lines_and_a_spanning_attribute_cell() {
    let doc = read(WUXING_GBK);
    assert_eq!((doc.format, doc.encoding, doc.replaced), (Format::Html, "GBK", 0));
    assert_eq!(doc.text, WUXING_TEXT);
    assert!(doc.warnings.is_empty());
    let grid = &doc.tables[0].grid;
    assert_eq!(doc.tables[0].lines, 4..10);
    let attribute = grid.cell(2, 2).unwrap();
    assert_eq!((attribute.text.as_str(), attribute.row_span, attribute.line), ("预期性", 3, 7));
    assert_eq!(grid.text(4, 2), "预期性");
    assert_eq!(grid.text(5, 2), "约束性");
    assert_eq!(grid.text(5, 3), "≤28");
    assert_eq!(grid.cell(5, 5).map(|c| c.text.as_str()), Some(""));
    assert_eq!(grid.cell(0, 5).map(|c| (c.col, c.col_span)), Some((4, 2)));
}

/// `page` wrapped as a browser's single-file archive, its HTML part in `transfer` encoding.
fn mhtml(page: &[u8], transfer: &str, charset: &str) -> Vec<u8> {
    let body = match transfer {
        "base64" => {
            let encoded = base64::engine::general_purpose::STANDARD.encode(page);
            encoded.as_bytes().chunks(76).map(|c| [c, b"\r\n"].concat()).collect::<Vec<_>>().concat()
        }
        _ => quoted_printable::encode(page),
    };
    let mut out = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.wuxing.gov.cn/art/2024/1/20/art_1229.html\r\n\
         Subject: =?utf-8?Q?=E5=90=B4=E5=85=B4?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n\
         ------MultipartBoundary--abc----\r\nContent-Type: text/html; charset=\"{charset}\"\r\n\
         Content-Transfer-Encoding: {transfer}\r\nContent-Location: http://www.wuxing.gov.cn/\r\n\r\n"
    )
    .into_bytes();
    out.extend(body);
    out.extend(b"\r\n------MultipartBoundary--abc----\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n");
    out.extend(b"------MultipartBoundary--abc------\r\n");
    out
}

#[test]
fn a_single_file_archive_reads_as_the_page_it_holds() {
    let page = std::fs::read(WUXING_GBK).unwrap();
    let direct = read(WUXING_GBK);
    for transfer in ["quoted-printable", "base64"] {
        let doc = decode("page.mhtml", mhtml(&page, transfer, "gbk")).unwrap();
        assert_eq!(doc.text, direct.text, "{transfer}");
        assert_eq!(doc.tables, direct.tables, "{transfer}");
        assert_eq!((doc.format, doc.encoding), (Format::Html, "GBK"));
    }
}

/// The Wuxing page's table as Word writes it: `gridSpan` for 2023年完成情况, `vMerge` for the
/// header cells over two rows and the 属性 cell over three.
fn wuxing_docx() -> Vec<u8> {
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let tc = |props: &str, t: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(t));
    let (start, cont, span) = (r#"<w:vMerge w:val="restart"/>"#, "<w:vMerge/>", r#"<w:gridSpan w:val="2"/>"#);
    let row = |cells: Vec<String>| format!("<w:tr>{}</w:tr>", cells.concat());
    let rows = [
        row(vec![
            tc(start, "序号"),
            tc(start, "指标"),
            tc(start, "属性"),
            tc(start, "年度目标"),
            tc(span, "2023年完成情况"),
        ]),
        row(vec![tc(cont, ""), tc(cont, ""), tc(cont, ""), tc(cont, ""), tc("", "绝对值"), tc("", "增速")]),
        row(vec![
            tc("", "1"),
            tc("", "地区生产总值（亿元）"),
            tc(start, "预期性"),
            tc("", "6.5%"),
            tc("", "1103"),
            tc("", "6.6%"),
        ]),
        row(vec![
            tc("", "2"),
            tc("", "一般公共预算收入（亿元）"),
            tc(cont, ""),
            tc("", "5%"),
            tc("", "78.2"),
            tc("", "4.1%"),
        ]),
        row(vec![
            tc("", "3"),
            tc("", "社会消费品零售总额（亿元）"),
            tc(cont, ""),
            tc("", "7%"),
            tc("", "386"),
            tc("", "8.2%"),
        ]),
        row(vec![
            tc("", "4"),
            tc("", "PM2.5平均浓度（微克/立方米）"),
            tc("", "约束性"),
            tc("", "≤28"),
            tc("", "27"),
            tc("", ""),
        ]),
    ];
    let body = [
        p("关于湖州市吴兴区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告"),
        p("一、2023年计划执行情况"),
        p("2023年，全区实现地区生产总值1103亿元、增长6.6%。"),
        p("表1 2023年主要指标完成情况"),
        format!("<w:tbl>{}</w:tbl>", rows.concat()),
        p("二、2024年主要目标"),
        p("地区生产总值增长6%左右。"),
    ];
    docx_common::docx(&body.concat())
}

#[test]
fn a_word_table_with_merged_cells_reads_as_the_same_grid_as_the_page() {
    let doc = decode("wuxing.docx", wuxing_docx()).unwrap();
    let page = read(WUXING_GBK);
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(doc.text, page.text);
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].lines, page.tables[0].lines);
    assert_eq!(doc.tables[0].grid.layout, Layout::Docx);
    assert_eq!(cells(&doc.tables[0].grid), cells(&page.tables[0].grid));
}

#[test]
fn deeply_nested_pages_do_not_overflow_a_small_stack() {
    let walk = || {
        for open in [
            "<div>",
            "<table><tr><td>",
            "<b>",
            "<table><tr><td><p>全区经济运行稳中有进，主要指标好于预期。</p>",
        ] {
            let page = format!("<html><body>{}关于铜梁区的报告</body></html>", open.repeat(4_000));
            let doc = decode("deep.html", page.as_bytes()).unwrap();
            assert!(doc.text.contains("关于铜梁区的报告"), "{open}");
        }
    };
    std::thread::Builder::new().stack_size(512 << 10).spawn(walk).unwrap().join().unwrap();
}

#[test]
fn huge_spans_are_cut_to_the_table() {
    let page =
        "<table><tr><td rowspan=65534 colspan=1000>类别</td><td>指标</td></tr><tr><td>GDP</td></tr></table>";
    let doc = decode("span.html", page.as_bytes()).unwrap();
    let grid = &doc.tables[0].grid;
    assert_eq!(grid.rows(), 2);
    assert_eq!(grid.cells()[0].row_span, 2);
    assert!(grid.cols() <= 101, "{}", grid.cols());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_pages_never_panic(cut in 0usize..5000, flips in proptest::collection::vec((0usize..5000, any::<u8>()), 0..40)) {
        let mut bytes = std::fs::read(TONGLIANG).unwrap();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let _ = decode("damaged.html", &bytes);
        let _ = decode("damaged.mhtml", mhtml(&bytes, "quoted-printable", "gbk"));
    }

    #[test]
    fn random_markup_never_panics(body in proptest::collection::vec(
        prop_oneof![
            Just("<table>".to_owned()), Just("<tr>".to_owned()), Just("<td rowspan=3>".to_owned()),
            Just("<th colspan=0>".to_owned()), Just("</td>".to_owned()), Just("</table>".to_owned()),
            Just("<p>".to_owned()), Just("<br>".to_owned()), Just("<img src=1.jpeg>".to_owned()),
            Just("表1 2023年主要指标完成情况".to_owned()), Just("&nbsp;&#x3002;&bogus;".to_owned()),
            Just("<a href=#>".to_owned()), Just("<script>".to_owned()), "[\\PC]{0,8}",
        ],
        0..60,
    )) {
        let page = format!("<html><body>{}", body.concat());
        let doc = decode("random.html", page.as_bytes()).unwrap();
        let lines: Vec<&str> = doc.text.split('\n').collect();
        for table in &doc.tables {
            prop_assert!(table.lines.end < lines.len());
            for cell in table.grid.cells() {
                prop_assert!(table.lines.contains(&(cell.line - 1)));
            }
        }
        for warning in &doc.warnings {
            prop_assert!(warning.line >= 1 && warning.line <= lines.len());
        }
    }
}
