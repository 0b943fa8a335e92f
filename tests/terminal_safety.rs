//! Terminal safety: text from a readout (sides, titles, ids, speakers, claims,
//! topic labels, file names) never reaches the output with raw control
//! characters in any format, and Markdown and HTML markup in it is escaped.
//! The hostile fixtures carry ANSI and OSC sequences, BEL, backspace, CR, C1
//! CSI, DEL and a bidi override in every text field.

use assert_cmd::Command;

const US: &str = "tests/fixtures/hostile/us.yaml";
const CN: &str = "tests/fixtures/hostile/cn.yaml";
/// What the hostile fields hold, as the YAML escapes decode it.
const PAYLOAD: &str = "\u{1b}[31m\u{1b}]0;pwned\u{7}\u{8}\r\u{9b}2J\u{7f}\u{202e}";

fn readout(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("readout")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Characters that act on a terminal or reorder text: every control but the
/// newline, DEL, C1, and the bidirectional overrides.
fn assert_inert(what: &str, s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in output");
}

/// `s` without the SGR color sequences the text renderer itself writes.
fn strip_colors(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let end = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .expect("sequence ends");
        assert_eq!(&tail[end..end + 1], "m", "only color sequences are ours");
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn text_report_shows_controls_escaped() {
    let (code, out, _) = readout(&["compare", US, CN, "--color", "never"]);
    assert_eq!(code, Some(1));
    assert_inert("text", &out);
    assert!(
        out.contains("United States\\x1b[31m\\x1b]0;pwned\\x07\\x08\\r\\x9b2J\\x7f\\u{202e}"),
        "{out}"
    );
    let (_, colored, _) = readout(&["compare", US, CN, "--color", "always"]);
    assert!(colored.contains('\u{1b}'), "colors are on");
    assert_inert("colored text", &strip_colors(&colored));
}

#[test]
fn json_report_escapes_controls_and_keeps_the_data() {
    let (code, out, _) = readout(&["compare", US, CN, "--format", "json"]);
    assert_eq!(code, Some(1));
    assert_inert("json", &out);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["left"]["side"], format!("United States{PAYLOAD}"));
    assert_eq!(v["left_claims"][0]["id"], format!("us-1{PAYLOAD}`x`"));
}

#[test]
fn markdown_report_escapes_controls_and_markup() {
    let (_, out, _) = readout(&["compare", US, CN, "--format", "markdown"]);
    assert_inert("markdown", &out);
    for raw in [
        "<script>",
        "<img",
        "<i>",
        "<b>",
        "[link](",
        "**and**",
        "~~more~~",
        "| a | b |",
        "# not",
    ] {
        let unescaped = out
            .match_indices(raw)
            .any(|(i, _)| !out[..i].ends_with('\\'));
        assert!(!unescaped, "unescaped {raw:?} in {out}");
    }
    // Table rows keep exactly their five cell separators.
    for row in out.lines().filter(|l| l.starts_with("| ")) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 5, "{row}");
    }
    // Code spans: no backtick from an id can close them early.
    assert!(
        out.contains("`us-1\\x1b[31m\\x1b]0;pwned\\x07\\x08\\r\\x9b2J\\x7f\\u{202e}'x'`"),
        "{out}"
    );
}

#[test]
fn html_report_escapes_controls_and_markup() {
    let (_, out, _) = readout(&["compare", US, CN, "--format", "html"]);
    assert_inert("html", &out);
    for raw in ["<script>", "<img", "<i>", "<b>"] {
        assert!(!out.contains(raw), "unescaped {raw:?}");
    }
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
    // The source address is text, never a link: quotes and markup escaped.
    assert!(
        out.contains("<span class=\"url\">javascript:alert(1)//\\x1b[31m"),
        "{out}"
    );
    assert!(
        out.contains(
            "&quot; onmouseover=&quot;alert(2)&quot; &lt;a href=https://evil.example/&gt;"
        )
    );
    // Every tag is one the page writes itself, with its own attributes.
    let body = &out[out.find("</style>").expect("a stylesheet")..];
    for tag in body.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("tags close")];
        let name = tag.trim_start_matches('/').split(' ').next().unwrap_or("");
        assert!(
            [
                "style", "head", "body", "main", "header", "footer", "section", "div", "p", "h1",
                "h2", "h3", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a",
                "span", "strong", "code", "mark", "del", "ins", "time", "br", "html",
            ]
            .contains(&name),
            "unexpected tag <{tag}>"
        );
        for (key, value) in attributes(tag) {
            assert!(
                [
                    "class",
                    "id",
                    "href",
                    "scope",
                    "aria-hidden",
                    "aria-labelledby",
                    "datetime"
                ]
                .contains(&key),
                "unexpected attribute {key:?} in <{tag}>"
            );
            if key == "href" {
                assert!(value.starts_with("#topic-"), "{value}");
            }
        }
    }
}

