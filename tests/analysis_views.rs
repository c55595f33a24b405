//! The views on small reports built by hand from the real ones (names, targets, actuals and
//! line numbers as the documents write them; statuses and gaps as the assessment gives them).

use plangap::analysis::canonical::AliasTable;
use plangap::analysis::link::{Source, link};
use plangap::analysis::views::{
    MissedFilter, close_indicators, compare, districts, history, missed, resolve_indicator, reviewed_years,
    summary,
};
use plangap::model::{
    IndicatorRow, IndicatorTable, NarrativeValue, Report, Status, TableKind, TitleBlock, Value, ValueForm,
    ValueRole,
};

fn value(raw: &str, form: ValueForm) -> Value {
    Value { raw: raw.into(), form, ..Value::default() }
}

fn exact(raw: &str) -> Value {
    let number = raw.trim_end_matches('%').parse().expect("a number");
    value(raw, ValueForm::Exact(number))
}

struct Row {
    line: usize,
    raw_name: &'static str,
    target: Value,
    actual: Option<Value>,
    binding: Option<bool>,
    status: Option<Status>,
    gap: Option<f64>,
}

fn plan(line: usize, raw_name: &'static str, target: Value) -> Row {
    Row { line, raw_name, target, actual: None, binding: Some(false), status: None, gap: None }
}

fn review(
    line: usize,
    raw_name: &'static str,
    target: Value,
    actual: Value,
    status: Status,
    gap: Option<f64>,
) -> Row {
    let binding = Some(raw_name.ends_with('*'));
    Row { line, raw_name, target, actual: Some(actual), binding, status: Some(status), gap }
}

fn table(caption: &str, line: usize, kind: TableKind, year: u16, rows: Vec<Row>) -> IndicatorTable {
    let rows = rows
        .into_iter()
        .map(|row| {
            let bare = row.raw_name.trim_end_matches('*');
            let (name, unit) = match bare.split_once('（') {
                Some((name, unit)) => (name.to_owned(), Some(unit.trim_end_matches('）').to_owned())),
                None => (bare.to_owned(), None),
            };
            IndicatorRow {
                line: row.line,
                name: name.into(),
                raw_name: row.raw_name.into(),
                unit: unit.map(std::sync::Arc::from),
                binding: row.binding,
                target: row.target,
                actual: row.actual,
                status: row.status,
                gap: row.gap,
                ..IndicatorRow::default()
            }
        })
        .collect();
    IndicatorTable {
        caption: caption.to_owned(),
        line,
        kind,
        year: Some(year),
        layout: plangap::grid::Layout::Stream,
        columns: Vec::new(),
        rows,
        notes: Vec::new(),
    }
}

fn stated(role: ValueRole, year: u16, line: usize, name: &str, raw: &str, form: ValueForm) -> NarrativeValue {
    NarrativeValue {
        role,
        year: Some(year),
        name: name.to_owned(),
        unit: Some("%".to_owned()),
        value: value(raw, form),
        evidence: format!("{name}…{raw}"),
        line,
    }
}

fn report(
    file: &str,
    district: &str,
    review_year: u16,
    tables: Vec<IndicatorTable>,
    narrative: Vec<NarrativeValue>,
) -> Report {
    Report {
        file: file.to_owned(),
        format: plangap::model::Format::Text,
        title: TitleBlock {
            district: Some(district.to_owned()),
            city: Some("重庆市".to_owned()),
            review_year: Some(review_year),
            plan_year: Some(review_year + 1),
            ..TitleBlock::default()
        },
        tables,
        projects: Vec::new(),
        narrative,
        reviews: Vec::new(),
        stated_counts: Vec::new(),
        warnings: Vec::new(),
    }
}

use Status::{Met, Missed, Unassessed};
use TableKind::{Plan, Review};
use ValueRole::{Actual, Target};

