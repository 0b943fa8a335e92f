//! The leaders' consensus as a review of progress: a claim that names the
//! consensus and several areas at once reviews them, and is the consensus;
//! one that names one other area is about that area.

use super::Scored;
use crate::normalize::cues::Cues;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::text::Token;

/// Specific topics a claim must name to review progress across areas.
const REVIEWED_AREAS: usize = 2;

impl Taxonomy {
    /// A `reviews` area (the leaders' consensus) holds a claim that names
    /// no other area, or several specific ones at once ("following the
    /// leaders' meeting, ... on strategic risk, health security and
    /// climate": a review of progress), or that speaks of many areas in so
    /// many words (`many_areas`: "dialogue and cooperation in various fields
    /// have made progress" is a review, not the channel its "dialogue"
    /// names). When the claim names one other area
    /// ("the leaders' consensus on resuming military communication"), that
    /// area is the point. Words about the talks' tone, and the fallback area
    /// (overall relations), are no area here.
    pub(super) fn review_of_areas(&self, toks: &[Token], scored: &mut Vec<Scored>) {
        let Some(i) = scored.iter().position(|s| self.topics[s.topic].reviews) else {
            return;
        };
        // Subjects of one area (purchases and export controls within
        // trade) are one area here: "the purchase commitments made under the
        // trade arrangement" is about trade, not a review across areas.
        let area_of = |t: usize| {
            let topic = &self.topics[t];
            topic.parent.as_deref().unwrap_or(&topic.id)
        };
        let mut areas: Vec<&str> = scored
            .iter()
            .filter(|s| self.topics[s.topic].weight >= 1.0)
            .map(|s| area_of(s.topic))
            .collect();
        areas.sort_unstable();
        areas.dedup();
        let specific = areas.len();
        // The fallback area (overall relations) is where everything general
        // goes: naming it is not naming an area.
        let another_area = |s: &&Scored| {
            !self.topics[s.topic].reviews
                && s.substance != usize::MAX
                && Some(s.topic) != self.fallback
        };
        let other_areas = scored.iter().filter(another_area).count();
        let review = scored.remove(i);
        // Looked for only here: most claims name no consensus.
        let many_areas = || !self.many_areas_phrases.find_longest(toks).is_empty();
        // The consensus is named first and every other area only after the
        // word at `at`: what follows it serves the review.
        let only_after = |at: usize| {
            review.first < at && scored.iter().filter(another_area).all(|s| s.first > at)
        };
        // Several areas a review names after "including" are what the
        // progress it reviews is made of, not a point of their own; one
        // area so named is the point (`named_instance`).
        let instances = || {
            other_areas >= REVIEWED_AREAS
                && Cues::get().instance_marker(toks).is_some_and(only_after)
        };
        // Areas named only in what the follow-up prepares ("implement the
        // consensus ... and make good preparations for the next stage of
        // high-level exchanges") are no point of their own: preparing the
        // next exchanges is how the consensus is followed up.
        let prepared = || Cues::get().preparation_marker(toks).is_some_and(only_after);
        // An accord named for its field ("the commitments made under the
        // trade arrangement", "the Economic and Trade Agreement") is that
        // field's business: implementing it reviews no areas.
        let field_accord = || {
            scored.iter().any(|s| {
                self.topics[s.topic].weight >= 1.0
                    && (Cues::get().is_accord(toks, s.first_end)
                        || (s.last > s.first && Cues::get().is_accord(toks, s.last + 1)))
            })
        };
        let reviews = specific >= REVIEWED_AREAS
            || other_areas == 0
            || many_areas()
            || instances()
            || prepared();
        if reviews && !field_accord() {
            scored.insert(0, review);
        } else {
            scored.push(review);
        }
    }
}
