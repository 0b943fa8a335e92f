//! Writes a [`CheckReport`]: text for the terminal, JSON, or Markdown. The
//! other side's comparison is rendered by the compare renderers.

use std::io::{self, Write};

use super::report::{CheckReport, DiffChunk, EarlierClaim, OtherKind};
use crate::render::escape::{markdown as md, visible};
use crate::render::{Format, Style, plural};
use crate::schema::{self, Versioned};

/// Closest claims at least this similar are shown as a word diff, others as
/// both wordings: below it a word diff interleaves two different sentences.
const WORD_DIFF_MIN: f64 = 0.5;

/// Writes `report` in `format` (`html` is refused by the command line).
pub fn render<W: Write>(
    report: &CheckReport,
    format: Format,
    color: bool,
    out: &mut W,
) -> io::Result<()> {
    match format {
        Format::Json => crate::render::json(&Versioned::new(schema::CHECK, report), out),
        Format::Markdown => markdown(report, out),
        Format::Text => text(report, Style { color }, out),
        // `run` refuses html before any work is done; a library caller gets an error.
        Format::Html => Err(io::Error::other(
            "check writes text, json or markdown, not html",
        )),
    }
}

fn earlier(c: &EarlierClaim) -> String {
    format!(
        "{} {}#{}",
        c.date.as_deref().unwrap_or("undated"),
        c.file,
        c.id
    )
}

/// "1 new topic, 2 dropped topics, ..."
pub fn summary_line(report: &CheckReport) -> String {
    let s = &report.summary;
    format!(
        "{}, {}, {}, {}, {}, {}",
        plural(s.new_topics, "new topic"),
        plural(s.dropped_topics, "dropped topic"),
        plural(s.stance_shifts, "stance shift"),
        plural(s.contradictions, "self-contradiction"),
        plural(s.reworded, "reworded claim"),
        other_side(s),
    )
}

/// "2 other-side accounts"; "1 other-side account, 1 third-party account"
/// when the press's account is among them.
fn other_side(s: &super::report::CheckSummary) -> String {
    let counterparts = plural(s.other_side - s.third_party, "other-side account");
    if s.third_party == 0 {
        counterparts
    } else {
        format!(
            "{counterparts}, {}",
            plural(s.third_party, "third-party account")
        )
    }
}

/// The heading of an other-side account: the counterpart's, or a third party's.
fn other_heading(kind: OtherKind) -> &'static str {
    match kind {
        OtherKind::Counterpart => "Other side's account",
        OtherKind::ThirdParty => "Third-party account",
    }
}

