//! Outside YAML: every document of the YAML test suite (tests/fixtures/yaml-test-suite,
//! MIT licence beside it) given to `validate` and to `compare` against a valid
//! readout ends in success, a difference or a clear error: never a panic or a hang.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;
use readout::load::{self, Limits};
use readout::render::{self, Format};
use readout::{Taxonomy, compare};

const VALID: &str = "readouts/2024-05-31-singapore/cn.yaml";

/// Longest any one document may take in-process before it counts as a hang.
const PER_CASE: Duration = Duration::from_secs(20);

fn cases() -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures/yaml-test-suite/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the suite is in the repository")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// What `validate` and `compare` do with one document, in-process: Ok with
/// the number of topics, or the error message.
fn run_case(path: &Path) -> Result<usize, String> {
    let limits = Limits::default();
    let name = path.to_string_lossy();
    let readout = load::load_path(&name, &limits).map_err(|e| e.to_string())?;
    let other = load::load_path(VALID, &limits).expect("the valid readout loads");
    let taxonomy = Taxonomy::built_in();
    let mut topics = 0;
    for report in [
        compare(&readout, &other, &taxonomy),
        compare(&other, &readout, &taxonomy),
    ] {
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            render::render(&report, format, true, &render::Made::at(0), &mut out)
                .expect("renders into memory");
        }
        topics = report.topics.len();
    }
    Ok(topics)
}

#[test]
fn every_suite_document_loads_or_is_refused_clearly_in_process() {
    let cases = cases();
    assert!(
        cases.len() >= 700,
        "the suite has {} documents",
        cases.len()
    );
    let (mut accepted, mut refused) = (0, 0);
    for path in cases {
        let (tx, rx) = mpsc::channel();
        let p = path.clone();
        // A thread per document, so that a panic or a hang is caught and named.
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| run_case(&p));
            let _ = tx.send(outcome);
        });
        match rx.recv_timeout(PER_CASE) {
            Err(_) => panic!("{}: no answer within {PER_CASE:?}", path.display()),
            Ok(Err(_)) => panic!("{}: panicked", path.display()),
            Ok(Ok(Ok(_))) => accepted += 1,
            Ok(Ok(Err(message))) => {
                let name = path.to_string_lossy();
                assert!(
                    message.starts_with(&*name),
                    "{name}: message must name the file: {message}"
                );
                assert!(message.len() > name.len() + 2, "{name}: empty message");
                assert!(
                    !message.chars().any(|c| c.is_control() && c != '\n'),
                    "{name}: {message:?}"
                );
                refused += 1;
            }
        }
    }
    // Nearly all suite documents are not readouts: they must be refused.
    assert!(refused > accepted, "accepted {accepted}, refused {refused}");
}

#[test]
fn a_sample_of_suite_documents_through_the_binary() {
    for path in cases().into_iter().step_by(15) {
        let p = path.to_string_lossy();
        for args in [vec!["validate", &*p], vec!["compare", VALID, &*p]] {
            let out = Command::cargo_bin("readout")
                .expect("binary")
                .args(&args)
                .timeout(PER_CASE)
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{args:?}: exit {code:?}; {stderr}"
            );
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
            if code == Some(2) {
                assert!(
                    stderr.starts_with(&format!("error: {p}")),
                    "{args:?}: {stderr}"
                );
                assert!(
                    out.stdout.is_empty() || args[0] == "validate",
                    "{args:?}: partial output"
                );
            }
        }
    }
}
