//! Clauses that say what a topic named before them serves, is or is for
//! ("a stable relationship serves both peoples", "a relationship ... that
//! rests on a level playing field", "a relationship grounded in
//! fairness", "a mechanism ... to discuss
//! operational safety"), and pledges to stand up for whom a side defends:
//! a topic named only in such words gives way to the one they are about.

use super::{Scored, lift};
use crate::normalize::cues::Cues;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::text::Token;

/// Words that open a clause describing the noun before them.
const RELATIVE: [&str; 2] = ["that", "which"];

/// Participles that, followed by "in" or "on", open a description of the
/// noun before them ("a relationship grounded in fairness").
const DESCRIBING: [&str; 6] = [
    "grounded", "based", "built", "founded", "rooted", "anchored",
];

/// Where a clause describing the phrase that ends at `end` opens, right
/// after it or after the other party ("a healthy economic relationship
/// with the People's Republic of China (PRC) that ..."): "that" or
/// "which", "in which", a participle of what it rests on ("grounded in",
/// "based on"), or after a comma "one" ("..., one that delivers for
/// workers") or "with" ("..., with a level playing field"). A clause that
/// says what kind of relationship is sought names no second subject.
pub(super) fn describing_clause(toks: &[Token], end: usize) -> Option<usize> {
    let word = |i: usize| toks.get(i).map(|t| t.norm.as_str());
    let paused = |i: usize| i > 0 && toks[i - 1].pause;
    let mut p = end;
    if word(p) == Some("with") && !paused(p) {
        p = after_party(toks, p + 1)?;
    }
    if paused(p) && word(p) == Some("one") {
        p += 1;
    }
    let opens = word(p).is_some_and(|w| RELATIVE.contains(&w))
        // "grounded in a level playing field", "based on fairness"
        || (word(p).is_some_and(|w| DESCRIBING.contains(&w))
            && word(p + 1).is_some_and(|w| ["in", "on", "upon"].contains(&w)))
        // "in which American companies can compete"
        || (word(p) == Some("in") && word(p + 1) == Some("which"))
        // "..., with a level playing field for workers"
        || (paused(p) && word(p) == Some("with"));
    opens.then_some(p)
}

/// Where the words after a party's name, and its aliases, start ("the
/// People's Republic of China (PRC)"), if a party is named at `at`.
fn after_party(toks: &[Token], at: usize) -> Option<usize> {
    let at = at + usize::from(toks.get(at).is_some_and(|t| t.norm == "the"));
    let rest = toks.get(at..)?;
    let mut named = 0;
    for m in Cues::get().parties.find_longest(rest) {
        if m.start != named {
            break;
        }
        named += m.len;
    }
    (named > 0).then_some(at + named)
}

/// Rotates `scored[i]` to the front when it is named by substance before
/// `at`, where a clause opens that says what it serves, is or is for,
/// and the best topic is named only from there on.
fn keep_named_before(scored: &mut [Scored], i: usize, at: usize) -> bool {
    let keep = scored[0].first >= at && scored[i].substance < at;
    if keep {
        scored[..=i].rotate_right(1);
    }
    keep
}

impl Taxonomy {
    /// The relationship named before a word of what it serves ("a stable
    /// economic relationship serves both peoples and benefits the world
    /// economy") or a clause that describes it ("seeks a healthy economic
    /// relationship with China that rests on a level playing field"): what
    /// follows says whom the relationship is good for, or what kind of
    /// relationship is sought, not a second subject, so a topic named only
    /// there gives way to the relationship (the fallback area).
    /// `described` is where a clause describing the relationship opens
    /// (`describing_clause`), if one does.
    pub(super) fn served(&self, toks: &[Token], scored: &mut [Scored], described: Option<usize>) {
        let Some(fallback) = self.fallback else {
            return;
        };
        // Most claims name no relationship beside another topic: the
        // sentence is read for the marker only when one does.
        let Some(i) = scored.iter().position(|s| s.topic == fallback) else {
            return;
        };
        if i == 0 {
            return;
        }
        let beneficiary = Cues::get().beneficiary_marker(toks);
        let Some(at) = [beneficiary, described].into_iter().flatten().min() else {
            return;
        };
        keep_named_before(scored, i, at);
    }

    /// A pledge to stand up for a side's own interests, values, people or
    /// allies ("will continue to stand up for American workers, farmers
    /// and businesses") that names no specific matter beside whom it
    /// defends is the side's general policy: overall relations (the
    /// fallback area), as ANNOTATION.md files it, over the general areas
    /// its other words name. A matter named, or an instance ("...,
    /// including on human rights"), decides instead (`Cues::pledges`).
    pub(super) fn pledged(&self, toks: &[Token], scored: &mut Vec<Scored>) {
        let Some(fallback) = self.fallback else {
            return;
        };
        // Most claims name a specific matter: the sentence is read for a
        // pledge only when none does.
        let specific = |s: &Scored| self.topics[s.topic].weight >= 1.0 && !s.actor;
        if scored.is_empty() || scored.iter().any(specific) || !Cues::get().pledges(toks) {
            return;
        }
        lift(scored, fallback);
    }

    /// Containment waged in a field of cooperation (an `arena`: the
    /// economy, the climate) is the claim's point: a claim led by the
    /// field's own words that speaks of containing the other side, of
    /// blocs or small circles against it, of rivalry or a cold war
    /// (`Cues::names_containment`), is competition and containment, as
    /// ANNOTATION.md files "blocs ... aimed at the other side", and the
    /// field is where it is waged, no second filing ("exclusive small
    /// circles in supply chains aimed at China" meets no trade claim of
    /// the other side). A subject of the field named as such ("export
    /// control rules meant to contain China's progress") keeps the claim:
    /// the measure is the point.
    pub(super) fn contained(&self, toks: &[Token], scored: &mut Vec<Scored>) {
        let Some(top) = scored.first() else { return };
        if !self.topics[top.topic].arena || !Cues::get().names_containment(toks) {
            return;
        }
        let Some(rivalry) = self.topics.iter().position(|t| t.containment) else {
            return;
        };
        lift(scored, rivalry);
        let in_arena = |t: usize| {
            let area = self.area(&self.topics[t].id);
            self.get(area).is_some_and(|a| a.arena)
        };
        scored.retain(|s| s.topic == rivalry || !in_arena(s.topic));
    }

    /// A channel of talks named before what it is for ("the MMCA remains a
    /// valuable mechanism for the two militaries to discuss operational
    /// safety"): a specific area named only in the purpose clause is what
    /// the channel serves, and the channel (a `purposed` area) is the
    /// claim's point. What it serves is then no second filing of the
    /// claim either: keeping in touch on trade is not trade, wherever the
    /// other side speaks of trade.
    pub(super) fn purpose(&self, toks: &[Token], scored: &mut Vec<Scored>) {
        let Some(top) = scored.first() else { return };
        if self.topics[top.topic].weight < 1.0 {
            return;
        }
        let Some(i) = scored.iter().position(|s| self.topics[s.topic].purposed) else {
            return;
        };
        let Some(at) = Cues::get().purpose_marker(toks) else {
            return;
        };
        if keep_named_before(scored, i, at) {
            let channel = scored[0].topic;
            scored.retain(|s| s.topic == channel || s.first < at);
        }
    }
}
