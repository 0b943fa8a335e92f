//! A standalone HTML page of the report, for sharing: the meeting and its
//! accounts, the topic matrix, a legend, and each topic side by side.
//! One file: the stylesheet is inline, and nothing is fetched or run.

mod agenda;
pub(crate) mod legend;
mod matrix;
mod topic;

use std::collections::HashSet;
use std::io::{self, Write};

use super::escape::html as h;
use super::made::Made;
use super::plural;
use crate::classify::Verdict;
use crate::report::{Report, SideSummary};

/// The stylesheet, kept as data beside this file.
const STYLE: &str = include_str!("page.css");

pub fn render<W: Write>(report: &Report, made: &Made, out: &mut W) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    let sides = if report.same_file {
        format!("{} vs itself", l.side)
    } else {
        format!("{} vs {}", l.side, r.side)
    };
    let title = meeting_field(l.title.as_deref(), r.title.as_deref());
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"readout {}\">",
        h(made.version)
    )?;
    let page_title = match &title {
        Some(t) => format!("{t}: {sides}"),
        None => sides.clone(),
    };
    writeln!(out, "<title>{}</title>", h(&page_title))?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>")?;
    header(report, made, title.as_deref(), &sides, out)?;
    let anchors = anchors(report.topics.iter().map(|t| t.topic.as_str()));
    writeln!(out, "<div class=\"overview\">")?;
    matrix::render(report, &anchors, out)?;
    legend::render(out, report.topics.iter().any(|t| t.intensity.is_some()))?;
    writeln!(out, "</div>")?;
    for (t, anchor) in report.topics.iter().zip(&anchors) {
        topic::render(report, t, anchor, out)?;
    }
    if let Some(a) = &report.agenda {
        agenda::section(a, out)?;
    }
    writeln!(
        out,
        "<footer>Made by readout {} on <time datetime=\"{}\">{}</time>. \
         Each verdict names the rule and the words that decided it; the accounts are quoted as written.</footer>",
        h(made.version),
        made.iso(),
        made.human()
    )?;
    writeln!(out, "</main>\n</body>\n</html>")
}

/// The meeting and who gave each account.
fn header<W: Write>(
    report: &Report,
    made: &Made,
    title: Option<&str>,
    sides: &str,
    out: &mut W,
) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    writeln!(out, "<header>\n<p class=\"kicker\">Readout comparison</p>")?;
    writeln!(out, "<h1>{}</h1>", h(title.unwrap_or(sides)))?;
    let place = meeting_field(l.place.as_deref(), r.place.as_deref()).map(|p| h(&p));
    let date = meeting_field(l.date.as_deref(), r.date.as_deref())
        .map(|d| format!("<span class=\"date\">{}</span>", h(&d)));
    let meeting: Vec<String> = [title.map(|_| h(sides)), place, date]
        .into_iter()
        .flatten()
        .collect();
    if !meeting.is_empty() {
        writeln!(out, "<p class=\"meeting\">{}</p>", meeting.join(" · "))?;
    }
    if report.same_file {
        writeln!(
            out,
            "<p class=\"note\"><em>{}</em></p>",
            h(super::SAME_FILE_NOTE)
        )?;
    }
    writeln!(out, "<div class=\"accounts\">")?;
    for (which, s) in [("Left", l), ("Right", r)] {
        account(which, s, out)?;
    }
    writeln!(out, "</div>")?;
    let s = &report.summary;
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| {
            format!(
                "<span class=\"tag {}\">{} {}</span>",
                v.name(),
                mark(v),
                plural(s.count(v), v.name())
            )
        })
        .collect();
    let agenda = report.agenda.as_ref().map_or(String::new(), |a| {
        format!("; {}", h(&super::agenda::summary(a)))
    });
    writeln!(
        out,
        "<p class=\"summary\"><strong>{}</strong>: {}{agenda}.</p>",
        plural(report.topics.len(), "topic"),
        counts.join(", ")
    )?;
    writeln!(
        out,
        "<p class=\"made\">Made by readout {} on <time datetime=\"{}\">{}</time>.</p>\n</header>",
        h(made.version),
        made.iso(),
        made.human()
    )
}

