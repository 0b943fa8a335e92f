//! Sentence splitting for `statement:` text and plain-text readouts: the one
//! splitter both use. Periods after titles, abbreviations, initials and dotted
//! acronyms, decimals, and ends inside quotations are handled; paragraphs and
//! list items always start a new sentence.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// One sentence and the 1-based line of the input it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub line: u64,
    /// The sentence opens a paragraph or list item (its speaker context resets).
    pub para_start: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationFile {
    titles: Vec<String>,
    abbreviations: Vec<String>,
    numbered: Vec<String>,
    sentence_starters: Vec<String>,
}

struct Lexicon {
    titles: HashSet<String>,
    abbreviations: HashSet<String>,
    numbered: HashSet<String>,
    starters: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let file: AbbreviationFile = crate::load::yaml::built_in(
            "abbreviations",
            include_str!("../data/abbreviations.yaml"),
        );
        let set = |v: Vec<String>| v.into_iter().map(|a| a.to_lowercase()).collect();
        Lexicon {
            titles: set(file.titles),
            abbreviations: set(file.abbreviations),
            numbered: set(file.numbered),
            starters: set(file.sentence_starters),
        }
    })
}

/// What the word before a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dotted {
    /// An ordinary word: the period ends the sentence.
    Word,
    /// A title ("Gen.", "Dr."): never ends a sentence.
    Title,
    /// An abbreviation, acronym or initial: ends one only before a sentence starter.
    Abbreviation,
    /// "No.", "Art.": an abbreviation before a number, else a full stop.
    Numbered,
}

const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']'];
const OPENERS: &str = "\"'\u{201C}\u{2018}([";

/// Splits `text` into sentences. Blank lines (and lines with no word, such as
/// a lone dash), list items, and lines that end with a closing quotation mark
/// always end a sentence.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(&block.text, block.first_line, &mut out);
    }
    out
}

/// A run of lines split as one: a paragraph, or one item of a list.
struct Block {
    first_line: u64,
    /// The lines joined by '\n', list markers blanked out.
    text: String,
}

/// Text with a line of prose longer than this is not hard-wrapped: each of
/// its lines is a paragraph, as in text copied from a web page.
pub const WRAP_WIDTH: usize = 100;

/// Whether `line` is prose longer than [`WRAP_WIDTH`] (ten words or more, so
/// that a long address does not count): no hard-wrapped text has one.
pub fn beyond_wrap(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() > WRAP_WIDTH && line.split_whitespace().count() >= 10
}

/// Paragraphs (blank-line separated), cut further before each list item and
/// after each line that ends a quotation. In text that is not hard-wrapped
/// every line is a paragraph.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let unwrapped = text.lines().any(beyond_wrap);
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        // A blank line, or a rule of dashes or stars, ends a paragraph.
        if !raw.chars().any(char::is_alphanumeric) {
            out.extend(current.take());
            continue;
        }
        let (body, is_item) = match list_marker_len(raw) {
            Some(n) => (format!("{}{}", " ".repeat(n), &raw[n..]), true),
            None => (raw.to_string(), false),
        };
        match current.as_mut() {
            Some(b)
                if !unwrapped
                    && !is_item
                    && !ends_quotation(b.text.lines().last().unwrap_or("")) =>
            {
                b.text.push('\n');
                b.text.push_str(&body);
            }
            _ => {
                out.extend(current.take());
                current = Some(Block {
                    first_line: line,
                    text: body,
                });
            }
        }
    }
    out.extend(current);
    out
}

/// Byte length of a list marker and the space after it at the start of
/// `line`: bullets (`-`, `*`, `•`, ...), `1.`, `1)`, `(1)`, `a)`, `(a)`.
pub fn list_marker_len(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let marker_end = if "-*•‣◦▪●–".contains(first) {
        first.len_utf8()
    } else {
        let inner = rest.strip_prefix('(');
        let body = inner.unwrap_or(rest);
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let label =
            if (1..=3).contains(&digits) {
                digits
            } else if body.chars().next().is_some_and(|c| {
                c.is_ascii_lowercase() || (inner.is_some() && c.is_ascii_uppercase())
            }) {
                1
            } else {
                return None;
            };
        let close = body[label..].chars().next()?;
        let ok = match inner {
            Some(_) => close == ')',
            None => close == ')' || (close == '.' && digits > 0),
        };
        if !ok {
            return None;
        }
        usize::from(inner.is_some()) + label + 1
    };
    let after = &rest[marker_end..];
    let space = after.len() - after.trim_start().len();
    // A marker is followed by space and then text.
    (space > 0 && !after.trim().is_empty()).then_some(indent + marker_end + space)
}

