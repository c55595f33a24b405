//! Small reports built in code, with real names and lines from examples/reports/000 and 003, for
//! tests of the finder index and the `projects` command.

use plangap::model::{
    IndicatorRow, IndicatorTable, Project, Report, Stage, TableKind, TitleBlock, Value, ValueForm,
};

fn project(name: &str, table: &str, stage: Option<Stage>, line: u32) -> Project {
    Project {
        name: name.into(),
        group: Some(std::sync::Arc::new("水利类".to_owned())),
        table: std::sync::Arc::new(table.to_owned()),
        stage,
        progress: None,
        line,
        source: format!("水利类：{name}等项目。").into(),
    }
}

fn report(file: &str, district: &str, projects: Vec<Project>) -> Report {
    let row = IndicatorRow {
        line: 110,
        name: "地区生产总值增速".into(),
        raw_name: "地区生产总值增速（%）".into(),
        unit: Some("%".into()),
        binding: Some(false),
        target: Value { raw: "7以上".into(), form: ValueForm::AtLeast(7.0), ..Value::default() },
        ..IndicatorRow::default()
    };
    Report {
        file: file.to_owned(),
        format: plangap::model::Format::Text,
        title: TitleBlock {
            district: Some(district.to_owned()),
            city: Some("重庆市".to_owned()),
            plan_year: Some(2023),
            ..TitleBlock::default()
        },
        tables: vec![IndicatorTable {
            caption: "专栏3：2023年国民经济和社会发展主要指标计划".to_owned(),
            line: 102,
            kind: TableKind::Plan,
            year: Some(2023),
            layout: plangap::grid::Layout::Stream,
            columns: Vec::new(),
            rows: vec![row],
            notes: Vec::new(),
        }],
        projects,
        ..Report::default()
    }
}

/// Two reports: 綦江区 with three projects (one listed twice in its box), 荣昌区 with one.
pub fn corpus() -> Vec<Report> {
    let box4 = "专栏4：2023年新建基础设施重点项目";
    vec![
        report(
            "000.txt",
            "綦江区",
            vec![
                project("藻渡水库", box4, Some(Stage::New), 268),
                project(
                    "城区老旧小区改造（古南、文龙、三江、新盛、通惠18个社区）",
                    box4,
                    Some(Stage::New),
                    268,
                ),
                project("藻渡水库", box4, Some(Stage::New), 271),
            ],
        ),
        report(
            "003.txt",
            "荣昌区",
            vec![project("白虎岩水库扩建项目", "专栏1：2023年重大基础设施", None, 176)],
        ),
    ]
}
