//! The eval report as a table for the terminal, or as JSON.

use std::io::{self, Write};

use super::EvalReport;
use crate::classify::Side;
use crate::render::escape::visible;

/// The per-pair table, the overall figures and, with `misses`, every claim
/// whose verdict differs from the analyst's.
pub fn text<W: Write>(report: &EvalReport, misses: bool, out: &mut W) -> io::Result<()> {
    let width = report
        .pairs
        .iter()
        .map(|p| p.pair.chars().count())
        .max()
        .unwrap_or(4)
        .max(7);
    writeln!(
        out,
        "{:<width$}  {:>5} {:>5}  {:>8} {:>8}  {:>7} {:>7}",
        "pair", "left", "right", "accuracy", "macro-F1", "align-P", "align-R"
    )?;
    for p in &report.pairs {
        let s = &p.scores;
        writeln!(
            out,
            "{:<width$}  {:>5} {:>5}  {:>8.3} {:>8.3}  {:>7.3} {:>7.3}",
            visible(&p.pair),
            p.left_claims,
            p.right_claims,
            s.accuracy,
            s.macro_f1,
            s.alignment_precision,
            s.alignment_recall
        )?;
    }
    let o = &report.overall;
    writeln!(
        out,
        "{:<width$}  {:>5} {:>5}  {:>8.3} {:>8.3}  {:>7.3} {:>7.3}",
        "overall",
        report.pairs.iter().map(|p| p.left_claims).sum::<usize>(),
        report.pairs.iter().map(|p| p.right_claims).sum::<usize>(),
        o.accuracy,
        o.macro_f1,
        o.alignment_precision,
        o.alignment_recall
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<14} {:>9} {:>6} {:>6} {:>7}",
        "verdict", "precision", "recall", "F1", "claims"
    )?;
    for v in &o.per_verdict {
        writeln!(
            out,
            "{:<14} {:>9.3} {:>6.3} {:>6.3} {:>7}",
            v.verdict.name(),
            v.precision,
            v.recall,
            v.f1,
            v.support
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "claims: {}/{} correct (accuracy {:.3}); macro-F1 {:.3}; alignment P {:.3} R {:.3} F1 {:.3}",
        report.tally.correct,
        report.tally.claims,
        o.accuracy,
        o.macro_f1,
        o.alignment_precision,
        o.alignment_recall,
        o.alignment_f1
    )?;
    if let Some(i) = &report.interval {
        writeln!(
            out,
            "{:.0}% interval ({} pairs drawn again {} times): macro-F1 {:.3}-{:.3}; alignment F1 {:.3}-{:.3}",
            i.level * 100.0,
            report.pairs.len(),
            i.resamples,
            i.macro_f1[0],
            i.macro_f1[1],
            i.alignment_f1[0],
            i.alignment_f1[1]
        )?;
    }
    if misses {
        for p in &report.pairs {
            for m in &p.misses {
                let side = if m.side == Side::Left {
                    "left"
                } else {
                    "right"
                };
                writeln!(
                    out,
                    "miss {} {side} {}: expected {} ({}), got {} ({})",
                    visible(&p.pair),
                    visible(&m.id),
                    m.expected.name(),
                    visible(&m.expected_topic),
                    m.predicted.name(),
                    visible(&m.predicted_topic)
                )?;
            }
        }
    }
    Ok(())
}
