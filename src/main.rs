//! The `readout` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use readout::cli::{Cli, Terminal};
use readout::exit_codes::TROUBLE;
use readout::run::{run, visible_error};

// Loading and normalizing an archive makes millions of small strings; the
// system allocator spent about a quarter of a cold check on them. Without
// transparent huge pages (`no_thp`): asking the kernel for them made it zero
// 2 MiB at each first touch, a fifth of a cold check's CPU, and a third more
// memory, for allocations that mostly live a few microseconds.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and succeed; usage errors are trouble.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { TROUBLE } else { 0 });
        }
    };
    let term = Terminal::detect();
    // colored keeps global state; the text renderer decides per report, so
    // let it paint whenever asked to.
    colored::control::set_override(true);
    match run(cli, term) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {}", visible_error(&e));
            ExitCode::from(TROUBLE)
        }
    }
}
