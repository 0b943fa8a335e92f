//! The palette: one place that decides how each meaning looks in color.

use colored::{ColoredString, Colorize};

use crate::classify::{Relation, Verdict};

/// Styles by meaning. With `color: false` every method returns plain text.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, s: &str, f: impl Fn(&str) -> ColoredString) -> String {
        if self.color {
            f(s).to_string()
        } else {
            s.to_string()
        }
    }

    pub fn agreement(&self, s: &str) -> String {
        self.paint(s, |s| s.green().bold())
    }
    pub fn contradiction(&self, s: &str) -> String {
        self.paint(s, |s| s.red().bold())
    }
    pub fn divergence(&self, s: &str) -> String {
        self.paint(s, |s| s.yellow().bold())
    }
    pub fn omission(&self, s: &str) -> String {
        self.paint(s, |s| s.magenta().bold())
    }
    pub fn verdict(&self, v: Verdict, s: &str) -> String {
        match v {
            Verdict::Agreement => self.agreement(s),
            Verdict::Contradiction => self.contradiction(s),
            Verdict::Divergence => self.divergence(s),
            Verdict::Omission => self.omission(s),
        }
    }
    pub fn relation(&self, r: Relation, s: &str) -> String {
        self.verdict(r.into(), s)
    }
    pub fn heading(&self, s: &str) -> String {
        self.paint(s, |s| s.bold())
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint(s, |s| s.dimmed())
    }
    pub fn id(&self, s: &str) -> String {
        self.paint(s, |s| s.cyan())
    }
    pub fn removed(&self, s: &str) -> String {
        if self.color {
            s.red().strikethrough().to_string()
        } else {
            format!("[-{s}-]")
        }
    }
    pub fn added(&self, s: &str) -> String {
        if self.color {
            s.green().underline().to_string()
        } else {
            format!("{{+{s}+}}")
        }
    }
}
