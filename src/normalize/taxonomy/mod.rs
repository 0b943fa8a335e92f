//! The topic taxonomy: built-in data, extended or replaced by `--topics FILE`,
//! and the tagging of a claim with its topic (`tag`).

mod file;
mod tag;

use file::{Kinds, TopicFile};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cues::Cues;
use super::fasthash::FxHashSet;
use super::initials::ByInitial;
use super::phrases::PhraseSet;
use super::stopwords;
use super::text::{self, matching_form};

const BUILT_IN: &str = include_str!("../../data/topics.yaml");

/// One topic of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Scales the topic's score. Topics of weight below 1 are general areas
    /// (overall relations, communication channels, ...): a claim that names
    /// a specific topic is filed under it however many general words it has,
    /// as analysts file "conflict is in no one's interest" on Taiwan under
    /// Taiwan; among general topics the score decides.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// A broader topic that absorbs this one when only one account speaks of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The area is itself the point (communication channels, the leaders'
    /// consensus): two accounts that both speak of it, neither critically,
    /// agree, as both valuing open channels do, whatever words they use.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_point: bool,
    /// A claim naming several specific topics alongside this area's words
    /// reviews progress across them and belongs here (the leaders' consensus).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviews: bool,
    /// Analysts keep the area in one group however finely its subjects
    /// (the topics naming it as `parent`) are told apart: its subjects'
    /// claims are always compared under it ("trade, tariffs, export
    /// controls and sanctions" is one area).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_area: bool,
    /// A claim whose opening clause (up to its first comma) names the area
    /// and nothing else is about the area, whatever it goes on to name:
    /// "At the request of the U.S. side, the Coast Guard Director held
    /// talks ..." says who asked for the meeting; the rest says only that
    /// it took place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opening: bool,
    /// ANNOTATION.md ranks the area above overall relations (the
    /// fallback): the relationship's words named first do not take the
    /// lead clause from it ("abandon the zero-sum mentality of containing
    /// and suppressing China" is competition).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outranks_fallback: bool,
    /// The area's words named before a purpose clause keep the claim: a
    /// specific area named only in that clause is what the area is for
    /// ("a valuable mechanism for the two militaries to discuss
    /// operational safety" is about the mechanism; `purposes` in cues.yaml).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub purposed: bool,
    /// Each side speaks of its own in the area (its posture, its resolve,
    /// its capabilities): two accounts that use the same words there make
    /// parallel points, not one ("a strong, combat-credible posture" beside
    /// "strong capability to safeguard sovereignty").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub each_its_own: bool,
    /// A claim on the area stays in it: it is not filed under another topic
    /// it touches to meet the other account there. A concern raised about
    /// forced labor "in global supply chains" is a human rights concern,
    /// one side's alone, however much the other says of trade.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stays: bool,
    /// The area names the other side as a whole (its development, its
    /// path): a call to view it rightly ("should view China's development
    /// in an objective and rational light"), in a claim that names no
    /// other area, is how one side perceives the other, no claim on the
    /// area: it goes where a claim naming no area goes (with the claim it
    /// continues, else overall relations, "a side's general policy toward
    /// the other" in ANNOTATION.md).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub viewed: bool,
    /// The area is a field of cooperation the two sides' rivalry is waged
    /// in (the economy, the climate): a claim that names containment there
    /// ("exclusive small circles in supply chains aimed at China") is about
    /// the containment, competition and containment in ANNOTATION.md, and
    /// the field is where it is waged, no topic of the claim's own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub arena: bool,
    /// The area such containment is filed under (competition and
    /// containment).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub containment: bool,
}

impl Topic {
    /// The stemmed words of the topic's keywords, wildcards cut ("south",
    /// "china", "sea"; "stabiliz" of "stabiliz*"): the words that name it.
    pub fn keyword_stems(&self) -> impl Iterator<Item = String> + '_ {
        self.keywords
            .iter()
            .flat_map(|k| text::tokens(k.trim_end_matches('*')))
            .map(|t| text::stem(&t.norm))
    }
}

fn one() -> f64 {
    1.0
}

