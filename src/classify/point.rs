//! The point two claims share: the content words both use, leaving out the
//! names of the two sides, the people who met and their offices, and the
//! words about the meeting itself, which say who speaks and how, not what
//! about.

use crate::normalize::cues::Cues;
use crate::normalize::fasthash::FxHashSet;
use crate::normalize::taxonomy::Taxonomy;
use std::collections::BTreeSet;

use super::rule::disown::{Disowned, disowned};
use super::rule::force::{Force, force};
use crate::normalize::{NormReadout, not_a_point, point_of, text};

/// What classify knows of the topic two claims meet on.
#[derive(Debug, Clone, Default)]
pub struct TopicFrame {
    /// The topic is itself the point (`one_point` in topics.yaml).
    pub one_point: bool,
    /// Each side speaks of its own in the topic (`each_its_own` in
    /// topics.yaml): the words two claims share there make no point.
    pub each_its_own: bool,
    /// Stemmed words of a specific topic's keywords: that both claims name
    /// the topic is why they were aligned, not a point they share ("South
    /// China Sea" beside "South China Sea"). A general area's keywords
    /// ("cooperation", "differences") are points in it, and are kept.
    pub words: FxHashSet<String>,
}

impl TopicFrame {
    /// The frame of taxonomy topic `id` (an empty one for ad-hoc topics).
    pub fn of(taxonomy: &Taxonomy, id: &str) -> TopicFrame {
        let Some(topic) = taxonomy.get(id) else {
            return TopicFrame::default();
        };
        let general = topic.weight < 1.0;
        TopicFrame {
            one_point: topic.one_point,
            each_its_own: topic.each_its_own,
            words: if general {
                FxHashSet::default()
            } else {
                topic.keyword_stems().collect()
            },
        }
    }
}

/// The point words of every claim of two readouts, found once per
/// comparison: each claim's stemmed content words, less the names of the two
/// sides and of the people who met, the words of their offices where the
/// claim writes an office out, and the words about the meeting itself
/// (`not_a_point`), with wordings of one point (`same_point`) made one;
/// sorted and unique.
#[derive(Debug, Clone)]
pub struct Points {
    sides: [Vec<Vec<PointWord>>; 2],
    /// What the rules read from each claim's words besides its points.
    marks: [Vec<Marks>; 2],
}

/// What the rules read from a claim's words besides its points, found once
/// per comparison from the same tokens.
#[derive(Debug, Clone)]
struct Marks {
    /// What the claim holds at arm's length.
    disowned: Option<Disowned>,
    /// Whether it upholds a right to self-defence or condemns harm to
    /// civilians.
    force: Force,
    /// Whether it states a side's policy or principles.
    states_policy: bool,
}

/// One point word of a claim, and the word as the claim writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PointWord {
    pub point: String,
    pub shown: String,
    /// The word is in the subject the claim announces ("On antimicrobial
    /// resistance, ..."): it names what the claim is about, as the topic's
    /// words do, and is no point by itself.
    pub announced: bool,
}

impl Points {
    pub fn of(left: &NormReadout, right: &NormReadout) -> Points {
        let cues = Cues::get();
        let parties: Vec<_> = [left, right]
            .iter()
            .filter_map(|r| cues.party_names.iter().position(|p| *p == r.side))
            .map(|i| &cues.party_terms[i])
            .collect();
        let people = people([left, right]);
        let offices = offices([left, right]);
        let office_stems: FxHashSet<&String> = offices.iter().flatten().collect();
        let who = |w: &String| {
            parties.iter().any(|s| s.contains(w)) || not_a_point().contains(w) || people.contains(w)
        };
        let points = |r: &NormReadout| -> (Vec<Vec<PointWord>>, Vec<Marks>) {
            r.claims
                .iter()
                .map(|c| {
                    let toks = text::tokens(&c.text);
                    let marks = Marks {
                        disowned: disowned(&toks, &c.terms),
                        force: force(&toks),
                        states_policy: cues.names_policy(&toks),
                    };
                    let stems: Vec<String> = toks.iter().map(|t| text::stem(&t.norm)).collect();
                    // Most claims name no office: look for one only when a
                    // word of an office is among the claim's words.
                    let in_office = if c.terms.iter().any(|w| office_stems.contains(w)) {
                        office_words(&stems, &offices)
                    } else {
                        FxHashSet::default()
                    };
                    let subject = announced_words(&c.text, &toks);
                    let in_setting = setting_words(&stems, &toks);
                    let set: BTreeSet<&str> = c
                        .terms
                        .iter()
                        .filter(|w| {
                            !who(w)
                                && !in_office.contains(w.as_str())
                                && !in_setting.contains(w.as_str())
                        })
                        .map(|w| point_of(w))
                        .collect();
                    if set.is_empty() {
                        return (Vec::new(), marks);
                    }
                    // Each word's point, found once for all the claim's
                    // point words (a dozen, each looked for among them).
                    let token_points: Vec<&str> = stems.iter().map(|s| point_of(s)).collect();
                    let announced: FxHashSet<&str> = subject.iter().map(|w| point_of(w)).collect();
                    let words = set
                        .into_iter()
                        .map(|point| PointWord {
                            announced: announced.contains(point),
                            point: point.to_string(),
                            shown: toks
                                .iter()
                                .zip(&token_points)
                                .find(|(_, p)| **p == point)
                                .map_or(point, |(t, _)| t.orig.as_str())
                                .to_string(),
                        })
                        .collect();
                    (words, marks)
                })
                .unzip()
        };
        let (left_words, left_marks) = points(left);
        let (right_words, right_marks) = points(right);
        Points {
            sides: [left_words, right_words],
            marks: [left_marks, right_marks],
        }
    }

