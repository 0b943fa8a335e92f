//! The token index of the side's earlier claims: blocked by topic, an
//! inverted index from stemmed term to claims, so that finding the claims
//! like a new one costs the length of its postings, not the archive's size.

use super::archive::Archived;
use super::claims::StanceKey;
use crate::normalize::NormClaim;
use crate::normalize::fasthash::FxHashMap;

/// Earlier claims, oldest first, indexed by (topic, term), from their keys:
/// full claims are decoded only for the candidates that get reported.
pub struct ClaimIndex<'a> {
    /// Each claim's readout, number in it, and count of terms.
    claims: Vec<(&'a Archived, u32, u32)>,
    /// Topic id ("" for claims no topic recognised) → term → claim numbers.
    postings: FxHashMap<&'a str, FxHashMap<&'a str, Vec<u32>>>,
}

/// An earlier claim like a new one: its number in the index and the Dice
/// similarity of their terms (as `align::similarity` computes it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub claim: usize,
    pub similarity: f64,
}

fn topic_key(c: &NormClaim) -> &str {
    c.topic.as_ref().map_or("", |t| t.id.as_str())
}

impl<'a> ClaimIndex<'a> {
    /// Indexes the claims of `history` (oldest first) for finding the claims
    /// like those of `new`: only the (topic, term) postings a claim of `new`
    /// can look up are kept. The side's other words, most of a long
    /// history's, are never asked for, and building and freeing a posting
    /// list for each of them was most of the index's time.
    pub fn build(history: &[&'a Archived], new: &'a [NormClaim]) -> ClaimIndex<'a> {
        let mut postings: FxHashMap<&str, FxHashMap<&str, Vec<u32>>> = FxHashMap::default();
        for c in new {
            let block = postings.entry(topic_key(c)).or_default();
            for t in &c.terms {
                block.entry(t.as_str()).or_default();
            }
        }
        let mut claims = Vec::new();
        for a in history {
            let keys = a.claims();
            for k in 0..keys.len() {
                let i = claims.len() as u32;
                let terms = keys.terms(k);
                claims.push((*a, k as u32, terms.len() as u32));
                let Some(block) = postings.get_mut(keys.topic(k).unwrap_or("")) else {
                    continue;
                };
                for t in terms {
                    if let Some(list) = block.get_mut(t) {
                        list.push(i);
                    }
                }
            }
        }
        ClaimIndex { claims, postings }
    }

    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The earlier claim numbered `i`, with the readout it belongs to.
    pub fn get(&self, i: usize) -> (&'a Archived, &'a NormClaim) {
        let (a, k, _) = self.claims[i];
        (a, &a.claims().full()[k as usize])
    }

    /// The stance key of the earlier claim numbered `i`.
    pub fn stance(&self, i: usize) -> StanceKey {
        let (a, k, _) = self.claims[i];
        a.claims().stance(k as usize)
    }

    /// Earlier claims on the same topic sharing at least one term with
    /// `claim`, most similar first, then most recent first.
    pub fn similar(&self, claim: &NormClaim) -> Vec<Candidate> {
        let Some(block) = self.postings.get(topic_key(claim)) else {
            return Vec::new();
        };
        // Candidates are sorted below on a total order: the map's order is lost.
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        for t in &claim.terms {
            for &i in block.get(t.as_str()).into_iter().flatten() {
                *shared.entry(i).or_default() += 1;
            }
        }
        let mine = claim.terms.len();
        let mut out: Vec<Candidate> = shared
            .into_iter()
            .map(|(i, n)| {
                let theirs = self.claims[i as usize].2 as usize;
                Candidate {
                    claim: i as usize,
                    similarity: 2.0 * f64::from(n) / (mine + theirs) as f64,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(b.claim.cmp(&a.claim))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;
    use crate::align::similarity;
    use crate::check::cache::Entry;
    use crate::check::claims::Claims;
    use crate::load::{Limits, load_str};
    use crate::normalize::normalize;
    use std::sync::Arc;

    fn archived(claims: &[&str]) -> Archived {
        let mut yaml = "source: {side: US}\nclaims:\n".to_string();
        for c in claims {
            yaml.push_str(&format!("  - text: \"{c}\"\n"));
        }
        let n = normalize(
            &load_str("t", &yaml, &Limits::default()).expect("loads"),
            &Taxonomy::built_in(),
        );
        Archived {
            file: "t".into(),
            entry: Arc::new(Entry {
                side: n.side.clone(),
                issuer: None,
                date: None,
                title: None,
                counterpart: None,
                claims: Some(Claims::of(&n.side, n.claims)),
            }),
        }
    }

    #[test]
    fn finds_the_same_candidates_as_all_pairs_would() {
        let old = archived(&[
            "Austin raised concerns about the Taiwan Strait.",
            "Austin discussed cyber attacks.",
            "Austin welcomed talks on the Taiwan Strait.",
            "Lunch was served.",
        ]);
        let new = archived(&[
            "Austin condemned activity in the Taiwan Strait.",
            "Lunch was late.",
        ]);
        let index = ClaimIndex::build(&[&old], new.claims().full());
        for c in new.claims().full() {
            let found = index.similar(c);
            let expected: Vec<(usize, f64)> = old
                .claims()
                .full()
                .iter()
                .enumerate()
                .filter(|(_, o)| o.topic.as_ref().map(|t| &t.id) == c.topic.as_ref().map(|t| &t.id))
                .map(|(i, o)| (i, similarity(o, c)))
                .filter(|(_, s)| *s > 0.0)
                .collect();
            assert_eq!(found.len(), expected.len(), "{}", c.text);
            for cand in found {
                let (_, s) = expected
                    .iter()
                    .find(|(i, _)| *i == cand.claim)
                    .expect("same candidate");
                assert!((s - cand.similarity).abs() < 1e-12);
            }
        }
        let best = index.similar(&new.claims().full()[0]);
        assert!(best[0].similarity >= best[best.len() - 1].similarity);
    }
}
