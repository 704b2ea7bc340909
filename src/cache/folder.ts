// The one cache folder and the one way to write into it. Everything Plotline derives from content
// (drawn charts, rendered stories, PNGs, the last build's state) lives under one folder that is
// safe to delete at any time, and every file in it is written whole: to a temporary file first,
// then renamed into place, so a reader (another build, Astro, a worker) never sees half a file.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { CACHE_DIR_ENV } from "../build/env.ts";

/** Where the cache lives unless PLOTLINE_CACHE_DIR says otherwise; safe to delete at any time. */
export const defaultCacheDir = () =>
  process.env[CACHE_DIR_ENV] ?? join(process.cwd(), "node_modules", ".cache", "plotline");

// Temporary names are unique per process, thread and write: two builds, or two PNG workers of one,
// may write the same entry at once.
let written = 0;

/**
 * Writes `data` to `path` whole: into a temporary file beside it, then renamed over it. Makes the
 * folder when it is missing (it is a cache: it may have been deleted since the last write).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${threadId}.${written++}.tmp`;
  try {
    writeFileSync(temporary, data);
  } catch {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, data);
  }
  renameSync(temporary, path);
}
