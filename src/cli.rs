//! The command line, declared with clap: the doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;
use crate::report::FailOn;

/// Compare official accounts ("readouts") of the same meeting.
///
/// Two YAML readouts (see the README for the format) are split into
/// topic-tagged claims, aligned by topic, and reported topic by topic as
/// agreement, contradiction, divergence or omission, with the rule and the
/// words that decided each verdict.
///
/// Exit codes: 0 no differences, 1 differences found, 2 trouble (bad input, I/O).
#[derive(Debug, Parser)]
#[command(name = "readout", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Refuse input files larger than this many megabytes.
    ///
    /// Real readouts are kilobytes; the default keeps a comparison within
    /// seconds and well under a gigabyte of memory.
    #[arg(long, global = true, value_name = "MB", default_value_t = crate::load::DEFAULT_MAX_INPUT_MB)]
    pub max_input_mb: u64,

    /// Refuse readouts with more claims than this.
    ///
    /// Claims on one topic are compared pairwise, so time and memory grow
    /// with the square of this number.
    #[arg(long, global = true, value_name = "N", default_value_t = crate::load::DEFAULT_MAX_CLAIMS)]
    pub max_claims: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two (or more) readouts of the same meeting, topic by topic.
    ///
    /// Example: readout compare readouts/2024-05-31-singapore/us.yaml readouts/2024-05-31-singapore/cn.yaml
    ///
    /// Three accounts: readout compare readouts/2024-05-31-singapore/{us,cn,cnn}.yaml
    Compare(CompareArgs),
    /// Check readout files against the schema; print OK or file:line:column errors.
    ///
    /// Exit 0 when every file is valid, 2 when any is not.
    Validate {
        /// Readout files (`-` reads standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Topics file whose taxonomy resolves `topic:` overrides.
        #[arg(long, value_name = "FILE")]
        topics: Option<String>,
    },
    /// Score the engine against analysts' answers (`expected.yaml` beside a readout pair).
    ///
    /// Each DIR is a pair folder (it holds `expected.yaml`) or a folder of
    /// pair folders; every pair is compared and its verdicts and alignment
    /// scored: claim-level accuracy, macro-F1, per-verdict precision and
    /// recall, alignment precision and recall.
    ///
    /// Examples: readout eval --misses;
    /// readout eval readouts/2021-* readouts/2022-09-23-new-york;
    /// readout eval --answers second-analyst;
    /// readout eval composed --against answers/composed-second-analyst
    Eval {
        /// Pair folders, or folders of pair folders.
        #[arg(default_value = "readouts", value_name = "DIR")]
        dirs: Vec<std::path::PathBuf>,
        /// A topics file that extends (or replaces) the built-in taxonomy.
        #[arg(long, value_name = "FILE")]
        topics: Option<String>,
        /// Output format: text (a table) or json.
        #[arg(long, short = 'f', value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
        /// List every claim whose predicted verdict differs from the analyst's.
        #[arg(long)]
        misses: bool,
        /// Exit 1 when the overall macro-F1 is below this.
        #[arg(long, value_name = "F1")]
        min_macro_f1: Option<f64>,
        /// Also give a 95% interval for macro-F1 and alignment F1.
        ///
        /// The pairs are drawn again with replacement 2,000 times (a fixed
        /// seed: the same pairs give the same interval); the interval holds
        /// the central 95% of the scores. Two figures whose intervals
        /// overlap widely may differ only by the choice of pairs.
        #[arg(long)]
        interval: bool,
        /// Score a second analyst's answers instead of the engine.
        ///
        /// DIR holds one folder per pair, named as in the corpus, each with
        /// an `expected.yaml` written blind by the same rules. The figures
        /// are then the two analysts' agreement, on the pairs both answered:
        /// the level the engine is measured against.
        #[arg(long, value_name = "DIR")]
        answers: Option<std::path::PathBuf>,
        /// Score against another analyst's answers instead of each pair's own.
        ///
        /// DIR is laid out as for --answers; its `<pair>/expected.yaml`
        /// is the reference, and pairs it has not answered are left out.
        /// Alone, it scores the engine against that analyst; with
        /// --answers, one analyst against another.
        #[arg(long, value_name = "DIR")]
        against: Option<std::path::PathBuf>,
    },
    /// Turn a plain-text readout (pasted from a web page or press release) into readout YAML.
    ///
    /// Headlines, datelines, captions, bracketed notes, share and link lines
    /// are left out (a comment says how many); each sentence becomes a claim
    /// with its speaker and quoted words, and comments show the topic and
    /// stance compare will detect. The output passes `readout validate`.
    ///
    /// Example: readout extract us.txt --side "United States" -o us.yaml
    Extract(ExtractArgs),
    /// Check a new readout against an archive of prior ones: what changed.
    ///
    /// Against the side's own history: topics raised for the first time,
    /// topics dropped, stance shifts, claims that contradict its earlier
    /// claims, and each claim's closest earlier claim with a word diff.
    /// Against the other side's account of the same meeting, when the
    /// archive holds it: the full comparison.
    ///
    /// Example: readout check new.yaml --against readouts/
    Check(CheckArgs),
    /// Write the normalized claims of readouts, one a line, for data tools.
    ///
    /// Each claim with its file, side, date, id, speaker, topic, stance,
    /// stance kind, stance cue and text, as JSON lines or CSV: files in the
    /// order given, claims in file order.
    ///
    /// Example: readout claims readouts/*/us.yaml readouts/*/cn.yaml -o claims.jsonl
    Claims(ClaimsArgs),
    /// Print the topic taxonomy in force (built in, or extended by --topics).
    Topics {
        /// A topics file that extends (or, with `replace: true`, replaces) the built-in taxonomy.
        #[arg(long, value_name = "FILE")]
        topics: Option<String>,
        /// Output format: text lists topics; json and yaml give the whole
        /// taxonomy (yaml in the form `--topics` reads).
        #[arg(long, short = 'f', value_enum, default_value_t = TopicsFormat::Text)]
        format: TopicsFormat,
    },
    /// Print a shell completion script to standard output.
    ///
    /// Examples: readout completions bash > ~/.local/share/bash-completion/completions/readout;
    /// readout completions zsh > ~/.zfunc/_readout;
    /// readout completions fish > ~/.config/fish/completions/readout.fish
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    ///
    /// The page of `readout` lists its commands as readout-compare(1) and so
    /// on; `readout man COMMAND` prints that page.
    ///
    /// Example: readout man > ~/.local/share/man/man1/readout.1
    Man {
        /// A command whose page to print instead of the main one.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The plain-text readout; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Whose account this is (`source.side`), e.g. "United States" or China.
    #[arg(long, value_name = "NAME")]
    pub side: String,
    /// Who issued the account (`source.issuer`), e.g. "Department of Defense".
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// The spokesperson who gave the readout (`source.spokesperson`).
    #[arg(long, value_name = "NAME")]
    pub spokesperson: Option<String>,
    /// Where the account was published (`source.url`).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// When the account was published (`source.published`), e.g. 2024-05-31.
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    pub published: Option<String>,
    /// What the meeting was (`meeting.title`).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// When the meeting took place (`meeting.date`), e.g. 2024-05-31.
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    pub date: Option<String>,
    /// Where the meeting took place (`meeting.place`).
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Claim ids are PREFIX-1, PREFIX-2, ... [default: from the side: us, cn, ...]
    #[arg(long, value_name = "PREFIX")]
    pub id_prefix: Option<String>,
    /// A topics file whose taxonomy the topic comments use.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<String>,
    /// Write the YAML to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
}

