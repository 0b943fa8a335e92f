//! The leaders' consensus among the areas a claim names (tag/review.rs,
//! `review_of_areas`): the one area it names is the point, a review of
//! several areas is the consensus, and who is to carry it out is no area.

use super::tests::{assert_areas, tag};
use super::*;

#[test]
fn the_leaders_consensus_yields_to_the_one_area_it_names_and_holds_a_review() {
    let t = Taxonomy::built_in();
    assert_eq!(
        tag(
            &t,
            "The heads of state reached consensus on resuming communication between the two militaries."
        )
        .as_deref(),
        Some("military-communication")
    );
    assert_eq!(
        tag(
            &t,
            "Following up on the Bali summit, they discussed progress on counternarcotics, climate change and health security."
        )
        .as_deref(),
        Some("leaders-consensus")
    );
    // Reviewing progress across areas is taking stock of the leaders'
    // commitments, summit named or not (ANNOTATION.md's own words).
    assert_eq!(
        tag(
            &t,
            "The two sides reviewed progress in counternarcotics cooperation, consular affairs and people-to-people exchanges."
        )
        .as_deref(),
        Some("leaders-consensus")
    );
}

#[test]
fn following_up_on_the_leaders_commitments_is_their_consensus() {
    // "Following up on" a call and "the leaders' commitments" name the
    // follow-up: across several areas it is a review, and the consensus.
    assert_areas(&[
        (
            "Following up on President Whitcomb's July 25 call with President Lu, the Secretary and the Foreign Minister discussed next steps on counternarcotics, artificial intelligence, and people-to-people ties.",
            "leaders-consensus",
        ),
        (
            "The two discussed next steps on the leaders' commitments on counternarcotics and artificial intelligence.",
            "leaders-consensus",
        ),
        // The one area they name is the point.
        (
            "The two discussed next steps on the leaders' commitments on counternarcotics.",
            "fentanyl",
        ),
    ]);
}

#[test]
fn the_consensus_keeps_progress_in_many_areas_named_as_many() {
    // "Various fields", "areas such as": a review of progress across the
    // relationship, not the channel its "dialogue" names nor the one
    // area of a list whose other items name offices.
    let t = Taxonomy::built_in();
    for claim in [
        "Since their meeting last November, dialogue and cooperation in various fields have made positive progress.",
        "Since their meeting in the spring, the two teams have followed through on the consensus and resumed dialogue in areas such as counternarcotics and law enforcement.",
    ] {
        assert_eq!(
            tag(&t, claim).as_deref(),
            Some("leaders-consensus"),
            "{claim}"
        );
    }
    // Without the consensus, the words of many areas choose nothing.
    assert_eq!(
        tag(
            &t,
            "The two militaries should keep up dialogue and communication in various fields."
        )
        .as_deref(),
        Some("military-communication")
    );
}

#[test]
fn following_through_is_the_consensus_in_every_form() {
    // "Follow through" in any tense: what the leaders agreed, carried out.
    assert_areas(&[
        (
            "The Vice President noted the importance of following through on the commitments the two Presidents made last month.",
            "leaders-consensus",
        ),
        (
            "She said the teams have followed through on what the two Presidents agreed.",
            "leaders-consensus",
        ),
    ]);
}

#[test]
fn a_review_lists_the_areas_it_covers_after_including() {
    assert_areas(&[
        // Progress since a meeting, "including" two areas: the review,
        // not the last area it lists.
        (
            "The leaders reviewed progress since their meeting last year, including the resumption of military-to-military communication and cooperation on counternarcotics.",
            "leaders-consensus",
        ),
        (
            "He noted the progress made in implementing the commitments of the two presidents, including on counternarcotics cooperation and climate.",
            "leaders-consensus",
        ),
        // One area so named is the point: implementing commitments that
        // include purchases is the purchases.
        (
            "She emphasized that the extension depends on the full implementation of its commitments, including purchases of soybeans.",
            "purchases",
        ),
    ]);
}

