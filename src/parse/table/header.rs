//! The header of an indicator table: which columns exist, in whatever order, read from the
//! words of their titles.
//!
//! The header is the run of rows at the top of a grid whose cells all read as column titles (类别,
//! 序号, 指标名称, 2022年预期目标, 完成情况, 与目标±, 备注). A title spanning several columns
//! (`2020年完成` over `绝对值 | 增速`) gives each column under it its sub-title. A two-row header
//! flattened into one row (`指标名称 | 2020年预期目标 | (增速) | 2020年完成情况 | 绝对值 | 增速` over
//! rows of four cells) is folded back: a parenthetical qualifies the title before it, and
//! sub-titles after a spanning title replace it. A table is an indicator table when its header
//! has a name column and a target column.

use super::title_year::{TitleYear, relative_year, title_year};
use crate::grid::{Grid, GridCell, Layout};
pub(crate) use crate::model::ColumnRole as Role;
use crate::model::{Value, ValueForm};
use crate::parse::caption::year_in;
use crate::parse::readers::Vocabulary;
use crate::text;
use crate::text::Trimmed;
use std::sync::LazyLock;

/// A header cell is a short title; anything longer is data.
pub(crate) const MAX_TITLE_CHARS: usize = 16;
/// Header rows are at the top: no more than this many.
const MAX_HEADER_ROWS: usize = 3;
/// Rows of one cell (a caption, a unit note) may stand above the header: no more than this many.
const MAX_TITLE_ROWS: usize = 2;

/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    /// What it holds.
    pub role: Role,
    /// Its title, white space removed (`2022年预期目标`).
    pub title: String,
    /// The sub-title under a spanning title (`增速`), if any.
    pub sub: Option<String>,
}

impl Column {
    /// Whether the column gives a growth rate (`增速`, `增长`) rather than a level.
    pub fn is_growth(&self) -> bool {
        names_growth(self.sub.as_deref().unwrap_or(&self.title))
    }

    /// Whether the column's numbers are percents: its title names the unit (`增长(%)`) or it
    /// gives growth rates (`同比±`). Asked once per table, not once per cell ([`lend_percent`]).
    pub fn gives_percent(&self) -> bool {
        let percent = |t: &str| t.contains("(%)") || t.ends_with('%');
        percent(&self.title) || self.sub.as_deref().is_some_and(percent) || self.is_growth()
    }

    /// Whether the column gives a result for part of the year only (`1-11月完成`,
    /// `前三季度`), which a whole-year result beside it is preferred to.
    /// The title or the sub-title under it may say so (`2023年` over `1-11月`).
    pub fn covers_part_of_year(&self) -> bool {
        let part_of_year = |title: &str| {
            let months = title.find('月').map(|at| &title[..at]).is_some_and(|before| {
                // `1-12月` is the whole year.
                before.ends_with(|c: char| c.is_ascii_digit())
                    && !(before.ends_with("12") && before.len() > 2)
            });
            months || ["季度", "上半年", "前三季"].iter().any(|part| title.contains(part))
        };
        part_of_year(&self.title) || self.sub.as_deref().is_some_and(part_of_year)
    }

    /// The title as `check` shows it: `2020年完成/增速`.
    pub fn label(&self) -> String {
        match &self.sub {
            Some(sub) => format!("{}/{sub}", self.title),
            None => self.title.clone(),
        }
    }
}

/// Gives a value without a unit of its own the percent of its column, when the column gives
/// percents ([`Column::gives_percent`]), so a rate is known as one wherever it stands.
pub(crate) fn lend_percent(value: &mut Value, column_gives_percent: bool) {
    if column_gives_percent && value.unit.is_none() && is_plain_number(&value.form) {
        value.unit = Some(crate::parse::shared::shared_text("%"));
    }
}

/// A number with no unit word of its own (`6`, `7以上`, `6左右`, `6-7`).
fn is_plain_number(form: &ValueForm) -> bool {
    matches!(
        form,
        ValueForm::Exact(_)
            | ValueForm::AtLeast(_)
            | ValueForm::AtMost(_)
            | ValueForm::About(_)
            | ValueForm::Range(..)
    )
}

/// Whether a title or an indicator name speaks of a growth rate (`增速`, `增长`, `增幅`).
pub(crate) fn names_growth(text: &str) -> bool {
    clues(text) & GROWTH != 0
}

/// The columns of a table in order, and how many rows the header takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    /// The columns, left to right; column `i` is grid column `i`.
    pub columns: Vec<Column>,
    /// How many rows at the top of the grid are header rows.
    pub rows: usize,
}

