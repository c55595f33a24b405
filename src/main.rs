//! The `plangap` binary: a thin shell over the library's command-line interface.

/// The binary allocates with mimalloc rather than the system's allocator. Loading thousands of
/// reports makes hundreds of thousands of small allocations on every worker thread; glibc grows
/// each thread's heap a few pages at a time with an `mprotect` call each (a sixth of a cached
/// `summary` of 2,000 reports went there), where mimalloc takes memory in large segments and
/// allocates from per-thread free lists.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    plangap::cli::main()
}
