//! How far a score could move with other pairs of the same kind: a
//! bootstrap interval over pairs. A figure on sixteen pairs and one on four
//! hundred read alike in a table; the interval says which of two figures
//! differ by more than the choice of pairs.
//!
//! Pairs, not claims, are resampled: the claims of one meeting are read by
//! one analyst and share its topics, so they do not vary independently.

use schemars::JsonSchema;
use serde::Serialize;

use super::PairResult;
use super::metrics::Tally;

/// Resamples drawn: enough that the 2.5th and 97.5th percentiles move by
/// less than the third decimal from one seed to another on the corpus.
pub const RESAMPLES: usize = 2000;

/// The share of resampled scores the interval holds.
pub const LEVEL: f64 = 0.95;

/// A fixed seed: the same pairs give the same interval on every run.
const SEED: u64 = 0x5eed_7ead_0f0f_0001;

/// The central 95 % of the scores of pair sets drawn with replacement from
/// the scored pairs, each the size of the whole.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Interval {
    /// The share of resampled scores inside each range (0.95).
    pub level: f64,
    /// How many pair sets were drawn.
    pub resamples: usize,
    /// Lowest and highest claim-verdict macro-F1 of the central share.
    pub macro_f1: [f64; 2],
    /// The same for alignment F1.
    pub alignment_f1: [f64; 2],
}

/// The bootstrap interval of the pairs' pooled scores; none for no pairs.
pub fn of(pairs: &[PairResult]) -> Option<Interval> {
    if pairs.is_empty() {
        return None;
    }
    let mut rng = SplitMix(SEED);
    let mut macro_f1 = Vec::with_capacity(RESAMPLES);
    let mut alignment_f1 = Vec::with_capacity(RESAMPLES);
    for _ in 0..RESAMPLES {
        let mut tally = Tally::default();
        for _ in 0..pairs.len() {
            tally.add(&pairs[rng.below(pairs.len())].tally);
        }
        let s = tally.scores();
        macro_f1.push(s.macro_f1);
        alignment_f1.push(s.alignment_f1);
    }
    Some(Interval {
        level: LEVEL,
        resamples: RESAMPLES,
        macro_f1: central(&mut macro_f1),
        alignment_f1: central(&mut alignment_f1),
    })
}

/// The bounds of the central `LEVEL` share of `values`.
fn central(values: &mut [f64]) -> [f64; 2] {
    values.sort_by(f64::total_cmp);
    let tail = (1.0 - LEVEL) / 2.0;
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    [at(tail), at(1.0 - tail)]
}

/// SplitMix64: a small generator of good quality, enough for drawing pair
/// indices, and no dependency for one loop.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (the modulo bias is below 1e-15 for the
    /// counts of pairs an eval holds).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Verdict;

    fn pair(name: &str, right: usize, wrong: usize) -> PairResult {
        let mut tally = Tally::default();
        for _ in 0..right {
            tally.claim(Verdict::Agreement, Verdict::Agreement);
            tally.pair(true, true);
        }
        for _ in 0..wrong {
            tally.claim(Verdict::Agreement, Verdict::Omission);
            tally.pair(true, false);
        }
        PairResult {
            pair: name.into(),
            left_claims: right + wrong,
            right_claims: 0,
            expected_verdicts: [0; 4],
            scores: tally.scores(),
            tally,
            misses: Vec::new(),
        }
    }

    #[test]
    fn pairs_that_score_alike_give_a_point() {
        let pairs = vec![pair("a", 3, 1), pair("b", 3, 1), pair("c", 3, 1)];
        let i = of(&pairs).expect("pairs give an interval");
        let pooled = pairs[0].scores.macro_f1;
        assert_eq!(i.macro_f1, [pooled, pooled]);
        assert_eq!(i.alignment_f1[0], i.alignment_f1[1]);
    }

    #[test]
    fn pairs_that_differ_give_a_range_around_the_pooled_score() {
        let pairs: Vec<_> = (0..20)
            .map(|k| pair(&k.to_string(), k % 5 + 1, 4 - k % 5))
            .collect();
        let i = of(&pairs).expect("pairs give an interval");
        let mut all = Tally::default();
        pairs.iter().for_each(|p| all.add(&p.tally));
        let pooled = all.scores().alignment_f1;
        let [lo, hi] = i.alignment_f1;
        assert!(lo < pooled && pooled < hi, "{lo} < {pooled} < {hi}");
        assert!(hi - lo > 0.05 && hi - lo < 0.5, "{lo}..{hi}");
    }

    #[test]
    fn the_interval_is_the_same_on_every_run() {
        let pairs: Vec<_> = (0..9).map(|k| pair(&k.to_string(), k + 1, 9 - k)).collect();
        assert_eq!(of(&pairs), of(&pairs));
        assert_eq!(of(&[]), None);
    }
}
