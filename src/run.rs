//! The commands: each wires the pipeline stages for one subcommand and
//! returns the exit code. This is the only module that prints.

use std::io::Write;

use crate::cli::{
    CheckArgs, ClaimsArgs, ClaimsFormat, Cli, Command, CompareArgs, EvalFormat, ExtractArgs,
    Terminal, TopicsFormat,
};
use crate::error::Error;
use crate::exit_codes::{DIFFERENT, SAME, TROUBLE};
use crate::load::{self, Limits};
use crate::normalize::normalize;
use crate::normalize::taxonomy::Taxonomy;
use crate::output::{check_destination, emit};
use crate::render::{self, escape::visible};
use crate::schema::{self, Versioned};

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
        Command::Eval {
            dirs,
            topics,
            format,
            misses,
            min_macro_f1,
            interval,
            answers,
            against,
        } => {
            let key = against.as_deref();
            let mut report = match answers {
                Some(answers) => crate::eval::agreement(&dirs, &answers, key, &limits)?,
                None => {
                    let taxonomy = taxonomy(topics.as_deref(), &limits)?;
                    crate::eval::evaluate_against(&dirs, key, &taxonomy, &limits)?
                }
            };
            if interval {
                report.interval = crate::eval::interval::of(&report.pairs);
            }
            emit(None, |w| match format {
                EvalFormat::Text => crate::eval::render::text(&report, misses, w),
                EvalFormat::Json => render::json(&Versioned::new(schema::EVAL, &report), w),
            })?;
            Ok(match min_macro_f1 {
                Some(floor) if report.overall.macro_f1 < floor => DIFFERENT,
                _ => SAME,
            })
        }
        Command::Extract(args) => extract(args, &limits),
        Command::Claims(args) => claims(args, &limits),
        Command::Check(args) => check(args, &limits, term),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            emit(None, |w| {
                clap_complete::generate(shell, &mut cmd, "readout", w);
                Ok(())
            })?;
            Ok(SAME)
        }
        Command::Man { command } => man_page(command.as_deref()),
    }
}

fn extract(args: ExtractArgs, limits: &Limits) -> Result<u8, Error> {
    check_destination(args.output.as_deref())?;
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let text = load::read_text(&args.file, limits)?;
    let opts = crate::extract::Options {
        side: args.side,
        issuer: args.issuer,
        spokesperson: args.spokesperson,
        url: args.url,
        published: args.published,
        title: args.title,
        date: args.date,
        place: args.place,
        id_prefix: args.id_prefix,
    };
    // Before extracting: text in another script may yield no claim at all.
    warn_if_not_english(&args.file, [text.as_str()]);
    let x = crate::extract::extract(&args.file, &text, &opts, &taxonomy, limits)?;
    for l in &x.left_out {
        eprintln!(
            "note: {}:{}: left out as {}: {}",
            visible(&args.file),
            l.line,
            l.kind.name(),
            visible(&l.text)
        );
    }
    emit(args.output.as_deref(), |w| {
        crate::extract::write::write(&x, w)
    })?;
    Ok(SAME)
}

/// Writes the claims of every file, in the order given, after loading them
/// all: a bad file is an error and nothing is written.
fn claims(args: ClaimsArgs, limits: &Limits) -> Result<u8, Error> {
    if args.files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(Error::Usage(
            "only one FILE can be `-` (standard input)".into(),
        ));
    }
    check_destination(args.output.as_deref())?;
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let mut rows = Vec::new();
    for f in &args.files {
        let readout = load::load_path(f, limits)?;
        rows.extend(crate::claims::rows(&normalize(&readout, &taxonomy)));
    }
    emit(args.output.as_deref(), |w| match args.format {
        ClaimsFormat::Jsonl => crate::claims::write_jsonl(&rows, w),
        ClaimsFormat::Csv => crate::claims::write_csv(&rows, w),
    })?;
    Ok(SAME)
}

/// Writes the man page of `readout`, or of `readout COMMAND` (named
/// `readout-COMMAND`, as the main page refers to it).
fn man_page(command: Option<&str>) -> Result<u8, Error> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    // Building propagates the global flags and the version into the commands.
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => {
            let sub = cmd.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = cmd
                    .get_subcommands()
                    .map(|s| s.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                Error::Usage(format!(
                    "no command `{name}`; man pages exist for: {}",
                    names.join(", ")
                ))
            })?;
            let full = format!("readout-{}", sub.get_name());
            sub.name(full).version(env!("CARGO_PKG_VERSION"))
        }
    };
    emit(None, |w| clap_mangen::Man::new(page).render(w))?;
    Ok(SAME)
}

