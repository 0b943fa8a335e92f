//! The words of force: a right to defend oneself, named (`rights` and
//! `self_defence` in cues.yaml), and harm done to civilians
//! (`harm_to_civilians`), read together once per claim by classify's rule
//! of one use of force told two ways (classify/rule/force.rs).

use super::Cues;
use crate::normalize::phrases::PhraseSet;
use crate::normalize::text::{self, Token};

/// Which of the words of force a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ForceWord {
    Right,
    Defence,
    Harm,
}

/// The three lists in one set, so that a claim is read once.
pub(super) fn words(
    rights: &[String],
    self_defence: &[String],
    harm_to_civilians: &[String],
) -> PhraseSet<ForceWord> {
    let mut set = PhraseSet::default();
    for (list, word) in [
        (rights, ForceWord::Right),
        (self_defence, ForceWord::Defence),
        (harm_to_civilians, ForceWord::Harm),
    ] {
        for p in list {
            set.insert(p, word);
        }
    }
    set
}

impl Cues {
    /// What a claim says of force, in its words: those that name a
    /// party's right to defend itself ("Israel's right to defend itself",
    /// "the right of self-defense": words of `self_defence` right after
    /// words of `rights`; self-defence that is no right, "a nuclear
    /// strategy of self-defense", names none), and those that speak of harm
    /// done to civilians ("collective punishment"; `harm_to_civilians`).
    pub fn force_words(&self, toks: &[Token]) -> (Option<String>, Option<String>) {
        let found = self.force.find_longest(toks);
        let right = found.windows(2).find_map(|w| {
            let (r, d) = (&w[0], &w[1]);
            (*r.value == ForceWord::Right
                && *d.value == ForceWord::Defence
                && r.start + r.len == d.start)
                .then(|| text::span(toks, r.start, r.len + d.len))
        });
        let harm = found
            .iter()
            .find(|m| *m.value == ForceWord::Harm)
            .map(|m| text::span(toks, m.start, m.len));
        (right, harm)
    }
}
