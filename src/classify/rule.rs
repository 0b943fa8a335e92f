//! The reading rules that relate two claims of one topic, most decisive
//! first, each symmetric in its two claims and named by a stable id.

use super::point::{Points, SharedWords, TopicFrame, shared_words};
use crate::normalize::cues::{Cues, Polarity};
use crate::normalize::stance::CueReading;
use crate::normalize::stance::Voice;
use crate::normalize::text;
use crate::normalize::{NormClaim, NormReadout};

pub(super) mod disown;
pub(super) mod force;
mod id;
mod talks;
use disown::disowns;
use force::force_told_two_ways;
pub use id::Rule;
use talks::{elsewhere_beside_tone, talks_only_beside_substance};

/// A rule's decision with the evidence a reader needs: the words that fired.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    /// Human reason: the rule's meaning and the cue words on each side.
    pub reason: String,
}

/// The stance kind that states resolve about the speaker's own conduct
/// ("will continue to operate", "will defend"; cues.yaml).
const RESOLVE: &str = "resolve";

/// The stance kind of an agreement reached ("agreed", "consensus").
const AGREEMENT: &str = "agreement";

/// The stance kind of speaking well of something done ("welcomed").
const WELCOME: &str = "welcome";

/// Similarity at which a denial and a criticism aimed at a third party are
/// about the same thing.
const DENIED_SUBJECT: f64 = 0.2;

/// One claim as the rules see it: its stance and the parties around it.
struct Reading<'a> {
    claim: &'a NormClaim,
    /// The party whose position the claim states; `None` for joint statements.
    voice: Option<&'a str>,
    /// Whom a critical claim is aimed at.
    aimed_at: Option<&'a str>,
    /// Whether the claim blames someone in particular: it names whom it
    /// criticises, or its kind blames the other side unnamed (`blames_unnamed`).
    blames: bool,
    /// Whether the claim states a side's policy or principles
    /// (`stated_policy` in cues.yaml).
    states_policy: bool,
}

