//! The command line: help, exit codes, bad input with file:line:col, colors,
//! standard input, output files, the taxonomy and validation.

use assert_cmd::Command;
use predicates::prelude::*;

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).expect("write fixture");
    p.display().to_string()
}

const VALID: &str = "source: {side: United States}\nclaims:\n  - {id: a, text: Austin raised concerns about China's nuclear buildup.}\n";

#[test]
fn help_teaches_the_commands_and_exit_codes() {
    readout()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("compare"))
        .stdout(predicate::str::contains("validate"))
        .stdout(predicate::str::contains("Exit codes"));
    readout()
        .args(["compare", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--fail-on"))
        .stdout(predicate::str::contains("--color"));
}

#[test]
fn exit_codes_follow_diff() {
    // Differences: 1.
    readout().args(["compare", US, CN]).assert().code(1);
    // A readout against itself agrees everywhere: 0.
    readout().args(["compare", US, US]).assert().code(0);
    // Only contradictions count: still 1 for the flagship; none never fails.
    readout()
        .args(["compare", US, CN, "--fail-on", "contradiction"])
        .assert()
        .code(1);
    readout()
        .args(["compare", US, CN, "--fail-on", "none"])
        .assert()
        .code(0);
    // Trouble: 2.
    readout()
        .args(["compare", US, "no/such/file.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.yaml: no such file"));
    readout().args(["compare", US]).assert().code(2);
}

#[test]
fn omission_level_ignores_divergences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = temp_file(
        &dir,
        "l.yaml",
        "source: {side: United States}\nclaims:\n  - text: Austin raised concerns about Taiwan.\n",
    );
    let r = temp_file(
        &dir,
        "r.yaml",
        "source: {side: China}\nclaims:\n  - text: Dong said Taiwan is part of China.\n",
    );
    readout()
        .args(["compare", &l, &r, "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"divergence\""));
    readout()
        .args(["compare", &l, &r, "--fail-on", "omission"])
        .assert()
        .code(0);
}

