//! Speakers in one sentence: the subject of a speech or action verb
//! ("Austin said", "the two sides agreed") or an attribution after the claim
//! (", Ryder said", "according to Wu Qian"), read with the attribution lexicon.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Lexicon {
    pub(super) reporting_verbs: Vec<String>,
    pub(super) action_verbs: Vec<String>,
    pub(super) trailing_verbs: Vec<String>,
    pub(super) adverbs: Vec<String>,
    pub(super) intro_words: Vec<String>,
    pub(super) relative_words: Vec<String>,
    pub(super) subject_cut_words: Vec<String>,
    pub(super) empty_subjects: Vec<String>,
    pub(super) pronouns: Vec<String>,
    pub(super) titles: Vec<String>,
    pub(super) speaker_nouns: Vec<String>,
    pub(super) document_nouns: Vec<String>,
    pub(super) max_subject_words: usize,
    pub(super) subject_window: usize,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        crate::load::yaml::built_in(
            "attribution lexicon",
            include_str!("../data/attribution.yaml"),
        )
    })
}

/// A word of the sentence as written, and its bare lowercase form.
pub(super) struct Word<'a> {
    pub(super) orig: &'a str,
    pub(super) bare: String,
}

pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    text.split_whitespace()
        .map(|w| Word {
            orig: w,
            bare: bare(w),
        })
        .collect()
}

/// Lowercase, without surrounding punctuation and quotation marks.
pub(super) fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Length in words of the phrase from `list` that starts at `words[i]`.
fn phrase_at(words: &[Word], i: usize, list: &[String]) -> Option<usize> {
    list.iter()
        .filter_map(|p| {
            let parts: Vec<&str> = p.split_whitespace().collect();
            let fits = i + parts.len() <= words.len()
                && parts.iter().enumerate().all(|(k, part)| words[i + k].bare == *part)
                // A phrase ends at punctuation only on its last word.
                && (i..i + parts.len() - 1).all(|k| !words[k].orig.ends_with(','));
            fits.then_some(parts.len())
        })
        .max()
}

/// What the start of a sentence says about who speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    /// A speaker, and whether the verb reports speech.
    Speaker(String, bool),
    /// The account itself ("The statement said ..."): no speaker, and the
    /// reported speech of earlier sentences has ended.
    Account,
}

/// The subject of the sentence, when a speech or action verb follows it. A
/// quotation that opens the sentence is read from inside ("\"President Biden
/// detailed ...\"").
pub(super) fn subject(words: &[Word]) -> Option<Subject> {
    let lex = lexicon();
    let window = lex.subject_window.min(words.len());
    for v in 1..window {
        // A verb is in lowercase: "The United States noted" is not "states".
        let lowercase = words[v]
            .orig
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        let reports = phrase_at(words, v, &lex.reporting_verbs);
        let acts = phrase_at(words, v, &lex.action_verbs);
        let Some(verb_len) = reports.or(acts).filter(|_| lowercase) else {
            continue;
        };
        let reports = reports.is_some();
        // "..., Wang said." / "..., Wang said, adding": the verb ends its
        // clause, so the subject is the clause just before it.
        let last = v + verb_len - 1;
        let trailing = last + 1 == words.len()
            || ends_clause(words[last].orig)
            || words[last].orig.ends_with(['.', '!', '?']);
        if words[..v].iter().enumerate().any(|(k, w)| {
            let inner = if k == 0 {
                w.orig.trim_start_matches(['"', '\u{201C}'])
            } else {
                w.orig
            };
            inner.contains(['"', '\u{201C}', '\u{201D}'])
        }) {
            return None; // a quotation before the verb: not a plain subject
        }
        // Clauses before the verb, split at commas, adverbs left out; a label
        // before a colon or semicolon is dropped. Introductory phrases are
        // skipped; the subject is the last clause left, unless that clause is
        // an apposition (it starts in lowercase: "Wang, director of ..., said").
        let mut clauses: Vec<Vec<&Word>> = vec![Vec::new()];
        for w in &words[..v] {
            let relative =
                clauses.last().is_some_and(Vec::is_empty) && lex.relative_words.contains(&w.bare);
            if !lex.adverbs.contains(&w.bare)
                && !relative
                && let Some(c) = clauses.last_mut()
            {
                c.push(w);
            }
            if w.orig.ends_with([':', ';']) {
                clauses.clear();
                clauses.push(Vec::new());
            } else if w.orig.ends_with(',') {
                clauses.push(Vec::new());
            }
        }
        let mut candidates: Vec<Vec<&Word>> = clauses
            .into_iter()
            .filter(|c| !c.is_empty() && !lex.intro_words.contains(&c[0].bare))
            .collect();
        while !trailing
            && candidates.len() > 1
            && candidates
                .last()
                .is_some_and(|c| c[0].orig.chars().next().is_some_and(char::is_lowercase))
        {
            candidates.pop();
        }
        let mut subject = candidates.pop()?;
        if let Some(cut) = subject
            .iter()
            .skip(1)
            .position(|w| lex.subject_cut_words.contains(&w.bare))
        {
            subject.truncate(cut + 1);
        }
        let name = join(&subject);
        let head = subject.last().map(|w| w.bare.as_str()).unwrap_or("");
        if lex.document_nouns.iter().any(|d| d == head) {
            return Some(Subject::Account);
        }
        // An editor's insertion names the speaker: "[Austin] underscored".
        let name = name.replace(['[', ']'], "").trim().to_string();
        return valid_speaker(&name).then_some(Subject::Speaker(name, reports));
    }
    None
}

