//! One use of force told two ways: one side upholds a party's right to
//! defend itself, the other condemns the harm done to civilians in that
//! conflict (`self_defence` and `harm_to_civilians` in cues.yaml). Neither
//! names what the other does, yet analysts read the two as opposed
//! characterizations of one armed response.

use super::{Finding, Reading, Rule};
use crate::normalize::cues::Cues;
use crate::normalize::text::Token;

/// What a claim says of force, in its own words, found once per comparison
/// with its point words (`Points` in classify/point.rs).
#[derive(Debug, Clone)]
pub(in crate::classify) struct Force {
    /// The words that uphold a party's right to defend itself.
    upheld: Option<String>,
    /// The words that condemn harm done to civilians.
    harm: Option<String>,
}

/// What claim tokens `toks` say of force.
pub(in crate::classify) fn force(toks: &[Token]) -> Force {
    let (right, harm) = Cues::get().force_words(toks);
    // A right named beside the harm done in its name is limited, not
    // upheld ("must not become a pretext for the collective punishment of
    // civilians").
    let upheld = right.filter(|_| harm.is_none());
    Force { upheld, harm }
}

/// Whether one of `a` and `b` upholds a party's right to defend itself and
/// the other, of the other side, condemns harm done to civilians (`fa` and
/// `fb`: what each says of force); the reason quotes `a`'s words first.
pub(super) fn force_told_two_ways(
    a: &Reading,
    b: &Reading,
    fa: &Force,
    fb: &Force,
) -> Option<Finding> {
    let (Some(va), Some(vb)) = (a.voice, b.voice) else {
        return None;
    };
    let (left, right) = match (&fa.upheld, &fb.upheld, &fa.harm, &fb.harm) {
        (Some(upheld), _, _, Some(harm)) => (upheld, harm),
        (_, Some(upheld), Some(harm), _) => (harm, upheld),
        _ => return None,
    };
    (va != vb).then(|| Finding {
        rule: Rule::OpposedCharacterization,
        // The rule's meaning speaks of one's own conduct; say which
        // characterizations these are instead.
        reason: format!("one use of force, characterized two ways: '{left}' vs '{right}'"),
    })
}
