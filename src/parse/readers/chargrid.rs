//! Columns on a grid of characters, one space apart: tables as `lynx -dump` prints them.
//!
//! `lynx` places every character, CJK or not, in one column of a grid and starts each cell of a
//! column at the same character, however narrow the gap before it (`亿元 960` is two cells). So a
//! column starts where some line starts a word and every line of the table has a space (or has
//! ended) just before: a word running across that place (`地区生产总值`) says it is no column.
//!
//! The header is the lines above the first line with a value, but for lines with no title at
//! its end (the start of the first row's cells). A header line whose cells only
//! continue titles of the line above (a title wrapped inside its cell, `指标` / `属性`) is joined
//! to it; one that fills columns the line above left empty is a row of sub-titles of its own
//! (`2023年` over `计划 实际`). In the body, a line without a value that fills fewer than half its
//! cells holds wrapped cells: joined to
//! the row below when that row has text in the same columns (a label printed across the middle
//! of its rows, `经济` / `发展`), else to the row above (a name wrapped under its row).

use super::aligned::{close_cjk_gaps, nearest};
use super::{Read, Vocabulary};
use crate::grid::{GridBuilder, Layout};
use crate::parse::Lines;
use crate::parse::table::align::is_value;
use crate::parse::table::header::is_sub_title;
use crate::text::Trimmed;
use crate::text::is_section;

/// A table line is at most this many characters; longer lines are prose.
const MAX_LINE_CHARS: usize = 200;
/// A table has at most this many header lines.
const MAX_HEADER_LINES: usize = 4;

/// One line of the table cut into its columns' cells (empty where the line has nothing).
#[derive(Debug, Clone)]
struct Line {
    index: usize,
    cells: Vec<String>,
}

impl Line {
    /// Whether any cell after the first reads as a value and not as a column title.
    fn has_value(&self, vocabulary: &Vocabulary) -> bool {
        self.cells
            .iter()
            .skip(1)
            .any(|cell| !cell.is_empty() && is_value(cell) && !(vocabulary.is_title)(cell))
    }

    /// Whether the line is a row of its own: it has a value, or fills half its cells or more
    /// (`单位…能耗降低 | % | 完成市下达目标 | 约束性`); else it holds wrapped parts of cells.
    fn is_row(&self, vocabulary: &Vocabulary) -> bool {
        self.has_value(vocabulary) || self.filled().count() * 2 >= self.cells.len()
    }

    /// Whether the line is a section's label alone in its first cell (`二、预期性指标`): a row of
    /// its own across the table.
    fn is_section(&self) -> bool {
        self.filled().eq([0]) && is_section(&self.cells[0])
    }

    fn filled(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.cells.len()).filter(|&col| !self.cells[col].is_empty())
    }

    /// Joins `other`'s cells after (or, `before`, ahead of) this line's, column by column.
    fn join(&mut self, other: &Line, before: bool) {
        for (mine, theirs) in self.cells.iter_mut().zip(&other.cells) {
            *mine = if before { format!("{theirs}{mine}") } else { format!("{mine}{theirs}") };
        }
    }
}

