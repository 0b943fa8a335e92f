//! The tagger's rules for channels of talks: a channel named before what
//! it serves, and staying in contact on a subject, are the channel, and
//! the subject is no second filing (tag/clauses.rs, cues/around.rs).

use super::tests::assert_areas;
use super::*;
use crate::normalize::text::tokens;

#[test]
fn what_a_channel_serves_is_no_second_filing() {
    // Keeping in touch on a matter is the channel, and the matter is not
    // an alternative filing that would let the claim meet the other
    // side's words on it.
    let t = Taxonomy::built_in();
    let claim = "The two sides agreed to maintain communication on agricultural trade issues.";
    let toks = tokens(claim);
    let ids: Vec<&str> = t
        .tag_all(&toks, Cues::get().turn(&toks))
        .iter()
        .map(|tag| t.topics[tag.topic].id.as_str())
        .collect();
    assert_eq!(ids, ["military-communication"], "{claim}");
}

#[test]
fn what_a_channel_is_for_is_no_second_subject() {
    assert_areas(&[
        // The channel named before its purpose is the point.
        (
            "The U.S. delegation underscored that the MMCA remains a valuable mechanism for the two militaries to discuss operational safety and reduce the risk of accidents.",
            "military-communication",
        ),
        (
            "Both sides agreed that the working group remains a valuable forum to address operational safety concerns directly.",
            "military-communication",
        ),
        // What a channel is, and then what for: the channel is the point.
        (
            "The Chinese side said the MMCA mechanism is an important platform for the two militaries to enhance maritime and air safety.",
            "military-communication",
        ),
        // With no channel before it, the purpose's area is the point.
        (
            "The two sides agreed to establish a mechanism for debt treatment.",
            "debt",
        ),
        (
            "The two sides discussed unsafe intercepts at sea so as to reduce the risk of accidents.",
            "military-safety",
        ),
        // A channel named only after the marker serves the area named first.
        (
            "He raised the unsafe intercepts so as to keep the channel open.",
            "military-safety",
        ),
    ]);
}

#[test]
fn a_standing_joint_body_named_for_its_field_is_a_channel() {
    assert_areas(&[
        // The body is the channel; the field it is named for is what it
        // serves, as the field in a purpose clause is.
        (
            "The two sides agreed to convene the U.S.-China Joint Committee on Agricultural Cooperation later this year.",
            "military-communication",
        ),
        (
            "The two sides agreed to hold a meeting of the China-U.S. Joint Commission on Scientific and Technological Cooperation at an appropriate time.",
            "military-communication",
        ),
        // A committee that is no joint body of the two sides names no
        // channel: what it handles is the point.
        (
            "He raised concerns about the reviews of the Committee on Foreign Investment in the United States.",
            "investment",
        ),
        // Agriculture with no body named stays agriculture.
        (
            "The two sides discussed agricultural cooperation and purchases of soybeans.",
            "purchases",
        ),
    ]);
}

#[test]
fn consultations_on_named_affairs_are_a_channel() {
    assert_areas(&[
        // Agreeing to hold consultations, or to use mechanisms, on named
        // affairs is agreeing on the channel: the affairs are what it
        // serves.
        (
            "The two sides agreed to maintain high-level exchanges and to hold consultations on maritime affairs and consular affairs.",
            "military-communication",
        ),
        (
            "The two sides agreed to make good use of the consultation mechanisms in the fields of economy and trade.",
            "military-communication",
        ),
        // The affairs named with no channel stay where they are.
        (
            "The two sides discussed maritime affairs in the South China Sea.",
            "south-china-sea",
        ),
    ]);
}

#[test]
fn exchanges_of_students_and_young_people_are_people_to_people() {
    // The exchanges of people are named by who travels, not by the word
    // for exchanges the channels share (docs/accuracy.md, the sixty-second
    // round's test).
    assert_areas(&[
        (
            "The Vice President welcomed the recent increase in student and academic exchanges.",
            "people-to-people",
        ),
        (
            "China welcomes more young Americans to study and travel in China.",
            "people-to-people",
        ),
        (
            "The two sides agreed to promote exchanges between young people of the two countries.",
            "people-to-people",
        ),
        // Exchanges with no people named stay a channel.
        (
            "The two sides agreed to continue exchanges between their diplomatic teams.",
            "military-communication",
        ),
    ]);
}

#[test]
fn staying_in_contact_on_a_subject_is_the_channel() {
    assert_areas(&[
        // Keeping the line open is the point; the subject is what it serves.
        (
            "The two sides agreed to maintain communication on educational exchanges at the working level.",
            "military-communication",
        ),
        (
            "The two sides agreed to stay in close touch on financial policies.",
            "military-communication",
        ),
        // Staying "in communication", as in touch.
        (
            "The two sides agreed to stay in communication on the Korean Peninsula issue.",
            "military-communication",
        ),
        // Through a mechanism, too: what the mechanism is named for says
        // which channel it is, not a matter discussed.
        (
            "The two sides agreed to maintain communication through the export control working-level exchange mechanism.",
            "military-communication",
        ),
        (
            "The two sides agreed to keep in communication through the China-U.S. Joint Committee on Agricultural Cooperation.",
            "military-communication",
        ),
        (
            "The two sides agreed to maintain communication through the China-U.S. commercial channel and to strengthen exchanges at all levels.",
            "military-communication",
        ),
        // Without the verb of keeping, talks on a subject are the subject.
        (
            "The two sides exchanged views on educational exchanges at the working level.",
            "people-to-people",
        ),
        // Contact that is itself the subject's matter ("contacts between
        // students") opens no subject after it.
        (
            "The two sides agreed to keep expanding contacts between students.",
            "people-to-people",
        ),
    ]);
}

#[test]
fn staying_in_contact_reads_past_the_words_for_the_line() {
    assert_areas(&[
        // Three words between the verb of keeping and the contact.
        (
            "Secretary Whitcomb emphasized the importance of maintaining open lines of communication on monetary and financial issues.",
            "military-communication",
        ),
        // The line kept "open" before what it is about.
        (
            "The two agreed to keep lines of communication open on trade issues.",
            "military-communication",
        ),
        // Whom the contact is between, as what it is about.
        (
            "The two sides agreed to maintain regular communication between their trade teams.",
            "military-communication",
        ),
        // Willingness to talk with the other side on a subject is about the
        // subject: "with" opens no subject of the contact.
        (
            "Zhou said China is willing to maintain communication with the U.S. side on the military application of artificial intelligence.",
            "ai",
        ),
    ]);
}