fn history_line(report: &CheckReport) -> String {
    let h = &report.history;
    let with = h
        .counterpart
        .as_deref()
        .map(|c| format!(" with {c}"))
        .unwrap_or_default();
    let span = match (&h.first, &h.last) {
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    format!("{} prior {} readouts{with}{span}", h.readouts, h.side)
}

fn text<W: Write>(report: &CheckReport, style: Style, out: &mut W) -> io::Result<()> {
    let n = &report.new;
    let extra: Vec<&str> = [n.issuer.as_deref(), n.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    writeln!(
        out,
        "{} {} ({}) {}",
        style.heading("readout check:"),
        style.heading(&visible(&n.side)),
        visible(&extra.join(", ")),
        style.dim(&visible(&n.file))
    )?;
    let a = &report.archive;
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "archive: {} ({} loaded, {} from cache, {} skipped, {} not readouts); history: {}",
            plural(a.files, "file"),
            a.readouts,
            a.cached,
            a.skipped.len(),
            a.ignored.len(),
            visible(&history_line(report))
        ))
    )?;
    for s in &a.skipped {
        let first = s.error.lines().next().unwrap_or_default();
        writeln!(out, "  {} {}", style.omission("skipped"), visible(first))?;
    }
    if report.history.readouts == 0 {
        writeln!(
            out,
            "\nNo prior {} readouts to check against.",
            visible(&n.side)
        )?;
    }
    if !report.new_topics.is_empty() {
        writeln!(out, "\n{}", style.divergence("NEW TOPICS"))?;
        for t in &report.new_topics {
            writeln!(
                out,
                "  {}  ({})",
                style.heading(&visible(&t.label)),
                style.id(&visible(&t.claims.join(", ")))
            )?;
        }
    }
    if !report.dropped_topics.is_empty() {
        writeln!(out, "\n{}", style.omission("DROPPED TOPICS"))?;
        for t in &report.dropped_topics {
            writeln!(
                out,
                "  {}  raised by {} of the {} most recent; last {}",
                style.heading(&visible(&t.label)),
                t.raised_by,
                t.recent,
                style.id(&visible(&earlier(&t.last)))
            )?;
            writeln!(out, "    {}", visible(&t.last.text))?;
        }
    }
    if !report.stance_shifts.is_empty() {
        writeln!(out, "\n{}", style.contradiction("STANCE SHIFTS"))?;
        for s in &report.stance_shifts {
            writeln!(
                out,
                "  {}: {} {}",
                style.heading(&visible(&s.label)),
                visible(&s.change),
                style.dim(&format!("({})", direction(s)))
            )?;
            writeln!(
                out,
                "    before {}: {}",
                style.id(&visible(&earlier(&s.before))),
                visible(&s.before.text)
            )?;
            writeln!(
                out,
                "    now    {}: {}",
                style.id(&visible(&s.after.id)),
                visible(&s.after.text)
            )?;
        }
    }
    if !report.contradictions.is_empty() {
        writeln!(out, "\n{}", style.contradiction("SELF-CONTRADICTIONS"))?;
        for c in &report.contradictions {
            writeln!(
                out,
                "  {} contradicts {} (similarity {:.2}): {}",
                style.id(&visible(&c.claim.id)),
                style.id(&visible(&earlier(&c.earlier))),
                c.similarity,
                visible(&c.reason)
            )?;
            writeln!(out, "    before: {}", visible(&c.earlier.text))?;
            writeln!(out, "    now:    {}", visible(&c.claim.text))?;
        }
    }
    if report.history.readouts > 0 {
        writeln!(out, "\n{}", style.heading("CLOSEST EARLIER CLAIMS"))?;
        for c in &report.closest {
            match &c.earlier {
                None => writeln!(
                    out,
                    "  {} {}",
                    style.id(&visible(&c.claim.id)),
                    style.dim("no earlier claim on its topic shares a word")
                )?,
                Some(e) if !c.reworded => writeln!(
                    out,
                    "  {} = {} {}",
                    style.id(&visible(&c.claim.id)),
                    style.id(&visible(&earlier(e))),
                    style.dim("(same wording)")
                )?,
                Some(e) => {
                    writeln!(
                        out,
                        "  {} ~ {} ({:.2})",
                        style.id(&visible(&c.claim.id)),
                        style.id(&visible(&earlier(e))),
                        c.similarity
                    )?;
                    if c.similarity >= WORD_DIFF_MIN {
                        write!(out, "    ")?;
                        diff_text(&c.diff, style, out)?;
                        writeln!(out)?;
                    } else {
                        // Too little in common for a word diff to read well.
                        writeln!(out, "    before: {}", visible(&e.text))?;
                        writeln!(out, "    now:    {}", visible(&c.claim.text))?;
                    }
                }
            }
        }
    }
    for o in &report.other_side {
        writeln!(
            out,
            "\n{} {}",
            style.heading(&format!("{}:", other_heading(o.kind).to_uppercase())),
            style.dim(&visible(&o.file))
        )?;
        crate::render::text::render(&o.report, style, out)?;
    }
    writeln!(out, "\n{}", summary_line(report))
}

fn diff_text<W: Write>(diff: &[DiffChunk], style: Style, out: &mut W) -> io::Result<()> {
    for d in diff {
        let t = visible(&d.text);
        match d.op {
            "removed" => write!(out, "{}", style.removed(&t))?,
            "added" => write!(out, "{}", style.added(&t))?,
            _ => write!(out, "{t}")?,
        }
    }
    Ok(())
}

