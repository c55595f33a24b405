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
use ratatui::layout::Rect;
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
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()));
        let mut guard = TerminalGuard { terminal: terminal? };
        guard.resume(mouse)?;
        Ok(guard)
    }

    /// Switches the workbench's modes on (again, after [`TerminalGuard::suspend`]) and clears
    /// the screen so that the next frame is drawn whole.
    pub fn resume(&mut self, mouse: bool) -> io::Result<()> {
        ACTIVE.store(true, Ordering::SeqCst);
        MOUSE.store(mouse, Ordering::SeqCst);
        let setup = |terminal: &mut Terminal<CrosstermBackend<Stdout>>| -> io::Result<()> {
            enable_raw_mode()?;
            let out = terminal.backend_mut();
            execute!(out, EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
            if mouse {
                execute!(out, EnableMouseCapture)?;
            }
            // Not `Terminal::clear`: it asks the terminal where the cursor is, and the answer
            // would go to the input thread instead.
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))
        };
        setup(&mut self.terminal).inspect_err(|_| restore())
    }

    /// Gives the terminal back and stops the process (as Ctrl-Z does in a shell); returns when
    /// the shell resumes it, with the workbench's modes on again.
    pub fn suspend(&mut self, mouse: bool) -> io::Result<()> {
        restore();
        // SIGTSTP is handled (to suspend cleanly on `kill -TSTP`), so raising it would only come
        // back as a message: stop the way its default action would.
        #[cfg(unix)]
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        self.resume(mouse)
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