/// One account's card: side, issuer, date, source address, claims.
fn account<W: Write>(which: &str, s: &SideSummary, out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"account\">\n<h2><span class=\"muted\">{which}:</span> {}</h2>\n<dl>",
        h(&s.side)
    )?;
    source_fields(s, out)?;
    writeln!(out, "<dt>Claims</dt><dd>{}</dd>", s.claims)?;
    writeln!(out, "</dl>\n</section>")
}

/// An account card's issuer, date and source address, "not given" when absent.
pub(crate) fn source_fields<W: Write>(s: &SideSummary, out: &mut W) -> io::Result<()> {
    let absent = "<span class=\"absent\">not given</span>";
    let field = |v: &Option<String>| v.as_deref().map_or(absent.to_string(), h);
    writeln!(out, "<dt>Issuer</dt><dd>{}</dd>", field(&s.issuer))?;
    writeln!(out, "<dt>Date</dt><dd>{}</dd>", field(&s.date))?;
    // The address is text to read and copy, never a link or a resource:
    // the page fetches nothing, and an address from a readout is not trusted.
    let url = s.url.as_deref().map_or(absent.to_string(), |u| {
        format!("<span class=\"url\">{}</span>", h(u))
    });
    writeln!(out, "<dt>Source</dt><dd>{url}</dd>")
}

/// The meeting's title, place or date as the accounts give it: one value
/// when they agree (or only one gives it), both when they differ.
fn meeting_field(left: Option<&str>, right: Option<&str>) -> Option<String> {
    match (left, right) {
        (Some(a), Some(b)) if a != b => Some(format!("{a} / {b}")),
        (a, b) => a.or(b).map(str::to_string),
    }
}

/// The verdict's mark: a shape that tells the verdicts apart without color.
pub fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Agreement => "=",
        Verdict::Contradiction => "≠",
        Verdict::Divergence => "≈",
        Verdict::Omission => "○",
    }
}

/// A verdict as a badge: mark and word, in a border of its own style.
pub fn badge(v: Verdict) -> String {
    format!(
        "<span class=\"verdict {0}\"><span class=\"mark\" aria-hidden=\"true\">{1}</span> {0}</span>",
        v.name(),
        mark(v)
    )
}

/// What each verdict means, for the legend.
pub fn verdict_meaning(v: Verdict) -> &'static str {
    match v {
        Verdict::Agreement => "some pair of claims makes the same point, and none conflicts",
        Verdict::Contradiction => "at least one pair of claims conflicts",
        Verdict::Divergence => {
            "both accounts speak to the topic, with points that neither match nor conflict"
        }
        Verdict::Omission => "only one account speaks to the topic",
    }
}