impl Header {
    /// Cells in an ordinary row.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// Index of the first column with `role`.
    pub fn find(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// Indices of the columns with `role`, left to right.
    pub fn all(&self, role: Role) -> Vec<usize> {
        (0..self.columns.len()).filter(|&i| self.columns[i].role == role).collect()
    }

    /// Whether the table gives achieved values or judges its rows (a review table).
    pub fn is_review(&self) -> bool {
        self.find(Role::Actual)
            .or_else(|| self.find(Role::Difference))
            .or_else(|| self.completion_rate())
            .is_some()
    }

    /// In a table that gives no achieved values, the column of how much of each target was done
    /// (`完成率`, `完成进度`): the document's verdict on each row. It is of the target's year, or of
    /// none.
    pub fn completion_rate(&self) -> Option<usize> {
        if self.find(Role::Actual).is_some() {
            return None;
        }
        let target_year = self.target_title_year();
        self.columns.iter().position(|column| {
            let rate =
                is_completion_rate(&column.title) || column.sub.as_deref().is_some_and(is_completion_rate);
            column.role == Role::Other
                && rate
                && title_year(&column.title).is_none_or(|year| Some(year) == target_year)
        })
    }

    /// The target columns read as one target: the first, and the others under the same spanning
    /// title (a level and a growth rate).
    pub fn target_pair(&self) -> Vec<usize> {
        let Some(first) = self.find(Role::Target) else { return Vec::new() };
        let title = &self.columns[first].title;
        (first..self.columns.len())
            .take_while(|&i| self.columns[i].title == *title && self.columns[i].role == Role::Target)
            .collect()
    }

    /// The headers of the tables a grid holds: one, or, when target columns name different
    /// years (`2023年目标 | 2023年完成 | 2024年目标`, `本年计划 | 本年预计 | 明年计划`, `年度目标 |
    /// 完成情况 | 明年目标`: a review and the next year's plan in one table), one per target year
    /// (a title naming none is one of them), each keeping its year's target and achieved
    /// columns (an achieved or judging column without a year goes with the first).
    pub fn by_year(self) -> Vec<Header> {
        let mut years: Vec<Option<TitleYear>> = Vec::new();
        for column in self.columns.iter().filter(|c| c.role == Role::Target) {
            let year = title_year(&column.title);
            if !years.contains(&year) {
                years.push(year);
            }
        }
        if years.len() < 2 {
            return vec![self];
        }
        let header_of = |(k, year): (usize, &Option<TitleYear>)| {
            let mut header = self.clone();
            for column in &mut header.columns {
                let own = title_year(&column.title);
                let elsewhere = match column.role {
                    Role::Target => own != *year,
                    Role::Actual | Role::Difference => own.map_or(k != 0, |own| Some(own) != *year),
                    _ => false,
                };
                if elsewhere {
                    column.role = Role::Other;
                }
            }
            header
        };
        years.iter().enumerate().map(header_of).collect()
    }

    /// The year named in the target column's title (`2022年预期目标` → 2022).
    pub fn target_year(&self) -> Option<u16> {
        self.find(Role::Target).and_then(|i| year_in(&self.columns[i].title))
    }

    /// The year the target column's title names, written out or relative (`明年计划`).
    pub fn target_title_year(&self) -> Option<TitleYear> {
        self.find(Role::Target).and_then(|i| title_year(&self.columns[i].title))
    }
}

/// Reads the header at the top of `grid`. `None` when the grid does not start with a header
/// naming a name column and a target column.
pub(crate) fn read_header(grid: &Grid) -> Option<Header> {
    let first = title_rows(grid).end;
    let count = (first..grid.rows().min(first + MAX_HEADER_ROWS))
        .take_while(|&r| is_header_row(grid, r, first))
        .count();
    if count == 0 {
        return None;
    }
    let rows = first + count;
    let titles = title_matrix(grid, first, rows);
    let mut columns: Vec<Column> = (0..grid.cols()).map(|col| column_of(grid, &titles, col)).collect();
    if count == 1 {
        fold_flattened(&mut columns, body_width(grid, rows));
    }
    while columns.last().is_some_and(|c| c.title.is_empty()) {
        columns.pop();
    }
    name_the_blank_corner(&mut columns);
    columns.iter().position(|c| c.role == Role::Name)?;
    let target =
        columns.iter().position(|c| c.role == Role::Target).or_else(|| year_alone_as_target(&mut columns))?;
    set_aside_other_years(&mut columns, target);
    pair_sub_titles(&mut columns);
    pair_growth_beside(&mut columns);
    mark_verdicts(grid, rows, &mut columns);
    Some(Header { columns, rows })
}

/// Takes the first column for the names where its title is blank (a table's empty corner cell over
/// the names) and no other column names them, when the others are titled as a review's or plan's:
/// a target and a result or a unit.
fn name_the_blank_corner(columns: &mut [Column]) {
    let has = |role: Role| columns.iter().any(|c| c.role == role);
    let titled_values = has(Role::Target) && (has(Role::Actual) || has(Role::Unit)) && !has(Role::Name);
    if let Some(first) = columns.first_mut()
        && first.title.is_empty()
        && first.sub.is_none()
        && titled_values
    {
        first.role = Role::Name;
    }
}

/// The rows above the header: up to [`MAX_TITLE_ROWS`] title rows, and blank rows (a spacer row
/// of `&nbsp;` at the top of a web page's table) among them.
fn title_rows(grid: &Grid) -> std::ops::Range<usize> {
    let (mut row, mut titles) = (0, 0);
    while row < grid.rows() {
        if is_title_row(grid, row) && titles < MAX_TITLE_ROWS {
            titles += 1;
        } else if !is_blank_row(grid, row) {
            break;
        }
        row += 1;
    }
    0..row
}

/// The unit note a title row gives the table (`单位：%`, `单位：亿元、%`): its text after `单位`.
pub(crate) fn table_unit_note(grid: &Grid) -> Option<&str> {
    title_rows(grid).find_map(|row| {
        let cell = grid.row_cells(row).find(|c| !c.text.trimmed().is_empty())?;
        cell.text.trimmed().strip_prefix("单位")
    })
}

/// The one unit a note names after its `单位` (`：亿元` → `亿元`); `None` when it names several
/// (`：亿元、%`: each row's own unit stands) or none.
pub(crate) fn unit_note(after_word: &str) -> Option<&str> {
    let unit = after_word.trim_start_matches(['：', ':', ' ']).trimmed();
    let single = !unit.is_empty() && unit.chars().count() <= 4 && !unit.contains(['、', '，', ',', '/']);
    single.then_some(unit)
}

/// Whether a note naming several units names `%` among them (`：亿元、%`): the unit of its rows
/// that name a rate.
pub(crate) fn unit_note_lists_percent(after_word: &str) -> bool {
    let units = after_word.trim_start_matches(['：', ':', ' ']).trimmed();
    unit_note(after_word).is_none()
        && units.split(['、', '，', ',', '/']).any(|unit| matches!(unit.trimmed(), "%" | "％"))
}

/// Whether every cell of `row` is blank.
fn is_blank_row(grid: &Grid, row: usize) -> bool {
    grid.row_cells(row).all(|c| c.text.trimmed().is_empty())
}

/// Whether `row` is a line of one cell above the header (a caption `表1 2023年…完成情况` or a unit
/// note `单位：亿元` written inside the table, across it or in its last cell).
fn is_title_row(grid: &Grid, row: usize) -> bool {
    let mut cells = grid.row_cells(row).filter(|c| !c.text.trimmed().is_empty());
    let only = cells.next();
    let spans_all = |c: &GridCell| grid.cols() > 1 && c.col_span == grid.cols();
    let long = |c: &GridCell| role_of(&c.text).is_none() && c.text.chars().count() > MAX_TITLE_CHARS;
    let unit_note =
        |c: &GridCell| c.text.trimmed().strip_prefix("单位").is_some_and(|r| r.starts_with(['：', ':']));
    let caption = |c: &GridCell| crate::parse::caption::is_caption(c.text.trimmed());
    cells.next().is_none() && only.is_some_and(|c| spans_all(c) || long(c) || unit_note(c) || caption(c))
}

/// The row where a second table starts inside the grid, below the body of the first (`表2 …` and
/// its own header row, in one web page `<table>`): a row of titles naming an indicator column,
/// with the title rows right above it (its caption). `None` when the grid holds one table.
pub(crate) fn second_table_at(grid: &Grid, header: &Header) -> Option<usize> {
    // A name column's title holds one of these words (a cheap test before reading titles).
    let may_title_names = |row: usize| {
        grid.row_cells(row).any(|c| ["指标", "名称", "项目"].iter().any(|w| text::holds(&c.text, w)))
    };
    let names_indicators = |row: usize| {
        may_title_names(row)
            && grid.row_cells(row).filter(|c| !c.text.trimmed().is_empty()).count() >= 2
            && is_header_row(grid, row, 0)
            && grid.row_cells(row).any(|c| role_of(&c.text) == Some(Role::Name))
    };
    let header_row = (header.rows + 1..grid.rows()).find(|&row| names_indicators(row))?;
    let captioned = (header.rows + 1..header_row).rev().take_while(|&row| is_title_row(grid, row)).count();
    Some(header_row - captioned)
}

/// The text of the caption written as the first row of the table, if it has one.
pub(crate) fn caption_row(grid: &Grid) -> Option<&str> {
    title_rows(grid)
        .filter(|&r| !is_blank_row(grid, r))
        .filter_map(|r| grid.row_cells(r).find(|c| !c.text.trimmed().is_empty()))
        .map(|c| c.text.as_str())
        .find(|text| crate::parse::caption::year_in(text).is_some() && !text.starts_with("单位"))
}

/// Whether every cell starting in `row` reads as a column title (at least one is not empty). A
/// section's label (`一、约束性指标`) is none, nor is a row of one cell across the table under the
/// first header row (`预期性指标`): a sub-title splits a title, it does not span them all. The
/// first header row may also hold titles of no known role (`责任单位`, `全市排名`, `情况说明`) when it
/// titles a name column and a target or result column: such a column is read as no role.
fn is_header_row(grid: &Grid, row: usize, first: usize) -> bool {
    let (mut titles, mut unknown) = (0, 0);
    let (mut names, mut values) = (false, false);
    let mut spans_all = false;
    for cell in grid.row_cells(row) {
        let text = cell.text.trimmed();
        if text.is_empty() {
            continue;
        }
        if crate::text::is_section(text) {
            return false;
        }
        let role = role_of(text);
        if role.is_none() && !is_sub_title(text) && !is_parenthetical(text) {
            if row != first || !is_unknown_title(text) {
                return false;
            }
            unknown += 1;
        }
        names |= role == Some(Role::Name);
        values |= matches!(role, Some(Role::Target | Role::Actual));
        spans_all = grid.cols() > 1 && cell.col_span == grid.cols();
        titles += 1;
    }
    titles > 0 && !(row > first && titles == 1 && spans_all) && (unknown == 0 || (names && values))
}

/// Whether a cell of no known role may still be a column's title: short, no value, no sentence.
fn is_unknown_title(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_CHARS
        && !text.contains(['。', '，', '；', ','])
        && !super::align::is_value(text)
}

/// The header's title cells: `[row][col]`, the index of the non-empty cell covering the slot.
/// Text layouts know no spans, so repairs are made here: the name title spans an empty title
/// after it (a name written over two cells); a title followed by empty titles spans them when a
/// sub-title row splits it (`完成情况 | ` over `绝对值 | 增速`); and a sub-title row pushed to the
/// left (as pandoc writes a two-row header) is moved under that title.
fn title_matrix(grid: &Grid, first: usize, rows: usize) -> Vec<Vec<Option<usize>>> {
    let mut titles: Vec<Vec<Option<usize>>> = (first..rows)
        .map(|row| {
            (0..grid.cols())
                .map(|col| grid.cell_index(row, col).filter(|&i| !grid.cells()[i].text.trimmed().is_empty()))
                .collect()
        })
        .collect();
    let cols = grid.cols();
    for col in 1..cols {
        let blank = titles.iter().all(|row| row[col].is_none());
        let after_name =
            titles[0][col - 1].is_some_and(|i| role_of(&grid.cells()[i].text) == Some(Role::Name));
        if blank && after_name {
            titles[0][col] = titles[0][col - 1];
        }
    }
    if titles.len() < 2 {
        return titles;
    }
    if let [(start, len)] = spanning_runs(grid, &titles[0])[..] {
        let subs: Vec<usize> = titles[1].iter().flatten().copied().collect();
        let under_run = titles[1][start..start + len].iter().any(Option::is_some);
        if subs.len() == len && !under_run && subs.iter().all(|&i| is_sub_title(&grid.cells()[i].text)) {
            titles[1] = vec![None; cols];
            for (offset, index) in subs.into_iter().enumerate() {
                titles[1][start + offset] = Some(index);
            }
        }
    }
    for parent in 0..titles.len() - 1 {
        place_pushed_left(grid, &mut titles, parent);
    }
    if matches!(grid.layout, Layout::Aligned | Layout::Pdf) {
        widen_centred_titles(grid, &mut titles);
    }
    for (start, len) in spanning_runs(grid, &titles[0]) {
        if titles[1][start..start + len].iter().any(Option::is_some) {
            for col in start + 1..start + len {
                titles[0][col] = titles[0][start];
            }
        }
    }
    titles
}

/// Widens a spanning title placed by position (`2023年` centred over `预期目标 | 实现值 | 增减`, so
/// read into the middle column) over the empty titles on its left that have sub-titles under
/// them, back to a title of the header's full height (`指标`, with nothing under it): those
/// columns can be no one else's. The empty titles on its right are its own already
/// ([`spanning_runs`]).
fn widen_centred_titles(grid: &Grid, titles: &mut [Vec<Option<usize>>]) {
    let (top, below) = (&titles[0], &titles[1]);
    let mut widened = Vec::new();
    for col in (1..top.len()).filter(|&c| is_spanning_title(grid, top[c])) {
        let blanks = (1..col).rev().take_while(|&c| top[c].is_none() && below[c].is_some()).count();
        let first = col - blanks;
        let full_height = |c: usize| top[c].is_some() && (below[c].is_none() || below[c] == top[c]);
        if blanks > 0 && full_height(first - 1) {
            widened.push((first..col, top[col]));
        }
    }
    for (cols, title) in widened {
        titles[0][cols].fill(title);
    }
}

/// Whether a title may span the columns after it: a target, a result or a year alone.
fn is_spanning_title(grid: &Grid, index: Option<usize>) -> bool {
    index.is_some_and(|i| {
        let text = &grid.cells()[i].text;
        matches!(role_of(text), Some(Role::Actual | Role::Target)) || is_year_label(text.trimmed())
    })
}

/// The target, result and year-alone titles (`2023年` over `计划 | 实际`) of a title row followed
/// by empty titles, each with the number of columns up to the next title: a title a layout
/// without spans wrote once over its columns.
fn spanning_runs(grid: &Grid, top: &[Option<usize>]) -> Vec<(usize, usize)> {
    (0..top.len())
        .filter(|&c| is_spanning_title(grid, top[c]))
        .map(|c| (c, 1 + (c + 1..top.len()).take_while(|&n| top[n].is_none()).count()))
        .filter(|&(_, len)| len > 1)
        .collect()
}

/// A title row pushed to the left, as a browser's copy of a page writes the rows under a spanning
/// title: the titles of row `parent + 1` belong under the titles of row `parent` that await
/// sub-titles — in the first row the titles that are a year alone (`2023年` over `预期目标 |
/// 完成`), or without those its target and result titles (`年度计划` over `总量 | 增速`), in a
/// lower row its own titles (`计划 | 实际` over `总量 | 增长 | 总量 | 增长`). With as
/// many of them as sub-titles they pair in order; with fewer (a title spanning columns, written
/// once), each takes a run of sub-titles opening with a target, or else an equal share; the
/// titles after a widened one move right.
fn place_pushed_left(grid: &Grid, titles: &mut [Vec<Option<usize>>], parent: usize) {
    let text = |index: usize| grid.cells()[index].text.trimmed();
    let (upper, lower) = titles.split_at_mut(parent + 1);
    let (top, below) = (&upper[parent], &lower[0]);
    // A title spanning both rows is in both; the lower row's own titles are the others.
    let own: Vec<usize> = (0..below.len()).filter(|&c| below[c].is_some() && below[c] != top[c]).collect();
    let pushed_left = !own.is_empty() && own.iter().enumerate().all(|(at, &col)| at == col);
    let year = |col: usize| top[col].is_some_and(|index| is_year_label(text(index)));
    let valued = |col: usize| {
        top[col].is_some_and(|index| matches!(role_of(text(index)), Some(Role::Target | Role::Actual)))
    };
    let under_years = (0..top.len()).any(year);
    let awaits = |col: usize| match parent {
        0 if under_years => year(col),
        0 => valued(col),
        _ => top[col].is_some() && top[col] != upper[parent - 1][col],
    };
    let mut awaiting: Vec<usize> = (0..top.len()).filter(|&col| awaits(col)).collect();
    let used = top.iter().rposition(Option::is_some).map_or(0, |last| last + 1);
    // The rows are wider than the titles by the columns the sub-titles add: `subs - takers`.
    // Fewer takers than years awaiting means some years stand alone (a base year `2020年`
    // before `2023年` over `预期目标 | 完成情况`): the latest years take the sub-titles.
    let takers = own.len().checked_sub(top.len() - used).filter(|&n| n > 0);
    if let Some(takers) = takers.filter(|&n| parent == 0 && under_years && n < awaiting.len()) {
        awaiting.sort_by_key(|&col| std::cmp::Reverse(top[col].map(text)));
        awaiting.truncate(takers);
        awaiting.sort_unstable();
    }
    let parents = awaiting.len();
    if !pushed_left || parents == 0 || parents > own.len() {
        return;
    }
    let subs: Vec<usize> = own.iter().filter_map(|&col| below[col]).collect();
    let Some(runs) = sub_title_runs(grid, &subs, parents) else { return };
    let mut runs = runs.into_iter();
    let width = top.len();
    let mut widened: Vec<Vec<Option<usize>>> = vec![Vec::with_capacity(width); parent + 2];
    let mut col = 0;
    while col < used {
        let run = if awaiting.contains(&col) { runs.next() } else { None };
        // Empty slots after a title (a layout that pads a spanning title's columns) are its own.
        let (repeat, under, taken) = match run {
            Some(run) => {
                let padded = (col + 1..used).take_while(|&c| top[c].is_none()).count().min(run.len() - 1);
                (run.len(), run.iter().map(|&index| Some(index)).collect(), 1 + padded)
            }
            None => (1, vec![top[col]], 1),
        };
        for (row, out) in upper.iter().zip(widened.iter_mut()) {
            out.extend(std::iter::repeat_n(row[col], repeat));
        }
        widened[parent + 1].extend(under);
        col += taken;
    }
    if widened[0].len() > width {
        return;
    }
    for (row, mut out) in upper.iter_mut().chain(lower.iter_mut().take(1)).zip(widened) {
        out.resize(width, None);
        *row = out;
    }
}

/// `subs` cut into `parents` runs, one per title above them: one each when there are as many;
/// else runs opening with a target title (`预期目标 | 完成 | 预期目标`), or equal shares (`总量 |
/// 增长 | 总量 | 增长` under two); `None` when neither cut fits.
fn sub_title_runs<'s>(grid: &Grid, subs: &'s [usize], parents: usize) -> Option<Vec<&'s [usize]>> {
    if parents == subs.len() {
        return Some(subs.chunks(1).collect());
    }
    let opens = |at: usize| at == 0 || role_of(grid.cells()[subs[at]].text.trimmed()) == Some(Role::Target);
    let starts: Vec<usize> = (0..subs.len()).filter(|&at| opens(at)).collect();
    if starts.len() == parents {
        let ends = starts.iter().skip(1).copied().chain([subs.len()]);
        return Some(starts.iter().zip(ends).map(|(&start, end)| &subs[start..end]).collect());
    }
    subs.len().is_multiple_of(parents).then(|| subs.chunks(subs.len() / parents).collect())
}

