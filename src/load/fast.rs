//! The fast path of loading: a strict reader for the plain shape tools and
//! most analysts write (block mappings, block lists of mappings, one-line
//! scalars, one-line flow mappings of plain scalars as list items). A cold
//! `check` parses every file of the archive, and the full YAML parser was
//! the largest share of its time. Anything outside that shape (other flow
//! style, anchors, tags, multi-line or escaped scalars, values
//! YAML would read as null, booleans or numbers, duplicate or unknown keys)
//! is declined, and the file goes to the full parser: this reader never
//! accepts a file the full parser would refuse or read differently (the
//! tests hold it to that on the corpus, the YAML test suite and the bad
//! fixtures).

use super::doc::{At, Doc, DocClaim, DocMeeting, DocParticipant, DocSource, Pos};
use super::yaml::YamlLimits;

/// Deepest nesting the plain shape has: document, list, item, scalar.
const PLAIN_DEPTH: usize = 4;

/// The document of `text` when it has the plain shape, else None.
pub(super) fn read(text: &str, limits: &YamlLimits) -> Option<Doc> {
    // Within these bounds no structural limit of the full parser can be
    // reached: every node and every scalar byte is at least one byte of text.
    if text.len() > limits.max_scalar_bytes
        || text.len() > limits.max_nodes
        || limits.max_depth < PLAIN_DEPTH
        || !plain_characters(text)
    {
        return None;
    }
    Reader::new(text).document()
}

/// Whether every character is one the full parser takes as it is in a
/// one-line scalar: printable, no tab, no carriage return, no byte-order
/// mark or line separator inside.
fn plain_characters(text: &str) -> bool {
    let ascii_ok = |b: u8| b == b'\n' || (b' '..=b'~').contains(&b);
    if text.bytes().all(ascii_ok) {
        return true;
    }
    text.chars().all(|c| {
        if c.is_ascii() {
            ascii_ok(c as u8)
        } else {
            !matches!(
                c,
                '\u{80}'
                    ..='\u{9F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            )
        }
    })
}

/// One line that holds something: its number, indentation and content.
#[derive(Clone, Copy)]
struct Line<'a> {
    number: u64,
    indent: usize,
    content: &'a str,
}

