use super::*;
use crate::Taxonomy;
use crate::load::{Limits, load_str};
use crate::normalize::normalize;

pub(super) fn one(side: &str, text: &str) -> NormReadout {
    let yaml = format!("source: {{side: {side}}}\nclaims:\n  - text: \"{text}\"\n");
    let r = load_str(side, &yaml, &Limits::default()).expect("loads");
    normalize(&r, &Taxonomy::built_in())
}

pub(super) fn relation(us: &str, cn: &str) -> (Rule, String) {
    let (l, r) = (one("United States", us), one("China", cn));
    let p = relate(&l, 0, &r, 0, &TopicFrame::default(), &Points::of(&l, &r));
    assert_eq!(p.relation, p.rule.relation());
    (p.rule, p.reason)
}

#[test]
fn the_office_of_someone_who_met_is_no_point_of_the_claim() {
    // "Trade" in the title of the Trade Representative says who met,
    // as the name does; the same word outside the title is a point.
    let with_office = |text: &str| {
        let yaml = format!(
            "source: {{side: United States}}\nparticipants:\n  - {{name: Andrea K. Voss, role: United States Trade Representative, side: United States}}\nclaims:\n  - text: \"{text}\"\n"
        );
        let r = load_str("us", &yaml, &Limits::default()).expect("loads");
        normalize(&r, &Taxonomy::built_in())
    };
    let cn = one(
        "China",
        "Qiu said mutual benefit and win-win results are the essence of China-U.S. economic and trade relations.",
    );
    let rule =
        |us: &NormReadout| relate(us, 0, &cn, 0, &TopicFrame::default(), &Points::of(us, &cn)).rule;
    let title_only = with_office(
        "United States Trade Representative Andrea K. Voss held a frank exchange of views today in Geneva.",
    );
    assert_eq!(rule(&title_only), Rule::NoSharedPoint);
    let also_outside = with_office(
        "United States Trade Representative Andrea K. Voss said that trade relations should bring mutual benefit.",
    );
    assert_eq!(rule(&also_outside), Rule::SharedPoint);
}

