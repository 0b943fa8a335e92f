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

/// One of two claims only characterizes the talks and the other does not
/// speak of their tone: what they share is no point (`accord` then finds
/// one only in another account of the tone).
pub(super) fn talks_only_beside_substance(
    (a, wa): (&Reading, &[PointWord]),
    (b, wb): (&Reading, &[PointWord]),
) -> bool {
    only_characterizes_talks(a, wa) && !b.speaks_of_tone()
        || only_characterizes_talks(b, wb) && !a.speaks_of_tone()
}

/// A claim that only characterizes the talks ("held a candid and
/// substantive meeting at the Pentagon today"): a word of tone in a claim
/// that names the talks, and no point word but words of tone, of the talks
/// and of their scope.
fn only_characterizes_talks(r: &Reading, words: &[PointWord]) -> bool {
    let cues = Cues::get();
    r.speaks_of_tone()
        && words.iter().all(|w| {
            let p = w.point.as_str();
            cues.tone_terms.contains(p)
                || cues.occasion_terms.contains(p)
                || cues.discussion_terms.contains(p)
                || cues.talks_manner_terms.contains(p)
        })
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