    /// What claim `i` of the left (`0`) or right (`1`) readout holds at
    /// arm's length.
    pub(super) fn disowned(&self, side: usize, i: usize) -> Option<&Disowned> {
        self.marks[side][i].disowned.as_ref()
    }

    /// Whether claim `i` of the left (`0`) or right (`1`) readout upholds a
    /// right to self-defence or condemns harm to civilians.
    pub(super) fn force(&self, side: usize, i: usize) -> &Force {
        &self.marks[side][i].force
    }

    /// Whether claim `i` of the left (`0`) or right (`1`) readout states a
    /// side's policy or principles.
    pub(super) fn states_policy(&self, side: usize, i: usize) -> bool {
        self.marks[side][i].states_policy
    }

    /// The point words of claim `i` of the left (`0`) or right (`1`) readout.
    pub fn of_claim(&self, side: usize, i: usize) -> &[PointWord] {
        &self.sides[side][i]
    }
}

/// The stemmed words of the subject a claim announces before its first
/// comma ("On antimicrobial resistance, the Chinese side ..."): the
/// subject's name, which two claims opened so share as they share the
/// topic's name, not a point they make about it.
fn announced_words(text: &str, toks: &[text::Token]) -> FxHashSet<String> {
    Cues::get()
        .announced_subject(text, toks)
        .map(|subject| subject.iter().map(|t| text::stem(&t.norm)).collect())
        .unwrap_or_default()
}

/// Words a claim uses only inside the event the meeting was held at ("on
/// the margins of the ASEAN Regional Forum"): the setting says where the
/// two met, as a place does, not what about ("Regional" there shares no
/// point with "regional issues of common concern").
fn setting_words<'a>(stems: &'a [String], toks: &[text::Token]) -> FxHashSet<&'a str> {
    let Some(range) = Cues::get().setting(toks) else {
        return FxHashSet::default();
    };
    let covered: Vec<bool> = (0..stems.len()).map(|i| range.contains(&i)).collect();
    only_inside(stems, &covered)
}

/// The people who met, as stemmed name words: the participants of both
/// readouts, and whoever a claim names as its speaker (readouts made by
/// `extract` list no participants).
fn people(readouts: [&NormReadout; 2]) -> FxHashSet<String> {
    readouts
        .iter()
        .flat_map(|r| {
            let names = r.readout.participants.iter().map(|p| p.name.as_str());
            names.chain(r.claims.iter().filter_map(|c| c.speaker.as_deref()))
        })
        .flat_map(text::tokens)
        .map(|t| text::stem(&t.norm))
        .collect()
}

