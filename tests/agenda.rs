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
