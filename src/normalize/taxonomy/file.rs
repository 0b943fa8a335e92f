//! The topics file (the built-in topics.yaml, and a user's `--topics
//! FILE`): its format, and how a user's file extends or replaces the
//! built-in taxonomy.

use serde::Deserialize;

use super::{Taxonomy, Topic};
use crate::error::Error;
use crate::load::{Limits, read_text, yaml};
use crate::normalize::fasthash::FxHashSet;

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a topics file: a mapping with `topics:` (a list) and optional `replace: true`"
)]
pub(super) struct TopicFile {
    /// Replace the built-in taxonomy instead of extending it.
    #[serde(default)]
    replace: bool,
    /// Topic of untagged claims that name a party (see topics.yaml).
    #[serde(default)]
    pub(super) fallback: Option<String>,
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
    /// Keywords that name whom a matter touches, not the matter (see
    /// topics.yaml): they tag their topic only when no other specific
    /// topic is named.
    #[serde(default)]
    actors: Vec<String>,
    /// Keywords that name the meeting itself (see topics.yaml): they tag
    /// their topic only when no other topic is named.
    #[serde(default)]
    occasions: Vec<String>,
    /// Keywords that name who is to act (see topics.yaml): beside the
    /// leaders' consensus they name no area of their own.
    #[serde(default)]
    parties: Vec<String>,
    /// Keywords that say where, not what about (see topics.yaml): like
    /// `occasions`, they tag their topic only when no other topic is named.
    #[serde(default)]
    places: Vec<String>,
    /// Names of government bodies (see topics.yaml): who acts, not what
    /// about, so they name no topic.
    #[serde(default)]
    offices: Vec<String>,
    /// Phrases that say where but name no place ("around the world", see
    /// topics.yaml): like offices, they name no topic.
    #[serde(default)]
    everywhere: Vec<String>,
    /// Phrases that speak of many areas at once ("in various fields", see
    /// topics.yaml): beside the leaders' consensus, a review of progress.
    #[serde(default)]
    many_areas: Vec<String>,
    pub(super) topics: Vec<FileTopic>,
}

/// A topic as a topics file gives it: weight and parent only when written,
/// so that extending a built-in topic keeps what the file does not say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileTopic {
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
    one_area: Option<bool>,
    opening: Option<bool>,
    outranks_fallback: Option<bool>,
    purposed: Option<bool>,
    each_its_own: Option<bool>,
    stays: Option<bool>,
    viewed: Option<bool>,
    arena: Option<bool>,
    containment: Option<bool>,
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
            one_area: t.one_area.unwrap_or(false),
            opening: t.opening.unwrap_or(false),
            outranks_fallback: t.outranks_fallback.unwrap_or(false),
            purposed: t.purposed.unwrap_or(false),
            each_its_own: t.each_its_own.unwrap_or(false),
            stays: t.stays.unwrap_or(false),
            viewed: t.viewed.unwrap_or(false),
            arena: t.arena.unwrap_or(false),
            containment: t.containment.unwrap_or(false),
        }
    }
}

/// The word lists of a topics file beside its topics: what kind of word a
/// keyword is, and the phrases that name no topic.
#[derive(Debug, Default)]
pub(super) struct Kinds {
    pub(super) situational: Vec<String>,
    pub(super) actors: Vec<String>,
    pub(super) occasions: Vec<String>,
    pub(super) parties: Vec<String>,
    pub(super) places: Vec<String>,
    pub(super) offices: Vec<String>,
    pub(super) everywhere: Vec<String>,
    pub(super) many_areas: Vec<String>,
}

impl Kinds {
    /// Adds `more`'s words to each list.
    fn extend(&mut self, more: Kinds) {
        self.situational.extend(more.situational);
        self.actors.extend(more.actors);
        self.occasions.extend(more.occasions);
        self.parties.extend(more.parties);
        self.places.extend(more.places);
        self.offices.extend(more.offices);
        self.everywhere.extend(more.everywhere);
        self.many_areas.extend(more.many_areas);
    }
}

impl TopicFile {
    /// Takes the file's word lists, leaving its topics.
    pub(super) fn kinds(&mut self) -> Kinds {
        let take = std::mem::take;
        Kinds {
            situational: take(&mut self.situational),
            actors: take(&mut self.actors),
            occasions: take(&mut self.occasions),
            parties: take(&mut self.parties),
            places: take(&mut self.places),
            offices: take(&mut self.offices),
            everywhere: take(&mut self.everywhere),
            many_areas: take(&mut self.many_areas),
        }
    }
}

impl Taxonomy {
    /// The word lists the taxonomy was compiled from.
    fn kinds(&self) -> Kinds {
        let listed = |set: &FxHashSet<String>| set.iter().cloned().collect();
        Kinds {
            situational: listed(&self.situational),
            actors: listed(&self.actors),
            occasions: listed(&self.occasions),
            parties: listed(&self.parties),
            places: listed(&self.places),
            offices: self.offices.clone(),
            everywhere: self.everywhere.clone(),
            many_areas: self.many_areas.clone(),
        }
    }

    /// The built-in taxonomy extended (or replaced) by the topics file at `path`.
    pub fn with_file(path: &str, limits: &Limits) -> Result<Taxonomy, Error> {
        let text = read_text(path, limits)?;
        let mut file: TopicFile = yaml::parse(path, &text, limits.yaml)?;
        let built_in = Taxonomy::built_in();
        let fallback = match (&file.fallback, file.replace) {
            (Some(f), _) => Some(f.clone()),
            (None, true) => None,
            (None, false) => built_in.fallback.map(|i| built_in.topics[i].id.clone()),
        };
        let (mut topics, mut kinds) = if file.replace {
            (Vec::new(), Kinds::default())
        } else {
            let kinds = built_in.kinds();
            (built_in.topics, kinds)
        };
        kinds.extend(file.kinds());
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
                    existing.one_area = t.one_area.unwrap_or(existing.one_area);
                    existing.opening = t.opening.unwrap_or(existing.opening);
                    existing.outranks_fallback =
                        t.outranks_fallback.unwrap_or(existing.outranks_fallback);
                    existing.purposed = t.purposed.unwrap_or(existing.purposed);
                    existing.each_its_own = t.each_its_own.unwrap_or(existing.each_its_own);
                    existing.stays = t.stays.unwrap_or(existing.stays);
                    existing.viewed = t.viewed.unwrap_or(existing.viewed);
                    existing.arena = t.arena.unwrap_or(existing.arena);
                    existing.containment = t.containment.unwrap_or(existing.containment);
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
        Ok(Taxonomy::compile(topics, fallback.as_deref(), kinds))
    }
}
