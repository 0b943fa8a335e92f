//! Normalize: turn a loaded readout into topic-tagged, stance-annotated
//! claims with a matching form for comparison.

pub mod cues;
pub mod fasthash;
mod initials;
pub mod lists;
mod phrase_table;
mod phrase_words;
pub mod phrases;
pub mod sentences;
pub mod stance;
pub mod taxonomy;
pub mod text;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::Readout;
use cues::Cues;
use fasthash::{FxHashMap, FxHashSet};
use phrases::PhraseSet;
use stance::{Speakers, Stance};
use taxonomy::{Taxonomy, simplify};

/// How a claim got its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicSource {
    /// A keyword or alias of the taxonomy fired.
    Keyword,
    /// The analyst wrote `topic:` on the claim.
    Override,
    /// No keyword fired; the claim continues the topic of the claim before it.
    Context,
    /// No keyword fired; the claim names a party, so it is about the relationship.
    Fallback,
}

/// The topic a claim was tagged with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTag {
    /// Taxonomy id, or the simplified name of an analyst's topic the taxonomy lacks.
    pub id: String,
    pub label: String,
    pub source: TopicSource,
    /// The keyword that fired, or the analyst's topic as written.
    pub cue: String,
}

/// A claim ready for alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormClaim {
    pub id: String,
    /// Position in the readout, from 0.
    pub position: usize,
    /// Display text, as written.
    pub text: String,
    /// NFKC, folded quotes and dashes, lowercase, collapsed whitespace.
    pub matching: String,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub line: u64,
    /// None when no topic of the taxonomy is recognised.
    pub topic: Option<TopicTag>,
    /// Other topics the claim speaks of nearly as strongly, best first.
    pub alternatives: Vec<TopicTag>,
    pub stance: Stance,
    /// Stemmed content words, sorted and unique: what similarity compares.
    #[serde(skip)]
    pub terms: Vec<String>,
}

/// A readout after normalization.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormReadout {
    pub readout: Readout,
    /// The side, canonical ("U.S." → "United States").
    pub side: String,
    pub claims: Vec<NormClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StopwordFile {
    stopwords: Vec<String>,
    not_a_point: Vec<String>,
    same_point: Vec<Vec<String>>,
}

fn stopword_file() -> &'static StopwordFile {
    static FILE: OnceLock<StopwordFile> = OnceLock::new();
    FILE.get_or_init(|| {
        crate::load::yaml::built_in("stopwords", include_str!("../data/stopwords.yaml"))
    })
}

pub(crate) fn stopwords() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| stopword_file().stopwords.iter().cloned().collect())
}

/// The point a stemmed word makes, when `same_point` in stopwords.yaml
/// groups it with other wordings of that point: the group's first word.
pub fn point_of(word: &str) -> &str {
    static MAP: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for group in &stopword_file().same_point {
            let Some(first) = group.first().map(|w| text::stem(w)) else {
                continue;
            };
            for w in group {
                map.insert(text::stem(w), first.clone());
            }
        }
        map
    });
    map.get(word).map_or(word, String::as_str)
}

/// Stemmed words that say who met and how, not what about (`not_a_point`
/// in stopwords.yaml): two claims sharing only these share no point.
pub fn not_a_point() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        stopword_file()
            .not_a_point
            .iter()
            .map(|w| text::stem(w))
            .collect()
    })
}

