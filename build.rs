//! Build script: the built-in data (`src/data/*.yaml`) also as JSON, and
//! the words of every phrase in it. Every command starts by reading the
//! taxonomy and the cue lexicon, and parsing them as JSON takes a tenth of
//! the time YAML does: `load::yaml::built_in` reads the JSON made from the
//! very text it is given, YAML otherwise. Splitting their 2,000 phrases
//! into words was most of the rest of the start: `normalize::phrase_table`
//! looks the built-in ones up in the table written here, made by the code
//! that splits any other phrase (included below, not copied).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// Only the splitting of phrases into words is used here.
#[allow(dead_code)]
#[path = "src/normalize"]
mod normalize {
    pub mod phrase_words;
    pub mod text;
}

use normalize::phrase_words::push_words;
use normalize::text::word_key;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = Path::new("src/data");
    println!("cargo::rerun-if-changed=src/data");
    println!("cargo::rerun-if-changed=src/normalize/text.rs");
    println!("cargo::rerun-if-changed=src/normalize/phrase_words.rs");
    let mut names: Vec<String> = std::fs::read_dir(data)
        .expect("src/data is readable")
        .map(|e| {
            e.expect("src/data entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    let mut table = String::from("&[\n");
    let mut strings = BTreeSet::new();
    for name in names {
        let path = data.join(&name);
        println!("cargo::rerun-if-changed={}", path.display());
        let yaml = std::fs::read_to_string(&path).expect("data file is UTF-8");
        // The options `load::yaml::parse` uses, so that scalars get the same types.
        let options = serde_saphyr::options! { strict_booleans: true };
        let value: serde_json::Value = serde_saphyr::from_str_with_options(&yaml, options)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        collect_strings(&value, &mut strings);
        let json = serde_json::to_string(&value).expect("JSON of a JSON value");
        std::fs::write(out.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
        writeln!(
            table,
            "    (include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/data/{name}\")), include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}.json\"))),"
        )
        .expect("writing to a String");
    }
    table.push(']');
    std::fs::write(out.join("data.rs"), table).expect("OUT_DIR is writable");
    std::fs::write(out.join("phrase_table.rs"), phrase_table(&strings))
        .expect("OUT_DIR is writable");
}

/// Every string of a data file, keys of mappings too (intensity.yaml's
/// measures and cues.yaml's parties are phrases written as keys): any of
/// them may be a phrase.
fn collect_strings(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            out.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.insert(key.clone());
                collect_strings(v, out);
            }
        }
        _ => {}
    }
}

/// The Rust source of the table `normalize::phrase_table` includes: each
/// phrase's words, and an open-addressing index by `word_key` of the
/// phrase (slot = entry + 1, 0 empty).
fn phrase_table(phrases: &BTreeSet<String>) -> String {
    let mut text = String::new();
    let mut word_texts: HashMap<String, [usize; 2]> = HashMap::new();
    let mut entries = String::new();
    let mut words = String::new();
    let mut word_count = 0;
    let mut keys = Vec::new();
    for phrase in phrases {
        let at = text.len();
        text.push_str(phrase);
        let mut split = Vec::new();
        push_words(phrase, &mut split);
        let first = word_count;
        for w in &split {
            let range = *word_texts.entry(w.text.to_string()).or_insert_with(|| {
                let from = text.len();
                text.push_str(&w.text);
                [from, text.len()]
            });
            writeln!(
                words,
                "    TableWord {{ text: {range:?}, key: {:#x}, prefix: {}, exact_case: {} }},",
                w.key, w.prefix, w.exact_case
            )
            .expect("writing to a String");
            word_count += 1;
        }
        writeln!(
            entries,
            "    TablePhrase {{ text: [{at}, {}], words: [{first}, {word_count}] }},",
            at + phrase.len()
        )
        .expect("writing to a String");
        keys.push(word_key(phrase));
    }
    let slots = index(&keys);
    format!(
        "/// A string hashed where the table was made, and its `word_key` there.\n\
         const HASH_PROBE: &str = {HASH_PROBE:?};\n\
         const HASH_PROBE_KEY: u64 = {:#x};\n\
         static TEXT: &str = {text:?};\n\
         static PHRASES: [TablePhrase; {}] = [\n{entries}];\n\
         static WORDS: [TableWord; {word_count}] = [\n{words}];\n\
         static SLOTS: [u16; {}] = {slots:?};\n",
        word_key(HASH_PROBE),
        keys.len(),
        slots.len(),
    )
}

/// A string `normalize::phrase_table` hashes to tell whether it hashes as
/// the machine that made the table did (the hash depends on the width of
/// its words): a target that hashes otherwise looks nothing up.
const HASH_PROBE: &str = "the built-in phrases";

/// Open addressing with linear probing, twice as many slots as entries.
fn index(keys: &[u64]) -> Vec<u16> {
    let size = (keys.len() * 2).next_power_of_two().max(16);
    let mut slots = vec![0u16; size];
    for (i, key) in keys.iter().enumerate() {
        let mut at = *key as usize & (size - 1);
        while slots[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        slots[at] = u16::try_from(i + 1).expect("fewer than 65,535 built-in phrases");
    }
    slots
}
