//! The invariants the design promises, as properties: every claim appears
//! exactly once in a report; swapping the inputs mirrors the report; output
//! is deterministic; normalization is idempotent; no string as claim text and
//! no YAML document makes the pipeline panic.
//!
//! Readouts are generated from real agenda phrases and stance verbs, so the
//! properties run through real topics and verdicts, not only omissions.

use std::collections::BTreeSet;

use proptest::prelude::*;
use readout::classify::Side;
use readout::load::{self, Limits, yaml::quote};
use readout::model::Readout;
use readout::normalize::text::matching_form;
use readout::render::{self, Format};
use readout::{Report, Taxonomy, compare};

const SUBJECTS: &[&str] = &[
    "Austin",
    "Dong",
    "The U.S. side",
    "The Chinese side",
    "Both sides",
    "Secretary Blinken",
    "Wang Yi",
];
const VERBS: &[&str] = &[
    "raised concerns about",
    "welcomed",
    "firmly opposes",
    "condemned",
    "agreed to maintain",
    "stressed the importance of",
    "discussed",
    "denied any role in",
    "honored our promise not to provide weapons for",
    "said the U.S. side does not seek",
    "urged restraint on",
];
const OBJECTS: &[&str] = &[
    "provocative military activity around the Taiwan Strait",
    "U.S. arms sales to Taiwan",
    "freedom of navigation in the South China Sea",
    "China's support for Russia's defense industrial base",
    "the war in Ukraine",
    "military-to-military communication",
    "the denuclearization of the Korean Peninsula",
    "counternarcotics cooperation on fentanyl",
    "export controls on advanced chips",
    "the risks of artificial intelligence",
    "cyber attacks on critical infrastructure",
    "the deployment of missile systems in the Philippines",
    "the nuclear buildup",
    "people-to-people exchanges",
];

fn claim_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SUBJECTS),
        prop::sample::select(VERBS),
        prop::sample::select(OBJECTS),
        prop::option::of(prop::sample::select(OBJECTS)),
    )
        .prop_map(|(s, v, o, also)| match also {
            Some(also) => format!("{s} {v} {o} and {also}."),
            None => format!("{s} {v} {o}."),
        })
}

/// A readout file for `side` with the given claim texts, ids `prefix-1`, ...
fn yaml(side: &str, prefix: &str, texts: &[String]) -> String {
    let mut y = format!("source: {{side: {}}}\nclaims:\n", quote(side));
    for (i, t) in texts.iter().enumerate() {
        y.push_str(&format!(
            "  - id: {prefix}-{}\n    text: {}\n",
            i + 1,
            quote(t)
        ));
    }
    y
}

fn load(name: &str, text: &str) -> Readout {
    load::load_str(name, text, &Limits::default()).expect("generated readouts are valid")
}

fn pair() -> impl Strategy<Value = (Readout, Readout)> {
    (
        prop::collection::vec(claim_text(), 1..8),
        prop::collection::vec(claim_text(), 1..8),
    )
        .prop_map(|(l, r)| {
            (
                load("us.yaml", &yaml("United States", "us", &l)),
                load("cn.yaml", &yaml("China", "cn", &r)),
            )
        })
}

/// Every id of `side` filed under the report's topics, in filing order.
fn filed(report: &Report, side: Side) -> Vec<String> {
    report
        .topics
        .iter()
        .flat_map(|t| match side {
            Side::Left => t.left.clone(),
            Side::Right => t.right.clone(),
        })
        .collect()
}

fn render_all(report: &Report) -> Vec<Vec<u8>> {
    [Format::Text, Format::Json, Format::Markdown, Format::Html]
        .into_iter()
        .flat_map(|f| {
            [false, true].into_iter().map(move |color| {
                let mut out = Vec::new();
                render::render(report, f, color, &render::Made::at(0), &mut out)
                    .expect("renders into memory");
                out
            })
        })
        .collect()
}

/// A topic as seen from the other side: what it should be in the swapped report.
type Mirror = (
    String,
    String,
    Vec<String>,
    Vec<String>,
    Option<String>,
    BTreeSet<(String, String, String)>,
);