/// Reads the table on a grid of characters starting at `lines[start]`.
pub(crate) fn read(lines: Lines<'_>, start: usize, vocabulary: &Vocabulary) -> Option<Read> {
    let block: Vec<(usize, Vec<char>)> = lines
        .iter()
        .enumerate()
        .skip(start)
        .take_while(|(_, line)| is_table_line(line))
        .map(|(index, line)| (index, line.trimmed_end().chars().collect()))
        .collect();
    // lynx draws no rules: a table beside a rule of dashes, or one blank line from it, is
    // another layout's (pandoc's, which may write a line of spaces under its top rule).
    let ruled = |index: Option<usize>, step: fn(usize) -> Option<usize>| {
        let line = |i: Option<usize>| i.and_then(|i| lines.get(i));
        let rule = |i: Option<usize>| line(i).is_some_and(super::aligned::is_rule);
        rule(index) || (line(index).is_some_and(|l| l.trimmed().is_empty()) && rule(index.and_then(step)))
    };
    let (above, below) = (start.checked_sub(1), Some(start + block.len()));
    if block.len() < 2 || ruled(above, |i| i.checked_sub(1)) || ruled(below, |i| i.checked_add(1)) {
        return None;
    }
    let words = |chars: &[char]| {
        chars
            .iter()
            .collect::<String>()
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // A header line may hold only sub-titles under a title above (`绝对额  比上年增长`).
    let is_title = |word: &String| (vocabulary.is_title)(word) || is_sub_title(word);
    let has_value = |chars: &[char]| words(chars).iter().skip(1).any(|w| is_value(w) && !is_title(w));
    // A table opens with a line of two titles or more, not a heading (`二、2023年计划`).
    if words(&block[0].1).len() < 2 {
        return None;
    }
    let first_value = block.iter().position(|(_, chars)| has_value(chars))?;
    // Lines just above the first row with no title in them are the start of its cells.
    // A row's 序号 (`1`) or a section's label (`一、约束性指标`) opens no header line.
    let numbered =
        |chars: &[char]| words(chars).first().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let titled =
        |chars: &[char]| !is_section_line(chars) && !numbered(chars) && words(chars).iter().any(is_title);
    let header_end = (1..=first_value).rev().find(|&end| titled(&block[end - 1].1))?;
    if header_end > MAX_HEADER_LINES {
        return None;
    }
    // The body places the columns; a header's titles may stand a character off (a title over
    // several columns is centred).
    let body_lines: Vec<(usize, Vec<char>)> =
        block[header_end..].iter().filter(|(_, chars)| !is_section_line(chars)).cloned().collect();
    let starts = with_header_starts(column_starts(&body_lines), &block[..header_end], &body_lines);
    if starts.len() < 2 {
        return None;
    }
    let header: Vec<Line> = block[..header_end]
        .iter()
        .map(|(index, chars)| Line { index: *index, cells: nearest_cells(chars, &starts) })
        .collect();
    let body: Vec<Line> = block[header_end..]
        .iter()
        .map(|(index, chars)| Line { index: *index, cells: body_cells(chars, &starts) })
        .collect();
    let (header, body) = (header.as_slice(), body.as_slice());
    let mut builder = GridBuilder::new(Layout::Aligned);
    for line in header_rows(header).iter().chain(&body_rows(body, vocabulary)) {
        builder.start_row();
        for cell in &line.cells {
            builder.push(&close_cjk_gaps(cell), line.index + 1);
        }
    }
    let end = block.last().map_or(start, |(index, _)| index + 1);
    Some(Read { grid: builder.finish(), end, warnings: Vec::new() })
}

/// Whether a line can belong to the table: not blank, not prose, not a rule of dashes (lynx
/// draws none: a rule is another layout's).
fn is_table_line(line: &str) -> bool {
    let text = line.trimmed();
    !text.is_empty()
        && !text.ends_with(['。', '：', ':'])
        && text.chars().count() <= MAX_LINE_CHARS
        && !super::aligned::is_rule(line)
}

/// The characters where columns start: where a line starts a word and every line has a space,
/// or has ended, just before. The first column starts at the leftmost text.
fn column_starts(block: &[(usize, Vec<char>)]) -> Vec<usize> {
    let is_space = |c: char| c == ' ';
    let width = block.iter().map(|(_, chars)| chars.len()).max().unwrap_or(0);
    let left = block.iter().filter_map(|(_, chars)| chars.iter().position(|&c| !is_space(c))).min();
    let Some(left) = left else { return Vec::new() };
    let mut starts = vec![left];
    for x in left + 1..width {
        let clear = block
            .iter()
            .all(|(_, chars)| chars.get(x - 1).is_none_or(|&c| is_space(c)) || pushed_right(chars, x));
        let opens = block.iter().any(|(_, chars)| chars.get(x).is_some_and(|&c| !is_space(c)));
        if clear && opens {
            starts.push(x);
        }
    }
    starts
}

/// Whether a line's cell of the column starting at `x` stands one character right of it, pushed by
/// a value one character wider than its own column (`548.7 98.0` where the column of `98.0` starts
/// at `8`): lynx then moves the rest of the row. Both words are values, so no cell is cut in two.
fn pushed_right(chars: &[char], x: usize) -> bool {
    let word = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    if chars.get(x) != Some(&' ') || chars.get(x + 1).is_none_or(|&c| c == ' ') {
        return false;
    }
    let before = chars[..x].iter().rposition(|&c| c == ' ').map_or(0, |at| at + 1);
    let after = chars[x + 1..].iter().position(|&c| c == ' ').map_or(chars.len(), |at| x + 1 + at);
    is_value(&word(before, x)) && is_value(&word(x + 1, after))
}

/// `starts` with the starts of header words that stand clear of every body line and a column or
/// more from the body's own starts: a column the body leaves empty (`备注`).
fn with_header_starts(
    mut starts: Vec<usize>,
    header: &[(usize, Vec<char>)],
    body: &[(usize, Vec<char>)],
) -> Vec<usize> {
    let word_starts = header.iter().flat_map(|(_, chars)| {
        (0..chars.len()).filter(move |&x| chars[x] != ' ' && (x == 0 || chars[x - 1] == ' '))
    });
    let clear =
        |x: usize| body.iter().all(|(_, chars)| chars.get(x.wrapping_sub(1)).is_none_or(|&c| c == ' '));
    let mut extra: Vec<usize> =
        word_starts.filter(|&x| clear(x) && starts.iter().all(|s| s.abs_diff(x) > 1)).collect();
    starts.append(&mut extra);
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Whether a line is a section's label alone (`一、约束性指标`), which runs across the columns.
fn is_section_line(chars: &[char]) -> bool {
    let text: String = chars.iter().collect();
    let text = text.trimmed();
    !text.contains(' ') && is_section(text)
}

/// The cells of a body line: a section's label whole in the first cell, else [`cells`].
fn body_cells(chars: &[char], starts: &[usize]) -> Vec<String> {
    if !is_section_line(chars) {
        return cells(chars, starts);
    }
    let mut cells = vec![String::new(); starts.len()];
    cells[0] = chars.iter().collect::<String>().trimmed().to_owned();
    cells
}

/// The cells of a line between the column starts, trimmed.
fn cells(chars: &[char], starts: &[usize]) -> Vec<String> {
    let bounds = starts.iter().copied().chain([usize::MAX]).collect::<Vec<_>>();
    bounds
        .windows(2)
        .map(|pair| {
            let (from, to) = (pair[0].min(chars.len()), pair[1].min(chars.len()));
            chars[from..to].iter().collect::<String>().trimmed().to_owned()
        })
        .collect()
}

/// The cells of a header line: each word (parted by spaces) in the column whose start is
/// nearest its own.
fn nearest_cells(chars: &[char], starts: &[usize]) -> Vec<String> {
    let mut cells = vec![String::new(); starts.len()];
    let mut x = 0;
    while x < chars.len() {
        if chars[x] == ' ' {
            x += 1;
            continue;
        }
        let end = (x..chars.len()).find(|&at| chars[at] == ' ').unwrap_or(chars.len());
        cells[nearest(starts, x)].extend(&chars[x..end]);
        x = end;
    }
    cells
}

/// The header's rows: a line that only continues titles of the line above is joined to it.
fn header_rows(header: &[Line]) -> Vec<Line> {
    let mut rows: Vec<Line> = Vec::new();
    for line in header {
        match rows.last_mut() {
            Some(above) if line.filled().all(|col| !above.cells[col].is_empty()) => above.join(line, false),
            _ => rows.push(line.clone()),
        }
    }
    rows
}

/// The body's rows: a line without a value joined to the row it belongs to.
fn body_rows(body: &[Line], vocabulary: &Vocabulary) -> Vec<Line> {
    let mut rows: Vec<Line> = Vec::new();
    let mut waiting: Option<Line> = None;
    for (at, line) in body.iter().enumerate() {
        if line.is_section() {
            rows.push(line.clone());
            continue;
        }
        if line.is_row(vocabulary) {
            let mut row = line.clone();
            if let Some(label) = waiting.take() {
                row.join(&label, true);
                row.index = label.index;
            }
            rows.push(row);
            continue;
        }
        let below = body.get(at + 1).filter(|next| next.is_row(vocabulary));
        let opens_below = below.is_some_and(|next| line.filled().all(|col| !next.cells[col].is_empty()));
        match rows.last_mut() {
            Some(above) if !opens_below => above.join(line, false),
            _ => match &mut waiting {
                Some(label) => label.join(line, false),
                None => waiting = Some(line.clone()),
            },
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;
    use crate::parse::table::header::INDICATOR;

    fn grid(lines: &[&str]) -> Vec<Vec<String>> {
        let read = read(LinedText::from_lines(lines).lines(), 0, &INDICATOR).expect("a table");
        read.grid.texts().iter().map(|row| row.iter().map(|cell| (*cell).to_owned()).collect()).collect()
    }

    #[test]
    // lynx -dump of a page whose `548.7` is wider than the column `实际完成` heads: the completion
    // rate after it starts one character right of the column's other cells.
    fn a_value_wider_than_its_column_pushes_the_rest_of_its_row_one_right() {
        let rows = grid(&[
            "   指标名称         单位 2023年        完成率（%） 指标属性",
            "                   计划目标    实际完成",
            "   地区生产总值增长     %  6.5     5.6  —      预期性",
            "   规模以上工业增加值增长  %  8       9.2  —      预期性",
            "   固定资产投资增长     %  10      -3.5 —      预期性",
            "   社会消费品零售总额    亿元 560     548.7 98.0   预期性",
            "   一般公共预算收入     亿元 91      92.1 101.2  预期性",
            "   单位地区生产总值能耗降低 %  完成市下达任务 3.1  —      约束性",
            "   城镇新增就业       万人 2.5     2.81 112.4  预期性",
        ]);
        assert_eq!(rows[0], ["指标名称", "单位", "2023年", "", "完成率（%）", "指标属性"]);
        assert_eq!(rows[1], ["", "", "计划目标", "实际完成", "", ""]);
        assert_eq!(rows[2], ["地区生产总值增长", "%", "6.5", "5.6", "—", "预期性"]);
        assert_eq!(rows[5], ["社会消费品零售总额", "亿元", "560", "548.7", "98.0", "预期性"]);
        assert_eq!(rows[8], ["城镇新增就业", "万人", "2.5", "2.81", "112.4", "预期性"]);
    }

    #[test]
    fn cells_one_space_apart_start_where_their_column_does() {
        let rows = grid(&[
            "   指标名称      单位 2023年计划 增长（%） 2023年完成 增长（%）",
            "   地区生产总值    亿元 960     6.5   938.2   5.1",
            "   社会消费品零售总额 亿元 560     7     571     8.3",
        ]);
        assert_eq!(rows[1], ["地区生产总值", "亿元", "960", "6.5", "938.2", "5.1"]);
        assert_eq!(rows[2], ["社会消费品零售总额", "亿元", "560", "7", "571", "8.3"]);
    }

    #[test]
    fn a_converters_gap_between_a_number_and_its_words_is_closed() {
        // `pdftotext -layout` sets a space beside every number (`3 左右`).
        let rows = grid(&[
            "项目             计量单位   年初计划 全年实绩",
            "1．地区生产总值增速    %      6.5    3.1",
            "2．居民消费价格涨幅    %      3 左右   1.9",
        ]);
        assert_eq!(rows[2], ["2．居民消费价格涨幅", "%", "3左右", "1.9"]);
    }

    #[test]
    fn wrapped_titles_and_labels_across_their_rows_are_joined() {
        let rows = grid(&[
            "类别   指标       2023年目标 指标",
            "                      属性",
            "经济",
            "发展   地区生产总值增长 6       预期性",
            "     一般公共预算收入 5       预期性",
        ]);
        assert_eq!(rows[0], ["类别", "指标", "2023年目标", "指标属性"]);
        assert_eq!(rows[1], ["经济发展", "地区生产总值增长", "6", "预期性"]);
        assert_eq!(rows[2], ["", "一般公共预算收入", "5", "预期性"]);
    }

    #[test]
    fn a_table_one_blank_line_inside_rules_of_dashes_is_pandocs() {
        let lines = [
            "  ------ ------------ ----------",
            "                               ",
            "  序号   指标         2023年目标",
            "  1      地区生产总值 6.5",
            "                               ",
            "  ------ ------------ ----------",
        ];
        assert!(read(LinedText::from_lines(&lines).lines(), 2, &INDICATOR).is_none());
        assert!(read(LinedText::from_lines(&lines[2..4]).lines(), 0, &INDICATOR).is_some());
    }

    #[test]
    fn section_labels_are_rows_across_the_columns_not_titles_or_wrapped_cells() {
        let rows = grid(&[
            "   序号 指标名称（单位）        2023年目标 2023年完成 是否完成",
            "   一、约束性指标",
            "   1  单位地区生产总值能耗降低（%） 完成市下达任务 完成      √",
            "   2  化学需氧量排放量削减（%）   ２．１     ２．３     √",
            "   二、预期性指标",
            "   3  地区生产总值增长（%）     ７       ６．２     ×",
        ]);
        assert_eq!(rows[0], ["序号", "指标名称（单位）", "2023年目标", "2023年完成", "是否完成"]);
        assert_eq!(rows[1], ["一、约束性指标", "", "", "", ""]);
        assert_eq!(rows[2], ["1", "单位地区生产总值能耗降低（%）", "完成市下达任务", "完成", "√"]);
        assert_eq!(rows[3], ["2", "化学需氧量排放量削减（%）", "２．１", "２．３", "√"]);
        assert_eq!(rows[4], ["二、预期性指标", "", "", "", ""]);
        assert_eq!(rows[5], ["3", "地区生产总值增长（%）", "７", "６．２", "×"]);
    }
}
