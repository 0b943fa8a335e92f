//! Render an [`NwayReport`] (three or more accounts) as text, JSON,
//! Markdown or HTML. Accounts are lettered A, B, C, ... in the order given;
//! a pair of accounts is written "A–B".

pub mod html;
pub mod markdown;
pub mod text;

use std::io::{self, Write};

use super::{Format, Made, Style};
use crate::classify::Verdict;
use crate::nway::{Cell, NwayReport, NwayTopic, PairVerdict};
use crate::schema::{self, Versioned};

/// How many accounts one report can compare: each is named by a letter.
pub const MAX_ACCOUNTS: usize = 26;

/// Writes `report` in `format`; `color` only affects text, `made` only HTML.
pub fn render<W: Write>(
    report: &NwayReport,
    format: Format,
    color: bool,
    made: &Made,
    out: &mut W,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(report, Style { color }, out),
        Format::Json => super::json(&Versioned::new(schema::COMPARE_N, report), out),
        Format::Markdown => markdown::render(report, out),
        Format::Html => html::render(report, made, out),
    }
}

/// The letter that names account `a`: A, B, C, ...
pub fn letter(a: usize) -> char {
    char::from(b'A' + (a % MAX_ACCOUNTS) as u8)
}

/// "A–B".
pub fn pair_name(p: &PairVerdict) -> String {
    format!("{}–{}", letter(p.accounts[0]), letter(p.accounts[1]))
}

/// A verdict's mark in the matrix: a shape that needs no color; `·` when
/// neither account speaks to the topic.
pub fn mark(v: Option<Verdict>) -> &'static str {
    v.map_or("·", super::html::mark)
}

/// "2 critical", or "—" for an account silent on the topic.
pub fn cell_summary(c: &Cell) -> String {
    match c.stance {
        Some(stance) => format!("{} {}", c.claims.len(), stance.name()),
        None => "—".to_string(),
    }
}

/// The level of the account's strongest claim on the topic ("firm"), with
/// `--intensity`; none without it or when no claim of the account counts.
pub fn cell_level(c: &Cell) -> Option<&str> {
    c.intensity.as_ref()?.as_ref().map(|s| s.name.as_str())
}

/// "2 critical · firm" (the strongest level with `--intensity`), "2
/// critical", or "—" for an account silent on the topic.
pub fn cell_words(c: &Cell) -> String {
    match cell_level(c) {
        Some(level) if c.stance.is_some() => format!("{} · {level}", cell_summary(c)),
        _ => cell_summary(c),
    }
}

/// Whether the report has intensity levels (`--intensity`).
pub fn has_intensity(report: &NwayReport) -> bool {
    report
        .topics
        .iter()
        .flat_map(|t| &t.accounts)
        .any(|c| c.intensity.is_some())
}

/// Each account's strongest level on the topic and the claim that has it,
/// for the accounts with one: "A serious (us-3), C warns (cnn-14)". None
/// without `--intensity`.
pub fn topic_levels(t: &NwayTopic) -> Option<String> {
    let parts: Vec<String> = t
        .accounts
        .iter()
        .enumerate()
        .filter_map(|(a, c)| {
            let s = c.intensity.as_ref()?.as_ref()?;
            Some(format!("{} {} ({})", letter(a), s.name, s.claim))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "omission (B is silent)", "contradiction", or "neither speaks to it".
pub fn pair_verdict_words(p: &PairVerdict) -> String {
    match (p.verdict, p.omitted_by) {
        (None, _) => "neither speaks to it".to_string(),
        (Some(v), Some(silent)) => format!("{} ({} is silent)", v.name(), letter(silent)),
        (Some(v), None) => v.name().to_string(),
    }
}

/// The meeting's title, place and date as the accounts give them: a field's
/// value, or its different values in account order ("a / b").
pub fn meeting(report: &NwayReport) -> Option<String> {
    let field = |f: fn(&crate::report::SideSummary) -> Option<&String>| {
        let mut values: Vec<&str> = Vec::new();
        for v in report.accounts.iter().filter_map(f) {
            if !values.contains(&v.as_str()) {
                values.push(v);
            }
        }
        (!values.is_empty()).then(|| values.join(" / "))
    };
    let title = field(|a| a.title.as_ref())?;
    let more: Vec<String> = [field(|a| a.place.as_ref()), field(|a| a.date.as_ref())]
        .into_iter()
        .flatten()
        .collect();
    Some(if more.is_empty() {
        title
    } else {
        format!("{title} ({})", more.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_lettered_in_order() {
        assert_eq!((letter(0), letter(2), letter(25)), ('A', 'C', 'Z'));
    }
}
