//! Intensity in a comparison (`compare --intensity`): every claim's level,
//! each side's strongest level per topic, and a note on paired claims whose
//! stances match but whose wording differs by two levels or more. Verdicts
//! and relations are left exactly as classify made them.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Intensity, NOTABLE_GAP, levels, measure};
use crate::classify::Side;
use crate::normalize::cues::{Cues, Polarity};
use crate::report::{ClaimReport, Report};

/// Each side's strongest level on one topic; null for a side with no claim
/// of its own on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TopicIntensity {
    pub left: Option<Strongest>,
    pub right: Option<Strongest>,
}

/// A side's strongest claim on a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Strongest {
    /// The claim's id (the first, when several share the level).
    pub claim: String,
    pub level: u8,
    /// none, notes, hopes, presses, serious, firm or warns.
    pub name: String,
}

/// Two paired claims with the same stance, worded levels apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct IntensityGap {
    pub left: u8,
    pub right: u8,
    /// The side whose claim is worded harder.
    pub stronger: Side,
    /// "China's wording is 2 levels stronger: firm vs presses".
    pub note: String,
}

/// Adds intensity to every claim, topic and pair of `report`.
pub fn annotate(report: &mut Report) {
    for c in report
        .left_claims
        .iter_mut()
        .chain(&mut report.right_claims)
    {
        measure_claim(c);
    }
    let voices = [
        OwnVoice::of(&report.left.side),
        OwnVoice::of(&report.right.side),
    ];
    let names = [report.left.side.clone(), report.right.side.clone()];
    let mut topics = std::mem::take(&mut report.topics);
    for t in &mut topics {
        let of = |side: Side, ids: &[String]| {
            strongest(
                ids.iter().filter_map(|id| report.claim(side, id)),
                &voices[side_index(side)],
            )
        };
        t.intensity = Some(TopicIntensity {
            left: of(Side::Left, &t.left),
            right: of(Side::Right, &t.right),
        });
        for p in &mut t.pairs {
            let (Some(a), Some(b)) = (
                report.claim(Side::Left, &p.left),
                report.claim(Side::Right, &p.right),
            ) else {
                continue;
            };
            p.intensity_gap = gap(a, b, &names);
        }
    }
    report.topics = topics;
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Left => 0,
        Side::Right => 1,
    }
}

/// Sets a claim's level from its text and stance.
pub(crate) fn measure_claim(c: &mut ClaimReport) {
    c.intensity = Some(measure(&c.text, c.stance, &c.stance_kind));
}

/// Whose words count toward an account's strongest level on a topic.
/// A party's account counts the claims in its own voice (or both sides'):
/// what it reports the other side said is not how hard it put it. A press
/// or other third-party account (a side that is not one of the parties of
/// `cues.yaml`) has no voice of its own: every claim it reports counts, as
/// its stance on the topic counts them all.
pub(crate) struct OwnVoice {
    /// The account's party; none for a third-party account.
    party: Option<String>,
}

impl OwnVoice {
    pub(crate) fn of(side: &str) -> OwnVoice {
        let cues = Cues::get();
        OwnVoice {
            party: cues.is_party(side).then(|| cues.canonical_party(side)),
        }
    }

    fn counts(&self, c: &ClaimReport) -> bool {
        match &self.party {
            Some(party) => c.voice == *party || c.voice == crate::report::BOTH_SIDES,
            None => true,
        }
    }
}

/// The strongest of an account's claims on a topic that count as its own
/// wording (the first, when several share the level); none when no claim counts.
pub(crate) fn strongest<'a>(
    claims: impl IntoIterator<Item = &'a ClaimReport>,
    voice: &OwnVoice,
) -> Option<Strongest> {
    let mut best: Option<Strongest> = None;
    for c in claims.into_iter().filter(|c| voice.counts(c)) {
        let level = c.intensity.as_ref().map_or(0, |i| i.level);
        if best.as_ref().is_none_or(|b| level > b.level) {
            best = Some(Strongest {
                claim: c.id.clone(),
                level,
                name: super::Scale::get().name(level).to_string(),
            });
        }
    }
    best
}