/// The column at `col` from the title cells above it: the top title, and the lowest title of
/// another cell under it as its sub-title.
fn column_of(grid: &Grid, titles: &[Vec<Option<usize>>], col: usize) -> Column {
    let mut stack: Vec<usize> = Vec::new();
    for row in titles {
        if let Some(index) = row[col]
            && !stack.contains(&index)
        {
            stack.push(index);
        }
    }
    let title = |index: usize| text::fold(&grid.cells()[index].text);
    let (top, sub) = match stack.as_slice() {
        [] => return Column { role: Role::Other, title: String::new(), sub: None },
        [only] => (title(*only), None),
        // Three rows (`2023年` / `计划` / `总量`): the titles above the lowest read as one.
        [upper @ .., last] => (upper.iter().map(|&index| title(index)).collect(), Some(title(*last))),
    };
    let top_role = role_of(&top);
    let sub_role = sub.as_deref().and_then(role_of);
    let role = match (top_role, sub_role) {
        (_, Some(role)) if role != Role::Other => role,
        (Some(role), _) => role,
        _ => Role::Other,
    };
    Column { role, title: top, sub }
}

/// The most common number of slots filled in a body row (0 when there are no body rows).
fn body_width(grid: &Grid, header_rows: usize) -> usize {
    let mut counts = std::collections::HashMap::new();
    for row in header_rows..grid.rows() {
        let filled = (0..grid.cols()).filter(|&col| grid.cell(row, col).is_some()).count();
        *counts.entry(filled).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|&(width, n)| (n, width)).map_or(0, |(width, _)| width)
}