struct Reader<'a> {
    lines: std::iter::Peekable<Box<dyn Iterator<Item = Line<'a>> + 'a>>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        let lines: Box<dyn Iterator<Item = Line<'a>> + 'a> =
            Box::new(text.split('\n').enumerate().filter_map(|(i, raw)| {
                let content = raw.trim_start_matches(' ');
                // Blank lines and whole-line comments hold nothing.
                (!content.trim_end().is_empty() && !content.starts_with('#')).then(|| Line {
                    number: i as u64 + 1,
                    indent: raw.len() - content.len(),
                    content,
                })
            }));
        Reader {
            lines: lines.peekable(),
        }
    }

    fn document(mut self) -> Option<Doc> {
        let mut readout = None;
        let mut meeting = None;
        let mut source = None;
        let mut participants = None;
        let mut claims = None;
        let mut statement = None;
        while let Some(line) = self.lines.next() {
            if line.indent != 0 {
                return None;
            }
            let (key, value) = key_value(line, 0)?;
            match (key, value) {
                ("readout", Some(v)) => set(&mut readout, version(v)?)?,
                ("statement", Some(v)) => set(&mut statement, scalar(v)?)?,
                ("meeting", None) => set(&mut meeting, self.meeting()?)?,
                ("source", None) => set(&mut source, self.source()?)?,
                ("participants", None) => set(&mut participants, self.participants()?)?,
                ("claims", None) => {
                    let at = self.lines.peek()?.number;
                    let list = self.claims()?;
                    set(
                        &mut claims,
                        At {
                            value: list,
                            referenced: Pos {
                                line: at,
                                column: 1,
                            },
                        },
                    )?
                }
                _ => return None,
            }
        }
        Some(Doc {
            readout,
            meeting,
            source: source?,
            participants,
            claims,
            statement,
        })
    }

    /// The `key: value` lines of a nested block mapping, all at one indentation.
    fn fields(&mut self) -> Option<Fields<'a>> {
        let indent = self.lines.peek().map(|l| l.indent).filter(|&i| i > 0)?;
        let mut out = Vec::new();
        while let Some(&line) = self.lines.peek() {
            if line.indent == 0 {
                break;
            }
            if line.indent != indent {
                return None;
            }
            self.lines.next();
            let (key, value) = key_value(line, indent)?;
            out.push((key, value?));
        }
        Some(out)
    }

    fn meeting(&mut self) -> Option<DocMeeting> {
        let mut m = DocMeeting::default();
        for (key, v) in self.fields()? {
            match key {
                "title" => set(&mut m.title, scalar(v)?.value)?,
                "date" => set(&mut m.date, scalar(v)?)?,
                "place" => set(&mut m.place, scalar(v)?.value)?,
                _ => return None,
            }
        }
        Some(m)
    }

    fn source(&mut self) -> Option<DocSource> {
        let (mut side, mut issuer, mut spokesperson, mut url, mut published) =
            (None, None, None, None, None);
        for (key, v) in self.fields()? {
            match key {
                "side" => set(&mut side, scalar(v)?)?,
                "issuer" => set(&mut issuer, scalar(v)?.value)?,
                "spokesperson" => set(&mut spokesperson, scalar(v)?.value)?,
                "url" => set(&mut url, scalar(v)?.value)?,
                "published" => set(&mut published, scalar(v)?)?,
                _ => return None,
            }
        }
        Some(DocSource {
            side: side?,
            issuer,
            spokesperson,
            url,
            published,
        })
    }

    /// The items of a block list of mappings (`- key: value` then `key:
    /// value` lines under the first key), each with the line it starts on.
    fn items(&mut self) -> Option<Vec<(u64, Fields<'a>)>> {
        let first = *self.lines.peek()?;
        let dash = first.indent;
        let keys = dash + 2;
        let mut out: Vec<(u64, Fields<'a>)> = Vec::new();
        // An item written `- {key: value, ...}` is whole on its line.
        let mut last_in_flow = false;
        while let Some(&line) = self.lines.peek() {
            if line.indent == dash && line.content.starts_with("- ") {
                let rest = &line.content[2..];
                if rest.starts_with(' ') {
                    return None;
                }
                last_in_flow = rest.starts_with('{');
                if last_in_flow {
                    out.push((line.number, flow_fields(rest, line.number, keys)?));
                } else {
                    let inner = Line {
                        indent: keys,
                        content: rest,
                        ..line
                    };
                    let (key, value) = key_value(inner, keys)?;
                    out.push((line.number, vec![(key, value?)]));
                }
            } else if line.indent == keys && !out.is_empty() && !last_in_flow {
                let (key, value) = key_value(line, keys)?;
                out.last_mut()?.1.push((key, value?));
            } else if line.indent == 0 {
                break;
            } else {
                return None;
            }
            self.lines.next();
        }
        (!out.is_empty()).then_some(out)
    }

    fn claims(&mut self) -> Option<Vec<At<DocClaim>>> {
        let mut out = Vec::new();
        for (number, fields) in self.items()? {
            let (mut id, mut text, mut speaker, mut quote, mut topic, mut stance) =
                (None, None, None, None, None, None);
            for (key, v) in fields {
                match key {
                    "id" => set(&mut id, scalar(v)?)?,
                    "text" => set(&mut text, scalar(v)?)?,
                    "speaker" => set(&mut speaker, scalar(v)?.value)?,
                    "quote" => set(&mut quote, scalar(v)?.value)?,
                    "topic" => set(&mut topic, scalar(v)?.value)?,
                    "stance" => set(&mut stance, scalar(v)?)?,
                    _ => return None,
                }
            }
            out.push(At {
                value: DocClaim {
                    id,
                    text: text?,
                    speaker,
                    quote,
                    topic,
                    stance,
                },
                referenced: Pos {
                    line: number,
                    column: 1,
                },
            });
        }
        Some(out)
    }

    fn participants(&mut self) -> Option<Vec<DocParticipant>> {
        let mut out = Vec::new();
        for (_, fields) in self.items()? {
            let (mut name, mut role, mut side) = (None, None, None);
            for (key, v) in fields {
                match key {
                    "name" => set(&mut name, scalar(v)?.value)?,
                    "role" => set(&mut role, scalar(v)?.value)?,
                    "side" => set(&mut side, scalar(v)?.value)?,
                    _ => return None,
                }
            }
            out.push(DocParticipant {
                name: name?,
                role,
                side,
            });
        }
        Some(out)
    }
}

