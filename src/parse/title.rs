//! The title block: district, city, years, the congress session and date, the issuing body.
//!
//! Reports exported from Word put the title on one or more lines at the top; copies taken from
//! government web pages add site menus and metadata before it, repeat it, write `与` for `及`,
//! `计划(草案)` with ASCII brackets, leave out `草案` (`…及2023年计划的报告`), or wrap the report in
//! a `关于印发…的通知`. The title is found
//! by its shape in the joined head of the document rather than by its position.

use crate::model::{Date, TitleBlock};
use crate::parse::Lines;
use crate::text;
use regex::Regex;
use std::sync::LazyLock;

/// How many lines from the top may come before the title (web-page menus and metadata).
const HEAD_LINES: usize = 300;

/// The report's title, whitespace removed and width-folded: district, review year, plan year.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<place>\p{Han}*?)
        (?P<review>\d{4})年度?
        (?:国民经济和社会发展)?计划(?:执行情况)?
        (?:及|与|和|暨)
        (?P<plan>\d{4})年(?:度)?
        (?:国民经济和社会发展)?计划(?:\(?草案\)?|(?:安排)?的报告|$)",
    )
    .expect("title pattern")
});

/// The line under the title: `——2023年2月8日在重庆市綦江区第三届人民代表大会第一次会议上`.
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日)?
        在(?P<place>\p{Han}*?)
        (?P<session>第[一二三四五六七八九十百零〇]+届人民代表大会(?:常务委员会)?第[一二三四五六七八九十百零〇]+次(?:全体)?会议)",
    )
    .expect("session pattern")
});

/// The issuing body on a line of its own.
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{2,20}(?:发展和改革委员会|发展改革委员会|发展改革委|发改委)$")
        .expect("issuer pattern")
});

/// One head line: its 1-based number and its text with white space removed and widths folded.
struct HeadLine {
    number: usize,
    text: String,
}

/// Reads the title block from the head of a report's lines (`lines[0]` is line 1).
///
/// Fields that the head does not state stay `None`; nothing is guessed.
pub fn parse_title(lines: Lines<'_>) -> TitleBlock {
    let head: Vec<HeadLine> = lines
        .iter()
        .take(HEAD_LINES)
        .enumerate()
        .map(|(i, line)| HeadLine { number: i + 1, text: text::fold(line) })
        .filter(|line| !line.text.is_empty())
        .collect();
    let mut block = TitleBlock::default();
    let title_end = find_title(&head, &mut block);
    find_session(&head[title_end..], &mut block);
    block.issuer = head
        .iter()
        .take(title_end + 12)
        .find(|line| ISSUER.is_match(&line.text))
        .map(|line| line.text.clone());
    if let (None, Some(issuer)) = (&block.district, block.issuer.clone()) {
        let place = issuer.trim_end_matches(|c| !UNIT_ENDINGS.contains(&c) && c != '省');
        split_place(place).fill(&mut block);
    }
    block
}

/// A site's name: the government of a unit (`盐边县人民政府`, `攀枝花市盐边县人民政府门户网站`,
/// `盐边县政府网`).
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{2,20}?(?:省|自治区|区|县|市|旗|州|盟))(?:人民)?政府").expect("site pattern")
});

/// Fills the place of `block` from the site a web page comes from (`page_title`: its `<title>`
/// and `SiteName`, see [`crate::document::Document::page_title`]), for a report whose title block
/// names none (`关于2023年…草案的报告_盐边县人民政府`). Fields already filled are kept.
pub fn place_from_site(block: &mut TitleBlock, page_title: Option<&str>) {
    let Some(titles) = page_title.map(text::fold) else { return };
    if let Some(place) = SITE.captures(&titles) {
        split_place(&place[1]).fill(block);
    }
}

