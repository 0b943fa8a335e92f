//! The point two claims share: the content words both use, leaving out the
//! names of the two sides and the people who met and the words about the meeting itself,
//! which say who speaks and how, not what about.

use crate::normalize::cues::Cues;
use crate::normalize::{NormReadout, not_a_point, text};

/// Share of the smaller claim's point words that both must use for two
/// claims of opposite stance to be about one proposition.
const SAME_PROPOSITION: f64 = 0.5;

/// Point words two claims have in common, and how many each has.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedWords {
    /// Shared stemmed content words, in order.
    pub words: Vec<String>,
    /// Point words of the smaller of the two claims.
    smaller: usize,
}

impl SharedWords {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Both claims speak of the same thing, so that their stances can meet.
    pub fn is_shared_point(&self) -> bool {
        !self.words.is_empty()
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

    /// The shared words, quoted for a reason.
    pub fn quoted(&self) -> String {
        let list: Vec<String> = self.words.iter().map(|w| format!("'{w}'")).collect();
        list.join(", ")
    }
}

/// The point words that `a` and `b` (sorted content terms) share: all but
/// the names of the two sides and of the participants, and `not_a_point`
/// words. A third party ("Russia", "Ukraine") may well be the point.
pub fn shared_words(a: &[String], b: &[String], readouts: [&NormReadout; 2]) -> SharedWords {
    let people: Vec<String> = readouts
        .iter()
        .flat_map(|r| &r.readout.participants)
        .flat_map(|p| text::tokens(&p.name))
        .map(|t| text::stem(&t.norm))
        .collect();
    let cues = Cues::get();
    let sides: Vec<_> = readouts
        .iter()
        .filter_map(|r| cues.party_names.iter().position(|p| *p == r.side))
        .map(|i| &cues.party_terms[i])
        .collect();
    let who = |w: &String| {
        sides.iter().any(|s| s.contains(w)) || not_a_point().contains(w) || people.contains(w)
    };
    let point = |x: &[String]| x.iter().filter(|w| !who(w)).count();
    let (mut i, mut j, mut words) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !who(&a[i]) {
                    words.push(a[i].clone());
                }
                i += 1;
                j += 1;
            }
        }
    }
    SharedWords {
        words,
        smaller: point(a).min(point(b)),
    }
}
