//! Compare three or more accounts of one meeting: align all of them by
//! topic at once (each claim in exactly one topic), then give each pair of
//! accounts, topic by topic, the verdict the two-account classifier gives.
//!
//! The accounts are aligned in one fixed order (by file, then side and
//! issuer), whatever order they were given in, so that each claim's topic
//! does not depend on that order. Each pair of accounts is then classified
//! in the order given, as `compare A B` would, and the two-account
//! classifier is symmetric: a permutation of the inputs permutes the
//! report's columns and pairs (a pair's reason names the cue words of the
//! account given first, first).

pub mod report;

use std::collections::{HashMap, HashSet};

use crate::align::{AlignedTopic, Grouped, align_all};
use crate::classify::{self, ClassifiedTopic, Side};
use crate::model::Readout;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::{NormReadout, normalize};
use crate::report::{PairReport, Summary, claims, side_summary};
pub use report::{Cell, CellStance, NwayReport, NwayTopic, PairSummary, PairVerdict};

/// Compares every account with every other, topic by topic.
pub fn compare_all(accounts: &[Readout], taxonomy: &Taxonomy) -> NwayReport {
    let norm: Vec<NormReadout> = accounts.iter().map(|r| normalize(r, taxonomy)).collect();
    compare_all_normalized(&norm, taxonomy)
}

/// [`compare_all`] of readouts already normalized.
pub fn compare_all_normalized(accounts: &[NormReadout], taxonomy: &Taxonomy) -> NwayReport {
    let n = accounts.len();
    let canon = canonical_order(accounts);
    // rank[a]: account a's position in the canonical order.
    let mut rank = vec![0; n];
    for (position, &a) in canon.iter().enumerate() {
        rank[a] = position;
    }
    let in_canon: Vec<&NormReadout> = canon.iter().map(|&a| &accounts[a]).collect();
    let mut grouped = align_all(&in_canon, taxonomy);
    unique_ids(&mut grouped);
    // Back to the order given: claims[a] is account a's list.
    for g in &mut grouped {
        g.claims = (0..n)
            .map(|a| std::mem::take(&mut g.claims[rank[a]]))
            .collect();
    }
    let pair_list: Vec<[usize; 2]> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| [i, j]))
        .collect();
    let verdicts: Vec<Vec<PairVerdict>> = pair_list
        .iter()
        .map(|&pair| pair_verdicts(accounts, &grouped, pair, taxonomy))
        .collect();
    build(accounts, grouped, &pair_list, verdicts)
}

/// The accounts in the order they are aligned and classified in: by file,
/// then side, then issuer; accounts that tie keep the order given.
fn canonical_order(accounts: &[NormReadout]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..accounts.len()).collect();
    order.sort_by_key(|&a| {
        let r = &accounts[a].readout;
        (
            r.origin.clone(),
            r.source.side.clone(),
            r.source.issuer.clone(),
        )
    });
    order
}

/// Ad-hoc topics are named after their first claim, and two accounts may
/// use the same claim id: later ones get `#2`, `#3`, ...
fn unique_ids(topics: &mut [Grouped]) {
    let mut seen: HashSet<String> = HashSet::new();
    for t in topics {
        let mut id = t.id.clone();
        let mut k = 1;
        while seen.contains(&id) {
            k += 1;
            id = format!("{}#{k}", t.id);
        }
        seen.insert(id.clone());
        t.id = id;
    }
}

