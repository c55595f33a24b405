//! Every fixture under tests/data/layouts/ (README.md there says how each was made), read through
//! the public pipeline (`corpus::load_bytes` and the JSON export) and checked against the export
//! contract (shared/SCHEMA.md): format, title fields, and every field of every indicator row.
//!
//! Each master (one district's table) has one expectation, typed by hand from its cells; all the
//! forms derived from it must give exactly those rows, whatever their layout.

use plangap::corpus;
use plangap::export::ExportDocument;
use plangap::model::{Report, WarningKind};
use serde_json::Value;
use std::path::Path;

/// Where the fixtures are.
const DIR: &str = "tests/data/layouts";

/// What one master's report must export.
struct Master {
    district: Option<&'static str>,
    city: Option<&'static str>,
    review_year: Option<u64>,
    plan_year: Option<u64>,
    tables: &'static [Table],
}

/// One indicator table of a master.
struct Table {
    /// The caption, compared with all white space removed (`表1  2023年…` in text, `表1&nbsp;&nbsp;`
    /// in html, `表 1 2023 年` from pdftotext); `None` where the table has no caption to check.
    caption: Option<&'static str>,
    kind: &'static str,
    year: u64,
    /// One row per line, fields separated by `|`, `~` for null:
    /// `category|seq|name|unit|parent|binding|target|actual|actual_other|target_revised|status|gap`,
    /// binding written `约` (true), `预` (false) or `~`.
    rows: &'static str,
}

/// 铜梁区 2023: 类别 rowspan, 属性 column, `完成情况` over `绝对值 | 增速` (the 增速 cell is the
/// actual for growth targets, the 绝对值 cell for levels).
const TONGLIANG: Master = Master {
    district: Some("铜梁区"),
    city: Some("重庆市"),
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("表1  2023年铜梁区国民经济和社会发展主要指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            经济发展|~|地区生产总值|亿元|~|预|7%左右|6.6%|1142.6|~|met|-0.4
            经济发展|~|规模以上工业增加值增速|%|~|预|8以上|9.2|-|~|met|1.2
            经济发展|~|固定资产投资增速|%|~|预|10|4.1|-|~|missed|-5.9
            经济发展|~|社会消费品零售总额|亿元|~|预|增长6.5%|7.1%|512.3|~|met|0.6
            经济发展|~|一般公共预算收入|亿元|~|预|52亿元|50.8亿元|3.5%|~|missed|-1.2
            民生保障|~|城镇调查失业率|%|~|预|≤5.5|5.2|-|~|met|0.3
            民生保障|~|城镇新增就业|万人|~|预|2.2|2.35|-|~|met|0.15
            民生保障|~|全体居民人均可支配收入|元|~|预|增长7%|6.2%|34560|~|missed|-0.8
            民生保障|~|农村居民人均可支配收入|元|全体居民人均可支配收入|预|增长8%|7.4%|23010|~|missed|-0.6
            民生保障|~|常住人口城镇化率|%|~|预|提高1个百分点|62.4|-|~|unassessed|~
            绿色发展|~|单位地区生产总值能耗降低率|%|~|约|3|预计3.2|-|~|met|0.2
            绿色发展|~|森林覆盖率|%|~|约|50.5|50.6|-|~|met|0.1
            绿色发展|~|空气质量优良天数比例|%|~|约|≥88|86.3|-|~|missed|-1.7
        ",
    }],
};

