//! The legend: the four verdicts, the rules that relate two claims (their
//! ids and meanings as the classifier defines them), and the page's marks.

use std::io::{self, Write};

use super::{badge, h, mark, verdict_meaning};
use crate::classify::{Rule, Verdict};

/// `intensity`: the report has levels (`--intensity`), so the legend gives the scale.
pub fn render<W: Write>(out: &mut W, intensity: bool) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n<h3>Verdicts</h3>\n<dl>"
    )?;
    for v in Verdict::ALL {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", badge(v), verdict_meaning(v))?;
    }
    writeln!(
        out,
        "</dl>\n<h3>Rules</h3>\n<p class=\"muted\">Each pair of claims is decided by one rule, most decisive first.</p>\n<dl>"
    )?;
    for rule in Rule::ALL {
        let verdict = Verdict::from(rule.relation());
        writeln!(
            out,
            "<dt><code class=\"rule\">{}</code></dt><dd>{}: <span class=\"tag {v}\">{} {v}</span></dd>",
            h(rule.id()),
            h(rule.meaning()),
            mark(verdict),
            v = verdict.name()
        )?;
    }
    writeln!(
        out,
        "</dl>\n<h3>Marks</h3>\n<dl>\n\
         <dt><mark>cue</mark></dt><dd>the words that gave a claim its stance</dd>\n\
         <dt><del>struck</del></dt><dd>in a word diff: only in the left account&#39;s claim</dd>\n\
         <dt><ins>underlined</ins></dt><dd>in a word diff: only in the right account&#39;s claim</dd>\n\
         </dl>"
    )?;
    if intensity {
        scale(out)?;
    }
    writeln!(out, "</section>")
}

/// The intensity scale, weakest first (`--intensity`); the N-way legend has it too.
pub fn scale<W: Write>(out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "<h3>Intensity</h3>\n<p class=\"muted\">How hard a claim words its position, weakest first; \
         a note marks paired claims of one stance two or more levels apart.</p>\n<dl>"
    )?;
    for (i, l) in crate::intensity::Scale::get().levels.iter().enumerate() {
        writeln!(
            out,
            "<dt><span class=\"intensity\">{} {}</span></dt><dd>{}</dd>",
            i + 1,
            h(&l.id),
            h(&l.about)
        )?;
    }
    writeln!(out, "</dl>")
}
