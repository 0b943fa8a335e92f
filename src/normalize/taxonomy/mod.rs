//! The topic taxonomy: built-in data, extended or replaced by `--topics FILE`,
//! and the tagging of a claim with its topic (`tag`).

mod tag;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fasthash::FxHashSet;
use super::phrases::PhraseSet;
use super::text::matching_form;
use crate::error::Error;
use crate::load::{Limits, read_text, yaml};

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
    /// Keywords that name a kind of event, not where it happens (see
    /// topics.yaml): the claim before says which area they are about.
    #[serde(default)]
    situational: Vec<String>,
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
    phrases: PhraseSet<Keyword>,
    /// Keywords that name a kind of event ("ceasefire"), lowercase.
    situational: FxHashSet<String>,
}

/// What a matched keyword or alias says: its topic, and whether it names a
/// kind of event rather than a place (`situational`), settled when the
/// taxonomy is compiled rather than looked up at each match.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyword {
    pub topic: usize,
    pub situational: bool,
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
pub const ALTERNATIVE_SHARE: f64 = 0.5;

impl Taxonomy {
    /// The built-in taxonomy (parsed and compiled once per process).
    pub fn built_in() -> Taxonomy {
        Taxonomy::shared().clone()
    }

    /// The built-in taxonomy, borrowed: the one copy the process compiled.
    pub fn shared() -> &'static Taxonomy {
        static BUILT: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| {
            let file: TopicFile = crate::load::yaml::built_in("topics", BUILT_IN);
            let topics = file.topics.into_iter().map(Topic::from).collect();
            Taxonomy::compile(topics, file.fallback.as_deref(), file.situational)
        })
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
        let (mut topics, mut situational) = if file.replace {
            (Vec::new(), Vec::new())
        } else {
            (built_in.topics, built_in.situational.into_iter().collect())
        };
        situational.extend(file.situational);
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
        Ok(Taxonomy::compile(topics, fallback.as_deref(), situational))
    }

    fn compile(topics: Vec<Topic>, fallback: Option<&str>, situational: Vec<String>) -> Taxonomy {
        let situational: FxHashSet<String> =
            situational.into_iter().map(|k| k.to_lowercase()).collect();
        let mut phrases = PhraseSet::default();
        for (i, t) in topics.iter().enumerate() {
            for p in t
                .keywords
                .iter()
                .chain(&t.aliases)
                .chain(std::iter::once(&t.label))
            {
                let keyword = Keyword {
                    topic: i,
                    situational: situational.contains(&p.trim().to_lowercase()),
                };
                phrases.insert(p, keyword);
            }
        }
        let fallback = fallback.and_then(|f| topics.iter().position(|t| t.id == f));
        Taxonomy {
            topics,
            fallback,
            phrases,
            situational,
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
            (
                "Wang held a phone call with Blinken, exchanging views on China-U.S. ties.",
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
            // The agenda's own words, found in no readout of the corpus yet:
            // the goods of the overcapacity dispute, trade remedies, and the
            // economy's demand, property and money.
            (
                "She pointed to excess output of electric vehicles, batteries and solar panels.",
                "trade",
            ),
            (
                "He urged the removal of the Section 301 tariffs and anti-dumping duties.",
                "trade",
            ),
            (
                "They discussed domestic demand, the property sector and interest rates.",
                "macroeconomy",
            ),
            // "Economic" alone names no area: the noun it qualifies does.
            (
                "As the two largest economies, China and the US share responsibility for world peace.",
                "bilateral-relations",
            ),
            (
                "She raised concerns about China's economic coercion of its neighbours.",
                "trade",
            ),
            (
                "They exchanged views on the economic and financial situation of the two countries.",
                "macroeconomy",
            ),
        ] {
            assert_eq!(tagged(claim).as_deref(), Some(area), "{claim}");
        }
    }

    #[test]
    fn meetings_are_encounters_too() {
        // Military safety is about unsafe encounters, not any encounter.
        let t = Taxonomy::built_in();
        assert_ne!(
            tag(
                &t,
                "Building on the presidents' encounters in Bali, the two held frank talks."
            )
            .as_deref(),
            Some("military-safety")
        );
        assert_eq!(
            tag(&t, "Austin raised unsafe encounters at sea.").as_deref(),
            Some("military-safety")
        );
    }

    #[test]
    fn what_is_defended_decides_the_area_not_the_verb() {
        let t = Taxonomy::built_in();
        for (claim, area) in [
            (
                "Dong said China firmly defends its legitimate rights and interests.",
                "security-posture",
            ),
            (
                "Hegseth said the US will defend its interests in the region.",
                "security-posture",
            ),
            (
                "Blinken said the US will continue to defend its interests and values.",
                "bilateral-relations",
            ),
            (
                "Xi vowed to safeguard China's sovereignty and territorial integrity.",
                "bilateral-relations",
            ),
        ] {
            assert_eq!(tag(&t, claim).as_deref(), Some(area), "{claim}");
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
    fn british_spellings_read_as_american_ones() {
        // Chinese and British outlets write "defence" and "-isation".
        let t = Taxonomy::built_in();
        for (claim, area) in [
            (
                "He questioned the rise of the defence budget.",
                "security-posture",
            ),
            (
                "She stressed the path to modernisation of China.",
                "china-development",
            ),
            (
                "They discussed the complete denuclearisation of the region.",
                "korean-peninsula",
            ),
        ] {
            assert_eq!(tag(&t, claim).as_deref(), Some(area), "{claim}");
        }
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
    fn condolences_are_their_own_point_and_the_wildcards_stay_on_them() {
        let t = Taxonomy::built_in();
        let tagged = |s| tag(&t, s);
        for claim in [
            "The Secretary expressed his condolences on the passing of former Premier Li Keqiang.",
            "Blinken thanked Wang for visiting the embassy to mourn the former Secretary of State.",
        ] {
            assert_eq!(tagged(claim).as_deref(), Some("condolences"), "{claim}");
        }
        // `mourn*` and `condolence*` reach no neighbour, nor does "passing" alone.
        for claim in [
            "They met in the morning.",
            "A passing vessel was sighted.",
            "The two sides condoned nothing.",
        ] {
            assert_ne!(tagged(claim).as_deref(), Some("condolences"), "{claim}");
        }
    }

    #[test]
    fn specific_areas_are_not_folded_into_general_ones() {
        // Military safety and detained citizens are areas of their own
        // (ANNOTATION.md's list), not parts of the channels or of human rights.
        let t = Taxonomy::built_in();
        assert_eq!(t.parent("military-safety"), None);
        assert_eq!(t.parent("detained-citizens"), None);
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

    #[test]
    fn growth_and_ties_of_the_relationship_are_the_relationship() {
        let t = Taxonomy::built_in();
        // "Growth" of ties is their development, not the economy.
        assert_eq!(
            tag(
                &t,
                "Dong said the two sides should keep the growth of ties steady."
            )
            .as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tag(
                &t,
                "The two leaders exchanged views on relations between China and the United States."
            )
            .as_deref(),
            Some("bilateral-relations")
        );
        assert_eq!(
            tag(&t, "Austin and Wei held talks on defense ties.").as_deref(),
            Some("military-communication")
        );
        // Other words for the two militaries and for where the US operates.
        assert_eq!(
            tag(
                &t,
                "Dong called on the two armed forces to seek a way of getting along."
            )
            .as_deref(),
            Some("military-communication")
        );
        assert_eq!(
            tag(
                &t,
                "The US will keep sailing wherever international law permits."
            )
            .as_deref(),
            Some("south-china-sea")
        );
        // Other matters, like other issues, are the relationship's catch-all
        // (untagged, the sentence would continue the area before it).
        assert_eq!(
            tag(
                &t,
                "Views were also exchanged on other matters of mutual concern."
            )
            .as_deref(),
            Some("bilateral-relations")
        );
        // A request for the meeting is its own point; a request that the
        // other side act is not.
        assert_eq!(
            tag(&t, "Wang spoke with Blinken by phone at his request.").as_deref(),
            Some("meeting-request")
        );
        assert_ne!(
            tag(
                &t,
                "Wang requested that the US stop interfering in China's domestic affairs."
            )
            .as_deref(),
            Some("meeting-request")
        );
        // Negative: economic growth is still the economy.
        assert_eq!(
            tag(&t, "They discussed the outlook for economic growth.").as_deref(),
            Some("macroeconomy")
        );
    }

    #[test]
    fn the_instance_named_after_including_is_the_point() {
        let t = Taxonomy::built_in();
        let ids = |s: &str| -> Vec<String> {
            let toks = tokens(s);
            t.tag_all(&toks, crate::normalize::cues::Cues::get().turn(&toks))
                .into_iter()
                .map(|tag| t.topics[tag.topic].id.clone())
                .collect()
        };
        let war = ids(
            "She acknowledged risks to the global economy, including the need for Russia to end its war against Ukraine.",
        );
        assert_eq!(war, vec!["russia-ukraine".to_string()]);
        // Other markers of an instance read alike, and the category is
        // dropped even when the instance already scores higher.
        for marker in ["among them", "such as", "in particular"] {
            let other = ids(&format!(
                "The global economy faces headwinds, {marker} the need for Russia to end its illegal war against Ukraine and to respect Ukraine's sovereignty."
            ));
            assert_eq!(other, vec!["russia-ukraine".to_string()], "{marker}");
        }
        // Negative: with no marker, the broad category named first keeps the lead.
        let plain = ids(
            "She acknowledged risks to the global economy and the need for Russia to end its war against Ukraine.",
        );
        assert_eq!(plain.first().map(String::as_str), Some("macroeconomy"));
        // Negative: the marker with no specific area before it changes nothing.
        assert_eq!(
            tag(
                &t,
                "The two sides discussed a range of issues, including Taiwan."
            )
            .as_deref(),
            Some("taiwan")
        );
        // Negative: a category whose own area is among the instances keeps
        // the claim; the other areas in its list are its parts.
        assert_eq!(
            tag(
                &t,
                "They agreed to expand people-to-people exchanges, including students, journalists and business people."
            )
            .as_deref(),
            Some("people-to-people")
        );
    }
}