/// 吴兴区 2023: `*` marks binding rows (note `注：带*为约束性指标`), `#` sub-rows sit under a
/// binding row, units in the cells.
const WUXING: Master = Master {
    district: Some("吴兴区"),
    city: Some("湖州市"),
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("表1  2023年吴兴区国民经济和社会发展主要指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            ~|1|地区生产总值增速|%|~|预|6.5以上|6.8|~|~|met|0.3
            ~|2|规模以上工业增加值|亿元|~|预|增长8%|9.1%|~|~|met|1.1
            ~|3|固定资产投资|亿元|~|预|720亿元|698.5亿元|~|~|missed|-21.5
            ~|4|一般公共预算收入|亿元|~|预|60.2亿元左右|60.16亿元|~|~|met|-0.04
            ~|5|社会消费品零售总额增速|%|~|预|7%左右|6.4|~|~|missed|-0.6
            ~|6|研发经费支出占地区生产总值比重|%|~|预|提高0.2个百分点|提高0.25个百分点|~|~|met|0.05
            ~|7|常住人口城镇化率|%|~|预|提高1个百分点|71.8|~|~|unassessed|~
            ~|8|城镇调查失业率|%|~|预|5.5%以内|预计3.2|~|~|met|2.3
            ~|9|单位地区生产总值能耗降低|%|~|约|完成上级下达目标|完成|~|~|met|~
            ~|10|主要污染物减排|%|~|约|完成上级下达目标|4.1|~|~|unassessed|~
            ~|~|化学需氧量|~|主要污染物减排|约|--|--|~|~|unassessed|~
            ~|~|氨氮|~|主要污染物减排|约|——|/|~|~|unassessed|~
            ~|11|PM2.5平均浓度|微克/立方米|~|约|≤30|28|~|~|met|2
            ~|12|城乡居民收入比|~|~|预|≤1.65|1.64|~|~|met|0.01
        ",
    }],
};

/// 南浔区 2023, a fragment with no title: district and review year from the caption, no plan
/// year. Targets are growth rates (`预期目标（增速）`), so the actual is the 增速 cell.
const NANXUN: Master = Master {
    district: Some("南浔区"),
    city: None,
    review_year: Some(2023),
    plan_year: None,
    tables: &[Table {
        caption: Some("表1：2023年南浔区主要指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            ~|~|地区生产总值|亿元|~|~|6左右|6.3|960.5|~|met|0.3
            ~|~|规模以上工业增加值|亿元|~|~|8|7.6|310.2|~|missed|-0.4
            ~|~|固定资产投资|亿元|~|~|8以上|-2.1|--|~|missed|-10.1
            ~|~|工业投资|亿元|固定资产投资|~|10|12.5|--|~|met|2.5
            ~|~|社会消费品零售总额|亿元|~|~|6.5|预计6.5|289.7|~|met|0
            ~|~|一般公共预算收入|亿元|~|~|5|4.6|58.3|~|missed|-0.4
            ~|~|城镇居民人均可支配收入|元|~|~|5.5|5.1|78560|~|missed|-0.4
            ~|~|农村居民人均可支配收入|元|~|~|6.5以上|7.0|49320|~|met|0.5
            ~|~|外贸出口总额|亿元|~|~|5|——|215.0|~|unassessed|~
        ",
    }],
};

/// 宜都市 2023: 属性 spans rows and is written once; one name split over two cells; a revised
/// target in its cell (judged against the revision, SCHEMA `target_revised` and `gap`).
const YIDU: Master = Master {
    district: Some("宜都市"),
    city: Some("宜昌市"),
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("表1 2023年宜都市主要经济社会发展指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            ~|~|地区生产总值增速|%|~|预|增长7%|6.2|~|6%左右|met|0.2
            ~|~|规模以上工业增加值增速|%|~|预|9|10.3|~|~|met|1.3
            ~|~|固定资产投资增速|%|~|预|10以上|预计8.6|~|~|missed|-1.4
            ~|~|外贸进出口总额|亿元|~|预|95|—|~|~|unassessed|~
            ~|~|居民人均可支配收入增速|%|~|预|7.5|7.5|~|~|met|0
            ~|~|单位地区生产总值能耗降低率|%|~|约|3|3.4|~|~|met|0.4
            ~|~|地表水考核断面达标率|%|~|约|100|100|~|~|met|0
            ~|~|森林覆盖率|%|~|约|不低于55|55.2|~|~|met|0.2
        ",
    }],
};

