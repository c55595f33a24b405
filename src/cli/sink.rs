//! Where a command's results go: standard output, and whether it is a terminal (and how wide),
//! which decides whether tables are fitted to the screen and whether binary output is refused.

use std::io::{self, IsTerminal, Write};

/// A command's output stream, and the width of the terminal it shows on (none when it is a pipe
/// or a file). Writes go straight through.
pub struct Sink<'a> {
    out: &'a mut dyn Write,
    terminal: Option<usize>,
}

impl<'a> Sink<'a> {
    /// Output to a pipe or a file: tables keep whole cells.
    pub fn pipe(out: &'a mut dyn Write) -> Sink<'a> {
        Sink { out, terminal: None }
    }

    /// Output to a terminal `columns` wide: tables are fitted to it.
    pub fn terminal(out: &'a mut dyn Write, columns: usize) -> Sink<'a> {
        Sink { out, terminal: Some(columns) }
    }

    /// Standard output as it is: a terminal of its width ([`terminal_columns`]), or a pipe.
    pub fn stdout(out: &'a mut dyn Write) -> Sink<'a> {
        match io::stdout().is_terminal() {
            true => Sink::terminal(out, terminal_columns()),
            false => Sink::pipe(out),
        }
    }

    /// The terminal's width in columns, or `None` when the output is not a terminal.
    pub fn terminal_columns(&self) -> Option<usize> {
        self.terminal
    }
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The terminal's width: `$COLUMNS` when it holds a number (as `tput` reads it), else what the
/// terminal says, else 80.
pub fn terminal_columns() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| crossterm::terminal::size().ok().map(|(columns, _)| usize::from(columns)))
        .filter(|&c| c > 0)
        .unwrap_or(80)
}
