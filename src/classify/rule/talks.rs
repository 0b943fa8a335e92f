//! Claims about the talks themselves: one that only says how the talks
//! went ("held a candid and substantive meeting at the Pentagon today")
//! and one that reports that other matters were discussed. Neither makes
//! a point of substance, so the words they happen to share with a claim
//! that does are no shared point (`tone`, `occasion`, `discussion`,
//! `talks_manner` and `other_matters` in cues.yaml).

use super::Reading;
use crate::classify::point::PointWord;
use crate::normalize::cues::Cues;
use crate::normalize::text;

/// One of two claims only characterizes the talks (`wa`, `wb`: their point
/// words) and the other does not speak of their tone: the words they share
/// are no point, and they share none. Read only for pairs that reach
/// `accord`, most pairs being decided before it.
pub(super) fn talks_only_beside_substance(
    (a, wa): (&Reading, &[PointWord]),
    (b, wb): (&Reading, &[PointWord]),
) -> bool {
    only_characterizes_talks(&a.claim.terms, wa) && !b.speaks_of_tone()
        || only_characterizes_talks(&b.claim.terms, wb) && !a.speaks_of_tone()
}

/// A claim that characterizes the talks themselves: a word of tone in a
/// claim that names the talks (`tone`, `occasion` and `discussion` in
/// cues.yaml), read from its terms. "A positive and pragmatic China
/// policy" speaks of a policy, not of the meeting.
pub(super) fn speaks_of_tone(terms: &[String]) -> bool {
    let cues = Cues::get();
    terms.iter().any(|t| cues.tone_terms.contains(t))
        && terms
            .iter()
            .any(|t| cues.occasion_terms.contains(t) || cues.discussion_terms.contains(t))
}

/// A claim that only characterizes the talks ("held a candid and
/// substantive meeting at the Pentagon today"): it speaks of their tone,
/// and its point words (`words`) are all words of tone, of the talks and
/// of their manner, setting and scope.
fn only_characterizes_talks(terms: &[String], words: &[PointWord]) -> bool {
    let cues = Cues::get();
    speaks_of_tone(terms)
        && words.iter().all(|w| {
            let p = w.point.as_str();
            names_who_or_where(w)
                || cues.tone_terms.contains(p)
                || cues.occasion_terms.contains(p)
                || cues.discussion_terms.contains(p)
                || cues.talks_manner_terms.contains(p)
        })
}

/// A word the claim writes capitalized, as a name ("Navy" in "PLA Navy
/// Commander", "Brazil", "Energy" in "Secretary of Energy"; read from its
/// first use): in a claim about the talks it says who met or where, as
/// the setting does.
fn names_who_or_where(w: &PointWord) -> bool {
    w.shown.chars().next().is_some_and(char::is_uppercase)
}

/// `a` reports only that other matters were discussed and `b` speaks of
/// the talks' tone and of no issues ("held a candid and substantive
/// discussion"): the one says something else was on the table, the other
/// how the talks went; no point in common. Two reports of the issues
/// discussed do share one ("a candid exchange on issues of interest").
pub(super) fn elsewhere_beside_tone(a: &Reading, b: &Reading) -> bool {
    // The word checks first: they read the claims' terms, not their text.
    b.speaks_of_tone()
        && !a.speaks_of_tone()
        && a.reports_other_matters()
        && !Cues::get().names_issues(&text::tokens(&b.claim.text))
}