/// A speaker named after the claim: "quoted X as saying", ", X said",
/// ", said X", "according to X".
pub(super) fn trailing(words: &[Word]) -> Option<String> {
    let lex = lexicon();
    let n = words.len();
    // "the spokesperson quoted Dong as saying"
    for i in 0..n {
        if words[i].bare == "quoted"
            && let Some(k) = (i + 1..n.min(i + 2 + lex.max_subject_words)).find(|&k| {
                k + 1 < n && words[k].bare == "as" && words[k + 1].bare.starts_with("saying")
            })
        {
            let name = join(&words[i + 1..k].iter().collect::<Vec<_>>());
            if valid_speaker(&name) {
                return Some(name);
            }
        }
    }
    // "(spokesman Wu Qian quoting Wei)"
    if let Some(i) = (0..n).find(|&i| words[i].bare == "quoting") {
        let end = (i + 1..n)
            .find(|&k| ends_clause(words[k].orig) || words[k].orig.ends_with(')'))
            .map_or(n, |k| k + 1);
        let name = clean_name(&words[i + 1..end]);
        if valid_speaker(&name) {
            return Some(name);
        }
    }
    // ", Ryder said" / "," Dong said" / ", said Wang Yi"
    let clause_starts: Vec<usize> = (1..n).filter(|&i| ends_clause(words[i - 1].orig)).collect();
    for &start in clause_starts.iter().rev() {
        if let Some(len) = phrase_at(words, start, &lex.trailing_verbs) {
            let end = (start + len..n)
                .find(|&k| ends_clause(words[k].orig))
                .map_or(n, |k| k + 1);
            let name = clean_name(&words[start + len..end]);
            if valid_speaker(&name) {
                return Some(name);
            }
            continue;
        }
        let end = (start..n)
            .find(|&k| ends_clause(words[k].orig) || k + 1 == n)
            .map_or(n, |k| k + 1);
        for v in start + 1..end.min(start + 1 + lex.max_subject_words) {
            if phrase_at(words, v, &lex.trailing_verbs).is_some() {
                let name = clean_name(&words[start..v]);
                if valid_speaker(&name) {
                    return Some(name);
                }
                break;
            }
        }
    }
    // "according to Wu Qian", "according to a readout from X", "according to China's account"
    for i in 0..n.saturating_sub(2) {
        if words[i].bare == "according" && words[i + 1].bare == "to" {
            let end = (i + 2..n)
                .find(|&k| ends_clause(words[k].orig))
                .map_or(n, |k| k + 1);
            if let Some(name) = through_document(&words[i + 2..end]) {
                return Some(name);
            }
        }
    }
    None
}