fn bad(name: &str, text: &str, message: &str, position: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = temp_file(&dir, name, text);
    for args in [
        vec!["validate", path.as_str()],
        vec!["compare", path.as_str(), CN],
    ] {
        readout()
            .args(&args)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(format!("{path}:{position}")))
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn unknown_key_names_the_key_it_probably_meant() {
    bad(
        "k.yaml",
        "source: {side: US}\nclaimz:\n  - text: x\n",
        "unknown key `claimz`",
        "2:1",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = temp_file(&dir, "k.yaml", "source: {side: US}\nclaimz:\n  - text: x\n");
    readout()
        .args(["validate", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `claims`?"));
}

#[test]
fn bad_inputs_name_file_line_and_column() {
    bad(
        "dupkey.yaml",
        "source: {side: US}\nsource: {side: China}\nclaims:\n  - text: x\n",
        "duplicate key `source`",
        "2:",
    );
    bad(
        "dupid.yaml",
        "source: {side: US}\nclaims:\n  - {id: a, text: x}\n  - {id: a, text: y}\n",
        "duplicate claim id `a`",
        "4:",
    );
    bad(
        "type.yaml",
        "source: {side: US}\nclaims: lots\n",
        "expected a list (`- item` lines) here",
        "2:",
    );
    bad(
        "noside.yaml",
        "source: {issuer: DoD}\nclaims:\n  - text: x\n",
        "missing required key `side`",
        "1:",
    );
    bad(
        "noclaims.yaml",
        "source: {side: US}\nclaims: []\n",
        "no claims",
        "2:",
    );
    bad(
        "empty-text.yaml",
        "source: {side: US}\nclaims:\n  - text: \"\"\n",
        "claim text is empty",
        "3:",
    );
    bad(
        "version.yaml",
        "readout: 7\nsource: {side: US}\nclaims:\n  - text: x\n",
        "unsupported schema version 7",
        "1:",
    );
}

#[test]
fn validate_says_ok() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = temp_file(&dir, "ok.yaml", VALID);
    readout()
        .args(["validate", &p, US])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "OK (1 claims, side United States)",
        ));
}

#[test]
fn colors_follow_flag_and_environment() {
    let esc = predicate::str::contains("\u{1b}[");
    readout()
        .args(["compare", US, CN, "--color", "always"])
        .assert()
        .code(1)
        .stdout(esc.clone());
    readout()
        .args(["compare", US, CN, "--color", "never"])
        .assert()
        .code(1)
        .stdout(esc.clone().not());
    // Not a terminal: no color by default.
    readout()
        .args(["compare", US, CN])
        .assert()
        .code(1)
        .stdout(esc.clone().not());
    readout()
        .args(["compare", US, CN])
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .code(1)
        .stdout(esc.clone());
    readout()
        .args(["compare", US, CN])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stdout(esc.not());
}

#[test]
fn standard_input_is_a_readout() {
    let text = std::fs::read_to_string(CN).expect("flagship");
    readout()
        .args(["compare", US, "-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"contradiction\""));
    readout()
        .args(["compare", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only one"));
}

#[test]
fn output_file_gets_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.md");
    readout()
        .args(["compare", US, CN, "--format", "markdown", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let md = std::fs::read_to_string(&out).expect("report written");
    assert!(md.starts_with("# United States"));
    assert!(md.contains("| Taiwan | **contradiction** |"));
}

#[test]
fn failed_run_leaves_existing_output_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = temp_file(&dir, "report.txt", "previous report");
    readout()
        .args(["compare", US, "missing.yaml", "-o", &out])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "previous report"
    );
}

#[test]
fn html_is_a_page() {
    readout()
        .args(["compare", US, CN, "--format", "html"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stdout(predicate::str::contains("class=\"verdict contradiction\""));
}

#[test]
fn closed_pipe_is_a_quiet_exit() {
    // The reader goes away after the first line, as `| head -1` does.
    use std::io::{BufRead, BufReader};
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("readout"))
        .args(["topics"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("line");
    let out = child.wait_with_output().expect("wait");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_ne!(out.status.code(), Some(101));
}

#[test]
fn topics_lists_the_taxonomy_and_a_file_extends_it() {
    readout()
        .arg("topics")
        .assert()
        .success()
        .stdout(predicate::str::contains("south-china-sea"))
        .stdout(predicate::str::contains("topics"));
    let dir = tempfile::tempdir().expect("tempdir");
    let topics = temp_file(
        &dir,
        "topics.yaml",
        "topics:\n  - id: arctic\n    label: The Arctic\n    aliases: [polar silk road]\n    keywords: [arctic, svalbard]\n",
    );
    readout()
        .args(["topics", "--topics", &topics])
        .assert()
        .success()
        .stdout(predicate::str::contains("arctic"));
    let l = temp_file(
        &dir,
        "l.yaml",
        "source: {side: United States}\nclaims:\n  - text: Austin raised the Arctic.\n",
    );
    let r = temp_file(
        &dir,
        "r.yaml",
        "source: {side: China}\nclaims:\n  - text: Dong discussed Svalbard.\n",
    );
    readout()
        .args(["compare", &l, &r, "--topics", &topics, "--format", "json"])
        .assert()
        .stdout(predicate::str::contains("\"topic\": \"arctic\""));
    // `-f yaml` writes the taxonomy in the form `--topics` reads back.
    let out = readout()
        .args(["topics", "-f", "yaml"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let whole = temp_file(&dir, "whole.yaml", &String::from_utf8_lossy(&out));
    let listed = |args: &[&str]| {
        let out = readout()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    assert_eq!(listed(&["topics", "--topics", &whole]), listed(&["topics"]));
    // Extending a built-in topic with keywords keeps its weight.
    let more = temp_file(
        &dir,
        "more.yaml",
        "topics:\n  - id: bilateral-relations\n    label: Relations\n    keywords: [ties]\n",
    );
    let json = listed(&["topics", "--topics", &more, "-f", "json"]);
    let topics: serde_json::Value = serde_json::from_str(&json).expect("json");
    let relations = topics
        .as_array()
        .and_then(|a| a.iter().find(|t| t["id"] == "bilateral-relations"))
        .expect("bilateral-relations");
    assert_eq!(relations["weight"], 0.6);
    assert!(
        relations["keywords"]
            .as_array()
            .is_some_and(|k| k.iter().any(|w| w == "ties"))
    );
    let bad = temp_file(&dir, "bad.yaml", "topics:\n  - id: x\n    lable: y\n");
    readout()
        .args(["topics", "--topics", &bad])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `label`?"));
}

#[test]
fn fuzzy_topic_overrides_meet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = temp_file(
        &dir,
        "l.yaml",
        "source: {side: US}\nclaims:\n  - {text: Austin spoke., topic: S. China Sea}\n",
    );
    let r = temp_file(
        &dir,
        "r.yaml",
        "source: {side: China}\nclaims:\n  - {text: Dong spoke., topic: the South China Sea issue}\n",
    );
    readout()
        .args(["compare", &l, &r, "--format", "json"])
        .assert()
        .stdout(predicate::str::contains("\"topic\": \"south-china-sea\""))
        .stdout(predicate::str::contains("\"omission\": 0"));
}

#[test]
fn two_accounts_by_one_side_are_compared_with_a_warning() {
    let us = "readouts/2024-05-31-singapore/us.yaml";
    readout()
        .args(["compare", us, us, "--color", "never"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: both readouts are accounts by United States",
        ));
    readout()
        .args(["compare", us, "readouts/2024-05-31-singapore/cn.yaml"])
        .assert()
        .stderr(predicate::str::is_empty());
}

#[test]
fn an_omission_names_the_silent_sides_claims_that_touch_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = temp_file(
        &dir,
        "l.yaml",
        "source: {side: United States}\nclaims:\n  - id: us-1\n    text: Austin raised concerns about China's activities in the South China Sea and around Taiwan.\n",
    );
    let r = temp_file(
        &dir,
        "r.yaml",
        "source: {side: China}\nclaims:\n  - text: Dong said the US should stop arming Taiwan.\n  - text: Dong said China will defend its rights in the South China Sea.\n",
    );
    readout()
        .args(["compare", &l, &r, "--color", "never"])
        .assert()
        .stdout(predicate::str::contains(
            "Taiwan (United States is silent; us-1 touches on it elsewhere)",
        ));
    let out = readout()
        .args(["compare", &l, &r, "-f", "json"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let taiwan = report["topics"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["topic"] == "taiwan"))
        .expect("taiwan");
    assert_eq!(taiwan["verdict"], "omission");
    assert_eq!(taiwan["touched_by"], serde_json::json!(["us-1"]));
}

#[test]
fn eval_prints_the_figures() {
    readout()
        .args(["eval", "readouts"])
        .assert()
        .success()
        .stdout(predicate::str::contains("macro-F1"))
        .stdout(predicate::str::contains("2024-05-31-singapore"));
    readout()
        .args(["eval", "readouts", "--min-macro-f1", "1.01"])
        .assert()
        .code(1);
    readout()
        .args(["eval", "readouts", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{"));
    // Eval writes text or JSON; asking for YAML is refused, not answered in JSON.
    readout()
        .args(["eval", "readouts", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: text, json"));
}

#[test]
fn output_extension_names_the_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        readout()
            .args(["compare", US, CN])
            .args(extra)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1)
            .stdout(predicate::str::is_empty());
        std::fs::read_to_string(&out).expect("report written")
    };
    assert!(run("report.html", &[]).starts_with("<!DOCTYPE html>"));
    assert!(run("REPORT.HTM", &[]).starts_with("<!DOCTYPE html>"));
    assert!(run("report.md", &[]).starts_with("# United States"));
    let json: serde_json::Value =
        serde_json::from_str(&run("report.json", &[])).expect("JSON report");
    assert_eq!(json["left"]["side"], "United States");
    assert!(run("report.txt", &[]).starts_with("readout: United States"));
    // An explicit --format wins over the extension.
    assert!(run("plain.html", &["--format", "text"]).starts_with("readout: United States"));
}

#[test]
fn check_refuses_html_inferred_from_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    readout()
        .args(["check", CN, "--no-cache", "--against", US, "-o"])
        .arg(dir.path().join("r.html"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not html"));
}

#[test]
fn html_page_has_the_matrix_legend_and_its_making() {
    let out = readout()
        .args(["compare", US, CN, "-f", "html"])
        .env("SOURCE_DATE_EPOCH", "1717200000")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(page.contains("<table class=\"matrix\">"));
    assert!(page.contains("<a href=\"#topic-taiwan\">Taiwan</a>"));
    assert!(page.contains("<section class=\"topic\" id=\"topic-taiwan\">"));
    assert!(page.contains("<h2 id=\"legend\">Legend</h2>"));
    assert!(page.contains("<code class=\"rule\">mutual-blame</code>"));
    assert!(page.contains("<time datetime=\"2024-06-01T00:00:00Z\">"));
    readout()
        .args(["compare", US, CN, "-f", "html"])
        .env("SOURCE_DATE_EPOCH", "last tuesday")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SOURCE_DATE_EPOCH"));
    // Formats that name no time do not read the variable.
    readout()
        .args(["compare", US, CN, "-f", "json"])
        .env("SOURCE_DATE_EPOCH", "last tuesday")
        .assert()
        .code(1);
}
