//! What makes two claims one point (agreement): shared words beyond the
//! topic's name, the talks' tone, reports of the same area, credit, taking
//! a subject forward together, and what is no point at all.

use super::tests::{one, relation};
use super::*;
use crate::Taxonomy;

/// Each US claim and Chinese claim of `pairs` share no point.
fn no_shared_point(pairs: &[(&str, &str)]) {
    for (us, cn) in pairs {
        let (rule, why) = relation(us, cn);
        assert_eq!(rule, Rule::NoSharedPoint, "{us} / {cn}: {why}");
    }
}

/// How a US claim and a Chinese claim relate on taxonomy topic `topic`.
fn on_topic(topic: &str, us: &str, cn: &str) -> ClassifiedPair {
    let (l, r) = (one("United States", us), one("China", cn));
    let frame = TopicFrame::of(&Taxonomy::built_in(), topic);
    relate(&l, 0, &r, 0, &frame, &Points::of(&l, &r))
}

#[test]
fn crediting_what_the_other_side_says_it_did_is_one_point() {
    // On the topic both meet on, "control" and "fentanyl" only name the
    // topic: the US credits the steps China says it took.
    let on_fentanyl = |us: &str, cn: &str| on_topic("fentanyl", us, cn);
    let cn = "Wang said China has taken strong measures to control fentanyl-related substances and will continue to strengthen enforcement.";
    let p = on_fentanyl(
        "The Secretary welcomed the PRC's recent steps to control additional fentanyl precursor chemicals.",
        cn,
    );
    assert_eq!(p.rule, Rule::SharedPoint, "{}", p.reason);
    assert!(p.reason.contains("credits"), "{}", p.reason);
    // A call on the world at large is no conduct of China's own.
    let p = on_fentanyl(
        "The Secretary welcomed the PRC's recent steps to control additional fentanyl precursor chemicals.",
        "Wang said the international community should jointly control fentanyl-related substances.",
    );
    assert_ne!(p.rule, Rule::SharedPoint, "{}", p.reason);
}

