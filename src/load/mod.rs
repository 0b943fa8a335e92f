//! Load: read a readout file (or stdin), check it against schema version 1,
//! and hand back a [`Readout`]. Every refusal names file, line and column.

pub mod date;
mod doc;
mod fast;
mod schema;
pub(crate) mod suggest;
pub mod yaml;

use std::io::Read;

use crate::error::{Error, InputError};
use crate::model::{Claim, Meeting, Participant, Readout, Source};
use crate::normalize::fasthash::FxHashMap;
use crate::normalize::{cues, lists, sentences};
use doc::{At, Doc, Pos};
pub use suggest::did_you_mean;
pub use yaml::YamlLimits;

/// The schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Size limits on input, each with the flag that raises it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input file, in bytes (`--max-input-mb`).
    pub max_bytes: u64,
    /// Most claims in one readout (`--max-claims`).
    pub max_claims: usize,
    pub yaml: YamlLimits,
}

/// Default of `--max-input-mb`: a 16 MB claim still compares in seconds.
pub const DEFAULT_MAX_INPUT_MB: u64 = 16;

/// Default of `--max-claims`: a thousand claims a side, all on one topic,
/// compare in about two seconds and 200 MB (see the figures in docs/robustness.md).
pub const DEFAULT_MAX_CLAIMS: usize = 1_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_INPUT_MB * 1024 * 1024,
            max_claims: DEFAULT_MAX_CLAIMS,
            yaml: YamlLimits::default(),
        }
    }
}

/// Reads and checks the readout at `path` (`-` is standard input).
pub fn load_path(path: &str, limits: &Limits) -> Result<Readout, Error> {
    let text = read_text(path, limits)?;
    load_str(path, &text, limits)
}

/// Reads `path` (or stdin for `-`) as UTF-8 text, refusing binary, UTF-16,
/// directories and files over the size limit with a message that says so.
pub fn read_text(path: &str, limits: &Limits) -> Result<String, Error> {
    let bytes = read_bytes(path, limits)?;
    decode(path, bytes)
}

