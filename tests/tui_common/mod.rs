//! Shared helpers for the TUI tests: hand-built reports with real rows from the sample corpus,
//! an app on them, and reading a drawn screen back as text.

#![allow(dead_code)] // each test file uses a different subset

use plangap::corpus::Corpus;
use plangap::model::{
    IndicatorRow, IndicatorTable, Judgement, Report, Status, TableKind, TitleBlock, Value, ValueForm,
};
use plangap::tui::app::App;
use plangap::tui::config::Config;
use plangap::tui::theme::ColorEnv;
use plangap::tui::width::AmbiguousWidth;
use plangap::tui::{Options, settings, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

fn value(raw: &str, form: ValueForm) -> Value {
    Value { raw: raw.into(), form, unit: None, estimated: raw.contains("预计") }
}

/// One row: name cell as written, target, actual, status and gap as the analysis gives them.
struct Row<'a> {
    line: usize,
    category: Option<&'a str>,
    raw_name: &'a str,
    parent: Option<&'a str>,
    binding: Option<bool>,
    target: Value,
    actual: Option<Value>,
    status: Option<Status>,
    gap: Option<f64>,
}

fn row(r: Row<'_>) -> IndicatorRow {
    let trimmed = r.raw_name.trim().trim_start_matches("其中：").trim_start_matches(['#', '﹟']);
    let (name, unit) = match trimmed.split_once('（') {
        Some((name, rest)) => {
            (name.to_owned(), Some(rest.trim_end_matches(['*']).trim_end_matches('）').to_owned()))
        }
        None => (trimmed.trim_end_matches('*').to_owned(), None),
    };
    IndicatorRow {
        line: r.line,
        category: r.category.map(Into::into),
        seq: None,
        name: name.trim_end_matches('*').into(),
        raw_name: r.raw_name.trim().into(),
        unit: unit.map(std::sync::Arc::from),
        parent: r.parent.map(Box::from),
        binding: r.binding,
        target: r.target,
        target_revised: None,
        actual: r.actual,
        actual_other: None,
        target_other: None,
        judgement: None,
        status: r.status,
        gap: r.gap,
    }
}

fn title(district: &str, review: u16) -> TitleBlock {
    TitleBlock {
        title: format!(
            "关于重庆市{district}{review}年国民经济和社会发展计划执行情况及{}年计划草案的报告",
            review + 1
        ),
        line: 2,
        district: Some(district.to_owned()),
        city: Some("重庆市".to_owned()),
        province: None,
        review_year: Some(review),
        plan_year: Some(review + 1),
        delivered_on: None,
        session: None,
        issuer: None,
    }
}

