//! The typed model of a plan report: what the parser produces and every later stage reads.
//!
//! The model keeps the text of every cell as written (`raw`) beside its typed reading, so that
//! exports can reproduce the document exactly while the analysis works with numbers.

pub use crate::document::Format;
pub use crate::grid::Layout;
pub use crate::text_span::TextSpan;
pub use crate::warning::{Scope, Warning, WarningKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// One parsed plan report (国民经济和社会发展计划执行情况及计划草案的报告).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// The path as given on the command line (embedded reports: their path under `examples/`).
    pub file: String,
    /// What the file was read as (text, html, docx, pdf), by its content.
    pub format: Format,
    /// The title block: district, years, congress session.
    pub title: TitleBlock,
    /// Every indicator table, in document order.
    pub tables: Vec<IndicatorTable>,
    /// Every named project from the project boxes, in document order.
    pub projects: Vec<Project>,
    /// Indicator values stated in the headline sentences of the prose (the year's results, the
    /// next year's targets), in document order. Kept apart from [`Report::tables`]: a table
    /// value always wins over a narrative one.
    pub narrative: Vec<NarrativeValue>,
    /// Results judged against their targets in sentences rather than tables (`增长6.1%…（预期目标为
    /// 7%以上）`, `完成年计划520亿元的93.5%`), in document order. A table row of the same
    /// indicator and year wins over them; both are kept.
    pub reviews: Vec<ReviewStatement>,
    /// What the document says of its own results (`32项指标中：17项指标达到或超过预期，14项指标未达预期`).
    pub stated_counts: Vec<StatedCount>,
    /// Things the parser noticed but could not place, with line numbers.
    pub warnings: Vec<Warning>,
}

/// The title block at the head of a report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TitleBlock {
    /// The title, its broken lines joined (`关于重庆市綦江区2022年…报告`).
    pub title: String,
    /// 1-based line where the title starts.
    pub line: usize,
    /// The district, county or city reporting, with its suffix (`綦江区`).
    pub district: Option<String>,
    /// The city above the district (`重庆市`), when the title names one.
    pub city: Option<String>,
    /// The province or autonomous region (`浙江省`, `广西壮族自治区`), when the title block names
    /// one; for a province's own report it is also the `district`.
    pub province: Option<String>,
    /// The year whose plan execution is reviewed.
    pub review_year: Option<u16>,
    /// The year of the draft plan.
    pub plan_year: Option<u16>,
    /// The date of the congress session the report was delivered to.
    pub delivered_on: Option<Date>,
    /// The session named under the title (`第三届人民代表大会第一次会议`).
    pub session: Option<String>,
    /// The issuing body (`重庆市綦江区发展和改革委员会`).
    pub issuer: Option<String>,
}

/// A calendar date as written in a report (`2023年2月8日`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl fmt::Display for Date {
    /// ISO 8601: `2023-02-08`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether a table reviews a past year or sets targets for the coming one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableKind {
    /// The table gives achieved values beside the targets.
    Review,
    /// The table gives targets only.
    Plan,
}

impl TableKind {
    /// The name used in exports: `review` or `plan`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Review => "review",
            TableKind::Plan => "plan",
        }
    }
}

/// One indicator table (a table whose rows are indicators with targets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorTable {
    /// The caption as written, trimmed (`表1  2022年…完成情况`, `专栏15：…`).
    pub caption: String,
    /// 1-based line of the caption.
    pub line: usize,
    /// Review or plan.
    pub kind: TableKind,
    /// The year the targets are for, from the caption or header.
    pub year: Option<u16>,
    /// How the table was laid out in the file.
    pub layout: Layout,
    /// The columns, left to right, as the header names them.
    pub columns: Vec<TableColumn>,
    /// The rows in document order, sub-rows included.
    pub rows: Vec<IndicatorRow>,
    /// The notes printed under the table, in document order.
    pub notes: Vec<TableNote>,
}

