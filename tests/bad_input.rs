//! Bad input: every broken file ends in exit 2 with one short error naming
//! the file (and line:column where there is one), nothing on stdout, no panic.
//! One test per fixture in tests/fixtures/bad/, through `validate` and `compare`.

use assert_cmd::Command;

const VALID: &str = "readouts/2024-05-31-singapore/cn.yaml";

/// Runs `readout ARGS`, checks the refusal contract and returns stderr.
fn refused(args: &[&str]) -> String {
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code for {args:?}; stderr: {stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "no partial output for {args:?}: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("stack backtrace"),
        "{stderr}"
    );
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters in {stderr:?}"
    );
    assert!(stderr.lines().count() <= 6, "short: {stderr}");
    stderr
}

/// Checks `fixture` through validate, and as LEFT and RIGHT of compare:
/// the message starts with `file[:line:col]: ` and holds `message`.
fn check(fixture: &str, position: Option<(u64, u64)>, message: &str) {
    let path = format!("tests/fixtures/bad/{fixture}");
    let head = match position {
        Some((l, c)) => format!("error: {path}:{l}:{c}: "),
        None => format!("error: {path}: "),
    };
    for args in [
        vec!["validate", path.as_str()],
        vec!["compare", path.as_str(), VALID],
        vec!["compare", VALID, path.as_str(), "--format", "json"],
    ] {
        let stderr = refused(&args);
        assert!(stderr.starts_with(&head), "expected {head:?} in {stderr}");
        assert!(stderr.contains(message), "expected {message:?} in {stderr}");
    }
}

macro_rules! bad {
    ($($name:ident: $file:literal, $pos:expr, $msg:literal;)*) => {$(
        #[test]
        fn $name() {
            check($file, $pos, $msg);
        }
    )*};
}

bad! {
    empty_file: "empty.yaml", None, "empty readout: the file has no YAML content";
    only_comments: "only-comments.yaml", None, "empty readout";
    unclosed_quote: "unclosed-quote.yaml", Some((2, 9)), "unclosed quote";
    tab_indentation: "tab-indentation.yaml", Some((2, 2)), "hint: indent with spaces";
    top_level_list: "top-level-list.yaml", Some((1, 1)), "expected a mapping";
    top_level_scalar: "top-level-scalar.yaml", Some((1, 1)), "expected a mapping";
    missing_source: "missing-source.yaml", Some((1, 1)), "missing required key `source`";
    missing_side: "missing-side.yaml", Some((2, 3)), "missing required key `side`";
    empty_side: "empty-side.yaml", Some((1, 16)), "`source.side` is empty";
    claim_without_text: "claim-without-text.yaml", Some((4, 5)), "missing required key `text`";
    empty_text: "empty-text.yaml", Some((4, 11)), "claim text is empty";
    null_text: "null-text.yaml", Some((4, 9)), "expected text here, found an empty value";
    no_claims: "no-claims.yaml", Some((1, 1)), "readout has no claims";
    wrong_type_text: "wrong-type-text.yaml", Some((4, 11)), "expected text here, not a list or mapping";
    wrong_type_claims: "wrong-type-claims.yaml", Some((2, 9)), "expected a list";
    wrong_type_version: "wrong-type-version.yaml", Some((1, 10)), "expected a whole number";
    unknown_key: "unknown-key.yaml", Some((2, 1)), "unknown key `claim`\n  |\n2 | claim:\n  | ^\n  = hint: did you mean `claims`?";
    unknown_claim_key: "unknown-claim-key.yaml", Some((3, 5)), "did you mean `text`?";
    unknown_stance: "unknown-stance.yaml", Some((4, 13)), "did you mean `positive`?";
    escape_in_key: "escape-in-key.yaml", Some((2, 1)), "unknown key `cl\\x1b[2Jaims`";
    duplicate_key: "duplicate-key.yaml", Some((2, 1)), "duplicate key `source`";
    duplicate_id: "duplicate-id.yaml", Some((5, 9)), "duplicate claim id `us-1` (first used on line 3)";
    unsupported_version: "unsupported-version.yaml", Some((1, 10)), "unsupported schema version 2";
    multiple_documents: "multiple-documents.yaml", Some((4, 1)), "more than one YAML document";
    invalid_utf8: "invalid-utf8.yaml", Some((3, 25)), "invalid UTF-8 at byte 62";
    utf16_with_bom: "utf16.yaml", None, "file is UTF-16; readout files must be UTF-8";
    utf16_without_bom: "utf16-no-bom.yaml", Some((1, 2)), "file contains NUL bytes";
    nul_byte: "nul-byte.yaml", Some((3, 17)), "file contains NUL bytes";
    random_binary: "random-binary.bin", Some((1, 6)), "invalid UTF-8";
    billion_laughs: "billion-laughs.yaml", Some((4, 8)), "expected a mapping";
    billion_laughs_top_level: "billion-laughs-top.yaml", Some((1, 1)), "unknown key `a`";
    alias_text_bomb: "alias-text-bomb.yaml", Some((258, 5)), "exceeds the input limit of 16 MB (raise it with --max-input-mb)";
    alias_count_bomb: "alias-count-bomb.yaml", Some((1004, 5)), "more than 1000 aliases";
    deep_flow_nesting: "deep-nesting.yaml", Some((2, 264)), "nesting deeper than 64 levels";
    deep_block_nesting: "deep-block-nesting.yaml", Some((3, 5)), "expected a mapping";
    date_off_the_calendar: "date-off-calendar.yaml", Some((3, 9)), "`meeting.date` is `2024-13-45`: there is no month 13";
    date_not_iso: "date-not-iso.yaml", Some((3, 14)), "`source.published` is `31 May 2024`: not an ISO 8601 date (YYYY-MM-DD)\n  |\n3 |   published: 31 May 2024\n  |              ^\n  = hint: write it as `2024-05-31`";
    date_with_controls: "date-with-controls.yaml", Some((2, 9)), "`meeting.date` is `2024-05-31\\x1b]0;pwned\\x07`: not an ISO 8601 date";
}

