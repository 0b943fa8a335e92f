//! Properties of `check` on generated archives: the token index finds what
//! comparing every pair would, every new claim is accounted for, and the
//! lists agree with one another.

mod support;

use std::collections::HashSet;

use proptest::prelude::*;
use readout::Taxonomy;
use readout::align::similarity;
use readout::check::cache::Cache;
use readout::check::{CheckOptions, archive::find_files, check};
use readout::load::{Limits, load_path};
use readout::normalize::normalize;

fn topic(c: &readout::normalize::NormClaim) -> Option<&str> {
    c.topic.as_ref().map(|t| t.id.as_str())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn check_agrees_with_all_pairs(seed in 0u64..1_000, readouts in 4usize..30, claims in 1usize..8) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("archive");
        let files = support::archive::write(&root, readouts, claims, seed).expect("archive");
        let limits = Limits::default();
        let taxonomy = Taxonomy::built_in();
        let new_file = files.last().expect("files").to_string_lossy().into_owned();
        let new = load_path(&new_file, &limits).expect("loads");
        let all = find_files(&[root.to_string_lossy().into_owned()], Some(files.last().expect("files"))).expect("files");
        let opts = CheckOptions { taxonomy: &taxonomy, limits: &limits, window: None, recent: 3, any_counterpart: true };
        let report = check(&new, &all, &mut Cache::disabled(), &opts, &|| {}).expect("check");

        // The side's history, normalized independently, compared pair by pair.
        let norm = normalize(&new, &taxonomy);
        let history: Vec<_> = all
            .iter()
            .map(|f| normalize(&load_path(f, &limits).expect("loads"), &taxonomy))
            .filter(|r| r.side == norm.side && r.readout.meeting.date < new.meeting.date)
            .collect();
        prop_assert_eq!(report.history.readouts, history.len());
        prop_assert_eq!(report.closest.len(), norm.claims.len());
        for (c, got) in norm.claims.iter().zip(&report.closest) {
            prop_assert_eq!(&got.claim.id, &c.id);
            let best = history
                .iter()
                .flat_map(|r| r.claims.iter())
                .filter(|o| topic(o) == topic(c))
                .map(|o| similarity(o, c))
                .fold(0.0f64, f64::max);
            prop_assert!((got.similarity - (best * 100.0).round() / 100.0).abs() < 1e-9, "{} vs {}", got.similarity, best);
            prop_assert_eq!(got.earlier.is_some(), best > 0.0);
            prop_assert_eq!(got.reworded, got.earlier.as_ref().is_some_and(|e| e.text != c.text));
        }
        for x in &report.contradictions {
            prop_assert!(x.similarity >= 0.5);
        }
        let new_topics: HashSet<_> = report.new_topics.iter().map(|t| &t.topic).collect();
        prop_assert!(report.dropped_topics.iter().all(|t| !new_topics.contains(&t.topic)));
        let raised: HashSet<_> = norm.claims.iter().filter_map(topic).collect();
        prop_assert!(report.dropped_topics.iter().all(|t| !raised.contains(t.topic.as_str())));
        prop_assert!(report.new_topics.iter().all(|t| raised.contains(t.topic.as_str())));
    }
}
