//! Indicator tables of the five sample reports, checked against lists written by reading the
//! documents (examples/reports/*.txt), and the parser's behaviour on damaged tables.

use plangap::corpus;
use plangap::model::{IndicatorRow, IndicatorTable, Report, Status, TableKind, WarningKind};
use plangap::parse::table::parse_tables;
use plangap::parse::{LinedText, parse_report};
use std::sync::LazyLock;

static REPORTS: LazyLock<Vec<Report>> = LazyLock::new(|| {
    let corpus = corpus::load_embedded();
    assert!(corpus.failures.is_empty(), "{:?}", corpus.failures);
    corpus.reports
});

const QIJIANG_2022: &str = "000_";
const FULING_2022: &str = "001_";
const QIJIANG_2020: &str = "002_";
const RONGCHANG_2022: &str = "003_";
const QIJIANG_2024: &str = "004_";

fn report(prefix: &str) -> &'static Report {
    REPORTS.iter().find(|r| r.file.contains(prefix)).unwrap_or_else(|| panic!("no report {prefix}"))
}

fn table(prefix: &str, caption: &str) -> &'static IndicatorTable {
    let report = report(prefix);
    report.tables.iter().find(|t| t.caption.starts_with(caption)).unwrap_or_else(|| {
        let captions: Vec<&str> = report.tables.iter().map(|t| t.caption.as_str()).collect();
        panic!("{prefix}: no table {caption}; tables: {captions:?}")
    })
}

/// Expected rows, one per line, fields separated by `|`.
fn expected(text: &str) -> Vec<Vec<&str>> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| l.split('|').collect()).collect()
}

fn opt(field: &str) -> Option<&str> {
    (!field.is_empty()).then_some(field)
}

/// Checks the category column: a non-empty expected category starts a new one, an empty one
/// carries the one above (the SCHEMA rule), as the document's merged cells read.
fn check_categories(table: &IndicatorTable, categories: &[&str]) {
    let mut current = "";
    for (row, category) in table.rows.iter().zip(categories) {
        if !category.is_empty() {
            current = category;
        }
        assert_eq!(row.category.as_deref(), Some(current), "category of {}", row.raw_name);
    }
}

fn actual(row: &IndicatorRow) -> Option<&str> {
    row.actual.as_ref().map(|v| &*v.raw)
}

fn actual_other(row: &IndicatorRow) -> Option<&str> {
    row.actual_other.as_ref().map(|v| &*v.raw)
}

fn table_list(report: &Report) -> Vec<(usize, &str, TableKind, Option<u16>, usize)> {
    report.tables.iter().map(|t| (t.line, t.caption.as_str(), t.kind, t.year, t.rows.len())).collect()
}

#[test]
fn every_report_has_exactly_its_indicator_tables() {
    use TableKind::{Plan, Review};
    assert_eq!(
        table_list(report(QIJIANG_2022)),
        [(102, "专栏3：2023年国民经济和社会发展主要指标计划", Plan, Some(2023), 23)]
    );
    assert_eq!(
        table_list(report(FULING_2022)),
        [
            (14, "表1  2022年国民经济和社会发展计划指标完成情况", Review, Some(2022), 38),
            (237, "表2：2023年国民经济和社会发展计划草案", Plan, Some(2023), 38),
        ]
    );
    assert_eq!(
        table_list(report(QIJIANG_2020)),
        [
            (63, "专栏3：2020年国民经济和社会发展主要指标完成情况", Review, Some(2020), 25),
            (281, "专栏4：2021年国民经济和社会发展主要指标计划", Plan, Some(2021), 23),
        ]
    );
    assert_eq!(
        table_list(report(RONGCHANG_2022)),
        [(91, "表1  2022年国民经济和社会发展主要计划目标完成情况", Review, Some(2022), 12)]
    );
    assert_eq!(
        table_list(report(QIJIANG_2024)),
        [
            (14, "专栏1：2024年国民经济和社会发展计划指标完成情况", Review, Some(2024), 25),
            (340, "专栏15：2025年国民经济和社会发展主要指标计划", Plan, Some(2025), 23),
        ]
    );
}

#[test]
fn the_sample_reports_read_without_table_warnings() {
    for report in REPORTS.iter() {
        assert!(report.warnings.is_empty(), "{}: {:?}", report.file, report.warnings);
    }
}

