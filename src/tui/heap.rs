//! The workbench's heap: its threads share glibc's one heap instead of a heap each.
//!
//! glibc gives each thread that allocates its own heap ("arena"), and grows a thread's heap an
//! `mprotect` call per page or two as it fills, while the process's first heap grows by
//! `brk` in 128 KiB steps. The workbench's loading threads allocate every report they read
//! back (a cached reopen of 2,000 reports: about 110 MB, in some 19,000 `mprotect` calls, each
//! taking the address space's lock that page faults of the other threads wait for); sharing the
//! first heap takes them away. Measured on a cached reopen of 2,000 reports (`tui.py`, 11
//! alternating runs, load about 5): system time 120 -> 100 ms, time to the loaded frame 352 ->
//! 309 ms median; a cold load (parsing all 2,000) was no slower.

/// Makes the threads started from now on allocate from glibc's first heap (`M_ARENA_MAX` 1).
/// Called by the workbench before it starts any thread; elsewhere (another C library) it does
/// nothing.
pub fn share_one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            /// glibc's `mallopt(3)`: sets one of its allocator's parameters.
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        /// `M_ARENA_MAX` of glibc's `<malloc.h>`: the most heaps its threads may use.
        const M_ARENA_MAX: std::ffi::c_int = -8;
        // SAFETY: `mallopt` is glibc's own, declared as glibc declares it, and only sets a
        // tuning parameter of its allocator (under the allocator's lock, so any thread may call
        // it at any time); every positive value is valid, and a refusal (it returns 0) leaves
        // the allocator as it was. No memory is handed over either way.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
        }
    }
}
