//! Binding taken from the plan table of the same report when the review table cannot tell
//! (issue 11, item 15): 綦江区 2020's review table marks no 约束性, but its plan table does.

mod cli_common;

use cli_common::plangap;

#[test]
fn a_missed_row_is_binding_by_the_plan_table_and_marked_inferred() {
    let run = plangap(&["missed", "--district", "綦江", "--year", "2020", "--binding", "--format", "csv"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert!(rows[0].contains("森林覆盖率") && rows[0].contains("binding (inferred)"), "{}", rows[0]);
    let json = plangap(&["missed", "--district", "綦江", "--year", "2020", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let forest = value.as_array().unwrap().iter().find(|r| r["name"] == "森林覆盖率").unwrap();
    assert_eq!((forest["binding"].as_bool(), forest["binding_inferred"].as_bool()), (Some(true), Some(true)));
    let fuling = plangap(&["missed", "--district", "涪陵", "--format", "json"]);
    let fuling: serde_json::Value = serde_json::from_str(&fuling.stdout).unwrap();
    assert!(
        fuling.as_array().unwrap().iter().all(|r| r["binding_inferred"] == false),
        "涪陵区 marks its own rows"
    );
}