/// 涪陵区 2022 表1: 序号 | 指标名称 | 2022年预期目标 | 2022年完成情况.
const FULING_2022_REVIEW: &str = "
    1|地区生产总值增速（%）|6.5|2.6
    2|农业增加值增速（%）|5|3.7
    3|规上工业增加值增速（%）|8|2
    4|建筑业增加值增速（%）|1|4.4
    5|战略性新兴产业产值占规上工业产值比重（%）|32|29.5
    6|制造业增加值占地区生产总值比重（%）|36|36.1
    7|新增高新技术企业数量（家）|50|79
    8|新增市级以上研发机构（个）|5|7
    9|全社会研发经费投入强度（%）|2.55|预计2.25
    10|万人发明专利拥有量（件）|8|6.25
    11|科技进步贡献率（%）|58.5|58.5
    12|数字经济规模（亿元）|350|400
    13|新发展市场主体（万户）|1.2|1.4
    14|民营经济增加值占地区生产总值比重（%）|63|预计64以上
    15|服务业增加值增速（%）|6.5|3.1
    16|固定资产投资增速（%）|7|2.3
    17|社会消费品零售总额增速（%）|8|0.7
    18|进出口总额增速（%）|15|12
    19|涪陵至钦州铁海联运发送箱量增长（%）|15|183
    20|实际利用外资（亿美元）|2|不再统计
    21|一般公共预算收入扣除留抵退税因素后增速（%）|4|2.6
    |其中：税收收入扣除留抵退税因素后增速（%）|8|3.3
    22|常住人口城镇化率（%）|72.5|预计73.5
    23|全体居民人均可支配收入增速（%）|7.5|7.8
    |其中：农村居民人均可支配收入增速（%）|8|6.6
    24|新增城镇就业（万人）|2|2.7
    25|城镇调查失业率（%）|≤5.5|5
    26|空气质量优良天数（天）*|≥330|326
    27|国家考核断面水质优良比例（%）*|100|100
    28|森林覆盖率（%）*|53|52
    29|单位GDP能耗降低（%）*|3.3|预计1.1
    30|主要污染物排放量下降（%）*|完成市上下达任务|预计完成市上下达任务
    |#化学需氧量||
    |#二氧化硫||
    |#氮氧||
    |#氮氧化物||
    31|粮食产量（万吨）*|≥43|44.4
    32|群众安全感指数（%）*|≥99|99.5
";

#[test]
fn fuling_2022_review_table_cells() {
    let table = table(FULING_2022, "表1");
    let expected = expected(FULING_2022_REVIEW);
    assert_eq!(table.rows.len(), expected.len());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(row.seq.as_deref(), opt(want[0]), "seq of {}", want[1]);
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(&*row.target.raw, want[2], "target of {}", want[1]);
        assert_eq!(actual(row), Some(want[3]), "actual of {}", want[1]);
        assert_eq!(row.actual_other, None);
        assert_eq!(row.category, None, "the table has no 类别 column");
        let binding = want[1].contains('*') || want[1].starts_with('#');
        assert_eq!(row.binding, Some(binding), "binding of {} (# rows sit under a binding row)", want[1]);
    }
}

#[test]
fn fuling_2022_review_names_units_and_parents() {
    let table = table(FULING_2022, "表1");
    let row =
        |name: &str| table.rows.iter().find(|r| &*r.name == name).unwrap_or_else(|| panic!("no row {name}"));
    let first = &table.rows[0];
    assert_eq!((&*first.name, first.unit.as_deref(), first.line), ("地区生产总值增速", Some("%"), 26));
    assert_eq!(row("新增高新技术企业数量").unit.as_deref(), Some("家"));
    assert_eq!(row("数字经济规模").unit.as_deref(), Some("亿元"));
    assert_eq!(row("空气质量优良天数").unit.as_deref(), Some("天"));
    let tax = row("税收收入扣除留抵退税因素后增速");
    assert_eq!(tax.parent.as_deref(), Some("一般公共预算收入扣除留抵退税因素后增速"));
    assert_eq!(tax.line, 131);
    assert_eq!(row("农村居民人均可支配收入增速").parent.as_deref(), Some("全体居民人均可支配收入增速"));
    for name in ["化学需氧量", "二氧化硫", "氮氧", "氮氧化物"] {
        let sub = row(name);
        assert_eq!(sub.parent.as_deref(), Some("主要污染物排放量下降"), "{name}");
        assert_eq!(sub.binding, Some(true), "{name} sits under a binding row");
        assert_eq!(sub.unit, None);
    }
    assert!(table.rows.iter().filter(|r| r.parent.is_none()).all(|r| r.seq.is_some()));
}

#[test]
fn fuling_2022_note_deems_the_fiscal_rows_met() {
    let table = table(FULING_2022, "表1");
    let judged: Vec<(&str, Status, usize)> = table
        .rows
        .iter()
        .filter_map(|r| r.judgement.as_ref().map(|j| (&*r.name, j.status, j.line)))
        .collect();
    assert_eq!(
        judged,
        [
            ("一般公共预算收入扣除留抵退税因素后增速", Status::Met, 217),
            ("税收收入扣除留抵退税因素后增速", Status::Met, 217),
        ]
    );
    let evidence = &table.rows[20].judgement.as_ref().unwrap().evidence;
    assert!(evidence.contains("调整为增长0.1%、1%，视为完成"), "{evidence}");
}

/// 涪陵区 2023 plan, 表2: 序号 | 指标名称 | 2023年预期目标 (a row number split from its row at 29).
const FULING_2023_PLAN: &str = "
    1|地区生产总值增速（%）|6.5
    2|农业增加值增速（%）|5
    3|规上工业增加值增速（%）|8.5
    4|战略性新兴产业产值增速（%）|15
    5|规上工业利润增速（%）|3
    6|累计数字经济核心产业企业数量（户）|100
    7|新发展市场主体数量（万户）|≥1
    8|服务业增加值增速（%）|5.5
    9|固定资产投资增速（%）|10
    |其中：民间投资增速（%）|12
    10|社会消费品零售总额增速（%）|6.5
    11|全社会研发经费投入增速（%）|10
    12|万人发明专利拥有量（件）增长（%）|10
    13|新培育市级以上研发机构（家）|5
    14|新增高新技术企业数量（家）|≥30
    15|新增科技型企业数量（家）|≥100
    16|民营经济占GDP比重（%）|64.5
    17|一般公共预算收入增速（%）|8.5
    |其中：税收增速（%）|10
    18|进出口总值增速（%）|5
    19|涪陵至钦州铁海联运发送箱量增长（%）|15
    20|实际使用外资（万美元）|3000
    21|全体居民人均可支配收入增速（%）|快于经济增速
    |其中：农村居民人均可支配收入增速（%）|
    22|新增城镇就业（万人）|2
    23|城镇调查失业率（%）|5.5以内
    24|常住人口城镇化率（%）|74
    25|空气质量优良天数（天）*|≥330
    26|国家考核断面水质优良比例（%）*|100
    27|单位地区生产总值能耗下降（%）*|完成市级下达目标
    28|单位地区生产总值二氧化碳排放下降（%）*|完成市级下达目标
    29|主要污染物减排量下降（万吨）*|完成市级下达目标
    |#化学需氧量|
    |#挥发性有机物|
    |#氨氮|
    |#氮氧化物|
    30|粮食产量（万吨）|44
    31|亿元地区生产总值安全事故死亡率（%）*|≤3
