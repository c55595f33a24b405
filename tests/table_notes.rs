//! The notes printed under the sample reports' indicator tables, as the model keeps them: their
//! text and line as written, their kind, and the rows each names.

use plangap::corpus;
use plangap::model::{IndicatorTable, NoteKind, Report, TableNote};
use std::sync::LazyLock;

static REPORTS: LazyLock<Vec<Report>> = LazyLock::new(|| corpus::load_embedded().reports);

fn table(prefix: &str, caption: &str) -> &'static IndicatorTable {
    REPORTS
        .iter()
        .filter(|r| r.file.contains(prefix))
        .flat_map(|r| &r.tables)
        .find(|t| t.caption.starts_with(caption))
        .unwrap_or_else(|| panic!("{prefix}: no table {caption}"))
}

fn named<'a>(table: &'a IndicatorTable, note: &TableNote) -> Vec<&'a str> {
    note.rows.iter().map(|&i| &*table.rows[i].name).collect()
}

#[test]
fn fuling_2022_review_table_keeps_its_footnote_numbered_note_and_explanation() {
    let table = table("001_", "表1");
    let summary: Vec<(usize, NoteKind, Option<&str>)> =
        table.notes.iter().map(|n| (n.line, n.kind, n.label.as_deref())).collect();
    let explanation = (218, NoteKind::Explanation, Some("未完成指标说明"));
    let mut expected = vec![(216, NoteKind::Footnote, None), (217, NoteKind::Numbered, None)];
    expected.extend([explanation; 8]);
    assert_eq!(summary, expected);

    let [footnote, numbered, points @ ..] = table.notes.as_slice() else { panic!("too few notes") };
    assert_eq!(footnote.text, "注：1.“*”代表约束性指标，其他为预期性指标。");
    assert!(footnote.rows.is_empty());
    assert_eq!(
        numbered.text,
        "2. 一般公共预算收入增速、税收收入增速计划目标由4%、8%分别调整为增长0.1%、1%，视为完成。"
    );
    assert_eq!(
        named(table, numbered),
        ["一般公共预算收入扣除留抵退税因素后增速", "税收收入扣除留抵退税因素后增速"]
    );

    // Each point of the explanation keeps its reasons and names the rows it speaks of.
    let first = &points[0];
    assert!(
        first.text.starts_with("一是地区生产总值及其支撑指标。受俄乌冲突、疫情、旱情、灾情等超预期因素影响")
    );
    assert!(first.text.ends_with("等5项指标与年初目标存在差距。"), "{}", first.text);
    assert_eq!(
        named(table, first),
        [
            "地区生产总值增速",
            "农业增加值增速",
            "规上工业增加值增速",
            "服务业增加值增速",
            "固定资产投资增速",
            "社会消费品零售总额增速",
        ]
    );
    let by_point: Vec<(&str, Vec<&str>)> = points[1..]
        .iter()
        .map(|p| (p.text.split('。').next().unwrap_or_default(), named(table, p)))
        .collect();
    assert_eq!(
        by_point,
        [
            ("二是战略性新兴产业产值占规上工业产值比重", vec!["战略性新兴产业产值占规上工业产值比重"]),
            (
                "三是全社会研发经费投入强度、万人发明专利拥有量",
                vec!["全社会研发经费投入强度", "万人发明专利拥有量"]
            ),
            ("四是进出口总额增速", vec!["进出口总额增速"]),
            ("五是农村居民人均可支配收入增速", vec!["农村居民人均可支配收入增速"]),
            ("六是空气质量优良天数", vec!["空气质量优良天数"]),
            ("七是森林覆盖率", vec!["森林覆盖率"]),
            ("八是单位GDP能耗降低", vec!["单位GDP能耗降低"]),
        ]
    );
    assert!(points[5].text.ends_with("但该项指标居主城都市区第三。"));
}

#[test]
fn the_explanation_names_the_rows_the_analysis_finds_missed() {
    let table = table("001_", "表1");
    let mut explained: Vec<usize> = table
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Explanation)
        .flat_map(|n| n.rows.iter().copied())
        .collect();
    explained.sort_unstable();
    let missed: Vec<usize> = (0..table.rows.len())
        .filter(|&i| table.rows[i].status == Some(plangap::model::Status::Missed))
        .collect();
    assert_eq!(explained, missed);
}

#[test]
fn footnotes_of_other_reports_name_no_rows() {
    for (prefix, caption, text) in [
        ("000_", "专栏3", "注：“*”代表约束性指标，其他为预期性指标；约束性指标是政府履行公共职能必须达到的"),
        ("001_", "表2", "注：“*”代表约束性指标，其他为预期性指标。"),
        ("003_", "表1", "注：加*为约束性目标，其他为预期性目标。"),
    ] {
        let table = table(prefix, caption);
        let [note] = table.notes.as_slice() else { panic!("{prefix} {caption}: {:?}", table.notes) };
        assert!(note.text.starts_with(text), "{prefix} {caption}: {}", note.text);
        assert_eq!((note.kind, note.rows.len()), (NoteKind::Footnote, 0));
    }
}

#[test]
fn tables_without_notes_have_none() {
    assert!(table("002_", "专栏3").notes.is_empty());
    assert!(table("004_", "专栏1").notes.is_empty());
    assert!(table("004_", "专栏15").notes.is_empty());
}

#[test]
fn export_lists_each_reports_table_notes_with_the_names_of_their_rows() {
    let json = plangap::export::ExportDocument::new(&REPORTS).to_json();
    let document: serde_json::Value = serde_json::from_str(&json).expect("the export is JSON");
    let reports = document["reports"].as_array().expect("reports");
    for report in reports {
        assert!(report["table_notes"].is_array(), "{}: no table_notes", report["file"]);
        assert!(report["indicators"].is_array() && report["narrative"].is_array());
    }
    let fuling = reports.iter().find(|r| r["file"].as_str().is_some_and(|f| f.contains("001_"))).unwrap();
    let notes = fuling["table_notes"].as_array().unwrap();
    assert_eq!(notes.len(), 11);
    let first_point = &notes[2];
    assert_eq!(first_point["table"], "表1  2022年国民经济和社会发展计划指标完成情况");
    assert_eq!(
        (&first_point["kind"], &first_point["label"]),
        (&"explanation".into(), &"未完成指标说明".into())
    );
    assert_eq!(first_point["line"], 218);
    assert!(first_point["text"].as_str().unwrap().starts_with("一是地区生产总值及其支撑指标。"));
    assert_eq!(first_point["rows"][0], "地区生产总值增速");
    assert_eq!(first_point["rows"].as_array().unwrap().len(), 6);
    let footnote = &notes[0];
    assert_eq!((&footnote["kind"], &footnote["label"]), (&"footnote".into(), &serde_json::Value::Null));
    assert_eq!(footnote["rows"], serde_json::json!([]));
    assert_eq!(notes[10]["table"], "表2：2023年国民经济和社会发展计划草案");
}