fn is_one(w: &f64) -> bool {
    (*w - 1.0).abs() < f64::EPSILON
}

/// The taxonomy in force, compiled for tagging.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub topics: Vec<Topic>,
    /// Index of the topic for untagged claims that name a party.
    pub fallback: Option<usize>,
    phrases: PhraseSet<Keyword>,
    /// Keywords that name a kind of event ("ceasefire"), lowercase.
    situational: FxHashSet<String>,
    /// Keywords that name whom a matter touches ("companies"), lowercase.
    actors: FxHashSet<String>,
    /// Keywords that name the meeting itself ("visit"), lowercase.
    occasions: FxHashSet<String>,
    /// Keywords that name who is to act ("two militaries"), lowercase.
    parties: FxHashSet<String>,
    /// Keywords that say where, not what about ("asia-pacific"), lowercase.
    places: FxHashSet<String>,
    /// Names of government bodies ("department of commerce"), as written.
    pub offices: Vec<String>,
    /// Phrases that say where but name no place ("around the world"), as
    /// written.
    pub everywhere: Vec<String>,
    /// The offices and the everywhere phrases, compiled for matching: the
    /// words a claim's topic is chosen without.
    pub no_topic_names: PhraseSet<()>,
    /// Phrases that speak of many areas at once ("in various fields"), as
    /// written, and compiled for matching.
    pub many_areas: Vec<String>,
    many_areas_phrases: PhraseSet<()>,
}

/// What a matched keyword or alias says: its topic, and whether it names a
/// kind of event rather than a place (`situational`), settled when the
/// taxonomy is compiled rather than looked up at each match.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyword {
    pub topic: usize,
    pub situational: bool,
    /// It names whom a matter touches, not the matter (`actors`).
    pub actor: bool,
    /// It names the meeting itself, or where a matter is, not a matter
    /// (`occasions`, `places`).
    pub occasion: bool,
    /// It names who is to act, not what about (`parties`).
    pub party: bool,
    /// Every word of it is a word of the talks' tone ("candid",
    /// "in-depth"; `tone` in cues.yaml) or a stopword.
    pub tone: bool,
    /// It is one word for the talks themselves ("consultations",
    /// "exchanges"; `discussion` and `engagement` in cues.yaml).
    pub talk: bool,
    /// The tokens its abbreviations' dots add: a phrase's length, for the
    /// score's bonus of a longer phrase, is in words, and an abbreviation
    /// is one word however it is spelled (the tokens of "China-U.S.
    /// relations" are four, "u" and "s" apart; those of "China-US
    /// relations" three; the same name must weigh the same). Counted at
    /// start-up only for the few keywords with a dot.
    pub dotted: usize,
}

/// The stems of the words for the talks' tone and for the talks
/// themselves (cues.yaml's `tone`, and `discussion` with `engagement`),
/// to tell at start-up which keywords are such words.
struct TalkStems {
    tone: Stems,
    talk: Stems,
}

impl TalkStems {
    fn new() -> TalkStems {
        let cues = Cues::get();
        TalkStems {
            tone: Stems::new(&[&cues.tone_terms]),
            talk: Stems::new(&[&cues.discussion_terms, &cues.engagement_terms]),
        }
    }

    /// Whether every word of a keyword is a word of the talks' tone or a
    /// stopword ("in-depth" is tone however it is split into words).
    fn tone(&self, key: &str) -> bool {
        let mut words = key_words(key).peekable();
        words.peek().is_some() && words.all(|w| stopwords().contains(w) || self.tone.has_stem_of(w))
    }

    /// Whether a keyword is one word for the talks themselves.
    fn talk(&self, key: &str) -> bool {
        let word = key.trim_end_matches('*');
        // Nearly no keyword begins with such a word: ask that first, and
        // split only the few that do.
        self.talk.has_stem_of(word) && key_words(word).nth(1).is_none()
    }
}