";

#[test]
fn fuling_2023_plan_table_cells() {
    let table = table(FULING_2022, "表2");
    let expected = expected(FULING_2023_PLAN);
    assert_eq!(table.rows.len(), expected.len());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(row.seq.as_deref(), opt(want[0]), "seq of {}", want[1]);
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(&*row.target.raw, want[2], "target of {}", want[1]);
        assert_eq!((row.actual.as_ref(), row.actual_other.as_ref()), (None, None));
        assert_eq!(row.binding, Some(want[1].contains('*') || want[1].starts_with('#')), "{}", want[1]);
        assert!(row.judgement.is_none());
    }
    let split = table.rows.iter().find(|r| r.seq.as_deref() == Some("29")).unwrap();
    assert_eq!(
        (&*split.name, split.unit.as_deref(), split.line),
        ("主要污染物减排量下降", Some("万吨"), 369)
    );
    let patents = &table.rows[12];
    assert_eq!((&*patents.name, patents.unit.as_deref()), ("万人发明专利拥有量（件）增长", Some("%")));
    assert_eq!(table.rows[9].parent.as_deref(), Some("固定资产投资增速"));
    assert_eq!(table.rows[18].parent.as_deref(), Some("一般公共预算收入增速"));
    assert!(table.rows[32..36].iter().all(|r| r.parent.as_deref() == Some("主要污染物减排量下降")));
}

/// 綦江区 2020 review, 专栏3: 类别 | 序号 | 指标名称 | 2020年计划目标 | 2020年完成 (绝对值 | 增速).
/// Fields: category | seq | raw name | parent | target | actual | actual_other.
const QIJIANG_2020_REVIEW: &str = "
    发展综合质量效益|1|地区生产总值增速（%）||7.5以上|3%|500.30
    |2|工业增加值增速（%）||9|3.2%|163.41
    |3|数字经济增加值增速（%）||20|20%|—
    |4|固定资产投资增速（%）||10|10%|138.26
    |5|社会消费品零售总额增速（%）||11.2|3%|202.22
    发展综合质量效益|6|财政一般公共预算收入增速（%）||1.4|1.4%|20.45
    ||其中：税收收入增速（%）|财政一般公共预算收入增速|2|-9.5%|13.02
    创新发展|7|R&D经费支出占地区生产总值比重（%）||2.2|2.3|—
    |8|万人发明专利拥有量（件/万人）||2.78|2.43|—
    协调发展|9|民营经济增加值增速（%）||10|3%|308
    |10|常住人口城镇化率（%）||提高1.5个百分点|59.5|—
    绿色发展|11|空气质量优良天数（天）||≥300|339|—
    |12|森林覆盖率（%）||50|48.8|—
    |13|綦河出境水质||Ⅲ类|Ⅱ类|—
    |14|﹟能耗强度下降（%）|能耗“双控”目标|≥3.5|3.5|—
    ||﹟能耗年均增速（%）|能耗“双控”目标|≤3.5|3.5|—
    |15|﹟二氧化硫（%）|主要污染物排放总量减少|完成国家和市下达目标|26.9|—
    ||﹟氮氧化物（%）|主要污染物排放总量减少|完成国家和市下达目标|14.5|—
    ||﹟化学需氧量（%）|主要污染物排放总量减少|完成国家和市下达目标|9.3|—
    ||﹟氨氮（%）|主要污染物排放总量减少|完成国家和市下达目标|4.7|—
    开放发展|16|进出口总额增速（%）||8.5|33.3%|6.47
    |17|实际利用外资增速（%）||5|-82.6%|1172
    共享发展|18|全体居民人均可支配收入增速（%）||9|6.8%|28542
    共享发展|19|城镇新增就业人数（万人）||1.05|1.4|—
    |20|城镇登记失业率（%）||≤4.5|4|—
";

#[test]
fn qijiang_2020_review_two_level_header() {
    let table = table(QIJIANG_2020, "专栏3");
    let expected = expected(QIJIANG_2020_REVIEW);
    assert_eq!(table.rows.len(), expected.len());
    check_categories(table, &expected.iter().map(|w| w[0]).collect::<Vec<_>>());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(row.seq.as_deref(), opt(want[1]), "seq of {}", want[2]);
        assert_eq!(&*row.raw_name, want[2]);
        assert_eq!(row.parent.as_deref(), opt(want[3]), "parent of {}", want[2]);
        assert_eq!(&*row.target.raw, want[4], "target of {}", want[2]);
        assert_eq!(actual(row), Some(want[5]), "actual of {}", want[2]);
        assert_eq!(actual_other(row), Some(want[6]), "actual_other of {}", want[2]);
        assert_eq!(row.binding, None, "no 备注 column and no `*`: the table cannot tell");
    }
    let water = &table.rows[13];
    assert_eq!((&*water.name, water.unit.as_deref()), ("綦河出境水质", None));
    assert_eq!(&*table.rows[14].name, "能耗强度下降");
    assert_eq!(table.rows[8].unit.as_deref(), Some("件/万人"));
}

