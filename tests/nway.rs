//! Three or more accounts (`readout compare A B C ...`): the guarantees of
//! the two-account report, kept — each claim in exactly one topic, a
//! permutation of the inputs permutes the report, determinism, escaped text,
//! exit codes and `--fail-on` over all pairs — and the flagship's three-way
//! report (DoD, Xinhua/MND, CNN) snapshotted in every format.

use std::collections::BTreeSet;

use assert_cmd::Command;
use predicates::prelude::*;
use proptest::prelude::*;
use readout::load::{self, Limits, load_path, yaml::quote};
use readout::model::Readout;
use readout::nway::{NwayReport, compare_all};
use readout::render::{Format, Made, nway::render};
use readout::{Taxonomy, compare};
use serde_json::Value;

const DIR: &str = "readouts/2024-05-31-singapore";
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

fn rendered(report: &NwayReport, format: Format, color: bool) -> String {
    let made = Made::from_source_date_epoch(Some(SOURCE_DATE_EPOCH)).expect("a time");
    let mut out = Vec::new();
    render(report, format, color, &made, &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn the_flagships_three_accounts_in_every_format() {
    let report = compare_all(&flagship(), &Taxonomy::built_in());
    for (format, ext) in [
        (Format::Text, "txt"),
        (Format::Json, "json"),
        (Format::Markdown, "md"),
        (Format::Html, "html"),
    ] {
        let mut text = rendered(&report, format, false);
        if format == Format::Html {
            // The stylesheet is reviewed as the files it is kept in.
            let start = text.find("<style>").expect("a stylesheet") + "<style>".len();
            let end = text.find("</style>").expect("a stylesheet");
            text.replace_range(start..end, "\n/* the page's stylesheet */\n");
        }
        insta::assert_snapshot!(format!("2024-05-31-singapore-3.{ext}"), text);
    }
}

#[test]
fn the_flagships_matrix_says_who_speaks_to_what() {
    let report = compare_all(&flagship(), &Taxonomy::built_in());
    let topic = |id: &str| {
        report
            .topics
            .iter()
            .find(|t| t.topic == id)
            .unwrap_or_else(|| panic!("no topic {id}"))
    };
    // Only the press report tells of Dong's warning over the Philippines:
    // both official accounts leave it out.
    let philippines = topic("philippines");
    assert!(philippines.accounts[0].claims.is_empty());
    assert!(philippines.accounts[1].claims.is_empty());
    assert_eq!(philippines.accounts[2].claims, ["cnn-12", "cnn-13"]);
    let verdicts: Vec<_> = philippines.pairs.iter().map(|p| p.verdict).collect();
    assert_eq!(
        verdicts,
        [
            None,
            Some(readout::classify::Verdict::Omission),
            Some(readout::classify::Verdict::Omission)
        ]
    );
    assert_eq!(philippines.pairs[1].omitted_by, Some(0));
    // Taiwan: all three speak, and the official accounts contradict each other.
    let taiwan = topic("taiwan");
    assert!(taiwan.accounts.iter().all(|c| !c.claims.is_empty()));
    assert_eq!(
        taiwan.pairs[0].verdict,
        Some(readout::classify::Verdict::Contradiction)
    );
    assert_eq!(
        taiwan.accounts[1].stance,
        Some(readout::nway::CellStance::Critical)
    );
}

#[test]
fn with_two_accounts_each_pair_is_the_two_account_comparison() {
    // Over every corpus pair: the N-way machinery given two accounts files
    // every claim where `compare` does and gives every topic its verdict.
    let taxonomy = Taxonomy::built_in();
    let limits = Limits::default();
    let mut dirs: Vec<_> = std::fs::read_dir("readouts")
        .expect("readouts/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("us.yaml").is_file() && p.join("cn.yaml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let load = |f: &str| load_path(&dir.join(f).display().to_string(), &limits).expect("loads");
        let (us, cn) = (load("us.yaml"), load("cn.yaml"));
        let two = compare(&us, &cn, &taxonomy);
        let n = compare_all(&[us, cn], &taxonomy);
        let from_two: Vec<_> = two
            .topics
            .iter()
            .map(|t| (t.topic.clone(), t.left.clone(), t.right.clone(), t.verdict))
            .collect();
        let from_n: Vec<_> = n
            .topics
            .iter()
            .map(|t| {
                (
                    t.topic.clone(),
                    t.accounts[0].claims.clone(),
                    t.accounts[1].claims.clone(),
                    t.pairs[0].verdict.expect("one of the two speaks"),
                )
            })
            .collect();
        assert_eq!(from_two, from_n, "{}", dir.display());
    }
}

// --- Properties over generated accounts -----------------------------------

const SUBJECTS: &[&str] = &[
    "Austin",
    "Dong",
    "The U.S. side",
    "The Chinese side",
    "Both sides",
];
const VERBS: &[&str] = &[
    "raised concerns about",
    "welcomed",
    "firmly opposes",
    "condemned",
    "agreed to maintain",
    "stressed the importance of",
    "discussed",
    "denied any role in",
    "urged restraint on",
];
const OBJECTS: &[&str] = &[
    "provocative military activity around the Taiwan Strait",
    "freedom of navigation in the South China Sea",
    "China's support for Russia's defense industrial base",
    "military-to-military communication",
    "counternarcotics cooperation on fentanyl",
    "export controls on advanced chips",
    "cyber attacks on critical infrastructure",
    "the deployment of missile systems in the Philippines",
    "lunch with noodles at the venue",
];
const SIDES: [(&str, &str, &str); 3] = [
    ("a.yaml", "United States", "us"),
    ("b.yaml", "China", "cn"),
    ("c.yaml", "Press", "pr"),
];

fn claim_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SUBJECTS),
        prop::sample::select(VERBS),
        prop::sample::select(OBJECTS),
    )
        .prop_map(|(s, v, o)| format!("{s} {v} {o}."))
}