/// A date flag: an ISO 8601 calendar date (YYYY-MM-DD), as the readout
/// file needs it, so that extract never writes a file validate refuses.
fn iso_date(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    crate::load::date::parse(s)
        .map(|_| s.to_string())
        .map_err(|e| format!("{e}; {}", e.hint()))
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Readout files (`-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Output format: jsonl (one JSON object a line) or csv (a header row first).
    #[arg(long, short = 'f', value_enum, default_value_t = ClaimsFormat::Jsonl)]
    pub format: ClaimsFormat,
    /// A topics file that extends (or, with `replace: true`, replaces) the built-in taxonomy.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<String>,
    /// Write the claims to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
}

/// Output of `readout claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    Jsonl,
    Csv,
}

/// Output of `readout topics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TopicsFormat {
    Text,
    Json,
    Yaml,
}

/// Output of `readout eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Text,
    Json,
}

/// When to color the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Color when standard output is a terminal, unless NO_COLOR is set or
    /// CLICOLOR is 0 (CLICOLOR_FORCE forces color, except against NO_COLOR).
    #[default]
    Auto,
    Always,
    Never,
}

/// Options every report-writing command shares.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Report format [default: from the extension of `-o` (.json, .md,
    /// .html), else text].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// When to use colors in the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Which verdicts make the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Any, value_name = "LEVEL")]
    pub fail_on: FailOn,
}

