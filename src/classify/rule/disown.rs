//! Disowning: a claim that holds the other side's own words at arm's
//! length ("so-called freedom of navigation") opposes the claim that makes
//! them its point (`disowning` in cues.yaml).

use super::{Finding, Reading, Rule};
use crate::normalize::cues::{Cues, Polarity};
use crate::normalize::text;

/// How many words after a disowning marker ("so-called") name what it
/// disowns: "so-called freedom of navigation", "so-called overcapacity".
const DISOWNED_WORDS: usize = 3;

/// What a claim holds at arm's length (`disowning` in cues.yaml: "so-called
/// freedom of navigation"), found once per comparison with its point words
/// (`Points` in classify/point.rs).
#[derive(Debug, Clone)]
pub(in crate::classify) struct Disowned {
    /// The stems of the content words among the few that follow the
    /// marker, up to a mark of punctuation.
    stems: Vec<String>,
    /// The words from the marker on, as written.
    shown: String,
}

/// What claim tokens `toks`, of stemmed content words `terms`, disown.
pub(in crate::classify) fn disowned(toks: &[text::Token], terms: &[String]) -> Option<Disowned> {
    let m = Cues::get()
        .disowning
        .find_longest(toks)
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
    (!stems.is_empty()).then(|| Disowned {
        stems,
        shown: text::span(toks, m.start, end - m.start),
    })
}

/// Disowning: `a` holds at arm's length the very words that `b`, of the
/// other side, makes its point of without criticism ("so-called freedom of
/// navigation must not become a pretext" against "the importance of
/// freedom of navigation"): one thing characterized in opposed terms.
pub(super) fn disowns(a: &Reading, b: &Reading, disowned: Option<&Disowned>) -> Option<Finding> {
    let (va, vb) = (a.voice?, b.voice?);
    if va == vb || b.polarity() == Polarity::Critical {
        return None;
    }
    let Disowned { stems, shown } = disowned?;
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
