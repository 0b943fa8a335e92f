//! Subjects that are each an area of their own to analysts, apart from the
//! broader area around them: the environment beyond the climate, visas,
//! the United Nations' own business, the balloon, South Asia's disputes,
//! language programs, named outbreaks.

use super::tests::assert_areas;

#[test]
fn the_environment_beyond_the_climate_has_areas_of_its_own() {
    // Plastics, air quality and wildlife are subjects of their own, not
    // the relationship's tone or the talks that carry them.
    assert_areas(&[
        (
            "The Administrator urged the PRC to support an ambitious global agreement to end plastic pollution.",
            "plastics",
        ),
        (
            "He described the progress of China's cities in reducing PM2.5 concentrations and improving air quality.",
            "air-quality",
        ),
        (
            "The two sides agreed to strengthen cooperation against wildlife trafficking, including the illegal trade in ivory.",
            "wildlife",
        ),
        (
            "The two sides discussed cooperation on methane emissions.",
            "climate",
        ),
    ]);
}

#[test]
fn a_visa_is_people_to_people_in_the_singular_as_in_the_plural() {
    // "Visa interview wait times", "visa-free entry", "the visa backlog":
    // the word in the singular names the same travel between the two
    // peoples as "visas", not the missions or firms around it.
    assert_areas(&[
        (
            "The Deputy Secretary welcomed shorter visa interview wait times at U.S. missions in the PRC.",
            "people-to-people",
        ),
        (
            "He said China has extended its visa-free policy and welcomes more American friends to visit and do business in China.",
            "people-to-people",
        ),
        (
            "The two sides agreed to issue more visas to journalists.",
            "people-to-people",
        ),
    ]);
}

#[test]
fn the_united_nations_own_business_has_areas_of_its_own() {
    // Its peace operations and the reform of its Security Council are
    // subjects of their own; the UN as the core of the international
    // order is not.
    assert_areas(&[
        (
            "The two sides discussed ways to improve the safety and security of UN peacekeepers.",
            "peacekeeping",
        ),
        (
            "She reaffirmed U.S. support for expanding the Security Council in both its permanent and non-permanent categories.",
            "security-council-reform",
        ),
        (
            "On Security Council reform, he said the voice of developing countries must be increased.",
            "security-council-reform",
        ),
        (
            "China firmly upholds the international system with the United Nations at its core.",
            "regional-global",
        ),
    ]);
}

#[test]
fn the_reform_of_the_united_nations_is_one_area_in_any_form_of_the_word() {
    // Reform of the Security Council and of the organization's workings
    // are one subject to analysts, however the verb is inflected.
    assert_areas(&[
        (
            "The Secretary reaffirmed U.S. support for reforming the UN Security Council to make it more representative.",
            "security-council-reform",
        ),
        (
            "On the reform of the United Nations, he said it should strengthen the organization's central role.",
            "security-council-reform",
        ),
        (
            "She called for efforts to reform the UN so that it delivers more efficiently for its members.",
            "security-council-reform",
        ),
    ]);
}

#[test]
fn the_airship_of_the_chinese_accounts_is_the_balloon() {
    // Beijing's word for a balloon that strays is an airship: the object
    // the other account calls a surveillance balloon, one area to analysts.
    assert_areas(&[
        (
            "He said the unmanned airship was a civilian craft that the winds had carried far off its planned course.",
            "espionage-balloon",
        ),
        (
            "The Chinese side said that shooting down the airships with fighter jets was an excessive reaction.",
            "espionage-balloon",
        ),
    ]);
}

#[test]
fn south_asias_two_disputes_are_two_areas() {
    // India and Pakistan, and the China-India boundary, are each an area of
    // their own, whatever else the sentence names; India alone is neither.
    assert_areas(&[
        (
            "She called on India and Pakistan to keep talking directly so that the crisis does not escalate.",
            "india-pakistan",
        ),
        (
            "He said China firmly supports Pakistan in upholding its national stability.",
            "india-pakistan",
        ),
        (
            "He raised concern about new PLA outposts along the Line of Actual Control.",
            "china-india-border",
        ),
        (
            "The two sides discussed the G20 under India's presidency.",
            "regional-global",
        ),
    ]);
}

#[test]
fn chinese_language_programs_are_an_area_apart_from_the_exchanges() {
    // The Confucius Institutes and Chinese-language teaching abroad are a
    // subject of their own; students and scholars stay the exchanges.
    assert_areas(&[
        (
            "The Secretary raised concerns about PRC government influence over Confucius Institutes at U.S. universities.",
            "language-programs",
        ),
        (
            "He said Chinese language teaching is a bridge of understanding and should not be politicized.",
            "language-programs",
        ),
        (
            "The two sides agreed to make it easier for students and scholars to travel.",
            "people-to-people",
        ),
    ]);
}

#[test]
fn an_outbreak_of_a_named_disease_is_health_security() {
    // A human disease named for itself is the health area, as a pandemic
    // is, not the cooperation or the relationship around it.
    assert_areas(&[
        (
            "China is willing to provide mpox vaccines to African countries and to strengthen cooperation with the U.S. side.",
            "health-security",
        ),
        (
            "The two sides discussed the measles outbreaks in the region.",
            "health-security",
        ),
    ]);
}

#[test]
fn a_fields_relationship_and_cooperation_are_the_relationship() {
    // The relationship or the cooperation of one field, named as a whole,
    // is the relationship, as "the economic relationship" is: the talks'
    // tone, and the field's place in the relationship (docs/accuracy.md,
    // the seventy-ninth round's test).
    assert_areas(&[
        (
            "The two secretaries had a candid and productive discussion on the U.S.-China agricultural relationship.",
            "bilateral-relations",
        ),
        (
            "He said that energy cooperation is an important part of China-U.S. relations.",
            "bilateral-relations",
        ),
        (
            "The two sides held in-depth and pragmatic talks on China-U.S. health cooperation.",
            "bilateral-relations",
        ),
        // A matter of the field named for itself keeps its area.
        (
            "The Secretary urged the PRC to meet its agricultural purchase commitments.",
            "purchases",
        ),
    ]);
}
