// `npm run new -- story "<title>"` starts a story; `npm run new -- dataset <csv-path>` copies a CSV
// into data/ and guesses its sidecar. Both write files that pass `npm run check`, and say what they
// guessed so the journalist can review it.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { contentRoot } from "../src/config.ts";
import { isKebab } from "../src/data/ids.ts";
import { loadDataset, loadDatasets } from "../src/data/index.ts";
import { formatLine } from "../src/errors/print.ts";
import { inferSidecar, type SidecarGuess } from "../src/scaffold/infer-sidecar.ts";
import { slugify, storyText } from "../src/scaffold/story.ts";
import { sidecarYaml } from "../src/scaffold/write-sidecar.ts";
import { readConfig } from "../src/settings/read.ts";
import { loadSite, STORIES_DIR } from "../src/site/site.ts";

const USAGE = `Usage:
  npm run new -- story "<title>" [--slug <slug>] [--byline "<name>"]
  npm run new -- dataset <csv-path> [--id <dataset-id>] [--force]`;

const root = contentRoot();
const [kind, ...rest] = process.argv.slice(2);
const { positional, flags } = parseArgs(rest);
const now = new Date();
// The reporter's own calendar day, not UTC's.
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");

if (kind === "story" && positional.length) newStory(positional.join(" "));
// npm runs scripts from the project folder; a relative path was typed in the folder npm started in.
else if (kind === "dataset" && positional.length === 1)
  newDataset(resolve(process.env.INIT_CWD ?? ".", positional[0]!));
else fail(USAGE);

function newStory(title: string): void {
  const slug = flags.slug ?? slugify(title);
  if (!isKebab(slug)) fail(`Cannot make a file name from \`${title}\`: pass one with --slug my-story-name`);
  const file = `${STORIES_DIR}/${slug}.md`;
  if (existsSync(join(root, file))) fail(`${file} already exists: choose another title, or pass --slug`);
  const { datasets } = loadDatasets({ root });
  const example = [...datasets.values()].find((d) => d.primaryKey.length === 1);
  // The newsroom's default byline (plotline.config.json), else the author's git name.
  const byline =
    flags.byline ?? readConfig({ projectRoot: process.cwd(), env: {} }).config?.byline ?? gitUserName() ?? "Your Name";
  mkdirSync(join(root, STORIES_DIR), { recursive: true });
  writeFileSync(join(root, file), storyText({ title, byline, today, example }));
  const problems = loadSite({ root, drafts: true }).messages.filter((m) => m.file === file);
  for (const message of problems) console.log(formatLine(message));
  console.log(`Created ${file}: a draft dated ${today}, by ${byline}.`);
  console.log("Write the dek and the story; a commented-out chart at the end shows how to add one.");
  console.log("Preview drafts with `PLOTLINE_DRAFTS=1 npm run dev`; delete `draft: true` to publish.");
  if (problems.some((m) => m.fatal !== false)) process.exitCode = 1;
}

function newDataset(csvPath: string): void {
  if (!existsSync(csvPath)) fail(`Cannot find \`${csvPath}\``);
  const id = flags.id ?? slugify(basename(csvPath, extname(csvPath)));
  if (!isKebab(id)) fail(`Cannot make a dataset name from \`${csvPath}\`: pass one with --id my-dataset`);
  const csv = `data/${id}.csv`;
  const sidecar = `data/${id}.yml`;
  for (const file of [csv, sidecar]) {
    if (existsSync(join(root, file)) && !flags.force && resolve(csvPath) !== resolve(root, file))
      fail(`${file} already exists: pass --id to choose another name, or --force to replace it`);
  }
  const bytes = readFileSync(csvPath);
  const guess = inferSidecar({ bytes, id, today });
  if ("problem" in guess) fail(`Cannot read \`${csvPath}\` as a table: ${guess.problem}`);
  mkdirSync(join(root, "data"), { recursive: true });
  // A CSV already in data/ (`new dataset data/<id>.csv`) only gets its sidecar: never copy a file onto itself.
  const inPlace = resolve(csvPath) === resolve(root, csv);
  if (!inPlace) copyFileSync(csvPath, join(root, csv));
  writeFileSync(join(root, sidecar), sidecarYaml(guess, { id, today }));
  const made = inPlace ? `Read ${csv} and created ${sidecar}` : `Created ${csv} (a copy of ${csvPath}) and ${sidecar}`;
  console.log(`${made}, which holds these guesses:`);
  console.log(describe(guess));
  const { messages } = loadDataset({ root, id, today });
  for (const message of messages) console.log(formatLine(message));
  if (messages.some((m) => m.fatal !== false)) {
    console.log(`The guesses do not load yet: fix ${sidecar} at the places above, then run \`npm run check\`.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Next: check each guess in ${sidecar}, add its source and licence, then run \`npm run check\`.`);
}

/** The guesses as an aligned list for the terminal. */
function describe(guess: SidecarGuess): string {
  const lines: Array<[string, string]> = [
    [
      "header row",
      guess.titleLines.length
        ? `line ${guess.headerRow} (above it, a title: "${guess.titleLines.join(" / ")}")`
        : `line ${guess.headerRow}`,
    ],
    ["encoding", guess.encoding === "utf-8" ? "UTF-8" : "Windows-1252 (not UTF-8: probably saved by Excel)"],
    [
      "rows",
      `${guess.rows}${guess.notesLines ? `; ${guess.notesLines} line(s) under the table are read as notes` : ""}`,
    ],
    ["missing values", guess.missingValues.map((v) => (v === "" ? "empty cells" : `\`${v}\``)).join(", ")],
    ["primary key", guess.primaryKey ?? "none (no column is filled in and different in every row)"],
  ];
  const width = Math.max(...guess.fields.map((f) => f.name.length));
  const columns = guess.fields.map((f) => {
    const unit = [f.unit, f.scale && `scale ${f.scale}`, f.dateFormat].filter(Boolean).join(", ");
    return `    ${f.name.padEnd(width)}  ${f.type.padEnd(7)}  ${unit ? `${unit}: ` : ""}${f.reasons.join("; ")}`;
  });
  return [...lines.map(([k, v]) => `  ${k.padEnd(15)}${v}`), "  columns", ...columns].join("\n");
}

function gitUserName(): string | undefined {
  const result = spawnSync("git", ["config", "user.name"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

function parseArgs(args: string[]): {
  positional: string[];
  flags: Record<string, string | undefined> & { force?: string };
} {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--force") flags.force = "yes";
    else if (arg.startsWith("--")) flags[arg.slice(2)] = args[++i] ?? "";
    else positional.push(arg);
  }
  return { positional, flags };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
