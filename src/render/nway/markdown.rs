//! The Markdown report of three or more accounts, for pasting into a brief:
//! the accounts, the topic matrix, then each topic with its claims and the
//! verdict of each pair of accounts.

use std::io::{self, Write};

use super::{
    cell_level, cell_summary, has_intensity, letter, meeting, pair_name, pair_verdict_words,
    topic_levels,
};
use crate::agenda::AgendaReport;
use crate::nway::Cell;
use crate::nway::NwayReport;
use crate::render::agenda::{NOT_MENTIONED_ANY, summary_as};
use crate::render::escape::markdown as md;
use crate::render::markdown::code;
use crate::render::{plural, relation_name};

pub fn render<W: Write>(report: &NwayReport, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "# Readout comparison of {} accounts",
        report.accounts.len()
    )?;
    writeln!(out)?;
    if let Some(m) = meeting(report) {
        writeln!(out, "*{}*", md(&m))?;
        writeln!(out)?;
    }
    writeln!(out, "| | Side | Issuer | Date | Claims | File |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for (a, s) in report.accounts.iter().enumerate() {
        let or_dash = |v: &Option<String>| v.as_deref().map_or("—".to_string(), md);
        writeln!(
            out,
            "| **{}** | {} | {} | {} | {} | `{}` |",
            letter(a),
            md(&s.side),
            or_dash(&s.issuer),
            or_dash(&s.date),
            s.claims,
            code(&s.file)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "## Topic matrix")?;
    writeln!(out)?;
    let letters: Vec<String> = (0..report.accounts.len())
        .map(|a| letter(a).to_string())
        .collect();
    let pairs: Vec<String> = report
        .pairs
        .iter()
        .map(|p| format!("{}–{}", letter(p.accounts[0]), letter(p.accounts[1])))
        .collect();
    let columns: Vec<&String> = letters.iter().chain(&pairs).collect();
    writeln!(
        out,
        "| Topic | {} |",
        columns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    writeln!(out, "|---|{}", "---|".repeat(columns.len()))?;
    for t in &report.topics {
        let cells: Vec<String> = t.accounts.iter().map(cell).collect();
        let verdicts: Vec<String> = t
            .pairs
            .iter()
            .map(|p| p.verdict.map_or("·".to_string(), |v| v.name().to_string()))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} |",
            md(&t.label),
            cells.join(" | "),
            verdicts.join(" | ")
        )?;
    }
    // Agenda topics nobody raised are rows too: the matrix is the overview.
    for t in report.agenda.iter().flat_map(|a| &a.not_mentioned) {
        writeln!(
            out,
            "| {} (*{NOT_MENTIONED_ANY}*) | {}{} |",
            md(&t.label),
            vec!["—"; letters.len()].join(" | "),
            " | ·".repeat(pairs.len())
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Each account's cell gives its claims on the topic and their stance; each pair's, the two accounts' verdict (· when neither speaks to it)."
    )?;
    if has_intensity(report) {
        writeln!(
            out,
            "After the stance, *in italics*, the account's strongest wording: notes < hopes < presses < serious < firm < warns."
        )?;
    }
    for t in &report.topics {
        writeln!(out)?;
        writeln!(out, "## {}", md(&t.label))?;
        writeln!(out)?;
        if let Some(levels) = topic_levels(t) {
            writeln!(out, "*Strongest wording: {}.*\n", md(&levels))?;
        }
        for (a, cell) in t.accounts.iter().enumerate() {
            for id in &cell.claims {
                if let Some(c) = report.claim(a, id) {
                    let who = c
                        .speaker
                        .as_deref()
                        .map(|s| format!(" ({})", md(s)))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "- **{}** `{}`{}: {}",
                        letter(a),
                        code(id),
                        who,
                        md(&c.text)
                    )?;
                }
            }
        }
        writeln!(out)?;
        for p in t.pairs.iter().filter(|p| p.verdict.is_some()) {
            writeln!(out, "- **{}**: *{}*", pair_name(p), pair_verdict_words(p))?;
            for c in &p.pairs {
                writeln!(
                    out,
                    "  - `{}` ~ `{}`: *{}*: {}",
                    code(&c.left),
                    code(&c.right),
                    relation_name(c.relation),
                    md(&c.reason)
                )?;
                if let Some(gap) = &c.intensity_gap {
                    writeln!(out, "    - *intensity*: {}", md(&gap.note))?;
                }
            }
        }
    }
    if let Some(agenda) = &report.agenda {
        not_mentioned(agenda, out)?;
    }
    writeln!(out)?;
    writeln!(out, "## Summary")?;
    writeln!(out)?;
    for p in &report.pairs {
        let s = &p.summary;
        writeln!(
            out,
            "- **{}–{}**: {}, {}, {}, {}",
            letter(p.accounts[0]),
            letter(p.accounts[1]),
            plural(s.agreement, "agreement"),
            plural(s.contradiction, "contradiction"),
            plural(s.divergence, "divergence"),
            plural(s.omission, "omission")
        )?;
    }
    if let Some(agenda) = &report.agenda {
        writeln!(out, "- {}", md(&summary_as(agenda, NOT_MENTIONED_ANY)))?;
    }
    Ok(())
}

/// A matrix cell: "2 critical", "2 critical · *firm*" with `--intensity`, or "—".
fn cell(c: &Cell) -> String {
    match cell_level(c) {
        Some(level) if c.stance.is_some() => format!("{} · *{level}*", cell_summary(c)),
        _ => cell_summary(c),
    }
}

/// The agenda topics no account mentions, as a section of their own.
fn not_mentioned<W: Write>(agenda: &AgendaReport, out: &mut W) -> io::Result<()> {
    if agenda.not_mentioned.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## Not mentioned by any account")?;
    writeln!(out)?;
    writeln!(
        out,
        "*On the agenda {}, and raised by no account:*\n",
        md(&agenda.name)
    )?;
    for t in &agenda.not_mentioned {
        writeln!(out, "- {}", md(&t.label))?;
    }
    Ok(())
}