/// 綦江区 2021 plan, 专栏4: 类别 | 序号 | 指标名称 | 2021年计划目标 | 备注.
/// Fields: category | seq | raw name | parent | target | 备注.
const QIJIANG_2021_PLAN: &str = "
    发展综合质量效益|1|地区生产总值增速（%）||7|预期性
    |2|工业增加值增速（%）||9|预期性
    |3|固定资产投资增速（%）||12|预期性
    |4|社会消费品零售总额增速（%）||10|预期性
    |5|财政一般公共预算收入增速（%）||5.6|预期性
    ||其中：税收收入增速（%）|财政一般公共预算收入增速|6|预期性
    创新发展|6|R&D经费支出占地区生产总值比重（%）||2.5|预期性
    |7|万人发明专利拥有量（件/万人）||2.75|预期性
    协调发展|8|民营经济增加值增速（%）||8|预期性
    |9|常住人口城镇化率（%）||提高1.5个百分点|预期性
    绿色发展|10|空气质量优良天数（天）||≥320|约束性
    |11|森林覆盖率（%）||50%|约束性
    绿色发展|12|綦河出境水质||完成国家和市下达目标|约束性
    |13|﹟二氧化硫（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    ||﹟氮氧化物（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    ||﹟化学需氧量（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    ||﹟氨氮（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    |14|﹟能耗强度下降（%）|能耗“双控”目标|完成国家和市下达目标|约束性
    ||﹟能耗年均增速（%）|能耗“双控”目标|完成国家和市下达目标|约束性
    开放发展|15|进出口总额增速（%）||8.5|预期性
    |16|实际利用外资增速（%）||8|预期性
    共享发展|17|全体居民人均可支配收入增速（%）||8.5|预期性
    |18|城镇新增就业人数（万人）||1.05|预期性
";

#[test]
fn qijiang_2021_plan_table_cells() {
    let table = table(QIJIANG_2020, "专栏4");
    let expected = expected(QIJIANG_2021_PLAN);
    assert_eq!(table.rows.len(), expected.len());
    check_categories(table, &expected.iter().map(|w| w[0]).collect::<Vec<_>>());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(row.seq.as_deref(), opt(want[1]), "seq of {}", want[2]);
        assert_eq!(&*row.raw_name, want[2]);
        assert_eq!(row.parent.as_deref(), opt(want[3]), "parent of {}", want[2]);
        assert_eq!(&*row.target.raw, want[4], "target of {}", want[2]);
        assert_eq!(row.binding, Some(want[5] == "约束性"), "binding of {}", want[2]);
        assert_eq!(row.actual, None);
    }
}

/// 荣昌区 2022 表1: 指标 (numbered in the cell) | 2022年目标 | 2022年完成 | 与目标±.
/// Fields: seq | raw name | name | target | actual | 与目标± | judgement.
const RONGCHANG_2022_REVIEW: &str = "
    1|1﹒地区生产总值|地区生产总值|7.5%左右|2.7%|-4.8个百分点|missed
    2|2﹒工业增加值|工业增加值|8.3%|2.8%|-5.5个百分点|missed
    3|3﹒全社会固定资产投资总额|全社会固定资产投资总额|10.0%|3.2%（预计）|-6.8个百分点|missed
    4|4﹒社会消费品零售总额|社会消费品零售总额|10.0%|0.7%|-9.3个百分点|missed
    5|5﹒一般公共预算收入|一般公共预算收入|3.78%|-15.9%|-19.68个百分点|missed
    6|6﹒进出口总额|进出口总额|5%以上|60.0%|+55个百分点|met
    7|7﹒城镇常住居民人均可支配收入|城镇常住居民人均可支配收入|7.5%|3.6%|-3.9个百分点|missed
    8|8﹒农村常住居民人均可支配收入|农村常住居民人均可支配收入|9.5%|5.1%|-4.4个百分点|missed
    9|9﹒城镇化率|城镇化率|提高1.8个百分点|提高1.8个百分点（预计）|完成|met
    10|10﹒城镇调查失业率|城镇调查失业率|5.5%以内|5.5%以内|完成|met
    11|11﹒粮食总产量|粮食总产量|29万吨左右|28.9万吨|完成|met
    12|12﹒单位地区生产总值能耗*|单位地区生产总值能耗|下降3.1%|下降3.1%|完成|met
";

