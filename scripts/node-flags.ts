// V8 flags for the build's own Node processes: `npm run build` (package.json passes them) and
// the Astro build it starts. Node 24 lets the young generation grow to 64 MB a half; on these
// VMs a page fault is dear, and a 16 MB cap kept the collector's working set warm: a one-story
// edit at 1,000 stories took 12.3 s against 12.8-14.3 s (docs/benchmarks.md).
export const BUILD_NODE_FLAGS = ["--max-semi-space-size=16"];