/// Folds a two-row header written as one row back into columns, when the rows below are
/// narrower than the header: a parenthetical title (`(增速)`) joins the title before it, and
/// sub-titles (`绝对值`, `增速`) right after an achieved or target title become its columns.
fn fold_flattened(columns: &mut Vec<Column>, body_width: usize) {
    if body_width == 0 || columns.len() <= body_width {
        return;
    }
    let mut folded: Vec<Column> = Vec::with_capacity(columns.len());
    let mut spanning: Option<Column> = None;
    for column in columns.drain(..) {
        if is_parenthetical(&column.title)
            && let Some(last) = folded.last_mut()
        {
            last.sub = Some(column.title.trim_matches(['(', ')']).to_owned());
            continue;
        }
        if is_sub_title(&column.title)
            && let Some(parent) = spanning.clone().or_else(|| folded.last().cloned())
            && matches!(parent.role, Role::Actual | Role::Target)
        {
            if spanning.is_none() {
                folded.pop();
                spanning = Some(parent.clone());
            }
            folded.push(Column { sub: Some(column.title), ..parent });
            continue;
        }
        spanning = None;
        folded.push(column);
    }
    *columns = folded;
}

/// In a table of targets only, a column titled by its year alone (`指标 | 单位 | 2024年 | 属性`)
/// holds the targets: it becomes the target column when it is the only such column and no column
/// gives results. Its index, or `None`.
fn year_alone_as_target(columns: &mut [Column]) -> Option<usize> {
    if columns.iter().any(|c| matches!(c.role, Role::Actual | Role::Difference)) {
        return None;
    }
    let is_year_alone = |c: &Column| c.sub.is_none() && is_year_label(&c.title);
    let years: Vec<usize> = (0..columns.len()).filter(|&i| is_year_alone(&columns[i])).collect();
    let [only] = years[..] else { return None };
    columns[only].role = Role::Target;
    Some(only)
}

/// A title cut after the year it opens with (`2023年计划` → `2023年`, `计划`; `明年目标` → `明年`,
/// `目标`); `""` and the whole title when it opens with none.
pub(crate) fn split_year(title: &str) -> (&str, &str) {
    let end = title.find('年').map(|at| at + '年'.len_utf8()).filter(|&end| is_year_label(&title[..end]));
    title.split_at(end.unwrap_or(0))
}

/// Whether a title is a year alone (`2022年`, `2022年度`, or relative: `本年`, `明年`), as over a
/// pair of 目标 | 实际 columns or over a plan's targets.
pub(crate) fn is_year_label(text: &str) -> bool {
    let rest = text.trim_end_matches('度').strip_suffix('年').unwrap_or("");
    let relative = || relative_year(text).is_some_and(|(word, _)| matches!(&text[word.len()..], "" | "度"));
    (rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit())) || relative()
}

/// Sub-titles under one spanning title take the role of one of them: under `2024年`, `目标值` is
/// a target, so `增长(%)` beside it is the same target as a growth rate. Under a title over both a
/// target and a result (`2023年` over `计划 | 实际 | 比上年增长(%)`), a sub-title takes the role of
/// the nearest column before it that has one, else of the nearest after it.
fn pair_sub_titles(columns: &mut [Column]) {
    for at in 0..columns.len() {
        if columns[at].role != Role::Other || !columns[at].sub.as_deref().is_some_and(is_sub_title) {
            continue;
        }
        let title = &columns[at].title;
        let in_span = |c: &&Column| c.sub.is_some() && c.title == *title;
        let role_of = |c: &Column| matches!(c.role, Role::Target | Role::Actual).then_some(c.role);
        let before = columns[..at].iter().rev().take_while(in_span).find_map(role_of);
        let role = before.or_else(|| columns[at + 1..].iter().take_while(in_span).find_map(role_of));
        if let Some(role) = role {
            columns[at].role = role;
        }
    }
}

/// A growth column of no role of its own right after a target or achieved column of the same
/// year (`2024年计划 | 比上年增长（%）`) gives that value as a growth rate: it joins the column
/// before as its sub-title, as if a spanning title stood over both.
fn pair_growth_beside(columns: &mut [Column]) {
    for at in 1..columns.len() {
        let (before, rest) = columns.split_at_mut(at);
        let (previous, column) = (&before[at - 1], &mut rest[0]);
        let same_year =
            title_year(&column.title).is_none_or(|year| title_year(&previous.title) == Some(year));
        if column.role == Role::Other
            && column.sub.is_none()
            && names_growth(&column.title)
            && same_year
            && previous.sub.is_none()
            && matches!(previous.role, Role::Target | Role::Actual)
        {
            let growth = std::mem::replace(&mut column.title, previous.title.clone());
            column.sub = Some(growth);
            column.role = previous.role;
        }
    }
}

/// A `完成情况` column whose cells are the document's verdicts (`完成`, `未完成`) rather than
/// achieved values judges the rows, as a `与目标±` column does.
///
/// A text layout's rows may be short at the left (a spanning cell written in its first row
/// only) or at the right, so each row's cell in the column is read counted from either end: a
/// short row whose two readings disagree on being a verdict says nothing (a verdict beside a
/// result would otherwise make the result's column look like one).
fn mark_verdicts(grid: &Grid, header_rows: usize, columns: &mut [Column]) {
    let width = columns.len();
    for (col, column) in columns.iter_mut().enumerate() {
        if column.role != Role::Actual {
            continue;
        }
        let cells = (header_rows..grid.rows()).filter_map(|row| {
            let from_left = grid.text(row, col);
            let own = grid.row_range(row);
            let is_verdict = |cell: &str| super::verdict::verdict(cell).is_some();
            let left = is_verdict(from_left);
            let right = match (own.len() + col).checked_sub(width) {
                Some(at) if own.len() != width => is_verdict(&grid.cells()[own.start + at].text),
                _ => left,
            };
            (left == right).then_some((from_left, left))
        });
        if super::verdict::holds_verdicts(cells) {
            column.role = Role::Difference;
        }
    }
}