/// What a column of an indicator table holds, read from the words of its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColumnRole {
    /// 类别: a merged cell naming the indicators' group.
    Category,
    /// 序号.
    Seq,
    /// 指标名称 (two columns when group cells stand beside their sub-rows' names).
    Name,
    /// 单位: the unit, when not in the name.
    Unit,
    /// 预期目标, 计划目标, 目标.
    Target,
    /// 完成情况, 实际完成; one column per sub-title under a spanning 完成.
    Actual,
    /// 与目标±: the document's own comparison with the target.
    Difference,
    /// 备注 / 属性: 预期性 or 约束性.
    Remark,
    /// A titled column plangap does not use (`2021年基数`).
    Other,
}

impl ColumnRole {
    /// How the role is named in `check`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Category => "category",
            ColumnRole::Seq => "seq",
            ColumnRole::Name => "name",
            ColumnRole::Unit => "unit",
            ColumnRole::Target => "target",
            ColumnRole::Actual => "actual",
            ColumnRole::Difference => "difference",
            ColumnRole::Remark => "remark",
            ColumnRole::Other => "other",
        }
    }
}

/// A column of an indicator table as its header names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableColumn {
    /// The title, white space removed; a spanning title and the sub-title under it joined by `/`
    /// (`2020年完成/增速`).
    pub title: String,
    /// What the column holds.
    pub role: ColumnRole,
}

/// A note printed under an indicator table, in the document's own words: a footnote, a numbered
/// note, or one point of a labelled explanation such as `未完成指标说明：一是…。二是…。`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableNote {
    /// The note as written: the whole footnote or numbered note, or one point of an explanation
    /// (`一是地区生产总值及其支撑指标。受俄乌冲突…存在差距。`) without the label.
    pub text: String,
    /// 1-based line of the note.
    pub line: usize,
    /// Footnote, numbered note or explanation.
    pub kind: NoteKind,
    /// The label an explanation is given (`未完成指标说明`); `None` for other notes.
    pub label: Option<String>,
    /// Indices into the table's rows of the rows the note names, in table order.
    pub rows: Vec<usize>,
}

/// The form of a note under a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoteKind {
    /// A note introduced by `注：` or `备注：`.
    Footnote,
    /// A numbered note on a line of its own (`2. …`, `（2）…`).
    Numbered,
    /// A labelled explanation (`未完成指标说明：…`), one note per point.
    Explanation,
}

impl NoteKind {
    /// The name used in exports: `footnote`, `numbered` or `explanation`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnote",
            NoteKind::Numbered => "numbered",
            NoteKind::Explanation => "explanation",
        }
    }
}

/// One row of an indicator table.
///
/// A big table corpus holds many rows, so what few rows have (a revised or second target, a
/// second achieved value, the document's own verdict) is boxed: a row without them stays small.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorRow {
    /// 1-based line of the row's name cell.
    pub line: usize,
    /// The 类别 cell, line breaks and spaces removed, carried down (one copy shared by the rows
    /// it covers); `None` when the table has none.
    #[serde(deserialize_with = "crate::corpus::cache::shared_text")]
    pub category: Option<Arc<str>>,
    /// The 序号 cell as written, one copy shared by the rows numbered alike.
    #[serde(deserialize_with = "crate::corpus::cache::shared_text")]
    pub seq: Option<Arc<str>>,
    /// The name without unit parenthetical, sub-row markers, trailing `*` or white space.
    pub name: Box<str>,
    /// The name cell as written, trimmed.
    pub raw_name: Box<str>,
    /// The unit inside the name's parenthetical (`%`, `亿元`), one copy shared by the rows naming it.
    #[serde(deserialize_with = "crate::corpus::cache::shared_text")]
    pub unit: Option<Arc<str>>,
    /// For sub-rows, the parent row's or group cell's `name`.
    pub parent: Option<Box<str>>,
    /// `Some(true)` for 约束性, `Some(false)` for 预期性, `None` when the table cannot tell.
    pub binding: Option<bool>,
    /// The target cell.
    pub target: Value,
    /// The revised target, when the document revises the row's target (a note `…调整为0.1%`, a
    /// cell `增长7%（后调整为1.6%左右）`); [`IndicatorRow::target`] keeps the original.
    pub target_revised: Option<Box<Value>>,
    /// The other target cell when the table gives the target twice, as a level and as a growth
    /// rate (`目标值 | 增长(%)` under `2024年`); [`IndicatorRow::target`] is the growth rate when
    /// written.
    pub target_other: Option<Box<Value>>,
    /// Review rows: the achieved value comparable with the target.
    pub actual: Option<Value>,
    /// Review rows: the other achieved cell when the table has two (绝对值 beside 增速).
    pub actual_other: Option<Box<Value>>,
    /// The document's own verdict on the row, where it gives one.
    pub judgement: Option<Box<Judgement>>,
    /// The verdict of the analysis (review rows only; filled by [`crate::analysis`]).
    pub status: Option<Status>,
    /// Actual minus target in the target's unit, negative when short (filled by the analysis).
    pub gap: Option<f64>,
}

