//! Sentence splitting for `statement:` text and plain-text readouts: periods
//! after abbreviations, initials and dotted acronyms, and periods inside
//! quotations, do not end a sentence.

use serde::Deserialize;
use std::sync::OnceLock;

/// One sentence and the 1-based line of the input it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub line: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationFile {
    abbreviations: Vec<String>,
}

fn abbreviations() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let file: AbbreviationFile = crate::load::yaml::parse(
            "built-in abbreviations",
            include_str!("../data/abbreviations.yaml"),
            Default::default(),
        )
        .expect("the built-in abbreviation list is valid YAML");
        file.abbreviations
            .into_iter()
            .map(|a| a.to_lowercase())
            .collect()
    })
}

const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']'];

/// Splits `text` into sentences. Blank lines always end a sentence.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line = 1u64;
    for para in paragraphs(text) {
        let (para_line, para) = para;
        line = line.max(para_line);
        split_paragraph(para, para_line, &mut out);
    }
    out
}

/// Paragraphs separated by blank lines, each with its first line number.
fn paragraphs(text: &str) -> Vec<(u64, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(u64, usize)> = None;
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let blank = raw.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some((i as u64 + 1, offset)),
            (true, Some((l, s))) => {
                out.push((l, &text[s..offset]));
                start = None;
            }
            _ => {}
        }
        offset += raw.len();
    }
    if let Some((l, s)) = start {
        out.push((l, &text[s..]));
    }
    out
}

fn split_paragraph(para: &str, first_line: u64, out: &mut Vec<Sentence>) {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                j += 1;
            }
            let at_end = j >= chars.len() || chars[j..].iter().all(|(_, c)| c.is_whitespace());
            let next_starts = chars.get(j).is_some_and(|(_, c)| c.is_whitespace())
                && chars[j..]
                    .iter()
                    .find(|(_, c)| !c.is_whitespace())
                    .is_some_and(|(_, n)| {
                        n.is_uppercase() || n.is_numeric() || "\"'\u{201C}\u{2018}(".contains(*n)
                    });
            if (at_end || next_starts) && !(c == '.' && is_abbreviation(para, chars[i].0)) {
                let end = chars.get(j).map_or(para.len(), |(b, _)| *b);
                push(para, start, end, first_line, out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(para, start, para.len(), first_line, out);
}

/// Whether the period at byte `dot` closes an abbreviation rather than a sentence.
fn is_abbreviation(para: &str, dot: usize) -> bool {
    let before = &para[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Dotted acronyms (U.S., P.R.C.) and single-letter initials (J.).
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    abbreviations().iter().any(|a| *a == lower)
}

fn push(para: &str, start: usize, end: usize, first_line: u64, out: &mut Vec<Sentence>) {
    let raw = &para[start..end];
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let line = first_line + para[..start + lead].matches('\n').count() as u64;
    out.push(Sentence { text, line });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn abbreviations_and_acronyms_do_not_split() {
        assert_eq!(
            texts(
                "Maj. Gen. Pat Ryder said the U.S. side met Adm. Dong on Dec. 3. The P.R.C. replied."
            ),
            [
                "Maj. Gen. Pat Ryder said the U.S. side met Adm. Dong on Dec. 3.",
                "The P.R.C. replied."
            ]
        );
    }

    #[test]
    fn quotations_keep_their_end() {
        assert_eq!(
            texts("He said \"we will act.\" Then he left. Did he? Yes!"),
            [
                "He said \"we will act.\"",
                "Then he left.",
                "Did he?",
                "Yes!"
            ]
        );
    }

    #[test]
    fn blank_lines_split_and_lines_are_counted() {
        let s = split("First line\n\nSecond. Third.");
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].line, s[1].line, s[2].line), (1, 3, 3));
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            texts("It costs 3.5 billion. ok then."),
            ["It costs 3.5 billion. ok then."]
        );
    }
}