/// Each topic's fragment id, in report order: `topic-` and the topic id
/// reduced to letters, digits and hyphens, or its position when that is
/// empty or taken. Safe in an attribute and a URL as is.
fn anchors<'a>(topics: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    topics
        .enumerate()
        .map(|(i, topic)| {
            let slug: String = topic
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let slug = slug.trim_matches('-');
            let mut id = format!("topic-{slug}");
            if slug.is_empty() || seen.contains(&id) {
                id = format!("topic-{}", i + 1);
                while seen.contains(&id) {
                    id.push('-');
                }
            }
            seen.insert(id.clone());
            id
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Rule;

    const US: &str = "meeting: {title: Talks, place: Geneva, date: 2024-01-02}\n\
        source: {side: United States, issuer: State, url: 'https://example.org/a?b=1&c=2'}\n\
        claims:\n\
        - {id: us-1, text: Both sides agreed to maintain military communication.}\n\
        - {id: us-2, text: The US raised concerns about China's nuclear buildup.}\n";
    const CN: &str = "meeting: {title: Talks, place: Geneva, date: 2024-01-02}\n\
        source: {side: China, issuer: Foreign Ministry}\n\
        claims:\n\
        - {id: cn-1, text: Both sides agreed to maintain military communication.}\n";

    fn page() -> String {
        let limits = crate::load::Limits::default();
        let us = crate::load::load_str("us.yaml", US, &limits).expect("valid");
        let cn = crate::load::load_str("cn.yaml", CN, &limits).expect("valid");
        let report = crate::compare(&us, &cn, &crate::Taxonomy::built_in());
        let mut out = Vec::new();
        render(&report, &Made::at(1_717_200_000), &mut out).expect("renders");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_header_names_the_meeting_the_accounts_and_the_making() {
        let page = page();
        assert!(page.contains("<h1>Talks</h1>"), "{page}");
        assert!(
            page.contains(
                "United States vs China · Geneva · <span class=\"date\">2024-01-02</span>"
            )
        );
        assert!(page.contains("<dt>Issuer</dt><dd>State</dd>"));
        assert!(page.contains("<span class=\"url\">https://example.org/a?b=1&amp;c=2</span>"));
        assert!(page.contains("<dt>Source</dt><dd><span class=\"absent\">not given</span></dd>"));
        assert!(page.contains(&format!("readout {}", env!("CARGO_PKG_VERSION"))));
        assert!(
            page.contains("<time datetime=\"2024-06-01T00:00:00Z\">2024-06-01 00:00 UTC</time>")
        );
    }

    #[test]
    fn the_matrix_comes_first_and_links_every_topic_to_its_section() {
        let page = page();
        let matrix = page.find("<table class=\"matrix\">").expect("a matrix");
        assert!(matrix < page.find("<section class=\"topic\"").expect("topics"));
        let rows: Vec<&str> = page.matches("<tr><th scope=\"row\"><a href=\"#").collect();
        let sections = page.matches("<section class=\"topic\" id=\"").count();
        assert_eq!(rows.len(), sections);
        assert!(sections >= 2, "{page}");
        for part in page.split("<a href=\"#").skip(1) {
            let id = &part[..part.find('"').expect("quoted")];
            assert!(page.contains(&format!("id=\"{id}\"")), "no section {id}");
        }
        assert!(page.contains("<td><span class=\"silent\">silent</span></td>"));
        assert!(page.contains("<td class=\"count\">1 claim</td>"));
    }

    #[test]
    fn the_legend_lists_every_verdict_and_rule() {
        let page = page();
        let legend = &page[page.find("<h2 id=\"legend\">").expect("a legend")..];
        for v in Verdict::ALL {
            assert!(legend.contains(&badge(v)), "{}", v.name());
            assert!(legend.contains(verdict_meaning(v)));
        }
        for rule in Rule::ALL {
            assert!(legend.contains(&format!("<code class=\"rule\">{}</code>", rule.id())));
            assert!(legend.contains(&h(rule.meaning())), "{rule}");
        }
    }

    #[test]
    fn pairs_sit_side_by_side_with_their_rule() {
        let page = page();
        assert!(page.contains("<div class=\"row rel-agreement\">"), "{page}");
        assert!(page.contains("by <code class=\"rule\">shared-point</code>"));
        assert!(page.contains("<mark>agreed</mark>"));
        assert!(
            page.contains("United States is silent on this topic.")
                || page.contains("China is silent on this topic.")
        );
    }

    #[test]
    fn anchors_are_safe_and_unique() {
        let ids = ["taiwan", "Taiwan", "", "<x y=\"1\">", "topic-1", "1"];
        assert_eq!(
            anchors(ids.into_iter()),
            [
                "topic-taiwan",
                "topic-2",
                "topic-3",
                "topic-x-y--1",
                "topic-topic-1",
                "topic-1"
            ]
        );
        assert_eq!(anchors(["1", "a"].into_iter()), ["topic-1", "topic-a"]);
        assert_eq!(
            anchors(["b", "1", "1"].into_iter()),
            ["topic-b", "topic-1", "topic-3"]
        );
        assert_eq!(
            anchors(["b", "b", "2"].into_iter()),
            ["topic-b", "topic-2", "topic-3"]
        );
        assert_eq!(
            anchors(["3", "b", "b"].into_iter()),
            ["topic-3", "topic-b", "topic-3-"]
        );
    }
}
