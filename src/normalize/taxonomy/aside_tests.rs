//! What names no topic beside a matter the claim names (tag.rs): whom a
//! matter touches, where or as what kind of event a thing happened, the
//! meeting itself, where a matter is.

use super::tests::assert_areas;

#[test]
fn whom_a_matter_touches_is_no_topic_beside_the_matter() {
    assert_areas(&[
        (
            "He raised the use of exit bans against employees of U.S. companies, which deters American business activity in China.",
            "detained-citizens",
        ),
        (
            "She raised serious concerns about PRC-based companies supplying dual-use goods that sustain Russia's war against Ukraine.",
            "russia-ukraine",
        ),
        // Named alone, firms and business are trade's.
        ("He said Chinese companies must be treated fairly.", "trade"),
        // Who holds a decision is no topic beside what it decides: human
        // control over nuclear use is about nuclear weapons, over AI about
        // AI.
        (
            "The two leaders affirmed the need to maintain human control over the decision to use nuclear weapons.",
            "nuclear",
        ),
        (
            "The two sides agreed on the need to keep human control over military uses of artificial intelligence.",
            "ai",
        ),
    ]);
}

#[test]
fn where_a_thing_happened_is_no_topic_beside_the_matter() {
    assert_areas(&[
        // The intercept is the point, not the airspace or the sea it
        // happened in.
        (
            "She raised concerns about unsafe PLA intercepts of U.S. and allied aircraft operating lawfully in international airspace.",
            "military-safety",
        ),
        (
            "The two sides discussed measures to reduce the risk of collisions at sea between their vessels.",
            "military-safety",
        ),
        // A ceasefire named with its war is that war's.
        (
            "The two sides discussed the need for a ceasefire in Gaza and the release of hostages.",
            "middle-east",
        ),
        // Named alone, where it happened keeps its own topic.
        (
            "He said U.S. aircraft operate lawfully in international airspace.",
            "south-china-sea",
        ),
        // Maritime rights name the dispute itself, beside the Philippines.
        (
            "The U.S. side should not use its treaty with the Philippines to undermine China's maritime rights and interests.",
            "philippines",
        ),
    ]);
}

#[test]
fn the_meeting_itself_is_no_topic_beside_another() {
    assert_areas(&[
        // Who asked for it is the point of a sentence that names the visit.
        (
            "The minister paid an official visit to Washington at the invitation of the Secretary.",
            "meeting-request",
        ),
        // The consensus reached during a visit is the consensus.
        (
            "The two presidents agreed to implement the consensus they reached during the state visit.",
            "leaders-consensus",
        ),
        // Named alone, a visit to come is a channel.
        (
            "The leaders asked their teams to prepare for the visit next spring.",
            "military-communication",
        ),
        // So is an invitation extended for one; being invited by the
        // other side is who asked for this meeting.
        (
            "The General invited his counterpart to visit the United States at a convenient time.",
            "military-communication",
        ),
        (
            "The Vice Premier travelled to Washington, invited by the US side.",
            "meeting-request",
        ),
    ]);
}

#[test]
fn where_a_matter_is_is_no_topic_beside_the_matter() {
    assert_areas(&[
        // The region as a place: rivalry in it is competition, a side's
        // forces in it its posture.
        (
            "He said the Asia-Pacific should not become an arena for major-power rivalry.",
            "competition",
        ),
        (
            "He said the United States has enduring interests in the Indo-Pacific and will keep the forces and capabilities needed to uphold them.",
            "security-posture",
        ),
        // Named alone, it keeps its area.
        (
            "Both sides stressed the importance of peace and stability in the Asia-Pacific.",
            "regional-global",
        ),
    ]);
}