impl<'a> Reading<'a> {
    /// `states_policy`: whether the claim states a side's policy (found
    /// once per claim, `Points`).
    fn of(
        claim: &'a NormClaim,
        own_side: &'a str,
        other_side: &'a str,
        states_policy: bool,
    ) -> Reading<'a> {
        let voice = match &claim.stance.voice {
            Voice::Party(p) => Some(p.as_str()),
            Voice::Joint => None,
        };
        // The counterpart of the voice: the other account's side, or this
        // account's side when it reports the other side's words.
        let counterpart = if voice == Some(other_side) {
            own_side
        } else {
            other_side
        };
        Reading {
            claim,
            voice,
            aimed_at: aimed_at(claim, voice, counterpart),
            blames: claim.stance.target.is_some()
                || claim.stance.named.iter().any(|p| p == counterpart)
                || Cues::get()
                    .kind(&claim.stance.kind)
                    .is_some_and(|k| k.blames_unnamed),
            states_policy,
        }
    }

    fn polarity(&self) -> Polarity {
        self.claim.stance.polarity
    }

    /// Whom the claim blames, with the cue words that blame: the party its
    /// criticism is aimed at when it blames someone in particular, else the
    /// party a criticism beside its point names.
    fn blamed(&self) -> Option<(&'a str, String)> {
        match (self.aimed_at, &self.claim.stance.aside) {
            (Some(t), _) if self.blames => Some((t, self.cue())),
            (_, Some(a)) => Some((a.party.as_str(), format!("'{}'", a.cue))),
            _ => None,
        }
    }

    /// The cue words, quoted, or a plain statement that none fired.
    fn cue(&self) -> String {
        match &self.claim.stance.cue {
            Some(words) => format!("'{words}'"),
            None => "no cue".to_string(),
        }
    }

    /// A claim that characterizes the talks themselves
    /// (`talks::speaks_of_tone`).
    fn speaks_of_tone(&self) -> bool {
        talks::speaks_of_tone(&self.claim.terms)
    }

    /// A claim whose only stance is that the topic was discussed.
    fn only_reports(&self) -> bool {
        self.polarity() == Polarity::Neutral && self.claim.stance.kind == "report"
    }

    /// A claim that says the topic was discussed ("discussed", "had candid
    /// exchanges on"), without criticism.
    fn reports(&self) -> bool {
        let said = &Cues::get().discussion_terms;
        self.polarity() != Polarity::Critical && self.claim.terms.iter().any(|t| said.contains(t))
    }

    /// A claim that reports talks on matters other than those it names
    /// ("also exchanged views on other issues of common concern").
    fn reports_other_matters(&self) -> bool {
        Cues::get().reports_other_matters(&text::tokens(&self.claim.text))
    }

    /// A claim that the two sides agreed on something ("The two sides
    /// agreed to hold further discussions").
    fn joint_agreement(&self) -> bool {
        self.voice.is_none() && self.claim.stance.kind == AGREEMENT
    }

    /// A claim that speaks well of what was done in the area ("welcomed
    /// the enforcement action", "spoke positively of the progress").
    fn appraises(&self) -> bool {
        self.claim.stance.kind == WELCOME
    }

    /// A positive claim about working with the other side on the subject
    /// (`engagement` in cues.yaml). Talks that are only characterized
    /// ("held frank talks": the stance is the tone word) report the
    /// meeting; they take nothing forward.
    fn engages(&self) -> bool {
        let cues = Cues::get();
        // The cue is read only for a claim that would otherwise engage.
        let tone_is_the_stance = || {
            self.claim.stance.cue.as_deref().is_some_and(|c| {
                text::tokens(c)
                    .iter()
                    .any(|t| cues.tone_terms.contains(&text::stem(&t.norm)))
            })
        };
        self.polarity() == Polarity::Positive
            && self
                .claim
                .terms
                .iter()
                .any(|t| cues.engagement_terms.contains(t))
            && !tone_is_the_stance()
    }

    /// A positive claim that states the speaker's resolve about its own
    /// conduct anywhere in it, though another cue decided its kind
    /// ("underscored the importance of ... and reiterated that the US will
    /// continue to operate"; the kind `resolve` in cues.yaml).
    fn states_resolve(&self) -> bool {
        if self.polarity() != Polarity::Positive {
            return false;
        }
        let cues = Cues::get();
        let toks = text::tokens(&self.claim.text);
        let reading = CueReading::of(&toks);
        cues.stance_cues(&toks).iter().any(|m| {
            let kind = &cues.kinds[*m.value];
            kind.name == RESOLVE
                && !reading.in_denial(m.start)
                && reading.polarity(kind, m.start, m.len, &toks).0 == Polarity::Positive
        })
    }

    /// Whether the claim names `party` and no other party but `besides`
    /// (the other side, which it may address).
    fn speaks_for_only(&self, party: &str, besides: &str) -> bool {
        let named = &self.claim.stance.named;
        named.iter().any(|p| p == party) && named.iter().all(|p| p == party || p == besides)
    }

    /// Whether the claim names `party` as whom it criticises.
    fn names(&self, party: &str) -> bool {
        self.claim.stance.target.as_deref() == Some(party)
            || self.claim.stance.named.iter().any(|p| p == party)
    }

    /// A criticism that faults what was done ("wrongful moves"), not one
    /// that asks or warns (`faulting` in cues.yaml).
    fn faults(&self) -> bool {
        self.polarity() == Polarity::Critical
            && Cues::get()
                .kind(&self.claim.stance.kind)
                .is_some_and(|k| k.faults)
    }

    /// A positive claim about the speaker's own conduct ("will continue to operate").
    /// Whether the claim's stance is an offer of joint work ("is willing
    /// to work with the U.S. side"): what the side would do with the other,
    /// not an account of what it did.
    fn offers(&self) -> bool {
        self.claim
            .stance
            .cue
            .as_deref()
            .is_some_and(|c| Cues::get().is_offer(c, &self.claim.matching))
    }

    fn asserts_own_conduct(&self) -> bool {
        self.polarity() == Polarity::Positive && self.claim.stance.asserts_conduct
    }
}

