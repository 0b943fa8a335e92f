//! What is not a claim: editorial notes (see `notes`), headlines, datelines, captions,
//! share and link lines, labels and lead-ins, found line by line and blanked
//! out so that line numbers survive for the sentence splitter.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use super::notes::{bracket_blocks, ends_sentence, inline_notes};
use crate::normalize::sentences::{beyond_wrap, list_marker_len};

/// Why a piece of text was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropKind {
    /// A bracketed editorial note ("[...TRUNCATED...]", "[NOTE: ...]").
    Note,
    /// A headline or subheadline.
    Headline,
    /// A "Readout of ..." title.
    Title,
    /// Press-release furniture: "Immediate Release", "Published on ...".
    Release,
    /// A dateline ("BEIJING, June 19 (Xinhua) --").
    Dateline,
    /// A photo caption or credit.
    Caption,
    /// Share buttons, related links, lines that are mostly addresses.
    Link,
    /// An all-capitals label line ("STATUS: ...").
    Label,
    /// A line introducing what follows ("... provided the following readout:").
    LeadIn,
    /// A rule of `===`, `---` and the like.
    Separator,
    /// An unfinished sentence cut off where the text was truncated.
    Truncated,
    /// A sentence too short to be a claim.
    Fragment,
}

impl DropKind {
    /// The name used in data files and in the output's comments.
    pub fn name(self) -> &'static str {
        match self {
            DropKind::Note => "editorial note",
            DropKind::Headline => "headline",
            DropKind::Title => "title",
            DropKind::Release => "press-release line",
            DropKind::Dateline => "dateline",
            DropKind::Caption => "caption",
            DropKind::Link => "share or link line",
            DropKind::Label => "label line",
            DropKind::LeadIn => "lead-in line",
            DropKind::Separator => "separator",
            DropKind::Truncated => "truncated sentence",
            DropKind::Fragment => "fragment",
        }
    }
}

/// One thing left out, and the 1-based line it was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dropped {
    pub line: u64,
    pub kind: DropKind,
    /// The whole line went (rather than a part of it).
    pub whole_line: bool,
}

/// The text with everything that is not a claim blanked out, line for line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub dropped: Vec<Dropped>,
    /// Who gave the readout, named by a lead-in line, and that line.
    pub spokesperson: Option<(String, u64)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    kind: DropKind,
    pattern: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    lines: Vec<PatternFile>,
    prefixes: Vec<PatternFile>,
    spokesperson: Vec<String>,
    link_line_max_words: usize,
    note_words: Vec<String>,
    insertion_max_words: usize,
    title_small_words: Vec<String>,
    min_claim_words: usize,
}

/// The compiled boilerplate lexicon.
pub struct Lexicon {
    lines: Vec<(DropKind, Regex)>,
    prefixes: Vec<(DropKind, Regex)>,
    spokesperson: Vec<Regex>,
    link_line_max_words: usize,
    pub(super) note_words: Vec<String>,
    pub(super) insertion_max_words: usize,
    title_small_words: Vec<String>,
    /// Sentences with fewer words are fragments.
    pub min_claim_words: usize,
}

impl Lexicon {
    /// The built-in lexicon, compiled once.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let file: BoilerplateFile = crate::load::yaml::built_in(
                "boilerplate patterns",
                include_str!("../data/boilerplate.yaml"),
            );
            let compile = |list: Vec<PatternFile>| {
                list.into_iter()
                    .map(|p| {
                        (
                            p.kind,
                            Regex::new(&p.pattern)
                                .expect("the built-in boilerplate patterns compile"),
                        )
                    })
                    .collect()
            };
            Lexicon {
                lines: compile(file.lines),
                prefixes: compile(file.prefixes),
                spokesperson: file
                    .spokesperson
                    .iter()
                    .map(|p| Regex::new(p).expect("the built-in spokesperson patterns compile"))
                    .collect(),
                link_line_max_words: file.link_line_max_words,
                note_words: file.note_words,
                insertion_max_words: file.insertion_max_words,
                title_small_words: file.title_small_words,
                min_claim_words: file.min_claim_words,
            }
        })
    }
}

