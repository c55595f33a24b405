//! A corpus of thousands of reports made from the five samples: each copy names another real
//! county (of six provinces, with or without the province in its title) and moves every year by
//! a few, so that grouping by province and city, and a cache keyed by content, are exercised.

use plangap::corpus::EMBEDDED;
use std::path::Path;

/// Real counties and districts: (province, city, county). Chongqing's are under the
/// municipality itself, as their titles write them (`重庆市綦江区`).
const PLACES: &[(&str, &str, &str)] = &[
    ("重庆市", "重庆市", "綦江区"),
    ("重庆市", "重庆市", "涪陵区"),
    ("重庆市", "重庆市", "荣昌区"),
    ("重庆市", "重庆市", "渝北区"),
    ("重庆市", "重庆市", "巴南区"),
    ("重庆市", "重庆市", "江津区"),
    ("重庆市", "重庆市", "合川区"),
    ("重庆市", "重庆市", "永川区"),
    ("重庆市", "重庆市", "璧山区"),
    ("重庆市", "重庆市", "铜梁区"),
    ("重庆市", "重庆市", "大足区"),
    ("重庆市", "重庆市", "万州区"),
    ("重庆市", "重庆市", "黔江区"),
    ("重庆市", "重庆市", "开州区"),
    ("重庆市", "重庆市", "梁平区"),
    ("重庆市", "重庆市", "武隆区"),
    ("浙江省", "杭州市", "余杭区"),
    ("浙江省", "杭州市", "萧山区"),
    ("浙江省", "杭州市", "临安区"),
    ("浙江省", "杭州市", "桐庐县"),
    ("浙江省", "杭州市", "淳安县"),
    ("浙江省", "湖州市", "南浔区"),
    ("浙江省", "湖州市", "吴兴区"),
    ("浙江省", "湖州市", "德清县"),
    ("浙江省", "湖州市", "安吉县"),
    ("浙江省", "宁波市", "鄞州区"),
    ("浙江省", "宁波市", "北仑区"),
    ("浙江省", "宁波市", "象山县"),
    ("四川省", "成都市", "武侯区"),
    ("四川省", "成都市", "锦江区"),
    ("四川省", "成都市", "双流区"),
    ("四川省", "成都市", "郫都区"),
    ("四川省", "成都市", "温江区"),
    ("四川省", "绵阳市", "涪城区"),
    ("四川省", "绵阳市", "游仙区"),
    ("四川省", "绵阳市", "三台县"),
    ("四川省", "绵阳市", "梓潼县"),
    ("江苏省", "苏州市", "吴中区"),
    ("江苏省", "苏州市", "相城区"),
    ("江苏省", "苏州市", "吴江区"),
    ("江苏省", "南京市", "江宁区"),
    ("江苏省", "南京市", "浦口区"),
    ("江苏省", "南京市", "溧水区"),
    ("江苏省", "南京市", "高淳区"),
    ("广东省", "广州市", "天河区"),
    ("广东省", "广州市", "番禺区"),
    ("广东省", "广州市", "花都区"),
    ("广东省", "广州市", "从化区"),
    ("广东省", "佛山市", "南海区"),
    ("广东省", "佛山市", "顺德区"),
    ("湖北省", "武汉市", "江夏区"),
    ("湖北省", "武汉市", "黄陂区"),
    ("湖北省", "宜昌市", "夷陵区"),
    ("湖北省", "宜昌市", "秭归县"),
];

/// The districts the samples are about, each with the name it goes by without its suffix.
const SAMPLE_DISTRICTS: [(&str, &str); 3] = [("綦江区", "綦江"), ("涪陵区", "涪陵"), ("荣昌区", "荣昌")];

/// Writes `count` reports into `dir` (created if missing) and returns their total size in
/// bytes. Report `i` is sample `i % 5` about place `(i / 5) % PLACES.len()`, its years moved
/// back by `i / (5 * PLACES.len())`, so no two reports have the same content while the
/// count stays below 5 × 54 × 15.
pub fn write_corpus(dir: &Path, count: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for i in 0..count {
        let (_, sample) = EMBEDDED[i % EMBEDDED.len()];
        let place = PLACES[(i / EMBEDDED.len()) % PLACES.len()];
        let shift = (i / (EMBEDDED.len() * PLACES.len())) as u16;
        let text = renamed(&String::from_utf8_lossy(sample), place, (i / EMBEDDED.len()).is_multiple_of(2));
        let text = shift_years(&text, shift);
        let name = format!("{}-{}-{:04}.txt", place.1.trim_end_matches('市'), place.2, i);
        std::fs::write(dir.join(name), &text)?;
        total += text.len() as u64;
    }
    Ok(total)
}

/// The sample's text about `place` instead: `重庆市綦江区` becomes the city and county (with the
/// province first when `with_province`), then every other mention of the sample's district.
fn renamed(text: &str, (province, city, county): (&str, &str, &str), with_province: bool) -> String {
    let full = match (with_province, province == city) {
        (true, false) => format!("{province}{city}{county}"),
        _ => format!("{city}{county}"),
    };
    let stem = county.trim_end_matches(['区', '县']);
    let mut text = text.to_owned();
    for (district, sample_stem) in SAMPLE_DISTRICTS {
        text = text.replace(&format!("重庆市{district}"), &full);
        text = text.replace(district, county);
        text = text.replace(sample_stem, stem);
    }
    text
}

/// Every year from 2000 to 2039 written as four digits moved back by `shift`.
fn shift_years(text: &str, shift: u16) -> String {
    if shift == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("20") {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let digits = candidate.as_bytes().iter().take(4).take_while(|b| b.is_ascii_digit()).count();
        let before_digit = out.as_bytes().last().is_some_and(u8::is_ascii_digit);
        let after_digit = candidate.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
        match candidate[..digits].parse::<u16>() {
            Ok(year) if digits == 4 && !before_digit && !after_digit && year < 2040 => {
                out.push_str(&(year - shift).to_string());
                rest = &candidate[4..];
            }
            _ => {
                out.push_str("20");
                rest = &candidate[2..];
            }
        }
    }
    out.push_str(rest);
    out
}
