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

/// A JSON value as the rows show it: a string as itself, `~` for null.
fn field(value: &Value) -> String {
    match value {
        Value::Null => "~".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One field of every row, as [`field`] shows it.
fn column(report: &Value, key: &str) -> Vec<String> {
    report["indicators"].as_array().unwrap().iter().map(|row| field(&row[key])).collect()
}

/// Each row as `table|year|kind|name|unit|binding|target|target_other|actual|status|gap`, `~`
/// for null.
fn rows(report: &Value) -> Vec<String> {
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

/// Each project as `name|group|table|stage|line` (JSON values: strings quoted, `null` for null).
fn projects(report: &Value) -> Vec<String> {
    let project =
        |p: &Value| format!("{}|{}|{}|{}|{}", p["name"], p["group"], p["table"], p["stage"], p["line"]);
    report["projects"].as_array().unwrap().iter().map(project).collect()
}

/// The narrative values of `role`, each as `show` writes it.
fn narrative(report: &Value, role: &str, show: impl Fn(&Value) -> String) -> Vec<String> {
    let values = report["narrative"].as_array().unwrap();
    values.iter().filter(|value| value["role"] == role).map(show).collect()
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

/// The rows of hubei.html's table, captioned `table`.
fn hubei_rows(table: &str) -> Vec<String> {
    expected(&format!(
        "
        {table}|地区生产总值增长|%|~|5.5左右|~|6|met|0.5
        {table}|一般公共预算收入增长|%|~|6|~|9.2|met|3.2
        {table}|居民消费价格涨幅|%|~|3左右|~|0.3|met|2.7
        {table}|城镇新增就业|万人|~|70以上|~|92.95|met|22.95
        {table}|城镇调查失业率|%|~|5.5以内|~|5.2|met|0.3
        {table}|外贸进出口增长|%|~|5|~|-5.8|missed|-10.8
        {table}|单位地区生产总值能耗降低|%|~|完成国家下达任务|~|—|unassessed|~
        "
    ))
}

#[test]
fn a_province_report_and_the_documents_verdicts_win() {
    let report = export("hubei.html");
    assert_eq!(report["province"], "湖北省");
    assert_eq!(report["district"], "湖北省");
    assert_eq!(report["city"], Value::Null);
    assert_eq!(report["issuer"], "湖北省发展和改革委员会");
    let table = "2023年主要指标完成情况|2023|review";
    assert_eq!(rows(&report), hubei_rows(table));
}

#[test]
fn a_table_reviewing_one_year_and_planning_the_next_is_read_as_two() {
    let report = export("yongchuan.tab.txt");
    assert_eq!(report["district"], "永川区");
    let caption = "表1  2023年主要指标完成情况及2024年预期目标";
    let (review, plan) = (format!("{caption}|2023|review"), format!("{caption}|2024|plan"));
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|6.5|~|6.9|met|0.4
        {review}|规模以上工业增加值增长|%|false|8|~|9.1|met|1.1
        {review}|固定资产投资增长|%|false|5|~|-2.4|missed|-7.4
        {review}|城镇调查失业率|%|false|5.5以内|~|5.1|met|0.4
        {review}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|完成|met|~
        {plan}|地区生产总值增长|%|false|6左右|~|~|~|~
        {plan}|规模以上工业增加值增长|%|false|8|~|~|~|~
        {plan}|固定资产投资增长|%|false|5|~|~|~|~
        {plan}|城镇调查失业率|%|false|5.5以内|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_province_appendix_with_seq_and_unit_columns_and_results_judged_in_sentences() {
    let report = export("hunan.html");
    assert_eq!((&report["district"], &report["province"]), (&Value::from("湖南省"), &Value::from("湖南省")));
    let review = "附表1 2022年全省国民经济和社会发展主要指标完成情况|2022|review";
    let plan = "附表2 2023年全省国民经济和社会发展主要预期目标|2023|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|6.5左右|~|4.5|missed|-2.0
        {review}|规模以上工业增加值增长|%|false|7|~|7.2|met|0.2
        {review}|固定资产投资增长|%|false|7|~|6.6|missed|-0.4
        {review}|社会消费品零售总额增长|%|false|6.5|~|2.4|missed|-4.1
        {review}|城镇调查失业率|%|false|5.5以内|~|5.4|met|0.1
        {review}|居民消费价格涨幅|%|false|3左右|~|1.8|met|1.2
        {review}|单位地区生产总值能耗降低|%|true|完成国家下达任务|~|完成国家下达任务|met|~
        {review}|粮食产量|亿斤|true|≥600|~|612.9|met|12.9
        {plan}|地区生产总值增长|%|false|6.5左右|~|~|~|~
        {plan}|城镇新增就业|万人|false|70以上|~|~|~|~
        {plan}|粮食产量|亿斤|true|600以上|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    // Indicator tables with a 序号 column and `指标名称` are not project tables.
    assert_eq!(report["projects"], Value::Array(Vec::new()));
    // The review sentence before the tables: judged, named without `全省`, and not read as targets
    // of the plan year although the report has no `二、` heading for its plan part.
    let narrative: Vec<String> = report["narrative"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| format!("{}|{}|{}|{}|{}", v["role"], v["name"], v["target"], v["actual"], v["status"]))
        .collect();
    let want = [
        // The headline result, read up to the clause naming its target.
        r#""actual"|"地区生产总值增速"|null|null|null"#,
        r#""review"|"地区生产总值增速"|"6.5%"|"4.5%"|"missed""#,
        r#""review"|"规模以上工业增加值增速"|"7.0%"|"7.2%"|"met""#,
        // `完成预期目标的94.3%`: the target worked out from the share, 6.6 / 94.3%.
        r#""review"|"固定资产投资增速"|"7.0%"|"6.6%"|"missed""#,
    ];
    assert_eq!(narrative, want);
}

#[test]
fn a_plan_table_with_last_years_results_and_a_completion_rate_column_first() {
    let report = export("haining.html");
    assert_eq!(report["district"], "海宁市");
    let plan = "2023年海宁市国民经济和社会发展主要指标|2023|plan";
    let review = "2022年主要指标完成情况|2022|review";
    let want = expected(&format!(
        "
        {plan}|地区生产总值增长|%|false|6.5左右|~|~|~|~
        {plan}|一般公共预算收入增长|%|false|5|~|~|~|~
        {plan}|固定资产投资增长|%|false|8|~|~|~|~
        {plan}|单位GDP能耗下降|%|true|完成嘉兴下达任务|~|~|~|~
        {plan}|PM2.5平均浓度|微克/立方米|true|≤28|~|~|~|~
        {review}|地区生产总值|亿元|~|1380|~|1355.2|missed|-24.8
        {review}|规上工业增加值|亿元|~|560|~|571.3|met|11.3
        {review}|外贸出口总额|亿元|~|720|~|735.6|met|15.6
        "
    ));
    assert_eq!(rows(&report), want);
    let categories: Vec<&str> =
        report["indicators"].as_array().unwrap().iter().filter_map(|row| row["category"].as_str()).collect();
    assert_eq!(categories, ["经济发展", "经济发展", "经济发展", "绿色生态", "绿色生态"]);
}

#[test]
fn a_project_table_under_an_attachment_line_without_a_box_caption() {
    let report = export("nanchuan.html");
    assert_eq!(report["district"], "南川区");
    let table = r#""附件：2024年南川区重点项目表""#;
    // The paragraph above the table names projects too, captioned by its heading: a mention of
    // a project the table lists is kept as one more place it is named.
    let heading = r#""（一）扎实推进重大项目建设""#;
    let want = [
        format!(r#""渝湘高铁南川段"|null|{heading}|"ongoing"|3"#),
        format!(r#""南两高速"|null|{heading}|"ongoing"|3"#),
        format!(r#""金佛山水库"|null|{heading}|"new"|3"#),
        format!(r#""南川区城市污水处理厂三期工程"|null|{heading}|"new"|3"#),
        format!(r#""渝湘高铁南川段"|"基础设施"|{table}|"planned"|7"#),
        format!(r#""金佛山水库工程"|"基础设施"|{table}|"planned"|8"#),
        format!(r#""南川至两江新区高速公路"|"基础设施"|{table}|"planned"|9"#),
        format!(r#""南川工业园区新材料产业园"|"产业发展"|{table}|"planned"|11"#),
        format!(r#""金佛山旅游度假区提档升级"|"产业发展"|{table}|"planned"|12"#),
    ];
    assert_eq!(projects(&report), want);
}

#[test]
fn a_province_table_reviewing_one_year_and_planning_the_next_with_its_caption_under_it() {
    let report = export("jiangxi.html");
    assert_eq!((&report["district"], &report["province"]), (&Value::from("江西省"), &Value::from("江西省")));
    let caption = "表1 2023年主要指标完成情况和2024年预期目标";
    let (review, plan) = (format!("{caption}|2023|review"), format!("{caption}|2024|plan"));
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|7左右|~|4.1|missed|-2.9
        {review}|规模以上工业增加值增长|%|false|8左右|~|5.4|missed|-2.6
        {review}|固定资产投资增长|%|false|8左右|~|-5.9|missed|-8.9
        {review}|社会消费品零售总额|亿元|false|14000|~|13619.8亿元|missed|-380.2
        {review}|单位GDP能耗降低|%|true|完成国家下达目标|~|完成|met|~
        {review}|设区市城市空气质量优良天数比率|%|true|≥90|~|94.1|met|4.1
        {review}|城镇调查失业率|%|false|5.5以内|~|5.2|met|0.3
        {plan}|地区生产总值增长|%|false|5左右|~|~|~|~
        {plan}|规模以上工业增加值增长|%|false|6左右|~|~|~|~
        {plan}|固定资产投资增长|%|false|4|~|~|~|~
        {plan}|社会消费品零售总额|亿元|false|——|~|~|~|~
        {plan}|单位GDP能耗降低|%|true|完成国家下达目标|~|~|~|~
        {plan}|设区市城市空气质量优良天数比率|%|true|＞92|~|~|~|~
        {plan}|城镇调查失业率|%|false|5.5以内|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    let indicators = report["indicators"].as_array().unwrap();
    // The revised target is the one the result is measured against (-5.9 against 3左右).
    assert_eq!(indicators[2]["target_revised"], "3左右");
    let categories: Vec<&str> = indicators[..7].iter().map(|r| r["category"].as_str().unwrap()).collect();
    assert_eq!(
        categories,
        ["经济发展", "经济发展", "经济发展", "经济发展", "绿色生态", "绿色生态", "民生福祉"]
    );
}

#[test]
fn a_district_page_pasted_from_word_with_a_year_over_target_and_result() {
    // `pandoc -t markdown` writes the table as a grid table whose cells hold Word's language tags
    // as bracketed spans wrapped over lines (`[7]` / `{lang="EN` / `-US"}左右`), bold titles and a
    // line break (`**指标\` / `属性**`): before, the header was not read and the rows were judged
    // under the second header row alone, in 2024.
    // `lynx -dump` prints each cell as a paragraph, `指标<br>属性` on two lines without a blank
    // line between them (before, two cells: the rows shifted, 预期性 joined to the names).
    for file in ["youxian.html", "youxian.pandoc.md", "youxian.lynx.txt"] {
        let report = export(file);
        assert_eq!((&report["district"], &report["city"]), (&Value::from("游仙区"), &Value::from("绵阳市")));
        let review = "游仙区2023年主要经济指标完成情况表|2023|review";
        let want = expected(&format!(
            "
            {review}|地区生产总值增速|%|false|7左右|~|6.1|missed|-0.9
            {review}|规模以上工业增加值增速|%|false|8|~|9.3|met|1.3
            {review}|全社会固定资产投资增速|%|false|10|~|3.5|missed|-6.5
            {review}|社会消费品零售总额增速|%|false|8.5|~|9.1|met|0.6
            {review}|城镇居民人均可支配收入增速|%|false|6.5|~|5.2|missed|-1.3
            {review}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|待国家统计局反馈|unassessed|~
            {review}|城镇调查失业率|%|false|<5.5|~|4.9|met|0.6
            "
        ));
        assert_eq!(rows(&report), want, "{file}");
        let targets = narrative(&report, "target", |n| {
            format!("{} {}", n["name"].as_str().unwrap(), n["value"].as_str().unwrap())
        });
        assert_eq!(targets[0], "地区生产总值增速 6.5%左右", "{file}");
        assert_eq!(targets.len(), 5, "{file}");
    }
}

#[test]
fn a_county_table_of_estimates_with_a_part_year_column_and_no_caption() {
    let report = export("tongzi.html");
    assert_eq!(report["district"], "桐梓县");
    // No caption: the sentence before the table names it. The whole year's estimate is the
    // result, not the 1-11月 figure; a growth target (`增长6%`) is met by the estimated growth.
    let review = "2023年全县主要经济指标预计完成情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值|亿元|~|增长6%|~|5.2|missed|-0.8
        {review}|规模以上工业增加值增速|%|~|8|~|7.5|missed|-0.5
        {review}|固定资产投资增速|%|~|5|~|-10|missed|-15.0
        {review}|社会消费品零售总额|亿元|~|增长7%|~|6.5|missed|-0.5
        {review}|农村居民人均可支配收入|元|~|增长8%|~|8.2|met|0.2
        "
    ));
    assert_eq!(rows(&report), want);
    // The table's rows, then the projects the paragraph after it names (`同时，加快推进娄山关景区
    // 提升、高桥工业园区标准厂房等项目建设，力争黔北数据中心二期开工。`), captioned by the heading above.
    let heading = r#""二、2024年重点项目安排""#;
    let want = [
        r#""桐梓至正安高速公路"|"交通基础设施"|""|null|16"#.to_owned(),
        r#""娄山关至花秋公路改扩建工程"|"交通基础设施"|""|null|17"#.to_owned(),
        r#""桐梓县芭蕉水库"|"水利"|""|null|19"#.to_owned(),
        format!(r#""娄山关景区提升"|null|{heading}|"ongoing"|20"#),
        format!(r#""高桥工业园区标准厂房"|null|{heading}|"ongoing"|20"#),
        format!(r#""黔北数据中心二期"|null|{heading}|"new"|20"#),
    ];
    assert_eq!(projects(&report), want);
}

#[test]
fn a_gbk_page_with_a_three_row_header_and_a_growth_column_beside_the_plan() {
    let report = export("yuhang.gbk.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("余杭区"), &Value::from("杭州市")));
    // `2023年` over `计划 | 实际`, each over `总量 | 增长（%）`: growth targets are judged by growth.
    let review = "附表1 余杭区2023年国民经济和社会发展主要指标执行情况|2023|review";
    // `2024年计划 | 比上年增长（%）`: the growth is the target, the level kept beside it.
    let plan = "附表2 余杭区2024年国民经济和社会发展主要指标计划|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值|亿元|~|7|3100|6.2|missed|-0.8
        {review}|一般公共预算收入|亿元|~|5|480|6.4|met|1.4
        {review}|全社会固定资产投资|亿元|~|8|~|-2.3|missed|-10.3
        {review}|城镇居民人均可支配收入|元|~|与经济增长同步|~|4.9|missed|-1.3
        {review}|研究与试验发展经费支出占GDP比重|%|~|4.5|~|4.62|met|0.12
        {plan}|地区生产总值|亿元|~|6|3200|~|~|~
        {plan}|一般公共预算收入|亿元|~|4|505|~|~|~
        {plan}|全社会固定资产投资|亿元|~|5|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    let actual_levels: Vec<&Value> =
        report["indicators"].as_array().unwrap()[..2].iter().map(|r| &r["actual_other"]).collect();
    assert_eq!(actual_levels, [&Value::from("3025.6"), &Value::from("486.1")]);
}

/// The rows of jinhua.html (婺城区), every value, and their categories, as `file` reads them.
fn assert_jinhua_rows(report: &Value, file: &str) {
    let review = "表1：2023年婺城区主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|true|6.5%左右|~|5.9%|missed|-0.6
        {review}|一般公共预算收入增长|%|false|6-6.5|~|7.2|met|1.2
        {review}|固定资产投资增长|%|false|≥10|~|11.3|met|1.3
        {review}|居民人均可支配收入增长|%|true|与经济增长同步|~|5.8|met|-0.1
        {review}|城镇调查失业率|%|false|＜5|~|3.1|met|1.9
        "
    ));
    assert_eq!(rows(report), want, "{file}");
    let indicators = report["indicators"].as_array().unwrap();
    let categories: Vec<&str> = indicators.iter().map(|r| r["category"].as_str().unwrap()).collect();
    assert_eq!(categories, ["经济发展", "经济发展", "经济发展", "民生福祉", "民生福祉"], "{file}");
}

#[test]
fn a_name_title_over_a_category_column_and_stars_a_note_defines() {
    let report = export("jinhua.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("婺城区"), &Value::from("金华市")));
    // `指标` spans the category column and the name column: `经济<br>发展` is a category, not a
    // parent indicator; `★` marks the binding rows, as the note under the table says.
    assert_jinhua_rows(&report, "jinhua.html");
    assert!(report["indicators"].as_array().unwrap().iter().all(|r| r["parent"].is_null()));
}

#[test]
fn growth_columns_after_each_target_and_result_and_a_year_alone_over_targets() {
    // `2023年计划 | 增长（%） | 2023年完成 | 增长（%）`: each growth column is its neighbour's rate.
    let report = export("nanan.html");
    let review = "表1 2023年主要指标完成情况|2023|review";
    let plan = "表2 2024年主要指标计划|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值|亿元|~|6.5|960|5.1|missed|-1.4
        {review}|社会消费品零售总额|亿元|~|7|560|8.3|met|1.3
        {plan}|地区生产总值|亿元|~|6|1000|~|~|~
        {plan}|社会消费品零售总额|亿元|~|7|610|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    // `指标 | 单位 | 2024年 | 属性`: the year alone titles the targets.
    let report = export("dadukou.html");
    let plan = "表2 大渡口区2024年经济社会发展主要预期目标|2024|plan";
    let want = expected(&format!(
        "
        {plan}|地区生产总值增长|%|false|6左右|~|~|~|~
        {plan}|一般公共预算收入增长|%|false|3|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达目标|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_spacer_row_and_a_unit_row_above_the_header() {
    // `单位：%` written inside the table gives the rows without a unit their unit.
    let report = export("banan.html");
    let review = "表1 2023年主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|~|6|~|4.4|missed|-1.6
        {review}|规上工业增加值增长|%|~|8|~|9.1|met|1.1
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_table_split_by_page_breaks_inside_a_layout_table_with_a_yes_no_verdict_column() {
    // The second and third parts have no header: they go on under the first part's. `是否完成`
    // answers 是/否: the document's verdict wins; full-width digits are values.
    // `pandoc -t markdown` and `-t plain` draw the layout table as a grid table of one column
    // holding the whole page (its title wrapped, `关于梅` / `州市梅江区…`), the three parts as
    // simple tables inside it, the second and third opening with their rule (before, no table:
    // the frame was read as a box of one column). LibreOffice's Word copy keeps the layout
    // tables with the three parts nested in their cell, `续表1` a paragraph between them (before,
    // the parts were read as a stream of cells: `续表1` joined the next name, `待考核` a row).
    for file in ["meijiang.html", "meijiang.pandoc.md", "meijiang.plain.txt", "meijiang.docx"] {
        let report = export(file);
        assert_eq!((&report["district"], &report["city"]), (&Value::from("梅江区"), &Value::from("梅州市")));
        let review = "全区主要指标完成情况|2023|review";
        let want = expected(&format!(
            "
            {review}|地区生产总值增长|%|~|６．５|~|４．８|missed|-1.7
            {review}|规模以上工业增加值增长|%|~|≥7|~|7.3|met|0.3
            {review}|固定资产投资增长|%|~|10以上|~|-5.6|missed|-15.6
            {review}|社会消费品零售总额增长|%|~|7左右|~|6.8|met|-0.2
            {review}|城镇调查失业率|%|~|＜5.5|~|4.9|met|0.6
            {review}|单位地区生产总值能耗降低|%|~|完成市下达任务|~|待考核|unassessed|~
            {review}|居民人均可支配收入增长|%|~|7|~|5.2|missed|-1.8
            "
        ));
        assert_eq!(rows(&report), want, "{file}");
    }
}

#[test]
fn captions_numbered_in_chinese_a_name_column_titled_xiangmu_and_a_xingzhi_column() {
    // `表一：`/`表二：` are captions; `项　目` titles the names (not a project table); `性质` says
    // 预期性/约束性; a growth target is judged by the `增幅（%）` column, a level by the level.
    // Its `pdftotext -layout` form spaces `项   目` out over runs of spaces, puts a space beside
    // every number and wraps `单位 GDP 能耗降` / `低` (before, the first table was not found: its
    // header line opens with `项` alone).
    let forms = [("jishou.html", ""), ("jishou.pdftotext.txt", " ")];
    for (file, space) in forms {
        let report = export(file);
        assert_eq!(report["district"], Value::from("吉首市"));
        let review = format!("表一：2023{space}年主要经济指标完成情况|2023|review");
        let plan = format!("表二：2024{space}年主要经济指标预期目标|2024|plan");
        let want = expected(&format!(
            "
            {review}|地区生产总值|亿元|~|增长7%|~|5.1|missed|-1.9
            {review}|一般公共预算收入|亿元|~|18.5|~|18.9|met|0.4
            {review}|固定资产投资|%|~|增长10%|~|-8.5|missed|-18.5
            {review}|城镇居民人均可支配收入|元|~|增长6.5%|~|4.9|missed|-1.6
            {plan}|地区生产总值增长|%|false|6左右|~|~|~|~
            {plan}|单位GDP能耗降低|%|true|完成省下达任务|~|~|~|~
            "
        ));
        assert_eq!(rows(&report), want, "{file}");
    }
}

#[test]
fn a_year_over_plan_result_completion_and_growth_gives_growth_targets_the_growth_result() {
    // `2023年` spans `计划 | 实际 | 完成计划(%) | 比上年增长(%)`: the growth is a result (the
    // column before it is), so `增长6%` is judged by 5.2, not by 76800 or by the plan.
    let report = export("anji.html");
    let review = "附表1 2023年安吉县主要经济指标完成情况|2023|review";
    let plan = "附表2 2024年安吉县主要经济指标计划|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值|亿元|~|640|~|628.5|missed|-11.5
        {review}|财政总收入|亿元|~|115|~|118.3|met|3.3
        {review}|固定资产投资增速|%|~|8|~|10.2|met|2.2
        {review}|城镇居民人均可支配收入|元|~|增长6%|~|5.2|missed|-0.8
        {plan}|地区生产总值|亿元|~|6左右|670|~|~|~
        {plan}|财政总收入|亿元|~|5|124|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    let others: Vec<&Value> =
        report["indicators"].as_array().unwrap()[..4].iter().map(|r| &r["actual_other"]).collect();
    assert_eq!(others, [&Value::from("5.9"), &Value::from("6.1"), &Value::from("—"), &Value::from("76800")]);
}

#[test]
fn category_rows_spanning_the_table_and_footnote_marks_after_names() {
    // `<td colspan=5>一、经济发展</td>` rows are categories; `①`, `[1]` after a name are footnote
    // marks, not part of it; `带*的为约束性指标` makes the others expected (预期性).
    // `pandoc -t plain` writes the mark `^(①)` (before, read as a unit `①`); `-t gfm` writes
    // `<sup>①</sup>` and the category rows in bold, `**一、经济发展**` (before, rows of their own).
    for file in ["guangdong.html", "guangdong.plain.txt", "guangdong.gfm.md"] {
        let report = export(file);
        assert_eq!(
            (&report["province"], &report["district"]),
            (&Value::from("广东省"), &Value::from("广东省"))
        );
        let categories: Vec<&str> = report["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["category"].as_str().unwrap())
            .collect();
        assert_eq!(categories, ["经济发展", "经济发展", "创新驱动", "绿色生态"].repeat(2), "{file}");
        let review = "表1 2023年广东省国民经济和社会发展主要指标执行情况|2023|review";
        let plan = "表1 2023年广东省国民经济和社会发展主要指标执行情况|2024|plan";
        let want = expected(&format!(
            "
            {review}|地区生产总值增长|%|false|5以上|~|4.8|missed|-0.2
            {review}|固定资产投资增长|%|false|3|~|2.5|missed|-0.5
            {review}|研发经费支出占地区生产总值比重|%|false|3.4|~|3.5|met|0.1
            {review}|单位地区生产总值能耗降低|%|true|完成国家下达任务|~|完成|met|~
            {plan}|地区生产总值增长|%|false|5左右|~|~|~|~
            {plan}|固定资产投资增长|%|false|3左右|~|~|~|~
            {plan}|研发经费支出占地区生产总值比重|%|false|3.5|~|~|~|~
            {plan}|单位地区生产总值能耗降低|%|true|完成国家下达任务|~|~|~|~
            "
        ));
        // A page's `&#12288;` in the caption is a space once read; a text form's stays.
        let got: Vec<String> = rows(&report).iter().map(|row| row.replace('\u{3000}', " ")).collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn a_county_report_naming_its_projects_in_paragraphs() {
    let report = export("fengdu.paste.txt");
    assert_eq!(report["district"], "丰都县");
    let (build, town, invest, city) =
        ("（二）扎实推进项目建设", "（三）城乡融合步伐加快", "（一）全力扩大有效投资", "（二）推动城市提质");
    let want = expected(&format!(
        r#"
        "渝湘复线高速丰都段"|null|"{build}"|"completed"|8
        "丰都长江二桥"|null|"{build}"|"completed"|8
        "龙河水库"|null|"{build}"|"completed"|8
        "南天湖旅游度假区提档升级"|null|"{build}"|"completed"|8
        "三建乡农村供水工程"|null|"{build}"|"completed"|8
        "湛普污水处理厂二期"|null|"{town}"|"completed"|9
        "栗子水库"|null|"{invest}"|"new"|13
        "丰石高速"|null|"{invest}"|"new"|13
        "丰都港水天坪作业区二期"|null|"{invest}"|"new"|13
        "丰都至武隆高速"|null|"{invest}"|"ongoing"|13
        "水天坪工业园区标准厂房"|null|"{invest}"|"ongoing"|13
        "丰忠高铁"|null|"{invest}"|"planned"|13
        "丰石高速"|"交通类"|"专栏1：2024年重大项目"|"planned"|15
        "丰都至武隆高速"|"交通类"|"专栏1：2024年重大项目"|"planned"|15
        "龙河镇污水管网改造项目"|null|"{city}"|"ongoing"|16
        "名山街道城市更新项目"|null|"{city}"|"ongoing"|16
        "#
    ));
    assert_eq!(projects(&report), want);
    // A paragraph that names projects still has its result judged against the target it states.
    let judged = narrative(&report, "review", |value| {
        format!("{}|{}|{}", value["name"], value["status"], value["line"])
    });
    assert_eq!(judged, [r#""地区生产总值增速"|"missed"|7"#, r#""固定资产投资增速"|"met"|8"#]);
}

/// Each dump of a page reads the page's own rows, every table in `layout`. (A caption is kept as
/// written: a page's `&#12288;` is a space once its text is read, a dump's stays.)
fn assert_dumps_read_as_their_pages(pairs: &[(&str, &str)], layout: &str) {
    for (page, dump) in pairs {
        let (page, dump) = (export(page), export(dump));
        let dumped: Vec<String> = rows(&dump).iter().map(|row| row.replace('\u{3000}', " ")).collect();
        assert_eq!(dumped, rows(&page), "{dump}");
        assert!(dump["indicators"].as_array().unwrap().iter().all(|row| row["layout"] == layout));
    }
}

#[test]
fn text_browser_dumps_of_the_pages_read_the_rows_of_the_pages() {
    // `w3m -dump -cols 200 -O UTF-8`: a table split by page breaks drawn as three tables (meijiang),
    // `—` drawn two columns wide so its row's bars stand one column right (yuhang), a footnote mark
    // in `<sup>` printed `^①` (guangdong).
    let pairs = [
        ("meijiang.html", "meijiang.w3m.txt"),
        ("yuhang.gbk.html", "yuhang.w3m.txt"),
        ("guangdong.html", "guangdong.w3m.txt"),
    ];
    assert_dumps_read_as_their_pages(&pairs, "boxed");
}

#[test]
fn pdftotext_of_a_printed_page_with_titles_one_space_apart_reads_the_rows_of_the_page() {
    // `soffice --convert-to pdf` of hubei.html, then `pdftotext -layout`: the narrow columns' titles
    // stand one space apart (`2023 年完成 完成情况`), and a space parts every number from the CJK
    // beside it (`2023 年`). Before, `2023年完成完成情况` was read as one title, so the verdicts
    // and results were not placed and every row differed from the page's.
    let report = export("hubei.pdftotext.txt");
    let table = "2023 年主要指标完成情况|2023|review";
    assert_eq!(rows(&report), hubei_rows(table));
    assert!(report["indicators"].as_array().unwrap().iter().all(|row| row["layout"] == "aligned"));
}

#[test]
fn pdftotext_of_a_header_over_three_lines_reads_the_rows_of_the_pages() {
    // Writer's PDF of changshou.html and of a page of 城口县 (the same header, `计量单位` and
    // `增减百分点` on one line), then `pdftotext -layout`: the header row is as tall as its wrapped
    // titles, so `主要指标` stands alone on the middle line, `计量` / `单位` and `增减` / `百分点`
    // above and below it, and `年度计划` and `完成情况` above their sub-titles `总量 增速(%)`, which
    // drift left of them (城口县: `年度计划` is over the first `增速(%)` only). Before, no header
    // was found and no row read.
    for (file, district) in [("changshou.pdftotext.txt", "长寿区"), ("chengkou.pdftotext.txt", "城口县")]
    {
        let table = format!("附表 1 {district} 2023 年主要经济指标完成情况|2023|review");
        let (gdp, retail, income) =
            if district == "长寿区" { (1080, 330, 48500) } else { (96, 41, 41200) };
        let want = expected(&format!(
            "
            {table}|地区生产总值|亿元|~|7|{gdp}|6.1|missed|-0.9
            {table}|规模以上工业增加值|亿元|~|10|~|11.2|met|1.2
            {table}|固定资产投资|亿元|~|8|~|4.6|missed|-3.4
            {table}|社会消费品零售总额|亿元|~|7.5|{retail}|8.1|met|0.6
            {table}|居民消费价格涨幅|%|~|3左右|~|0.4|met|2.6
            {table}|城镇常住居民人均可支配收入|元|~|6.5|{income}|5.8|missed|-0.7
            "
        ));
        let report = export(file);
        assert_eq!(report["district"], Value::from(district));
        assert_eq!(rows(&report), want, "{file}");
    }
}

/// Asserts that each `pdftotext -layout` form reads the rows of its page, its caption as the
/// converter spaced it (`2023 年`): the captions are compared without their spaces.
fn assert_pdftotext_reads_as_its_page(pairs: &[(&str, &str)]) {
    let unspaced = |rows: Vec<String>| -> Vec<String> {
        rows.into_iter()
            .map(|row| match row.split_once('|') {
                Some((caption, rest)) => format!("{}|{rest}", caption.replace(' ', "")),
                None => row,
            })
            .collect()
    };
    for (page, dump) in pairs {
        let report = export(dump);
        assert_eq!(unspaced(rows(&report)), unspaced(rows(&export(page))), "{dump}");
        assert!(!report["indicators"].as_array().unwrap().is_empty(), "{dump}");
    }
}

#[test]
fn pdftotext_of_a_header_whose_first_line_holds_only_parts_of_wrapped_titles() {
    // Writer's PDF of tongzi.html and tongnan.html, then `pdftotext -layout`: the header's first
    // line holds only the first parts of its narrow titles (`2023 年计   1-11 月完`, `2023 年目
    // 2023 年实 比上年增 目标完成`, one space apart), its second the one-line titles, its third their
    // ends (`划`, `成`). The first line opens with no title, and the titles of the second line
    // stand apart from the words above and below only on the grid of characters (in display
    // columns, `指标名称` reaches under `2023 年计`). Before, no table was read.
    assert_pdftotext_reads_as_its_page(&[
        ("tongzi.html", "tongzi.pdftotext.txt"),
        ("tongnan.html", "tongnan.pdftotext.txt"),
    ]);
}

#[test]
fn pdftotext_of_a_plan_table_whose_targets_are_titled_by_their_year_alone() {
    // Writer's PDF of dadukou.html, then `pdftotext -layout`: `序号 指标  单位 2024 年  属性`, the
    // targets' column titled `2024 年` alone, rows one line each. Before, the line was no header
    // of the space-aligned readers (a header needed a title of a target), and no row was read.
    assert_pdftotext_reads_as_its_page(&[("dadukou.html", "dadukou.pdftotext.txt")]);
}

#[test]
fn pdftotext_of_a_header_line_of_six_titles_one_space_apart() {
    // Writer's PDF of nanan.html and anji.html, then `pdftotext -layout`: every title of a header
    // line one space from the next (`指标名称  单位 2023 年计划 增长（%） 2023 年完成 增长（%）`,
    // `单位 2022 年 2023 年 2024 年目标 增长(%)`), five or six of them in one piece. Before, a piece
    // was cut into four titles at most, the rest one title (`2023年完成增长（%）`), and the rows
    // were read under the wrong titles.
    assert_pdftotext_reads_as_its_page(&[
        ("nanan.html", "nanan.pdftotext.txt"),
        ("anji.html", "anji.pdftotext.txt"),
    ]);
}

#[test]
fn pdftotext_of_a_header_line_whose_titles_all_stand_one_space_apart() {
    // Writer's PDF of liangping.html, then `pdftotext -layout`: the whole header line is one piece
    // of titles one space apart (`指标名称 单位 2023 年目标 2023 年完成 属性`), blank lines between
    // the rows, full-width digits. Before, the line was not tried as a table's first line (its
    // first cell, up to a gap of two spaces, is the whole line), and no row was read.
    assert_pdftotext_reads_as_its_page(&[("liangping.html", "liangping.pdftotext.txt")]);
}

#[test]
fn pdftotext_of_rows_whose_wrapped_values_print_over_three_lines() {
    // Writer's PDF of sichuan.html, haining.html, yunnan.html and guizhou.html, then `pdftotext -layout`: a row whose
    // qualitative targets wrap prints their tops on a line of their own above the row's line and
    // their ends below (`完成国家下达` / `目标`); haining's 类别 stands on one line of its span, left
    // of the indented names, so no line fills every column, and a name holds a Latin word set one
    // space from the CJK beside it (`单位 GDP 能耗下降`). Before, the tops were a row of their own
    // (or ended the table, read as the titles of the next), the names went to the 类别 column and
    // `GDP能耗下降` to the unit's. yunnan's last row wraps three values (`完成国家下达` / `目标`),
    // each end starting where its top does (before, the ends went to the nearest column's place,
    // `完成国家下达目标目标`). guizhou's row prints its one-line 2024 target (`完成国家下达任务`) nearer
    // the 2023 target's column, which the tops above fill (before, the tops were a row of their
    // own, without a name). haining's title is given the `草案` its page's title lacks (a title
    // without it is not read as one, and the text would be a fragment).
    assert_pdftotext_reads_as_its_page(&[
        ("sichuan.html", "sichuan.pdftotext.txt"),
        ("haining.html", "haining.pdftotext.txt"),
        ("yunnan.html", "yunnan.pdftotext.txt"),
        ("guizhou.html", "guizhou.pdftotext.txt"),
    ]);
}

#[test]
fn pdftotext_of_a_header_whose_months_wrap_over_three_lines() {
    // Writer's PDF of jiangjin.html, then `pdftotext -layout`: the narrow title `1-12月` prints
    // `1-12` above the header's line and `月` below it. Before, `1-12` read as a value, so the
    // three lines were no header: the column was lost and its values went to the others.
    assert_pdftotext_reads_as_its_page(&[("jiangjin.html", "jiangjin.pdftotext.txt")]);
}

#[test]
fn pdftotext_of_a_title_over_two_rows_centred_beside_sub_titles() {
    // Writer's PDF of wanzhou.html, then `pdftotext -layout`: the plan table's `单位`, spanning
    // both header rows, is centred where `目标值` (under `2024 年`, with `增长（%）`) starts; its
    // last row holds its 类别 and a cell across both of 2024's columns. Before, `单位` stood
    // between the two sub-titles (`单位目标值`), and the last row, counted among the lines filling
    // all but the 类别, put `绿色生态` in the name column.
    assert_pdftotext_reads_as_its_page(&[("wanzhou.html", "wanzhou.pdftotext.txt")]);
}

#[test]
fn pdftotext_of_a_table_with_its_category_left_of_indented_names_and_its_caption_under_it() {
    // Writer's PDF of jiangxi.html, then `pdftotext -layout`: the 类别 printed on lines of its
    // own left of the indented names (`经济` / `发展`), a revised target wrapped inside its bracket
    // (`8 左右（后调整为 3` / `左右）`), a 类别 one space from the top of a wrapped name (`生态
    // 设区市城市空气质量优良天` / `数比率`), `单位 GDP 能耗降低`. Before, 2 of 14 rows were read (the
    // names went to the 类别's column). The caption stands under the table, as on the page, and
    // the text is not yet read so (its title is the heading above, and the caption warns): the
    // rows are compared without it.
    let bytes = std::fs::read("tests/data/pages/jiangxi.pdftotext.txt").unwrap();
    let report = corpus::load_bytes("jiangxi.pdftotext.txt", &bytes).unwrap();
    let json = ExportDocument::new(std::slice::from_ref(&report)).to_json();
    let doc: Value = serde_json::from_str(&json).unwrap();
    let untitled = |rows: Vec<String>| -> Vec<String> {
        rows.into_iter()
            .map(|row| row.split_once('|').map_or(row.clone(), |(_, rest)| rest.to_owned()))
            .collect()
    };
    assert_eq!(untitled(rows(&doc["reports"][0])), untitled(rows(&export("jiangxi.html"))));
}

#[test]
fn pdftotext_of_section_rows_across_the_table() {
    // Writer's PDF of guangdong.html, rongchang.html and kaizhou.html, then `pdftotext -layout`: a
    // section row across the table prints as its label alone on a line (`一、经济发展`,
    // `二、约束性指标`), or, kaizhou's, its numeral wrapped in the narrow 序号 column around it
    // (`（一` / `经济发展` / `）`).
    // Before, it was read as part of the nearest wrapped name (`固定资产投资增长二、创新驱动`), and
    // the sections by attribute gave the rows no binding.
    assert_pdftotext_reads_as_its_page(&[
        ("guangdong.html", "guangdong.pdftotext.txt"),
        ("rongchang.html", "rongchang.pdftotext.txt"),
        ("kaizhou.html", "kaizhou.pdftotext.txt"),
    ]);
}

#[test]
fn a_printed_page_whose_table_has_no_rules_and_padded_rows_reads_the_rows_of_the_page() {
    // `soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf` of hubei.html, read in
    // process: the table has no borders and its rows stand about two line heights apart (the
    // cells' padding). Before, rows that far apart were not one table, and no row was read.
    let report = export("hubei.pdf");
    assert_eq!(report["format"], "pdf");
    let table = "2023年主要指标完成情况|2023|review";
    assert_eq!(rows(&report), hubei_rows(table));
    assert!(report["indicators"].as_array().unwrap().iter().all(|row| row["layout"] == "pdf"));
}

#[test]
fn a_printed_page_whose_cells_are_centred_and_touch_reads_the_rows_of_the_page() {
    // tongnan.html printed to PDF as hubei.pdf was: its table has no rules and no cell padding,
    // so header cells stand half a point apart (`2023年目` `2023年实`, each placed by its own
    // text operator), wrapped header cells and a wrapped remark (`受房地产投` / `资下降影响`) are
    // centred around their rows' one-line cells, and a remarks column is empty in the fullest
    // rows. Before, no row was read.
    assert_dumps_read_as_their_pages(&[("tongnan.html", "tongnan.pdf")], "pdf");
}

#[test]
fn lynx_dumps_with_cells_one_space_apart_read_the_rows_of_the_pages() {
    // `lynx -dump -width=200 -display_charset=utf-8`: every character one column, a cell starting
    // where its column does however narrow the gap (`亿元 960`), a name column titled `项　目`;
    // titles in `<p>` printed one per paragraph over rows on a grid (kaizhou: before, no table);
    // `2023年` written once over four sub-titles (anji: before, over the first only, so a growth
    // result was not paired with its growth target).
    let pairs = [
        ("nanan.html", "nanan.lynx.txt"),
        ("dadukou.html", "dadukou.lynx.txt"),
        ("jishou.html", "jishou.lynx.txt"),
        ("kaizhou.html", "kaizhou.lynx.txt"),
        ("anji.html", "anji.lynx.txt"),
    ];
    assert_dumps_read_as_their_pages(&pairs, "aligned");
}

#[test]
fn category_rows_after_their_number_and_names_in_paragraphs_of_a_cell() {
    let report = export("longgang.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("龙岗区"), &Value::from("深圳市")));
    let table = "表1 2023年龙岗区国民经济和社会发展主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|6|~|5.6|missed|-0.4
        {table}|规模以上工业增加值增长|%|false|6.5|~|7.1|met|0.6
        {table}|固定资产投资|~|false|1,350|~|1,288.4|missed|-61.6
        {table}|居民人均可支配收入增长|%|false|与经济增长同步|~|5.3|missed|-0.3
        {table}|单位GDP能耗下降|%|true|完成市下达任务|~|待市反馈|unassessed|~
        "
    ));
    assert_eq!(rows(&report), want);
    let categories: Vec<&str> = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["经济发展", "经济发展", "经济发展", "民生福祉", "民生福祉"]);
    let judged = narrative(&report, "review", |value| {
        format!("{}|{}|{}|{}", value["name"], value["target"], value["actual"], value["status"])
    });
    assert_eq!(judged, [r#""地区生产总值增速"|"6.0%"|"5.6%"|"missed""#]);
}

#[test]
fn a_five_year_plan_column_beside_the_years_target_is_set_aside() {
    let report = export("sichuan.html");
    assert_eq!(report["province"], "四川省");
    let table = "附表1 2023年四川省国民经济和社会发展主要指标执行情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|6以上|~|6|met|0.0
        {table}|全社会研发经费支出增长|%|false|10|~|12.1|met|2.1
        {table}|常住人口城镇化率|%|false|59.2|~|59.5|met|0.3
        {table}|单位地区生产总值能源消耗降低|%|true|完成国家下达目标|~|完成|met|~
        {table}|城镇调查失业率|%|false|5.5左右|~|5.4|met|0.1
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn an_indicator_table_whose_name_column_is_titled_project_is_no_project_box() {
    let report = export("jiande.tab.txt");
    let table = "表1  2023年建德市国民经济和社会发展计划执行情况表|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|亿元|~|450|~|445.2|missed|-4.8
        {table}|财政总收入|亿元|~|53|~|54.6|met|1.6
        {table}|规上工业增加值|亿元|~|增长7%|~|7.8|met|0.8
        {table}|城镇居民人均可支配收入|元|~|增长6%|~|5.3|missed|-0.7
        "
    ));
    assert_eq!(rows(&report), want);
    assert_eq!(projects(&report), Vec::<String>::new());
}

#[test]
fn an_appendix_table_under_a_bare_fubiao_line_and_a_title_without_a_year() {
    let report = export("yunnan.html");
    assert_eq!(report["province"], "云南省");
    let review = "附表 云南省国民经济和社会发展主要指标|2023|review";
    let plan = "附表 云南省国民经济和社会发展主要指标|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|6|~|4.4|missed|-1.6
        {review}|规模以上工业增加值增长|%|false|8|~|3.8|missed|-4.2
        {review}|固定资产投资增长|%|false|10|~|-10.6|missed|-20.6
        {review}|社会消费品零售总额增长|%|false|8|~|6.1|missed|-1.9
        {review}|城镇调查失业率|%|false|5.5以内|~|5.1|met|0.4
        {review}|居民人均可支配收入增长|%|false|与经济增长基本同步|~|6.4|met|2.0
        {review}|单位地区生产总值能源消耗降低|%|true|完成国家下达目标|~|完成国家下达目标|met|~
        {plan}|地区生产总值增长|%|false|5左右|~|~|~|~
        {plan}|规模以上工业增加值增长|%|false|6|~|~|~|~
        {plan}|固定资产投资增长|%|false|5|~|~|~|~
        {plan}|社会消费品零售总额增长|%|false|6|~|~|~|~
        {plan}|城镇调查失业率|%|false|5.5以内|~|~|~|~
        {plan}|居民人均可支配收入增长|%|false|与经济增长基本同步|~|~|~|~
        {plan}|单位地区生产总值能源消耗降低|%|true|完成国家下达目标|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_shuxing_column_and_verdict_words_in_a_wanchengqingkuang_column() {
    let report = export("kunshan.html");
    let table = "2023年昆山市国民经济和社会发展主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|6左右|~|5.8|missed|-0.2
        {table}|一般公共预算收入增长|%|false|4|~|4.6|met|0.6
        {table}|规上工业增加值增长|%|false|>6|~|7.1|met|1.1
        {table}|固定资产投资增长|%|false|5|~|-3.2|missed|-8.2
        {table}|社会消费品零售总额增长|%|false|6|~|8.1|met|2.1
        {table}|城镇居民人均可支配收入增长|%|false|与经济增长同步|~|4.9|met|-0.9
        {table}|居民消费价格涨幅|%|false|3左右|~|0.3|met|2.7
        {table}|城镇调查失业率|%|false|≤5|~|4.6|met|0.4
        {table}|单位地区生产总值能耗下降|%|true|完成省下达任务|~|待国家反馈|unassessed|~
        {table}|PM2.5平均浓度|微克/立方米|true|≤30|~|31|missed|-1.0
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn tasks_results_to_a_month_executed_and_changes_on_last_year() {
    let report = export("jiangjin.html");
    let first = "表1 2023年全区主要经济指标执行情况|2023|review";
    let second = "表2 2023年全区民生指标执行情况|2023|review";
    let want = expected(&format!(
        "
        {first}|地区生产总值|亿元|~|增长6.5%|~|5.6|missed|-0.9
        {first}|规模以上工业增加值|亿元|~|增长8%|~|9.3|met|1.3
        {first}|一般公共预算收入|亿元|~|61|~|62.4|met|1.4
        {first}|社会消费品零售总额|亿元|~|增长6%|~|5.2|missed|-0.8
        {first}|外贸进出口总额|亿元|~|260|~|238.5|missed|-21.5
        {second}|城镇常住居民人均可支配收入|元|~|增长6%|~|4.6|missed|-1.4
        {second}|新增城镇就业|万人|~|1.5|~|1.62|met|0.12
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn browser_copies_with_a_second_header_row_pushed_left_read_the_rows_of_the_pages() {
    // yunnan: `2023年` written over each sub-title, a 类别 cell spanning rows; kunshan: `2023年`
    // spanning two sub-titles, written once.
    // guangdong: category rows, one cell spanning the table, written as a line without TABs;
    // haining: most rows short (类别 written once per block); jiangxi: a short row with a revised
    // target (`8左右（后调整为3左右）`) beside a unit `%`; longgang: category rows of a number and
    // a label (`一 | 经济发展`); banan: the unit row `单位：%` as a line above the header; wanzhou: a
    // target spanning a value and its growth column (`完成市下达目标`) beside a unit `%`; yuhang: a
    // header of three rows, each pushed left (`2023年` / `计划 | 实际` / `总量 | 增长 | 总量 | 增长`);
    // jinhua: a category cell before the name in a block's first row (`经济 发展 | 地区生产总值增长★`)
    // and a verdict column read from the right of rows of unequal length.
    let pairs = [
        ("yunnan.html", "yunnan.paste.txt"),
        ("kunshan.html", "kunshan.paste.txt"),
        ("guangdong.html", "guangdong.paste.txt"),
        ("haining.html", "haining.paste.txt"),
        ("jiangxi.html", "jiangxi.paste.txt"),
        ("longgang.html", "longgang.paste.txt"),
        ("banan.html", "banan.paste.txt"),
        ("wanzhou.html", "wanzhou.paste.txt"),
        ("yuhang.gbk.html", "yuhang.paste.txt"),
        ("jinhua.html", "jinhua.paste.txt"),
    ];
    assert_dumps_read_as_their_pages(&pairs, "tab");
}

#[test]
fn sections_by_attribute_give_the_rows_binding_and_check_marks_are_verdicts() {
    // `一、约束性指标` / `二、预期性指标` rows spanning the table: before, read as a second header
    // row (they hold 指标), and no table; `√`/`×` in a `是否完成` column; full-width digits.
    let report = export("rongchang.html");
    let table = "全区主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|—|missed|~
        {table}|化学需氧量排放量削减|%|true|２．１|~|２．３|met|0.2
        {table}|地区生产总值增长|%|false|７|~|６．２|missed|-0.8
        {table}|规模以上工业增加值增长|%|false|9左右|~|10.5|met|1.5
        {table}|固定资产投资增长|%|false|8|~|－3.2|missed|-11.2
        {table}|城镇新增就业|万人|false|≥1.2|~|1.35|met|0.15
        {table}|城镇调查失业率|%|false|5.5以内|~|5.2|met|0.3
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("rongchang.html", "rongchang.paste.txt")], "tab");
    // lynx: the section labels are rows across the columns, not header lines or wrapped cells.
    assert_dumps_read_as_their_pages(&[("rongchang.html", "rongchang.lynx.txt")], "aligned");
}

#[test]
fn an_indicator_spanning_rows_beside_its_measures_names_each_row_with_its_measure() {
    // `地区生产总值` spanning two rows beside `总量` and `增速`: before, rows named 总量 and 增速
    // under a parent; the browser copy writes the spanning cell once, lynx prints it once.
    let report = export("qianjiang.html");
    let table = "表1 2023年黔江区主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值总量|亿元|~|300|~|296.5|missed|-3.5
        {table}|地区生产总值增速|%|~|6.5|~|5.9|missed|-0.6
        {table}|一般公共预算收入总量|亿元|~|15.2|~|15.8|met|0.6
        {table}|一般公共预算收入增速|%|~|3|~|7.1|met|4.1
        {table}|固定资产投资增速|%|~|7|~|-2.6|missed|-9.6
        {table}|城镇调查失业率|%|true|5.5以内|~|5.3|met|0.2
        "
    ));
    assert_eq!(rows(&report), want);
    assert!(report["indicators"].as_array().unwrap().iter().all(|row| row["parent"].is_null()));
    assert_dumps_read_as_their_pages(&[("qianjiang.html", "qianjiang.paste.txt")], "tab");
    assert_dumps_read_as_their_pages(&[("qianjiang.html", "qianjiang.lynx.txt")], "aligned");
}

#[test]
fn a_target_and_a_result_title_each_over_a_level_and_a_growth() {
    // `年度计划` and `完成情况` (no year in the header) each over `总量 | 增速(%)`, 主要指标 and
    // 计量单位 spanning both header rows; the copy pushes the second row to the left (before, the
    // levels were read as targets and the growths as results); pandoc's gfm wraps the page's raw
    // `<table>` in Markdown with a `### 附表1` heading (before, read as one HTML page, the caption
    // lost).
    let report = export("changshou.html");
    let table = "附表1 长寿区2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|亿元|~|7|1080|6.1|missed|-0.9
        {table}|规模以上工业增加值|亿元|~|10|~|11.2|met|1.2
        {table}|固定资产投资|亿元|~|8|~|4.6|missed|-3.4
        {table}|社会消费品零售总额|亿元|~|7.5|330|8.1|met|0.6
        {table}|居民消费价格涨幅|%|~|3左右|~|0.4|met|2.6
        {table}|城镇常住居民人均可支配收入|元|~|6.5|48500|5.8|missed|-0.7
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("changshou.html", "changshou.paste.txt")], "tab");
    assert_dumps_read_as_their_pages(&[("changshou.html", "changshou.gfm.md")], "html");
}

#[test]
fn pandoc_simple_and_multiline_tables_read_the_rows_of_the_pages() {
    // `pandoc -t markdown` and `-t plain`: columns known by the rule of dash runs; a header of two
    // rows as a multiline table's header and its first row (`总量 | 增速(%)`, pushed left, under
    // the padded `年度计划` and `完成情况`), `计量\` wrapped in its cell, `---` for `—`; a table
    // without a header whose section rows (`一、约束性指标`) run past the narrow 序号 column;
    // tables without a header between rules (nanan, jishou: before, read as lynx's grid of
    // characters, a rule as a row or `项　目` as two columns); `^①^` marks after names (guangdong).
    let pairs = [
        ("changshou.html", "changshou.pandoc.md"),
        ("changshou.html", "changshou.plain.txt"),
        ("rongchang.html", "rongchang.pandoc.md"),
        ("nanan.html", "nanan.pandoc.md"),
        ("jishou.html", "jishou.pandoc.md"),
        ("guangdong.html", "guangdong.pandoc.md"),
    ];
    assert_dumps_read_as_their_pages(&pairs, "aligned");
}

#[test]
fn a_category_written_once_under_a_name_title_over_two_columns_in_pandoc_tables() {
    // `指  标` over the category and the name (`<th colspan=2>`), written by pandoc in the first
    // column with the second titled blank; `经济\` / `发展` wrapped in the first row of its block
    // only: the rows below name themselves in the second column (before, they did not count as
    // named, the table was judged by its first rows and the banded reader's grid won, joining the
    // category to the name: `经济地区生产总值增长★发展`).
    for dump in ["jinhua.pandoc.md", "jinhua.plain.txt"] {
        assert_jinhua_rows(&export(dump), dump);
    }
}

#[test]
fn a_unit_note_in_the_last_cell_of_a_row_above_the_header_and_row_titles_in_th() {
    // `<td colspan=4></td><td>单位：亿元、%</td>` above the header: before, read as a header row
    // (单位 is a title) and no table; the note gives `%` to the rows naming a rate (增速); `<caption>`; names in `<th>`; a base year's column aside.
    // Its `pdftotext -layout` form (printed from Writer) writes the titles one space apart, as it
    // does numbers and the CJK beside them (`2022 年完成 2023 年目标 2023 年完成`), and the next
    // section's heading right under the last row (before, no table: the three titles read as one;
    // then the heading was taken for the rest of the last name).
    let captions = [
        ("bishan.html", "表1 2023年璧山区主要经济指标完成情况"),
        ("bishan.pdftotext.txt", "表 1 2023 年璧山区主要经济指标完成情况"),
    ];
    for (file, caption) in captions {
        let table = format!("{caption}|2023|review");
        let want = expected(&format!(
            "
            {table}|地区生产总值|~|~|增长6.5%|~|增长6.9%|met|0.4
            {table}|规模以上工业增加值增速|%|~|9|~|8.4|missed|-0.6
            {table}|固定资产投资增速|%|~|8|~|8.2|met|0.2
            {table}|一般公共预算收入|~|~|47|~|48.6|met|1.6
            {table}|城镇常住居民人均可支配收入|元|~|增长6%|~|增长5.4%|missed|-0.6
            "
        ));
        assert_eq!(rows(&export(file)), want, "{file}");
    }
}

#[test]
fn a_second_table_with_its_caption_and_header_inside_the_same_table() {
    // One `<table>`: `表1 …` and its rows, then `表2 …` and its own header row (before, read as
    // rows of the first table: `指标 | 单位 | 2024年目标 | 属性` a row named 指标).
    let report = export("jiangbei.html");
    let review = "表1 2023年主要指标完成情况|2023|review";
    let plan = "表2 2024年主要指标预期目标|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|~|6|~|5.4|missed|-0.6
        {review}|一般公共预算收入增长|%|~|5|~|6.2|met|1.2
        {plan}|地区生产总值增长|%|false|5.5左右|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("jiangbei.html", "jiangbei.paste.txt")], "tab");
    assert_dumps_read_as_their_pages(&[("jiangbei.html", "jiangbei.gfm.md")], "pipe");
}

#[test]
fn sections_numbered_in_brackets_beside_empty_cells_in_markdown_and_plain_text() {
    // `<td>（一）</td><td colspan=4>经济发展</td>`: pandoc writes the number, the label and empty
    // cells (before, a row named 经济发展); `计划目标 | 预计完成` with the year in the caption.
    let report = export("kaizhou.html");
    let table = "表1 开州区2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增速|%|~|6.5左右|~|6.3|missed|-0.2
        {table}|规上工业增加值增速|%|~|10|~|10.8|met|0.8
        {table}|社会消费品零售总额增速|%|~|7|~|7.9|met|0.9
        {table}|城镇新增就业|万人|~|1.5|~|1.62|met|0.12
        {table}|居民人均可支配收入增速|%|~|与经济增长同步|~|6.1|missed|-0.2
        {table}|PM2.5年均浓度|微克/立方米|true|≤35|~|33|met|2.0
        "
    ));
    assert_eq!(rows(&report), want);
    let categories: Vec<&Value> =
        report["indicators"].as_array().unwrap().iter().map(|r| &r["category"]).collect();
    assert_eq!(
        categories[..4],
        [
            &Value::from("经济发展"),
            &Value::from("经济发展"),
            &Value::from("经济发展"),
            &Value::from("民生保障")
        ]
    );
    assert_dumps_read_as_their_pages(&[("kaizhou.html", "kaizhou.gfm.md")], "pipe");
    assert_dumps_read_as_their_pages(&[("kaizhou.html", "kaizhou.plain.txt")], "aligned");
}

#[test]
fn a_text_browser_dump_of_cells_in_paragraphs_under_a_year_spanning_its_titles() {
    // Cells in `<p>`: lynx prints every cell as a paragraph of its own. The header `2023年` over
    // `目标 | 预计完成 | 完成率（%）` comes out as one run of titles (before, seven columns and no
    // table); a category (`领域`) spanning rows is printed once, at its first row; under the flat
    // header of 表2 the first name ends in 增速 (before, a sub-title splitting `2023年预计`).
    let report = export("tongliang.html");
    let review = "表1 2023年铜梁区国民经济和社会发展主要指标完成情况|2023|review";
    let plan = "表2 2024年铜梁区国民经济和社会发展主要预期目标|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增速|%|false|6.5左右|~|6.3|missed|-0.2
        {review}|规模以上工业增加值增速|%|false|≥8|~|8.2|met|0.2
        {review}|固定资产投资增速|%|false|7|~|-3.1|missed|-10.1
        {review}|社会消费品零售总额|亿元|false|330|~|336.2|met|6.2
        {review}|一般公共预算收入|亿元|false|30.5|~|28.7|missed|-1.8
        {review}|城镇调查失业率|%|false|≤5.5|~|5.2|met|0.3
        {review}|居民人均可支配收入增速|%|false|6.5|~|5.8|missed|-0.7
        {review}|城镇新增就业人数|万人|false|1.2|~|1.35|met|0.15
        {review}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|完成|met|~
        {review}|空气质量优良天数比例|%|true|≥88|~|90.4|met|2.4
        {plan}|地区生产总值增速|%|false|6左右|~|~|~|~
        {plan}|规模以上工业增加值增速|%|false|8左右|~|~|~|~
        {plan}|一般公共预算收入|亿元|false|30|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    // kunshan: `2023年` over `预期目标 | 实际完成` with `完成情况` after it in the first row; a
    // qualitative target (`与经济增长同步`) or result (`待国家反馈`) before a value is no row's name
    // where the row fills up to the next one (before, rows cut short and shifted).
    // chengkou: `年度计划` and `完成情况` each over `总量 | 增速(%)` (before, all four sub-titles
    // under 完成情况 and the rows shifted).
    let pairs = [
        ("tongliang.html", "tongliang.lynx.txt"),
        ("kunshan.html", "kunshan.lynx.txt"),
        ("chengkou.html", "chengkou.lynx.txt"),
    ];
    assert_dumps_read_as_their_pages(&pairs, "stream");
    let table = "附表1 城口县2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|亿元|~|7|96|6.1|missed|-0.9
        {table}|规模以上工业增加值|亿元|~|10|~|11.2|met|1.2
        {table}|固定资产投资|亿元|~|8|~|4.6|missed|-3.4
        {table}|社会消费品零售总额|亿元|~|7.5|41|8.1|met|0.6
        {table}|居民消费价格涨幅|%|~|3左右|~|0.4|met|2.6
        {table}|城镇常住居民人均可支配收入|元|~|6.5|41200|5.8|missed|-0.7
        "
    ));
    assert_eq!(rows(&export("chengkou.html")), want);
    let categories = |report: &Value| -> Vec<Value> {
        report["indicators"].as_array().unwrap().iter().map(|row| row["category"].clone()).collect()
    };
    assert_eq!(categories(&export("tongliang.lynx.txt")), categories(&report));
    assert_eq!(categories(&report)[5], Value::from("民生福祉"));
}

#[test]
fn a_spreadsheet_saved_as_a_web_page_and_its_w3m_dump_with_titles_wrapped_in_narrow_columns() {
    // Excel's HTML: `<col>`s, `x:num`, `mso-ignore:colspan`, a unit note in the last cell of a
    // blank first row, a hidden row of widths in a conditional comment, a verdict column; w3m
    // wraps the titles of narrow columns (`2023年目` over `标`: before, no header and no table) and
    // the reason in 备注.
    let report = export("tongnan.html");
    let table = "潼南区2023年主要经济指标完成情况表|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增速|%|~|6.5|~|6.1|missed|-0.4
        {table}|规模以上工业增加值增速|%|~|9.0|~|9.3|met|0.3
        {table}|固定资产投资|亿元|~|420.0|~|401.6|missed|-18.4
        {table}|社会消费品零售总额|亿元|~|236.0|~|241.3|met|5.3
        {table}|城乡居民人均可支配收入增速|%|~|6.5|~|6.6|met|0.1
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("tongnan.html", "tongnan.w3m.txt")], "aligned");
}

#[test]
fn a_province_table_with_the_result_before_its_target_and_a_bare_appendix_label() {
    // 贵州省: `附表：` alone above the table (before, joined with the header row, TABs and all,
    // as the caption); results before targets, the next year's targets after them; sections in
    // `<tbody>`s of their own; a `其中：` row under its parent.
    let report = export("guizhou.html");
    let (review, plan) = ("附表：|2023|review", "附表：|2024|plan");
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|6左右|~|4.9|missed|-1.1
        {review}|第一产业增加值增长|%|false|4|~|4.0|met|0.0
        {review}|规模以上工业增加值增长|%|false|7左右|~|7.0|met|0.0
        {review}|城镇调查失业率|%|false|5.5以内|~|4.9|met|0.6
        {review}|居民人均可支配收入增长|%|false|与经济增长基本同步|~|6.4|met|1.5
        {review}|单位地区生产总值能耗降低|%|true|完成国家下达任务|~|完成国家下达任务|met|~
        {plan}|地区生产总值增长|%|false|5.5左右|~|~|~|~
        {plan}|第一产业增加值增长|%|false|4|~|~|~|~
        {plan}|规模以上工业增加值增长|%|false|7|~|~|~|~
        {plan}|城镇调查失业率|%|false|5.5以内|~|~|~|~
        {plan}|居民人均可支配收入增长|%|false|与经济增长同步|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成国家下达任务|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    let parents: Vec<&Value> =
        report["indicators"].as_array().unwrap().iter().map(|row| &row["parent"]).collect();
    assert_eq!(parents[1], &Value::from("地区生产总值增长"));
    assert_eq!(parents[0], &Value::Null);
}

#[test]
fn a_blank_or_slanted_corner_cell_over_the_names() {
    // 巫溪县: the header's first cell is empty (`<td></td> | 单位 | 目标值 | 完成值 | ±`): before,
    // no name column, so no table; also in the browser's copy (a leading TAB).
    let report = export("wuxi.html");
    let table = "表1 巫溪县2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增速|%|~|6.5|~|5.9|missed|-0.6
        {table}|规上工业增加值增速|%|~|9|~|10.2|met|1.2
        {table}|一般公共预算收入|亿元|~|8.5|~|8.7|met|0.2
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("wuxi.html", "wuxi.paste.txt")], "tab");
    // 巫山县: a slanted corner cell, `年度<br>项目` (before, no title and no table).
    let table = "表1 巫山县2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增速|%|~|6.5|~|6.0|missed|-0.5
        {table}|规上工业增加值增速|%|~|9|~|9.4|met|0.4
        {table}|一般公共预算收入|亿元|~|8.5|~|8.7|met|0.2
        "
    ));
    assert_eq!(rows(&export("wushan.html")), want);
}

#[test]
fn targets_written_as_ranges_bounds_and_growth_above_nothing() {
    // 彭水县: the value grammar as district tables write targets: a range met inside it, `不低于`,
    // `控制在…以内`, `以下`, `正增长` (before, unassessed: now at least 0%, so a fall misses it), a
    // qualitative target left unassessed, `左右` met within half its last digit, `≥` missed by 0.01.
    let report = export("pengshui.html");
    let table = "表1 彭水县2023年主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增速|%|~|6-6.5|~|6.2|met|0.2
        {table}|规上工业增加值增速|%|~|不低于7|~|6.8|missed|-0.2
        {table}|居民消费价格涨幅|%|~|控制在3%以内|~|0.3|met|2.7
        {table}|城镇调查失业率|%|~|5.5%以下|~|5.6|missed|-0.1
        {table}|固定资产投资增速|%|~|正增长|~|-2.1|missed|-2.1
        {table}|进出口总额增速|%|~|稳中有增|~|下降3.2%|unassessed|~
        {table}|单位GDP能耗降低|%|~|3|~|3.1|met|0.1
        {table}|社会消费品零售总额增速|%|~|7%左右|~|6.95|met|-0.05
        {table}|一般公共预算收入|亿元|~|≥30|~|29.99|missed|-0.01
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_province_table_of_levels_with_their_growth_in_one_cell() {
    // 陕西省: a result cell states the level and its growth (`33786.07亿元，增长4.3%`, also with
    // `；` and `、`): it is judged by the part in the target's unit (before, unassessed). A target
    // and a result that both state two values are left unassessed: which one the plan meant is not
    // said.
    let report = export("shaanxi.html");
    let table = "表1 2023年全省主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|~|~|增长6.5%左右|~|33786.07亿元，增长4.3%|missed|-2.2
        {table}|规模以上工业增加值|~|~|增长7.5%|~|增长5.1%|missed|-2.4
        {table}|一般公共预算收入|~|~|3500亿元，增长5%|~|3437.4亿元；增长7.9%|unassessed|~
        {table}|外贸进出口总额|~|~|增长5%左右|~|4575.9亿元、下降5.3%|missed|-10.3
        {table}|固定资产投资|~|~|增长8%|~|下降3.1%|missed|-11.1
        {table}|社会消费品零售总额|~|~|增长7%|~|增长6.1%|missed|-0.9
        {table}|城镇调查失业率|~|~|5.5%以内|~|5.3%|met|0.2
        {table}|居民消费价格涨幅|~|~|3%左右|~|0.1%|met|2.9
        {table}|单位地区生产总值能耗降低|~|~|完成国家下达任务|~|预计完成|met|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_whole_year_estimate_under_the_year_beside_results_to_november() {
    // 垫江县: `2023年` spans `计划 | 1-11月 | 全年预计`; the whole-year estimate is the result
    // (before, the results to November were taken). Last year's results and next year's targets
    // stand on either side.
    let report = export("dianjiang.html");
    let caption = "附表1 垫江县主要经济指标完成情况";
    let (review, plan) = (format!("{caption}|2023|review"), format!("{caption}|2024|plan"));
    let want = expected(&format!(
        "
        {review}|地区生产总值增速|%|~|6|~|5.8|missed|-0.2
        {review}|规模以上工业增加值增速|%|~|8|~|9|met|1.0
        {review}|固定资产投资增速|%|~|7|~|3|missed|-4.0
        {review}|城乡居民人均可支配收入增速|%|~|6|~|6.1|met|0.1
        {plan}|地区生产总值增速|%|~|6左右|~|~|~|~
        {plan}|规模以上工业增加值增速|%|~|8|~|~|~|~
        {plan}|固定资产投资增速|%|~|5|~|~|~|~
        {plan}|城乡居民人均可支配收入增速|%|~|6|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
    // lynx writes the header's first line `主要指标          单位 2022年 2023年         2024年`:
    // before, taken for a bare caption (it holds 主要指标 and a year), so the table started under
    // it and read its results to November against 2022.
    assert_dumps_read_as_their_pages(&[("dianjiang.html", "dianjiang.lynx.txt")], "aligned");
}

#[test]
fn a_header_in_a_table_of_its_own_over_a_headerless_table_of_full_width_digits() {
    // 梁平区: the header row stands in a `<table>` of its own above the body's, every cell in
    // `<p><strong>`, values in full-width digits (`６．５`, `－３．１`, `≤５．５`), a 属性 column.
    // pandoc writes two tables: GFM's first holds the titles as a row in `**bold**` under an
    // empty header (before, the bold titles read as no header and the table was lost), plain
    // text two simple tables, the second opening with its rule (before, not joined).
    let report = export("liangping.html");
    let table = "主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|６．５|~|５．８|missed|-0.7
        {table}|规模以上工业增加值增长|%|false|８|~|９．２|met|1.2
        {table}|固定资产投资增长|%|false|７|~|－３．１|missed|-10.1
        {table}|单位地区生产总值能耗降低|%|true|完成市下达目标|~|３．２|unassessed|~
        {table}|城镇调查失业率|%|false|≤５．５|~|５．２|met|0.3
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("liangping.html", "liangping.gfm.md")], "pipe");
    assert_dumps_read_as_their_pages(&[("liangping.html", "liangping.plain.txt")], "aligned");
}

#[test]
fn results_written_as_sentences_against_last_year_with_footnote_marks() {
    // 荣县: results as a county writes them in a 执行情况 column: `同比增长9.1%`, `同比下降2.3%`
    // (before, unassessed), a level and its growth in one sentence, a footnote mark `6.2%①`
    // (before, read as `6.2%1`). `20310元/增长7.2%` stays unassessed: a slash also parts units
    // (`件/万人`), so it does not part values.
    let report = export("rongxian.html");
    let table = "表1 荣县2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|~|~|增长6.5%|~|实现地区生产总值412.3亿元，同比增长5.8%|missed|-0.7
        {table}|规模以上工业增加值|~|~|增长8%|~|同比增长9.1%|met|1.1
        {table}|全社会固定资产投资|~|~|增长10%|~|同比下降2.3%|missed|-12.3
        {table}|社会消费品零售总额|~|~|增长7%|~|增长6.2%①|missed|-0.8
        {table}|一般公共预算收入|~|~|18亿元|~|18.6亿元，增长4.1%|met|0.6
        {table}|城镇居民人均可支配收入|~|~|增长6%|~|达到44120元，增长5.1%|missed|-0.9
        {table}|农村居民人均可支配收入|~|~|增长7%|~|20310元/增长7.2%|unassessed|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn an_attribute_spanning_its_rows_before_the_names_and_a_yes_no_column() {
    // 自流井区: `预期性`/`约束性` in a first column spanning its rows, a `其中：` sub-row, a
    // `是否完成` column of `是`/`否`. The browser copy writes the attribute once, so the rows under
    // it are short at the left: before, their `是`/`否` read from the left fell under
    // `2023年实际完成`, which was taken for a column of verdicts (no results read).
    let report = export("ziliujing.html");
    let table = "自流井区2023年经济社会发展主要指标完成情况表|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|6.5|~|6.9|met|0.4
        {table}|第二产业增加值增长|%|false|7|~|6.2|missed|-0.8
        {table}|全社会固定资产投资增长|%|false|8|~|8.3|met|0.3
        {table}|社会消费品零售总额增长|%|false|7.5|~|7.6|met|0.1
        {table}|单位地区生产总值能耗降低|%|true|完成省市下达任务|~|完成|met|~
        {table}|主要污染物减排|%|true|完成省市下达任务|~|完成|met|~
        "
    ));
    assert_eq!(rows(&report), want);
    assert_dumps_read_as_their_pages(&[("ziliujing.html", "ziliujing.paste.txt")], "tab");
}

#[test]
fn a_name_title_over_two_columns_and_a_table_of_targets_and_completion_rates() {
    // 沿滩区: `指标名称` spans the category and the name (`colspan=2 rowspan=2`), units in the
    // names; 表2 gives targets and completion rates only (`92%`, `108%`): before, a plan table; now
    // a review whose rows the rates judge, met from 100%, with the gap of the share reached
    // (150 at 92% is 12 short).
    let report = export("yantan.html");
    let table = "表1 沿滩区2023年主要指标完成情况|2023|review";
    let rates = "表2 沿滩区2023年重点指标完成进度|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|亿元|~|560|~|548.2|missed|-11.8
        {table}|一般公共预算收入|亿元|~|21|~|21.9|met|0.9
        {table}|固定资产投资增速|%|~|10|~|4.2|missed|-5.8
        {table}|城镇新增就业|人|~|5000|~|5230|met|230.0
        {table}|城镇调查失业率|%|~|5.5以内|~|5.1|met|0.4
        {rates}|招商引资到位资金|亿元|~|150|~|~|missed|-12.0
        {rates}|新增市场主体|户|~|6000|~|~|met|480.0
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn years_written_in_chinese_numerals() {
    // 贡井区: `二〇二三年` in the title, the date line (`二〇二四年一月十日`) and the column titles
    // (before, no reviewed or plan year, no date, one table of no year). In w3m's dump the drawn
    // table keeps its numerals in the text (a shorter year would move its columns): its cells are
    // rewritten as they are read.
    for file in ["gongjing.html", "gongjing.w3m.txt"] {
        let report = export(file);
        assert_eq!(
            (&report["review_year"], &report["plan_year"], &report["delivered_on"]),
            (&Value::from(2023), &Value::from(2024), &Value::from("2024-01-10")),
            "{file}"
        );
        let caption = "关于贡井区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告";
        let (review, plan) = (format!("{caption}|2023|review"), format!("{caption}|2024|plan"));
        let want = expected(&format!(
            "
            {review}|地区生产总值增速|%|~|6.5|~|6.1|missed|-0.4
            {review}|规模以上工业增加值增速|%|~|8|~|8.4|met|0.4
            {plan}|地区生产总值增速|%|~|6|~|~|~|~
            {plan}|规模以上工业增加值增速|%|~|8|~|~|~|~
            "
        ));
        assert_eq!(rows(&report), want, "{file}");
    }
}

#[test]
fn a_table_printed_in_two_halves_side_by_side() {
    // 江山市: `指标 | 目标（%） | 完成（%）` twice across the page, the right half's last row blank.
    // The halves are read one under the other (before, each row's two names were read as one and
    // the right half's values were lost), and the titles' `（%）` is the rows' unit.
    // The page's `表1　` reads as a space in HTML; the text keeps its ideographic space.
    for (file, space) in [("jiangshan.html", ' '), ("jiangshan.w3m.txt", '\u{3000}')] {
        let table = format!("表1{space}2023年主要经济指标完成情况|2023|review");
        let want = expected(&format!(
            "
            {table}|地区生产总值增长|%|~|7|~|6.2|missed|-0.8
            {table}|固定资产投资增长|%|~|10|~|12.3|met|2.3
            {table}|社会消费品零售总额增长|%|~|8|~|9.6|met|1.6
            {table}|一般公共预算收入增长|%|~|5|~|8.1|met|3.1
            {table}|城镇居民人均可支配收入增长|%|~|6|~|5.4|missed|-0.6
            "
        ));
        assert_eq!(rows(&export(file)), want, "{file}");
    }
}

#[test]
fn a_year_centred_over_its_columns_in_a_text_dump() {
    // 义乌市: `2023年` spans `预期目标 | 实现值 | 增减（百分点）` beside `2024年预期目标`. lynx centres
    // the year over the middle column; it spans the empty titles on its left back to `指标` too
    // (before, `预期目标` had no year: the 2024 targets were skipped with a warning).
    for file in ["yiwu.html", "yiwu.lynx.txt"] {
        let report = export(file);
        let review = "附表：2023年主要经济社会发展指标完成情况|2023|review";
        let plan = "附表：2023年主要经济社会发展指标完成情况|2024|plan";
        let want = expected(&format!(
            "
            {review}|地区生产总值增长|%|~|6.5|~|7.3|met|0.8
            {review}|规上工业增加值增长|%|~|7|~|6.1|missed|-0.9
            {review}|进出口总额增长|%|~|10|~|21.8|met|11.8
            {review}|居民人均可支配收入增长|%|~|6.5|~|6.0|missed|-0.5
            {review}|城镇新增就业|万人|~|3|~|4.2|met|1.2
            {plan}|地区生产总值增长|%|~|6.5|~|~|~|~
            {plan}|规上工业增加值增长|%|~|7|~|~|~|~
            {plan}|进出口总额增长|%|~|8|~|~|~|~
            {plan}|居民人均可支配收入增长|%|~|6|~|~|~|~
            {plan}|城镇新增就业|万人|~|3|~|~|~|~
            "
        ));
        assert_eq!(rows(&report), want, "{file}");
    }
}

#[test]
fn a_table_inside_a_layout_table_with_a_spacer_column() {
    // 桐乡市: the page sits in a one-cell layout table; the data table ends every row with an
    // empty spacer cell (`<td width="1">`), its cells hold `<p>`, a name breaks over `<br>`, and
    // numbers are grouped with `,` and spaces. The blank spacer is no second name cell (before,
    // each name was joined with its unit and every value moved one column left).
    let table = "表1 2023年主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值|亿元|~|1,050|~|1,012.6|missed|-37.4
        {table}|社会消费品零售总额|亿元|~|520|~|531.4|met|11.4
        {table}|进出口总额|亿元|~|1 200|~|1 386.5|met|186.5
        {table}|城乡居民收入比|~|~|≤1.65|~|1.63|met|0.02
        "
    ));
    assert_eq!(rows(&export("tongxiang.html")), want);
}

#[test]
fn a_province_table_with_a_base_year_and_a_plan_period_target_beside_the_years_review() {
    // 福建省: `2020年` (the base) and `2025年规划目标` stand beside `2023年` over `预期目标 |
    // 完成情况` and `2024年预期目标`. In a browser's copy the sub-titles are pushed left under the
    // first title; the rows, one cell wider than the titles, show one year takes both, and the
    // latest year is the one reviewed (before, `2020年` took `预期目标`: the 2020 bases were read as
    // a plan for 2020 and every name was joined with its unit).
    for file in ["fujian.html", "fujian.paste.txt"] {
        let table = "附表1 福建省“十四五”规划主要指标2023年完成情况及2024年目标";
        let (review, plan) = (format!("{table}|2023|review"), format!("{table}|2024|plan"));
        let want = expected(&format!(
            "
            {review}|地区生产总值年均增长|%|false|6左右|~|4.5|missed|-1.5
            {review}|全员劳动生产率增长|%|false|6|~|5.1|missed|-0.9
            {review}|常住人口城镇化率|%|false|70.7|~|71.04|met|0.34
            {review}|单位地区生产总值能源消耗降低|%|true|完成国家下达目标|~|完成|met|~
            {review}|森林覆盖率|%|true|66.8|~|65.12|missed|-1.68
            {plan}|地区生产总值年均增长|%|false|5.5左右|~|~|~|~
            {plan}|全员劳动生产率增长|%|false|5.5|~|~|~|~
            {plan}|常住人口城镇化率|%|false|71.5|~|~|~|~
            {plan}|单位地区生产总值能源消耗降低|%|true|完成国家下达目标|~|~|~|~
            {plan}|森林覆盖率|%|true|67|~|~|~|~
            "
        ));
        assert_eq!(rows(&export(file)), want, "{file}");
    }
}

#[test]
fn a_table_on_its_side_with_the_indicators_across_the_top_and_the_years_down_the_first_column() {
    // 桐庐县: `项　目 | 地区生产总值增长（%） | 一般公共预算收入（亿元） | …` across the top,
    // `2023年目标 | 2023年完成 | 2024年目标` down the first column (`<th scope="row">`,
    // `<colgroup>`), the unit in each name. Turned about its diagonal it is a table reviewing 2023
    // and planning 2024 (before, no header was found and no row read), in the page and in its
    // browser copy, lynx and w3m dumps (w3m wraps `2023年` / `目标`).
    for file in ["tonglu.html", "tonglu.paste.txt", "tonglu.lynx.txt", "tonglu.w3m.txt"] {
        let table = "表1 桐庐县2023年主要指标完成情况及2024年预期目标";
        let (review, plan) = (format!("{table}|2023|review"), format!("{table}|2024|plan"));
        let want = expected(&format!(
            "
            {review}|地区生产总值增长|%|~|7|~|6.4|missed|-0.6
            {review}|一般公共预算收入|亿元|~|42|~|43.2|met|1.2
            {review}|固定资产投资增长|%|~|10|~|11.5|met|1.5
            {review}|城镇调查失业率|%|~|5.5以内|~|4.6|met|0.9
            {review}|城乡居民收入比|~|~|≤1.65|~|1.63|met|0.02
            {plan}|地区生产总值增长|%|~|6.5|~|~|~|~
            {plan}|一般公共预算收入|亿元|~|44|~|~|~|~
            {plan}|固定资产投资增长|%|~|8|~|~|~|~
            {plan}|城镇调查失业率|%|~|5.5以内|~|~|~|~
            {plan}|城乡居民收入比|~|~|≤1.63|~|~|~|~
            "
        ));
        // The dumps keep the caption's ideographic space (`表1　`), which reads as a space in HTML.
        let got: Vec<String> = rows(&export(file)).iter().map(|row| row.replace('\u{3000}', " ")).collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn rows_alternating_plan_and_result_under_one_indicator_are_one_row() {
    // 淳安县: `序号 | 指标名称 | 单位 | 项目 | 2023年`, each indicator in two rows (its 序号, name
    // and unit spanning both), `计划` then `完成` in the 项目 column: each pair is one row reviewed
    // (before, eight plan rows named `计划` and `完成`).
    let table = "表1 2023年淳安县主要经济指标计划及完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|~|7|~|6.3|missed|-0.7
        {table}|一般公共预算收入|亿元|~|28.5|~|29.1|met|0.6
        {table}|固定资产投资增长|%|~|10|~|-2.4|missed|-12.4
        {table}|城镇调查失业率|%|~|控制在3.5以内|~|2.9|met|0.6
        "
    ));
    assert_eq!(rows(&export("chunan.html")), want);
}

#[test]
fn a_unit_note_across_the_table_under_its_header_is_no_category() {
    // 富阳区: `<td colspan=3>单位：亿元、%</td>` under the header (before, every row's category).
    let table = "表1 2023年主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|~|6.5|~|6.1|missed|-0.4
        {table}|一般公共预算收入|亿元|~|30|~|31.2|met|1.2
        "
    ));
    let report = export("fuyang.html");
    assert_eq!(rows(&report), want);
    assert!(report["indicators"].as_array().unwrap().iter().all(|row| row["category"].is_null()));
}

#[test]
fn years_over_the_columns_written_relative_to_the_reviewed_year() {
    // 长兴县: `本年` over `计划 | 预计` and `明年` over `计划`, drafted before the year ended: a
    // review of 2023 and a plan for 2024 (before, no header was found: `本年` was no title).
    let review = "全年主要经济社会发展指标执行情况|2023|review";
    let plan = "全年主要经济社会发展指标执行情况|2024|plan";
    let want = expected(&format!(
        "
        {review}|地区生产总值增长|%|false|7|~|6.4|missed|-0.6
        {review}|规模以上工业增加值增长|%|false|8|~|9.1|met|1.1
        {review}|外贸出口总额|亿元|false|420|~|436.7|met|16.7
        {review}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|完成|met|~
        {review}|地表水市控以上断面水质达标率|%|true|100|~|100|met|0.0
        {plan}|地区生产总值增长|%|false|6.5|~|~|~|~
        {plan}|规模以上工业增加值增长|%|false|8|~|~|~|~
        {plan}|外贸出口总额|亿元|false|450|~|~|~|~
        {plan}|单位地区生产总值能耗降低|%|true|完成市下达任务|~|~|~|~
        {plan}|地表水市控以上断面水质达标率|%|true|100|~|~|~|~
        "
    ));
    assert_eq!(rows(&export("changxing.html")), want);
    // The browser's copy pushes the sub-titles left under the titles: the same rows.
    assert_dumps_read_as_their_pages(&[("changxing.html", "changxing.paste.txt")], "tab");
}

#[test]
fn this_years_and_next_years_titles_and_last_years_results_beside_a_plan() {
    // 德清县: `项目 | 单位 | 今年目标 | 今年预计 | 明年预期目标` under a lead-in without a year,
    // then a plan table `上年实绩 | 本年计划`. Before, the next year's targets were left out, and
    // the plan table was read as a review of 2024 against last year's results.
    let review = "主要指标完成情况|2023|review";
    let plan = "主要指标完成情况|2024|plan";
    let environment = "2024年生态环境主要指标安排|2024|plan";
    let want = expected(&format!(
        "
        {review}|一般公共预算收入|亿元|~|68|~|70.2|met|2.2
        {review}|城乡居民人均可支配收入增长|%|~|6.5|~|5.9|missed|-0.6
        {review}|城镇调查失业率|%|~|5.5以内|~|4.9|met|0.6
        {review}|森林覆盖率|%|~|≥47|~|47.2|met|0.2
        {plan}|一般公共预算收入|亿元|~|72|~|~|~|~
        {plan}|城乡居民人均可支配收入增长|%|~|6|~|~|~|~
        {plan}|城镇调查失业率|%|~|5.5以内|~|~|~|~
        {plan}|森林覆盖率|%|~|47.3|~|~|~|~
        {environment}|PM2.5平均浓度|微克/立方米|~|27|~|~|~|~
        {environment}|空气质量优良天数比率|%|~|88以上|~|~|~|~
        "
    ));
    assert_eq!(rows(&export("deqing.html")), want);
}

#[test]
fn a_target_and_its_result_written_in_one_cell() {
    // 平湖市: `2023年目标/完成` over `7/6.1` (a full-width slash too), then `预期目标（完成）` over
    // `28（26）`. Before, the first column was set aside as another year's (the 2023 review was
    // lost) and the second table gave no rows. A dash is the target, with no result.
    let first = "表1 2023年平湖市主要指标完成情况";
    let second = "表2 2023年生态环境指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {first}|2023|review|地区生产总值增长|%|~|7|~|6.1|missed|-0.9
        {first}|2023|review|一般公共预算收入|亿元|~|68|~|70.2|met|2.2
        {first}|2023|review|城镇调查失业率|%|~|5.5以内|~|4.9|met|0.6
        {first}|2023|review|进出口总额|亿元|~|—|~||unassessed|~
        {first}|2024|plan|地区生产总值增长|%|~|6|~|~|~|~
        {first}|2024|plan|一般公共预算收入|亿元|~|72|~|~|~|~
        {first}|2024|plan|城镇调查失业率|%|~|5.5以内|~|~|~|~
        {first}|2024|plan|进出口总额|亿元|~|1500|~|~|~|~
        {second}|PM2.5平均浓度|微克/立方米|~|28|~|26|met|2.0
        {second}|空气质量优良天数比率|%|~|88|~|90.4|met|2.4
        "
    ));
    assert_eq!(rows(&export("pinghu.html")), want);
    assert_dumps_read_as_their_pages(&[("pinghu.html", "pinghu.paste.txt")], "tab");
    // 嘉善县: `2023年` over `目标/完成`, beside rowspan categories and a ratio pair (`1.6:1/1.58:1`).
    let table = "表1 2023年嘉善县主要经济社会发展指标完成情况";
    let want = expected(&format!(
        "
        {table}|2023|review|地区生产总值增长|%|false|7|~|6.1|missed|-0.9
        {table}|2023|review|固定资产投资增长|%|false|8|~|-2.3|missed|-10.3
        {table}|2023|review|城镇调查失业率|%|false|5.5以内|~|4.6|met|0.9
        {table}|2023|review|城乡居民收入比|~|false|1.6:1|~|1.58:1|met|0.02
        {table}|2023|review|单位GDP能耗降低|%|true|完成市下达任务|~||unassessed|~
        {table}|2024|plan|地区生产总值增长|%|false|6|~|~|~|~
        {table}|2024|plan|固定资产投资增长|%|false|5|~|~|~|~
        {table}|2024|plan|城镇调查失业率|%|false|5.5以内|~|~|~|~
        {table}|2024|plan|城乡居民收入比|~|false|1.58:1|~|~|~|~
        {table}|2024|plan|单位GDP能耗降低|%|true|完成市下达任务|~|~|~|~
        "
    ));
    assert_eq!(rows(&export("jiashan.html")), want);
    assert_dumps_read_as_their_pages(&[("jiashan.html", "jiashan.w3m.txt")], "boxed");
}

#[test]
fn titles_of_no_known_role_beside_the_known_ones_keep_the_table() {
    // 海盐县, saved from Word (`MsoNormal` paragraphs and spans in every cell, `<o:p>`): beside
    // `指标 | 单位 | 2023年目标 | 2023年完成 | 完成情况` stand `全市排名`, `责任单位` and `未完成原因`.
    // Before, a title of no known role made the row no header, and the table gave no rows.
    let table = "表1 2023年海盐县主要指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|~|7|~|6.2|missed|-0.8
        {table}|规模以上工业增加值增长|%|~|8|~|8.9|met|0.9
        {table}|一般公共预算收入|亿元|~|62|~|63.5|met|1.5
        "
    ));
    assert_eq!(rows(&export("haiyan.html")), want);
    assert_dumps_read_as_their_pages(&[("haiyan.html", "haiyan.paste.txt")], "tab");
}

#[test]
fn a_note_in_the_tables_last_row_gives_each_star_its_meaning() {
    // 秀洲区: `<caption>`, `<thead>`, and in `<tfoot>` `注：带★的为约束性指标；带*的为省对市考核指标。`
    // Only `★` marks binding rows; `*` marks something else. Before, the note inside the table was
    // not read and any star made a row binding.
    let table = "附表1 秀洲区2023年主要经济社会发展指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {table}|地区生产总值增长|%|false|7|~|6.3|missed|-0.7
        {table}|城镇居民人均可支配收入|元|false|76000|~|76532|met|532.0
        {table}|细颗粒物（PM2.5）平均浓度|微克/立方米|true|≤30|~|27|met|3.0
        "
    ));
    let report = export("xiuzhou.html");
    assert_eq!(rows(&report), want);
    assert_eq!(report["table_notes"][0]["text"], "注：带★的为约束性指标；带*的为省对市考核指标。");
    // w3m draws the note as the box's last row.
    assert_dumps_read_as_their_pages(&[("xiuzhou.html", "xiuzhou.w3m.txt")], "boxed");
}

#[test]
fn a_measure_row_under_its_indicator_and_an_unchanged_growth() {
    let report = export("jingyang.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("旌阳区"), &Value::from("德阳市")));
    let caption = "附表 旌阳区国民经济和社会发展主要指标";
    let (review, plan) = (format!("{caption}|2022|review"), format!("{caption}|2023|plan"));
    let want = expected(&format!(
        "
        {review}|地区生产总值|亿元|~|1100|~|1068.2|missed|-31.8
        {review}|地区生产总值增长|%|~|7|~|3.9|missed|-3.1
        {review}|规模以上工业增加值增长|%|~|8|~|5.1|missed|-2.9
        {review}|全社会固定资产投资增长|%|~|10|~|持平|missed|-10.0
        {review}|社会消费品零售总额|亿元|~|455|~|431.3|missed|-23.7
        {review}|居民消费价格涨幅|%|~|3左右|~|2.1|met|0.9
        {review}|城镇居民人均可支配收入增长|%|~|6.5|~|5.2|missed|-1.3
        {review}|单位地区生产总值能耗下降|%|~|完成省下达目标|~|完成|met|~
        {plan}|地区生产总值|亿元|~|1150|~|~|~|~
        {plan}|地区生产总值增长|%|~|6.5|~|~|~|~
        {plan}|规模以上工业增加值增长|%|~|7|~|~|~|~
        {plan}|全社会固定资产投资增长|%|~|8|~|~|~|~
        {plan}|社会消费品零售总额|亿元|~|460|~|~|~|~
        {plan}|居民消费价格涨幅|%|~|3左右|~|~|~|~
        {plan}|城镇居民人均可支配收入增长|%|~|6|~|~|~|~
        {plan}|单位地区生产总值能耗下降|%|~|完成省下达目标|~|~|~|~
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn values_with_their_verbs_in_the_cells_and_a_price_rise() {
    let report = export("cuiping.gbk.html");
    assert_eq!((&report["district"], &report["city"]), (&Value::from("翠屏区"), &Value::from("宜宾市")));
    let review = "全区主要经济指标执行情况|2022|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值|~|~|增长７.５％|~|增长３.２％|missed|-4.3
        {review}|规模以上工业增加值|~|~|增长9%左右|~|增长10.1%|met|1.1
        {review}|全社会固定资产投资|~|~|增长12%|~|下降2.1%|missed|-14.1
        {review}|一般公共预算收入|~|~|45亿元|~|46.3亿元|met|1.3
        {review}|城镇居民人均可支配收入|~|~|增长7%|~|增长5.6%|missed|-1.4
        {review}|城镇调查失业率|~|~|5.5%以内|~|4.9%|met|0.6
        {review}|单位地区生产总值能耗|~|true|完成市下达目标|~|预计完成|met|~
        {review}|居民消费价格涨幅|~|~|3%左右|~|上涨2.3%|met|0.7
        "
    ));
    assert_eq!(rows(&report), want);
}

#[test]
fn a_percent_target_column_is_judged_by_the_growth_result_not_the_level() {
    let report = export("ningxiang.html");
    assert_eq!(report["district"], "宁乡市");
    let review = "表1 2023年主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值|%|~|7左右|~|4.8|missed|-2.2
        {review}|规模工业增加值|%|~|7.5|~|7.6|met|0.1
        {review}|固定资产投资|%|~|8|~|-12.3|missed|-20.3
        {review}|地方一般公共预算收入|%|~|5|~|3.1|missed|-1.9
        {review}|社会消费品零售总额|%|~|8|~|6.9|missed|-1.1
        "
    ));
    assert_eq!(rows(&report), want);
    assert_eq!(column(&report, "actual_other"), ["1380.5", "—", "—", "45.2", "512.6"]);
}

#[test]
fn a_bare_caption_under_a_printed_table_is_not_part_of_its_last_row() {
    // haining.pdftotext.txt: the next table's title (`2022 年主要指标完成情况`) stands right under
    // the last row, below its 类别 (`绿色生态`). Before, it was read as that cell wrapped onto a
    // line of its own (category `绿色生态2022年主要指标完成情况`).
    let categories = |file: &str| column(&export(file), "category");
    assert_eq!(categories("haining.pdftotext.txt"), categories("haining.html"));
}

#[test]
fn section_rows_across_a_seq_column_lose_their_numbers() {
    // pinggu.html: `<td colspan=5>（一）经济发展</td>` across 序号 and the rest; the category is
    // `经济发展`, as an `一、经济发展` section's is (before, `（一）经济发展`).
    let report = export("pinggu.html");
    let review = "2023年主要指标执行情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值增速|~|~|6%左右|~|5.1%|missed|-0.9
        {review}|一般公共预算收入增速|~|~|5%|~|5.9%|met|0.9
        {review}|全社会固定资产投资增速|~|~|8%左右|~|-4.6%|missed|-12.6
        {review}|城镇调查失业率|~|~|控制在5%以内|~|3.9%|met|1.1
        {review}|居民人均可支配收入增速|~|~|与经济增长基本同步|~|6.2%|met|1.1
        {review}|细颗粒物（PM2.5）年均浓度|~|~|32微克/立方米以下|~|30微克/立方米|met|2.0
        {review}|万元地区生产总值能耗降低率|~|~|完成市级下达任务|~|预计完成|met|~
        "
    ));
    assert_eq!(rows(&report), want);
    assert_eq!(
        column(&report, "category"),
        ["经济发展", "经济发展", "经济发展", "民生保障", "民生保障", "绿色发展", "绿色发展"]
    );
}

