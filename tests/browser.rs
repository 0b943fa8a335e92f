//! A real browser reads the HTML report. Headless Chromium renders the
//! flagship report to PDF (print styles) and to a 1400 px screenshot; the
//! test checks the page count, that the screenshot holds a page, that the
//! page references nothing outside itself, and that the matrix is there.
//! The screenshot and the PDF are kept in `target/browser-artifacts/`.
//!
//! Without Chromium the test says so and passes, unless
//! `READOUT_REQUIRE_BROWSER` is set (CI sets it, and installs Chromium).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const US: &str = "readouts/2024-05-31-singapore/us.yaml";
const CN: &str = "readouts/2024-05-31-singapore/cn.yaml";
/// A browser that takes longer than this is stuck, not slow.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);
/// Pages a printed flagship report may plausibly take.
const PLAUSIBLE_PAGES: std::ops::RangeInclusive<usize> = 1..=20;
/// A blank 1400×2000 screenshot compresses to about 10 KB; a page of text
/// is tens of times that.
const MIN_SCREENSHOT_BYTES: u64 = 50_000;

/// `chromium` on the PATH, else the usual system location.
fn chromium() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| Some(PathBuf::from("/usr/bin/chromium")).filter(|p| p.is_file()))
}

/// Runs `cmd` to completion, killing it past [`BROWSER_TIMEOUT`].
fn run(mut cmd: Command) -> Output {
    let what = format!("{cmd:?}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            panic!("{what}: still running after {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().expect("output")
}

/// Headless Chromium with a profile of its own and nothing in the background.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// `/Type /Page` objects (not the `/Type /Pages` tree) in a PDF's bytes.
fn pdf_pages(pdf: &[u8]) -> usize {
    [&b"/Type /Page"[..], &b"/Type/Page"[..]]
        .iter()
        .map(|key| {
            pdf.windows(key.len() + 1)
                .filter(|w| w.starts_with(key) && !w[key.len()].is_ascii_alphanumeric())
                .count()
        })
        .sum()
}

/// The width and height a PNG's header gives.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}

/// Attribute values and stylesheet rules that would load something from
/// elsewhere. Addresses may appear as text (a source's address), not there.
fn external_references(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in page.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        for key in ["src=", "href=", "srcset=", "action=", "poster=", "data="] {
            for (i, _) in tag.match_indices(key) {
                let value = tag[i + key.len()..].trim_start_matches(['"', '\'']);
                if !value.starts_with('#') {
                    found.push(format!("<{tag}>"));
                }
            }
        }
    }
    let style = page
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap_or("");
    for rule in ["@import", "url(", "://"] {
        if style.contains(rule) {
            found.push(format!("stylesheet: {rule}"));
        }
    }
    found
}

fn artifacts_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("browser-artifacts")
}

#[test]
fn the_flagship_report_prints_and_renders_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("READOUT_REQUIRE_BROWSER").is_none(),
            "READOUT_REQUIRE_BROWSER is set, but there is no chromium on the PATH or in /usr/bin"
        );
        eprintln!(
            "skipped: no chromium on the PATH or in /usr/bin (set READOUT_REQUIRE_BROWSER to require it)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("flagship.html");
    let status = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["compare", US, CN, "-o"])
        .arg(&html)
        .env("SOURCE_DATE_EPOCH", "1717200000")
        .status()
        .expect("readout runs");
    assert_eq!(status.code(), Some(1), "the accounts differ");
    let page = std::fs::read_to_string(&html).expect("the page");

    // Self-contained: nothing to fetch, nothing to run.
    assert_eq!(external_references(&page), Vec::<String>::new());
    assert!(!page.contains("<script"), "no script");
    assert!(page.contains("<table class=\"matrix\">"), "the matrix");

    let url = format!("file://{}", html.display());
    let (pdf, png) = (
        dir.path().join("flagship.pdf"),
        dir.path().join("flagship.png"),
    );
    let profile = tempfile::tempdir().expect("profile dir");

    // The DOM as the browser built it: the matrix row of every topic.
    let mut cmd = headless(&browser, profile.path());
    cmd.arg("--dump-dom").arg(&url);
    let dom = run(cmd);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom_text.contains("<table class=\"matrix\">"),
        "the browser sees no matrix: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let topics = page.matches("<section class=\"topic\"").count();
    assert_eq!(
        dom_text
            .matches("<tr><th scope=\"row\"><a href=\"#topic-")
            .count(),
        topics
    );

    let mut cmd = headless(&browser, profile.path());
    cmd.arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(&url);
    let out = run(cmd);
    let bytes = std::fs::read(&pdf)
        .unwrap_or_else(|e| panic!("no PDF ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let pages = pdf_pages(&bytes);
    eprintln!("the flagship report prints on {pages} pages");
    assert!(PLAUSIBLE_PAGES.contains(&pages), "{pages} pages");

    let mut cmd = headless(&browser, profile.path());
    cmd.arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1400,2000")
        .arg("--hide-scrollbars")
        .arg(&url);
    let out = run(cmd);
    let shot = std::fs::read(&png).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(png_size(&shot), (1400, 2000));
    assert!(
        shot.len() as u64 > MIN_SCREENSHOT_BYTES,
        "a blank screenshot ({} bytes)",
        shot.len()
    );

    let keep = artifacts_dir();
    std::fs::create_dir_all(&keep).expect("artifacts dir");
    std::fs::copy(&png, keep.join("flagship.png")).expect("keep the screenshot");
    std::fs::copy(&pdf, keep.join("flagship.pdf")).expect("keep the PDF");
}

#[test]
fn external_references_are_found() {
    let page = "<style>a{b:c}</style><p>https://example.org/ as text</p><a href=\"#topic-x\">x</a>";
    assert!(external_references(page).is_empty());
    for bad in [
        "<img src=\"https://x/y.png\">",
        "<link href='http://x/s.css'>",
        "<a href=\"//x/\">",
        "<style>@import 'x.css';</style>",
        "<style>p{background:url(x.png)}</style>",
    ] {
        assert!(!external_references(bad).is_empty(), "{bad}");
    }
}

#[test]
fn pdf_pages_are_counted_apart_from_the_page_tree() {
    let pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page/Parent 1 0 R >>";
    assert_eq!(pdf_pages(pdf), 2);
}
