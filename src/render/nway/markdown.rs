//! The Markdown report of three or more accounts, for pasting into a brief:
//! the accounts, the topic matrix, then each topic with its claims and the
//! verdict of each pair of accounts.

use std::io::{self, Write};

use super::{cell_summary, letter, meeting, pair_name, pair_verdict_words};
use crate::nway::NwayReport;
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
        let cells: Vec<String> = t.accounts.iter().map(cell_summary).collect();
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
    writeln!(out)?;
    writeln!(
        out,
        "Each account's cell gives its claims on the topic and their stance; each pair's, the two accounts' verdict (· when neither speaks to it)."
    )?;
    for t in &report.topics {
        writeln!(out)?;
        writeln!(out, "## {}", md(&t.label))?;
        writeln!(out)?;
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
            }
        }
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
    Ok(())
}
