//! Writes an extraction as readout YAML: the claims as data, and as comments
//! what was left out and what normalize detects, for the analyst to check.

use std::io::{self, Write};

use super::boilerplate::{DropKind, Dropped};
use super::{Extraction, SpeakerNote};
use crate::load::yaml::quote;
use crate::normalize::NormClaim;
use crate::normalize::cues::{override_names, override_polarity};
use crate::normalize::stance::Voice;
use crate::render::escape::visible;

/// Writes `x` as a readout file that `load` reads back to `x.readout`.
pub fn write<W: Write>(x: &Extraction, w: &mut W) -> io::Result<()> {
    header(x, w)?;
    let r = &x.readout;
    writeln!(w, "readout: {}", r.version)?;
    let m = &r.meeting;
    if m.title.is_some() || m.date.is_some() || m.place.is_some() {
        writeln!(w, "meeting:")?;
        field(w, "  ", "title", &m.title)?;
        field(w, "  ", "date", &m.date)?;
        field(w, "  ", "place", &m.place)?;
    }
    let s = &r.source;
    writeln!(w, "source:")?;
    writeln!(w, "  side: {}", quote(&s.side))?;
    field(w, "  ", "issuer", &s.issuer)?;
    if let (Some(name), Some(line)) = (&s.spokesperson, x.spokesperson_line) {
        writeln!(w, "  spokesperson: {}  # named on line {line}", quote(name))?;
    } else {
        field(w, "  ", "spokesperson", &s.spokesperson)?;
    }
    field(w, "  ", "url", &s.url)?;
    field(w, "  ", "published", &s.published)?;
    writeln!(w, "claims:")?;
    let names = override_names();
    for (((c, n), note), repeat) in r
        .claims
        .iter()
        .zip(&x.normalized.claims)
        .zip(&x.speaker_notes)
        .zip(&x.repeats)
    {
        writeln!(w, "  - id: {}", quote(&c.id))?;
        writeln!(w, "    text: {}", quote(&c.text))?;
        if let Some(first) = repeat {
            writeln!(
                w,
                "    # repeats {first}: the text gives this sentence twice; keep one"
            )?;
        }
        if let Some(speaker) = &c.speaker {
            let how = match note {
                Some(SpeakerNote::Reference(p)) => format!("  # {} in the text", quote(p)),
                Some(SpeakerNote::CarriedFrom(id)) => {
                    format!("  # continues the reported speech of {id}")
                }
                _ => String::new(),
            };
            writeln!(w, "    speaker: {}{how}", quote(speaker))?;
        }
        field(w, "    ", "quote", &c.quote)?;
        detected(w, c.line, n, &names)?;
    }
    Ok(())
}

fn field<W: Write>(w: &mut W, indent: &str, key: &str, value: &Option<String>) -> io::Result<()> {
    match value {
        Some(v) => writeln!(w, "{indent}{key}: {}", quote(v)),
        None => Ok(()),
    }
}

/// The comment block above the data: counts, what was dropped, how to correct.
fn header<W: Write>(x: &Extraction, w: &mut W) -> io::Result<()> {
    let whole: Vec<&Dropped> = x.dropped.iter().filter(|d| d.whole_line).collect();
    let partial: Vec<&Dropped> = x.dropped.iter().filter(|d| !d.whole_line).collect();
    writeln!(
        w,
        "# Readout extracted from plain text by `readout extract`."
    )?;
    writeln!(
        w,
        "# {} from {} of text; {} dropped as not claims{}",
        count(x.readout.claims.len(), "claim"),
        count(x.lines as usize, "line"),
        count(whole.len(), "line"),
        if whole.is_empty() { "." } else { ":" }
    )?;
    for line in summary(&whole) {
        writeln!(w, "#   {line}")?;
    }
    if !partial.is_empty() {
        writeln!(w, "# Also left out, within lines:")?;
        for line in summary(&partial) {
            writeln!(w, "#   {line}")?;
        }
    }
    if !x.left_out.is_empty() {
        writeln!(
            w,
            "# The lines left out, to check that no claim is among them:"
        )?;
        for l in &x.left_out {
            writeln!(
                w,
                "#   line {} ({}): {}",
                l.line,
                l.kind.name(),
                visible(&l.text)
            )?;
        }
    }
    writeln!(
        w,
        "# Speakers and quotes are read from each sentence's wording; correct them in"
    )?;
    writeln!(
        w,
        "# place. The comments under each claim show the topic and stance compare will"
    )?;
    writeln!(
        w,
        "# detect; uncomment and edit a `topic:` or `stance:` line to override it."
    )?;
    Ok(())
}

/// "1 claim", "2 claims".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "3 editorial notes (lines 1-3)", one entry a kind, in a fixed order.
fn summary(dropped: &[&Dropped]) -> Vec<String> {
    let mut kinds: Vec<DropKind> = dropped.iter().map(|d| d.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|k| {
            let mut lines: Vec<u64> = dropped
                .iter()
                .filter(|d| d.kind == k)
                .map(|d| d.line)
                .collect();
            let count = lines.len();
            lines.dedup();
            let name = if count == 1 {
                k.name().to_string()
            } else {
                format!("{}s", k.name())
            };
            let word = if lines.len() == 1 { "line" } else { "lines" };
            format!("{count} {name} ({word} {})", ranges(&lines))
        })
        .collect()
}

/// "1-3, 7, 9-10" from sorted line numbers.
fn ranges(lines: &[u64]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1] == lines[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            lines[i].to_string()
        } else {
            format!("{}-{}", lines[i], lines[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// The comments under a claim: where it came from, what normalize found,
/// and the override lines to uncomment.
fn detected<W: Write>(w: &mut W, line: u64, n: &NormClaim, names: &[String]) -> io::Result<()> {
    let topic = match &n.topic {
        Some(t) => format!("topic {} (from {})", t.id, quote(&t.cue)),
        None => "no topic".to_string(),
    };
    let st = &n.stance;
    let mut stance = format!("stance {}", st.polarity.name());
    if st.kind != "none" {
        stance.push_str(&format!(" ({}", st.kind));
        if let Some(cue) = &st.cue {
            stance.push_str(&format!(" from {}", quote(cue)));
        }
        stance.push(')');
    }
    let voice = match &st.voice {
        Voice::Party(p) => p.clone(),
        Voice::Joint => "both sides".to_string(),
    };
    stance.push_str(&format!(", voice {voice}"));
    if let Some(t) = &st.target {
        stance.push_str(&format!(", target {t}"));
    }
    if let Some(d) = &st.denial {
        stance.push_str(&format!(", denial {}", quote(d)));
    }
    writeln!(w, "    # line {line}: {topic}; {stance}")?;
    if let Some(t) = &n.topic {
        writeln!(w, "    # topic: {}", quote(&t.id))?;
    }
    // The kind's name only where it stands for the detected polarity: a
    // negated or flipped cue ("did not welcome") is named by its polarity.
    let kind_fits = names.contains(&st.kind) && override_polarity(&st.kind) == Some(st.polarity);
    let name = if kind_fits {
        st.kind.clone()
    } else {
        st.polarity.name().to_string()
    };
    writeln!(w, "    # stance: {}", quote(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges_compress() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1-3, 7, 9-10");
        assert_eq!(ranges(&[4]), "4");
    }
}
