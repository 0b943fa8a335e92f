//! Stance detection: what position a claim takes (critical, positive,
//! neutral), whose position it is (the voice), whom it criticises or asks to
//! act (the target), and whether it denies something.

use serde::Serialize;

use super::cues::{Cues, FOCUS, Kind, Polarity, negate, override_polarity};
use super::phrases::Match;
use super::text::{self, Token};

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
    /// A criticism that names no one in particular ("will never allow any
    /// country to infringe ..."; `no_one` in cues.yaml) and no party.
    pub at_no_one: bool,
    /// Every party the claim names outside its subject, other than the
    /// voice, in order: whom a criticism may be aimed at.
    #[serde(skip)]
    pub named: Vec<String>,
    /// A criticism aimed by name at a party right after its cue ("raised
    /// concerns about the PRC's ..."), when the claim's point is another
    /// ("underscored the importance of peace and stability across the
    /// Taiwan Strait ... and raised concerns about ..."): the claim still
    /// blames that party (`blames_beside`). None when the stance is set by
    /// the readout's author.
    #[serde(skip)]
    pub aside: Option<Aside>,
}

/// A criticism beside a claim's point: whom it blames, and its cue words.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    pub party: String,
    pub cue: String,
}

/// Who took part, for attributing "Austin said" to a side.
#[derive(Debug, Clone)]
pub struct Speakers<'a> {
    /// The account's own side, canonical.
    pub own: &'a str,
    /// (name words, canonical side) of each participant with a side.
    pub participants: Vec<(Vec<String>, String)>,
}

impl Speakers<'_> {
    /// The side of the meeting other than `side`: the account's own side
    /// when `side` is another, else the first participant of another side.
    pub fn other_than(&self, side: &str) -> Option<&str> {
        if side != self.own {
            return Some(self.own);
        }
        self.participants
            .iter()
            .map(|(_, s)| s.as_str())
            .find(|s| *s != side)
    }
}

/// How far after a cue its object may name the target.
const TARGET_WINDOW: usize = 12;

/// How far after a critical cue the party it is aimed at may be named for
/// the criticism to outweigh words of value ("raised concerns about the
/// PRC's ...").
const AIMED_WINDOW: usize = 8;
/// How far before a cue a party owns what is criticised ("China 's support").
const OWNER_WINDOW: usize = 2;
/// How far after a demand/advocacy cue a party makes it a demand on that party.
pub(crate) const OBJECT_WINDOW: usize = 2;
/// How far after an advocacy cue a party's possessive makes it a demand on
/// that party ("called for more transparency in China's ...").
const OWNED_OBJECT_WINDOW: usize = 5;
/// How far after an asking cue the "to" of what it asks may be ("urged the
/// PRC authorities to ...").
const ASKED_OF: usize = 5;
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

/// Whether the words from `from` up to `to` stay within one phrase: no
/// pause after any of them and no "and" or "but" among them.
fn in_object(toks: &[Token], from: usize, to: usize) -> bool {
    toks[from.min(to)..to]
        .iter()
        .all(|t| !t.pause && !joins_clauses(t))
}

/// Whether a word joins two clauses ("and", "but"): what stands before it
/// does not reach what follows.
fn joins_clauses(t: &Token) -> bool {
    t.norm == "and" || t.norm == "but"
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
        // A party's own conduct named a little further on is its object too
        // ("pressed for greater transparency in the PRC's interventions").
        let owns = |p: &Match<'_, T>| toks.get(p.start + p.len).is_some_and(|t| t.norm == "'s");
        let names_party = parties.iter().any(|p| {
            p.start >= end
                && (p.start < end + OBJECT_WINDOW
                    || (p.start < end + OWNED_OBJECT_WINDOW && owns(p)))
        });
        polarity = if names_party {
            Polarity::Critical
        } else {
            Polarity::Positive
        };
    }
    // "urged further action", "called for sustained enforcement": more
    // of what is being done is asked, no change of course.
    let more = &Cues::get().more_of_the_same;
    let is_more = |i: usize| {
        toks.get(i)
            .is_some_and(|t| more.iter().any(|w| *w == t.norm))
    };
    // Or of whom it asks, right after the "to" that opens what is asked
    // ("urged the PRC to sustain enforcement"); looked for only behind a
    // cue that asks, as this runs for every cue of every claim.
    let asked_more = || {
        (start + len..toks.len().min(start + len + ASKED_OF))
            .find(|&i| toks[i].norm == "to")
            .is_some_and(|i| is_more(i + 1))
    };
    if kind.asks && (is_more(start + len) || asked_more()) {
        polarity = Polarity::Positive;
    }
    // A negator reaches no further than its clause: "U.S. policy has not
    // changed and raised concerns about ..." raises them.
    if let Some(&n) = negators.iter().find(|&&n| {
        n < start && start - n <= NEGATION_WINDOW && !toks[n..start].iter().any(joins_clauses)
    }) {
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
    let stance_matches = cues.stance_cues(toks);
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
    let mut aside: Option<Aside> = None;
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
        let aimed = (polarity == Polarity::Critical)
            .then(|| {
                party_matches.iter().find(|p| {
                    p.start >= m.start + m.len
                        && p.start < m.start + m.len + AIMED_WINDOW
                        && Some(cues.party_names[*p.value].as_str()) != own_party
                        && in_object(toks, m.start + m.len, p.start)
                })
            })
            .flatten();
        if let Some(p) = aimed {
            w *= 2.0;
            if kind.blames_beside && aside.is_none() {
                aside = Some(Aside {
                    party: cues.party_names[*p.value].clone(),
                    cue: text::span(toks, m.start, m.len),
                });
            }
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

    // "Certain countries outside the region" in a criticism points at the
    // other side of the meeting without naming it (`veiled` in cues.yaml).
    let veiled_at = (polarity == Polarity::Critical && !cues.veiled.find_longest(toks).is_empty())
        .then(|| own_party.and_then(|v| who.other_than(v)))
        .flatten()
        .map(str::to_string);
    let at_no_one = polarity == Polarity::Critical
        && target.is_none()
        && !cues.no_one.find_longest(toks).is_empty();
    Stance {
        polarity,
        kind,
        cue: decisive.map(|(s, l, _)| text::span(toks, s, l)),
        voice,
        target,
        // A denial conceded before a contrast marker ("does not seek
        // conflict, but will stand up for its interests") is not the
        // claim's point: what follows the marker is.
        denial: reading
            .denials
            .iter()
            .find(|m| turn.is_none_or(|t| m.start >= t))
            .map(|m| text::span(toks, m.start, m.len)),
        // The speaker's own conduct only when that is the claim's point: "is
        // committed to maintaining peace" asserts it; "discussed the
        // importance of maintaining peace" does not.
        asserts_conduct: polarity == Polarity::Positive
            && decisive.is_some_and(|(_, _, k)| cues.kinds[k].self_assertion),
        at_no_one,
        named: {
            let mut named: Vec<String> = Vec::new();
            for p in others.iter().filter(|p| p.start >= subject_end) {
                let name = party(p).to_string();
                if !named.contains(&name) {
                    named.push(name);
                }
            }
            if let Some(other) = veiled_at
                && !named.contains(&other)
            {
                named.push(other);
            }
            named
        },
        // Beside the point only: a critical claim's blame is its point, and
        // a stance its author set says all the claim says.
        aside: aside.filter(|_| polarity != Polarity::Critical && overridden.is_none()),
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

#[cfg(test)]
mod tests;
