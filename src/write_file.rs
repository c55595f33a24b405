//! Writing an output file safely: never over a loaded input, never through a symbolic link,
//! never over an existing file unless asked, and atomically (a temporary file in the same folder,
//! renamed into place), so that a full disk leaves the old file whole rather than half written.

use crate::printable;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Refuse to write over an existing file.
    Never,
    /// Replace an existing regular file (`:export! PATH`).
    File,
}

/// Writes `contents` to `path` (see the module documentation); `inputs` are the files loaded, which
/// are never written over. Returns the absolute path written, for telling the user where; the
/// error says what was refused or failed, and what to do.
pub fn write_atomically(
    path: &Path,
    contents: &[u8],
    replace: Replace,
    inputs: &[PathBuf],
) -> Result<PathBuf, String> {
    let shown = printable::path(path);
    let absolute = std::path::absolute(path).map_err(|e| format!("cannot write {shown}: {e}"))?;
    let folder = absolute.parent().ok_or_else(|| format!("cannot write {shown}: it names no file"))?;
    match fs::symlink_metadata(&absolute) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(format!(
                "{shown} is a symbolic link: plangap does not write through links; give another path"
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(format!("{shown} exists and is not a regular file; give another path"));
        }
        Ok(_) if is_input(&absolute, inputs) => {
            return Err(format!(
                "{shown} is a loaded report: plangap never writes over its input; give another path"
            ));
        }
        Ok(_) if replace == Replace::Never => {
            return Err(format!("{shown} exists: use export! {shown} to replace it, or give another path"));
        }
        _ => {}
    }
    let temporary = folder.join(format!(
        ".{}.plangap-{}.tmp",
        absolute.file_name().map_or("export".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temporary, &absolute)
    })();
    written.map(|()| absolute.clone()).map_err(|error| {
        let _ = fs::remove_file(&temporary);
        format!("cannot write {shown}: {error}; nothing was changed")
    })
}

/// Whether `path` is one of `inputs` (compared as canonical paths, so `./a.txt` is `a.txt`).
fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(path) = fs::canonicalize(path) else { return false };
    inputs.iter().any(|input| fs::canonicalize(input).is_ok_and(|input| input == path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("plangap-write-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_new_file_is_written_and_an_existing_one_only_when_asked() {
        let dir = folder("replace");
        let path = dir.join("out.json");
        assert_eq!(write_atomically(&path, b"one", Replace::Never, &[]).unwrap(), path);
        let refused = write_atomically(&path, b"two", Replace::Never, &[]).unwrap_err();
        assert!(refused.contains("exists: use export!"), "{refused}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomically(&path, b"two", Replace::File, &[]).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inputs_and_links_are_never_written() {
        let dir = folder("inputs");
        let input = dir.join("report.txt");
        fs::write(&input, "关于").unwrap();
        let refused =
            write_atomically(&dir.join("./report.txt"), b"x", Replace::File, std::slice::from_ref(&input))
                .unwrap_err();
        assert!(refused.contains("is a loaded report"), "{refused}");
        #[cfg(unix)]
        {
            let link = dir.join("link.json");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            let refused = write_atomically(&link, b"x", Replace::File, &[]).unwrap_err();
            assert!(refused.contains("symbolic link"), "{refused}");
        }
        assert_eq!(fs::read_to_string(&input).unwrap(), "关于");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let dir = folder("fail");
        let error =
            write_atomically(&dir.join("no/such/folder/out.json"), b"x", Replace::Never, &[]).unwrap_err();
        assert!(error.contains("nothing was changed"), "{error}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
