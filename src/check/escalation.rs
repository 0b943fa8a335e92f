//! Escalation and de-escalation: whether a side words its position on a
//! topic harder or softer than in its last readout that took one. Harder
//! means more critical: turning critical, or criticising at a higher level
//! of the intensity scale; warmer praise is not an escalation.

use schemars::JsonSchema;
use serde::Serialize;

use crate::intensity::{Intensity, Level, NOTABLE_GAP, measure};
use crate::normalize::NormClaim;
use crate::normalize::cues::Polarity;
use crate::normalize::stance::Voice;

/// Which way a side's stance on a topic moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Turned critical, or criticises at a higher level.
    Escalation,
    /// Stopped criticising, or criticises at a lower level.
    DeEscalation,
    /// Neither (positive kinds shading into one another, the same level).
    Steady,
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::Escalation => "escalation",
            Direction::DeEscalation => "de-escalation",
            Direction::Steady => "steady",
        }
    }
}

/// The side's strongest level on the topic, before and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct IntensityShift {
    pub before: Level,
    pub after: Level,
}

/// How a side's stance on one topic moved between two readouts.
#[derive(Debug, Clone)]
pub struct Movement<'a> {
    pub direction: Direction,
    pub levels: IntensityShift,
    /// The strongest claim on the topic in each readout, before and now.
    pub strongest: [&'a NormClaim; 2],
    /// Both critical, the level moved `NOTABLE_GAP` or more.
    notable: bool,
}

impl Movement<'_> {
    /// "intensity: presses → warns", for a shift the stance kinds do not
    /// show: the same kind of criticism, worded levels harder or softer.
    pub fn intensity_change(&self) -> Option<String> {
        self.notable.then(|| {
            format!(
                "intensity: {} → {}",
                self.levels.before.name, self.levels.after.name
            )
        })
    }
}

/// One side of the comparison: a readout's claims, its side, and the claim
/// that represents its stance on the topic (the history's choice).
#[derive(Debug, Clone, Copy)]
pub struct Stand<'a> {
    pub claims: &'a [NormClaim],
    pub side: &'a str,
    pub representative: &'a NormClaim,
}

/// How the stance on `topic` moved from `before` to `after`.
pub fn movement<'a>(topic: &str, before: Stand<'a>, after: Stand<'a>) -> Movement<'a> {
    let (b, b_level) = strongest(topic, before);
    let (a, a_level) = strongest(topic, after);
    let (bp, ap) = (
        before.representative.stance.polarity,
        after.representative.stance.polarity,
    );
    let direction = match (bp, ap) {
        (Polarity::Critical, Polarity::Critical) => match a_level.level.cmp(&b_level.level) {
            std::cmp::Ordering::Greater => Direction::Escalation,
            std::cmp::Ordering::Less => Direction::DeEscalation,
            std::cmp::Ordering::Equal => Direction::Steady,
        },
        (_, Polarity::Critical) => Direction::Escalation,
        (Polarity::Critical, _) => Direction::DeEscalation,
        _ => Direction::Steady,
    };
    let notable = bp == Polarity::Critical
        && ap == Polarity::Critical
        && a_level.level.abs_diff(b_level.level) >= NOTABLE_GAP;
    Movement {
        direction,
        levels: IntensityShift {
            before: Level::of(b_level.level),
            after: Level::of(a_level.level),
        },
        strongest: [b, a],
        notable,
    }
}

/// The strongest claim the side words in its own voice (or both sides')
/// on the topic with the stance of its representative claim.
fn strongest<'a>(topic: &str, stand: Stand<'a>) -> (&'a NormClaim, Intensity) {
    let polarity = stand.representative.stance.polarity;
    let rep = stand.representative;
    let mut best = (rep, of(rep));
    for c in stand.claims {
        let on_topic = c.topic.as_ref().is_some_and(|t| t.id == topic);
        let own = match &c.stance.voice {
            Voice::Party(p) => p == stand.side,
            Voice::Joint => true,
        };
        if on_topic && own && c.stance.polarity == polarity {
            let i = of(c);
            if i.level > best.1.level {
                best = (c, i);
            }
        }
    }
    best
}

fn of(c: &NormClaim) -> Intensity {
    measure(&c.text, c.stance.polarity, &c.stance.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, load_str};
    use crate::normalize::normalize;

    fn claims(texts: &[&str]) -> Vec<NormClaim> {
        let mut yaml = "source: {side: China}\nclaims:\n".to_string();
        for t in texts {
            yaml.push_str(&format!("  - text: \"{t}\"\n"));
        }
        let r = load_str("t", &yaml, &Limits::default()).expect("loads");
        normalize(&r, &crate::Taxonomy::built_in()).claims
    }

    fn stand(claims: &[NormClaim]) -> Stand<'_> {
        Stand {
            claims,
            side: "China",
            representative: &claims[0],
        }
    }

    #[test]
    fn criticism_worded_harder_is_an_escalation_and_softer_a_de_escalation() {
        let before = claims(&["China raised concerns about US arms sales to Taiwan."]);
        let after = claims(&[
            "China raised concerns about US arms sales to Taiwan.",
            "China warned the US that it will not tolerate arms sales to Taiwan.",
        ]);
        let m = movement("taiwan", stand(&before), stand(&after));
        assert_eq!(m.direction, Direction::Escalation);
        assert_eq!(
            m.intensity_change().as_deref(),
            Some("intensity: presses → warns")
        );
        assert_eq!(m.strongest[1].text, after[1].text);
        let m = movement("taiwan", stand(&after), stand(&before));
        assert_eq!(m.direction, Direction::DeEscalation);
    }

    #[test]
    fn turning_critical_escalates_and_warmer_praise_does_not() {
        let warm = claims(&["China welcomed progress on Taiwan."]);
        let cold = claims(&["China raised concerns about Taiwan."]);
        assert_eq!(
            movement("taiwan", stand(&warm), stand(&cold)).direction,
            Direction::Escalation
        );
        assert_eq!(
            movement("taiwan", stand(&cold), stand(&warm)).direction,
            Direction::DeEscalation
        );
        let warmer = claims(&["China strongly welcomed progress on Taiwan."]);
        let m = movement("taiwan", stand(&warm), stand(&warmer));
        assert_eq!(m.direction, Direction::Steady);
        assert_eq!(m.intensity_change(), None);
    }
}
