//! Render: write a [`Report`] as text for the terminal, JSON, Markdown or HTML.
//! Renderers write to the `W: Write` they are given; the library never prints.

pub mod agenda;
pub mod diff;
pub mod escape;
pub mod html;
pub mod intensity;
pub mod made;
pub mod markdown;
pub mod nway;
pub mod style;
pub mod text;

use std::io::{self, Write};

use crate::classify::{Relation, Verdict};
use crate::report::{Report, SideSummary};
use crate::schema::{self, Versioned};
pub use made::Made;
pub use style::Style;

/// Output formats of `compare` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Grouped by topic, colored by verdict, for reading in a terminal.
    #[default]
    Text,
    /// The JSON report (a stable contract; see docs/json.md).
    Json,
    /// Markdown, for pasting into a brief.
    Markdown,
    /// A standalone HTML page.
    Html,
}

impl Format {
    /// The format a report file's extension names: `.json`, `.md` or
    /// `.markdown`, `.html` or `.htm` (in any case); none for others.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = std::path::Path::new(path).extension()?.to_str()?;
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Writes `report` in `format`; `color` only affects text, and `made` (the
/// version and time the page names) only HTML.
pub fn render<W: Write>(
    report: &Report,
    format: Format,
    color: bool,
    made: &Made,
    out: &mut W,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(report, Style { color }, out),
        Format::Json => json(&Versioned::new(schema::COMPARE, report), out),
        Format::Markdown => markdown::render(report, out),
        Format::Html => html::render(report, made, out),
    }
}

/// Pretty JSON of any serializable report, with a final newline. serde_json
/// escapes C0 controls; [`escape::JsonFormatter`] escapes the rest that a
/// terminal would act on.
pub fn json<W: Write, T: serde::Serialize>(value: &T, out: &mut W) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, escape::JsonFormatter::default());
    value.serialize(&mut ser).map_err(io::Error::other)?;
    writeln!(out)
}

/// "United States (Department of Defense, 2024-05-31)".
pub fn side_name(s: &SideSummary) -> String {
    let extra: Vec<&str> = [s.issuer.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if extra.is_empty() {
        s.side.clone()
    } else {
        format!("{} ({})", s.side, extra.join(", "))
    }
}

/// What a report compares: "United States (...) vs China (...)", or
/// "United States (...) vs itself" when LEFT and RIGHT are one file.
pub fn title(report: &Report) -> String {
    if report.same_file {
        format!("{} vs itself", side_name(&report.left))
    } else {
        format!(
            "{} vs {}",
            side_name(&report.left),
            side_name(&report.right)
        )
    }
}

/// Said under the title of a report whose LEFT and RIGHT are one file.
pub const SAME_FILE_NOTE: &str =
    "LEFT and RIGHT are the same file: each claim is listed once, and a file agrees with itself.";

/// The verdict as a fixed-width heading: "CONTRADICTION".
pub fn verdict_heading(v: Verdict) -> String {
    format!("{:<13}", v.name().to_uppercase())
}

pub fn relation_name(r: Relation) -> &'static str {
    Verdict::from(r).name()
}

/// For an omission whose silent side still touches on the topic in claims
/// filed elsewhere: "us-2 touches on it elsewhere".
pub fn touched_note(touched: &[String]) -> Option<String> {
    match touched {
        [] => None,
        [one] => Some(format!("{one} touches on it elsewhere")),
        many => Some(format!("{} touch on it elsewhere", many.join(", "))),
    }
}

/// "1 agreement", "3 contradictions".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_files_extension_names_its_format() {
        assert_eq!(Format::from_path("report.html"), Some(Format::Html));
        assert_eq!(Format::from_path("out/Brief.HTM"), Some(Format::Html));
        assert_eq!(Format::from_path("report.md"), Some(Format::Markdown));
        assert_eq!(Format::from_path("report.markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_path("report.json"), Some(Format::Json));
        assert_eq!(Format::from_path("report.txt"), None);
        assert_eq!(Format::from_path("report"), None);
        assert_eq!(Format::from_path("-"), None);
        assert_eq!(Format::from_path("html"), None);
    }
}