#[test]
fn rongchang_2022_difference_column_judges_every_row() {
    let table = table(RONGCHANG_2022, "表1");
    let expected = expected(RONGCHANG_2022_REVIEW);
    assert_eq!(table.rows.len(), expected.len());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(row.seq.as_deref(), Some(want[0]));
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(&*row.name, want[2]);
        assert_eq!(&*row.target.raw, want[3], "target of {}", want[1]);
        assert_eq!(actual(row), Some(want[4]), "actual of {}", want[1]);
        let judgement = row.judgement.as_ref().unwrap_or_else(|| panic!("no judgement on {}", want[1]));
        assert_eq!(judgement.evidence, want[5]);
        assert_eq!(judgement.status.as_str(), want[6], "{}", want[1]);
        assert_eq!(row.binding, Some(want[1].ends_with('*')), "note: 加*为约束性目标");
        assert_eq!((row.category.as_ref(), row.unit.as_ref(), row.parent.as_ref()), (None, None, None));
    }
    let count = |status| table.rows.iter().filter(|r| r.judgement.as_ref().unwrap().status == status).count();
    assert_eq!((count(Status::Missed), count(Status::Met)), (7, 5));
    assert_eq!(table.rows[0].judgement.as_ref().unwrap().line, 101);
}

/// 綦江区 2024 review, 专栏1: 类别 | 指标名称 | 计划目标 | 完成情况.
/// Fields: category | raw name | parent | target | actual.
const QIJIANG_2024_REVIEW: &str = "
    发展综合质量质效|GDP增速（%）||7|5.5
    |一般公共预算收入增速（%）||6|0.9
    |税收收入增速（%）||5|0.6
    |固定资产投资增速（%）||10|15.4
    |规上工业增加值增速（%）||9|6.7
    |粮食产量（亿公斤）||3.6|3.6
    |社会消费品零售总额增速（%）||7.5|4
    创新发展|高新技术企业数量（家）||60|76
    |科技型企业（家）||100|315
    |战略性新兴产业增加值增速（%）||10|10
    协调发展|常住人口城镇化率增速（%）||提高1.2个百分点|提高0.9个百分点
    |城乡居民人均可支配收入之比||1.95:1|1.94:1
    绿色发展|单位地区生产总值能耗下降（%）||3|3
    |#二氧化硫排放总量减少（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |#氮氧化物排放总量减少（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |#化学需氧量排放总量减少（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |#氨氮能耗“双控”目标（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |#能耗强度下降（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |#能耗年均增速（%）|单位地区生产总值能耗下降|完成上级下达目标|完成
    |空气质量优良天数（天）||完成上级下达目标|完成
    |綦河出境水质||完成上级下达目标|完成
    开放发展|实际使用外资增速（%）||20|92.5
    |进出口总额及增速（%）||20|29
    共享发展|城镇新增就业（人）||10000|10211
    |全体居民人均可支配收入增速（%）||7|3.7
";

#[test]
fn qijiang_2024_review_table_cells() {
    let table = table(QIJIANG_2024, "专栏1");
    let expected = expected(QIJIANG_2024_REVIEW);
    assert_eq!(table.rows.len(), expected.len());
    check_categories(table, &expected.iter().map(|w| w[0]).collect::<Vec<_>>());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(row.parent.as_deref(), opt(want[2]), "parent of {}", want[1]);
        assert_eq!(&*row.target.raw, want[3], "target of {}", want[1]);
        assert_eq!(actual(row), Some(want[4]), "actual of {}", want[1]);
        assert_eq!((row.seq.as_ref(), row.binding, row.actual_other.as_ref()), (None, None, None));
        assert!(row.judgement.is_none(), "no 与目标± column");
    }
    assert_eq!(&*table.rows[0].name, "GDP增速");
    assert_eq!(table.rows[5].unit.as_deref(), Some("亿公斤"));
    assert_eq!(table.rows[11].unit, None);
    assert_eq!(&*table.rows[16].name, "氨氮能耗“双控”目标");
}

/// 綦江区 2023 plan, 专栏3: 类别 | 指标名称 | 2023年计划目标 | 备注, with group cells.
/// Fields: category | raw name | parent | target | 备注.
const QIJIANG_2023_PLAN: &str = "
    发展综合质量效益|地区生产总值增速（%）||7以上|预期性
    |规上工业增加值增速（%）||9|预期性
    |固定资产投资增速（%）||15|预期性
    |社会消费品零售总额增速（%）||10|预期性
    |财政一般公共预算收入增速（%）||5|预期性
    |其中：税收收入增速（%）|财政一般公共预算收入增速|20|预期性
    创新发展|R&D经费支出占地区生产总值比重（%）||2.5|预期性
    |万人发明专利拥有量（件/万人）||3.6|预期性
    协调发展|民营经济增加值增速（%）||7|预期性
    |常住人口城镇化率（%）||提高1个百分点|预期性
    绿色发展|#二氧化硫（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    |#氮氧化物（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    |#化学需氧量（%）|主要污染物排放总量减少|完成国家和市下达目标|约束性
    |#氨氮（%）|能耗“双控”目标|完成国家和市下达目标|约束性
    |#能耗强度下降（%）|能耗“双控”目标|完成国家和市下达目标|约束性
    |#能耗年均增速（%）|能耗“双控”目标|完成国家和市下达目标|约束性
    |空气质量优良天数（天）*||≥325|约束性
    |森林覆盖率（%）*||55%|约束性
    |綦河出境水质*||完成国家和市下达目标|约束性
    开放发展|进出口总额（亿元）||4|预期性
    |实际使用外资（万美元）||3000|预期性
    共享发展|全体居民人均可支配收入增速（%）||7|预期性
    |城镇新增就业人数（万人）||1.5|预期性
";

