//! The claims no topic took: each joins the topic of another account's
//! claim that is very like it or that names the subject it announces; the
//! rest form ad-hoc topics by similarity.

use super::{Grouped, pair, similarity};
use crate::normalize::cues::Cues;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::{NormClaim, NormReadout, TopicSource, TopicTag, terms, text};

/// Similarity at which an untagged claim joins the topic of the other side's
/// most similar claim.
const JOIN_THRESHOLD: f64 = 0.45;
/// Similarity at which two untagged claims form an ad-hoc topic together.
const ADHOC_THRESHOLD: f64 = 0.3;

/// The topic of the claim of another account that is very like claim `i`
/// of account `side`, filed by its own words: a sentence with no topic word
/// of its own goes with what the other side says nearly as it does, before
/// the sentence it follows.
pub(super) fn very_like_another<'a>(
    accounts: &[&NormReadout],
    side: usize,
    i: usize,
    proposed: &[Vec<Option<&'a TopicTag>>],
) -> Option<&'a TopicTag> {
    let mine = &accounts[side].claims[i];
    (0..accounts.len())
        .filter(|&o| o != side)
        .flat_map(|o| {
            accounts[o]
                .claims
                .iter()
                .enumerate()
                .filter_map(move |(j, c)| {
                    let own_words = c
                        .topic
                        .as_ref()
                        .is_some_and(|t| t.source != TopicSource::Context);
                    let tag = proposed[o][j].filter(|_| own_words)?;
                    Some((similarity(mine, c), o, j, tag))
                })
        })
        .filter(|(s, ..)| *s >= JOIN_THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0).then((b.1, b.2).cmp(&(a.1, a.2))))
        .map(|(.., tag)| tag)
}

/// Files each untagged claim under the topic of another account's claim
/// that names the subject it announces ("On the Mekong, ..."), or else is
/// very like it; returns, per account, the claims left over.
pub(super) fn join_other_accounts(
    accounts: &[&NormReadout],
    topics: &mut [Grouped],
    untagged: &[Vec<usize>],
    taxonomy: &Taxonomy,
) -> Vec<Vec<usize>> {
    let n = accounts.len();
    let mut rest: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut general: Option<Vec<String>> = None;
    for side in 0..n {
        for &i in &untagged[side] {
            let mine = &accounts[side].claims[i];
            let subject = &announced_terms(mine, taxonomy, &mut general);
            // Naming the subject first, then most similar; on a tie, the
            // earlier account, then the earlier claim.
            let best = (0..n)
                .filter(|&o| o != side)
                .flat_map(|o| {
                    accounts[o]
                        .claims
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.topic.is_some())
                        .map(move |(j, c)| {
                            let names = subject.iter().any(|w| c.terms.binary_search(w).is_ok());
                            (names, similarity(mine, c), o, j)
                        })
                })
                .filter(|(names, s, _, _)| *names || *s >= JOIN_THRESHOLD)
                .max_by(|a, b| {
                    (a.0.cmp(&b.0))
                        .then(a.1.total_cmp(&b.1))
                        .then((b.2, b.3).cmp(&(a.2, a.3)))
                });
            match best.and_then(|(_, _, o, j)| topics.iter().position(|t| t.claims[o].contains(&j)))
            {
                Some(p) => topics[p].claims[side].push(i),
                None => rest[side].push(i),
            }
        }
    }
    rest
}

/// The words of the subject a claim announces ("On Lancang-Mekong
/// cooperation, ..."), stemmed, less the general areas' words
/// ("cooperation"): what another account's claim must name to be on that
/// subject. `general` holds those words once read, for the comparison.
fn announced_terms(
    c: &NormClaim,
    taxonomy: &Taxonomy,
    general: &mut Option<Vec<String>>,
) -> Vec<String> {
    let toks = text::tokens(&c.text);
    let Some(subject) = Cues::get().announced_subject(&c.text, &toks) else {
        return Vec::new();
    };
    let general = general.get_or_insert_with(|| {
        let mut words: Vec<String> = taxonomy
            .topics
            .iter()
            .filter(|t| t.weight < 1.0)
            .flat_map(|t| t.keyword_stems())
            .collect();
        words.sort();
        words.dedup();
        words
    });
    let mut words = terms(&subject);
    words.retain(|w| general.binary_search(w).is_err());
    words
}