/// Fills an empty slot; a key given twice declines the file.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// The `key: value` pairs of one mapping, in file order.
type Fields<'a> = Vec<(&'a str, Value<'a>)>;

/// The text of a value after its key, and where it starts.
#[derive(Clone, Copy)]
struct Value<'a> {
    text: &'a str,
    at: Pos,
}

/// Splits `key: value` (a lowercase key); the value is None when the key
/// opens a block (nothing after the colon).
fn key_value<'a>(line: Line<'a>, indent: usize) -> Option<(&'a str, Option<Value<'a>>)> {
    let colon = line.content.find(':')?;
    let key = &line.content[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let rest = &line.content[colon + 1..];
    if rest.trim_end().is_empty() {
        return Some((key, None));
    }
    let value = rest.strip_prefix(' ')?.trim_start_matches(' ');
    let column = indent + line.content.len() - value.len() + 1;
    Some((
        key,
        Some(Value {
            text: value.trim_end_matches(' '),
            at: Pos {
                line: line.number,
                column: column as u64,
            },
        }),
    ))
}

/// The fields of a one-line flow mapping, `{name: Dong Jun, side: China}`,
/// starting at column `column` (from 0) of line `number`: lowercase keys and
/// plain values only. A flow value cannot hold `,[]{}`; one holding a quote,
/// `#` or `:` is declined rather than read by flow rules, as is a mapping
/// that spans lines or has an empty entry.
fn flow_fields(text: &str, number: u64, column: usize) -> Option<Fields<'_>> {
    let inner = text
        .trim_end_matches(' ')
        .strip_prefix('{')?
        .strip_suffix('}')?;
    if inner.contains(['{', '}', '[', ']', '"', '\'', '#']) {
        return None;
    }
    let mut out = Vec::new();
    let mut offset = column + 1;
    for entry in inner.split(',') {
        let lead = entry.len() - entry.trim_start_matches(' ').len();
        let (key, raw) = entry[lead..].split_once(": ")?;
        let value = raw.trim_matches(' ');
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) || value.contains(':') {
            return None;
        }
        plain(value)?;
        let spaces = raw.len() - raw.trim_start_matches(' ').len();
        let at = offset + lead + key.len() + 2 + spaces + 1;
        out.push((
            key,
            Value {
                text: value,
                at: Pos {
                    line: number,
                    column: at as u64,
                },
            },
        ));
        offset += entry.len() + 1;
    }
    Some(out)
}

/// `readout: 1`: a plain decimal number without sign or leading zero.
fn version(v: Value<'_>) -> Option<At<u32>> {
    let t = v.text;
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || (t.len() > 1 && t.starts_with('0'))
    {
        return None;
    }
    Some(At {
        value: t.parse().ok()?,
        referenced: v.at,
    })
}

/// A one-line scalar the full parser reads as this very string.
fn scalar(v: Value<'_>) -> Option<At<String>> {
    let t = v.text;
    let value = match t.as_bytes()[0] {
        b'"' => double_quoted(t)?,
        b'\'' => single_quoted(t)?,
        _ => plain(t)?.to_string(),
    };
    Some(At {
        value,
        referenced: v.at,
    })
}

/// `"..."` with no escape, closed on its line.
fn double_quoted(t: &str) -> Option<String> {
    let inner = &t[1..];
    let close = inner.find('"')?;
    let (body, after) = (&inner[..close], &inner[close + 1..]);
    (after.is_empty() && !body.contains('\\')).then(|| body.to_string())
}