/// A few stems, grouped by first byte: a thousand keywords are looked up
/// at start-up, nearly all in vain.
struct Stems(ByInitial<'static>);

impl Stems {
    fn new(sets: &[&'static FxHashSet<String>]) -> Stems {
        Stems(ByInitial::new(
            sets.iter().flat_map(|s| s.iter().map(String::as_str)),
        ))
    }

    /// Whether a word's stem is among them. A stem begins its word, so a
    /// word is stemmed only when one of them does.
    fn has_stem_of(&self, word: &str) -> bool {
        self.0.like(word).iter().any(|s| word.starts_with(s)) && self.0.contains(&text::stem(word))
    }
}

/// A lowercase keyword's words, as the tokenizer splits them (no copy:
/// thousands of keywords are classified at start-up).
fn key_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
}

/// Why a claim got its topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub topic: usize,
    /// The keyword or alias that decided it.
    pub cue: String,
    pub score: f64,
    /// Every word that named the topic names a kind of event, not where it
    /// happens ("ceasefire"): the paragraph decides which area it is.
    pub situational: bool,
}

/// A second topic scoring at least this share of the best one is an
/// alternative filing for the claim (align uses it to meet the other side).
pub const ALTERNATIVE_SHARE: f64 = 0.75;

impl Taxonomy {
    /// The built-in taxonomy (parsed and compiled once per process).
    pub fn built_in() -> Taxonomy {
        Taxonomy::shared().clone()
    }

