//! Normalize as a whole: how a claim's topic is chosen from its words,
//! the participants' titles and the claims around it.

use super::*;
use crate::load::{Limits, load_str};

#[test]
fn claims_get_topic_stance_and_terms() {
    let r = load_str(
        "t",
        "source: {side: U.S.}\nclaims:\n  - text: Austin raised concerns about China's nuclear buildup.\n  - {text: Something odd., topic: S. China Sea}\n  - {text: Lunch was served.}\n",
        &Limits::default(),
    )
    .expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    assert_eq!(n.side, "United States");
    let c = &n.claims[0];
    assert_eq!(c.topic.as_ref().map(|t| t.id.as_str()), Some("nuclear"));
    assert_eq!(c.stance.target.as_deref(), Some("China"));
    assert!(c.terms.contains(&"concern".to_string()));
    let o = n.claims[1].topic.as_ref().expect("override");
    assert_eq!(
        (o.id.as_str(), o.source),
        ("south-china-sea", TopicSource::Override)
    );
    // Continues the analyst's topic of the claim before it.
    assert_eq!(
        n.claims[2].topic.as_ref().map(|t| t.source),
        Some(TopicSource::Context)
    );
}

#[test]
fn a_participants_title_names_no_topic() {
    let yaml = "source: {side: China}\nparticipants:\n  - {name: Liang Weidong, role: Special Envoy for Climate Change, side: China}\nclaims:\n  - text: Liang, the Special Envoy for Climate Change, held candid and constructive talks with the US side.\n  - text: The Special Envoy for Climate Change said the two sides must cut methane emissions.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    let ids: Vec<_> = n
        .claims
        .iter()
        .map(|c| c.topic.as_ref().map(|t| t.id.as_str()))
        .collect();
    // The talks' tone is the point of the first; the second still
    // speaks of methane.
    assert_eq!(ids, [Some("bilateral-relations"), Some("climate")]);
}

/// The topics of US `claims` (YAML) in a meeting titled `title`.
fn topics_under_title(title: &str, claims: &str) -> Vec<Option<String>> {
    let yaml = format!("meeting: {{title: {title}}}\nsource: {{side: United States}}\n{claims}");
    let r = load_str("t", &yaml, &Limits::default()).expect("loads");
    normalize(&r, &Taxonomy::built_in())
        .claims
        .iter()
        .map(|c| c.topic.as_ref().map(|t| t.id.clone()))
        .collect()
}

/// Topic ids as `topics_under_title` gives them, every claim filed.
fn named(ids: &[&str]) -> Vec<Option<String>> {
    ids.iter().map(|i| Some(i.to_string())).collect()
}

#[test]
fn the_meetings_own_track_beside_its_tone_is_the_tone() {
    let claims = "claims:\n  - text: The two sides held candid and in-depth exchanges on cyber issues.\n  - text: The two sides held in-depth exchanges on hacking of critical infrastructure.\n";
    let topics = |title: &str| topics_under_title(title, claims);
    // At a cyber dialogue, talks on cyber issues are the meeting itself:
    // the tone decides. A subject of the track the title does not name
    // (hacking) is still the point.
    assert_eq!(
        topics("U.S.-PRC Cyber Affairs Dialogue"),
        named(&["bilateral-relations", "cyber"])
    );
    // A call names no track: the talks' subject outranks their tone.
    assert_eq!(topics("Ellison–Lu phone call"), named(&["cyber", "cyber"]));
}

#[test]
fn the_meetings_own_name_beside_its_tone_is_the_tone() {
    let claims = "claims:\n  - text: The Deputy Assistant Secretary led the U.S. delegation to the Defense Policy Coordination Talks in Beijing, where the two delegations held candid and in-depth discussions.\n  - text: The two sides agreed to hold the next round of the talks in Washington.\n";
    let topics = |title: &str| topics_under_title(title, claims);
    // The talks the title names, held in a candid tone: the tone is the
    // point. Holding the next round is still the channel.
    assert_eq!(
        topics("U.S.-PRC Defense Policy Coordination Talks"),
        named(&["bilateral-relations", "military-communication"])
    );
    // A title that names no standing talks leaves the mechanism a channel.
    assert_eq!(
        topics("Rourke–Song meeting in Beijing"),
        named(&["military-communication", "military-communication"])
    );
}

