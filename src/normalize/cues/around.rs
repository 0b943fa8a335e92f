//! What the words around a keyword say of it: the subject a channel
//! serves or a contact is about, a thing one side asks the other to view,
//! a body named as whose forces are spoken of. Read by the tagger
//! (taxonomy/tag.rs) to tell a keyword that names the claim's area from
//! one that only says who acts or what is looked at.

use super::Cues;
use crate::normalize::text::Token;

/// At most this many words between a verb of keeping and the word of
/// contact ("maintaining open lines of communication on ...").
const KEEPING_GAP: usize = 3;

/// At most this many words between "of the" and a body named as whose
/// forces are spoken of ("the troops of the PLA Eastern Theater Command").
const OWNER_WORDS: usize = 3;

impl Cues {
    /// Where the first words that open a purpose clause start ("... a
    /// valuable mechanism for the two militaries to discuss ..."), or the
    /// subject of staying in contact ("agreed to maintain communication
    /// on ..."), whichever comes first, if the sentence has one.
    pub fn purpose_marker(&self, toks: &[Token]) -> Option<usize> {
        let clause = self.purpose.find_longest(toks).first().map(|m| m.start);
        let is = |list: &[String], i: usize| {
            toks.get(i)
                .is_some_and(|t| list.iter().any(|w| *w == t.norm))
        };
        // "maintain communication on", "stay in close touch on": the word
        // that opens what the contact is about.
        let subject = (0..toks.len()).find_map(|i| {
            if !is(&self.keeping, i) {
                return None;
            }
            let contact = (i + 1..=i + 1 + KEEPING_GAP).find(|&j| is(&self.in_contact, j))?;
            // "keep lines of communication open on trade issues"
            let at = contact + 1 + usize::from(is(&self.contact_kept, contact + 1));
            // Communication "between" two teams is a line between them;
            // "contacts between students" are the exchanges themselves.
            let between = toks.get(at).is_some_and(|t| t.norm == "between");
            (is(&self.contact_about, at) && (!between || is(&self.contact_lines, contact)))
                .then_some(at)
        });
        clause.into_iter().chain(subject).min()
    }

    /// Whether the words at `at` are what a verb of viewing right before
    /// them (`viewing`; a "the" between allowed) asks someone to view:
    /// "should view China's development objectively".
    pub fn viewed_at(&self, toks: &[Token], at: usize) -> bool {
        let before = |i: usize| {
            i.checked_sub(1)
                .and_then(|j| toks.get(j))
                .map(|t| t.norm.as_str())
        };
        let at = if before(at) == Some("the") {
            at - 1
        } else {
            at
        };
        before(at).is_some_and(|w| self.viewing.iter().any(|v| v == w))
    }

    /// Whether the words at `at` name whose forces are spoken of: "of the"
    /// right after a word for forces (`forces`), with up to three words
    /// between "the" and them ("the troops of the PLA Eastern Theater
    /// Command").
    pub fn owns_forces(&self, toks: &[Token], at: usize) -> bool {
        let word = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
        (1..=OWNER_WORDS + 1).any(|back| {
            at >= back + 2
                && word(at - back) == "the"
                && word(at - back - 1) == "of"
                && self.forces.iter().any(|f| f == word(at - back - 2))
        })
    }
}