fn mirrored(report: &Report, swap: bool) -> BTreeSet<Mirror> {
    let side = |s: Option<Side>| {
        s.map(|s| match (s, swap) {
            (Side::Left, false) | (Side::Right, true) => "left".to_string(),
            _ => "right".to_string(),
        })
    };
    report
        .topics
        .iter()
        .map(|t| {
            let (a, b) = if swap {
                (&t.right, &t.left)
            } else {
                (&t.left, &t.right)
            };
            let pairs = t
                .pairs
                .iter()
                .map(|p| {
                    let (x, y) = if swap {
                        (&p.right, &p.left)
                    } else {
                        (&p.left, &p.right)
                    };
                    (x.clone(), y.clone(), format!("{:?}", p.relation))
                })
                .collect();
            (
                t.topic.clone(),
                format!("{:?}", t.verdict),
                a.clone(),
                b.clone(),
                side(t.omitted_by),
                pairs,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_claim_appears_exactly_once((left, right) in pair()) {
        let report = compare(&left, &right, &Taxonomy::built_in());
        for (side, readout) in [(Side::Left, &left), (Side::Right, &right)] {
            let mut ids = filed(&report, side);
            ids.sort();
            let mut want: Vec<String> = readout.claims.iter().map(|c| c.id.clone()).collect();
            want.sort();
            prop_assert_eq!(ids, want);
        }
        let s = &report.summary;
        prop_assert_eq!(s.agreement + s.contradiction + s.divergence + s.omission, report.topics.len());
    }

    #[test]
    fn swapping_the_inputs_mirrors_the_report((left, right) in pair()) {
        let taxonomy = Taxonomy::built_in();
        let forward = compare(&left, &right, &taxonomy);
        let backward = compare(&right, &left, &taxonomy);
        prop_assert_eq!(mirrored(&forward, false), mirrored(&backward, true));
        prop_assert_eq!(forward.summary, backward.summary);
    }

    #[test]
    fn output_is_deterministic((left, right) in pair()) {
        let taxonomy = Taxonomy::built_in();
        let first = render_all(&compare(&left, &right, &taxonomy));
        let again = render_all(&compare(&left.clone(), &right.clone(), &taxonomy));
        prop_assert!(first == again);
    }

    #[test]
    fn matching_form_is_idempotent(s in any::<String>()) {
        let once = matching_form(&s);
        prop_assert_eq!(matching_form(&once), once);
    }

    #[test]
    fn matching_form_is_idempotent_on_unicode_text(s in "[\\PC\\s\u{300}-\u{36f}\u{2000}-\u{206f}\u{ff00}-\u{ffef}]{0,40}") {
        let once = matching_form(&s);
        prop_assert_eq!(matching_form(&once), once);
    }

    #[test]
    fn any_string_as_claim_text_never_panics(texts in prop::collection::vec(any::<String>(), 1..4), (_, right) in pair()) {
        let text = yaml("United States", "us", &texts);
        // Blank texts are refused; anything else must go through every stage.
        if let Ok(left) = load::load_str("us.yaml", &text, &Limits::default()) {
            for report in [compare(&left, &right, &Taxonomy::built_in()), compare(&right, &left, &Taxonomy::built_in())] {
                render_all(&report);
            }
        } else {
            prop_assert!(texts.iter().any(|t| t.trim().is_empty()));
        }
    }

    #[test]
    fn any_yaml_document_never_panics(doc in yaml_document()) {
        check_document(&doc);
    }

    #[test]
    fn any_text_as_a_document_never_panics(doc in any::<String>()) {
        check_document(&doc);
    }
}

/// The generator reaches every verdict, so the properties above are about
/// real comparisons and not only omissions.
#[test]
fn generated_pairs_reach_every_verdict() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(Config::default().rng_algorithm),
    );
    let mut seen = BTreeSet::new();
    let mut loaded = 0;
    for _ in 0..64 {
        let (left, right) = pair().new_tree(&mut runner).expect("a pair").current();
        for t in compare(&left, &right, &Taxonomy::built_in()).topics {
            seen.insert(format!("{:?}", t.verdict));
        }
        let doc = yaml_document()
            .new_tree(&mut runner)
            .expect("a document")
            .current();
        loaded += usize::from(load::load_str("doc.yaml", &doc, &Limits::default()).is_ok());
    }
    let want: BTreeSet<String> = ["Agreement", "Contradiction", "Divergence", "Omission"]
        .map(String::from)
        .into();
    assert_eq!(seen, want);
    eprintln!("{loaded} of 64 generated YAML documents were readouts");
}

/// Loads `doc`; if it is a readout, compares it both ways and renders it.
fn check_document(doc: &str) {
    let limits = Limits::default();
    match load::load_str("doc.yaml", doc, &limits) {
        Ok(readout) => {
            let other = load(
                "cn.yaml",
                &yaml(
                    "China",
                    "cn",
                    &["China welcomed dialogue on Taiwan.".to_string()],
                ),
            );
            render_all(&compare(&readout, &other, &Taxonomy::built_in()));
            render_all(&compare(&other, &readout, &Taxonomy::built_in()));
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("doc.yaml"), "{message}");
        }
    }
}