#[test]
fn qijiang_2023_plan_group_cells() {
    let table = table(QIJIANG_2022, "专栏3");
    let expected = expected(QIJIANG_2023_PLAN);
    assert_eq!(table.rows.len(), expected.len());
    check_categories(table, &expected.iter().map(|w| w[0]).collect::<Vec<_>>());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(row.parent.as_deref(), opt(want[2]), "parent of {}", want[1]);
        assert_eq!(&*row.target.raw, want[3], "target of {}", want[1]);
        assert_eq!(row.binding, Some(want[4] == "约束性"), "binding of {}", want[1]);
        assert_eq!(row.seq, None);
    }
    let sulphur = &table.rows[10];
    assert_eq!((&*sulphur.name, sulphur.unit.as_deref(), sulphur.line), ("二氧化硫", Some("%"), 173));
    assert_eq!(&*table.rows[16].name, "空气质量优良天数");
    assert_eq!(table.rows[7].unit.as_deref(), Some("件/万人"));
}

/// 綦江区 2025 plan, 专栏15: 类别 | 指标名称 | 2025年预计目标 | 备注.
/// Fields: category | raw name | parent | target | 备注.
const QIJIANG_2025_PLAN: &str = "
    发展综合质量质效|GDP增速（%）||6.5|预期性
    |一般公共预算收入增速（%）||6|预期性
    |税收收入增速（%）||6|预期性
    |固定资产投资增速（%）||15|预期性
    |规上工业增加值增速（%）||9|预期性
    |第一产业增加值增速（%）||4|预期性
    |社会消费品零售总额增速（%）||5|预期性
    创新发展|高新技术企业数量（家）||45|预期性
    |科技型企业（家）||100|预期性
    |工业战略性新兴产业总产值占工业总产值比重（%）||20|预期性
    协调发展|常住人口城镇化率增速（%）||提高0.8个百分点|预期性
    |城乡居民人均可支配收入之比||1.92:1|预期性
    绿色发展|单位地区生产总值能耗下降（%）||完成上级下达目标|约束性
    |#氮氧化物重点工程累计减排量（吨）|单位地区生产总值能耗下降|完成上级下达目标|约束性
    |#化学需氧量重点工程累计减排量（吨）|单位地区生产总值能耗下降|完成上级下达目标|约束性
    |#氨氮能耗“双控”目标（%）|单位地区生产总值能耗下降|完成上级下达目标|约束性
    |#能耗年均增速（%）|单位地区生产总值能耗下降|完成上级下达目标|约束性
    |空气质量优良天数（天）||完成上级下达目标|约束性
    |綦河出境水质||完成上级下达目标|约束性
    开放发展|实际使用外资增速（%）||5|预期性
    |进出口总额及增速（%）||3|预期性
    共享发展|城镇新增就业（万人）||0.9|预期性
    |全体居民人均可支配收入增速（%）||6.5|预期性
";

#[test]
fn qijiang_2025_plan_table_cells() {
    let table = table(QIJIANG_2024, "专栏15");
    let expected = expected(QIJIANG_2025_PLAN);
    assert_eq!(table.rows.len(), expected.len());
    check_categories(table, &expected.iter().map(|w| w[0]).collect::<Vec<_>>());
    for (row, want) in table.rows.iter().zip(&expected) {
        assert_eq!(&*row.raw_name, want[1]);
        assert_eq!(row.parent.as_deref(), opt(want[2]), "parent of {}", want[1]);
        assert_eq!(&*row.target.raw, want[3], "target of {}", want[1]);
        assert_eq!(row.binding, Some(want[4] == "约束性"), "binding of {}", want[1]);
    }
    assert_eq!(table.rows[13].unit.as_deref(), Some("吨"));
}

// ---- damaged and unusual input ----

const RONGCHANG_TEXT: &str = include_str!("../examples/reports/003_8d14213320e955ad.txt");
const FULING_TEXT: &str = include_str!("../examples/reports/001_fbb4d7b36528211a.txt");
const QIJIANG_2022_TEXT: &str = include_str!("../examples/reports/000_fc3918ce5d000476.txt");

/// The text with lines `from..=to` (1-based) replaced by `with`.
fn replace_lines(text: &str, from: usize, to: usize, with: &[&str]) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<&str> = lines[..from - 1].to_vec();
    out.extend_from_slice(with);
    out.extend_from_slice(&lines[to..]);
    out.join("\n")
}

fn parse(text: &str) -> Report {
    parse_report("test.txt", text).expect("the title is intact")
}

#[test]
fn a_table_cut_mid_row_keeps_its_complete_rows_and_warns() {
    // 荣昌区 表1 cut after the target cell of row 5 (line 119).
    let cut: String = RONGCHANG_TEXT.split('\n').take(119).collect::<Vec<_>>().join("\n");
    let report = parse(&cut);
    let table = &report.tables[0];
    assert_eq!(table.rows.len(), 5);
    let last = &table.rows[4];
    assert_eq!((&*last.name, &*last.target.raw), ("一般公共预算收入", "3.78%"));
    assert_eq!(last.actual.as_ref().map(|v| &*v.raw), Some(""));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].line, 118);
    assert!(report.warnings[0].to_string().contains("一般公共预算收入"));
}

#[test]
fn a_table_cut_after_a_row_number_warns_about_the_lone_cell() {
    // 涪陵区 表1 cut right after the row number 2 (line 30).
    let cut: String = FULING_TEXT.split('\n').take(30).collect::<Vec<_>>().join("\n");
    let report = parse(&cut);
    assert_eq!(report.tables[0].rows.len(), 1);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].line, 30);
}