fn account(file: &str, side: &str, prefix: &str, texts: &[String]) -> Readout {
    let participants =
        "participants:\n  - {name: Austin, side: United States}\n  - {name: Dong, side: China}\n";
    let mut y = format!("source: {{side: {}}}\n{participants}claims:\n", quote(side));
    for (i, t) in texts.iter().enumerate() {
        y.push_str(&format!(
            "  - id: {prefix}-{}\n    text: {}\n",
            i + 1,
            quote(t)
        ));
    }
    load::load_str(file, &y, &Limits::default()).expect("generated accounts are valid")
}

fn three() -> impl Strategy<Value = Vec<Readout>> {
    prop::collection::vec(prop::collection::vec(claim_text(), 1..6), 3).prop_map(|texts| {
        SIDES
            .iter()
            .zip(&texts)
            .map(|((file, side, prefix), t)| account(file, side, prefix, t))
            .collect()
    })
}

/// A topic as the accounts' files see it, whatever their order: each file's
/// claims, and per pair of files its verdict, its silent file, and its
/// claim pairs with their relations (the reason's wording follows the order
/// given, so it is left out).
/// A cell as its file sees it: the file, its claims, and with `--intensity`
/// its strongest claim and level.
type CellView = (String, Vec<String>, Option<(String, u8)>);

type TopicView = (
    String,
    Vec<CellView>,
    Vec<(
        String,
        String,
        String,
        String,
        BTreeSet<(String, String, String)>,
    )>,
);

fn view(report: &NwayReport) -> Vec<TopicView> {
    let file = |a: usize| report.accounts[a].file.clone();
    report
        .topics
        .iter()
        .map(|t| {
            // With `--intensity`, each cell's strongest claim and level.
            let mut cells: Vec<CellView> = t
                .accounts
                .iter()
                .enumerate()
                .map(|(a, c)| {
                    let level = c.intensity.clone().flatten().map(|s| (s.claim, s.level));
                    (file(a), c.claims.clone(), level)
                })
                .collect();
            cells.sort();
            let mut pairs: Vec<_> = t
                .pairs
                .iter()
                .map(|p| {
                    let [i, j] = p.accounts;
                    let swap = file(i) > file(j);
                    let (lo, hi) = if swap { (j, i) } else { (i, j) };
                    let claims = p
                        .pairs
                        .iter()
                        .map(|c| {
                            let (x, y) = if swap {
                                (c.right.clone(), c.left.clone())
                            } else {
                                (c.left.clone(), c.right.clone())
                            };
                            // An intensity note's levels, in the files' order.
                            let gap = c.intensity_gap.as_ref().map(|g| {
                                if swap {
                                    (g.right, g.left)
                                } else {
                                    (g.left, g.right)
                                }
                            });
                            (x, y, format!("{:?} {gap:?}", c.relation))
                        })
                        .collect();
                    (
                        file(lo),
                        file(hi),
                        format!("{:?}", p.verdict),
                        p.omitted_by.map(file).unwrap_or_default(),
                        claims,
                    )
                })
                .collect();
            pairs.sort();
            (t.topic.clone(), cells, pairs)
        })
        .collect()
}