#[test]
fn a_lynx_dump_whose_wide_value_pushes_the_rest_of_its_row() {
    // `lynx -dump -width=200 -display_charset=utf-8` of licheng.html: `548.7`, one character wider
    // than the column `实际完成` heads, moves the completion rate after it one character right.
    // Before, no column started there: the aligned reader's grid won, the completion rate joined
    // the result's column and no result was read.
    assert_dumps_read_as_their_pages(&[("licheng.html", "licheng.lynx.txt")], "aligned");
    let review = "附表1 历城区2023年主要经济指标完成情况表|2023|review";
    assert_eq!(
        rows(&export("licheng.html"))[3],
        format!("{review}|社会消费品零售总额|亿元|false|560|~|548.7|missed|-11.3")
    );
}

#[test]
fn a_lynx_dump_of_a_word_saved_page_joins_a_name_its_paragraphs_part() {
    // `lynx -dump -width=200 -display_charset=utf-8` of sixian.gbk.html (`<p>` in every cell):
    // one cell per paragraph, a blank line between every two, the two-row header flattened
    // (`2023年` over `计划 | 完成`) and a name in two paragraphs (`地区生产总值` / `增长`). Before,
    // `增长` took the unit's place and no row was read.
    assert_dumps_read_as_their_pages(&[("sixian.gbk.html", "sixian.lynx.txt")], "stream");
    let review = "表1 2023年主要指标完成情况|2023|review";
    assert_eq!(
        rows(&export("sixian.lynx.txt")),
        expected(&format!(
            "
            {review}|地区生产总值增长|%|false|7|~|6.2|missed|-0.8
            {review}|规模以上工业增加值增长|%|false|9|~|9.8|met|0.8
            {review}|单位地区生产总值能耗降低|%|true|3|~|3.2|met|0.2
            {review}|城镇居民人均可支配收入增长|%|false|7.5|~|5.9|missed|-1.6"
        ))
    );
}

