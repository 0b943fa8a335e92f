//! Attribution: who a sentence of a readout quotes or reports ("Austin said",
//! "according to Wu Qian", "the two sides"), with the context of the sentences
//! before it (pronouns, "the Secretary", reported speech that runs on), and
//! the words it quotes.

use super::quotes::quotes;
use super::speaker::{Subject, bare, is_person, lexicon, subject, trailing, words};
use crate::normalize::sentences::Sentence;

/// How the speaker of a claim was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The subject of the sentence ("Austin said", "the two sides agreed").
    Subject,
    /// A pronoun or title standing for an earlier speaker or named person
    /// ("He said" → Austin, "The Secretary" → Secretary Austin); the words of the text.
    Reference(String),
    /// An attribution after the claim (", Ryder said", "according to Wu Qian").
    Attribution,
    /// No speaker of its own: it continues the reported speech of the
    /// sentence before it, in the same paragraph.
    Carried,
}

/// The speaker and quoted words of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<(String, Found)>,
    pub quote: Option<String>,
}

/// Attributes every sentence; a sentence's context is the ones before it.
pub fn attribute(sentences: &[Sentence]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(sentences.len());
    let mut context = Context::default();
    // The speaker whose reported speech the next sentence may continue.
    let mut reporting: Option<String> = None;
    let mut in_quote = false;
    for s in sentences {
        if s.para_start {
            reporting = None;
            in_quote = false;
        }
        let words = words(&s.text);
        let (quote, still_open) = quotes(&s.text, in_quote);
        in_quote = still_open;
        let mut speaker = None;
        match subject(&words) {
            Some(Subject::Account) => reporting = None,
            Some(Subject::Speaker(name, verb_reports)) => {
                speaker = context.resolve(name, Found::Subject);
                reporting = match (&speaker, verb_reports) {
                    (Some((who, _)), true) => Some(who.clone()),
                    _ => None,
                };
            }
            None => {}
        }
        if speaker.is_none()
            && let Some(name) = trailing(&words)
        {
            speaker = context.resolve(name, Found::Attribution);
        }
        if speaker.is_none() && !s.para_start {
            speaker = reporting.clone().map(|r| (r, Found::Carried));
        }
        context.saw(&s.text, speaker.as_ref().map(|(name, _)| name.as_str()));
        out.push(Attribution { speaker, quote });
    }
    out
}

/// What earlier sentences said about people, for resolving "he" and "the Secretary".
#[derive(Default)]
struct Context {
    /// Speakers that are persons, latest last.
    speakers: Vec<String>,
    /// Titled names mentioned anywhere ("Secretary of Defense Lloyd J. Austin III"), latest last.
    mentions: Vec<String>,
}

impl Context {
    /// The speaker `name` stands for: itself, or the person a pronoun or a
    /// bare title refers to (None when a pronoun has no one to refer to).
    fn resolve(&self, name: String, found: Found) -> Option<(String, Found)> {
        let lex = lexicon();
        let ws: Vec<String> = name.split_whitespace().map(bare).collect();
        if ws.len() == 1 && lex.pronouns.contains(&ws[0]) {
            let person = self.speakers.last()?;
            return Some((person.clone(), Found::Reference(name)));
        }
        // "the Secretary", "The President"
        if ws.len() == 2 && matches!(ws[0].as_str(), "the" | "a") && lex.titles.contains(&ws[1]) {
            let has_title = |n: &&String| n.split_whitespace().any(|w| bare(w) == ws[1]);
            // Among titled names, one who has spoken before comes first: "the
            // Secretary" is Secretary Austin, not the press secretary quoting him.
            let spoke = |n: &&String| {
                n.split_whitespace()
                    .filter(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && !lex.titles.contains(&bare(w))
                    })
                    .any(|w| {
                        self.speakers
                            .iter()
                            .any(|s| s.split_whitespace().any(|x| bare(x) == bare(w)))
                    })
            };
            let person = self
                .speakers
                .iter()
                .rev()
                .find(has_title)
                .or_else(|| self.mentions.iter().rev().filter(has_title).find(spoke))
                .or_else(|| self.mentions.iter().rev().find(has_title));
            if let Some(p) = person {
                return Some((p.clone(), Found::Reference(name)));
            }
        }
        Some((name, found))
    }

    /// Records a sentence's speaker and the titled names it mentions.
    fn saw(&mut self, text: &str, speaker: Option<&str>) {
        if let Some(name) = speaker.filter(|n| is_person(n)) {
            self.speakers.push(name.to_string());
        }
        self.mentions.extend(titled_names(text));
    }
}

