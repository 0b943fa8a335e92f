//! The stance cue lexicon (built-in data): stance kinds, denials, negators,
//! parties, speech verbs and joint voices, compiled for matching.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fasthash::FxHashSet;
use super::initials::ByInitial;
use super::phrases::PhraseSet;

/// Words an announced subject may run to ("On the situation in the
/// Middle East, ...").
const ANNOUNCED_WORDS: usize = 10;

const BUILT_IN: &str = include_str!("../data/cues.yaml");

/// Which way a stance leans.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Critical,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Critical => "critical",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindFile {
    polarity: Polarity,
    #[serde(default)]
    framing: bool,
    cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    stances: BTreeMap<String, KindFile>,
    party_sensitive: Vec<String>,
    asking: Vec<String>,
    more_of_the_same: Vec<String>,
    other_senses: Vec<String>,
    self_assertions: Vec<String>,
    stated_policy: Vec<String>,
    faulting: Vec<String>,
    blames_unnamed: Vec<String>,
    blames_beside: Vec<String>,
    modals: Vec<String>,
    prohibiting: Vec<String>,
    tone: Vec<String>,
    occasion: Vec<String>,
    talks_manner: Vec<String>,
    discussion: Vec<String>,
    engagement: Vec<String>,
    denials: Vec<String>,
    disowning: Vec<String>,
    no_one: Vec<String>,
    veiled: Vec<String>,
    assurances: Vec<String>,
    prescribable: Vec<String>,
    negators: Vec<String>,
    parties: BTreeMap<String, Vec<String>>,
    speech_verbs: Vec<String>,
    joint_voices: Vec<String>,
    joint_subject: BTreeMap<String, String>,
    agreements: Vec<String>,
    contrasts: Vec<String>,
    additions: Vec<String>,
    instances: Vec<String>,
    instances_after: Vec<String>,
    preparations: Vec<String>,
    accords: Vec<String>,
    rights: Vec<String>,
    self_defence: Vec<String>,
    harm_to_civilians: Vec<String>,
    other_matters: Vec<String>,
    issues: Vec<String>,
    beneficiaries: Vec<String>,
    purposes: Vec<String>,
    keeping: Vec<String>,
    in_contact: Vec<String>,
    contact_about: Vec<String>,
    contact_kept: Vec<String>,
    contact_lines: Vec<String>,
    viewing: Vec<String>,
    forces: Vec<String>,
    settings: Vec<String>,
    pledges: Vec<String>,
    containment: Vec<String>,
    offers: Vec<String>,
    resolute_readiness: Vec<String>,
    standing: Vec<String>,
    announcements: Vec<String>,
    times: Vec<String>,
}

/// Words after a contrast marker ("..., but the US must respect core
/// interests") carry the sentence's point: as topic words and as stance cues
/// they count this much more.
pub const FOCUS: f64 = 1.5;

/// The value of a phrase of `other_senses` in the stance cue set.
const OTHER_SENSE: usize = usize::MAX;

/// Words that end the name of the event a meeting was held at (see
/// `Cues::setting`): what follows says what the meeting was for or about.
const SETTING_ENDS: [&str; 6] = ["for", "to", "on", "about", "over", "regarding"];

/// The setting's own words start right after its opening words ("on the
/// margins of", four words) when a sentence opens with it.
const SETTING_OPENS_WITHIN: usize = 4;