#[test]
fn a_title_without_its_department_is_still_a_title() {
    let yaml = "source: {side: United States}\nparticipants:\n  - {name: Andrea Halvorsen, role: Assistant Secretary of the Treasury for International Finance, side: United States}\nclaims:\n  - text: Treasury Assistant Secretary for International Finance Andrea Halvorsen held frank and substantive talks in Beijing.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    let topic = n.claims[0].topic.as_ref().map(|t| t.id.as_str());
    assert_eq!(topic, Some("bilateral-relations"));
}

#[test]
fn a_title_without_its_country_is_still_a_title() {
    let claims = "claims:\n  - text: Secretary of Commerce Ann Reyes held a frank and constructive call today with Minister of Commerce Wang Bo of the People's Republic of China.\n";
    let topic = |role: &str| -> Option<String> {
        let yaml = format!(
            "source: {{side: United States}}\nparticipants:\n  - {{name: Ann Reyes, role: Secretary of Commerce, side: United States}}\n  - {{name: Wang Bo, role: {role}, side: China}}\n{claims}"
        );
        let r = load_str("t", &yaml, &Limits::default()).expect("loads");
        normalize(&r, &Taxonomy::built_in()).claims[0]
            .topic
            .as_ref()
            .map(|t| t.id.clone())
    };
    // The country that holds the office, named after the person: the
    // titles name no topic, and the call's tone is its point.
    assert_eq!(
        topic("Minister of Commerce of the People's Republic of China").as_deref(),
        Some("bilateral-relations")
    );
    assert_eq!(
        topic("Minister of Commerce of the PRC").as_deref(),
        Some("bilateral-relations")
    );
    // What follows an office's "of" that is no country stays part of it.
    assert_eq!(
        topic("Minister of Commerce of the Shanghai Free Trade Zone").as_deref(),
        Some("trade")
    );
}

#[test]
fn a_role_of_two_offices_is_written_by_its_first() {
    let yaml = "source: {side: United States}\nparticipants:\n  - {name: Shen Li, role: Vice Minister of Commerce and Deputy China International Trade Representative, side: China}\nclaims:\n  - text: The Ambassador and Vice Minister of Commerce Shen Li had a frank and detailed conversation.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    let topic = n.claims[0].topic.as_ref().map(|t| t.id.as_str());
    // The first office is the title: the conversation's tone is the point.
    assert_eq!(topic, Some("bilateral-relations"));
}

#[test]
fn a_two_letter_surname_names_its_side() {
    let yaml = "source: {side: United States}\nparticipants:\n  - {name: Jamieson Greer, side: United States}\n  - {name: Li Chenggang, side: China}\nclaims:\n  - text: Ambassador Greer and Vice Minister Li reviewed the tariff commitments.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    assert_eq!(n.claims[0].stance.voice, stance::Voice::Joint);
}

#[test]
fn a_participant_is_named_by_the_head_of_the_role() {
    let yaml = "source: {side: United States}\nparticipants:\n  - {name: Linda Ferraro, role: Commandant of the U.S. Coast Guard, side: United States}\n  - {name: Liang Wenjie, role: Director of the China Coast Guard, side: China}\nclaims:\n  - text: The Commandant and the Director agreed to strengthen coordination between their rescue centers.\n  - text: The Director said the two coast guards should cooperate.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    assert_eq!(n.claims[0].stance.voice, stance::Voice::Joint);
    assert_eq!(
        n.claims[1].stance.voice,
        stance::Voice::Party("China".into())
    );
    // An office both sides hold names neither.
    let yaml = "source: {side: United States}\nparticipants:\n  - {name: Ann Lee, role: Minister of Commerce, side: United States}\n  - {name: Wang Bo, role: Minister of Commerce, side: China}\nclaims:\n  - text: The Minister said the two sides should cooperate.\n";
    let r = load_str("t", yaml, &Limits::default()).expect("loads");
    let n = normalize(&r, &Taxonomy::built_in());
    assert_eq!(
        n.claims[0].stance.voice,
        stance::Voice::Party("United States".into())
    );
}

#[test]
fn the_economic_tracks_name_names_no_topic() {
    let ids = topics_of(&[(
        "",
        "The two sides agreed to maintain communication through the economic and trade consultation mechanism.",
    )]);
    assert_eq!(ids, ["military-communication"]);
    // So do the names of its standing groups.
    let ids = topics_of(&[(
        "",
        "The two sides agreed to continue the work of the economic and financial working groups and to remain in regular contact.",
    )]);
    assert_eq!(ids, ["military-communication"]);
}

