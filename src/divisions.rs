//! China's administrative divisions (`data/divisions.tsv`): the city and province a district or
//! county lies in, for reports whose title names the district alone (`关于安吉县…的报告`).
//!
//! A name several divisions share (`鼓楼区` lies in four cities) is placed only by the city its
//! report names; a name not listed (a district made after 2023, a development zone) is not
//! placed.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The table: `province<TAB>city<TAB>district,district,…` per line, `#` lines comments.
const DIVISIONS: &str = include_str!("../data/divisions.tsv");

/// Where a division lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Division {
    /// The province, autonomous region or municipality (`浙江省`, `重庆市`).
    pub province: &'static str,
    /// The city between the province and the district: the municipality itself for its districts
    /// (`重庆市`), `None` for a county directly under its province (`仙桃市`).
    pub city: Option<&'static str>,
}

/// The divisions by name: every district and county, and every city (placed in its province, with
/// itself as its city).
static BY_NAME: LazyLock<HashMap<&'static str, Vec<Division>>> = LazyLock::new(|| {
    let mut by_name: HashMap<&'static str, Vec<Division>> = HashMap::new();
    for line in DIVISIONS.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(province), Some(city), Some(districts)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let city = Some(city).filter(|city| !city.is_empty());
        let division = Division { province, city };
        if let Some(city) = city.filter(|&city| city != province) {
            by_name.entry(city).or_default().push(division);
        }
        for district in districts.split(',').filter(|d| !d.is_empty()) {
            by_name.entry(district).or_default().push(division);
        }
    }
    by_name
});

/// Where `name` (a district, a county or a city) lies: the one division of that name, or the
/// one in `city` when several share it. `None` when no division, or more than one, fits.
pub fn locate(name: &str, city: Option<&str>) -> Option<Division> {
    let found = BY_NAME.get(name)?;
    let mut fitting = found.iter().filter(|division| city.is_none_or(|city| division.city == Some(city)));
    let division = fitting.next()?;
    fitting.next().is_none().then_some(*division)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, city: Option<&str>) -> Option<(&'static str, Option<&'static str>)> {
        locate(name, city).map(|d| (d.province, d.city))
    }

    #[test]
    fn districts_counties_and_cities_are_placed() {
        assert_eq!(place("安吉县", None), Some(("浙江省", Some("湖州市"))));
        assert_eq!(place("南浔区", None), Some(("浙江省", Some("湖州市"))));
        assert_eq!(place("海宁市", None), Some(("浙江省", Some("嘉兴市"))));
        assert_eq!(place("綦江区", None), Some(("重庆市", Some("重庆市"))));
        assert_eq!(place("石柱土家族自治县", None), Some(("重庆市", Some("重庆市"))));
        assert_eq!(place("湖州市", None), Some(("浙江省", Some("湖州市"))));
        assert_eq!(place("仙桃市", None), Some(("湖北省", None)));
    }

    #[test]
    fn a_shared_name_is_placed_only_by_its_city() {
        assert_eq!(place("鼓楼区", None), None);
        assert_eq!(place("鼓楼区", Some("南京市")), Some(("江苏省", Some("南京市"))));
        assert_eq!(place("朝阳区", Some("北京市")), Some(("北京市", Some("北京市"))));
        // A city named that does not hold the district places nothing.
        assert_eq!(place("安吉县", Some("嘉兴市")), None);
        assert_eq!(place("某某新区", None), None);
    }
}
