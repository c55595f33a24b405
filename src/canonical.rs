//! Canonical indicators: one identity for an indicator however a report writes it
//! (`GDP增速（%）` and `地区生产总值增速`), kept apart where they differ (`工业增加值增速` is not
//! `规上工业增加值增速`).
//!
//! The alias table is data (`data/indicator_aliases.toml`, compiled in), and a user's config file
//! (`$XDG_CONFIG_HOME/plangap/config.toml`) may add to it with the same `[[indicator]]` tables.

use crate::config::ConfigFile;
use crate::model::{Value, ValueForm};
use crate::text::Trimmed;
use crate::text::fold;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// The alias table shipped with plangap.
pub const EMBEDDED_ALIASES: &str = include_str!("../data/indicator_aliases.toml");

/// Where the embedded table says it comes from in error messages.
const EMBEDDED_ORIGIN: &str = "data/indicator_aliases.toml";

/// Name endings that already say what is measured: such a name is never given a `增速` suffix.
const MEASURE_ENDINGS: [&str; 11] =
    ["增速", "率", "比重", "比例", "占比", "强度", "指数", "之比", "下降", "降低", "减少"];

/// Maps the ways reports write an indicator to one canonical name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasTable {
    /// Normalised alias → canonical name (every canonical name maps to itself).
    canonical_of: HashMap<String, String>,
    /// Name prefixes that stand for several indicators at once (`城乡` → `城镇`, `农村`).
    splits: Vec<(String, Vec<String>)>,
}

/// A table or config file that could not be read as an alias table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasError {
    /// The file the table came from.
    pub origin: String,
    /// What was wrong, with the line where the TOML parser gives one.
    pub message: String,
}

impl fmt::Display for AliasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: cannot read the indicator aliases: {}. Each [[indicator]] needs `canonical = \"…\"` \
             and `aliases = [\"…\"]`.",
            self.origin,
            self.message.trimmed_end()
        )
    }
}

impl std::error::Error for AliasError {}

#[derive(Deserialize)]
struct AliasFile {
    #[serde(default)]
    indicator: Vec<IndicatorEntry>,
    #[serde(default)]
    split: Vec<SplitEntry>,
}

#[derive(Deserialize)]
struct IndicatorEntry {
    canonical: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct SplitEntry {
    prefix: String,
    parts: Vec<String>,
}

impl AliasTable {
    /// The table shipped with plangap, as a copy to extend.
    pub fn embedded() -> AliasTable {
        AliasTable::shared().clone()
    }

    /// The table shipped with plangap, read once and shared (the parser looks names up in it for
    /// every report).
    pub fn shared() -> &'static AliasTable {
        static SHARED: LazyLock<AliasTable> = LazyLock::new(|| {
            AliasTable::from_toml(EMBEDDED_ALIASES, EMBEDDED_ORIGIN)
                .expect("the embedded alias table is valid (checked by the tests)")
        });
        &SHARED
    }

    /// Reads a table from TOML text; `origin` names the file in errors. Keys other than
    /// `indicator` and `split` are ignored, so a config file may hold other settings too.
    pub fn from_toml(text: &str, origin: &str) -> Result<AliasTable, AliasError> {
        let error = |message: String| AliasError { origin: origin.to_owned(), message };
        let file: AliasFile =
            toml::from_str(text).map_err(|e| error(crate::config::describe_toml_error(text, &e)))?;
        let mut table = AliasTable::default();
        for entry in file.indicator {
            let canonical = normalize_name(&entry.canonical);
            if canonical.is_empty() {
                return Err(error("an [[indicator]] has an empty `canonical` name".to_owned()));
            }
            for alias in std::iter::once(&entry.canonical).chain(&entry.aliases) {
                let key = normalize_name(alias);
                match table.canonical_of.get(&key) {
                    Some(other) if *other != canonical => {
                        return Err(error(format!(
                            "`{alias}` is listed under both `{other}` and `{canonical}`"
                        )));
                    }
                    _ => {
                        table.canonical_of.insert(key, canonical.clone());
                    }
                }
            }
        }
        table.splits = file
            .split
            .into_iter()
            .map(|s| (normalize_name(&s.prefix), s.parts.iter().map(|p| normalize_name(p)).collect()))
            .collect();
        Ok(table)
    }

