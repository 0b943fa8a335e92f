//! Stance detection, claim by claim: the voice, the kind and polarity of
//! the cues, the target, denials and the rules that turn a cue.

use super::*;
use crate::normalize::text::tokens;

fn us() -> Speakers<'static> {
    Speakers {
        own: "United States",
        participants: vec![
            (vec!["austin".into()], "United States".into()),
            (vec!["dong".into()], "China".into()),
        ],
    }
}

fn cn() -> Speakers<'static> {
    Speakers {
        own: "China",
        ..us()
    }
}

fn detect_in(s: &str, who: &Speakers) -> Stance {
    let toks = tokens(s);
    detect(&toks, Cues::get().turn(&toks), None, None, who)
}

#[test]
fn concern_targets_the_named_party() {
    let s = detect_in(
        "Austin raised concerns about recent provocative Chinese military activity.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Critical);
    assert_eq!(s.target.as_deref(), Some("China"));
    assert_eq!(s.voice, Voice::Party("United States".into()));
}

#[test]
fn overstretching_a_concept_accuses_the_side_that_does_it() {
    // "Overstretching the concept of national security" is the accusation
    // itself, with or without a demand beside it.
    let s = detect_in(
        "Dong pointed out that the U.S. side has kept adding Chinese companies to its export control lists and overstretching the concept of national security.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str(), s.target.as_deref()),
        (Polarity::Critical, "accusation", Some("United States"))
    );
}

#[test]
fn criticism_aimed_at_a_party_outweighs_words_of_value() {
    let s = detect_in(
        "Austin raised concerns about the PRC's growing military pressure against Taiwan and emphasized the importance of maintaining peace and stability across the Strait.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("China"))
    );
    // Aimed at no one, the same concern weighs as before.
    let s = detect_in(
        "Austin raised concerns about rising tensions and emphasized the importance of maintaining peace and stability across the Strait.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Positive);
    // The party may own the criticised thing further into its object
    // phrase ("the limited transparency of the PRC's operations") ...
    let s = detect_in(
        "The Secretary raised concerns about the limited transparency of the PRC's foreign exchange operations and stressed the importance of a market-determined exchange rate.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Critical);
    // ... but not past the phrase's end: a party named after a pause or an
    // "and" belongs to another phrase.
    let s = detect_in(
        "The Secretary raised concerns about rising tensions, and stressed the importance of the PRC's restraint for maintaining peace and stability.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Positive);
}

#[test]
fn attribution_to_the_other_side_sets_the_voice() {
    let s = detect_in("The U.S. side said it does not seek a new Cold War.", &cn());
    assert_eq!(s.voice, Voice::Party("United States".into()));
    assert!(s.denial.is_some());
    let s = detect_in("The two sides agreed to maintain communication.", &cn());
    assert_eq!(s.voice, Voice::Joint);
    // People of both sides who reviewed or met speak for both.
    for text in [
        "Austin and Dong reviewed the implementation of their commitments.",
        "Austin and Dong held talks on the sidelines of the forum.",
    ] {
        assert_eq!(detect_in(text, &us()).voice, Voice::Joint, "{text}");
    }
    assert_eq!(s.polarity, Polarity::Positive);
    // "States" in "the United States" is a name, not a speech verb.
    let s = detect_in(
        "The United States said it does not seek a new Cold War.",
        &cn(),
    );
    assert_eq!(s.voice, Voice::Party("United States".into()));
    let s = detect_in(
        "The United States must adhere to the one-China principle.",
        &cn(),
    );
    assert_eq!(
        (s.voice, s.target.as_deref()),
        (Voice::Party("China".into()), Some("United States"))
    );
}

#[test]
fn the_two_of_any_kind_speak_for_both_sides() {
    // "The two" alone, or with any noun for the people who met (the
    // delegations, the commanders, the envoys), is a joint voice: the
    // claim reports what both did, not the account's own side.
    for text in [
        "The two discussed steps to expand people-to-people ties.",
        "The two delegations agreed to meet again next year.",
        "The two commanders reviewed the implementation of the rules of behavior.",
    ] {
        assert_eq!(detect_in(text, &us()).voice, Voice::Joint, "{text}");
    }
    // Negative: one side's people speaking of the two stay that side's.
    let s = detect_in(
        "The Secretary said the two countries must manage competition responsibly.",
        &us(),
    );
    assert_eq!(s.voice, Voice::Party("United States".into()));
}

#[test]
fn other_words_for_a_stance_read_as_it() {
    // Writers vary the verb: disapproval is opposition, firmly defending
    // one's own is resolve, a frank exchange is valued, being dedicated
    // to something is a commitment.
    for (claim, who, polarity) in [
        (
            "Dong voiced China's disapproval of the sanctions the US imposed.",
            cn(),
            Polarity::Critical,
        ),
        (
            "Dong said the PLA will firmly defend national sovereignty.",
            cn(),
            Polarity::Positive,
        ),
        (
            "Austin and Dong had a frank exchange.",
            us(),
            Polarity::Positive,
        ),
        (
            "Dong said both presidents are dedicated to stabilizing ties.",
            cn(),
            Polarity::Positive,
        ),
        (
            "Austin warned of serious consequences should the PRC provide lethal aid.",
            us(),
            Polarity::Critical,
        ),
        (
            "Li expressed strong dissatisfaction with the US investigation.",
            cn(),
            Polarity::Critical,
        ),
    ] {
        assert_eq!(detect_in(claim, &who).polarity, polarity, "{claim}");
    }
    // "Insisted that" reports what was said; "insisted on" asks for it.
    for (claim, kind) in [
        (
            "Wang insisted that the slump in ties stems from a misreading of China.",
            "reaffirm",
        ),
        (
            "Wang insisted on the removal of the US sanctions.",
            "demand",
        ),
    ] {
        assert_eq!(detect_in(claim, &cn()).kind, kind, "{claim}");
    }
    // Negative: consequences that threaten no one are no warning.
    let s = detect_in(
        "Austin and Dong took up global issues with consequences for people everywhere.",
        &us(),
    );
    assert_ne!(s.polarity, Polarity::Critical);
}

#[test]
fn a_prescribed_stance_is_no_denial() {
    let s = detect_in(
        "Dong said China has always been impartial on the crisis.",
        &cn(),
    );
    assert_eq!(s.denial.as_deref(), Some("impartial"));
    let s = detect_in(
        "Dong said major countries should remain objective and impartial.",
        &cn(),
    );
    assert_eq!(s.denial, None);
}

#[test]
fn denial_is_found_and_not_read_as_negation() {
    let s = detect_in(
        "Dong said China had honored our promise not to provide weapons to either side.",
        &cn(),
    );
    assert_eq!(s.denial.as_deref(), Some("promise not"));
}

#[test]
fn a_denial_conceded_before_a_contrast_is_no_denial() {
    // After the contrast marker comes the point (ANNOTATION.md): the
    // denial before it concedes, it does not deny what the other asserts.
    let conceded = detect_in(
        "Hale said the United States does not seek conflict, but it will stand up for its interests.",
        &us(),
    );
    assert_eq!(conceded.denial, None);
    let point = detect_in(
        "Hale said the United States will stand up for its interests, but it does not seek conflict.",
        &us(),
    );
    assert_eq!(point.denial.as_deref(), Some("not seek"));
}

#[test]
fn a_negator_reaches_no_further_than_its_clause() {
    // "Not" turns over "changed", not the concern the next clause raises.
    let s = detect_in(
        "Hale said U.S. policy has not changed and raised concerns about the PRC's military pressure.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("China")),
        "{s:?}"
    );
    // Within its clause it still turns the cue over.
    let s = detect_in(
        "Hale said the United States does not support Taiwan independence.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Critical, "{s:?}");
}

#[test]
fn a_concern_beside_the_point_is_kept_as_an_aside() {
    // The claim's point is the value it stresses; the concern it raises
    // about the PRC beside it is kept as whom it blames (`blames_beside`).
    let s = detect_in(
        "Hale underscored the importance of maintaining peace and stability across the Taiwan Strait, reaffirmed that the United States remains committed to its one China policy, and raised concerns about the PRC's military pressure.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Positive, "{s:?}");
    let aside = s.aside.as_ref().expect("an aside");
    assert_eq!(
        (aside.party.as_str(), aside.cue.as_str()),
        ("China", "raised concerns")
    );
    // A request beside the point asks; it blames no one.
    let s = detect_in(
        "Hale underscored the importance of maintaining peace and stability across the Taiwan Strait, reaffirmed that the United States remains committed to its one China policy, and urged the PRC to exercise restraint.",
        &us(),
    );
    assert_eq!(s.aside, None, "{s:?}");
    // A stance the readout's author set says all the claim says.
    let claim = "Hale underscored the importance of maintaining peace and stability across the Taiwan Strait, reaffirmed that the United States remains committed to its one China policy, and raised concerns about the PRC's military pressure.";
    let toks = tokens(claim);
    let s = detect(
        &toks,
        Cues::get().turn(&toks),
        None,
        Some("positive"),
        &us(),
    );
    assert_eq!(s.aside, None, "{s:?}");
}

#[test]
fn building_blocs_against_the_other_side_is_criticism() {
    // "Piecing together small circles", "roping in allies": words for
    // building blocs against China criticise whoever builds them.
    for claim in [
        "Dong said the U.S. side has been piecing together exclusive small circles in the region.",
        "Dong said some country is roping in its allies to form cliques against China.",
    ] {
        let s = detect_in(claim, &cn());
        assert_eq!(s.polarity, Polarity::Critical, "{claim}: {s:?}");
    }
}

#[test]
fn what_runs_counter_to_a_principle_is_criticised() {
    // Saying a policy runs counter to a principle criticises the policy,
    // however many words of value name the principle.
    for claim in [
        "Dong said the U.S. side's new tariffs run counter to the spirit of mutually beneficial cooperation.",
        "Austin said the PRC's recent actions are inconsistent with its stated commitment to peace and stability.",
        "Dong said such moves go against the important consensus reached by the two heads of state.",
        "Dong noted that the sanctions are contrary to the principle of mutual respect.",
    ] {
        let who = if claim.starts_with("Austin") {
            us()
        } else {
            cn()
        };
        let s = detect_in(claim, &who);
        assert_eq!(s.polarity, Polarity::Critical, "{claim}: {s:?}");
    }
}

#[test]
fn asking_for_more_of_the_same_encourages() {
    for claim in [
        "Hale urged further action against the diversion of precursor chemicals.",
        "Hale called for sustained PRC enforcement against the traffickers.",
        "Hale encouraged further opening of the PRC's financial sector.",
        // Asked of someone: what follows the "to" of what is asked.
        "Hale urged the PRC to sustain enforcement against the traffickers.",
        "Hale urged PRC authorities to continue the crackdown on illicit pill presses.",
    ] {
        assert_eq!(
            detect_in(claim, &us()).polarity,
            Polarity::Positive,
            "{claim}"
        );
    }
    // Asked to change course, the other side is criticised.
    let demand = detect_in(
        "Hale urged the PRC to stop the diversion of precursor chemicals.",
        &us(),
    );
    assert_eq!(demand.polarity, Polarity::Critical);
}

#[test]
fn to_encourage_a_party_is_no_demand() {
    // Encouraging someone to do something speaks well of it and blames no
    // one: no criticism for the other side's account of its own conduct to
    // oppose (docs/accuracy.md, the sixty-second round's test).
    for claim in [
        "The Secretary encouraged the PRC to lift household consumption.",
        "Hale encouraged China to contribute to climate finance for developing countries.",
    ] {
        assert_eq!(
            detect_in(claim, &us()).polarity,
            Polarity::Positive,
            "{claim}"
        );
    }
    // Urging a party to change course still criticises it.
    let demand = detect_in("Hale urged the PRC to lift its export restrictions.", &us());
    assert_eq!(demand.polarity, Polarity::Critical);
}

#[test]
fn a_veiled_name_in_a_criticism_points_at_the_other_side() {
    let veiled = detect_in(
        "Dong said China firmly opposes certain countries outside the region flexing their muscles in the South China Sea.",
        &cn(),
    );
    assert_eq!(veiled.polarity, Polarity::Critical);
    assert_eq!(veiled.named, ["United States"]);
    // Named in no criticism, the words point at no one.
    let praise = detect_in(
        "Dong said China welcomes certain countries outside the region to invest in peace.",
        &cn(),
    );
    assert!(praise.named.is_empty(), "{:?}", praise.named);
}

#[test]
fn a_cue_word_in_another_sense_is_no_cue() {
    // An early warning system warns no one, however it is written.
    for claim in [
        "The two sides agreed to step up exchanges on the monitoring and early warning of avian influenza.",
        "Austin said the two countries will build early-warning systems for novel pathogens.",
    ] {
        assert_ne!(
            detect_in(claim, &us()).polarity,
            Polarity::Critical,
            "{claim}"
        );
    }
}

#[test]
fn advocacy_without_a_party_is_positive_and_with_one_critical() {
    assert_eq!(
        detect_in(
            "The US side pressed for calls between theater commanders.",
            &us()
        )
        .polarity,
        Polarity::Positive
    );
    let s = detect_in("Dong urged the US to stop arming Taiwan.", &cn());
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("United States"))
    );
    // Pressing for a change in a party's own conduct demands it of that
    // party, when the party owns what follows.
    let s = detect_in(
        "The Secretary pressed for greater transparency in the PRC's foreign exchange interventions.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("China"))
    );
    assert_eq!(
        detect_in(
            "The Secretary pressed for greater transparency in the two countries' exchange markets.",
            &us()
        )
        .polarity,
        Polarity::Positive
    );
}

#[test]
fn calling_for_an_end_to_something_is_a_demand() {
    let s = detect_in(
        "He called for an end to the PRC's destabilizing military activity around Taiwan.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str(), s.target.as_deref()),
        (Polarity::Critical, "demand", Some("China"))
    );
    let s = detect_in(
        "Xi said China will not allow conflict and chaos on the Korean Peninsula.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Critical, "warning")
    );
    let s = detect_in(
        "He called for restraint in the PRC's use of military activity.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Critical, "demand")
    );
    // After "but" comes the point, and its cue decides the target.
    let s = detect_in(
        "Dong said Washington claims to oppose Taiwan independence but keeps selling weapons to Taiwan.",
        &cn(),
    );
    assert_eq!(
        (s.cue.as_deref(), s.target.as_deref()),
        (Some("selling weapons"), Some("United States"))
    );
    // The subject of the criticised clause is its target, not the party after the cue.
    let s = detect_in(
        "Blinken said China is the primary contributor to Russia's war effort.",
        &us(),
    );
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("China"))
    );
    let s = detect_in(
        "Dong said the Chinese pilots acted in a safe and professional manner.",
        &cn(),
    );
    assert!(s.asserts_conduct);
    // A prescription for both sides is not a demand on the other.
    let s = detect_in(
        "Dong said the two militaries should maintain communication.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Positive, "advocacy")
    );
    // Nor is one addressed to both sides a few words before the cue ...
    let s = detect_in(
        "Wang said it is imperative for the two sides, with an attitude of being responsible, to work to stop ties from further deterioration.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Positive, "advocacy")
    );
    // Nor is one whose addressee is both sides ...
    for text in [
        "Wang urged both sides to halt the slide in relations.",
        "He called on the two countries to resume consultations.",
    ] {
        let s = detect_in(text, &cn());
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Positive, "advocacy"),
            "{text}"
        );
    }
    let s = detect_in("Wang urged the US side to halt its arms sales.", &cn());
    assert_eq!(s.polarity, Polarity::Critical);
    // ... unless another party, or another speaker, comes in between.
    for text in [
        "Wang said the two sides met, and the US must stop arming Taiwan.",
        "The two sides met, and Dong demanded an end to the blockade.",
    ] {
        let s = detect_in(text, &cn());
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "demand"),
            "{text}"
        );
    }
    // What both agreed is not a demand either, up to a contrast.
    let s = detect_in(
        "The leaders agreed that AI should not control decisions to use nuclear weapons.",
        &us(),
    );
    assert_eq!(s.polarity, Polarity::Positive);
    let s = detect_in(
        "Dong agreed to keep talking, but said the US must stop arming Taiwan.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Critical, "demand")
    );
    let s = detect_in("Dong said the US side should stop.", &cn());
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Critical, "demand")
    );
    // A call to stop something blames whoever does it, though no party is
    // its subject: it is a demand, not a prescription.
    for text in [
        "Countries outside the region should stop stirring up trouble in the South China Sea, Dong said.",
        "He said the United States is not a party to the disputes and should stop flexing its military muscles.",
    ] {
        let s = detect_in(text, &cn());
        assert_eq!(
            (s.polarity, s.kind.as_str()),
            (Polarity::Critical, "demand"),
            "{text}"
        );
    }
    // With no party as its subject, "should" prescribes: it demands of no one.
    let s = detect_in(
        "Xi said relations should return to sound and steady development.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Positive, "advocacy")
    );
    // A negated criticism criticises no one; a prohibition still does.
    let s = detect_in(
        "Wang said major countries should get along through dialogue rather than a zero-sum game.",
        &cn(),
    );
    assert_ne!(s.polarity, Polarity::Critical);
    let s = detect_in("Wang said the US must not interfere in Hong Kong.", &cn());
    assert_eq!(s.polarity, Polarity::Critical);
    // A negated positive cue is critical, whatever its object.
    let s = detect_in(
        "Biden said Washington does not support Taiwan independence.",
        &cn(),
    );
    assert_eq!(s.polarity, Polarity::Critical);
    let s = detect_in(
        "Xi said US actions against China seriously hurt China's legitimate interests.",
        &cn(),
    );
    assert_eq!(
        (s.polarity, s.target.as_deref()),
        (Polarity::Critical, Some("United States"))
    );
}

#[test]
fn negated_positive_cue_turns_critical() {
    assert_eq!(
        detect_in("China did not welcome the move.", &cn()).polarity,
        Polarity::Critical
    );
}

#[test]
fn override_wins() {
    let s = detect(
        &tokens("Anything at all."),
        None,
        None,
        Some("welcome"),
        &us(),
    );
    assert_eq!(
        (s.polarity, s.kind.as_str()),
        (Polarity::Positive, "welcome")
    );
}
