//! Running the binary as a user would, with a time limit (a hang fails the test instead of
//! blocking the suite), and scratch folders.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How a run of the binary ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None`: ended by a signal).
    pub code: Option<i32>,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
}

/// Runs `plangap ARGS` with an empty configuration folder and no standard input; panics if it
/// runs longer than 30 s.
pub fn plangap<S: AsRef<OsStr>>(args: &[S]) -> Run {
    plangap_in(&temp_dir("config-home"), args)
}

/// Like [`plangap`], with `XDG_CONFIG_HOME` set to `config_home` and the cache of parsed reports
/// in its folder `cache` (never the user's).
pub fn plangap_in<S: AsRef<OsStr>>(config_home: &Path, args: &[S]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_plangap"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_CACHE_HOME", config_home.join("cache"))
        .env("COLUMNS", "200")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    let output = match receiver.recv_timeout(Duration::from_secs(30)) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
            panic!(
                "plangap {:?} did not end within 30 s",
                args.iter().map(AsRef::as_ref).collect::<Vec<_>>()
            );
        }
    };
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A scratch folder of one test, removed with everything in it when dropped.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<OsStr> for TempDir {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, empty folder for one test, of its own even when tests running at once ask for the
/// same `name`.
pub fn temp_dir(name: &str) -> TempDir {
    static MADE: AtomicUsize = AtomicUsize::new(0);
    let made = MADE.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("plangap-test-{}-{made}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}