/// 涪陵区 2022, 表1 (examples/reports/001…, lines 14-215): no 类别, binding `*` rows, sub-rows
/// with `其中：`, `≥330`, `预计2.25`, `不再统计`, and a row the document itself judges.
pub fn fuling_2022() -> Report {
    use Status::{Met, Missed, Unassessed};
    use ValueForm::{AtLeast, AtMost, Exact, NotTracked};
    let r = |line, raw_name, binding, target: Value, actual: Value, status, gap| {
        row(Row {
            line,
            category: None,
            raw_name,
            parent: None,
            binding,
            target,
            actual: Some(actual),
            status,
            gap,
        })
    };
    let mut rows = vec![
        r(
            22,
            "地区生产总值增速（%）",
            Some(false),
            value("6.5", Exact(6.5)),
            value("2.6", Exact(2.6)),
            Some(Missed),
            Some(-3.9),
        ),
        r(
            27,
            "农业增加值增速（%）",
            Some(false),
            value("5", Exact(5.0)),
            value("3.7", Exact(3.7)),
            Some(Missed),
            Some(-1.3),
        ),
        r(
            32,
            "规上工业增加值增速（%）",
            Some(false),
            value("8", Exact(8.0)),
            value("2", Exact(2.0)),
            Some(Missed),
            Some(-6.0),
        ),
        r(
            37,
            "建筑业增加值增速（%）",
            Some(false),
            value("1", Exact(1.0)),
            value("4.4", Exact(4.4)),
            Some(Met),
            Some(3.4),
        ),
        r(
            42,
            "战略性新兴产业产值占规上工业产值比重（%）",
            Some(false),
            value("32", Exact(32.0)),
            value("29.5", Exact(29.5)),
            Some(Missed),
            Some(-2.5),
        ),
        r(
            67,
            "全社会研发经费投入强度（%）",
            Some(false),
            value("2.55", Exact(2.55)),
            value("预计2.25", Exact(2.25)),
            Some(Missed),
            Some(-0.3),
        ),
        r(
            117,
            "实际利用外资（亿美元）",
            Some(false),
            value("2", Exact(2.0)),
            value("不再统计", NotTracked),
            Some(Unassessed),
            None,
        ),
        r(
            122,
            "一般公共预算收入扣除留抵退税因素后增速（%）",
            Some(false),
            value("4", Exact(4.0)),
            value("2.6", Exact(2.6)),
            Some(Met),
            None,
        ),
    ];
    rows.push(row(Row {
        line: 127,
        category: None,
        raw_name: "  其中：税收收入扣除留抵退税因素后增速（%）",
        parent: Some("一般公共预算收入扣除留抵退税因素后增速"),
        binding: Some(false),
        target: value("8", Exact(8.0)),
        actual: Some(value("3.3", Exact(3.3))),
        status: Some(Met),
        gap: None,
    }));
    rows.push(r(
        157,
        "城镇调查失业率（%）",
        Some(false),
        value("≤5.5", AtMost(5.5)),
        value("5", Exact(5.0)),
        Some(Met),
        Some(0.5),
    ));
    rows.push(r(
        162,
        "空气质量优良天数（天）*",
        Some(true),
        value("≥330", AtLeast(330.0)),
        value("326", Exact(326.0)),
        Some(Missed),
        Some(-4.0),
    ));
    rows.push(r(
        172,
        "森林覆盖率（%）*",
        Some(true),
        value("53", Exact(53.0)),
        value("52", Exact(52.0)),
        Some(Missed),
        Some(-1.0),
    ));
    rows.push(r(
        207,
        "粮食产量（万吨）*",
        Some(true),
        value("≥43", AtLeast(43.0)),
        value("44.4", Exact(44.4)),
        Some(Met),
        Some(1.4),
    ));
    for fiscal in rows.iter_mut().filter(|r| r.line == 122 || r.line == 127) {
        fiscal.judgement = Some(Box::new(Judgement {
            status: Met,
            evidence:
                "2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。"
                    .to_owned(),
            line: 218,
            share_of_plan: None,
        }));
    }
    Report {
        file: "examples/reports/001_fbb4d7b36528211a.txt".to_owned(),
        format: plangap::model::Format::Text,
        title: title("涪陵区", 2022),
        tables: vec![IndicatorTable {
            caption: "表1  2022年国民经济和社会发展计划指标完成情况".to_owned(),
            line: 14,
            kind: TableKind::Review,
            year: Some(2022),
            layout: plangap::grid::Layout::Stream,
            columns: Vec::new(),
            rows,
            notes: Vec::new(),
        }],
        projects: Vec::new(),
        narrative: Vec::new(),
        reviews: Vec::new(),
        stated_counts: Vec::new(),
        warnings: Vec::new(),
    }
}

