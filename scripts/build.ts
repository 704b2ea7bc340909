// `npm run build`: the command-line face of src/build/build.ts. Reads the folders from the
// environment (PLOTLINE_ROOT, PLOTLINE_OUT_DIR, PLOTLINE_CACHE_DIR, PLOTLINE_DRAFTS) and the
// flags `--full` (ignore the last build, build every page) and `--verbose` (list every page).
import { build } from "../src/build/build.ts";
import { DRAFTS_ENV, OUT_DIR_ENV } from "../src/build/env.ts";
import { contentRoot } from "../src/config.ts";

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
