//! One topic, side by side: the left account's claims in one column, the
//! right's in the other, each pair on a row of its own with its rule, its
//! reason and, when the claims are close, their word diff.

use std::io::{self, Write};

use super::{badge, h};
use crate::classify::{Side, Verdict};
use crate::render::diff::{Chunk, words};
use crate::render::text::DIFF_MIN_SIMILARITY;
use crate::render::touched_note;
use crate::report::{ClaimReport, PairReport, Report, TopicReport};

pub fn render<W: Write>(
    report: &Report,
    t: &TopicReport,
    anchor: &str,
    out: &mut W,
) -> io::Result<()> {
    let (l, r) = (&report.left, &report.right);
    writeln!(
        out,
        "<section class=\"topic\" id=\"{anchor}\">\n<header><h3>{}</h3> {}",
        h(&t.label),
        badge(t.verdict)
    )?;
    if t.adhoc {
        writeln!(
            out,
            "<span class=\"muted\">grouped by wording: no topic of the taxonomy names these claims</span>"
        )?;
    }
    if let Some(levels) = crate::render::intensity::topic_levels(report, t) {
        writeln!(
            out,
            "<p class=\"intensity\">Strongest wording: {}</p>",
            h(&levels)
        )?;
    }
    writeln!(
        out,
        "</header>\n<div class=\"sbs\">\n<div class=\"heads\"><div>{}</div><div>{}</div></div>",
        h(&l.side),
        h(&r.side)
    )?;
    let mut previous = None;
    for p in &t.pairs {
        pair_row(report, p, previous, out)?;
        previous = Some(p);
    }
    unpaired_row(report, t, out)?;
    writeln!(out, "</div>\n</section>")
}

/// "China is silent on this topic; cn-2 touches on it elsewhere.", escaped.
fn silence(report: &Report, t: &TopicReport) -> Option<String> {
    let side = match t.omitted_by? {
        Side::Left => &report.left.side,
        Side::Right => &report.right.side,
    };
    let note = touched_note(&t.touched_by).map_or(String::new(), |n| format!("; {n}"));
    Some(h(&format!("{side} is silent on this topic{note}.")))
}

/// Two paired claims on one row, then the rule that related them and why.
/// A claim that the row above shows too is muted, so that the claim that
/// changes from row to row stands out.
fn pair_row<W: Write>(
    report: &Report,
    p: &PairReport,
    previous: Option<&PairReport>,
    out: &mut W,
) -> io::Result<()> {
    let verdict = Verdict::from(p.relation);
    let (a, b) = (
        report.claim(Side::Left, &p.left),
        report.claim(Side::Right, &p.right),
    );
    writeln!(out, "<div class=\"row rel-{}\">", verdict.name())?;
    let again = [
        previous.is_some_and(|q| q.left == p.left),
        previous.is_some_and(|q| q.right == p.right),
    ];
    for ((side, c), again) in [(Side::Left, a), (Side::Right, b)].into_iter().zip(again) {
        writeln!(
            out,
            "<div class=\"claims\">{}</div>",
            claim_cell(report, side, c, again)
        )?;
    }
    writeln!(
        out,
        "<p class=\"why\">{} <span class=\"id\">{}</span> ~ <span class=\"id\">{}</span> by <code class=\"rule\">{}</code>: {}</p>",
        badge(verdict),
        h(&p.left),
        h(&p.right),
        p.rule.id(),
        h(&p.reason)
    )?;
    if let Some(gap) = &p.intensity_gap {
        writeln!(
            out,
            "<p class=\"why intensity\">Intensity: {}</p>",
            h(&gap.note)
        )?;
    }
    if p.similarity >= DIFF_MIN_SIMILARITY
        && let (Some(a), Some(b)) = (a, b)
    {
        writeln!(
            out,
            "<p class=\"diff\"><span class=\"label\">Word diff:</span> {}</p>",
            diff(&a.text, &b.text)
        )?;
    }
    writeln!(out, "</div>")
}

