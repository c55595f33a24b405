//! What the paths named by the user stand for: a file itself, a folder the files under it.

use crate::error::Error;
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Adds to `files` what `path` stands for: a file itself; a folder, the files under it in name
/// order, depth first, without hidden entries; a folder reached again through a link (a loop,
/// or two links to one folder) is read once. A folder in which nothing was found is an error,
/// so that a mistyped folder is not taken for an empty result.
pub fn expand(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    if !path.is_dir() {
        files.push(path.to_owned());
        return Ok(());
    }
    let before = files.len();
    walk(path, &mut HashSet::new(), files)?;
    if files.len() == before {
        return Err(Error::NoFiles { path: path.to_owned() });
    }
    Ok(())
}

/// The files under the folder `dir`, recursively, into `files` (see [`expand`]); `visited` holds
/// the folders read so far, by their canonical path.
fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let read_error = |source| Error::Read { path: dir.to_owned(), source };
    if !visited.insert(std::fs::canonicalize(dir).map_err(read_error)?) {
        return Ok(());
    }
    // Sorted by name: the entries of one folder are in the order of their paths, and names
    // compare as bytes, where paths compare component by component.
    let mut entries: Vec<(OsString, PathBuf, bool)> = std::fs::read_dir(dir)
        .map_err(read_error)?
        .filter_map(Result::ok)
        .map(|entry| (entry.file_name(), entry))
        .filter(|(name, _)| !name.as_encoded_bytes().starts_with(b"."))
        .map(|(name, entry)| {
            let path = entry.path();
            let is_dir = is_folder(&entry, &path);
            (name, path, is_dir)
        })
        .collect();
    entries.sort_unstable_by(|(a, ..), (b, ..)| a.cmp(b));
    for (_, entry, is_dir) in entries {
        if is_dir {
            walk(&entry, visited, files)?;
        } else {
            files.push(entry);
        }
    }
    Ok(())
}

/// Whether the folder entry `entry` at `path` is a folder, links followed. The kind the folder
/// listing gives is taken as it is for anything but a link (a file costs no call to the file
/// system); a link, or an entry whose kind the listing does not give, is looked up.
fn is_folder(entry: &std::fs::DirEntry, path: &Path) -> bool {
    match entry.file_type() {
        Ok(kind) if !kind.is_symlink() => kind.is_dir(),
        _ => path.is_dir(),
    }
}
