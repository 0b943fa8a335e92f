//! Restatement: a claim that says again, under another claim's stance cue,
//! all that the other says there, or that defends against harm, inside a
//! criticism, all that the other values. The two make that point alike,
//! whatever else either adds, so neither contradicts the other on it.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

use super::point::PointWord;
use crate::normalize::cues::{Cues, Kind, Polarity};
use crate::normalize::phrases::{Match, PhraseSet};
use crate::normalize::stance::CueReading;
use crate::normalize::text::{self, Token};
use crate::normalize::{NormClaim, point_of};

/// A claim with its point words (`Points::of_claim`).
pub type Pointed<'a> = (&'a NormClaim, &'a [PointWord]);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HarmFile {
    verbs: Vec<String>,
    object_ends: Vec<String>,
}

/// The words of harm (`src/data/harm.yaml`): "undermine", "violation of",
/// "threat to" ...; their object is what the harm is done to.
struct Harm {
    words: PhraseSet<()>,
    /// Words that open another clause, and so end an object.
    object_ends: PhraseSet<()>,
}

impl Harm {
    fn get() -> &'static Harm {
        static HARM: OnceLock<Harm> = OnceLock::new();
        HARM.get_or_init(|| {
            let file: HarmFile =
                crate::load::yaml::built_in("harm words", include_str!("../data/harm.yaml"));
            let set = |list: &[String]| {
                let mut s = PhraseSet::default();
                for p in list {
                    s.insert(p, ());
                }
                s
            };
            Harm {
                words: set(&file.verbs),
                object_ends: set(&file.object_ends),
            }
        })
    }
}

/// Punctuation that ends a clause, and with it the object of a word of harm.
const CLAUSE_MARKS: [char; 3] = [',', ';', ':'];

/// The token indexes at which a clause of `text` (of tokens `toks`) starts
/// after a comma, semicolon or colon, or after a word that opens a clause.
fn clause_starts(text: &str, toks: &[Token]) -> Vec<usize> {
    // Tokens never span these marks, so the pieces' tokens are the claim's.
    let mut starts: Vec<usize> = text
        .split(CLAUSE_MARKS)
        .scan(0, |at, piece| {
            *at += text::tokens(piece).len();
            Some(*at)
        })
        .collect();
    if starts.pop() != Some(toks.len()) {
        starts.clear();
    }
    starts.extend(
        Harm::get()
            .object_ends
            .find_longest(toks)
            .iter()
            .map(|m| m.start),
    );
    starts
}

/// The kind a word of harm is read as: a criticism, as a critical stance
/// cue is (`CueReading::polarity` reads only a kind's polarity and whether a party
/// turns it, so any critical kind no party turns will do). A negator just
/// before it turns it over ("does not undermine"), unless a modal makes that
/// a prohibition ("must not undermine"), which is as critical as the word.
fn criticism() -> &'static Kind {
    Cues::get()
        .kinds
        .iter()
        .find(|k| k.polarity == Polarity::Critical && !k.party_sensitive)
        .expect("the built-in cues have a critical kind")
}

/// One stance cue where it stands in a claim, and the polarity it takes there.
struct CueAt {
    start: usize,
    len: usize,
    /// The cue as the lexicon writes it ("reaffirm*"): one cue, however inflected.
    phrase: &'static str,
    polarity: Polarity,
    /// Introduces a position rather than taking one ("stressed", "reaffirmed").
    framing: bool,
}

/// A claim's tokens and stance cues, in order, and the objects of its words
/// of harm inside a criticism (what the speaker defends): each word of harm
/// that reads as a criticism where it stands (`criticism`) and that no
/// positive cue approves of (`approved`).
struct Cued {
    toks: Vec<Token>,
    cues: Vec<CueAt>,
    defended: Vec<Range<usize>>,
}

impl Cued {
    fn of(claim: &NormClaim) -> Cued {
        let lexicon = Cues::get();
        let toks = text::tokens(&claim.text);
        // As stance detection reads them.
        let reading = CueReading::of(&toks);
        let in_denial = |i: usize| reading.in_denial(i);
        let cues: Vec<CueAt> = lexicon
            .stance_cues(&toks)
            .into_iter()
            .filter(|m| !in_denial(m.start))
            .map(|m| {
                let kind = &lexicon.kinds[*m.value];
                CueAt {
                    start: m.start,
                    len: m.len,
                    phrase: m.phrase,
                    polarity: reading.polarity(kind, m.start, m.len, &toks).0,
                    framing: kind.framing,
                }
            })
            .collect();
        let harms: Vec<Match<()>> = Harm::get()
            .words
            .find_longest(&toks)
            .into_iter()
            .filter(|h| !in_denial(h.start))
            .collect();
        let clauses = clause_starts(&claim.text, &toks);
        let defended = harms
            .iter()
            .filter(|h| {
                let read = reading.polarity(criticism(), h.start, h.len, &toks);
                read.0 == Polarity::Critical && !approved(&cues, h.start)
            })
            .map(|h| object(h, &cues, &harms, &clauses, toks.len()))
            .collect();
        Cued {
            toks,
            cues,
            defended,
        }
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
        self.points_in(from..to, points)
    }

    /// The point words the claim defends against harm inside a criticism
    /// ("opposes efforts to undermine | peace and stability across the Strait").
    fn defends(&self, points: &[PointWord]) -> BTreeSet<String> {
        self.defended
            .iter()
            .flat_map(|r| self.points_in(r.clone(), points))
            .collect()
    }

