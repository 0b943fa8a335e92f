//! `readout check` through the binary: history cases built from the corpus
//! in readouts/, the other side's account, bad files, an empty archive, the
//! cache, and the JSON contract.

mod support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const SINGAPORE_US: &str = "readouts/2024-05-31-singapore/us.yaml";

/// The corpus meetings before the Singapore one.
fn prior_meetings() -> u64 {
    std::fs::read_dir("readouts")
        .expect("corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("us.yaml").is_file())
        .filter(|e| e.file_name().to_string_lossy().as_ref() < "2024-05-31")
        .count() as u64
}

/// An archive of the corpus: both accounts of every meeting before the
/// Singapore one, the Chinese account of Singapore, and the analysts'
/// expected.yaml files (YAML that is not a readout).
fn corpus_archive(dir: &Path) -> PathBuf {
    let archive = dir.join("archive");
    for entry in std::fs::read_dir("readouts").expect("corpus") {
        let meeting = entry.expect("entry").path();
        let name = meeting
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let singapore = name == "2024-05-31-singapore";
        if !singapore && name.get(..10).is_none_or(|day| day >= "2024-05-31") {
            continue;
        }
        std::fs::create_dir_all(archive.join(&name)).expect("mkdir");
        for file in ["us.yaml", "cn.yaml", "expected.yaml"] {
            if singapore && file == "us.yaml" {
                continue; // that is the new readout
            }
            std::fs::copy(meeting.join(file), archive.join(&name).join(file)).expect("copy");
        }
    }
    archive
}

/// The Singapore US readout with `extra` claims (YAML list items) added.
fn new_readout(dir: &Path, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(SINGAPORE_US).expect("corpus");
    let text = text.replacen("claims:\n", &format!("claims:\n{extra}"), 1);
    let path = dir.join("new.yaml");
    std::fs::write(&path, text).expect("write");
    path
}

fn readout() -> Command {
    Command::cargo_bin("readout").expect("binary")
}

/// Runs `check NEW --against ARCHIVE ARGS -f json`: exit code, report, stderr.
fn check_json(new: &Path, against: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = readout()
        .arg("check")
        .arg(new)
        .arg("--against")
        .arg(against)
        .args(["-f", "json"])
        .args(if args.contains(&"--cache") {
            &[][..]
        } else {
            &["--no-cache"][..]
        })
        .args(args)
        .output()
        .expect("runs");
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ids(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|x| x[field].as_str().unwrap_or_default().to_string())
        .collect()
}

const DPRK_TURN: &str = "  - id: us-20\n    text: Austin welcomed recent steps from the Democratic People's Republic of Korea (DPRK).\n    speaker: Austin\n";
const SPACE: &str = "  - id: us-21\n    text: Austin raised concerns about China's counterspace weapons and outer space security.\n";

#[test]
fn a_topic_raised_for_the_first_time_is_new() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let (code, r, _) = check_json(&new_readout(dir.path(), SPACE), &archive, &[]);
    assert_eq!(code, 1);
    let space = r["new_topics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["topic"] == "space")
        .expect("space is new");
    assert_eq!(space["claims"], serde_json::json!(["us-21"]));
    assert!(
        !ids(&r["new_topics"], "topic").contains(&"taiwan".to_string()),
        "Taiwan was raised before"
    );
    assert_eq!(r["history"]["counterpart"], "China");
    assert_eq!(r["history"]["readouts"], prior_meetings());
}

#[test]
fn a_topic_most_recent_readouts_raised_and_the_new_one_drops_is_dropped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let new = dir.path().join("short.yaml");
    std::fs::write(
        &new,
        "meeting: {date: 2024-06-30}\nsource: {side: U.S.}\nclaims:\n  - text: Austin discussed China's nuclear buildup.\n",
    )
    .expect("write");
    let (code, r, _) = check_json(&new, &archive, &[]);
    assert_eq!(code, 1);
    let dropped = r["dropped_topics"].as_array().expect("list");
    let mil = dropped
        .iter()
        .find(|t| t["topic"] == "military-communication")
        .expect("military communication dropped");
    assert!(mil["raised_by"].as_u64().expect("n") * 2 >= mil["recent"].as_u64().expect("n"));
    assert!(
        mil["last"]["file"]
            .as_str()
            .expect("file")
            .contains("2024-04-"),
        "the last readouts before Singapore raised it"
    );
    assert!(
        !ids(&r["dropped_topics"], "topic").contains(&"nuclear".to_string()),
        "still raised"
    );
    // A window of one: only the latest readout counts as history.
    let (_, r, _) = check_json(&new, &archive, &["--window", "1", "--recent", "1"]);
    assert_eq!(r["history"]["readouts"], 1);
    let latest = std::fs::read_dir("readouts")
        .expect("corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("us.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.as_str() < "2024-05-31")
        .max()
        .expect("a prior meeting");
    assert_eq!(r["history"]["first"], latest[..10]);
}