/// 綦江区 2020 (002): review table with a 绝对值/增速 header, the 2021 plan table, prose.
fn qijiang_2020() -> Report {
    let review_table = table(
        "专栏3：2020年国民经济和社会发展主要指标完成情况",
        63,
        Review,
        2020,
        vec![
            review(
                82,
                "地区生产总值增速（%）",
                value("7.5以上", ValueForm::AtLeast(7.5)),
                exact("3%"),
                Missed,
                Some(-4.5),
            ),
            review(88, "工业增加值增速（%）", exact("9"), exact("3.2%"), Missed, Some(-5.8)),
            review(100, "固定资产投资增速（%）", exact("10"), exact("10%"), Met, Some(0.0)),
        ],
    );
    let plan_table = table(
        "专栏4：2021年国民经济和社会发展主要指标计划",
        280,
        Plan,
        2021,
        vec![plan(290, "地区生产总值增速（%）", exact("7")), plan(296, "工业增加值增速（%）", exact("9"))],
    );
    let prose = vec![
        stated(Actual, 2020, 9, "地区生产总值增速", "3%", ValueForm::Exact(3.0)),
        stated(Target, 2021, 279, "地区生产总值增速", "7%", ValueForm::Exact(7.0)),
    ];
    report("examples/reports/002_6079ff70e2fa29a4.txt", "綦江区", 2020, vec![review_table, plan_table], prose)
}

/// 綦江区 2022 (000): no review table; results only in prose; the 2023 plan table.
fn qijiang_2022() -> Report {
    let plan_table = table(
        "专栏3：2023年国民经济和社会发展主要指标计划",
        102,
        Plan,
        2023,
        vec![plan(116, "地区生产总值增速（%）", value("7以上", ValueForm::AtLeast(7.0)))],
    );
    let prose = vec![
        stated(Actual, 2022, 22, "地区生产总值增速", "3%", ValueForm::Exact(3.0)),
        stated(Target, 2023, 99, "地区生产总值增速", "7%以上", ValueForm::AtLeast(7.0)),
    ];
    report("examples/reports/000_fc3918ce5d000476.txt", "綦江区", 2022, vec![plan_table], prose)
}

/// 綦江区 2024 (004): review 专栏1 (GDP增速), plan 专栏15 for 2025.
fn qijiang_2024() -> Report {
    let review_table = table(
        "专栏1：2024年国民经济和社会发展计划指标完成情况",
        14,
        Review,
        2024,
        vec![
            review(28, "GDP增速（%）", exact("7"), exact("5.5"), Missed, Some(-1.5)),
            review(43, "固定资产投资增速（%）", exact("10"), exact("15.4"), Met, Some(5.4)),
        ],
    );
    let plan_table = table(
        "专栏15：2025年国民经济和社会发展主要指标计划",
        340,
        Plan,
        2025,
        vec![plan(354, "GDP增速（%）", exact("6.5"))],
    );
    report(
        "examples/reports/004_e43338ecbf5997b6.txt",
        "綦江区",
        2024,
        vec![review_table, plan_table],
        Vec::new(),
    )
}

/// 涪陵区 2022 (001): part of 表1 and of the 2023 plan table.
fn fuling_2022() -> Report {
    let review_table = table(
        "表1  2022年国民经济和社会发展计划指标完成情况",
        14,
        Review,
        2022,
        vec![
            review(26, "地区生产总值增速（%）", exact("6.5"), exact("2.6"), Missed, Some(-3.9)),
            review(36, "规上工业增加值增速（%）", exact("8"), exact("2"), Missed, Some(-6.0)),
            review(41, "建筑业增加值增速（%）", exact("1"), exact("4.4"), Met, Some(3.4)),
            review(111, "进出口总额增速（%）", exact("15"), exact("12"), Missed, Some(-3.0)),
            review(
                121,
                "实际利用外资（亿美元）",
                exact("2"),
                value("不再统计", ValueForm::NotTracked),
                Unassessed,
                None,
            ),
            review(
                161,
                "空气质量优良天数（天）*",
                value("≥330", ValueForm::AtLeast(330.0)),
                exact("326"),
                Missed,
                Some(-4.0),
            ),
            review(171, "森林覆盖率（%）*", exact("53"), exact("52"), Missed, Some(-1.0)),
        ],
    );
    let plan_table = table(
        "2023年国民经济和社会发展主要指标计划",
        238,
        Plan,
        2023,
        vec![plan(243, "地区生产总值增速（%）", exact("6.5")), plan(329, "进出口总值增速（%）", exact("5"))],
    );
    report(
        "examples/reports/001_fbb4d7b36528211a.txt",
        "涪陵区",
        2022,
        vec![review_table, plan_table],
        Vec::new(),
    )
}

