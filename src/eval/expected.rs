//! The analyst's answer for a readout pair (`expected.yaml`), loaded and checked.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::classify::Verdict;
use crate::error::{Error, InputError};
use crate::load::{self, Limits};
use crate::model::Readout;

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an expected file: a mapping with left, right and groups"
)]
struct RawExpected {
    left: String,
    right: String,
    groups: Vec<RawGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a group: topic, verdict, why, left, right"
)]
struct RawGroup {
    topic: String,
    verdict: Spanned<String>,
    why: String,
    #[serde(default)]
    left: Vec<Spanned<String>>,
    #[serde(default)]
    right: Vec<Spanned<String>>,
}

/// One group of the analyst's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub topic: String,
    pub verdict: Verdict,
    pub why: String,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// A pair with its analyst's answer, ready to score.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub left: Readout,
    pub right: Readout,
    pub groups: Vec<Group>,
}

/// Loads `dir/expected.yaml` and the two readouts it names, and checks that
/// every claim id of both readouts is in exactly one group.
pub fn load_case(dir: &std::path::Path, limits: &Limits) -> Result<Case, Error> {
    let path = dir.join("expected.yaml");
    let origin = path.display().to_string();
    let text = load::read_text(&origin, limits)?;
    let raw: RawExpected = load::yaml::parse(&origin, &text, limits.yaml)?;
    let left = load::load_path(&dir.join(&raw.left).display().to_string(), limits)?;
    let right = load::load_path(&dir.join(&raw.right).display().to_string(), limits)?;
    let groups = checked_groups(raw.groups, &origin, &text, &left, &right)?;
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Case {
        name,
        left,
        right,
        groups,
    })
}

/// Loads a second analyst's answer (`path`, in the expected-file format) for
/// a pair already loaded as `case`: its groups over the same claims, checked
/// the same way. The readouts scored are the case's.
pub fn load_answer(
    path: &std::path::Path,
    case: &Case,
    limits: &Limits,
) -> Result<Vec<Group>, Error> {
    let origin = path.display().to_string();
    let text = load::read_text(&origin, limits)?;
    let raw: RawExpected = load::yaml::parse(&origin, &text, limits.yaml)?;
    checked_groups(raw.groups, &origin, &text, &case.left, &case.right)
}

/// The groups of an answer, each verdict known and every claim id of both
/// readouts in exactly one group.
fn checked_groups(
    raw_groups: Vec<RawGroup>,
    origin: &str,
    text: &str,
    left: &Readout,
    right: &Readout,
) -> Result<Vec<Group>, Error> {
    let err = |loc: serde_saphyr::Location, message: String| {
        Error::Input(Box::new(InputError {
            path: origin.to_string(),
            line: loc.line(),
            column: loc.column(),
            message,
            hint: None,
            excerpt: load::excerpt(text, loc.line()),
        }))
    };
    let mut groups = Vec::new();
    let mut seen: [Vec<String>; 2] = [Vec::new(), Vec::new()];
    for g in raw_groups {
        let verdict = Verdict::ALL
            .into_iter()
            .find(|v| v.name() == g.verdict.value.trim())
            .ok_or_else(|| {
                err(
                    g.verdict.referenced,
                    format!(
                        "unknown verdict `{}` (agreement, contradiction, divergence, omission)",
                        g.verdict.value
                    ),
                )
            })?;
        for (side, ids, readout) in [(0, &g.left, left), (1, &g.right, right)] {
            for id in ids {
                if !readout.claims.iter().any(|c| c.id == id.value) {
                    return Err(err(
                        id.referenced,
                        format!("no claim `{}` in {}", id.value, readout.origin),
                    ));
                }
                if seen[side].contains(&id.value) {
                    return Err(err(
                        id.referenced,
                        format!("claim `{}` is in two groups", id.value),
                    ));
                }
                seen[side].push(id.value.clone());
            }
        }
        groups.push(Group {
            topic: g.topic,
            verdict,
            why: g.why,
            left: g.left.into_iter().map(|s| s.value).collect(),
            right: g.right.into_iter().map(|s| s.value).collect(),
        });
    }
    for (side, readout) in [(0, left), (1, right)] {
        if let Some(c) = readout.claims.iter().find(|c| !seen[side].contains(&c.id)) {
            return Err(Error::input(
                origin,
                0,
                0,
                format!("claim `{}` of {} is in no group", c.id, readout.origin),
            ));
        }
    }
    Ok(groups)
}
