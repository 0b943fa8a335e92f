//! The JSON contracts: the schemas under `docs/schema/` are the ones the
//! report types generate, and what the commands write on the corpus follows
//! them, its schema identifier first.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use readout::schema::Output;
use serde_json::Value;

const REFRESH: &str = "READOUT_WRITE_SCHEMAS=1 cargo test --test schema";

fn schema_path(output: Output) -> PathBuf {
    Path::new("docs/schema").join(format!("{}.schema.json", output.name()))
}

fn generated(output: Output) -> String {
    let mut text = serde_json::to_string_pretty(&output.json_schema()).expect("serializes");
    text.push('\n');
    text
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    let write = std::env::var_os("READOUT_WRITE_SCHEMAS").is_some();
    for output in Output::ALL {
        let path = schema_path(output);
        let fresh = generated(output);
        if write {
            std::fs::create_dir_all("docs/schema").expect("creates docs/schema");
            std::fs::write(&path, &fresh).expect("writes the schema");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is not the schema the report types generate; refresh it with `{REFRESH}` \
             and review the diff (a field renamed or dropped needs a new schema version)",
            path.display()
        );
    }
}

fn validator(output: Output) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&generated(output)).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// `text` parses, follows the schema and names it in its first field.
fn assert_valid(
    output: Output,
    validator: &jsonschema::Validator,
    text: &str,
    what: &str,
) -> Value {
    let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
    let compact = text.split_whitespace().collect::<String>();
    assert!(
        compact.starts_with(&format!("{{\"schema\":\"{}\",", output.id())),
        "{what}: the schema identifier comes first"
    );
    doc
}

/// Stdout of a run that succeeds (0) or finds differences (1).
fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every folder of the corpus with both accounts of a meeting.
fn corpus_pairs() -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = std::fs::read_dir("readouts")
        .expect("readouts/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|d| d.join("us.yaml").is_file() && d.join("cn.yaml").is_file())
        .map(|d| {
            let s = |f: &str| d.join(f).display().to_string();
            (s("us.yaml"), s("cn.yaml"))
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn compare_of_every_corpus_pair_follows_its_schema() {
    let v = validator(Output::Compare);
    let pairs = corpus_pairs();
    assert!(pairs.len() > 10, "the corpus has its pairs");
    for (us, cn) in &pairs {
        let text = run(&["compare", us, cn, "-f", "json"]);
        assert_valid(Output::Compare, &v, &text, &format!("compare {us} {cn}"));
    }
}

#[test]
fn compare_with_intensity_and_an_agenda_follows_its_schema() {
    let v = validator(Output::Compare);
    for (us, cn) in corpus_pairs() {
        let args = [
            "compare",
            &us,
            &cn,
            "-f",
            "json",
            "--intensity",
            "--agenda",
            "us-china-defense",
        ];
        let text = run(&args);
        let doc = assert_valid(Output::Compare, &v, &text, &format!("{args:?}"));
        assert!(doc["agenda"]["not_mentioned"].is_array(), "{args:?}");
        assert!(doc["topics"][0]["intensity"].is_object(), "{args:?}");
        assert!(
            doc["left_claims"][0]["intensity"]["level"].is_u64(),
            "{args:?}"
        );
    }
}

#[test]
fn check_against_the_corpus_follows_its_schema() {
    let text = run(&[
        "check",
        "readouts/2024-05-31-singapore/us.yaml",
        "--against",
        "readouts",
        "--no-cache",
        "-f",
        "json",
    ]);
    let doc = assert_valid(Output::Check, &validator(Output::Check), &text, "check");
    assert!(!doc["other_side"].as_array().expect("list").is_empty());
}

#[test]
fn eval_of_the_corpus_follows_its_schema() {
    let text = run(&["eval", "readouts", "-f", "json"]);
    assert_valid(Output::Eval, &validator(Output::Eval), &text, "eval");
}

#[test]
fn topics_follow_their_schema() {
    let text = run(&["topics", "-f", "json"]);
    let doc = assert_valid(Output::Topics, &validator(Output::Topics), &text, "topics");
    assert!(!doc["topics"].as_array().expect("list").is_empty());
}

#[test]
fn every_claim_line_follows_its_schema() {
    let v = validator(Output::Claim);
    let text = run(&[
        "claims",
        "readouts/2024-05-31-singapore/us.yaml",
        "readouts/2024-05-31-singapore/cn.yaml",
        "readouts/2023-11-09-san-francisco/us.yaml",
        "readouts/2023-11-09-san-francisco/cn.yaml",
    ]);
    assert!(text.lines().count() > 20);
    for (i, line) in text.lines().enumerate() {
        assert_valid(Output::Claim, &v, line, &format!("claims line {}", i + 1));
    }
}
