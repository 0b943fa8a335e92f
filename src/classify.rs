//! Classify: decide how each pair of claims relates and what each topic's
//! verdict is, naming the rule and the words that fired it.

use serde::Serialize;

use crate::align::{AlignedTopic, pair, similarity};
use crate::normalize::cues::Polarity;
use crate::normalize::stance::Voice;
use crate::normalize::{NormClaim, NormReadout};

/// How two claims on one topic relate, least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agreement,
    Divergence,
    Contradiction,
}

/// A topic's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
    pub similarity: f64,
    /// The rule and the words that fired it.
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

/// Opposed characterizations must speak of the same thing: at least one
/// shared content word ("operate safely" against "operations safely").
const SHARED_SUBJECT: f64 = 0.05;

/// Whether two claims speak of the same thing: a shared content word, or a
/// word one of them negates with "un-" ("unsafe" against "safe",
/// "unprofessional" against "professional").
fn same_subject(a: &NormClaim, b: &NormClaim, similarity: f64) -> bool {
    let negates = |x: &[String], y: &[String]| {
        x.iter().any(|w| {
            w.strip_prefix("un").is_some_and(|rest| {
                rest.len() >= 4 && y.binary_search_by(|t| t.as_str().cmp(rest)).is_ok()
            })
        })
    };
    similarity >= SHARED_SUBJECT || negates(&a.terms, &b.terms) || negates(&b.terms, &a.terms)
}

/// Similarity at which a denial and a criticism aimed at a third party are
/// about the same thing.
const DENIED_SUBJECT: f64 = 0.2;

/// Similarity above which two claims of the same polarity make the same point.
const SAME_POINT: f64 = 0.6;

/// Classifies every aligned topic.
pub fn classify(
    left: &NormReadout,
    right: &NormReadout,
    topics: Vec<AlignedTopic>,
) -> Vec<ClassifiedTopic> {
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
            let pairs = pairs_in(left, right, &topic);
            let verdict = pairs
                .iter()
                .map(|p| p.relation)
                .max()
                .map_or(Verdict::Divergence, Verdict::from);
            ClassifiedTopic {
                topic,
                verdict,
                omitted_by,
                pairs,
            }
        })
        .collect()
}