/// Whether a line's last visible character closes a quotation.
fn ends_quotation(line: &str) -> bool {
    let t = line.trim_end();
    let mut rev = t.chars().rev();
    match rev.next() {
        Some('\u{201D}') => true,
        // A straight quote closes when it follows a word or punctuation.
        Some('"') => {
            rev.next().is_some_and(|c| !c.is_whitespace())
                && t.matches('"').count().is_multiple_of(2)
        }
        _ => false,
    }
}

fn split_block(para: &str, first_line: u64, out: &mut Vec<Sentence>) {
    let mut start = 0usize;
    let mut first = true;
    for end in sentence_ends(para) {
        if push(para, start, end, first_line, first, out) {
            first = false;
        }
        start = end;
    }
}

/// Byte offsets where the sentences of one paragraph end (the last is `para.len()`).
fn sentence_ends(para: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut ends = Vec::new();
    let mut i = 0usize;
    while i < chars.len() {
        if matches!(chars[i].1, '.' | '!' | '?') {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                j += 1;
            }
            if ends_here(para, &chars, i, j) {
                ends.push(chars.get(j).map_or(para.len(), |(b, _)| *b));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if ends.last() != Some(&para.len()) {
        ends.push(para.len());
    }
    ends
}

/// Byte offset where the last sentence of `text` starts: where an unfinished
/// sentence at the end of a truncated text begins.
pub fn last_sentence_start(text: &str) -> usize {
    let ends = sentence_ends(text);
    match ends.len() {
        0 | 1 => 0,
        n => ends[n - 2],
    }
}

/// Whether the terminator at char `i` (closers up to `j`) ends a sentence.
fn ends_here(para: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let rest = &chars[j..];
    let Some(&(_, next)) = rest.iter().find(|(_, c)| !c.is_whitespace()) else {
        return true; // end of the paragraph
    };
    if !rest.first().is_some_and(|(_, c)| c.is_whitespace()) {
        return false; // "3.5", "U.S.-China", "...)"
    }
    let starts = next.is_uppercase() || next.is_numeric() || OPENERS.contains(next);
    if !starts {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    match dotted(para, chars[i].0) {
        Dotted::Word => true,
        Dotted::Title => false,
        Dotted::Numbered => !next.is_numeric(),
        Dotted::Abbreviation => {
            let word: String = rest
                .iter()
                .map(|(_, c)| *c)
                .skip_while(|c| c.is_whitespace() || OPENERS.contains(*c))
                .take_while(|c| c.is_alphabetic())
                .collect();
            lexicon().starters.contains(&word.to_lowercase())
        }
    }
}

/// What the word ending at the period at byte `dot` is.
fn dotted(para: &str, dot: usize) -> Dotted {
    let before = &para[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() || !word.chars().any(char::is_alphabetic) {
        return Dotted::Word; // "...", "3."
    }
    // Dotted acronyms (U.S., P.R.C., e.g) and single-letter initials (J.).
    if word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
    {
        return Dotted::Abbreviation;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return Dotted::Abbreviation;
    }
    let lower = word.to_lowercase();
    let lex = lexicon();
    if lex.titles.contains(&lower) {
        Dotted::Title
    } else if lex.numbered.contains(&lower) {
        Dotted::Numbered
    } else if lex.abbreviations.contains(&lower) {
        Dotted::Abbreviation
    } else {
        Dotted::Word
    }
}

/// Adds the sentence `para[start..end]` unless it has no word in it; says whether it did.
fn push(
    para: &str,
    start: usize,
    end: usize,
    first_line: u64,
    para_start: bool,
    out: &mut Vec<Sentence>,
) -> bool {
    let raw = &para[start..end];
    if !raw.chars().any(char::is_alphanumeric) {
        return false; // a lone dash, quote mark or bullet is not a sentence
    }
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = raw.len() - raw.trim_start().len();
    let line = first_line + para[..start + lead].matches('\n').count() as u64;
    out.push(Sentence {
        text,
        line,
        para_start,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn titles_acronyms_and_months_do_not_split() {
        assert_eq!(
            texts(
                "Maj. Gen. Pat Ryder said the U.S. side met Adm. Dong on Dec. 3. The P.R.C. replied."
            ),
            [
                "Maj. Gen. Pat Ryder said the U.S. side met Adm. Dong on Dec. 3.",
                "The P.R.C. replied."
            ]
        );
        assert_eq!(
            texts("Lt. Gen. Smith, Sec. Blinken, Dr. Li and Mr. Wang met U.N. staff in Jan. 2024."),
            ["Lt. Gen. Smith, Sec. Blinken, Dr. Li and Mr. Wang met U.N. staff in Jan. 2024."]
        );
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_a_starter() {
        assert_eq!(
            texts(
                "He met officials of the U.S. The two sides agreed. They met U.S. Navy officers."
            ),
            [
                "He met officials of the U.S.",
                "The two sides agreed.",
                "They met U.S. Navy officers."
            ]
        );
    }

    #[test]
    fn initials_and_numbered_abbreviations() {
        assert_eq!(
            texts("Lloyd J. Austin III met him. Resolution No. 2231 stands."),
            [
                "Lloyd J. Austin III met him.",
                "Resolution No. 2231 stands."
            ]
        );
        assert_eq!(
            texts("He said no. Then he left."),
            ["He said no.", "Then he left."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            texts("It costs 3.5 billion. ok then."),
            ["It costs 3.5 billion. ok then."]
        );
        assert_eq!(
            texts("Trade grew 4.2 percent. Exports rose."),
            ["Trade grew 4.2 percent.", "Exports rose."]
        );
    }

    #[test]
    fn quotations_keep_their_end_inside_or_outside() {
        assert_eq!(
            texts("He said \"we will act.\" Then he left. Did he? Yes!"),
            [
                "He said \"we will act.\"",
                "Then he left.",
                "Did he?",
                "Yes!"
            ]
        );
        assert_eq!(
            texts(
                "He called it \u{201C}a mistake\u{201D}. China agreed. \u{201C}Will you?\u{201D} he asked."
            ),
            [
                "He called it \u{201C}a mistake\u{201D}.",
                "China agreed.",
                "\u{201C}Will you?\u{201D} he asked."
            ]
        );
        assert_eq!(
            texts("\u{2018}No,\u{2019} she said. \"Fine,\" he replied."),
            ["\u{2018}No,\u{2019} she said.", "\"Fine,\" he replied."]
        );
    }

    #[test]
    fn lines_ending_a_quotation_end_the_sentence() {
        assert_eq!(
            texts(
                "\"Conflict is in no one's interest,\"\n\"The world is not tranquil,\"\nwrapped\nline."
            ),
            [
                "\"Conflict is in no one's interest,\"",
                "\"The world is not tranquil,\"",
                "wrapped line."
            ]
        );
    }

    #[test]
    fn em_dashes_and_ellipses() {
        assert_eq!(
            texts(
                "Navigation \u{2014} especially in the South China Sea \u{2014} matters. Wait\u{2026} no.\n\u{2014}\nNext one."
            ),
            [
                "Navigation \u{2014} especially in the South China Sea \u{2014} matters.",
                "Wait\u{2026} no.",
                "Next one."
            ]
        );
        assert_eq!(
            texts("He said ... \"It ended.\""),
            ["He said ...", "\"It ended.\""]
        );
    }

    #[test]
    fn blank_lines_split_and_lines_are_counted() {
        let s = split("First line\n\nSecond. Third.");
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].line, s[1].line, s[2].line), (1, 3, 3));
        assert_eq!(
            (s[0].para_start, s[1].para_start, s[2].para_start),
            (true, true, false)
        );
    }

    #[test]
    fn list_items_are_sentences_without_their_markers() {
        let s = split(
            "The two sides agreed to:\n- resume talks\n  between commanders\n* keep channels open\n2. meet again\n(b) review progress",
        );
        let t: Vec<_> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "The two sides agreed to:",
                "resume talks between commanders",
                "keep channels open",
                "meet again",
                "review progress"
            ]
        );
        assert_eq!(s[3].line, 5);
        assert!(s.iter().all(|s| s.para_start));
    }

    #[test]
    fn long_lines_mean_each_line_is_a_paragraph() {
        let long = "word ".repeat(WRAP_WIDTH / 4);
        let s = split(&format!(
            "A {long} line (with a note)\nAnother line here.\n"
        ));
        assert_eq!(s.len(), 2);
        assert!(s[1].para_start);
        assert_eq!(
            texts("A short wrapped\nline here."),
            ["A short wrapped line here."]
        );
        // A long address is not prose: the text may still be wrapped.
        let address = format!("https://example.gov/{}", "x".repeat(WRAP_WIDTH));
        assert_eq!(texts(&format!("See {address}\nwrapped\nline.")).len(), 1);
    }

    #[test]
    fn last_sentence_start_finds_the_unfinished_one() {
        let t = "Brown met Liu. In January, senior U.S. and Chinese officials b";
        assert_eq!(
            &t[last_sentence_start(t)..],
            " In January, senior U.S. and Chinese officials b"
        );
        assert_eq!(last_sentence_start("Only one"), 0);
    }

    #[test]
    fn list_markers_are_recognised_narrowly() {
        assert_eq!(list_marker_len("- item"), Some(2));
        assert_eq!(list_marker_len("  12) item"), Some(6));
        assert_eq!(list_marker_len("(A) item"), Some(4));
        assert_eq!(list_marker_len("a. item"), None);
        assert_eq!(list_marker_len("2024 was a year"), None);
        assert_eq!(list_marker_len("-"), None);
        assert_eq!(list_marker_len("\u{2014} dash"), None);
    }
}
