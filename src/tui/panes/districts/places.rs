//! Where a report sits in the tree: its province, city and district, as its title block gives
//! them, and where it names no province or city, as China's divisions place its district
//! ([`crate::divisions`]). A municipality (`重庆市`) is a province and a city at once: its districts
//! sit right under it, with no city between.

use super::file_name;
use crate::divisions;
use crate::model::Report;
use crate::tui::width::Glyphs;

/// The municipalities directly under the central government: cities that are provinces, whose
/// districts have no city between them and the municipality.
const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];

/// A report's place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    /// The province, autonomous region or municipality, when the title block names one.
    pub province: Option<String>,
    /// The city between the province and the district, when there is one.
    pub city: Option<String>,
    /// The district (`綦江区`), or the file name when the title names none.
    pub district: String,
}

/// The place of `report`; a file name stands in for a district the title does not name.
pub fn place_of(report: &Report, glyphs: &Glyphs) -> Place {
    let title = &report.title;
    let district = match &title.district {
        Some(district) => district.clone(),
        None => glyphs.display(file_name(&report.file)).into_owned(),
    };
    let municipality = title.city.clone().filter(|city| MUNICIPALITIES.contains(&city.as_str()));
    let named = title.district.as_deref().or(title.city.as_deref());
    let located = named.and_then(|name| divisions::locate(name, title.city.as_deref()));
    let province = title.province.clone().or(municipality).or(located.map(|d| d.province.to_owned()));
    let located_city = located.filter(|d| Some(d.province) == province.as_deref()).and_then(|d| d.city);
    let city = title.city.clone().or(located_city.map(str::to_owned));
    let city = city.filter(|city| Some(city) != province.as_ref());
    Place { province, city, district }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TitleBlock;
    use crate::tui::width::AmbiguousWidth;

    fn place(province: Option<&str>, city: Option<&str>, district: Option<&str>) -> Place {
        let title = TitleBlock {
            province: province.map(str::to_owned),
            city: city.map(str::to_owned),
            district: district.map(str::to_owned),
            ..TitleBlock::default()
        };
        let report = Report { file: "dir/报告.txt".to_owned(), title, ..Report::default() };
        place_of(&report, &Glyphs::new(AmbiguousWidth::Narrow))
    }

    #[test]
    fn a_municipalitys_districts_have_no_city_and_a_provinces_keep_theirs() {
        let chongqing = place(None, Some("重庆市"), Some("綦江区"));
        assert_eq!((chongqing.province.as_deref(), chongqing.city), (Some("重庆市"), None));
        let huzhou = place(Some("浙江省"), Some("湖州市"), Some("吴兴区"));
        assert_eq!((huzhou.province.as_deref(), huzhou.city.as_deref()), (Some("浙江省"), Some("湖州市")));
        // A title naming the district alone: its city and province from China's divisions.
        let anji = place(None, None, Some("安吉县"));
        assert_eq!((anji.province.as_deref(), anji.city.as_deref()), (Some("浙江省"), Some("湖州市")));
        let qijiang = place(None, None, Some("綦江区"));
        assert_eq!((qijiang.province.as_deref(), qijiang.city), (Some("重庆市"), None));
        // The title's own province and city win.
        let named = place(Some("江苏省"), Some("南京市"), Some("鼓楼区"));
        assert_eq!((named.province.as_deref(), named.city.as_deref()), (Some("江苏省"), Some("南京市")));
        let unnamed = place(None, None, None);
        assert_eq!((unnamed.province, unnamed.city, unnamed.district.as_str()), (None, None, "报告.txt"));
    }
}
