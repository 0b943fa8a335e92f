//! Classify: decide how each pair of claims relates and what each topic's
//! verdict is, naming the rule and the words that fired it.

pub mod point;
pub mod restate;
pub mod rule;

use schemars::JsonSchema;
use serde::Serialize;

use crate::align::{AlignedTopic, pair, similarity};
use crate::normalize::NormReadout;
use crate::normalize::taxonomy::Taxonomy;
pub use point::{Points, TopicFrame};
pub use restate::restates;
pub use rule::Rule;

/// How two claims on one topic relate, least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agreement,
    Divergence,
    Contradiction,
}

/// A topic's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agreement,
    Contradiction,
    Divergence,
    Omission,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Agreement,
        Verdict::Contradiction,
        Verdict::Divergence,
        Verdict::Omission,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agreement => "agreement",
            Verdict::Contradiction => "contradiction",
            Verdict::Divergence => "divergence",
            Verdict::Omission => "omission",
        }
    }

    /// Severity for `--fail-on` and sorting: contradiction > omission > divergence > agreement.
    pub fn severity(self) -> u8 {
        match self {
            Verdict::Agreement => 0,
            Verdict::Divergence => 1,
            Verdict::Omission => 2,
            Verdict::Contradiction => 3,
        }
    }
}

impl From<Relation> for Verdict {
    fn from(r: Relation) -> Verdict {
        match r {
            Relation::Agreement => Verdict::Agreement,
            Relation::Divergence => Verdict::Divergence,
            Relation::Contradiction => Verdict::Contradiction,
        }
    }
}

/// Which side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

/// Two paired claims (indexes into their readouts) and how they relate.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifiedPair {
    pub left: usize,
    pub right: usize,
    pub relation: Relation,
    /// The reading rule that decided the relation.
    pub rule: Rule,
    pub similarity: f64,
    /// The rule and the words that fired it, for people.
    pub reason: String,
}

/// A topic with its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifiedTopic {
    pub topic: AlignedTopic,
    pub verdict: Verdict,
    pub omitted_by: Option<Side>,
    pub pairs: Vec<ClassifiedPair>,
}

/// Classifies every aligned topic.
pub fn classify(
    left: &NormReadout,
    right: &NormReadout,
    topics: Vec<AlignedTopic>,
    taxonomy: &Taxonomy,
) -> Vec<ClassifiedTopic> {
    let points = Points::of(left, right);
    topics
        .into_iter()
        .map(|topic| {
            let omitted_by = match (topic.left.is_empty(), topic.right.is_empty()) {
                (false, true) => Some(Side::Right),
                (true, false) => Some(Side::Left),
                _ => None,
            };
            if omitted_by.is_some() {
                return ClassifiedTopic {
                    topic,
                    verdict: Verdict::Omission,
                    omitted_by,
                    pairs: Vec::new(),
                };
            }
            let frame = TopicFrame::of(taxonomy, &topic.id);
            let pairs = pairs_in(left, right, &topic, &frame, &points);
            let verdict = verdict(&pairs);
            ClassifiedTopic {
                topic,
                verdict,
                omitted_by,
                pairs,
            }
        })
        .collect()
}

/// The topic's verdict by the analysts' rule: contradiction if any pair
/// conflicts, else agreement if some pair makes the same point, else
/// divergence.
fn verdict(pairs: &[ClassifiedPair]) -> Verdict {
    pairs
        .iter()
        .map(|p| p.relation)
        .max_by_key(|r| decisiveness(*r))
        .map_or(Verdict::Divergence, Verdict::from)
}

/// How decisive a relation is for the verdict: what pairing settles first.
fn decisiveness(r: Relation) -> u8 {
    match r {
        Relation::Contradiction => 2,
        Relation::Agreement => 1,
        Relation::Divergence => 0,
    }
}

/// Pairs one-to-one, most severe relation first, then most similar; a claim
/// left over on the longer side joins its best partner, so every claim is in
/// at least one pair.
fn pairs_in(
    left: &NormReadout,
    right: &NormReadout,
    topic: &AlignedTopic,
    frame: &TopicFrame,
    points: &Points,
) -> Vec<ClassifiedPair> {
    let all: Vec<ClassifiedPair> = topic
        .left
        .iter()
        .flat_map(|&l| topic.right.iter().map(move |&r| (l, r)))
        .map(|(l, r)| relate(left, l, right, r, frame, points))
        .collect();
    // `all` is row-major over (topic.left, topic.right): index it, rather than
    // scan it, so that large topics stay linear in their number of pairs.
    let at = |list: &[usize]| -> std::collections::HashMap<usize, usize> {
        list.iter().enumerate().map(|(i, &c)| (c, i)).collect()
    };
    let (left_at, right_at) = (at(&topic.left), at(&topic.right));
    let find = |l: usize, r: usize| {
        left_at
            .get(&l)
            .zip(right_at.get(&r))
            .and_then(|(i, j)| all.get(i * topic.right.len() + j))
            .expect("every pair was related")
    };
    let key = |p: &ClassifiedPair| (decisiveness(p.relation), (p.similarity * 1e6) as i64);
    let mut chosen: Vec<(usize, usize)> =
        pair(&topic.left, &topic.right, |&l, &r| Some(key(find(l, r))));
    // Sets, not scans of `chosen`: a topic with thousands of claims on one
    // side must stay linear here.
    let paired_left: std::collections::HashSet<usize> = chosen.iter().map(|p| p.0).collect();
    let mut paired_right: std::collections::HashSet<usize> = chosen.iter().map(|p| p.1).collect();
    for &l in &topic.left {
        if !paired_left.contains(&l)
            && let Some(best) = topic
                .right
                .iter()
                .max_by_key(|&&r| (key(find(l, r)), std::cmp::Reverse(r)))
        {
            chosen.push((l, *best));
            paired_right.insert(*best);
        }
    }
    for &r in &topic.right {
        if !paired_right.contains(&r)
            && let Some(best) = topic
                .left
                .iter()
                .max_by_key(|&&l| (key(find(l, r)), std::cmp::Reverse(l)))
        {
            chosen.push((*best, r));
        }
    }
    chosen.sort();
    chosen.dedup();
    chosen
        .into_iter()
        .map(|(l, r)| find(l, r).clone())
        .collect()
}

/// How claim `l` of `left` relates to claim `r` of `right`, on the topic
/// `frame` describes (`TopicFrame::default()` when there is none), with the
/// point words of both readouts' claims (`Points::of(left, right)`).
pub fn relate(
    left: &NormReadout,
    l: usize,
    right: &NormReadout,
    r: usize,
    frame: &TopicFrame,
    points: &Points,
) -> ClassifiedPair {
    let (a, b) = (&left.claims[l], &right.claims[r]);
    let similarity = (similarity(a, b) * 100.0).round() / 100.0;
    let finding = rule::decide((left, l), (right, r), similarity, frame, points);
    ClassifiedPair {
        left: l,
        right: r,
        relation: finding.rule.relation(),
        rule: finding.rule,
        similarity,
        reason: finding.reason,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod shared_point_tests;