/// An achieved column of another year than the target's (`2022年预计完成` beside `2023年目标`, `上年实绩`
/// beside `本年计划` in a plan table) is a base-year figure, not the result against the target: it
/// becomes `Other`.
fn set_aside_other_years(columns: &mut [Column], target: usize) {
    let Some(target_year) = columns.get(target).and_then(|c| title_year(&c.title)) else { return };
    for column in columns.iter_mut().filter(|c| c.role == Role::Actual) {
        if title_year(&column.title).is_some_and(|year| year != target_year) {
            column.role = Role::Other;
        }
    }
}

/// The words of indicator tables: a title has a role, and a header names a name column and a
/// target column, or, in a table of targets only, one column titled by its year alone
/// (`序号 | 指标 | 单位 | 2024年 | 属性`, as [`year_alone_as_target`] reads it).
pub(crate) const INDICATOR: Vocabulary = Vocabulary {
    is_title: |text| role_of(text).is_some(),
    is_header: |titles| {
        let roles: Vec<Option<Role>> = titles.iter().map(|t| role_of(t)).collect();
        let results = roles.iter().any(|role| matches!(role, Some(Role::Actual | Role::Difference)));
        let year_alone = || titles.iter().filter(|t| is_year_label(t)).count() == 1 && !results;
        roles.contains(&Some(Role::Name)) && (roles.contains(&Some(Role::Target)) || year_alone())
    },
    spans_rows: |text| role_of(text) == Some(Role::Category),
};

/// Words of titles that tell what a column holds, each with the clues it gives (bits below).
/// They are all looked for in one pass over a title ([`clues`]), not one search per word.
const CLUE_WORDS: [(&str, u16); 39] = [
    ("±", DIFFERENCE),
    ("+-", DIFFERENCE),
    ("增减", DIFFERENCE),
    ("差距", DIFFERENCE),
    ("差值", DIFFERENCE),
    ("是否完成", DIFFERENCE),
    ("与目标", DIFFERENCE),
    ("比目标", DIFFERENCE),
    ("类别", CATEGORY),
    ("备注", REMARK),
    ("属性", REMARK),
    ("性质", REMARK),
    ("说明", REMARK),
    ("原因", REMARK),
    ("完成", ACTUAL),
    ("实际", ACTUAL),
    ("实绩", ACTUAL),
    ("执行", ACTUAL),
    ("实现", ACTUAL),
    ("达成", ACTUAL),
    ("快报", ACTUAL),
    ("核算", ACTUAL),
    ("累计", ACTUAL),
    ("统计数", ACTUAL),
    ("预计", ESTIMATE),
    ("名称", NAMED),
    ("目标", TARGET),
    ("预期", TARGET),
    ("任务", TARGET),
    ("指标", INDICATOR_WORD),
    ("绝对", SUB_TITLE),
    ("增速", SUB_TITLE | GROWTH),
    ("增长", SUB_TITLE | GROWTH),
    ("增幅", SUB_TITLE | GROWTH),
    ("比上年", SUB_TITLE | GROWTH | LAST_YEAR),
    ("较上年", SUB_TITLE | GROWTH | LAST_YEAR),
    ("同比", SUB_TITLE | GROWTH | LAST_YEAR),
    ("总量", SUB_TITLE),
    ("数值", SUB_TITLE),
];
/// A difference from the target (`与目标±`, `增减`, `是否完成`).
const DIFFERENCE: u16 = 1;
/// A category (`类别`).
const CATEGORY: u16 = 1 << 1;
/// A remark or attribute (`备注`, `属性`, `情况说明`, `未完成原因`).
const REMARK: u16 = 1 << 2;
/// An achieved value (`完成`, `实际`, `快报`, `累计`).
const ACTUAL: u16 = 1 << 3;
/// A name (`名称`).
const NAMED: u16 = 1 << 4;
/// A target (`目标`, `预期`).
const TARGET: u16 = 1 << 5;
/// The indicator itself (`指标`).
const INDICATOR_WORD: u16 = 1 << 6;
/// A sub-title under a spanning title (`绝对值`, `增速`).
const SUB_TITLE: u16 = 1 << 7;
/// A growth rate (`增速`, `增长`, `增幅`).
const GROWTH: u16 = 1 << 8;
/// An estimate (`预计`): an achieved value unless the title also names a target (`预计目标`).
const ESTIMATE: u16 = 1 << 9;
/// A comparison with last year (`比上年`, `同比`): a growth rate.
const LAST_YEAR: u16 = 1 << 10;

/// [`CLUE_WORDS`] by their first character: sorted by it, and a mask with bit `c % 128` set
/// for each first character `c`, which most characters of a title fail.
struct ClueIndex {
    words: Vec<(char, &'static str, u16)>,
    openers: u128,
}

static CLUE_INDEX: LazyLock<ClueIndex> = LazyLock::new(|| {
    let mut words: Vec<(char, &'static str, u16)> =
        CLUE_WORDS.iter().filter_map(|&(word, clues)| Some((word.chars().next()?, word, clues))).collect();
    words.sort_by_key(|&(first, ..)| first);
    let openers = words.iter().fold(0, |mask, &(first, ..)| mask | opener_bit(first));
    ClueIndex { words, openers }
});

/// The bit of [`ClueIndex::openers`] for `c`.
fn opener_bit(c: char) -> u128 {
    1 << (u32::from(c) % 128)
}

/// The words of [`CLUE_WORDS`] in `text`, overlapping ones too, each with the bytes it covers
/// and its clues. A title is short: the words that start at each of its characters are looked
/// up, which costs less than setting up a multi-word search for it.
fn clue_words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, u16)> + '_ {
    let index = &*CLUE_INDEX;
    text.char_indices().filter(|&(_, c)| index.openers & opener_bit(c) != 0).flat_map(move |(at, c)| {
        let from = index.words.partition_point(|&(first, ..)| first < c);
        index.words[from..]
            .iter()
            .take_while(move |&&(first, ..)| first == c)
            .filter(move |&&(_, word, _)| text[at..].starts_with(word))
            .map(move |&(_, word, clues)| (at..at + word.len(), clues))
    })
}

/// The clues of [`CLUE_WORDS`] found anywhere in `text`, as one set of bits.
fn clues(text: &str) -> u16 {
    clue_words(text).fold(0, |set, (_, clues)| set | clues)
}

