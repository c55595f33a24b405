//! Running the binary as a user would, with a time limit (a hang fails the test instead of
//! blocking the suite), and scratch folders.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
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
pub fn plangap_in<S: AsRef<OsStr>>(config_home: &std::path::Path, args: &[S]) -> Run {
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

/// A fresh, empty folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plangap-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
