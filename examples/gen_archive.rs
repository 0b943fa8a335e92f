//! Writes a deterministic synthetic archive of readout files, for trying
//! `readout check` and measuring it at scale.
//!
//! cargo run --release --example gen_archive -- DIR --readouts 10000 --claims 20 --seed 7

#[path = "../tests/support/archive.rs"]
mod archive;

use clap::Parser;

/// Write a synthetic archive of readouts (schema version 1) under DIR.
#[derive(Parser)]
struct Args {
    /// Directory to write to (created if missing); files go in one subdirectory a year.
    dir: std::path::PathBuf,
    /// Number of readouts: two accounts (United States, China) a meeting.
    #[arg(long, default_value_t = 10_000)]
    readouts: usize,
    /// Claims a readout.
    #[arg(long, default_value_t = 20)]
    claims: usize,
    /// Seed: the same seed writes the same archive.
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match archive::write(&args.dir, args.readouts, args.claims, args.seed) {
        Ok(files) => {
            println!(
                "wrote {} readouts under {}",
                files.len(),
                args.dir.display()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", args.dir.display());
            std::process::ExitCode::from(2)
        }
    }
}
