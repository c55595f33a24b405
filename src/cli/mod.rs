//! The command-line interface: one subcommand per view, for quick look-ups and scripts.
//!
//! Exit status: 0 with results, 1 when a filter matches nothing, 2 on bad input.

mod check;
mod compare;
mod export;
mod find;
pub mod fit;
mod history;
mod listing;
mod missed;
pub mod output;
pub mod projects;
pub mod sink;
mod summary;
pub mod xlsx;

use clap::{Parser, Subcommand, ValueEnum};
use sink::Sink;
use std::path::PathBuf;
use std::process::ExitCode;

/// Read Chinese local governments' annual plan reports and find the targets they missed.
#[derive(Debug, Parser)]
#[command(name = "plangap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, the interactive workbench opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Report files or folders for the workbench (default: the embedded sample corpus).
    pub paths: Vec<PathBuf>,
    /// Workbench theme: dark, light, high-contrast, monochrome, or the path of a .toml file.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Let the workbench use the mouse (this disables the terminal's own text selection).
    #[arg(long)]
    pub mouse: bool,
    /// Workbench colours (default auto: from NO_COLOR, COLORTERM and TERM).
    #[arg(long, value_enum)]
    pub color: Option<crate::tui::theme::ColorMode>,
    /// How the terminal draws ambiguous-width characters such as — · ≥ “”: wide in CJK locales.
    #[arg(long, value_enum)]
    pub ambiguous_width: Option<crate::tui::width::AmbiguousWidth>,
    /// The largest report file read, in megabytes; larger files are refused with a message.
    #[arg(long, global = true, value_name = "MB", default_value_t = crate::corpus::DEFAULT_MAX_SIZE >> 20)]
    pub max_size: u64,
    /// Parse every file again instead of taking reports parsed before from the cache
    /// ($XDG_CACHE_HOME/plangap, else ~/.cache/plangap); the cache is not written either.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every report, indicator row and project as one JSON document, or write them as an
    /// Excel workbook with a sheet per view (indicators, missed, projects, stated counts).
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to FILE instead of stdout (replacing it atomically; never a loaded report).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// What files without a title are (fragments).
        #[command(flatten)]
        identity: Identity,
        /// Report files or folders (default: the embedded sample corpus).
        paths: Vec<PathBuf>,
    },
    /// Show what was recognised in each file: title, tables with row counts, projects, warnings.
    Check {
        /// Print whole lines even when stdout is a terminal narrower than them.
        #[arg(long)]
        wide: bool,
        /// Print the text plangap reads from each file, with line numbers (for HTML, Word and PDF
        /// files: the text derived from them, which warnings and exports count lines in).
        #[arg(long)]
        text: bool,
        /// What files without a title are (fragments).
        #[command(flatten)]
        identity: Identity,
        /// Report files or folders (default: the embedded sample corpus).
        paths: Vec<PathBuf>,
    },
    /// List missed targets, most severe first (by shortfall relative to the target).
    Missed(missed::MissedArgs),
    /// Count met, missed and unassessed reviewed rows per report.
    Summary(listing::ListingArgs),
    /// Compare one indicator across districts and years: targets and results.
    Compare(compare::CompareArgs),
    /// Show a district's targets and results over the years, with the trend.
    History(history::HistoryArgs),
    /// List the projects of the reports; with a query (characters or pinyin), best matches first.
    Projects(projects::ProjectsArgs),
    /// Filter lines read from stdin with the finder's engine, best first, like `fzf --filter`.
    Find(find::FindArgs),
}

/// What a file without a title is, as the user says: fills the district and reviewed year that
/// nothing in a fragment names (a title, where there is one, always wins).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Identity {
    /// The district of files that do not name one (`南浔区`).
    #[arg(long, value_name = "DISTRICT")]
    pub district: Option<String>,
    /// The reviewed year of files that do not name one; their plan year is the year after.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
}

/// Formats of `plangap export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The JSON document of `docs/SCHEMA.md`.
    Json,
    /// An Excel workbook: indicators, missed, projects and stated counts, a sheet each (needs
    /// `-o FILE` when stdout is a terminal).
    Xlsx,
}

/// How a command ended, mapped onto the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Results were printed (exit 0).
    Results,
    /// A filter matched nothing (exit 1).
    NoMatch,
    /// Some input could not be read or parsed (exit 2).
    BadInput,
    /// The workbench was ended by this signal (exit 128 + its number, as a shell reports it).
    Signalled(i32),
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Results => ExitCode::SUCCESS,
            Outcome::NoMatch => ExitCode::from(1),
            Outcome::BadInput => ExitCode::from(2),
            Outcome::Signalled(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(255)),
        }
    }
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let outcome = match run(cli, &mut Sink::stdout(&mut out)) {
        Ok(outcome) => outcome,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Results,
        Err(error) => {
            eprintln!("plangap: cannot write the output: {error}");
            Outcome::BadInput
        }
    };
    outcome.into()
}

/// Runs one parsed command line, writing results to `out` and diagnostics to stderr.
pub fn run(cli: Cli, out: &mut Sink) -> std::io::Result<Outcome> {
    crate::corpus::set_max_size(cli.max_size.saturating_mul(1024 * 1024));
    let cache = if cli.no_cache { None } else { crate::corpus::Cache::user() };
    crate::corpus::set_load_options(crate::corpus::LoadOptions {
        cache,
        progress: true,
        threads: 0,
        without_projects: false,
        finder_names: false,
    });
    match cli.command {
        Some(Command::Export { format, output, identity, paths }) => {
            export::run(format, output.as_deref(), &identity, &paths, out)
        }
        Some(Command::Check { paths, identity, wide, text: false }) => {
            check::run(&paths, &identity, wide, out)
        }
        Some(Command::Check { paths, text: true, .. }) => check::print_text(&paths, out),
        Some(Command::Missed(args)) => missed::run(&args, out),
        Some(Command::Summary(args)) => summary::run(&args, out),
        Some(Command::Compare(args)) => compare::run(&args, out),
        Some(Command::History(args)) => history::run(&args, out),
        Some(Command::Projects(args)) => projects::run(&args, out),
        Some(Command::Find(args)) => find::run(&args, &mut find::stdin(), out),
        None => {
            let options = crate::tui::Options {
                paths: cli.paths,
                theme: cli.theme,
                mouse: cli.mouse.then_some(true),
                color: cli.color,
                ambiguous_width: cli.ambiguous_width,
            };
            match crate::tui::run(options) {
                Ok(None) => Ok(Outcome::Results),
                Ok(Some(signal)) => Ok(Outcome::Signalled(signal)),
                Err(error) => {
                    eprintln!("plangap: {}", crate::printable::printable(&format!("{error:#}")));
                    Ok(Outcome::BadInput)
                }
            }
        }
    }
}

/// [`report_failures`] of the corpus a command ends with, whose memory is then left to the
/// operating system: the process exits next, and freeing a long report's hundreds of thousands
/// of texts and rows one by one cost more than 1% of a `check` (callgrind).
fn finish(corpus: crate::corpus::Corpus) -> Outcome {
    let outcome = report_failures(&corpus);
    std::mem::forget(corpus);
    outcome
}

/// Prints each failed file's error on stderr, and once which duplicate files were skipped;
/// returns the outcome for a run with these failures.
fn report_failures(corpus: &crate::corpus::Corpus) -> Outcome {
    if let Some(note) = corpus.duplicates_note() {
        eprintln!("plangap: {note}");
    }
    let failures = &corpus.failures;
    for failure in failures {
        eprintln!("plangap: {failure}");
    }
    if failures.is_empty() { Outcome::Results } else { Outcome::BadInput }
}
