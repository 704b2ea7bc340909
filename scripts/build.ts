// `npm run build`: the command-line face of src/build/build.ts. Reads the folders from the
// environment (PLOTLINE_ROOT, PLOTLINE_OUT_DIR, PLOTLINE_CACHE_DIR, PLOTLINE_DRAFTS) and the
// flags `--full` (ignore the last build, build every page) and `--verbose` (list every page).
import { enableCompileCache } from "node:module";
import { join } from "node:path";
import { DRAFTS_ENV, OUT_DIR_ENV } from "../src/build/env.ts";
import { defaultCacheDir } from "../src/cache/folder.ts";
import { contentRoot } from "../src/config.ts";

// Node keeps the code it compiled (ours, with its types stripped, and the libraries') in the cache
// folder, so the next build starts sooner: our modules load in about 0.45 s instead of 0.65 s.
// Before the build's own modules are imported, below, so that they are cached too.
enableCompileCache(join(defaultCacheDir(), "node-compile"));
const { build } = await import("../src/build/build.ts");

const FLAGS = ["--full", "--verbose"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !FLAGS.includes(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.map((a) => `\`${a}\``).join(", ")}.`);
  console.error("Usage: npm run build [-- --full] [-- --verbose]");
  console.error("  --full     build every page, whatever the last build left");
  console.error("  --verbose  list every page Astro writes");
  process.exit(2);
}

const result = await build({
  project: process.cwd(),
  root: contentRoot(),
  outDir: process.env[OUT_DIR_ENV] || "dist",
  drafts: process.env[DRAFTS_ENV] === "1",
  full: args.includes("--full"),
  verbose: args.includes("--verbose"),
});
process.exitCode = result.status;