/// Blanks out of `text` everything that is not a claim; the result has the
/// same lines, so sentence line numbers still point into the input.
pub fn clean(text: &str) -> Cleaned {
    let lex = Lexicon::get();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut gone: Vec<Option<DropKind>> = vec![None; lines.len()];
    let mut dropped = Vec::new();
    let mut spokesperson = None;

    bracket_blocks(&lines, &mut gone);
    for (i, line) in lines.iter_mut().enumerate() {
        if gone[i].is_some() {
            continue;
        }
        let n = i as u64 + 1;
        for kind in inline_notes(line, lex) {
            dropped.push(Dropped {
                line: n,
                kind,
                whole_line: false,
            });
        }
        for (kind, re) in &lex.prefixes {
            let indent = line.len() - line.trim_start().len();
            if let Some(m) = re.find(&line[indent..]) {
                let (a, b) = (indent + m.start(), indent + m.end());
                line.replace_range(a..b, &" ".repeat(line[a..b].chars().count()));
                dropped.push(Dropped {
                    line: n,
                    kind: *kind,
                    whole_line: false,
                });
            }
        }
        gone[i] = line_kind(line, lex);
        if gone[i] == Some(DropKind::LeadIn) && spokesperson.is_none() {
            spokesperson = named_spokesperson(line, lex).map(|name| (name, n));
        }
    }
    headlines(&lines, &mut gone, lex);

    for (i, kind) in gone.iter().enumerate() {
        if let Some(kind) = kind {
            lines[i].clear();
            dropped.push(Dropped {
                line: i as u64 + 1,
                kind: *kind,
                whole_line: true,
            });
        }
    }
    dropped.sort_by_key(|d| (d.line, d.kind));
    Cleaned {
        text: lines.join("\n"),
        dropped,
        spokesperson,
    }
}