/// The `key="value"` attributes of a tag's text (name first, no `<` `>`).
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(' ').map_or("", |(_, r)| r).trim_start();
    while !rest.is_empty() {
        let (key, after) = rest
            .split_once("=\"")
            .expect("attributes are key=\"value\"");
        let (value, after) = after.split_once('"').expect("values are quoted");
        out.push((key, value));
        rest = after.trim_start();
    }
    out
}

#[test]
fn validate_and_errors_escape_file_names_and_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good\u{1b}]0;t\u{7}.yaml");
    std::fs::copy(US, &good).expect("copy");
    let bad = dir.path().join("bad\u{1b}[2J.yaml");
    std::fs::write(
        &bad,
        "source: {side: US}\n\"cl\\e[2Jaims\":\n  - text: \"x\\a\"\n",
    )
    .expect("write");
    let (g, b) = (good.to_str().expect("utf-8"), bad.to_str().expect("utf-8"));

    let (code, out, err) = readout(&["validate", g, b]);
    assert_eq!(code, Some(2));
    assert_inert("validate stdout", &out);
    assert_inert("validate stderr", &err);
    assert!(
        out.contains("good\\x1b]0;t\\x07.yaml: OK (3 claims, side United States\\x1b[31m"),
        "{out}"
    );
    assert!(
        err.contains("bad\\x1b[2J.yaml:2:1: unknown key `cl\\x1b[2Jaims`"),
        "{err}"
    );

    let (code, out, err) = readout(&["compare", g, b]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert_inert("compare stderr", &err);
}

#[test]
fn topics_listing_escapes_a_users_labels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let topics = dir.path().join("topics.yaml");
    std::fs::write(
        &topics,
        "topics:\n  - id: \"x\\e[2J\"\n    label: \"Lab\\e]0;t\\a <b>\"\n    aliases: [\"al\\x9b\", \"\\u202e\"]\n    keywords: [taiwan]\n",
    )
    .expect("write");
    let t = topics.to_str().expect("utf-8");
    for format in ["text", "json", "yaml"] {
        let (code, out, err) = readout(&["topics", "--topics", t, "--format", format]);
        assert_eq!(code, Some(0), "{err}");
        assert_inert(format, &out);
    }
    let (_, out, _) = readout(&["compare", US, CN, "--topics", t, "--color", "never"]);
    assert_inert("compare with user topics", &out);
}

#[test]
fn check_report_escapes_controls_in_every_format() {
    // The hostile US readout checked against an archive holding the hostile
    // Chinese account and an earlier hostile US readout.
    let dir = tempfile::tempdir().expect("tempdir");
    let earlier =
        std::fs::read_to_string(US)
            .expect("fixture")
            .replacen("2024-05-31", "2023-01-01", 1);
    std::fs::write(dir.path().join("earlier-us.yaml"), earlier).expect("write");
    std::fs::copy(CN, dir.path().join("cn.yaml")).expect("copy");
    let archive = dir.path().display().to_string();
    for format in ["text", "json", "markdown"] {
        let (code, out, err) = readout(&[
            "check",
            US,
            "--against",
            &archive,
            "--no-cache",
            "--format",
            format,
            "--color",
            "never",
        ]);
        assert!(matches!(code, Some(0 | 1)), "{format}: {err}");
        assert_inert(&format!("check {format}"), &out);
        assert_inert(&format!("check {format} stderr"), &err);
    }
}

#[test]
fn extract_output_escapes_controls() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("hostile.txt");
    std::fs::write(
        &text,
        format!(
            "Austin said the talks{PAYLOAD} were candid. Dong agreed{PAYLOAD} to talk again.\n"
        ),
    )
    .expect("write");
    let (code, out, err) = readout(&[
        "extract",
        &text.display().to_string(),
        "--side",
        &format!("US{PAYLOAD}"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_inert("extract", &out);
}