/// Finds the title over up to four consecutive head lines; fills title, place and years.
/// Returns the index in `head` of the first line after the title (0 when none was found).
fn find_title(head: &[HeadLine], block: &mut TitleBlock) -> usize {
    for start in 0..head.len() {
        let mut joined = String::new();
        for end in start..head.len().min(start + 4) {
            joined.push_str(&head[end].text);
            // Every title names its `草案`, ends `计划的报告`, or ends its line with `计划` (a web
            // page's title, `北京市海淀区2023年…计划执行情况与2024年国民经济和社会发展计划`); the
            // pattern is tried only on lines that do, and a title going on to `草案` or `的报告` on
            // the next line is read whole.
            let ends_plan = joined.ends_with("计划");
            if !joined.contains("草案") && !joined.contains("的报告") && !ends_plan {
                continue;
            }
            let goes_on =
                |next: &HeadLine| ["草案", "(草案", "的报告"].iter().any(|w| next.text.starts_with(w));
            if ends_plan && head.get(end + 1).is_some_and(goes_on) {
                continue;
            }
            let Some(caps) = TITLE.captures(&joined) else { continue };
            // The title must begin on the first joined line, or a later start would find it too:
            // its review year there, or its place filling the line up to the year on the next
            // (`关于重庆市綦江区` / `2022年…`). A menu line before the title (`政务公开` / `兴文县2023年…`)
            // is no part of the place; a line opening with `关于` is the title's, however short
            // (`关于梅` / `州市梅江区2023年…`, a title wrapped inside a narrow cell).
            let first_len = head[start].text.len();
            let review_at = caps.name("review").map_or(0, |m| m.start());
            let opens = head[start].text.starts_with("关于");
            let place_fills_line = caps
                .name("place")
                .is_some_and(|m| m.start() == 0 && (m.end() == first_len || (opens && m.end() > first_len)));
            if review_at >= first_len && !place_fills_line {
                break;
            }
            block.title = title_text(&joined);
            block.line = head[start].number;
            block.review_year = caps["review"].parse().ok();
            block.plan_year = caps["plan"].parse().ok();
            split_place(strip_lead_in(&caps["place"])).fill(block);
            return end + 1;
        }
    }
    0
}

/// The title from `关于` (the last one, past any `关于印发…的通知` wrapper) to `报告`.
fn title_text(joined: &str) -> String {
    let start = joined.rfind("关于").unwrap_or(0);
    let rest = &joined[start..];
    let end = rest.rfind("报告").map_or(rest.len(), |i| i + "报告".len());
    rest[..end].to_owned()
}

/// The place before the review year, without the words that introduce it (`关于`, `印发`, `现将`).
fn strip_lead_in(place: &str) -> &str {
    let start = ["关于", "印发", "现将"]
        .iter()
        .filter_map(|lead| place.rfind(lead).map(|i| i + lead.len()))
        .max()
        .unwrap_or(0);
    &place[start..]
}

/// Where a report comes from, as its title block names it.
#[derive(Debug, Default, PartialEq)]
struct Place {
    province: Option<String>,
    city: Option<String>,
    district: Option<String>,
}

impl Place {
    /// Fills the fields of `block` that are still empty.
    fn fill(self, block: &mut TitleBlock) {
        block.province = block.province.take().or(self.province);
        block.city = block.city.take().or(self.city);
        block.district = block.district.take().or(self.district);
    }
}

/// Endings of the units that report: districts, counties, county-level and prefecture cities.
const UNIT_ENDINGS: [char; 6] = ['区', '县', '市', '旗', '州', '盟'];

/// Endings of the city above a district, in the order they are tried (`恩施土家族苗族自治州`).
const CITY_ENDINGS: [&str; 3] = ["市", "自治州", "盟"];

/// Splits `浙江省湖州市吴兴区` into province, city and district. A lone `荣昌区` is a district; a
/// province reporting on itself (`湖北省`, `广西壮族自治区`) is both its province and the unit.
fn split_place(place: &str) -> Place {
    let (province, rest) = split_province(place);
    if rest.is_empty() {
        return Place { district: province.clone(), province, city: None };
    }
    if rest.chars().count() < 2 || !rest.ends_with(UNIT_ENDINGS) {
        return Place { province, ..Place::default() };
    }
    let district_at = |ending: &str| {
        rest.find(ending)
            .map(|i| i + ending.len())
            .filter(|&end| end >= "市市".len() && rest[end..].chars().count() >= 2)
    };
    match CITY_ENDINGS.iter().find_map(|ending| district_at(ending)) {
        Some(end) => {
            Place { province, city: Some(rest[..end].to_owned()), district: Some(rest[end..].to_owned()) }
        }
        None => Place { province, city: None, district: Some(rest.to_owned()) },
    }
}

/// `湖北省宜昌市` → (`湖北省`, `宜昌市`); a place without a province is all rest.
fn split_province(place: &str) -> (Option<String>, &str) {
    ["省", "自治区"]
        .iter()
        .filter_map(|ending| place.find(ending).map(|i| i + ending.len()))
        .filter(|&end| end > "省".len())
        .min()
        .map_or((None, place), |end| (Some(place[..end].to_owned()), &place[end..]))
}

/// Finds the congress session and its date in the lines after the title (the line may be split).
fn find_session(after_title: &[HeadLine], block: &mut TitleBlock) {
    for start in 0..after_title.len().min(12) {
        let mut joined = String::new();
        for line in &after_title[start..after_title.len().min(start + 3)] {
            joined.push_str(&line.text);
            let Some(caps) = SESSION.captures(&joined) else { continue };
            block.session = Some(caps["session"].to_owned());
            block.delivered_on = date_from(&caps);
            split_place(&caps["place"]).fill(block);
            return;
        }
    }
}