#[test]
fn a_row_with_a_missing_cell_is_kept_and_the_rest_of_the_table_is_intact() {
    // Drop the achieved cell of 涪陵区 row 3 (line 38: `\t2`).
    let text = replace_lines(FULING_TEXT, 38, 38, &[]);
    let report = parse(&text);
    let table = &report.tables[0];
    assert_eq!(table.rows.len(), 38);
    let short = &table.rows[2];
    assert_eq!((&*short.name, &*short.target.raw), ("规上工业增加值增速", "8"));
    assert_eq!(short.actual.as_ref().map(|v| &*v.raw), Some(""));
    let next = &table.rows[3];
    assert_eq!((next.seq.as_deref(), &*next.target.raw), (Some("4"), "1"));
    assert_eq!(next.actual.as_ref().map(|v| &*v.raw), Some("4.4"));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].line, 36);
}

#[test]
fn a_caption_with_no_table_after_it_yields_no_table_and_a_warning() {
    let text =
        replace_lines(RONGCHANG_TEXT, 92, 158, &["", "受疫情影响，表中数据待统计部门核定后另行报告。"]);
    let report = parse(&text);
    assert!(report.tables.is_empty());
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].line, 91);
}

#[test]
fn blank_lines_between_rows_do_not_matter() {
    for text in [FULING_TEXT, QIJIANG_2022_TEXT, RONGCHANG_TEXT] {
        let original = parse(text);
        let squeezed: String = text.split('\n').filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
        let doubled = text.replace('\n', "\n\n");
        for changed in [squeezed, doubled] {
            let report = parse(&changed);
            assert_eq!(report.tables.len(), original.tables.len());
            for (a, b) in report.tables.iter().zip(&original.tables) {
                let cells = |t: &IndicatorTable| -> Vec<(String, String, Option<String>, Option<String>)> {
                    t.rows
                        .iter()
                        .map(|r| {
                            (
                                r.raw_name.to_string(),
                                r.target.raw.to_string(),
                                actual(r).map(str::to_owned),
                                r.parent.as_deref().map(str::to_owned),
                            )
                        })
                        .collect()
                };
                assert_eq!(cells(a), cells(b), "{}", a.caption);
            }
        }
    }
}

#[test]
fn a_table_exported_without_tabs_is_read_line_by_line() {
    let body = [
        "表1  2022年主要指标完成情况",
        "序号",
        "指标名称",
        "2022年目标",
        "2022年完成",
        "",
        "1",
        "地区生产总值增速（%）",
        "7",
        "5.5",
        "",
        "2",
        "城镇调查失业率（%）",
        "≤5.5",
        "5",
        "",
        "注：数据为初步统计数。",
    ];
    let text = replace_lines(RONGCHANG_TEXT, 91, 158, &body);
    let report = parse(&text);
    let table = &report.tables[0];
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.kind, TableKind::Review);
    assert_eq!(&*table.rows[1].name, "城镇调查失业率");
    assert_eq!(actual(&table.rows[1]), Some("5"));
}

#[test]
fn every_line_of_every_table_cut_or_dropped_never_panics() {
    for (file, bytes) in corpus::EMBEDDED {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        let report = REPORTS.iter().find(|r| r.file == file).expect("embedded report");
        for table in &report.tables {
            let end = table.rows.last().map_or(table.line, |r| r.line) + 6;
            for at in table.line..end.min(lines.len()) {
                let mut warnings = Vec::new();
                let mut dropped: Vec<&str> = lines[..at].to_vec();
                dropped.extend_from_slice(&lines[at + 1..]);
                let damaged = parse_tables(LinedText::from_lines(&dropped).lines(), &[], &mut warnings);
                assert!(damaged.len() <= report.tables.len(), "{file} without line {}", at + 1);
                let cut = parse_tables(LinedText::from_lines(&lines[..at]).lines(), &[], &mut warnings);
                assert!(cut.len() <= report.tables.len(), "{file} cut at line {}", at + 1);
            }
        }
    }
}

#[test]
fn an_unseen_layout_is_read_from_its_header() {
    // Columns none of the samples has in this order: 领域, 单位 and 属性; rows run together.
    let body = [
        "表3：2022年主要指标完成情况",
        "\t领域",
        "\t序号",
        "\t指标",
        "\t单位",
        "\t2022年目标",
        "\t2022年实际",
        "\t与目标±",
        "\t属性",
        "\t经济",
        "\t1",
        "\t地区生产总值增速",
        "\t%",
        "\t≥6",
        "\t6.5",
        "\t+0.5",
        "\t预期性",
        "\t",
        "\t2",
        "\t单位GDP能耗下降",
        "\t%",
        "\t3",
        "\t2.5",
        "\t未完成",
        "\t约束性",
        "\t",
        "\t",
        "\t其中：煤炭消费量",
        "\t万吨",
        "\t100",
        "\t90",
        "\t-10",
        "\t",
        "注：数据为初步统计数。",
    ];
    let report = parse(&replace_lines(RONGCHANG_TEXT, 91, 158, &body));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let table = &report.tables[0];
    assert_eq!((table.kind, table.year, table.rows.len()), (TableKind::Review, Some(2022), 3));
    let summary: Vec<_> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.category.as_deref(),
                r.seq.as_deref(),
                &*r.name,
                r.unit.as_deref(),
                r.parent.as_deref(),
                r.binding,
                &*r.target.raw,
                actual(r),
                r.judgement.as_ref().map(|j| j.status),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                Some("经济"),
                Some("1"),
                "地区生产总值增速",
                Some("%"),
                None,
                Some(false),
                "≥6",
                Some("6.5"),
                Some(Status::Met)
            ),
            (
                Some("经济"),
                Some("2"),
                "单位GDP能耗下降",
                Some("%"),
                None,
                Some(true),
                "3",
                Some("2.5"),
                Some(Status::Missed)
            ),
            (
                Some("经济"),
                None,
                "煤炭消费量",
                Some("万吨"),
                Some("单位GDP能耗下降"),
                Some(true),
                "100",
                Some("90"),
                Some(Status::Missed)
            ),
        ]
    );
}

