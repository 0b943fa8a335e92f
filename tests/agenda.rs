//! Agendas: the built-in ones are what their rule derives from the corpus,
//! and `compare --agenda` reports the agenda topics neither account
//! mentions, refuses unknown topic ids, and leaves the exit code alone.

use assert_cmd::Command;
use readout::Taxonomy;
use readout::agenda::{builtin, derive};
use readout::load::{Limits, load_path};
use readout::model::Readout;

const FLAGSHIP: [&str; 2] = [
    "readouts/2024-05-31-singapore/us.yaml",
    "readouts/2024-05-31-singapore/cn.yaml",
];

/// Every (us.yaml, cn.yaml) pair of the corpus, in folder order.
fn corpus_pairs() -> Vec<[Readout; 2]> {
    let mut dirs: Vec<_> = std::fs::read_dir("readouts")
        .expect("readouts/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("us.yaml").is_file() && p.join("cn.yaml").is_file())
        .collect();
    dirs.sort();
    let limits = Limits::default();
    dirs.iter()
        .map(|d| {
            [d.join("us.yaml"), d.join("cn.yaml")]
                .map(|p| load_path(&p.display().to_string(), &limits).expect("corpus readout"))
        })
        .collect()
}

#[test]
fn built_in_agendas_are_derived_from_the_corpus() {
    let taxonomy = Taxonomy::built_in();
    let pairs = corpus_pairs();
    for (name, def) in builtin::all() {
        let of_type: Vec<[&Readout; 2]> = pairs
            .iter()
            .map(|[a, b]| [a, b])
            .filter(|p| derive::is_of_type(def, *p))
            .collect();
        assert!(
            of_type.len() >= 3,
            "{name}: the corpus has {} pairs of this type",
            of_type.len()
        );
        let derived = derive::derive(&of_type, def.one_in, &taxonomy);
        assert_eq!(
            def.topics,
            derived,
            "src/data/agendas.yaml: agenda `{name}` is not what the corpus derives \
             ({} pairs); write `topics: [{}]`",
            of_type.len(),
            derived.join(", ")
        );
    }
}

fn readout() -> Command {
    Command::cargo_bin("readout").expect("binary")
}

#[test]
fn an_unknown_topic_id_is_an_error_at_its_line_and_column_with_a_hint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("agenda.yaml");
    std::fs::write(&path, "- south-china-sea\n- taiwn\n").expect("write");
    let out = readout()
        .args(["compare", FLAGSHIP[0], FLAGSHIP[1], "--agenda"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("agenda.yaml:2:3: unknown topic `taiwn`"),
        "{err}"
    );
    assert!(err.contains("did you mean `taiwan`?"), "{err}");
    // A label is not an id, and the hint names the id.
    std::fs::write(&path, "- Cyber activity\n").expect("write");
    let out = readout()
        .args(["compare", FLAGSHIP[0], FLAGSHIP[1], "--agenda"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `cyber`?"));
}

#[test]
fn a_misspelt_built_in_agenda_is_trouble_with_a_hint() {
    let out = readout()
        .args([
            "compare",
            FLAGSHIP[0],
            FLAGSHIP[1],
            "--agenda",
            "us-china-defence",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `us-china-defense`?"), "{err}");
}

#[test]
fn agenda_topics_nobody_mentions_are_reported_and_leave_the_exit_code_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("agenda.yaml");
    std::fs::write(&path, "- taiwan\n- korean-peninsula\n- fentanyl\n").expect("write");
    let run = |extra: &[&str]| {
        readout()
            .args(["compare", FLAGSHIP[0], FLAGSHIP[1], "--color", "never"])
            .args(extra)
            .output()
            .expect("runs")
    };
    let plain = run(&[]);
    let with = run(&["--agenda", &path.display().to_string()]);
    assert_eq!(with.status.code(), plain.status.code());
    let text = String::from_utf8(with.stdout).expect("UTF-8");
    assert!(text.contains(
        "NOT MENTIONED  Korean Peninsula (not mentioned by either account; on the agenda"
    ));
    assert!(
        text.contains("NOT MENTIONED  Fentanyl and counternarcotics"),
        "{text}"
    );
    assert!(!text.contains("NOT MENTIONED  Taiwan"));
    assert!(text.contains("; 2 agenda topics not mentioned by either account"));
    // Everything else is the report without the flag.
    let plain = String::from_utf8(plain.stdout).expect("UTF-8");
    let (body, _) = plain.rsplit_once("\n\n").expect("a summary line");
    assert!(text.starts_with(body));
    let json = readout()
        .args([
            "compare",
            FLAGSHIP[0],
            FLAGSHIP[1],
            "-f",
            "json",
            "--agenda",
        ])
        .arg(&path)
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let ids: Vec<&str> = doc["agenda"]["not_mentioned"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|t| t["topic"].as_str())
        .collect();
    assert_eq!(ids, ["korean-peninsula", "fentanyl"]);
}
