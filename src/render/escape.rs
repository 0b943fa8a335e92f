//! Text from a readout is untrusted: these make it safe to print in each format.

use std::fmt::Write;

/// Whether `c` would act on a terminal or reorder text rather than show:
/// C0 and C1 controls, DEL, and the bidirectional overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character shown as an escape (`\x1b`, `\r`, `\u{202e}`),
/// and a backslash that would start such an escape doubled, so that nothing
/// from a readout can move the cursor, change colors or set a title.
pub fn visible(s: &str) -> String {
    if !s.chars().any(|c| is_unsafe(c) || c == '\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) && (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// `visible(s)` with Markdown's inline syntax escaped, so a claim renders as
/// the words it holds (no stray emphasis, links, HTML or table cells).
pub fn markdown(s: &str) -> String {
    let shown = visible(s);
    let mut out = String::with_capacity(shown.len() + 8);
    // Digits from the start: "1." or "2)" there would begin an ordered list.
    let leading_digits = shown.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in shown.chars().enumerate() {
        let always = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '|'
                | '~'
                | '&'
        );
        // "-", "+" and "." only make markup at the start of a line ("- item",
        // "+ item", "1. item"); escaping them everywhere would litter ids and
        // dates ("us\-1", "2024\-05\-31") for nothing.
        let at_start = match c {
            '-' | '+' => i == 0,
            '.' => i == leading_digits && i > 0,
            _ => false,
        };
        if always || at_start {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `visible(s)` with HTML's special characters as entities.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in visible(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes a fragment of a JSON string with the characters serde_json leaves
/// raw but a terminal would obey or reorder written as `\uXXXX` escapes.
pub fn write_json_fragment<W: ?Sized + std::io::Write>(
    w: &mut W,
    fragment: &str,
) -> std::io::Result<()> {
    let mut rest = fragment;
    while let Some((i, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
        w.write_all(&rest.as_bytes()[..i])?;
        write!(w, "\\u{:04x}", c as u32)?;
        rest = &rest[i + c.len_utf8()..];
    }
    w.write_all(rest.as_bytes())
}

/// serde_json's pretty layout, except that the characters serde_json leaves
/// raw but a terminal would obey or reorder (DEL, C1 controls such as the
/// one-byte CSI, bidirectional overrides) are written as `\uXXXX` escapes.
/// The JSON still decodes to exactly the same strings.
pub struct JsonFormatter(serde_json::ser::PrettyFormatter<'static>);

impl Default for JsonFormatter {
    fn default() -> Self {
        JsonFormatter(serde_json::ser::PrettyFormatter::new())
    }
}

impl serde_json::ser::Formatter for JsonFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        write_json_fragment(w, fragment)
    }

    // The layout is PrettyFormatter's: delegate every method it overrides.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(
            visible("a\u{1b}[31mb\u{7}\r\u{9b}\u{202e}"),
            "a\\x1b[31mb\\x07\\r\\x9b\\u{202e}"
        );
        assert_eq!(visible("plain — text"), "plain — text");
        assert_eq!(visible("a\\x1b"), "a\\\\x1b");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let s = "a\u{1b}b\u{7f}c\u{9b}d\u{202e}e — ok";
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, JsonFormatter::default());
        serde::Serialize::serialize(&[s], &mut ser).expect("serializes");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text, "[\n  \"a\\u001bb\\u007fc\\u009bd\\u202ee — ok\"\n]");
        let back: Vec<String> = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, [s]);
    }

    #[test]
    fn list_markers_are_escaped_only_where_they_start_a_list() {
        assert_eq!(markdown("us-1 on 2024-05-31."), "us-1 on 2024-05-31.");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("+ item"), "\\+ item");
        assert_eq!(markdown("12. item"), "12\\. item");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            markdown("*a* [b](c) | <d>"),
            "\\*a\\* \\[b\\]\\(c\\) \\| \\<d\\>"
        );
        assert_eq!(html("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }
}
