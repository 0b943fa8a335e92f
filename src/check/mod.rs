//! Check: a new readout against an archive of prior ones. Against its own
//! side's history: new and dropped topics, stance shifts, self-contradictions
//! and each claim's closest earlier claim; against the other side's account
//! of the same meeting, when the archive holds it: the full comparison.

pub mod archive;
pub mod cache;
pub mod claims;
mod codec;
pub mod escalation;
pub mod history;
pub mod index;
pub mod matches;
pub mod render;
pub mod report;

use std::collections::HashMap;

use crate::Taxonomy;
use crate::error::Error;
use crate::load::{self, Limits};
use crate::model::Readout;
use crate::normalize::{NormReadout, normalize};
use archive::{Archived, ScanOptions, Skipped, day};
use cache::Cache;
use report::{
    ArchiveSummary, CheckReport, CheckSummary, HistorySummary, NewSummary, OtherKind, OtherSide,
};

/// How to check, besides the files.
#[derive(Clone, Copy)]
pub struct CheckOptions<'a> {
    pub taxonomy: &'a Taxonomy,
    pub limits: &'a Limits,
    /// Only the N most recent prior readouts count (`--window`).
    pub window: Option<usize>,
    /// Dropped topics are those at least half of the N most recent raised (`--recent`).
    pub recent: usize,
    /// Count prior readouts whatever their counterpart (`--any-counterpart`).
    pub any_counterpart: bool,
}

/// Checks `new` against the readout files `files` (see
/// [`archive::find_files`]), through `cache`. `progress` is called once per
/// file scanned. Bad archive files are listed in the report, not fatal.
pub fn check(
    new: &Readout,
    files: &[String],
    cache: &mut Cache,
    opts: &CheckOptions,
    progress: &(dyn Fn() + Sync),
) -> Result<CheckReport, Error> {
    let norm = normalize(new, opts.taxonomy);
    let date = new
        .meeting
        .date
        .as_deref()
        .or(new.source.published.as_deref());
    let Some(new_day) = date.and_then(day) else {
        return Err(Error::input(
            &new.origin,
            0,
            0,
            "the new readout has no `meeting.date` in ISO 8601 form (YYYY-MM-DD): check orders the archive by date",
        ));
    };
    let side = norm.side.clone();
    // Only the side's strictly earlier readouts can be history (see
    // `history::select`): the claims of the others are never read.
    let needs =
        |s: &str, date: Option<&str>| s == side && date.and_then(day).is_some_and(|d| d < new_day);
    let scan = archive::scan(
        files,
        cache,
        &ScanOptions {
            taxonomy: opts.taxonomy,
            limits: opts.limits,
            needs_claims: &needs,
            progress,
        },
    );
    let mut skipped = scan.skipped;
    let counterparts = counterparts(&scan.readouts);
    let new_counterpart = archive::counterpart(new, &side)
        .or_else(|| paired_side(&scan.readouts, &side, new_day, new.meeting.title.as_deref()));

    let (history, undated) = history::select(
        &scan.readouts,
        &counterparts,
        history::Select {
            side: &side,
            before: new_day,
            counterpart: if opts.any_counterpart {
                None
            } else {
                new_counterpart.as_deref()
            },
            window: opts.window,
        },
    );
    let new_topics = history::new_topics(&norm, &history);
    let dropped_topics = history::dropped_topics(&norm, &history, opts.recent, opts.taxonomy);
    let stance_shifts = history::stance_shifts(&norm, &history);
    let index = index::ClaimIndex::build(&history, &norm.claims);
    let (closest, contradictions) = matches::compare_claims(&norm, &index);

    let mut other_side = Vec::new();
    // Only the participants name the counterpart with certainty: a side
    // paired by meeting day and title may be the press's.
    let named_counterpart = archive::counterpart(new, &side);
    for (a, cp) in scan.readouts.iter().zip(&counterparts) {
        if same_meeting_other_side(a, cp.as_deref(), &norm, new_day, new_counterpart.as_deref()) {
            match load::load_path(&a.file, opts.limits) {
                Ok(r) => other_side.push(OtherSide {
                    file: a.file.clone(),
                    kind: OtherKind::of(&a.entry.side, named_counterpart.as_deref()),
                    report: crate::compare_normalized(
                        &norm,
                        &normalize(&r, opts.taxonomy),
                        opts.taxonomy,
                    ),
                }),
                // The file changed since it was scanned.
                Err(e) => skipped.push(Skipped {
                    file: a.file.clone(),
                    error: e.to_string(),
                }),
            }
        }
    }

    let summary = CheckSummary {
        new_topics: new_topics.len(),
        dropped_topics: dropped_topics.len(),
        stance_shifts: stance_shifts.len(),
        contradictions: contradictions.len(),
        reworded: closest.iter().filter(|c| c.reworded).count(),
        other_side: other_side.len(),
        third_party: other_side
            .iter()
            .filter(|o| o.kind == OtherKind::ThirdParty)
            .count(),
    };
    let day_of = |a: Option<&&Archived>| a.and_then(|a| a.entry.date.clone());
    Ok(CheckReport {
        new: NewSummary {
            file: new.origin.clone(),
            side: side.clone(),
            issuer: new.source.issuer.clone(),
            date: date.map(str::to_string),
            title: new.meeting.title.clone(),
            counterpart: new_counterpart.clone(),
            claims: norm.claims.len(),
        },
        archive: ArchiveSummary {
            files: files.len(),
            readouts: scan.readouts.len(),
            cached: scan.cached,
            skipped,
            ignored: scan.ignored,
        },
        history: HistorySummary {
            side,
            counterpart: if opts.any_counterpart {
                None
            } else {
                new_counterpart
            },
            readouts: history.len(),
            window: opts.window,
            recent: opts.recent,
            first: day_of(history.first()),
            last: day_of(history.last()),
            undated,
        },
        new_topics,
        dropped_topics,
        stance_shifts,
        contradictions,
        closest,
        other_side,
        summary,
    })
}

