//! Pages laid out as district and province sites lay them (tests/data/pages/, README.md there):
//! every row and value through the public pipeline and the JSON export.

use plangap::corpus;
use plangap::export::ExportDocument;
use serde_json::Value;

/// The exported report of one fixture.
fn export(file: &str) -> Value {
    let bytes = std::fs::read(format!("tests/data/pages/{file}")).unwrap();
    let report = corpus::load_bytes(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(report.warnings.is_empty(), "{file}: {:?}", report.warnings);
    let json = ExportDocument::new(std::slice::from_ref(&report)).to_json();
    let mut doc: Value = serde_json::from_str(&json).unwrap();
    doc["reports"][0].take()
}

/// Each row as `table|year|kind|name|unit|binding|target|target_other|actual|status|gap`, `~`
/// for null.
fn rows(report: &Value) -> Vec<String> {
    let field = |value: &Value| match value {
        Value::Null => "~".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let keys = [
        "table",
        "year",
        "kind",
        "name",
        "unit",
        "binding",
        "target",
        "target_other",
        "actual",
        "status",
        "gap",
    ];
    report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| keys.iter().map(|k| field(&row[*k])).collect::<Vec<_>>().join("|"))
        .collect()
}

/// The expected rows, one per line, surrounding white space trimmed.
fn expected(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[test]
fn a_district_page_with_a_verdict_column_and_level_and_growth_targets() {
    let report = export("wanzhou.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("万州区"), &Value::from("重庆市")));
    assert_eq!(report["province"], Value::Null);
    let review = "表1 2023年万州区主要经济指标完成情况|2023|review";
    let plan = "二、2024年国民经济和社会发展计划草案|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|~|7|~|6.2|missed|-0.8
        {review}|规模以上工业增加值增长|%|~|8|~|8.5|met|0.5
        {review}|固定资产投资增长|%|~|6|~|-3.1|missed|-9.1
        {review}|社会消费品零售总额增长|%|~|7|~|7.3|met|0.3
        {review}|一般公共预算收入|亿元|~|36.5|~|37.02|met|0.52
        {review}|城镇常住居民人均可支配收入增长|%|~|6左右|~|4.5|missed|-1.5
        {review}|单位GDP能耗降低|%|~|完成市下达任务|~|完成|met|~
        {plan}|地区生产总值|亿元|false|6左右|1230|~|~|~
        {plan}|规模以上工业增加值|亿元|false|8|~|~|~|~
        {plan}|固定资产投资|亿元|false|5|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达目标|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_province_report_and_the_documents_verdicts_win() {
    let report = export("hubei.html");
    assert_eq!(report["province"], "湖北省");
    assert_eq!(report["district"], "湖北省");
    assert_eq!(report["city"], Value::Null);
    assert_eq!(report["issuer"], "湖北省发展和改革委员会");
    let table = "2023年主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|~|5.5左右|~|6|met|0.5
        {table}|一般公共预算收入增长|%|~|6|~|9.2|met|3.2
        {table}|居民消费价格涨幅|%|~|3左右|~|0.3|met|-2.7
        {table}|城镇新增就业|万人|~|70以上|~|92.95|met|22.95
        {table}|城镇调查失业率|%|~|5.5以内|~|5.2|met|0.3
        {table}|外贸进出口增长|%|~|5|~|-5.8|missed|-10.8
        {table}|单位地区生产总值能耗降低|%|~|完成国家下达任务|~|—|unassessed|~
        "
    ));
    assert_eq!(rows(&report), want);
}
