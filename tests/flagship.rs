//! The flagship comparison (Austin–Dong, Singapore, 31 May 2024; the official
//! DoD and Xinhua/MND texts): the verdicts an analyst reads off the two
//! accounts, checked through the JSON report.

use assert_cmd::Command;
use serde_json::Value;

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";

fn report() -> Value {
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(["compare", US, CN, "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "differences exit 1");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn topic<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .find(|t| t["topic"] == id)
        .unwrap_or_else(|| panic!("no topic {id} in {r:#}"))
}

fn ids(t: &Value, side: &str) -> Vec<String> {
    t[side]
        .as_array()
        .expect("ids")
        .iter()
        .map(|v| v.as_str().expect("id").to_string())
        .collect()
}

#[test]
fn military_communication_is_an_agreement() {
    let r = report();
    let t = topic(&r, "military-communication");
    assert_eq!(t["verdict"], "agreement");
    assert!(ids(t, "left").contains(&"us-1".to_string()));
    assert!(
        ids(t, "right").contains(&"cn-1".to_string()),
        "'a healthy development of military-to-military relations' is in the topic"
    );
}

#[test]
fn taiwan_is_a_contradiction_and_the_south_china_sea_a_divergence() {
    let r = report();
    let taiwan = topic(&r, "taiwan");
    assert_eq!(taiwan["verdict"], "contradiction", "{taiwan:#}");
    let pairs = taiwan["pairs"].as_array().expect("pairs");
    let rules: Vec<&str> = pairs.iter().filter_map(|p| p["rule"].as_str()).collect();
    // "expressed concern about recent provocative activity by China's army"
    // against China's opposition and demands: each side blames the other,
    // as both analysts read it.
    assert!(rules.contains(&"mutual-blame"), "{rules:?}");
    // The US "remains committed" to its One China policy: a stated
    // position, which a demand or an opposition beside it does not oppose
    // (a stated policy is no act; docs/accuracy.md, the seventieth round).
    for p in pairs.iter().filter(|p| p["left"] == "us-4") {
        assert_ne!(p["relation"], "contradiction", "{p:#}");
    }
    // Freedom of navigation against the Ren'ai Reef: different points, and
    // neither names the other as the cause.
    let sea = topic(&r, "south-china-sea");
    assert_eq!(sea["verdict"], "divergence", "{sea:#}");
    assert_eq!(ids(sea, "left"), ["us-6"]);
    assert_eq!(ids(sea, "right"), ["cn-4"]);
}

#[test]
fn json_report_keeps_its_contract() {
    let r = report();
    for side in ["left", "right"] {
        for field in ["side", "issuer", "date", "claims"] {
            assert!(r[side].get(field).is_some(), "{side}.{field}");
        }
    }
    assert_eq!(r["left"]["side"], "United States");
    assert_eq!(r["left"]["claims"], 6);
    for t in r["topics"].as_array().expect("topics") {
        for field in [
            "topic",
            "label",
            "verdict",
            "omitted_by",
            "left",
            "right",
            "pairs",
        ] {
            assert!(t.get(field).is_some(), "topic field {field}");
        }
        for p in t["pairs"].as_array().expect("pairs") {
            for field in ["left", "right", "relation", "similarity", "reason"] {
                assert!(p.get(field).is_some(), "pair field {field}");
            }
        }
    }
    let s = &r["summary"];
    let total: u64 = ["agreement", "contradiction", "divergence", "omission"]
        .iter()
        .map(|k| s[k].as_u64().expect("count"))
        .sum();
    assert_eq!(
        total as usize,
        r["topics"].as_array().expect("topics").len()
    );
}