/// 仁寿县 2023 表 under a bare caption (no 表N).
const RENSHOU_REVIEW: Table = Table {
    caption: Some("2023年主要指标完成情况"),
    kind: "review",
    year: 2023,
    rows: "
        ~|~|地区生产总值增速|%|~|预|7|6.9|~|~|missed|-0.1
        ~|~|一般公共预算收入增速|%|~|预|6以上|8.7|~|~|met|2.7
        ~|~|城镇居民人均可支配收入|元|~|预|46500|46210|~|~|missed|-290
        ~|~|农村居民人均可支配收入|元|~|预|增长8%|增长8.1%|~|~|met|0.1
        ~|~|城镇调查失业率|%|~|预|5.5%以内|5.6|~|~|missed|-0.1
        ~|~|粮食产量|万吨|~|约|完成上级下达目标|完成上级下达目标|~|~|met|~
        ~|~|耕地保有量|万亩|~|约|≥118.6|118.6|~|~|met|0
        ~|~|单位地区生产总值二氧化碳排放降低|%|~|约|完成省下达目标|4.2|~|~|unassessed|~
    ",
};

/// 仁寿县 2023: the review table under a bare caption, and a plan table with no caption after
/// `（见下表）`.
const RENSHOU: Master = Master {
    district: Some("仁寿县"),
    city: Some("眉山市"),
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[
        RENSHOU_REVIEW,
        Table {
            caption: None,
            kind: "plan",
            year: 2024,
            rows: "
                ~|~|地区生产总值增速|%|~|预|6.5左右|~|~|~|~|~
                ~|~|一般公共预算收入增速|%|~|预|6|~|~|~|~|~
                ~|~|城镇调查失业率|%|~|预|5.5以内|~|~|~|~|~
                ~|~|粮食产量|万吨|~|约|54.2|~|~|~|~|~
                ~|~|森林覆盖率|%|~|约|43.5|~|~|~|~|~
                ~|~|化肥使用量|万吨|~|约|/|~|~|~|~|~
            ",
        },
    ],
};

/// The review part of 仁寿县's report as a fragment with no title and a caption that names no
/// district: the year comes from the heading `一、2023年…`; district, city and plan year are null
/// (and a warning says so).
const RENSHOU_FRAGMENT: Master = Master {
    district: None,
    city: None,
    review_year: Some(2023),
    plan_year: None,
    tables: &[RENSHOU_REVIEW],
};

/// 江津区 2023, a Markdown report whose table is raw HTML (as pandoc writes a table with merged
/// cells): 类别 `rowspan` over its rows, `完成情况` `colspan` over `绝对值 | 增速`, a `<caption>`.
const JIANGJIN: Master = Master {
    district: Some("江津区"),
    city: Some("重庆市"),
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("表1 2023年江津区主要指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            经济发展|~|地区生产总值|亿元|~|~|增长6%左右|5.8%|1285.4|~|met|-0.2
            经济发展|~|规模以上工业增加值增速|%|~|~|8以上|8.6|-|~|met|0.6
            经济发展|~|社会消费品零售总额|亿元|~|~|增长7%|7.3%|520.1|~|met|0.3
            民生保障|~|居民人均可支配收入|元|~|~|增长6.5%|6.1%|38120|~|missed|-0.4
            民生保障|~|农村居民人均可支配收入|元|居民人均可支配收入|~|增长7.5%|7.8%|22340|~|met|0.3
            民生保障|~|城镇调查失业率|%|~|~|≤5.5|5.1|-|~|met|0.4
            绿色发展|~|森林覆盖率|%|~|~|57|57.3|-|~|met|0.3
        ",
    }],
};

/// 璧山区 2023, written by hand as `pdftotext -layout` prints a table whose rows are centred on
/// their wrapped names: 完成 before 目标, a unit column one space from the name, a revision
/// wrapped under its target (`增长 5%（后调整为` / `3%左右）`), 属性 last.
const BISHAN: Master = Master {
    district: Some("璧山区"),
    city: None,
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("表2 2023年璧山区主要经济指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            ~|1|地区生产总值增速|%|~|预|7左右|6.8|~|~|met|-0.2
            ~|2|规模以上工业增加值增速|%|~|预|10以上|10.2|~|~|met|0.2
            ~|3|固定资产投资增速|%|~|预|8|-3.5|~|~|missed|-11.5
            ~|4|一般公共预算收入|亿元|~|预|增长5%|56.2亿元|~|3%左右|unassessed|~
            ~|5|城镇常住居民人均可支配收入|元|~|预|增长6%|51230|~|~|unassessed|~
            ~|6|单位地区生产总值能耗降低率|%|~|约|完成市下达目标|预计3.1|~|~|unassessed|~
            ~|7|森林覆盖率|%|~|约|48以上|48.2|~|~|met|0.2
        ",
    }],
};

