//! Claim by claim: each new claim's closest earlier claim of the side (with
//! a word diff when the wording changed), and the earlier claims it contradicts.

use rayon::prelude::*;

use super::index::ClaimIndex;
use super::report::{Closest, DiffChunk, EarlierClaim, NewClaim, SelfContradiction};
use crate::classify::{Points, Relation, TopicFrame, relate};
use crate::model::{Readout, Source};
use crate::normalize::{NormClaim, NormReadout};
use crate::render::diff::{Chunk, words};

/// Similarity at which two claims of a side are taken to state the same
/// proposition, so that opposite stances on them are a self-contradiction.
pub const SAME_PROPOSITION: f64 = 0.5;

/// The closest earlier claim of every new claim, and the self-contradictions.
pub fn compare_claims(
    new: &NormReadout,
    index: &ClaimIndex,
) -> (Vec<Closest>, Vec<SelfContradiction>) {
    let per_claim: Vec<(Closest, Option<SelfContradiction>)> = (0..new.claims.len())
        .into_par_iter()
        .map(|i| one(new, i, index))
        .collect();
    let mut closest = Vec::with_capacity(per_claim.len());
    let mut contradictions = Vec::new();
    for (c, x) in per_claim {
        closest.push(c);
        contradictions.extend(x);
    }
    (closest, contradictions)
}

fn one(new: &NormReadout, i: usize, index: &ClaimIndex) -> (Closest, Option<SelfContradiction>) {
    let claim = &new.claims[i];
    let candidates = index.similar(claim);
    let closest = match candidates.first() {
        Some(best) => {
            let (a, c) = index.get(best.claim);
            let reworded = c.text != claim.text;
            Closest {
                claim: NewClaim::of(claim),
                earlier: Some(EarlierClaim::of(&a.file, a.entry.date.as_deref(), c)),
                similarity: round(best.similarity),
                reworded,
                diff: if reworded {
                    diff(&c.text, &claim.text)
                } else {
                    Vec::new()
                },
            }
        }
        None => Closest {
            claim: NewClaim::of(claim),
            earlier: None,
            similarity: 0.0,
            reworded: false,
            diff: Vec::new(),
        },
    };
    // The most recent earlier claim on the same proposition that the
    // compare engine finds contradicted (one side, one voice: opposite stances).
    let mut same: Vec<usize> = candidates
        .iter()
        .filter(|c| c.similarity >= SAME_PROPOSITION)
        .map(|c| c.claim)
        .collect();
    same.sort_unstable_by(|a, b| b.cmp(a));
    let contradiction = same.into_iter().find_map(|k| {
        let (a, c) = index.get(k);
        let earlier = alone(&a.entry.side, c);
        let points = Points::of(&earlier, new);
        let pair = relate(&earlier, 0, new, i, &TopicFrame::default(), &points);
        (pair.relation == Relation::Contradiction).then(|| SelfContradiction {
            claim: NewClaim::of(claim),
            earlier: EarlierClaim::of(&a.file, a.entry.date.as_deref(), c),
            similarity: pair.similarity,
            reason: pair.reason,
        })
    });
    (closest, contradiction)
}

/// A one-claim readout of `side`, as the compare engine takes its input.
fn alone(side: &str, claim: &NormClaim) -> NormReadout {
    NormReadout {
        readout: Readout {
            origin: String::new(),
            version: crate::load::SCHEMA_VERSION,
            meeting: Default::default(),
            source: Source {
                side: side.to_string(),
                ..Source::default()
            },
            participants: Vec::new(),
            claims: Vec::new(),
        },
        side: side.to_string(),
        claims: vec![claim.clone()],
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn diff(before: &str, after: &str) -> Vec<DiffChunk> {
    words(before, after)
        .into_iter()
        .map(|c| match c {
            Chunk::Same(text) => DiffChunk { op: "same", text },
            Chunk::Left(text) => DiffChunk {
                op: "removed",
                text,
            },
            Chunk::Right(text) => DiffChunk { op: "added", text },
        })
        .collect()
}
