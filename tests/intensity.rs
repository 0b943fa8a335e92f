//! Intensity annotates a comparison and changes nothing else: on every pair
//! of the corpus the verdicts, relations and rules are the ones without it,
//! and `--intensity` only adds lines to the text report.

use assert_cmd::Command;
use readout::load::{Limits, load_path};
use readout::{Taxonomy, compare};

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
fn intensity_never_changes_a_verdict_or_a_relation() {
    let taxonomy = Taxonomy::built_in();
    let limits = Limits::default();
    let mut gaps = 0;
    for dir in pairs() {
        let load = |f: &str| load_path(&dir.join(f).display().to_string(), &limits).expect("loads");
        let (us, cn) = (load("us.yaml"), load("cn.yaml"));
        let plain = compare(&us, &cn, &taxonomy);
        let mut annotated = plain.clone();
        readout::intensity::report::annotate(&mut annotated);
        assert_eq!(plain.summary, annotated.summary, "{}", dir.display());
        for (a, b) in plain.topics.iter().zip(&annotated.topics) {
            assert_eq!((&a.topic, a.verdict), (&b.topic, b.verdict));
            let relations = |t: &readout::report::TopicReport| -> Vec<_> {
                t.pairs.iter().map(|p| (p.relation, p.rule)).collect()
            };
            assert_eq!(relations(a), relations(b));
            for p in &b.pairs {
                if let Some(g) = &p.intensity_gap {
                    gaps += 1;
                    assert!(g.left.abs_diff(g.right) >= readout::intensity::NOTABLE_GAP);
                }
            }
        }
    }
    assert!(
        gaps > 0,
        "the corpus has pairs of one stance worded levels apart"
    );
}

#[test]
fn the_text_report_gains_intensity_lines_and_nothing_else() {
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("readout")
            .expect("binary")
            .args([
                "compare",
                "readouts/2022-06-10-singapore/us.yaml",
                "readouts/2022-06-10-singapore/cn.yaml",
                "--color",
                "never",
            ])
            .args(extra)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
        )
    };
    let (code, plain) = run(&[]);
    let (code_with, with) = run(&["--intensity"]);
    assert_eq!(code, code_with);
    assert!(with.contains("  intensity: United States serious (us-1), China warns (cn-4)"));
    assert!(
        with.contains("      intensity: China's wording is 2 levels stronger: warns vs serious")
    );
    let without: Vec<&str> = with
        .lines()
        .filter(|l| !l.trim_start().starts_with("intensity:"))
        .collect();
    assert_eq!(without, plain.lines().collect::<Vec<_>>());
}
