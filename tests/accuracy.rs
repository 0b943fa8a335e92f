//! The engine's accuracy on the corpus must not fall below the floor recorded
//! in readouts/floor.yaml, nor on the corpus reworded below the floor in
//! reworded/floor.yaml, nor on the composed meetings below composed/floor.yaml
//! (raise a floor when the engine improves).

use readout::load::Limits;
use readout::{Taxonomy, eval};

#[derive(serde::Deserialize)]
struct Floor {
    macro_f1: f64,
    contradiction_recall: f64,
    alignment_f1: f64,
}

#[test]
fn corpus_scores_stay_above_the_floor() {
    stays_above("readouts/floor.yaml", &["readouts"]);
}

/// The five rewordings of the corpus: how much of the engine's reading
/// survives other words for the same claims.
#[test]
fn reworded_scores_stay_above_the_floor() {
    stays_above(
        "reworded/floor.yaml",
        &[
            "reworded",
            "reworded/second",
            "reworded/third",
            "reworded/fourth",
            "reworded/fifth",
        ],
    );
}

#[test]
fn composed_scores_stay_above_the_floor() {
    stays_above(
        "composed/floor.yaml",
        &[
            "composed",
            "composed/second",
            "composed/third",
            "composed/fourth",
            "composed/fifth",
            "composed/sixth",
            "composed/seventh",
            "composed/eighth",
            "composed/ninth",
            "composed/tenth",
            "composed/eleventh",
            "composed/twelfth",
            "composed/thirteenth",
            "composed/fourteenth",
            "composed/fifteenth",
            "composed/sixteenth",
            "composed/seventeenth",
            "composed/eighteenth",
            "composed/nineteenth",
            "composed/twentieth",
            "composed/twentyfirst",
            "composed/twentysecond",
            "composed/twentythird",
            "composed/twentyfourth",
            "composed/twentyfifth",
            "composed/twentysixth",
            "composed/twentyseventh",
            "composed/twentyeighth",
            "composed/twentyninth",
            "composed/thirtieth",
            "composed/thirtyfirst",
            "composed/thirtysecond",
            "composed/thirtythird",
            "composed/thirtyfourth",
            "composed/thirtyfifth",
            "composed/thirtysixth",
            "composed/thirtyseventh",
            "composed/thirtyeighth",
            "composed/thirtyninth",
            "composed/fortieth",
            "composed/fortyfirst",
            "composed/fortysecond",
            "composed/fortythird",
            "composed/fortyfourth",
            "composed/fortyfifth",
            "composed/fortysixth",
            "composed/fortyseventh",
            "composed/fortyeighth",
            "composed/fortyninth",
            "composed/fiftieth",
            "composed/fiftyfirst",
            "composed/fiftysecond",
            "composed/fiftythird",
            "composed/fiftyfourth",
            "composed/fiftyfifth",
            "composed/fiftysixth",
            "composed/fiftyseventh",
            "composed/fiftyeighth",
            "composed/fiftyninth",
            "composed/sixtieth",
            "composed/sixtyfirst",
            "composed/sixtysecond",
            "composed/sixtythird",
            "composed/sixtyfourth",
            "composed/sixtyfifth",
            "composed/sixtysixth",
            "composed/sixtyseventh",
            "composed/sixtyeighth",
            "composed/sixtyninth",
            "composed/seventieth",
            "composed/seventyfirst",
            "composed/seventysecond",
            "composed/seventythird",
            "composed/seventyfourth",
            "composed/seventyfifth",
            "composed/seventysixth",
            "composed/seventyseventh",
            "composed/seventyeighth",
            "composed/seventyninth",
            "composed/eightieth",
            "composed/eightyfirst",
            "composed/eightysecond",
            "composed/eightythird",
            "composed/eightyfourth",
            "composed/eightyfifth",
            "composed/eightysixth",
            "composed/eightyseventh",
            "composed/eightyeighth",
            "composed/eightyninth",
            "composed/ninetieth",
            "composed/ninetyfirst",
            "composed/ninetysecond",
            "composed/ninetythird",
            "composed/ninetyfourth",
            "composed/ninetyfifth",
            "composed/ninetysixth",
            "composed/ninetyseventh",
            "composed/ninetyeighth",
            "composed/ninetyninth",
            "composed/hundredth",
            "composed/hundredfirst",
            "composed/hundredsecond",
            "composed/hundredthird",
            "composed/hundredfourth",
            "composed/hundredfifth",
            "composed/hundredsixth",
            "composed/hundredseventh",
            "composed/hundredeighth",
            "composed/hundredninth",
            "composed/hundredtenth",
            "composed/hundredeleventh",
            "composed/hundredtwelfth",
            "composed/hundredthirteenth",
            "composed/hundredfourteenth",
            "composed/hundredfifteenth",
            "composed/hundredsixteenth",
            "composed/hundredseventeenth",
            "composed/hundredeighteenth",
            "composed/hundrednineteenth",
            "composed/hundredtwentieth",
            "composed/hundredtwentyfirst",
            "composed/hundredtwentysecond",
            "composed/hundredtwentythird",
            "composed/hundredtwentyfourth",
            "composed/hundredtwentyfifth",
            "composed/hundredtwentysixth",
            "composed/hundredtwentyseventh",
            "composed/hundredtwentyeighth",
            "composed/hundredtwentyninth",
            "composed/hundredthirtieth",
            "composed/hundredthirtyfirst",
            "composed/hundredthirtysecond",
            "composed/hundredthirtythird",
            "composed/hundredthirtyfourth",
            "composed/hundredthirtyfifth",
            "composed/hundredthirtysixth",
            "composed/hundredthirtyseventh",
            "composed/hundredthirtyeighth",
            "composed/hundredthirtyninth",
            "composed/hundredfortieth",
            "composed/hundredfortyfirst",
            "composed/hundredfortysecond",
            "composed/hundredfortythird",
            "composed/hundredfortyfourth",
            "composed/hundredfortyfifth",
            "composed/hundredfortysixth",
            "composed/hundredfortyseventh",
            "composed/hundredfortyeighth",
            "composed/hundredfortyninth",
            "composed/hundredfiftieth",
            "composed/hundredfiftyfirst",
            "composed/hundredfiftysecond",
            "composed/hundredfiftythird",
            "composed/hundredfiftyfourth",
            "composed/hundredfiftyfifth",
            "composed/hundredfiftysixth",
            "composed/hundredfiftyseventh",
            "composed/hundredfiftyeighth",
            "composed/hundredfiftyninth",
            "composed/hundredsixtieth",
            "composed/hundredsixtyfirst",
            "composed/hundredsixtysecond",
            "composed/hundredsixtythird",
            "composed/hundredsixtyfourth",
            "composed/hundredsixtyfifth",
            "composed/hundredsixtysixth",
            "composed/hundredsixtyseventh",
            "composed/hundredsixtyeighth",
            "composed/hundredsixtyninth",
            "composed/hundredseventieth",
            "composed/hundredseventyfirst",
            "composed/hundredseventysecond",
            "composed/hundredseventythird",
            "composed/hundredseventyfourth",
            "composed/hundredseventyfifth",
            "composed/hundredseventysixth",
            "composed/hundredseventyseventh",
            "composed/hundredseventyeighth",
            "composed/hundredseventyninth",
            "composed/hundredeightieth",
            "composed/hundredeightyfirst",
            "composed/hundredeightysecond",
            "composed/hundredeightythird",
            "composed/hundredeightyfourth",
            "composed/hundredeightyfifth",
            "composed/hundredeightysixth",
            "composed/hundredeightyseventh",
            "composed/hundredeightyeighth",
            "composed/hundredeightyninth",
            "composed/hundredninetieth",
            "composed/hundredninetyfirst",
            "composed/hundredninetysecond",
            "composed/hundredninetythird",
            "composed/hundredninetyfourth",
            "composed/hundredninetyfifth",
            "composed/hundredninetysixth",
            "composed/hundredninetyseventh",
            "composed/hundredninetyeighth",
            "composed/hundredninetyninth",
            "composed/twohundredth",
            "composed/twohundredfirst",
            "composed/twohundredsecond",
            "composed/twohundredthird",
            "composed/twohundredfourth",
            "composed/twohundredfifth",
            "composed/twohundredsixth",
            "composed/twohundredseventh",
            "composed/twohundredeighth",
            "composed/twohundredninth",
            "composed/twohundredtenth",
            "composed/twohundredeleventh",
            "composed/twohundredtwelfth",
            "composed/twohundredthirteenth",
            "composed/twohundredfourteenth",
            "composed/twohundredfifteenth",
            "composed/twohundredsixteenth",
            "composed/twohundredseventeenth",
            "composed/twohundredeighteenth",
            "composed/twohundrednineteenth",
            "composed/twohundredtwentieth",
            "composed/twohundredtwentyfirst",
            "composed/twohundredtwentysecond",
            "composed/twohundredtwentythird",
            "composed/twohundredtwentyfourth",
            "composed/twohundredtwentyfifth",
            "composed/twohundredtwentysixth",
            "composed/twohundredtwentyseventh",
            "composed/twohundredtwentyeighth",
            "composed/twohundredtwentyninth",
            "composed/twohundredthirtieth",
            "composed/twohundredthirtyfirst",
            "composed/twohundredthirtysecond",
            "composed/twohundredthirtythird",
            "composed/twohundredthirtyfourth",
            "composed/twohundredthirtyfifth",
            "composed/twohundredthirtysixth",
            "composed/twohundredthirtyseventh",
            "composed/twohundredthirtyeighth",
            "composed/twohundredthirtyninth",
            "composed/twohundredfortieth",
            "composed/twohundredfortyfirst",
            "composed/twohundredfortysecond",
            "composed/twohundredfortythird",
            "composed/twohundredfortyfourth",
            "composed/twohundredfortyfifth",
            "composed/twohundredfortysixth",
            "composed/twohundredfortyseventh",
            "composed/twohundredfortyeighth",
            "composed/twohundredfortyninth",
            "composed/twohundredfiftieth",
            "composed/twohundredfiftyfirst",
            "composed/twohundredfiftysecond",
            "composed/twohundredfiftythird",
            "composed/twohundredfiftyfourth",
            "composed/twohundredfiftyfifth",
            "composed/twohundredfiftysixth",
            "composed/twohundredfiftyseventh",
            "composed/twohundredfiftyeighth",
            "composed/twohundredfiftyninth",
            "composed/twohundredsixtieth",
            "composed/twohundredsixtyfirst",
            "composed/twohundredsixtysecond",
            "composed/twohundredsixtythird",
            "composed/twohundredsixtyfourth",
            "composed/twohundredsixtyfifth",
            "composed/twohundredsixtysixth",
            "composed/twohundredsixtyseventh",
            "composed/twohundredsixtyeighth",
            "composed/twohundredsixtyninth",
            "composed/twohundredseventieth",
            "composed/twohundredseventyfirst",
            "composed/twohundredseventysecond",
            "composed/twohundredseventythird",
            "composed/twohundredseventyfourth",
            "composed/twohundredseventyfifth",
            "composed/twohundredseventysixth",
            "composed/twohundredseventyseventh",
            "composed/twohundredseventyeighth",
            "composed/twohundredseventyninth",
            "composed/twohundredeightieth",
            "composed/twohundredeightyfirst",
            "composed/twohundredeightysecond",
            "composed/twohundredeightythird",
            "composed/twohundredeightyfourth",
            "composed/twohundredeightyfifth",
            "composed/twohundredeightysixth",
            "composed/twohundredeightyseventh",
            "composed/twohundredeightyeighth",
            "composed/twohundredeightyninth",
            "composed/twohundredninetieth",
            "composed/twohundredninetyfirst",
            "composed/twohundredninetysecond",
            "composed/twohundredninetythird",
            "composed/twohundredninetyfourth",
            "composed/twohundredninetyfifth",
            "composed/twohundredninetysixth",
            "composed/twohundredninetyseventh",
            "composed/twohundredninetyeighth",
            "composed/twohundredninetyninth",
            "composed/threehundredth",
        ],
    );
}