/// The note on a pair whose stances match (both critical, or both positive)
/// and whose levels are `NOTABLE_GAP` or more apart.
pub(crate) fn gap(a: &ClaimReport, b: &ClaimReport, names: &[String; 2]) -> Option<IntensityGap> {
    if a.stance != b.stance || a.stance == Polarity::Neutral {
        return None;
    }
    let level = |c: &ClaimReport| c.intensity.as_ref().map_or(0, |i: &Intensity| i.level);
    let (l, r) = (level(a), level(b));
    if l.abs_diff(r) < NOTABLE_GAP {
        return None;
    }
    let stronger = if l > r { Side::Left } else { Side::Right };
    let name = |n: u8| super::Scale::get().name(n).to_string();
    let (hard, soft) = if l > r { (l, r) } else { (r, l) };
    let who = match stronger {
        Side::Left => &names[0],
        Side::Right => &names[1],
    };
    Some(IntensityGap {
        left: l,
        right: r,
        stronger,
        note: format!(
            "{} wording is {} stronger: {} vs {}",
            possessive(who),
            levels(hard - soft),
            name(hard),
            name(soft)
        ),
    })
}

/// "China's", "the United States'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, load_str};

    fn report(us: &str, cn: &str) -> Report {
        let limits = Limits::default();
        let us = load_str("us.yaml", us, &limits).expect("valid");
        let cn = load_str("cn.yaml", cn, &limits).expect("valid");
        let mut r = crate::compare(&us, &cn, &crate::Taxonomy::built_in());
        annotate(&mut r);
        r
    }

    #[test]
    fn matching_stances_worded_levels_apart_get_a_note_and_keep_their_relation() {
        let us = "source: {side: United States}\nclaims:\n  - {id: us-1, text: The United States noted concerns about North Korea's missile launches.}\n";
        let cn = "source: {side: China}\nclaims:\n  - {id: cn-1, text: China warned that it will not tolerate chaos on the Korean Peninsula and firmly opposes North Korea's missile launches.}\n";
        let limits = Limits::default();
        let plain = crate::compare(
            &load_str("us.yaml", us, &limits).expect("valid"),
            &load_str("cn.yaml", cn, &limits).expect("valid"),
            &crate::Taxonomy::built_in(),
        );
        let r = report(us, cn);
        let t = &r.topics[0];
        assert_eq!(t.verdict, plain.topics[0].verdict);
        let i = t.intensity.as_ref().expect("annotated");
        assert_eq!(i.right.as_ref().map(|s| s.name.as_str()), Some("warns"));
        let p = &t.pairs[0];
        assert_eq!(p.relation, plain.topics[0].pairs[0].relation);
        let g = p.intensity_gap.as_ref().expect("a gap");
        assert_eq!(g.stronger, Side::Right);
        assert!(g.note.starts_with("China's wording is"), "{}", g.note);
    }

    #[test]
    fn what_a_side_reports_the_other_said_is_not_its_own_intensity() {
        let us = "source: {side: United States}\nclaims:\n  - {id: us-1, text: The United States welcomed progress on counternarcotics.}\n";
        let cn = "source: {side: China}\nclaims:\n  - {id: cn-1, text: The U.S. side said it firmly opposes fentanyl trafficking.}\n  - {id: cn-2, text: China welcomed counternarcotics cooperation.}\n";
        let r = report(us, cn);
        let t = r
            .topics
            .iter()
            .find(|t| t.right.iter().any(|c| c == "cn-1"))
            .expect("topic");
        let right = t.intensity.as_ref().and_then(|i| i.right.as_ref());
        assert_ne!(right.map(|s| s.claim.as_str()), Some("cn-1"));
    }
}