/// 荣昌区 2022 (003): part of 表1 (names without unit, percent values); 2023 targets only in prose.
fn rongchang_2022() -> Report {
    let review_table = table(
        "表1  2022年国民经济和社会发展主要计划目标完成情况",
        91,
        Review,
        2022,
        vec![
            review(
                98,
                "地区生产总值",
                value("7.5%左右", ValueForm::About(7.5)),
                exact("2.7%"),
                Missed,
                Some(-4.8),
            ),
            review(113, "一般公共预算收入", exact("3.78%"), exact("-15.9%"), Missed, Some(-19.68)),
            review(
                138,
                "城镇化率",
                value("提高1.8个百分点", ValueForm::PointChange(1.8)),
                value("提高1.8个百分点（预计）", ValueForm::PointChange(1.8)),
                Met,
                Some(0.0),
            ),
        ],
    );
    let prose = vec![
        stated(Actual, 2022, 18, "地区生产总值增速", "2.7%", ValueForm::Exact(2.7)),
        stated(Target, 2023, 168, "地区生产总值增速", "7%", ValueForm::Exact(7.0)),
        stated(Target, 2023, 168, "进出口总额增速", "5%", ValueForm::Exact(5.0)),
    ];
    report("examples/reports/003_8d14213320e955ad.txt", "荣昌区", 2022, vec![review_table], prose)
}

fn corpus() -> Vec<Report> {
    vec![qijiang_2022(), fuling_2022(), qijiang_2020(), rongchang_2022(), qijiang_2024()]
}

fn names(rows: &[plangap::analysis::views::GapRow]) -> Vec<(&str, &str)> {
    rows.iter().map(|r| (r.district.as_str(), &*r.name)).collect()
}

#[test]
fn missed_lists_only_missed_rows_most_severe_first() {
    let rows = missed(&corpus(), &AliasTable::embedded(), &MissedFilter::default());
    assert_eq!(
        names(&rows),
        [
            ("荣昌区", "一般公共预算收入"),   // -19.68 of 3.78
            ("涪陵区", "规上工业增加值增速"), // -6 of 8
            ("綦江区", "工业增加值增速"),     // -5.8 of 9
            ("荣昌区", "地区生产总值"),       // -4.8 of 7.5
            ("涪陵区", "地区生产总值增速"),   // -3.9 of 6.5 (0.6)
            ("綦江区", "地区生产总值增速"),   // -4.5 of 7.5 (0.6)
            ("綦江区", "GDP增速"),            // -1.5 of 7
            ("涪陵区", "进出口总额增速"),     // -3 of 15
            ("涪陵区", "森林覆盖率"),         // -1 of 53
            ("涪陵区", "空气质量优良天数"),   // -4 of 330
        ]
    );
    let first = &rows[0];
    assert_eq!((first.target.as_str(), first.actual.as_deref()), ("3.78%", Some("-15.9%")));
    assert_eq!((first.year, first.line, first.source), (Some(2022), 113, Source::Table));
    assert_eq!(first.file, "examples/reports/003_8d14213320e955ad.txt");
    assert_eq!(first.canonical, "一般公共预算收入增速");
    assert!(rows.iter().all(|r| r.relative_gap.is_some_and(|g| g < 0.0)));
}

