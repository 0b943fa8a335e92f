//! The tagger's rules that choose between the topics a claim names
//! (tag.rs): the lead clause, specific before general, a contrast turn, an
//! instance named, the talks and their tone, who is to act, what the
//! relationship serves, a list of assurances. What names no topic beside
//! a matter is in aside_tests.rs.

use super::tests::{assert_areas, tag};
use super::*;
use crate::normalize::text::tokens;

#[test]
fn the_lead_clause_decides_between_general_areas() {
    let t = Taxonomy::built_in();
    assert_eq!(
        tag(
            &t,
            "The two sides agreed to maintain the strategic communication channel, building on the leaders' meeting in Bali."
        )
        .as_deref(),
        Some("military-communication")
    );
    assert_eq!(
        tag(
            &t,
            "Hegseth said the US does not seek to contain China and will defend its interests."
        )
        .as_deref(),
        Some("competition")
    );
}

#[test]
fn a_word_that_qualifies_the_next_phrase_is_no_lead_clause() {
    let t = Taxonomy::built_in();
    // "maritime" says where the drug trade or the rescue happens.
    assert_eq!(
        tag(
            &t,
            "The coast guards agreed to step up joint work against maritime drug trafficking."
        )
        .as_deref(),
        Some("fentanyl")
    );
    assert_eq!(
        tag(&t, "The navies held a drill on maritime search and rescue.").as_deref(),
        Some("humanitarian")
    );
    // Named apart, "maritime" still names no area beside a matter: where
    // a thing happens is no topic beside the matter (the ninetieth
    // round's test in docs/accuracy.md; before it, this was the South
    // China Sea by its lead clause).
    assert_eq!(
        tag(
            &t,
            "They discussed the maritime situation and drug trafficking."
        )
        .as_deref(),
        Some("fentanyl")
    );
}

#[test]
fn specific_topics_beat_general_ones() {
    let t = Taxonomy::built_in();
    assert_eq!(
        tag(
            &t,
            "China's role in supporting Russia's defense industrial base harms relations"
        )
        .as_deref(),
        Some("russia-ukraine")
    );
}

#[test]
fn the_clause_after_a_contrast_carries_the_topic() {
    let t = Taxonomy::built_in();
    let tagged = |s| tag(&t, s);
    assert_eq!(
        tagged(
            "He values the ties between the two militaries, but the US must respect core interests"
        )
        .as_deref(),
        Some("bilateral-relations")
    );
    assert_eq!(
        tagged(
            "He values the ties between the two militaries, and the US must respect core interests"
        )
        .as_deref(),
        Some("military-communication")
    );
    // "but also" adds; it does not turn.
    assert_eq!(
        tagged("He values not only the ties between the two militaries but also core interests")
            .as_deref(),
        Some("military-communication")
    );
}

#[test]
fn the_instance_named_after_including_is_the_point() {
    let t = Taxonomy::built_in();
    let ids = |s: &str| -> Vec<String> {
        let toks = tokens(s);
        t.tag_all(&toks, crate::normalize::cues::Cues::get().turn(&toks))
            .into_iter()
            .map(|tag| t.topics[tag.topic].id.clone())
            .collect()
    };
    let war = ids(
        "She acknowledged risks to the global economy, including the need for Russia to end its war against Ukraine.",
    );
    assert_eq!(war, vec!["russia-ukraine".to_string()]);
    // Other markers of an instance read alike, and the category is
    // dropped even when the instance already scores higher.
    for marker in ["among them", "such as", "in particular"] {
        let other = ids(&format!(
            "The global economy faces headwinds, {marker} the need for Russia to end its illegal war against Ukraine and to respect Ukraine's sovereignty."
        ));
        assert_eq!(other, vec!["russia-ukraine".to_string()], "{marker}");
    }
    // Negative: with no marker, the broad category named first keeps the lead.
    let plain = ids(
        "She acknowledged risks to the global economy and the need for Russia to end its war against Ukraine.",
    );
    assert_eq!(plain.first().map(String::as_str), Some("macroeconomy"));
    // Negative: the marker with no specific area before it changes nothing.
    assert_eq!(
        tag(
            &t,
            "The two sides discussed a range of issues, including Taiwan."
        )
        .as_deref(),
        Some("taiwan")
    );
    // Negative: a category whose own area is among the instances keeps
    // the claim; the other areas in its list are its parts.
    assert_eq!(
        tag(
            &t,
            "They agreed to expand people-to-people exchanges, including students, journalists and business people."
        )
        .as_deref(),
        Some("people-to-people")
    );
}

