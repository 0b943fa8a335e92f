//! The report model: what a comparison found, as plain serializable data.
//! Every renderer reads this and nothing else; `--format json` is this, as is.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::classify::{ClassifiedTopic, Relation, Rule, Side, Verdict};
use crate::normalize::cues::Polarity;
use crate::normalize::stance::Voice;
use crate::normalize::{NormClaim, NormReadout};

/// A full comparison of two readouts. Field names are a contract.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    pub left: SideSummary,
    pub right: SideSummary,
    /// LEFT and RIGHT are the same file: its claims are listed once, on the
    /// left (`right` describes the same file; `right_claims` is empty), and
    /// every topic is an agreement. Present only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_file: bool,
    pub topics: Vec<TopicReport>,
    pub summary: Summary,
    /// With `--agenda`: the agenda and its topics that neither account
    /// mentions. Absent without the flag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<crate::agenda::AgendaReport>,
    /// Every claim of the left readout, with what normalize found in it.
    pub left_claims: Vec<ClaimReport>,
    pub right_claims: Vec<ClaimReport>,
    /// Position of each claim id in `left_claims` and `right_claims`, so that
    /// renderers find a claim in constant time however long the readout.
    #[serde(skip)]
    claim_index: [HashMap<String, usize>; 2],
}

/// Who wrote one account.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SideSummary {
    pub side: String,
    pub issuer: Option<String>,
    pub date: Option<String>,
    /// Number of claims.
    pub claims: usize,
    pub file: String,
    pub title: Option<String>,
    pub place: Option<String>,
    /// Where the account was published (`source.url`). The HTML page shows
    /// it; it is not (yet) a field of the JSON report.
    #[serde(skip)]
    pub url: Option<String>,
}

/// One topic: its verdict and the claims of each side in it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TopicReport {
    pub topic: String,
    pub label: String,
    pub verdict: Verdict,
    pub omitted_by: Option<Side>,
    pub left: Vec<String>,
    pub right: Vec<String>,
    pub pairs: Vec<PairReport>,
    /// True when no taxonomy topic recognised these claims and similarity grouped them.
    pub adhoc: bool,
    /// On an omission: claims of the silent side that speak of this topic too,
    /// but are filed under another topic (where they meet the other side).
    /// The side does not raise the topic on its own; it is not wholly silent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub touched_by: Vec<String>,
    /// With `--intensity`: each side's strongest level on the topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity: Option<crate::intensity::report::TopicIntensity>,
}

/// Two paired claims and how they relate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PairReport {
    pub left: String,
    pub right: String,
    pub relation: Relation,
    /// The reading rule that decided the relation (a stable id, see `Rule`).
    pub rule: Rule,
    pub similarity: f64,
    pub reason: String,
    /// With `--intensity`: set when the two stances match but one is worded
    /// two or more levels harder. A note beside the relation, never a change to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity_gap: Option<crate::intensity::report::IntensityGap>,
}

/// Number of topics with each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    pub agreement: usize,
    pub contradiction: usize,
    pub divergence: usize,
    pub omission: usize,
}

impl Summary {
    pub fn count(&self, v: Verdict) -> usize {
        match v {
            Verdict::Agreement => self.agreement,
            Verdict::Contradiction => self.contradiction,
            Verdict::Divergence => self.divergence,
            Verdict::Omission => self.omission,
        }
    }
}

/// The voice of a joint claim ("The two sides agreed ...").
pub const BOTH_SIDES: &str = "both sides";

/// A claim as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ClaimReport {
    pub id: String,
    pub text: String,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub line: u64,
    /// The topic the claim is filed under in this report.
    pub topic: String,
    /// The keyword or override that tagged it; none for ad-hoc topics.
    pub topic_cue: Option<String>,
    pub stance: Polarity,
    pub stance_kind: String,
    pub stance_cue: Option<String>,
    /// The party whose position it states, or "both sides".
    pub voice: String,
    pub target: Option<String>,
    pub denial: Option<String>,
    /// With `--intensity`: how hard the claim words its position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity: Option<crate::intensity::Intensity>,
}

/// Per side: topic id → the claims that name it among their topics (their
/// own or an alternative, not merely continued), in file order. Built once,
/// so that many topics stay linear in the number of claims.
type Mentions<'a> = [HashMap<&'a str, Vec<usize>>; 2];

