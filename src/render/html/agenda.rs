//! The agenda topics neither account mentions (`compare --agenda`): rows
//! of the topic matrix, and a section of their own after the topics.

use std::io::{self, Write};

use super::h;
use crate::agenda::AgendaReport;
use crate::render::agenda::NOT_MENTIONED;

/// The fragment id of the section.
const ANCHOR: &str = "not-mentioned";

/// One matrix row per agenda topic nobody raised, linking to the section;
/// `columns` is the number of account columns.
pub fn rows<W: Write>(agenda: &AgendaReport, columns: usize, out: &mut W) -> io::Result<()> {
    for t in &agenda.not_mentioned {
        writeln!(
            out,
            "<tr class=\"unmentioned\"><th scope=\"row\"><a href=\"#{ANCHOR}\">{}</a></th>\
             <td><span class=\"verdict unmentioned\"><span class=\"mark\" aria-hidden=\"true\">∅</span> {NOT_MENTIONED}</span></td>{}</tr>",
            h(&t.label),
            "<td><span class=\"silent\">silent</span></td>".repeat(columns)
        )?;
    }
    Ok(())
}

/// The section: which agenda, and its topics nobody raised.
pub fn section<W: Write>(agenda: &AgendaReport, out: &mut W) -> io::Result<()> {
    if agenda.not_mentioned.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<section class=\"topic\" id=\"{ANCHOR}\">\n<header><h3>Not mentioned by either account</h3></header>\n\
         <p class=\"absent\">On the agenda {}, and raised by neither account:</p>\n<ul>",
        h(&agenda.name)
    )?;
    for t in &agenda.not_mentioned {
        writeln!(out, "<li>{}</li>", h(&t.label))?;
    }
    writeln!(out, "</ul>\n</section>")
}
