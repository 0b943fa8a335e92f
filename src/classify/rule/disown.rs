//! Disowning: a claim that holds the other side's own words at arm's
//! length ("so-called freedom of navigation") opposes the claim that makes
//! them its point (`disowning` in cues.yaml).

use super::{Finding, Reading, Rule};
use crate::normalize::cues::{Cues, Polarity};
use crate::normalize::text;

/// How many words after a disowning marker ("so-called") name what it
/// disowns: "so-called freedom of navigation", "so-called overcapacity".
const DISOWNED_WORDS: usize = 3;

impl Reading<'_> {
    /// What the claim holds at arm's length (`disowning` in cues.yaml:
    /// "so-called freedom of navigation"): the stems of the content words
    /// among the few that follow the marker, up to a mark of punctuation,
    /// and the words from the marker on as written.
    fn disowned(&self) -> Option<(Vec<String>, String)> {
        let toks = text::tokens(&self.claim.text);
        let terms = &self.claim.terms;
        let m = Cues::get()
            .disowning
            .find_longest(&toks)
            .into_iter()
            .next()?;
        let mut stems = Vec::new();
        let mut end = m.start + m.len;
        for (i, t) in toks.iter().enumerate().skip(end).take(DISOWNED_WORDS) {
            let stem = text::stem(&t.norm);
            if terms.binary_search(&stem).is_ok() {
                stems.push(stem);
                end = i + 1;
            }
            if t.pause {
                break;
            }
        }
        (!stems.is_empty()).then(|| (stems, text::span(&toks, m.start, end - m.start)))
    }
}

/// Disowning: `a` holds at arm's length the very words that `b`, of the
/// other side, makes its point of without criticism ("so-called freedom of
/// navigation must not become a pretext" against "the importance of
/// freedom of navigation"): one thing characterized in opposed terms.
pub(super) fn disowns(a: &Reading, b: &Reading) -> Option<Finding> {
    let (va, vb) = (a.voice?, b.voice?);
    if va == vb || b.polarity() == Polarity::Critical {
        return None;
    }
    let (stems, shown) = a.disowned()?;
    stems
        .iter()
        .all(|w| b.claim.terms.binary_search(w).is_ok())
        .then(|| Finding {
            rule: Rule::OpposedCharacterization,
            reason: format!(
                "{}: '{shown}' against {}",
                Rule::OpposedCharacterization.meaning(),
                b.cue()
            ),
        })
}
