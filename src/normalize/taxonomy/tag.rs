//! Tagging a claim with its topics: scoring each topic's keywords in the
//! claim, then the reading rules that choose between topics (a contrast
//! turn, specific before general, the lead clause, the leaders' consensus).

use super::{ALTERNATIVE_SHARE, Keyword, Tag, Taxonomy};
use crate::normalize::cues::{Cues, FOCUS};
use crate::normalize::phrases::Match;
use crate::normalize::text::{self, Token};

mod clauses;
mod review;
use clauses::describing_clause;

/// What the tagger found of one topic in a claim.
#[derive(Debug, Clone, Copy)]
struct Found<'a> {
    /// The best match's score, and the sum of the others.
    best: f64,
    rest: f64,
    /// Where its first match starts, and that match's phrase.
    first: usize,
    cue: &'a str,
    /// Where its first match ends (one past its last word).
    first_end: usize,
    /// Where its last match starts.
    last: usize,
    /// Where its first match that is not a word about the talks' tone starts.
    substance: usize,
    /// Whether it is named after the sentence's contrast marker.
    focused: bool,
    /// Whether every match names a kind of event, not where it happens.
    situational: bool,
    /// Whether every match names whom a matter touches, not the matter.
    actor: bool,
    /// Whether every match names the meeting itself, not a matter.
    occasion: bool,
}

impl Default for Found<'_> {
    fn default() -> Self {
        Found {
            best: 0.0,
            rest: 0.0,
            first_end: 0,
            first: usize::MAX,
            cue: "",
            last: 0,
            substance: usize::MAX,
            focused: false,
            situational: true,
            actor: true,
            occasion: true,
        }
    }
}

/// A topic's score on a claim, with where it is first named.
#[derive(Debug, Clone, Copy)]
struct Scored<'a> {
    topic: usize,
    score: f64,
    first: usize,
    /// Where the first match ends (one past its last word).
    first_end: usize,
    last: usize,
    substance: usize,
    focused: bool,
    situational: bool,
    /// Whether every match names whom a matter touches (`actors`).
    actor: bool,
    cue: &'a str,
}

/// Share of the best general topic's score at which the general topic of
/// the lead clause still wins ("agreed to maintain the channel ..., building
/// on the leaders' meeting in Bali" is about the channel).
const LEAD_SHARE: f64 = 0.6;

/// Whether `s` is named only in one word group that runs straight into
/// `top`'s first phrase: it qualifies that phrase ("maritime drug
/// trafficking" is drug trafficking at sea) and is no lead clause of its own.
fn qualifies(toks: &[Token], s: &Scored, top: &Scored) -> bool {
    s.topic != top.topic
        && s.first == s.last
        && s.first_end == top.first
        && !toks[s.first_end - 1].pause
}

/// Words after a word for the talks that say what they were about.
const ABOUT: [&str; 4] = ["on", "about", "over", "regarding"];

/// Whether a keyword match is about the talks rather than a subject:
/// words of their tone ("candid", "in-depth"), or a word for the talks
/// followed by what they were about ("exchanges on implementing the
/// consensus").
fn about_the_talks(toks: &[Token], m: &Match<Keyword>) -> bool {
    m.value.tone
        || (m.value.talk
            && toks
                .get(m.start + 1)
                .is_some_and(|t| ABOUT.contains(&t.norm.as_str())))
}

/// Words that point at the talks under way ("the consultations", "this
/// round of dialogue"), and the verbs that then say what they are.
const THESE_TALKS: [&str; 4] = ["the", "this", "these", "that"];
const ROUND: [&str; 2] = ["round", "session"];
const IS: [&str; 4] = ["is", "are", "was", "were"];

