//! A standalone HTML page of the report, for sharing.

use std::io::{self, Write};

use super::escape::html as h;
use super::{SAME_FILE_NOTE, plural, relation_name, title, touched_note};
use crate::classify::Side;
use crate::report::Report;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\
.agreement{color:#1a7f37}.contradiction{color:#cf222e}.divergence{color:#9a6700}.omission{color:#8250df}\
td,th{padding:.2em .6em;text-align:left;vertical-align:top}code{color:#0969da}.reason{color:#555}";

pub fn render<W: Write>(report: &Report, out: &mut W) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    let title = title(report);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        h(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", h(&title))?;
    if report.same_file {
        writeln!(out, "<p><em>{}</em></p>", h(SAME_FILE_NOTE))?;
    }
    let s = &report.summary;
    writeln!(
        out,
        "<p>{}: {}, {}, {}, {}.</p>",
        plural(report.topics.len(), "topic"),
        plural(s.agreement, "agreement"),
        plural(s.contradiction, "contradiction"),
        plural(s.divergence, "divergence"),
        plural(s.omission, "omission")
    )?;
    for t in &report.topics {
        let v = t.verdict.name();
        writeln!(
            out,
            "<section>\n<h2>{} <span class=\"{v}\">{v}</span></h2>",
            h(&t.label)
        )?;
        let note = touched_note(&t.touched_by).map_or(String::new(), |n| format!("; {}", h(&n)));
        match t.omitted_by {
            Some(Side::Left) => writeln!(
                out,
                "<p><em>{} is silent on this topic{note}.</em></p>",
                h(&l.side)
            )?,
            Some(Side::Right) => writeln!(
                out,
                "<p><em>{} is silent on this topic{note}.</em></p>",
                h(&r.side)
            )?,
            None => {}
        }
        writeln!(out, "<table>")?;
        for (side, list, name) in [
            (Side::Left, &t.left, &l.side),
            (Side::Right, &t.right, &r.side),
        ] {
            for id in list {
                if let Some(c) = report.claim(side, id) {
                    writeln!(
                        out,
                        "<tr><th>{}</th><td><code>{}</code></td><td>{}</td></tr>",
                        h(name),
                        h(id),
                        h(&c.text)
                    )?;
                }
            }
        }
        writeln!(out, "</table>")?;
        if !t.pairs.is_empty() {
            writeln!(out, "<ul>")?;
            for p in &t.pairs {
                let rel = relation_name(p.relation);
                writeln!(
                    out,
                    "<li><code>{}</code> ~ <code>{}</code> <span class=\"{rel}\">{rel}</span> <span class=\"reason\">{}</span></li>",
                    h(&p.left),
                    h(&p.right),
                    h(&p.reason)
                )?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}
