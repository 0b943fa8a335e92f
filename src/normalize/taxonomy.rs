//! The topic taxonomy: built-in data, extended or replaced by `--topics FILE`,
//! and the tagging of a claim with its topic.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cues::{Cues, FOCUS};
use super::phrases::PhraseSet;
use super::text::{Token, matching_form};
use crate::error::Error;
use crate::load::{Limits, read_text, yaml};

const BUILT_IN: &str = include_str!("../data/topics.yaml");

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
    /// consensus): two accounts that both speak well of it agree, as both
    /// valuing open channels do, whatever words they use.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_point: bool,
    /// A claim naming several specific topics alongside this area's words
    /// reviews progress across them and belongs here (the leaders' consensus).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviews: bool,
}

fn one() -> f64 {
    1.0
}

fn is_one(w: &f64) -> bool {
    (*w - 1.0).abs() < f64::EPSILON
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a topics file: a mapping with `topics:` (a list) and optional `replace: true`"
)]
struct TopicFile {
    /// Replace the built-in taxonomy instead of extending it.
    #[serde(default)]
    replace: bool,
    /// Topic of untagged claims that name a party (see topics.yaml).
    #[serde(default)]
    fallback: Option<String>,
    /// Keywords that are proper names. The engine matches them as keywords
    /// of their topics; the list itself exempts them from the data hygiene
    /// test's one-claim rule (see topics.yaml).
    #[serde(default)]
    #[allow(dead_code)] // read by tests/data_hygiene.rs from the same file
    names: Vec<String>,
    topics: Vec<FileTopic>,
}

/// A topic as a topics file gives it: weight and parent only when written,
/// so that extending a built-in topic keeps what the file does not say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileTopic {
    id: String,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    weight: Option<f64>,
    parent: Option<String>,
    one_point: Option<bool>,
    reviews: Option<bool>,
}

impl From<FileTopic> for Topic {
    fn from(t: FileTopic) -> Topic {
        Topic {
            id: t.id,
            label: t.label,
            aliases: t.aliases,
            keywords: t.keywords,
            weight: t.weight.unwrap_or(1.0),
            parent: t.parent,
            one_point: t.one_point.unwrap_or(false),
            reviews: t.reviews.unwrap_or(false),
        }
    }
}

/// The taxonomy in force, compiled for tagging.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub topics: Vec<Topic>,
    /// Index of the topic for untagged claims that name a party.
    pub fallback: Option<usize>,
    phrases: PhraseSet<usize>,
}

/// What the tagger found of one topic in a claim.
#[derive(Debug, Clone, Copy)]
struct Found<'a> {
    /// The best match's score, and the sum of the others.
    best: f64,
    rest: f64,
    /// Where its first match starts, and that match's phrase.
    first: usize,
    cue: &'a str,
    /// Where its first match that is not a word about the talks' tone starts.
    substance: usize,
    /// Whether it is named after the sentence's contrast marker.
    focused: bool,
}

impl Default for Found<'_> {
    fn default() -> Self {
        Found {
            best: 0.0,
            rest: 0.0,
            first: usize::MAX,
            cue: "",
            substance: usize::MAX,
            focused: false,
        }
    }
}

/// A topic's score on a claim, with where it is first named.
#[derive(Debug, Clone, Copy)]
struct Scored<'a> {
    topic: usize,
    score: f64,
    first: usize,
    substance: usize,
    focused: bool,
    cue: &'a str,
}

/// Share of the best general topic's score at which the general topic of
/// the lead clause still wins ("agreed to maintain the channel ..., building
/// on the leaders' meeting in Bali" is about the channel).
const LEAD_SHARE: f64 = 0.6;

/// Specific topics a claim must name to review progress across areas.
const REVIEWED_AREAS: usize = 2;

/// Why a claim got its topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub topic: usize,
    /// The keyword or alias that decided it.
    pub cue: String,
    pub score: f64,
}

/// A second topic scoring at least this share of the best one is an
/// alternative filing for the claim (align uses it to meet the other side).
pub const ALTERNATIVE_SHARE: f64 = 0.5;