#[test]
fn a_printed_page_whose_table_has_section_rows_reads_the_rows_of_the_page() {
    // pinggu.html printed to PDF in LibreOffice (a table without rules): the section rows
    // `（一）经济发展` stand alone between the rows, one row's cells wrap over three lines
    // (`细颗粒物（PM2.5）年均` / `浓度`). Before, each section row ended the table: the rows after
    // `（二）民生保障` were prose, and a label across the 序号 and 指标 columns was read as a row's
    // name.
    let (pdf, page) = (export("pinggu.pdf"), export("pinggu.html"));
    assert_eq!(pdf["format"], "pdf");
    assert_eq!(rows(&pdf), rows(&page));
    assert_eq!(column(&pdf, "category"), column(&page, "category"));
}

#[test]
fn rows_under_a_cell_saying_only_among_them_are_the_sub_rows_of_the_row_above() {
    // changfeng.html: `<td rowspan=3>其中</td>` beside 第一/二/三产业增加值 under 地区生产总值,
    // whose own name spans both name columns; the caption and a unit note `单位：亿元，%` are rows
    // of the table; targets are growth rates (`2023年计划增长`), judged by `比上年增长`, the level
    // `绝对额` kept aside. Before, the three rows had the parent "".
    let report = export("changfeng.html");
    let review = "表1 2023年长丰县主要经济指标完成情况|2023|review";
    let want = expected(&format!(
        "
        {review}|地区生产总值|~|~|8|~|6.3|missed|-1.7
        {review}|第一产业增加值|~|~|3.5|~|4.1|met|0.6
        {review}|第二产业增加值|~|~|9|~|6.8|missed|-2.2
        {review}|第三产业增加值|~|~|8|~|6.2|missed|-1.8
        {review}|规模以上工业增加值|~|~|12|~|9.1|missed|-2.9
        {review}|固定资产投资|~|~|10|~|12.5|met|2.5
        {review}|社会消费品零售总额|~|~|9|~|8.8|met|-0.2
        {review}|一般公共预算收入|~|~|6|~|7.5|met|1.5
        "
    ));
    assert_eq!(rows(&report), want);
    let gdp = "地区生产总值";
    assert_eq!(column(&report, "parent"), ["~", gdp, gdp, gdp, "~", "~", "~", "~"]);
    assert_eq!(
        column(&report, "actual_other"),
        ["801.2", "68.1", "389.5", "343.6", "—", "—", "210.4", "52.3"]
    );
}