/// The taxonomy in force: built in, or extended by `--topics FILE`.
pub fn taxonomy(
    topics: Option<&str>,
    limits: &Limits,
) -> Result<std::borrow::Cow<'static, Taxonomy>, Error> {
    // The built-in taxonomy is borrowed, not copied: a comparison is a few
    // milliseconds, and a copy of every keyword was a twentieth of it.
    match topics {
        Some(path) => Taxonomy::with_file(path, limits).map(std::borrow::Cow::Owned),
        None => Ok(std::borrow::Cow::Borrowed(Taxonomy::shared())),
    }
}

fn compare(args: CompareArgs, limits: &Limits, term: Terminal) -> Result<u8, Error> {
    if !args.more.is_empty() {
        return compare_n(args, limits, term);
    }
    if args.left == "-" && args.right == "-" {
        return Err(Error::Usage(
            "only one of LEFT and RIGHT can be `-` (standard input)".into(),
        ));
    }
    check_destination(args.output.output.as_deref())?;
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let agenda = args
        .agenda
        .as_deref()
        .map(|a| crate::agenda::Agenda::resolve(a, &taxonomy, limits))
        .transpose()?;
    let left = load::load_path(&args.left, limits)?;
    warn_if_not_english(&args.left, claim_texts(&left));
    let mut right = None;
    let mut report = if same_file(&args.left, &args.right) {
        // Most likely a slip of the keyboard or of tab completion; say so,
        // and show the file's claims once rather than each against itself.
        eprintln!(
            "warning: {} and {} are the same file: each claim is listed once, and a file agrees with itself",
            visible(&args.left),
            visible(&args.right)
        );
        crate::compare_with_itself(&left, &taxonomy)
    } else {
        let r = right.insert(load::load_path(&args.right, limits)?);
        warn_if_not_english(&args.right, claim_texts(r));
        crate::compare(&left, r, &taxonomy)
    };
    if args.intensity {
        crate::intensity::report::annotate(&mut report);
    }
    if let Some(agenda) = &agenda {
        let readouts: Vec<&crate::model::Readout> =
            std::iter::once(&left).chain(right.as_ref()).collect();
        crate::agenda::apply(&mut report, agenda, &readouts, &taxonomy);
    }
    // The engine reads claims as the two sides of one meeting; two accounts
    // by one side still compare, but blame and denial lose their meaning.
    if !report.same_file && report.left.side == report.right.side {
        eprintln!(
            "warning: both readouts are accounts by {}: verdicts assume the two sides of one meeting",
            visible(&report.left.side)
        );
    }
    let out = &args.output;
    let format = out.resolved_format();
    let color = term.use_color(out.color, out.output.as_deref());
    let made = made(format)?;
    emit(out.output.as_deref(), |w| {
        render::render(&report, format, color, &made, w)
    })?;
    Ok(if report.has_differences(out.fail_on) {
        DIFFERENT
    } else {
        SAME
    })
}

/// `compare` of three or more accounts: the topic matrix and each pair's verdicts.
fn compare_n(args: CompareArgs, limits: &Limits, term: Terminal) -> Result<u8, Error> {
    use crate::render::nway::MAX_ACCOUNTS;
    let files: Vec<&String> = [&args.left, &args.right]
        .into_iter()
        .chain(&args.more)
        .collect();
    if files.len() > MAX_ACCOUNTS {
        return Err(Error::Usage(format!(
            "{} accounts given; one report compares at most {MAX_ACCOUNTS} (each is named by a letter)",
            files.len()
        )));
    }
    if files.iter().filter(|f| **f == "-").count() > 1 {
        return Err(Error::Usage(
            "only one account can be `-` (standard input)".into(),
        ));
    }
    // One file twice would agree with itself on every topic: a slip, not a
    // comparison (two files compare a file with itself on purpose).
    for (i, a) in files.iter().enumerate() {
        if let Some(b) = files[..i].iter().find(|b| same_file(b, a)) {
            return Err(Error::Usage(format!(
                "{} and {} are the same file: give each account once",
                visible(b),
                visible(a)
            )));
        }
    }
    check_destination(args.output.output.as_deref())?;
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let agenda = args
        .agenda
        .as_deref()
        .map(|a| crate::agenda::Agenda::resolve(a, &taxonomy, limits))
        .transpose()?;
    let mut accounts = Vec::with_capacity(files.len());
    for f in &files {
        let readout = load::load_path(f, limits)?;
        warn_if_not_english(f, claim_texts(&readout));
        accounts.push(readout);
    }
    let mut report = crate::nway::compare_all(&accounts, &taxonomy);
    if args.intensity {
        crate::intensity::nway::annotate(&mut report);
    }
    if let Some(agenda) = &agenda {
        let readouts: Vec<&crate::model::Readout> = accounts.iter().collect();
        crate::agenda::apply_n(&mut report, agenda, &readouts, &taxonomy);
    }
    for (i, a) in report.accounts.iter().enumerate() {
        if let Some(j) = report.accounts[..i].iter().position(|b| b.side == a.side) {
            eprintln!(
                "warning: {} and {} are both accounts by {}: verdicts between them assume the two sides of one meeting",
                render::nway::letter(j),
                render::nway::letter(i),
                visible(&a.side)
            );
        }
    }
    let out = &args.output;
    let format = out.resolved_format();
    let color = term.use_color(out.color, out.output.as_deref());
    let made = made(format)?;
    emit(out.output.as_deref(), |w| {
        render::nway::render(&report, format, color, &made, w)
    })?;
    Ok(if report.has_differences(out.fail_on) {
        DIFFERENT
    } else {
        SAME
    })
}