/// Whether a word for the talks names the meeting itself as what the claim
/// speaks of ("the dialogue is an important step in implementing the
/// consensus", "this round of consultations was ...", "the consultations
/// aimed to ..."): what is said of the meeting is the point, as when its
/// tone is ("the consultations were candid"); "sustained communication is
/// essential" names no meeting, and "the dialogue will continue" is a
/// channel to come.
fn names_the_meeting(toks: &[Token], m: &Match<Keyword>) -> bool {
    // "is"/"was", or a verb in the past ("aimed", "followed"; five letters
    // at least, so that no short word ending in "ed" passes for one).
    let said_of =
        |t: &Token| IS.contains(&t.norm.as_str()) || (t.norm.len() > 4 && t.norm.ends_with("ed"));
    if !m.value.talk || !toks.get(m.start + 1).is_some_and(said_of) {
        return false;
    }
    let before = |back: usize| m.start.checked_sub(back).map(|i| toks[i].norm.as_str());
    let pointed = |w: Option<&str>| w.is_some_and(|w| THESE_TALKS.contains(&w));
    pointed(before(1))
        || (before(1) == Some("of")
            && before(2).is_some_and(|w| ROUND.contains(&w))
            && pointed(before(3)))
}

/// Words before the two sides that name what lies between them ("ties
/// between the two militaries"), and the words that may stand in between.
const BETWEEN: [&str; 2] = ["between", "among"];
const DETERMINERS: [&str; 4] = ["the", "their", "our", "both"];

/// Whether a keyword match names who is to act ("the two militaries should
/// implement the consensus"), not the relationship between them ("ties
/// between the two militaries"): who acts is no area of its own beside
/// what they are to do (`parties` in topics.yaml).
fn names_who_acts(toks: &[Token], m: &Match<Keyword>) -> bool {
    m.value.party
        && !toks[..m.start]
            .iter()
            .rev()
            .find(|t| !DETERMINERS.contains(&t.norm.as_str()))
            .is_some_and(|t| BETWEEN.contains(&t.norm.as_str()))
}

/// Puts `topic` first with at least the best score: the scored entry it
/// has, or the best one's places under its name when it was not named.
fn lift(scored: &mut Vec<Scored>, topic: usize) {
    let Some(top) = scored.first().copied() else {
        return;
    };
    let lifted = match scored.iter().position(|s| s.topic == topic) {
        Some(i) => Scored {
            score: scored[i].score.max(top.score),
            ..scored.remove(i)
        },
        None => Scored { topic, ..top },
    };
    scored.insert(0, lifted);
}

/// Words an opening clause that says who asked may run to ("At the
/// invitation of US Secretary of Defense Daniel Whitford, ...").
const OPENING_WORDS: usize = 12;

/// Assurances in one claim that make a list of them.
const LISTED_ASSURANCES: usize = 3;

impl Taxonomy {
    /// Every topic a claim speaks of strongly enough to be filed under it:
    /// the best first, then those scoring at least `ALTERNATIVE_SHARE` of it.
    /// `turn` is where the sentence's point starts (`Cues::turn`), if it turns.
    pub fn tag_all(&self, toks: &[Token], turn: Option<usize>) -> Vec<Tag> {
        self.tag_all_at(toks, turn, &[])
    }