fn read_bytes(path: &str, limits: &Limits) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let cap = limits.max_bytes.saturating_add(1);
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", &e))?;
    } else {
        let is_dir = || Error::Io {
            path: path.to_string(),
            message: "is a directory, expected a readout file".to_string(),
        };
        // Opened first and asked its size through the handle: one lookup of
        // the path, and the whole file read in one go into a buffer of its
        // size (a check reads every file of the archive).
        let file = std::fs::File::open(path).map_err(|e| match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => is_dir(),
            _ => Error::io(path, &e),
        })?;
        let meta = file.metadata().map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            return Err(is_dir());
        }
        bytes.reserve_exact(usize::try_from(meta.len().min(cap)).unwrap_or(0) + 1);
        file.take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(Error::input(
            path,
            0,
            0,
            format!(
                "file is larger than the input limit of {} MB (raise it with --max-input-mb)",
                limits.max_bytes / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

fn decode(path: &str, mut bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::input(
            path,
            0,
            0,
            "file is UTF-16; readout files must be UTF-8",
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(offset) = text.find('\0') {
                let (line, column) = position(&text, offset);
                return Err(Error::input(
                    path,
                    line,
                    column,
                    "file contains NUL bytes: binary data or UTF-16, not a UTF-8 readout",
                ));
            }
            Ok(text)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (line, column) = position(&prefix, prefix.len());
            Err(Error::input(
                path,
                line,
                column,
                format!("invalid UTF-8 at byte {valid}: readout files must be UTF-8 text"),
            ))
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() as u64 + 1)
}

/// The 1-based `line` of `text`, shortened for an error message (the error's
/// `Display` escapes it).
pub(crate) fn excerpt(text: &str, line: u64) -> Option<String> {
    if line == 0 {
        return None;
    }
    let raw = text.lines().nth(line as usize - 1)?;
    let mut chars = raw.chars();
    let shown: String = chars.by_ref().take(160).collect();
    Some(if chars.next().is_some() {
        format!("{shown}…")
    } else {
        shown
    })
}

/// Parses and checks readout `text`; `origin` names it in errors and reports.
pub fn load_str(origin: &str, text: &str, limits: &Limits) -> Result<Readout, Error> {
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Error::input(
            origin,
            0,
            0,
            "empty readout: the file has no YAML content (expected `source:` and `claims:`)",
        ));
    }
    let yaml_limits = YamlLimits {
        max_scalar_bytes: usize::try_from(limits.max_bytes).unwrap_or(usize::MAX),
        ..limits.yaml
    };
    // Plain files (block mappings and lists of simple scalars, what tools
    // write) take the fast path; anything else, and anything `check` refuses,
    // goes through the full parser, whose errors are the ones reported.
    if let Some(doc) = fast::read(text, &yaml_limits)
        && let Ok(readout) = check(origin, text, doc, limits)
    {
        return Ok(readout);
    }
    let raw: schema::RawReadout = yaml::parse(origin, text, yaml_limits)?;
    check(origin, text, raw.into(), limits)
}

fn at(origin: &str, text: &str, loc: Pos, message: String, hint: Option<String>) -> Error {
    Error::Input(Box::new(InputError {
        path: origin.to_string(),
        line: loc.line(),
        column: loc.column(),
        message,
        hint,
        excerpt: excerpt(text, loc.line()),
    }))
}

fn check(origin: &str, text: &str, raw: Doc, limits: &Limits) -> Result<Readout, Error> {
    let version = match &raw.readout {
        Some(v) if v.value != SCHEMA_VERSION => {
            return Err(at(
                origin,
                text,
                v.referenced,
                format!("unsupported schema version {}", v.value),
                Some(format!(
                    "this build of readout reads `readout: {SCHEMA_VERSION}`"
                )),
            ));
        }
        _ => SCHEMA_VERSION,
    };
    let side = raw.source.side.value.trim().to_string();
    if side.is_empty() {
        return Err(at(
            origin,
            text,
            raw.source.side.referenced,
            "`source.side` is empty".to_string(),
            Some("name whose account this is, e.g. `side: United States`".to_string()),
        ));
    }

    let mut claims = Vec::new();
    let mut seen: FxHashMap<String, u64> = FxHashMap::default();
    if let Some(list) = &raw.claims {
        if list.value.len() > limits.max_claims {
            return Err(too_many(
                origin,
                text,
                list.referenced,
                list.value.len(),
                limits,
            ));
        }
        for (i, spanned) in list.value.iter().enumerate() {
            let c = &spanned.value;
            let claim_text = c.text.value.trim();
            if claim_text.is_empty() {
                return Err(at(
                    origin,
                    text,
                    c.text.referenced,
                    "claim text is empty".to_string(),
                    Some("write the claim, or remove the entry".to_string()),
                ));
            }
            let (id, id_loc) = match &c.id {
                Some(id) => (id.value.trim().to_string(), id.referenced),
                None => ((i + 1).to_string(), spanned.referenced),
            };
            if id.is_empty() {
                return Err(at(
                    origin,
                    text,
                    id_loc,
                    "claim id is empty".to_string(),
                    None,
                ));
            }
            if let Some(first) = seen.insert(id.clone(), id_loc.line()) {
                return Err(at(
                    origin,
                    text,
                    id_loc,
                    format!("duplicate claim id `{id}` (first used on line {first})"),
                    Some("claim ids must be unique in a file".to_string()),
                ));
            }
            if let Some(st) = &c.stance {
                let name = st.value.trim().to_lowercase();
                let stance_names = cues::override_names();
                if !stance_names.contains(&name) {
                    let hint = did_you_mean(&name, &stance_names)
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| format!("expected one of: {}", stance_names.join(", ")));
                    return Err(at(
                        origin,
                        text,
                        st.referenced,
                        format!("unknown stance `{}`", st.value),
                        Some(hint),
                    ));
                }
            }
            claims.push(Claim {
                id,
                text: claim_text.to_string(),
                speaker: nonempty(&c.speaker),
                quote: nonempty(&c.quote),
                topic: nonempty(&c.topic),
                stance: c.stance.as_ref().map(|s| s.value.trim().to_lowercase()),
                line: spanned.referenced.line(),
            });
        }
    }
    if let Some(statement) = &raw.statement {
        let base = statement.referenced.line();
        // A sentence listing several subjects becomes one claim per subject.
        let parts = sentences::split(&statement.value)
            .into_iter()
            .flat_map(|s| {
                let line = s.line;
                lists::split_list(&s.text)
                    .into_iter()
                    .map(move |t| (t, line))
            });
        for (sentence_text, sentence_line) in parts {
            let id = (claims.len() + 1).to_string();
            if let Some(first) = seen.insert(id.clone(), base) {
                return Err(at(
                    origin,
                    text,
                    statement.referenced,
                    format!(
                        "statement sentence would take id `{id}`, already used on line {first}"
                    ),
                    Some(
                        "give explicit claims ids that are not plain positions, e.g. `us-1`"
                            .to_string(),
                    ),
                ));
            }
            claims.push(Claim {
                id,
                text: sentence_text,
                line: base + sentence_line.saturating_sub(1),
                ..Claim::default()
            });
        }
        if claims.len() > limits.max_claims {
            return Err(too_many(
                origin,
                text,
                statement.referenced,
                claims.len(),
                limits,
            ));
        }
    }
    if claims.is_empty() {
        let loc = raw
            .claims
            .as_ref()
            .map(|c| c.referenced)
            .or(raw.statement.as_ref().map(|s| s.referenced));
        let message =
            "readout has no claims: give `claims:` with at least one `text:`, or a `statement:`"
                .to_string();
        return Err(match loc {
            Some(loc) => at(origin, text, loc, message, None),
            None => Error::input(origin, 1, 1, message),
        });
    }

    let meeting_date = raw.meeting.as_ref().and_then(|m| m.date.as_ref());
    let published = raw.source.published.as_ref();
    let meeting = raw.meeting.as_ref().map(|m| Meeting {
        title: nonempty(&m.title),
        date: None,
        place: nonempty(&m.place),
    });
    let mut meeting = meeting.unwrap_or_default();
    meeting.date = checked_date(origin, text, "meeting.date", meeting_date)?;
    let published = checked_date(origin, text, "source.published", published)?;
    Ok(Readout {
        origin: origin.to_string(),
        version,
        meeting,
        source: Source {
            side,
            issuer: nonempty(&raw.source.issuer),
            spokesperson: nonempty(&raw.source.spokesperson),
            url: nonempty(&raw.source.url),
            published,
        },
        participants: raw
            .participants
            .unwrap_or_default()
            .into_iter()
            .map(|p| Participant {
                name: p.name.trim().to_string(),
                role: nonempty(&p.role),
                side: nonempty(&p.side),
            })
            .collect(),
        claims,
    })
}

