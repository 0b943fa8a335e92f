//! `readout claims`: one line a claim, as JSON lines or CSV, in a stable
//! order, with bad input refused as elsewhere.

use assert_cmd::Command;
use predicates::prelude::*;

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";

/// The JSON field names after `schema`, in order, and the CSV header: a
/// contract (docs/claims.md).
const FIELDS: [&str; 12] = [
    "file",
    "side",
    "date",
    "id",
    "speaker",
    "topic",
    "stance",
    "stance_kind",
    "stance_cue",
    "text",
    "intensity",
    "intensity_level",
];

fn readout() -> Command {
    Command::cargo_bin("readout").expect("binary")
}

fn stdout(args: &[&str]) -> String {
    let out = readout().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Number of claims `validate` reports for `file`.
fn claim_count(file: &str) -> usize {
    let line = stdout(&["validate", file]);
    let (_, rest) = line.split_once("OK (").expect("OK line");
    rest.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count")
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).expect("write fixture");
    p.display().to_string()
}

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, line breaks in
/// quotes, CRLF record ends), to read back what `--format csv` writes.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "CSV ends a record"
    );
    records
}

#[test]
fn jsonl_has_one_object_a_claim_with_the_documented_fields() {
    let out = stdout(&["claims", US, CN]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), claim_count(US) + claim_count(CN));
    let mut files = Vec::new();
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        let keys: Vec<&str> = v
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert!(line.starts_with(r#"{"schema":"readout/claim/1","#));
        let mut expected = FIELDS.to_vec();
        expected.push("schema");
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(v["date"], "2024-05-31");
        files.push((v["file"].as_str().map(String::from), v["side"].clone()));
    }
    // Files in the order given, each whole.
    let us = claim_count(US);
    assert!(
        files[..us]
            .iter()
            .all(|(f, s)| f.as_deref() == Some(US) && s == "United States")
    );
    assert!(
        files[us..]
            .iter()
            .all(|(f, s)| f.as_deref() == Some(CN) && s == "China")
    );
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["id"], "us-1");
    assert!(first["topic"].is_string() && first["stance"].is_string());
}

#[test]
fn each_claim_has_its_intensity_by_name_and_level() {
    let out = stdout(&["claims", US, CN]);
    let by_id = |id: &str| -> serde_json::Value {
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
            .find(|v| v["id"] == id)
            .expect("the claim")
    };
    // "will never ignore acts that escalate provocations": a warning;
    // "expressed concern": pressing a point.
    let warns = by_id("cn-4");
    assert_eq!(
        (&warns["intensity"], &warns["intensity_level"]),
        (&"warns".into(), &6.into())
    );
    let presses = by_id("us-3");
    assert_eq!(
        (&presses["intensity"], &presses["intensity_level"]),
        (&"presses".into(), &3.into())
    );
    let csv = stdout(&["claims", US, "--format", "csv"]);
    let records = parse_csv(&csv);
    let level = FIELDS
        .iter()
        .position(|f| *f == "intensity_level")
        .expect("a column");
    assert!(
        records[1..]
            .iter()
            .all(|r| r[level].parse::<u8>().is_ok_and(|n| n <= 6))
    );
}

#[test]
fn csv_round_trips_commas_quotes_and_line_breaks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "He said \"no, never\",\nthen left.";
    let yaml = "meeting: {date: 2024-01-02}\nsource: {side: China}\nclaims:\n  - id: c1\n    text: \"He said \\\"no, never\\\",\\nthen left.\"\n    speaker: Wang, Yi\n  - {id: c2, text: Plain words on Taiwan.}\n";
    let file = temp_file(&dir, "cn.yaml", yaml);
    let out = stdout(&["claims", "--format", "csv", &file]);
    let records = parse_csv(&out);
    assert_eq!(records[0], FIELDS);
    assert_eq!(records.len(), 3);
    let row = &records[1];
    assert_eq!(row.len(), FIELDS.len());
    assert_eq!(row[0], file);
    assert_eq!(row[1], "China");
    assert_eq!(row[2], "2024-01-02");
    assert_eq!(row[3], "c1");
    assert_eq!(row[4], "Wang, Yi");
    assert_eq!(row[9], text);
    assert_eq!(records[2][3], "c2");
    assert_eq!(records[2][4], "", "no speaker: an empty field");

    // The same claim in JSON lines decodes to the same text.
    let json: serde_json::Value =
        serde_json::from_str(stdout(&["claims", &file]).lines().next().expect("a line"))
            .expect("JSON");
    assert_eq!(json["text"], text);
    assert!(json["quote"].is_null());
}

#[test]
fn output_is_deterministic_and_follows_the_order_given() {
    let a = stdout(&["claims", US, CN]);
    assert_eq!(a, stdout(&["claims", US, CN]));
    let b = stdout(&["claims", CN, US]);
    assert_ne!(a, b);
    let mut a_sorted: Vec<&str> = a.lines().collect();
    let mut b_sorted: Vec<&str> = b.lines().collect();
    a_sorted.sort_unstable();
    b_sorted.sort_unstable();
    assert_eq!(a_sorted, b_sorted, "the same claims either way");
    assert_eq!(
        stdout(&["claims", "-f", "csv", US]),
        stdout(&["claims", "-f", "csv", US])
    );
}

#[test]
fn standard_input_and_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from_file = stdout(&["claims", US]);
    let piped = readout()
        .args(["claims", "-"])
        .write_stdin(std::fs::read_to_string(US).expect("read"))
        .output()
        .expect("runs");
    assert_eq!(piped.status.code(), Some(0));
    let piped = String::from_utf8(piped.stdout).expect("UTF-8");
    assert_eq!(piped, from_file.replace(&format!("\"{US}\""), "\"-\""));
    let out = dir.path().join("claims.jsonl");
    readout()
        .args(["claims", US, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).expect("written"), from_file);
    readout()
        .args(["claims", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only one FILE can be `-`"));
}

#[test]
fn a_bad_file_is_trouble_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = temp_file(
        &dir,
        "bad.yaml",
        "source: {side: China}\nclaimz:\n  - {text: x}\n",
    );
    let out = dir.path().join("claims.jsonl");
    std::fs::write(&out, "old").expect("write");
    readout()
        .args(["claims", US, &bad, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "bad.yaml:2:1: unknown key `claimz`",
        ));
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "old");
    readout()
        .args(["claims", "no/such/file.yaml"])
        .assert()
        .code(2)
        .stdout("");
    readout()
        .args(["claims", "--format", "xml", US])
        .assert()
        .code(2);
}

#[test]
fn controls_in_claims_never_reach_the_terminal_raw() {
    for format in ["jsonl", "csv"] {
        let out = stdout(&["claims", "-f", format, "tests/fixtures/hostile/us.yaml"]);
        let raw: Vec<char> = out
            .chars()
            .filter(|&c| {
                (c.is_control() && !matches!(c, '\n' | '\r'))
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        assert!(raw.is_empty(), "{format}: raw {raw:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_a_clean_exit() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    let files: Vec<String> = std::fs::read_dir("readouts")
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("us.yaml"))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("readout"))
        .arg("claims")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // Read one byte, then close the pipe, as `| head -c1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("exits");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
