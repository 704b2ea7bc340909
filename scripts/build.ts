// `npm run build`: checks all content first, then builds with Astro into a fresh folder and
// swaps it into `dist/` only on success, so a failed build never leaves a half-written site
// and never loses the last good one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../src/config.ts";
import { formatReport, readSourceFrom } from "../src/errors/print.ts";
import { loadSite } from "../src/markdown/site.ts";

const project = process.cwd();
const root = contentRoot();
const outDir = process.env.PLOTLINE_OUT_DIR ?? join(project, "dist");
const next = `${outDir}.next`;
const previous = `${outDir}.previous`;

// 1. Content: every error of every file, printed together, before Astro starts.
const site = loadSite({ root });
if (site.messages.length) {
  console.error(formatReport(site.messages, { readSource: readSourceFrom(root, (p) => readFileSync(p, "utf8")) }));
}
if (site.messages.some((m) => m.fatal !== false)) {
  console.error(
    `\nBuild stopped: fix the errors above. ${existsSync(outDir) ? `The last good site in ${outDir}/ is unchanged.` : ""}`,
  );
  process.exit(1);
}

// 2. Astro, into a folder of its own (Astro empties its outDir when it starts).
rmSync(next, { recursive: true, force: true });
const astro = join(project, "node_modules", "astro", "bin", "astro.mjs");
const result = spawnSync(process.execPath, [astro, "build", "--outDir", next], {
  stdio: "inherit",
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nBuild failed. ${existsSync(outDir) ? `The last good site in ${outDir}/ is unchanged.` : ""}`);
  process.exit(result.status ?? 1);
}

// 3. Swap: the new site replaces the old one in two renames.
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(next, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${site.stories.length} stories and ${site.charts.size} charts into ${outDir}/.`);
