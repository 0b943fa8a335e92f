//! Stance detection: what position a claim takes (critical, positive,
//! neutral), whose position it is (the voice), whom it criticises or asks to
//! act (the target), and whether it denies something.

use serde::Serialize;

use super::cues::{Cues, FOCUS, Kind, Polarity, negate, override_polarity};
use super::phrases::Match;
use super::text::Token;

/// Whose position a claim states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "party")]
pub enum Voice {
    /// One party: the account's own side, or the other side when the account
    /// reports what the other side said ("The U.S. side said ...").
    Party(String),
    /// Both sides together ("The two sides agreed ...").
    Joint,
}

/// The stance of one claim, with the words that decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stance {
    pub polarity: Polarity,
    /// The stance kind ("concern", "welcome", ...) or "override".
    pub kind: String,
    /// The cue words as they appear in the claim.
    pub cue: Option<String>,
    pub voice: Voice,
    /// The party criticised or asked to act, when named.
    pub target: Option<String>,
    /// A denial phrase, as it appears in the claim.
    pub denial: Option<String>,
    /// A positive cue describing the speaker's own conduct fired
    /// ("will continue to fly, sail and operate"; see `self_assertions`).
    pub asserts_conduct: bool,
    /// Every party the claim names outside its subject, other than the
    /// voice, in order: whom a criticism may be aimed at.
    #[serde(skip)]
    pub named: Vec<String>,
}

/// Who took part, for attributing "Austin said" to a side.
#[derive(Debug, Clone)]
pub struct Speakers<'a> {
    /// The account's own side, canonical.
    pub own: &'a str,
    /// (name words, canonical side) of each participant with a side.
    pub participants: Vec<(Vec<String>, String)>,
}

/// How far after a cue its object may name the target.
const TARGET_WINDOW: usize = 12;

/// How far after a critical cue the party it is aimed at may be named for
/// the criticism to outweigh words of value ("raised concerns about the
/// PRC's ...").
const AIMED_WINDOW: usize = 4;
/// How far before a cue a party owns what is criticised ("China 's support").
const OWNER_WINDOW: usize = 2;
/// How far after a demand/advocacy cue a party makes it a demand on that party.
pub(crate) const OBJECT_WINDOW: usize = 2;
/// How far before a cue a negator reverses it.
pub(crate) const NEGATION_WINDOW: usize = 3;
/// How far before a modal ("should", "must") its subject may name the party
/// it demands of ("the US side should").
const MODAL_SUBJECT: usize = 4;

/// How far before a negator a modal makes it a prohibition ("will never").
pub(crate) const PROHIBITION_WINDOW: usize = 2;

/// How far into a claim the speech verb of its subject may be.
const SUBJECT_WINDOW: usize = 12;

/// What reading a stance cue depends on in a claim, found once per claim:
/// the denials (their words are neither cues nor negators: "not aimed at"
/// denies, it turns nothing over), the negators outside them, and the
/// parties named. Stance detection, intensity, and the rules that look at a
/// claim's other cues all read cues through it, so they read them alike.
pub(crate) struct CueReading<'a> {
    pub denials: Vec<Match<'a, ()>>,
    pub negators: Vec<usize>,
    pub parties: Vec<Match<'a, usize>>,
}

impl CueReading<'static> {
    pub fn of(toks: &[Token]) -> CueReading<'static> {
        let cues = Cues::get();
        let mut denials = cues.denials.find_longest(toks);
        // "should remain impartial" prescribes a stance; it denies nothing.
        denials.retain(|d| {
            !cues.prescribable.iter().any(|p| p == d.phrase)
                || !toks[..d.start]
                    .iter()
                    .any(|t| cues.modals.iter().any(|m| *m == t.norm))
        });
        let in_denial = |i: usize| denials.iter().any(|m| i >= m.start && i < m.start + m.len);
        let negators = cues
            .negators
            .find_longest(toks)
            .into_iter()
            .map(|m| m.start)
            .filter(|&i| !in_denial(i))
            .collect();
        CueReading {
            negators,
            parties: cues.parties.find_longest(toks),
            denials,
        }
    }
}