fn mentions<'a>(left: &'a NormReadout, right: &'a NormReadout) -> Mentions<'a> {
    [left, right].map(|r| {
        let mut m: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in r.claims.iter().enumerate() {
            for tag in c.topic.iter().chain(&c.alternatives) {
                if tag.source != crate::normalize::TopicSource::Context {
                    let list = m.entry(tag.id.as_str()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        m
    })
}

/// Claims of an omission's silent side that name the topic among their
/// topics though filed elsewhere.
fn touched_by(t: &ClassifiedTopic, sides: [&NormReadout; 2], mentions: &Mentions) -> Vec<String> {
    let side = match t.omitted_by {
        Some(Side::Left) => 0,
        Some(Side::Right) => 1,
        None => return Vec::new(),
    };
    mentions[side]
        .get(t.topic.id.as_str())
        .map(|ids| {
            ids.iter()
                .map(|&i| sides[side].claims[i].id.clone())
                .collect()
        })
        .unwrap_or_default()
}

impl Report {
    /// Builds the report from the normalized readouts and classified topics.
    pub fn build(left: &NormReadout, right: &NormReadout, topics: &[ClassifiedTopic]) -> Report {
        let mut summary = Summary::default();
        let mentioned = mentions(left, right);
        let mut topic_of: [Vec<String>; 2] = [
            vec![String::new(); left.claims.len()],
            vec![String::new(); right.claims.len()],
        ];
        let topics: Vec<TopicReport> = topics
            .iter()
            .map(|t| {
                match t.verdict {
                    Verdict::Agreement => summary.agreement += 1,
                    Verdict::Contradiction => summary.contradiction += 1,
                    Verdict::Divergence => summary.divergence += 1,
                    Verdict::Omission => summary.omission += 1,
                }
                for &i in &t.topic.left {
                    topic_of[0][i] = t.topic.id.clone();
                }
                for &i in &t.topic.right {
                    topic_of[1][i] = t.topic.id.clone();
                }
                TopicReport {
                    topic: t.topic.id.clone(),
                    label: t.topic.label.clone(),
                    verdict: t.verdict,
                    omitted_by: t.omitted_by,
                    left: t
                        .topic
                        .left
                        .iter()
                        .map(|&i| left.claims[i].id.clone())
                        .collect(),
                    right: t
                        .topic
                        .right
                        .iter()
                        .map(|&i| right.claims[i].id.clone())
                        .collect(),
                    pairs: t
                        .pairs
                        .iter()
                        .map(|p| PairReport {
                            left: left.claims[p.left].id.clone(),
                            right: right.claims[p.right].id.clone(),
                            relation: p.relation,
                            rule: p.rule,
                            similarity: p.similarity,
                            reason: p.reason.clone(),
                            intensity_gap: None,
                        })
                        .collect(),
                    adhoc: t.topic.adhoc,
                    touched_by: touched_by(t, [left, right], &mentioned),
                    intensity: None,
                }
            })
            .collect();
        let [left_topics, right_topics] = topic_of;
        let (left_claims, right_claims) = (claims(left, left_topics), claims(right, right_topics));
        let index = |list: &[ClaimReport]| {
            list.iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect()
        };
        Report {
            left: side_summary(left),
            right: side_summary(right),
            same_file: false,
            topics,
            summary,
            agenda: None,
            claim_index: [index(&left_claims), index(&right_claims)],
            left_claims,
            right_claims,
        }
    }

    /// This report of a file compared with itself, as the user expects to
    /// read it: each claim once (on the left, filed by topic), no pairs of a
    /// claim with itself, and every topic an agreement.
    pub fn of_one_file(mut self) -> Report {
        self.topics.retain(|t| !t.left.is_empty());
        for t in &mut self.topics {
            t.verdict = Verdict::Agreement;
            t.omitted_by = None;
            t.right.clear();
            t.pairs.clear();
            t.touched_by.clear();
        }
        self.summary = Summary {
            agreement: self.topics.len(),
            ..Summary::default()
        };
        self.right_claims.clear();
        self.claim_index[1].clear();
        self.same_file = true;
        self
    }

    /// The claim with `id` on `side`.
    pub fn claim(&self, side: Side, id: &str) -> Option<&ClaimReport> {
        let (list, index) = match side {
            Side::Left => (&self.left_claims, &self.claim_index[0]),
            Side::Right => (&self.right_claims, &self.claim_index[1]),
        };
        index.get(id).and_then(|&i| list.get(i))
    }

    /// Whether any topic has a verdict at or above `level`.
    pub fn has_differences(&self, level: FailOn) -> bool {
        self.topics.iter().any(|t| level.fails(t.verdict))
    }
}

/// Which verdicts count as differences for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Any contradiction, divergence or omission.
    #[default]
    Any,
    /// Only contradictions.
    Contradiction,
    /// Contradictions and omissions.
    Omission,
    /// Never: exit 0 whenever the comparison ran.
    None,
}

impl FailOn {
    pub fn fails(self, v: Verdict) -> bool {
        match self {
            FailOn::Any => v != Verdict::Agreement,
            FailOn::Contradiction => v == Verdict::Contradiction,
            FailOn::Omission => matches!(v, Verdict::Contradiction | Verdict::Omission),
            FailOn::None => false,
        }
    }
}

pub(crate) fn side_summary(r: &NormReadout) -> SideSummary {
    let src = &r.readout.source;
    SideSummary {
        side: src.side.clone(),
        issuer: src.issuer.clone(),
        date: r.readout.meeting.date.clone().or(src.published.clone()),
        claims: r.claims.len(),
        file: r.readout.origin.clone(),
        title: r.readout.meeting.title.clone(),
        place: r.readout.meeting.place.clone(),
        url: src.url.clone(),
    }
}

pub(crate) fn claims(r: &NormReadout, topics: Vec<String>) -> Vec<ClaimReport> {
    r.claims
        .iter()
        .zip(topics)
        .map(|(c, topic): (&NormClaim, String)| ClaimReport {
            id: c.id.clone(),
            text: c.text.clone(),
            speaker: c.speaker.clone(),
            quote: c.quote.clone(),
            line: c.line,
            topic,
            topic_cue: c.topic.as_ref().map(|t| t.cue.clone()),
            stance: c.stance.polarity,
            stance_kind: c.stance.kind.clone(),
            stance_cue: c.stance.cue.clone(),
            voice: match &c.stance.voice {
                Voice::Party(p) => p.clone(),
                Voice::Joint => BOTH_SIDES.to_string(),
            },
            target: c.stance.target.clone(),
            denial: c.stance.denial.clone(),
            intensity: None,
        })
        .collect()
}
