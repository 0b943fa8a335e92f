//! Claims for data tools: every normalized claim of a set of readouts as one
//! flat row, written as JSON lines or CSV for DuckDB, pandas or a notebook.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::normalize::NormReadout;
use crate::normalize::cues::Polarity;
use crate::render::escape::{is_unsafe, visible, write_json_fragment};
use crate::schema::{self, Versioned};

/// One claim with the readout it came from. Field names are a contract:
/// fields are added, never renamed or dropped. The claim fields are named as
/// in the comparison report's claims.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ClaimRow {
    /// The readout file, as the user named it (`-` for standard input).
    pub file: String,
    /// The side whose account it is, canonical ("U.S." → "United States").
    pub side: String,
    /// `meeting.date`, else `source.published`.
    pub date: Option<String>,
    pub id: String,
    pub speaker: Option<String>,
    /// The topic id normalize tagged the claim with; none when no topic was found.
    pub topic: Option<String>,
    pub stance: Polarity,
    pub stance_kind: String,
    /// The stance cue words as they appear in the claim.
    pub stance_cue: Option<String>,
    pub text: String,
    /// How hard the claim words its position: none, notes, hopes, presses,
    /// serious, firm or warns (docs/intensity.md). After `text`, so that
    /// CSV columns read by position keep their place.
    pub intensity: String,
    /// The same level as a number, 0 (none) to 6 (warns), for ordering.
    pub intensity_level: u8,
}

/// The rows of one normalized readout, in file order.
pub fn rows(r: &NormReadout) -> impl Iterator<Item = ClaimRow> + '_ {
    let date = r
        .readout
        .meeting
        .date
        .clone()
        .or_else(|| r.readout.source.published.clone());
    r.claims.iter().map(move |c| {
        let intensity = crate::intensity::measure(&c.text, c.stance.polarity, &c.stance.kind);
        ClaimRow {
            file: r.readout.origin.clone(),
            side: r.side.clone(),
            date: date.clone(),
            id: c.id.clone(),
            speaker: c.speaker.clone(),
            topic: c.topic.as_ref().map(|t| t.id.clone()),
            stance: c.stance.polarity,
            stance_kind: c.stance.kind.clone(),
            stance_cue: c.stance.cue.clone(),
            text: c.text.clone(),
            intensity: intensity.name,
            intensity_level: intensity.level,
        }
    })
}

/// One JSON object a line, its schema identifier first. Characters a terminal would obey are `\u` escapes,
/// so the lines decode to exactly the claims' text.
pub fn write_jsonl<W: Write>(rows: &[ClaimRow], out: &mut W) -> io::Result<()> {
    for row in rows {
        let mut ser = serde_json::Serializer::with_formatter(&mut *out, JsonLineFormatter);
        Versioned::new(schema::CLAIM, row)
            .serialize(&mut ser)
            .map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}

/// serde_json's compact layout with the terminal-safe string escapes.
struct JsonLineFormatter;

impl serde_json::ser::Formatter for JsonLineFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_json_fragment(w, fragment)
    }
}

/// The CSV header: the JSON field names after `schema`, in order.
pub const CSV_HEADER: [&str; 12] = [
    "file",
    "side",
    "date",
    "id",
    "speaker",
    "topic",
    "stance",
    "stance_kind",
    "stance_cue",
    "text",
    "intensity",
    "intensity_level",
];

/// A header row, then one row a claim (RFC 4180: CRLF line ends, a field
/// with a comma, quote or line break quoted, quotes doubled). An absent
/// value is an empty field.
pub fn write_csv<W: Write>(rows: &[ClaimRow], out: &mut W) -> io::Result<()> {
    write_record(out, CSV_HEADER)?;
    for r in rows {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        write_record(
            out,
            [
                r.file.clone(),
                r.side.clone(),
                opt(&r.date),
                r.id.clone(),
                opt(&r.speaker),
                opt(&r.topic),
                r.stance.name().to_string(),
                r.stance_kind.clone(),
                opt(&r.stance_cue),
                r.text.clone(),
                r.intensity.clone(),
                r.intensity_level.to_string(),
            ],
        )?;
    }
    Ok(())
}

fn write_record<W: Write, S: AsRef<str>>(
    out: &mut W,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(csv_field(f.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// One CSV field. A line break inside a claim is kept (quoted); any other
/// character a terminal would obey is shown as an escape (`\x1b`), as the
/// text report does, since CSV has no escapes of its own.
fn csv_field(s: &str) -> String {
    let safe: String = if s.chars().any(|c| is_unsafe(c) && c != '\n') {
        s.split('\n').map(visible).collect::<Vec<_>>().join("\n")
    } else {
        s.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("plain text"), "plain text");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("back\\slash"), "back\\slash");
    }

    #[test]
    fn csv_fields_show_terminal_controls_as_escapes() {
        assert_eq!(csv_field("a\u{1b}[31mb\nc"), "\"a\\x1b[31mb\nc\"");
        assert_eq!(csv_field("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn json_lines_escape_controls_and_decode_to_the_text() {
        let row = ClaimRow {
            file: "f.yaml".into(),
            side: "China".into(),
            date: None,
            id: "1".into(),
            speaker: None,
            topic: Some("taiwan".into()),
            stance: Polarity::Critical,
            stance_kind: "concern".into(),
            stance_cue: None,
            text: "a\u{1b}b \"q\"\nc".into(),
            intensity: "presses".into(),
            intensity_level: 3,
        };
        let mut out = Vec::new();
        write_jsonl(std::slice::from_ref(&row), &mut out).expect("writes");
        let line = String::from_utf8(out).expect("utf-8");
        assert!(line.ends_with("}\n") && line.matches('\n').count() == 1);
        assert!(line.contains("a\\u001bb"));
        let back: serde_json::Value = serde_json::from_str(&line).expect("json");
        assert_eq!(back["text"], row.text);
        assert_eq!(back["stance"], "critical");
        assert!(back["date"].is_null());
    }
}