#[test]
fn criticism_worded_levels_harder_is_an_escalation_with_its_direction() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    // The last prior readout "discussed concerns about PRC support to the
    // Russian defense industrial base"; the new one threatens consequences.
    let new = new_readout(
        dir.path(),
        "  - id: us-90\n    text: Austin indicated to China that there would be consequences if Beijing continues to support Russia militarily.\n",
    );
    let (_, r, _) = check_json(&new, &archive, &[]);
    let shifts = r["stance_shifts"].as_array().expect("list");
    let on = |topic: &str| {
        shifts
            .iter()
            .find(|s| s["topic"] == topic)
            .unwrap_or_else(|| panic!("a shift on {topic}: {shifts:#?}"))
    };
    // The same concern, now with "consequences": a shift of intensity
    // alone, shown between the claims worded hardest.
    let ukraine = on("russia-ukraine");
    assert_eq!(ukraine["change"], "concern → warning");
    assert_eq!(ukraine["direction"], "escalation");
    assert_eq!(ukraine["after"]["id"], "us-90");
    assert_eq!(ukraine["intensity"]["after"]["level"], 6);
    let text = readout()
        .arg("check")
        .arg(&new)
        .arg("--against")
        .arg(&archive)
        .args(["--no-cache", "--color", "never"])
        .output()
        .expect("runs");
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(
        text.contains("Russia's war in Ukraine: concern → warning (escalation: presses → warns)"),
        "{text}"
    );
}

#[test]
fn a_stance_shift_shows_both_wordings_and_a_self_contradiction_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let (_, r, _) = check_json(&new_readout(dir.path(), DPRK_TURN), &archive, &[]);
    let shift = r["stance_shifts"]
        .as_array()
        .expect("list")
        .iter()
        .find(|s| s["topic"] == "korean-peninsula")
        .expect("a shift on the Korean Peninsula");
    assert_eq!(shift["change"], "critical → positive");
    assert_eq!(shift["direction"], "de-escalation");
    assert!(
        shift["before"]["text"]
            .as_str()
            .expect("text")
            .contains("expressed concerns")
    );
    assert_eq!(shift["after"]["id"], "us-20");

    let c = r["contradictions"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["claim"]["id"] == "us-20")
        .expect("found");
    assert_eq!(c["earlier"]["id"], "us-6");
    assert!(
        c["earlier"]["file"]
            .as_str()
            .expect("file")
            .contains("2024-04-16-video-call")
    );
    assert!(c["similarity"].as_f64().expect("number") >= 0.5);
    // --fail-on contradiction fails on it.
    let (code, _, _) = check_json(
        &new_readout(dir.path(), DPRK_TURN),
        &archive,
        &["--fail-on", "contradiction"],
    );
    assert_eq!(code, 1);

    let closest = r["closest"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["claim"]["id"] == "us-20")
        .expect("found");
    assert_eq!(closest["earlier"]["id"], "us-6");
    assert_eq!(closest["reworded"], true);
    let diff = closest["diff"].as_array().expect("diff");
    let rebuilt: String = diff
        .iter()
        .filter(|d| d["op"] != "removed")
        .map(|d| d["text"].as_str().expect("text"))
        .collect();
    assert_eq!(rebuilt, closest["claim"]["text"].as_str().expect("text"));
    assert!(
        diff.iter()
            .any(|d| d["op"] == "removed" && d["text"].as_str().expect("t").contains("concerns"))
    );
}

/// Each new claim's self-contradiction: (new claim id, earlier file, earlier id).
fn self_contradictions(r: &Value) -> Vec<(String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    r["contradictions"]
        .as_array()
        .expect("list")
        .iter()
        .map(|c| {
            let e = &c["earlier"];
            (text(&c["claim"]["id"]), text(&e["file"]), text(&e["id"]))
        })
        .collect()
}