/// 大足区 2022, a web page written by hand: a review table whose header spans two rows
/// (`2022年` over `目标 | 实际`, 指标, 单位 and 完成情况 spanning both) with a verdict column, and a
/// plan table (`2022年预计 | 2023年预期目标 | 指标属性`) after a heading.
const DAZU: Master = Master {
    district: Some("大足区"),
    city: Some("重庆市"),
    review_year: Some(2022),
    plan_year: Some(2023),
    tables: &[
        Table {
            // The sentence right above the table (`…完成情况如下：`), not the chapter heading.
            caption: Some("区十九届人大二次会议确定的主要指标完成情况"),
            kind: "review",
            year: 2022,
            rows: "
                ~|~|地区生产总值增长|%|~|~|6.5|3.9|~|~|missed|-2.6
                ~|~|规模以上工业增加值增长|%|~|~|8|6.1|~|~|missed|-1.9
                ~|~|一般公共预算收入|亿元|~|~|40|41.2|~|~|met|1.2
                ~|~|城镇调查失业率|%|~|~|5.5以内|5.3|~|~|met|0.2
                ~|~|单位地区生产总值能耗降低|%|~|~|完成市下达任务|完成|~|~|met|~
            ",
        },
        Table {
            caption: None,
            kind: "plan",
            year: 2023,
            rows: "
                ~|1|地区生产总值|亿元|~|预|增长6%左右|~|~|~|~|~
                ~|2|城乡居民人均可支配收入增长|%|~|预|与经济增长基本同步|~|~|~|~|~
                ~|3|单位GDP能耗降低|%|~|约|完成市下达任务|~|~|~|~|~
            ",
        },
    ],
};

/// 兴文县 2023, a county page in GBK under a site menu: a title with neither `关于` nor `报告`, the
/// caption as the table's first row spanning all columns, 类别 spanning rows with a `<br>` inside,
/// a `其中：` sub-row, `增减(±)` after the result, growth targets and results with their words.
const XINGWEN: Master = Master {
    district: Some("兴文县"),
    city: None,
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("兴文县2023年主要经济指标完成情况表"),
        kind: "review",
        year: 2023,
        rows: "
            经济增长|~|地区生产总值|亿元|~|~|增长7%|增长5.2%|~|~|missed|-1.8
            经济增长|~|第二产业增加值|亿元|地区生产总值|~|增长8%|增长6.1%|~|~|missed|-1.9
            经济增长|~|固定资产投资|亿元|~|~|增长10%|增长12.3%|~|~|met|2.3
            人民生活|~|城镇居民人均可支配收入|元|~|~|增长6.5%|增长5.1%|~|~|missed|-1.4
            人民生活|~|农村居民人均可支配收入|元|~|~|增长8%|增长7.9%|~|~|missed|-0.1
            资源环境|~|森林覆盖率|%|~|~|52.1|52.3|~|~|met|0.2
        ",
    }],
};

/// 合川区 2023: `<thead>` of `<th>`, section rows spanning the whole table (`一、经济发展`) giving the
/// category of the rows under them though the table has no 类别 column (in pipe rows, which know
/// no spans, the heading stands alone in the first cell), 约束性 written in 备注.
const HECHUAN: Master = Master {
    district: Some("合川区"),
    city: None,
    review_year: Some(2023),
    plan_year: Some(2024),
    tables: &[Table {
        caption: Some("附表：合川区2023年国民经济和社会发展主要指标完成情况"),
        kind: "review",
        year: 2023,
        rows: "
            经济发展|~|地区生产总值增长|%|~|~|6.5|6.2|~|~|missed|-0.3
            经济发展|~|工业增加值增长|%|~|~|9|10.1|~|~|met|1.1
            民生福祉|~|居民人均可支配收入增长|%|~|~|6.5|5.9|~|~|missed|-0.6
            民生福祉|~|城镇新增就业人数|万人|~|~|2.5|2.72|~|~|met|0.22
            绿色低碳|~|PM2.5平均浓度|微克/立方米|~|约|≤35|36|~|~|missed|-1
        ",
    }],
};