/// Each topic's verdict for the pair of accounts `[i, j]`, by the
/// two-account classifier, `i` on the left.
fn pair_verdicts(
    accounts: &[NormReadout],
    topics: &[Grouped],
    [i, j]: [usize; 2],
    taxonomy: &Taxonomy,
) -> Vec<PairVerdict> {
    let spoken: Vec<usize> = (0..topics.len())
        .filter(|&t| !topics[t].claims[i].is_empty() || !topics[t].claims[j].is_empty())
        .collect();
    let aligned: Vec<AlignedTopic> = spoken
        .iter()
        .map(|&t| AlignedTopic {
            id: topics[t].id.clone(),
            label: topics[t].label.clone(),
            adhoc: topics[t].adhoc,
            left: topics[t].claims[i].clone(),
            right: topics[t].claims[j].clone(),
        })
        .collect();
    let classified = classify::classify(&accounts[i], &accounts[j], aligned, taxonomy);
    let mut by_topic: HashMap<usize, ClassifiedTopic> =
        spoken.into_iter().zip(classified).collect();
    (0..topics.len())
        .map(|t| {
            let Some(c) = by_topic.remove(&t) else {
                return PairVerdict {
                    accounts: [i, j],
                    verdict: None,
                    omitted_by: None,
                    pairs: Vec::new(),
                };
            };
            PairVerdict {
                accounts: [i, j],
                verdict: Some(c.verdict),
                omitted_by: c.omitted_by.map(|s| match s {
                    Side::Left => i,
                    Side::Right => j,
                }),
                pairs: c
                    .pairs
                    .iter()
                    .map(|p| PairReport {
                        left: accounts[i].claims[p.left].id.clone(),
                        right: accounts[j].claims[p.right].id.clone(),
                        relation: p.relation,
                        rule: p.rule,
                        similarity: p.similarity,
                        reason: p.reason.clone(),
                        intensity_gap: None,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The report: matrix cells, pair verdicts per topic, counts and claims.
fn build(
    accounts: &[NormReadout],
    grouped: Vec<Grouped>,
    pair_list: &[[usize; 2]],
    mut verdicts: Vec<Vec<PairVerdict>>,
) -> NwayReport {
    let mut topic_of: Vec<Vec<String>> = accounts
        .iter()
        .map(|a| vec![String::new(); a.claims.len()])
        .collect();
    let mut pair_summaries: Vec<PairSummary> = pair_list
        .iter()
        .map(|&accounts| PairSummary {
            accounts,
            summary: Summary::default(),
        })
        .collect();
    let mut summary = Summary::default();
    let mut topics = Vec::with_capacity(grouped.len());
    for (t, g) in grouped.into_iter().enumerate() {
        let cells = g
            .claims
            .iter()
            .enumerate()
            .map(|(a, list)| {
                for &k in list {
                    topic_of[a][k] = g.id.clone();
                }
                Cell {
                    claims: list
                        .iter()
                        .map(|&k| accounts[a].claims[k].id.clone())
                        .collect(),
                    stance: CellStance::of(
                        list.iter().map(|&k| accounts[a].claims[k].stance.polarity),
                    ),
                    intensity: None,
                }
            })
            .collect();
        let pairs: Vec<PairVerdict> = verdicts
            .iter_mut()
            .map(|per_topic| std::mem::replace(&mut per_topic[t], empty_verdict()))
            .collect();
        for (p, s) in pairs.iter().zip(&mut pair_summaries) {
            if let Some(v) = p.verdict {
                count(&mut s.summary, v);
                count(&mut summary, v);
            }
        }
        topics.push(NwayTopic {
            topic: g.id,
            label: g.label,
            adhoc: g.adhoc,
            accounts: cells,
            pairs,
        });
    }
    let account_claims: Vec<_> = accounts
        .iter()
        .zip(topic_of)
        .map(|(a, topics)| claims(a, topics))
        .collect();
    let claim_index = account_claims
        .iter()
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect()
        })
        .collect();
    NwayReport {
        accounts: accounts.iter().map(side_summary).collect(),
        topics,
        pairs: pair_summaries,
        summary,
        agenda: None,
        account_claims,
        claim_index,
    }
}

fn empty_verdict() -> PairVerdict {
    PairVerdict {
        accounts: [0, 0],
        verdict: None,
        omitted_by: None,
        pairs: Vec::new(),
    }
}

fn count(s: &mut Summary, v: classify::Verdict) {
    use classify::Verdict::*;
    match v {
        Agreement => s.agreement += 1,
        Contradiction => s.contradiction += 1,
        Divergence => s.divergence += 1,
        Omission => s.omission += 1,
    }
}