/// The role of a column from its title, `None` when the cell is not a title.
pub(crate) fn role_of(text: &str) -> Option<Role> {
    // Every word a title is known by is past ASCII but `+-` (the tests check the lists), and
    // folding keeps ASCII text ASCII, dropping only its white space: a cell of ASCII without a
    // `+` (a figure, a row's number) is none.
    if text.is_ascii() && !text.contains('+') {
        return None;
    }
    // A text of no more characters than a title has (most cells, counted fast) need not have its
    // white space told apart.
    if text.chars().count() > MAX_TITLE_CHARS
        && text.chars().filter(|c| !c.is_whitespace()).nth(MAX_TITLE_CHARS).is_some()
    {
        return None;
    }
    let title = text::fold_cow(text);
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let found = clues(&title);
    let has = |clue: u16| found & clue != 0;
    let is = |words: &[&str]| words.contains(&&*title);
    // `比上年±%`, `同比增减`: a change on last year is a growth rate, not a difference from the target.
    // `2023年目标/完成`: a target and its result in one cell, parted later (`paired_cells`).
    let role = if title.contains(['/', '(', ')']) && super::paired_cells::paired_title(&title).is_some() {
        Role::Target
    } else if has(DIFFERENCE) && !has(LAST_YEAR) {
        Role::Difference
    } else if has(CATEGORY) && has(INDICATOR_WORD) && title.contains(['/', '、', '及']) {
        // `类别/指标`: one column for the categories' rows and the indicators' names.
        Role::Name
    } else if has(CATEGORY) || is(&["分类", "类型", "领域", "指标类型"]) {
        Role::Category
    } else if is(&["序号", "编号", "序"]) {
        Role::Seq
    } else if is(&["单位", "计量单位"]) {
        Role::Unit
    } else if has(REMARK) {
        Role::Remark
    } else if is_five_year_plan(&title) || (has(ACTUAL) && is_completion_rate(&title)) {
        Role::Other
    } else if has(ACTUAL)
        || (has(ESTIMATE) && !has(TARGET) && opens_with_estimate(&title))
        || is_months(&title)
    {
        Role::Actual
    } else if has(NAMED) {
        Role::Name
    } else if has(TARGET) || names_a_plan(&title) {
        Role::Target
    } else if has(INDICATOR_WORD) || is(&NAME_TITLES) || is_slanted_corner(&title) {
        Role::Name
    } else if (year_in(&title).is_some() && title.chars().count() <= 8) || is_year_label(&title) {
        Role::Other
    } else {
        return None;
    };
    Some(role)
}

/// Titles of the names' column without the word `指标` or `名称` (a project table's `建设内容` is
/// none).
const NAME_TITLES: [&str; 6] = ["项目", "内容", "主要内容", "考核内容", "事项", "科目"];

/// Titles of a plan's figures, after the year (`2024年计划指标`, `计划增长(%)`, `2024年安排`), where
/// no word of [`CLUE_WORDS`] names a target: a project table's `2024年计划投资` is none.
const PLAN_TITLES: [&str; 7] = ["计划", "计划数", "计划值", "计划指标", "安排", "计划安排", "计划增长"];

/// Whether a title names a plan's figures ([`PLAN_TITLES`]): the whole title after its year, or
/// ending in `计划` (`年度计划`), or a planned growth with its unit (`计划增长(%)`).
fn names_a_plan(title: &str) -> bool {
    let rest = split_year(title).1.trim_end_matches(['%', '(', ')']);
    title.ends_with("计划") || title.ends_with("计划数") || PLAN_TITLES.contains(&rest)
}

/// Whether a title is a table's corner cell split by a slant, the names' title and the columns'
/// (`项目　　年度`, `年份<br>项目`): `项目` with a word of time before or after it.
fn is_slanted_corner(title: &str) -> bool {
    const TIME_WORDS: [&str; 3] = ["年份", "年度", "时间"];
    if !text::holds(title, "项目") {
        return false;
    }
    // The title without white space and slants is `项目` and a time word, one after the other.
    let kept = || title.chars().filter(|c| !c.is_whitespace() && !"\\/".contains(*c));
    TIME_WORDS.iter().any(|time| {
        [[*time, "项目"], ["项目", *time]].iter().any(|words| kept().eq(words.iter().flat_map(|w| w.chars())))
    })
}

/// The words of a five-year plan's column (`“十四五”规划目标（2025年）`, `规划目标`): its targets are
/// the plan period's, beside the year's own, not the ones the year is judged by.
const FIVE_YEAR_PLAN_WORDS: [&str; 5] = ["规划", "十二五", "十三五", "十四五", "十五五"];

/// Whether a title is a five-year plan's column ([`FIVE_YEAR_PLAN_WORDS`]).
fn is_five_year_plan(title: &str) -> bool {
    // Each of the words holds `规` or `五`: a title without either (most) is read no further.
    (text::holds(title, "规") || text::holds(title, "五"))
        && FIVE_YEAR_PLAN_WORDS.iter().any(|word| text::holds(title, word))
}

/// Whether a title opens with `预计`, after a year (written out or relative: `今年预计`) or `全年`
/// (`预计增长(%)`, `2023年预计`): an estimate of the result, not a title that merely contains the
/// word.
fn opens_with_estimate(title: &str) -> bool {
    split_year(title).1.trim_start_matches("全年").starts_with("预计")
}

/// Whether a title is a span of months alone, after its year or not (`1-12月`, `1—11月份`,
/// `2023年1-11月`): the results to that month.
fn is_months(title: &str) -> bool {
    let title = split_year(title).1;
    let Some(span) = title.strip_suffix("月份").or_else(|| title.strip_suffix('月')) else {
        return false;
    };
    let Some((from, to)) = span.split_once(['-', '—', '–', '~', '至']) else {
        return false;
    };
    let month = |text: &str| text.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    month(from) && month(to.trim_end_matches('月'))
}

/// A column of how much of the plan was done (`完成率`, `完成计划(%)`, `完成进度`), not of the
/// achieved values themselves.
fn is_completion_rate(title: &str) -> bool {
    let of_plan = text::holds(title, "计划") || text::holds(title, "目标") || text::holds(title, "任务");
    let rate = ["完成率", "执行率", "实现率", "进度"].iter().any(|word| text::holds(title, word));
    rate || (of_plan && title.contains('%'))
}

/// A sub-title in a second header row (`绝对值`, `增速`, `比上年增长(%)`): a sub-title's word
/// and little else, so an indicator's name that ends in one (`地区生产总值增速`, the first cell of
/// a body row under a flat header) is none.
pub(crate) fn is_sub_title(text: &str) -> bool {
    let title = text::fold_cow(text);
    let title = title.trim_matches(['(', ')']);
    title.chars().count() <= 8 && clues(title) & SUB_TITLE != 0 && words_besides_clues(title) < 2
}

/// How many ideographs of `title` are neither in a clue word of [`CLUE_WORDS`], nor in brackets,
/// nor a measure's suffix (`值`, `率`, `数`, `额`, `量`, `减`, `年`).
fn words_besides_clues(title: &str) -> usize {
    // Bytes in clue words, one bit each: a sub-title is at most 8 characters, 32 bytes.
    let mut covered = 0u64;
    for (found, _) in clue_words(title) {
        for at in found.start..found.end.min(u64::BITS as usize) {
            covered |= 1 << at;
        }
    }
    let covered = |at: usize| at < u64::BITS as usize && covered & (1 << at) != 0;
    let mut depth = 0usize;
    let mut count = 0;
    for (at, c) in title.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 && !covered(at) && text::is_han(c) && !"值率数额量减年".contains(c) => {
                count += 1
            }
            _ => {}
        }
    }
    count
}