/// Pairs one-to-one, most severe relation first, then most similar; a claim
/// left over on the longer side joins its best partner, so every claim is in
/// at least one pair.
fn pairs_in(left: &NormReadout, right: &NormReadout, topic: &AlignedTopic) -> Vec<ClassifiedPair> {
    let all: Vec<ClassifiedPair> = topic
        .left
        .iter()
        .flat_map(|&l| topic.right.iter().map(move |&r| (l, r)))
        .map(|(l, r)| relate(left, l, right, r))
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
    let key = |p: &ClassifiedPair| (p.relation, (p.similarity * 1e6) as i64);
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

/// The party whose position a claim states; `None` for joint statements.
fn voice(c: &NormClaim) -> Option<&str> {
    match &c.stance.voice {
        Voice::Party(p) => Some(p),
        Voice::Joint => None,
    }
}

/// Whom a critical claim is aimed at: the named target, or else the
/// counterpart of its voice (in a bilateral readout, unattributed criticism is
/// aimed at the other side).
fn aimed_at<'a>(c: &'a NormClaim, counterpart: &'a str) -> Option<&'a str> {
    if c.stance.polarity != Polarity::Critical {
        return None;
    }
    // In a two-sided readout, a criticism that names the counterpart at all
    // is aimed at it ("China's normal trade with Russia should not be
    // interfered with ... US sanctions"), before any third party.
    if voice(c).is_some() && c.stance.named.iter().any(|p| p == counterpart) {
        return Some(counterpart);
    }
    c.stance.target.as_deref().or(match voice(c) {
        Some(_) => Some(counterpart),
        None => None,
    })
}

/// A claim that only reports the topic was discussed ("covered", "discussed").
fn is_report(c: &NormClaim) -> bool {
    c.stance.polarity == Polarity::Neutral && c.stance.kind == "report"
}

/// A positive claim about the speaker's own conduct ("will continue to operate").
fn asserts_own_conduct(c: &NormClaim) -> bool {
    c.stance.polarity == Polarity::Positive && c.stance.asserts_conduct
}

fn cue(c: &NormClaim) -> String {
    match &c.stance.cue {
        Some(words) => format!("'{words}'"),
        None => format!("'{}'", shorten(&c.text)),
    }
}

fn shorten(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().take(6).collect();
    words.join(" ")
}

/// How claim `l` of `left` relates to claim `r` of `right`.
pub fn relate(left: &NormReadout, l: usize, right: &NormReadout, r: usize) -> ClassifiedPair {
    let (a, b) = (&left.claims[l], &right.claims[r]);
    let similarity = (similarity(a, b) * 100.0).round() / 100.0;
    let (relation, reason) = rule(a, &left.side, b, &right.side, similarity);
    ClassifiedPair {
        left: l,
        right: r,
        relation,
        similarity,
        reason,
    }
}

/// The rules, each symmetric in its two claims, most decisive first.
fn rule(
    a: &NormClaim,
    a_side: &str,
    b: &NormClaim,
    b_side: &str,
    similarity: f64,
) -> (Relation, String) {
    use Polarity::*;
    let (va, vb) = (voice(a), voice(b));
    // The counterpart of each claim's voice: the other account's side, or
    // this account's side when it reports the other side's words.
    let ca = if va == Some(b_side) { a_side } else { b_side };
    let cb = if vb == Some(a_side) { b_side } else { a_side };
    let (ta, tb) = (aimed_at(a, ca), aimed_at(b, cb));

    // Mutual blame: each side's criticism is aimed at the other.
    if let (Some(va), Some(vb), Some(ta), Some(tb)) = (va, vb, ta, tb)
        && va != vb
        && ta == vb
        && tb == va
    {
        return (
            Relation::Contradiction,
            format!(
                "each side blames the other: {} (on {ta}) vs {} (on {tb})",
                cue(a),
                cue(b)
            ),
        );
    }
    // Denial: one side negates what the other asserts about it, or what the
    // other criticises in words about the same thing ("not aimed at any third
    // country" against "poses a serious threat").
    if let (Some(d), Some(va), Some(tb)) = (&a.stance.denial, va, tb)
        && (tb == va || (Some(tb) != vb && similarity >= DENIED_SUBJECT))
        && vb != Some(va)
    {
        return (
            Relation::Contradiction,
            format!("denial: '{d}' vs {}", cue(b)),
        );
    }
    if let (Some(d), Some(vb), Some(ta)) = (&b.stance.denial, vb, ta)
        && (ta == vb || (Some(ta) != va && similarity >= DENIED_SUBJECT))
        && va != Some(vb)
    {
        return (
            Relation::Contradiction,
            format!("denial: {} vs '{d}'", cue(a)),
        );
    }
    // Opposed characterizations: one side criticises the conduct the other
    // asserts of itself.
    if let (Some(ta), Some(vb)) = (ta, vb)
        && same_subject(a, b, similarity)
        && asserts_own_conduct(b)
        && ta == vb
        && va != Some(vb)
    {
        return (
            Relation::Contradiction,
            format!("opposed characterizations: {} vs {}", cue(a), cue(b)),
        );
    }
    if let (Some(tb), Some(va)) = (tb, va)
        && same_subject(a, b, similarity)
        && asserts_own_conduct(a)
        && tb == va
        && vb != Some(va)
    {
        return (
            Relation::Contradiction,
            format!("opposed characterizations: {} vs {}", cue(a), cue(b)),
        );
    }
    let (pa, pb) = (a.stance.polarity, b.stance.polarity);
    // Both accounts report the same party's words: they conflict only when
    // its stances are opposite.
    if va.is_some() && va == vb {
        let who = va.unwrap_or_default();
        return match (pa, pb) {
            (Positive, Critical) | (Critical, Positive) => (
                Relation::Contradiction,
                format!(
                    "the accounts differ on what {who} said: {} vs {}",
                    cue(a),
                    cue(b)
                ),
            ),
            _ => (
                Relation::Agreement,
                format!(
                    "both accounts report {who} compatibly: {} / {}",
                    cue(a),
                    cue(b)
                ),
            ),
        };
    }
    match (pa, pb) {
        (Positive, Positive) => (
            Relation::Agreement,
            format!("shared positive stance: {} / {}", cue(a), cue(b)),
        ),
        (Neutral, Neutral) => (
            Relation::Agreement,
            format!(
                "both report the topic without taking a side: {} / {}",
                cue(a),
                cue(b)
            ),
        ),
        // Reporting that a topic was discussed is compatible with speaking
        // well of it.
        (Neutral, Positive) | (Positive, Neutral) if is_report(a) || is_report(b) => (
            Relation::Agreement,
            format!("compatible: {} / {}", cue(a), cue(b)),
        ),
        (Critical, Critical) if ta.is_some() && ta == tb => (
            Relation::Agreement,
            format!(
                "shared criticism of {}: {} / {}",
                ta.unwrap_or_default(),
                cue(a),
                cue(b)
            ),
        ),
        (x, y) if x == y && similarity >= SAME_POINT => (
            Relation::Agreement,
            format!("same point (similarity {similarity:.2})"),
        ),
        _ => (
            Relation::Divergence,
            format!(
                "different points: {} {} vs {} {}",
                pa.name(),
                cue(a),
                pb.name(),
                cue(b)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;
    use crate::load::{Limits, load_str};
    use crate::normalize::normalize;

    fn one(side: &str, text: &str) -> NormReadout {
        let yaml = format!("source: {{side: {side}}}\nclaims:\n  - text: \"{text}\"\n");
        let r = load_str(side, &yaml, &Limits::default()).expect("loads");
        normalize(&r, &Taxonomy::built_in())
    }

    fn relation(us: &str, cn: &str) -> (Relation, String) {
        let (l, r) = (one("United States", us), one("China", cn));
        let p = relate(&l, 0, &r, 0);
        (p.relation, p.reason)
    }

    #[test]
    fn unsafe_against_safe_is_the_same_subject() {
        let (rel, why) = relation(
            "Austin said the PLA's intercepts of U.S. aircraft were unsafe and unprofessional.",
            "Dong said the Chinese pilots acted in a safe and professional manner.",
        );
        assert_eq!(rel, Relation::Contradiction, "{why}");
        assert!(why.starts_with("opposed characterizations"), "{why}");
    }

    #[test]
    fn calling_a_criticised_matter_an_internal_affair_denies_it() {
        let (rel, why) = relation(
            "Blinken raised concerns about the erosion of freedoms in Hong Kong.",
            "Wang said Hong Kong affairs are purely China's internal affairs.",
        );
        assert_eq!(rel, Relation::Contradiction, "{why}");
        assert!(why.starts_with("denial"), "{why}");
    }

    #[test]
    fn criticism_that_names_the_counterpart_is_aimed_at_it() {
        let (rel, why) = relation(
            "Blinken said China's export of dual-use goods fuels Russia's war machine.",
            "Wang said China's normal trade with Russia should not be interfered with and China will not accept US sanctions on Chinese companies.",
        );
        assert_eq!(rel, Relation::Contradiction, "{why}");
        assert!(why.starts_with("each side blames the other"), "{why}");
    }

    #[test]
    fn a_denial_meets_criticism_of_the_same_thing_aimed_at_a_third_party() {
        let (rel, why) = relation(
            "Austin said the U.S. deployment of the Typhon system to the Philippines is defensive and not aimed at any third country.",
            "Dong said the deployment of the Typhon missile system in the Philippines poses a serious threat to regional security.",
        );
        assert_eq!(rel, Relation::Contradiction, "{why}");
        assert!(why.starts_with("denial"), "{why}");
        // A denial and a criticism about different things do not conflict.
        let (rel, why) = relation(
            "Austin said the exercises are not aimed at any third country.",
            "Dong said Philippine provocations at sea threaten peace.",
        );
        assert_ne!(rel, Relation::Contradiction, "{why}");
    }
}
