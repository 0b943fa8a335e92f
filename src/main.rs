//! The `readout` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use readout::cli::{Cli, Terminal};
use readout::exit_codes::TROUBLE;
use readout::run::{run, visible_error};

// Loading and normalizing an archive makes millions of small strings; the
// system allocator spent about a quarter of a cold check on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (its place in `mi_option_e`, which the
/// binding names only for other options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps the memory the allocator frees for reuse instead of returning it to
/// the system after a delay. A cold check frees and allocates the words of
/// thousands of readouts; returned pages came back zeroed by the kernel,
/// about a tenth of its CPU. The process is short-lived: what it frees is
/// reused, and all of it goes back at exit.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's documented options to a value it
    // documents (-1: never purge); it takes effect for later frees.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

fn main() -> ExitCode {
    keep_freed_memory();
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

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads an option; any index below the option count is valid.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        // mimalloc's default purge delay (1000 ms), or what `main` sets it to.
        assert!(delay == 1000 || delay == -1, "option 15 is {delay}");
    }
}
