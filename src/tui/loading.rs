//! Loading the files named on the command line off the event loop: a thread loads them (on
//! every core, through the cache) and sends them to the event loop in batches as they come, so
//! the first frame is drawn at once and keys are answered while thousands of reports load.

use super::app::Msg;
use crate::corpus::{self, LoadOptions};
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How often a batch of loaded reports is sent: each batch rebuilds the tree and the finder's
/// index, so not much more often than the eye notices.
pub const BATCH_EVERY: Duration = Duration::from_millis(100);

/// The command line's load options without the progress bar (the workbench shows progress in
/// its status line, never on stderr under the screen), taking out the finder's names of each
/// report on the loading threads ([`LoadOptions::finder_names`]).
pub fn options() -> LoadOptions {
    LoadOptions { progress: false, finder_names: true, ..corpus::load_options().clone() }
}

/// Loads `paths` (the embedded corpus when empty) on a thread of its own, sending each batch
/// as [`Msg::Loading`]; the last one says loading has finished. Stops sending once the event
/// loop has gone.
pub fn spawn(paths: Vec<PathBuf>, sender: Sender<Msg>) {
    std::thread::spawn(move || {
        let mut open = true;
        corpus::load_streaming(&paths, &options(), BATCH_EVERY, |batch, progress| {
            open = open && sender.send(Msg::Loading(batch, progress)).is_ok();
        });
    });
}
