// `npm run figures -- pin <slug>`: keeps a published story on the data it was published with,
// when a revised dataset would change its figures (see src/site/pin.ts). Earlier versions of a
// dataset come from git: the last committed file first, then each older one.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../src/config.ts";
import { planPin, type DatasetVersion } from "../src/site/pin.ts";
import { readRecord } from "../src/site/published.ts";
import { loadSite, STORIES_DIR } from "../src/site/site.ts";

const [command, slug, ...rest] = process.argv.slice(2);
if (command !== "pin" || !slug || rest.length) {
  console.error("Usage: npm run figures -- pin <story-slug>");
  console.error("  pin   keep a published story on the data it was published with, when a revised");
  console.error("        dataset would change its figures (copies the earlier file to data/<id>@<day>.csv)");
  process.exit(2);
}

const root = contentRoot();
const { record, messages } = readRecord(root);
if (messages.length) fail(messages[0]!.reason);
const recorded = record.stories[slug];
if (!recorded) fail(`\`${slug}\` is not in the published record: it has no published figures to keep.`);
const file = `${STORIES_DIR}/${slug}.md`;
const text = readFileSync(join(root, file), "utf8");
const site = loadSite({ root });

/** The committed versions of a dataset, newest first. */
function gitVersions(id: string): DatasetVersion[] {
  const git = (...args: string[]) => spawnSync("git", ["-C", root, ...args], { maxBuffer: 1 << 30 });
  const log = git("log", "--format=%H %cs", "--", `data/${id}.csv`, `data/${id}.yml`);
  if (log.status !== 0) return [];
  return log.stdout
    .toString()
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      const [commit, day] = line.split(" ");
      const csv = git("show", `${commit}:./data/${id}.csv`);
      const sidecar = git("show", `${commit}:./data/${id}.yml`);
      if (csv.status !== 0 || sidecar.status !== 0) return [];
      return [{ label: `commit ${commit!.slice(0, 7)} (${day})`, csv: csv.stdout, sidecar: sidecar.stdout.toString() }];
    });
}

const plan = planPin({ slug, file, text, record: recorded, datasets: site.datasets, versions: gitVersions });
for (const { path, content } of plan.files) writeFileSync(join(root, path), content);
if (plan.pinned.length) writeFileSync(join(root, file), plan.storyText);
for (const { dataset, id, version } of plan.pinned) {
  console.log(`Pinned ${file} to data/${id}.csv: \`${dataset}\` as it was in ${version}.`);
}
for (const id of plan.notFound) {
  console.error(
    `No version of data/${id}.csv in git gives the figures ${slug} published. ` +
      "Restore the file as it was when the story was published, or add a correction instead.",
  );
}
if (!plan.pinned.length && !plan.notFound.length)
  console.log(`${file} already prints what it published: nothing to pin.`);
if (plan.pinned.length) console.log("Run `npm run check` to see the story on its pinned data, then commit both files.");
process.exitCode = plan.notFound.length ? 1 : 0;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