#[test]
fn what_the_talks_were_about_outranks_their_tone_and_the_word_for_them() {
    // ANNOTATION's own example: "had candid talks on implementing the
    // leaders' consensus" is the consensus. "in-depth" is tone however it
    // is split into words, and "exchanges on" are the talks, not a channel.
    assert_areas(&[
        (
            "The two sides had candid, in-depth and constructive exchanges on implementing the important consensus reached by the two heads of state at their meeting in October.",
            "leaders-consensus",
        ),
        (
            "The talks were candid, in-depth and constructive.",
            "bilateral-relations",
        ),
        (
            "The two sides agreed to maintain military exchanges at all levels.",
            "military-communication",
        ),
    ]);
}

#[test]
fn open_describes_what_it_qualifies_not_the_tone() {
    // "open and direct lines" are lines of communication; the tone of
    // talks called "open and candid" is in "candid".
    assert_areas(&[
        (
            "The Secretary emphasized the importance of maintaining open and regular channels of communication between the two countries' economic teams.",
            "military-communication",
        ),
        (
            "Brown discussed the importance of working together to avoid miscalculations, and maintain open and direct lines of communication.",
            "military-communication",
        ),
        (
            "The two sides held an open and candid discussion.",
            "bilateral-relations",
        ),
    ]);
}

#[test]
fn what_the_relationship_serves_is_no_second_subject() {
    assert_areas(&[
        // Named after the relationship and a word of what it serves.
        (
            "A stable and healthy China-U.S. economic and trade relationship serves the fundamental interests of both peoples and benefits the world economy.",
            "bilateral-relations",
        ),
        (
            "He said a sound economic relationship is conducive to the recovery of the world economy.",
            "bilateral-relations",
        ),
        // A subject named first keeps the claim.
        (
            "Coordination on macroeconomic policy benefits the world economy.",
            "macroeconomy",
        ),
        // "Serves as" names a role, not whom it serves; "benefits to" what
        // was gained.
        (
            "He said economic and trade cooperation serves as the ballast of the relationship, and the US side should provide a fair environment for Chinese companies.",
            "trade",
        ),
        (
            "The arrangements worked out by the economic and trade teams have brought tangible benefits to businesses and consumers.",
            "trade",
        ),
    ]);
}

#[test]
fn what_describes_the_relationship_is_no_second_subject() {
    assert_areas(&[
        // A clause that says what kind of relationship is sought.
        (
            "The Secretary said the United States seeks a healthy economic relationship with China that rests on a level playing field.",
            "bilateral-relations",
        ),
        (
            "He said Washington wants a stable relationship with the People's Republic of China (PRC), one that delivers for workers and businesses.",
            "bilateral-relations",
        ),
        // So do a participle of what it rests on, "in which" and a comma
        // and "with".
        (
            "The Secretary said the United States seeks a healthy economic relationship with China, grounded in a level playing field for American workers.",
            "bilateral-relations",
        ),
        (
            "She said the United States seeks a fair trade relationship with China in which American companies can compete on a level playing field.",
            "bilateral-relations",
        ),
        (
            "She said the United States seeks a healthy economic relationship with the PRC, with a level playing field for American workers and businesses.",
            "bilateral-relations",
        ),
        // "With" right after the relationship, without the pause, names
        // what it is about.
        (
            "He said the relationship with tariffs in place cannot improve.",
            "trade",
        ),
        // A second statement joined by "and that" is no description, nor
        // is a clause after words that are not the other party.
        (
            "He said the relationship with China is sound and that tariffs must come down.",
            "trade",
        ),
        (
            "He said the relationship depends on tariffs that are fair.",
            "trade",
        ),
        // A subject named before the relationship keeps the claim.
        (
            "They discussed overcapacity in a relationship that both called candid.",
            "overcapacity",
        ),
    ]);
}

