//! The standalone HTML page of three or more accounts: the meeting and its
//! accounts, the topic matrix (each account's stance, each pair's verdict),
//! a legend, and each topic with the accounts side by side and the pairs'
//! verdicts. One file: the stylesheet is inline, nothing is fetched or run.

use std::io::{self, Write};

use super::{cell_level, cell_summary, has_intensity, letter, meeting, pair_name};
use crate::agenda::AgendaReport;
use crate::classify::{Rule, Verdict};
use crate::nway::{NwayReport, NwayTopic};
use crate::render::agenda::NOT_MENTIONED_ANY;
use crate::render::escape::html as h;
use crate::render::html::{badge, mark, source_fields, verdict_meaning};
use crate::render::{Made, plural, relation_name, side_name};
use crate::report::SideSummary;

/// The two-account page's stylesheet, and what the N-way page adds to it.
const STYLE: &str = include_str!("../html/page.css");
const STYLE_N: &str = include_str!("page.css");

pub fn render<W: Write>(report: &NwayReport, made: &Made, out: &mut W) -> io::Result<()> {
    let n = report.accounts.len();
    let title = meeting(report).unwrap_or_else(|| format!("{n} accounts"));
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"readout {}\">",
        h(made.version)
    )?;
    writeln!(out, "<title>{}: {n} accounts</title>", h(&title))?;
    writeln!(
        out,
        "<style>\n{STYLE}{STYLE_N}</style>\n</head>\n<body>\n<main style=\"--accounts: {n}\">"
    )?;
    header(report, made, &title, out)?;
    writeln!(out, "<div class=\"overview\">")?;
    matrix(report, out)?;
    legend(out, has_intensity(report))?;
    writeln!(out, "</div>")?;
    for (i, t) in report.topics.iter().enumerate() {
        topic(report, t, i, out)?;
    }
    if let Some(a) = &report.agenda {
        not_mentioned(a, out)?;
    }
    writeln!(
        out,
        "<footer>Made by readout {} on <time datetime=\"{}\">{}</time>. \
         Each verdict is the two-account verdict of one pair of accounts, and names the rule and the words that decided it; the accounts are quoted as written.</footer>",
        h(made.version),
        made.iso(),
        made.human()
    )?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn header<W: Write>(report: &NwayReport, made: &Made, title: &str, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<header>\n<p class=\"kicker\">Readout comparison of {} accounts</p>\n<h1>{}</h1>",
        report.accounts.len(),
        h(title)
    )?;
    writeln!(out, "<div class=\"accounts\">")?;
    for (a, s) in report.accounts.iter().enumerate() {
        account(a, s, out)?;
    }
    writeln!(out, "</div>\n<ul class=\"pair-summary\">")?;
    for p in &report.pairs {
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .map(|&v| {
                format!(
                    "<span class=\"tag {}\">{} {}</span>",
                    v.name(),
                    mark(v),
                    plural(p.summary.count(v), v.name())
                )
            })
            .collect();
        writeln!(
            out,
            "<li><strong>{}–{}</strong>: {}</li>",
            letter(p.accounts[0]),
            letter(p.accounts[1]),
            counts.join(", ")
        )?;
    }
    writeln!(
        out,
        "</ul>\n<p class=\"made\">{} · made by readout {} on <time datetime=\"{}\">{}</time>.</p>\n</header>",
        plural(report.topics.len(), "topic"),
        h(made.version),
        made.iso(),
        made.human()
    )
}

fn account<W: Write>(a: usize, s: &SideSummary, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"account\">\n<h2><span class=\"letter\">{}</span> {}</h2>\n<dl>",
        letter(a),
        h(&s.side)
    )?;
    source_fields(s, out)?;
    writeln!(
        out,
        "<dt>File</dt><dd><span class=\"id\">{}</span></dd>",
        h(&s.file)
    )?;
    writeln!(out, "<dt>Claims</dt><dd>{}</dd>", s.claims)?;
    writeln!(out, "</dl>\n</section>")
}

fn anchor(i: usize) -> String {
    format!("topic-{}", i + 1)
}

