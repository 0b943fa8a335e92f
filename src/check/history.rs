//! The side's own history: which prior readouts count, and what changed
//! since them topic by topic (new topics, dropped topics, stance shifts).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::archive::{Archived, day};
use super::claims::{Claims, VoiceKey};
use super::escalation::{Stand, movement};
use super::report::{DroppedTopic, EarlierClaim, NewClaim, NewTopic, StanceShift};
use crate::Taxonomy;
use crate::normalize::cues::Polarity;
use crate::normalize::stance::Voice;
use crate::normalize::{NormClaim, NormReadout};

/// Which prior readouts make the side's history.
#[derive(Debug, Clone, Copy)]
pub struct Select<'a> {
    pub side: &'a str,
    /// Day of the new readout: history is strictly earlier.
    pub before: &'a str,
    /// Keep only readouts with this counterpart (or none known).
    pub counterpart: Option<&'a str>,
    /// Keep only the N most recent.
    pub window: Option<usize>,
}

/// The prior readouts of the side, oldest first (by day, then file), and
/// how many of the side's readouts had no usable date.
pub fn select<'a>(
    readouts: &'a [Archived],
    counterparts: &[Option<String>],
    sel: Select,
) -> (Vec<&'a Archived>, usize) {
    let mut undated = 0;
    let mut out: Vec<(&str, &Archived)> = Vec::new();
    for (a, cp) in readouts.iter().zip(counterparts) {
        if a.entry.side != sel.side {
            continue;
        }
        let Some(d) = a.entry.date.as_deref().and_then(day) else {
            undated += 1;
            continue;
        };
        let same_counterpart = match (sel.counterpart, cp.as_deref()) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        };
        if d < sel.before && same_counterpart {
            out.push((d, a));
        }
    }
    out.sort_by(|a, b| a.0.cmp(b.0).then(a.1.file.cmp(&b.1.file)));
    let skip = sel.window.map_or(0, |w| out.len().saturating_sub(w));
    (
        out.into_iter().skip(skip).map(|(_, a)| a).collect(),
        undated,
    )
}

/// The topic ids a list of claims raises, in order of first mention, with labels.
fn topics_of(claims: &[NormClaim]) -> Vec<(&str, &str)> {
    let mut seen = HashSet::new();
    claims
        .iter()
        .filter_map(|c| c.topic.as_ref())
        .filter(|t| seen.insert(t.id.as_str()))
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect()
}

/// The topic ids an earlier readout raises, in order of first mention.
fn topic_ids(claims: &Claims) -> Vec<&str> {
    let mut seen = HashSet::new();
    claims
        .topics()
        .flatten()
        .filter(|t| seen.insert(*t))
        .collect()
}

/// Topics of the new readout that no prior readout raised. With no history
/// at all nothing is new: there is nothing to be new against.
pub fn new_topics(new: &NormReadout, history: &[&Archived]) -> Vec<NewTopic> {
    if history.is_empty() {
        return Vec::new();
    }
    let before: HashSet<&str> = history
        .iter()
        .flat_map(|a| a.claims().topics().flatten())
        .collect();
    topics_of(&new.claims)
        .into_iter()
        .filter(|(id, _)| !before.contains(id))
        .map(|(id, label)| NewTopic {
            topic: id.to_string(),
            label: label.to_string(),
            claims: claims_on(&new.claims, id).map(|c| c.id.clone()).collect(),
        })
        .collect()
}

fn claims_on<'a>(
    claims: &'a [NormClaim],
    topic: &'a str,
) -> impl Iterator<Item = &'a NormClaim> + 'a {
    claims
        .iter()
        .filter(move |c| c.topic.as_ref().is_some_and(|t| t.id == topic))
}

