//! Align: group the claims of two accounts into shared topics (by taxonomy
//! id, then fuzzy name, then claim similarity for claims no topic
//! recognises), and pair claims inside a topic.

mod untagged;

use crate::normalize::taxonomy::{RESOLVE_THRESHOLD, Taxonomy, simplify};
use crate::normalize::{NormClaim, NormReadout, TopicSource, TopicTag};

/// One topic of the comparison and the claims (indexes) each side puts in it.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedTopic {
    /// Taxonomy id, analyst topic id, or `other:<claim id>` for ad-hoc topics.
    pub id: String,
    pub label: String,
    /// True when no topic recognised the claims and similarity grouped them.
    pub adhoc: bool,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// Token-level similarity of two claims: Sørensen–Dice over stemmed content
/// words, in [0, 1], symmetric.
pub fn similarity(a: &NormClaim, b: &NormClaim) -> f64 {
    let (x, y) = (&a.terms, &b.terms);
    if x.is_empty() && y.is_empty() {
        return if a.matching == b.matching { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Groups the claims of `left` and `right` into topics, in taxonomy order,
/// then analyst topics by name, then ad-hoc topics. Every claim lands in
/// exactly one topic.
pub fn align(left: &NormReadout, right: &NormReadout, taxonomy: &Taxonomy) -> Vec<AlignedTopic> {
    align_all(&[left, right], taxonomy)
        .into_iter()
        .map(|g| {
            let [l, r]: [Vec<usize>; 2] = g.claims.try_into().expect("two accounts, two lists");
            AlignedTopic {
                id: g.id,
                label: g.label,
                adhoc: g.adhoc,
                left: l,
                right: r,
            }
        })
        .collect()
}

/// One topic of a comparison of any number of accounts: the claims
/// (indexes) each account puts in it, in the order the accounts were given.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouped {
    /// Taxonomy id, analyst topic id, or `other:<claim id>` for ad-hoc topics.
    pub id: String,
    pub label: String,
    /// True when no topic recognised the claims and similarity grouped them.
    pub adhoc: bool,
    /// Per account, its claims in this topic, in file order.
    pub claims: Vec<Vec<usize>>,
}

impl Grouped {
    /// Whether `account` puts no claim in this topic.
    fn silent(&self, account: usize) -> bool {
        self.claims[account].is_empty()
    }
}

/// Groups the claims of every account into topics, as [`align`] does for
/// two: "the other account" of the two-account rules is every other account
/// here. With two accounts this is exactly [`align`].
pub fn align_all(accounts: &[&NormReadout], taxonomy: &Taxonomy) -> Vec<Grouped> {
    let n = accounts.len();
    let mut topics: Vec<Grouped> = Vec::new();
    let mut untagged: Vec<Vec<usize>> = vec![Vec::new(); n];
    let spoken: Vec<Vec<&str>> = accounts.iter().map(|r| primary_topics(r)).collect();
    // What the other accounts speak of, from each account's point of view.
    let others_spoken: Vec<Vec<&str>> = (0..n)
        .map(|side| {
            (0..n)
                .filter(|&o| o != side)
                .flat_map(|o| spoken[o].iter().copied())
                .collect()
        })
        .collect();
    // Where each claim would be filed on its own; a claim continuing the one
    // before it follows it below, wherever that one went, unless it is very
    // like another account's claim (untagged::very_like_another).
    let mut proposed: Vec<Vec<Option<&TopicTag>>> = (0..n)
        .map(|side| {
            accounts[side]
                .claims
                .iter()
                .map(|c| filing(c, &others_spoken[side], taxonomy))
                .collect()
        })
        .collect();
    settle_crossings(&mut proposed, accounts, taxonomy);
    for (side, readout) in accounts.iter().enumerate() {
        let mut previous: Option<&TopicTag> = None;
        for (i, c) in readout.claims.iter().enumerate() {
            let continues = c
                .topic
                .as_ref()
                .is_some_and(|t| t.source == TopicSource::Context);
            let filed = match previous {
                Some(p) if continues => {
                    Some(untagged::very_like_another(accounts, side, i, &proposed).unwrap_or(p))
                }
                _ => proposed[side][i],
            };
            previous = filed;
            let Some(tag) = filed else {
                untagged[side].push(i);
                continue;
            };
            let slot = match topics.iter().position(|t| t.id == tag.id) {
                Some(p) => p,
                None => match same_custom_topic(&topics, &tag.label, taxonomy) {
                    Some(p) => p,
                    None => {
                        topics.push(Grouped {
                            id: tag.id.clone(),
                            label: tag.label.clone(),
                            adhoc: false,
                            claims: vec![Vec::new(); n],
                        });
                        topics.len() - 1
                    }
                },
            };
            topics[slot].claims[side].push(i);
        }
    }

    let rest = untagged::join_other_accounts(accounts, &mut topics, &untagged, taxonomy);

    fold_into_parents(&mut topics, taxonomy);
    order(&mut topics, taxonomy);
    topics.extend(untagged::adhoc_topics(accounts, &rest));
    for t in &mut topics {
        for list in &mut t.claims {
            list.sort_unstable();
        }
    }
    topics
}

fn primary_topics(r: &NormReadout) -> Vec<&str> {
    r.claims
        .iter()
        .filter_map(|c| c.topic.as_ref().map(|t| t.id.as_str()))
        .collect()
}

/// Two claims of different accounts that would swap topics (one from P to Q,
/// the other from Q to P) would pass each other and meet no one: the one
/// moving toward the later topic in taxonomy order keeps its own topic, so
/// both meet under the earlier one.
fn settle_crossings<'a>(
    proposed: &mut [Vec<Option<&'a TopicTag>>],
    sides: &[&'a NormReadout],
    taxonomy: &Taxonomy,
) {
    let rank = |id: &str| {
        taxonomy
            .topics
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(usize::MAX)
    };
    // Per side: (claim, from, to) for every claim of its own topic that would move.
    let moves: Vec<Vec<(usize, &'a TopicTag, &'a str)>> = (0..sides.len())
        .map(|side| {
            sides[side]
                .claims
                .iter()
                .zip(&proposed[side])
                .enumerate()
                .filter_map(|(i, (c, to))| {
                    let own = c.topic.as_ref()?;
                    let to = (*to)?;
                    (own.source != TopicSource::Context && to.id != own.id).then_some((
                        i,
                        own,
                        to.id.as_str(),
                    ))
                })
                .collect()
        })
        .collect();
    // Set lookups keep this linear in the number of claims.
    let ways: Vec<std::collections::HashSet<(&str, &str)>> = moves
        .iter()
        .map(|m| m.iter().map(|&(_, f, t)| (f.id.as_str(), t)).collect())
        .collect();
    for side in 0..sides.len() {
        for &(i, own, to) in &moves[side] {
            let from = own.id.as_str();
            let crossed = (0..sides.len()).any(|o| o != side && ways[o].contains(&(to, from)));
            if crossed && (rank(from), from) < (rank(to), to) {
                proposed[side][i] = Some(own);
            }
        }
    }
}

/// The topic a claim is filed under: its own, unless the other account is
/// silent on it and speaks of one of the claim's alternative topics — a claim
/// touching several topics meets the other account where it can.
fn filing<'a>(c: &'a NormClaim, other: &[&str], taxonomy: &Taxonomy) -> Option<&'a TopicTag> {
    let weight = |id: &str| taxonomy.get(id).map_or(1.0, |t| t.weight);
    let primary = c.topic.as_ref()?;
    // A topic whose broader area the other account speaks of, itself or
    // through another of its subjects, is not a silence: it will be
    // compared under the area (`fold_into_parents`).
    let area = taxonomy.area(&primary.id);
    let area_spoken = other.iter().any(|o| taxonomy.area(o) == area);
    if other.contains(&primary.id.as_str()) || area_spoken {
        return Some(primary);
    }
    // An area marked `stays` is raised for its own sake: its claims do not
    // go looking for the other account elsewhere.
    let own = taxonomy.get(&primary.id);
    if own.is_some_and(|t| t.stays) {
        return Some(primary);
    }
    let own_weight = own.map_or(1.0, |t| t.weight);
    // Only toward a specific topic: the general areas (weight below 1) are
    // each their own group whenever a side speaks to them, so a claim on
    // leaders' consensus is not moved to overall relations to meet the other
    // side there; a specific topic does not give its claims up to another
    // specific topic of less weight.
    let specific = |id: &str| weight(id) >= 1.0;
    let alternative = c
        .alternatives
        .iter()
        .find(|a| other.contains(&a.id.as_str()) && specific(&a.id) && weight(&a.id) >= own_weight);
    Some(alternative.unwrap_or(primary))
}

/// A topic only some accounts speak of is compared under its parent topic
/// when an account silent on it speaks of the parent, or of another of the
/// parent's topics: the taxonomy split the subject finer than the accounts
/// did, so it is not a silence ("outbound investment" beside "export
/// controls" is trade, when neither account speaks of both). The subjects
/// of an area kept whole (`one_area`) are always compared under it.
fn fold_into_parents(topics: &mut Vec<Grouped>, taxonomy: &Taxonomy) {
    while let Some((child, parent)) = topics.iter().enumerate().find_map(|(i, t)| {
        let accounts = 0..t.claims.len();
        let some_silent = accounts.clone().any(|a| t.silent(a));
        let all_silent = accounts.clone().all(|a| t.silent(a));
        let parent = taxonomy.parent(&t.id)?;
        if all_silent {
            return None;
        }
        if taxonomy.is_one_area(parent) {
            return Some((i, parent));
        }
        if !some_silent {
            return None;
        }
        let silent_speaks_family = accounts.into_iter().any(|a| {
            t.silent(a)
                && topics
                    .iter()
                    .any(|x| x.id != t.id && taxonomy.area(&x.id) == parent && !x.silent(a))
        });
        silent_speaks_family.then_some((i, parent))
    }) {
        let mut moved = topics.remove(child);
        match topics.iter().position(|x| x.id == parent) {
            Some(p) => {
                for (into, from) in topics[p].claims.iter_mut().zip(moved.claims) {
                    into.extend(from);
                    into.sort_unstable();
                }
            }
            None => {
                moved.id = parent.to_string();
                moved.label = taxonomy
                    .get(parent)
                    .map_or_else(|| parent.to_string(), |t| t.label.clone());
                topics.push(moved);
            }
        }
    }
}

/// An analyst topic the taxonomy does not know may still meet the other
/// side's analyst topic of a similar name.
fn same_custom_topic(topics: &[Grouped], label: &str, taxonomy: &Taxonomy) -> Option<usize> {
    // A taxonomy topic's own label resolves to it (whenever it has words
    // left once simplified): spare the fuzzy scan of every name for it.
    let own_label = || taxonomy.topics.iter().any(|t| t.label == label);
    if (own_label() && !simplify(label).is_empty()) || taxonomy.resolve(label).is_some() {
        return None;
    }
    let want = simplify(label);
    topics.iter().position(|t| {
        taxonomy.get(&t.id).is_none()
            && !t.adhoc
            && strsim::jaro_winkler(&simplify(&t.label), &want) >= RESOLVE_THRESHOLD
    })
}

/// Taxonomy topics in taxonomy order, then analyst topics by id.
fn order(topics: &mut [Grouped], taxonomy: &Taxonomy) {
    topics.sort_by_key(|t| {
        let rank = taxonomy
            .topics
            .iter()
            .position(|x| x.id == t.id)
            .unwrap_or(usize::MAX);
        (rank, t.id.clone())
    });
}

/// One-to-one pairing, greedy on `score` (highest first; `None` = may not
/// pair). Ties break on position, so the result is deterministic.
pub fn pair<L: Copy + Ord, R: Copy + Ord, S: PartialOrd + Copy>(
    left: &[L],
    right: &[R],
    score: impl Fn(&L, &R) -> Option<S>,
) -> Vec<(L, R)> {
    let mut candidates: Vec<(S, L, R)> = Vec::new();
    for l in left {
        for r in right {
            if let Some(s) = score(l, r) {
                candidates.push((s, *l, *r));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    // Sets, not vectors: a topic with thousands of claims must not go quadratic here.
    let mut used_l = std::collections::BTreeSet::new();
    let mut used_r = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (_, l, r) in candidates {
        if !used_l.contains(&l) && !used_r.contains(&r) {
            used_l.insert(l);
            used_r.insert(r);
            out.push((l, r));
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, load_str};
    use crate::normalize::normalize;

    pub(super) fn readout(side: &str, claims: &[&str]) -> NormReadout {
        let mut yaml = format!("source: {{side: {side}}}\nclaims:\n");
        for c in claims {
            yaml.push_str(&format!("  - text: \"{c}\"\n"));
        }
        let r = load_str(side, &yaml, &Limits::default()).expect("loads");
        normalize(&r, &Taxonomy::built_in())
    }

    #[test]
    fn every_claim_lands_in_one_topic() {
        let t = Taxonomy::built_in();
        // Untagged claims come first: later they would continue the topic before them.
        let l = readout(
            "US",
            &[
                "Lunch was served with noodles.",
                "Austin raised Taiwan.",
                "Cyber attacks.",
            ],
        );
        let r = readout(
            "China",
            &["Noodles were served at lunch.", "Dong spoke of Taiwan."],
        );
        let topics = align(&l, &r, &t);
        let mut seen_l: Vec<usize> = topics.iter().flat_map(|t| t.left.clone()).collect();
        seen_l.sort();
        assert_eq!(seen_l, [0, 1, 2]);
        assert_eq!(topics.iter().map(|t| t.right.len()).sum::<usize>(), 2);
        let adhoc = topics.iter().find(|t| t.adhoc).expect("ad-hoc topic");
        assert_eq!(
            (adhoc.left.as_slice(), adhoc.right.as_slice()),
            (&[0][..], &[0][..])
        );
        assert_eq!(topics[0].id, "taiwan");
    }

    #[test]
    fn a_topic_whose_parent_the_other_side_speaks_of_stays_put() {
        let t = Taxonomy::built_in();
        // Primary topic: regional security and the international order (a
        // child of overall relations); alternative: military communication,
        // which the other side raises too.
        let l = readout(
            "China",
            &[
                "Wei values the ties between the two militaries, but the international order must be respected.",
            ],
        );
        let r = readout(
            "US",
            &[
                "The relationship is at a low point.",
                "Military communication should resume.",
            ],
        );
        assert_eq!(
            l.claims[0].topic.as_ref().expect("tagged").id,
            "regional-global"
        );
        let topics = align(&l, &r, &t);
        let home = topics.iter().find(|t| t.left == [0]).expect("filed");
        assert_eq!(
            (home.id.as_str(), home.right.as_slice()),
            ("bilateral-relations", &[0][..])
        );
    }

    /// Where the one claim of `left` is filed beside `right`'s claims under
    /// `taxonomy`, and how many of `right`'s claims it meets there, after
    /// checking that its own topic is `own` and that `alternative` is one
    /// it could meet the other side under.
    fn filed(
        taxonomy: &Taxonomy,
        left: &NormReadout,
        right: &NormReadout,
        (own, alternative): (&str, &str),
    ) -> (String, usize) {
        let claim = &left.claims[0];
        assert_eq!(claim.topic.as_ref().expect("tagged").id, own);
        assert!(
            claim.alternatives.iter().any(|a| a.id == alternative),
            "{alternative} is the alternative it could meet the other side under"
        );
        let topics = align(left, right, taxonomy);
        let home = topics.iter().find(|t| t.left == [0]).expect("filed");
        (home.id.clone(), home.right.len())
    }

    #[test]
    fn a_concern_about_human_rights_stays_where_it_was_raised() {
        let t = Taxonomy::built_in();
        // The claim also names supply chains, a word of trade, which the
        // other side speaks of; the concern is still about human rights,
        // and the other side's silence on it is an omission.
        let l = readout(
            "US",
            &[
                "She raised concerns about forced labor in Xinjiang and its presence in global supply chains.",
            ],
        );
        let r = readout(
            "China",
            &[
                "Wang said the U.S. side should lift its unilateral tariffs and stop disrupting supply chains.",
            ],
        );
        let kinds = ("human-rights", "trade");
        assert_eq!(filed(&t, &l, &r, kinds), ("human-rights".to_string(), 0));
        // The same claim in an area without the mark meets the other side.
        let mut loose = t.clone();
        for topic in &mut loose.topics {
            topic.stays = false;
        }
        assert_eq!(filed(&loose, &l, &r, kinds).0, "trade");
    }

    #[test]
    fn what_a_side_says_of_chinas_development_stays_off_trade() {
        let t = Taxonomy::built_in();
        // "Decoupling" and "supply chains" are trade's words, which the
        // other side speaks; the claim is about China's path and the
        // containment of it.
        let l = readout(
            "China",
            &[
                "Han stressed that containment and suppression cannot stop China's development, and that decoupling and severing supply chains harm others.",
            ],
        );
        let r = readout(
            "US",
            &["The Secretary raised concerns about the PRC's unfair trade practices."],
        );
        assert_eq!(
            filed(&t, &l, &r, ("china-development", "trade")),
            ("china-development".to_string(), 0)
        );
    }

    #[test]
    fn subjects_of_an_area_meet_under_it_unless_both_speak_of_one() {
        let t = Taxonomy::built_in();
        // One side raises a subject of the economy, the other only the
        // economy itself: one group, not two silences.
        let l = readout(
            "US",
            &["Yellen raised the debt distress of developing countries."],
        );
        let r = readout(
            "China",
            &["He said the world economy's recovery remains sluggish."],
        );
        let topics = align(&l, &r, &t);
        assert_eq!(topics.len(), 1, "{topics:?}");
        assert_eq!(topics[0].id, "macroeconomy");
        // A subject both speak of is its own group.
        let l = readout(
            "US",
            &["She said the IMF should lead a faster debt restructuring."],
        );
        let r = readout(
            "China",
            &[
                "He said the world economy's recovery remains sluggish.",
                "He called for speeding up debt restructuring for low-income countries.",
            ],
        );
        let topics = align(&l, &r, &t);
        let debt = topics
            .iter()
            .find(|t| t.id == "debt")
            .expect("a debt group");
        assert_eq!(
            (debt.left.as_slice(), debt.right.as_slice()),
            (&[0][..], &[1][..])
        );
    }

    #[test]
    fn exchange_rates_and_financial_regulation_are_areas_of_their_own() {
        let t = Taxonomy::built_in();
        // Words on growth do not answer words on exchange rates or on
        // financial regulation: each is a silence of the other side.
        let l = readout(
            "US",
            &[
                "She said exchange rates should be set by the market.",
                "She called for stronger financial regulation and financial stability.",
            ],
        );
        let r = readout(
            "China",
            &["He said the world economy's recovery remains sluggish."],
        );
        let topics = align(&l, &r, &t);
        let ids: Vec<(&str, &[usize], &[usize])> = topics
            .iter()
            .map(|t| (t.id.as_str(), t.left.as_slice(), t.right.as_slice()))
            .collect();
        assert!(ids.contains(&("currency", &[0][..], &[][..])), "{ids:?}");
        assert!(ids.contains(&("finance", &[1][..], &[][..])), "{ids:?}");
        assert!(
            ids.contains(&("macroeconomy", &[][..], &[0][..])),
            "{ids:?}"
        );
    }

    #[test]
    fn the_subjects_of_an_area_kept_whole_always_meet_under_it() {
        let t = Taxonomy::built_in();
        assert!(t.is_one_area("trade"));
        // Both sides speak of purchases, and each of one more subject of
        // trade: all of it is the one trade group analysts keep.
        let l = readout(
            "US",
            &[
                "Yellen raised concerns about China's industrial overcapacity.",
                "She welcomed the resumed purchases of soybeans and agricultural products.",
            ],
        );
        let r = readout(
            "China",
            &[
                "He objected to US export controls on Chinese firms.",
                "He said Chinese companies resumed purchases of agricultural products.",
            ],
        );
        let topics = align(&l, &r, &t);
        assert_eq!(topics.len(), 1, "{topics:?}");
        assert_eq!(topics[0].id, "trade");
        assert_eq!(
            (topics[0].left.as_slice(), topics[0].right.as_slice()),
            (&[0, 1][..], &[0, 1][..])
        );
    }

    #[test]
    fn claims_that_would_swap_topics_meet_under_one() {
        let t = Taxonomy::built_in();
        // Each names both topics, and each side's first topic is the other's second.
        let l = readout("US", &["They discussed Ukraine and Gaza."]);
        let r = readout("China", &["They discussed Gaza and Ukraine."]);
        let topics = align(&l, &r, &t);
        assert_eq!(topics.len(), 1, "{topics:?}");
        assert_eq!(topics[0].id, "russia-ukraine");
        assert_eq!((topics[0].left.len(), topics[0].right.len()), (1, 1));
    }

    #[test]
    fn pairing_is_one_to_one_and_greedy() {
        let p = pair(&[0, 1], &[0, 1], |l, r| Some(if l == r { 1 } else { 2 }));
        assert_eq!(p, [(0, 1), (1, 0)]);
    }

    #[test]
    fn similarity_is_symmetric_dice() {
        let l = readout("US", &["China supports Russia's defense industrial base."]);
        let r = readout(
            "China",
            &["Russia's defense industrial base is not supported by China."],
        );
        let s = similarity(&l.claims[0], &r.claims[0]);
        assert!((s - similarity(&r.claims[0], &l.claims[0])).abs() < 1e-12);
        assert!(s > 0.5, "{s}");
    }
}
