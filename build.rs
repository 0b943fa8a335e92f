//! Build script: the built-in data (`src/data/*.yaml`) also as JSON. Every
//! command starts by reading the taxonomy and the cue lexicon, and parsing
//! them as JSON takes a tenth of the time YAML does: `load::yaml::built_in`
//! reads the JSON made from the very text it is given, YAML otherwise.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = Path::new("src/data");
    println!("cargo::rerun-if-changed=src/data");
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
    for name in names {
        let path = data.join(&name);
        println!("cargo::rerun-if-changed={}", path.display());
        let yaml = std::fs::read_to_string(&path).expect("data file is UTF-8");
        // The options `load::yaml::parse` uses, so that scalars get the same types.
        let options = serde_saphyr::options! { strict_booleans: true };
        let value: serde_json::Value = serde_saphyr::from_str_with_options(&yaml, options)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
}