    /// The keywords a meeting's title names it by, when the title names
    /// standing talks (`standing` in cues.yaml): its track ("U.S.-PRC
    /// Cyber Affairs Dialogue" goes by "cyber*") and the mechanism itself
    /// ("Defense Policy Coordination Talks", "Counternarcotics Working
    /// Group" go by their names and "working group*"): the words the whole
    /// meeting goes by. Only those words, not the track's other keywords:
    /// "in-depth exchanges on methane" at climate talks are about methane.
    /// Words of the relationship or of the leaders' consensus in a title
    /// name no meeting.
    pub fn meeting_words<'a>(&'a self, title: &str) -> Vec<&'a str> {
        let toks = text::tokens(title);
        if !Cues::get().names_standing_talks(&toks) {
            return Vec::new();
        }
        let mut out: Vec<&str> = self
            .phrases
            .find_longest(&toks)
            .into_iter()
            .filter(|m| !self.topics[m.value.topic].reviews && Some(m.value.topic) != self.fallback)
            .map(|m| m.phrase)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// As [`Taxonomy::tag_all`], in a meeting that goes by the `track`
    /// words (`meeting_words`): beside words of the talks' tone they name
    /// the meeting itself, as a word for the talks does, so the tone
    /// decides ("held frank and substantive discussions on a range of
    /// issues in cyberspace", at a cyber dialogue, is the tone of the
    /// meeting; ANNOTATION.md's "what the talks were about outranks their
    /// tone" is about a subject, and the meeting's own track is none).
    pub fn tag_all_at(&self, toks: &[Token], turn: Option<usize>, track: &[&str]) -> Vec<Tag> {
        // An unsplit list of assurances ("does not seek a new Cold War,
        // does not seek to change China's system, and has no intention of
        // conflict") is about the relationship, whatever each names.
        if let Some(fallback) = self.fallback
            && Cues::get().assurances.find_longest(toks).len() >= LISTED_ASSURANCES
        {
            return vec![Tag {
                topic: fallback,
                cue: "a list of assurances".into(),
                score: self.topics[fallback].weight,
                situational: false,
            }];
        }
        let mut found: Vec<Found> = vec![Found::default(); self.topics.len()];
        let matches = self.phrases.find_longest(toks);
        // Beside words of its tone, a word for the talks names the meeting
        // itself ("the consultations were candid"), as the visit does; so
        // does the meeting's own name for its track (`track`).
        let toned = matches.iter().any(|m| m.value.tone);
        // The event a meeting was held at names no subject of it.
        let setting = Cues::get().setting(toks).unwrap_or_default();
        // Where a clause describing the relationship opens, if one does
        // (`served`): read from the matches found here, not found again.
        let mut described = None;
        // A call to view the other side as a whole rightly ("should view
        // China's development objectively"), naming no other area, is how
        // one side perceives the other, no claim on the area.
        let cues = Cues::get();
        let viewed =
            |m: &Match<Keyword>| self.topics[m.value.topic].viewed && cues.viewed_at(toks, m.start);
        let only_viewed = matches.iter().any(viewed)
            && matches
                .iter()
                .all(|m| Some(m.value.topic) == self.fallback || viewed(m));
        for m in matches {
            // A body named as whose forces are spoken of says who acts.
            if cues.owns_forces(toks, m.start) || (only_viewed && viewed(&m)) {
                continue;
            }
            if described.is_none() && Some(m.value.topic) == self.fallback && !m.value.tone {
                described = describing_clause(toks, m.start + m.len);
            }
            let f = &mut found[m.value.topic];
            // Longer phrases count a little more, named things most;
            // longer in words, not in the letters of an abbreviation.
            let mut score = self.topics[m.value.topic].weight
                * (1.0 + (m.len.saturating_sub(m.value.dotted).max(1) as f64 - 1.0) / 4.0);
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
            f.situational &= m.value.situational;
            f.actor &= m.value.actor;
            f.occasion &= m.value.occasion
                || (toned && (m.value.talk || track.contains(&m.phrase)))
                || names_the_meeting(toks, &m)
                || (setting.contains(&m.start) && m.start + m.len <= setting.end);
            f.last = m.start;
            if f.cue.is_empty() {
                f.first = m.start;
                f.first_end = m.start + m.len;
                f.cue = m.phrase;
            }
            // Where the topic is first named by substance: a word for the
            // talks themselves followed by what they were about ("exchanges
            // on implementing the consensus") is no more substance than
            // their tone, nor are the words for who is to act.
            if f.substance == usize::MAX && !about_the_talks(toks, &m) && !names_who_acts(toks, &m)
            {
                f.substance = m.start;
            }
        }
        // The best match decides; further matches of a topic add a quarter
        // of their sum, at most a quarter of the best match, so that a pile
        // of general words does not outvote one phrase of another topic.
        // Whom a matter touches ("employees of U.S. companies") is no
        // topic beside a matter named ("exit bans against employees of
        // U.S. companies" is about exit bans), nor is where or as what
        // kind of event it happened ("unsafe intercepts of U.S. aircraft
        // in international airspace" is about the intercepts).
        let aside = |f: &Found| f.actor || f.situational;
        let matter_named = found
            .iter()
            .enumerate()
            .any(|(i, f)| f.best > 0.0 && !aside(f) && self.topics[i].weight >= 1.0);
        // The meeting itself ("paid a visit ... at the invitation of",
        // "the consensus reached during the state visit") is no topic
        // beside anything else the claim names.
        let other_named = found.iter().any(|f| f.best > 0.0 && !f.occasion);
        let mut scored: Vec<Scored> = found
            .into_iter()
            .enumerate()
            .filter(|(_, f)| {
                f.best > 0.0 && !(matter_named && aside(f)) && !(other_named && f.occasion)
            })
            .map(|(topic, f)| Scored {
                topic,
                score: f.best + f.rest.min(f.best) / 4.0,
                first: f.first,
                first_end: f.first_end,
                last: f.last,
                substance: f.substance,
                focused: f.focused,
                situational: f.situational,
                actor: f.actor,
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
        self.review_of_areas(toks, &mut scored);
        if turn.is_none() {
            self.lead_clause(toks, &mut scored);
        }
        self.subject_over_area(&mut scored);
        self.named_instance(toks, &mut scored);
        self.served(toks, &mut scored, described);
        self.purpose(toks, &mut scored);
        self.several_subjects(&mut scored);
        self.pledged(toks, &mut scored);
        self.contained(toks, &mut scored);
        let top = scored.first().map_or(0.0, |s| s.score);
        scored
            .into_iter()
            .filter(|s| s.score >= top * ALTERNATIVE_SHARE)
            .map(|s| Tag {
                topic: s.topic,
                cue: s.cue.to_string(),
                score: s.score,
                situational: s.situational,
            })
            .collect()
    }

    /// With no contrast marker, a claim with two points goes to the area of
    /// its lead clause: of the topics of the winner's kind (specific or
    /// general), the one named first wins when it scores at least
    /// `LEAD_SHARE` of the best. A `reviews` area does not take the lead
    /// from the area it names (see `review_of_areas`), and keeps a claim it
    /// holds from an area named first but less strongly, or only by tone:
    /// "Noting that the heads of state set the direction for the
    /// relationship, Li said the two sides should implement their
    /// consensus" is about the consensus, as both analysts read it. A word
    /// that only qualifies the best topic's phrase is no clause (`qualifies`),
    /// and overall relations does not lead over an area ranked above it
    /// (`outranks`).
    fn lead_clause(&self, toks: &[Token], scored: &mut [Scored]) {
        let Some(top) = scored.first() else { return };
        let general = |t: usize| self.topics[t].weight < 1.0;
        let (kind, best) = (general(top.topic), top.score);
        let lead = scored
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                general(s.topic) == kind
                    && s.score >= best * LEAD_SHARE
                    && !qualifies(toks, s, top)
                    && (*i == 0 || !self.topics[s.topic].reviews)
                    && (*i == 0 || !self.outranks(top, s, toks))
                    && (*i == 0
                        || !self.topics[top.topic].reviews
                        || (s.substance != usize::MAX && s.score >= top.score))
            })
            .min_by_key(|(_, s)| s.first)
            .map(|(i, _)| i);
        if let Some(i) = lead {
            scored[..=i].rotate_right(1);
        }
    }

    /// Whether `top` is an area ANNOTATION.md ranks above overall
    /// relations (`outranks_fallback`) and `s` is overall relations, which
    /// then does not take the lead clause from it. A pledge to defend one's
    /// own and allies' interests and values is overall relations whatever
    /// the allies' words name (`Cues::names_pledge`); an instance it names
    /// is read by the paragraph (`Cues::pledges`).
    fn outranks(&self, top: &Scored, s: &Scored, toks: &[Token]) -> bool {
        Some(s.topic) == self.fallback
            && self.topics[top.topic].outranks_fallback
            && !Cues::get().names_pledge(toks)
    }

    /// A broad category followed by "including" (or another instance
    /// marker) and a specific area: the area named as the instance is the
    /// point ("headwinds to the global economy, including the war in
    /// Ukraine" is about the war). Only between specific areas; a general
    /// area before the marker, and the leaders' consensus, keep their own
    /// rules; the category named before the marker is dropped from the
    /// claim's other topics, whichever of the two scored higher.
    fn named_instance(&self, toks: &[Token], scored: &mut Vec<Scored>) {
        let Some(at) = Cues::get().instance_marker(toks) else {
            return;
        };
        let specific =
            |s: &Scored| self.topics[s.topic].weight >= 1.0 && !self.topics[s.topic].reviews;
        let Some(top) = scored.first() else { return };
        if !specific(top) {
            return;
        }
        // A category whose own area is named among the instances too
        // ("people-to-people exchanges, including students and business
        // people") keeps the claim: the instances are its parts.
        if top.first < at && top.last < at {
            let Some(i) = scored.iter().position(|s| specific(s) && s.first > at) else {
                return;
            };
            scored[..=i].rotate_right(1);
        }
        // The broad category is not a second point to file the claim
        // under: it only introduces the instance.
        let keep = scored[0].topic;
        scored.retain(|s| s.topic == keep || !specific(s) || s.first > at);
    }

    /// A subject of a broader area, named in a claim that also uses the
    /// area's general words, is the claim's point ("exports of rare
    /// earths" is about rare earths, not trade at large): the subject must
    /// score at least `ALTERNATIVE_SHARE` of the area.
    fn subject_over_area(&self, scored: &mut [Scored]) {
        let Some(top) = scored.first() else { return };
        let area = self.topics[top.topic].id.as_str();
        if let Some(i) = scored.iter().position(|s| {
            s.score >= top.score * ALTERNATIVE_SHARE
                && self.topics[s.topic].parent.as_deref() == Some(area)
        }) {
            scored[..=i].rotate_right(1);
        }
    }

    /// A claim that names two subjects of one broader area ("restrictions
    /// on investment, sanctions, export controls and extra tariffs") speaks
    /// of the broader area: it lists, it does not single one out. The
    /// second subject must score at least `ALTERNATIVE_SHARE` of the first.
    fn several_subjects(&self, scored: &mut Vec<Scored>) {
        let Some(top) = scored.first() else { return };
        let Some(parent) = self.topics[top.topic].parent.as_deref() else {
            return;
        };
        let sibling = scored[1..].iter().any(|s| {
            s.score >= top.score * ALTERNATIVE_SHARE
                && self.topics[s.topic].parent.as_deref() == Some(parent)
        });
        if !sibling {
            return;
        }
        let Some(p) = self.topics.iter().position(|t| t.id == parent) else {
            return;
        };
        lift(scored, p);
    }

    /// The specific area a sentence announces as its subject before its
    /// first comma ("On the fentanyl issue, Li said ...", "Regarding the
    /// Philippines, ..."): what it goes on to say is about that area,
    /// whatever else it names. A general area announced ("On China-US
    /// relations, ...") decides nothing: what follows may single out a
    /// specific one.
    pub fn announced(&self, text: &str, toks: &[Token]) -> Option<Tag> {
        let subject = Cues::get().announced_subject(text, toks)?;
        self.tag(&subject)
            .filter(|t| self.topics[t.topic].weight >= 1.0 && !self.topics[t.topic].reviews)
    }

    /// An `opening` area that the claim's opening clause (up to its first
    /// comma) names, and nothing else there: it takes the claim, whatever
    /// the rest names ("At the request of the U.S. side, the China Coast
    /// Guard Director held talks ..."; see `Topic::opening`).
    pub fn opened(&self, text: &str) -> Option<Tag> {
        let head = &text[..text.find(',')?];
        // Longer openings are premises and settings ("Noting that ..."),
        // not who asked: left unread, they cost nothing.
        if head.split_whitespace().nth(OPENING_WORDS).is_some() {
            return None;
        }
        let head = text::tokens(head);
        match self.tag_all(&head, None).as_slice() {
            [only] if self.topics[only.topic].opening => Some(only.clone()),
            _ => None,
        }
    }

    /// The best topic for a claim's tokens, if any keyword fires.
    pub fn tag(&self, toks: &[Token]) -> Option<Tag> {
        self.tag_all(toks, Cues::get().turn(toks))
            .into_iter()
            .next()
    }
}
