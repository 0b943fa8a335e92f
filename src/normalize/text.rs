//! The matching form of text: what comparison sees, with typography folded away.

use std::borrow::Cow;
use std::hash::Hasher;

use compact_str::{CompactString, ToCompactString};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// NFKC, curly quotes and dashes folded to ASCII, lowercased, whitespace collapsed.
/// Idempotent: `matching_form(matching_form(s)) == matching_form(s)`.
pub fn matching_form(s: &str) -> String {
    collapse(&fold(s).to_lowercase())
}

/// NFKC plus quote and dash folding, case kept.
pub fn fold(s: &str) -> String {
    folded(s).into_owned()
}

/// `fold`, borrowing plain ASCII with nothing to fold (nearly every phrase
/// and claim): the tokenizer reads it as it is, without a copy.
fn folded(s: &str) -> Cow<'_, str> {
    // NFKC leaves ASCII as it is: most readouts skip the normalization tables.
    if s.is_ascii() {
        if !s.bytes().any(|b| b == b'`' || b < b' ' || b == 0x7F) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.chars().map(fold_char).collect());
    }
    let folded: String = nfkc(s).chars().map(fold_char).collect();
    // NFKC of a folded character can expose new foldable ones only for
    // compatibility forms we do not map, so one pass is enough; the
    // second NFKC keeps the result stable under repetition.
    Cow::Owned(nfkc(&folded))
}

/// NFKC of `s`. Most text is already normalized (composed letters): the
/// quick check spares rewriting it, which dominates the time of very long
/// claims.
fn nfkc(s: &str) -> String {
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfkc().collect()
    }
}

/// Curly quotes and dashes to ASCII, whitespace and controls to a space.
fn fold_char(c: char) -> char {
    // Nearly every character is ASCII: settle those without the Unicode
    // tables (ASCII whitespace is all below the space, or is the space).
    if c.is_ascii() {
        return match c {
            '`' => '\'',
            c if c < ' ' || c == '\u{7F}' => ' ',
            c => c,
        };
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c if c.is_control() => ' ',
        c => c,
    }
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A word of a claim: lowercased `norm` for matching, `orig` for case-sensitive
/// cues (acronyms), and the hashes phrase tables look it up by.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub norm: CompactString,
    pub orig: CompactString,
    /// `word_key(norm)`: a claim's words are looked up in a dozen phrase
    /// tables, so each is hashed once, when it is made.
    pub key: u64,
    /// `word_key` of `norm`'s first `PREFIX_CHARS` characters, for phrases
    /// that start with a wildcard word ("cyber*").
    pub prefix_key: u64,
    /// A mark of punctuation inside the sentence follows the word (a comma,
    /// semicolon, colon or bracket): the words on either side belong to
    /// different phrases.
    pub pause: bool,
}

impl Token {
    fn new(norm: CompactString, orig: CompactString) -> Token {
        let key = word_key(&norm);
        let prefix_key = word_key(word_prefix(&norm));
        Token {
            norm,
            orig,
            key,
            prefix_key,
            pause: false,
        }
    }
}

/// Characters of a word that index the phrases starting with a wildcard.
const PREFIX_CHARS: usize = 3;

/// A word's first `PREFIX_CHARS` characters (all of a shorter word).
pub fn word_prefix(word: &str) -> &str {
    match word.char_indices().nth(PREFIX_CHARS) {
        Some((end, _)) => &word[..end],
        None => word,
    }
}

/// The hash a word is looked up by. Equal words have equal keys; phrase
/// tables still compare the words themselves, so a collision costs a
/// comparison, never a wrong match.
pub fn word_key(word: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Marks inside a sentence that end a phrase (`Token::pause`). Dashes are
/// folded into hyphens, which join words, so they are not among them.
const PAUSES: [char; 5] = [',', ';', ':', '(', ')'];

/// Splits folded text into word tokens: letters and digits, keeping an inner
/// apostrophe or hyphen ("china's" -> "china", "'s"; "mil-mil" -> "mil", "mil").
pub fn tokens(s: &str) -> Vec<Token> {
    let folded = folded(s);
    let mut out = Vec::new();
    // Words are slices of the folded text: no copy a character at a time.
    let flush = |from: Option<usize>, to: usize, out: &mut Vec<Token>| {
        if let Some(from) = from {
            let word = &folded[from..to];
            out.push(Token::new(lowercase(word), CompactString::from(word)));
        }
    };
    let mut start: Option<usize> = None;
    let mut chars = folded.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if c == '\''
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphabetic())
        {
            // Possessive or contraction: keep the stem as its own token.
            flush(start, i, &mut out);
            start = Some(i);
        } else if c == '\'' && start.is_none() && lone_possessive(&folded[i + 1..]) {
            // A possessive written alone ("'s request" in a word list)
            // is the token a claim's possessive makes ("premier's
            // request" -> "premier", "'s", "request").
            start = Some(i);
        } else {
            let word = start.is_some();
            flush(start.take(), i, &mut out);
            if word && PAUSES.contains(&c) {
                out.last_mut().expect("a word was just flushed").pause = true;
            }
        }
    }
    flush(start, folded.len(), &mut out);
    expand_contractions(&mut out);
    out
}