/// A stance kind ("concern", "welcome", ...).
#[derive(Debug, Clone)]
pub struct Kind {
    pub name: String,
    pub polarity: Polarity,
    pub framing: bool,
    /// Advocacy: critical when its object names a party.
    pub party_sensitive: bool,
    /// Asks something of someone (see `asking`): asking for more of the
    /// same encourages.
    pub asks: bool,
    /// Describes the speaker's own conduct (see `self_assertions` in cues.yaml).
    pub self_assertion: bool,
    /// Faults what was done (see `faulting`).
    pub faults: bool,
    /// Blames the other side even when it names no one (see `blames_unnamed`).
    pub blames_unnamed: bool,
    /// Blames the party it names right after even beside the claim's point
    /// (see `blames_beside`).
    pub blames_beside: bool,
    /// The kind it reads as right after a joint voice (see `joint_subject`).
    pub after_joint: Option<usize>,
    /// Introduces what both sides agreed (see `agreements`).
    pub agreement: bool,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Cues {
    pub kinds: Vec<Kind>,
    /// Stance cues, with their kind's index; the phrases of `other_senses`
    /// map to `OTHER_SENSE`. Read them with [`Cues::stance_cues`].
    stance: PhraseSet<usize>,
    pub denials: PhraseSet<()>,
    /// Words that hold the other side's terms at arm's length ("so-called
    /// freedom of navigation"): `disowning` in cues.yaml.
    pub disowning: PhraseSet<()>,
    /// Words that name no one in particular ("any country"): `no_one`.
    pub no_one: PhraseSet<()>,
    /// Words that point at a party without naming it ("certain countries
    /// outside the region"): `veiled` in cues.yaml.
    pub veiled: PhraseSet<()>,
    /// What a side says it does not intend toward the other
    /// ("does not seek a new Cold War"): `assurances` in cues.yaml.
    pub assurances: PhraseSet<()>,
    /// Denials that name a stance, which a modal before them prescribes
    /// instead (see `prescribable` in cues.yaml).
    pub prescribable: Vec<String>,
    pub negators: PhraseSet<()>,
    /// Party names, canonical first.
    pub party_names: Vec<String>,
    pub parties: PhraseSet<usize>,
    /// Stemmed words of each party's name and aliases, in `party_names`
    /// order: who a claim speaks of, not what point it makes (classify leaves
    /// the two sides' words out of shared points).
    pub party_terms: Vec<FxHashSet<String>>,
    pub speech: PhraseSet<()>,
    pub joint: PhraseSet<()>,
    /// Modal cues ("should", "must") that demand only of a party named as
    /// their subject (see `modals` in cues.yaml).
    pub modals: Vec<String>,
    /// Words that make a negated criticism a prohibition (see `prohibiting`).
    pub prohibiting: Vec<String>,
    /// Words after an asking cue that ask for more of the same (see
    /// `more_of_the_same`).
    pub more_of_the_same: Vec<String>,
    /// Stemmed words that characterize the talks themselves ("candid",
    /// "constructive"): two accounts using them make the same point on tone.
    pub tone_terms: FxHashSet<String>,
    /// Stemmed words that name the talks themselves (see `occasion`).
    pub occasion_terms: FxHashSet<String>,
    /// Stemmed words of the manner, setting and scope of talks (see
    /// `talks_manner`).
    pub talks_manner_terms: FxHashSet<String>,
    /// Stemmed words that say a topic was discussed (see `discussion`).
    pub discussion_terms: FxHashSet<String>,
    /// Stemmed words of working with the other side on a subject (see
    /// `engagement` in cues.yaml).
    pub engagement_terms: FxHashSet<String>,
    /// The stance cues, as written (lowercase): see [`Cues::is_cue_term`].
    cue_words: Vec<String>,
    /// Contrast markers (true) and the additive phrases that look like them (false).
    contrast: PhraseSet<bool>,
    /// Words that introduce what something serves or benefits (see
    /// `beneficiaries`).
    beneficiary: PhraseSet<()>,
    /// Words that open what a channel is for (see `purposes`).
    purpose: PhraseSet<()>,
    /// Staying in contact on a subject (`keeping`, `in_contact`,
    /// `contact_about`, `contact_kept`, `contact_lines` in cues.yaml).
    keeping: Vec<String>,
    in_contact: Vec<String>,
    contact_about: Vec<String>,
    contact_kept: Vec<String>,
    contact_lines: Vec<String>,
    /// Verbs of viewing something, rightly or wrongly (`viewing`).
    viewing: Vec<String>,
    /// Words for a body's armed forces (`forces`).
    forces: Vec<String>,
    /// Words that open the event a meeting was held at (see `settings`).
    setting: PhraseSet<()>,
    /// What a side pledges to defend as its own (see `pledges`).
    pledge: PhraseSet<()>,
    /// Words of containing the other side (see `containment`).
    containment: PhraseSet<()>,
    offers: Vec<String>,
    resolute_readiness: Vec<String>,
    /// Instance markers written after the instance (see `instances_after`).
    instance_after: PhraseSet<()>,
    /// The words of force, in one set so that a claim is read once: words
    /// that open a right (`rights`), of defending oneself (`self_defence`)
    /// and of harm done to civilians (`harm_to_civilians`).
    force: PhraseSet<ForceWord>,
    /// Reports of talks on matters other than those named (see
    /// `other_matters`).
    other_matter: PhraseSet<()>,
    /// Words for the issues talks were on (see `issues`).
    issue: PhraseSet<()>,
    /// Words of a side's stated policy (see `stated_policy`).
    stated_policy: PhraseSet<()>,
    /// Words that introduce instances of what was just named (see `instances`).
    instance: PhraseSet<()>,
    /// Words that open what a follow-up prepares (see `preparations`).
    preparation: PhraseSet<()>,
    /// Words for an accord a field's name can qualify (see `accords`).
    accords: Vec<String>,
    /// Names of a standing channel of talks in a meeting's title (see
    /// `standing`).
    standing: PhraseSet<()>,
    /// Words that open a sentence by announcing its subject (see
    /// `announcements`).
    announcement: PhraseSet<()>,
    /// Words that date a sentence or name its occasion (see `times`).
    times: PhraseSet<()>,
}

impl Cues {
    /// The built-in lexicon, compiled once.
    pub fn get() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            let file: CueFile = crate::load::yaml::built_in("cues", BUILT_IN);
            Cues::compile(file)
        })
    }

    fn compile(file: CueFile) -> Cues {
        let mut kinds = Vec::new();
        let cues = file.stances.values().map(|k| k.cues.len()).sum::<usize>();
        let mut stance = PhraseSet::with_capacity(file.other_senses.len() + cues);
        for phrase in &file.other_senses {
            stance.insert(phrase, OTHER_SENSE);
        }
        let mut cue_words = Vec::new();
        for (name, k) in file.stances {
            let i = kinds.len();
            for c in &k.cues {
                stance.insert(c, i);
            }
            cue_words.extend(k.cues);
            kinds.push(Kind {
                party_sensitive: file.party_sensitive.contains(&name),
                asks: file.asking.contains(&name),
                self_assertion: file.self_assertions.contains(&name),
                faults: file.faulting.contains(&name),
                blames_unnamed: file.blames_unnamed.contains(&name),
                blames_beside: file.blames_beside.contains(&name),
                agreement: file.agreements.contains(&name),
                name,
                polarity: k.polarity,
                framing: k.framing,
                after_joint: None,
            });
        }
        for (from, to) in &file.joint_subject {
            let find = |name: &str| kinds.iter().position(|k: &Kind| k.name == name);
            if let (Some(f), Some(t)) = (find(from), find(to)) {
                kinds[f].after_joint = Some(t);
            }
        }
        let set = |list: &[String]| {
            let mut s = PhraseSet::with_capacity(list.len());
            for p in list {
                s.insert(p, ());
            }
            s
        };
        let mut party_names = Vec::new();
        let mut parties = PhraseSet::default();
        for (name, aliases) in &file.parties {
            let i = party_names.len();
            party_names.push(name.clone());
            parties.insert(name, i);
            for a in aliases {
                parties.insert(a, i);
            }
        }
        let party_terms = file
            .parties
            .iter()
            .map(|(name, aliases)| {
                std::iter::once(name)
                    .chain(aliases)
                    .flat_map(|phrase| super::text::tokens(phrase))
                    .map(|t| super::text::stem(&t.norm))
                    .collect()
            })
            .collect();
        let mut contrast = PhraseSet::default();
        for p in &file.contrasts {
            contrast.insert(p, true);
        }
        for p in &file.additions {
            contrast.insert(p, false);
        }
        Cues {
            kinds,
            stance,
            denials: set(&file.denials),
            disowning: set(&file.disowning),
            no_one: set(&file.no_one),
            veiled: set(&file.veiled),
            assurances: set(&file.assurances),
            prescribable: file.prescribable,
            negators: set(&file.negators),
            party_names,
            parties,
            party_terms,
            modals: file.modals,
            prohibiting: file.prohibiting,
            more_of_the_same: file.more_of_the_same,
            tone_terms: file.tone.iter().map(|w| super::text::stem(w)).collect(),
            occasion_terms: file.occasion.iter().map(|w| super::text::stem(w)).collect(),
            talks_manner_terms: file
                .talks_manner
                .iter()
                .map(|w| super::text::stem(w))
                .collect(),
            discussion_terms: file
                .discussion
                .iter()
                .map(|w| super::text::stem(w))
                .collect(),
            engagement_terms: file
                .engagement
                .iter()
                .map(|w| super::text::stem(w))
                .collect(),
            cue_words,
            speech: set(&file.speech_verbs),
            joint: set(&file.joint_voices),
            contrast,
            instance: set(&file.instances),
            preparation: set(&file.preparations),
            accords: file.accords,
            beneficiary: set(&file.beneficiaries),
            purpose: set(&file.purposes),
            keeping: file.keeping,
            in_contact: file.in_contact,
            contact_about: file.contact_about,
            contact_kept: file.contact_kept,
            contact_lines: file.contact_lines,
            viewing: file.viewing,
            forces: file.forces,
            setting: set(&file.settings),
            pledge: set(&file.pledges),
            containment: set(&file.containment),
            offers: file.offers,
            resolute_readiness: file.resolute_readiness,
            instance_after: set(&file.instances_after),
            force: force::words(&file.rights, &file.self_defence, &file.harm_to_civilians),
            other_matter: set(&file.other_matters),
            issue: set(&file.issues),
            stated_policy: set(&file.stated_policy),
            standing: set(&file.standing),
            announcement: set(&file.announcements),
            times: set(&file.times),
        }
    }

    /// Whether a claim's stance cue `cue` offers joint work ("is willing to
    /// work with the U.S. side", "stands ready to deepen cooperation"; see
    /// `offers`): readiness to deter, defend or respond (the verb after the
    /// cue, past "to" and any adverb, in `resolute_readiness`) is resolve.
    /// `text` is the claim's matching text, lowercase.
    pub fn is_offer(&self, cue: &str, text: &str) -> bool {
        let Some(offer) = self.offers.iter().find(|o| o.eq_ignore_ascii_case(cue)) else {
            return false;
        };
        let Some(at) = text.find(offer.as_str()) else {
            return true;
        };
        let verb = text[at + offer.len()..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty() && *w != "to" && !w.ends_with("ly"));
        !verb.is_some_and(|v| {
            self.resolute_readiness
                .iter()
                .any(|r| v.starts_with(r.as_str()))
        })
    }

    /// Whether the stemmed word `stem` is a word of a stance cue
    /// ("concern", "commitment"): a stance, not a subject two claims may
    /// share. A stem begins its word (but for "-ies" made "-y"), so only
    /// the cue words it begins are stemmed, found by their first letter
    /// (grouped on first use, from the lexicon in force).
    pub fn is_cue_term(stem: &str) -> bool {
        static WORDS: OnceLock<ByInitial<'static>> = OnceLock::new();
        let words = WORDS.get_or_init(|| {
            ByInitial::new(
                Cues::get()
                    .cue_words
                    .iter()
                    .flat_map(|c| c.trim_end_matches('*').split(' '))
                    .filter(|w| w.len() > 3),
            )
        });
        let prefix = stem.strip_suffix('y').unwrap_or(stem);
        words
            .like(prefix)
            .iter()
            .filter(|w| w.starts_with(prefix))
            .any(|w| super::text::stem(w) == stem)
    }

    /// Where the point of a sentence starts: the token after its last
    /// contrast marker ("..., but the US must ..."), if it has one.
    pub fn turn(&self, toks: &[super::text::Token]) -> Option<usize> {
        self.contrast
            .find_longest(toks)
            .iter()
            .filter(|m| *m.value)
            .map(|m| m.start + m.len)
            .next_back()
    }

    /// Where the first instance marker of a sentence starts ("risks to the
    /// global economy, including the war in Ukraine"), if it has one.
    pub fn instance_marker(&self, toks: &[super::text::Token]) -> Option<usize> {
        self.instance.find_longest(toks).first().map(|m| m.start)
    }

    /// Where the first words that open what a follow-up prepares start
    /// ("... and make good preparations for the next stage of high-level
    /// exchanges"), if the sentence has any.
    pub fn preparation_marker(&self, toks: &[super::text::Token]) -> Option<usize> {
        self.preparation.find_longest(toks).first().map(|m| m.start)
    }

    /// Whether the word at `at` names an accord ("arrangement",
    /// "agreement"): a field's name right before it says whose accord it is.
    pub fn is_accord(&self, toks: &[super::text::Token], at: usize) -> bool {
        toks.get(at)
            .is_some_and(|t| self.accords.iter().any(|w| *w == t.norm))
    }

    /// Where the first word that introduces what something serves starts
    /// ("a stable relationship serves both peoples and benefits the world
    /// economy"), if the sentence has one.
    pub fn beneficiary_marker(&self, toks: &[super::text::Token]) -> Option<usize> {
        self.beneficiary.find_longest(toks).first().map(|m| m.start)
    }

    /// The words that name the event a meeting was held at ("on the
    /// margins of the G20 Leaders' Summit in Lima"), from after the words
    /// that open it to the next mark of punctuation or the word that says
    /// what the meeting was for or about ("for a candid discussion", "to
    /// discuss", "on accelerating climate action").
    pub fn setting(&self, toks: &[super::text::Token]) -> Option<std::ops::Range<usize>> {
        let m = *self.setting.find_longest(toks).first()?;
        let start = m.start + m.len;
        let end = (start..toks.len())
            .find_map(|i| {
                if SETTING_ENDS.contains(&toks[i].norm.as_str()) {
                    Some(i)
                } else if toks[i].pause {
                    Some(i + 1)
                } else {
                    None
                }
            })
            .unwrap_or(toks.len());
        Some(start..end)
    }

    /// How many words open a sentence by announcing its subject ("On",
    /// "Regarding", "With regard to"), if it opens so.
    pub fn announcement(&self, toks: &[super::text::Token]) -> Option<usize> {
        self.announcement
            .find_longest(toks)
            .first()
            .filter(|m| m.start == 0)
            .map(|m| m.len)
    }

    /// The subject a sentence announces before its first comma ("On the
    /// situation in the Middle East, ..."), as tokens, if it opens so.
    /// Most sentences open otherwise: only those that open so are cut at
    /// their first comma and read again.
    pub fn announced_subject(
        &self,
        text: &str,
        toks: &[super::text::Token],
    ) -> Option<Vec<super::text::Token>> {
        let opening = self.announcement(toks)?;
        let mut head = super::text::tokens(&text[..text.find(',')?]);
        if head.len() <= opening || head.len() - opening > ANNOUNCED_WORDS {
            return None;
        }
        // "On the margins of the G20, ..." places the meeting, as a date
        // times it: neither announces a subject.
        if self
            .setting(toks)
            .is_some_and(|r| r.start <= SETTING_OPENS_WITHIN)
        {
            return None;
        }
        let subject = head.split_off(opening);
        // "On Dec. 21, ..." dates the sentence; it announces no subject.
        self.times
            .find_longest(&subject)
            .is_empty()
            .then_some(subject)
    }

    /// The stance cues of a claim, longest first where they overlap; words
    /// used in another sense (`other_senses`) are no cue.
    pub fn stance_cues<'a>(
        &'a self,
        toks: &[super::text::Token],
    ) -> Vec<super::phrases::Match<'a, usize>> {
        let mut found = self.stance.find_longest(toks);
        found.retain(|m| *m.value != OTHER_SENSE);
        found
    }

    /// The kind called `name`, if any.
    pub fn kind(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }

    /// The canonical party a side or speaker name refers to ("U.S." → "United States").
    /// A name the lexicon does not know stays itself.
    pub fn canonical_party(&self, name: &str) -> String {
        let toks = super::text::tokens(name);
        match self.parties.find_longest(&toks).first() {
            Some(m) => self.party_names[*m.value].clone(),
            None => name.trim().to_string(),
        }
    }

    /// Whether a side is one of the parties the lexicon knows (a government
    /// such as "United States" or "China"), not the press or another
    /// onlooker that reports what the parties said ("Press", "CNN").
    pub fn is_party(&self, side: &str) -> bool {
        let canonical = self.canonical_party(side);
        self.party_names.contains(&canonical)
    }
}

