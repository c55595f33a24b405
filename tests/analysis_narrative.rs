//! Headline-sentence extraction on the five real reports: every value the results sentence and
//! the targets sentence state, with the year, line and indicator name a table would use.

use plangap::analysis::canonical::AliasTable;
use plangap::corpus;
use plangap::model::{Report, ValueRole};

fn report(file_prefix: &str) -> Report {
    let corpus = corpus::load_embedded();
    corpus
        .reports
        .into_iter()
        .find(|r| r.file.starts_with(&format!("examples/reports/{file_prefix}")))
        .expect("the embedded corpus has the report")
}

/// `(role, year, line, name, value as read)` of every narrative value.
fn narrative(file_prefix: &str) -> Vec<(ValueRole, u16, usize, String, String)> {
    report(file_prefix)
        .narrative
        .into_iter()
        .map(|v| (v.role, v.year.unwrap_or(0), v.line, v.name, v.value.raw.into()))
        .collect()
}

fn expect(
    role: ValueRole,
    year: u16,
    line: usize,
    pairs: &[(&str, &str)],
) -> Vec<(ValueRole, u16, usize, String, String)> {
    pairs.iter().map(|(n, v)| (role, year, line, (*n).to_owned(), (*v).to_owned())).collect()
}

use ValueRole::{Actual, Target};

#[test]
fn qijiang_2022_results_exist_only_in_prose() {
    let mut expected = expect(
        Actual,
        2022,
        22,
        &[
            ("地区生产总值", "531.3亿元"),
            ("地区生产总值增速", "3%"),
            ("规上工业增加值增速", "4.9%"),
            ("固定资产投资增速", "15.2%"),
            ("社会消费品零售总额增速", "0.8%"),
            ("财政一般公共预算收入增速", "0.9%"),
            ("全体居民人均可支配收入", "33179元"),
            ("全体居民人均可支配收入增速", "7.1%"),
        ],
    );
    expected.extend(expect(
        Target,
        2023,
        99,
        &[
            ("地区生产总值增速", "7%以上"),
            ("规上工业增加值增速", "9%"),
            ("固定资产投资增速", "15%"),
            ("社会消费品零售总额增速", "10%"),
            ("一般公共预算收入增速", "5%"),
            ("全体居民人均可支配收入增速", "7%"),
        ],
    ));
    assert_eq!(narrative("000"), expected);
}

#[test]
fn fuling_2022_lists_with_respectively_and_2023_targets() {
    let mut expected = expect(
        Actual,
        2022,
        12,
        &[
            ("地区生产总值增速", "2.6%"),
            ("地区生产总值", "1500亿元以上"),
            ("一产业增加值增速", "3.7%"),
            ("二产业增加值增速", "2.2%"),
            ("三产业增加值增速", "3.1%"),
            ("投资增速", "2.3%"),
            ("社零增速", "0.7%"),
            ("进出口增速", "12%"),
            ("一般公共预算收入扣除留抵退税因素后增速", "2.6%"),
            ("税收收入扣除留抵退税因素后增速", "3.3%"),
        ],
    );
    expected.extend(expect(
        Target,
        2023,
        236,
        &[
            ("地区生产总值增速", "6.5%"),
            ("规上工业增加值增速", "8.5%"),
            ("农业增加值增速", "5%"),
            ("服务业增加值增速", "5.5%"),
            ("固定资产投资增速", "10%"),
            ("社会消费品零售总额增速", "6.5%"),
            ("进出口总额增速", "5%"),
            ("一般公共预算收入增速", "8.5%"),
            ("全体居民人均可支配收入增速", "快于经济增长"),
            ("城镇新增就业", "2万人"),
            ("城镇调查失业率", "5.5%以内"),
        ],
    ));
    assert_eq!(narrative("001"), expected);
}

#[test]
fn qijiang_2020_results_and_the_one_2021_target_sentence() {
    let mut expected = expect(
        Actual,
        2020,
        9,
        &[
            ("地区生产总值", "500.30亿元"),
            ("地区生产总值增速", "3%"),
            ("固定资产投资", "138.26亿元"),
            ("固定资产投资增速", "10%"),
            ("工业增加值", "163.41亿元"),
            ("工业增加值增速", "3.2%"),
            ("社会消费品零售总额", "202.22亿元"),
            ("社会消费品零售总额增速", "3%"),
            ("财政一般公共预算收入", "20.45亿元"),
            ("财政一般公共预算收入增速", "1.4%"),
            ("全体居民人均可支配收入", "28542元"),
            ("全体居民人均可支配收入增速", "6.8%"),
        ],
    );
    expected.extend(expect(Target, 2021, 279, &[("地区生产总值增速", "7%")]));
    assert_eq!(narrative("002"), expected);
}