/// Whether `rest` (what follows an apostrophe) is a lone "s": the
/// possessive, not a quoted word.
fn lone_possessive(rest: &str) -> bool {
    let mut c = rest.chars();
    matches!(c.next(), Some('s' | 'S')) && !c.next().is_some_and(char::is_alphanumeric)
}

/// `s` lowercased, borrowed when it has no capital (most keywords, which
/// the taxonomy lowercases by the thousand at start-up).
pub fn lowercased(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// A word lowercased; ASCII words (nearly all) without the Unicode tables.
fn lowercase(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut out = CompactString::from(word);
        out.make_ascii_lowercase();
        out
    } else {
        word.to_lowercase().to_compact_string()
    }
}

/// "doesn't" reads as "does not", so negation and denial cues see it.
fn expand_contractions(toks: &mut [Token]) {
    for i in 1..toks.len() {
        if toks[i].norm == "'t" && toks[i - 1].norm.ends_with('n') {
            let prev = &mut toks[i - 1];
            let (norm, cut) = match prev.norm.as_str() {
                "can" => (CompactString::const_new("can"), 0),
                "won" => (CompactString::const_new("will"), 1),
                w => (CompactString::from(&w[..w.len() - 1]), 1),
            };
            let orig = CompactString::from(&prev.orig[..prev.orig.len() - cut]);
            *prev = Token::new(norm, orig);
            toks[i] = Token::new(
                CompactString::const_new("not"),
                CompactString::const_new("not"),
            );
        }
    }
}

/// The `len` tokens from `start` as the text writes them, one space apart:
/// the words a cue matched, quoted in a reason.
pub fn span(toks: &[Token], start: usize, len: usize) -> String {
    toks[start..start + len]
        .iter()
        .map(|t| t.orig.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A light English stemmer for similarity: enough to meet "concerns"/"concern",
/// "supporting"/"support", "provided"/"provide".
pub fn stem(word: &str) -> String {
    let w = word;
    let n = char_count(w);
    if n <= 4 {
        return w
            .strip_suffix('s')
            .filter(|s| s.len() >= 3 && !w.ends_with("ss"))
            .unwrap_or(w)
            .to_string();
    }
    let last = w.as_bytes().last();
    for suffix in [
        "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s",
    ] {
        // The last letter first: most suffixes end otherwise, and are
        // ruled out without comparing the rest.
        if last == suffix.as_bytes().last()
            && let Some(stem) = w.strip_suffix(suffix)
            && char_count(stem) >= 3
            && !(suffix == "s" && w.ends_with("ss"))
        {
            return match suffix {
                "ies" | "ied" => [stem, "y"].concat(),
                _ => stem.to_string(),
            };
        }
    }
    w.to_string()
}

/// The characters of `s`, counted by its length when it is ASCII (nearly
/// every word: thousands are stemmed in a comparison).
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Above this share of letters outside the Latin script, a text is taken
/// for one not in English. Half: a Chinese or Arabic readout quoting English
/// names stays well above it, an English one quoting a Chinese phrase well below.
pub const NON_LATIN_SHARE: f64 = 0.5;

/// Whether more than `NON_LATIN_SHARE` of the letters in `texts` are outside
/// the Latin script (CJK, Arabic, Cyrillic, ...): topic and stance detection
/// reads English words, so such a text looks silent on every topic.
/// Digits, punctuation and spaces do not count; a text with no letter is not.
pub fn mostly_non_latin<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut letters, mut other) = (0usize, 0usize);
    for c in texts.into_iter().flat_map(str::chars) {
        if c.is_alphabetic() {
            letters += 1;
            if !is_latin(c) {
                other += 1;
            }
        }
    }
    letters > 0 && other as f64 > letters as f64 * NON_LATIN_SHARE
}

