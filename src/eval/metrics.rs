//! Scores: claim-level verdict accuracy, per-verdict precision and recall,
//! macro-F1, and alignment precision and recall over cross-side claim pairs.

use schemars::JsonSchema;
use serde::Serialize;

use crate::classify::Verdict;

/// Counts that scores are computed from; they add up across pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Tally {
    /// Claims scored, and those whose predicted verdict is the expected one.
    pub claims: usize,
    pub correct: usize,
    /// Per verdict (agreement, contradiction, divergence, omission):
    /// true positives, predicted, expected.
    pub verdicts: [VerdictTally; 4],
    /// Cross-side claim pairs: sharing a report topic, sharing an expected
    /// group, and both.
    pub pairs_predicted: usize,
    pub pairs_expected: usize,
    pub pairs_both: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, JsonSchema)]
pub struct VerdictTally {
    pub true_positive: usize,
    pub predicted: usize,
    pub expected: usize,
}

/// Scores derived from a tally.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Scores {
    pub accuracy: f64,
    pub macro_f1: f64,
    pub per_verdict: Vec<VerdictScore>,
    pub alignment_precision: f64,
    pub alignment_recall: f64,
    pub alignment_f1: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct VerdictScore {
    pub verdict: Verdict,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Claims the analyst gave this verdict.
    pub support: usize,
}

fn index(v: Verdict) -> usize {
    Verdict::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

impl Tally {
    /// Records one claim's expected and predicted verdicts.
    pub fn claim(&mut self, expected: Verdict, predicted: Verdict) {
        self.claims += 1;
        self.verdicts[index(expected)].expected += 1;
        self.verdicts[index(predicted)].predicted += 1;
        if expected == predicted {
            self.correct += 1;
            self.verdicts[index(expected)].true_positive += 1;
        }
    }

    /// Records one cross-side claim pair.
    pub fn pair(&mut self, same_expected_group: bool, same_report_topic: bool) {
        self.pairs_expected += same_expected_group as usize;
        self.pairs_predicted += same_report_topic as usize;
        self.pairs_both += (same_expected_group && same_report_topic) as usize;
    }

    pub fn add(&mut self, other: &Tally) {
        self.claims += other.claims;
        self.correct += other.correct;
        for (a, b) in self.verdicts.iter_mut().zip(&other.verdicts) {
            a.true_positive += b.true_positive;
            a.predicted += b.predicted;
            a.expected += b.expected;
        }
        self.pairs_predicted += other.pairs_predicted;
        self.pairs_expected += other.pairs_expected;
        self.pairs_both += other.pairs_both;
    }

    /// Precision, recall and F1 from the counts. A ratio with nothing to
    /// count is 1 (nothing was missed or wrongly claimed); macro-F1 averages
    /// the verdicts that were expected or predicted at least once.
    pub fn scores(&self) -> Scores {
        let per_verdict: Vec<VerdictScore> = Verdict::ALL
            .iter()
            .zip(&self.verdicts)
            .map(|(&verdict, t)| {
                let precision = ratio(t.true_positive, t.predicted);
                let recall = ratio(t.true_positive, t.expected);
                VerdictScore {
                    verdict,
                    precision,
                    recall,
                    f1: f1(precision, recall),
                    support: t.expected,
                }
            })
            .collect();
        let present: Vec<f64> = per_verdict
            .iter()
            .zip(&self.verdicts)
            .filter(|(_, t)| t.expected + t.predicted > 0)
            .map(|(s, _)| s.f1)
            .collect();
        let macro_f1 = if present.is_empty() {
            1.0
        } else {
            present.iter().sum::<f64>() / present.len() as f64
        };
        let alignment_precision = ratio(self.pairs_both, self.pairs_predicted);
        let alignment_recall = ratio(self.pairs_both, self.pairs_expected);
        Scores {
            accuracy: ratio(self.correct, self.claims),
            macro_f1,
            per_verdict,
            alignment_precision,
            alignment_recall,
            alignment_f1: f1(alignment_precision, alignment_recall),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_imperfect_scores() {
        let mut t = Tally::default();
        t.claim(Verdict::Agreement, Verdict::Agreement);
        t.claim(Verdict::Omission, Verdict::Omission);
        t.pair(true, true);
        let s = t.scores();
        assert_eq!((s.accuracy, s.macro_f1, s.alignment_f1), (1.0, 1.0, 1.0));

        t.claim(Verdict::Contradiction, Verdict::Divergence);
        t.pair(true, false);
        t.pair(false, true);
        let s = t.scores();
        assert!((s.accuracy - 2.0 / 3.0).abs() < 1e-9);
        let c = &s.per_verdict[1];
        assert_eq!((c.precision, c.recall, c.f1), (1.0, 0.0, 0.0));
        assert!((s.alignment_precision - 0.5).abs() < 1e-9);
        // agreement 1, omission 1, contradiction 0, divergence 0 → macro 0.5
        assert!((s.macro_f1 - 0.5).abs() < 1e-9);
    }
}
