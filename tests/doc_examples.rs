//! The command examples of the README and `docs/*.md` run as written, so they
//! cannot drift from what the binary prints.
//!
//! Each ```` ```console ```` block is one `bash` session. The blocks of one
//! file run in order in one fresh directory (a later block may use a file an
//! earlier one wrote), which links `readouts`, `answers`, `composed`, `tests` and `docs` to the
//! repository's; the built binary is first on `PATH` as `readout`. A line starting with
//! `$ ` is a command; the lines after it, up to the next command or the end of
//! the block, are its standard output then its standard error. A line that is
//! only `...` or `…` stands for any number of lines left out. A block right
//! after an `<!-- not run: REASON -->` comment is skipped and listed.

use std::path::{Path, PathBuf};
use std::process::Command;

const MARKER: &str = "@@doc-example-end-of-command@@";

struct Block {
    file: String,
    line: usize,
    skip: Option<String>,
    /// Each command with its expected output lines.
    commands: Vec<(String, Vec<String>)>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc_files() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("read docs/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    let mut files = vec![repo().join("README.md")];
    files.extend(docs);
    files
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).expect("read markdown");
    let name = path
        .strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string();
    let mut out = Vec::new();
    let mut previous = "";
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if line.trim_end() != "```console" {
            if !line.trim().is_empty() {
                previous = line;
            }
            continue;
        }
        let skip = previous
            .trim()
            .strip_prefix("<!-- not run:")
            .and_then(|r| r.strip_suffix("-->"))
            .map(|r| r.trim().to_string());
        let mut commands: Vec<(String, Vec<String>)> = Vec::new();
        for (_, l) in lines.by_ref() {
            if l.trim_end() == "```" {
                break;
            }
            if let Some(cmd) = l.strip_prefix("$ ") {
                commands.push((cmd.to_string(), Vec::new()));
            } else if let Some((_, expected)) = commands.last_mut() {
                expected.push(l.trim_end().to_string());
            } else {
                panic!("{name}:{}: output before any `$ ` command", i + 1);
            }
        }
        out.push(Block {
            file: name.clone(),
            line: i + 1,
            skip,
            commands,
        });
        previous = "";
    }
    out
}

fn is_elision(line: &str) -> bool {
    matches!(line.trim(), "..." | "…")
}

/// Whether `actual` matches `expected`, where an elision line matches any
/// number of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if is_elision(e) => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, arest)| a == e && matches(rest, arest)),
    }
}

fn script(block: &Block) -> String {
    let mut s = String::from("__o=\"$1/stdout\"; __e=\"$1/stderr\"\n");
    for (cmd, _) in &block.commands {
        s.push_str(&format!(
            "{{ {cmd}\n}} >\"$__o\" 2>\"$__e\" </dev/null; __rc=$?; cat \"$__o\" \"$__e\"; echo {MARKER}; (exit $__rc)\n"
        ));
    }
    s
}

/// A fresh directory for the blocks of one file.
fn sandbox() -> tempfile::TempDir {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_readout"));
    let dir = tempfile::tempdir().expect("temp dir");
    let work = dir.path().join("work");
    let bindir = dir.path().join("bin");
    for d in [&work, &bindir] {
        std::fs::create_dir(d).expect("mkdir");
    }
    std::os::unix::fs::symlink(&bin, bindir.join("readout")).expect("link binary");
    for name in ["readouts", "answers", "composed", "tests", "docs"] {
        std::os::unix::fs::symlink(repo().join(name), work.join(name)).expect("link");
    }
    dir
}

fn run(block: &Block, dir: &Path) -> Vec<Vec<String>> {
    let bindir = dir.join("bin");
    let path = format!(
        "{}:{}",
        bindir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(script(block))
        .arg("bash")
        .arg(dir)
        .current_dir(dir.join("work"))
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .output()
        .expect("run bash");
    let text = String::from_utf8_lossy(&output.stdout);
    let mut per_command = vec![Vec::new()];
    for line in text.lines() {
        if line == MARKER {
            per_command.push(Vec::new());
        } else if let Some(current) = per_command.last_mut() {
            current.push(line.trim_end().to_string());
        }
    }
    per_command.pop();
    per_command
}

#[test]
fn console_examples_match_the_binary() {
    let mut failures = Vec::new();
    let (mut ran, mut skipped) = (0, Vec::new());
    for file in doc_files() {
        let dir = sandbox();
        for block in blocks(&file) {
            let at = format!("{}:{}", block.file, block.line);
            if let Some(reason) = &block.skip {
                skipped.push(format!("{at} ({reason})"));
                continue;
            }
            ran += 1;
            let actual = run(&block, dir.path());
            assert_eq!(
                actual.len(),
                block.commands.len(),
                "{at}: the session stopped early"
            );
            for ((cmd, expected), actual) in block.commands.iter().zip(&actual) {
                if !matches(expected, actual) {
                    failures.push(format!(
                        "{at}: `$ {cmd}`\n--- expected\n{}\n--- actual\n{}\n",
                        expected.join("\n"),
                        actual.join("\n")
                    ));
                }
            }
        }
    }
    println!("{ran} console blocks run");
    for s in &skipped {
        println!("skipped {s}");
    }
    assert!(ran > 0, "no console block found");
    assert!(
        failures.is_empty(),
        "{} command examples differ from the binary:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn elision_matches_any_number_of_lines() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&v(&["a", "...", "d"]), &v(&["a", "b", "c", "d"])));
    assert!(matches(&v(&["a", "  …", "d"]), &v(&["a", "d"])));
    assert!(!matches(&v(&["a", "...", "d"]), &v(&["a", "b"])));
    assert!(!matches(&v(&["a"]), &v(&["a", "b"])));
}
