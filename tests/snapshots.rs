//! Snapshots of the text, JSON, Markdown and HTML reports for every pair in
//! readouts/, so that any change in output is seen and reviewed.

use readout::load::{Limits, load_path};
use readout::render::{Format, Made, render};
use readout::{Taxonomy, compare};

/// The `SOURCE_DATE_EPOCH` the HTML pages are made at (2024-06-01 00:00
/// UTC), so that their "made on" line stays the same from run to run.
const SOURCE_DATE_EPOCH: &str = "1717200000";

fn pairs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir("readouts")
        .expect("readouts/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("us.yaml").is_file() && p.join("cn.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn reports_for_every_pair() {
    let taxonomy = Taxonomy::built_in();
    let limits = Limits::default();
    let made = Made::from_source_date_epoch(Some(SOURCE_DATE_EPOCH)).expect("a time");
    let dirs = pairs();
    assert!(
        dirs.len() >= 10,
        "the corpus has the flagship and nine more pairs"
    );
    for dir in dirs {
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let left = load_path(&format!("readouts/{name}/us.yaml"), &limits).expect("us.yaml loads");
        let right = load_path(&format!("readouts/{name}/cn.yaml"), &limits).expect("cn.yaml loads");
        let report = compare(&left, &right, &taxonomy);
        for (format, ext) in [
            (Format::Text, "txt"),
            (Format::Json, "json"),
            (Format::Markdown, "md"),
            (Format::Html, "html"),
        ] {
            let mut out = Vec::new();
            render(&report, format, false, &made, &mut out).expect("renders");
            let mut text = String::from_utf8(out).expect("UTF-8");
            if format == Format::Html {
                text = without_stylesheet(&text);
            }
            insta::assert_snapshot!(format!("{name}.{ext}"), text);
        }
    }
}

/// The page with its stylesheet left out: the same in every page, it is
/// reviewed as the file it is kept in, not 25 times over.
fn without_stylesheet(page: &str) -> String {
    let start = page.find("<style>").expect("a stylesheet") + "<style>".len();
    let end = page.find("</style>").expect("a stylesheet");
    format!(
        "{}\n/* the page's stylesheet */\n{}",
        &page[..start],
        &page[end..]
    )
}

/// Snapshots of what `--intensity` and `--agenda us-china-defense` add, on
/// the flagship and on a defense meeting whose accounts leave most of the
/// agenda unmentioned; the reports without the flags are the ones above.
#[test]
fn reports_with_intensity_and_the_defense_agenda() {
    let taxonomy = Taxonomy::built_in();
    let limits = Limits::default();
    let made = Made::from_source_date_epoch(Some(SOURCE_DATE_EPOCH)).expect("a time");
    let agenda = readout::agenda::builtin::get("us-china-defense").expect("built in");
    for name in ["2024-05-31-singapore", "2022-06-10-singapore"] {
        let left = load_path(&format!("readouts/{name}/us.yaml"), &limits).expect("us.yaml loads");
        let right = load_path(&format!("readouts/{name}/cn.yaml"), &limits).expect("cn.yaml loads");
        let mut report = compare(&left, &right, &taxonomy);
        readout::intensity::report::annotate(&mut report);
        readout::agenda::apply(&mut report, &agenda, &[&left, &right], &taxonomy);
        for (format, ext) in [
            (Format::Text, "txt"),
            (Format::Json, "json"),
            (Format::Markdown, "md"),
            (Format::Html, "html"),
        ] {
            let mut out = Vec::new();
            render(&report, format, false, &made, &mut out).expect("renders");
            let mut text = String::from_utf8(out).expect("UTF-8");
            if format == Format::Html {
                text = without_stylesheet(&text);
            }
            insta::assert_snapshot!(format!("{name}.intensity-agenda.{ext}"), text);
        }
    }
}