    /// The embedded table extended by the `[[indicator]]` and `[split]` sections of the user's
    /// configuration ([`crate::config`]); the config's entries win. Other sections, and a file
    /// that is missing, unreadable or not TOML ([`ConfigFile::problem`]), leave the embedded table.
    pub fn with_config(config: &ConfigFile) -> Result<AliasTable, AliasError> {
        let mut table = AliasTable::embedded();
        if let Some(text) = config.text() {
            table.extend(AliasTable::from_toml(text, &config.origin())?);
        }
        Ok(table)
    }

    /// Adds `other`'s aliases and splits; where both map an alias, `other` wins.
    pub fn extend(&mut self, other: AliasTable) {
        self.canonical_of.extend(other.canonical_of);
        self.splits.extend(other.splits);
    }

    /// The canonical name of an indicator written `name` (normalised, then looked up; a name
    /// the table does not know is its own canonical name).
    pub fn canonical(&self, name: &str) -> String {
        let key = normalize_name(name);
        self.canonical_of.get(&key).cloned().unwrap_or(key)
    }

    /// The canonical name of a table row: like [`AliasTable::canonical`], but a name without a
    /// measure word whose values are growth rates (`地区生产总值` or `地区生产总值（亿元）` with target
    /// `7.5%左右`)
    /// is read as `…增速`, and one whose values are falls (`下降3.1%`) as `…下降`.
    pub fn canonical_for_row(&self, name: &str, unit: Option<&str>, values: &[&Value]) -> String {
        self.canonical_for_reading(name, unit, row_reading(values))
    }

    /// [`AliasTable::canonical_for_row`] with what it reads of the values given instead of them
    /// ([`row_reading`]).
    pub fn canonical_for_reading(
        &self,
        name: &str,
        unit: Option<&str>,
        reading: Option<&'static str>,
    ) -> String {
        let base = normalize_name(name);
        if MEASURE_ENDINGS.iter().any(|end| base.ends_with(end)) {
            return self.canonical(&base);
        }
        // A percent value beside a level unit (`亿元`), or none, is the level's growth rate.
        let Some(suffix) = reading else { return self.canonical(&base) };
        let rate = format!("{base}{suffix}");
        // A row in `%` names a rate itself (`居民消费价格涨幅`), unless the table of aliases knows
        // the rate of change of its name (`地区生产总值` under `年度目标（%）`: `地区生产总值增速`).
        if unit == Some("%") && !self.knows(&rate) {
            return self.canonical(&base);
        }
        self.canonical(&rate)
    }

    /// Whether `name` is a canonical name or an alias in this table.
    pub fn knows(&self, name: &str) -> bool {
        self.canonical_of.contains_key(&normalize_name(name))
    }

    /// Every name (canonical or alias, normalised) that maps to `canonical`.
    pub fn names_of<'a>(&'a self, canonical: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.canonical_of.iter().filter(move |(_, c)| *c == canonical).map(|(alias, _)| alias.as_str())
    }

    /// Every canonical name with the other names (aliases, normalised) that map to it, each list
    /// sorted: [`AliasTable::names_of`] for all canonical names at once.
    pub fn aliases_by_canonical(&self) -> HashMap<&str, Vec<&str>> {
        let mut lists: HashMap<&str, Vec<&str>> = HashMap::new();
        for (alias, canonical) in &self.canonical_of {
            if alias != canonical {
                lists.entry(canonical.as_str()).or_default().push(alias.as_str());
            }
        }
        lists.values_mut().for_each(|list| list.sort_unstable());
        lists
    }

    /// The parts a name prefix stands for (`城乡居民…` → `城镇居民…`, `农村居民…`), if any.
    pub fn split_names(&self, name: &str) -> Option<Vec<String>> {
        let name = normalize_name(name);
        self.splits.iter().find_map(|(prefix, parts)| {
            let rest = name.strip_prefix(prefix.as_str())?;
            Some(parts.iter().map(|part| format!("{part}{rest}")).collect())
        })
    }
}

/// What [`AliasTable::canonical_for_row`] reads of a row's values: the growth-rate or fall
/// reading of the first that is not empty ([`rate_reading`]).
pub fn row_reading(values: &[&Value]) -> Option<&'static str> {
    values.iter().find(|v| v.form != ValueForm::Empty).and_then(|v| rate_reading(v))
}

