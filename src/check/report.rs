//! The check report model: what changed in a new readout against the
//! archive, as plain serializable data. `--format json` is this, as is;
//! field names are a contract (add, never rename or drop).

use schemars::JsonSchema;
use serde::Serialize;

use super::archive::Skipped;
use crate::normalize::NormClaim;
use crate::normalize::cues::Polarity;
use crate::report::{FailOn, Report};

/// Everything `readout check` found.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CheckReport {
    pub new: NewSummary,
    pub archive: ArchiveSummary,
    pub history: HistorySummary,
    /// Topics the new readout raises that no prior readout of the side raised.
    pub new_topics: Vec<NewTopic>,
    /// Topics most of the side's most recent prior readouts raised, and the new one does not.
    pub dropped_topics: Vec<DroppedTopic>,
    /// Topics on which the side's stance moved since it last took one.
    pub stance_shifts: Vec<StanceShift>,
    /// New claims that contradict the side's own earlier claims.
    pub contradictions: Vec<SelfContradiction>,
    /// Every new claim with its closest earlier claim of the side, in claim order.
    pub closest: Vec<Closest>,
    /// The other side's account(s) of the same meeting, compared in full.
    pub other_side: Vec<OtherSide>,
    pub summary: CheckSummary,
}

/// The readout being checked.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NewSummary {
    pub file: String,
    /// Canonical side ("United States").
    pub side: String,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    /// The other party: from the participants, else from the other side's
    /// account of the same meeting in the archive; null when unknown.
    pub counterpart: Option<String>,
    pub claims: usize,
}

/// What the archive held.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ArchiveSummary {
    /// Readout files found (the new readout itself excluded).
    pub files: usize,
    /// Files loaded.
    pub readouts: usize,
    /// Files whose entry came from the cache.
    pub cached: usize,
    /// Readout files that could not be used (reported, then left out).
    pub skipped: Vec<Skipped>,
    /// YAML files that are not readouts (no top-level `source`, `claims`,
    /// `statement` or `readout` key), left out silently.
    pub ignored: Vec<String>,
}

/// The prior readouts the new one is checked against.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HistorySummary {
    pub side: String,
    /// The counterpart history was restricted to; null when not restricted.
    pub counterpart: Option<String>,
    /// Number of prior readouts in the history.
    pub readouts: usize,
    /// `--window`, when given.
    pub window: Option<usize>,
    /// `--recent`: how many of the most recent readouts decide dropped topics.
    pub recent: usize,
    /// Dates of the earliest and latest prior readout.
    pub first: Option<String>,
    pub last: Option<String>,
    /// Readouts of the side left out for lack of an ISO 8601 date.
    pub undated: usize,
}

/// A claim of the new readout.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NewClaim {
    pub id: String,
    pub text: String,
    pub line: u64,
    pub topic: Option<String>,
    pub stance: Polarity,
    pub stance_kind: String,
    pub stance_cue: Option<String>,
}