/// Warns when most letters of a readout's text are not Latin: topic and
/// stance detection reads English, and would report the side as silent.
fn warn_if_not_english<'a>(file: &str, texts: impl IntoIterator<Item = &'a str>) {
    if crate::normalize::text::mostly_non_latin(texts) {
        eprintln!(
            "warning: {}: the text is not in English; topic and stance detection reads English, so this account may look silent",
            visible(file)
        );
    }
}

fn claim_texts(r: &crate::model::Readout) -> impl Iterator<Item = &str> {
    r.claims.iter().map(|c| c.text.as_str())
}

/// Whether LEFT and RIGHT name one file: the same path, or two paths that
/// resolve to the same file (`./us.yaml` and `us.yaml`, a symbolic link).
fn same_file(left: &str, right: &str) -> bool {
    if left == "-" || right == "-" {
        return false;
    }
    left == right
        || matches!(
            (std::fs::canonicalize(left), std::fs::canonicalize(right)),
            (Ok(l), Ok(r)) if l == r
        )
}

/// The version and time an HTML page names: `SOURCE_DATE_EPOCH` when set,
/// so that a page can be made again byte for byte, else now. Other formats
/// name no time, and do not read the variable.
fn made(format: render::Format) -> Result<render::Made, Error> {
    if format != render::Format::Html {
        return Ok(render::Made::at(0));
    }
    let value = std::env::var_os("SOURCE_DATE_EPOCH");
    let value = value.as_ref().map(|v| v.to_string_lossy());
    render::Made::from_source_date_epoch(value.as_deref()).map_err(Error::Usage)
}