/// `增速` for a growth-rate value (`7.5%左右`, `增长7.5%`), `下降` for a fall (`下降3.1%`), else
/// `None`.
fn rate_reading(value: &Value) -> Option<&'static str> {
    let percent = value.unit.as_deref() == Some("%") || value.raw.contains(['%', '％']);
    match value.form {
        ValueForm::Exact(_)
        | ValueForm::AtLeast(_)
        | ValueForm::AtMost(_)
        | ValueForm::About(_)
        | ValueForm::Rise(_)
            if percent =>
        {
            Some("增速")
        }
        ValueForm::Fall(_) => Some("下降"),
        _ => None,
    }
}

/// An indicator name in the form used for comparison: folded ([`fold`]: widths, white space),
/// Latin letters upper-cased, parentheticals (`（%）`), a leading row number (`1﹒`) or
/// sub-row marker (`其中：`, `#`, `﹟`) and a trailing `*` removed, and a trailing `增长` read as
/// `增速`.
pub fn normalize_name(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c.to_ascii_uppercase()),
            _ => {}
        }
    }
    let mut name = out.trim_end_matches('*').to_owned();
    let without_number = name.trim_start_matches(|c: char| c.is_ascii_digit());
    if without_number.len() < name.len() && without_number.starts_with(['.', '、']) {
        name = without_number.trim_start_matches(['.', '、']).to_owned();
    }
    let name = name.strip_prefix("其中:").unwrap_or(&name).trim_start_matches('#');
    match name.strip_suffix("增长") {
        Some(stem) if !stem.is_empty() => format!("{stem}增速"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(raw: &str, form: ValueForm) -> Value {
        Value { raw: raw.into(), form, ..Value::default() }
    }

    #[test]
    fn normalisation_folds_forms_and_strips_markers() {
        assert_eq!(normalize_name("GDP增速（%）"), "GDP增速");
        assert_eq!(normalize_name("ｇｄｐ增速"), "GDP增速");
        assert_eq!(normalize_name("  其中：税收收入增速（%）"), "税收收入增速");
        assert_eq!(normalize_name("﹟能耗强度下降（%）"), "能耗强度下降");
        assert_eq!(normalize_name("空气质量优良天数（天）*"), "空气质量优良天数");
        assert_eq!(normalize_name("1﹒地区生产总值"), "地区生产总值");
        assert_eq!(normalize_name("涪陵至钦州铁海联运发送箱量增长（%）"), "涪陵至钦州铁海联运发送箱量增速");
        assert_eq!(normalize_name("指  标  名  称"), "指标名称");
    }

    #[test]
    fn consumer_price_rises_are_one_indicator() {
        let aliases = AliasTable::embedded();
        for name in ["居民消费价格指数上涨", "居民消费价格总水平上涨", "CPI涨幅", "居民消费价格涨幅"]
        {
            assert_eq!(aliases.canonical(name), "居民消费价格涨幅", "{name}");
        }
    }

    #[test]
    fn rate_rows_without_measure_word_gain_a_suffix() {
        let aliases = AliasTable::embedded();
        let about = value("7.5%左右", ValueForm::About(7.5));
        let fall = value("下降3.1%", ValueForm::Fall(-3.1));
        let tons = value("29万吨左右", ValueForm::About(29.0));
        let points = value("提高1.8个百分点", ValueForm::PointChange(1.8));
        let within = value("5.5%以内", ValueForm::AtMost(5.5));
        assert_eq!(aliases.canonical_for_row("地区生产总值", None, &[&about]), "地区生产总值增速");
        let rise = value("增长７.５％", ValueForm::Rise(7.5));
        assert_eq!(aliases.canonical_for_row("地区生产总值", None, &[&rise]), "地区生产总值增速");
        assert_eq!(
            aliases.canonical_for_row("单位地区生产总值能耗", None, &[&fall]),
            "单位地区生产总值能耗下降"
        );
        assert_eq!(aliases.canonical_for_row("粮食总产量", None, &[&tons]), "粮食总产量");
        assert_eq!(aliases.canonical_for_row("城镇化率", None, &[&points]), "常住人口城镇化率");
        assert_eq!(aliases.canonical_for_row("城镇调查失业率", None, &[&within]), "城镇调查失业率");
        // A percent against a level unit is the level's growth rate; a percent unit is the measure.
        assert_eq!(aliases.canonical_for_row("进出口总额", Some("亿元"), &[&about]), "进出口总额增速");
        assert_eq!(aliases.canonical_for_row("研发投入", Some("%"), &[&about]), "研发投入");
        // ... unless the aliases know the name's rate of change: a level indicator in `%` (a
        // target column `年度目标（%）`) is its growth rate.
        assert_eq!(aliases.canonical_for_row("地区生产总值", Some("%"), &[&about]), "地区生产总值增速");
        assert_eq!(aliases.canonical_for_row("居民消费价格涨幅", Some("%"), &[&about]), "居民消费价格涨幅");
        let empty = value("", ValueForm::Empty);
        assert_eq!(aliases.canonical_for_row("工业增加值", None, &[&empty, &about]), "工业增加值增速");
    }

    #[test]
    fn levels_environment_and_shares_have_one_name_across_districts() {
        let aliases = AliasTable::embedded();
        let about = value("7.5%左右", ValueForm::About(7.5));
        let level = value("1380", ValueForm::Exact(1380.0));
        for (name, canonical) in [
            ("细颗粒物（PM2.5）年均浓度", "PM2.5平均浓度"),
            ("PM2.5浓度", "PM2.5平均浓度"),
            ("城市空气质量优良天数比率", "空气质量优良天数比例"),
            ("外贸进出口总额", "进出口总额"),
            ("全社会固定资产投资", "固定资产投资"),
            ("税收占一般公共预算收入比重", "税收收入占一般公共预算收入比重"),
            ("单位GDP二氧化碳排放降低", "单位地区生产总值二氧化碳排放下降"),
        ] {
            assert_eq!(aliases.canonical(name), canonical, "{name}");
        }
        // A level's alias does not take its growth rate's rows.
        assert_eq!(aliases.canonical_for_row("GDP", None, &[&about]), "地区生产总值增速");
        assert_eq!(aliases.canonical_for_row("GDP", Some("亿元"), &[&level]), "地区生产总值");
        assert_eq!(
            aliases.canonical_for_row("城镇居民人均可支配收入", None, &[&about]),
            "城镇常住居民人均可支配收入增速"
        );
    }

    #[test]
    fn user_aliases_extend_and_win() {
        let mut aliases = AliasTable::embedded();
        let user = "theme = \"dark\"\n[[indicator]]\ncanonical = \"地区生产总值增速\"\naliases = [\"经济增长速度\"]\n\
                    [[indicator]]\ncanonical = \"民间投资增速\"\naliases = [\"投资增速\"]\n";
        aliases.extend(AliasTable::from_toml(user, "config.toml").unwrap());
        assert_eq!(aliases.canonical("经济增长速度"), "地区生产总值增速");
        assert_eq!(aliases.canonical("投资增速"), "民间投资增速");
        assert_eq!(aliases.canonical("全社会固定资产投资增速"), "固定资产投资增速");
    }

    #[test]
    fn conflicting_aliases_and_bad_toml_are_errors_naming_the_file() {
        let twice = "[[indicator]]\ncanonical = \"A\"\naliases = [\"X\"]\n[[indicator]]\ncanonical = \"B\"\naliases = [\"X\"]\n";
        let error = AliasTable::from_toml(twice, "my.toml").unwrap_err();
        assert!(error.to_string().starts_with("my.toml: "), "{error}");
        assert!(error.message.contains("`X` is listed under both `A` and `B`"), "{error}");
        let broken = AliasTable::from_toml("[[indicator]]\ncanonical = \n", "my.toml").unwrap_err();
        assert!(broken.message.contains("line 2"), "{broken}");
    }

    #[test]
    fn splits_expand_a_shared_prefix() {
        let aliases = AliasTable::embedded();
        assert_eq!(
            aliases.split_names("城乡居民人均可支配收入增速"),
            Some(vec!["城镇居民人均可支配收入增速".to_owned(), "农村居民人均可支配收入增速".to_owned()])
        );
        assert_eq!(aliases.split_names("全体居民人均可支配收入增速"), None);
    }
}