/// Names an analyst may write as `stance:`: the polarities and every kind.
pub fn override_names() -> Vec<String> {
    let mut names: Vec<String> = ["positive", "critical", "neutral", "denial"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    names.extend(Cues::get().kinds.iter().map(|k| k.name.clone()));
    names
}

/// The polarity an override name stands for.
pub fn override_polarity(name: &str) -> Option<Polarity> {
    match name {
        "positive" => Some(Polarity::Positive),
        "critical" | "denial" => Some(Polarity::Critical),
        "neutral" => Some(Polarity::Neutral),
        other => Cues::get().kind(other).map(|k| k.polarity),
    }
}

/// Flips a polarity for a negated cue: a positive cue turns critical ("did
/// not welcome"); a critical cue criticises no one ("rather than a zero-sum
/// game", "did not condemn"), except in a prohibition, which the caller
/// keeps critical ("must not", "will never accept").
pub fn negate(p: Polarity) -> Polarity {
    match p {
        Polarity::Positive => Polarity::Critical,
        // "rather than a zero-sum game", "did not condemn": a negated
        // criticism criticises no one.
        Polarity::Critical => Polarity::Neutral,
        Polarity::Neutral => Polarity::Neutral,
    }
}

mod around;
mod force;
mod names;
use force::ForceWord;

#[cfg(test)]
mod tests;
