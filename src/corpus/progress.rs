//! A progress bar for loading, on stderr: drawn only on a terminal, only once loading has taken
//! longer than [`DELAY`], redrawn at most every [`INTERVAL`], and wiped when loading ends, so a
//! quick run or a redirected stderr shows nothing at all.

use std::io::Write;
use std::time::{Duration, Instant};

/// How long loading runs before the bar appears.
pub const DELAY: Duration = Duration::from_millis(500);

/// The shortest time between two redraws.
const INTERVAL: Duration = Duration::from_millis(80);

/// Cells of the bar itself.
const BAR_WIDTH: usize = 30;

/// The progress of loading `total` files, drawn to a writer that is a terminal.
pub struct ProgressBar<W: Write> {
    out: Option<W>,
    total: usize,
    start: Instant,
    delay: Duration,
    last_drawn: Option<Instant>,
}

impl ProgressBar<std::io::Stderr> {
    /// A bar on stderr when stderr is a terminal; none otherwise.
    pub fn stderr(total: usize) -> Self {
        use std::io::IsTerminal;
        let stderr = std::io::stderr();
        let is_terminal = stderr.is_terminal();
        ProgressBar::new(stderr, is_terminal, total, DELAY)
    }
}

impl<W: Write> ProgressBar<W> {
    /// A bar for `total` files on `out`, drawn only when `is_terminal`, and not before `delay`
    /// has passed.
    pub fn new(out: W, is_terminal: bool, total: usize, delay: Duration) -> Self {
        ProgressBar { out: is_terminal.then_some(out), total, start: Instant::now(), delay, last_drawn: None }
    }

    /// Tells the bar that `done` files of the total are loaded.
    pub fn set(&mut self, done: usize) {
        let Some(out) = &mut self.out else { return };
        let now = Instant::now();
        let due = match self.last_drawn {
            None => now.duration_since(self.start) >= self.delay,
            Some(last) => now.duration_since(last) >= INTERVAL || done == self.total,
        };
        if !due {
            return;
        }
        self.last_drawn = Some(now);
        // A failed write to stderr is no reason to stop loading.
        let _ = write!(out, "\r\x1b[K{}", line(done, self.total)).and_then(|()| out.flush());
    }

    /// Wipes the bar, if it was drawn.
    pub fn finish(&mut self) {
        if let (Some(out), Some(_)) = (&mut self.out, self.last_drawn) {
            let _ = write!(out, "\r\x1b[K").and_then(|()| out.flush());
        }
    }

    /// The writer, to look at what was drawn (tests).
    pub fn into_inner(self) -> Option<W> {
        self.out
    }
}

/// `plangap: loading 523/2000 reports  26% [███████▊                      ]`.
pub fn line(done: usize, total: usize) -> String {
    let share = if total == 0 { 1.0 } else { done as f64 / total as f64 };
    let eighths = (share * (BAR_WIDTH * 8) as f64).round() as usize;
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) && bar.chars().count() < BAR_WIDTH {
        bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
    }
    let pad = BAR_WIDTH - bar.chars().count();
    format!("plangap: loading {done}/{total} reports {:3.0}% [{bar}{}]", share * 100.0, " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_written_when_the_writer_is_not_a_terminal() {
        let mut bar = ProgressBar::new(Vec::new(), false, 10, Duration::ZERO);
        (0..=10).for_each(|done| bar.set(done));
        bar.finish();
        assert_eq!(bar.into_inner(), None);
    }

    #[test]
    fn a_terminal_sees_the_bar_and_then_a_wiped_line() {
        let mut bar = ProgressBar::new(Vec::new(), true, 10, Duration::ZERO);
        bar.set(3);
        bar.set(10);
        bar.finish();
        let written = String::from_utf8(bar.into_inner().expect("a terminal")).expect("UTF-8");
        assert!(written.starts_with("\r\x1b[Kplangap: loading 3/10 reports  30% ["), "{written:?}");
        assert!(written.contains("10/10 reports 100% ["), "{written:?}");
        assert!(written.ends_with("\r\x1b[K"), "{written:?}");
    }

    #[test]
    fn a_quick_load_draws_nothing_even_on_a_terminal() {
        let mut bar = ProgressBar::new(Vec::new(), true, 10, Duration::from_secs(60));
        (0..=10).for_each(|done| bar.set(done));
        bar.finish();
        assert_eq!(bar.into_inner(), Some(Vec::new()));
    }

    #[test]
    fn the_bar_fills_in_eighths() {
        assert!(line(0, 4).ends_with(&format!("[{}]", " ".repeat(BAR_WIDTH))));
        assert!(line(4, 4).ends_with(&format!("[{}]", "█".repeat(BAR_WIDTH))));
        assert!(line(1, 8).contains("[███▊"), "{}", line(1, 8));
        assert!(line(0, 0).contains("0/0 reports 100%"));
    }
}