/// The claims no topic took: grouped by similarity, at most one claim of
/// each account to a group. The first account's claims each found a group;
/// each later account's claims pair one-to-one with the groups so far (by
/// their most similar member), and those left over found their own.
pub(super) fn adhoc_topics(accounts: &[&NormReadout], rest: &[Vec<usize>]) -> Vec<Grouped> {
    /// A group in the making: the claim that founded it and each account's member.
    struct Group {
        account: usize,
        claim: usize,
        members: Vec<Option<usize>>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for (side, claims) in rest.iter().enumerate() {
        let open: Vec<usize> = (0..groups.len()).collect();
        let joined = pair(&open, claims, |&g, &i| {
            let mine = &accounts[side].claims[i];
            groups[g]
                .members
                .iter()
                .enumerate()
                .filter_map(|(o, m)| m.map(|j| similarity(&accounts[o].claims[j], mine)))
                .filter(|s| *s >= ADHOC_THRESHOLD)
                .max_by(f64::total_cmp)
        });
        for &i in claims {
            match joined.iter().find(|(_, c)| *c == i) {
                Some(&(g, _)) => groups[g].members[side] = Some(i),
                None => {
                    let mut members = vec![None; accounts.len()];
                    members[side] = Some(i);
                    groups.push(Group {
                        account: side,
                        claim: i,
                        members,
                    });
                }
            }
        }
    }
    groups
        .into_iter()
        .map(|g| {
            adhoc(
                &accounts[g.account].claims[g.claim],
                g.members
                    .into_iter()
                    .map(|m| m.into_iter().collect())
                    .collect(),
            )
        })
        .collect()
}

fn adhoc(first: &NormClaim, claims: Vec<Vec<usize>>) -> Grouped {
    let words: Vec<&str> = first.text.split_whitespace().take(6).collect();
    let more = first.text.split_whitespace().count() > 6;
    Grouped {
        id: format!("other:{}", first.id),
        label: format!("Other: {}{}", words.join(" "), if more { " …" } else { "" }),
        adhoc: true,
        claims,
    }
}

#[cfg(test)]
mod tests {
    use super::super::align;
    use super::super::tests::readout;
    use crate::normalize::taxonomy::Taxonomy;

    #[test]
    fn a_subject_no_topic_knows_meets_the_claim_that_names_it() {
        let t = Taxonomy::built_in();
        let l = readout(
            "US",
            &[
                "The Vice President raised concerns about the end of the panda loans and the scholars who study them.",
                "Austin raised Taiwan.",
            ],
        );
        let r = readout(
            "China",
            &[
                "Dong spoke of Taiwan.",
                "On the panda loans, Zhou said they are normal programs between zoos.",
            ],
        );
        assert!(r.claims[1].topic.is_none(), "no topic knows the subject");
        assert!(l.claims[0].topic.is_some());
        let topics = align(&l, &r, &t);
        let home = topics.iter().find(|t| t.right.contains(&1)).expect("filed");
        assert_eq!(home.left, [0], "{topics:?}");
    }

    #[test]
    fn a_sentence_very_like_the_other_sides_goes_with_it_not_the_one_before() {
        let t = Taxonomy::built_in();
        let l = readout(
            "US",
            &[
                "The Secretary raised concerns about Taiwan.",
                "She called for timely approval of the pending applications for the biotechnology traits of American seed developers.",
            ],
        );
        let r = readout(
            "China",
            &[
                "Wang said China will approve the biotechnology traits of American seed developers in a timely manner under its rules.",
                "Wang spoke of Taiwan.",
            ],
        );
        assert!(
            l.claims[1]
                .topic
                .as_ref()
                .is_some_and(|t| t.cue == "continues 1"),
            "{:?}",
            l.claims[1].topic
        );
        let topics = align(&l, &r, &t);
        let home = topics.iter().find(|t| t.left.contains(&1)).expect("filed");
        assert_eq!(home.right, [0], "{topics:?}");
        let taiwan = topics.iter().find(|t| t.id == "taiwan").expect("taiwan");
        assert_eq!((&taiwan.left[..], &taiwan.right[..]), (&[0][..], &[1][..]));
    }
}