/// Every fixture with rows: its file, its master, and the export's `format` and rows' `layout`.
/// `yidu.image.html` (no rows) has its own test.
macro_rules! fixtures {
    ($($test:ident: $file:literal => $master:ident, $format:literal, $layout:literal;)*) => {
        /// Every fixture with rows: file, master's name, format, layout.
        const FIXTURES: &[(&str, &str, &str, &str)] = &[$(($file, stringify!($master), $format, $layout)),*];
        $(
            #[test]
            fn $test() {
                check_fixture($file, &$master, $format, $layout);
            }
        )*
    };
}

fixtures! {
    tongliang_html: "tongliang.html" => TONGLIANG, "html", "html";
    tongliang_docx: "tongliang.docx" => TONGLIANG, "docx", "docx";
    tongliang_gfm: "tongliang.gfm.md" => TONGLIANG, "text", "pipe";
    tongliang_w3m: "tongliang.w3m.txt" => TONGLIANG, "text", "boxed";
    tongliang_ascii: "tongliang.ascii.txt" => TONGLIANG, "text", "boxed";
    tongliang_paste: "tongliang.paste.txt" => TONGLIANG, "text", "tab";
    tongliang_lynx: "tongliang.lynx.txt" => TONGLIANG, "text", "aligned";
    wuxing_gbk_html: "wuxing.gbk.html" => WUXING, "html", "html";
    wuxing_gfm: "wuxing.gfm.md" => WUXING, "text", "pipe";
    wuxing_stream_blank: "wuxing.stream-blank.txt" => WUXING, "text", "stream";
    wuxing_stream_vanish: "wuxing.stream-vanish.txt" => WUXING, "text", "stream";
    wuxing_oneline: "wuxing.oneline.txt" => WUXING, "text", "aligned";
    nanxun_pipe: "nanxun.pipe.md" => NANXUN, "text", "pipe";
    nanxun_first: "nanxun.first.txt" => NANXUN, "text", "tab";
    nanxun_flat: "nanxun.flat.txt" => NANXUN, "text", "stream";
    yidu_html: "yidu.html" => YIDU, "html", "html";
    yidu_docx: "yidu.docx" => YIDU, "docx", "docx";
    yidu_gfm: "yidu.gfm.md" => YIDU, "text", "pipe";
    yidu_paste: "yidu.paste.txt" => YIDU, "text", "tab";
    renshou_html: "renshou.html" => RENSHOU, "html", "html";
    renshou_gfm: "renshou.gfm.md" => RENSHOU, "text", "pipe";
    renshou_fragment: "renshou.fragment.txt" => RENSHOU_FRAGMENT, "text", "aligned";
    jiangjin_raw_html: "jiangjin.rawhtml.md" => JIANGJIN, "text", "html";
    bishan_pdftotext: "bishan.pdftotext.txt" => BISHAN, "text", "aligned";
    dazu_html: "dazu.html" => DAZU, "html", "html";
    dazu_pdftotext: "dazu.pdftotext.txt" => DAZU, "text", "aligned";
    dazu_plain: "dazu.plain.txt" => DAZU, "text", "aligned";
    dazu_pandoc_markdown: "dazu.pandoc.md" => DAZU, "text", "aligned";
    dazu_lynx: "dazu.lynx.txt" => DAZU, "text", "aligned";
    xingwen_gbk_html: "xingwen.gbk.html" => XINGWEN, "html", "html";
    hechuan_html: "hechuan.html" => HECHUAN, "html", "html";
    hechuan_gfm: "hechuan.gfm.md" => HECHUAN, "text", "pipe";
}

