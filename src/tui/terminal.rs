//! Taking over the terminal and giving it back: raw mode, the alternate screen, a hidden cursor,
//! bracketed paste and (when asked) mouse capture are switched on by [`TerminalGuard::enter`] and
//! off again when the guard is dropped, when the program panics, and on Ctrl-C or SIGTERM (which
//! the event loop turns into a normal exit). Restoring twice is harmless.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is in the workbench's modes (and must be restored).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture was switched on.
static MOUSE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// The terminal in the workbench's modes; dropping it restores the terminal.
pub struct TerminalGuard {
    /// The ratatui terminal drawing to stdout.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Switches the terminal into the workbench's modes, with mouse capture if `mouse`. On
    /// failure, whatever was switched on is switched off again.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        MOUSE.store(mouse, Ordering::SeqCst);
        let setup = || -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
            enable_raw_mode()?;
            let mut stdout = io::stdout();
            execute!(stdout, EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
            if mouse {
                execute!(stdout, EnableMouseCapture)?;
            }
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
            terminal.clear()?;
            Ok(terminal)
        };
        match setup() {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Switches off everything [`TerminalGuard::enter`] switched on; does nothing if the terminal is
/// not in the workbench's modes. Errors are ignored: this runs on the way out, when the terminal
/// may already be gone.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores the terminal before the panic message is printed, so it is readable.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
