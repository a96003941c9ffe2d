//! Giving the pages freed while a document was loaded back to the system.
//!
//! Opening a 1 MB document with 20,000 spans parses a 6 MB JSON file and grows
//! span lists by doubling; glibc keeps the freed chunks in its heap, where
//! they count as the app's memory long after the load. `malloc_trim` returns
//! free pages from the whole heap (measured: 9 MB fewer resident on that
//! document). It walks the heap once, so it is called per document opened,
//! never per frame. Other allocators return memory on their own.

/// Returns freed heap pages to the system, where the C library allows it.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heap structures under its
    // locks; it frees nothing in use and has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}