/// A verdict the document itself states about a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    /// What the document says.
    pub status: Status,
    /// Where it says it: the cell or sentence, as written.
    pub evidence: String,
    /// 1-based line of the evidence.
    pub line: usize,
    /// The share of the target the document says was reached, in percent, when its verdict is a
    /// completion rate (`94.2` in a `完成率（%）` column).
    #[serde(default)]
    pub share_of_plan: Option<f64>,
}

/// Whether a reviewed indicator met its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// The target was met.
    Met,
    /// The target was missed.
    Missed,
    /// No honest judgement is possible (qualitative target, no actual, not tracked, …).
    Unassessed,
}

impl Status {
    /// The name used in exports: `met`, `missed` or `unassessed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::Unassessed => "unassessed",
        }
    }
}

/// A target or achieved cell: the text as written and its typed reading.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Value {
    /// The cell as written, trimmed; empty for an empty cell.
    pub raw: Box<str>,
    /// The typed reading.
    pub form: ValueForm,
    /// A unit written in the cell itself (`%`, `万吨`, `亿元`), if any; one copy shared by the cells naming it.
    #[serde(deserialize_with = "crate::corpus::cache::shared_text")]
    pub unit: Option<Arc<str>>,
    /// The value is an estimate (`预计`).
    pub estimated: bool,
}

/// The typed reading of a target or achieved cell.
///
/// Numbers are as written, in the cell's unit; changes are signed (a fall is negative).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum ValueForm {
    /// The cell is empty or a dash (`—`, `-`, `/`).
    #[default]
    Empty,
    /// A plain number (`6.5`, `-15.9%`, `+3`).
    Exact(f64),
    /// At least (`≥330`, `7以上`, `不低于5`, `增长7%以上`).
    AtLeast(f64),
    /// At most (`≤5.5`, `5.5%以内`, `不高于3`, `控制在5.5%以内`).
    AtMost(f64),
    /// Approximately (`7.5%左右`, `约7`).
    About(f64),
    /// A range, low then high (`6-7%`, `6～7`).
    Range(f64, f64),
    /// A change in percentage points, signed (`提高1.8个百分点` → 1.8, `下降0.5个百分点` → -0.5).
    PointChange(f64),
    /// A rise by a percentage, written out (`增长5%` → 5).
    Rise(f64),
    /// A fall by a percentage, as the signed change (`下降3.1%` → -3.1).
    Fall(f64),
    /// A ratio (`1.95:1` → (1.95, 1.0)).
    Ratio(f64, f64),
    /// A grade such as a water-quality class (`Ⅲ类` → 3); lower is better.
    Grade(u8),
    /// A statement about completing a task: as a target, the task (`完成上级下达目标`); as an
    /// achieved value, whether it was done (`完成` → true, `未完成` → false).
    Completion(bool),
    /// Any other statement (`快于经济增速`, `与经济增长同步`).
    Qualitative,
    /// No longer measured (`不再统计`).
    NotTracked,
}