impl Taxonomy {
    /// The built-in taxonomy (parsed and compiled once per process).
    pub fn built_in() -> Taxonomy {
        static BUILT: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();
        BUILT
            .get_or_init(|| {
                let file: TopicFile = crate::load::yaml::built_in("topics", BUILT_IN);
                let topics = file.topics.into_iter().map(Topic::from).collect();
                Taxonomy::compile(topics, file.fallback.as_deref())
            })
            .clone()
    }

    /// The built-in taxonomy extended (or replaced) by the topics file at `path`.
    pub fn with_file(path: &str, limits: &Limits) -> Result<Taxonomy, Error> {
        let text = read_text(path, limits)?;
        let file: TopicFile = yaml::parse(path, &text, limits.yaml)?;
        let built_in = Taxonomy::built_in();
        let fallback = match (&file.fallback, file.replace) {
            (Some(f), _) => Some(f.clone()),
            (None, true) => None,
            (None, false) => built_in.fallback.map(|i| built_in.topics[i].id.clone()),
        };
        let mut topics = if file.replace {
            Vec::new()
        } else {
            built_in.topics
        };
        for (i, t) in file.topics.into_iter().enumerate() {
            let id = t.id.trim().to_string();
            if id.is_empty() || t.label.trim().is_empty() {
                return Err(Error::input(
                    path,
                    0,
                    0,
                    format!("topic #{} needs a non-empty `id` and `label`", i + 1),
                ));
            }
            if let Some(w) = t.weight
                && !(w.is_finite() && w >= 0.0)
            {
                return Err(Error::input(
                    path,
                    0,
                    0,
                    format!("topic `{id}` has weight {w}: expected a number of 0 or more"),
                ));
            }
            match topics.iter_mut().find(|o| o.id == id) {
                // Extending is idempotent: what the topic already has is not added twice.
                Some(existing) => {
                    existing.label = t.label;
                    for a in t.aliases {
                        if !existing.aliases.contains(&a) {
                            existing.aliases.push(a);
                        }
                    }
                    for k in t.keywords {
                        if !existing.keywords.contains(&k) {
                            existing.keywords.push(k);
                        }
                    }
                    existing.weight = t.weight.unwrap_or(existing.weight);
                    existing.parent = t.parent.or(existing.parent.take());
                    existing.one_point = t.one_point.unwrap_or(existing.one_point);
                    existing.reviews = t.reviews.unwrap_or(existing.reviews);
                }
                None => topics.push(Topic {
                    id,
                    ..Topic::from(t)
                }),
            }
        }
        for t in &topics {
            if let Some(p) = &t.parent
                && !topics.iter().any(|o| &o.id == p)
            {
                return Err(Error::input(
                    path,
                    0,
                    0,
                    format!("topic `{}` has unknown parent `{p}`", t.id),
                ));
            }
        }
        if let Some(f) = &fallback
            && !topics.iter().any(|o| &o.id == f)
        {
            return Err(Error::input(
                path,
                0,
                0,
                format!("fallback topic `{f}` is not in the taxonomy"),
            ));
        }
        Ok(Taxonomy::compile(topics, fallback.as_deref()))
    }

    fn compile(topics: Vec<Topic>, fallback: Option<&str>) -> Taxonomy {
        let mut phrases = PhraseSet::default();
        for (i, t) in topics.iter().enumerate() {
            for p in t
                .keywords
                .iter()
                .chain(&t.aliases)
                .chain(std::iter::once(&t.label))
            {
                phrases.insert(p, i);
            }
        }
        let fallback = fallback.and_then(|f| topics.iter().position(|t| t.id == f));
        Taxonomy {
            topics,
            fallback,
            phrases,
        }
    }

