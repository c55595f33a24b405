//! The `plangap` binary: a thin shell over the library's command-line interface.

fn main() -> std::process::ExitCode {
    plangap::cli::main()
}
