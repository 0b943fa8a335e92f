//! `--intensity` and `--agenda` with three or more accounts: each account's
//! strongest wording per topic in the matrix, read as `compare A B
//! --intensity` reads each side; the intensity notes of each pair; agenda
//! topics no account mentions as rows and a section. The flagship's
//! three-way report with both flags is snapshotted in every format; without
//! them the report is what it was (tests/nway.rs holds those snapshots).

use assert_cmd::Command;
use predicates::prelude::*;
use readout::agenda::{self, Agenda};
use readout::load::{Limits, load_path};
use readout::model::Readout;
use readout::nway::{NwayReport, compare_all};
use readout::render::{Format, Made, nway::render};
use readout::{Taxonomy, compare};
use serde_json::Value;

const FLAGSHIP: [&str; 3] = [
    "readouts/2024-05-31-singapore/us.yaml",
    "readouts/2024-05-31-singapore/cn.yaml",
    "readouts/2024-05-31-singapore/cnn.yaml",
];
/// As in tests/snapshots.rs: 2024-06-01 00:00 UTC, so pages do not change.
const SOURCE_DATE_EPOCH: &str = "1717200000";

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary");
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    c
}

fn flagship() -> Vec<Readout> {
    FLAGSHIP
        .iter()
        .map(|f| load_path(f, &Limits::default()).expect("corpus loads"))
        .collect()
}

/// The flagship's three-way report with `--intensity --agenda us-china-defense`.
fn annotated() -> NwayReport {
    let taxonomy = Taxonomy::built_in();
    let accounts = flagship();
    let mut report = compare_all(&accounts, &taxonomy);
    readout::intensity::nway::annotate(&mut report);
    let agenda =
        Agenda::resolve("us-china-defense", &taxonomy, &Limits::default()).expect("built in");
    let readouts: Vec<&Readout> = accounts.iter().collect();
    agenda::apply_n(&mut report, &agenda, &readouts, &taxonomy);
    report
}