/// Topics at least half of the `recent` most recent prior readouts raised
/// that the new readout does not, in taxonomy order.
pub fn dropped_topics(
    new: &NormReadout,
    history: &[&Archived],
    recent: usize,
    taxonomy: &Taxonomy,
) -> Vec<DroppedTopic> {
    let window = &history[history.len().saturating_sub(recent)..];
    if window.is_empty() {
        return Vec::new();
    }
    let raised_now: HashSet<&str> = topics_of(&new.claims)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    // topic → (readouts raising it, latest readout raising it)
    let mut count: BTreeMap<&str, (usize, &Archived)> = BTreeMap::new();
    for a in window {
        for id in topic_ids(a.claims()) {
            let e = count.entry(id).or_insert((0, a));
            e.0 += 1;
            e.1 = a; // oldest first, so the last one seen is the latest
        }
    }
    let mut out: Vec<DroppedTopic> = count
        .into_iter()
        .filter(|(id, (n, _))| !raised_now.contains(id) && 2 * n >= window.len())
        .filter_map(|(id, (n, a))| {
            let first = a.claims().topics().position(|t| t == Some(id))?;
            let c = &a.claims().full()[first];
            Some(DroppedTopic {
                topic: id.to_string(),
                label: c
                    .topic
                    .as_ref()
                    .map_or_else(|| id.to_string(), |t| t.label.clone()),
                raised_by: n,
                recent: window.len(),
                last: EarlierClaim::of(&a.file, a.entry.date.as_deref(), c),
            })
        })
        .collect();
    let rank: HashMap<&str, usize> = taxonomy
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    out.sort_by_key(|d| {
        (
            rank.get(d.topic.as_str()).copied().unwrap_or(usize::MAX),
            d.topic.clone(),
        )
    });
    out
}

/// The stance a readout takes on a topic, from the polarities of its own (or
/// joint) claims on it, in order: the majority polarity of those that take
/// one, critical on a tie (as stance detection weighs a single claim),
/// represented by the first such claim (its number is returned).
fn representative(own: impl Iterator<Item = (usize, Polarity)>) -> Option<usize> {
    let own: Vec<(usize, Polarity)> = own.filter(|(_, p)| *p != Polarity::Neutral).collect();
    let critical = own.iter().filter(|(_, p)| *p == Polarity::Critical).count();
    let polarity = if 2 * critical >= own.len() {
        Polarity::Critical
    } else {
        Polarity::Positive
    };
    own.into_iter()
        .find(|(_, p)| *p == polarity)
        .map(|(i, _)| i)
}

/// The new readout's stance on `topic` (see [`representative`]).
fn stance_on<'a>(claims: &'a [NormClaim], topic: &'a str, side: &str) -> Option<&'a NormClaim> {
    let own = claims.iter().enumerate().filter(|(_, c)| {
        c.topic.as_ref().is_some_and(|t| t.id == topic)
            && match &c.stance.voice {
                Voice::Party(p) => p == side,
                Voice::Joint => true,
            }
    });
    representative(own.map(|(i, c)| (i, c.stance.polarity))).map(|i| &claims[i])
}

/// An earlier readout's stance on `topic`, from the keys of its claims alone.
fn earlier_stance_on(claims: &Claims, topic: &str) -> Option<usize> {
    let own = (0..claims.len())
        .filter(|&i| claims.topic(i) == Some(topic) && claims.stance(i).voice != VoiceKey::Other);
    representative(own.map(|i| (i, claims.stance(i).polarity)))
}

/// What a stance moved from and to, if it moved: polarity changed (positive →
/// critical), or the kind of criticism changed (concern → condemnation).
/// Positive kinds shade into one another (welcome, commitment, value) and do
/// not count as a shift.
fn shift(before: &NormClaim, after: &NormClaim) -> Option<String> {
    let (b, a) = (&before.stance, &after.stance);
    if b.polarity != a.polarity {
        Some(format!("{} → {}", b.polarity.name(), a.polarity.name()))
    } else if a.polarity == Polarity::Critical && b.kind != a.kind {
        Some(format!("{} → {}", b.kind, a.kind))
    } else {
        None
    }
}

