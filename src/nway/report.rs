//! The report of a comparison of three or more accounts, as plain
//! serializable data: the topic matrix (who speaks to what, with what
//! stance) and, per topic, the verdict of each pair of accounts. Every
//! N-way renderer reads this and nothing else; `--format json` is this, as
//! is (`readout/compare-n/1`). Field names are a contract.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::agenda::AgendaReport;
use crate::classify::Verdict;
use crate::intensity::report::Strongest;
use crate::normalize::cues::Polarity;
use crate::report::{ClaimReport, FailOn, PairReport, SideSummary, Summary};

/// A comparison of N accounts. Accounts are numbered from 0 in the order
/// they were given; every list indexed by account follows that order.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NwayReport {
    /// Who wrote each account, in the order given.
    pub accounts: Vec<SideSummary>,
    /// Every topic any account speaks to: the matrix's rows.
    pub topics: Vec<NwayTopic>,
    /// Per pair of accounts (`[i, j]`, i < j, in order), its topic verdicts counted.
    pub pairs: Vec<PairSummary>,
    /// Every pair verdict of every topic, counted.
    pub summary: Summary,
    /// With `--agenda`: the agenda and its topics that no account mentions.
    /// Absent without the flag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<AgendaReport>,
    /// Per account, every claim with what normalize found in it.
    pub account_claims: Vec<Vec<ClaimReport>>,
    /// Per account: claim id → position in `account_claims`.
    #[serde(skip)]
    pub(crate) claim_index: Vec<HashMap<String, usize>>,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NwayTopic {
    pub topic: String,
    pub label: String,
    /// True when no taxonomy topic recognised these claims and similarity grouped them.
    pub adhoc: bool,
    /// One cell per account, in account order.
    pub accounts: Vec<Cell>,
    /// One entry per pair of accounts, in the order of the report's `pairs`.
    pub pairs: Vec<PairVerdict>,
}

/// What one account says on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Cell {
    /// The account's claims on the topic, in file order; empty when silent.
    pub claims: Vec<String>,
    /// The stance of those claims taken together; null when silent.
    pub stance: Option<CellStance>,
    /// With `--intensity`: how hard the account words its position on the
    /// topic, its strongest claim there (as `topics[].intensity` of the
    /// two-account report); null when no claim counts (a silent account, or
    /// a party's account that only reports the other side's words). Absent
    /// without the flag, so the report without it is what it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Strongest>")]
    pub intensity: Option<Option<Strongest>>,
}

/// The stance of an account's claims on a topic, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CellStance {
    /// Every claim is critical, or critical beside neutral reports.
    Critical,
    /// Every claim is positive, or positive beside neutral reports.
    Positive,
    /// Every claim only reports or discusses.
    Neutral,
    /// Critical and positive claims both.
    Mixed,
}

impl CellStance {
    /// The stance of claims with these polarities; none for no claims.
    /// A neutral report beside a position does not dilute it.
    pub fn of(polarities: impl IntoIterator<Item = Polarity>) -> Option<CellStance> {
        let (mut critical, mut positive, mut any) = (false, false, false);
        for p in polarities {
            any = true;
            critical |= p == Polarity::Critical;
            positive |= p == Polarity::Positive;
        }
        match (any, critical, positive) {
            (false, _, _) => None,
            (true, true, true) => Some(CellStance::Mixed),
            (true, true, false) => Some(CellStance::Critical),
            (true, false, true) => Some(CellStance::Positive),
            (true, false, false) => Some(CellStance::Neutral),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CellStance::Critical => "critical",
            CellStance::Positive => "positive",
            CellStance::Neutral => "neutral",
            CellStance::Mixed => "mixed",
        }
    }
}

/// How two accounts compare on one topic: the two-account verdict.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PairVerdict {
    /// The two accounts (indexes into `accounts`), the lower first.
    pub accounts: [usize; 2],
    /// The verdict of the two on this topic; null when neither speaks to it.
    pub verdict: Option<Verdict>,
    /// On an omission: the account (an index) that is silent.
    pub omitted_by: Option<usize>,
    /// The paired claims: `left` is a claim of `accounts[0]`, `right` of `accounts[1]`.
    pub pairs: Vec<PairReport>,
}

/// One pair of accounts over all topics.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PairSummary {
    pub accounts: [usize; 2],
    /// Its topics by verdict (topics neither account speaks to are not counted).
    pub summary: Summary,
}

impl NwayReport {
    /// The claim with `id` in account `account`.
    pub fn claim(&self, account: usize, id: &str) -> Option<&ClaimReport> {
        let i = self.claim_index.get(account)?.get(id)?;
        self.account_claims.get(account)?.get(*i)
    }

    /// Whether any pair of accounts has a topic verdict at or above `level`.
    pub fn has_differences(&self, level: FailOn) -> bool {
        self.topics
            .iter()
            .flat_map(|t| &t.pairs)
            .filter_map(|p| p.verdict)
            .any(|v| level.fails(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cells_stance_takes_its_claims_together() {
        use Polarity::*;
        assert_eq!(CellStance::of([]), None);
        assert_eq!(CellStance::of([Neutral]), Some(CellStance::Neutral));
        assert_eq!(
            CellStance::of([Neutral, Critical]),
            Some(CellStance::Critical)
        );
        assert_eq!(
            CellStance::of([Positive, Neutral]),
            Some(CellStance::Positive)
        );
        assert_eq!(
            CellStance::of([Critical, Positive]),
            Some(CellStance::Mixed)
        );
    }
}
