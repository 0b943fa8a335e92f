//! Restatement: a claim that says again, under another claim's stance cue,
//! all that the other says there. The two make that point alike, whatever
//! else either adds, so neither contradicts the other on it.

use std::collections::BTreeSet;

use super::point::PointWord;
use crate::normalize::cues::{Cues, Polarity};
use crate::normalize::stance::cue_polarity;
use crate::normalize::text::{self, Token};
use crate::normalize::{NormClaim, point_of};

/// A claim with its point words (`Points::of_claim`).
pub type Pointed<'a> = (&'a NormClaim, &'a [PointWord]);

/// One stance cue where it stands in a claim, and the polarity it takes there.
struct CueAt {
    start: usize,
    len: usize,
    /// The cue as the lexicon writes it ("reaffirm*"): one cue, however inflected.
    phrase: &'static str,
    polarity: Polarity,
}

/// A claim's tokens and stance cues, in order.
struct Cued {
    toks: Vec<Token>,
    cues: Vec<CueAt>,
}

impl Cued {
    fn of(claim: &NormClaim) -> Cued {
        let lexicon = Cues::get();
        let toks = text::tokens(&claim.text);
        // As stance detection reads them: words of a denial are neither a
        // cue nor a negator ("not aimed at" denies; it does not turn a cue over).
        let denials = lexicon.denials.find_longest(&toks);
        let in_denial = |i: usize| {
            denials
                .iter()
                .any(|d| (d.start..d.start + d.len).contains(&i))
        };
        let parties = lexicon.parties.find_longest(&toks);
        let negators: Vec<usize> = lexicon
            .negators
            .find_longest(&toks)
            .into_iter()
            .map(|m| m.start)
            .filter(|&i| !in_denial(i))
            .collect();
        let cues = lexicon
            .stance
            .find_longest(&toks)
            .into_iter()
            .filter(|m| !in_denial(m.start))
            .map(|m| {
                let kind = &lexicon.kinds[*m.value];
                CueAt {
                    start: m.start,
                    len: m.len,
                    phrase: m.phrase,
                    polarity: cue_polarity(kind, m.start, m.len, &toks, &parties, &negators).0,
                }
            })
            .collect();
        Cued { toks, cues }
    }

    /// The cue that decided the claim's stance: the first with the words
    /// and the polarity the stance shows (none when the stance was set by
    /// hand, or by no cue).
    fn decisive(&self, claim: &NormClaim) -> Option<usize> {
        let words = claim.stance.cue.as_deref()?;
        self.cues.iter().position(|c| {
            c.polarity == claim.stance.polarity
                && self.toks[c.start..c.start + c.len]
                    .iter()
                    .map(|t| t.orig.as_str())
                    .eq(words.split(' '))
        })
    }

    /// The point words said under cue `i`: from the cue to where the claim
    /// turns to another polarity ("the importance of peace and stability |
    /// opposition to unilateral changes"), or to its end.
    fn under(&self, i: usize, points: &[PointWord]) -> BTreeSet<String> {
        let cue = &self.cues[i];
        let from = cue.start + cue.len;
        let to = self.cues[i + 1..]
            .iter()
            .find(|c| c.start >= from && c.polarity != cue.polarity)
            .map_or(self.toks.len(), |c| c.start);
        let point: BTreeSet<&str> = points.iter().map(|p| p.point.as_str()).collect();
        self.toks[from..to]
            .iter()
            .map(|t| point_of(&text::stem(&t.norm)).to_string())
            .filter(|w| point.contains(w.as_str()))
            .collect()
    }
}

/// Whether `x` says again what `y` says under its stance cue: the cue that
/// decided `y`'s stance stands in `x` too, with the same polarity there,
/// and `x` says under it every point word `y` says under it (at least one:
/// a cue alone is no point). "Austin reaffirmed the importance of peace and
/// stability across the Strait, opposition to unilateral changes ..."
/// restates "Austin reaffirmed the importance of peace and stability across
/// the Taiwan Strait"; "welcomed A but opposed B" does not restate
/// "welcomed B". Not symmetric: try both ways.
pub fn restates((x, x_points): Pointed, (y, y_points): Pointed) -> bool {
    let cued_y = Cued::of(y);
    let Some(d) = cued_y.decisive(y) else {
        return false;
    };
    let said = cued_y.under(d, y_points);
    if said.is_empty() {
        return false;
    }
    let cue = &cued_y.cues[d];
    let cued_x = Cued::of(x);
    cued_x
        .cues
        .iter()
        .enumerate()
        .filter(|(_, c)| c.phrase == cue.phrase && c.polarity == cue.polarity)
        .any(|(i, _)| said.is_subset(&cued_x.under(i, x_points)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;
    use crate::classify::Points;
    use crate::load::{Limits, load_str};
    use crate::normalize::{NormReadout, normalize};

    fn one(text: &str) -> NormReadout {
        let yaml = format!("source: {{side: China}}\nclaims:\n  - text: \"{text}\"\n");
        let r = load_str("claim", &yaml, &Limits::default()).expect("loads");
        normalize(&r, &Taxonomy::built_in())
    }

    /// Whether `x` restates `y`, and `y` restates `x`.
    fn both_ways(x: &str, y: &str) -> (bool, bool) {
        let (x, y) = (one(x), one(y));
        let points = Points::of(&x, &y);
        let (x, y) = (
            (&x.claims[0], points.of_claim(0, 0)),
            (&y.claims[0], points.of_claim(1, 0)),
        );
        (restates(x, y), restates(y, x))
    }

    #[test]
    fn a_longer_claim_restates_the_point_it_makes_under_the_same_cue() {
        let longer = "Wang stressed the importance of dialogue on maritime issues, opposition to provocations at sea, and called on the Philippines to stop.";
        let alone = "Wang stressed the importance of dialogue on maritime issues.";
        assert_eq!(one(longer).claims[0].stance.polarity, Polarity::Critical);
        assert_eq!(one(alone).claims[0].stance.polarity, Polarity::Positive);
        assert_eq!(both_ways(longer, alone), (true, false));
        // Whichever of the two holds the criticism.
        assert_eq!(
            both_ways(
                "Wang opposed provocations at sea.",
                "Wang stressed the importance of dialogue on maritime issues and opposed provocations at sea.",
            ),
            (false, true)
        );
    }

    #[test]
    fn the_cue_counts_only_over_what_it_says_before_the_claim_turns() {
        // "welcomed" in the longer claim is about the talks, not the drills.
        assert_eq!(
            both_ways(
                "Wang welcomed the talks but opposed the joint drills.",
                "Wang welcomed the joint drills.",
            ),
            (false, false)
        );
    }

    #[test]
    fn another_cue_or_the_same_cue_turned_over_is_no_restatement() {
        assert_eq!(
            both_ways(
                "Wang valued dialogue on maritime issues.",
                "Wang stressed the importance of dialogue on maritime issues and opposed provocations at sea.",
            ),
            (false, false)
        );
        assert_eq!(
            both_ways(
                "Wang said China would support the ceasefire talks.",
                "Wang said China would not support the ceasefire talks.",
            ),
            (false, false)
        );
    }

    #[test]
    fn a_cue_with_nothing_under_it_is_no_point() {
        assert_eq!(
            both_ways(
                "The talks were constructive.",
                "Wang said the talks were constructive but criticised arms sales.",
            ),
            (false, false)
        );
    }
}
