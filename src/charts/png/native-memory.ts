// Memory settings for resvg's native library, which allocates with mimalloc. By default mimalloc
// hands freed memory back to the system within 10 ms, so every PNG faults its pixel buffers
// (about 4 MB each, several per chart) in again page by page, and on the virtual machines we build
// on a page fault is dear: measured on one, an empty 1200 px image cost 23 ms to draw, nearly all
// of it the kernel zeroing fresh 4 KiB pages. Keeping freed memory for reuse and asking for 2 MiB
// pages brought a real chart's PNG from about 60 ms to about 20 ms (docs/benchmarks.md).
// mimalloc reads these when resvg's library is loaded: import this module before
// "@resvg/resvg-js". Settings already in the environment are left as they are.
process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ??= "1";
process.env.MIMALLOC_PURGE_DELAY ??= "-1";