#[test]
fn meeting_in_a_standing_group_of_the_economic_track_is_keeping_a_channel() {
    // Said after a claim on the economy, the groups' next meetings do not
    // continue it: they are the channel, as analysts file them.
    let ids = topics_of(&[
        (
            "",
            "The two sides exchanged views on the global macroeconomic outlook.",
        ),
        (
            "",
            "The two sides agreed that the Economic and Financial Working Groups should continue their regular meetings.",
        ),
        (
            "",
            "The two sides spoke positively of the work of the commercial issues working group.",
        ),
    ]);
    assert_eq!(
        ids,
        [
            "macroeconomy",
            "military-communication",
            "military-communication"
        ]
    );
    // What a group takes up, when named, is the point.
    let ids = topics_of(&[(
        "",
        "The two sides welcomed progress made through the Financial Working Group on anti-money laundering.",
    )]);
    assert_eq!(ids, ["money-laundering"]);
}

#[test]
fn who_asked_said_first_is_the_claims_one_topic() {
    // The working group's name would file the claim under narcotics.
    let ids = topics_of(&[(
        "",
        "At the request of the U.S. side, the Vice Minister led a delegation to the meeting of the counternarcotics working group.",
    )]);
    assert_eq!(ids, ["meeting-request"]);
}

#[test]
fn around_the_world_is_everywhere_not_the_world() {
    // "Around the world" says where, everywhere: the sentence goes on with
    // the subject before it, as one with no area of its own does. "The
    // world" as the setting of the relationship stays overall relations.
    let ids = topics_of(&[
        (
            "Wang",
            "Wang said China's export control of rare earths is a legitimate measure.",
        ),
        (
            "",
            "The approvals will restore the supply on which manufacturers around the world depend.",
        ),
    ]);
    assert_eq!(ids[1], ids[0]);
    let ids = topics_of(&[(
        "",
        "The world is undergoing profound changes unseen in a century.",
    )]);
    assert_eq!(ids, ["bilateral-relations"]);
}

#[test]
fn a_government_bodys_name_names_no_topic() {
    let ids = topics_of(&[(
        "Zhao",
        "Zhao said the commerce departments should act on the consensus reached by the two heads of state.",
    )]);
    assert_eq!(ids, ["leaders-consensus"]);
    // Law enforcement names who cooperates, not what about: how the
    // cooperation should be is a principle of the relationship, and
    // talking between the agencies is a channel.
    let ids = topics_of(&[
        (
            "",
            "Chen said law enforcement cooperation should rest on mutual respect and equality.",
        ),
        (
            "",
            "The two sides committed to regular communication between their law enforcement agencies.",
        ),
    ]);
    assert_eq!(ids, ["bilateral-relations", "military-communication"]);
    // So do the financial authorities and regulators: keeping them in
    // touch is a channel, not the economy.
    let ids = topics_of(&[(
        "",
        "The two sides agreed to keep channels open between their financial regulators.",
    )]);
    assert_eq!(ids, ["military-communication"]);
    let ids = topics_of(&[(
        "",
        "The financial authorities of the two countries should implement the consensus of the two heads of state.",
    )]);
    assert_eq!(ids, ["leaders-consensus"]);
}

#[test]
fn financial_alone_names_no_economy() {
    // What the financial institutions are warned of or protected from
    // decides; the financial situation is the economy's, as the economic
    // situation is.
    let ids = topics_of(&[
        (
            "",
            "The Secretary warned that PRC financial institutions that facilitate transactions for Russia's military-industrial base risk severe consequences.",
        ),
        (
            "",
            "China firmly opposes the U.S. side's unilateral sanctions on Chinese financial institutions.",
        ),
        (
            "",
            "The Secretary discussed cooperation to disrupt the illicit financial networks that move the proceeds of fentanyl trafficking.",
        ),
        (
            "",
            "The two sides exchanged views on the financial situation of the two countries and the world.",
        ),
    ]);
    assert_eq!(
        ids,
        [
            "russia-ukraine",
            "export-controls",
            "fentanyl",
            "macroeconomy"
        ]
    );
}

#[test]
fn judicial_sovereignty_is_the_cases_of_detained_citizens() {
    // The formula by which a side answers criticism of its courts' cases
    // against individuals: the area is those cases, not the relationship.
    let ids = topics_of(&[(
        "",
        "The U.S. side should respect China's judicial sovereignty and stop hyping up individual cases.",
    )]);
    assert_eq!(ids, ["detained-citizens"]);
}

