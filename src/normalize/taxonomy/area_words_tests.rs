//! The words of each area on the tracks beyond defense (counternarcotics,
//! law enforcement, health, finance, consular affairs, human rights,
//! space, the climate), of military safety, and of the meeting's tone and
//! the channels, claim by claim.

use super::Taxonomy;
use super::tests::{assert_areas, tag};

#[test]
fn narcotics_named_outweigh_the_trade_around_them() {
    assert_areas(&[
        (
            "He pressed for further action to disrupt the trade in precursor chemicals used to make illicit fentanyl.",
            "fentanyl",
        ),
        // The money of the drug trade is counternarcotics too.
        (
            "She pressed for action against the networks that launder drug proceeds for the cartels.",
            "fentanyl",
        ),
        // Without them, trade and laundering are their own.
        ("He urged the US side to remove the tariffs.", "trade"),
        (
            "They discussed cooperation against money laundering.",
            "money-laundering",
        ),
        (
            "She highlighted work to strengthen financial regulation.",
            "finance",
        ),
    ]);
}

#[test]
fn staying_in_close_touch_is_a_channel() {
    // ANNOTATION.md's communication channels: "staying in contact".
    assert_areas(&[(
        "The leaders agreed to stay in close touch in the weeks ahead.",
        "military-communication",
    )]);
}

#[test]
fn the_subjects_of_law_enforcement_talks_are_listed_apart() {
    assert_areas(&[
        (
            "The United States welcomed continued acceptance of removal flights for nationals with no legal basis to remain.",
            "illegal-migration",
        ),
        (
            "China urged the US side to help send back fugitives and recover the illicit assets they took.",
            "fugitives",
        ),
        (
            "She raised illegal, unreported and unregulated fishing by distant-water fleets.",
            "fisheries",
        ),
        // What the US calls the pursuit of those China calls fugitives.
        (
            "He made clear that the United States will not tolerate transnational repression on its soil.",
            "fugitives",
        ),
    ]);
}

#[test]
fn finance_for_the_climate_is_the_climate_area() {
    assert_areas(&[(
        "China is willing to work with the US side on climate finance in the G20.",
        "climate",
    )]);
}

#[test]
fn lenders_to_developing_countries_are_the_debt_area() {
    // Development banks lend; they are no banking regulation.
    assert_areas(&[(
        "Lu said China has done more than any other lender to suspend debt service, and called on multilateral development banks and commercial creditors to share the burden.",
        "debt",
    )]);
}

#[test]
fn a_health_dialogues_subjects_are_areas_of_their_own() {
    assert_areas(&[
        (
            "She pressed for the rapid and transparent sharing of outbreak data, including genetic sequences.",
            "outbreak-data",
        ),
        (
            "China opposes any attempt to politicize COVID-19 origins tracing.",
            "outbreak-data",
        ),
        (
            "Laboratories working with dangerous pathogens must meet the highest standards of biosafety.",
            "biosafety",
        ),
        (
            "They exchanged views on cooperation between drug regulators and on pharmaceutical inspections.",
            "medicines",
        ),
        (
            "The two sides discussed renewing collaboration on antimicrobial resistance.",
            "medical-research",
        ),
        // Preparing for pandemics is still health security.
        (
            "They agreed to work together to prevent and respond to the next pandemic.",
            "health-security",
        ),
    ]);
}

#[test]
fn the_financial_tracks_subjects_are_areas_of_their_own() {
    assert_areas(&[
        (
            "Treasury pressed for stronger action against money laundering networks, including underground banking.",
            "money-laundering",
        ),
        (
            "The two sides agreed to continue cooperation on cross-border audit oversight.",
            "audits",
        ),
        // The lead clause decides between them and the drug trade.
        (
            "She urged action against networks that launder the proceeds of fentanyl trafficking.",
            "money-laundering",
        ),
        (
            "They agreed to crack down on fentanyl trafficking and the laundering of its proceeds.",
            "fentanyl",
        ),
        // Accounting for the missing is no audit.
        (
            "They discussed accounting for the remains of service members missing from past wars.",
            "humanitarian",
        ),
    ]);
}

#[test]
fn consular_access_and_exit_restrictions_are_the_detained() {
    assert_areas(&[
        (
            "The Chinese side said exit restrictions follow the law.",
            "detained-citizens",
        ),
        (
            "They also discussed consular notification and consular visits.",
            "detained-citizens",
        ),
    ]);
}