    /// Every topic a claim speaks of strongly enough to be filed under it:
    /// the best first, then those scoring at least `ALTERNATIVE_SHARE` of it.
    /// `turn` is where the sentence's point starts (`Cues::turn`), if it turns.
    pub fn tag_all(&self, toks: &[Token], turn: Option<usize>) -> Vec<Tag> {
        let tone = &Cues::get().tone_terms;
        let mut found: Vec<Found> = vec![Found::default(); self.topics.len()];
        for m in self.phrases.find_longest(toks) {
            let f = &mut found[*m.value];
            // Longer phrases count a little more, named things most.
            let mut score = self.topics[*m.value].weight * (1.0 + (m.len as f64 - 1.0) / 4.0);
            if turn.is_some_and(|t| m.start >= t) {
                score *= FOCUS;
                f.focused = true;
            }
            if score > f.best {
                f.rest += f.best;
                f.best = score;
            } else {
                f.rest += score;
            }
            if f.cue.is_empty() {
                f.first = m.start;
                f.cue = m.phrase;
            }
            let about_tone = m.len == 1 && tone.contains(&super::text::stem(&toks[m.start].norm));
            if !about_tone && f.substance == usize::MAX {
                f.substance = m.start;
            }
        }
        // The best match decides; further matches of a topic add a quarter
        // of their sum, at most a quarter of the best match, so that a pile
        // of general words does not outvote one phrase of another topic.
        let mut scored: Vec<Scored> = found
            .into_iter()
            .enumerate()
            .filter(|(_, f)| f.best > 0.0)
            .map(|(topic, f)| Scored {
                topic,
                score: f.best + f.rest.min(f.best) / 4.0,
                first: f.first,
                substance: f.substance,
                focused: f.focused,
                cue: f.cue,
            })
            .collect();
        // After a contrast marker comes the point: a topic named there comes
        // first. Then a specific topic named anywhere in the claim, then the
        // highest score; ties go to the topic mentioned first.
        let general = |i: usize| self.topics[i].weight < 1.0;
        scored.sort_by(|a, b| {
            b.focused
                .cmp(&a.focused)
                .then(general(a.topic).cmp(&general(b.topic)))
                .then(b.score.total_cmp(&a.score))
                .then(a.first.cmp(&b.first))
                .then(a.topic.cmp(&b.topic))
        });
        self.review_of_areas(&mut scored);
        if turn.is_none() {
            self.lead_clause(&mut scored);
        }
        let top = scored.first().map_or(0.0, |s| s.score);
        scored
            .into_iter()
            .filter(|s| s.score >= top * ALTERNATIVE_SHARE)
            .map(|s| Tag {
                topic: s.topic,
                cue: s.cue.to_string(),
                score: s.score,
            })
            .collect()
    }

    /// A `reviews` area (the leaders' consensus) holds a claim that names
    /// no other area, or several specific ones at once ("following the
    /// leaders' meeting, ... on strategic risk, health security and
    /// climate": a review of progress). When the claim names one other area
    /// ("the leaders' consensus on resuming military communication"), that
    /// area is the point. Words about the talks' tone, and the fallback area
    /// (overall relations), are no area here.
    fn review_of_areas(&self, scored: &mut Vec<Scored>) {
        let Some(i) = scored.iter().position(|s| self.topics[s.topic].reviews) else {
            return;
        };
        let specific = scored
            .iter()
            .filter(|s| self.topics[s.topic].weight >= 1.0)
            .count();
        // The fallback area (overall relations) is where everything general
        // goes: naming it is not naming an area.
        let other_areas = scored
            .iter()
            .filter(|s| {
                !self.topics[s.topic].reviews
                    && s.substance != usize::MAX
                    && Some(s.topic) != self.fallback
            })
            .count();
        let review = scored.remove(i);
        if specific >= REVIEWED_AREAS || other_areas == 0 {
            scored.insert(0, review);
        } else {
            scored.push(review);
        }
    }