const PERMUTATIONS: [[usize; 3]; 6] = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_permutation_of_the_inputs_permutes_the_report(accounts in three()) {
        let taxonomy = Taxonomy::built_in();
        // With intensity: the levels and notes are permuted with the rest.
        let compared = |accounts: &[Readout]| {
            let mut report = compare_all(accounts, &taxonomy);
            readout::intensity::nway::annotate(&mut report);
            report
        };
        let first = view(&compared(&accounts));
        for order in PERMUTATIONS {
            let permuted: Vec<Readout> = order.iter().map(|&a| accounts[a].clone()).collect();
            let report = compared(&permuted);
            prop_assert_eq!(&view(&report), &first, "order {:?}", order);
            let files: Vec<&str> = report.accounts.iter().map(|a| a.file.as_str()).collect();
            let expected: Vec<&str> = order.iter().map(|&a| SIDES[a].0).collect();
            prop_assert_eq!(files, expected, "columns in the order given");
        }
    }

    #[test]
    fn each_claim_is_in_exactly_one_topic(accounts in three()) {
        let report = compare_all(&accounts, &Taxonomy::built_in());
        for (a, readout) in accounts.iter().enumerate() {
            let mut filed: Vec<&str> = report
                .topics
                .iter()
                .flat_map(|t| t.accounts[a].claims.iter().map(String::as_str))
                .collect();
            filed.sort_unstable();
            let mut ids: Vec<&str> = readout.claims.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            prop_assert_eq!(filed, ids);
        }
        // Every topic is spoken to by someone, and every pair is listed.
        for t in &report.topics {
            prop_assert!(t.accounts.iter().any(|c| !c.claims.is_empty()));
            prop_assert_eq!(t.pairs.len(), 3);
        }
    }

    #[test]
    fn output_is_deterministic(accounts in three()) {
        let taxonomy = Taxonomy::built_in();
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            let once = rendered(&compare_all(&accounts, &taxonomy), format, true);
            let again = rendered(&compare_all(&accounts.clone(), &taxonomy), format, true);
            prop_assert_eq!(once, again);
        }
    }
}

// --- The command line -------------------------------------------------------

#[test]
fn three_files_make_the_matrix_and_differences_exit_1() {
    readout()
        .arg("compare")
        .args(FLAGSHIP)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("readout: 3 accounts\n"))
        .stdout(predicate::str::contains(
            "  C  Press (CNN, 2024-05-31)  readouts/2024-05-31-singapore/cnn.yaml",
        ))
        .stdout(predicate::str::contains("  A–C: "))
        .stderr(predicate::str::is_empty());
}

#[test]
fn the_json_names_its_own_contract() {
    let out = readout()
        .arg("compare")
        .args(FLAGSHIP)
        .args(["-f", "json"])
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["schema"], "readout/compare-n/1");
    assert_eq!(doc["accounts"].as_array().expect("accounts").len(), 3);
    assert_eq!(doc["accounts"][2]["issuer"], "CNN");
    let pairs: Vec<&Value> = doc["pairs"].as_array().expect("pairs").iter().collect();
    let names: Vec<String> = pairs.iter().map(|p| p["accounts"].to_string()).collect();
    assert_eq!(names, ["[0,1]", "[0,2]", "[1,2]"]);
    for t in doc["topics"].as_array().expect("topics") {
        for field in ["topic", "label", "adhoc", "accounts", "pairs"] {
            assert!(t.get(field).is_some(), "topic field {field}");
        }
        for c in t["accounts"].as_array().expect("cells") {
            assert!(c.get("claims").is_some() && c.get("stance").is_some());
        }
        for p in t["pairs"].as_array().expect("pairs") {
            for field in ["accounts", "verdict", "omitted_by", "pairs"] {
                assert!(p.get(field).is_some(), "pair field {field}");
            }
        }
    }
}

