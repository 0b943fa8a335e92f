//! Extract: turn a plain-text readout (pasted from a web page or press
//! release) into readout YAML: leave out what is not a claim, split the rest
//! into sentences with the splitter `statement:` uses, find who speaks and
//! what is quoted, and note the topic and stance that normalize detects.

pub mod attribution;
pub mod boilerplate;
mod notes;
mod quotes;
mod speaker;
pub mod write;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::Error;
use crate::load::Limits;
use crate::model::{Claim, Meeting, Readout, Source};
use crate::normalize::cues::Cues;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::{NormReadout, normalize, sentences};
use attribution::Found;
use boilerplate::{DropKind, Dropped, Lexicon};

/// What the command line says about the readout besides its text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Whose account this is (`source.side`).
    pub side: String,
    pub issuer: Option<String>,
    pub spokesperson: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    /// Claim ids are `PREFIX-1`, `PREFIX-2`, ...; derived from the side when None.
    pub id_prefix: Option<String>,
}

/// How a claim's speaker was found, for the analyst's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerNote {
    /// Named by the sentence itself.
    Stated,
    /// "He" or "the Secretary" in the text, standing for someone named earlier.
    Reference(String),
    /// Continues the reported speech of the claim with this id.
    CarriedFrom(String),
}

/// The readout made from the text, with what the analyst should check.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The readout as `load` would return it from the written YAML.
    pub readout: Readout,
    /// The same readout after normalize: the topics and stances compare will see.
    pub normalized: NormReadout,
    /// Per claim (same order): how its speaker was found, if it has one.
    pub speaker_notes: Vec<Option<SpeakerNote>>,
    /// Per claim: the id of an earlier claim with the same words, when the
    /// text repeats a sentence (the same readout quoted by two outlets).
    pub repeats: Vec<Option<String>>,
    /// Everything left out, by line.
    pub dropped: Vec<Dropped>,
    /// The whole lines left out that hold words, with their text, so that
    /// none goes unseen: the command lists them, and so does the YAML header.
    pub left_out: Vec<LeftOut>,
    /// Lines of input text.
    pub lines: u64,
    /// The line that named the spokesperson, when the text did (and --spokesperson did not).
    pub spokesperson_line: Option<u64>,
}

/// A whole line of the input that extract left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// 1-based line of the input.
    pub line: u64,
    pub kind: DropKind,
    /// The line's text, trimmed and shortened to `LEFT_OUT_SHOWN_CHARS`.
    pub text: String,
}

/// How much of a left-out line is shown: enough to recognise it, short
/// enough for one terminal line with its `note: FILE:LINE:` prefix.
pub const LEFT_OUT_SHOWN_CHARS: usize = 80;

