//! The engine's accuracy on the corpus must not fall below the floor recorded
//! in readouts/floor.yaml (raise the floor when the engine improves).

use readout::load::Limits;
use readout::{Taxonomy, eval};

#[derive(serde::Deserialize)]
struct Floor {
    macro_f1: f64,
    contradiction_recall: f64,
    alignment_f1: f64,
}

#[test]
fn corpus_scores_stay_above_the_floor() {
    let text = std::fs::read_to_string("readouts/floor.yaml").expect("readouts/floor.yaml");
    let floor: Floor = readout::load::yaml::parse("readouts/floor.yaml", &text, Default::default())
        .expect("floor parses");
    let report = eval::evaluate(
        &[std::path::PathBuf::from("readouts")],
        &Taxonomy::built_in(),
        &Limits::default(),
    )
    .expect("eval runs");
    let o = &report.overall;
    let contradiction = o
        .per_verdict
        .iter()
        .find(|v| v.verdict.name() == "contradiction")
        .expect("contradiction row");
    assert!(
        o.macro_f1 >= floor.macro_f1,
        "macro-F1 {:.3} fell below {:.3}",
        o.macro_f1,
        floor.macro_f1
    );
    assert!(
        contradiction.recall >= floor.contradiction_recall,
        "contradiction recall {:.3} fell below {:.3}",
        contradiction.recall,
        floor.contradiction_recall
    );
    assert!(
        o.alignment_f1 >= floor.alignment_f1,
        "alignment F1 {:.3} fell below {:.3}",
        o.alignment_f1,
        floor.alignment_f1
    );
}
