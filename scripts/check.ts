// `npm run check`: validates every dataset, story and chart without building the site.
// Prints every problem at once; exits 1 on any error (or any warning with --strict).
import { readFileSync } from "node:fs";
import { formatReport, readSourceFrom } from "../src/errors/print.ts";
import { loadSite } from "../src/markdown/site.ts";

const root = process.cwd();
const strict = process.argv.includes("--strict");
const started = performance.now();
const site = loadSite({ root, drafts: true });
const readSource = readSourceFrom(root, (path) => readFileSync(path, "utf8"));
const errors = site.messages.filter((m) => m.fatal !== false).length;
const warnings = site.messages.length - errors;
if (site.messages.length) console.error(formatReport(site.messages, { readSource }));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Checked ${site.datasets.size} datasets, ${site.stories.length} stories and ${site.charts.size} charts in ${seconds} s: ` +
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`,
);
process.exitCode = errors > 0 || (strict && warnings > 0) ? 1 : 0;
