//! The document-stated judgements hold through the whole pipeline (ingest, parse, assess).

use plangap::corpus::load_embedded;
use plangap::model::{IndicatorRow, Report, Status, TableKind};

fn report(district: &str, year: u16) -> Report {
    load_embedded()
        .reports
        .into_iter()
        .find(|r| r.title.district.as_deref() == Some(district) && r.title.review_year == Some(year))
        .unwrap_or_else(|| panic!("{district} {year} is in the embedded corpus"))
}

fn review_rows(report: &Report) -> Vec<&IndicatorRow> {
    report.tables.iter().filter(|t| t.kind == TableKind::Review).flat_map(|t| &t.rows).collect()
}

fn names_with(report: &Report, status: Status) -> Vec<&str> {
    review_rows(report).into_iter().filter(|r| r.status == Some(status)).map(|r| &*r.name).collect()
}

#[test]
fn fuling_2022_misses_exactly_the_rows_its_notes_name() {
    let fuling = report("涪陵区", 2022);
    assert_eq!(
        names_with(&fuling, Status::Missed),
        [
            "地区生产总值增速",
            "农业增加值增速",
            "规上工业增加值增速",
            "战略性新兴产业产值占规上工业产值比重",
            "全社会研发经费投入强度",
            "万人发明专利拥有量",
            "服务业增加值增速",
            "固定资产投资增速",
            "社会消费品零售总额增速",
            "进出口总额增速",
            "农村居民人均可支配收入增速",
            "空气质量优良天数",
            "森林覆盖率",
            "单位GDP能耗降低",
        ]
    );
    let rows = review_rows(&fuling);
    let by_name = |name: &str| *rows.iter().find(|r| &*r.name == name).expect(name);
    assert_eq!(by_name("实际利用外资").status, Some(Status::Unassessed));
    for fiscal in ["一般公共预算收入扣除留抵退税因素后增速", "税收收入扣除留抵退税因素后增速"]
    {
        let row = by_name(fiscal);
        assert_eq!(row.status, Some(Status::Met), "{fiscal} is met per note 2");
        assert!(row.judgement.as_ref().is_some_and(|j| j.evidence.contains("视为完成")), "{fiscal}");
    }
    assert_eq!(by_name("地区生产总值增速").gap, Some(-3.9));
    assert_eq!(by_name("城镇调查失业率").gap, Some(0.5), "lower is better: 5 against ≤5.5");
}

#[test]
fn rongchang_2022_gives_seven_missed_and_five_met_with_the_documents_differences() {
    let rongchang = report("荣昌区", 2022);
    assert_eq!(names_with(&rongchang, Status::Missed).len(), 7);
    assert_eq!(names_with(&rongchang, Status::Met).len(), 5);
    assert_eq!(names_with(&rongchang, Status::Unassessed).len(), 0);
    let gaps: Vec<Option<f64>> = review_rows(&rongchang).iter().map(|r| r.gap).collect();
    let expected = [-4.8, -5.5, -6.8, -9.3, -19.68, 55.0, -3.9, -4.4, 0.0, 0.0, -0.1, 0.0];
    assert_eq!(gaps, expected.map(Some));
}

#[test]
fn qijiang_2020_judges_levels_against_changes_as_unassessed_and_grades_by_rank() {
    let qijiang = report("綦江区", 2020);
    let rows = review_rows(&qijiang);
    let by_name = |name: &str| *rows.iter().find(|r| &*r.name == name).expect(name);
    assert_eq!(by_name("常住人口城镇化率").status, Some(Status::Unassessed), "提高1.5个百分点 vs 59.5");
    assert_eq!(by_name("綦河出境水质").status, Some(Status::Met), "Ⅱ类 beats Ⅲ类");
    assert_eq!(by_name("地区生产总值增速").status, Some(Status::Missed));
    assert_eq!(by_name("地区生产总值增速").gap, Some(-4.5));
    assert_eq!(names_with(&qijiang, Status::Missed).len(), 9);
}

#[test]
fn plan_rows_have_no_status() {
    for report in load_embedded().reports {
        for table in report.tables.iter().filter(|t| t.kind == TableKind::Plan) {
            assert!(table.rows.iter().all(|r| r.status.is_none() && r.gap.is_none() && r.actual.is_none()));
        }
    }
}
