//! The commands: each wires the pipeline stages for one subcommand and
//! returns the exit code. This is the only module that prints.

use std::io::Write;

use crate::cli::{Cli, Command, CompareArgs, Terminal, TopicsFormat};
use crate::error::Error;
use crate::exit_codes::{DIFFERENT, SAME, TROUBLE};
use crate::load::{self, Limits};
use crate::normalize::taxonomy::Taxonomy;
use crate::output::emit;
use crate::render::{self, escape::visible};

/// Runs the parsed command line; `term` is what `main` read of the environment.
pub fn run(cli: Cli, term: Terminal) -> Result<u8, Error> {
    let limits = Limits {
        max_bytes: cli.max_input_mb.saturating_mul(1024 * 1024),
        max_claims: cli.max_claims,
        ..Limits::default()
    };
    match cli.command {
        Command::Compare(args) => compare(args, &limits, term),
        Command::Validate { files, topics } => validate(&files, topics.as_deref(), &limits),
        Command::Topics { topics, format } => print_topics(topics.as_deref(), format, &limits),
    }
}

/// The taxonomy in force: built in, or extended by `--topics FILE`.
pub fn taxonomy(topics: Option<&str>, limits: &Limits) -> Result<Taxonomy, Error> {
    match topics {
        Some(path) => Taxonomy::with_file(path, limits),
        None => Ok(Taxonomy::built_in()),
    }
}

fn compare(args: CompareArgs, limits: &Limits, term: Terminal) -> Result<u8, Error> {
    if args.left == "-" && args.right == "-" {
        return Err(Error::Usage(
            "only one of LEFT and RIGHT can be `-` (standard input)".into(),
        ));
    }
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let left = load::load_path(&args.left, limits)?;
    let right = load::load_path(&args.right, limits)?;
    let report = crate::compare(&left, &right, &taxonomy);
    let out = &args.output;
    let color = term.use_color(out.color, out.output.as_deref());
    emit(out.output.as_deref(), |w| {
        render::render(&report, out.format, color, w)
    })?;
    Ok(if report.has_differences(out.fail_on) {
        DIFFERENT
    } else {
        SAME
    })
}

fn validate(files: &[String], topics: Option<&str>, limits: &Limits) -> Result<u8, Error> {
    taxonomy(topics, limits)?;
    let mut status = SAME;
    let mut stdout = std::io::stdout().lock();
    for f in files {
        match load::load_path(f, limits) {
            Ok(r) => {
                let line = format!(
                    "{}: OK ({} claims, side {})",
                    visible(f),
                    r.claims.len(),
                    visible(&r.source.side)
                );
                if writeln!(stdout, "{line}").is_err() {
                    break; // closed pipe: stop quietly
                }
            }
            Err(e) => {
                eprintln!("error: {}", visible_error(&e));
                status = TROUBLE;
            }
        }
    }
    Ok(status)
}

/// An error message safe to print. The `Display` of [`Error`] already escapes
/// what came from a file (escaping again would double every backslash).
pub fn visible_error(e: &Error) -> String {
    e.to_string()
}

fn print_topics(topics: Option<&str>, format: TopicsFormat, limits: &Limits) -> Result<u8, Error> {
    let t = taxonomy(topics, limits)?;
    emit(None, |w| match format {
        TopicsFormat::Json => render::json(&t.topics, w),
        TopicsFormat::Yaml => {
            writeln!(w, "topics:")?;
            for topic in &t.topics {
                writeln!(w, "  - id: {}", load::yaml::quote(&topic.id))?;
                writeln!(w, "    label: {}", load::yaml::quote(&topic.label))?;
                let list = |v: &[String]| {
                    v.iter()
                        .map(|s| load::yaml::quote(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                writeln!(w, "    aliases: [{}]", list(&topic.aliases))?;
                writeln!(w, "    keywords: [{}]", list(&topic.keywords))?;
                writeln!(w, "    weight: {}", topic.weight)?;
            }
            Ok(())
        }
        TopicsFormat::Text => {
            let width = t
                .topics
                .iter()
                .map(|x| x.id.chars().count())
                .max()
                .unwrap_or(0);
            for topic in &t.topics {
                let aliases = if topic.aliases.is_empty() {
                    String::new()
                } else {
                    format!("  (also: {})", topic.aliases.join(", "))
                };
                writeln!(
                    w,
                    "{:<width$}  {}{}",
                    visible(&topic.id),
                    visible(&topic.label),
                    visible(&aliases)
                )?;
            }
            writeln!(w, "\n{} topics", t.topics.len())
        }
    })?;
    Ok(SAME)
}