/// The speaker behind "a readout from X", "China's account", or X itself.
fn through_document(words: &[Word]) -> Option<String> {
    let lex = lexicon();
    let doc = words
        .iter()
        .position(|w| lex.document_nouns.contains(&w.bare));
    let name = match doc {
        None => clean_name(words),
        Some(d) => {
            if let Some(k) =
                (d + 1..words.len()).find(|&k| matches!(words[k].bare.as_str(), "from" | "by"))
            {
                clean_name(&words[k + 1..])
            } else if d > 0
                && ["'s", "\u{2019}s"]
                    .iter()
                    .any(|s| words[d - 1].orig.ends_with(s))
            {
                let owner = clean_name(&words[..d]);
                owner
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s")
                    .to_string()
            } else {
                return None;
            }
        }
    };
    valid_speaker(&name).then_some(name)
}

/// A name from words, without the punctuation around it.
fn clean_name(words: &[Word]) -> String {
    join(&words.iter().collect::<Vec<_>>())
}

fn join(words: &[&Word]) -> String {
    let s = words.iter().map(|w| w.orig).collect::<Vec<_>>().join(" ");
    let mut name = s
        .trim_matches(|c: char| !(c.is_alphanumeric() || ".()[]".contains(c)))
        .trim_end_matches([',', '.'])
        .to_string();
    // Keep brackets only when they pair up: "(PLA)" stays, "Wei)" loses its ")".
    for (open, close) in [('(', ')'), ('[', ']')] {
        if name.ends_with(close) && name.matches(close).count() > name.matches(open).count() {
            name.pop();
        }
        if name.starts_with(open) && name.matches(open).count() > name.matches(close).count() {
            name.remove(0);
        }
    }
    name.trim().to_string()
}

/// Whether a word closes a clause: a comma or a closing quotation mark after it.
fn ends_clause(w: &str) -> bool {
    w.ends_with(',')
        || w.ends_with(",\"")
        || w.ends_with(",\u{201D}")
        || w.ends_with('"')
        || w.ends_with('\u{201D}')
        || w.ends_with("\u{201D},")
        || w.ends_with("\",")
}

/// Whether `name` can be a speaker: short, not an empty subject, and a name,
/// a pronoun or a speaker noun.
pub(super) fn valid_speaker(name: &str) -> bool {
    let lex = lexicon();
    let ws: Vec<String> = name
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    if ws.is_empty() || ws.len() > lex.max_subject_words || lex.empty_subjects.contains(&ws[0]) {
        return false;
    }
    if ws
        .iter()
        .all(|w| lex.document_nouns.contains(w) || matches!(w.as_str(), "the" | "a" | "an"))
    {
        return false;
    }
    let last = ws.last().map(String::as_str).unwrap_or("");
    if lex.document_nouns.iter().any(|d| d == last) {
        return false; // "the statement said": the account speaks, not a person
    }
    // The head of the phrase names someone: "the US defense chief", "Wu Qian",
    // not "a deterioration of military dialogue".
    let head_capitalized = name
        .split_whitespace()
        .last()
        .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(char::is_uppercase);
    head_capitalized || lex.pronouns.contains(&ws[0]) || lex.speaker_nouns.iter().any(|n| n == last)
}

