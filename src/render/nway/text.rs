//! The terminal report of three or more accounts: the accounts, the topic
//! matrix, then each topic with every account's claims and each pair's
//! verdict, and a summary line per pair.

use std::io::{self, Write};

use super::{
    cell_words, has_intensity, letter, mark, meeting, pair_name, pair_verdict_words, topic_levels,
};
use crate::agenda::AgendaReport;
use crate::nway::NwayReport;
use crate::render::agenda::{NOT_MENTIONED_ANY, summary_as};

use crate::render::escape::visible;
use crate::render::text::{DIFF_MIN_SIMILARITY, diff_line};
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
        if let Some(levels) = topic_levels(t) {
            writeln!(
                out,
                "  {} {}",
                style.dim("intensity:"),
                style.dim(&visible(&levels))
            )?;
        }
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
                if let Some(gap) = &c.intensity_gap {
                    writeln!(
                        out,
                        "      {} {}",
                        style.dim("intensity:"),
                        visible(&gap.note)
                    )?;
                }
                if c.similarity >= DIFF_MIN_SIMILARITY
                    && let (Some(a), Some(b)) = (
                        report.claim(p.accounts[0], &c.left),
                        report.claim(p.accounts[1], &c.right),
                    )
                {
                    diff_line(&a.text, &b.text, style, out)?;
                }
            }
        }
    }
    if let Some(agenda) = &report.agenda {
        not_mentioned(agenda, style, out)?;
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
    if let Some(agenda) = &report.agenda {
        writeln!(out, "{}", visible(&summary_as(agenda, NOT_MENTIONED_ANY)))?;
    }
    Ok(())
}

/// The agenda topics no account mentions, one heading each, as topics are headed.
fn not_mentioned<W: Write>(agenda: &AgendaReport, style: Style, out: &mut W) -> io::Result<()> {
    for t in &agenda.not_mentioned {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&visible(&t.label)))?;
        writeln!(
            out,
            "  {} {}",
            style.omission(&format!("∅ {NOT_MENTIONED_ANY}")),
            style.dim(&format!("(on the agenda {})", visible(&agenda.name)))
        )?;
    }
    Ok(())
}

/// One row per topic: each account's claim count and stance, then each
/// pair's verdict as a mark.
fn matrix<W: Write>(report: &NwayReport, style: Style, out: &mut W) -> io::Result<()> {
    let agenda = report
        .agenda
        .as_ref()
        .map_or(&[][..], |a| &a.not_mentioned[..]);
    let width = report
        .topics
        .iter()
        .map(|t| &t.label)
        .chain(agenda.iter().map(|t| &t.label))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .clamp("TOPIC".len(), MATRIX_LABEL_WIDTH);
    let cell_width = cell_width(report);
    let pairs: Vec<String> = report
        .pairs
        .iter()
        .map(|p| format!("{}–{}", letter(p.accounts[0]), letter(p.accounts[1])))
        .collect();
    let mut head = format!("{:<width$}", "TOPIC");
    for a in 0..report.accounts.len() {
        head.push_str(&format!("  {:<cell_width$}", letter(a)));
    }
    for p in &pairs {
        head.push_str(&format!(" {p}"));
    }
    writeln!(out, "{}", style.heading(head.trim_end()))?;
    for t in &report.topics {
        write!(out, "{}", row_label(&t.label, width))?;
        for cell in &t.accounts {
            write!(out, "  {:<cell_width$}", cell_words(cell))?;
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
    // Agenda topics nobody raised are rows too: the matrix is the overview.
    for t in agenda {
        writeln!(
            out,
            "{}  {}",
            row_label(&t.label, width),
            style.omission(&format!("∅ {NOT_MENTIONED_ANY}"))
        )?;
    }
    writeln!(
        out,
        "{}",
        style.dim(
            "(claims and stance per account; per pair: = agreement, ≠ contradiction, ≈ divergence, ○ omission, · neither speaks to it)"
        )
    )?;
    if has_intensity(report) {
        writeln!(
            out,
            "{}",
            style.dim(
                "(after the stance, the account's strongest wording: notes < hopes < presses < serious < firm < warns)"
            )
        )?;
    }
    if let Some(a) = report
        .agenda
        .as_ref()
        .filter(|a| !a.not_mentioned.is_empty())
    {
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "(∅ on the agenda {}, {NOT_MENTIONED_ANY})",
                visible(&a.name)
            ))
        )?;
    }
    Ok(())
}

/// A topic's label padded to the matrix's first column, cut with "…" when longer.
fn row_label(label: &str, width: usize) -> String {
    let mut cut: String = visible(label).chars().take(width).collect();
    if label.chars().count() > width {
        cut.pop();
        cut.push('…');
    }
    let pad = width.saturating_sub(cut.chars().count());
    format!("{cut}{}", " ".repeat(pad))
}

/// The width of an account's column: [`CELL_WIDTH`], or wider when levels
/// lengthen the cells ("12 positive · serious").
fn cell_width(report: &NwayReport) -> usize {
    if !has_intensity(report) {
        return CELL_WIDTH;
    }
    let longest = report
        .topics
        .iter()
        .flat_map(|t| &t.accounts)
        .map(|c| cell_words(c).chars().count())
        .max()
        .unwrap_or(0);
    CELL_WIDTH.max(longest + 2)
}
