//! How hard one claim words its position: the strongest of its cues that
//! take the claim's own stance, raised by an intensifier beside it.

use super::Intensity;
use super::scale::Scale;
use crate::normalize::cues::{Cues, Polarity};
use crate::normalize::stance::CueReading;
use crate::normalize::text::{self, Token, tokens};

/// How far before a cue an intensifier stands ("firmly and resolutely opposes").
const INTENSIFIER_BEFORE: usize = 2;
/// How far after a cue ("opposes firmly", "condemned strongly").
const INTENSIFIER_AFTER: usize = 1;

/// One cue that may set the claim's level.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    level: u8,
    start: usize,
    len: usize,
    /// Token index of the intensifier that raised it.
    intensifier: Option<usize>,
}

/// The intensity of a claim's text, given the stance detection found in it
/// (`polarity` and `kind`, as `NormClaim::stance` holds them). Only cues
/// that take that stance count: a critical claim is as hard as its
/// criticism, whatever courtesy comes with it.
pub fn measure(text: &str, polarity: Polarity, kind: &str) -> Intensity {
    let toks = tokens(text);
    let scale = Scale::get();
    let mut best: Option<Candidate> = None;
    let mut consider = |base: u8, start: usize, len: usize| {
        let c = raise(&toks, base, start, len);
        if best.is_none_or(|b| c.level > b.level) {
            best = Some(c);
        }
    };
    for (base, start, len) in stance_cues(&toks, polarity) {
        consider(base, start, len);
    }
    if polarity == Polarity::Critical {
        for m in scale.measures.find_longest(&toks) {
            consider(*m.value, m.start, m.len);
        }
    }
    match best {
        Some(c) => Intensity {
            level: c.level,
            name: scale.name(c.level).to_string(),
            cue: Some(text::span(&toks, c.start, c.len)),
            intensifier: c.intensifier.map(|i| toks[i].orig.to_string()),
        },
        // An analyst's override, or a stance decided by a cue this reading
        // sets aside: the level of the stance kind, when the kind takes the
        // claim's stance ("has not changed and opposed" is no opposition).
        None => {
            let takes_it = Cues::get()
                .kind(kind)
                .is_some_and(|k| k.polarity == polarity);
            let level = if takes_it {
                scale.kind_level(kind).unwrap_or(0)
            } else {
                0
            };
            Intensity {
                level,
                name: scale.name(level).to_string(),
                cue: None,
                intensifier: None,
            }
        }
    }
}

/// (level, start, length) of each stance cue whose polarity, read as
/// stance detection reads it, is the claim's.
fn stance_cues(toks: &[Token], polarity: Polarity) -> Vec<(u8, usize, usize)> {
    let cues = Cues::get();
    let scale = Scale::get();
    let reading = CueReading::of(toks);
    let mut out = Vec::new();
    for m in cues.stance_cues(toks) {
        if reading.in_denial(m.start) {
            continue;
        }
        let kind = &cues.kinds[*m.value];
        let Some(base) = scale
            .cue_level(m.phrase)
            .or_else(|| scale.kind_level(&kind.name))
        else {
            continue;
        };
        let (p, negated) = reading.polarity(kind, m.start, m.len, toks);
        // "did not condemn": a negated criticism sets no level.
        if negated && p == Polarity::Neutral {
            continue;
        }
        if p == polarity {
            out.push((base, m.start, m.len));
        }
    }
    out
}

/// A cue at its level, one level higher when an intensifier stands in it or
/// beside it, up to the scale's `intensified_max`.
fn raise(toks: &[Token], base: u8, start: usize, len: usize) -> Candidate {
    let scale = Scale::get();
    let from = start.saturating_sub(INTENSIFIER_BEFORE);
    let to = (start + len + INTENSIFIER_AFTER).min(toks.len());
    let intensifier = (from..to).find(|&i| scale.is_intensifier(&toks[i].norm));
    let level = match intensifier {
        Some(_) if base < scale.intensified_max => base + 1,
        _ => base,
    };
    Candidate {
        level,
        start,
        len,
        intensifier: intensifier.filter(|_| level > base),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(text: &str, polarity: Polarity) -> (String, Option<String>) {
        let i = measure(text, polarity, "none");
        (i.name, i.cue)
    }

    #[test]
    fn the_scale_runs_from_noting_to_warning() {
        use Polarity::*;
        assert_eq!(
            level("The two sides discussed Ukraine.", Neutral).0,
            "notes"
        );
        assert_eq!(
            level("Austin said he hopes for more dialogue.", Positive).0,
            "hopes"
        );
        assert_eq!(
            level("Austin raised concerns about the activity.", Critical).0,
            "presses"
        );
        assert_eq!(
            level(
                "Blinken expressed serious concerns about the buildup.",
                Critical
            )
            .0,
            "serious"
        );
        assert_eq!(
            level("China firmly opposes the arms sales.", Critical),
            ("firm".to_string(), Some("firmly opposes".to_string()))
        );
        assert_eq!(
            level("Dong said China will not tolerate separatism.", Critical).0,
            "warns"
        );
        assert_eq!(
            level("China will take resolute countermeasures.", Critical).0,
            "warns"
        );
    }

    #[test]
    fn intensifiers_raise_one_level_and_never_make_a_threat() {
        use Polarity::*;
        let i = measure(
            "China strongly condemned the move.",
            Critical,
            "condemnation",
        );
        assert_eq!(
            (i.name.as_str(), i.intensifier.as_deref()),
            ("firm", Some("strongly"))
        );
        let i = measure("China condemned the move.", Critical, "condemnation");
        assert_eq!((i.name.as_str(), i.intensifier), ("serious", None));
        // Already at the top of what an intensifier reaches.
        assert_eq!(
            level("China strongly and firmly opposes it.", Critical).0,
            "firm"
        );
    }

    #[test]
    fn only_cues_of_the_claims_stance_count() {
        // Critical words negated criticise no one; the courtesy is the point.
        let i = measure(
            "Wang said major countries should get along rather than condemn each other.",
            Polarity::Positive,
            "advocacy",
        );
        assert_eq!(i.name, "hopes");
        // A critical claim is as hard as its criticism, not its courtesy.
        let i = measure(
            "Dong valued the talks but warned the US against provocations.",
            Polarity::Critical,
            "warning",
        );
        assert_eq!(i.name, "warns");
        // An analyst's override with no cue of its stance: the kind's level.
        let i = measure("Anything at all.", Polarity::Critical, "condemnation");
        assert_eq!((i.name.as_str(), i.cue), ("serious", None));
        assert_eq!(measure("Lunch.", Polarity::Neutral, "none").level, 0);
    }
}