#[test]
fn text_browser_dumps_of_a_cell_spanning_rows_beside_the_names() {
    // `w3m -dump -cols 200 -O UTF-8` of changfeng.html draws the bar right of `其中` only in the
    // rows it spans, starting at a `┬` in the rule above: before, that edge was no column, the
    // rules of those rows were read as text and every row had the one name of all the names
    // joined. `lynx -dump -width=200 -display_charset=utf-8` prints the sub-titles `绝对额` and
    // `比上年增长` on a line of their own under `2023年完成`: before, that line was read as the
    // start of the first row (`绝对额801.2`).
    // The dumps keep the two spaces `&nbsp; ` makes in the caption.
    let page = rows(&export("changfeng.html"));
    for (dump, layout) in [("changfeng.w3m.txt", "boxed"), ("changfeng.lynx.txt", "aligned")] {
        let report = export(dump);
        let dumped: Vec<String> = rows(&report).iter().map(|row| row.replacen("表1  ", "表1 ", 1)).collect();
        assert_eq!(dumped, page, "{dump}");
        assert!(report["indicators"].as_array().unwrap().iter().all(|row| row["layout"] == layout));
    }
    let parents = |file: &str| column(&export(file), "parent");
    assert_eq!(parents("changfeng.w3m.txt"), parents("changfeng.html"));
}