impl OutputArgs {
    /// The format in force: `--format` when given, else the one the
    /// extension of `-o FILE` names, else text.
    pub fn resolved_format(&self) -> Format {
        self.format
            .or_else(|| self.output.as_deref().and_then(Format::from_path))
            .unwrap_or_default()
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first account (e.g. the US readout); `-` reads standard input.
    pub left: String,
    /// The second account (e.g. the Chinese readout); `-` reads standard input.
    pub right: String,
    /// More accounts of the same meeting (a third government's, the
    /// press's): with three or more, the report is the topic matrix and, per
    /// topic, the verdict of each pair of accounts (see docs/nway.md).
    #[arg(value_name = "MORE")]
    pub more: Vec<String>,
    /// A topics file that extends (or, with `replace: true`, replaces) the built-in taxonomy.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<String>,
    /// Show how hard each side words its position (notes < hopes < presses
    /// < serious < firm < warns): each account's strongest level per topic,
    /// and paired claims with the same stance two or more levels apart.
    ///
    /// A note beside each verdict; verdicts do not change. See docs/intensity.md.
    #[arg(long)]
    pub intensity: bool,
    /// Report the topics of an agenda that no account mentions: a file
    /// (a YAML list of topic ids) or a built-in agenda (us-china-defense).
    ///
    /// See docs/agenda.md. Topics no one mentions do not change the exit code.
    #[arg(long, value_name = "FILE|NAME")]
    pub agenda: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The new readout; `-` reads standard input.
    pub new: String,
    /// Prior readouts: files, or directories searched recursively for `*.yaml` and `*.yml`.
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    pub against: Vec<String>,
    /// Only the N most recent prior readouts of the side make its history.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub window: Option<u64>,
    /// A topic is dropped when at least half of the side's N most recent prior readouts raised it.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub recent: u64,
    /// Count the side's prior readouts whatever their counterpart (by default
    /// only those with the same counterpart, or none known).
    #[arg(long)]
    pub any_counterpart: bool,
    /// A bad file in the archive is an error (exit 2) instead of a warning.
    #[arg(long)]
    pub strict: bool,
    /// Keep the cache of normalized readouts in DIR (default: the user's
    /// cache directory, `$XDG_CACHE_HOME/readout` or `~/.cache/readout`).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<String>,
    /// Neither read nor write the cache.
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,
    /// A topics file that extends (or, with `replace: true`, replaces) the built-in taxonomy.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What the environment says about colors, read once in `main`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdout_is_terminal: bool,
    pub no_color: bool,
    pub clicolor_force: bool,
    /// `CLICOLOR=0`: no color on a terminal either, unless CLICOLOR_FORCE.
    pub clicolor_off: bool,
    /// Whether standard error is a terminal (progress bars go there).
    pub stderr_is_terminal: bool,
}

impl Terminal {
    /// Reads NO_COLOR, CLICOLOR_FORCE, CLICOLOR and whether stdout is a terminal.
    pub fn detect() -> Terminal {
        use std::io::IsTerminal;
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        Terminal {
            stdout_is_terminal: std::io::stdout().is_terminal(),
            no_color: set("NO_COLOR"),
            clicolor_force: set("CLICOLOR_FORCE"),
            clicolor_off: std::env::var_os("CLICOLOR").is_some_and(|v| v == "0"),
            stderr_is_terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Whether to color output going to `output` (None = stdout).
    pub fn use_color(&self, choice: ColorChoice, output: Option<&str>) -> bool {
        match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if self.no_color {
                    false
                } else if self.clicolor_force {
                    true
                } else if self.clicolor_off {
                    false
                } else {
                    output.is_none_or(|o| o == "-") && self.stdout_is_terminal
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_resolution_follows_the_conventions() {
        let tty = Terminal {
            stdout_is_terminal: true,
            ..Default::default()
        };
        assert!(tty.use_color(ColorChoice::Auto, None));
        assert!(!tty.use_color(ColorChoice::Auto, Some("r.txt")));
        assert!(
            !Terminal {
                no_color: true,
                ..tty
            }
            .use_color(ColorChoice::Auto, None)
        );
        assert!(
            Terminal {
                clicolor_force: true,
                ..Default::default()
            }
            .use_color(ColorChoice::Auto, None)
        );
        assert!(
            Terminal {
                no_color: true,
                ..tty
            }
            .use_color(ColorChoice::Always, None)
        );
        assert!(!tty.use_color(ColorChoice::Never, None));
        let clicolor_0 = Terminal {
            clicolor_off: true,
            ..tty
        };
        assert!(!clicolor_0.use_color(ColorChoice::Auto, None));
        assert!(clicolor_0.use_color(ColorChoice::Always, None));
        assert!(
            Terminal {
                clicolor_force: true,
                ..clicolor_0
            }
            .use_color(ColorChoice::Auto, None)
        );
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
