// `npm run check`: validates every dataset, sidecar, story, chart block and `:value` without
// building the site, then fact-lints the prose. One line per problem, compiler style
// (`path:line:column  message  (hint)`), then a summary count. Exits 1 on any error; warnings
// (fact-lint, notes rows) fail it only with `--strict`. `--frames` adds a code frame to each.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../src/config.ts";
import { frameReader } from "../src/content-files.ts";
import { sortMessages } from "../src/errors/diagnostic.ts";
import { formatLine, formatMessage, readSourceFrom } from "../src/errors/print.ts";
import { lintStoryFacts } from "../src/markdown/fact-lint-story.ts";
import { readConfig } from "../src/settings/read.ts";
import { publishedDatasets } from "../src/site/publish.ts";
import { checkSiteRecord, recordDay } from "../src/site/published.ts";
import { aliasProblems } from "../src/site/redirects.ts";
import { loadSite } from "../src/site/site.ts";
import { sourceFileWarnings } from "../src/site/source-file.ts";
import { topicProblems } from "../src/site/topics.ts";

const OPTIONS = ["--strict", "--frames", "--no-facts"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !OPTIONS.includes(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.map((a) => `\`${a}\``).join(", ")}.`);
  console.error("Usage: npm run check [-- --strict] [-- --frames] [-- --no-facts]");
  console.error("  --strict    fail on warnings too");
  console.error("  --frames    print a few lines of the file under each problem");
  console.error("  --no-facts  skip fact-lint (hand-typed figures checked against the data)");
  process.exit(2);
}

const root = contentRoot();
const started = performance.now();
const site = loadSite({ root, drafts: true });
const facts = args.includes("--no-facts")
  ? []
  : site.stories.flatMap((story) =>
      lintStoryFacts({ text: readFileSync(join(root, story.file), "utf8"), file: story.file, datasets: site.datasets }),
    );
// The settings and the topics are checked with the content, as the build checks them.
const settings = readConfig({ projectRoot: process.cwd(), env: process.env }).messages;
// Published figures against content/published.lock.json (the build keeps it; check only reads).
const record = checkSiteRecord({ root, stories: site.stories, today: recordDay() });
// What each original file publishes beyond the table (src/site/source-file.ts).
const originals = [...site.datasets.values()].flatMap((dataset) => sourceFileWarnings(root, dataset));
const messages = sortMessages([
  ...settings,
  ...site.messages,
  ...topicProblems(root, site.stories),
  ...aliasProblems(
    root,
    site.stories,
    site.stories.map((s) => s.slug),
  ),
  ...record.messages,
  ...facts,
  ...originals,
]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (args.includes("--frames")) {
  const readSource = readSourceFrom(root, frameReader(root));
  for (const message of messages) console.log(`${formatMessage(message, { readSource })}\n`);
} else {
  for (const message of messages) console.log(formatLine(message));
}

// Datasets a build leaves out (src/site/publish.ts): not a problem, but an author who expects one
// on the site should know why it is not there.
// Place pages publish the datasets they use as stories do (src/site/places.ts).
const pages = [...site.stories, ...site.places.flatMap((set) => set.pages)];
const published = new Set(publishedDatasets({ root, datasets: site.datasets, stories: pages, drafts: false }));
const unpublished = [...site.datasets.values()].filter((d) => !published.has(d.id));
if (unpublished.length) {
  if (messages.length) console.log("");
  console.log(
    "Not published by a build (no published story uses them by a chart or `:value`, and their sidecars do not say `publish: true`):",
  );
  for (const dataset of unpublished) console.log(`  ${dataset.sidecarPath}  \`${dataset.id}\``);
}

const errors = messages.filter((m) => m.fatal !== false).length;
const warnings = messages.length - errors;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const checked =
  `${plural(site.datasets.size, "dataset")}, ${plural(site.stories.length, "story").replace("storys", "stories")} ` +
  `and ${plural(site.charts.size, "chart")} checked in ${seconds} s`;
if (messages.length || unpublished.length) console.log("");
console.log(`${plural(errors, "error")}, ${plural(warnings, "warning")} (${checked})`);
if (errors === 0 && warnings > 0 && !args.includes("--strict")) {
  console.log("Warnings do not stop a build; run `npm run check -- --strict` to treat them as errors.");
}
process.exitCode = errors > 0 || (args.includes("--strict") && warnings > 0) ? 1 : 0;