#[test]
fn surveillance_of_a_disease_is_no_espionage() {
    let t = Taxonomy::built_in();
    let claim = "The two sides discussed ways to strengthen surveillance of avian influenza.";
    assert_ne!(tag(&t, claim).as_deref(), Some("espionage-balloon"));
    assert_eq!(
        tag(
            &t,
            "The Secretary raised the surveillance balloon that crossed the continent."
        )
        .as_deref(),
        Some("espionage-balloon")
    );
}

#[test]
fn businesslike_and_wide_ranging_talks_are_the_meetings_tone() {
    assert_areas(&[
        (
            "The discussions were businesslike and focused on results.",
            "bilateral-relations",
        ),
        (
            "The two ministers held a wide-ranging conversation.",
            "bilateral-relations",
        ),
    ]);
}

#[test]
fn a_meeting_to_come_is_a_channel() {
    assert_areas(&[
        (
            "The two sides agreed to meet again in the coming months to continue reviewing progress.",
            "military-communication",
        ),
        (
            "They also discussed plans to meet in person on the margins of the G20 summit.",
            "military-communication",
        ),
        (
            "The delegations agreed to hold the next round in Beijing.",
            "military-communication",
        ),
    ]);
}

#[test]
fn the_people_whose_rights_are_at_stake_name_human_rights() {
    assert_areas(&[
        // The place's people, not only the place.
        (
            "She raised the treatment of Tibetans detained for teaching their language.",
            "human-rights",
        ),
        // Journalists prosecuted for their views are a matter of rights, not
        // of exchanges between peoples.
        (
            "He criticised the jailing of pro-democracy campaigners and journalists.",
            "human-rights",
        ),
        // Journalists' visas stay an exchange between peoples.
        (
            "The two sides agreed to issue more visas to journalists.",
            "people-to-people",
        ),
    ]);
}

#[test]
fn cases_of_foreign_nationals_are_detained_citizens() {
    // How a side speaks of the other's detained citizens without naming
    // them: "cases involving foreign nationals", "consular cases". "Rights
    // and interests" here are the detainees', not a posture.
    assert_areas(&[
        (
            "She said the courts try all cases involving foreign nationals fairly and protect their lawful rights and interests.",
            "detained-citizens",
        ),
        (
            "The two sides reviewed several consular cases.",
            "detained-citizens",
        ),
    ]);
}

#[test]
fn weapons_against_satellites_are_outer_space() {
    // "Counterspace" is the term of art for them; the claim names no
    // other area ("space" alone is too common a word to be a keyword).
    assert_areas(&[(
        "The U.S. side raised concerns about the PRC's development and testing of counterspace weapons.",
        "space",
    )]);
}

#[test]
fn exclusive_groupings_are_containment_like_small_circles() {
    // The formula varies ("small circles", "cliques", "groupings"); the
    // region they are formed in names no area of its own.
    assert_areas(&[(
        "He urged the US side to stop forming exclusive small groupings in the Asia-Pacific.",
        "competition",
    )]);
}

#[test]
fn diseases_of_animals_are_their_own_subject_in_trade_or_health_talks() {
    // Bird flu in trade talks is neither the purchases nor trade at large;
    // in a health dialogue it is not health in general.
    assert_areas(&[
        (
            "She asked the Chinese side to lift its bird flu restrictions on poultry from unaffected counties.",
            "animal-diseases",
        ),
        (
            "The two sides agreed to share data on avian influenza in poultry and wild birds.",
            "animal-diseases",
        ),
        (
            "They agreed to cooperate on the prevention and control of African swine fever and other animal diseases.",
            "animal-diseases",
        ),
        // Without the disease, farm goods are the purchases.
        (
            "She asked the Chinese side to buy more poultry and soybeans.",
            "purchases",
        ),
    ]);
}

#[test]
fn the_rules_for_encounters_at_sea_are_military_safety() {
    // The agreed rules of behavior, the code for unplanned encounters and
    // the regulations against collisions at sea name military safety,
    // not the seas where they apply.
    assert_areas(&[
        (
            "The two sides agreed to abide by the rules of behavior for the safety of air and maritime encounters.",
            "military-safety",
        ),
        (
            "He urged the navy to follow the Code for Unplanned Encounters at Sea.",
            "military-safety",
        ),
        (
            "She said the maneuver broke the International Regulations for Preventing Collisions at Sea.",
            "military-safety",
        ),
        // Encounters alone are meetings: the leaders' are their consensus.
        (
            "The talks built on the two presidents' encounters in Bali.",
            "leaders-consensus",
        ),
    ]);
}

