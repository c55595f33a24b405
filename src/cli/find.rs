//! `plangap find --filter QUERY`: the finder's engine on any list, like `fzf --filter`: reads
//! one candidate per line from stdin and prints the matching lines, best first.

use super::Outcome;
use crate::finder::{Query, lines};
use std::borrow::Cow;
use std::io::{self, BufWriter, Read, Write};

/// Arguments of `plangap find`.
#[derive(Debug, clap::Args)]
pub struct FindArgs {
    /// Print the stdin lines that match QUERY, best first, then exit. Terms separated by spaces
    /// must all match; Latin letters also match pinyin (`zdsk` finds 藻渡水库).
    #[arg(long, short = 'f', value_name = "QUERY")]
    pub filter: String,
}

/// Standard input to read the candidates from: a file handle where the platform gives one, so
/// that a redirected file is read into a buffer of its size at once.
pub fn stdin() -> Box<dyn Read> {
    #[cfg(unix)]
    if let Ok(fd) = std::os::fd::AsFd::as_fd(&io::stdin()).try_clone_to_owned() {
        return Box::new(std::fs::File::from(fd));
    }
    Box::new(io::stdin().lock())
}

/// Reads candidates from `input` and writes the lines matching the filter to `out`.
pub fn run(args: &FindArgs, input: &mut dyn Read, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut bytes = Vec::new();
    if let Err(error) = input.read_to_end(&mut bytes) {
        eprintln!("plangap: cannot read the candidate lines from stdin: {error}");
        return Ok(Outcome::BadInput);
    }
    let text = simdutf8::basic::from_utf8(&bytes).map_or_else(
        |_| {
            eprintln!("plangap: stdin is not valid UTF-8; invalid bytes are shown as U+FFFD");
            String::from_utf8_lossy(&bytes)
        },
        Cow::Borrowed,
    );
    let found = lines::filter(&text, &Query::parse(&args.filter));
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for line in found.lines() {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if found.is_empty() { Outcome::NoMatch } else { Outcome::Results })
}
