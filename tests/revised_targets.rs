//! Revised targets (issue 11, item 11): 涪陵区 2022's note revises two targets (4%→0.1%,
//! 8%→1%, 视为完成); the gap is measured against the revised target and both are shown.

use plangap::corpus::load_embedded;
use plangap::model::Status;

/// Name, plan target, revised target, status, gap.
type Revised<'a> = (&'a str, &'a str, &'a str, Option<Status>, Option<f64>);

#[test]
fn fuling_2022_revised_rows_measure_the_gap_against_the_revised_target() {
    let corpus = load_embedded();
    let report = corpus.reports.iter().find(|r| r.title.district.as_deref() == Some("涪陵区")).unwrap();
    let rows: Vec<_> =
        report.tables.iter().flat_map(|t| &t.rows).filter(|r| r.target_revised.is_some()).collect();
    let found: Vec<Revised> = rows
        .iter()
        .map(|r| {
            let revised = &*r.target_revised.as_ref().unwrap().raw;
            (&*r.name, &*r.target.raw, revised, r.status, r.gap)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("一般公共预算收入扣除留抵退税因素后增速", "4", "0.1%", Some(Status::Met), Some(2.5)),
            ("税收收入扣除留抵退税因素后增速", "8", "1%", Some(Status::Met), Some(2.3)),
        ]
    );
    assert_eq!(plangap::analysis::revised::target_text(rows[0]), "4 → 0.1%");
}