/// The offices of the people who met, each as its stemmed words
/// ("United States Trade Representative", "Special Envoy for Climate"):
/// the whole role only. The topic's tagger also reads shortened forms of a
/// role (`normalize::titles`: "Minister of Education" of "... of the
/// People's Republic of China"); read here too, they cost the held-out
/// halves four claims (docs/accuracy.md), so the two stay apart.
fn offices(readouts: [&NormReadout; 2]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = readouts
        .iter()
        .flat_map(|r| {
            r.readout
                .participants
                .iter()
                .filter_map(|p| p.role.as_deref())
        })
        .map(|role| {
            text::tokens(role)
                .iter()
                .map(|t| text::stem(&t.norm))
                .collect()
        })
        .filter(|words: &Vec<String>| words.len() >= 2)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Words a claim uses only inside the title of someone who met: an office
/// says who speaks, as a name does, not what about ("Trade" in "United
/// States Trade Representative ... held a frank exchange of views" shares
/// no point with "economic and trade relations").
fn office_words<'a>(stems: &'a [String], offices: &[Vec<String>]) -> FxHashSet<&'a str> {
    let mut covered = vec![false; stems.len()];
    for office in offices {
        for (start, words) in stems.windows(office.len()).enumerate() {
            if words == &office[..] {
                covered[start..start + office.len()].fill(true);
            }
        }
    }
    only_inside(stems, &covered)
}

/// The words used only at the `covered` positions of a claim, never
/// elsewhere in it: a word also used outside is the claim's own.
fn only_inside<'a>(stems: &'a [String], covered: &[bool]) -> FxHashSet<&'a str> {
    let outside: FxHashSet<&str> = stems
        .iter()
        .zip(covered)
        .filter(|(_, c)| !**c)
        .map(|(s, _)| s.as_str())
        .collect();
    stems
        .iter()
        .zip(covered)
        .filter(|(s, c)| **c && !outside.contains(s.as_str()))
        .map(|(s, _)| s.as_str())
        .collect()
}

/// Share of the smaller claim's point words that both must use for two
/// claims of opposite stance to be about one proposition.
const SAME_PROPOSITION: f64 = 0.5;

/// Point words two claims have in common, and how many each has.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedWords {
    /// Shared point words, in order.
    pub words: Vec<String>,
    /// The same, as the first claim writes them.
    shown: Vec<String>,
    /// How many of them are more than the name of the topic the claims meet
    /// on: what a shared point needs.
    beyond_topic: usize,
    /// Point words of the smaller of the two claims.
    smaller: usize,
}

impl SharedWords {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Both claims make the same point: they share a word beyond the name
    /// of the topic they meet on.
    pub fn is_shared_point(&self) -> bool {
        self.beyond_topic > 0
    }

    /// Most of the shorter claim's point is in the other claim too.
    pub fn is_same_proposition(&self) -> bool {
        self.smaller > 0 && self.words.len() as f64 >= SAME_PROPOSITION * self.smaller as f64
    }

    /// Whether two claims speak of the same thing: a shared point word, or a
    /// word one of them negates with "un-" ("unsafe" against "safe").
    pub fn same_subject(&self, a: &[String], b: &[String]) -> bool {
        let negates = |x: &[String], y: &[String]| {
            x.iter().any(|w| {
                w.strip_prefix("un").is_some_and(|rest| {
                    rest.len() >= 4 && y.binary_search_by(|t| t.as_str().cmp(rest)).is_ok()
                })
            })
        };
        !self.words.is_empty() || negates(a, b) || negates(b, a)
    }

    /// Whether every shared word is a word of stance ("concern" in "raised
    /// concerns" and "legitimate concerns"): the two take positions, but
    /// not on one thing.
    pub fn only_stance_words(&self) -> bool {
        !self.words.is_empty() && self.words.iter().all(|w| Cues::is_cue_term(w))
    }

    /// The shared words as the first claim writes them, quoted for a reason.
    pub fn quoted(&self) -> String {
        let list: Vec<String> = self.shown.iter().map(|w| format!("'{w}'")).collect();
        list.join(", ")
    }
}

/// The point words (see [`Points`]) that two claims share. A third party
/// ("Russia", "Ukraine") may well be the point. The words that name the
/// topic they meet on, or the subject either claim announces, show they
/// speak of the same thing, but are no shared point by themselves.
pub fn shared_words(a: &[PointWord], b: &[PointWord], frame: &TopicFrame) -> SharedWords {
    let (mut i, mut j) = (0, 0);
    let (mut words, mut shown) = (Vec::new(), Vec::new());
    let mut beyond_topic = 0;
    while i < a.len() && j < b.len() {
        match a[i].point.cmp(&b[j].point) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let names_subject = a[i].announced || b[j].announced;
                if !names_subject && !frame.words.contains(&a[i].point) {
                    beyond_topic += 1;
                }
                words.push(a[i].point.clone());
                shown.push(a[i].shown.clone());
                i += 1;
                j += 1;
            }
        }
    }
    SharedWords {
        beyond_topic,
        words,
        shown,
        smaller: a.len().min(b.len()),
    }
}