/// Whether `c` is in a Latin block: ASCII, Latin-1, Extended-A to -E,
/// Extended Additional, and the fullwidth forms.
fn is_latin(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{AA}' | '\u{BA}' | '\u{C0}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}' | '\u{FB00}'..='\u{FB06}' | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_latin_text_is_told_apart() {
        assert!(mostly_non_latin([
            "中方表示，台湾问题是中国核心利益中的核心。"
        ]));
        assert!(mostly_non_latin(["Министр обороны провёл переговоры."]));
        assert!(mostly_non_latin(["أكد الجانب الصيني على أهمية الحوار"]));
        assert!(mostly_non_latin(["董军 said 中美两军应加强沟通与合作"]));
        assert!(!mostly_non_latin(["Austin met Dong in Singapore."]));
        assert!(!mostly_non_latin([
            "Émile Zoë and Łukasz agreed, café à São Paulo."
        ]));
        assert!(!mostly_non_latin([
            "Wang Yi said the \u{201C}一个中国\u{201D} principle is the basis of ties."
        ]));
        assert!(!mostly_non_latin(["2024 -- 123 ... !"]));
        assert!(!mostly_non_latin(std::iter::empty()));
    }

    #[test]
    fn folds_typography_and_case() {
        assert_eq!(
            matching_form("  China\u{2019}s  \u{201C}Role\u{201D}\u{2014}now "),
            "china's \"role\"-now"
        );
        assert_eq!(matching_form("ﬁne Ｗide"), "fine wide");
    }

    #[test]
    fn ascii_characters_fold_as_the_general_rules_say() {
        for b in 0u8..128 {
            let c = char::from(b);
            let general = match c {
                '`' => '\'',
                c if c.is_whitespace() || c.is_control() => ' ',
                c => c,
            };
            assert_eq!(fold_char(c), general, "{b}");
        }
    }

    #[test]
    fn ascii_fast_path_folds_like_nfkc() {
        for s in [
            "a`b\tc\u{7}d\re  f",
            "Plain ASCII, with 'quotes' and \"more\".",
        ] {
            let slow: String = s.nfkc().map(fold_char).collect::<String>().nfkc().collect();
            assert_eq!(fold(s), slow);
        }
    }

    #[test]
    fn matching_form_is_idempotent() {
        for s in ["A\u{2014}b \u{201C}c\u{201D}", "Ⅻ ß ǅ", "x\u{0301}\u{212B}"] {
            let once = matching_form(s);
            assert_eq!(matching_form(&once), once);
        }
    }

    #[test]
    fn tokens_split_possessives_and_hyphens() {
        let t: Vec<_> = tokens("China\u{2019}s mil-mil U.S.")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(t, ["china", "'s", "mil", "mil", "u", "s"]);
    }

    #[test]
    fn contractions_read_as_negations() {
        let t: Vec<_> = tokens("US doesn\u{2019}t seek; won't; can't")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(
            t,
            ["us", "does", "not", "seek", "will", "not", "can", "not"]
        );
    }

    #[test]
    fn a_possessive_written_alone_is_the_token_a_claim_makes() {
        let alone: Vec<_> = tokens("'s request").into_iter().map(|t| t.norm).collect();
        let claimed: Vec<_> = tokens("the Premier's request")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(alone, ["'s", "request"]);
        assert_eq!(claimed[2..], alone[..]);
        // A quoted word is no possessive.
        let quoted: Vec<_> = tokens("'stable' ties")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(quoted, ["stable", "ties"]);
    }

    #[test]
    fn tokens_keep_apostrophes_only_before_letters() {
        let t: Vec<_> = tokens("a'b'c rock'n'roll o' 'tis 1'2 Ünïcödé's")
            .into_iter()
            .map(|t| t.orig)
            .collect();
        assert_eq!(
            t,
            [
                "a",
                "'b",
                "'c",
                "rock",
                "'n",
                "'roll",
                "o",
                "tis",
                "1",
                "2",
                "Ünïcödé",
                "'s"
            ]
        );
    }

    #[test]
    fn stems_common_suffixes() {
        assert_eq!(stem("concerns"), "concern");
        assert_eq!(stem("supporting"), "support");
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("press"), "press");
    }
}