#[test]
fn a_table_with_the_next_years_targets_is_read_as_a_review_and_a_plan() {
    let body = [
        "表1  2022年主要指标完成情况及2023年目标",
        "\t指标名称",
        "\t2022年目标",
        "\t2022年完成",
        "\t2023年目标",
        "",
        "\t地区生产总值增速（%）",
        "\t7",
        "\t5",
        "\t6",
        "",
        "注：数据为初步统计数。",
    ];
    let report = parse(&replace_lines(RONGCHANG_TEXT, 91, 158, &body));
    let [review, plan] = &report.tables[..2] else { panic!("{:?}", report.tables) };
    assert_eq!((review.kind, review.year), (TableKind::Review, Some(2022)));
    let row = &review.rows[0];
    assert_eq!((&*row.target.raw, row.actual.as_ref().map(|v| &*v.raw)), ("7", Some("5")));
    assert_eq!((plan.kind, plan.year, &*plan.rows[0].target.raw), (TableKind::Plan, Some(2023), "6"));
    assert_eq!(review.caption, plan.caption);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_second_target_column_of_the_same_year_is_reported() {
    let body = [
        "表1  2022年主要指标完成情况",
        "\t指标名称",
        "\t年初目标",
        "\t调整目标",
        "\t完成情况",
        "",
        "\t地区生产总值增速（%）",
        "\t7",
        "\t6",
        "\t5",
        "",
        "注：数据为初步统计数。",
    ];
    let report = parse(&replace_lines(RONGCHANG_TEXT, 91, 158, &body));
    let table = &report.tables[0];
    assert_eq!((table.year, &*table.rows[0].target.raw), (Some(2022), "7"));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].to_string().contains("调整目标"));
}

#[test]
fn a_lost_cell_in_rows_run_together_is_reported_and_the_rest_stays_in_step() {
    // Rows run together with one achieved cell lost: the next row starts at its name.
    let body = [
        "表1  2022年主要指标完成情况",
        "\t指标名称",
        "\t2022年目标",
        "\t2022年完成",
        "\t地区生产总值增速（%）",
        "\t7",
        "\t工业增加值增速（%）",
        "\t8",
        "\t6",
        "\t固定资产投资增速（%）",
        "\t10",
        "\t9",
        "注：数据为初步统计数。",
    ];
    let report = parse(&replace_lines(RONGCHANG_TEXT, 91, 158, &body));
    let rows: Vec<(&str, &str, Option<&str>)> =
        report.tables[0].rows.iter().map(|r| (&*r.raw_name, &*r.target.raw, actual(r))).collect();
    assert_eq!(
        rows,
        [
            ("地区生产总值增速（%）", "7", Some("")),
            ("工业增加值增速（%）", "8", Some("6")),
            ("固定资产投资增速（%）", "10", Some("9"))
        ],
        "the rows get back in step at the next name"
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        matches!(&report.warnings[0].kind, WarningKind::ShortRow { name, cells: 2, columns: 3, .. }
            if name == "地区生产总值增速（%）"),
        "{:?}",
        report.warnings
    );
    assert!(report.warnings[0].to_string().contains("“地区生产总值增速（%）” has 2 cells"));
}

mod soup {
    use super::{LinedText, parse_tables};
    use proptest::prelude::*;

    /// Lines a table is made of, and a few that end one.
    const PIECES: [&str; 24] = [
        "表1  2022年主要指标完成情况",
        "专栏3：2023年主要指标计划",
        "\t类别",
        "\t序号",
        "\t指标名称",
        "\t2022年预期目标",
        "\t2022年完成",
        "\t绝对值",
        "\t增速",
        "\t与目标±",
        "\t备注",
        "\t",
        "",
        "发展",
        "\t1",
        "\t地区生产总值增速（%）*",
        "\t#二氧化硫（%）",
        "\t其中：税收收入增速（%）",
        "\t7.5以上",
        "\t-4.8个百分点",
        "\t约束性",
        "注：“*”代表约束性指标。",
        "2. 税收收入增速目标调整为1%，视为完成。",
        "上述主要目标，与“十四五”规划目标充分衔接，兼顾稳妥性和积极性。",
    ];

    proptest! {
        #[test]
        fn any_arrangement_of_table_lines_reads_without_panic(picks in prop::collection::vec(0..PIECES.len(), 0..120)) {
            let lines: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
            let mut warnings = Vec::new();
            let tables = parse_tables(LinedText::from_lines(&lines).lines(), &[], &mut warnings);
            for table in &tables {
                prop_assert!(table.line >= 1 && table.line <= lines.len());
                for row in &table.rows {
                    prop_assert!(row.line >= 1 && row.line <= lines.len());
                    prop_assert!(!row.name.is_empty());
                }
            }
            for warning in &warnings {
                prop_assert!(warning.line >= 1 && warning.line <= lines.len());
            }
        }
    }
}