/// A US readout of one claim, `us-1`, dated `date`, with Austin and Dong.
fn one_claim_us_readout(date: &str, text: &str) -> String {
    format!(
        "meeting: {{date: {date}}}\nsource: {{side: United States}}\nparticipants:\n  - {{name: Austin, side: United States}}\n  - {{name: Dong, side: China}}\nclaims:\n  - id: us-1\n    text: {text}\n"
    )
}

#[test]
fn restating_part_of_an_earlier_claim_is_no_self_contradiction() {
    // In 2022 Austin "reaffirmed the importance of peace and stability
    // across the (Taiwan) Strait, opposition to unilateral changes to the
    // status quo, and called on (China) to refrain ..."; in 2024 he "also
    // reaffirmed the importance of peace and stability across the Taiwan
    // Strait". The earlier claim makes the new one's point under the same cue.
    let (_, r, _) = check_json(Path::new(SINGAPORE_US), Path::new("readouts"), &[]);
    let found = self_contradictions(&r);
    assert!(
        !found.iter().any(|(id, file, earlier)| id == "us-5"
            && file.ends_with("2022-06-10-singapore/us.yaml")
            && earlier == "us-1"),
        "{found:?}"
    );
}

#[test]
fn a_side_that_turns_against_what_it_welcomed_contradicts_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).expect("mkdir");
    let earlier = |name: &str, text: &str| {
        std::fs::write(archive.join(name), one_claim_us_readout("2023-01-10", text))
            .expect("write");
    };
    earlier(
        "welcomed.yaml",
        "Austin welcomed the new maritime consultation mechanism.",
    );
    // The same point under the same cue, beside a criticism of something else.
    earlier(
        "restated.yaml",
        "Austin welcomed the new maritime consultation mechanism, and opposed unilateral changes to the status quo.",
    );
    let new = dir.path().join("new.yaml");
    let check = |text: &str| {
        std::fs::write(&new, one_claim_us_readout("2024-06-01", text)).expect("write");
        let (_, r, _) = check_json(&new, &archive, &[]);
        self_contradictions(&r)
            .into_iter()
            .map(|(_, file, _)| file.rsplit('/').next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        check("Austin opposed the new maritime consultation mechanism."),
        ["welcomed.yaml"],
        "it welcomed the mechanism before and opposes it now"
    );
    assert_eq!(
        check("Austin welcomed the new maritime consultation mechanism."),
        Vec::<String>::new(),
        "a restatement of the earlier criticism-bearing claim contradicts nothing"
    );
}

#[test]
fn valuing_what_an_earlier_criticism_defended_is_no_self_contradiction() {
    // In 2022 Biden "strongly opposes unilateral efforts to change the status
    // quo or undermine peace and stability across the Taiwan Strait"; in
    // Malta in 2023 the United States "noted the importance of peace and
    // stability across the Taiwan Strait".
    let (_, r, _) = check_json(
        Path::new("readouts/2023-09-17-malta/us.yaml"),
        Path::new("readouts"),
        &[],
    );
    let found = self_contradictions(&r);
    assert!(
        !found.iter().any(|(id, file, earlier)| id == "us-8"
            && file.ends_with("2022-07-28-phone-call/us.yaml")
            && earlier == "us-7"),
        "{found:?}"
    );
}

#[test]
fn defending_a_point_against_harm_is_no_contradiction_of_making_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).expect("mkdir");
    let new = dir.path().join("new.yaml");
    // The earlier claim alone in the archive, then the new one checked against it.
    let check = |earlier: &str, now: &str| {
        std::fs::write(
            archive.join("earlier.yaml"),
            one_claim_us_readout("2023-01-10", earlier),
        )
        .expect("write");
        std::fs::write(&new, one_claim_us_readout("2024-06-01", now)).expect("write");
        let (_, r, _) = check_json(&new, &archive, &[]);
        self_contradictions(&r).len()
    };
    // Opposing what undermines freedom of navigation stands for it.
    assert_eq!(
        check(
            "Austin opposed any attempt to undermine freedom of navigation and overflight in the South China Sea.",
            "Austin stressed the importance of freedom of navigation and overflight in the South China Sea.",
        ),
        0,
        "the earlier criticism defends what the new claim values"
    );
    assert_eq!(
        check(
            "Austin criticised the patrols, which undermine freedom of navigation in the South China Sea.",
            "Austin valued freedom of navigation in the South China Sea.",
        ),
        0,
        "the harm a criticism names defends its object"
    );
    // What the criticism targets is not defended.
    assert_eq!(
        check(
            "Austin opposed the maritime militia's patrols, which undermine freedom of navigation in the South China Sea.",
            "Austin welcomed the maritime militia's patrols in the South China Sea.",
        ),
        1,
        "it opposed the patrols before and welcomes them now"
    );
}