#[test]
fn who_is_to_act_is_no_area_beside_the_consensus() {
    assert_areas(&[
        // The two militaries as the ones to carry out the consensus.
        (
            "He said the two militaries should earnestly carry out the important consensus reached by the two presidents.",
            "leaders-consensus",
        ),
        (
            "Both agreed that their militaries should implement the understandings reached by the two heads of state.",
            "leaders-consensus",
        ),
        // The relationship between them is the military relationship.
        (
            "He hoped for sound growth in ties between the two armed forces and said both sides should act on the consensus of the two heads of state.",
            "military-communication",
        ),
        // With no consensus named, they still name the channel.
        (
            "The two militaries should respect each other and treat each other as equals.",
            "military-communication",
        ),
        (
            "The two militaries should strengthen communication and manage risks so as to avoid misjudgment.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_consensus_keeps_a_claim_whose_lead_clause_names_the_relationship_in_passing() {
    let t = Taxonomy::built_in();
    assert_eq!(
        tag(
            &t,
            "Noting that the heads of state have set the direction for the relationship, Li said the two sides should faithfully implement the consensus they reached."
        )
        .as_deref(),
        Some("leaders-consensus")
    );
}

#[test]
fn follow_up_to_a_meeting_is_its_consensus_and_following_up_on_issues_a_channel() {
    assert_areas(&[
        (
            "The Secretary and the Foreign Minister also discussed follow-up to President Calloway's state visit to Beijing last month.",
            "leaders-consensus",
        ),
        (
            "The two leaders took stock of progress made since their meeting in Beijing in May and directed their teams to continue the follow-up work agreed to there.",
            "leaders-consensus",
        ),
        (
            "The two agreed that senior officials from both offices will meet in the first half of the year to follow up on the issues discussed.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_important_consensus_of_the_two_heads_of_state_is_their_consensus_whoever_acts_on_it() {
    assert_areas(&[
        (
            "He said the two militaries should earnestly implement the important consensus reached by the two heads of state.",
            "leaders-consensus",
        ),
        (
            "Wang said that since the two presidents met in Lima, relations between the two countries have stabilized, and the two sides should implement the important consensus they reached.",
            "leaders-consensus",
        ),
        (
            "The two militaries agreed to keep their channels of communication open.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_military_relationship_the_consensus_steers_is_the_consensus() {
    // Beside the leaders' consensus, the military relationship it is to
    // steer names no area of its own; without the consensus it is the
    // channels, as before.
    assert_areas(&[
        (
            "He said the two sides should act on the consensus of the two presidents and keep military relations on a steady course.",
            "leaders-consensus",
        ),
        (
            "He said defense ties have improved and should be kept free of disruption.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_exchanges_a_follow_up_prepares_are_the_consensus() {
    // Preparing the next stage of exchanges is how the leaders' consensus
    // is followed up, not a channel of its own. Without the consensus,
    // keeping up exchanges is the channel; and an area named before the
    // preparation is the point the consensus serves.
    assert_areas(&[
        (
            "Wen said the two sides should earnestly implement the important consensus reached by the two heads of state and make good preparations for the next stage of high-level exchanges.",
            "leaders-consensus",
        ),
        (
            "The two sides agreed to act on the consensus of their presidents and to create favorable conditions for high-level interactions ahead.",
            "leaders-consensus",
        ),
        (
            "The two sides agreed to maintain high-level exchanges and make preparations for the next round of talks.",
            "military-communication",
        ),
        (
            "The heads of state reached consensus on resuming communication between the two militaries, and the two sides will prepare for the next round.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_subjects_of_one_area_are_one_area_when_the_consensus_reviews() {
    // Purchases and market access are subjects of trade: commitments on
    // them are trade's, not a review of progress across areas.
    let t = Taxonomy::built_in();
    let claim = "She pressed the PRC to fully implement its commitments on agricultural purchases and market access.";
    let topic = tag(&t, claim).expect("a topic");
    assert_eq!(t.area(&topic), "trade", "{claim}");
    // Subjects of different areas still make a review.
    assert_eq!(
        tag(
            &t,
            "The two sides reviewed progress on counternarcotics and climate since the leaders' summit."
        )
        .as_deref(),
        Some("leaders-consensus")
    );
}

#[test]
fn an_accord_named_for_its_field_is_that_fields() {
    // Implementing "the trade agreement" is trade's business, whatever
    // else it covers; the consensus reviews nothing there. An agreement
    // the field's name does not qualify is the leaders'.
    assert_areas(&[
        (
            "The two sides agreed to implement the trade agreement reached by their presidents and its commitments on fentanyl and climate.",
            "trade",
        ),
        (
            "The two sides agreed to implement the agreement reached by their presidents, including its commitments on fentanyl and climate.",
            "leaders-consensus",
        ),
    ]);
}