/// Extracts a readout from plain `text`; `origin` names the input in errors.
pub fn extract(
    origin: &str,
    text: &str,
    opts: &Options,
    taxonomy: &Taxonomy,
    limits: &Limits,
) -> Result<Extraction, Error> {
    let side = opts.side.trim();
    if side.is_empty() {
        return Err(Error::Usage(
            "--side must name whose account this is, e.g. --side \"United States\"".into(),
        ));
    }
    let prefix = match &opts.id_prefix {
        Some(p) if p.trim().is_empty() || p.chars().any(char::is_whitespace) => {
            return Err(Error::Usage(format!(
                "--id-prefix `{p}` must be a word with no spaces, e.g. `us`"
            )));
        }
        Some(p) => p.clone(),
        None => id_prefix(side),
    };

    let cleaned = boilerplate::clean(text);
    let mut dropped = cleaned.dropped;
    let (spokesperson, spokesperson_line) =
        match (trimmed(&opts.spokesperson), cleaned.spokesperson) {
            (Some(given), _) => (Some(given), None),
            (None, Some((named, line))) => (Some(named), Some(line)),
            (None, None) => (None, None),
        };
    let min_words = Lexicon::get().min_claim_words;
    let mut kept = Vec::new();
    // A fragment that opened a paragraph hands that on to the next sentence,
    // so that reported speech never runs on across paragraphs.
    let mut opens_paragraph = false;
    for mut s in sentences::split(&cleaned.text) {
        let words = s
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words < min_words {
            opens_paragraph |= s.para_start;
            dropped.push(Dropped {
                line: s.line,
                kind: DropKind::Fragment,
                whole_line: false,
            });
        } else {
            s.para_start |= std::mem::take(&mut opens_paragraph);
            kept.push(s);
        }
    }
    dropped.sort_by_key(|d| (d.line, d.kind));
    if kept.is_empty() {
        return Err(no_claims(origin, text, &dropped));
    }
    if kept.len() > limits.max_claims {
        return Err(Error::input(
            origin,
            0,
            0,
            format!(
                "the text has {} sentences, more than the limit of {} claims (raise it with --max-claims N)",
                kept.len(),
                limits.max_claims
            ),
        ));
    }

    let attributions = attribution::attribute(&kept);
    let ids: Vec<String> = (1..=kept.len()).map(|n| format!("{prefix}-{n}")).collect();
    let mut claims = Vec::with_capacity(kept.len());
    let mut speaker_notes = Vec::with_capacity(kept.len());
    // Where each speaker's reported speech started, for "carried from" notes.
    let mut opened_by: Option<String> = None;
    for (i, (s, a)) in kept.into_iter().zip(attributions).enumerate() {
        let note = a.speaker.as_ref().map(|(_, how)| match how {
            Found::Subject | Found::Attribution => SpeakerNote::Stated,
            Found::Reference(p) => SpeakerNote::Reference(p.clone()),
            // Carried speech always follows the claim that opened it.
            Found::Carried => SpeakerNote::CarriedFrom(opened_by.clone().unwrap_or_default()),
        });
        if !matches!(note, Some(SpeakerNote::CarriedFrom(_))) {
            opened_by = Some(ids[i].clone());
        }
        speaker_notes.push(note);
        claims.push(Claim {
            id: ids[i].clone(),
            text: s.text,
            // Trimmed and non-empty, as the loader reads them back.
            speaker: a
                .speaker
                .map(|(name, _)| name.trim().to_string())
                .filter(|s| !s.is_empty()),
            quote: a
                .quote
                .map(|q| q.trim().to_string())
                .filter(|q| !q.is_empty()),
            topic: None,
            stance: None,
            line: s.line,
        });
    }
    let readout = Readout {
        origin: origin.to_string(),
        version: crate::load::SCHEMA_VERSION,
        meeting: Meeting {
            title: trimmed(&opts.title),
            date: trimmed(&opts.date),
            place: trimmed(&opts.place),
        },
        source: Source {
            side: side.to_string(),
            issuer: trimmed(&opts.issuer),
            spokesperson,
            url: trimmed(&opts.url),
            published: trimmed(&opts.published),
        },
        participants: Vec::new(),
        claims,
    };
    let normalized = normalize(&readout, taxonomy);
    let repeats = repeats(&normalized);
    let left_out = left_out(text, &dropped);
    Ok(Extraction {
        readout,
        normalized,
        speaker_notes,
        repeats,
        dropped,
        left_out,
        lines: text.lines().count() as u64,
        spokesperson_line,
    })
}

/// The whole lines in `dropped` with their text; separators are left out of
/// the list, as they hold no word to lose.
fn left_out(text: &str, dropped: &[Dropped]) -> Vec<LeftOut> {
    let lines: Vec<&str> = text.lines().collect();
    dropped
        .iter()
        .filter(|d| d.whole_line && d.kind != DropKind::Separator)
        .filter_map(|d| {
            let line = lines.get(usize::try_from(d.line).ok()?.checked_sub(1)?)?;
            Some(LeftOut {
                line: d.line,
                kind: d.kind,
                text: shorten(line.trim(), LEFT_OUT_SHOWN_CHARS),
            })
        })
        .collect()
}

/// `s` cut to at most `max` characters, with `…` where it was cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let kept: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}\u{2026}", kept.trim_end())
}

/// For each claim, the first earlier claim with the same words (case,
/// punctuation and quotation marks aside).
fn repeats(n: &NormReadout) -> Vec<Option<String>> {
    let mut first: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    n.claims
        .iter()
        .map(|c| {
            let words: Vec<String> = crate::normalize::text::tokens(&c.text)
                .into_iter()
                .map(|t| t.norm.into_string())
                .collect();
            let key = words.join(" ");
            match first.get(&key) {
                Some(id) => Some(id.clone()),
                None => {
                    first.insert(key, c.id.clone());
                    None
                }
            }
        })
        .collect()
}