#[test]
fn binding_rows_come_first_on_equal_shortfall() {
    // Two rows short by the same share of their target: the binding one is listed first.
    let mut reports = vec![fuling_2022()];
    let rows = &mut reports[0].tables[0].rows;
    rows.retain(|r| &*r.name == "森林覆盖率" || &*r.name == "规上工业增加值增速");
    rows[0].gap = Some(-0.16); // 规上工业增加值增速: 8 → 7.84, short by 2%
    rows[1].gap = Some(-1.06); // 森林覆盖率*: 53 → 51.94, short by 2%
    let listed = missed(&reports, &AliasTable::embedded(), &MissedFilter::default());
    assert_eq!(names(&listed), [("涪陵区", "森林覆盖率"), ("涪陵区", "规上工业增加值增速")]);
}

#[test]
fn missed_filters_by_loose_district_year_and_binding() {
    let aliases = AliasTable::embedded();
    let reports = corpus();
    let qijiang = MissedFilter { district: Some("qijiang".to_owned()), ..MissedFilter::default() };
    let rows = missed(&reports, &aliases, &qijiang);
    assert_eq!(rows.iter().map(|r| r.year).collect::<Vec<_>>(), [Some(2020), Some(2020), Some(2024)]);
    let year =
        MissedFilter { district: Some("綦江".to_owned()), year: Some(2024), ..MissedFilter::default() };
    assert_eq!(names(&missed(&reports, &aliases, &year)), [("綦江区", "GDP增速")]);
    let binding = MissedFilter { binding_only: true, ..MissedFilter::default() };
    assert_eq!(
        names(&missed(&reports, &aliases, &binding)),
        [("涪陵区", "森林覆盖率"), ("涪陵区", "空气质量优良天数")]
    );
    let nowhere = MissedFilter { district: Some("万州".to_owned()), ..MissedFilter::default() };
    assert!(missed(&reports, &aliases, &nowhere).is_empty());
}

#[test]
fn summary_counts_each_report() {
    let counts: Vec<_> = summary(&corpus())
        .into_iter()
        .map(|s| {
            (
                s.district,
                s.year,
                s.reviewed,
                s.met,
                s.missed,
                s.unassessed,
                s.binding_missed,
                s.narrative_values,
            )
        })
        .collect();
    let expected = [
        ("綦江区", 2022, 0, 0, 0, 0, 0, 2),
        ("涪陵区", 2022, 7, 1, 5, 1, 2, 0),
        ("綦江区", 2020, 3, 1, 2, 0, 0, 2),
        ("荣昌区", 2022, 3, 1, 2, 0, 0, 3),
        ("綦江区", 2024, 2, 1, 1, 0, 0, 0),
    ];
    let expected: Vec<_> =
        expected.iter().map(|&(d, y, r, m, x, u, b, n)| (d.to_owned(), Some(y), r, m, x, u, b, n)).collect();
    assert_eq!(counts, expected);
}

#[test]
fn linking_joins_plan_targets_with_the_next_reports_results() {
    // A review of 2023 whose table restates the target the 2022 report planned, revised down.
    let revised = report(
        "qijiang-2023.txt",
        "綦江区",
        2023,
        vec![table(
            "表1  2023年主要指标完成情况",
            40,
            Review,
            2023,
            vec![review(45, "GDP增速（%）", exact("6"), exact("6.1"), Met, Some(0.1))],
        )],
        Vec::new(),
    );
    let mut reports = corpus();
    reports.push(revised);
    let linked = link(&reports, &AliasTable::embedded());
    let year =
        linked.iter().find(|y| y.district == "綦江区" && y.year == 2023 && y.canonical == "地区生产总值增速");
    let year = year.expect("2023 is linked");
    let planned = year.planned.as_ref().expect("the 2022 report's plan");
    assert_eq!((&*planned.value.raw, planned.source, planned.line), ("7以上", Source::Table, 116));
    assert_eq!(year.reviewed.as_ref().map(|t| &*t.value.raw), Some("6"));
    assert_eq!(
        year.actual.as_ref().map(|a| (&*a.value.raw, a.file.as_str())),
        Some(("6.1", "qijiang-2023.txt"))
    );
    assert_eq!(year.revised_from().map(|p| &*p.value.raw), Some("7以上"));
    assert_eq!((year.status, year.gap), (Some(Met), Some(0.1)));
}

