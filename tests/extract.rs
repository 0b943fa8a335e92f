//! `readout extract` over every source text in tests/fixtures/sources: the
//! output validates, reads back to the same claims, compares, is the same
//! bytes every time, and its topic and stance comments say what compare sees.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use readout::Taxonomy;
use readout::extract::{Options, extract, write::write};
use readout::load::{Limits, load_str};
use readout::normalize::normalize;

const SOURCES: &str = "tests/fixtures/sources";

fn readout() -> Command {
    let mut c = Command::cargo_bin("readout").expect("binary");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

/// Every readout text of the fixtures with the side it speaks for.
fn texts() -> Vec<(PathBuf, &'static str)> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(SOURCES)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    dirs.sort();
    for d in dirs {
        if d.is_dir() {
            out.push((d.join("us.txt"), "United States"));
            out.push((d.join("cn.txt"), "China"));
        } else if d.extension().is_some_and(|e| e == "txt") {
            out.push((d, "United States"));
        }
    }
    assert!(out.len() >= 19, "all source texts are present");
    out
}

fn extract_yaml(path: &Path, side: &str) -> String {
    let text = std::fs::read_to_string(path).expect("read text");
    let opts = Options {
        side: side.to_string(),
        ..Options::default()
    };
    let x = extract(
        &path.display().to_string(),
        &text,
        &opts,
        &Taxonomy::built_in(),
        &Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    write(&x, &mut out).expect("write");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_source_text_round_trips_through_the_loader() {
    for (path, side) in texts() {
        let text = std::fs::read_to_string(&path).expect("read text");
        let opts = Options {
            side: side.to_string(),
            ..Options::default()
        };
        let x = extract("t", &text, &opts, &Taxonomy::built_in(), &Limits::default())
            .expect("extracts");
        let mut out = Vec::new();
        write(&x, &mut out).expect("write");
        let yaml = String::from_utf8(out).expect("utf-8");
        let back = load_str("t", &yaml, &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}\n{yaml}", path.display()));
        assert_eq!(back.source.side, side);
        assert_eq!(
            back.claims.len(),
            x.readout.claims.len(),
            "{}",
            path.display()
        );
        for (a, b) in back.claims.iter().zip(&x.readout.claims) {
            assert_eq!(
                (&a.id, &a.text, &a.speaker, &a.quote),
                (&b.id, &b.text, &b.speaker, &b.quote)
            );
            assert_eq!(
                (&a.topic, &a.stance),
                (&None, &None),
                "detections are comments, not overrides"
            );
        }
    }
}

#[test]
fn source_lists_have_no_claims_and_say_why() {
    for d in std::fs::read_dir(SOURCES).expect("fixtures") {
        let d = d.expect("entry").path();
        if !d.is_dir() {
            continue;
        }
        let path = d.join("source.txt");
        let text = std::fs::read_to_string(&path).expect("read");
        let opts = Options {
            side: "China".into(),
            ..Options::default()
        };
        match extract(
            "source.txt",
            &text,
            &opts,
            &Taxonomy::built_in(),
            &Limits::default(),
        ) {
            Err(readout::Error::Input(e)) => {
                assert!(e.message.starts_with("no claims found"), "{}", e.message);
                assert!(e.message.contains("label line"), "{}", e.message);
            }
            other => panic!("{}: expected no claims, got {other:?}", path.display()),
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    for (path, side) in texts() {
        assert_eq!(
            extract_yaml(&path, side),
            extract_yaml(&path, side),
            "{}",
            path.display()
        );
    }
}

#[test]
fn bracketed_source_notes_never_become_claims() {
    for (path, side) in texts() {
        let yaml = extract_yaml(&path, side);
        let back = load_str("t", &yaml, &Limits::default()).expect("loads");
        for c in &back.claims {
            assert!(
                !c.text.starts_with('['),
                "{}: note kept as claim: {}",
                path.display(),
                c.text
            );
            assert!(
                !c.text.contains("TRUNCATED"),
                "{}: truncation note kept: {}",
                path.display(),
                c.text
            );
            assert!(
                !c.text.contains("http"),
                "{}: link kept: {}",
                path.display(),
                c.text
            );
        }
    }
}

/// The `# topic:` and `# stance:` comment lines under each claim, in order.
fn override_comments(yaml: &str) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    let mut topic = None;
    for line in yaml.lines() {
        if let Some(t) = line.strip_prefix("    # topic: ") {
            topic = Some(t.trim_matches('"').to_string());
        } else if let Some(s) = line.strip_prefix("    # stance: ") {
            out.push((topic.take(), s.trim_matches('"').to_string()));
        }
    }
    out
}

#[test]
fn comments_show_what_compare_detects_and_uncomment_into_valid_overrides() {
    let taxonomy = Taxonomy::built_in();
    for (path, side) in texts() {
        let yaml = extract_yaml(&path, side);
        let loaded = load_str("t", &yaml, &Limits::default()).expect("loads");
        let seen = normalize(&loaded, &taxonomy);
        let comments = override_comments(&yaml);
        assert_eq!(comments.len(), seen.claims.len(), "{}", path.display());
        for ((topic, _), claim) in comments.iter().zip(&seen.claims) {
            assert_eq!(
                topic.as_deref(),
                claim.topic.as_ref().map(|t| t.id.as_str()),
                "{}: {}",
                path.display(),
                claim.text
            );
        }
        // The analyst's way to correct: uncomment. The file still loads, and
        // the overrides reproduce what was detected.
        let edited = yaml
            .replace("    # topic: ", "    topic: ")
            .replace("    # stance: ", "    stance: ");
        let overridden = load_str("t", &edited, &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = normalize(&overridden, &taxonomy);
        for (a, b) in again.claims.iter().zip(&seen.claims) {
            assert_eq!(
                a.topic.as_ref().map(|t| &t.id),
                b.topic.as_ref().map(|t| &t.id)
            );
            assert_eq!(
                a.stance.polarity,
                b.stance.polarity,
                "{}: {}",
                path.display(),
                a.text
            );
        }
    }
}

#[test]
fn extract_validate_compare_through_the_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(SOURCES)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = d.file_name().expect("name").to_string_lossy().to_string();
        let us = dir.path().join(format!("{name}-us.yaml"));
        let cn = dir.path().join(format!("{name}-cn.yaml"));
        for (txt, side, out) in [("us.txt", "United States", &us), ("cn.txt", "China", &cn)] {
            readout()
                .args([
                    "extract",
                    &d.join(txt).display().to_string(),
                    "--side",
                    side,
                    "-o",
                    &out.display().to_string(),
                ])
                .assert()
                .success()
                .stdout("");
        }
        readout()
            .args([
                "validate",
                &us.display().to_string(),
                &cn.display().to_string(),
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("OK").count(2));
        let out = readout()
            .args([
                "compare",
                &us.display().to_string(),
                &cn.display().to_string(),
                "--format",
                "json",
            ])
            .output()
            .expect("runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
        assert_eq!(report["left"]["side"], "United States");
        assert_eq!(report["right"]["side"], "China");
        assert!(
            report["topics"].as_array().is_some_and(|t| !t.is_empty()),
            "{name}: no topics"
        );
    }
}

#[test]
fn spokesperson_comes_from_the_lead_in_unless_given() {
    let text = "Pentagon Press Secretary Maj. Gen. Pat Ryder provided the following readout:\n\nSecretary Austin spoke with Admiral Dong today.\n";
    readout()
        .args(["extract", "-", "--side", "United States"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  spokesperson: \"Pentagon Press Secretary Maj. Gen. Pat Ryder\"  # named on line 1\n",
        ));
    readout()
        .args([
            "extract",
            "-",
            "--side",
            "United States",
            "--spokesperson",
            "Pat Ryder",
        ])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("  spokesperson: \"Pat Ryder\"\n"));
}

#[test]
fn standard_input_and_metadata_flags() {
    let text = "BEIJING, Apr. 17 -- Dong Jun held a video call with Lloyd Austin.\n\nDong said that the two militaries should keep talking.\n";
    readout()
        .args(["extract", "-", "--side", "China", "--issuer", "Ministry of National Defense", "--date", "2024-04-16"])
        .args(["--place", "Video call", "--url", "http://eng.mod.gov.cn/x.html", "--id-prefix", "mnd"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("  date: \"2024-04-16\"\n  place: \"Video call\"\n"))
        .stdout(predicate::str::contains("  issuer: \"Ministry of National Defense\"\n  url: \"http://eng.mod.gov.cn/x.html\"\n"))
        .stdout(predicate::str::contains("  - id: \"mnd-2\"\n    text: \"Dong said that the two militaries should keep talking.\"\n    speaker: \"Dong\"\n"))
        .stdout(predicate::str::contains("#   1 dateline (line 1)"));
}

#[test]
fn date_flags_take_iso_dates_only() {
    // The YAML must pass validate, which refuses any other date.
    for (flag, date, message) in [
        ("--date", "31 May 2024", "write it as `2024-05-31`"),
        (
            "--published",
            "2024-02-30",
            "February 2024 has 29 days, not 30",
        ),
    ] {
        readout()
            .args(["extract", "-", "--side", "China", flag, date])
            .write_stdin("Dong said that the two militaries should keep talking.\n")
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(format!(
                "invalid value '{date}' for '{flag} <DATE>'"
            )))
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn bad_input_is_trouble_with_no_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.yaml");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "[NOTE: nothing stored]\n\nA Headline Alone\n").expect("write");
    readout()
        .args([
            "extract",
            &notes.display().to_string(),
            "--side",
            "China",
            "-o",
            &out.display().to_string(),
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("notes.txt: no claims found"));
    assert!(!out.exists(), "no partial output");

    let binary = dir.path().join("bin.txt");
    std::fs::write(&binary, [0x66u8, 0x6f, 0xff, 0xfe, 0x00]).expect("write");
    readout()
        .args(["extract", &binary.display().to_string(), "--side", "China"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("bin.txt:1:3: invalid UTF-8"));

    readout()
        .args(["extract", "no-such-file.txt", "--side", "China"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.txt: no such file"));
    readout()
        .args(["extract", "-", "--side", "  "])
        .write_stdin("China spoke today.")
        .assert()
        .code(2)
        .stdout("");
    readout()
        .args(["extract", "-"])
        .write_stdin("China spoke today.")
        .assert()
        .code(2);
    readout()
        .args(["extract", "-", "--side", "China", "--max-claims", "1"])
        .write_stdin("China spoke today. The US replied at length.")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("more than the limit of 1 claims"));
}

#[test]
fn flagship_article_extracts_speakers_and_quotes() {
    let yaml = extract_yaml(
        Path::new(&format!("{SOURCES}/austin-dong-2024-05-31-cnn.txt")),
        "United States",
    );
    let r = load_str("t", &yaml, &Limits::default()).expect("loads");
    let find = |start: &str| {
        r.claims
            .iter()
            .find(|c| c.text.starts_with(start))
            .unwrap_or_else(|| panic!("no claim {start}"))
    };
    let c = find("Austin raised concerns");
    assert_eq!(c.speaker.as_deref(), Some("Austin"));
    assert!(
        c.quote
            .as_deref()
            .is_some_and(|q| q.starts_with("recent provocative"))
    );
    assert_eq!(
        find("\u{201C}Our tolerance").speaker.as_deref(),
        Some("Dong")
    );
    assert_eq!(
        find("Dong, meanwhile, slammed").speaker.as_deref(),
        Some("Dong")
    );
    assert!(
        r.claims
            .iter()
            .all(|c| c.text != "Singapore" && c.text != "CNN"),
        "dateline lines dropped"
    );
}

/// The output without the detection comments under each claim: those follow
/// the cue and topic data, which is tuned separately and tested above.
fn without_detections(yaml: &str) -> String {
    yaml.lines()
        .filter(|l| !l.starts_with("    # "))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn snapshot_of_a_complete_chinese_readout() {
    let yaml = extract_yaml(
        Path::new(&format!("{SOURCES}/austin-dong-vtc-2024-04-16/cn.txt")),
        "China",
    );
    insta::assert_snapshot!("austin-dong-vtc-cn", without_detections(&yaml));
}

#[test]
fn snapshot_of_a_us_release_with_headlines_and_truncation() {
    let yaml = extract_yaml(
        Path::new(&format!("{SOURCES}/austin-wei-siemreap-2022-11-22/us.txt")),
        "United States",
    );
    insta::assert_snapshot!("austin-wei-siemreap-us", without_detections(&yaml));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of readout-like pieces: words, abbreviations, quotes, notes,
    /// datelines, bullets and line breaks, in any order.
    fn readout_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Austin said".to_string()),
            Just("the U.S. side".to_string()),
            Just("Maj. Gen. Ryder".to_string()),
            Just("\u{201C}recent provocative\u{201D}".to_string()),
            Just("\"we will act.\"".to_string()),
            Just("[...TRUNCATED...]".to_string()),
            Just("[NOTE: source".to_string()),
            Just("]".to_string()),
            Just("BEIJING, Apr. 17 --".to_string()),
            Just("\n- ".to_string()),
            Just("\n1. ".to_string()),
            Just("\n\n".to_string()),
            Just("\n".to_string()),
            Just(". ".to_string()),
            Just(" \u{2014} ".to_string()),
            Just("according to Wu Qian,".to_string()),
            Just("He stressed that".to_string()),
            Just("3.5".to_string()),
            "[a-zA-Z]{1,8}",
            "[ -~]{0,12}",
            "\\PC{0,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the text, extract either refuses it as input or writes
        /// YAML that loads back to the same claims, byte-identical on repeat.
        #[test]
        fn output_always_loads_back(text in readout_text()) {
            let opts = Options { side: "China".into(), ..Options::default() };
            let t = Taxonomy::built_in();
            match extract("p.txt", &text, &opts, &t, &Limits::default()) {
                Err(readout::Error::Input(_)) => {}
                Err(e) => prop_assert!(false, "unexpected error {e}"),
                Ok(x) => {
                    let mut out = Vec::new();
                    write(&x, &mut out).expect("write");
                    let yaml = String::from_utf8(out).expect("utf-8");
                    let back = load_str("p", &yaml, &Limits::default());
                    prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), yaml);
                    let back = back.expect("checked");
                    prop_assert_eq!(back.claims.len(), x.readout.claims.len());
                    for (a, b) in back.claims.iter().zip(&x.readout.claims) {
                        prop_assert_eq!(&a.text, &b.text);
                        prop_assert_eq!(&a.speaker, &b.speaker);
                        prop_assert_eq!(&a.quote, &b.quote);
                    }
                    let again = extract("p.txt", &text, &opts, &t, &Limits::default()).expect("same input");
                    let mut out2 = Vec::new();
                    write(&again, &mut out2).expect("write");
                    prop_assert_eq!(yaml.as_bytes(), out2.as_slice());
                }
            }
        }
    }
}

#[test]
fn topics_file_feeds_the_topic_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let topics = dir.path().join("topics.yaml");
    std::fs::write(
        &topics,
        "topics:\n  - {id: lunar-exploration, label: Lunar exploration, keywords: [moon base, lunar]}\n",
    )
    .expect("write");
    readout()
        .args([
            "extract",
            "-",
            "--side",
            "United States",
            "--topics",
            &topics.display().to_string(),
        ])
        .write_stdin("The Secretary raised concerns about a lunar research station.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("# topic: \"lunar-exploration\""));
    readout()
        .args([
            "extract",
            "-",
            "--side",
            "United States",
            "--topics",
            "missing-topics.yaml",
        ])
        .write_stdin("The Secretary raised concerns about chips.\n")
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn a_pasted_news_page_keeps_only_the_readout() {
    let page = "Xi, Biden hold phone call\n\
                Source: Xinhua | 2022-07-28 23:01:52 | Editor: Li Yan\n\
                Share this:\n\
                BEIJING, July 28 (Xinhua) -- Chinese President Xi Jinping held a phone call with U.S. President Joe Biden on Thursday at the latter's request.\n\
                Photo taken on July 28, 2022 shows the call. (Xinhua/Ju Peng)\n\
                Xi said that those who play with fire will perish by it.\n\
                \n\
                Related:\n\
                Readout of President Biden's Call with President Xi Jinping\n\
                https://example.gov/briefing-room/2022/07/28/readout\n";
    let out = readout()
        .args(["extract", "-", "--side", "China"])
        .write_stdin(page)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = String::from_utf8(out.stdout).expect("utf-8");
    let r = load_str("page", &yaml, &Limits::default()).expect("loads");
    let texts: Vec<&str> = r.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Chinese President Xi Jinping held a phone call with U.S. President Joe Biden on Thursday at the latter's request.",
            "Xi said that those who play with fire will perish by it."
        ]
    );
    assert_eq!(r.claims[1].speaker.as_deref(), Some("Xi"));
    for expected in [
        "# 2 claims from 10 lines of text; 7 lines dropped as not claims:",
        "#   1 headline (line 1)",
        "#   1 title (line 9)",
        "#   1 press-release line (line 2)",
        "#   1 caption (line 5)",
        "#   3 share or link lines (lines 3, 8, 10)",
        "#   1 dateline (line 4)",
    ] {
        assert!(yaml.contains(expected), "missing {expected:?} in\n{yaml}");
    }
}

#[test]
fn lines_left_out_are_listed_on_stderr_and_in_the_header() {
    let text = "Austin Meets Dong in Singapore\n\n\
                Photo taken on May 31 shows the meeting\n\n\
                Secretary Austin underscored the importance of maintaining open lines of military communication between the United States and the People's Republic of China\n\n\
                The two sides agreed to meet again.\n";
    let out = readout()
        .args(["extract", "-", "--side", "United States"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(
        stderr,
        "note: -:1: left out as headline: Austin Meets Dong in Singapore\n\
         note: -:3: left out as caption: Photo taken on May 31 shows the meeting\n"
    );
    let yaml = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        yaml.contains("#   line 1 (headline): Austin Meets Dong in Singapore\n"),
        "{yaml}"
    );
    let r = load_str("t", &yaml, &Limits::default()).expect("loads");
    assert_eq!(
        r.claims.len(),
        2,
        "the long line without a period is a claim"
    );
    assert!(r.claims[0].text.ends_with("People's Republic of China"));
}
