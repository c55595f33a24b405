//! The name cell of an indicator row: `其中：税收收入增速（%）`, `#二氧化硫（%）`, `空气质量优良天数（天）*`,
//! `1﹒地区生产总值`. Sub-row markers, a leading number, the `*` of a binding indicator and the unit
//! parenthetical are taken off the name and kept apart.

use crate::text::Trimmed;
use crate::text::is_section;

/// Markers of a sub-row, at the start of its name.
const SUB_ROW_MARKERS: [&str; 6] = ["其中：", "其中:", "其中", "#", "﹟", "＃"];
/// Marks of a binding (约束性) indicator, at the end of its name (`*`, or a star or triangle a
/// note under the table defines: `标★的为约束性指标`).
pub(crate) const STARS: [char; 6] = ['*', '＊', '★', '☆', '▲', '△'];
/// Names of what is measured of an indicator, no indicator by themselves: the second cell of a
/// name written over two (`地区生产总值` spanning rows beside `总量` and `增速`).
const MEASURES: [&str; 12] = [
    "总量",
    "总额",
    "绝对值",
    "规模",
    "数量",
    "增速",
    "增幅",
    "增长",
    "增长率",
    "比上年增长",
    "同比增长",
    "比上年增幅",
];
/// A parenthetical longer than this is part of the name, not a unit.
const MAX_UNIT_CHARS: usize = 8;

/// A name cell taken apart.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct NameCell {
    /// The cell as written, trimmed.
    pub raw: String,
    /// The name without markers, number, unit, `*` and white space.
    pub name: String,
    /// The unit inside the trailing parenthetical (`%`, `件/万人`).
    pub unit: Option<String>,
    /// The star the name ends in (`*`, `★`): a binding indicator, unless a note under the table
    /// gives that star another meaning.
    pub star: Option<char>,
    /// The name starts with a sub-row marker (`其中：`, `#`, `﹟`).
    pub sub_row: bool,
    /// A row number written in the name (`1﹒地区生产总值` → `1`).
    pub number: Option<String>,
}

/// Takes a name cell apart.
pub(crate) fn read_name(text: &str) -> NameCell {
    let compact = compact_cow(text);
    let (number, rest) = split_number(&compact);
    let (sub_row, rest) = strip_markers(rest);
    let (name, unit, star) = split_unit_and_star(rest);
    NameCell { raw: text.trimmed().to_owned(), name: name.to_owned(), unit, star, sub_row, number }
}

/// A cell's text without white space (`指  标  名  称` → `指标名称`).
pub(crate) fn compact(text: &str) -> String {
    text.split_whitespace().collect()
}

/// [`compact`], borrowed when the text holds no white space but at its ends (most names).
pub(crate) fn compact_cow(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trimmed();
    if crate::text::holds_white_space(trimmed) {
        std::borrow::Cow::Owned(compact(trimmed))
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    }
}

/// Last words of a category label (`经济发展`, `民生福祉`, `创新驱动`, `资源环境`, `一类`).
const CATEGORY_ENDINGS: [&str; 22] = [
    "发展", "福祉", "民生", "创新", "驱动", "协调", "绿色", "开放", "共享", "生态", "安全", "活力", "效益",
    "结构", "保障", "生活", "环境", "资源", "改革", "动力", "领域", "类",
];
/// A category label is a few words at most.
const MAX_CATEGORY_CHARS: usize = 6;

/// Whether a cell beside the names is a category (`经济<br>发展` spanning its rows under a `指标`
/// title over two columns) rather than a parent indicator (`主要污染物排放总量减少` over its
/// sub-rows).
pub(crate) fn is_category_label(text: &str) -> bool {
    let label = compact_cow(text);
    let chars = label.chars().count();
    (2..=MAX_CATEGORY_CHARS).contains(&chars)
        && !label.contains(|c: char| c.is_ascii_digit())
        && CATEGORY_ENDINGS.iter().any(|ending| label.ends_with(ending))
}

/// Whether a name cell names only what is measured of the indicator beside it (`总量`, `增速（%）`).
pub(crate) fn is_measure(text: &str) -> bool {
    read_name(text).is_measure()
}

impl NameCell {
    /// Whether the cell this name was read from names only what is measured of the indicator
    /// beside it ([`is_measure`]), asked of a name already taken apart.
    pub(crate) fn is_measure(&self) -> bool {
        !self.sub_row && MEASURES.contains(&self.name.as_str())
    }
}

/// Whether a cell starts with a sub-row marker.
pub(crate) fn is_sub_row(text: &str) -> bool {
    let text = text.trimmed_start();
    SUB_ROW_MARKERS.iter().any(|m| text.starts_with(m))
}