fn scalar() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => any::<String>().prop_map(|s| quote(&s)),
        1 => "[a-zA-Z0-9 .,'\"&*!|>:#-]{0,20}",
        1 => Just("~".to_string()),
        1 => Just("1".to_string()),
        1 => Just("&a anchored".to_string()),
        1 => Just("*a".to_string()),
        1 => Just("!!binary aGVsbG8=".to_string()),
        1 => Just("|\n  block text\n".to_string()),
        4 => claim_text(),
        4 => claim_text().prop_map(|t| quote(&t)),
    ]
}

/// YAML documents built from the readout schema's keys, YAML syntax and
/// arbitrary scalars, nested a few levels, and readouts with arbitrary values
/// in their fields: most are near-misses of readouts, some are readouts.
fn yaml_document() -> impl Strategy<Value = String> {
    prop_oneof![free_document(), readout_like()]
}

fn free_document() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "readout",
        "meeting",
        "title",
        "date",
        "place",
        "source",
        "side",
        "issuer",
        "participants",
        "name",
        "role",
        "claims",
        "statement",
        "id",
        "text",
        "speaker",
        "quote",
        "topic",
        "stance",
        "<<",
        "? complex",
        "\"quoted key\"",
        "claim",
    ]);
    scalar()
        .prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(", "))),
                prop::collection::vec((key.clone(), inner), 0..5).prop_map(|entries| {
                    let body: Vec<String> = entries
                        .into_iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect();
                    format!("{{{}}}", body.join(", "))
                }),
            ]
        })
        .prop_map(|doc| {
            // Block form at the top, as readout files are written.
            match doc.strip_prefix('{').and_then(|d| d.strip_suffix('}')) {
                Some(body) => body.split(", ").collect::<Vec<_>>().join("\n"),
                None => doc,
            }
        })
}

/// The shape of a readout with arbitrary scalars in its fields.
fn readout_like() -> impl Strategy<Value = String> {
    let claim = (
        scalar(),
        prop::option::of(scalar()),
        prop::option::of(scalar()),
        prop::option::of(prop::sample::select(vec![
            "positive", "concern", "critical", "neutral", "nonsense", "~",
        ])),
    );
    (
        scalar(),
        prop::option::of(scalar()),
        prop::collection::vec(claim, 0..4),
        prop::option::of(scalar()),
        prop::option::of(prop::sample::select(vec!["1", "2", "x", "~", "-1", "1.5"])),
    )
        .prop_map(|(side, title, claims, statement, version)| {
            let mut y = String::new();
            if let Some(v) = version {
                y.push_str(&format!("readout: {v}\n"));
            }
            if let Some(t) = title {
                y.push_str(&format!("meeting:\n  title: {t}\n"));
            }
            y.push_str(&format!("source:\n  side: {side}\n"));
            if !claims.is_empty() {
                y.push_str("claims:\n");
            }
            for (text, id, topic, stance) in claims {
                y.push_str(&format!("  - text: {text}\n"));
                if let Some(id) = id {
                    y.push_str(&format!("    id: {id}\n"));
                }
                if let Some(topic) = topic {
                    y.push_str(&format!("    topic: {topic}\n"));
                }
                if let Some(stance) = stance {
                    y.push_str(&format!("    stance: {stance}\n"));
                }
            }
            if let Some(st) = statement {
                y.push_str(&format!("statement: {st}\n"));
            }
            y
        })
}
