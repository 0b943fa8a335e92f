//! What a claim names among the lexicon's lists: a pledge to defend a
//! side's own, talks on other matters, the issues talks were on, a stated
//! policy, a standing channel of talks. Each is a yes or no read from the
//! claim's tokens by classify's rules and the tagger.

use super::Cues;
use crate::normalize::text::Token;

impl Cues {
    /// Whether a claim pledges to defend a side's own interests and values
    /// ("will continue to stand up for its interests and values") and
    /// names no instance of them ("..., including on economic issues",
    /// "economic matters included"): a side's general policy, overall
    /// relations wherever it comes. An instance named is the area that
    /// decides (ANNOTATION.md).
    pub fn pledges(&self, toks: &[Token]) -> bool {
        self.names_pledge(toks)
            && self.instance_marker(toks).is_none()
            && self.instance_after.find_longest(toks).is_empty()
    }

    /// Whether a claim reports talks on matters other than those named
    /// ("also exchanged views on other issues of common concern"; see
    /// `other_matters`).
    pub fn reports_other_matters(&self, toks: &[Token]) -> bool {
        !self.other_matter.find_longest(toks).is_empty()
    }

    /// Whether a claim speaks of the issues talks were on ("an exchange on
    /// issues of interest"; see `issues`).
    pub fn names_issues(&self, toks: &[Token]) -> bool {
        !self.issue.find_longest(toks).is_empty()
    }

    /// Whether a claim states a side's policy or principles (see
    /// `stated_policy`).
    pub fn names_policy(&self, toks: &[Token]) -> bool {
        !self.stated_policy.find_longest(toks).is_empty()
    }

    /// Whether a claim names what a side pledges to defend as its own
    /// ("its interests and values"), instances or not.
    pub fn names_pledge(&self, toks: &[Token]) -> bool {
        !self.pledge.find_longest(toks).is_empty()
    }

    /// Whether a claim speaks of containing the other side (see
    /// `containment`).
    pub fn names_containment(&self, toks: &[Token]) -> bool {
        !self.containment.find_longest(toks).is_empty()
    }

    /// Whether a meeting's title names a standing channel of talks ("Cyber
    /// Affairs Dialogue", "Counternarcotics Working Group").
    pub fn names_standing_talks(&self, toks: &[Token]) -> bool {
        !self.standing.find_longest(toks).is_empty()
    }
}
