//! The terminal report of three or more accounts: the accounts, the topic
//! matrix, then each topic with every account's claims and each pair's
//! verdict, and a summary line per pair.

use std::io::{self, Write};

use super::{cell_summary, letter, mark, meeting, pair_name, pair_verdict_words};
use crate::nway::NwayReport;
use crate::render::diff::{Chunk, words};
use crate::render::escape::visible;
use crate::render::text::DIFF_MIN_SIMILARITY;
use crate::render::{Style, plural, side_name};

/// Longer topic labels are cut in the matrix (the sections give them whole).
const MATRIX_LABEL_WIDTH: usize = 36;
/// Width of an account's column in the matrix: "12 positive" and a margin.
const CELL_WIDTH: usize = 13;

pub fn render<W: Write>(report: &NwayReport, style: Style, out: &mut W) -> io::Result<()> {
    let n = report.accounts.len();
    writeln!(
        out,
        "{} {}",
        style.heading("readout:"),
        style.heading(&format!("{n} accounts"))
    )?;
    if let Some(m) = meeting(report) {
        writeln!(out, "{}", style.dim(&visible(&m)))?;
    }
    for (a, s) in report.accounts.iter().enumerate() {
        writeln!(
            out,
            "  {}  {}  {}",
            style.heading(&letter(a).to_string()),
            visible(&side_name(s)),
            style.dim(&visible(&s.file))
        )?;
    }
    writeln!(out)?;
    matrix(report, style, out)?;
    for t in &report.topics {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&visible(&t.label)))?;
        for (a, cell) in t.accounts.iter().enumerate() {
            for id in &cell.claims {
                if let Some(c) = report.claim(a, id) {
                    let who = c
                        .speaker
                        .as_deref()
                        .map(|s| format!(" ({})", visible(s)))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "  {} {}{} {}",
                        letter(a),
                        style.id(&format!("{:<7}", visible(id))),
                        style.dim(&who),
                        visible(&c.text)
                    )?;
                }
            }
        }
        for p in t.pairs.iter().filter(|p| p.verdict.is_some()) {
            let words_of = pair_verdict_words(p);
            let heading = match p.verdict {
                Some(v) => style.verdict(v, &words_of),
                None => words_of,
            };
            writeln!(out, "  {} {heading}", pair_name(p))?;
            for c in &p.pairs {
                writeln!(
                    out,
                    "    {} {} {} {}: {}",
                    style.id(&visible(&c.left)),
                    style.dim("~"),
                    style.id(&visible(&c.right)),
                    style.relation(c.relation, crate::render::relation_name(c.relation)),
                    visible(&c.reason)
                )?;
                if c.similarity >= DIFF_MIN_SIMILARITY
                    && let (Some(a), Some(b)) = (
                        report.claim(p.accounts[0], &c.left),
                        report.claim(p.accounts[1], &c.right),
                    )
                {
                    write!(out, "      {} ", style.dim("diff:"))?;
                    for chunk in words(&a.text, &b.text) {
                        match chunk {
                            Chunk::Same(s) => write!(out, "{}", visible(&s))?,
                            Chunk::Left(s) => write!(out, "{}", style.removed(&visible(&s)))?,
                            Chunk::Right(s) => write!(out, "{}", style.added(&visible(&s)))?,
                        }
                    }
                    writeln!(out)?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}, {} pairs of accounts:",
        plural(report.topics.len(), "topic"),
        report.pairs.len()
    )?;
    for p in &report.pairs {
        let s = &p.summary;
        writeln!(
            out,
            "  {}–{}: {}, {}, {}, {}",
            letter(p.accounts[0]),
            letter(p.accounts[1]),
            style.agreement(&plural(s.agreement, "agreement")),
            style.contradiction(&plural(s.contradiction, "contradiction")),
            style.divergence(&plural(s.divergence, "divergence")),
            style.omission(&plural(s.omission, "omission"))
        )?;
    }
    Ok(())
}

/// One row per topic: each account's claim count and stance, then each
/// pair's verdict as a mark.
fn matrix<W: Write>(report: &NwayReport, style: Style, out: &mut W) -> io::Result<()> {
    let width = report
        .topics
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(0)
        .clamp("TOPIC".len(), MATRIX_LABEL_WIDTH);
    let pairs: Vec<String> = report
        .pairs
        .iter()
        .map(|p| format!("{}–{}", letter(p.accounts[0]), letter(p.accounts[1])))
        .collect();
    let mut head = format!("{:<width$}", "TOPIC");
    for a in 0..report.accounts.len() {
        head.push_str(&format!("  {:<CELL_WIDTH$}", letter(a)));
    }
    for p in &pairs {
        head.push_str(&format!(" {p}"));
    }
    writeln!(out, "{}", style.heading(head.trim_end()))?;
    for t in &report.topics {
        let mut label: String = visible(&t.label).chars().take(width).collect();
        if t.label.chars().count() > width {
            label.pop();
            label.push('…');
        }
        let pad = width.saturating_sub(label.chars().count());
        write!(out, "{label}{}", " ".repeat(pad))?;
        for cell in &t.accounts {
            write!(out, "  {:<CELL_WIDTH$}", cell_summary(cell))?;
        }
        let mut marks = String::new();
        for (p, name) in t.pairs.iter().zip(&pairs) {
            let m = mark(p.verdict);
            let padded = format!(" {m:^w$}", w = name.chars().count());
            marks.push_str(&match p.verdict {
                Some(v) => style.verdict(v, &padded),
                None => style.dim(&padded),
            });
        }
        writeln!(out, "{}", marks.trim_end())?;
    }
    writeln!(
        out,
        "{}",
        style.dim(
            "(claims and stance per account; per pair: = agreement, ≠ contradiction, ≈ divergence, ○ omission, · neither speaks to it)"
        )
    )
}