/// Stemmed content words of `text`, sorted and unique.
pub fn terms(toks: &[text::Token]) -> Vec<String> {
    let stop = stopwords();
    let mut out: Vec<String> = toks
        .iter()
        .filter(|t| !stop.contains(t.norm.as_str()) && !t.norm.starts_with('\''))
        .map(|t| text::stem(&t.norm))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Normalizes every claim of `readout` against `taxonomy`.
pub fn normalize(readout: &Readout, taxonomy: &Taxonomy) -> NormReadout {
    let (side, claims) = normalize_claims(readout, taxonomy);
    NormReadout {
        readout: readout.clone(),
        side,
        claims,
    }
}

/// The canonical side and normalized claims of `readout`, without a copy of
/// the readout itself.
pub fn normalize_claims(readout: &Readout, taxonomy: &Taxonomy) -> (String, Vec<NormClaim>) {
    normalize_claims_with(readout, taxonomy, true)
}

/// As [`normalize_claims`], with each claim's `matching` form left empty:
/// the archive check keeps claims encoded, and the encoding makes the
/// matching form again from the text for the few claims decoded.
pub fn normalize_claims_unmatched(
    readout: &Readout,
    taxonomy: &Taxonomy,
) -> (String, Vec<NormClaim>) {
    normalize_claims_with(readout, taxonomy, false)
}

fn normalize_claims_with(
    readout: &Readout,
    taxonomy: &Taxonomy,
    with_matching: bool,
) -> (String, Vec<NormClaim>) {
    let cues = Cues::get();
    let side = cues.canonical_party(&readout.source.side);
    // Each participant is named by the words of the name, and by the head
    // of the role ("the Commandant" of "Commandant of the U.S. Coast
    // Guard") unless a participant of the other side holds it too.
    let heads: Vec<(Vec<String>, Option<String>)> = readout
        .participants
        .iter()
        .map(|p| {
            let party = p.side.as_deref().map(|s| cues.canonical_party(s));
            (role_head(p.role.as_deref().unwrap_or_default()), party)
        })
        .collect();
    let participants = readout
        .participants
        .iter()
        .zip(&heads)
        .filter_map(|(p, (head, party))| {
            let party = party.clone()?;
            let shared = |w: &String| {
                heads
                    .iter()
                    .any(|(h, other)| other.as_ref() != Some(&party) && h.contains(w))
            };
            let words: Vec<String> = text::tokens(&p.name)
                .into_iter()
                .map(|t| t.norm.into_string())
                .chain(head.iter().filter(|w| !shared(w)).cloned())
                .filter(|w| w.chars().count() > 1 && !stopwords().contains(w))
                .collect();
            Some((words, party))
        })
        .collect();
    let who = Speakers {
        own: &side,
        participants,
    };
    let titles = titles(readout);
    let track = readout
        .meeting
        .title
        .as_deref()
        .map(|t| taxonomy.meeting_words(t))
        .unwrap_or_default();
    let mut claims: Vec<NormClaim> = Vec::with_capacity(readout.claims.len());
    for (position, c) in readout.claims.iter().enumerate() {
        let toks = text::tokens(&c.text);
        let turn = cues.turn(&toks);
        let mut tags = match &c.topic {
            Some(_) => Vec::new(),
            None => match without_titles(&toks, &titles, &taxonomy.no_topic_names) {
                Some(rest) => taxonomy.tag_all_at(&rest, cues.turn(&rest), &track),
                None => taxonomy.tag_all_at(&toks, turn, &track),
            },
        };
        if c.topic.is_none() {
            // Who asked for the meeting, said first, is the claim's one
            // topic; else the subject a sentence announces first is its point.
            if let Some(opening) = taxonomy.opened(&c.text) {
                tags = vec![opening];
            } else if let Some(subject) = taxonomy.announced(&c.text, &toks) {
                tags.retain(|t| t.topic != subject.topic);
                tags.insert(0, subject);
            }
        }
        let alternatives: Vec<TopicTag> = tags
            .drain(tags.len().min(1)..)
            .map(|t| topic_tag(taxonomy, t.topic, TopicSource::Keyword, t.cue))
            .collect();
        let own_words = tags
            .pop()
            .filter(|tag| !(tag.situational && on_another_area(taxonomy, tag, claims.last())))
            .map(|tag| topic_tag(taxonomy, tag.topic, TopicSource::Keyword, tag.cue));
        let topic = match &c.topic {
            Some(name) => Some(override_topic(name, taxonomy)),
            None => own_words
                .filter(|tag| {
                    !speaker_goes_on(taxonomy, tag, claims.last(), c.speaker.as_deref())
                        || names_other_party(&toks, &side, c.speaker.as_deref())
                        || cues.pledges(&toks)
                })
                .or_else(|| {
                    // A claim that announces a subject of its own ("On the
                    // panda loans, ...") turns to it: it does not go
                    // on with the claim before, nor speak of the relationship
                    // at large, though no topic names it.
                    if cues.announced_subject(&c.text, &toks).is_some() {
                        return None;
                    }
                    context_topic(claims.last()).or_else(|| {
                        let fallback = taxonomy
                            .fallback
                            .filter(|_| names_other_party(&toks, &side, c.speaker.as_deref()))?;
                        Some(topic_tag(
                            taxonomy,
                            fallback,
                            TopicSource::Fallback,
                            "names a party".into(),
                        ))
                    })
                }),
        };
        claims.push(NormClaim {
            id: c.id.clone(),
            position,
            text: c.text.clone(),
            matching: if with_matching {
                text::matching_form(&c.text)
            } else {
                String::new()
            },
            speaker: c.speaker.clone(),
            quote: c.quote.clone(),
            line: c.line,
            topic,
            alternatives,
            stance: stance::detect(&toks, turn, c.speaker.as_deref(), c.stance.as_deref(), &who),
            terms: terms(&toks),
        });
    }
    (side, claims)
}

/// The participants' titles ("special envoy for climate change"), compiled
/// for matching. A title names an office, not what the claim is about: the
/// envoy for climate change who "held candid talks" spoke of the talks.
fn titles(readout: &Readout) -> PhraseSet<()> {
    let mut titles = PhraseSet::default();
    for role in readout
        .participants
        .iter()
        .filter_map(|p| p.role.as_deref())
    {
        if role.split_whitespace().nth(1).is_some() {
            titles.insert(role, ());
        }
        // "Assistant Secretary of the Treasury for International Finance"
        // is written "Assistant Secretary for International Finance" too:
        // the department named in the middle is often left out.
        if let Some((office, rest)) = role.split_once(" of ")
            && let Some((_, portfolio)) = rest.split_once(" for ")
        {
            titles.insert(&format!("{office} for {portfolio}"), ());
        }
        // "Minister of Commerce of the People's Republic of China" is
        // written "Minister of Commerce" too: the country that holds the
        // office is often left out, or named after the person.
        if let Some(office) = without_country(role) {
            titles.insert(office, ());
        }
        // A role of two offices ("Vice Minister of Commerce and Deputy
        // China International Trade Representative") is written by its
        // first as well.
        if let Some((first, _)) = role.split_once(" and ")
            && first.split_whitespace().nth(1).is_some()
        {
            titles.insert(first, ());
        }
    }
    titles
}

/// A role without the country named at its end ("Minister of Commerce" of
/// "Minister of Commerce of the People's Republic of China"), if it names
/// one: a party's name or alias (`parties` in cues.yaml) is all that
/// follows one of its "of"s.
fn without_country(role: &str) -> Option<&str> {
    let parties = &Cues::get().parties;
    role.match_indices(" of ").find_map(|(at, of)| {
        let rest = &role[at + of.len()..];
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let toks = text::tokens(rest);
        let named = parties.find_longest(&toks);
        let whole = matches!(named.as_slice(), [m] if m.start == 0 && m.len == toks.len());
        (whole && role[..at].split_whitespace().nth(1).is_some()).then(|| &role[..at])
    })
}

/// The claim's words with every participant's title and every government
/// body's name (`offices` in topics.yaml) left out, when it names one;
/// `None` when it names none.
fn without_titles(
    toks: &[text::Token],
    titles: &PhraseSet<()>,
    offices: &PhraseSet<()>,
) -> Option<Vec<text::Token>> {
    let mut keep = vec![true; toks.len()];
    let mut found = false;
    for set in [titles, offices] {
        for m in set.find_longest(toks) {
            keep[m.start..m.start + m.len]
                .iter_mut()
                .for_each(|k| *k = false);
            found = true;
        }
    }
    found.then(|| {
        toks.iter()
            .zip(&keep)
            .filter(|&(_, &k)| k)
            .map(|(t, _)| t.clone())
            .collect()
    })
}

/// The word that heads a participant's role: the office's noun, last
/// before "of", "and" or a comma ("Commandant" of "Commandant of the U.S.
/// Coast Guard", "Minister" of "Foreign Minister", "Councilor" of "State
/// Councilor and Foreign Minister"), lowercase. The words before it
/// qualify it and name other things too ("State", "Foreign").
fn role_head(role: &str) -> Vec<String> {
    text::tokens(role)
        .into_iter()
        .map(|t| t.norm.into_string())
        .take_while(|w| w != "of" && w != "," && w != "and")
        .last()
        .into_iter()
        .collect()
}

/// Whether a claim names a party other than the one speaking (the
/// account's own side, or the side of its speaker).
fn names_other_party(toks: &[text::Token], own: &str, speaker: Option<&str>) -> bool {
    let cues = Cues::get();
    let speaker_party = speaker.map(|s| cues.canonical_party(s));
    cues.parties.find_all(toks).iter().any(|m| {
        let p = &cues.party_names[*m.value];
        p != own && Some(p) != speaker_party.as_ref()
    })
}

fn topic_tag(taxonomy: &Taxonomy, i: usize, source: TopicSource, cue: String) -> TopicTag {
    let t = &taxonomy.topics[i];
    TopicTag {
        id: t.id.clone(),
        label: t.label.clone(),
        source,
        cue,
    }
}

/// Readouts discuss a topic over consecutive sentences: a claim with no topic
/// word of its own continues the topic of the claim right before it, when
/// that one was tagged by its own words (or continues one in turn).
fn context_topic(previous: Option<&NormClaim>) -> Option<TopicTag> {
    let prev = previous?;
    let tag = prev.topic.as_ref()?;
    if tag.source == TopicSource::Fallback {
        return None;
    }
    Some(TopicTag {
        source: TopicSource::Context,
        cue: format!("continues {}", prev.id),
        ..tag.clone()
    })
}

/// A speaker's run of sentences stays on its subject: a claim filed only
/// under a general area ("China opposes all acts that harm civilians", "major
/// countries should exercise restraint") right after the same speaker's claim
/// on a specific area continues that area, as an analyst reads a paragraph.
/// The caller keeps the claim's own area when it turns to the other side
/// (names it), which is how a sentence about the relationship itself reads.
fn speaker_goes_on(
    taxonomy: &Taxonomy,
    own: &TopicTag,
    previous: Option<&NormClaim>,
    speaker: Option<&str>,
) -> bool {
    let (Some(prev), Some(speaker)) = (previous, speaker) else {
        return false;
    };
    // Only the catch-all of overall relations (and the areas it holds): the
    // other general areas (posture, competition, the consensus) are points
    // of their own wherever they are made.
    prev.speaker.as_deref() == Some(speaker)
        && taxonomy.is_catch_all(&own.id)
        && prev
            .topic
            .as_ref()
            .is_some_and(|t| t.source != TopicSource::Fallback && taxonomy.is_specific(&t.id))
}

/// Whether the claim before is on a specific area other than the one a
/// claim's event words name ("ceasefire" after a sentence on Gaza).
fn on_another_area(taxonomy: &Taxonomy, own: &taxonomy::Tag, previous: Option<&NormClaim>) -> bool {
    previous.and_then(|p| p.topic.as_ref()).is_some_and(|t| {
        t.source != TopicSource::Fallback
            && taxonomy.is_specific(&t.id)
            && t.id != taxonomy.topics[own.topic].id
    })
}

/// An analyst's `topic:` resolved against the taxonomy, or kept as a new topic.
fn override_topic(name: &str, taxonomy: &Taxonomy) -> TopicTag {
    match taxonomy.resolve(name) {
        Some(i) => {
            let t = &taxonomy.topics[i];
            TopicTag {
                id: t.id.clone(),
                label: t.label.clone(),
                source: TopicSource::Override,
                cue: name.to_string(),
            }
        }
        None => TopicTag {
            id: simplify(name).replace(' ', "-"),
            label: name.trim().to_string(),
            source: TopicSource::Override,
            cue: name.to_string(),
        },
    }
}

#[cfg(test)]
mod tests;
