//! The intensity scale (built-in data, `src/data/intensity.yaml`): its
//! levels, the level of each stance kind and cue, the intensifiers and the
//! words of retaliation, compiled for matching.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::fasthash::{FxHashMap, FxHashSet};
use crate::normalize::phrases::PhraseSet;

const BUILT_IN: &str = include_str!("../data/intensity.yaml");

/// The name of level 0: a claim with no stance cue at all.
pub const NONE: &str = "none";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    id: String,
    about: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleFile {
    levels: Vec<LevelFile>,
    kinds: BTreeMap<String, String>,
    cues: BTreeMap<String, String>,
    intensifiers: Vec<String>,
    intensified_max: String,
    measures: BTreeMap<String, String>,
}

/// One step of the scale.
#[derive(Debug, Clone)]
pub struct LevelDef {
    pub id: String,
    /// What belongs at this level, with examples.
    pub about: String,
}

/// The compiled scale.
#[derive(Debug)]
pub struct Scale {
    /// Weakest first: level `n` is `levels[n - 1]`.
    pub levels: Vec<LevelDef>,
    kinds: FxHashMap<String, u8>,
    cues: FxHashMap<String, u8>,
    intensifiers: FxHashSet<String>,
    /// The highest level an intensifier can raise a cue to.
    pub intensified_max: u8,
    /// Words of retaliation that are not stance cues, with their level.
    pub measures: PhraseSet<u8>,
}

impl Scale {
    /// The built-in scale, compiled once.
    pub fn get() -> &'static Scale {
        static SCALE: OnceLock<Scale> = OnceLock::new();
        SCALE.get_or_init(|| Scale::compile(crate::load::yaml::built_in("intensity", BUILT_IN)))
    }

    fn compile(file: ScaleFile) -> Scale {
        let levels: Vec<LevelDef> = file
            .levels
            .into_iter()
            .map(|l| LevelDef {
                id: l.id,
                about: l.about,
            })
            .collect();
        // A name that is not a level is a bug in the data, caught by every
        // test that measures a claim.
        let level = |id: &str| -> u8 {
            let at = levels
                .iter()
                .position(|l| l.id == id)
                .unwrap_or_else(|| panic!("intensity.yaml: `{id}` is not a level"));
            u8::try_from(at + 1).expect("fewer than 255 levels")
        };
        let by_name = |map: &BTreeMap<String, String>| -> FxHashMap<String, u8> {
            map.iter().map(|(k, v)| (k.clone(), level(v))).collect()
        };
        let mut measures = PhraseSet::default();
        for (phrase, id) in &file.measures {
            measures.insert(phrase, level(id));
        }
        Scale {
            kinds: by_name(&file.kinds),
            cues: by_name(&file.cues),
            intensifiers: file.intensifiers.into_iter().collect(),
            intensified_max: level(&file.intensified_max),
            measures,
            levels,
        }
    }

    /// The id of `level`: "none" for 0, else the level's own.
    pub fn name(&self, level: u8) -> &str {
        match level {
            0 => NONE,
            n => self
                .levels
                .get(usize::from(n) - 1)
                .map_or(NONE, |l| l.id.as_str()),
        }
    }

    /// The level of a stance kind of cues.yaml.
    pub fn kind_level(&self, kind: &str) -> Option<u8> {
        self.kinds.get(kind).copied()
    }

    /// The level of a cue phrase (as cues.yaml writes it) when the scale
    /// sets it apart from its kind's.
    pub fn cue_level(&self, phrase: &str) -> Option<u8> {
        self.cues.get(phrase).copied()
    }

    /// Whether a word (lowercase) makes the cue beside it stronger.
    pub fn is_intensifier(&self, word: &str) -> bool {
        self.intensifiers.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::cues::Cues;

    #[test]
    fn every_stance_kind_has_a_level_and_every_level_is_known() {
        let scale = Scale::get();
        for kind in &Cues::get().kinds {
            assert!(
                scale.kind_level(&kind.name).is_some(),
                "intensity.yaml gives no level to the stance kind `{}`",
                kind.name
            );
        }
        for kind in scale.kinds.keys() {
            assert!(
                Cues::get().kind(kind).is_some(),
                "intensity.yaml names `{kind}`, which is not a stance kind of cues.yaml"
            );
        }
        assert_eq!(scale.name(0), NONE);
        assert_eq!(scale.name(1), "notes");
        assert_eq!(scale.name(6), "warns");
        assert!(scale.intensified_max < 6);
    }

    #[test]
    fn levelled_cues_are_cues_of_cues_yaml() {
        let cues = Cues::get();
        for phrase in Scale::get().cues.keys() {
            let toks = crate::normalize::text::tokens(phrase.trim_end_matches('*'));
            assert!(
                cues.stance_cues(&toks).iter().any(|m| m.phrase == phrase),
                "intensity.yaml levels `{phrase}`, which is not a stance cue"
            );
        }
    }
}