/// A section's name without its number: `一、经济发展` and `（二）民生保障` → `经济发展`, `民生保障`;
/// a text that is no numbered section is returned whole.
pub(crate) fn section_name(text: &str) -> &str {
    if !is_section(text) {
        return text;
    }
    let rest = text.trim_start_matches(['（', '(']).trim_start_matches(crate::text::is_chinese_numeral);
    rest.strip_prefix(['、', '）', ')']).unwrap_or(rest).trim_start_matches(['、', ' '])
}

/// `1﹒名称`, `12．名称`, `3、名称`, `4.名称` → the number and the rest.
fn split_number(text: &str) -> (Option<String>, &str) {
    let digits = text.chars().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
    let mut chars = text.chars().skip(digits);
    let separated = chars.next().is_some_and(|c| ['﹒', '．', '.', '、'].contains(&c));
    let named = chars.next().is_some_and(|c| !c.is_ascii_digit() && !('０'..='９').contains(&c));
    if digits == 0 || digits > 3 || !separated || !named {
        return (None, text);
    }
    let cut = text.char_indices().nth(digits).map_or(text.len(), |(i, _)| i);
    let rest = text[cut..].chars().next().map_or("", |c| &text[cut + c.len_utf8()..]);
    (Some(text[..cut].to_owned()), rest)
}

/// Takes off leading sub-row markers.
fn strip_markers(mut text: &str) -> (bool, &str) {
    let mut found = false;
    while let Some(rest) = SUB_ROW_MARKERS.iter().find_map(|m| text.strip_prefix(m)) {
        found = true;
        text = rest;
    }
    (found, text)
}

/// Takes off trailing stars (keeping the first one taken), footnote marks (`①`, `[1]`) and the trailing unit parenthetical, in any
/// order.
fn split_unit_and_star(mut text: &str) -> (&str, Option<String>, Option<char>) {
    let mut unit = None;
    let mut star = None;
    loop {
        let unstarred = text.trim_end_matches(STARS);
        if unstarred.len() != text.len() {
            star = star.or(text[unstarred.len()..].chars().next());
            text = unstarred;
            continue;
        }
        if let Some(rest) = strip_footnote_mark(text) {
            text = rest;
            continue;
        }
        if unit.is_some() {
            break;
        }
        match trailing_unit(text) {
            Some((rest, inner)) => {
                unit = Some(inner.to_owned());
                text = rest;
            }
            None => break,
        }
    }
    (text, unit, star)
}

/// `text` without a trailing footnote mark: a circled number (`①`), superscript digits (`¹`) or a
/// number in square brackets (`[1]`, `［2］`, `【3】`), with the `^` a text browser prints for
/// superscript before it (`增长^①`, `增长^1`); `None` when it has none.
fn strip_footnote_mark(text: &str) -> Option<&str> {
    let stripped = strip_mark(text)?;
    let stripped = stripped.strip_suffix('^').unwrap_or(stripped);
    (!stripped.is_empty()).then_some(stripped)
}

/// [`strip_footnote_mark`] without the `^`.
fn strip_mark(text: &str) -> Option<&str> {
    let circled_or_superscript = |c: char| crate::text::is_circled_number(c) || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c);
    let trimmed = text.trim_end_matches(circled_or_superscript);
    if trimmed.len() != text.len() {
        return Some(trimmed);
    }
    if let Some((body, digits)) = text.rsplit_once('^')
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        return Some(body);
    }
    let body = text.strip_suffix([']', '］', '】'])?;
    let open = body.rfind(['[', '［', '【'])?;
    let inner = &body[open + body[open..].chars().next()?.len_utf8()..];
    let is_mark = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) && open > 0;
    is_mark.then(|| &body[..open])
}

/// The characters units of measure are written in: `亿元`, `万人次`, `微克/立方米`, `吨标准煤`,
/// `个百分点`, `%`.
const UNIT_CHARS: &str = "%‰/每元角万亿千百十个人次户家件项处条台只份名位所张辆床座套间岁年天月日倍                          亩顷公里米平方立瓦时度吨克斤头标准煤美微毫升分点";

/// Whether a cell is a unit of measure alone (`亿元`, `微克/立方米`): short, and only of
/// [`UNIT_CHARS`], so no indicator's name (`粮食产量`) is one.
pub(crate) fn is_unit_cell(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= MAX_UNIT_CHARS && text.chars().all(|c| UNIT_CHARS.contains(c))
}

/// The unit a column title ends with in brackets (`目标（%）`, `2023年完成（亿元）`), if it reads as
/// one unit alone ([`is_unit_cell`]).
pub(crate) fn unit_in_title(title: &str) -> Option<&str> {
    trailing_unit(title).map(|(_, unit)| unit).filter(|unit| is_unit_cell(unit))
}