#[test]
fn the_subject_a_sentence_announces_is_its_point() {
    let ids = topics_of(&[
        (
            "",
            "On fentanyl, the Ambassador welcomed recent steps but said the relationship cannot be stable without far more.",
        ),
        // A general area announced decides nothing.
        (
            "",
            "On China-US relations, Wang said the Taiwan question is the most important issue.",
        ),
        // Nor does a date.
        (
            "",
            "On the evening of May 5, the two presidents discussed the war in Ukraine.",
        ),
    ]);
    assert_eq!(ids, ["fentanyl", "taiwan", "russia-ukraine"]);
}

#[test]
fn a_sentence_that_announces_a_subject_of_its_own_turns_to_it() {
    let ids = topics_of(&[
        (
            "",
            "Wang stressed that the Taiwan question is the core of China's core interests.",
        ),
        // A date opens a sentence without announcing a subject: it goes on.
        ("", "On Dec. 21, he said such moves must not be repeated."),
        // No topic knows this subject, yet it is not Taiwan's, nor the
        // relationship at large for naming the other side.
        (
            "",
            "On the panda loans, Wang said the US side should not politicize the return of the pandas.",
        ),
        // Nor does the sentence after it, with no words of its own: align
        // files both by what they say.
        ("", "He said such moves must not be repeated."),
    ]);
    assert_eq!(ids, ["taiwan", "taiwan", "-", "-"]);
}

