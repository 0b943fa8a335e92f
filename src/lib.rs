//! readout: compare official accounts ("readouts") of the same meeting.
//!
//! The pipeline, one module a stage:
//! [`load`] (YAML → [`model::Readout`]) → [`normalize`] (topic-tagged claims)
//! → [`align`] (topics across accounts, claim pairs) → [`classify`]
//! (agreement | contradiction | divergence | omission) → [`report`] → [`render`].

pub mod agenda;
pub mod align;
pub mod check;
pub mod claims;
pub mod classify;
pub mod cli;
pub mod error;
pub mod eval;
pub mod exit_codes;
pub mod extract;
pub mod intensity;
pub mod load;
pub mod model;
pub mod normalize;
pub mod nway;
pub mod output;
pub mod render;
pub mod report;
pub mod run;
pub mod schema;

pub use error::{Error, Result};
pub use normalize::taxonomy::Taxonomy;
pub use report::Report;

use model::Readout;
use normalize::{NormReadout, normalize};

/// Compares two loaded readouts: the whole pipeline after load.
pub fn compare(left: &Readout, right: &Readout, taxonomy: &Taxonomy) -> Report {
    compare_normalized(
        &normalize(left, taxonomy),
        &normalize(right, taxonomy),
        taxonomy,
    )
}

/// Compares a readout with itself (LEFT and RIGHT name one file): each
/// claim is reported once, filed by topic, every topic an agreement.
pub fn compare_with_itself(readout: &Readout, taxonomy: &Taxonomy) -> Report {
    let norm = normalize(readout, taxonomy);
    compare_normalized(&norm, &norm, taxonomy).of_one_file()
}

/// Compares two readouts already normalized (the archive check reuses these).
pub fn compare_normalized(left: &NormReadout, right: &NormReadout, taxonomy: &Taxonomy) -> Report {
    let topics = align::align(left, right, taxonomy);
    let classified = classify::classify(left, right, topics, taxonomy);
    Report::build(left, right, &classified)
}