fn rendered(report: &NwayReport, format: Format) -> String {
    let made = Made::from_source_date_epoch(Some(SOURCE_DATE_EPOCH)).expect("a time");
    let mut out = Vec::new();
    render(report, format, false, &made, &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn the_flagships_three_accounts_with_intensity_and_agenda_in_every_format() {
    let report = annotated();
    for (format, ext) in [
        (Format::Text, "txt"),
        (Format::Json, "json"),
        (Format::Markdown, "md"),
        (Format::Html, "html"),
    ] {
        let mut text = rendered(&report, format);
        if format == Format::Html {
            // The stylesheet is reviewed as the files it is kept in.
            let start = text.find("<style>").expect("a stylesheet") + "<style>".len();
            let end = text.find("</style>").expect("a stylesheet");
            text.replace_range(start..end, "\n/* the page's stylesheet */\n");
        }
        insta::assert_snapshot!(
            format!("2024-05-31-singapore-3.intensity-agenda.{ext}"),
            text
        );
    }
}

#[test]
fn each_accounts_level_is_the_two_account_reading_of_its_side() {
    // Where the three-way report files a topic's claims as `compare A B`
    // does, accounts A and B have the levels and notes of its left and right.
    let accounts = flagship();
    let taxonomy = Taxonomy::built_in();
    let three = annotated();
    let mut two = compare(&accounts[0], &accounts[1], &taxonomy);
    readout::intensity::report::annotate(&mut two);
    let mut compared = 0;
    for t in &two.topics {
        let Some(n) = three.topics.iter().find(|n| n.topic == t.topic) else {
            continue;
        };
        if n.accounts[0].claims != t.left || n.accounts[1].claims != t.right {
            continue;
        }
        let i = t.intensity.as_ref().expect("annotated");
        assert_eq!(n.accounts[0].intensity, Some(i.left.clone()), "{}", t.topic);
        assert_eq!(
            n.accounts[1].intensity,
            Some(i.right.clone()),
            "{}",
            t.topic
        );
        let gaps = |pairs: &[readout::report::PairReport]| -> Vec<_> {
            pairs.iter().map(|p| p.intensity_gap.clone()).collect()
        };
        assert_eq!(gaps(&n.pairs[0].pairs), gaps(&t.pairs), "{}", t.topic);
        compared += 1;
    }
    assert!(compared >= 3, "only {compared} topics compared");
}

#[test]
fn the_press_account_has_the_level_of_what_it_reports() {
    // CNN speaks in no party's voice: Austin's warning of consequences over
    // Russia is the press account's strongest wording there.
    let report = annotated();
    let russia = report
        .topics
        .iter()
        .find(|t| t.topic == "russia-ukraine")
        .expect("a topic on Russia's war");
    let c = russia.accounts[2]
        .intensity
        .clone()
        .flatten()
        .expect("a level");
    assert_eq!((c.claim.as_str(), c.name.as_str()), ("cnn-14", "warns"));
    // Silent accounts have a null level, not none at all.
    assert_eq!(russia.accounts[0].intensity, Some(None));
    // One note names the account whose wording is harder.
    let taiwan = report
        .topics
        .iter()
        .find(|t| t.topic == "taiwan")
        .expect("Taiwan");
    // China's "firmly opposes" beside the press's "call for" (B–C); the
    // official accounts' pairs on Taiwan share no stance there.
    let note = taiwan
        .pairs
        .iter()
        .flat_map(|pair| pair.pairs.iter())
        .find_map(|p| p.intensity_gap.as_ref())
        .expect("a note between two accounts");
    assert!(note.note.starts_with("China's wording is"), "{}", note.note);
}

#[test]
fn without_the_flags_no_field_is_added() {
    let out = readout()
        .arg("compare")
        .args(FLAGSHIP)
        .args(["-f", "json"])
        .output()
        .expect("runs");
    let json = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!json.contains("\"intensity"), "intensity without the flag");
    assert!(!json.contains("\"agenda\""), "agenda without the flag");
}

#[test]
fn the_json_with_both_flags_follows_its_schema() {
    let schema = serde_json::to_value(readout::schema::Output::CompareN.json_schema())
        .expect("schema as JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let out = readout()
        .arg("compare")
        .args(FLAGSHIP)
        .args(["--intensity", "--agenda", "us-china-defense", "-f", "json"])
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["agenda"]["name"], "us-china-defense");
    for t in doc["topics"].as_array().expect("topics") {
        for c in t["accounts"].as_array().expect("cells") {
            assert!(
                c.get("intensity").is_some(),
                "every cell has a level or null"
            );
        }
    }
    let claims = doc["account_claims"][2].as_array().expect("CNN's claims");
    assert!(claims.iter().all(|c| c["intensity"]["level"].is_u64()));
}

#[test]
fn agenda_topics_no_account_mentions_are_rows_and_a_section() {
    let dir = tempfile::tempdir().expect("tempdir");
    let agenda = dir.path().join("agenda.yaml");
    std::fs::write(&agenda, "- taiwan\n- korean-peninsula\n").expect("writes");
    let out = readout()
        .arg("compare")
        .args(FLAGSHIP)
        .arg("--agenda")
        .arg(&agenda)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "the exit code is the verdicts'");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let row = text
        .lines()
        .find(|l| l.starts_with("Korean Peninsula"))
        .expect("a matrix row");
    assert!(row.ends_with("∅ not mentioned by any account"), "{row}");
    assert!(text.contains("\nKorean Peninsula\n  ∅ not mentioned by any account (on the agenda "));
    assert!(text.contains("1 agenda topic not mentioned by any account (agenda "));
    for (format, expected) in [
        ("markdown", "## Not mentioned by any account"),
        ("html", "<tr class=\"unmentioned\">"),
    ] {
        readout()
            .arg("compare")
            .args(FLAGSHIP)
            .arg("--agenda")
            .arg(&agenda)
            .args(["-f", format])
            .assert()
            .code(1)
            .stdout(predicate::str::contains(expected));
    }
}

#[test]
fn an_unknown_agenda_is_refused_with_three_accounts_too() {
    // The flag was once read only with two files; it is never ignored.
    readout()
        .arg("compare")
        .args(FLAGSHIP)
        .args(["--agenda", "us-china-defence"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `us-china-defense`?"));
}
