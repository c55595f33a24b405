//! Reading one input file: only regular files, and no more than a size limit.

use crate::error::Error;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// The largest file read by default: 20 MB, far more than any plan report.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;

/// The size limit in force for this process ([`set_max_size`]).
static MAX_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_SIZE);

/// Sets the largest file that [`super::load_file`] and [`super::load_paths`] read, in bytes, for the rest of
/// the process: the command line's `--max-size`, set once before anything is loaded.
pub fn set_max_size(bytes: u64) {
    MAX_SIZE.store(bytes, Ordering::Relaxed);
}

/// The largest file read, in bytes.
pub fn max_size() -> u64 {
    MAX_SIZE.load(Ordering::Relaxed)
}

/// The bytes of the regular file at `path`, at most `limit` of them. Named pipes, devices and
/// sockets are refused before they are opened (reading them may block or never end), and so is a
/// file larger than `limit`; a file that grows past `limit` while being read (or does not tell
/// its size, as `/proc` files) is refused when the limit is reached.
pub fn read_report_file(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_report_file_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// [`read_report_file`] into `bytes` (emptied first), whose memory is reused: a thread that reads
/// many files needs no fresh memory for each.
pub fn read_report_file_into(path: &Path, limit: u64, bytes: &mut Vec<u8>) -> Result<(), Error> {
    bytes.clear();
    let read_error = |source| Error::Read { path: path.to_owned(), source };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if let Some(kind) = special_kind(&metadata.file_type()) {
        return Err(Error::Special { path: path.to_owned(), kind });
    }
    if metadata.len() > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: metadata.len(), limit });
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    bytes.reserve_exact(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit });
    }
    Ok(())
}

/// What a file that is neither a regular file nor a folder is, in words; `None` for those two.
fn special_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}