#[test]
fn a_title_before_a_name_is_no_point_of_the_claim() {
    // Both vice presidents are named by title; "Vice" says who speaks, not
    // what about, so a pledge and a greeting make no point together.
    let (rule, why) = relation(
        "Vice President Ashby emphasized that the United States will continue to stand up for its interests and values.",
        "Vice President Gao held a video call with his U.S. counterpart on the evening of December 14.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
}

#[test]
fn the_subject_a_claim_announces_is_no_point_of_it() {
    // "On antimicrobial resistance, ..." names what the claim is about, as
    // a topic's own words do; two claims opened so make different points.
    let (rule, why) = relation(
        "On antimicrobial resistance, the United States highlighted the urgent need to curb the overuse of antibiotics in livestock.",
        "On antimicrobial resistance, the Chinese side introduced its national action plan and called for support for research on new drugs.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    // The same words as what is said of the subject are a point both make.
    let (rule, why) = relation(
        "On livestock, the United States said antimicrobial resistance is a growing threat.",
        "On public health, the Chinese side said antimicrobial resistance is a common challenge.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn the_event_the_two_met_at_is_no_point_of_the_claim() {
    // "Regional" in the name of the forum says where the two met, as a
    // place does; the same word outside the forum's name is a point.
    let cn = "Wang said China supports ASEAN's central role in regional cooperation.";
    let (rule, why) = relation(
        "The Secretary met the Foreign Minister on the margins of the ASEAN Regional Forum in Vientiane for a frank and substantive discussion.",
        cn,
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
    let (rule, why) = relation(
        "The Secretary, on the margins of the ASEAN Regional Forum, stressed ASEAN's central role in the region.",
        cn,
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn calling_a_detention_wrongful_accuses_the_detaining_side() {
    // "Wrongfully detained" blames the side that holds them, as
    // "wrongful detention" does; the other side's demand to stop hyping
    // the cases blames back.
    let (rule, why) = relation(
        "The Secretary pressed for the release of Americans wrongfully detained in the PRC.",
        "Wang urged the U.S. side to respect China's judicial sovereignty and stop hyping individual cases.",
    );
    assert_eq!(rule, Rule::MutualBlame, "{why}");
}

#[test]
fn a_ceasefire_and_a_cessation_of_hostilities_are_one_point() {
    let (rule, why) = relation(
        "The Special Envoy reiterated the urgent need for an immediate, nationwide cessation of hostilities in Sudan.",
        "Hu said the parties to the conflict should reach a ceasefire as soon as possible.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn flying_and_sailing_are_the_navigation_the_other_side_opposes() {
    // One side's resolve to operate where the law allows and the other's
    // opposition to warships sent in the name of navigation speak of the
    // same operations, in different words.
    let (rule, why) = relation(
        "The Secretary made clear that U.S. forces will continue to fly, sail and operate wherever international law allows.",
        "Dong said the U.S. side should stop sending warships to stir up trouble under the banner of freedom of navigation.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn holding_the_other_sides_words_at_arms_length_opposes_them() {
    // "So-called freedom of navigation" disowns the very words the other
    // side values: one thing characterized in opposed terms, though the
    // disowning claim's own cue ("must") is no criticism of the other.
    let us = "Secretary Whitcomb underscored the importance of respect for high seas freedom of navigation guaranteed under international law.";
    let (rule, why) = relation(
        us,
        "Gao said China handles differences through consultation, but so-called freedom of navigation must never become a pretext for flexing muscles.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
    assert!(why.contains("'so called freedom of navigation'"), "{why}");
    let (rule, why) = relation(
        us,
        "Gao said China respects and upholds freedom of navigation under international law.",
    );
    assert_eq!(rule, Rule::SharedPoint, "{why}");
    // Disowning words the other side does not use opposes nothing it says.
    let (rule, why) = relation(
        us,
        "Gao said the so-called China threat theory must never become a pretext for flexing muscles.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn a_concern_beside_the_claims_point_still_blames() {
    // The claim's point is the value it stresses, but it also raises
    // concerns about the PRC's conduct: with the other side blaming the
    // United States, each side blames the other.
    let cn = "Zhou said the U.S. side should stop arming Taiwan and stop sending wrong signals to separatist forces.";
    let (rule, why) = relation(
        "President Hale underscored the importance of maintaining peace and stability across the Taiwan Strait, reaffirmed that the United States remains committed to its one China policy, and raised concerns about the PRC's military pressure.",
        cn,
    );
    assert_eq!(rule, Rule::MutualBlame, "{why}");
    assert!(why.contains("'raised concerns' (on China)"), "{why}");
    // A request beside the point asks; it blames no one (`blames_beside`).
    let (rule, why) = relation(
        "President Hale underscored the importance of maintaining peace and stability across the Taiwan Strait, reaffirmed that the United States remains committed to its one China policy, and urged the PRC to exercise restraint.",
        cn,
    );
    assert_ne!(rule, Rule::MutualBlame, "{why}");
}

#[test]
fn unsafe_against_safe_is_the_same_subject() {
    let (rel, why) = relation(
        "Austin said the PLA's intercepts of U.S. aircraft were unsafe and unprofessional.",
        "Dong said the Chinese pilots acted in a safe and professional manner.",
    );
    assert_eq!(rel, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn a_word_of_stance_in_both_is_no_shared_subject() {
    // "concern" and "concerned" say how each side stands, not on what.
    let (rule, why) = relation(
        "He expressed serious concern over the PRC's dangerous maneuvers against lawful Philippine operations.",
        "Ma said China is committed to settling disputes with the countries directly concerned through negotiation.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
    // A shared subject still makes the two one thing.
    let (rule, why) = relation(
        "He expressed serious concern over the PRC's dangerous maneuvers against lawful Philippine operations.",
        "Ma said China is committed to handling its maneuvers near the Philippine coast through negotiation.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn explaining_ones_own_measures_asserts_them() {
    // A side that explains its own measures stands by them: the other
    // side's criticism of those measures opposes it.
    let (rule, why) = relation(
        "The Secretary explained that the Department's review of the export licensing rules will proceed on its merits.",
        "Wang expressed strong dissatisfaction with the US side's review of export licensing, urging the US to end it.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn the_relationship_named_in_both_is_no_shared_point() {
    // Every claim on overall relations names the relationship or
    // someone's interests; naming them is no point made in common.
    let (rule, why) = relation(
        "The Secretary made clear that the United States will stand up for its interests and values in the relationship.",
        "Qiu said a sound and stable relationship serves the fundamental interests of the two peoples.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
    // Nor is the economy an economic meeting speaks of throughout.
    let (rule, why) = relation(
        "The Secretary held a frank and constructive meeting on the economic relationship.",
        "He said mutual benefit is the essence of economic and trade ties.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
    // Nor is the situation in the area both discussed.
    let (rule, why) = relation(
        "The two also discussed the situation in the region, including the need to keep shipping in the Red Sea safe.",
        "On the situation in Gaza, Han said the most pressing task is a lasting ceasefire.",
    );
    assert_ne!(rule, Rule::SharedPoint, "{why}");
}

#[test]
fn what_a_side_says_it_has_always_done_meets_criticism_of_it() {
    // "has always shared ..." asserts one's own record: the other
    // side's concern about that record opposes it.
    let (rule, why) = relation(
        "The U.S. delegation raised concerns that weeks passed before the PRC notified the World Health Organization of the H5N1 cases.",
        "Zeng said China has always shared epidemic information with the World Health Organization in an open and transparent manner.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn an_offer_of_joint_work_meets_no_criticism_of_the_offering_side() {
    // "Is willing to" offers what a side would do with the other; the
    // other side's complaint about what it did is not answered by it.
    let (rule, why) = relation(
        "The Secretary raised concerns about the PRC's restrictions on exports of gallium and germanium.",
        "Wen said China is willing to work with the U.S. side to keep supply chains of critical minerals stable.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
    let (rule, why) = relation(
        "He urged the PRC to speed up approvals of U.S. biotechnology traits.",
        "China stands ready to expand imports of U.S. farm products that meet its standards, Luo said.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
    // Readiness to defend or respond is resolve, not an offer: criticism
    // of the conduct it asserts still opposes it.
    let (rule, why) = relation(
        "Secretary Dane raised concerns about the PLA's coercive activities around the Spratly Islands.",
        "The Chinese military stands ready to resolutely defend China's sovereignty over the Spratly Islands, Gu said.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn a_stated_policy_meets_only_criticism_that_faults_what_was_done() {
    // On Taiwan, "Taiwan" names the topic: a demand beside the stated
    // policy asks something else of the US; an accusation of its moves
    // opposes the policy's account of them.
    let on_taiwan = |cn: &str| {
        let us = "Secretary Hale reaffirmed that the United States remains committed to its one China policy and to maintaining peace and stability across the Taiwan Strait.";
        let (l, r) = (one("United States", us), one("China", cn));
        let frame = TopicFrame::of(&crate::Taxonomy::built_in(), "taiwan");
        relate(&l, 0, &r, 0, &frame, &Points::of(&l, &r))
    };
    for demand in [
        "Lu said the U.S. side should stop arming Taiwan.",
        "Lu stressed that the Taiwan question is the first red line that must not be crossed.",
    ] {
        let p = on_taiwan(demand);
        assert_ne!(
            p.rule,
            Rule::OpposedCharacterization,
            "{demand}: {}",
            p.reason
        );
    }
    let p =
        on_taiwan("Lu said the United States is sending very wrong, dangerous signals on Taiwan.");
    assert_eq!(p.rule, Rule::OpposedCharacterization, "{}", p.reason);
}

#[test]
fn a_side_calling_its_own_measures_lawful_meets_criticism_of_them() {
    // "carried out in accordance with the law" defends one's own
    // record, as "has always" does: the other side's concern about
    // the same measures opposes it.
    let (rule, why) = relation(
        "The Secretary raised serious concerns about the raids on the offices of U.S. consulting firms in the PRC.",
        "Wang said the raids on the consulting firms were carried out in accordance with the law.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn measures_called_lawful_in_other_words_meet_criticism_of_them() {
    // The same defence however the law is named or the accordance
    // qualified: "in strict accordance with", "Chinese laws", "its laws".
    for defence in [
        "Wang said the anti-dumping investigation was conducted in strict accordance with Chinese laws and regulations.",
        "Wang said the anti-dumping investigation was conducted in accordance with its laws.",
    ] {
        let (rule, why) = relation(
            "The Secretary objected to the PRC's anti-dumping duties on U.S. chemicals, which the United States views as retaliatory.",
            defence,
        );
        assert_eq!(rule, Rule::OpposedCharacterization, "{defence}: {why}");
    }
}

#[test]
fn alliances_and_the_cliques_they_are_called_are_one_thing() {
    // One side's alliances are the other's "small circles", and each
    // names the region its own way.
    let (rule, why) = relation(
        "Austin made clear that the United States will keep working with its allies and partners to advance a free and open Indo-Pacific.",
        "Dong said China firmly opposes the US piecing together exclusive small circles in the Asia-Pacific.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn resolve_stated_after_another_point_meets_criticism_that_names_the_speaker() {
    let us = "Austin underscored the importance of freedom of navigation and reiterated that the United States will continue to fly, sail and operate wherever international law allows.";
    let (rule, why) = relation(
        us,
        "Dong said the US should respect China's maritime rights and freedom of navigation.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
    // Criticism that names no one is a parallel statement, not an answer.
    let (rule, why) = relation(
        us,
        "Dong said China firmly upholds freedom of navigation and will not accept provocation.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
}

#[test]
fn criticism_of_a_third_party_meets_the_other_side_speaking_for_it() {
    let us = "Blinken underscored the risks posed by further Russian aggression against Ukraine.";
    let (rule, why) = relation(
        us,
        "Wang said China values the legitimate security concerns of Russia.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
    // Speaking for both parties to a war takes neither side.
    let (rule, why) = relation(
        us,
        "Wang said China supports peace talks between Russia and Ukraine.",
    );
    assert_ne!(rule.relation(), Relation::Contradiction, "{why}");
}

#[test]
fn calling_a_criticised_matter_an_internal_affair_denies_it() {
    let (rel, why) = relation(
        "Blinken raised concerns about the erosion of freedoms in Hong Kong.",
        "Wang said Hong Kong affairs are purely China's internal affairs.",
    );
    assert_eq!(rel, Rule::Denial, "{why}");
}

#[test]
fn criticism_that_names_the_counterpart_is_aimed_at_it() {
    let (rel, why) = relation(
        "Blinken said China's export of dual-use goods fuels Russia's war machine.",
        "Wang said China's normal trade with Russia should not be interfered with and China will not accept US sanctions on Chinese companies.",
    );
    assert_eq!(rel, Rule::MutualBlame, "{why}");
}

#[test]
fn a_denial_meets_criticism_of_the_same_thing_aimed_at_a_third_party() {
    let (rel, why) = relation(
        "Austin said the U.S. deployment of the Typhon system to the Philippines is defensive and not aimed at any third country.",
        "Dong said the deployment of the Typhon missile system in the Philippines poses a serious threat to regional security.",
    );
    assert_eq!(rel, Rule::Denial, "{why}");
    // A denial and a criticism about different things do not conflict.
    let (rel, why) = relation(
        "Austin said the exercises are not aimed at any third country.",
        "Dong said Philippine provocations at sea threaten peace.",
    );
    assert_ne!(rel.relation(), Relation::Contradiction, "{why}");
}

/// A warning that names no one beside the other side's `resolve` is a
/// parallel statement (`unnamed`); the same warning naming the other side
/// is aimed at it (`named`).
fn parallel_unless_named(resolve: &str, unnamed: &str, named: &str) {
    let (rule, why) = relation(resolve, unnamed);
    assert_ne!(rule.relation(), Relation::Contradiction, "{why}");
    let (rule, why) = relation(resolve, named);
    assert_eq!(rule.relation(), Relation::Contradiction, "{why}");
}

#[test]
fn parallel_resolve_that_names_no_one_is_no_conflict() {
    // "any country" names no one: a warning to whoever would infringe
    // beside the other side's resolve to keep operating is parallel.
    parallel_unless_named(
        "He made clear that U.S. forces will keep flying, sailing and operating in the South China Sea wherever international law allows.",
        "On the South China Sea, Zhou said China will never allow any country to infringe upon its sovereignty.",
        "On the South China Sea, Zhou said China will never allow the United States to infringe upon its sovereignty.",
    );
}

#[test]
fn resolve_against_any_provocation_names_no_one() {
    // A capability "to respond to any provocation" warns whoever would
    // provoke: beside the other side's resolve to deter aggression, the
    // two are parallel statements of resolve, not a criticism of it.
    parallel_unless_named(
        "He made clear that the United States will maintain the capabilities necessary to deter aggression in the region.",
        "Zhou said China has the firm will and strong capability to respond to any provocation.",
        "Zhou said China has the firm will and strong capability to respond to U.S. provocations.",
    );
}

#[test]
fn mutual_blame_needs_each_side_to_blame() {
    // Opposition that names no one blames nobody in particular.
    let (rule, why) = relation(
        "Biden said the US strongly opposes unilateral efforts to change the status quo.",
        "Xi said the US should honour the one-China principle.",
    );
    assert_ne!(rule, Rule::MutualBlame, "{why}");
    let (rule, why) = relation(
        "Austin called on the PRC to refrain from destabilizing actions toward Taiwan.",
        "Wei said using Taiwan to contain China will never prevail.",
    );
    assert_eq!(rule, Rule::MutualBlame, "{why}");
}

#[test]
fn a_pair_without_cues_says_so() {
    let (rule, why) = relation("The weather in Vienna was fine.", "Sullivan arrived late.");
    assert_eq!(rule.relation(), Relation::Divergence, "{why}");
    assert!(why.contains("no cue"), "{why}");
    assert!(!why.contains("Vienna"), "{why}");
}

#[test]
fn rule_ids_are_stable() {
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(
        ids,
        [
            "mutual-blame",
            "denial",
            "opposed-characterization",
            "opposite-stances",
            "reported-differently",
            "shared-point",
            "shared-criticism",
            "no-shared-point"
        ]
    );
    for r in Rule::ALL {
        let json = serde_json::to_string(&r).expect("serializes");
        assert_eq!(json, format!("\"{}\"", r.id()));
    }
}

#[test]
fn standing_is_no_point_what_one_stands_for_is() {
    // "Stand" is a light verb: its point is what follows it.
    let (rule, why) = relation(
        "The Secretary reiterated that the United States will continue to stand up for its interests and values.",
        "Qiao said that China-U.S. relations stand at a new crossroads, and the two sides should work for a positive future.",
    );
    assert_eq!(rule, Rule::NoSharedPoint, "{why}");
}

#[test]
fn a_right_of_self_defence_upheld_meets_harm_to_civilians_condemned() {
    // One use of force told two ways: neither names what the other does,
    // yet upholding a party's right to defend itself and condemning what
    // is done to civilians in that conflict are opposed characterizations.
    let upheld = "The Secretary reaffirmed U.S. support for Israel's right to defend itself against terrorism.";
    for condemned in [
        "Wang said the collective punishment of the people of Gaza must stop.",
        "Wang said safeguarding one's own security should not come at the cost of harming innocent civilians.",
    ] {
        let (rule, why) = relation(upheld, condemned);
        assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
        assert!(why.contains("'right to defend itself'"), "{why}");
    }
    // Either way round, the left claim's words come first.
    let (rule, why) = relation(
        "The Secretary voiced concern over civilian casualties in the strikes on the camp.",
        "Wang said China respects every country's right of self-defense in accordance with the UN Charter.",
    );
    assert_eq!(rule, Rule::OpposedCharacterization, "{why}");
    assert!(
        why.find("civilian casualties") < why.find("right of self"),
        "{why}"
    );
    // One side saying both is no conflict between the accounts.
    let us = one("United States", upheld);
    let also_us = one(
        "United States",
        "The Secretary voiced concern over civilian casualties in Gaza.",
    );
    let p = relate(
        &us,
        0,
        &also_us,
        0,
        &TopicFrame::default(),
        &Points::of(&us, &also_us),
    );
    assert_ne!(p.rule, Rule::OpposedCharacterization, "{}", p.reason);
    // A right limited in the same breath is upheld by no one.
    let (rule, why) = relation(
        "The Secretary said the right to self-defense must not become a pretext for the collective punishment of civilians.",
        "Wang said the killing of civilians must stop.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
    // Self-defense that is no right ("a nuclear strategy of self-defense")
    // upholds no armed response.
    let (rule, why) = relation(
        "The Secretary said attacks on civilians are unacceptable.",
        "Wang said China pursues a nuclear strategy of self-defense.",
    );
    assert_ne!(rule, Rule::OpposedCharacterization, "{why}");
}
