//! No data lost: `-o FILE` is atomic (an existing file is replaced whole or
//! left untouched), and every report accounts for every input claim.

use std::path::Path;

use assert_cmd::Command;

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";

fn readout(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("readout")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs")
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_file_is_replaced_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.json");
    std::fs::write(&report, "an older report").expect("write");
    let r = report.to_str().expect("utf-8");
    let out = readout(&["compare", US, CN, "--format", "json", "-o", r]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    let written = std::fs::read_to_string(&report).expect("read");
    let stdout = readout(&["compare", US, CN, "--format", "json"]).stdout;
    assert_eq!(
        written.as_bytes(),
        stdout.as_slice(),
        "the file holds exactly the report"
    );
    assert_eq!(entries(dir.path()), ["report.json"]);
}

#[test]
fn bad_input_leaves_an_existing_output_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.md");
    std::fs::write(&report, "keep me").expect("write");
    let out = readout(&[
        "compare",
        US,
        "tests/fixtures/bad/duplicate-id.yaml",
        "-o",
        report.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&report).expect("read"), "keep me");
    assert_eq!(entries(dir.path()), ["report.md"]);
}

#[test]
fn unwritable_destination_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A directory where the report should go: the rename must fail, and
    // neither the directory nor a stray temporary file may remain changed.
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("inside.txt"), "x").expect("write");
    let t = target.to_str().expect("utf-8");
    let out = readout(&["compare", US, CN, "-o", t]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!("error: {t}: output path is a directory; name a file to write\n")
    );
    assert_eq!(entries(dir.path()), ["taken"]);
    assert_eq!(entries(&target), ["inside.txt"]);

    let missing = dir.path().join("no/such/dir/report.txt");
    let out = readout(&["compare", US, CN, "-o", missing.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("output directory") && stderr.contains("does not exist"),
        "{stderr}"
    );
}

/// Every claim of both readouts of every corpus pair is filed under exactly
/// one topic of the JSON report.
#[test]
fn every_corpus_claim_is_accounted_for() {
    let mut pairs = 0;
    for entry in std::fs::read_dir("readouts").expect("corpus") {
        let dir = entry.expect("entry").path();
        let (us, cn) = (dir.join("us.yaml"), dir.join("cn.yaml"));
        if !us.exists() || !cn.exists() {
            continue;
        }
        pairs += 1;
        let out = readout(&[
            "compare",
            us.to_str().expect("utf-8"),
            cn.to_str().expect("utf-8"),
            "-f",
            "json",
        ]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        for side in ["left", "right"] {
            let mut filed: Vec<&str> = report["topics"]
                .as_array()
                .expect("topics")
                .iter()
                .flat_map(|t| {
                    t[side]
                        .as_array()
                        .expect("ids")
                        .iter()
                        .map(|i| i.as_str().expect("id"))
                })
                .collect();
            let mut all: Vec<&str> = report[format!("{side}_claims")]
                .as_array()
                .expect("claims")
                .iter()
                .map(|c| c["id"].as_str().expect("id"))
                .collect();
            assert_eq!(report[side]["claims"].as_u64(), Some(all.len() as u64));
            filed.sort_unstable();
            all.sort_unstable();
            assert_eq!(
                filed,
                all,
                "{}: {side} claims filed once each",
                dir.display()
            );
        }
    }
    assert!(pairs >= 5, "corpus pairs: {pairs}");
}
