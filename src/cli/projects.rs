//! `plangap projects [QUERY]`: the projects of the reports, filtered by district and stage,
//! best matches first when a query is given.

use super::listing::{no_district, no_match, read_district};
use super::output::{Column, OutputArgs, Record};
use super::sink::Sink;
use super::{Outcome, report_failures};
use crate::analysis::district::{district_matches, match_districts};
use crate::analysis::link::district_of;
use crate::analysis::views;
use crate::corpus;
use crate::finder::{FinderIndex, Query, project_year};
use crate::model::{Project, Report, Stage};
use clap::ValueEnum;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;

/// Arguments of `plangap projects`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProjectsArgs {
    /// Fuzzy or pinyin query (`藻渡`, `zdsk`, `zaodushuiku`, `藻渡 sk`); without it, every project
    /// in document order.
    pub query: Vec<String>,
    /// Only projects of this district (`綦江`, `綦江区` and `qijiang` all work).
    #[arg(long)]
    pub district: Option<String>,
    /// Only projects in this stage.
    #[arg(long, value_enum)]
    pub stage: Option<StageFilter>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Widest a free-text table column (name, group, table, progress) may be; longer text is cut
    /// with `…`. Files and line numbers are always printed whole.
    #[arg(long, value_name = "COLUMNS", conflicts_with = "wide")]
    pub max_width: Option<usize>,
    /// A report file or folder (repeatable; default: the embedded sample corpus).
    #[arg(long = "report", value_name = "PATH")]
    pub reports: Vec<PathBuf>,
}

/// The stages `--stage` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageFilter {
    /// 开工, 新开工, 启动.
    New,
    /// 加快建设, 续建, 推进.
    Ongoing,
    /// 建成, 完工, 投产, 竣工.
    Completed,
    /// Listed in a plan-year box.
    Planned,
}

impl StageFilter {
    fn stage(self) -> Stage {
        match self {
            StageFilter::New => Stage::New,
            StageFilter::Ongoing => Stage::Ongoing,
            StageFilter::Completed => Stage::Completed,
            StageFilter::Planned => Stage::Planned,
        }
    }
}

/// One listed project.
#[derive(Debug, Serialize)]
struct ProjectRecord<'a> {
    name: &'a str,
    stage: Option<&'static str>,
    district: Option<&'a str>,
    year: Option<u16>,
    group: Option<&'a str>,
    table: &'a str,
    progress: Option<&'a str>,
    file: &'a str,
    line: usize,
}

impl Record for ProjectRecord<'_> {
    const COLUMNS: &'static [Column<'static>] = &[
        Column::text("name"),
        Column::whole("stage"),
        Column::whole("district"),
        Column::number("year"),
        Column::text("group").optional(2),
        Column::text("table").optional(1),
        Column::text("progress"),
        Column::whole("file").optional(3),
        Column::number("line").optional(3),
    ];

    fn cells(&self) -> Vec<String> {
        let text = |cell: Option<&str>| cell.unwrap_or("").to_owned();
        vec![
            self.name.to_owned(),
            text(self.stage),
            text(self.district),
            self.year.map_or_else(String::new, |y| y.to_string()),
            text(self.group),
            self.table.to_owned(),
            text(self.progress),
            self.file.to_owned(),
            self.line.to_string(),
        ]
    }
}

impl<'a> ProjectRecord<'a> {
    fn new(report: &'a Report, project: &'a Project) -> ProjectRecord<'a> {
        ProjectRecord {
            name: &project.name,
            stage: project.stage.map(Stage::as_str),
            district: report.title.district.as_deref(),
            year: project_year(report, project),
            group: project.group.as_deref().map(String::as_str),
            table: &project.table,
            progress: project.progress.as_deref().map(String::as_str),
            file: &report.file,
            line: project.line as usize,
        }
    }
}

/// Loads the reports and prints their projects.
pub fn run(args: &ProjectsArgs, out: &mut Sink) -> io::Result<Outcome> {
    let corpus = corpus::load_paths(&args.reports);
    let failed = report_failures(&corpus);
    if corpus.reports.is_empty() && failed == Outcome::BadInput {
        return Ok(failed);
    }
    let listed = list(&corpus.reports, args, out)?;
    Ok(if failed == Outcome::Results { listed } else { failed })
}

/// Prints the projects of `reports` that pass the filters of `args`, best matches first when
/// there is a query, else in document order. `NoMatch` when none is listed, with a message on
/// stderr saying what was searched and what the reports list.
pub fn list(reports: &[Report], args: &ProjectsArgs, out: &mut Sink) -> io::Result<Outcome> {
    if let Some(query) = &args.district {
        let known = views::districts(reports);
        if read_district(query, &known).is_empty() {
            return Ok(no_district(query, &known));
        }
    }
    let index = FinderIndex::new(reports);
    let pool: Vec<usize> = (0..index.entries().len())
        .filter(|&candidate| {
            index.project(reports, candidate).is_some_and(|(report, project)| {
                args.district.as_ref().is_none_or(|d| district_matches(d, district_of(report)))
                    && args.stage.is_none_or(|s| project.stage == Some(s.stage()))
            })
        })
        .collect();
    let query = args.query.join(" ");
    let matches = index.search_in(&Query::parse(&query), &pool);
    let records: Vec<ProjectRecord> = matches
        .iter()
        .filter_map(|m| index.project(reports, m.candidate))
        .map(|(report, project)| ProjectRecord::new(report, project))
        .collect();
    args.output.write("projects", &records, args.max_width, reports, out)?;
    if records.is_empty() {
        return Ok(explain_nothing(reports, &index, args, &query, pool.len()));
    }
    Ok(Outcome::Results)
}

/// Says on stderr what was searched (the query, the stage and district filters, how many
/// projects they left) and what the reports list: projects per district and year.
fn explain_nothing(
    reports: &[Report],
    index: &FinderIndex,
    args: &ProjectsArgs,
    query: &str,
    filtered: usize,
) -> Outcome {
    let mut filters = Vec::new();
    if let Some(stage) = args.stage {
        filters.push(format!("stage {}", stage.stage().as_str()));
    }
    if let Some(district) = &args.district {
        let known = views::districts(reports);
        let named = match_districts(district, known.iter().map(String::as_str));
        filters.push(format!("district {}", named.join(", ")));
    }
    let mut searched = match query.trim().is_empty() {
        true => "no project".to_owned(),
        false => format!("no project matches “{}”", query.trim()),
    };
    if !filters.is_empty() {
        searched.push_str(&format!(" with {}", filters.join(" and ")));
        if !query.trim().is_empty() {
            searched.push_str(&format!(" (those filters leave {filtered} projects)"));
        }
    }
    let mut counts: BTreeMap<&str, BTreeMap<Option<u16>, usize>> = BTreeMap::new();
    let projects = (0..index.entries().len()).filter_map(|candidate| index.project(reports, candidate));
    for (report, project) in projects {
        *counts.entry(district_of(report)).or_default().entry(project_year(report, project)).or_default() +=
            1;
    }
    let total: usize = counts.values().flat_map(BTreeMap::values).sum();
    let places: Vec<String> = counts
        .iter()
        .map(|(district, years)| {
            let years: Vec<String> = years
                .iter()
                .map(|(year, count)| match year {
                    Some(year) => format!("{year}: {count}"),
                    None => format!("year unknown: {count}"),
                })
                .collect();
            format!("{district} {}", years.join(", "))
        })
        .collect();
    no_match(&format!(
        "{searched}; the reports list {total} projects, by district and year: {}.",
        places.join("; ")
    ))
}