    /// With no contrast marker, a claim with two points goes to the area of
    /// its lead clause: of the topics of the winner's kind (specific or
    /// general), the one named first wins when it scores at least
    /// `LEAD_SHARE` of the best. A `reviews` area does not take the lead
    /// from the area it names (see `review_of_areas`).
    fn lead_clause(&self, scored: &mut [Scored]) {
        let Some(top) = scored.first() else { return };
        let general = |t: usize| self.topics[t].weight < 1.0;
        let (kind, best) = (general(top.topic), top.score);
        let lead = scored
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                general(s.topic) == kind
                    && s.score >= best * LEAD_SHARE
                    && (*i == 0 || !self.topics[s.topic].reviews)
            })
            .min_by_key(|(_, s)| s.first)
            .map(|(i, _)| i);
        if let Some(i) = lead {
            scored[..=i].rotate_right(1);
        }
    }

    /// The best topic for a claim's tokens, if any keyword fires.
    pub fn tag(&self, toks: &[Token]) -> Option<Tag> {
        self.tag_all(toks, Cues::get().turn(toks))
            .into_iter()
            .next()
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

    /// The parent topic id of `id`, if it has one.
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(|t| t.parent.as_deref())
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
mod tests {
    use super::*;
    use crate::normalize::text::tokens;

    fn tag(t: &Taxonomy, s: &str) -> Option<String> {
        t.tag(&tokens(s)).map(|tag| t.topics[tag.topic].id.clone())
    }

    #[test]
    fn built_in_has_enough_topics_with_unique_ids() {
        let t = Taxonomy::built_in();
        assert!(t.topics.len() >= 25);
        let mut ids: Vec<_> = t.topics.iter().map(|t| &t.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), t.topics.len());
    }

    #[test]
    fn aliases_meet() {
        let t = Taxonomy::built_in();
        assert_eq!(
            tag(&t, "Coast guard vessels near Ren\u{2019}ai Reef").as_deref(),
            Some("south-china-sea")
        );
        assert_eq!(
            tag(&t, "Xi discussed the Ukraine crisis").as_deref(),
            Some("russia-ukraine")
        );
        assert_eq!(
            tag(&t, "Both value mil-mil channels").as_deref(),
            Some("military-communication")
        );
        assert_eq!(tag(&t, "The weather was nice"), None);
    }

    #[test]
    fn the_general_areas_of_an_analyst() {
        let t = Taxonomy::built_in();
        let tagged = |s| tag(&t, s);
        for (claim, area) in [
            (
                "The United States does not seek a new Cold War or to contain China.",
                "competition",
            ),
            (
                "Wang said the US is forming small cliques to suppress China.",
                "competition",
            ),
            (
                "The two sides agreed to implement the important consensus reached by the two heads of state.",
                "leaders-consensus",
            ),
            (
                "Austin emphasized the need to maintain open lines of communication.",
                "military-communication",
            ),
            (
                "Hegseth said the US will resolutely protect its vital interests.",
                "security-posture",
            ),
            (
                "Wang Yi held a phone call with Blinken at the latter's request.",
                "meeting-request",
            ),
            (
                "The talks were candid, in-depth and constructive.",
                "bilateral-relations",
            ),
            (
                "Relations are at a critical juncture.",
                "bilateral-relations",
            ),
        ] {
            assert_eq!(tagged(claim).as_deref(), Some(area), "{claim}");
        }
    }

    #[test]
    fn the_economic_track() {
        let t = Taxonomy::built_in();
        let tagged = |s| tag(&t, s);
        for (claim, area) in [
            (
                "Yellen raised concerns about China's industrial overcapacity.",
                "trade",
            ),
            (
                "He objected to US export controls and sanctions on Chinese firms.",
                "trade",
            ),
            (
                "They exchanged views on the global macroeconomic outlook and financial stability.",
                "macroeconomy",
            ),
            (
                "Both sides welcomed the work of the financial working group.",
                "macroeconomy",
            ),
            (
                "Yellen said the US seeks a healthy economic relationship with China.",
                "bilateral-relations",
            ),
            (
                "They agreed to deepen cooperation on climate change.",
                "climate",
            ),
        ] {
            assert_eq!(tagged(claim).as_deref(), Some(area), "{claim}");
        }
    }

    #[test]
    fn the_lead_clause_decides_between_general_areas() {
        let t = Taxonomy::built_in();
        assert_eq!(
            tag(
                &t,
                "The two sides agreed to maintain the strategic communication channel, building on the leaders' meeting in Bali."
            )
            .as_deref(),
            Some("military-communication")
        );
        assert_eq!(
            tag(
                &t,
                "Hegseth said the US does not seek to contain China and will defend its interests."
            )
            .as_deref(),
            Some("competition")
        );
    }

    #[test]
    fn the_leaders_consensus_yields_to_the_one_area_it_names_and_holds_a_review() {
        let t = Taxonomy::built_in();
        assert_eq!(
            tag(
                &t,
                "The heads of state reached consensus on resuming communication between the two militaries."
            )
            .as_deref(),
            Some("military-communication")
        );
        assert_eq!(
            tag(
                &t,
                "Following up on the Bali summit, they discussed progress on counternarcotics, climate change and health security."
            )
            .as_deref(),
            Some("leaders-consensus")
        );
    }

    #[test]
    fn specific_topics_beat_general_ones() {
        let t = Taxonomy::built_in();
        assert_eq!(
            tag(
                &t,
                "China's role in supporting Russia's defense industrial base harms relations"
            )
            .as_deref(),
            Some("russia-ukraine")
        );
    }

    #[test]
    fn the_clause_after_a_contrast_carries_the_topic() {
        let t = Taxonomy::built_in();
        let tagged = |s| tag(&t, s);
        assert_eq!(
            tagged("He values the ties between the two militaries, but the US must respect core interests")
                .as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tagged("He values the ties between the two militaries, and the US must respect core interests")
                .as_deref(),
            Some("military-communication")
        );
        // "but also" adds; it does not turn.
        assert_eq!(
            tagged(
                "He values not only the ties between the two militaries but also core interests"
            )
            .as_deref(),
            Some("military-communication")
        );
    }

    #[test]
    fn the_state_of_the_world_and_the_agenda_in_general_are_overall_relations() {
        let t = Taxonomy::built_in();
        assert_eq!(
            tag(&t, "Xi said the world is neither peaceful nor tranquil").as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tag(&t, "The two sides discussed regional and global issues").as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tag(
                &t,
                "The two leaders had a candid, constructive discussion on a range of bilateral, regional, and global issues"
            )
            .as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tag(
                &t,
                "They addressed bilateral issues that affect people around the world"
            )
            .as_deref(),
            Some("bilateral-relations")
        );
    }

    #[test]
    fn a_war_is_named_by_its_place_not_by_the_word_conflict() {
        let t = Taxonomy::built_in();
        let tagged = |s| tag(&t, s);
        assert_eq!(
            tagged("The leaders discussed the conflict in Myanmar.").as_deref(),
            Some("regional-global")
        );
        assert_eq!(
            tagged("They discussed the conflict in Gaza.").as_deref(),
            Some("middle-east")
        );
        assert_eq!(
            tagged("He raised China's purchases of Iranian oil.").as_deref(),
            Some("middle-east")
        );
        assert_eq!(
            tagged("He raised China's restrictions on exports of rare earths.").as_deref(),
            Some("trade")
        );
        assert_eq!(
            tagged("They discussed counterterrorism and Afghanistan.").as_deref(),
            Some("counterterrorism")
        );
        // A working group is about whatever it works on.
        assert_eq!(
            tagged("They agreed to set up a counternarcotics working group.").as_deref(),
            Some("fentanyl")
        );
        assert_eq!(
            tagged("Austin referenced plans to convene a crisis-communications working group.")
                .as_deref(),
            Some("military-communication")
        );
    }

    #[test]
    fn resolves_fuzzy_names() {
        let t = Taxonomy::built_in();
        let id = |s| t.resolve(s).map(|i| t.topics[i].id.clone());
        assert_eq!(id("S. China Sea").as_deref(), Some("south-china-sea"));
        assert_eq!(
            id("the South China Sea issue").as_deref(),
            Some("south-china-sea")
        );
        assert_eq!(id("taiwan").as_deref(), Some("taiwan"));
        assert_eq!(id("basket weaving"), None);
    }
}