/// The refusal of a text with no claim, saying what was left out of it.
fn no_claims(origin: &str, text: &str, dropped: &[Dropped]) -> Error {
    let mut kinds: Vec<DropKind> = dropped.iter().map(|d| d.kind).collect();
    kinds.sort();
    kinds.dedup();
    let left_out: Vec<String> = kinds
        .iter()
        .map(|k| write::count(dropped.iter().filter(|d| d.kind == *k).count(), k.name()))
        .collect();
    let why = if left_out.is_empty() {
        "it has no sentence".to_string()
    } else {
        format!("left out as not claims: {}", left_out.join(", "))
    };
    let lines = write::count(text.lines().count(), "line");
    Error::input(
        origin,
        0,
        0,
        format!("no claims found in {lines} of text; {why}"),
    )
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidesFile {
    id_prefixes: BTreeMap<String, String>,
}

/// The claim id prefix for a side: from the data file for known sides
/// ("U.S." → "us"), else the initials of its words or its first two letters.
pub fn id_prefix(side: &str) -> String {
    static SIDES: OnceLock<SidesFile> = OnceLock::new();
    let sides = SIDES
        .get_or_init(|| crate::load::yaml::built_in("sides", include_str!("../data/sides.yaml")));
    let canonical = Cues::get().canonical_party(side);
    if let Some(p) = sides.id_prefixes.get(&canonical) {
        return p.clone();
    }
    let words: Vec<String> = side
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let prefix: String = if words.len() > 1 {
        words.iter().filter_map(|w| w.chars().next()).collect()
    } else {
        words
            .first()
            .map(|w| w.chars().take(2).collect())
            .unwrap_or_default()
    };
    if prefix.is_empty() {
        "c".to_string()
    } else {
        prefix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Result<Extraction, Error> {
        let opts = Options {
            side: "China".into(),
            ..Options::default()
        };
        extract(
            "t.txt",
            text,
            &opts,
            &Taxonomy::built_in(),
            &Limits::default(),
        )
    }

    #[test]
    fn prefixes_come_from_the_side() {
        assert_eq!(id_prefix("United States"), "us");
        assert_eq!(id_prefix("U.S."), "us");
        assert_eq!(id_prefix("PRC"), "cn");
        assert_eq!(id_prefix("European Union"), "eu");
        assert_eq!(id_prefix("Japan"), "ja");
        assert_eq!(id_prefix("???"), "c");
    }

    #[test]
    fn claims_get_ids_lines_speakers_and_carry_notes() {
        let x = run("BEIJING, Apr. 17 -- Dong Jun held a call with Austin.\nDong said that ties matter. The US should respect China's interests.\n")
            .expect("extracts");
        let ids: Vec<_> = x.readout.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["cn-1", "cn-2", "cn-3"]);
        assert_eq!(
            x.readout.claims[0].text,
            "Dong Jun held a call with Austin."
        );
        assert_eq!(x.readout.claims[2].line, 2);
        assert_eq!(x.readout.claims[2].speaker.as_deref(), Some("Dong"));
        assert_eq!(
            x.speaker_notes[2],
            Some(SpeakerNote::CarriedFrom("cn-2".into()))
        );
        assert_eq!(
            x.dropped.iter().map(|d| d.kind).collect::<Vec<_>>(),
            [DropKind::Dateline]
        );
    }

    #[test]
    fn text_with_no_claims_is_refused() {
        let e = run("[NOTE: nothing here]\n\nHeadline Only\n").expect_err("refused");
        assert!(e.to_string().contains("no claims found"), "{e}");
    }

    #[test]
    fn repeated_sentences_are_marked() {
        let x = run("\"Dong said ties matter,\" Xinhua said.\n\nDong said ties matter.\n")
            .expect("extracts");
        assert_eq!(x.repeats, [None, None]);
        let x =
            run("Dong said ties matter.\n\n\"Dong said ties matter,\" ...\n").expect("extracts");
        assert_eq!(x.repeats, [None, Some("cn-1".to_string())]);
    }

    #[test]
    fn a_dropped_fragment_still_opens_its_paragraph() {
        let x =
            run("Dong said that ties matter.\n\nNo way. The US must act now.\n").expect("extracts");
        assert_eq!(x.readout.claims.len(), 2);
        assert_eq!(
            x.readout.claims[1].speaker, None,
            "speech does not run on into a new paragraph"
        );
    }

    #[test]
    fn left_out_lines_carry_their_text_shortened() {
        let long = format!("Photo: {}", "word ".repeat(40));
        let x = run(&format!(
            "Austin Meets Dong\n\n{long}\n\n===\n\nThe two sides agreed to meet again.\n"
        ))
        .expect("extracts");
        assert_eq!(x.left_out.len(), 2, "the separator holds no word");
        assert_eq!(
            x.left_out[0],
            LeftOut {
                line: 1,
                kind: DropKind::Headline,
                text: "Austin Meets Dong".into()
            }
        );
        assert_eq!(x.left_out[1].kind, DropKind::Caption);
        let shown = &x.left_out[1].text;
        assert!(shown.chars().count() <= LEFT_OUT_SHOWN_CHARS, "{shown}");
        assert!(shown.starts_with("Photo: word") && shown.ends_with('\u{2026}'));
    }

    #[test]
    fn short_fragments_are_dropped() {
        let x = run("None saved.\n\nThe two sides agreed to meet again.").expect("extracts");
        assert_eq!(x.readout.claims.len(), 1);
        assert_eq!(x.dropped[0].kind, DropKind::Fragment);
    }

    #[test]
    fn bad_side_and_prefix_are_usage_errors() {
        let t = Taxonomy::built_in();
        let l = Limits::default();
        assert!(matches!(
            extract("t", "A claim here.", &Options::default(), &t, &l),
            Err(Error::Usage(_))
        ));
        let o = Options {
            side: "China".into(),
            id_prefix: Some("c n".into()),
            ..Options::default()
        };
        assert!(matches!(
            extract("t", "A claim here.", &o, &t, &l),
            Err(Error::Usage(_))
        ));
    }
}
