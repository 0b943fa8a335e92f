//! The topic matrix: one row per topic, linking to its section, with the
//! verdict and each account's claims on it.

use std::io::{self, Write};

use super::badge;
use super::h;
use crate::classify::Side;
use crate::render::{plural, touched_note};
use crate::report::{Report, SideSummary, TopicReport};

pub fn render<W: Write>(report: &Report, anchors: &[String], out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"topics\" aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Topics</h2>"
    )?;
    writeln!(
        out,
        "<table class=\"matrix\">\n<thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Verdict</th>{}{}</tr></thead>\n<tbody>",
        column_head(&report.left),
        column_head(&report.right)
    )?;
    for (t, anchor) in report.topics.iter().zip(anchors) {
        let adhoc = if t.adhoc {
            " <span class=\"muted\">(grouped by wording)</span>"
        } else {
            ""
        };
        writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"#{anchor}\">{}</a>{adhoc}</th><td>{}</td>{}{}</tr>",
            h(&t.label),
            badge(t.verdict),
            cell(t, Side::Left),
            cell(t, Side::Right)
        )?;
    }
    if let Some(a) = &report.agenda {
        super::agenda::rows(a, if report.same_file { 1 } else { 2 }, out)?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

fn column_head(s: &SideSummary) -> String {
    match &s.issuer {
        Some(issuer) => format!(
            "<th scope=\"col\">{}<br><span class=\"muted\">{}</span></th>",
            h(&s.side),
            h(issuer)
        ),
        None => format!("<th scope=\"col\">{}</th>", h(&s.side)),
    }
}

/// One account's claims on the topic: how many, or that it is silent.
fn cell(t: &TopicReport, side: Side) -> String {
    let ids = match side {
        Side::Left => &t.left,
        Side::Right => &t.right,
    };
    if !ids.is_empty() {
        let strongest = t.intensity.as_ref().and_then(|i| match side {
            Side::Left => i.left.as_ref(),
            Side::Right => i.right.as_ref(),
        });
        let level = strongest.map_or(String::new(), |s| {
            format!("<br><span class=\"intensity\">{}</span>", h(&s.name))
        });
        return format!(
            "<td class=\"count\">{}{level}</td>",
            plural(ids.len(), "claim")
        );
    }
    let elsewhere = if t.omitted_by == Some(side) {
        touched_note(&t.touched_by)
            .map(|n| format!("<br><span class=\"muted\">{}</span>", h(&n)))
            .unwrap_or_default()
    } else {
        String::new()
    };
    format!("<td><span class=\"silent\">silent</span>{elsewhere}</td>")
}