#[test]
fn a_level_row_with_percent_values_links_as_its_growth_rate_in_percent() {
    let level = report(
        "tongliang-2023.txt",
        "铜梁区",
        2023,
        vec![table(
            "表1  2023年主要指标完成情况",
            20,
            Review,
            2023,
            vec![review(
                25,
                "地区生产总值（亿元）",
                value("7%左右", ValueForm::About(7.0)),
                exact("6.6%"),
                Met,
                Some(-0.4),
            )],
        )],
        Vec::new(),
    );
    let linked = link(std::slice::from_ref(&level), &AliasTable::embedded());
    let year = linked.iter().find(|y| y.district == "铜梁区" && y.year == 2023).expect("2023 is linked");
    assert_eq!(year.canonical, "地区生产总值增速");
    assert_eq!(year.unit.as_deref(), Some("%"), "the values' unit, not the level's 亿元");
}

#[test]
fn a_target_restated_unchanged_is_not_a_revision() {
    let linked = link(&[qijiang_2020()], &AliasTable::embedded());
    assert!(linked.iter().all(|y| y.revised_from().is_none()));
}

#[test]
fn narrative_values_fill_gaps_but_never_override_tables() {
    let linked = link(&corpus(), &AliasTable::embedded());
    let gdp = |district: &str, year: u16| {
        linked
            .iter()
            .find(|y| y.district == district && y.year == year && y.canonical == "地区生产总值增速")
            .unwrap_or_else(|| panic!("{district} {year}"))
    };
    let planned_2021 = gdp("綦江区", 2021).planned.as_ref().expect("planned");
    assert_eq!((&*planned_2021.value.raw, planned_2021.source), ("7", Source::Table));
    let actual_2022 = gdp("綦江区", 2022).actual.as_ref().expect("prose result");
    assert_eq!(
        (&*actual_2022.value.raw, actual_2022.source, actual_2022.line),
        ("3%", Source::Narrative, 22)
    );
    let actual_2020 = gdp("綦江区", 2020).actual.as_ref().expect("table result");
    assert_eq!(actual_2020.source, Source::Table);
    let rongchang_2023 = gdp("荣昌区", 2023).planned.as_ref().expect("prose target");
    assert_eq!((&*rongchang_2023.value.raw, rongchang_2023.source), ("7%", Source::Narrative));
}

#[test]
fn compare_builds_a_district_by_year_matrix() {
    let comparison = compare(&corpus(), &AliasTable::embedded(), "地区生产总值增速");
    assert_eq!(comparison.districts, ["涪陵区", "綦江区", "荣昌区"]);
    assert_eq!(comparison.years, [2020, 2021, 2022, 2023, 2024, 2025]);
    let cell = |d: &str, y: u16| {
        comparison
            .cell(d, y)
            .map(|r| (r.target.clone().unwrap_or_default(), r.actual.clone().unwrap_or_default()))
    };
    let pair = |t: &str, a: &str| Some((t.to_owned(), a.to_owned()));
    assert_eq!(cell("綦江区", 2020), pair("7.5以上", "3%"));
    assert_eq!(cell("綦江区", 2021), pair("7", ""));
    assert_eq!(cell("綦江区", 2022), pair("", "3%"));
    assert_eq!(cell("綦江区", 2023), pair("7以上", ""));
    assert_eq!(cell("綦江区", 2024), pair("7", "5.5"));
    assert_eq!(cell("綦江区", 2025), pair("6.5", ""));
    assert_eq!(cell("涪陵区", 2022), pair("6.5", "2.6"));
    assert_eq!(cell("涪陵区", 2023), pair("6.5", ""));
    assert_eq!(cell("荣昌区", 2022), pair("7.5%左右", "2.7%"));
    assert_eq!(cell("荣昌区", 2023), pair("7%", ""));
    assert_eq!(cell("荣昌区", 2020), None);
    let prose = comparison.cell("荣昌区", 2023).expect("cell");
    assert_eq!(
        (prose.source, prose.target_source, prose.line),
        (Some(Source::Narrative), Some(Source::Narrative), Some(168))
    );
}

