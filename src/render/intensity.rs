//! Intensity as the reports word it (`compare --intensity`), shared by the
//! text, Markdown and HTML renderers.

use crate::report::{Report, TopicReport};

/// Each side's strongest level on the topic, for the sides that speak to it:
/// "United States presses (us-2), China serious (cn-7)". None without
/// `--intensity`.
pub fn topic_levels(report: &Report, t: &TopicReport) -> Option<String> {
    let i = t.intensity.as_ref()?;
    let parts: Vec<String> = [(&report.left.side, &i.left), (&report.right.side, &i.right)]
        .into_iter()
        .filter_map(|(side, s)| {
            s.as_ref()
                .map(|s| format!("{side} {} ({})", s.name, s.claim))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