/// A title in brackets qualifying the one before it (`(增速)`, `（%）`).
pub(crate) fn is_parenthetical(text: &str) -> bool {
    let title = text::fold_cow(text);
    title.len() > 2 && title.starts_with('(') && title.ends_with(')') && title.chars().count() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{GridBuilder, Layout};

    #[test]
    fn a_title_s_words_are_past_ascii_but_plus_minus() {
        let clues = CLUE_WORDS.iter().map(|&(word, _)| word);
        let words = clues.chain(NAME_TITLES).chain(PLAN_TITLES).chain(FIVE_YEAR_PLAN_WORDS);
        for word in words.chain(["计划", "计划数", "项目", "年", "月"]) {
            assert!(!word.is_ascii() || word == "+-", "{word}");
        }
        assert_eq!(role_of("+ -"), Some(Role::Difference));
        for text in ["1", "6.5", "2023", " 7/6.1 ", "GDP(%)", "1-12"] {
            assert_eq!(role_of(text), None, "{text}");
        }
    }

    #[test]
    fn clue_words_are_found_where_a_search_for_each_finds_them() {
        let titles = [
            "2023年预期目标",
            "比上年增长(%)",
            "与目标±",
            "同比增减",
            "类别",
            "增长增速增幅",
            "+-",
            "统计数值",
            "",
        ];
        for title in titles {
            let mut found: Vec<_> = clue_words(title).collect();
            found.sort_by_key(|(range, _)| (range.start, range.end));
            let mut wanted: Vec<_> = CLUE_WORDS
                .iter()
                .flat_map(|&(word, clues)| {
                    title.match_indices(word).map(move |(at, _)| (at..at + word.len(), clues))
                })
                .collect();
            wanted.sort_by_key(|(range, _)| (range.start, range.end));
            assert_eq!(found, wanted, "{title}");
        }
    }

    #[test]
    fn five_year_plan_words_hold_gui_or_wu() {
        assert!(FIVE_YEAR_PLAN_WORDS.iter().all(|word| word.contains(['规', '五'])));
    }

    #[test]
    fn a_five_year_plans_column_has_no_role_of_the_year() {
        for title in ["“十四五”规划目标(2025年)", "规划目标", "十四五目标"] {
            assert_eq!(role_of(title), Some(Role::Other), "{title}");
        }
        assert_eq!(role_of("2023年计划目标"), Some(Role::Target));
    }

    #[test]
    fn results_to_a_month_executed_and_tasks_have_roles() {
        for title in ["2023年执行", "执行数", "1-12月", "1—11月份", "1-11月完成"] {
            assert_eq!(role_of(title), Some(Role::Actual), "{title}");
        }
        for title in ["任务数", "年度任务", "2023年目标任务"] {
            assert_eq!(role_of(title), Some(Role::Target), "{title}");
        }
        assert_eq!(role_of("13-14月"), None);
        assert_eq!(role_of("执行率"), Some(Role::Other));
    }

    #[test]
    fn title_rows_pushed_left_go_under_the_titles_awaiting_them() {
        let titles = |header: &Header| header.columns.iter().map(Column::label).collect::<Vec<_>>();
        let each = read_header(&grid(&["指标|2023年|2023年|2024年", "目标|完成|目标", "GDP|6|5|5"])).unwrap();
        assert_eq!(titles(&each), ["指标", "2023年/目标", "2023年/完成", "2024年/目标"]);
        let once =
            read_header(&grid(&["指标|2023年|2024年|属性", "目标|完成|目标", "GDP|6|5|5|预期性"])).unwrap();
        assert_eq!(titles(&once), ["指标", "2023年/目标", "2023年/完成", "2024年/目标", "属性"]);
        let three =
            read_header(&grid(&["指标|2023年", "计划|实际", "总量|增长|总量|增长", "GDP|100|6|98|5"]));
        let three = three.unwrap();
        assert_eq!(three.rows, 3);
        assert_eq!(
            titles(&three),
            ["指标", "2023年计划/总量", "2023年计划/增长", "2023年实际/总量", "2023年实际/增长"]
        );
    }

    #[test]
    fn a_change_on_last_year_is_a_growth_rate_not_a_difference_from_the_target() {
        for title in ["比上年±%", "比上年增减(%)", "同比±"] {
            assert_ne!(role_of(title), Some(Role::Difference), "{title}");
            assert!(is_sub_title(title), "{title}");
        }
        assert_eq!(role_of("与目标±"), Some(Role::Difference));
        assert_eq!(role_of("增减"), Some(Role::Difference));
    }

    #[test]
    fn results_titled_as_statistics_bulletins_accounts_and_months_after_a_year() {
        for title in [
            "2023年快报数",
            "2023年统计快报",
            "2023年初步核算",
            "达成值",
            "全年累计",
            "统计数",
            "2023年1-12月",
        ] {
            assert_eq!(role_of(title), Some(Role::Actual), "{title}");
        }
        assert_eq!(role_of("2023年"), Some(Role::Other));
    }

    #[test]
    fn titles_of_no_known_role_stand_in_a_first_row_naming_names_and_values() {
        let roles = |header: &Header| header.columns.iter().map(|c| c.role).collect::<Vec<_>>();
        let header = read_header(&grid(&["指标|目标|完成|责任单位|全市排名", "GDP|6|5|发改局|3"])).unwrap();
        assert_eq!(roles(&header), [Role::Name, Role::Target, Role::Actual, Role::Other, Role::Other]);
        // Not in a lower header row, nor in a row naming no values.
        let lower = read_header(&grid(&["指标|目标|完成", "目标|全市排名|完成", "GDP|6|5"])).unwrap();
        assert_eq!(lower.rows, 1);
        assert!(read_header(&grid(&["指标|责任单位|全市排名", "GDP|发改局|3"])).is_none());
    }

    #[test]
    fn titles_of_a_plans_figures_and_of_the_names_and_a_projects_columns_are_none() {
        for title in ["2024年计划指标", "计划指标", "2024年安排", "计划增长(%)", "年度计划", "2024年计划数"]
        {
            assert_eq!(role_of(title), Some(Role::Target), "{title}");
        }
        assert_eq!(role_of("2024年计划投资"), None);
        for title in ["内容", "考核内容", "事项", "类别/指标"] {
            assert_eq!(role_of(title), Some(Role::Name), "{title}");
        }
        assert_eq!(role_of("指标类别"), Some(Role::Category));
        assert_eq!(role_of("建设内容"), None);
        assert_eq!(role_of("资金安排"), None);
    }

    #[test]
    fn a_slanted_corner_titles_the_names() {
        for title in ["项目　　年度", "年份 项目", "项目\\年份", "项目/时间"] {
            assert_eq!(role_of(title), Some(Role::Name), "{title}");
        }
        assert_eq!(role_of("项目年度计划"), Some(Role::Target));
    }

    #[test]
    fn a_name_ending_in_a_sub_titles_word_is_no_sub_title() {
        for title in ["绝对值", "增速", "增长（%）", "比上年增长(%)", "总量（亿元）", "增长率", "数值"]
        {
            assert!(is_sub_title(title), "{title}");
        }
        for title in ["地区生产总值增速", "居民收入增长", "工业总量"] {
            assert!(!is_sub_title(title), "{title}");
        }
    }

    /// A grid from rows of `|`-separated cells; `text^2` spans two rows, `text>2` two columns.
    fn grid(rows: &[&str]) -> Grid {
        let mut b = GridBuilder::new(Layout::Html);
        for (line, row) in rows.iter().enumerate() {
            b.start_row();
            for cell in row.split('|') {
                let (text, rows, cols) = match (cell.split_once('^'), cell.split_once('>')) {
                    (Some((t, n)), _) => (t, n.parse().unwrap(), 1),
                    (_, Some((t, n))) => (t, 1, n.parse().unwrap()),
                    _ => (cell, 1, 1),
                };
                b.push_spanning(text, line + 1, rows, cols);
            }
        }
        b.finish()
    }

    fn roles(header: &Header) -> Vec<Role> {
        header.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn a_section_row_naming_indicators_is_no_header_row() {
        // Across the table, or a numbered label in its first cell, as text layouts write it.
        for section in ["约束性指标>3", "一、约束性指标||"] {
            let header =
                read_header(&grid(&["指标名称|2023年目标|2023年完成", section, "GDP|7|6.2"])).unwrap();
            assert_eq!(header.rows, 1, "{section}");
        }
    }

    #[test]
    fn reads_a_plan_header_with_remarks() {
        let header =
            read_header(&grid(&["类别|指  标  名  称|2023年计划目标|备注", "发展|GDP|7|预期性"])).unwrap();
        assert_eq!(header.rows, 1);
        assert_eq!(roles(&header), [Role::Category, Role::Name, Role::Target, Role::Remark]);
        assert_eq!(header.target_year(), Some(2023));
        assert!(!header.is_review());
    }

    #[test]
    fn reads_a_header_of_three_rows() {
        let header = read_header(&grid(&[
            "指标名称^3|单位^3|2023年>4",
            "计划>2|实际>2",
            "总量|增长（%）|总量|增长（%）",
            "GDP|亿元|3100|7|3025.6|6.2",
        ]))
        .unwrap();
        assert_eq!(header.rows, 3);
        use Role::*;
        assert_eq!(roles(&header), [Name, Unit, Target, Target, Actual, Actual]);
        assert_eq!(header.columns[3].label(), "2023年计划/增长(%)");
        assert_eq!(header.target_pair(), [2, 3]);
    }

    #[test]
    fn a_growth_column_beside_a_target_is_that_target_as_a_rate() {
        let header = read_header(&grid(&[
            "指标名称|2023年实际|2024年计划|比上年增长（%）|2023年增长",
            "GDP|3025.6|3200|6|6.2",
        ]))
        .unwrap();
        use Role::*;
        assert_eq!(roles(&header), [Name, Other, Target, Target, Other]);
        assert!(header.columns[3].is_growth());
        assert_eq!(header.target_pair(), [2, 3]);
    }

    #[test]
    fn a_year_alone_over_targets_only_is_the_target_column() {
        let header = read_header(&grid(&["序号|指标|单位|2024年|属性", "1|GDP增长|%|6左右|预期性"])).unwrap();
        use Role::*;
        assert_eq!(roles(&header), [Seq, Name, Unit, Target, Remark]);
        // Two years, or a year beside results, are no table of targets.
        assert!(read_header(&grid(&["指标|2023年|2024年", "GDP|5|6"])).is_none());
        assert!(read_header(&grid(&["指标|2024年|完成", "GDP|6|5.5"])).is_none());
    }

    #[test]
    fn blank_rows_above_the_header_are_skipped() {
        let header =
            read_header(&grid(&[" >3", "单位：%>3", "指 标|2023年目标|2023年完成", "GDP增长|6|4.4"]))
                .unwrap();
        assert_eq!(header.rows, 3);
        assert_eq!(roles(&header), [Role::Name, Role::Target, Role::Actual]);
        let table_unit = |rows: &[&str]| table_unit_note(&grid(rows)).and_then(unit_note).map(str::to_owned);
        assert_eq!(table_unit(&[" >3", "单位：%>3", "指标|目标|完成"]).as_deref(), Some("%"));
        assert_eq!(table_unit(&["单位：亿元、%>3", "指标|目标|完成"]), None);
        assert!(unit_note_lists_percent("：亿元、%") && !unit_note_lists_percent("：%"));
    }

    #[test]
    fn splits_a_spanning_title() {
        let header = read_header(&grid(&[
            "类别^2|序号^2|指标名称^2|2020年计划目标^2|2020年完成>2",
            "绝对值|增速",
            "发展|1|GDP|7|500|6",
        ]))
        .unwrap();
        assert_eq!(header.rows, 2);
        use Role::*;
        assert_eq!(roles(&header), [Category, Seq, Name, Target, Actual, Actual]);
        assert_eq!(header.columns[5].sub.as_deref(), Some("增速"));
        assert!(header.columns[5].is_growth() && !header.columns[4].is_growth());
    }

    #[test]
    fn text_headers_without_spans_are_repaired() {
        use Role::*;
        let header =
            read_header(&grid(&["类别|指标名称|2023年目标|完成情况|", "|||绝对值|增速", "经济|GDP|7|500|6"]));
        let header = header.unwrap();
        assert_eq!(roles(&header), [Category, Name, Target, Actual, Actual]);
        assert_eq!(header.columns[4].sub.as_deref(), Some("增速"));
        let header =
            read_header(&grid(&["类别|指标名称|2023年目标|完成情况|", "绝对值|增速|||", "经济|GDP|7|500|6"]));
        let header = header.unwrap();
        assert_eq!(roles(&header), [Category, Name, Target, Actual, Actual]);
        assert_eq!(header.columns[3].sub.as_deref(), Some("绝对值"));
        assert_eq!(header.columns[0].sub, None);
    }

    #[test]
    fn a_caption_row_inside_the_table_is_skipped() {
        let g = grid(&["表1 2023年主要指标完成情况>3", "单位：%>3", "指标|2023年目标|2023年完成", "GDP|7|6"]);
        let header = read_header(&g).unwrap();
        assert_eq!(header.rows, 3);
        assert_eq!(roles(&header), [Role::Name, Role::Target, Role::Actual]);
        assert_eq!(caption_row(&g), Some("表1 2023年主要指标完成情况"));
    }

    #[test]
    fn completion_columns_may_come_first() {
        let header =
            read_header(&grid(&["指标|完成情况>2|年度目标^2", "绝对值|增速", "GDP|500|6|7"])).unwrap();
        use Role::*;
        assert_eq!(roles(&header), [Name, Actual, Actual, Target]);
    }

    #[test]
    fn folds_a_flattened_two_row_header() {
        let header = read_header(&grid(&[
            "指标名称|2020年预期目标|(增速)|2020年完成情况|绝对值|增速",
            "GDP|7|500|6",
            "投资|8|300|5",
        ]))
        .unwrap();
        use Role::*;
        assert_eq!(roles(&header), [Name, Target, Actual, Actual]);
        assert_eq!(header.columns[1].sub.as_deref(), Some("增速"));
        assert_eq!(header.columns[3].sub.as_deref(), Some("增速"));
        assert_eq!(header.columns[2].title, "2020年完成情况");
    }

    #[test]
    fn reads_a_difference_column_and_sets_aside_base_years() {
        let header =
            read_header(&grid(&["指      标|2022年目标|2022年完成|与目标±", "1﹒GDP|7|6|-1"])).unwrap();
        assert_eq!(roles(&header), [Role::Name, Role::Target, Role::Actual, Role::Difference]);
        let header = read_header(&grid(&["指标|2022年预计完成|2023年目标", "GDP|6|7"])).unwrap();
        assert_eq!(roles(&header), [Role::Name, Role::Other, Role::Target]);
        assert!(!header.is_review());
    }

    #[test]
    fn an_estimate_is_a_result_and_part_of_a_year_is_noted() {
        assert_eq!(role_of("预计增长（%）"), Some(Role::Actual));
        assert_eq!(role_of("2023年预计"), Some(Role::Actual));
        assert_eq!(role_of("全年预计完成"), Some(Role::Actual));
        assert_eq!(role_of("2025年预计目标"), Some(Role::Target));
        assert_eq!(role_of("单位2022年预计"), None);
        let header = read_header(&grid(&[
            "指标名称|2023年计划|1-11月完成|全年预计完成|预计增长（%）",
            "GDP|增长6%|—|318|5.2",
        ]))
        .unwrap();
        let partial: Vec<bool> = header.columns.iter().map(Column::covers_part_of_year).collect();
        assert_eq!(partial, [false, false, true, false, false]);
        let header =
            read_header(&grid(&["指标^2|2023年>3", "计划|1-11月|全年预计", "GDP|6|5.7|5.8"])).unwrap();
        let partial: Vec<bool> = header.columns.iter().map(Column::covers_part_of_year).collect();
        assert_eq!(partial, [false, false, true, false]);
        assert!(Column { role: Role::Actual, title: "前三季度".into(), sub: None }.covers_part_of_year());
    }

    #[test]
    fn a_completion_rate_is_not_the_achieved_value() {
        let header = read_header(&grid(&[
            "完成率（%）|指标|2022年计划|2022年实际完成|完成计划(%)",
            "98.2|GDP|1380|1355.2|98.2",
        ]))
        .unwrap();
        assert_eq!(roles(&header), [Role::Other, Role::Name, Role::Target, Role::Actual, Role::Other]);
        // Beside achieved values the rate judges nothing; without them it makes a review.
        assert_eq!(header.completion_rate(), None);
        let rates = read_header(&grid(&["指标|2023年目标|完成率", "GDP|560|98"])).unwrap();
        assert_eq!((rates.completion_rate(), rates.is_review()), (Some(2), true));
        let other_year = read_header(&grid(&["指标|2024年目标|2023年完成率", "GDP|560|98"])).unwrap();
        assert_eq!((other_year.completion_rate(), other_year.is_review()), (None, false));
    }

    #[test]
    fn a_project_box_is_not_an_indicator_table() {
        assert!(read_header(&grid(&["序号|项目名称|建设内容", "1|甲|乙"])).is_none());
        assert!(read_header(&grid(&["项目名称|年度计划投资", "甲|1"])).is_none());
        assert!(read_header(&grid(&["交通类：安习高速"])).is_none());
    }
}