/// `'...'` with `''` for a quote, closed on its line.
fn single_quoted(t: &str) -> Option<String> {
    let mut out = String::with_capacity(t.len());
    let mut chars = t[1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\'' {
            out.push(c);
        } else if chars.peek().is_some_and(|&(_, n)| n == '\'') {
            chars.next();
            out.push('\'');
        } else {
            return (i + 2 == t.len()).then_some(out);
        }
    }
    None
}

/// A plain scalar YAML reads as text: it starts with a letter (or any
/// non-ASCII character), holds no `: ` or ` #`, and is no null or boolean
/// word. One starting with a digit is taken only as an ISO date or as words.
fn plain(t: &str) -> Option<&str> {
    let first = t.chars().next()?;
    if first.is_ascii() && !first.is_ascii_alphanumeric() {
        return None;
    }
    if t.contains(": ") || t.ends_with(':') || t.contains(" #") {
        return None;
    }
    const WORDS: [&str; 10] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan",
    ];
    if WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return None;
    }
    if first.is_ascii_digit() && !(is_iso_date(t) || t.contains(' ')) {
        return None;
    }
    Some(t)
}

fn is_iso_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Option<Doc> {
        read(text, &YamlLimits::default())
    }

    #[test]
    fn reads_the_plain_shape() {
        let d = doc("readout: 1\nmeeting:\n  title: Talks\n  date: 2024-05-31\nsource:\n  side: United States\n# a comment\nclaims:\n  - id: us-1\n    text: \"Austin said: no.\"\n    speaker: Austin\n\n  - text: 'it''s fine'\n")
            .expect("plain");
        assert_eq!(d.readout.map(|v| v.value), Some(1));
        assert_eq!(d.source.side.value, "United States");
        let claims = d.claims.expect("claims").value;
        assert_eq!(claims[0].value.text.value, "Austin said: no.");
        assert_eq!(claims[0].referenced.line, 9);
        assert_eq!(claims[1].value.text.value, "it's fine");
        assert_eq!(claims[1].referenced.line, 13);
    }

    #[test]
    fn reads_one_line_flow_items() {
        let d = doc("source:\n  side: United States\nparticipants:\n  - {name: Lloyd J. Austin III, role: Secretary of Defense, side: United States}\n  - name: Dong Jun\n    side: China\nclaims:\n  - {id: us-1, text: Austin met Dong}\n")
            .expect("plain");
        let p = d.participants.expect("participants");
        assert_eq!(p[0].name, "Lloyd J. Austin III");
        assert_eq!(p[0].role.as_deref(), Some("Secretary of Defense"));
        assert_eq!(p[1].side.as_deref(), Some("China"));
        let claims = d.claims.expect("claims").value;
        assert_eq!(claims[0].value.text.value, "Austin met Dong");
        assert_eq!(claims[0].value.text.referenced.column, 22);
        // A value that also occurs in its key is placed after the key.
        let d = doc("source:\n  side: US\nclaims:\n  - {text: t,  id: i}\n").expect("plain");
        let claim = &d.claims.expect("claims").value[0].value;
        assert_eq!(claim.text.referenced.column, 12);
        assert_eq!(claim.id.as_ref().map(|i| i.referenced.column), Some(20));
    }

    #[test]
    fn declines_everything_else() {
        for text in [
            "source: {side: US}\nclaims:\n  - text: a\n",
            "source:\n  side: US\nclaims:\n  - text: a\n    more\n",
            "source:\n  side: US\nclaims:\n  - text: \"a\\tb\"\n",
            "source:\n  side: US\nclaims:\n  - text: \"open\n      close\"\n",
            "source:\n  side: US\nclaims:\n  - text: true\n",
            "source:\n  side: US\nclaims:\n  - text: 12\n",
            "source:\n  side: US\nclaims:\n  - text: a # comment\n",
            "source:\n  side: US\n  side: China\nclaims:\n  - text: a\n",
            "source:\n  side: US\nclaims:\n  - text: a\n  - txt: b\n",
            "source:\n  side: &s US\nclaims:\n  - text: a\n",
            "source:\n  side: US\nclaims:\n  - text: |\n      a\n",
            "source:\n\tside: US\n",
            "---\nsource:\n  side: US\nclaims:\n  - text: a\n",
            "readout: 01\nsource:\n  side: US\nclaims:\n  - text: a\n",
            "claims:\n  - text: a\n",
            "source:\n  side: US\nclaims:\n  - {text: a, }\n",
            "source:\n  side: US\nclaims:\n  - {text: \"a, b\"}\n",
            "source:\n  side: US\nclaims:\n  - {text: a}\n    id: b\n",
            "source:\n  side: US\nclaims:\n  - {text: a:b}\n",
            "source:\n  side: US\nclaims:\n  - {text: a\n    }\n",
            "source:\n  side: US\nclaims:\n  - {text: null}\n",
            "source:\n  side: US\nclaims:\n  - {text: a} # note\n",
            "source:\n  side: US\nclaims:\n  - {text: [a]}\n",
        ] {
            assert!(doc(text).is_none(), "{text:?}");
        }
    }

    /// Every YAML file of the repository (corpus, fixtures, the YAML test
    /// suite) and variants of each readout: where the fast path reads a
    /// file, the full parser reads the same readout from it.
    #[test]
    fn reads_what_the_full_parser_reads() {
        let mut files = Vec::new();
        for root in ["readouts", "tests/fixtures", "examples"] {
            collect(std::path::Path::new(root), &mut files);
        }
        assert!(files.len() > 700, "{} files", files.len());
        let (mut read_fast, mut declined) = (0, 0);
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for variant in variants(&text) {
                match doc(&variant) {
                    Some(fast) => {
                        read_fast += 1;
                        same_as_full(&path.to_string_lossy(), &variant, fast);
                    }
                    None => declined += 1,
                }
            }
        }
        assert!(
            read_fast > 40 && declined > 500,
            "{read_fast} read, {declined} declined"
        );
    }

    fn same_as_full(name: &str, text: &str, fast: Doc) {
        let limits = crate::load::Limits::default();
        let full =
            crate::load::yaml::parse::<crate::load::schema::RawReadout>(name, text, limits.yaml);
        let full = match full {
            Ok(raw) => Doc::from(raw),
            Err(e) => panic!("{name}: the fast path read what the parser refuses ({e}):\n{text}"),
        };
        assert_eq!(lines_only(fast), lines_only(full), "{name}:\n{text}");
    }

    /// Columns only ever reach error messages, which the full parser's
    /// path writes; lines reach the readout.
    fn lines_only(mut d: Doc) -> String {
        fn fix<T>(a: &mut At<T>) {
            a.referenced.column = 0;
        }
        d.readout.as_mut().map(fix);
        d.statement.as_mut().map(fix);
        fix(&mut d.source.side);
        d.source.published.as_mut().map(fix);
        if let Some(m) = d.meeting.as_mut() {
            m.date.as_mut().map(fix);
        }
        if let Some(c) = d.claims.as_mut() {
            fix(c);
            for claim in &mut c.value {
                fix(claim);
                fix(&mut claim.value.text);
                claim.value.id.as_mut().map(fix);
                claim.value.stance.as_mut().map(fix);
            }
        }
        format!("{d:?}")
    }

    /// The file, and the file with its flow-style participants written as
    /// a block list (so the corpus exercises that branch too).
    fn variants(text: &str) -> Vec<String> {
        let mut block = String::new();
        for line in text.lines() {
            match line.strip_prefix("  - {").and_then(|l| l.strip_suffix('}')) {
                Some(inner) if !inner.contains('"') => {
                    for (i, field) in inner.split(", ").enumerate() {
                        block.push_str(if i == 0 { "  - " } else { "    " });
                        block.push_str(field);
                        block.push('\n');
                    }
                }
                _ => {
                    block.push_str(line);
                    block.push('\n');
                }
            }
        }
        vec![text.to_string(), block]
    }

    fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
}
