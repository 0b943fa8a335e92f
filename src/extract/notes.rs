//! Editorial notes: bracketed text that is the editor's, not the readout's
//! ("[NOTE: ...]", "[...TRUNCATED...]"), told apart from insertions that
//! belong to the sentence ("[Austin] underscored").

use super::boilerplate::{DropKind, Lexicon};
use crate::normalize::sentences::last_sentence_start;

/// Marks lines that are wholly a bracketed note: a `[` opening a line whose
/// matching `]` ends a line, possibly several lines further.
pub(super) fn bracket_blocks(lines: &[String], gone: &mut [Option<DropKind>]) {
    const MAX_SPAN: usize = 60;
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with('[') {
            i += 1;
            continue;
        }
        let mut depth = 0i32;
        let mut end = None;
        'scan: for (j, line) in lines.iter().enumerate().skip(i).take(MAX_SPAN) {
            let body = if j == i {
                line.trim_start()
            } else {
                line.as_str()
            };
            for (k, c) in body.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            if body[k + 1..].trim().is_empty() {
                                end = Some(j);
                            }
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
        match end {
            Some(j) => {
                for g in &mut gone[i..=j] {
                    *g = Some(DropKind::Note);
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

/// Removes bracketed notes inside `line`, and the unfinished sentence before
/// a note that ends the line; returns what it removed.
pub(super) fn inline_notes(line: &mut String, lex: &Lexicon) -> Vec<DropKind> {
    let mut removed = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|i| i + from) {
        let Some(close) = matching_bracket(&line[open..]).map(|i| i + open) else {
            break;
        };
        if !is_note(&line[open + 1..close], lex) {
            from = close + 1;
            continue;
        }
        removed.push(DropKind::Note);
        let after = &line[close + 1..];
        let at_end = after
            .chars()
            .all(|c| c.is_whitespace() || "\"'\u{201D}\u{2019})".contains(c));
        let before = line[..open].trim_end();
        let finished = before.is_empty() || ends_sentence(before);
        if at_end && !finished {
            // The text stops mid-sentence: drop the unfinished sentence too.
            let cut = last_sentence_start(&line[..open]);
            let len = line[cut..].chars().count();
            line.replace_range(cut.., &" ".repeat(len));
            removed.push(DropKind::Truncated);
            break;
        }
        let len = line[open..=close].chars().count();
        line.replace_range(open..=close, &" ".repeat(len));
        from = open + len;
    }
    removed
}

/// Whether `text` ends with sentence-closing punctuation (quotes allowed after it).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?'])
}

/// Byte offset of the `]` matching the `[` that `s` starts with.
fn matching_bracket(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether bracketed `content` is an editorial note rather than an insertion.
fn is_note(content: &str, lex: &Lexicon) -> bool {
    let t = content.trim();
    if t.starts_with("...") || t.starts_with('\u{2026}') {
        return true;
    }
    // Words as written ("Rubio's" is one), and their letters for the note words.
    let written = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let is_note_word = |w: &str| lex.note_words.iter().any(|n| n == &w.to_lowercase());
    written > lex.insertion_max_words || t.split(|c: char| !c.is_alphanumeric()).any(is_note_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_match_with_nesting() {
        assert_eq!(matching_bracket("[a [b] c] d"), Some(8));
        assert_eq!(matching_bracket("[open"), None);
    }

    #[test]
    fn notes_and_insertions() {
        let lex = Lexicon::get();
        assert!(is_note("...TRUNCATED...", lex));
        assert!(is_note("\u{2026}", lex));
        assert!(is_note("Paraphrase, Epoch Times", lex));
        assert!(is_note("one two three four five", lex));
        assert!(!is_note("Austin", lex));
        assert!(!is_note("China's", lex));
        assert!(!is_note("Hegseth's and Rubio's", lex));
    }

    #[test]
    fn whole_line_blocks_need_the_bracket_to_close_a_line() {
        let lines: Vec<String> = ["[NOTE: a", "b]", "[Austin] spoke.", "[x] y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut gone = vec![None; lines.len()];
        bracket_blocks(&lines, &mut gone);
        assert_eq!(
            gone,
            [Some(DropKind::Note), Some(DropKind::Note), None, None]
        );
    }

    #[test]
    fn sentence_ends_allow_closing_quotes() {
        assert!(ends_sentence("He left.\""));
        assert!(ends_sentence("Did he?)"));
        assert!(!ends_sentence("relations b"));
    }
}