    /// The built-in taxonomy, borrowed: the one copy the process compiled.
    pub fn shared() -> &'static Taxonomy {
        static BUILT: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| {
            let mut file: TopicFile = crate::load::yaml::built_in("topics", BUILT_IN);
            let kinds = file.kinds();
            let topics = file.topics.into_iter().map(Topic::from).collect();
            Taxonomy::compile(topics, file.fallback.as_deref(), kinds)
        })
    }

    fn compile(topics: Vec<Topic>, fallback: Option<&str>, kinds: Kinds) -> Taxonomy {
        let lower = |list: Vec<String>| -> FxHashSet<String> {
            list.into_iter().map(|k| k.to_lowercase()).collect()
        };
        let situational = lower(kinds.situational);
        let actors = lower(kinds.actors);
        let occasions = lower(kinds.occasions);
        let parties = lower(kinds.parties);
        let places = lower(kinds.places);
        // Where a matter is, like the meeting itself, is no matter beside
        // one that is named: one set, looked up once per keyword.
        let no_matter: FxHashSet<&str> = occasions
            .iter()
            .chain(&places)
            .map(String::as_str)
            .collect();
        // Most keywords are of no kind: one lookup in every list at once
        // spares them the lookup in each.
        let of_a_kind: FxHashSet<&str> = situational
            .iter()
            .chain(&actors)
            .chain(&occasions)
            .chain(&places)
            .chain(&parties)
            .map(String::as_str)
            .collect();
        let talk_stems = TalkStems::new();
        let written = topics
            .iter()
            .map(|t| t.keywords.len() + t.aliases.len() + 1)
            .sum();
        let mut phrases = PhraseSet::with_capacity(written);
        for (i, t) in topics.iter().enumerate() {
            for p in t
                .keywords
                .iter()
                .chain(&t.aliases)
                .chain(std::iter::once(&t.label))
            {
                let key = text::lowercased(p.trim());
                let key = key.as_ref();
                let kind = of_a_kind.contains(key);
                let keyword = Keyword {
                    topic: i,
                    situational: kind && situational.contains(key),
                    actor: kind && actors.contains(key),
                    occasion: kind && no_matter.contains(key),
                    party: kind && parties.contains(key),
                    tone: talk_stems.tone(key),
                    talk: talk_stems.talk(key),
                    dotted: if key.contains('.') {
                        text::tokens(key)
                            .len()
                            .saturating_sub(text::tokens(&key.replace('.', "")).len())
                    } else {
                        0
                    },
                };
                phrases.insert(p, keyword);
            }
        }
        let fallback = fallback.and_then(|f| topics.iter().position(|t| t.id == f));
        let mut no_topic_names =
            PhraseSet::with_capacity(kinds.offices.len() + kinds.everywhere.len());
        for o in kinds.offices.iter().chain(&kinds.everywhere) {
            no_topic_names.insert(o, ());
        }
        let mut many_areas_phrases = PhraseSet::with_capacity(kinds.many_areas.len());
        for p in &kinds.many_areas {
            many_areas_phrases.insert(p, ());
        }
        Taxonomy {
            topics,
            fallback,
            phrases,
            situational,
            actors,
            occasions,
            parties,
            places,
            offices: kinds.offices,
            everywhere: kinds.everywhere,
            no_topic_names,
            many_areas: kinds.many_areas,
            many_areas_phrases,
        }
    }

    /// Resolves a topic name (id, label or alias, fuzzily) to a topic.
    /// "S. China Sea" and "the South China Sea issue" both find `south-china-sea`.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        let want = simplify(name);
        if want.is_empty() {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        for (i, t) in self.topics.iter().enumerate() {
            let names = std::iter::once(&t.id)
                .chain(std::iter::once(&t.label))
                .chain(&t.aliases);
            for n in names {
                let have = simplify(n);
                let score = if have == want {
                    1.0
                } else {
                    strsim::jaro_winkler(&have, &want)
                };
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, i));
                }
            }
        }
        best.filter(|(s, _)| *s >= RESOLVE_THRESHOLD)
            .map(|(_, i)| i)
    }

    /// The keywords that name whom a matter touches (`actors` in
    /// topics.yaml), sorted.
    pub fn actors(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.actors.iter().map(String::as_str).collect();
        out.sort_unstable();
        out
    }

    /// The keywords that name the meeting itself (`occasions` in
    /// topics.yaml), sorted.
    pub fn occasions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.occasions.iter().map(String::as_str).collect();
        out.sort_unstable();
        out
    }

    /// The keywords that name who is to act (`parties` in topics.yaml),
    /// sorted.
    pub fn parties(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.parties.iter().map(String::as_str).collect();
        out.sort_unstable();
        out
    }

    /// The keywords that say where, not what about (`places` in
    /// topics.yaml), sorted.
    pub fn places(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.places.iter().map(String::as_str).collect();
        out.sort_unstable();
        out
    }

    /// The keywords that name a kind of event (`situational` in
    /// topics.yaml), sorted.
    pub fn situational(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.situational.iter().map(String::as_str).collect();
        out.sort_unstable();
        out
    }

    /// Whether `id` is a specific area (Taiwan, trade, ...): weight 1 or
    /// more, and not an area that reviews others (the leaders' consensus).
    pub fn is_specific(&self, id: &str) -> bool {
        self.get(id).is_some_and(|t| t.weight >= 1.0 && !t.reviews)
    }

    /// Whether `id` is the catch-all of overall relations (the fallback) or
    /// an area it holds (its child): where a general sentence goes when it
    /// names no area of its own.
    pub fn is_catch_all(&self, id: &str) -> bool {
        let Some(fallback) = self.fallback.map(|i| self.topics[i].id.as_str()) else {
            return false;
        };
        id == fallback || self.parent(id) == Some(fallback)
    }

    /// The parent topic id of `id`, if it has one.
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(|t| t.parent.as_deref())
    }

    /// Whether the area `id` is kept in one group with all its subjects.
    pub fn is_one_area(&self, id: &str) -> bool {
        self.get(id).is_some_and(|t| t.one_area)
    }

    /// The broader area `id` is a subject of: its parent, or itself.
    pub fn area<'a>(&'a self, id: &'a str) -> &'a str {
        self.parent(id).unwrap_or(id)
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}

/// Jaro–Winkler similarity at which two topic names are taken to be the same.
pub const RESOLVE_THRESHOLD: f64 = 0.9;

/// A topic name without the words that decorate it ("the", "issue", "question")
/// and without punctuation, so that names meet on their substance.
pub fn simplify(name: &str) -> String {
    const DECORATION: &[&str] = &[
        "the",
        "issue",
        "issues",
        "question",
        "situation",
        "of",
        "in",
        "and",
    ];
    matching_form(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !DECORATION.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tag_tests;

#[cfg(test)]
mod aside_tests;

#[cfg(test)]
mod channel_tests;

#[cfg(test)]
mod consensus_tests;

#[cfg(test)]
mod area_words_tests;

#[cfg(test)]
mod own_area_tests;