/// Three small accounts: all agree on communication; only the first speaks
/// of cyber (an omission for two pairs); no contradiction anywhere.
fn agreeing(dir: &tempfile::TempDir) -> Vec<String> {
    let write = |name: &str, side: &str, extra: &str| {
        let text = format!(
            "source: {{side: {side}}}\nclaims:\n  - text: The two sides agreed to maintain military-to-military communication.\n{extra}"
        );
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("writes");
        path.display().to_string()
    };
    vec![
        write(
            "a.yaml",
            "United States",
            "  - text: Austin discussed cyber attacks on critical infrastructure.\n",
        ),
        write("b.yaml", "China", ""),
        write("c.yaml", "Press", ""),
    ]
}

#[test]
fn fail_on_counts_the_verdicts_of_every_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = agreeing(&dir);
    for (level, code) in [
        ("any", 1),
        ("omission", 1),
        ("contradiction", 0),
        ("none", 0),
    ] {
        readout()
            .arg("compare")
            .args(&files)
            .args(["--fail-on", level, "-f", "json"])
            .assert()
            .code(code);
    }
}

#[test]
fn no_differences_exit_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, side: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!("source: {{side: {side}}}\nclaims:\n  - text: The two sides agreed to maintain military-to-military communication.\n"),
        )
        .expect("writes");
        path.display().to_string()
    };
    readout()
        .arg("compare")
        .args([
            write("a.yaml", "United States"),
            write("b.yaml", "China"),
            write("c.yaml", "Press"),
        ])
        .assert()
        .code(0);
}

#[test]
fn a_bad_third_file_is_named_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "source: {side: Press}\nclaimz:\n  - text: x\n").expect("writes");
    let bad = bad.display().to_string();
    readout()
        .arg("compare")
        .args(&FLAGSHIP[..2])
        .arg(&bad)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(format!(
            "{bad}:2:1: unknown key `claimz`"
        )));
}

#[test]
fn trouble_exits_2() {
    let [us, cn, cnn] = FLAGSHIP;
    // One file twice; standard input twice; a missing file.
    readout()
        .args(["compare", us, cn, us])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("are the same file"));
    readout()
        .args(["compare", us, "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only one account can be `-`"));
    readout()
        .args(["compare", us, cn, &format!("{DIR}/missing.yaml")])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty());
    // Standard input as the third account.
    readout()
        .args(["compare", us, cn, "-"])
        .write_stdin(std::fs::read_to_string(cnn).expect("corpus"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("C  Press (CNN, 2024-05-31)"));
}

#[test]
fn an_html_file_is_a_page_of_the_matrix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("brief.html");
    readout()
        .arg("compare")
        .args(FLAGSHIP)
        .arg("-o")
        .arg(&page)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let html = std::fs::read_to_string(&page).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<table class=\"matrix\">"));
    assert!(html.contains("<th scope=\"col\">A–C</th>"));
    // Self-contained: nothing to fetch.
    for external in ["<script", "<link", "src=\"http", "url(http"] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn text_from_the_accounts_is_escaped_in_every_format() {
    let taxonomy = Taxonomy::built_in();
    let limits = Limits::default();
    let accounts: Vec<Readout> = [
        "tests/fixtures/hostile/us.yaml",
        "tests/fixtures/hostile/cn.yaml",
        FLAGSHIP[2],
    ]
    .iter()
    .map(|f| load_path(f, &limits).expect("loads"))
    .collect();
    let report = compare_all(&accounts, &taxonomy);
    for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
        let out = rendered(&report, format, false);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{format:?}: a raw control character"
        );
        assert!(!out.contains('\u{202e}'), "{format:?}: a bidi override");
        if format == Format::Html {
            assert!(!out.contains("<script>"), "no markup from a readout");
            assert!(!out.contains("<img"), "no markup from a readout");
        }
    }
}

#[test]
fn eval_scores_the_pair_its_answer_names_and_reads_no_third_account() {
    let out = readout()
        .args(["eval", DIR, "-f", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pair = &doc["pairs"][0];
    assert_eq!(
        (pair["left_claims"].as_u64(), pair["right_claims"].as_u64()),
        (Some(6), Some(5))
    );
    assert_eq!(doc["pairs"].as_array().expect("pairs").len(), 1);
}

#[test]
fn the_json_follows_its_schema() {
    let schema = serde_json::to_value(readout::schema::Output::CompareN.json_schema())
        .expect("schema as JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let out = readout()
        .arg("compare")
        .args(FLAGSHIP)
        .args(["-f", "json"])
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