/// Runs of capitalised words that hold a title and a name: "Secretary of
/// Defense Lloyd J. Austin III", "PRC President Xi Jinping".
fn titled_names(text: &str) -> Vec<String> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        while run.last().is_some_and(|w| bare(w) == "of") {
            run.pop();
        }
        let titled = run.iter().any(|w| lex.titles.contains(&bare(w)));
        let named = run.iter().any(|w| {
            !lex.titles.contains(&bare(w)) && bare(w) != "of" && bare(w).chars().count() > 1
        });
        if titled && named {
            let mut name = run
                .join(" ")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_string();
            // A sentence's full stop after a name ("... Dong Jun.") is not part of it.
            let last_letters = name
                .rsplit(' ')
                .next()
                .map_or(0, |w| w.chars().filter(|c| c.is_alphabetic()).count());
            if name.ends_with('.') && last_letters > 1 {
                name.pop();
            }
            out.push(name);
        }
        run.clear();
    };
    for w in text.split_whitespace() {
        let core = w.trim_start_matches(['"', '\u{201C}', '(', '[']);
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if capital || (!run.is_empty() && core == "of") {
            run.push(core);
            // A comma, or a period that is not an initial or title, ends the name.
            let ends = core.ends_with([',', ';', ':', '"', '\u{201D}', ')'])
                || (core.ends_with('.') && core.chars().filter(|c| c.is_alphabetic()).count() > 3);
            if ends {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::sentences::split;

    fn speakers(text: &str) -> Vec<Option<(String, Found)>> {
        attribute(&split(text))
            .into_iter()
            .map(|a| a.speaker)
            .collect()
    }

    fn speaker(text: &str) -> Option<String> {
        speakers(text).into_iter().next().flatten().map(|(s, _)| s)
    }

    #[test]
    fn pronouns_stand_for_the_last_person_named() {
        let s = speakers("Secretary Austin met Dong. He raised concerns about the Strait.");
        assert_eq!(s[1], None, "no speaker named yet");
        assert_eq!(
            speakers("\"Conflict helps no one,\" he wrote in a note.")[0],
            None
        );
        let s =
            speakers("Secretary Austin discussed the war. He raised concerns about the Strait.");
        assert_eq!(
            s[1],
            Some(("Secretary Austin".into(), Found::Reference("He".into())))
        );
    }

    #[test]
    fn titles_stand_for_the_titled_person() {
        let s = speakers(
            "Secretary of State Antony J. Blinken met Wang Yi today. The Secretary underscored the importance of talks.",
        );
        assert_eq!(
            s[1],
            Some((
                "Secretary of State Antony J. Blinken".into(),
                Found::Reference("The Secretary".into())
            ))
        );
        let s = speakers(
            "President Biden detailed our efforts. The President underscored his support.",
        );
        assert_eq!(
            s[1],
            Some((
                "President Biden".into(),
                Found::Reference("The President".into())
            ))
        );
        // No one titled so: the title stays as written.
        assert_eq!(
            speaker("The Secretary discussed the war."),
            Some("The Secretary".into())
        );
        assert_eq!(
            titled_names("He met PRC President Xi Jinping, and Adm. Dong Jun."),
            ["PRC President Xi Jinping", "Adm. Dong Jun"]
        );
        let s = speakers(
            "Secretary of Defense Lloyd J. Austin III met Dong. \"Austin stressed navigation,\" Press Secretary Pat Ryder said. The secretary reiterated the policy.",
        );
        assert_eq!(
            s[2].as_ref().map(|x| x.0.as_str()),
            Some("Secretary of Defense Lloyd J. Austin III")
        );
    }

    #[test]
    fn reported_speech_carries_within_a_paragraph() {
        let s = speakers(
            "Admiral Dong Jun said that relations matter. The military domain is pivotal.\n\nThe two sides exchanged views.",
        );
        assert_eq!(s[1], Some(("Admiral Dong Jun".into(), Found::Carried)));
        assert_eq!(s[2].as_ref().map(|x| x.1.clone()), Some(Found::Subject));
        // The account speaking for itself ends the reported speech.
        assert_eq!(
            speakers(
                "Xi said relations matter. The statement said the crisis was unwanted. The crisis must end."
            )[2],
            None
        );
        // An action verb names the actor but does not open reported speech.
        assert_eq!(
            speakers("Austin discussed the war. The talks lasted an hour.")[1],
            None
        );
    }
}