fn markdown<W: Write>(report: &CheckReport, out: &mut W) -> io::Result<()> {
    let n = &report.new;
    writeln!(
        out,
        "# Check: {} {}",
        md(&n.side),
        md(n.date.as_deref().unwrap_or(""))
    )?;
    writeln!(out)?;
    if let Some(t) = &n.title {
        writeln!(out, "*{}*\n", md(t))?;
    }
    writeln!(out, "Against {}.\n", md(&history_line(report)))?;
    writeln!(out, "{}.", summary_line(report))?;
    let a = &report.archive;
    if !a.skipped.is_empty() {
        writeln!(out, "\n## Skipped files\n")?;
        for s in &a.skipped {
            writeln!(out, "- {}", md(s.error.lines().next().unwrap_or_default()))?;
        }
    }
    if !report.new_topics.is_empty() {
        writeln!(out, "\n## New topics\n")?;
        for t in &report.new_topics {
            writeln!(out, "- **{}** ({})", md(&t.label), md(&t.claims.join(", ")))?;
        }
    }
    if !report.dropped_topics.is_empty() {
        writeln!(out, "\n## Dropped topics\n")?;
        for t in &report.dropped_topics {
            writeln!(
                out,
                "- **{}**: raised by {} of the {} most recent; last {}: {}",
                md(&t.label),
                t.raised_by,
                t.recent,
                md(&earlier(&t.last)),
                md(&t.last.text)
            )?;
        }
    }
    if !report.stance_shifts.is_empty() {
        writeln!(out, "\n## Stance shifts\n")?;
        writeln!(
            out,
            "| Topic | Change | Direction | Before | Now |\n|---|---|---|---|---|"
        )?;
        for s in &report.stance_shifts {
            writeln!(
                out,
                "| {} | {} | {} | {} ({}) | {} ({}) |",
                md(&s.label),
                md(&s.change),
                md(&direction(s)),
                md(&s.before.text),
                md(&earlier(&s.before)),
                md(&s.after.text),
                md(&s.after.id)
            )?;
        }
    }
    if !report.contradictions.is_empty() {
        writeln!(out, "\n## Self-contradictions\n")?;
        for c in &report.contradictions {
            writeln!(
                out,
                "- `{}` vs {}: *{}*",
                crate::render::markdown::code(&c.claim.id),
                md(&earlier(&c.earlier)),
                md(&c.reason)
            )?;
            writeln!(
                out,
                "  - before: {}\n  - now: {}",
                md(&c.earlier.text),
                md(&c.claim.text)
            )?;
        }
    }
    if report.history.readouts > 0 {
        writeln!(out, "\n## Closest earlier claims\n")?;
        for c in &report.closest {
            let id = crate::render::markdown::code(&c.claim.id);
            match &c.earlier {
                None => writeln!(out, "- `{id}`: no earlier claim on its topic shares a word")?,
                Some(e) if !c.reworded => {
                    writeln!(out, "- `{id}` = {} (same wording)", md(&earlier(e)))?
                }
                Some(e) => {
                    let words: String = c
                        .diff
                        .iter()
                        .map(|d| match d.op {
                            "removed" => format!("~~{}~~", md(d.text.trim())),
                            "added" => format!("**{}**", md(d.text.trim())),
                            _ => md(d.text.trim()),
                        })
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    writeln!(
                        out,
                        "- `{id}` ~ {} ({:.2}): {words}",
                        md(&earlier(e)),
                        c.similarity
                    )?;
                }
            }
        }
    }
    for o in &report.other_side {
        writeln!(out, "\n## {}: {}\n", other_heading(o.kind), md(&o.file))?;
        let mut inner = Vec::new();
        crate::render::markdown::render(&o.report, &mut inner)?;
        // Nest the compare report's headings under this section.
        for line in String::from_utf8_lossy(&inner).lines() {
            if line.starts_with('#') {
                writeln!(out, "##{line}")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// "escalation: presses → warns", "steady: hopes"; only the direction when
/// the change is already one of intensity.
fn direction(s: &super::report::StanceShift) -> String {
    let (b, a) = (&s.intensity.before, &s.intensity.after);
    if s.change.starts_with("intensity:") {
        s.direction.name().to_string()
    } else if b.level == a.level {
        format!("{}: {}", s.direction.name(), a.name)
    } else {
        format!("{}: {} → {}", s.direction.name(), b.name, a.name)
    }
}