/// Whom a critical claim is aimed at: the named target, or else the
/// counterpart of its voice (in a bilateral readout, unattributed criticism is
/// aimed at the other side).
fn aimed_at<'a>(c: &'a NormClaim, voice: Option<&str>, counterpart: &'a str) -> Option<&'a str> {
    if c.stance.polarity != Polarity::Critical {
        return None;
    }
    // "any country" names no one: unless it names the counterpart as well,
    // such a criticism is aimed at no one (`no_one` in cues.yaml).
    if c.stance.at_no_one && !c.stance.named.iter().any(|p| p == counterpart) {
        return None;
    }
    // In a two-sided readout, a criticism that names the counterpart at all
    // is aimed at it ("China's normal trade with Russia should not be
    // interfered with ... US sanctions"), before any third party.
    if voice.is_some() && c.stance.named.iter().any(|p| p == counterpart) {
        return Some(counterpart);
    }
    c.stance.target.as_deref().or(voice.map(|_| counterpart))
}

/// How claim `l` of `left` relates to claim `r` of `right`, on the topic
/// `frame` describes, with the `points` of both readouts' claims.
pub fn decide(
    (left, l): (&NormReadout, usize),
    (right, r): (&NormReadout, usize),
    similarity: f64,
    frame: &TopicFrame,
    points: &Points,
) -> Finding {
    let a = Reading::of(
        &left.claims[l],
        &left.side,
        &right.side,
        points.states_policy(0, l),
    );
    let b = Reading::of(
        &right.claims[r],
        &right.side,
        &left.side,
        points.states_policy(1, r),
    );
    let shared = shared_words(points.of_claim(0, l), points.of_claim(1, r), frame);
    conflict(&a, &b, &shared, similarity)
        .or_else(|| conflict(&b, &a, &shared, similarity).map(|f| mirrored(f, &a, &b)))
        .or_else(|| force_told_two_ways(&a, &b, points.force(0, l), points.force(1, r)))
        .or_else(|| {
            disowns(&a, &b, points.disowned(0, l))
                .or_else(|| disowns(&b, &a, points.disowned(1, r)))
        })
        .unwrap_or_else(|| {
            let talks_only = talks_only_beside_substance(
                (&a, points.of_claim(0, l)),
                (&b, points.of_claim(1, r)),
            );
            accord(&a, &b, &shared, frame, talks_only)
        })
}

/// A conflict found with the claims taken the other way round: the reason
/// names the left claim's words first again.
fn mirrored(f: Finding, a: &Reading, b: &Reading) -> Finding {
    match f.rule {
        Rule::OpposedCharacterization | Rule::OppositeStances => Finding {
            reason: format!("{}: {} vs {}", f.rule.meaning(), a.cue(), b.cue()),
            ..f
        },
        _ => f,
    }
}

/// Opposed characterizations: `b` criticises the conduct `a` asserts of
/// itself, or resolves on while `b` names it. A policy `a` states is a
/// position, not an act: a demand or warning on the topic beside it does
/// not oppose it, only a criticism that faults what was done or shares its
/// point (`stated_policy` in cues.yaml).
fn opposes_own_conduct(a: &Reading, b: &Reading, shared: &SharedWords) -> bool {
    let (Some(tb), Some(va)) = (b.aimed_at, a.voice) else {
        return false;
    };
    shared.same_subject(&a.claim.terms, &b.claim.terms)
        && tb == va
        && b.voice != Some(va)
        && (a.asserts_own_conduct() || (b.names(va) && a.states_resolve()))
        && !a.offers()
        && !shared.only_stance_words()
        && (!a.states_policy || b.faults() || shared.is_shared_point())
}

/// Opposed characterizations of a third party: `a` criticises it ("further
/// Russian aggression") and `b`, of the other side, speaks well for it
/// alone ("Russia's legitimate security concerns should be taken
/// seriously"). Speaking for two parties at once ("talks between Russia and
/// Ukraine") takes no one's side.
fn opposes_on_a_third_party(a: &Reading, b: &Reading) -> bool {
    let (Some(va), Some(vb), Some(ta)) = (a.voice, b.voice, a.aimed_at) else {
        return false;
    };
    va != vb
        && ta != va
        && ta != vb
        && a.polarity() == Polarity::Critical
        && b.polarity() == Polarity::Positive
        && b.speaks_for_only(ta, va)
}

