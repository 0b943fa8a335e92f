//! The command line: help, exit codes, bad input with file:line:col, colors,
//! standard input, output files, the taxonomy and validation.

use assert_cmd::Command;
use predicates::prelude::*;

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary");
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
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
        .stdout(predicate::str::contains("OK (1 claim, side United States)"))
        .stdout(predicate::str::contains(format!(
            "{US}: OK (6 claims, side United States)"
        )));
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
        .stdout(esc.clone().not());
    // CLICOLOR=0 turns color off; CLICOLOR_FORCE still forces it.
    readout()
        .args(["compare", US, CN])
        .env("CLICOLOR", "0")
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .code(1)
        .stdout(esc);
}

/// Runs `readout ARGS` with a terminal as standard output (util-linux
/// `script` provides it) and `env` set; None where `script` is missing.
#[cfg(target_os = "linux")]
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("readout");
    let command = std::iter::once(bin.display().to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        script.env(k, v);
    }
    match script.output() {
        Ok(out) if out.status.code().is_some_and(|c| c <= 1) => {
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        _ => {
            eprintln!("skipped: no util-linux `script` to provide a terminal");
            None
        }
    }
}

#[test]
#[cfg(target_os = "linux")]
fn clicolor_0_turns_color_off_on_a_terminal() {
    let args = ["compare", US, CN];
    let Some(colored) = on_a_terminal(&args, &[]) else {
        return;
    };
    assert!(
        colored.contains("\u{1b}["),
        "a terminal gets color: {colored:.200}"
    );
    let plain = on_a_terminal(&args, &[("CLICOLOR", "0")]).expect("ran before");
    assert!(plain.contains("CONTRADICTION"), "{plain:.200}");
    assert!(!plain.contains("\u{1b}["), "{plain:.200}");
    let forced =
        on_a_terminal(&args, &[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")]).expect("ran before");
    assert!(forced.contains("\u{1b}["), "{forced:.200}");
    // CLICOLOR=1 is the default, not a force.
    let one = on_a_terminal(&args, &[("CLICOLOR", "1")]).expect("ran before");
    assert!(one.contains("\u{1b}["), "{one:.200}");
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
fn output_into_a_missing_directory_names_the_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing");
    let out = missing.join("report.txt");
    let out = out.to_str().expect("utf-8 path");
    readout()
        .args(["compare", US, CN, "-o", out])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(format!(
            "error: {out}: output directory `{}` does not exist\n",
            missing.display()
        ));
    assert!(!missing.exists(), "nothing created");
    // The same for extract and check, before they do any work.
    readout()
        .args(["extract", "-", "--side", "China", "-o", out])
        .write_stdin("Dong said the two militaries should keep talking.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("output directory"));
    readout()
        .args(["check", US, "--against", CN, "--no-cache", "-o", out])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("output directory"));
    // A file where the directory should be, and a directory as the output.
    let file = temp_file(&dir, "file.txt", "x");
    readout()
        .args(["compare", US, CN, "-o", &format!("{file}/report.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "output directory `{file}` is not a directory"
        )));
    readout()
        .args(["compare", US, CN, "-o"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("output path is a directory"));
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    left.sort();
    assert_eq!(left, ["file.txt"], "no temporary file left behind");
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
    let written = String::from_utf8_lossy(&out);
    // Its event words, the words that name whom a matter touches, the
    // meeting itself or who is to act, the names of government bodies, the
    // phrases that say everywhere or speak of many areas, and the fallback
    // area.
    for (list, member) in [
        ("situational: [", "ceasefire"),
        ("actors: [", "\"companies\""),
        ("occasions: [", "\"visit\""),
        ("parties: [", "\"two militaries\""),
        ("places: [", "\"asia-pacific\""),
        ("offices: [", "\"ministry of commerce\""),
        ("everywhere: [", "\"around the world\""),
        ("many_areas: [", "\"various fields\""),
    ] {
        assert!(
            written
                .lines()
                .any(|l| l.starts_with(list) && l.contains(member)),
            "{list}{member} is part of the taxonomy written"
        );
    }
    assert!(
        written
            .lines()
            .any(|l| l == "fallback: \"bilateral-relations\"")
    );
    // And each topic's marks: who asked opens a claim, competition and
    // posture rank above overall relations, a channel keeps what it is for,
    // each side's posture is its own, a human rights concern stays where
    // it was raised.
    for mark in [
        "    opening: true",
        "    outranks_fallback: true",
        "    purposed: true",
        "    each_its_own: true",
        "    stays: true",
    ] {
        assert!(written.lines().any(|l| l == mark), "{mark} is written");
    }
    let whole = temp_file(&dir, "whole.yaml", &written);
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
    // Read back in place of the built-in one, it reads the corpus and the
    // composed meetings (whose economic track the actor words decide) alike.
    let replaced = temp_file(&dir, "replaced.yaml", &format!("replace: true\n{written}"));
    assert_eq!(
        listed(&["eval", "readouts", "composed/third", "--topics", &replaced]),
        listed(&["eval", "readouts", "composed/third"])
    );
    // Extending a built-in topic with keywords keeps its weight.
    let more = temp_file(
        &dir,
        "more.yaml",
        "topics:\n  - id: bilateral-relations\n    label: Relations\n    keywords: [ties]\n",
    );
    let json = listed(&["topics", "--topics", &more, "-f", "json"]);
    let topics: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(topics["schema"], "readout/topics/1");
    let relations = topics["topics"]
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
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = temp_file(
        &dir,
        "us-copy.yaml",
        &std::fs::read_to_string(us).expect("corpus"),
    );
    readout()
        .args(["compare", us, &copy, "--color", "never"])
        .assert()
        // Compared, not refused: a copy agrees with its original (a side's
        // critical and positive claims on different points of one topic
        // are not its words reported differently).
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
fn a_file_compared_with_itself_lists_each_claim_once() {
    let json = |left: &str, right: &str| {
        let out = readout()
            .args(["compare", left, right, "-f", "json"])
            .assert()
            .code(0)
            .stderr(format!(
                "warning: {left} and {right} are the same file: each claim is listed once, and a file agrees with itself\n"
            ))
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<serde_json::Value>(&out).expect("json")
    };
    // The same path, or another path to the same file.
    let other = "readouts/2024-05-31-singapore/../2024-05-31-singapore/us.yaml";
    for report in [json(US, US), json(US, other)] {
        assert_eq!(report["same_file"], true);
        assert_eq!(report["right_claims"], serde_json::json!([]));
        let topics = report["topics"].as_array().expect("topics");
        let mut filed: Vec<&str> = Vec::new();
        for t in topics {
            assert_eq!(t["verdict"], "agreement", "{t}");
            assert_eq!(t["right"], serde_json::json!([]));
            assert_eq!(t["pairs"], serde_json::json!([]));
            filed.extend(
                t["left"]
                    .as_array()
                    .expect("ids")
                    .iter()
                    .filter_map(|i| i.as_str()),
            );
        }
        filed.sort_unstable();
        let mut claims: Vec<&str> = report["left_claims"]
            .as_array()
            .expect("claims")
            .iter()
            .filter_map(|c| c["id"].as_str())
            .collect();
        claims.sort_unstable();
        assert_eq!(filed, claims, "each claim in exactly one topic");
        assert_eq!(claims.len(), 6);
        assert_eq!(report["summary"]["agreement"], topics.len());
    }
    // The text report says so too, and shows each claim once.
    let out = readout()
        .args(["compare", US, US, "--color", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.starts_with("readout: United States (Department of Defense, 2024-05-31) vs itself\n"),
        "{text}"
    );
    assert!(text.contains("LEFT and RIGHT are the same file: each claim is listed once"));
    assert_eq!(text.matches(" us-2 ").count(), 1, "{text}");
    assert!(!text.contains(" ~ "), "no claim paired with itself: {text}");
    readout()
        .args(["compare", US, US, "-f", "markdown"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "| Topic | Verdict | United States |\n|---|---|---|\n| Taiwan | **agreement** | us-3, us-4, us-5 |\n",
        ))
        .stdout(predicate::str::contains("(silent)").not());
    readout()
        .args(["compare", US, US, "-f", "html"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("United States vs itself"))
        .stdout(predicate::str::contains(
            "<em>LEFT and RIGHT are the same file",
        ));
    // A copy is another file: compared as usual, without this warning.
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = temp_file(
        &dir,
        "us.yaml",
        &std::fs::read_to_string(US).expect("corpus"),
    );
    readout()
        .args(["compare", US, &copy, "-f", "json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("same file").not())
        .stdout(predicate::str::contains("same_file").not());
}

#[test]
fn an_omission_names_the_silent_sides_claims_that_touch_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = temp_file(
        &dir,
        "l.yaml",
        "source: {side: United States}\nclaims:\n  - id: us-1\n    text: Austin raised concerns about China's activities in the South China Sea and the Taiwan Strait.\n",
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
fn eval_gives_an_interval_when_asked() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = readout().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    // Without the flag the report has no interval, as before.
    let plain = json(&["eval", "readouts", "--format", "json"]);
    assert!(plain.get("interval").is_none());
    // With it, each range holds the pooled figure, and the same pairs give
    // the same range on every run.
    let args = ["eval", "readouts", "--format", "json", "--interval"];
    let report = json(&args);
    assert_eq!(report, json(&args));
    let interval = &report["interval"];
    for (field, score) in [("macro_f1", "macro_f1"), ("alignment_f1", "alignment_f1")] {
        let lo = interval[field][0].as_f64().expect("a low bound");
        let hi = interval[field][1].as_f64().expect("a high bound");
        let pooled = report["overall"][score].as_f64().expect("a score");
        assert!(
            lo <= pooled && pooled <= hi && lo < hi,
            "{field}: {lo} {pooled} {hi}"
        );
    }
    assert_eq!(interval["resamples"], 2000);
    // One pair drawn again is always itself: the range is its score.
    let one = json(&[
        "eval",
        "readouts/2023-05-10-vienna",
        "--format",
        "json",
        "--interval",
    ]);
    let pooled = &one["overall"]["macro_f1"];
    assert_eq!(
        one["interval"]["macro_f1"],
        serde_json::json!([pooled, pooled])
    );
    // The text report says what the range is and how it was drawn.
    readout()
        .args(["eval", "readouts", "--interval"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "95% interval (24 pairs drawn again 2000 times): macro-F1 ",
        ));
}

/// A folder of answers laid out as the corpus's, with room for one pair's
/// answer: the folder, the pair, the corpus's answer to it, and where the
/// folder's answer goes.
fn answer_folder() -> (tempfile::TempDir, &'static str, String, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let pair = "2023-05-10-vienna";
    let answer = std::fs::read_to_string(format!("readouts/{pair}/expected.yaml")).expect("answer");
    std::fs::create_dir(dir.path().join(pair)).expect("pair folder");
    let path = dir.path().join(pair).join("expected.yaml");
    (dir, pair, answer, path)
}

#[test]
fn eval_scores_a_second_analysts_answers() {
    let (dir, pair, answer, second) = answer_folder();
    let answers = dir.path().display().to_string();
    // The same answer agrees with itself, and only answered pairs count.
    std::fs::write(&second, &answer).expect("write");
    readout()
        .args(["eval", "readouts", "--answers", &answers])
        .assert()
        .success()
        .stdout(predicate::str::contains("overall"))
        .stdout(predicate::str::contains("accuracy 1.000"))
        .stdout(predicate::str::contains("2021-08-29").not());
    // A second analyst who calls every group an omission disagrees, and the
    // misses name the claims.
    let dissent = answer
        .replace("verdict: agreement", "verdict: omission")
        .replace("verdict: divergence", "verdict: omission")
        .replace("verdict: contradiction", "verdict: omission");
    assert_ne!(dissent, answer, "{pair} has a group both sides speak to");
    std::fs::write(&second, &dissent).expect("write");
    readout()
        .args(["eval", "readouts", "--answers", &answers, "--misses"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("miss {pair}")))
        .stdout(predicate::str::contains("accuracy 1.000").not());
    // An answer that leaves a claim out is bad input, named.
    let unfinished: String = answer
        .lines()
        .filter(|l| !l.trim_start().starts_with("left: [us-1"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(unfinished, answer, "{pair} groups us-1 first in a list");
    std::fs::write(&second, unfinished).expect("write");
    readout()
        .args(["eval", "readouts", "--answers", &answers])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected.yaml"));
    // A folder with no answers at all is an error, not a perfect score,
    // whether it is scored or scored against.
    let empty = tempfile::tempdir().expect("tempdir");
    for flag in ["--answers", "--against"] {
        readout()
            .args([
                "eval",
                "readouts",
                flag,
                &empty.path().display().to_string(),
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no answer here"));
    }
}

#[test]
fn eval_scores_against_another_analysts_answers() {
    let (dir, pair, answer, key) = answer_folder();
    let against = dir.path().display().to_string();
    let overall = |args: &[&str]| -> String {
        let out = readout().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        text.lines().last().expect("a total").to_string()
    };
    // The pair's own answer as the key scores the engine as plain eval does,
    // on the answered pairs only.
    std::fs::write(&key, &answer).expect("write");
    let own = overall(&["eval", &format!("readouts/{pair}")]);
    assert_eq!(overall(&["eval", "readouts", "--against", &against]), own);
    // A key that calls every group an omission scores the engine otherwise,
    // and the misses follow the key.
    let dissent = answer
        .replace("verdict: agreement", "verdict: omission")
        .replace("verdict: divergence", "verdict: omission")
        .replace("verdict: contradiction", "verdict: omission");
    assert_ne!(dissent, answer, "{pair} has a group both sides speak to");
    std::fs::write(&key, &dissent).expect("write");
    assert_ne!(overall(&["eval", "readouts", "--against", &against]), own);
    readout()
        .args(["eval", "readouts", "--against", &against, "--misses"])
        .assert()
        .stdout(predicate::str::contains(format!("miss {pair}")))
        .stdout(predicate::str::contains("expected omission"));
    // With --answers, one analyst is scored against the other: the pair's
    // own answer against the dissenting key disagrees.
    let (second, _, _, second_answer) = answer_folder();
    std::fs::write(&second_answer, &answer).expect("write");
    let answers = second.path().display().to_string();
    let analysts = [
        "eval",
        "readouts",
        "--answers",
        &answers,
        "--against",
        &against,
    ];
    readout()
        .args(analysts)
        .assert()
        .success()
        .stdout(predicate::str::contains("accuracy 1.000").not());
    // And agrees with the same answer as the key.
    std::fs::write(&key, &answer).expect("write");
    readout()
        .args(analysts)
        .assert()
        .success()
        .stdout(predicate::str::contains("accuracy 1.000"));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = readout()
            .args(["completions", shell])
            .assert()
            .success()
            .stderr(predicate::str::is_empty())
            .get_output()
            .stdout
            .clone();
        let script = String::from_utf8(out).expect("utf-8 script");
        assert!(script.contains("readout"), "{shell}: names the program");
        assert!(
            script.contains("compare"),
            "{shell}: completes the commands"
        );
    }
    readout()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("invalid value 'tcsh'"))
        .stderr(predicate::str::contains(
            "possible values: bash, elvish, fish",
        ));
}

#[test]
fn man_page_is_roff() {
    let out = readout()
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).expect("utf-8 page");
    assert!(page.starts_with('.'), "a roff request first: {page:.40}");
    assert!(page.contains(".TH readout 1"), "{page:.200}");
    assert!(page.contains("readout\\-compare(1)"), "lists the commands");
    readout()
        .args(["man", "compare"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH readout-compare 1"))
        .stdout(predicate::str::contains("\\-\\-fail\\-on"));
    readout()
        .args(["man", "comapre"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no command `comapre`"));
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

#[test]
fn text_not_in_english_gets_a_warning_not_silence() {
    const ZH: &str = "tests/fixtures/non-english/cn.yaml";
    let warning = format!(
        "warning: {ZH}: the text is not in English; topic and stance detection reads English"
    );
    readout()
        .args(["compare", US, ZH])
        .assert()
        .stderr(predicate::str::contains(warning.as_str()).count(1));
    let dir = tempfile::tempdir().expect("tempdir");
    readout()
        .args(["check", ZH, "--no-cache", "--against"])
        .arg(dir.path())
        .assert()
        .stderr(predicate::str::contains(warning.as_str()));
    let txt = "tests/fixtures/non-english/cn.txt";
    // The splitter reads English sentences too, so the text gives no claim;
    // the warning comes first and says why.
    readout()
        .args(["extract", txt, "--side", "China"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "warning: {txt}: the text is not in English"
        )));
    // An English readout gets no such warning.
    readout()
        .args(["compare", US, CN])
        .assert()
        .stderr(predicate::str::contains("not in English").not());
}
