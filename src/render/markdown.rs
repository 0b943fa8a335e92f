//! The Markdown report, for pasting into a brief.

use std::io::{self, Write};

use super::escape::markdown as md;
use super::{SAME_FILE_NOTE, plural, relation_name, title, touched_note};
use crate::classify::Side;
use crate::report::Report;

pub fn render<W: Write>(report: &Report, out: &mut W) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    writeln!(out, "# {}", md(&title(report)))?;
    writeln!(out)?;
    if let Some(title) = l.title.as_ref().or(r.title.as_ref()) {
        writeln!(out, "*{}*", md(title))?;
        writeln!(out)?;
    }
    if report.same_file {
        writeln!(out, "*{}*", md(SAME_FILE_NOTE))?;
        writeln!(out)?;
    }
    let s = &report.summary;
    let agenda = report.agenda.as_ref().map_or(String::new(), |a| {
        format!("; {}", md(&super::agenda::summary(a)))
    });
    writeln!(
        out,
        "{}: {}, {}, {}, {}{agenda}.",
        plural(report.topics.len(), "topic"),
        plural(s.agreement, "agreement"),
        plural(s.contradiction, "contradiction"),
        plural(s.divergence, "divergence"),
        plural(s.omission, "omission")
    )?;
    writeln!(out)?;
    verdict_table(report, out)?;
    for t in &report.topics {
        writeln!(out)?;
        writeln!(out, "## {}: {}", md(&t.label), t.verdict.name())?;
        writeln!(out)?;
        let note = touched_note(&t.touched_by).map_or(String::new(), |n| format!("; {}", md(&n)));
        match t.omitted_by {
            Some(Side::Left) => {
                writeln!(out, "*{} is silent on this topic{note}.*\n", md(&l.side))?
            }
            Some(Side::Right) => {
                writeln!(out, "*{} is silent on this topic{note}.*\n", md(&r.side))?
            }
            None => {}
        }
        if let Some(levels) = super::intensity::topic_levels(report, t) {
            writeln!(out, "*Strongest wording: {}.*\n", md(&levels))?;
        }
        for (side, list, name) in [
            (Side::Left, &t.left, &l.side),
            (Side::Right, &t.right, &r.side),
        ] {
            for id in list {
                if let Some(c) = report.claim(side, id) {
                    let who = c
                        .speaker
                        .as_deref()
                        .map(|s| format!(" ({})", md(s)))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "- **{}** `{}`{}: {}",
                        md(name),
                        code(id),
                        who,
                        md(&c.text)
                    )?;
                }
            }
        }
        if !t.pairs.is_empty() {
            writeln!(out)?;
            for p in &t.pairs {
                writeln!(
                    out,
                    "- `{}` ~ `{}`: *{}*: {}",
                    code(&p.left),
                    code(&p.right),
                    relation_name(p.relation),
                    md(&p.reason)
                )?;
                if let Some(gap) = &p.intensity_gap {
                    writeln!(out, "  - *intensity*: {}", md(&gap.note))?;
                }
            }
        }
    }
    if let Some(agenda) = &report.agenda {
        not_mentioned(agenda, out)?;
    }
    Ok(())
}

/// The agenda topics neither account mentions, as a section of their own.
fn not_mentioned<W: Write>(agenda: &crate::agenda::AgendaReport, out: &mut W) -> io::Result<()> {
    if agenda.not_mentioned.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## Not mentioned by either account")?;
    writeln!(out)?;
    writeln!(
        out,
        "*On the agenda {}, and raised by neither account:*\n",
        md(&agenda.name)
    )?;
    for t in &agenda.not_mentioned {
        writeln!(out, "- {}", md(&t.label))?;
    }
    Ok(())
}

/// The table of topics: verdict and each side's claims (one column of
/// claims when LEFT and RIGHT are one file).
fn verdict_table<W: Write>(report: &Report, out: &mut W) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    if report.same_file {
        writeln!(out, "| Topic | Verdict | {} |", md(&l.side))?;
        writeln!(out, "|---|---|---|")?;
    } else {
        writeln!(
            out,
            "| Topic | Verdict | {} | {} |",
            md(&l.side),
            md(&r.side)
        )?;
        writeln!(out, "|---|---|---|---|")?;
    }
    for t in &report.topics {
        let level = |s: Option<&crate::intensity::report::Strongest>| {
            s.map_or(String::new(), |s| format!(" · *{}*", s.name))
        };
        let (left, right) = match &t.intensity {
            Some(i) => (level(i.left.as_ref()), level(i.right.as_ref())),
            None => (String::new(), String::new()),
        };
        write!(
            out,
            "| {} | **{}** | {}{left} |",
            md(&t.label),
            t.verdict.name(),
            ids(&t.left)
        )?;
        if report.same_file {
            writeln!(out)?;
        } else {
            writeln!(out, " {}{right} |", ids(&t.right))?;
        }
    }
    // Agenda topics nobody raised are rows too: the table is the brief's overview.
    for t in report.agenda.iter().flat_map(|a| &a.not_mentioned) {
        let silent = if report.same_file { 1 } else { 2 };
        writeln!(
            out,
            "| {} | *{}* |{}",
            md(&t.label),
            super::agenda::NOT_MENTIONED,
            " (silent) |".repeat(silent)
        )?;
    }
    Ok(())
}

/// `s` for a code span: controls shown escaped, and no backtick to end the span.
pub fn code(s: &str) -> String {
    super::escape::visible(s).replace('`', "'")
}

fn ids(list: &[String]) -> String {
    if list.is_empty() {
        return "(silent)".to_string();
    }
    list.iter().map(|i| md(i)).collect::<Vec<_>>().join(", ")
}
