//! Intensity: how hard each claim words its position, on the ordinal scale
//! of `src/data/intensity.yaml` (notes < hopes < presses < serious < firm <
//! warns). It annotates a comparison and never changes a verdict.

pub mod claim;
pub mod nway;
pub mod report;
pub mod scale;

use schemars::JsonSchema;
use serde::Serialize;

pub use claim::measure;
pub use scale::Scale;

/// Two claims whose stances match differ this many levels or more: an
/// analyst would brief the difference (one notes, the other protests).
pub const NOTABLE_GAP: u8 = 2;

/// The intensity of one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Intensity {
    /// 0 (no stance words) to 6; see docs/intensity.md.
    pub level: u8,
    /// The level's id: none, notes, hopes, presses, serious, firm or warns.
    pub name: String,
    /// The cue words that set the level, as the claim writes them; null
    /// when the level is the stance kind's (an analyst's override).
    pub cue: Option<String>,
    /// The word that raised the cue one level ("firmly", "strongly").
    pub intensifier: Option<String>,
}

/// A level and its name, where the cue does not matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Level {
    pub level: u8,
    /// none, notes, hopes, presses, serious, firm or warns.
    pub name: String,
}

impl Level {
    pub fn of(level: u8) -> Level {
        Level {
            level,
            name: Scale::get().name(level).to_string(),
        }
    }
}

/// "2 levels", "3 levels".
pub fn levels(n: u8) -> String {
    crate::render::plural(usize::from(n), "level")
}