/// The claims no pair holds, each account's in its column; on an omission,
/// the silent account's column says so.
fn unpaired_row<W: Write>(report: &Report, t: &TopicReport, out: &mut W) -> io::Result<()> {
    let alone = |side: Side, ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter(|id| {
                !t.pairs.iter().any(|p| match side {
                    Side::Left => &p.left == *id,
                    Side::Right => &p.right == *id,
                })
            })
            .map(|id| claim_cell(report, side, report.claim(side, id), false))
            .collect()
    };
    let columns = [alone(Side::Left, &t.left), alone(Side::Right, &t.right)];
    if columns.iter().all(Vec::is_empty) {
        return Ok(());
    }
    writeln!(out, "<div class=\"row unpaired\">")?;
    if !t.pairs.is_empty() {
        writeln!(
            out,
            "<p class=\"label\">Not paired with a claim of the other account:</p>"
        )?;
    }
    for (side, claims) in [Side::Left, Side::Right].into_iter().zip(columns) {
        write!(out, "<div class=\"claims\">")?;
        if t.omitted_by == Some(side)
            && let Some(note) = silence(report, t)
        {
            write!(out, "<p class=\"absent\">{note}</p>")?;
        }
        for c in claims {
            write!(out, "{c}")?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</div>")
}

fn claim_cell(report: &Report, side: Side, c: Option<&ClaimReport>, again: bool) -> String {
    let name = match side {
        Side::Left => &report.left.side,
        Side::Right => &report.right.side,
    };
    match c {
        Some(c) => claim(name, c, again),
        None => String::new(),
    }
}

/// A claim: its account (shown when the columns stack), id, speaker and
/// stance, then its text with the stance cue marked; `again` when the row
/// above shows it too.
fn claim(side: &str, c: &ClaimReport, again: bool) -> String {
    let mut meta = format!(
        "<span class=\"who\">{} </span><span class=\"id\">{}</span>",
        h(side),
        h(&c.id)
    );
    if let Some(s) = &c.speaker {
        meta.push_str(&format!(" · {}", h(s)));
    }
    if c.stance_kind != "none" {
        meta.push_str(&format!(
            " · <span class=\"stance\">{}</span>",
            h(&c.stance_kind)
        ));
    }
    if let Some(i) = c.intensity.as_ref().filter(|i| i.level > 0) {
        meta.push_str(&format!(
            " · <span class=\"intensity\">{}</span>",
            h(&i.name)
        ));
    }
    let class = if again {
        meta.push_str(" · as in the row above");
        "claim again"
    } else {
        "claim"
    };
    format!(
        "<div class=\"{class}\"><p class=\"meta\">{meta}</p><p>{}</p></div>",
        highlight(&c.text, c.stance_cue.as_deref())
    )
}

/// `text` escaped, with the first occurrence of `cue` (in any case, as a
/// whole word when it occurs as one) inside `<mark>`.
pub fn highlight(text: &str, cue: Option<&str>) -> String {
    let Some((start, end)) = cue.and_then(|c| find_cue(text, c)) else {
        return h(text);
    };
    format!(
        "{}<mark>{}</mark>{}",
        h(&text[..start]),
        h(&text[start..end]),
        h(&text[end..])
    )
}

/// The byte range of `cue` in `text`, ignoring case: the first whole-word
/// occurrence, else the first occurrence at all.
fn find_cue(text: &str, cue: &str) -> Option<(usize, usize)> {
    if cue.trim().is_empty() {
        return None;
    }
    let matches = || {
        text.char_indices()
            .filter_map(|(i, _)| match_at(&text[i..], cue).map(|len| (i, i + len)))
    };
    let word = |&(start, end): &(usize, usize)| {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    matches().find(word).or_else(|| matches().next())
}

/// The length in bytes of the start of `text` that equals `cue` ignoring case.
fn match_at(text: &str, cue: &str) -> Option<usize> {
    let mut rest = text.char_indices();
    for want in cue.chars() {
        let (_, got) = rest.next()?;
        if got != want && !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    Some(rest.next().map_or(text.len(), |(i, _)| i))
}

/// The word diff of two claims: words only in the left one struck, words
/// only in the right one underlined.
fn diff(a: &str, b: &str) -> String {
    words(a, b)
        .into_iter()
        .map(|chunk| match chunk {
            Chunk::Same(s) => h(&s),
            Chunk::Left(s) => format!("<del>{}</del>", h(&s)),
            Chunk::Right(s) => format!("<ins>{}</ins>", h(&s)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_is_marked_as_a_whole_word_in_any_case() {
        assert_eq!(
            highlight("Dong Slammed the US for slamming", Some("slammed")),
            "Dong <mark>Slammed</mark> the US for slamming"
        );
        assert_eq!(
            highlight("supporting support", Some("support")),
            "supporting <mark>support</mark>"
        );
        assert_eq!(
            highlight("unsupported", Some("support")),
            "un<mark>support</mark>ed",
            "inside a word when it is nowhere a word"
        );
        assert_eq!(highlight("no cue here", Some("absent")), "no cue here");
        assert_eq!(highlight("no cue here", None), "no cue here");
        assert_eq!(highlight("a", Some("")), "a");
    }

    #[test]
    fn marked_text_is_escaped_inside_and_out() {
        assert_eq!(
            highlight("<b>raised concerns</b> & \u{1b}[31m", Some("raised <")),
            "&lt;b&gt;raised concerns&lt;/b&gt; &amp; \\x1b[31m"
        );
        assert_eq!(
            highlight("x <raised> concerns", Some("<raised>")),
            "x <mark>&lt;raised&gt;</mark> concerns"
        );
        assert_eq!(
            highlight("İstanbul déjà vu", Some("DÉJÀ")),
            "İstanbul <mark>déjà</mark> vu"
        );
    }

    #[test]
    fn the_diff_strikes_and_underlines() {
        assert_eq!(
            diff("Austin raised <concerns>", "Dong raised <concerns>"),
            "<del>Austin</del><ins>Dong</ins> raised &lt;concerns&gt;"
        );
    }
}