/// 綦江区 2020, 专栏3 (examples/reports/002…, lines 63-240): a 类别 column, `Ⅲ类`/`Ⅱ类`, `≥300`,
/// `提高1.5个百分点`, and `﹟` sub-rows under the group cell `能耗“双控”目标`.
pub fn qijiang_2020() -> Report {
    use Status::{Met, Missed, Unassessed};
    use ValueForm::{AtLeast, AtMost, Exact, Grade, PointChange, Qualitative};
    let rows = vec![
        row(Row {
            line: 71,
            category: Some("发展综合质量效益"),
            raw_name: "地区生产总值增速（%）",
            parent: None,
            binding: None,
            target: value("7.5以上", AtLeast(7.5)),
            actual: Some(value("3%", Exact(3.0))),
            status: Some(Missed),
            gap: Some(-4.5),
        }),
        row(Row {
            line: 77,
            category: Some("发展综合质量效益"),
            raw_name: "工业增加值增速（%）",
            parent: None,
            binding: None,
            target: value("9", Exact(9.0)),
            actual: Some(value("3.2%", Exact(3.2))),
            status: Some(Missed),
            gap: Some(-5.8),
        }),
        row(Row {
            line: 113,
            category: Some("创新发展"),
            raw_name: "R&D经费支出占地区生产总值比重（%）",
            parent: None,
            binding: None,
            target: value("2.2", Exact(2.2)),
            actual: Some(value("2.3", Exact(2.3))),
            status: Some(Met),
            gap: Some(0.1),
        }),
        row(Row {
            line: 131,
            category: Some("协调发展"),
            raw_name: "常住人口城镇化率（%）",
            parent: None,
            binding: None,
            target: value("提高1.5个百分点", PointChange(1.5)),
            actual: Some(value("59.5", Exact(59.5))),
            status: Some(Unassessed),
            gap: None,
        }),
        row(Row {
            line: 166,
            category: Some("绿色发展"),
            raw_name: "空气质量优良天数（天）",
            parent: None,
            binding: None,
            target: value("≥300", AtLeast(300.0)),
            actual: Some(value("339", Exact(339.0))),
            status: Some(Met),
            gap: Some(39.0),
        }),
        row(Row {
            line: 178,
            category: Some("绿色发展"),
            raw_name: "綦河出境水质",
            parent: None,
            binding: None,
            target: value("Ⅲ类", Grade(3)),
            actual: Some(value("Ⅱ类", Grade(2))),
            status: Some(Met),
            gap: None,
        }),
        row(Row {
            line: 187,
            category: Some("绿色发展"),
            raw_name: "﹟能耗强度下降（%）",
            parent: Some("能耗“双控”目标"),
            binding: None,
            target: value("≥3.5", AtLeast(3.5)),
            actual: Some(value("3.5", Exact(3.5))),
            status: Some(Met),
            gap: Some(0.0),
        }),
        row(Row {
            line: 192,
            category: Some("绿色发展"),
            raw_name: "﹟能耗年均增速（%）",
            parent: Some("能耗“双控”目标"),
            binding: None,
            target: value("≤3.5", AtMost(3.5)),
            actual: Some(value("3.5", Exact(3.5))),
            status: Some(Met),
            gap: Some(0.0),
        }),
        row(Row {
            line: 198,
            category: Some("绿色发展"),
            raw_name: "﹟二氧化硫（%）",
            parent: Some("主要污染物排放总量减少"),
            binding: None,
            target: value("完成国家和市下达目标", Qualitative),
            actual: Some(value("26.9", Exact(26.9))),
            status: Some(Unassessed),
            gap: None,
        }),
    ];
    Report {
        file: "examples/reports/002_6079ff70e2fa29a4.txt".to_owned(),
        format: plangap::model::Format::Text,
        title: title("綦江区", 2020),
        tables: vec![IndicatorTable {
            caption: "专栏3：2020年国民经济和社会发展主要指标完成情况".to_owned(),
            line: 63,
            kind: TableKind::Review,
            year: Some(2020),
            layout: plangap::grid::Layout::Stream,
            columns: Vec::new(),
            rows,
            notes: Vec::new(),
        }],
        projects: Vec::new(),
        narrative: Vec::new(),
        reviews: Vec::new(),
        stated_counts: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The two hand-built reports and one file that failed to load.
pub fn fixture_corpus() -> Corpus {
    let failure = plangap::corpus::load_bytes("notes/readme.txt", b"just some notes, no plan report here\n")
        .expect_err("not a report");
    Corpus { reports: vec![qijiang_2020(), fuling_2022()], failures: vec![failure], ..Default::default() }
}

/// Settings as a 16-colour terminal with no configuration gets them.
pub fn test_settings(ambiguous: AmbiguousWidth) -> plangap::tui::app::Settings {
    let env = ColorEnv { no_color: None, colorterm: None, term: Some("xterm".to_owned()) };
    let options = Options { ambiguous_width: Some(ambiguous), ..Options::default() };
    settings(&options, &Config::default(), &env, None).0
}

/// An app on `corpus` for a `width` × `height` terminal.
pub fn app_on(corpus: Corpus, width: u16, height: u16, ambiguous: AmbiguousWidth) -> App {
    App::new(corpus, test_settings(ambiguous), Rect::new(0, 0, width, height))
}

/// Draws `app` on a test terminal of its size and returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen's lines as a terminal shows them: each wide character once, the cells it covers
/// skipped.
pub fn screen_lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.y..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.x..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                line.push_str(symbol);
            }
            line
        })
        .collect()
}

/// The screen as one string, for snapshots.
pub fn screen(buffer: &Buffer) -> String {
    screen_lines(buffer).join("\n")
}

/// 綦江区 2020's hand-built report moved to another place and year: a report of `district` in
/// `city` (none for a municipality's district) of `province`, reviewing `year`.
pub fn report_in(province: &str, city: Option<&str>, district: &str, year: u16) -> Report {
    let mut report = qijiang_2020();
    let mut title = title(district, year);
    title.title = title.title.replace("重庆市", &format!("{province}{}", city.unwrap_or("")));
    // As the title parser reads them: a municipality is the city, with no province named.
    title.province = city.map(|_| province.to_owned());
    title.city = Some(city.unwrap_or(province).to_owned());
    report.title = title;
    report.file = format!("reports/{province}{}{district}{year}.txt", city.unwrap_or(""));
    report
}