#[test]
fn the_other_sides_account_of_the_same_meeting_is_compared_in_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let (_, r, stderr) = check_json(Path::new(SINGAPORE_US), &archive, &[]);
    assert_eq!(
        stderr, "",
        "expected.yaml files are not readouts and are ignored quietly"
    );
    assert_eq!(
        r["archive"]["ignored"].as_array().expect("list").len() as u64,
        prior_meetings() + 1
    );
    let other = r["other_side"].as_array().expect("list");
    assert_eq!(other.len(), 1);
    assert!(
        other[0]["file"]
            .as_str()
            .expect("file")
            .ends_with("2024-05-31-singapore/cn.yaml")
    );
    let report = &other[0]["report"];
    assert_eq!(report["left"]["side"], "United States");
    assert_eq!(report["right"]["side"], "China");
    assert!(
        report["topics"]
            .as_array()
            .expect("topics")
            .iter()
            .any(|t| t["verdict"] == "contradiction")
    );
}

#[test]
fn the_press_account_of_the_meeting_is_a_third_party_not_the_other_side() {
    // readouts/ holds CNN's report of the Singapore meeting (`side: Press`)
    // beside China's account: both are compared, only China's is the
    // counterpart's.
    let (_, r, _) = check_json(Path::new(SINGAPORE_US), Path::new("readouts"), &[]);
    let kinds: Vec<(String, String)> = r["other_side"]
        .as_array()
        .expect("list")
        .iter()
        .map(|o| {
            let file = o["file"].as_str().expect("file");
            let name = file.rsplit('/').next().expect("name").to_string();
            (name, o["kind"].as_str().expect("kind").to_string())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("cn.yaml".to_string(), "counterpart".to_string()),
            ("cnn.yaml".to_string(), "third-party".to_string())
        ]
    );
    assert_eq!(r["summary"]["other_side"], 2);
    assert_eq!(r["summary"]["third_party"], 1);
    for (format, counterpart, press) in [
        (
            "text",
            "OTHER SIDE'S ACCOUNT: readouts/2024-05-31-singapore/cn.yaml",
            "THIRD-PARTY ACCOUNT: readouts/2024-05-31-singapore/cnn.yaml",
        ),
        (
            "markdown",
            "## Other side's account: readouts/2024-05-31-singapore/cn.yaml",
            "## Third-party account: readouts/2024-05-31-singapore/cnn.yaml",
        ),
    ] {
        let out = readout()
            .args([
                "check",
                SINGAPORE_US,
                "--against",
                "readouts",
                "--no-cache",
                "-f",
                format,
            ])
            .output()
            .expect("runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(text.contains(counterpart), "{format}: {counterpart}");
        assert!(text.contains(press), "{format}: {press}");
        assert!(!text.contains("OTHER SIDE'S ACCOUNT: readouts/2024-05-31-singapore/cnn.yaml"));
    }
}

#[test]
fn a_bad_file_in_the_archive_is_reported_and_skipped_or_with_strict_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    std::fs::write(
        archive.join("broken.yaml"),
        "source: {side: US}\nclaims:\n  - txt: oops\n",
    )
    .expect("write");
    std::fs::write(archive.join("binary.yml"), b"source:\0\xff\xfe").expect("write");
    let new = new_readout(dir.path(), "");
    let (code, r, stderr) = check_json(&new, &archive, &[]);
    assert_eq!(code, 1, "the check still ran");
    assert!(
        stderr.contains("warning: skipped") && stderr.contains("broken.yaml:3:5"),
        "{stderr}"
    );
    assert!(stderr.contains("binary.yml"), "{stderr}");
    let skipped = ids(&r["archive"]["skipped"], "file");
    assert_eq!(skipped.len(), 2);
    assert!(skipped.iter().any(|f| f.ends_with("broken.yaml")));
    assert_eq!(
        r["history"]["readouts"],
        prior_meetings(),
        "the good files were used"
    );

    let out = readout()
        .arg("check")
        .arg(&new)
        .arg("--against")
        .arg(&archive)
        .args(["--strict", "--no-cache"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: skipped") && stderr.contains("broken.yaml:3:5"),
        "{stderr}"
    );
}

#[test]
fn an_empty_archive_has_no_history_and_nothing_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let (code, r, _) = check_json(Path::new(SINGAPORE_US), &empty, &[]);
    assert_eq!(code, 0);
    assert_eq!(r["archive"]["files"], 0);
    assert_eq!(r["history"]["readouts"], 0);
    for list in [
        "new_topics",
        "dropped_topics",
        "stance_shifts",
        "contradictions",
        "other_side",
    ] {
        assert_eq!(r[list], serde_json::json!([]), "{list}");
    }
    assert!(
        r["closest"]
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["earlier"].is_null())
    );
    readout()
        .args(["check", SINGAPORE_US, "--no-cache", "--against"])
        .arg(&empty)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("No prior United States readouts"));
}