fn stays_above(floor_file: &str, dirs: &[&str]) {
    let text = std::fs::read_to_string(floor_file).expect(floor_file);
    let floor: Floor =
        readout::load::yaml::parse(floor_file, &text, Default::default()).expect("floor parses");
    let dirs: Vec<_> = dirs.iter().map(std::path::PathBuf::from).collect();
    let report =
        eval::evaluate(&dirs, &Taxonomy::built_in(), &Limits::default()).expect("eval runs");
    let o = &report.overall;
    let contradiction = o
        .per_verdict
        .iter()
        .find(|v| v.verdict.name() == "contradiction")
        .expect("contradiction row");
    assert!(
        o.macro_f1 >= floor.macro_f1,
        "{floor_file}: macro-F1 {:.3} fell below {:.3}",
        o.macro_f1,
        floor.macro_f1
    );
    assert!(
        contradiction.recall >= floor.contradiction_recall,
        "{floor_file}: contradiction recall {:.3} fell below {:.3}",
        contradiction.recall,
        floor.contradiction_recall
    );
    assert!(
        o.alignment_f1 >= floor.alignment_f1,
        "{floor_file}: alignment F1 {:.3} fell below {:.3}",
        o.alignment_f1,
        floor.alignment_f1
    );
}

/// composed/principals.txt lists the meetings of principals with the half
/// each belongs to: every folder it names is a pair, and its half is the one
/// its place in date order within its set gives (1st, 3rd, ... development).
#[test]
fn principals_list_names_pairs_with_their_halves() {
    let text = std::fs::read_to_string("composed/principals.txt").expect("principals list");
    let mut listed = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (half, folder) = line.split_once(' ').expect("half and folder");
        let path = std::path::Path::new(folder);
        assert!(path.join("expected.yaml").is_file(), "{folder} is no pair");
        let set = path.parent().expect("a set folder");
        let mut pairs: Vec<_> = std::fs::read_dir(set)
            .expect("set folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.join("expected.yaml").is_file())
            .collect();
        pairs.sort();
        let place = pairs.iter().position(|p| p == path).expect("listed pair");
        let expected = if place % 2 == 0 { "dev" } else { "held" };
        assert_eq!(half, expected, "{folder} is in the {expected} half");
        listed += 1;
    }
    assert!(listed > 300, "only {listed} pairs listed");
}