/// `名称（单位）` → (`名称`, `单位`) when the parenthetical is short enough to be a unit.
fn trailing_unit(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix('）').or_else(|| text.strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let inner = body[open..].chars().next().map(|c| &body[open + c.len_utf8()..])?;
    let is_unit = !inner.is_empty()
        && inner.chars().count() <= MAX_UNIT_CHARS
        && !inner.contains(['、', '，', ',', '（', '(', '）', ')']);
    is_unit.then(|| (&body[..open], inner.trimmed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_cell_is_a_unit_alone() {
        for unit in ["亿元", "%", "万人次", "微克/立方米", "吨标准煤", "个百分点", "平方米/人"]
        {
            assert!(is_unit_cell(unit), "{unit}");
        }
        for text in ["粮食产量", "地区生产总值", "", "完成", "6.5"] {
            assert!(!is_unit_cell(text), "{text}");
        }
    }

    #[test]
    fn a_measure_names_what_is_measured_of_an_indicator() {
        assert!(is_measure("总量"));
        assert!(is_measure("增速（%）"));
        assert!(!is_measure("其中：增速"));
        assert!(!is_measure("地区生产总值增速"));
    }

    #[test]
    fn compact_names_are_borrowed_when_they_can_be() {
        for text in ["", " ", "指标名称", " 指标名称\t", "指  标  名  称", "GDP\u{3000}增速", "\u{3000}增速 "]
        {
            assert_eq!(compact_cow(text), compact(text), "{text:?}");
        }
    }

    #[test]
    fn a_section_name_loses_its_number_only() {
        assert_eq!(section_name("一、经济发展"), "经济发展");
        assert_eq!(section_name("（二）民生保障"), "民生保障");
        assert_eq!(section_name("(十三)绿色发展"), "绿色发展");
        assert_eq!(section_name("三农发展"), "三农发展");
        assert_eq!(section_name("十四五规划指标"), "十四五规划指标");
    }

    #[test]
    fn takes_the_name_apart() {
        let cell = read_name("  其中：税收收入扣除留抵退税因素后增速（%）");
        assert_eq!(cell.name, "税收收入扣除留抵退税因素后增速");
        assert_eq!(cell.unit.as_deref(), Some("%"));
        assert!(cell.sub_row && cell.star.is_none());
        assert_eq!(cell.raw, "其中：税收收入扣除留抵退税因素后增速（%）");

        let cell = read_name("空气质量优良天数（天）*");
        assert_eq!(
            (cell.name.as_str(), cell.unit.as_deref(), cell.star),
            ("空气质量优良天数", Some("天"), Some('*'))
        );

        let cell = read_name("万人发明专利拥有量（件/万人）");
        assert_eq!(cell.unit.as_deref(), Some("件/万人"));

        let cell = read_name("指  标  名  称");
        assert_eq!(cell.name, "指标名称");
    }

    #[test]
    fn footnote_marks_are_no_part_of_the_name() {
        for cell in [
            "地区生产总值增长①",
            "地区生产总值增长[1]",
            "地区生产总值增长（%）【2】",
            "地区生产总值增长²*",
            "地区生产总值增长^①",
            "地区生产总值增长^1",
        ] {
            assert_eq!(read_name(cell).name, "地区生产总值增长", "{cell}");
        }
        assert_eq!(read_name("[1]").name, "[1]");
        assert_eq!(read_name("^1").name, "^1");
        assert_eq!(read_name("PM2.5浓度").name, "PM2.5浓度");
    }

    #[test]
    fn keeps_an_inner_parenthetical() {
        let cell = read_name("万人发明专利拥有量（件）增长（%）");
        assert_eq!(cell.name, "万人发明专利拥有量（件）增长");
        assert_eq!(cell.unit.as_deref(), Some("%"));
        let cell = read_name("#氨氮能耗“双控”目标（%）");
        assert_eq!(cell.name, "氨氮能耗“双控”目标");
        assert!(cell.sub_row);
    }

    #[test]
    fn takes_off_a_row_number() {
        let cell = read_name("12﹒单位地区生产总值能耗*");
        assert_eq!(cell.number.as_deref(), Some("12"));
        assert_eq!(cell.name, "单位地区生产总值能耗");
        assert!(cell.star == Some('*') && cell.unit.is_none());
        assert_eq!(read_name("5G基站（个）").name, "5G基站");
        assert_eq!(read_name("1.95:1").number, None);
    }

    #[test]
    fn recognises_group_cells_and_sub_rows() {
        let cell = read_name("主要污染物排放总量减少*");
        assert!(cell.star.is_some() && !cell.sub_row);
        assert!(is_sub_row("﹟能耗强度下降（%）"));
        assert!(!is_sub_row("能耗“双控”目标"));
    }
}