#[test]
fn trouble_exits_2_with_a_message() {
    readout()
        .args([
            "check",
            SINGAPORE_US,
            "--no-cache",
            "--against",
            "no/such/dir",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("no/such/dir: no such file"));
    let dir = tempfile::tempdir().expect("tempdir");
    let undated = dir.path().join("undated.yaml");
    std::fs::write(
        &undated,
        "source: {side: US}\nclaims:\n  - text: Austin spoke.\n",
    )
    .expect("write");
    readout()
        .arg("check")
        .arg(&undated)
        .args(["--no-cache", "--against", "readouts"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("meeting.date"));
    readout()
        .args([
            "check",
            SINGAPORE_US,
            "--no-cache",
            "--against",
            "readouts",
            "-f",
            "html",
        ])
        .assert()
        .code(2);
    readout()
        .args([
            "check",
            SINGAPORE_US,
            "--against",
            "readouts",
            "--window",
            "0",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_repeat_check_reads_normalized_claims_from_the_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let cache = dir.path().join("cache");
    let cache_arg = cache.to_string_lossy().into_owned();
    let new = new_readout(dir.path(), DPRK_TURN);
    let (_, first, _) = check_json(&new, &archive, &["--cache", &cache_arg]);
    assert_eq!(first["archive"]["cached"], 0);
    let (_, second, _) = check_json(&new, &archive, &["--cache", &cache_arg]);
    assert_eq!(
        second["archive"]["cached"],
        2 * prior_meetings() + 1,
        "every readout came from the cache"
    );
    let without = |mut r: Value| {
        r["archive"]["cached"] = Value::Null;
        r
    };
    assert_eq!(
        without(first),
        without(second.clone()),
        "the cache changes nothing in the report"
    );

    // A damaged cache file is ignored and rewritten.
    for f in std::fs::read_dir(&cache).expect("cache dir") {
        std::fs::write(f.expect("entry").path(), b"garbage").expect("damage");
    }
    let (code, third, _) = check_json(&new, &archive, &["--cache", &cache_arg]);
    assert_eq!(code, 1);
    assert_eq!(third["archive"]["cached"], 0);
    assert_eq!(without(third), without(second.clone()));

    // One changed byte anywhere, even in the claims the cache decodes only
    // when a check reports them, makes the whole file stale.
    let files: Vec<_> = std::fs::read_dir(&cache)
        .expect("cache dir")
        .map(|f| f.expect("entry").path())
        .collect();
    let len = std::fs::read(&files[0]).expect("cache file").len();
    for at in [len / 3, len / 2, len - 1] {
        for f in &files {
            let mut bytes = std::fs::read(f).expect("cache file");
            bytes[at] ^= 0x01;
            std::fs::write(f, bytes).expect("damage");
        }
        let (code, again, _) = check_json(&new, &archive, &["--cache", &cache_arg]);
        assert_eq!(code, 1);
        assert_eq!(again["archive"]["cached"], 0, "byte {at} changed");
        assert_eq!(without(again), without(second.clone()));
    }
}

#[test]
fn text_markdown_and_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    // Outer space is new to the archive: every section has something.
    let new = new_readout(dir.path(), &format!("{DPRK_TURN}{SPACE}"));
    let run = |format: &str| {
        let out = readout()
            .arg("check")
            .arg(&new)
            .arg("--against")
            .arg(&archive)
            .args(["--no-cache", "-f", format, "--color", "never"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let text = run("text");
    for heading in [
        "NEW TOPICS",
        "DROPPED TOPICS",
        "STANCE SHIFTS",
        "SELF-CONTRADICTIONS",
        "CLOSEST EARLIER CLAIMS",
    ] {
        assert!(text.contains(heading), "{heading} in\n{text}");
    }
    assert!(text.contains("OTHER SIDE'S ACCOUNT:") && text.contains("CONTRADICTION"));
    assert!(!text.contains('\u{1b}'), "no color when told so");
    let md = run("markdown");
    assert!(md.starts_with("# Check: United States 2024-05-31"), "{md}");
    assert!(md.contains("## Stance shifts") && md.contains("## Other side's account"));

    let file = dir.path().join("report.json");
    readout()
        .arg("check")
        .arg(&new)
        .arg("--against")
        .arg(&archive)
        .args(["--no-cache", "-f", "json", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("");
    let r: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("json");
    assert_eq!(r["new"]["side"], "United States");
    // --fail-on none: exit 0 whatever changed.
    let (code, _, _) = check_json(&new, &archive, &["--fail-on", "none"]);
    assert_eq!(code, 0);
}

#[test]
fn json_contract_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive = corpus_archive(dir.path());
    let (_, r, _) = check_json(
        &new_readout(dir.path(), &format!("{DPRK_TURN}{SPACE}")),
        &archive,
        &[],
    );
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    let has = |v: &Value, want: &[&str]| {
        let k = keys(v);
        for w in want {
            assert!(k.contains(&w.to_string()), "missing `{w}` in {k:?}");
        }
    };
    has(
        &r,
        &[
            "new",
            "archive",
            "history",
            "new_topics",
            "dropped_topics",
            "stance_shifts",
            "contradictions",
            "closest",
            "other_side",
            "summary",
        ],
    );
    has(
        &r["new"],
        &[
            "file",
            "side",
            "issuer",
            "date",
            "title",
            "counterpart",
            "claims",
        ],
    );
    has(
        &r["archive"],
        &["files", "readouts", "cached", "skipped", "ignored"],
    );
    has(
        &r["history"],
        &[
            "side",
            "counterpart",
            "readouts",
            "window",
            "recent",
            "first",
            "last",
            "undated",
        ],
    );
    has(&r["new_topics"][0], &["topic", "label", "claims"]);
    has(
        &r["dropped_topics"][0],
        &["topic", "label", "raised_by", "recent", "last"],
    );
    let earlier = [
        "file",
        "date",
        "id",
        "text",
        "line",
        "topic",
        "stance",
        "stance_kind",
        "stance_cue",
    ];
    has(&r["dropped_topics"][0]["last"], &earlier);
    has(
        &r["stance_shifts"][0],
        &["topic", "label", "change", "before", "after"],
    );
    has(
        &r["stance_shifts"][0]["after"],
        &[
            "id",
            "text",
            "line",
            "topic",
            "stance",
            "stance_kind",
            "stance_cue",
        ],
    );
    has(
        &r["contradictions"][0],
        &["claim", "earlier", "similarity", "reason"],
    );
    has(
        &r["closest"][0],
        &["claim", "earlier", "similarity", "reworded", "diff"],
    );
    has(&r["other_side"][0], &["file", "report"]);
    has(
        &r["other_side"][0]["report"],
        &["left", "right", "topics", "summary"],
    );
    has(
        &r["summary"],
        &[
            "new_topics",
            "dropped_topics",
            "stance_shifts",
            "contradictions",
            "reworded",
            "other_side",
        ],
    );
    assert_eq!(
        r["summary"]["contradictions"],
        r["contradictions"].as_array().expect("list").len()
    );
}

#[test]
fn a_generated_archive_checks_with_no_progress_bar_off_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = support::archive::write(&dir.path().join("archive"), 600, 4, 11).expect("generate");
    let new = files.last().expect("files").clone();
    let out = readout()
        .arg("check")
        .arg(&new)
        .arg("--against")
        .arg(dir.path().join("archive"))
        .args(["--no-cache", "-f", "json"])
        .output()
        .expect("runs");
    assert!(
        out.stderr.is_empty(),
        "stderr is not a terminal: no progress bar"
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        r["archive"]["files"], 599,
        "the new readout itself is left out"
    );
    assert_eq!(r["history"]["readouts"], 299);
    assert_eq!(r["closest"].as_array().expect("list").len(), 4);
    assert!(
        r["closest"][0]["earlier"].is_object(),
        "the vocabulary repeats: an earlier claim is close"
    );
}