/// The conflict rules, tried with `a` as the claim that denies, asserts or
/// blames first (the caller tries both ways).
fn conflict(a: &Reading, b: &Reading, shared: &SharedWords, similarity: f64) -> Option<Finding> {
    // Mutual blame: each side's criticism is aimed at the other, and each
    // blames someone: opposition that names no one ("strongly opposes
    // unilateral changes to the status quo") blames nobody in particular.
    // A claim that makes another point may still blame beside it ("stressed
    // the importance of peace and stability ... and raised concerns about
    // the PRC's military pressure"; `blames_beside`).
    if let (Some(va), Some(vb), Some((ta, ca)), Some((tb, cb))) =
        (a.voice, b.voice, a.blamed(), b.blamed())
        && va != vb
        && ta == vb
        && tb == va
    {
        return Some(Finding {
            rule: Rule::MutualBlame,
            reason: format!(
                "{}: {ca} (on {ta}) vs {cb} (on {tb})",
                Rule::MutualBlame.meaning()
            ),
        });
    }
    // Denial: `a` negates what `b` asserts about it, or what `b` criticises
    // in words about the same thing ("not aimed at any third country"
    // against "poses a serious threat").
    if let (Some(d), Some(va), Some(tb)) = (&a.claim.stance.denial, a.voice, b.aimed_at)
        && (tb == va || (Some(tb) != b.voice && similarity >= DENIED_SUBJECT))
        && b.voice != Some(va)
    {
        return Some(Finding {
            rule: Rule::Denial,
            reason: format!("{}: '{d}' against {}", Rule::Denial.meaning(), b.cue()),
        });
    }
    if opposes_own_conduct(a, b, shared) || opposes_on_a_third_party(a, b) {
        return Some(Finding {
            rule: Rule::OpposedCharacterization,
            reason: format!(
                "{}: {} vs {}",
                Rule::OpposedCharacterization.meaning(),
                a.cue(),
                b.cue()
            ),
        });
    }
    // Both accounts report the same party's words: they conflict when its
    // stances on one proposition are opposite. A party that praises one
    // thing and criticises another on a topic is not reported differently.
    if a.voice.is_some()
        && a.voice == b.voice
        && a.polarity() == Polarity::Positive
        && b.polarity() == Polarity::Critical
        && shared.is_same_proposition()
    {
        return Some(Finding {
            rule: Rule::ReportedDifferently,
            reason: format!(
                "{} ({}): {} vs {}",
                Rule::ReportedDifferently.meaning(),
                a.voice.unwrap_or_default(),
                a.cue(),
                b.cue()
            ),
        });
    }
    // Opposite stances on one proposition: the same point, one for it and
    // the other (of the other side) against it.
    if a.polarity() == Polarity::Positive
        && b.polarity() == Polarity::Critical
        && a.voice != b.voice
        && a.voice.is_some()
        && shared.is_same_proposition()
    {
        return Some(Finding {
            rule: Rule::OppositeStances,
            reason: format!(
                "{}: {} vs {} on {}",
                Rule::OppositeStances.meaning(),
                a.cue(),
                b.cue(),
                shared.quoted()
            ),
        });
    }
    None
}

/// What two compatible claims have in common that makes it one point.
enum Common<'a> {
    /// Content words.
    Words(&'a SharedWords),
    /// Both characterize the talks ("candid" beside "in-depth").
    Tone,
    /// Both say the topic was discussed, one saying nothing more.
    Discussed,
    /// Both speak of an area that is itself the point (communication
    /// channels, the leaders' consensus; `one_point` in topics.yaml), neither
    /// critically: one reporting that the leaders' understandings were
    /// discussed beside the other pledging to follow them is one point.
    Area,
    /// Both speak well of taking the subject forward together.
    Engagement,
    /// Both report that the two sides agreed on something in the area.
    Undertaking,
    /// Both speak well of what was done in the area.
    Appraisal,
    /// One side speaks well of what the other did, and the other of its own
    /// conduct there.
    Credit,
}

