//! `plangap find --filter QUERY`: the finder's engine on any list, like `fzf --filter`: reads
//! one candidate per line from stdin and prints the matching lines, best first.

use super::Outcome;
use crate::finder::{Candidates, Query};
use std::io::{self, BufWriter, Read, Write};

/// Arguments of `plangap find`.
#[derive(Debug, clap::Args)]
pub struct FindArgs {
    /// Print the stdin lines that match QUERY, best first, then exit. Terms separated by spaces
    /// must all match; Latin letters also match pinyin (`zdsk` finds 藻渡水库).
    #[arg(long, short = 'f', value_name = "QUERY")]
    pub filter: String,
}

/// Reads candidates from `input` and writes the lines matching the filter to `out`.
pub fn run(args: &FindArgs, input: &mut dyn Read, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut bytes = Vec::new();
    if let Err(error) = input.read_to_end(&mut bytes) {
        eprintln!("plangap: cannot read the candidate lines from stdin: {error}");
        return Ok(Outcome::BadInput);
    }
    let text = String::from_utf8(bytes).unwrap_or_else(|error| {
        eprintln!("plangap: stdin is not valid UTF-8; invalid bytes are shown as U+FFFD");
        String::from_utf8_lossy(error.as_bytes()).into_owned()
    });
    let candidates = Candidates::from_lines(text);
    let matches = candidates.search(&Query::parse(&args.filter), None);
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for found in &matches {
        out.write_all(candidates.text(found.candidate).as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if matches.is_empty() { Outcome::NoMatch } else { Outcome::Results })
}