/// One fixture read through the public pipeline: the report, and its object in the JSON export;
/// a file that does not load gives its error.
fn try_load(file: &str) -> Result<(Report, Value), String> {
    let path = Path::new(DIR).join(file);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let report = corpus::load_bytes(file, &bytes).map_err(|e| e.to_string())?;
    let json = ExportDocument::new(std::slice::from_ref(&report)).to_json();
    let mut doc: Value =
        serde_json::from_str(&json).map_err(|e| format!("{file}: export is not JSON: {e}"))?;
    let exported = doc["reports"][0].take();
    Ok((report, exported))
}

/// [`try_load`], failing the test when the file does not load.
fn load(file: &str) -> (Report, Value) {
    try_load(file).unwrap_or_else(|e| panic!("{e}"))
}

/// A JSON string or null as the expectation writes it (`~` for null).
fn field(value: &Value) -> String {
    match value {
        Value::Null => "~".to_owned(),
        Value::String(s) => s.clone(),
        Value::Bool(true) => "约".to_owned(),
        Value::Bool(false) => "预".to_owned(),
        // Gaps are rounded by the analysis; the rounding here only hides float noise.
        Value::Number(n) => format!("{}", (n.as_f64().unwrap_or(f64::NAN) * 1e9).round() / 1e9 + 0.0),
        other => other.to_string(),
    }
}

/// One exported row in the expectation's notation.
fn row_line(row: &Value) -> String {
    let keys = [
        "category",
        "seq",
        "name",
        "unit",
        "parent",
        "binding",
        "target",
        "actual",
        "actual_other",
        "target_revised",
        "status",
        "gap",
    ];
    keys.iter().map(|key| field(&row[*key])).collect::<Vec<_>>().join("|")
}

/// The expected rows of a master, in document order, each with its table.
fn expected_rows(master: &Master) -> Vec<(&'static Table, &'static str)> {
    master
        .tables
        .iter()
        .flat_map(|table| {
            table.rows.lines().map(str::trim).filter(|l| !l.is_empty()).map(move |line| (table, line))
        })
        .collect()
}

/// Text without white space (ASCII, ideographic and no-break spaces), for comparing captions.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts the report-level fields and every row of `file` against `master`.
fn check_fixture(file: &str, master: &Master, format: &str, layout: &str) {
    let (loaded, report) = load(file);
    if master.district.is_none() {
        assert!(!loaded.warnings.is_empty(), "{file}: no warning says the district is unknown");
    }
    assert_eq!(report["format"], format, "{file}: format");
    let title = |key: &str| report[key].clone();
    assert_eq!(title("district"), serde_json::json!(master.district), "{file}: district");
    assert_eq!(title("city"), serde_json::json!(master.city), "{file}: city");
    assert_eq!(title("review_year"), serde_json::json!(master.review_year), "{file}: review_year");
    assert_eq!(title("plan_year"), serde_json::json!(master.plan_year), "{file}: plan_year");

    let rows = report["indicators"].as_array().cloned().unwrap_or_default();
    let expected = expected_rows(master);
    let got: Vec<String> = rows.iter().map(row_line).collect();
    let want: Vec<&str> = expected.iter().map(|(_, line)| *line).collect();
    assert_eq!(
        got, want,
        "{file}: rows (category|seq|name|unit|parent|binding|target|actual|actual_other|target_revised|status|gap)"
    );

    for (row, (table, line)) in rows.iter().zip(&expected) {
        assert_eq!(row["layout"], layout, "{file}: layout of {line}");
        assert_eq!(row["kind"], table.kind, "{file}: kind of {line}");
        assert_eq!(row["year"], table.year, "{file}: year of {line}");
        if let Some(caption) = table.caption {
            let got = row["table"].as_str().unwrap_or_default();
            assert_eq!(squeeze(got), squeeze(caption), "{file}: table of {line}");
        }
    }
}