#[test]
fn a_report_whose_title_names_no_place_is_the_site_s_unit() {
    // yanbian.html: the report's title and session line name no place (`在县第十八届人民代表大会…`);
    // the page's `<title>` ends with the site's name (`…的报告_政务公开_盐边县人民政府`) and a
    // `SiteName` meta gives it too. Before, the report had no district.
    let report = export("yanbian.html");
    assert_eq!(report["district"], "盐边县");
    // The page saved as Word by LibreOffice keeps the `<title>` as the document's title property.
    let word = export("yanbian.docx");
    assert_eq!((&word["district"], &word["format"]), (&Value::from("盐边县"), &Value::from("docx")));
    assert_eq!(rows(&word), rows(&report));
    assert_eq!(report["review_year"], 2023);
    let table = "表1 2023年主要经济指标完成情况|2023|review";
    assert_eq!(
        rows(&report),
        expected(&format!(
            "
            {table}|地区生产总值增速|%|~|6.5|~|7.1|met|0.6
            {table}|规模以上工业增加值增速|%|~|8|~|9.3|met|1.3
            {table}|固定资产投资增速|%|~|10|~|4.2|missed|-5.8
            {table}|农村居民人均可支配收入|元|~|21500|~|21860|met|360.0"
        ))
    );
}

#[test]
fn a_table_on_its_side_without_a_year_in_its_titles_is_turned() {
    // guangshan.html: the indicators across the top under a corner `指标`, `年度目标` and `完成情况`
    // down the first column, the unit in the caption's bracket (`（单位：%）`). Before, a target
    // title without a year kept the table from being turned (no rows, a warning), and the unit
    // note kept its closing bracket (`%）`).
    let table = "表1 2023年主要经济指标完成情况（单位：%）|2023|review";
    assert_eq!(
        rows(&export("guangshan.html")),
        expected(&format!(
            "
            {table}|地区生产总值增速|%|~|7|~|6.1|missed|-0.9
            {table}|规模以上工业增加值增速|%|~|9|~|9.5|met|0.5
            {table}|固定资产投资增速|%|~|10|~|4.2|missed|-5.8
            {table}|城镇调查失业率|%|~|5.5以内|~|4.8|met|0.7"
        ))
    );
}
