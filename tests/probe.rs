//! The reliability probe's classes of input, replayed (issue 11, "Done when"): special files,
//! escape sequences in names and in text, UTF-16 without BOM, NUL bytes, huge files, a zip bomb,
//! legacy and fake Word files. Each runs `plangap check` with a time limit; none may hang, panic
//! or print a raw control character, and each must end as expected. The table of outcomes is
//! printed: `cargo test --test probe -- --nocapture`.

mod cli_common;

use cli_common::{Run, plangap, temp_dir};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One probe: what it is, the path to check, and the exit status it must end with.
struct Probe {
    class: &'static str,
    input: &'static str,
    path: PathBuf,
    expected: i32,
}

fn report() -> &'static [u8] {
    plangap::corpus::EMBEDDED[1].1
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn utf16(little: bool) -> Vec<u8> {
    let text = std::str::from_utf8(report()).unwrap();
    text.encode_utf16().flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// A .docx whose document.xml expands to more than 512 MiB (a zip bomb), about 0.5 MB packed.
fn zip_bomb() -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    writer.write_all(b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>").unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..520 {
        writer.write_all(&chunk).unwrap();
    }
    writer.write_all(b"</w:t></w:r></w:p></w:body></w:document>").unwrap();
    writer.finish().unwrap().into_inner()
}

fn probes(dir: &Path) -> Vec<Probe> {
    let text = std::str::from_utf8(report()).unwrap();
    let mut probes = Vec::new();
    let mut add = |class, input, path: PathBuf, expected| probes.push(Probe { class, input, path, expected });
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        add("special file", "named pipe (FIFO)", fifo, 2);
        let socket = dir.join("socket.txt");
        let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        std::mem::forget(listener);
        add("special file", "Unix socket", socket, 2);
        add("special file", "/dev/zero", PathBuf::from("/dev/zero"), 2);
        add("special file", "/dev/null", PathBuf::from("/dev/null"), 2);
        let looped = dir.join("looped");
        std::fs::create_dir_all(&looped).unwrap();
        write(&looped, "report.txt", report());
        std::os::unix::fs::symlink(&looped, looped.join("loop")).unwrap();
        add("folder", "folder with a link to itself", looped, 0);
    }
    add("name", "OSC 0 title in the name", write(dir, "r_\u{1b}]0;pwned\u{7}.txt", report()), 0);
    add("name", "OSC 52 clipboard in the name", write(dir, "c_\u{1b}]52;c;cHduZWQ=\u{7}.txt", report()), 0);
    add("name", "C1 CSI and RLO in the name", write(dir, "b_\u{9b}31m\u{202e}txt.txt", report()), 0);
    let osc = text.replacen('\n', "\n\u{1b}]0;x", 40).replacen("\n\u{1b}]0;x", "\n", 39);
    add("text", "unterminated ESC ] at line 41", write(dir, "osc.txt", osc.as_bytes()), 0);
    let csi = text.replacen('\n', "\n\u{1b}[38;5", 30).replacen("\n\u{1b}[38;5", "\n", 29);
    add("text", "unterminated ESC [ at line 31", write(dir, "csi.txt", csi.as_bytes()), 0);
    add("encoding", "UTF-16LE without BOM", write(dir, "le.txt", &utf16(true)), 0);
    add("encoding", "UTF-16BE without BOM", write(dir, "be.txt", &utf16(false)), 0);
    let mut one_nul = report().to_vec();
    one_nul[5000] = 0;
    add("NUL", "one NUL byte", write(dir, "nul.txt", &one_nul), 0);
    let many: Vec<u8> = report().iter().enumerate().map(|(i, &b)| if i % 20 == 0 { 0 } else { b }).collect();
    add("NUL", "5% NUL bytes", write(dir, "nuls.txt", &many), 2);
    let huge = dir.join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len(25 << 20).unwrap();
    add("size", "25 MB file", huge, 2);
    add("zip", "zip bomb (.docx, 520 MiB inside)", write(dir, "bomb.docx", &zip_bomb()), 2);
    let mut ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    ole.resize(4096, 0);
    add("format", "legacy Word .doc", write(dir, "old.doc", &ole), 2);
    add("format", "WPS .wps", write(dir, "old.wps", &ole), 2);
    add("format", "fake .docx (text)", write(dir, "fake.docx", report()), 2);
    add("format", "empty file", write(dir, "empty.txt", b""), 2);
    probes
}

fn outcome(run: &Run) -> String {
    let first = run.stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let summary = match first.split_once(": ") {
        Some((_, rest)) => rest.split_once(": ").map_or(rest, |(_, r)| r),
        None => first,
    };
    let summary: String = summary.chars().take(70).collect();
    let reports = run.stdout.lines().filter(|l| !l.starts_with(' ') && !l.is_empty()).count();
    match (run.code, summary.is_empty()) {
        (Some(0), true) => format!("{reports} report(s)"),
        _ => summary,
    }
}

#[test]
fn probe_classes_of_input() {
    let dir = temp_dir("probe");
    let mut table = vec![format!("{:<13} {:<34} {:>4} {:>7}  outcome", "class", "input", "exit", "ms")];
    let mut failures = Vec::new();
    for probe in probes(&dir) {
        let start = Instant::now();
        let run = plangap(&[OsString::from("check"), probe.path.clone().into_os_string()]);
        let ms = start.elapsed().as_millis();
        let raw = [run.stdout.as_str(), run.stderr.as_str()].concat();
        if raw.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']) {
            failures.push(format!("{}: a raw control character reached the output", probe.input));
        }
        if run.code != Some(probe.expected) {
            failures
                .push(format!("{}: exit {:?}, expected {}: {run:?}", probe.input, run.code, probe.expected));
        }
        if run.stderr.contains("panicked") {
            failures.push(format!("{}: panicked", probe.input));
        }
        let code = run.code.map_or("sig".to_owned(), |c| c.to_string());
        table.push(format!(
            "{:<13} {:<34} {:>4} {:>7}  {}",
            probe.class,
            probe.input,
            code,
            ms,
            outcome(&run)
        ));
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