/// For each topic of the new readout on which it takes a stance, the side's
/// latest earlier stance on it, when that differs.
pub fn stance_shifts(new: &NormReadout, history: &[&Archived]) -> Vec<StanceShift> {
    let mut out = Vec::new();
    for (id, label) in topics_of(&new.claims) {
        let Some(after) = stance_on(&new.claims, id, &new.side) else {
            continue;
        };
        let earlier = history
            .iter()
            .rev()
            .find_map(|a| earlier_stance_on(a.claims(), id).map(|i| (a, i)));
        let Some((a, before)) = earlier else { continue };
        let before = &a.claims().full()[before];
        let stand = |claims, side, representative| Stand {
            claims,
            side,
            representative,
        };
        let moved = movement(
            id,
            stand(a.claims().full(), &a.entry.side, before),
            stand(&new.claims, &new.side, after),
        );
        // A change of stance shows its representative claims; a change of
        // intensity alone shows the claims worded hardest.
        let (change, [before, after]) = match shift(before, after) {
            Some(change) => (change, [before, after]),
            None => match moved.intensity_change() {
                Some(change) => (change, moved.strongest),
                None => continue,
            },
        };
        out.push(StanceShift {
            topic: id.to_string(),
            label: label.to_string(),
            change,
            before: EarlierClaim::of(&a.file, a.entry.date.as_deref(), before),
            after: NewClaim::of(after),
            direction: moved.direction,
            intensity: moved.levels,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::cache::Entry;
    use crate::load::{Limits, load_str};
    use crate::normalize::normalize;
    use std::sync::Arc;

    fn norm(claims: &[&str]) -> NormReadout {
        let mut yaml = "source: {side: United States}\nclaims:\n".to_string();
        for c in claims {
            yaml.push_str(&format!("  - text: \"{c}\"\n"));
        }
        normalize(
            &load_str("t", &yaml, &Limits::default()).expect("loads"),
            &Taxonomy::built_in(),
        )
    }

    fn archived(file: &str, date: &str, claims: &[&str]) -> Archived {
        let n = norm(claims);
        Archived {
            file: file.into(),
            entry: Arc::new(Entry {
                side: n.side.clone(),
                issuer: None,
                date: Some(date.into()),
                title: None,
                counterpart: None,
                claims: Some(Claims::of(&n.side, n.claims)),
            }),
        }
    }

    #[test]
    fn history_is_earlier_same_side_in_date_order_within_the_window() {
        let all = vec![
            archived("b", "2024-02-01", &["Taiwan."]),
            archived("a", "2024-01-01", &["Taiwan."]),
            archived("c", "2024-03-01", &["Taiwan."]),
            archived("d", "someday", &["Taiwan."]),
        ];
        let cps = vec![None; 4];
        let sel = Select {
            side: "United States",
            before: "2024-03-01",
            counterpart: None,
            window: None,
        };
        let (h, undated) = select(&all, &cps, sel);
        assert_eq!(
            h.iter().map(|a| a.file.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(undated, 1);
        let (h, _) = select(
            &all,
            &cps,
            Select {
                window: Some(1),
                ..sel
            },
        );
        assert_eq!(h[0].file, "b");
    }

    #[test]
    fn new_dropped_and_shifted_topics() {
        let a = archived(
            "a",
            "2024-01-01",
            &[
                "Austin welcomed progress on Taiwan.",
                "Austin discussed cyber attacks.",
            ],
        );
        let b = archived(
            "b",
            "2024-02-01",
            &[
                "Austin raised concerns about Taiwan.",
                "Austin discussed cyber attacks.",
            ],
        );
        let history = vec![&a, &b];
        let new = norm(&[
            "Austin condemned Chinese pressure on Taiwan.",
            "Austin discussed China's nuclear buildup.",
        ]);
        let added = new_topics(&new, &history);
        assert_eq!(
            added.iter().map(|t| t.topic.as_str()).collect::<Vec<_>>(),
            ["nuclear"]
        );
        let dropped = dropped_topics(&new, &history, 3, &Taxonomy::built_in());
        assert_eq!(
            dropped.iter().map(|t| t.topic.as_str()).collect::<Vec<_>>(),
            ["cyber"]
        );
        assert_eq!(
            (dropped[0].raised_by, dropped[0].last.file.as_str()),
            (2, "b")
        );
        let shifts = stance_shifts(&new, &history);
        assert_eq!(shifts.len(), 1);
        assert_eq!(shifts[0].change, "concern → condemnation");
        assert_eq!(shifts[0].before.file, "b");
        assert!(
            new_topics(&new, &[]).is_empty(),
            "nothing is new without history"
        );
    }
}