/// Meetings are known by day and title: two accounts of one meeting share both.
type MeetingKey<'a> = (&'a str, &'a str);

fn meeting_key(a: &Archived) -> Option<MeetingKey<'_>> {
    Some((
        day(a.entry.date.as_deref()?)?,
        a.entry.title.as_deref().unwrap_or(""),
    ))
}

/// Each archived readout's counterpart: from its participants, else the side
/// of another account of the same meeting (same day and title) in the archive.
fn counterparts(readouts: &[Archived]) -> Vec<Option<String>> {
    let mut sides: HashMap<MeetingKey, Vec<&str>> = HashMap::new();
    for a in readouts {
        if let Some(k) = meeting_key(a) {
            sides.entry(k).or_default().push(&a.entry.side);
        }
    }
    readouts
        .iter()
        .map(|a| {
            a.entry.counterpart.clone().or_else(|| {
                let others = sides.get(&meeting_key(a)?)?;
                others
                    .iter()
                    .filter(|s| **s != a.entry.side)
                    .min()
                    .map(|s| s.to_string())
            })
        })
        .collect()
}

/// The side of another account of the meeting `(day, title)` in the archive.
fn paired_side(
    readouts: &[Archived],
    side: &str,
    day: &str,
    title: Option<&str>,
) -> Option<String> {
    let key = (day, title.unwrap_or(""));
    readouts
        .iter()
        .filter(|a| a.entry.side != side && meeting_key(a) == Some(key))
        .map(|a| a.entry.side.clone())
        .min()
}

/// Whether `a` is the other side's account of the new readout's meeting:
/// same `meeting.title`, or same day with matching counterparts.
fn same_meeting_other_side(
    a: &Archived,
    a_cp: Option<&str>,
    new: &NormReadout,
    new_day: &str,
    new_cp: Option<&str>,
) -> bool {
    if a.entry.side == new.side {
        return false;
    }
    let norm_title = |t: &str| t.trim().to_lowercase();
    let same_title = match (&a.entry.title, &new.readout.meeting.title) {
        (Some(x), Some(y)) => norm_title(x) == norm_title(y),
        _ => false,
    };
    let same_day = a.entry.date.as_deref().and_then(day) == Some(new_day);
    same_title
        || (same_day
            && new_cp.is_none_or(|c| c == a.entry.side)
            && a_cp.is_none_or(|c| c == new.side))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::cache::Entry;
    use crate::load::load_str;
    use std::sync::Arc;

    fn archived(
        file: &str,
        side: &str,
        date: &str,
        title: Option<&str>,
        counterpart: Option<&str>,
    ) -> Archived {
        Archived {
            file: file.into(),
            entry: Arc::new(Entry {
                side: side.into(),
                issuer: None,
                date: Some(date.into()),
                title: title.map(str::to_string),
                counterpart: counterpart.map(str::to_string),
                claims: None,
            }),
        }
    }

    fn new(yaml: &str) -> NormReadout {
        normalize(
            &load_str("new", yaml, &Limits::default()).expect("loads"),
            &Taxonomy::built_in(),
        )
    }

    #[test]
    fn counterparts_come_from_participants_else_the_other_account_of_the_meeting() {
        let all = vec![
            archived("a-us", "United States", "2024-01-01", Some("Talks"), None),
            archived("a-cn", "China", "2024-01-01", Some("Talks"), None),
            archived("b-us", "United States", "2024-02-01", None, Some("Russia")),
            archived("c-us", "United States", "2024-03-01", Some("Alone"), None),
        ];
        let cps = counterparts(&all);
        assert_eq!(
            cps,
            [
                Some("China".into()),
                Some("United States".into()),
                Some("Russia".into()),
                None
            ]
        );
        assert_eq!(
            paired_side(&all, "United States", "2024-01-01", Some("Talks")).as_deref(),
            Some("China")
        );
        assert_eq!(
            paired_side(&all, "United States", "2024-01-01", Some("Other")),
            None
        );
    }

    #[test]
    fn the_other_side_is_found_by_title_or_by_day_and_counterpart() {
        let n = new(
            "meeting: {title: Talks, date: 2024-01-01}\nsource: {side: US}\nclaims:\n  - text: x\n",
        );
        let by_title = archived("t", "China", "2023-12-31", Some("talks "), None);
        assert!(same_meeting_other_side(
            &by_title,
            None,
            &n,
            "2024-01-01",
            Some("China")
        ));
        let by_day = archived(
            "d",
            "China",
            "2024-01-01",
            Some("Other title"),
            Some("United States"),
        );
        assert!(same_meeting_other_side(
            &by_day,
            Some("United States"),
            &n,
            "2024-01-01",
            Some("China")
        ));
        let third_party = archived("r", "Russia", "2024-01-01", None, Some("United States"));
        assert!(!same_meeting_other_side(
            &third_party,
            Some("United States"),
            &n,
            "2024-01-01",
            Some("China")
        ));
        let own_side = archived("o", "United States", "2024-01-01", Some("Talks"), None);
        assert!(!same_meeting_other_side(
            &own_side,
            None,
            &n,
            "2024-01-01",
            Some("China")
        ));
    }
}