#[test]
fn the_areas_ranked_above_the_relationship_keep_the_lead_clause() {
    assert_areas(&[
        // Competition and posture rank above overall relations, whose
        // words come first here.
        (
            "Qiao said the U.S. side should abandon the zero-sum mentality of containing and suppressing China.",
            "competition",
        ),
        (
            "He said stable relations require both sides to avoid bloc confrontation.",
            "competition",
        ),
        (
            "He said mutual respect requires the United States to stop its military buildup in the region.",
            "security-posture",
        ),
        // A pledge to defend one's own and allies' interests and values is
        // overall relations, whatever the allies' words name.
        (
            "The Secretary made clear that the United States will continue to stand up for its interests and values and those of its allies and partners.",
            "bilateral-relations",
        ),
    ]);
}

#[test]
fn the_talks_beside_their_tone_are_the_meeting_itself() {
    assert_areas(&[
        // The tone of the consultations is the tone of the meeting.
        (
            "The consultations were frank and pragmatic.",
            "bilateral-relations",
        ),
        (
            "The minister described the dialogue as candid and constructive.",
            "bilateral-relations",
        ),
        // Without their tone, consultations to come are a channel.
        (
            "The two sides agreed to hold the next round of consultations in Beijing.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_name_of_a_sides_forces_says_who_acts_not_what_about() {
    assert_areas(&[
        (
            "The U.S. side urged the PLA to commit to timely use of the Defense Telephone Link.",
            "military-communication",
        ),
        (
            "The Secretary pressed the PLA to keep military channels open.",
            "military-communication",
        ),
        // What the PLA does keeps its own area.
        (
            "He raised concerns about the PLA's rapid military buildup.",
            "security-posture",
        ),
    ]);
}

#[test]
fn what_is_said_of_the_talks_themselves_is_the_point() {
    assert_areas(&[
        // The meeting under way as the subject: what it is said to be is
        // the point, here the leaders' consensus.
        (
            "Pan said the consultations were an important step in implementing the consensus reached by the two heads of state.",
            "leaders-consensus",
        ),
        (
            "He said this round of dialogue is a concrete step in following up on the common understandings reached by the two presidents.",
            "leaders-consensus",
        ),
        (
            "The consultations aimed to carry out the important consensus reached by the two heads of state.",
            "leaders-consensus",
        ),
        // Talks in general are no meeting: communication stays the channel.
        (
            "He said communication is a concrete step in implementing the consensus of the two heads of state.",
            "military-communication",
        ),
        // Talks to come are a channel.
        (
            "The two sides agreed that the dialogue will continue next year.",
            "military-communication",
        ),
    ]);
}

#[test]
fn a_list_of_assurances_is_about_the_relationship() {
    assert_areas(&[
        // ANNOTATION.md: an unsplit list of assurances goes to overall
        // relations, whatever each names.
        (
            "He said Washington does not seek a new Cold War, does not seek to change China's system, does not support Taiwan independence and has no intention of conflict.",
            "bilateral-relations",
        ),
        // One assurance goes to the area of its content.
        (
            "He said the United States does not seek a new Cold War with China.",
            "competition",
        ),
    ]);
}

#[test]
fn a_claim_that_opens_with_who_asked_is_the_meeting_request_alone() {
    let t = Taxonomy::built_in();
    let text = "At the invitation of the U.S. side, the Vice Minister led a delegation to the fourth meeting of the counternarcotics working group.";
    let opened = t.opened(text).map(|g| t.topics[g.topic].id.clone());
    assert_eq!(opened.as_deref(), Some("meeting-request"));
    // Read whole, the working group's subject would have won.
    assert_eq!(tag(&t, text).as_deref(), Some("fentanyl"));
    // Said later in the sentence, who asked does not outrank the subject.
    assert_eq!(
        tag(
            &t,
            "The Vice Minister discussed counternarcotics cooperation during a visit made at the invitation of the U.S. side."
        )
        .as_deref(),
        Some("fentanyl")
    );
    // Nor does an opening clause that names a subject as well.
    assert!(
        t.opened("At the invitation of the U.S. side and to discuss fentanyl, the Vice Minister visited Washington.")
            .is_none()
    );
}

#[test]
fn an_abbreviation_weighs_as_one_word_however_it_is_spelled() {
    let t = Taxonomy::built_in();
    // Spelled "U.S.", the relationship's name has four tokens and would
    // outweigh the containment the claim is about.
    for name in ["China-U.S. relations", "China-US relations"] {
        let claim = format!(
            "Shen said that defining {name} as strategic competition and cobbling together small circles to contain China is a strategic misjudgment."
        );
        assert_eq!(tag(&t, &claim).as_deref(), Some("competition"), "{claim}");
    }
}

#[test]
fn a_call_to_view_chinas_development_rightly_is_about_the_relationship() {
    let t = Taxonomy::built_in();
    // No area of its own: read in a readout, the claim goes where a claim
    // naming no area goes (with the claim it continues, else to overall
    // relations, the fallback, as it names the other side).
    assert_eq!(
        tag(
            &t,
            "Gao said the U.S. side should view China's development in an objective and rational light."
        )
        .as_deref(),
        None
    );
    assert_eq!(
        tag(
            &t,
            "He said China-U.S. relations are at a critical stage, and the U.S. side should view China's development objectively."
        )
        .as_deref(),
        Some("bilateral-relations")
    );
    // China's development spoken of for itself keeps its area.
    assert_eq!(
        tag(
            &t,
            "Wang said China's development has strong endogenous driving force and cannot be stopped."
        )
        .as_deref(),
        Some("china-development")
    );
    // Beside another area, the call is no longer the claim's point alone.
    assert_ne!(
        tag(
            &t,
            "He urged the U.S. side to view China's development objectively and stop piecing together exclusive small groups targeting China."
        )
        .as_deref(),
        Some("bilateral-relations")
    );
}

#[test]
fn a_command_named_as_whose_forces_they_are_says_who_acts() {
    assert_areas(&[
        // The command owns the troops: what they do is the point.
        (
            "The troops of the Eastern Theater Command remain on high alert at all times and are fully capable of responding to any provocation.",
            "security-posture",
        ),
        // The commands themselves meeting are the channel.
        (
            "The two theater commands agreed to hold talks again next year.",
            "military-communication",
        ),
    ]);
}

#[test]
fn containment_waged_in_a_field_of_cooperation_is_the_containment() {
    // Blocs, small circles and containment waged through the economy or
    // the climate are competition and containment, and the field is only
    // where they are waged: no second topic to meet the other side under
    // (docs/accuracy.md, the eighty-fourth round's test).
    let t = Taxonomy::built_in();
    for claim in [
        "Han pointed out that roping in other countries to build exclusive small circles in supply chains aimed at China runs counter to market principles.",
        "He stressed that decoupling and severing supply chains in the name of de-risking is in essence aimed at containing China's development.",
        "Zhou said that forming exclusive blocs to shut China out of the clean energy industry will only harm the global energy transition.",
    ] {
        let tags = t.tag_all(&tokens(claim), None);
        let ids: Vec<&str> = tags.iter().map(|g| t.topics[g.topic].id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"competition"), "{claim}");
        assert!(
            !ids.iter().any(|id| ["trade", "climate"].contains(id)),
            "{claim}: {ids:?}"
        );
    }
    assert_areas(&[
        // A subject of the field named as such keeps the claim: the
        // measure is the point.
        (
            "Lu stressed that the U.S. semiconductor export control rules are in essence meant to contain China's technological progress.",
            "export-controls",
        ),
        // No containment named: the field's words decide.
        (
            "Han said that building resilient supply chains serves the interests of both countries.",
            "trade",
        ),
        // Containing one's own troubles is no containment of anyone.
        (
            "Secretary Whitcomb said the United States is working to contain inflation while supporting economic growth.",
            "macroeconomy",
        ),
        (
            "Tang said China will keep its macroeconomic policy stable and contain financial risks.",
            "macroeconomy",
        ),
        // Containment outside a field of cooperation is left to the
        // area's own rules.
        (
            "He stressed that the U.S. side should stop using Taiwan to contain China.",
            "taiwan",
        ),
    ]);
}