#[test]
fn history_gives_targets_results_and_trend() {
    let rows = history(&corpus(), &AliasTable::embedded(), "綦江区", Some("地区生产总值增速"));
    let seen: Vec<_> =
        rows.iter().map(|r| (r.year, r.target.as_deref(), r.actual.as_deref(), r.trend)).collect();
    assert_eq!(
        seen,
        [
            (2020, Some("7.5以上"), Some("3%"), None),
            (2021, Some("7"), None, None),
            (2022, None, Some("3%"), Some(0.0)),
            (2023, Some("7以上"), None, None),
            (2024, Some("7"), Some("5.5"), Some(2.5)),
            (2025, Some("6.5"), None, None),
        ]
    );
    assert_eq!(rows[4].trend_since, Some(2022));
    let everything = history(&corpus(), &AliasTable::embedded(), "綦江区", None);
    assert!(everything.iter().any(|r| r.canonical == "工业增加值增速"));
    assert!(everything.iter().all(|r| r.district == "綦江区"));
}

#[test]
fn indicator_queries_resolve_by_alias_prefix_and_fuzzy_match() {
    let (reports, aliases) = (corpus(), AliasTable::embedded());
    let resolve = |q: &str| resolve_indicator(&reports, &aliases, q).map(|m| (m.canonical, m.exact));
    assert_eq!(resolve("地区生产总值增速"), Some(("地区生产总值增速".to_owned(), true)));
    assert_eq!(resolve("GDP增速（%）"), Some(("地区生产总值增速".to_owned(), true)));
    assert_eq!(resolve("gdp"), Some(("地区生产总值增速".to_owned(), false)));
    assert_eq!(resolve("地区生产总值"), Some(("地区生产总值增速".to_owned(), false)));
    assert_eq!(resolve("进出口总值增速"), Some(("进出口总额增速".to_owned(), true)));
    assert_eq!(resolve("规上"), Some(("规上工业增加值增速".to_owned(), false)));
    assert_eq!(resolve("粮食播种面积"), None);
    assert_eq!(close_indicators(&reports, &aliases, "工业产值", 2)[0], "工业增加值增速");
}

#[test]
fn inventories_name_districts_and_years() {
    let reports = corpus();
    assert_eq!(districts(&reports), ["涪陵区", "綦江区", "荣昌区"]);
    assert_eq!(reviewed_years(&reports, Some("綦江区")), [2020, 2022, 2024]);
    assert_eq!(reviewed_years(&reports, None), [2020, 2022, 2024]);
}

#[test]
fn a_result_stated_in_prose_is_judged_against_the_plans_target() {
    // A review of 2023 that states its results only in prose: 荣昌区's 2023 target (7%, from
    // the 2022 report's targets sentence) against it.
    let prose_only = report(
        "rongchang-2023.txt",
        "荣昌区",
        2023,
        Vec::new(),
        vec![stated(Actual, 2023, 20, "地区生产总值增速", "6.1%", ValueForm::Exact(6.1))],
    );
    let mut reports = corpus();
    reports.push(prose_only);
    let rows = history(&reports, &AliasTable::embedded(), "荣昌区", Some("地区生产总值增速"));
    let year = rows.iter().find(|r| r.year == 2023).expect("2023");
    assert_eq!((year.target.as_deref(), year.actual.as_deref()), (Some("7%"), Some("6.1%")));
    assert_eq!((year.status, year.gap), (Some(Missed), Some(-0.9)));
    assert_eq!(
        (year.source, year.file.as_deref(), year.target_line),
        (Some(Source::Narrative), Some("rongchang-2023.txt"), Some(168))
    );
}