/// An indicator value stated in a headline sentence of the prose, outside any table
/// (`全年地区生产总值实现531.3亿元、增长3%`, `提出2023年主要预期目标：地区生产总值增长7%以上`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NarrativeValue {
    /// Whether the sentence states an achieved value or a target.
    pub role: ValueRole,
    /// The year the value is for: the reviewed year for results, the plan year for targets.
    pub year: Option<u16>,
    /// The indicator as a table would name it (`地区生产总值增速` for `地区生产总值…增长3%`).
    pub name: String,
    /// The unit of the indicator (`%`, `亿元`), when the sentence gives one.
    pub unit: Option<String>,
    /// The value, read with the cell grammar (`增长7%以上` → `7%以上`, `下降15.9%` → `-15.9%`).
    pub value: Value,
    /// The clause as written (`地区生产总值增长7%以上`).
    pub evidence: String,
    /// 1-based line of the sentence.
    pub line: usize,
}

/// Whether a value is an achieved result or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueRole {
    /// A target set for the year.
    Target,
    /// The value achieved in the year.
    Actual,
}

impl ValueRole {
    /// The name used in exports: `target` or `actual`.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueRole::Target => "target",
            ValueRole::Actual => "actual",
        }
    }
}

/// A sentence that states a result beside its target, or the document's verdict on it: a judged
/// row told in prose (`地区生产总值增长6.1%…（预期目标为7%以上）`, `完成年计划520亿元的93.5%`,
/// `增长6.9%、高于计划目标0.4个百分点`, `——…预期目标增长6%：预计全年增长5.4%`, `…完成全年目标`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewStatement {
    /// The reviewed year.
    pub year: Option<u16>,
    /// The indicator as a table would name it (`地区生产总值增速`).
    pub name: String,
    /// The unit of the target or result (`%`, `亿元`), when the sentence gives one.
    pub unit: Option<String>,
    /// The target, read with the cell grammar; `None` when the sentence does not state it. A
    /// target worked out from a stated difference (`增长6.9%、高于计划目标0.4个百分点` → `6.5%`)
    /// has [`ReviewStatement::target_derived`] set.
    pub target: Option<Value>,
    /// Whether the target is worked out from the result and the stated difference.
    pub target_derived: bool,
    /// The result, read with the cell grammar; `None` when the sentence does not state it.
    pub actual: Option<Value>,
    /// What the sentence claims about the result against the target.
    pub claim: Claim,
    /// The document's reason, where it gives one in brackets (`（受疫情影响）`).
    pub reason: Option<String>,
    /// Met, missed or unassessed (filled by [`crate::analysis`]).
    pub status: Option<Status>,
    /// Result minus target in the target's unit, negative when short (filled by the analysis).
    pub gap: Option<f64>,
    /// The sentence as written.
    pub evidence: String,
    /// 1-based line of the sentence.
    pub line: usize,
}

/// What a judged sentence claims about a result against its target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Claim {
    /// Only the two values: they are compared as a table row's would be.
    Values,
    /// The share of the planned amount achieved, in percent (`完成年计划…的93.5%` → 93.5).
    ShareOfPlan(f64),
    /// The result's distance from the target in the target's unit, positive when above
    /// (`高于计划目标1.2个百分点` → 1.2, `低于预期目标0.8个百分点` → -0.8).
    Difference(f64),
    /// A verdict in words: `完成全年目标`, `达到预期` (true); `未达预期`, `未完成` (false).
    Verdict(bool),
}