#[test]
fn a_time_or_occasion_is_no_announced_subject() {
    let cues = crate::normalize::cues::Cues::get();
    let subject = |text: &str| {
        cues.announced_subject(text, &text::tokens(text)).map(|s| {
            s.iter()
                .map(|t| t.norm.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    assert_eq!(
        subject("On the Mekong, he urged data sharing."),
        Some("the mekong".into())
    );
    assert_eq!(subject("On Dec. 21, the two sides met."), None);
    assert_eq!(subject("On Monday, the two sides met."), None);
    assert_eq!(subject("On the evening of April 16, they spoke."), None);
    assert_eq!(
        subject("On behalf of the President, she thanked him."),
        None
    );
    assert_eq!(
        subject("On the margins of APEC, the two leaders met."),
        None
    );
}

/// The topic ids of a Chinese readout's claims, given as (speaker, text).
fn topics_of(claims: &[(&str, &str)]) -> Vec<String> {
    let mut yaml = String::from("source: {side: China}\nclaims:\n");
    for (speaker, text) in claims {
        yaml.push_str(&format!("  - text: \"{text}\"\n"));
        if !speaker.is_empty() {
            yaml.push_str(&format!("    speaker: {speaker}\n"));
        }
    }
    let r = load_str("t", &yaml, &Limits::default()).expect("loads");
    normalize(&r, &Taxonomy::built_in())
        .claims
        .iter()
        .map(|c| c.topic.as_ref().map_or("-".into(), |t| t.id.clone()))
        .collect()
}

#[test]
fn intellectual_property_is_an_area_of_its_own() {
    // Analysts give intellectual property a group of its own, apart from
    // trade's one area; counterfeit pills are the drug trade's.
    let topics = topics_of(&[
        (
            "Tang",
            "Tang said China has strengthened the protection of intellectual property and cracked down on counterfeit goods.",
        ),
        (
            "Tang",
            "Tang said the U.S. side should remove the unilateral tariffs on Chinese goods.",
        ),
        (
            "Tang",
            "Tang said China has seized counterfeit pills laced with fentanyl.",
        ),
    ]);
    assert_eq!(topics[0], "intellectual-property");
    assert_eq!(topics[1], "trade");
    assert_ne!(topics[2], "intellectual-property");
}

#[test]
fn a_speakers_general_sentence_stays_on_the_area_being_discussed() {
    let gaza = (
        "Wang",
        "Wang noted that the conflict in Gaza is escalating.",
    );
    let general = (
        "Wang",
        "China condemns any violation of international law, Wang said.",
    );
    assert_eq!(topics_of(&[gaza, general]), ["middle-east", "middle-east"]);
    // Another voice, or a sentence that turns to the other side, is read
    // on its own words.
    let other = (
        "Blinken",
        "Blinken said international law must be respected.",
    );
    assert_eq!(topics_of(&[gaza, other])[1], "regional-global");
    let turned = (
        "Wang",
        "Wang said the United States should respect China's core interests.",
    );
    assert_eq!(topics_of(&[gaza, turned])[1], "bilateral-relations");
    // A general area with its own point (posture) is not a catch-all.
    let posture = ("Wang", "China will firmly defend its interests, Wang said.");
    assert_eq!(topics_of(&[gaza, posture])[1], "security-posture");
}

#[test]
fn a_pledge_to_defend_interests_and_values_is_the_relationship_wherever_it_comes() {
    let tariffs = ("Wang", "Wang said the additional tariffs must be removed.");
    let pledge = (
        "Wang",
        "China will continue to stand up for its interests and values, Wang said.",
    );
    // A side's general policy, not more on the tariffs (ANNOTATION.md).
    assert_eq!(
        topics_of(&[tariffs, pledge]),
        ["trade", "bilateral-relations"]
    );
    // An instance named, before its marker or after it, is the area.
    let instance = (
        "Wang",
        "China will continue to stand up for its interests and values, economic matters included, Wang said.",
    );
    assert_eq!(topics_of(&[tariffs, instance])[1], "trade");
}

#[test]
fn a_pledge_to_stand_up_for_whom_a_side_defends_is_the_relationship() {
    // Whom the side defends (its people, workers, farmers, allies) is no
    // matter: the pledge is its general policy, whatever else it words.
    for pledge in [
        "The Administration will continue to stand up for American workers, farmers and businesses.",
        "The United States does not seek conflict with the PRC, but it will stand up for its interests and those of its allies and partners.",
        "She said the United States will keep raising its concerns and standing up for the interests of the American people.",
    ] {
        assert_eq!(
            topics_of(&[("Hale", pledge)]),
            ["bilateral-relations"],
            "{pledge}"
        );
    }
    // A matter named beside whom it defends, or as what it defends, decides.
    for (claim, area) in [
        (
            "The United States will keep standing up for universal human rights.",
            "human-rights",
        ),
        (
            "The Secretary will keep standing up for American farmers and will insist on fair treatment in trade.",
            "trade",
        ),
    ] {
        assert_eq!(topics_of(&[("Hale", claim)]), [area], "{claim}");
    }
}

/// A claim whose words are read by the paragraph: `alone` on its own,
/// `before`'s area right after `before`, and the area it names itself
/// (`named`, `named_area`) after `before` too.
fn read_by_the_claim_before(
    claim: (&str, &str),
    alone: &str,
    before: (&str, &str),
    named: (&str, &str),
    named_area: &str,
) {
    assert_eq!(topics_of(&[claim]), [alone]);
    let area = topics_of(&[before]).remove(0);
    assert_eq!(topics_of(&[before, claim]), [area.clone(), area]);
    assert_eq!(topics_of(&[before, named])[1], named_area);
}

#[test]
fn event_words_are_about_the_area_of_the_claim_before() {
    // Alone, "ceasefire" is the war the corpus most speaks of; after a
    // claim on Gaza it is Gaza's, whoever spoke before; a place named in
    // the claim decides over the paragraph.
    read_by_the_claim_before(
        ("Wang", "A ceasefire is the top priority, Wang said."),
        "russia-ukraine",
        (
            "",
            "The two sides exchanged views on the situation in Gaza.",
        ),
        (
            "Wang",
            "A ceasefire in Ukraine is the top priority, Wang said.",
        ),
        "russia-ukraine",
    );
    assert_eq!(
        topics_of(&[(
            "",
            "The two sides exchanged views on the situation in Gaza."
        )]),
        ["middle-east"]
    );
}

#[test]
fn where_an_encounter_happened_is_about_the_area_of_the_claim_before() {
    // Alone, the sea and the air are the maritime disputes'; after a claim
    // on an unsafe intercept they say where it happened; a sea named in
    // the claim decides over the paragraph.
    read_by_the_claim_before(
        (
            "",
            "The aircraft was flying a routine mission in international airspace.",
        ),
        "south-china-sea",
        (
            "",
            "The Chinese side raised the unsafe intercept of a Chinese fighter.",
        ),
        (
            "",
            "The aircraft was flying in international airspace over the South China Sea.",
        ),
        "south-china-sea",
    );
    assert_eq!(
        topics_of(&[(
            "",
            "The Chinese side raised the unsafe intercept of a Chinese fighter."
        )]),
        ["military-safety"]
    );
}

#[test]
fn buying_is_trade_unless_what_is_bought_names_an_area() {
    // Purchases name trade when nothing else is named; purchases of
    // Russian or Iranian oil are about the war or the Middle East, as
    // firms' dealings are.
    let ids = topics_of(&[
        (
            "",
            "The Secretary welcomed the recent increase in purchases of American natural gas.",
        ),
        (
            "",
            "She also raised the continued purchases of Russian oil by Chinese refiners.",
        ),
    ]);
    assert_eq!(ids, ["purchases", "russia-ukraine"]);
}