#[test]
fn the_event_a_meeting_was_held_at_is_no_subject_of_it() {
    // A summit, a dialogue or a conference named as where two sides met
    // is the setting: the meeting's tone, or what it was about, decides.
    assert_areas(&[
        (
            "The Secretary met with the Minister on the margins of the Shangri-La Dialogue in Singapore for a candid and substantive discussion.",
            "bilateral-relations",
        ),
        (
            "The President met the Chinese President on the sidelines of the G20 Leaders' Summit in Rome for a constructive conversation.",
            "bilateral-relations",
        ),
        (
            "The envoys met on the margins of the climate conference in Dubai on cutting methane emissions.",
            "climate",
        ),
        // Without the setting's words, the dialogue is a channel.
        (
            "The two sides agreed to keep the Shangri-La Dialogue as a channel for candid exchanges.",
            "military-communication",
        ),
    ]);
}

#[test]
fn scam_centers_are_telecom_fraud_wherever_they_are() {
    // Fraud run from scam centers is its own subject, not the region the
    // centers are in.
    assert_areas(&[
        (
            "He raised the scam compounds in Southeast Asia that defraud Americans of billions each year.",
            "telecom-fraud",
        ),
        (
            "The two sides agreed to step up cooperation against telecom and online fraud.",
            "telecom-fraud",
        ),
    ]);
}

#[test]
fn conflicts_of_other_regions_are_their_own_subjects() {
    // Fighting in Sudan or the Congo is no part of the war in Ukraine: each
    // crisis named by its places and parties is a subject of its own. (A
    // ceasefire named before the place still goes to the war in Ukraine:
    // docs/accuracy.md.)
    assert_areas(&[
        (
            "She urged the warring parties in Sudan to agree to a ceasefire.",
            "sudan",
        ),
        (
            "He urged all parties to halt hostilities around Goma and to end support for the M23.",
            "congo",
        ),
        (
            "The two sides discussed the political situation in Myanmar.",
            "myanmar",
        ),
        // Without a place named, a ceasefire is the war the corpus most
        // often speaks of.
        (
            "They called for a ceasefire as soon as possible.",
            "russia-ukraine",
        ),
    ]);
}

#[test]
fn the_climates_own_words_name_the_climate() {
    // Emitters, greenhouse gases, coal power, renewables, nationally
    // determined contributions, net zero: the climate named by its own
    // words, not the economy an "economy-wide target" names or the
    // sentence before (docs/accuracy.md, the eighty-ninth round's test).
    assert_areas(&[
        (
            "She noted with concern the continued approval of new coal-fired power plants in the PRC.",
            "climate",
        ),
        (
            "He urged the PRC to set an absolute, economy-wide target covering all greenhouse gases in its next nationally determined contribution.",
            "climate",
        ),
        (
            "The Secretary emphasized that all major emitters must accelerate the transition away from unabated coal power this decade.",
            "climate",
        ),
        (
            "China will keep expanding renewables and is on track to reach net zero before 2060, Gao said.",
            "climate",
        ),
    ]);
    // Words of the energy trade, and coal as a cargo, are no climate.
    let t = Taxonomy::built_in();
    for text in [
        "The two sides discussed purchases of U.S. liquefied natural gas and crude oil.",
        "He called on the PRC to halt illicit ship-to-ship transfers of coal and oil to the DPRK.",
    ] {
        assert_ne!(tag(&t, text).as_deref(), Some("climate"), "{text}");
    }
}

#[test]
fn the_conduct_of_the_forces_that_meet_is_military_safety() {
    // Restraining the forces at the front line and operating safely and
    // professionally are how the two militaries' ships and aircraft meet:
    // military safety, not the relationship's misjudgment or a side's
    // posture (docs/accuracy.md, the eighty-fifth round's test).
    assert_areas(&[
        (
            "The U.S. side should immediately stop such dangerous and provocative acts, strictly restrain the operations of its front-line naval and air forces, and abide by international law, so as to avoid misjudgment.",
            "military-safety",
        ),
        (
            "China urges the US side to strictly restrain its frontline forces and stop smearing the Chinese military.",
            "military-safety",
        ),
        (
            "He stressed that both militaries must operate safely and professionally to avoid accidents and miscalculation.",
            "military-safety",
        ),
    ]);
    // The front line of other work is no force that meets the other's.
    let t = Taxonomy::built_in();
    assert_ne!(
        tag(&t, "She noted that the United States is supporting the vaccination of frontline health workers against Ebola.").as_deref(),
        Some("military-safety")
    );
}