/// A claim of a prior readout, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EarlierClaim {
    pub file: String,
    pub date: Option<String>,
    pub id: String,
    pub text: String,
    pub line: u64,
    pub topic: Option<String>,
    pub stance: Polarity,
    pub stance_kind: String,
    pub stance_cue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NewTopic {
    pub topic: String,
    pub label: String,
    /// Ids of the new readout's claims on it.
    pub claims: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DroppedTopic {
    pub topic: String,
    pub label: String,
    /// How many of the `recent` most recent prior readouts raised it.
    pub raised_by: usize,
    pub recent: usize,
    /// The first claim on it in the latest prior readout that raised it.
    pub last: EarlierClaim,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StanceShift {
    pub topic: String,
    pub label: String,
    /// "concern → condemnation", "positive → critical", or, for the same
    /// kind of criticism worded two or more levels apart, "intensity:
    /// presses → warns".
    pub change: String,
    pub before: EarlierClaim,
    pub after: NewClaim,
    /// escalation, de-escalation or steady (docs/intensity.md).
    pub direction: super::escalation::Direction,
    /// The side's strongest level on the topic, before and now.
    pub intensity: super::escalation::IntensityShift,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SelfContradiction {
    pub claim: NewClaim,
    pub earlier: EarlierClaim,
    pub similarity: f64,
    /// The rule of the compare engine that fired, and its words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Closest {
    pub claim: NewClaim,
    /// Null when no earlier claim on the topic shares a word with it.
    pub earlier: Option<EarlierClaim>,
    pub similarity: f64,
    /// True when the closest earlier claim is worded differently.
    pub reworded: bool,
    /// Word diff from the earlier wording to the new; empty when not reworded.
    pub diff: Vec<DiffChunk>,
}

/// One run of words of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DiffChunk {
    /// "same", "removed" (only in the earlier claim) or "added" (only in the new).
    pub op: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OtherSide {
    pub file: String,
    /// Whose account it is: the counterpart government's, or a third
    /// party's (the press reporting both sides).
    pub kind: OtherKind,
    /// The compare report, new readout on the left (same contract as `compare`).
    pub report: Report,
}

/// Whose account of the meeting an other-side account is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OtherKind {
    /// The other party of the meeting: the counterpart the new readout's
    /// participants name, or, when they name none, any party of cues.yaml.
    Counterpart,
    /// Neither party: the press or another onlooker that reports what the
    /// parties said (`source.side: Press`), or a third government.
    ThirdParty,
}

impl OtherKind {
    /// The kind of an account by `side`, given the counterpart the new
    /// readout's participants name (if any).
    pub fn of(side: &str, named_counterpart: Option<&str>) -> OtherKind {
        let counterpart = match named_counterpart {
            Some(named) => named == side,
            None => crate::normalize::cues::Cues::get().is_party(side),
        };
        if counterpart {
            OtherKind::Counterpart
        } else {
            OtherKind::ThirdParty
        }
    }
}

/// Counts of each kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CheckSummary {
    pub new_topics: usize,
    pub dropped_topics: usize,
    pub stance_shifts: usize,
    pub contradictions: usize,
    /// New claims whose closest earlier claim is worded differently.
    pub reworded: usize,
    /// Other-side accounts found, third parties' included.
    pub other_side: usize,
    /// Of those, accounts by a third party (the press): `other_side[].kind`.
    pub third_party: usize,
}

impl CheckReport {
    /// Whether something changed at `level` (the exit code is 1 then):
    /// `any` counts new and dropped topics, stance shifts, self-contradictions
    /// and any difference from the other side; `omission` counts dropped
    /// topics, self-contradictions and the other side's contradictions and
    /// omissions; `contradiction` only contradictions; `none` nothing.
    pub fn has_changes(&self, level: FailOn) -> bool {
        let s = &self.summary;
        let own = match level {
            FailOn::Any => s.new_topics + s.dropped_topics + s.stance_shifts + s.contradictions > 0,
            FailOn::Omission => s.dropped_topics + s.contradictions > 0,
            FailOn::Contradiction => s.contradictions > 0,
            FailOn::None => false,
        };
        own || self
            .other_side
            .iter()
            .any(|o| o.report.has_differences(level))
    }
}

impl NewClaim {
    pub fn of(c: &NormClaim) -> NewClaim {
        NewClaim {
            id: c.id.clone(),
            text: c.text.clone(),
            line: c.line,
            topic: c.topic.as_ref().map(|t| t.id.clone()),
            stance: c.stance.polarity,
            stance_kind: c.stance.kind.clone(),
            stance_cue: c.stance.cue.clone(),
        }
    }
}

impl EarlierClaim {
    pub fn of(file: &str, date: Option<&str>, c: &NormClaim) -> EarlierClaim {
        EarlierClaim {
            file: file.to_string(),
            date: date.map(str::to_string),
            id: c.id.clone(),
            text: c.text.clone(),
            line: c.line,
            topic: c.topic.as_ref().map(|t| t.id.clone()),
            stance: c.stance.polarity,
            stance_kind: c.stance.kind.clone(),
            stance_cue: c.stance.cue.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_press_is_a_third_party_and_the_named_counterpart_is_the_other_side() {
        use OtherKind::*;
        assert_eq!(OtherKind::of("China", Some("China")), Counterpart);
        assert_eq!(OtherKind::of("Press", Some("China")), ThirdParty);
        // A third government at a meeting of two is not the counterpart.
        assert_eq!(OtherKind::of("Philippines", Some("China")), ThirdParty);
        // Without participants, a party of the lexicon is the counterpart.
        assert_eq!(OtherKind::of("China", None), Counterpart);
        assert_eq!(OtherKind::of("Press", None), ThirdParty);
        // A side the lexicon does not know, named by the participants.
        assert_eq!(
            OtherKind::of("European Union", Some("European Union")),
            Counterpart
        );
    }
}