/// Whether a speaker is a person a later "he" or "she" can stand for: a
/// capitalised name not introduced by an article.
pub(super) fn is_person(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    !matches!(bare(first).as_str(), "the" | "a" | "an" | "both" | "they")
        && first.chars().next().is_some_and(char::is_uppercase)
        && !lexicon()
            .speaker_nouns
            .contains(&bare(name.split_whitespace().last().unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speaker one sentence names, read as `attribute` reads it.
    fn speaker(text: &str) -> Option<String> {
        let w = words(text);
        match subject(&w) {
            Some(Subject::Speaker(name, _)) => Some(name),
            _ => trailing(&w),
        }
    }

    #[test]
    fn subjects_of_speech_verbs() {
        assert_eq!(
            speaker("Austin said the talks were useful."),
            Some("Austin".into())
        );
        assert_eq!(
            speaker("Xi stressed that Taiwan is a core interest."),
            Some("Xi".into())
        );
        assert_eq!(
            speaker("The Secretary also discussed Russia's war."),
            Some("The Secretary".into())
        );
        assert_eq!(
            speaker("The Chinese side urged the US to stop."),
            Some("The Chinese side".into())
        );
        assert_eq!(
            speaker("The two sides agreed to maintain communication."),
            Some("The two sides".into())
        );
        assert_eq!(
            speaker("On Taiwan, President Biden underscored that policy has not changed."),
            Some("President Biden".into())
        );
        assert_eq!(
            speaker("Dong, meanwhile, slammed the US."),
            Some("Dong".into())
        );
        assert_eq!(
            speaker("During the talks, both sides agreed to meet."),
            Some("both sides".into())
        );
        assert_eq!(
            speaker(
                "Wang, also a member of the Political Bureau, emphasized that the Taiwan question matters."
            ),
            Some("Wang".into())
        );
        assert_eq!(
            speaker("Defense officials have repeatedly raised concerns."),
            Some("Defense officials".into())
        );
        assert_eq!(
            speaker("Austin in his talks with Dong reiterated the call."),
            Some("Austin".into())
        );
        assert_eq!(
            speaker("The US defense chief also made clear that operations continue."),
            Some("The US defense chief".into())
        );
        assert_eq!(
            speaker("General Wei Fenghe first introduced the Congress."),
            Some("General Wei Fenghe".into())
        );
        assert_eq!(
            speaker("Paraphrase: Xi said the crisis must end."),
            Some("Xi".into())
        );
        assert_eq!(
            speaker("The United States noted the importance of peace."),
            Some("The United States".into())
        );
        assert_eq!(
            speaker("The discussion, wherein Austin stressed the importance of talks, followed."),
            Some("Austin".into())
        );
        assert_eq!(
            speaker("\"[Austin] underscored the importance of navigation,\" Ryder said."),
            Some("Austin".into())
        );
        assert_eq!(
            speaker("\"President Biden detailed our efforts to respond.\""),
            Some("President Biden".into())
        );
        assert_eq!(
            speaker("\"Beijing wants peace\" (spokesman Wu Qian quoting Wei)"),
            Some("Wei".into())
        );
    }

    #[test]
    fn no_speaker_where_the_text_names_none() {
        assert_eq!(
            speaker("It is hoped that the US will be clear-eyed about this."),
            None
        );
        assert_eq!(speaker("The military domain plays a pivotal role."), None);
        assert_eq!(
            speaker("A deterioration of US-China military dialogue raised concerns."),
            None
        );
        assert_eq!(
            speaker("The statement said the crisis was not wanted."),
            None
        );
        // A pronoun is a speaker here; `attribute` resolves or drops it.
        assert_eq!(
            speaker("\"Conflict is in no one's interest,\" he wrote in a note."),
            Some("he".into())
        );
    }

    #[test]
    fn attributions_after_the_claim() {
        assert_eq!(
            speaker("Austin discussed the war, Ryder said."),
            Some("Austin".into())
        );
        assert_eq!(
            speaker("Relations will move forward, Wang said, calling for dialogue."),
            Some("Wang".into())
        );
        assert_eq!(
            speaker("Relations will move forward, the ministry said."),
            Some("the ministry".into())
        );
        assert_eq!(
            speaker(
                "\u{201C}Security should be mutual,\u{201D} Dong said, according to the ministry."
            ),
            Some("Dong".into())
        );
        assert_eq!(
            speaker("Beijing would smash any plot, according to Wu Qian."),
            Some("Wu Qian".into())
        );
        assert_eq!(
            speaker(
                "Austin's stance was firm, according to a readout from Pentagon Press Secretary Maj. Gen. Pat Ryder."
            ),
            Some("Pentagon Press Secretary Maj. Gen. Pat Ryder".into())
        );
        assert_eq!(
            speaker("Dong slammed the move, according to China's account."),
            Some("Dong".into())
        );
        assert_eq!(
            speaker("The US is not aiming for strangulation, according to China's account."),
            Some("China".into())
        );
        assert_eq!(
            speaker("Our tolerance has a limit, the spokesperson quoted Dong as saying."),
            Some("Dong".into())
        );
        assert_eq!(
            speaker("The call went well, according to the readout of the call."),
            None
        );
    }
}
