//! Quoted words: what a sentence quotes, straight or curly, including a
//! quotation that runs on from the sentence before.

/// The words the sentence quotes (several quotations joined by " … "), and
/// whether a quotation is still open at its end. `open` says whether one was
/// open at its start (a quotation running on from the sentence before).
pub(super) fn quotes(text: &str, open: bool) -> (Option<String>, bool) {
    let mut spans: Vec<String> = Vec::new();
    let mut current: Option<String> = open.then(String::new);
    // A quotation in single curly quotes (‘...’), outside double quotes; its
    // closing mark is also the apostrophe, so it closes only before a non-letter.
    let mut single: Option<String> = None;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let after_space =
            prev.is_none_or(|p| p.is_whitespace() || "([\u{2014}\u{2013}-".contains(p));
        let opens = c == '\u{201C}' || (c == '"' && current.is_none() && after_space);
        let closes = c == '\u{201D}' || (c == '"' && current.is_some());
        if current.is_none() && single.is_none() && c == '\u{2018}' && after_space {
            single = Some(String::new());
        } else if c == '\u{2019}'
            && single.is_some()
            && !chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        {
            spans.extend(single.take());
        } else if let Some(q) = single.as_mut() {
            q.push(c);
        } else if opens && current.is_none() {
            current = Some(String::new());
        } else if closes {
            if let Some(q) = current.take() {
                spans.push(q);
            }
        } else if let Some(q) = current.as_mut() {
            q.push(c);
        }
    }
    let still_open = current.is_some();
    spans.extend(current);
    let spans: Vec<String> = spans
        .into_iter()
        .map(|q| {
            q.trim()
                .trim_end_matches([',', ';', ':'])
                .trim()
                .to_string()
        })
        .filter(|q| q.chars().any(char::is_alphanumeric))
        .collect();
    (
        (!spans.is_empty()).then(|| spans.join(" \u{2026} ")),
        still_open,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(t: &str) -> Option<String> {
        quotes(t, false).0
    }

    #[test]
    fn straight_and_curly_quotations() {
        assert_eq!(
            q("Austin raised \u{201C}recent provocative\u{201D} activity."),
            Some("recent provocative".into())
        );
        assert_eq!(
            q("He said \"no,\" then \"never.\""),
            Some("no \u{2026} never.".into())
        );
        assert_eq!(
            q("China's role was \"not wanted\" and it's Austin's."),
            Some("not wanted".into())
        );
        assert_eq!(q("No quotes here."), None);
        assert_eq!(q("An empty \"\" quote."), None);
        assert_eq!(
            q("Dong said China\u{2019}s \u{2018}core interests\u{2019} brook no compromise."),
            Some("core interests".into())
        );
        assert_eq!(q("It is China\u{2019}s and the Army\u{2019}s view."), None);
    }

    #[test]
    fn a_quotation_runs_on_across_sentences() {
        assert_eq!(
            quotes("\"First part.", false),
            (Some("First part.".into()), true)
        );
        assert_eq!(
            quotes("Second part,\" he said.", true),
            (Some("Second part".into()), false)
        );
    }
}