/// The session's date, when written and valid.
fn date_from(caps: &regex::Captures<'_>) -> Option<Date> {
    let year = caps.name("y")?.as_str().parse().ok()?;
    let month: u8 = caps.name("m")?.as_str().parse().ok()?;
    let day: u8 = caps.name("d")?.as_str().parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::LinedText;

    fn title_of(text: &str) -> TitleBlock {
        let lines: Vec<&str> = text.lines().collect();
        parse_title(LinedText::from_lines(&lines).lines())
    }

    #[test]
    fn a_site_names_the_place_a_title_leaves_out() {
        let mut block = TitleBlock::default();
        place_from_site(&mut block, Some("关于2023年…草案的报告_政务公开_攀枝花市盐边县人民政府"));
        assert_eq!((block.city.as_deref(), block.district.as_deref()), (Some("攀枝花市"), Some("盐边县")));
        let mut block = TitleBlock { district: Some("米易县".into()), ..TitleBlock::default() };
        place_from_site(&mut block, Some("盐边县政府网"));
        assert_eq!(block.district.as_deref(), Some("米易县"));
        let mut block = TitleBlock::default();
        place_from_site(&mut block, Some("政务公开"));
        assert_eq!(block.district, None);
    }

    #[test]
    fn a_title_without_its_draft_word() {
        let block = title_of("关于海宁市2022年国民经济和社会发展计划执行情况及2023年计划的报告\n各位代表：");
        assert_eq!(block.title, "关于海宁市2022年国民经济和社会发展计划执行情况及2023年计划的报告");
        assert_eq!((block.review_year, block.plan_year), (Some(2022), Some(2023)));
        assert_eq!(block.district.as_deref(), Some("海宁市"));
        // A report on the plan's making, not the plan's report, names no years of review.
        let block = title_of("关于编制2023年计划的报告\n各位代表：");
        assert_eq!(block.review_year, None);
    }

    #[test]
    fn a_web_pages_title_ending_with_its_plan() {
        let block =
            title_of("北京市海淀区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划\n一、");
        assert_eq!(
            block.title,
            "北京市海淀区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划"
        );
        assert_eq!((block.review_year, block.plan_year), (Some(2023), Some(2024)));
        assert_eq!((block.city.as_deref(), block.district.as_deref()), (Some("北京市"), Some("海淀区")));
        // A title going on to its `草案` on the next line is read whole.
        let block = title_of(
            "关于通州区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划\n（草案）的报告",
        );
        assert_eq!(
            block.title,
            "关于通州区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划(草案)的报告"
        );
    }

    #[test]
    fn split_title_with_city_district_date_session_and_issuer() {
        let block = title_of(
            "\n关于重庆市綦江区2022年国民经济和社会发展\n\n计划执行情况及2023年计划草案的报告\n\n\
             ——2023年2月8日在重庆市綦江区第三届人民代表大会第一次会议上\n\n重庆市綦江区发展和改革委员会\n\n各位代表：",
        );
        assert_eq!(block.title, "关于重庆市綦江区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告");
        assert_eq!(block.line, 2);
        assert_eq!(block.city.as_deref(), Some("重庆市"));
        assert_eq!(block.district.as_deref(), Some("綦江区"));
        assert_eq!((block.review_year, block.plan_year), (Some(2022), Some(2023)));
        assert_eq!(block.delivered_on.map(|d| d.to_string()).as_deref(), Some("2023-02-08"));
        assert_eq!(block.session.as_deref(), Some("第三届人民代表大会第一次会议"));
        assert_eq!(block.issuer.as_deref(), Some("重庆市綦江区发展和改革委员会"));
    }

    #[test]
    fn city_comes_from_the_session_line_when_the_title_has_none() {
        let block = title_of(
            "区十八届人大四次会议\n材  料      （ 五 ）\n关于荣昌区2022年国民经济和社会发展计划\n\n\
             执行情况及2023年计划草案的报告\n——2023年1月31日在重庆市荣昌区第十八届人民代表大会\n第四次会议上",
        );
        assert_eq!(block.district.as_deref(), Some("荣昌区"));
        assert_eq!(block.city.as_deref(), Some("重庆市"));
        assert_eq!(block.session.as_deref(), Some("第十八届人民代表大会第四次会议"));
        assert_eq!(block.delivered_on.map(|d| d.to_string()).as_deref(), Some("2023-01-31"));
    }

    #[test]
    fn web_copy_with_menu_ascii_brackets_and_notice_wrapper() {
        let block = title_of(
            "首页 > 政务公开 > 规划计划\n发布日期：2023-02-10 来源：区发展改革委\n\
             关于印发关于涪陵区2022年国民经济和社会发展计划执行情况与2023年计划(草案)的报告的通知\n正文",
        );
        assert_eq!(block.district.as_deref(), Some("涪陵区"));
        assert_eq!(block.city, None);
        assert_eq!((block.review_year, block.plan_year), (Some(2022), Some(2023)));
        assert_eq!(block.delivered_on, None);
        assert_eq!(block.title, "关于涪陵区2022年国民经济和社会发展计划执行情况与2023年计划(草案)的报告");
    }

    #[test]
    fn a_menu_line_before_the_title_is_no_part_of_the_place() {
        let block = title_of(
            "网站首页 | 政务公开 | 政策文件\n兴文县2023年国民经济和社会发展计划执行情况与2024年计划草案\n各位代表：",
        );
        assert_eq!((block.line, block.district.as_deref()), (2, Some("兴文县")));
        // A title wrapped before its year keeps the place on the line above.
        let block = title_of("关于宜宾市兴文县\n2023年国民经济和社会发展计划执行情况与2024年计划草案的报告");
        assert_eq!(
            (block.line, block.city.as_deref(), block.district.as_deref()),
            (1, Some("宜宾市"), Some("兴文县"))
        );
    }

    #[test]
    fn repeated_title_without_district_takes_the_place_from_the_session_line() {
        let block = title_of(
            "网站首页 | 政务公开 | 规划计划\n索引号：11500110-2023-00012\n\
             关于2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n\
             关于2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n\
             ——2023年2月8日在重庆市綦江区第三届人民代表大会第一次会议上",
        );
        assert_eq!(block.line, 3);
        assert_eq!((block.review_year, block.plan_year), (Some(2022), Some(2023)));
        assert_eq!((block.city.as_deref(), block.district.as_deref()), (Some("重庆市"), Some("綦江区")));
        assert_eq!(block.delivered_on.map(|d| d.to_string()).as_deref(), Some("2023-02-08"));
    }

    #[test]
    fn a_title_wrapped_inside_its_place_names_the_whole_place() {
        let lines =
            ["首页", "关于梅", "州市梅江区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告"];
        let block = parse_title(LinedText::from_lines(&lines).lines());
        assert_eq!((block.city.as_deref(), block.district.as_deref()), (Some("梅州市"), Some("梅江区")));
        assert_eq!(block.line, 2);
    }

    #[test]
    fn absent_fields_stay_none() {
        let block = title_of("今天天气很好\n没有标题");
        assert_eq!(block, TitleBlock::default());
    }

    #[test]
    fn place_splitting() {
        let place = |province: Option<&str>, city: Option<&str>, district: Option<&str>| Place {
            province: province.map(str::to_owned),
            city: city.map(str::to_owned),
            district: district.map(str::to_owned),
        };
        assert_eq!(split_place("重庆市綦江区"), place(None, Some("重庆市"), Some("綦江区")));
        assert_eq!(split_place("荣昌区"), place(None, None, Some("荣昌区")));
        assert_eq!(split_place("四川省成都市"), place(Some("四川省"), None, Some("成都市")));
        assert_eq!(split_place("浙江省湖州市吴兴区"), place(Some("浙江省"), Some("湖州市"), Some("吴兴区")));
        assert_eq!(split_place("湖北省"), place(Some("湖北省"), None, Some("湖北省")));
        assert_eq!(
            split_place("广西壮族自治区南宁市青秀区"),
            place(Some("广西壮族自治区"), Some("南宁市"), Some("青秀区"))
        );
        assert_eq!(
            split_place("湖北省恩施土家族苗族自治州利川市"),
            place(Some("湖北省"), Some("恩施土家族苗族自治州"), Some("利川市"))
        );
        assert_eq!(split_place("通州区"), place(None, None, Some("通州区")));
        assert_eq!(split_place("宜都市"), place(None, None, Some("宜都市")));
        assert_eq!(split_place(""), Place::default());
    }

    #[test]
    fn a_province_reporting_on_itself() {
        let block = title_of(
            "关于湖北省2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n\
             ——2024年1月24日在湖北省第十四届人民代表大会第二次会议上\n湖北省发展和改革委员会",
        );
        assert_eq!(block.province.as_deref(), Some("湖北省"));
        assert_eq!((block.city, block.district.as_deref()), (None, Some("湖北省")));
        assert_eq!((block.review_year, block.plan_year), (Some(2023), Some(2024)));
    }
}