fn check(args: CheckArgs, limits: &Limits, term: Terminal) -> Result<u8, Error> {
    use crate::check::{CheckOptions, archive, cache::Cache};
    if args.output.resolved_format() == render::Format::Html {
        return Err(Error::Usage(
            "check writes text, json or markdown (not html)".into(),
        ));
    }
    check_destination(args.output.output.as_deref())?;
    let taxonomy = taxonomy(args.topics.as_deref(), limits)?;
    let new = load::load_path(&args.new, limits)?;
    warn_if_not_english(&args.new, claim_texts(&new));
    let exclude = (args.new != "-").then(|| std::path::Path::new(&args.new));
    let files = archive::find_files(&args.against, exclude)?;
    let mut cache = match cache_dir(&args) {
        Some(dir) => Cache::open(&dir, &args.against, Cache::fingerprint(&taxonomy, limits)),
        None => Cache::disabled(),
    };
    // A progress bar only where someone watches it, and only when the wait is noticeable.
    let bar = if term.stderr_is_terminal && files.len() >= 500 {
        let style = indicatif::ProgressStyle::with_template(
            "scanning {pos}/{len} readouts {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        indicatif::ProgressBar::new(files.len() as u64).with_style(style)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let opts = CheckOptions {
        taxonomy: &taxonomy,
        limits,
        window: args.window.map(|w| w as usize),
        recent: args.recent as usize,
        any_counterpart: args.any_counterpart,
    };
    let report = crate::check::check(&new, &files, &mut cache, &opts, &|| bar.inc(1));
    bar.finish_and_clear();
    let report = report?;
    let severity = if args.strict { "error" } else { "warning" };
    for s in &report.archive.skipped {
        // The error text is already escaped for the terminal.
        eprintln!("{severity}: skipped {}", s.error);
    }
    if args.strict && !report.archive.skipped.is_empty() {
        return Err(Error::Usage(format!(
            "{} in the archive could not be read (--strict)",
            render::plural(report.archive.skipped.len(), "file")
        )));
    }
    if let Err(e) = cache.save() {
        eprintln!("warning: cache not saved: {}", visible_error(&e));
    }
    let out = &args.output;
    let color = term.use_color(out.color, out.output.as_deref());
    emit(out.output.as_deref(), |w| {
        crate::check::render::render(&report, out.resolved_format(), color, w)
    })?;
    let code = if report.has_changes(out.fail_on) {
        DIFFERENT
    } else {
        SAME
    };
    // Freeing a large archive's claims one by one takes a tenth of a cold
    // check, single-threaded, just before the process ends and frees it all.
    std::mem::forget(cache);
    Ok(code)
}

/// The cache directory: `--cache DIR`, else the user's cache directory;
/// none with `--no-cache` or when no cache directory is known.
fn cache_dir(args: &CheckArgs) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    if args.no_cache {
        return None;
    }
    if let Some(dir) = &args.cache {
        return Some(PathBuf::from(dir));
    }
    let env = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("XDG_CACHE_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".cache")))
        .map(|d| d.join("readout"))
}

fn validate(files: &[String], topics: Option<&str>, limits: &Limits) -> Result<u8, Error> {
    taxonomy(topics, limits)?;
    let mut status = SAME;
    let mut stdout = std::io::stdout().lock();
    for f in files {
        match load::load_path(f, limits) {
            Ok(r) => {
                let line = format!(
                    "{}: OK ({}, side {})",
                    visible(f),
                    render::plural(r.claims.len(), "claim"),
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
        TopicsFormat::Json => {
            let list = schema::TopicList { topics: &t.topics };
            render::json(&Versioned::new(schema::TOPICS, &list), w)
        }
        TopicsFormat::Yaml => {
            let situational: Vec<String> = t
                .situational()
                .iter()
                .map(|s| load::yaml::quote(s))
                .collect();
            if let Some(f) = t.fallback {
                writeln!(w, "fallback: {}", load::yaml::quote(&t.topics[f].id))?;
            }
            writeln!(w, "situational: [{}]", situational.join(", "))?;
            let actors: Vec<String> = t.actors().iter().map(|s| load::yaml::quote(s)).collect();
            writeln!(w, "actors: [{}]", actors.join(", "))?;
            let occasions: Vec<String> =
                t.occasions().iter().map(|s| load::yaml::quote(s)).collect();
            writeln!(w, "occasions: [{}]", occasions.join(", "))?;
            let parties: Vec<String> = t.parties().iter().map(|s| load::yaml::quote(s)).collect();
            writeln!(w, "parties: [{}]", parties.join(", "))?;
            let places: Vec<String> = t.places().iter().map(|s| load::yaml::quote(s)).collect();
            writeln!(w, "places: [{}]", places.join(", "))?;
            let offices: Vec<String> = t.offices.iter().map(|o| load::yaml::quote(o)).collect();
            writeln!(w, "offices: [{}]", offices.join(", "))?;
            let everywhere: Vec<String> =
                t.everywhere.iter().map(|o| load::yaml::quote(o)).collect();
            writeln!(w, "everywhere: [{}]", everywhere.join(", "))?;
            let many_areas: Vec<String> =
                t.many_areas.iter().map(|o| load::yaml::quote(o)).collect();
            writeln!(w, "many_areas: [{}]", many_areas.join(", "))?;
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
                if let Some(parent) = &topic.parent {
                    writeln!(w, "    parent: {}", load::yaml::quote(parent))?;
                }
                // Every mark a topic may carry, so that none is left out
                // of a taxonomy written back (one once was).
                let marks = [
                    ("one_point", topic.one_point),
                    ("reviews", topic.reviews),
                    ("one_area", topic.one_area),
                    ("opening", topic.opening),
                    ("outranks_fallback", topic.outranks_fallback),
                    ("purposed", topic.purposed),
                    ("each_its_own", topic.each_its_own),
                    ("stays", topic.stays),
                    ("viewed", topic.viewed),
                    ("arena", topic.arena),
                    ("containment", topic.containment),
                ];
                for (mark, _) in marks.iter().filter(|(_, on)| *on) {
                    writeln!(w, "    {mark}: true")?;
                }
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