/// One row per topic: each account's claims and stance, each pair's verdict.
fn matrix<W: Write>(report: &NwayReport, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"topics\" aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Topics</h2>\n<div class=\"scroll\">\n<table class=\"matrix\">"
    )?;
    write!(out, "<thead><tr><th scope=\"col\">Topic</th>")?;
    for (a, s) in report.accounts.iter().enumerate() {
        write!(
            out,
            "<th scope=\"col\" title=\"{}\">{}</th>",
            h(&side_name(s)),
            letter(a)
        )?;
    }
    for p in &report.pairs {
        write!(
            out,
            "<th scope=\"col\">{}–{}</th>",
            letter(p.accounts[0]),
            letter(p.accounts[1])
        )?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for (i, t) in report.topics.iter().enumerate() {
        let adhoc = if t.adhoc {
            " <span class=\"muted\">(grouped by wording)</span>"
        } else {
            ""
        };
        write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#{}\">{}</a>{adhoc}</th>",
            anchor(i),
            h(&t.label)
        )?;
        for cell in &t.accounts {
            if cell.claims.is_empty() {
                write!(out, "<td><span class=\"silent\">silent</span></td>")?;
            } else {
                let level = cell_level(cell).map_or(String::new(), |l| {
                    format!("<br><span class=\"intensity\">{}</span>", h(l))
                });
                write!(
                    out,
                    "<td class=\"count\">{}{level}</td>",
                    h(&cell_summary(cell))
                )?;
            }
        }
        for p in &t.pairs {
            match p.verdict {
                Some(v) => write!(out, "<td>{}</td>", badge(v))?,
                None => write!(out, "<td><span class=\"silent\">neither</span></td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    // Agenda topics nobody raised are rows too: the matrix is the overview.
    let columns = report.accounts.len() + report.pairs.len();
    for t in report.agenda.iter().flat_map(|a| &a.not_mentioned) {
        writeln!(
            out,
            "<tr class=\"unmentioned\"><th scope=\"row\"><a href=\"#{NOT_MENTIONED_ANCHOR}\">{}</a></th>\
             <td colspan=\"{columns}\"><span class=\"verdict unmentioned\"><span class=\"mark\" aria-hidden=\"true\">∅</span> {NOT_MENTIONED_ANY}</span></td></tr>",
            h(&t.label)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</div>\n</section>")
}

/// The fragment id of the section of agenda topics nobody raised.
const NOT_MENTIONED_ANCHOR: &str = "not-mentioned";

/// The agenda topics no account mentions, as a section after the topics.
fn not_mentioned<W: Write>(agenda: &AgendaReport, out: &mut W) -> io::Result<()> {
    if agenda.not_mentioned.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<section class=\"topic\" id=\"{NOT_MENTIONED_ANCHOR}\">\n<header><h2>Not mentioned by any account</h2></header>\n\
         <p class=\"absent\">On the agenda {}, and raised by no account:</p>\n<ul>",
        h(&agenda.name)
    )?;
    for t in &agenda.not_mentioned {
        writeln!(out, "<li>{}</li>", h(&t.label))?;
    }
    writeln!(out, "</ul>\n</section>")
}

/// `intensity`: the report has levels (`--intensity`), so the legend gives the scale.
fn legend<W: Write>(out: &mut W, intensity: bool) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n\
         <p class=\"muted\">An account's cell gives its claims on the topic and their stance together \
         (critical, positive, neutral, or mixed when it is both critical and positive). \
         A pair's cell gives the verdict of those two accounts on the topic.</p>\n<h3>Verdicts</h3>\n<dl>"
    )?;
    for v in Verdict::ALL {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", badge(v), verdict_meaning(v))?;
    }
    writeln!(out, "</dl>\n<h3>Rules</h3>\n<dl>")?;
    for rule in Rule::ALL {
        writeln!(
            out,
            "<dt><code class=\"rule\">{}</code></dt><dd>{}</dd>",
            h(rule.id()),
            h(rule.meaning())
        )?;
    }
    writeln!(out, "</dl>")?;
    if intensity {
        crate::render::html::legend::scale(out)?;
    }
    writeln!(out, "</section>")
}

fn topic<W: Write>(report: &NwayReport, t: &NwayTopic, i: usize, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"topic\" id=\"{}\">\n<header><h2>{}</h2></header>\n<div class=\"columns\">",
        anchor(i),
        h(&t.label)
    )?;
    for (a, cell) in t.accounts.iter().enumerate() {
        writeln!(
            out,
            "<div class=\"column\">\n<h3><span class=\"letter\">{}</span> {}</h3>",
            letter(a),
            h(&report.accounts[a].side)
        )?;
        if cell.claims.is_empty() {
            writeln!(out, "<p class=\"absent\">Silent on this topic.</p>")?;
        } else if let Some(Some(s)) = &cell.intensity {
            writeln!(
                out,
                "<p class=\"intensity\">Strongest wording: {} ({})</p>",
                h(&s.name),
                h(&s.claim)
            )?;
        }
        for id in &cell.claims {
            if let Some(c) = report.claim(a, id) {
                let who = c
                    .speaker
                    .as_deref()
                    .map(|s| format!(" · {}", h(s)))
                    .unwrap_or_default();
                let level = c
                    .intensity
                    .as_ref()
                    .filter(|i| i.level > 0)
                    .map_or(String::new(), |i| {
                        format!(" · <span class=\"intensity\">{}</span>", h(&i.name))
                    });
                writeln!(
                    out,
                    "<div class=\"claim\"><span class=\"meta\"><span class=\"id\">{}</span>{who} · <span class=\"stance\">{}</span>{level}</span><p>{}</p></div>",
                    h(id),
                    c.stance.name(),
                    h(&c.text)
                )?;
            }
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</div>\n<ul class=\"pairs\">")?;
    for p in t.pairs.iter().filter(|p| p.verdict.is_some()) {
        let badge = p.verdict.map(badge).unwrap_or_default();
        let silent = p
            .omitted_by
            .map(|s| format!(" <span class=\"muted\">({} is silent)</span>", letter(s)))
            .unwrap_or_default();
        writeln!(out, "<li><strong>{}</strong> {badge}{silent}", pair_name(p))?;
        if !p.pairs.is_empty() {
            writeln!(out, "<ul>")?;
            for c in &p.pairs {
                // The intensity note, if any, belongs to the pair's item.
                let note = c.intensity_gap.as_ref().map_or(String::new(), |gap| {
                    format!("<p class=\"why intensity\">Intensity: {}</p>", h(&gap.note))
                });
                writeln!(
                    out,
                    "<li><span class=\"id\">{}</span> ~ <span class=\"id\">{}</span>: <span class=\"tag {}\">{}</span> by <code class=\"rule\">{}</code>: {}{note}</li>",
                    h(&c.left),
                    h(&c.right),
                    relation_name(c.relation),
                    relation_name(c.relation),
                    h(c.rule.id()),
                    h(&c.reason)
                )?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>\n</section>")
}