    /// The point words among the tokens `range`.
    fn points_in(&self, range: Range<usize>, points: &[PointWord]) -> BTreeSet<String> {
        let point: BTreeSet<&str> = points.iter().map(|p| p.point.as_str()).collect();
        self.toks[range]
            .iter()
            .map(|t| point_of(&text::stem(&t.norm)).to_string())
            .filter(|w| point.contains(w.as_str()))
            .collect()
    }
}

/// Whether the harm at `at` is what the speaker approves of: the nearest
/// stance cue before it, framing aside, is positive ("supports efforts to
/// undermine the sanctions" does not defend the sanctions; "stressed that
/// attempts to undermine stability must stop" is framed, not approved).
fn approved(cues: &[CueAt], at: usize) -> bool {
    cues.iter()
        .rfind(|c| !c.framing && c.start + c.len <= at)
        .is_some_and(|c| c.polarity == Polarity::Positive)
}

/// The object of the word of harm `harm`: from it to the end of its clause
/// (`clauses`), the next cue that is not positive, the next word of harm, or
/// the end of the claim. Positive cues belong to the object ("undermine the
/// healthy and stable development of relations").
fn object(
    harm: &Match<()>,
    cues: &[CueAt],
    harms: &[Match<()>],
    clauses: &[usize],
    end: usize,
) -> Range<usize> {
    let from = harm.start + harm.len;
    let next_cue = cues
        .iter()
        .filter(|c| c.polarity != Polarity::Positive)
        .map(|c| c.start);
    let to = harms
        .iter()
        .map(|h| h.start)
        .chain(next_cue)
        .chain(clauses.iter().copied())
        .filter(|&s| s >= from)
        .min()
        .unwrap_or(end);
    from..to
}

/// Whether `x` says again what `y` says under its stance cue: the cue that
/// decided `y`'s stance stands in `x` too, with the same polarity there,
/// and `x` says under it every point word `y` says under it (at least one:
/// a cue alone is no point). "Austin reaffirmed the importance of peace and
/// stability across the Strait, opposition to unilateral changes ..."
/// restates "Austin reaffirmed the importance of peace and stability across
/// the Taiwan Strait"; "welcomed A but opposed B" does not restate
/// "welcomed B". A positive point is also said again by defending every one
/// of its words against harm inside a criticism, whatever the cue: "opposes
/// attempts to undermine regional stability" restates "values regional
/// stability" ("does not undermine" defends nothing). Not symmetric: try
/// both ways.
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
    let under_the_cue = cued_x
        .cues
        .iter()
        .enumerate()
        .filter(|(_, c)| c.phrase == cue.phrase && c.polarity == cue.polarity)
        .any(|(i, _)| said.is_subset(&cued_x.under(i, x_points)));
    under_the_cue
        || (cue.polarity == Polarity::Positive && said.is_subset(&cued_x.defends(x_points)))
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

    #[test]
    fn defending_a_point_against_harm_in_a_criticism_restates_valuing_it() {
        let valued = "China values regional stability.";
        assert_eq!(
            both_ways(
                "China opposed attempts to undermine regional stability.",
                valued
            ),
            (true, false)
        );
        for defends in [
            // Another word of harm, in a clause under the criticism.
            "China condemned the drills, which jeopardize regional stability.",
            // A noun of harm.
            "China firmly opposes any violation of regional stability.",
            // A prohibition is as critical as the harm it forbids.
            "The United States must not undermine regional stability, China said.",
        ] {
            assert_eq!(both_ways(defends, valued), (true, false), "{defends}");
        }
        // Every word of the point: stability alone is not stability and prosperity.
        assert_eq!(
            both_ways(
                "China opposed attempts to undermine regional stability.",
                "China values regional stability and prosperity.",
            ),
            (false, false)
        );
    }

    #[test]
    fn a_negated_or_approved_harm_defends_nothing() {
        let valued = "China values regional stability.";
        for text in [
            "China criticised the drills but said they do not undermine regional stability.",
            "China said the drills did not undermine regional stability.",
            "China supports efforts to undermine regional stability.",
        ] {
            assert_eq!(both_ways(text, valued), (false, false), "{text}");
        }
    }

    #[test]
    fn what_a_criticism_targets_is_not_defended() {
        // The drills are criticised for the harm they do: regional stability
        // is defended, the drills are not.
        let criticism = "Wang opposed the joint drills, which undermine regional stability.";
        assert_eq!(
            both_ways(criticism, "Wang valued regional stability."),
            (true, false)
        );
        assert_eq!(
            both_ways(criticism, "Wang welcomed the joint drills."),
            (false, false)
        );
        // The object ends with its clause: the actions in Hong Kong are
        // criticised, not harmed.
        assert_eq!(
            both_ways(
                "Blinken raised concerns about PRC actions that undermine the international order and that run counter to US interests, including actions in Hong Kong.",
                "Blinken welcomed PRC actions in Hong Kong.",
            ),
            (false, false)
        );
        // An adjective of harm has no object: the actions are criticised.
        assert_eq!(
            both_ways(
                "Wang raised concerns about destabilizing actions in the region.",
                "Wang welcomed the actions in the region.",
            ),
            (false, false)
        );
    }
}
