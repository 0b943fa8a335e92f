//! The terminal report: grouped by topic, colored by verdict, with who said
//! what, a word diff of close pairs and a one-line summary.

use std::io::{self, Write};

use super::diff::{Chunk, words};
use super::escape::visible;
use super::style::Style;
use super::{SAME_FILE_NOTE, plural, side_name, touched_note, verdict_heading};
use crate::classify::Side;
use crate::report::{ClaimReport, Report};

/// Pairs at least this similar get a word diff; below it the diff is noise.
pub const DIFF_MIN_SIMILARITY: f64 = 0.2;

pub fn render<W: Write>(report: &Report, style: Style, out: &mut W) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    writeln!(
        out,
        "{} {} {} {}",
        style.heading("readout:"),
        style.heading(&visible(&side_name(l))),
        style.dim("vs"),
        if report.same_file {
            style.dim("itself")
        } else {
            style.heading(&visible(&side_name(r)))
        }
    )?;
    if let Some(title) = l.title.as_ref().or(r.title.as_ref()) {
        writeln!(out, "{}", style.dim(&visible(title)))?;
    }
    if report.same_file {
        writeln!(out, "{}", style.dim(SAME_FILE_NOTE))?;
    }
    let width = l.side.chars().count().max(r.side.chars().count());
    for t in &report.topics {
        writeln!(out)?;
        let note = touched_note(&t.touched_by).map_or(String::new(), |n| format!("; {n}"));
        let silent = match t.omitted_by {
            Some(Side::Left) => format!(" ({} is silent{})", visible(&l.side), visible(&note)),
            Some(Side::Right) => format!(" ({} is silent{})", visible(&r.side), visible(&note)),
            None => String::new(),
        };
        writeln!(
            out,
            "{}  {}{}",
            style.verdict(t.verdict, &verdict_heading(t.verdict)),
            style.heading(&visible(&t.label)),
            style.dim(&silent)
        )?;
        if let Some(levels) = super::intensity::topic_levels(report, t) {
            writeln!(
                out,
                "  {} {}",
                style.dim("intensity:"),
                style.dim(&visible(&levels))
            )?;
        }
        for (side, ids) in [(Side::Left, &t.left), (Side::Right, &t.right)] {
            let name = if side == Side::Left { &l.side } else { &r.side };
            for id in ids {
                if let Some(c) = report.claim(side, id) {
                    claim_line(out, style, name, width, c)?;
                }
            }
        }
        for p in &t.pairs {
            writeln!(
                out,
                "    {} {} {} {}: {}",
                style.id(&visible(&p.left)),
                style.dim("~"),
                style.id(&visible(&p.right)),
                style.relation(p.relation, super::relation_name(p.relation)),
                visible(&p.reason)
            )?;
            if let Some(gap) = &p.intensity_gap {
                writeln!(
                    out,
                    "      {} {}",
                    style.dim("intensity:"),
                    visible(&gap.note)
                )?;
            }
            if p.similarity >= DIFF_MIN_SIMILARITY
                && let (Some(a), Some(b)) = (
                    report.claim(Side::Left, &p.left),
                    report.claim(Side::Right, &p.right),
                )
            {
                diff_line(&a.text, &b.text, style, out)?;
            }
        }
    }
    if let Some(agenda) = &report.agenda {
        not_mentioned(out, style, agenda)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(report, style))?;
    Ok(())
}

/// The agenda topics neither account mentions, one heading each, as the
/// verdicts are headed.
fn not_mentioned<W: Write>(
    out: &mut W,
    style: Style,
    agenda: &crate::agenda::AgendaReport,
) -> io::Result<()> {
    for t in &agenda.not_mentioned {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}{}",
            style.omission(&format!("{:<13}", "NOT MENTIONED")),
            style.heading(&visible(&t.label)),
            style.dim(&format!(
                " ({}; on the agenda {})",
                super::agenda::NOT_MENTIONED,
                visible(&agenda.name)
            ))
        )?;
    }
    Ok(())
}

fn claim_line<W: Write>(
    out: &mut W,
    style: Style,
    side: &str,
    width: usize,
    c: &ClaimReport,
) -> io::Result<()> {
    let who = match &c.speaker {
        Some(s) => format!(" ({})", visible(s)),
        None => String::new(),
    };
    let pad = width.saturating_sub(side.chars().count());
    writeln!(
        out,
        "  {}{} {}{} {}",
        visible(side),
        " ".repeat(pad),
        style.id(&format!("{:<6}", visible(&c.id))),
        style.dim(&who),
        visible(&c.text)
    )
}

/// "9 topics: 1 agreement, 3 contradictions, 0 divergences, 5 omissions".
pub fn summary_line(report: &Report, style: Style) -> String {
    let s = &report.summary;
    let parts = [
        style.agreement(&plural(s.agreement, "agreement")),
        style.contradiction(&plural(s.contradiction, "contradiction")),
        style.divergence(&plural(s.divergence, "divergence")),
        style.omission(&plural(s.omission, "omission")),
    ];
    let agenda = report.agenda.as_ref().map_or(String::new(), |a| {
        format!("; {}", visible(&super::agenda::summary(a)))
    });
    format!(
        "{}: {}{agenda}",
        plural(report.topics.len(), "topic"),
        parts.join(", ")
    )
}

/// The word diff of two close claims, on its own indented line: removed
/// and added words marked, colored in a terminal.
pub(crate) fn diff_line<W: Write>(a: &str, b: &str, style: Style, out: &mut W) -> io::Result<()> {
    write!(out, "      {} ", style.dim("diff:"))?;
    for chunk in words(a, b) {
        match chunk {
            Chunk::Same(s) => write!(out, "{}", visible(&s))?,
            Chunk::Left(s) => write!(out, "{}", style.removed(&visible(&s)))?,
            Chunk::Right(s) => write!(out, "{}", style.added(&visible(&s)))?,
        }
    }
    writeln!(out)
}