#[test]
fn derived_forms_of_each_master_give_identical_rows() {
    let rows = |file: &str| -> Result<Vec<String>, String> {
        let (_, exported) = try_load(file)?;
        Ok(exported["indicators"]
            .as_array()
            .map(|rows| rows.iter().map(row_line).collect())
            .unwrap_or_default())
    };
    let mut differ = Vec::new();
    let mut masters: Vec<&str> = FIXTURES.iter().map(|(_, master, ..)| *master).collect();
    masters.dedup();
    for master in masters {
        let forms: Vec<&str> =
            FIXTURES.iter().filter(|(_, m, ..)| *m == master).map(|(file, ..)| *file).collect();
        let first = rows(forms[0]);
        for file in &forms[1..] {
            if rows(file) != first {
                differ.push(format!("{master}: {file} differs from {}", forms[0]));
            }
        }
    }
    assert!(differ.is_empty(), "{differ:#?}");
}

#[test]
fn an_image_only_table_gives_no_rows_and_a_warning_naming_it() {
    let (report, exported) = load("yidu.image.html");
    assert_eq!(exported["format"], "html");
    assert_eq!(exported["district"], "宜都市");
    assert_eq!(exported["city"], "宜昌市");
    assert_eq!((exported["review_year"].as_u64(), exported["plan_year"].as_u64()), (Some(2023), Some(2024)));
    assert_eq!(exported["indicators"], serde_json::json!([]), "an image is not rows");
    let caption = "2023年宜都市主要经济社会发展指标完成情况";
    assert!(
        report.warnings.iter().any(|w| matches!(&w.kind, WarningKind::ImageTable { caption: c, images }
            if squeeze(c).contains(caption) && images.iter().any(|i| i.contains("1.jpeg")))),
        "a warning names the image-only table: {:?}",
        report.warnings
    );
}

/// `pdftotext -layout` of the 铜梁区 PDF draws each row over several lines (names and 类别 cells
/// wrapped around the line of values), its cells sometimes one space apart and far from their
/// titles, spaces put between CJK and digits. Every row and value reads as the page has them. One
/// thing the text cannot tell is where a merged 类别 cell's rows begin: LibreOffice printed
/// 民生保障 beside the first of its rows but 绿色发展 beside the middle one, so the first row under
/// 绿色发展 (单位地区生产总值能耗降低率) reads as the one above it, 民生保障.
#[test]
fn a_pdftotext_table_with_rows_over_several_lines_reads_every_value() {
    let (_, exported) = load("tongliang.pdftotext.txt");
    assert_eq!(exported["district"], "铜梁区");
    let expected: Vec<String> = expected_rows(&TONGLIANG)
        .into_iter()
        .map(|(_, line)| match line.starts_with("绿色发展|~|单位地区生产总值能耗降低率") {
            true => line.replacen("绿色发展", "民生保障", 1),
            false => line.to_owned(),
        })
        .collect();
    let rows = exported["indicators"].as_array().expect("indicators");
    let got: Vec<String> = rows.iter().map(row_line).collect();
    assert_eq!(got, expected);
    for row in rows {
        assert_eq!(row["layout"], "aligned");
        assert_eq!(
            squeeze(row["table"].as_str().unwrap_or("")),
            "表12023年铜梁区国民经济和社会发展主要指标完成情况"
        );
    }
}

#[test]
fn every_fixture_file_is_tested() {
    let listed: Vec<&str> = FIXTURES
        .iter()
        .map(|(file, ..)| *file)
        .chain(["yidu.image.html", "tongliang.pdftotext.txt"])
        .collect();
    let mut untested = Vec::new();
    for entry in std::fs::read_dir(DIR).expect("fixture folder") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if !name.ends_with("README.md") && name != "ROUNDTRIP.md" && !listed.contains(&name.as_str()) {
            untested.push(name);
        }
    }
    assert!(untested.is_empty(), "fixtures without a test: {untested:?}");
}

#[test]
fn the_fixtures_are_small_and_name_no_sample_district() {
    for (file, ..) in FIXTURES {
        let bytes = std::fs::read(Path::new(DIR).join(file)).expect("fixture");
        assert!(bytes.len() < 16 * 1024, "{file} is {} bytes", bytes.len());
        let text = String::from_utf8_lossy(&bytes);
        for sample in ["綦江", "涪陵", "荣昌"] {
            assert!(!text.contains(sample), "{file} names {sample}");
        }
    }
}