/// The spokesperson a lead-in line names ("Pentagon Press Secretary Pat
/// Ryder provided the following readout:").
fn named_spokesperson(line: &str, lex: &Lexicon) -> Option<String> {
    let line = line.trim();
    lex.spokesperson.iter().find_map(|re| {
        let name = re.captures(line)?.name("name")?.as_str().trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

/// The kind of a whole line that is not a claim, judged on the line alone.
fn line_kind(line: &str, lex: &Lexicon) -> Option<DropKind> {
    let body = match list_marker_len(line) {
        Some(n) => &line[n..],
        None => line,
    }
    .trim();
    if body.is_empty() {
        return None;
    }
    if let Some((kind, _)) = lex.lines.iter().find(|(_, re)| re.is_match(body)) {
        return Some(*kind);
    }
    if has_address(body) {
        let rest: String = body
            .split_whitespace()
            .filter(|w| !is_address(w))
            .collect::<Vec<_>>()
            .join(" ");
        let words = rest
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words <= lex.link_line_max_words || !ends_sentence(&rest) {
            return Some(DropKind::Link);
        }
    }
    None
}

fn has_address(s: &str) -> bool {
    s.split_whitespace().any(is_address)
}

fn is_address(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[', '<', '"']);
    w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
}

/// The most words a headline has. News headlines and subheadlines run to a
/// dozen or so words; a line longer than this that ends without punctuation
/// is a sentence whose period went missing in the copy, so it stays a claim.
pub const HEADLINE_MAX_WORDS: usize = 20;

/// Marks headlines: a line of at most `HEADLINE_MAX_WORDS` words that ends
/// with no punctuation, opens its paragraph, and stands alone or is in title
/// case. In text that is not hard-wrapped every line is a paragraph of its
/// own, so stands alone.
fn headlines(lines: &[String], gone: &mut [Option<DropKind>], lex: &Lexicon) {
    let unwrapped = lines
        .iter()
        .zip(gone.iter())
        .any(|(l, g)| g.is_none() && beyond_wrap(l));
    let blank = |gone: &[Option<DropKind>], i: usize| {
        unwrapped || gone[i].is_some() || lines[i].trim().is_empty()
    };
    for i in 0..lines.len() {
        if gone[i].is_some() || lines[i].trim().is_empty() || list_marker_len(&lines[i]).is_some() {
            continue;
        }
        let text = lines[i].trim();
        if !text.chars().last().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words > HEADLINE_MAX_WORDS {
            continue;
        }
        let opens = i == 0 || blank(gone, i - 1);
        let alone = i + 1 >= lines.len() || blank(gone, i + 1);
        if opens && (alone || title_case(text, lex)) {
            gone[i] = Some(DropKind::Headline);
        }
    }
}

/// Whether every word but the small ones starts with a capital or a digit.
fn title_case(text: &str, lex: &Lexicon) -> bool {
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let first = w.chars().find(|c| c.is_alphanumeric());
            first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || lex
                    .title_small_words
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(u64, DropKind)> {
        clean(text)
            .dropped
            .iter()
            .map(|d| (d.line, d.kind))
            .collect()
    }

    #[test]
    fn multi_line_bracket_notes_go_whole() {
        let c = clean("[NOTE: the release\n was not stored.]\nChina agreed.\n");
        assert_eq!(c.text, "\n\nChina agreed.");
        assert_eq!(
            kinds("[NOTE: a\nb]\nChina agreed."),
            [(1, DropKind::Note), (2, DropKind::Note)]
        );
    }

    #[test]
    fn insertions_stay_and_notes_go_inside_lines() {
        let c = clean(
            "\"[Austin] urged [China] to act,\" he said [paraphrase of the readout, not verbatim] today.",
        );
        assert_eq!(
            c.text.split_whitespace().collect::<Vec<_>>().join(" "),
            "\"[Austin] urged [China] to act,\" he said today."
        );
        assert_eq!(kinds("He said [per the editor] so."), [(1, DropKind::Note)]);
    }

    #[test]
    fn truncation_note_takes_the_unfinished_sentence() {
        let c = clean("Wang met Blinken. Talks covered b[...TRUNCATED...]");
        assert_eq!(c.text.trim_end(), "Wang met Blinken.");
        assert_eq!(
            kinds("The Secretary r[...TRUNCATED in stored copy...]"),
            [(1, DropKind::Note), (1, DropKind::Truncated)]
        );
        // A note after a finished sentence takes nothing with it.
        assert_eq!(
            clean("Wang met Blinken. [...TRUNCATED...]").text.trim_end(),
            "Wang met Blinken."
        );
    }

    #[test]
    fn datelines_are_cut_from_the_line() {
        for line in [
            "BEIJING, June 19 (Xinhua) -- Wang met Blinken.",
            "PHNOM PENH, Nov. 22 -- Wang met Blinken.",
            "VALLETTA, Sept. 17 (Xinhua) \u{2014} Wang met Blinken.",
            "WASHINGTON (Reuters) - Wang met Blinken.",
        ] {
            let c = clean(line);
            assert_eq!(c.text.trim(), "Wang met Blinken.", "{line}");
            assert_eq!(c.dropped[0].kind, DropKind::Dateline);
        }
        assert_eq!(clean("U.S. and China met.").dropped, []);
    }

    #[test]
    fn headlines_titles_and_release_lines() {
        let text = "Readout of Secretary Austin's Call With Admiral Dong\n\nImmediate Release\n\nAustin Meets Chinese Defense Minister for First Time\nAustin spoke with Dong today.\n\nA subhead that stands alone without punctuation\n\nPublished on April 17, 2024\n";
        assert_eq!(
            kinds(text),
            [
                (1, DropKind::Title),
                (3, DropKind::Release),
                (5, DropKind::Headline),
                (8, DropKind::Headline),
                (10, DropKind::Release)
            ]
        );
    }

    #[test]
    fn in_unwrapped_text_every_line_stands_alone() {
        let para = "Dong said that the two militaries should keep talking and build trust, step by step, on the basis of equality.";
        let text = format!(
            "Chinese defense minister holds video call with US counterpart\n{para}\nA trailing line without punctuation\n"
        );
        assert_eq!(
            kinds(&text),
            [(1, DropKind::Headline), (3, DropKind::Headline)]
        );
    }

    #[test]
    fn a_long_line_without_a_period_is_not_a_headline() {
        let long = "Secretary Austin underscored the importance of maintaining open lines of military communication between the United States and the People's Republic of China";
        assert!(long.split_whitespace().count() > HEADLINE_MAX_WORDS);
        assert_eq!(kinds(&format!("{long}\n\nAustin spoke with Dong.\n")), []);
        assert_eq!(
            kinds("Austin Meets Dong in Singapore\n\nAustin spoke with Dong.\n"),
            [(1, DropKind::Headline)]
        );
    }

    #[test]
    fn wrapped_lines_are_not_headlines() {
        assert_eq!(
            kinds("Austin spoke with Dong about the\nsituation in the Taiwan Strait.\n"),
            []
        );
    }

    #[test]
    fn captions_links_labels_lead_ins_separators() {
        let text = "Photo taken on May 31 shows the meeting\nShare this:\nFacebook | Twitter | Email\nhttps://example.gov/readout\nSources: https://a.example ; https://b.example\nSTATUS: complete\nSpokesperson Miller provided the following readout:\n=== (A) the article ===\n\u{2014}\nDong met Austin in Singapore (Xinhua/Li Tao)\n";
        assert_eq!(
            kinds(text),
            [
                (1, DropKind::Caption),
                (2, DropKind::Link),
                (3, DropKind::Link),
                (4, DropKind::Link),
                (5, DropKind::Link),
                (6, DropKind::Label),
                (7, DropKind::LeadIn),
                (8, DropKind::Separator),
                (10, DropKind::Caption)
            ]
        );
    }

    #[test]
    fn lead_ins_name_the_spokesperson() {
        let c = clean(
            "Pentagon Press Secretary Brig. Gen. Pat Ryder provided the following readout:\n\nAustin met Wei.\n",
        );
        assert_eq!(
            c.spokesperson,
            Some((
                "Pentagon Press Secretary Brig. Gen. Pat Ryder".to_string(),
                1
            ))
        );
        let c = clean(
            "Readout\nThe below is attributable to Spokesperson Matthew Miller:\nBlinken met Wang.\n",
        );
        assert_eq!(
            c.spokesperson,
            Some(("Spokesperson Matthew Miller".to_string(), 2))
        );
        assert_eq!(
            clean("Quoted by the press, \"the Pentagon said\":\nAustin met Wei.\n").spokesperson,
            None
        );
    }

    #[test]
    fn line_count_is_kept() {
        let text = "HEADLINE HERE\n\n[note]\nBEIJING, Apr. 17 -- Dong spoke.\n";
        assert_eq!(clean(text).text.lines().count(), 4);
    }
}