#[test]
fn rongchang_2023_targets_exist_only_in_prose() {
    let mut expected = expect(
        Actual,
        2022,
        18,
        &[
            ("地区生产总值增速", "2.7%"),
            ("工业增加值增速", "2.8%"),
            ("全社会固定资产投资增速", "3.2%"),
            ("社会消费品零售总额增速", "0.7%"),
            ("一般公共预算收入增速", "-15.9%"),
            ("城镇居民人均可支配收入增速", "3.6%"),
            ("农村居民人均可支配收入增速", "5.1%"),
        ],
    );
    expected.extend(expect(
        Target,
        2023,
        168,
        &[
            ("地区生产总值增速", "7%"),
            ("规上工业增加值增速", "9%"),
            ("全社会固定资产投资增速", "11%"),
            ("社会消费品零售总额增速", "7%"),
            ("一般公共预算收入增速", "21.5%"),
            ("进出口总额增速", "5%"),
            ("城镇常住居民人均可支配收入增速", "6.5%"),
            ("农村常住居民人均可支配收入增速", "8.5%"),
            ("城镇化率", "提高1.6个百分点"),
            ("粮食总产量", "29万吨左右"),
            ("单位地区生产总值能耗下降", "达到市级要求"),
        ],
    ));
    assert_eq!(narrative("003"), expected);
    let estimated: Vec<String> =
        report("003").narrative.into_iter().filter(|v| v.value.estimated).map(|v| v.name).collect();
    assert_eq!(estimated, ["全社会固定资产投资增速"]);
}

#[test]
fn qijiang_2024_results_and_no_2025_target_sentence() {
    let expected = expect(
        Actual,
        2024,
        13,
        &[
            ("地区生产总值增速", "5.5%"),
            ("固定资产投资增速", "15.4%"),
            ("规上工业增加值增速", "6.7%"),
            ("社会消费品零售总额增速", "4%"),
            ("全体居民人均可支配收入增速", "3.7%"),
        ],
    );
    assert_eq!(narrative("004"), expected);
}

#[test]
fn narrative_names_resolve_to_the_tables_canonical_indicators() {
    let aliases = AliasTable::embedded();
    let canonical: Vec<String> = report("003")
        .narrative
        .iter()
        .filter(|v| v.role == Target)
        .map(|v| aliases.canonical(&v.name))
        .collect();
    assert!(canonical.contains(&"固定资产投资增速".to_owned()));
    assert!(canonical.contains(&"常住人口城镇化率".to_owned()));
    let fuling: Vec<String> = report("001").narrative.iter().map(|v| aliases.canonical(&v.name)).collect();
    for name in ["服务业增加值增速", "固定资产投资增速", "社会消费品零售总额增速", "进出口总额增速"]
    {
        assert!(fuling.contains(&name.to_owned()), "{name} missing from {fuling:?}");
    }
}

#[test]
fn narrative_values_are_read_with_the_cell_grammar() {
    use plangap::model::ValueForm;
    let form = |file: &str, role: ValueRole, name: &str| {
        report(file).narrative.into_iter().find(|v| v.role == role && v.name == name).map(|v| v.value.form)
    };
    assert_eq!(form("000", Target, "地区生产总值增速"), Some(ValueForm::AtLeast(7.0)));
    assert_eq!(form("000", Actual, "地区生产总值增速"), Some(ValueForm::Exact(3.0)));
    assert_eq!(form("003", Actual, "一般公共预算收入增速"), Some(ValueForm::Exact(-15.9)));
    assert_eq!(form("003", Target, "粮食总产量"), Some(ValueForm::About(29.0)));
    assert_eq!(form("003", Target, "城镇化率"), Some(ValueForm::PointChange(1.6)));
    assert_eq!(form("001", Target, "城镇调查失业率"), Some(ValueForm::AtMost(5.5)));
    assert_eq!(form("001", Target, "全体居民人均可支配收入增速"), Some(ValueForm::Qualitative));
}
