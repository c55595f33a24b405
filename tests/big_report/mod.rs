//! A report with one review table of any number of rows, in the layout of the sample reports
//! (one cell per line after a TAB), for checking that the workbench stays fast on large tables.

/// The head of 涪陵区 2022's report up to its first table row, then `rows` rows: every third one
/// missed, the others met.
pub fn big_report(rows: usize) -> String {
    let sample = std::str::from_utf8(plangap::corpus::EMBEDDED[1].1).expect("UTF-8");
    let mut text: String = sample.split_inclusive('\n').take(24).collect();
    for i in 1..=rows {
        let actual = if i % 3 == 0 { 2.6 } else { 7.0 };
        text.push_str(&format!("\t{i}\n\t指标{i}增速（%）\n\t6.5\n\t{actual}\n\n"));
    }
    text
}