/// The date at `field`, trimmed, when it is an ISO 8601 calendar date; None
/// when absent or blank; an error at its position otherwise.
fn checked_date(
    origin: &str,
    text: &str,
    field: &str,
    value: Option<&At<String>>,
) -> Result<Option<String>, Error> {
    let Some(v) = value else { return Ok(None) };
    let s = v.value.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match date::parse(s) {
        Ok(_) => Ok(Some(s.to_string())),
        Err(e) => Err(at(
            origin,
            text,
            v.referenced,
            format!("`{field}` is `{s}`: {e}"),
            Some(e.hint()),
        )),
    }
}

fn too_many(origin: &str, text: &str, loc: Pos, n: usize, limits: &Limits) -> Error {
    at(
        origin,
        text,
        loc,
        format!(
            "readout has {n} claims, more than the limit of {}",
            limits.max_claims
        ),
        Some("raise the limit with --max-claims N".to_string()),
    )
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Readout, Error> {
        load_str("t.yaml", text, &Limits::default())
    }

    fn input_err(text: &str) -> InputError {
        match load(text) {
            Err(Error::Input(e)) => *e,
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn loads_minimal_readout_with_default_ids() {
        let r = load("source: {side: China}\nclaims:\n  - text: One.\n  - text: Two.\n")
            .expect("loads");
        assert_eq!(r.source.side, "China");
        let ids: Vec<_> = r.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(r.claims[1].line, 4);
    }

    #[test]
    fn statement_becomes_sentence_claims() {
        let r = load("source: {side: US}\nstatement: The U.S. side spoke. China replied.\n")
            .expect("loads");
        assert_eq!(r.claims.len(), 2);
        assert_eq!(r.claims[0].text, "The U.S. side spoke.");
    }

    #[test]
    fn statement_lists_become_one_claim_per_subject() {
        let r = load("source: {side: China}\nstatement: The two sides discussed Taiwan, Ukraine, the Korean Peninsula and other issues. Good.\n")
            .expect("loads");
        let texts: Vec<_> = r.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts[1], "The two sides discussed Ukraine.");
        assert_eq!(texts.len(), 5);
    }

    #[test]
    fn unknown_key_names_position_and_suggestion() {
        let e = input_err("source: {side: US}\nclaim:\n  - text: x\n");
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown key `claim`"), "{}", e.message);
        assert_eq!(e.hint.as_deref(), Some("did you mean `claims`?"));
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let e =
            input_err("source: {side: US}\nclaims:\n  - {id: a, text: x}\n  - {id: a, text: y}\n");
        assert_eq!(e.line, 4);
        assert!(e.message.contains("duplicate claim id `a`"));
    }

    #[test]
    fn empty_text_missing_side_and_version_are_refused() {
        assert!(
            input_err("source: {side: US}\nclaims:\n  - text: '  '\n")
                .message
                .contains("empty")
        );
        assert!(
            input_err("source: {issuer: x}\nclaims:\n  - text: a\n")
                .message
                .contains("`side`")
        );
        let e = input_err("readout: 2\nsource: {side: US}\nclaims:\n  - text: a\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("unsupported schema version 2"));
    }

    #[test]
    fn no_claims_and_empty_files_are_refused() {
        assert!(
            input_err("source: {side: US}\n")
                .message
                .contains("no claims")
        );
        assert!(
            input_err("# only a comment\n")
                .message
                .contains("empty readout")
        );
    }

    #[test]
    fn unknown_stance_gets_a_suggestion() {
        let e = input_err("source: {side: US}\nclaims:\n  - {text: a, stance: positiv}\n");
        assert_eq!(e.hint.as_deref(), Some("did you mean `positive`?"));
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(position("ab\ncdé", 7), (2, 4));
    }
}
