//! Claim by claim: each new claim's closest earlier claim of the side (with
//! a word diff when the wording changed), and the earlier claims it contradicts.

use rayon::prelude::*;

use super::claims::{StanceKey, VoiceKey};
use super::index::ClaimIndex;
use super::report::{Closest, DiffChunk, EarlierClaim, NewClaim, SelfContradiction};
use crate::classify::{Points, Relation, TopicFrame, relate, restates};
use crate::model::{Participant, Readout, Source};
use crate::normalize::cues::Polarity;
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
    let now = (!same.is_empty()).then(|| new_alone(new, i));
    let contradiction = same.into_iter().find_map(|k| {
        let now = now.as_ref()?;
        // Every rule of contradiction needs a critical claim on one side of
        // the pair (see `classify::rule::conflict`): without one, the earlier
        // claim need not be decoded from the cache, nor compared.
        if !could_contradict(index.stance(k), StanceKey::of(claim, &new.side)) {
            return None;
        }
        let (a, c) = index.get(k);
        let earlier = alone(&a.entry.side, c);
        let points = Points::of(&earlier, now);
        let pair = relate(&earlier, 0, now, 0, &TopicFrame::default(), &points);
        let contradicts = pair.relation == Relation::Contradiction
            && !one_restates_the_other(c, &now.claims[0], &points);
        contradicts.then(|| SelfContradiction {
            claim: NewClaim::of(claim),
            earlier: EarlierClaim::of(&a.file, a.entry.date.as_deref(), c),
            similarity: pair.similarity,
            reason: pair.reason,
        })
    });
    (closest, contradiction)
}

/// Whether the earlier claim or the new one says again what the other says
/// under its stance cue (`points`: of the earlier claim's one-claim readout,
/// then the new one's). A side that makes a point again, alone or beside a
/// criticism of something else, is not contradicting itself on it, whichever
/// of the two claims holds the criticism.
fn one_restates_the_other(earlier: &NormClaim, now: &NormClaim, points: &Points) -> bool {
    let earlier = (earlier, points.of_claim(0, 0));
    let now = (now, points.of_claim(1, 0));
    restates(earlier, now) || restates(now, earlier)
}

/// Whether an earlier claim of the side can contradict a new one at all, by
/// the rules of `classify::rule::conflict` between two claims of one side:
/// every rule needs a critical claim; against a critical claim, a neutral
/// one only by denying; two critical ones only by a denial or by blaming
/// each other, which takes two different parties as voices.
fn could_contradict(earlier: StanceKey, new: StanceKey) -> bool {
    use Polarity::{Critical, Neutral, Positive};
    match (earlier.polarity, new.polarity) {
        (Critical, Critical) => {
            let parties = |v: VoiceKey| v != VoiceKey::Joint;
            earlier.denial
                || new.denial
                || (parties(earlier.voice)
                    && parties(new.voice)
                    && !(earlier.voice == VoiceKey::Own && new.voice == VoiceKey::Own))
        }
        (Critical, Positive) | (Positive, Critical) => true,
        (Critical, Neutral) => new.denial,
        (Neutral, Critical) => earlier.denial,
        _ => false,
    }
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

/// Claim `i` of `new` alone, for pairing with one earlier claim after
/// another. A pair's verdict reads the two claims, the two sides and the
/// names of the people present (the participants and every claim's speaker:
/// see `classify::Points`), so the other claims' speakers stay on as
/// participants; without them the point words of every new claim would be
/// found again for each earlier claim tried.
fn new_alone(new: &NormReadout, i: usize) -> NormReadout {
    let mut readout = Readout {
        claims: Vec::new(),
        ..new.readout.clone()
    };
    readout
        .participants
        .extend(new.claims.iter().filter_map(|c| {
            c.speaker.clone().map(|name| Participant {
                name,
                ..Participant::default()
            })
        }));
    NormReadout {
        readout,
        side: new.side.clone(),
        claims: vec![new.claims[i].clone()],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;
    use crate::load::{Limits, load_path};
    use crate::normalize::normalize;

    /// The shortcut is exact: each new claim alone relates to an earlier
    /// claim as it does within its whole readout, on the corpus.
    #[test]
    fn a_new_claim_alone_relates_as_within_its_readout() {
        let taxonomy = Taxonomy::built_in();
        let read =
            |f: &str| normalize(&load_path(f, &Limits::default()).expect("loads"), &taxonomy);
        let pairs = [
            (
                "readouts/2024-04-26-beijing/us.yaml",
                "readouts/2024-05-31-singapore/us.yaml",
            ),
            (
                "readouts/2023-11-09-san-francisco/cn.yaml",
                "readouts/2024-04-26-beijing/cn.yaml",
            ),
        ];
        let mut compared = 0;
        for (before, after) in pairs {
            let (before, new) = (read(before), read(after));
            for c in &before.claims {
                let earlier = alone(&before.side, c);
                for i in 0..new.claims.len() {
                    let whole = relate(
                        &earlier,
                        0,
                        &new,
                        i,
                        &TopicFrame::default(),
                        &Points::of(&earlier, &new),
                    );
                    let now = new_alone(&new, i);
                    let one = relate(
                        &earlier,
                        0,
                        &now,
                        0,
                        &TopicFrame::default(),
                        &Points::of(&earlier, &now),
                    );
                    assert_eq!(
                        (whole.relation, whole.similarity, &whole.reason),
                        (one.relation, one.similarity, &one.reason),
                        "{} ~ {}",
                        c.text,
                        new.claims[i].text
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    /// `could_contradict` never rules out a pair the compare engine finds
    /// contradictory: every pair of one side's corpus claims on the same
    /// proposition, taken as `one` takes them.
    #[test]
    fn what_could_not_contradict_does_not() {
        let taxonomy = Taxonomy::built_in();
        let mut files: Vec<_> = std::fs::read_dir("readouts")
            .expect("corpus")
            .flatten()
            .map(|d| d.path())
            .collect();
        files.sort();
        let (mut contradictions, mut ruled_out) = (0, 0);
        for side in ["us.yaml", "cn.yaml"] {
            let readouts: Vec<NormReadout> = files
                .iter()
                .map(|d| d.join(side))
                .filter(|f| f.exists())
                .map(|f| {
                    let r = load_path(&f.to_string_lossy(), &Limits::default()).expect("loads");
                    normalize(&r, &taxonomy)
                })
                .collect();
            for new in &readouts {
                for i in 0..new.claims.len() {
                    let now = new_alone(new, i);
                    for before in &readouts {
                        for c in &before.claims {
                            if crate::align::similarity(c, &new.claims[i]) < SAME_PROPOSITION {
                                continue;
                            }
                            let earlier = alone(&before.side, c);
                            let points = Points::of(&earlier, &now);
                            let pair =
                                relate(&earlier, 0, &now, 0, &TopicFrame::default(), &points);
                            let possible = could_contradict(
                                StanceKey::of(c, &before.side),
                                StanceKey::of(&new.claims[i], &new.side),
                            );
                            if pair.relation == Relation::Contradiction {
                                assert!(possible, "{} ~ {}", c.text, new.claims[i].text);
                                contradictions += 1;
                            }
                            ruled_out += usize::from(!possible);
                        }
                    }
                }
            }
        }
        assert!(
            contradictions > 0 && ruled_out > 0,
            "{contradictions} {ruled_out}"
        );
    }
}
