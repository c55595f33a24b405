//! Copying to the clipboard with OSC 52: the terminal itself sets its clipboard, so copying works
//! over SSH, where a clipboard library on the server cannot reach the user's desktop. Inside tmux
//! it needs `set -g set-clipboard on`, which makes tmux take the text and pass it on.

use base64::Engine;
use std::io::{self, Write};

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{payload}\u{7}")
}

/// Writes the OSC 52 sequence for `text` to `out` (the terminal).
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_base64_in_an_osc_52_sequence() {
        assert_eq!(osc52("綦江区\t3"), "\u{1b}]52;c;57am5rGf5Yy6CTM=\u{7}");
    }
}