#[test]
fn missing_file() {
    let stderr = refused(&["validate", "tests/fixtures/bad/no-such-file.yaml"]);
    assert_eq!(
        stderr,
        "error: tests/fixtures/bad/no-such-file.yaml: no such file\n"
    );
    refused(&["compare", VALID, "tests/fixtures/bad/no-such-file.yaml"]);
}

#[test]
fn directory() {
    let stderr = refused(&["validate", "tests/fixtures/bad"]);
    assert_eq!(
        stderr,
        "error: tests/fixtures/bad: is a directory, expected a readout file\n"
    );
    refused(&["compare", "tests/fixtures/bad", VALID]);
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("secret.yaml");
    std::fs::copy(VALID, &path).expect("copy");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop us, so there is nothing to refuse.
        eprintln!("skipped: this user can read a mode-000 file");
        return;
    }
    let p = path.to_str().expect("utf-8 path");
    let stderr = refused(&["validate", p]);
    assert_eq!(stderr, format!("error: {p}: permission denied\n"));
}

#[test]
fn stdin_twice_is_a_usage_error() {
    let stderr = refused(&["compare", "-", "-"]);
    assert!(
        stderr.contains("only one of LEFT and RIGHT can be `-`"),
        "{stderr}"
    );
}

#[test]
fn size_limit_names_the_flag() {
    let stderr = refused(&["--max-input-mb", "0", "validate", VALID]);
    assert!(
        stderr.contains("larger than the input limit of 0 MB (raise it with --max-input-mb)"),
        "{stderr}"
    );
}

#[test]
fn claim_limit_names_the_flag() {
    let stderr = refused(&["--max-claims", "2", "compare", VALID, VALID]);
    assert!(stderr.contains("more than the limit of 2"), "{stderr}");
    assert!(
        stderr.contains("hint: raise the limit with --max-claims N"),
        "{stderr}"
    );
}

#[test]
fn validate_reports_every_file_and_still_fails() {
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(["validate", VALID, "tests/fixtures/bad/empty.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with(&format!("{VALID}: OK (")), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.yaml: empty readout"));
}

#[test]
fn topics_file_with_a_non_finite_weight() {
    let path = "tests/fixtures/bad/topics-nan-weight.yaml";
    let stderr = refused(&["compare", VALID, VALID, "--topics", path]);
    assert_eq!(
        stderr,
        format!("error: {path}: topic `custom` has weight NaN: expected a number of 0 or more\n")
    );
}