/// `a` speaks well of what the other side did, naming no one else, and `b`,
/// of that side, speaks well of its own conduct on the same subject
/// ("welcomed the PRC's steps to control precursor chemicals" beside "China
/// has taken strong measures to control fentanyl-related substances"): one
/// point, credited by one side and claimed by the other. A call on the
/// world at large ("the international community should help") is no
/// conduct of one's own.
fn credits(a: &Reading, b: &Reading) -> bool {
    let Some(v) = b.voice else { return false };
    // `speaks_for_only(v, v)`: the welcome names that side and no other.
    a.appraises() && a.voice != Some(v) && a.speaks_for_only(v, v) && b.asserts_own_conduct()
}

/// No conflict: agreement when both make the same point with a compatible
/// stance, else divergence. Where the topic is itself the point
/// (`one_point`), speaking of it is the point; where each side speaks of
/// its own (`each_its_own`), the words both use are no point.
fn accord(
    a: &Reading,
    b: &Reading,
    shared: &SharedWords,
    frame: &TopicFrame,
    talks_only: bool,
) -> Finding {
    use Polarity::*;
    let compatible = match (a.polarity(), b.polarity()) {
        (Positive, Positive) | (Neutral, Neutral) | (Positive, Neutral) | (Neutral, Positive) => {
            true
        }
        (Critical, Critical) => a.aimed_at.is_some() && a.aimed_at == b.aimed_at,
        _ => false,
    };
    // Talks only characterized beside a claim that does not speak of their
    // tone share no point, whatever words both use (`talks_only`).
    let common = if !compatible || talks_only {
        None
    } else if shared.is_shared_point() && !frame.each_its_own {
        Some(Common::Words(shared))
    } else if a.speaks_of_tone() && b.speaks_of_tone() {
        Some(Common::Tone)
    } else if a.reports()
        && b.reports()
        && (a.only_reports() || b.only_reports())
        && !elsewhere_beside_tone(a, b)
        && !elsewhere_beside_tone(b, a)
    {
        Some(Common::Discussed)
    } else if frame.one_point && a.polarity() != Critical && b.polarity() != Critical {
        Some(Common::Area)
    } else if a.engages() && b.engages() {
        Some(Common::Engagement)
    } else if a.joint_agreement() && b.joint_agreement() {
        Some(Common::Undertaking)
    } else if a.appraises() && b.appraises() {
        Some(Common::Appraisal)
    } else if !shared.is_empty() && (credits(a, b) || credits(b, a)) {
        Some(Common::Credit)
    } else {
        None
    };
    if let Some(common) = common {
        let rule = if a.polarity() == Critical {
            Rule::SharedCriticism
        } else {
            Rule::SharedPoint
        };
        let on = match common {
            Common::Words(w) => format!("both on {}", w.quoted()),
            Common::Tone => "both on the tone of the talks".to_string(),
            Common::Discussed => "both report it discussed".to_string(),
            Common::Area if a.polarity() == Positive && b.polarity() == Positive => {
                "both speak well of it, and it is the point".to_string()
            }
            Common::Engagement => "both would take it forward together".to_string(),
            Common::Undertaking => "both report the two sides agreed on it".to_string(),
            Common::Appraisal => "both speak well of what was done in it".to_string(),
            Common::Credit => "one credits what the other says it did".to_string(),
            Common::Area => "both speak of it, neither critically, and it is the point".to_string(),
        };
        return Finding {
            rule,
            reason: format!("{}: {} / {}, {on}", rule.meaning(), a.cue(), b.cue()),
        };
    }
    let why = if shared.is_empty() {
        "no words in common".to_string()
    } else if compatible {
        format!("only {} in common", shared.quoted())
    } else {
        "stances that neither match nor conflict".to_string()
    };
    Finding {
        rule: Rule::NoSharedPoint,
        reason: format!(
            "{}: {} {} vs {} {} ({why})",
            Rule::NoSharedPoint.meaning(),
            a.polarity().name(),
            a.cue(),
            b.polarity().name(),
            b.cue()
        ),
    }
}
