//! Big valid input: a claim of 10 MB of text is compared (nothing lost); a
//! readout of 200,000 claims is refused with the limit and the flag that
//! raises it. Inputs are generated here, not committed. docs/robustness.md gives the
//! time and memory these take in a release build.

use assert_cmd::Command;

const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";
const MB: usize = 1024 * 1024;

/// `n` bytes of agenda words, so that the claim tags and classifies like a real one.
fn words(n: usize) -> String {
    const VOCAB: &[&str] = &[
        "Taiwan",
        "strait",
        "peace",
        "stability",
        "military",
        "dialogue",
        "concerns",
        "raised",
    ];
    let mut s = String::with_capacity(n + 16);
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(VOCAB[i % VOCAB.len()]);
        s.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1009;
    }
    s.truncate(n);
    s.trim_end().to_string()
}

#[test]
fn a_ten_megabyte_claim_is_compared_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.yaml");
    let text = words(10 * MB);
    std::fs::write(
        &path,
        format!("source: {{side: United States}}\nclaims:\n  - id: us-1\n    text: \"{text}\"\n"),
    )
    .expect("write");
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args([
            "compare",
            path.to_str().expect("utf-8"),
            CN,
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let claim = &report["left_claims"][0];
    assert_eq!(
        claim["text"].as_str().map(str::len),
        Some(text.len()),
        "the claim is kept whole"
    );
    assert_eq!(claim["topic"], "taiwan");
}

/// A readout of `n` claims of about `len` bytes each.
fn many_claims(n: usize, len: usize) -> String {
    let mut y = String::with_capacity(n * (len + 24) + 64);
    y.push_str("source: {side: United States}\nclaims:\n");
    let pad = words(len);
    for i in 0..n {
        y.push_str(&format!("  - {{id: c{i}, text: \"{pad}\"}}\n"));
    }
    y
}

fn refused(file: &std::path::Path, extra: &[&str]) -> String {
    let mut args: Vec<&str> = extra.to_vec();
    args.extend(["compare", file.to_str().expect("utf-8"), CN]);
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(&args)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial report");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn two_hundred_thousand_claims_are_refused_by_the_claim_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("many.yaml");
    // Short claims: 200,000 of them fit in the input size limit.
    std::fs::write(&path, many_claims(200_000, 1)).expect("write");
    let stderr = refused(&path, &[]);
    assert!(
        stderr.contains(":3:3: readout has 200000 claims, more than the limit of 1000"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: raise the limit with --max-claims N"),
        "{stderr}"
    );
}

#[test]
fn two_hundred_thousand_long_claims_are_refused_by_the_size_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("many.yaml");
    std::fs::write(&path, many_claims(200_000, 100)).expect("write");
    let stderr = refused(&path, &[]);
    assert!(
        stderr.ends_with("many.yaml: file is larger than the input limit of 16 MB (raise it with --max-input-mb)\n"),
        "{stderr}"
    );
}