impl CueReading<'_> {
    /// Whether token `i` is a word of a denial.
    pub fn in_denial(&self, i: usize) -> bool {
        self.denials
            .iter()
            .any(|m| i >= m.start && i < m.start + m.len)
    }

    /// `cue_polarity` of a cue of `kind` at `start..start + len`.
    pub fn polarity(
        &self,
        kind: &Kind,
        start: usize,
        len: usize,
        toks: &[Token],
    ) -> (Polarity, bool) {
        cue_polarity(kind, start, len, toks, &self.parties, &self.negators)
    }
}

/// The polarity a stance cue at `start..start + len` takes in its sentence.
/// Advocacy (`party_sensitive`) naming a party right after it is a demand on
/// that party ("called for China to stop"). A negator just before the cue
/// turns it over: a positive cue negated is critical whatever its object
/// ("does not support Taiwan independence" opposes it), except that a modal
/// before the negator makes a negated criticism a prohibition ("must not
/// interfere", "will never accept"), which criticises as much as the cue does.
/// Also says whether a negator turned it over.
pub(crate) fn cue_polarity<T>(
    kind: &Kind,
    start: usize,
    len: usize,
    toks: &[Token],
    parties: &[Match<'_, T>],
    negators: &[usize],
) -> (Polarity, bool) {
    let mut polarity = kind.polarity;
    let mut negated = false;
    if kind.party_sensitive {
        let end = start + len;
        let names_party = parties
            .iter()
            .any(|p| p.start >= end && p.start < end + OBJECT_WINDOW);
        polarity = if names_party {
            Polarity::Critical
        } else {
            Polarity::Positive
        };
    }
    if let Some(&n) = negators
        .iter()
        .find(|&&n| n < start && start - n <= NEGATION_WINDOW)
    {
        let prohibiting = &Cues::get().prohibiting;
        let prohibition = kind.polarity == Polarity::Critical
            && (n.saturating_sub(PROHIBITION_WINDOW)..=n).any(|i| {
                toks.get(i)
                    .is_some_and(|t| prohibiting.iter().any(|p| *p == t.norm))
            });
        if !prohibition {
            polarity = negate(kind.polarity);
            negated = true;
        }
    }
    (polarity, negated)
}

/// Detects the stance of a claim from its tokens.
/// `turn` is where the sentence's point starts (`Cues::turn`), if it turns.
pub fn detect(
    toks: &[Token],
    turn: Option<usize>,
    speaker: Option<&str>,
    overridden: Option<&str>,
    who: &Speakers,
) -> Stance {
    let cues = Cues::get();
    let reading = CueReading::of(toks);
    let (voice, subject_end) = voice(toks, speaker, who, &reading.parties);

    let in_denial = |i: usize| reading.in_denial(i);
    let party_matches = &reading.parties;
    let stance_matches = cues.stance.find_longest(toks);
    // Where an agreement cue ("agreed that", "concurred") stands: what follows
    // it is the content of the agreement.
    let agreed_at = stance_matches
        .iter()
        .find(|m| cues.kinds[*m.value].agreement && m.start >= subject_end)
        .map(|m| m.start);
    // Where a joint voice ends: a cue starting there has it as its subject.
    // A bare "they" may be either side, so only named pairs count.
    let joints: Vec<(usize, usize)> = cues
        .joint
        .find_longest(toks)
        .iter()
        .filter(|m| m.len > 1)
        .map(|m| (m.start, m.start + m.len))
        .collect();
    let joint_at: Vec<usize> = joints.iter().map(|&(_, end)| end).collect();
    // Where speech verbs and the people who met stand: a new speaker's
    // words are not the joint voice's. Looked for only when a joint voice
    // is there.
    let mut speech_at: Vec<usize> = Vec::new();
    if !joint_at.is_empty() {
        speech_at.extend(cues.speech.find_longest(toks).iter().map(|m| m.start));
        speech_at.extend(toks.iter().enumerate().filter_map(|(i, t)| {
            who.participants
                .iter()
                .any(|(words, _)| words.iter().any(|w| *w == t.norm))
                .then_some(i)
        }));
    }

    let own_party = match &voice {
        Voice::Party(p) => Some(p.as_str()),
        Voice::Joint => None,
    };
    // Weigh critical against positive cues; framing verbs count half.
    let mut weight = [0.0f64; 3];
    let mut first: [Option<(usize, usize, usize)>; 3] = [None; 3]; // (start, len, kind)
    for m in stance_matches {
        if m.start < subject_end && m.start + m.len <= subject_end {
            continue; // words of the subject ("the two sides") are not a stance
        }
        if in_denial(m.start) {
            continue;
        }
        let mut value = *m.value;
        // "the two militaries should ...", or "agreed that AI should not ...":
        // a prescription both sides share, not a demand on the other.
        let agreed_before =
            agreed_at.is_some_and(|a| a < m.start && turn.is_none_or(|t| t <= a || t > m.start));
        // The joint voice is the demand's addressee when it comes before the
        // cue with no party named and no one else speaking in between ("it is
        // imperative for the two sides ... to stop the deterioration").
        let joint_before = joint_at.iter().any(|&j| {
            j <= m.start
                && turn.is_none_or(|t| t <= j || t > m.start)
                && !party_matches
                    .iter()
                    .any(|p| p.start >= j && p.start < m.start)
                && !speech_at.iter().any(|&v| v >= j && v < m.start)
        });
        // "urged both sides to ...", "called on the two sides to ...": a
        // demand addressed to both sides asks nothing of the other alone.
        let joint_addressed = joints
            .iter()
            .any(|&(start, _)| start >= m.start + m.len && start < m.start + m.len + OBJECT_WINDOW);
        if let Some(shared) = cues.kinds[value].after_joint
            && (joint_before || agreed_before || joint_addressed)
        {
            value = shared;
        }
        // "relations should return to sound development": a modal with no
        // other party as its subject prescribes; it demands nothing of anyone.
        if cues.modals.iter().any(|x| x == m.phrase)
            && let Some(shared) = cues.kinds[value].after_joint
            && !party_matches.iter().any(|p| {
                let name = cues.party_names[*p.value].as_str();
                p.start + p.len <= m.start
                    && p.start + p.len + MODAL_SUBJECT > m.start
                    && Some(name) != own_party
            })
        {
            value = shared;
        }
        let kind = &cues.kinds[value];
        let (polarity, _) = reading.polarity(kind, m.start, m.len, toks);
        // After "but" comes the sentence's point: its cues weigh more and decide.
        let focused = turn.is_some_and(|t| m.start >= t);
        let mut w = if kind.framing { 0.5 } else { m.len as f64 };
        // Criticism of another party it names right after ("concerns about
        // the PRC's pressure") is the claim's point beside words of value.
        if polarity == Polarity::Critical
            && party_matches.iter().any(|p| {
                p.start >= m.start + m.len
                    && p.start < m.start + m.len + AIMED_WINDOW
                    && Some(cues.party_names[*p.value].as_str()) != own_party
            })
        {
            w *= 2.0;
        }
        weight[polarity as usize] += if focused { w * FOCUS } else { w };
        // The kind shown is the first cue that takes a position; a framing
        // verb ("reiterated that ... will continue") only when none does.
        let slot = &mut first[polarity as usize];
        let framing_only = slot.is_some_and(|(_, _, k)| cues.kinds[k].framing);
        let before_turn = slot.is_some_and(|(s, _, _)| turn.is_some_and(|t| s < t));
        if slot.is_none() || (framing_only && !kind.framing) || (focused && before_turn) {
            *slot = Some((m.start, m.len, value));
        }
    }
    let (crit, pos) = (
        weight[Polarity::Critical as usize],
        weight[Polarity::Positive as usize],
    );
    let mut polarity = if crit == 0.0 && pos == 0.0 {
        Polarity::Neutral
    } else if crit >= pos {
        Polarity::Critical
    } else {
        Polarity::Positive
    };
    let decisive = first[polarity as usize].or(first[Polarity::Neutral as usize]);
    let mut kind = decisive.map_or("none".to_string(), |(_, _, k)| cues.kinds[k].name.clone());
    if let Some(name) = overridden
        && let Some(p) = override_polarity(name)
    {
        polarity = p;
        kind = name.to_string();
    }

    // The target: a party owning the criticised thing right before the cue
    // ("China's support", "Chinese provocations"), else the first party named
    // after it, else the first named anywhere outside the subject. A party
    // does not blame itself, so the voice's own party is never the target.
    let own = match &voice {
        Voice::Party(p) => Some(p.as_str()),
        Voice::Joint => None,
    };
    let party = |p: &super::phrases::Match<usize>| cues.party_names[*p.value].as_str();
    let others: Vec<_> = party_matches
        .iter()
        .filter(|p| Some(party(p)) != own)
        .collect();
    let target = if polarity == Polarity::Critical {
        let (start, len) =
            first[Polarity::Critical as usize].map_or((subject_end, 0), |(s, l, _)| (s, l));
        let from = start + len;
        others
            .iter()
            .find(|p| {
                p.start + p.len <= start
                    && p.start + p.len + OWNER_WINDOW > start
                    && p.start >= subject_end
            })
            // The subject of the criticised clause ("China is the primary
            // contributor to Russia's war"): named after the speech verb,
            // before the cue.
            .or_else(|| {
                others
                    .iter()
                    .find(|p| p.start >= subject_end && p.start + p.len <= start)
            })
            .or_else(|| {
                others
                    .iter()
                    .find(|p| p.start >= from && p.start < from + TARGET_WINDOW)
            })
            .or_else(|| others.iter().find(|p| p.start >= subject_end))
            .map(|p| party(p).to_string())
    } else {
        None
    };

    Stance {
        polarity,
        kind,
        cue: decisive.map(|(s, l, _)| words(toks, s, l)),
        voice,
        target,
        denial: reading.denials.first().map(|m| words(toks, m.start, m.len)),
        // The speaker's own conduct only when that is the claim's point: "is
        // committed to maintaining peace" asserts it; "discussed the
        // importance of maintaining peace" does not.
        asserts_conduct: polarity == Polarity::Positive
            && decisive.is_some_and(|(_, _, k)| cues.kinds[k].self_assertion),
        named: {
            let mut named: Vec<String> = Vec::new();
            for p in others.iter().filter(|p| p.start >= subject_end) {
                let name = party(p).to_string();
                if !named.contains(&name) {
                    named.push(name);
                }
            }
            named
        },
    }
}

/// The voice of a claim and where its subject ends (0 when none was found).
/// `parties` are the parties `toks` names (`CueReading::parties`).
fn voice(
    toks: &[Token],
    speaker: Option<&str>,
    who: &Speakers,
    parties: &[Match<'_, usize>],
) -> (Voice, usize) {
    let cues = Cues::get();
    if let Some(name) = speaker {
        let name_toks = super::text::tokens(name);
        if !cues.joint.find_longest(&name_toks).is_empty() {
            return (Voice::Joint, 0);
        }
        if let Some(side) = participant_side(&name_toks, who) {
            return (Voice::Party(side), 0);
        }
        if let Some(m) = cues.parties.find_longest(&name_toks).first() {
            return (Voice::Party(cues.party_names[*m.value].clone()), 0);
        }
    }
    let own = Voice::Party(who.own.to_string());
    // A speech verb inside a party's name ("the United States") is no verb.
    let in_a_name = |i: usize| parties.iter().any(|p| i >= p.start && i < p.start + p.len);
    let Some(verb) = cues
        .speech
        .find_longest(toks)
        .into_iter()
        .find(|m| m.start < SUBJECT_WINDOW && !in_a_name(m.start))
    else {
        return (own, 0);
    };
    let subject = &toks[..verb.start];
    // "The Secretary and Foreign Minister Wang discussed ...": a subject
    // naming people of both sides speaks for both.
    let mut sides = who
        .participants
        .iter()
        .filter(|(words, _)| subject.iter().any(|t| words.iter().any(|w| *w == t.norm)))
        .map(|(_, side)| side.as_str());
    let both = sides
        .next()
        .is_some_and(|first| sides.any(|other| other != first));
    if both || !cues.joint.find_longest(subject).is_empty() {
        return (Voice::Joint, verb.start);
    }
    if let Some(side) = participant_side(subject, who) {
        return (Voice::Party(side), verb.start);
    }
    match cues.parties.find_longest(subject).first() {
        Some(m) => (Voice::Party(cues.party_names[*m.value].clone()), verb.start),
        None => (own, verb.start),
    }
}

/// The side of the participant whose name (any word of it, e.g. the surname)
/// appears in `toks`.
fn participant_side(toks: &[Token], who: &Speakers) -> Option<String> {
    who.participants
        .iter()
        .find(|(words, _)| toks.iter().any(|t| words.iter().any(|w| *w == t.norm)))
        .map(|(_, side)| side.clone())
}

fn words(toks: &[Token], start: usize, len: usize) -> String {
    toks[start..start + len]
        .iter()
        .map(|t| t.orig.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::text::tokens;

    fn us() -> Speakers<'static> {
        Speakers {
            own: "United States",
            participants: vec![
                (vec!["austin".into()], "United States".into()),
                (vec!["dong".into()], "China".into()),
            ],
        }
    }

    fn cn() -> Speakers<'static> {
        Speakers {
            own: "China",
            ..us()
        }
    }

    fn detect_in(s: &str, who: &Speakers) -> Stance {
        let toks = tokens(s);
        detect(&toks, Cues::get().turn(&toks), None, None, who)
    }

    #[test]
    fn concern_targets_the_named_party() {
        let s = detect_in(
            "Austin raised concerns about recent provocative Chinese military activity.",
            &us(),
        );
        assert_eq!(s.polarity, Polarity::Critical);
        assert_eq!(s.target.as_deref(), Some("China"));
        assert_eq!(s.voice, Voice::Party("United States".into()));
    }

    #[test]
    fn criticism_aimed_at_a_party_outweighs_words_of_value() {
        let s = detect_in(
            "Austin raised concerns about the PRC's growing military pressure against Taiwan and emphasized the importance of maintaining peace and stability across the Strait.",
            &us(),
        );
        assert_eq!(
            (s.polarity, s.target.as_deref()),
            (Polarity::Critical, Some("China"))
        );
        // Aimed at no one, the same concern weighs as before.
        let s = detect_in(
            "Austin raised concerns about rising tensions and emphasized the importance of maintaining peace and stability across the Strait.",
            &us(),
        );
        assert_eq!(s.polarity, Polarity::Positive);
    }

    #[test]
    fn attribution_to_the_other_side_sets_the_voice() {
        let s = detect_in("The U.S. side said it does not seek a new Cold War.", &cn());
        assert_eq!(s.voice, Voice::Party("United States".into()));
        assert!(s.denial.is_some());
        let s = detect_in("The two sides agreed to maintain communication.", &cn());
        assert_eq!(s.voice, Voice::Joint);
        // People of both sides who reviewed or met speak for both.
        for text in [
            "Austin and Dong reviewed the implementation of their commitments.",
            "Austin and Dong held talks on the sidelines of the forum.",
        ] {
            assert_eq!(detect_in(text, &us()).voice, Voice::Joint, "{text}");
        }
        assert_eq!(s.polarity, Polarity::Positive);
        // "States" in "the United States" is a name, not a speech verb.
        let s = detect_in(
            "The United States said it does not seek a new Cold War.",
            &cn(),
        );
        assert_eq!(s.voice, Voice::Party("United States".into()));
        let s = detect_in(
            "The United States must adhere to the one-China principle.",
            &cn(),
        );
        assert_eq!(
            (s.voice, s.target.as_deref()),
            (Voice::Party("China".into()), Some("United States"))
        );
    }

    #[test]
    fn other_words_for_a_stance_read_as_it() {
        // Writers vary the verb: disapproval is opposition, firmly defending
        // one's own is resolve, a frank exchange is valued, being dedicated
        // to something is a commitment.
        for (claim, who, polarity) in [
            (
                "Dong voiced China's disapproval of the sanctions the US imposed.",
                cn(),
                Polarity::Critical,
            ),
            (
                "Dong said the PLA will firmly defend national sovereignty.",
                cn(),
                Polarity::Positive,
            ),
            (
                "Austin and Dong had a frank exchange.",
                us(),
                Polarity::Positive,
            ),
            (
                "Dong said both presidents are dedicated to stabilizing ties.",
                cn(),
                Polarity::Positive,
            ),
            (
                "Austin warned of serious consequences should the PRC provide lethal aid.",
                us(),
                Polarity::Critical,
            ),
            (
                "Li expressed strong dissatisfaction with the US investigation.",
                cn(),
                Polarity::Critical,
            ),
        ] {
            assert_eq!(detect_in(claim, &who).polarity, polarity, "{claim}");
        }
        // "Insisted that" reports what was said; "insisted on" asks for it.
        for (claim, kind) in [
            (
                "Wang insisted that the slump in ties stems from a misreading of China.",
                "reaffirm",
            ),
            (
                "Wang insisted on the removal of the US sanctions.",
                "demand",
            ),
        ] {
            assert_eq!(detect_in(claim, &cn()).kind, kind, "{claim}");
        }
        // Negative: consequences that threaten no one are no warning.
        let s = detect_in(
            "Austin and Dong took up global issues with consequences for people everywhere.",
            &us(),
        );
        assert_ne!(s.polarity, Polarity::Critical);
    }

    #[test]
    fn a_prescribed_stance_is_no_denial() {
        let s = detect_in(
            "Dong said China has always been impartial on the crisis.",
            &cn(),
        );
        assert_eq!(s.denial.as_deref(), Some("impartial"));
        let s = detect_in(
            "Dong said major countries should remain objective and impartial.",
            &cn(),
        );
        assert_eq!(s.denial, None);
    }

    #[test]
    fn denial_is_found_and_not_read_as_negation() {
        let s = detect_in(
            "Dong said China had honored our promise not to provide weapons to either side.",
            &cn(),
        );
        assert_eq!(s.denial.as_deref(), Some("promise not"));
    }

    #[test]
    fn advocacy_without_a_party_is_positive_and_with_one_critical() {
        assert_eq!(
            detect_in(
                "The US side pressed for calls between theater commanders.",
                &us()
            )
            .polarity,
            Polarity::Positive
        );
        let s = detect_in("Dong urged the US to stop arming Taiwan.", &cn());
        assert_eq!(
            (s.polarity, s.target.as_deref()),
            (Polarity::Critical, Some("United States"))
        );
    }

    #[test]
    fn calling_for_an_end_to_something_is_a_demand() {
        let s = detect_in(
            "He called for an end to the PRC's destabilizing military activity around Taiwan.",
            &us(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str(), s.target.as_deref()),
            (Polarity::Critical, "demand", Some("China"))
        );
        let s = detect_in(
            "Xi said China will not allow conflict and chaos on the Korean Peninsula.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "warning")
        );
        let s = detect_in(
            "He called for restraint in the PRC's use of military activity.",
            &us(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "demand")
        );
        // After "but" comes the point, and its cue decides the target.
        let s = detect_in(
            "Dong said Washington claims to oppose Taiwan independence but keeps selling weapons to Taiwan.",
            &cn(),
        );
        assert_eq!(
            (s.cue.as_deref(), s.target.as_deref()),
            (Some("selling weapons"), Some("United States"))
        );
        // The subject of the criticised clause is its target, not the party after the cue.
        let s = detect_in(
            "Blinken said China is the primary contributor to Russia's war effort.",
            &us(),
        );
        assert_eq!(
            (s.polarity, s.target.as_deref()),
            (Polarity::Critical, Some("China"))
        );
        let s = detect_in(
            "Dong said the Chinese pilots acted in a safe and professional manner.",
            &cn(),
        );
        assert!(s.asserts_conduct);
        // A prescription for both sides is not a demand on the other.
        let s = detect_in(
            "Dong said the two militaries should maintain communication.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Positive, "advocacy")
        );
        // Nor is one addressed to both sides a few words before the cue ...
        let s = detect_in(
            "Wang said it is imperative for the two sides, with an attitude of being responsible, to work to stop ties from further deterioration.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Positive, "advocacy")
        );
        // Nor is one whose addressee is both sides ...
        for text in [
            "Wang urged both sides to halt the slide in relations.",
            "He called on the two countries to resume consultations.",
        ] {
            let s = detect_in(text, &cn());
            assert_eq!(
                (s.polarity, s.kind.as_str()),
                (Polarity::Positive, "advocacy"),
                "{text}"
            );
        }
        let s = detect_in("Wang urged the US side to halt its arms sales.", &cn());
        assert_eq!(s.polarity, Polarity::Critical);
        // ... unless another party, or another speaker, comes in between.
        for text in [
            "Wang said the two sides met, and the US must stop arming Taiwan.",
            "The two sides met, and Dong demanded an end to the blockade.",
        ] {
            let s = detect_in(text, &cn());
            assert_eq!(
                (s.polarity, s.kind.as_str()),
                (Polarity::Critical, "demand"),
                "{text}"
            );
        }
        // What both agreed is not a demand either, up to a contrast.
        let s = detect_in(
            "The leaders agreed that AI should not control decisions to use nuclear weapons.",
            &us(),
        );
        assert_eq!(s.polarity, Polarity::Positive);
        let s = detect_in(
            "Dong agreed to keep talking, but said the US must stop arming Taiwan.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "demand")
        );
        let s = detect_in("Dong said the US side should stop.", &cn());
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "demand")
        );
        // With no party as its subject, "should" prescribes: it demands of no one.
        let s = detect_in(
            "Xi said relations should return to sound and steady development.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Positive, "advocacy")
        );
        // A negated criticism criticises no one; a prohibition still does.
        let s = detect_in(
            "Wang said major countries should get along through dialogue rather than a zero-sum game.",
            &cn(),
        );
        assert_ne!(s.polarity, Polarity::Critical);
        let s = detect_in("Wang said the US must not interfere in Hong Kong.", &cn());
        assert_eq!(s.polarity, Polarity::Critical);
        // A negated positive cue is critical, whatever its object.
        let s = detect_in(
            "Biden said Washington does not support Taiwan independence.",
            &cn(),
        );
        assert_eq!(s.polarity, Polarity::Critical);
        let s = detect_in(
            "Xi said US actions against China seriously hurt China's legitimate interests.",
            &cn(),
        );
        assert_eq!(
            (s.polarity, s.target.as_deref()),
            (Polarity::Critical, Some("United States"))
        );
    }

    #[test]
    fn negated_positive_cue_turns_critical() {
        assert_eq!(
            detect_in("China did not welcome the move.", &cn()).polarity,
            Polarity::Critical
        );
    }

    #[test]
    fn override_wins() {
        let s = detect(
            &tokens("Anything at all."),
            None,
            None,
            Some("welcome"),
            &us(),
        );
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Positive, "welcome")
        );
    }
}