#[test]
fn both_reporting_the_two_sides_agreed_on_it_is_one_point() {
    let (rule, why) = relation(
        "The two sides agreed on the value of continued expert-level discussion of the risks of military applications.",
        "The two sides agreed to hold a new round of the intergovernmental dialogue within the year.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("agreed on it"), "{why}");
    // One side's own wish beside the other's report of an agreement is
    // not the same point.
    let (rule, why) = relation(
        "Austin hoped for continued expert-level discussion of the risks of military applications.",
        "The two sides agreed to hold a new round of the intergovernmental dialogue within the year.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn talks_on_other_issues_share_no_point_with_the_talks_tone() {
    // "Also exchanged views on other issues" says something else was
    // discussed; "a candid and substantive discussion" how the talks went.
    let (rule, why) = relation(
        "The Secretary held a candid and substantive discussion with the Minister by video.",
        "The two sides also exchanged views on other issues of common concern.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    // Two reports of the issues discussed still share the point.
    let (rule, why) = relation(
        "The two also discussed regional and global issues.",
        "The two sides also exchanged views on other issues of common concern.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("report it discussed"), "{why}");
    // So does a sentence on the tone that says what was discussed.
    let (rule, why) = relation(
        "The two presidents discussed other regional and global issues.",
        "The two presidents had a candid exchange on issues of mutual interest.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn a_word_of_tone_speaks_of_the_talks_only_where_it_names_them() {
    // "A positive and pragmatic China policy" characterizes a policy, not
    // the meeting the other account calls candid.
    let (rule, why) = relation(
        "The Secretary held a candid and substantive discussion with the Minister.",
        "Yan said the U.S. side should pursue a positive and pragmatic China policy.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    // Talks named in other words than those of discussion keep their tone.
    let (rule, why) = relation(
        "The Secretary held a candid and substantive discussion with the Minister.",
        "The two sides had pragmatic and in-depth strategic communication.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("tone of the talks"), "{why}");
}

#[test]
fn talks_only_characterized_share_a_point_only_with_the_talks_tone() {
    // A claim that only says how the talks went, where and how widely,
    // shares no point with a claim of substance, whatever word both use,
    // nor with a report of other issues discussed.
    for cn in [
        "Gao said China and the United States should follow the principles of mutual respect, peaceful coexistence and win-win cooperation.",
        "Gao said China-U.S. relations are the most important bilateral relationship in the world.",
        "The two sides also exchanged views on international and regional issues of common concern.",
    ] {
        let (rule, why) = relation(
            "The Secretary and the Minister held a frank and substantive discussion on a range of bilateral, regional and global issues.",
            cn,
        );
        assert_eq!(rule, Rule::NoSharedPoint, "{cn}: {why}");
    }
    // Beside another account of the tone it is the same point.
    let (rule, why) = relation(
        "The discussions were frank, substantive, and constructive.",
        "The two sides held candid and in-depth talks.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("tone of the talks"), "{why}");
    // A tone sentence that names a subject is read on that subject.
    let (rule, why) = relation(
        "The Secretary held candid and constructive talks with the Minister on responsibly managing competition.",
        "Gao said the two sides should manage competition responsibly.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn the_names_of_who_held_the_talks_are_no_point_of_their_tone() {
    // "Navy" and "Energy" in a sentence on how the talks went say who met,
    // as a person's name does: no point shared with what the other side
    // says the two navies, or energy cooperation, should be.
    no_shared_point(&[
        (
            "Adm. Vandermeer and PLA Navy Commander Adm. Liang held a productive and professional conversation by video teleconference.",
            "He said the two sides should build Navy-to-Navy relations on the basis of mutual respect and win-win cooperation.",
        ),
        (
            "Secretary of Energy Okafor held a frank and productive video call with the National Energy Administration.",
            "Gu said Energy cooperation is an important field of practical cooperation between China and the United States.",
        ),
    ]);
    // The same word written as a subject of the talks is their point.
    let (rule, why) = relation(
        "The two held a frank and productive call on energy cooperation.",
        "Gu said energy cooperation is an important field of practical cooperation between China and the United States.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn how_and_when_a_meeting_was_held_is_no_point() {
    // Both delegations speak, of different things; a video link or a
    // month names how or when the talks were held, not what about.
    no_shared_point(&[
        (
            "The U.S. delegation raised the lapsed registrations of American beef facilities.",
            "The Chinese delegation briefed the U.S. side on the new food safety law.",
        ),
        (
            "The Secretary said the working group will meet again in September.",
            "Wang said China will host the international import expo in September.",
        ),
        (
            "The two sides spoke by video about the recovery of remains.",
            "Li said the video link made it possible to review the archives together.",
        ),
    ]);
}

#[test]
fn a_conference_names_the_talks_whose_tone_it_gives() {
    // "A frank and detailed video conference" and "the talks ... were
    // candid" are one point on the tone of the talks.
    let (rule, why) = relation(
        "The Assistant Secretary led the U.S. delegation in a frank and detailed video conference of the working group.",
        "The talks, held by video link, were candid, pragmatic and constructive.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("tone of the talks"), "{why}");
}

#[test]
fn agreement_needs_a_shared_point_not_two_positive_stances() {
    let (rule, why) = relation(
        "The US side pressed for calls between theater commanders.",
        "Dong said the stabilization of the relationship shall be cherished.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    let (rule, why) = relation(
        "Austin said the two sides should maintain open lines of communication.",
        "Dong said China values communication between the two militaries.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("'communication'"), "{why}");
    // Both describe the talks' tone.
    let (rule, why) = relation(
        "The discussion was candid and constructive.",
        "The talks were in-depth and productive.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("tone"), "{why}");
}

#[test]
fn an_area_that_is_the_point_needs_no_criticism_and_no_shared_word() {
    let (l, r) = (
        one(
            "United States",
            "The two sides continued to discuss the principles discussed by the presidents in Bali.",
        ),
        one(
            "China",
            "The two sides must follow the common understandings reached by the two heads of state.",
        ),
    );
    let frame = TopicFrame::of(&Taxonomy::built_in(), "leaders-consensus");
    let p = relate(&l, 0, &r, 0, &frame, &Points::of(&l, &r));
    assert_eq!(p.rule, Rule::SharedPoint, "{}", p.reason);
    // Criticism on either side still keeps them apart.
    let r = one(
        "China",
        "Wang accused the US of violating the understandings reached by the two heads of state.",
    );
    let p = relate(&l, 0, &r, 0, &frame, &Points::of(&l, &r));
    assert_ne!(p.rule, Rule::SharedPoint, "{}", p.reason);
}

#[test]
fn exchanges_between_the_peoples_are_one_point_whatever_each_names() {
    let on_exchanges = |us: &str, cn: &str| on_topic("people-to-people", us, cn);
    let us = "The two sides discussed steps to expand people-to-people ties, including by easing visa processing for students.";
    let p = on_exchanges(
        us,
        "Both sides agreed to encourage more direct flights between the two countries.",
    );
    assert_eq!(p.rule, Rule::SharedPoint, "{}", p.reason);
    // A complaint about how students are treated is no such account.
    let p = on_exchanges(
        us,
        "Wang said the U.S. side should stop harassing and interrogating Chinese students at ports of entry.",
    );
    assert_ne!(p.rule, Rule::SharedPoint, "{}", p.reason);
}

#[test]
fn both_speaking_well_of_what_was_done_is_one_point() {
    let (rule, why) = relation(
        "The Ambassador welcomed the recent arrests of precursor traffickers.",
        "The two sides spoke positively of the progress made in counternarcotics work.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    // Speaking well of it beside a report of it is no shared point.
    let (rule, why) = relation(
        "The Ambassador welcomed the recent arrests of precursor traffickers.",
        "The two sides reviewed counternarcotics work.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn taking_a_subject_forward_together_is_one_point_whatever_the_word() {
    let (rule, why) = relation(
        "Blinken committed to talks on the risks of AI.",
        "They will further promote cooperation on artificial intelligence.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    // Only when both speak well of it: a report of talks is no pledge.
    let (rule, why) = relation(
        "Blinken held talks on the risks of AI.",
        "They will further promote cooperation on artificial intelligence.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn talks_only_characterized_take_nothing_forward() {
    // "Held frank talks" says how the meeting went; beside a side's
    // principles for the relationship it shares no point.
    let (rule, why) = relation(
        "The Assistant Secretary held frank talks today in Washington with the PRC delegation.",
        "The Director-General said China is committed to developing relations with the United States on the basis of mutual respect, peaceful coexistence and win-win cooperation.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    // Both wishing to take the relationship forward together is one point.
    let (rule, why) = relation(
        "The Secretary said the United States is ready to deepen dialogue with China.",
        "The Director-General said China is willing to strengthen cooperation with the United States.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    assert!(why.contains("forward together"), "{why}");
}

#[test]
fn coordinating_on_a_subject_takes_it_forward_together() {
    // "Strengthen coordination" on the subject is working on it with the
    // other side, as cooperation is; the topic's own word ("debt") is no
    // point by itself.
    let us = "The Secretary welcomed continued cooperation on debt distress in low-income and emerging economies.";
    let cn = "The two sides agreed to strengthen coordination on the debt burdens of developing countries.";
    let (l, r) = (one("United States", us), one("China", cn));
    let debt = TopicFrame::of(&Taxonomy::built_in(), "debt");
    let p = relate(&l, 0, &r, 0, &debt, &Points::of(&l, &r));
    assert_eq!(p.rule, Rule::SharedPoint, "{}", p.reason);
    assert!(p.reason.contains("forward together"), "{}", p.reason);
}

#[test]
fn each_sides_own_posture_is_a_parallel_point_not_a_shared_one() {
    // In security posture each side speaks of its own forces: the same
    // words ("strong") on both sides make two parallel points.
    let us = "The Secretary made clear that the United States will maintain a strong, combat-credible forward posture in the Indo-Pacific to deter aggression.";
    let cn = "Dong said the Chinese military has the firm will and strong capability to safeguard national sovereignty, security and development interests.";
    let (l, r) = (one("United States", us), one("China", cn));
    let taxonomy = Taxonomy::built_in();
    let posture = TopicFrame::of(&taxonomy, "security-posture");
    assert!(posture.each_its_own);
    let p = relate(&l, 0, &r, 0, &posture, &Points::of(&l, &r));
    assert_eq!(p.rule, Rule::NoSharedPoint, "{}", p.reason);
    // The same two claims met on a topic where a shared word is a point.
    let p = relate(&l, 0, &r, 0, &TopicFrame::default(), &Points::of(&l, &r));
    assert_eq!(p.rule, Rule::SharedPoint, "{}", p.reason);
}