/// What a document says of its own results: how many indicators, how many met, how many missed
/// (`明确的32项指标中：17项指标达到或超过预期，14项指标未达预期`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StatedCount {
    /// The sentence as written.
    pub text: String,
    /// 1-based line of the sentence.
    pub line: usize,
    /// The number of indicators, when stated.
    pub total: Option<usize>,
    /// The number met (达到, 完成, 超过, 基本完成, 能够完成), when stated for every indicator.
    pub met: Option<usize>,
    /// The number missed (未达预期, 未完成), when stated for every indicator.
    pub missed: Option<usize>,
}

/// A named project from a project box.
///
/// A big report names hundreds of thousands of projects, so the struct is kept small and its
/// texts are shared: the name is a span of the source line ([`ProjectName`]), and the texts
/// shared by many projects (caption, group) or held by few (progress) are `Arc<String>`, one
/// pointer wide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// One project as written, without stage verbs, group labels or `等项目`.
    pub name: ProjectName,
    /// The label before `：` that groups it (`交通类`), if any, one copy shared by the projects
    /// next to each other under it ([`share_texts`]).
    pub group: Option<Arc<String>>,
    /// The caption of the box or table it came from, one copy shared by the box's projects
    /// ([`share_texts`]).
    pub table: Arc<String>,
    /// Its stage, when the box says.
    pub stage: Option<Stage>,
    /// For completion lists, the completion statement (`完成年度目标任务23%`); few projects have
    /// one, so it is one pointer wide.
    pub progress: Option<Arc<String>>,
    /// 1-based line it came from (a `u32`: a text longer than 4 GiB is never parsed, and a
    /// report holds many projects).
    pub line: u32,
    /// The whole line it came from, for previews, one copy shared by the projects named in it
    /// ([`share_texts`]); a parsed report keeps the lines of all its projects in one text
    /// ([`TextSpan::gather`]).
    pub source: TextSpan,
}

/// A project's name: a span of its source line when the line holds the name as written (nearly
/// every name), so that the name takes no memory of its own; else a text of its own. It reads as
/// the `str` it stands for (`&*project.name`, `project.name.as_str()`), and is written as one.
pub type ProjectName = TextSpan;

/// Makes projects next to each other whose source lines, captions or groups are equal share one
/// copy of the text: a line that lists ten projects is then held once, not ten times. (Projects
/// of one line come one after another; comparing neighbours costs a fraction of hashing every text.)
pub fn share_texts(projects: &mut [Project]) {
    let (mut source, mut table, mut group) = (None::<TextSpan>, None, None);
    for project in projects {
        match &source {
            Some(shared) if shared.same_span(&project.source) => {}
            Some(shared) if shared.as_str() == project.source.as_str() => {
                project.name.move_to(&project.source, shared);
                project.source = shared.clone();
            }
            _ => source = Some(project.source.clone()),
        }
        share_with(&mut table, &mut project.table);
        if let Some(text) = &mut project.group {
            share_with(&mut group, text);
        }
    }
}

/// Gives `text` the copy in `last` when they are equal, else keeps `text` as the one to share.
fn share_with<T: PartialEq + ?Sized>(last: &mut Option<Arc<T>>, text: &mut Arc<T>) {
    match last {
        Some(shared) if Arc::ptr_eq(shared, text) => {}
        Some(shared) if **shared == **text => *text = Arc::clone(shared),
        _ => *last = Some(Arc::clone(text)),
    }
}

/// The stage a project is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// 开工, 新开工, 启动.
    New,
    /// 加快建设, 续建, 推进.
    Ongoing,
    /// 建成, 完工, 投产, 竣工.
    Completed,
    /// A plain list in a plan-year box.
    Planned,
}

impl Stage {
    /// The name used in exports: `new`, `ongoing`, `completed`, `planned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::New => "new",
            Stage::Ongoing => "ongoing",
            Stage::Completed => "completed",
            Stage::Planned => "planned",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_takes_at_most_80_bytes() {
        assert!(std::mem::size_of::<Project>() <= 80, "{} bytes", std::mem::size_of::<Project>());
    }
}
