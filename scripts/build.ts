// `npm run build`: checks the settings and all content first, then builds with Astro into a fresh
// folder, indexes it for search with Pagefind, and swaps it into `dist/` only on success, so a
// failed build never leaves a half-written site and never loses the last good one. The site it
// replaces stays beside it as `dist.previous/` until the next build starts (deleting a thousand
// stories' folders takes a second, which a one-story correction should not wait for).
import { spawn, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { defaultCacheDir, fileChartCache } from "../src/charts/cache.ts";
import { pngCachePath } from "../src/charts/png-cache.ts";
import { openPngKeyMemo } from "../src/charts/png-keys.ts";
import { PNGS_BY_BUILD_ENV, startPngPool } from "../src/charts/png-pool.ts";
import { standaloneSvg } from "../src/charts/standalone.ts";
import { contentRoot } from "../src/config.ts";
import { sortMessages } from "../src/errors/diagnostic.ts";
import { BUILD_PID_ENV, forgetChild, noteChild, stopOrphanedChild } from "../src/build-child.ts";
import { CONTENT_GATE_ENV } from "../src/content-gate.ts";
import { formatReport, readSourceFrom } from "../src/errors/print.ts";
import { SHARED_DIGEST_ENV } from "../src/markdown/loader.ts";
import { loadSite, type Site } from "../src/markdown/site.ts";
import { pageStoryCache, storyPanels } from "../src/markdown/page-stories.ts";
import { PARTIAL_BUILD_ENV, type PartialBuild } from "../src/partial-build.ts";
import { absolute, paths, readSiteUrl, SITE_URL_ENV } from "../src/urls.ts";
import {
  datasetOutputs,
  folderIdentity,
  outDirProblem,
  planBuild,
  readState,
  sharedDigest,
  statePath,
  storyDigests,
  storyOutputs,
  writeState,
  type BuildState,
} from "./build-plan.ts";

const project = process.cwd();
const root = contentRoot();
// Resolved, so that `dist/` (with its slash) still puts the sibling folders below beside it.
const outDir = resolve(project, process.env.PLOTLINE_OUT_DIR || "dist");
const unsafe = outDirProblem(outDir, { project, content: root, cache: defaultCacheDir() }, folderEntries(outDir));
if (unsafe) {
  console.error(
    `PLOTLINE_OUT_DIR is ${outDir}, but ${unsafe}: a build replaces its output folder whole. ` +
      "Set it to a folder of its own, such as dist (the default).",
  );
  process.exit(1);
}
// Astro writes into a folder of its own (it empties its outDir when it starts); the new site is
// put together in `next`, and the one it replaces is moved to `previous`.
const astroOut = `${outDir}.astro-out`;
const next = `${outDir}.next`;
const previous = `${outDir}.previous`;
// Astro keeps its content store in its cache folder and reads it back while bundling, so two builds
// of different content at once (tests, benchmarks) would mix their pages: a build into a folder
// other than dist/ gets a cache of its own beside it.
const cacheDir = process.env.PLOTLINE_OUT_DIR ? `${outDir}.astro-cache` : undefined;
let astro: ChildProcess | undefined;
// The swap's progress: the old site moved aside, then the new one in place.
let movedAside = false;
let swapped = false;
// Folders made by linkTree: a partial build links thousands of files, 3,000 into charts/ alone.
const madeFolders = new Set<string>();
// A failure of our own (not a content error) must not leave a half-written folder behind either,
// nor, between the swap's two renames, no site at all.
const abandon = (error: unknown) => {
  astro?.kill("SIGKILL");
  try {
    if (movedAside && !swapped) renameSync(previous, outDir);
  } catch {
    // Left in `previous`; the next build puts it back (see below).
  }
  for (const dir of [astroOut, next]) rmSync(dir, { recursive: true, force: true });
  const where = swapped
    ? `The new site is in ${outDir}/, but what it was built from was not recorded: the next build builds every page.`
    : keptSite();
  console.error(`\nBuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${where}`);
  process.exit(1);
};
process.on("uncaughtException", abandon);
process.on("unhandledRejection", abandon);

// performance.now() counts from the start of the process, so the first phase is loading the code.
const phases: string[] = [`start-up ${(performance.now() / 1000).toFixed(1)} s`];
let phaseStart = performance.now();
/** Records how long the phase that just ended took, for the summary line. */
const phase = (name: string) => {
  const now = performance.now();
  phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
};
const keptSite = () => (existsSync(outDir) ? `The last good site in ${outDir}/ is unchanged.` : "");

// 1. Settings and content: every error of every file, printed together, before Astro starts.
//    The site URL is checked here so no page is ever written with `undefined` in its links.
const settings = readSiteUrl({ projectRoot: project, env: process.env });

// Inputs exactly those of the last good build into this folder: nothing to do. (That build
// checked the same content and found no error.)
const stateFile = statePath(defaultCacheDir(), outDir);
// `npm run build -- --full` ignores the last build and builds every page.
const lastBuild = process.argv.includes("--full") ? undefined : readState(stateFile);
const shared = sharedDigest({
  project,
  root,
  settings: JSON.stringify([settings.site, process.env.PLOTLINE_DRAFTS ?? "", process.version]),
});
const stories = storyDigests(root);
// Half-built folders left by a build that was killed go at once, once its Astro has stopped (it
// stops by itself soon after the build: src/build-child.ts).
const astroPidFile = `${stateFile}.astro-pid`;
await stopOrphanedChild(astroPidFile, astroOut);
for (const dir of [astroOut, next]) rmSync(dir, { recursive: true, force: true });
// A build stopped between the two renames of its swap (below) left the last good site in
// `previous` and no state: put the site back, and build everything.
if (!existsSync(outDir) && existsSync(previous) && !existsSync(stateFile)) renameSync(previous, outDir);
// 2. What to build: everything, or only the stories that changed (the rest is kept from the last
//    build), decided from digests alone. See scripts/build-plan.ts.
const plan = planBuild({
  previous: lastBuild,
  shared,
  stories,
  folder: folderIdentity(outDir),
  outputExists: (file) => existsSync(join(outDir, file)),
});
if (!settings.messages.length && plan.kind === "none") {
  console.log(`Nothing changed since the last build: ${outDir}/ is up to date.`);
  process.exit(0);
}
if (plan.kind === "full" && plan.reason) console.log(`Building every page: ${plan.reason}.`);
// The site before the last one goes while this build works (after a partial build it shares most
// files with the site it is about to replace). Only while that site stands, though, so the last
// good site is never lost. A failure to delete it is dealt with at the swap, where it matters.
const previousCleared = existsSync(outDir)
  ? rm(previous, { recursive: true, force: true }).catch((error: unknown) => error)
  : undefined;

// A partial build starts Astro now, so its start-up overlaps the content check; its loader
// waits for the gate (src/content-gate.ts). A full build starts it after the check: all of the
// content is in this process's memory until then, and Astro's beside it would crowd the PNGs.
const gate = `${stateFile}.gate`;
rmSync(gate, { force: true });
let partialFile: string | undefined;
let partial: PartialBuild | undefined;
let astroExit: Promise<number> | undefined;
const siteUrl = settings.site;
// As Astro's loader writes it (`new URL(site).href`), so both name the same story cache.
const siteHref = siteUrl ? new URL(siteUrl).href : undefined;
if (plan.kind === "partial" && siteUrl) {
  partialFile = `${stateFile}.partial.json`;
  partial = {
    stories: plan.stories,
    // Drafts have no page to keep. Every dataset's page is listed too: most are kept, and the
    // sitemap drops the ones built again as repeats.
    keptPages: [
      ...plan.kept.filter((slug) => lastBuild!.stories[slug]!.page).map((slug) => paths.story(slug)),
      ...lastBuild!.datasets.map((id) => paths.dataset(id)),
    ].map((path) => absolute(path, siteUrl)),
    // Which datasets the changed stories use now is known once they are checked: see below.
    datasets: [],
  };
  writePartial(partial);
  console.log(`Building ${plan.stories.length} changed stories; keeping ${plan.kept.length} from the last build.`);
  astroExit = startAstro({ [CONTENT_GATE_ENV]: gate });
}

// Charts are drawn once here and kept in the chart cache, which Astro's loader then reads. Each
// chart's PNG is handed to a worker thread as soon as the chart is drawn, so rasterising (the
// costliest part of a cold build) uses the other cores while the content is still being checked.
const pngs = startPngPool();
const pngKeys = new Map<string, string>();
const pngKeyMemo = openPngKeyMemo();
let site: Site | undefined = loadSite({
  root,
  // Drafts as Astro's loader sees them (src/markdown/loader.ts): previews give them pages and PNGs.
  drafts: process.env.PLOTLINE_DRAFTS === "1",
  cache: fileChartCache(),
  // Rendered as Astro's loader renders them, into the cache it reads (src/markdown/page-stories.ts).
  storyCache: pageStoryCache(shared, siteHref),
  panels: storyPanels(siteHref),
  onChart: (chart) =>
    pngKeys.set(
      chart.id,
      pngKeyMemo.keyOf(
        chart,
        (key) => pngs.addCached(key),
        () => pngs.add(standaloneSvg(chart).svg),
      ),
    ),
});
const messages = [...sortMessages(settings.messages), ...site.messages];
phase("content");
if (messages.length) {
  const readFrom = (dir: string) => readSourceFrom(dir, (p) => readFileSync(p, "utf8"));
  const [fromProject, fromContent] = [readFrom(project), readFrom(root)];
  console.error(formatReport(messages, { readSource: (file) => fromContent(file) ?? fromProject(file) }));
}
if (messages.some((m) => m.fatal !== false)) {
  await Promise.all([pngs.cancel(), stopAstro()]);
  console.error(`\nBuild stopped: fix the errors above. ${keptSite()}`);
  process.exit(1);
}

// What this build was made from, for planning the next one.
// (`folder` is known once the new site is in place.)
const current: BuildState = { shared, stories: {}, datasets: [...site.datasets.keys()].sort(), folder: "" };
for (const [slug, digest] of Object.entries(stories)) {
  current.stories[slug] = { digest, charts: [], datasets: [], page: false };
}
for (const story of site.stories) current.stories[story.slug]!.page = true;
for (const [id, { chart, story }] of site.charts) {
  const entry = current.stories[story]!;
  entry.charts.push(id);
  if (!entry.datasets.includes(chart.dataset)) entry.datasets.push(chart.dataset);
}
// A dataset's page lists the stories that quote it too, so a story's quoted datasets are its own.
for (const story of site.stories) {
  const entry = current.stories[story.slug]!;
  for (const id of story.quoted) if (!entry.datasets.includes(id)) entry.datasets.push(id);
}
// A partial build also rebuilds the pages of the datasets the changed (or deleted) stories' charts
// use or used, as those pages list them; Astro's routes read this once its loader goes on.
const rebuiltDatasets = new Set<string>();
if (partial && plan.kind === "partial") {
  const gone = Object.keys(lastBuild!.stories).filter((slug) => !(slug in stories));
  for (const slug of [...plan.stories, ...gone]) {
    for (const id of [...(current.stories[slug]?.datasets ?? []), ...(lastBuild!.stories[slug]?.datasets ?? [])]) {
      rebuiltDatasets.add(id);
    }
  }
  writePartial({ ...partial, datasets: [...rebuiltDatasets].sort() });
}

// 3. PNGs and Astro at once: the PNGs started above go on being drawn into the cache by content
//    while Astro builds the pages, then are linked into place. The URL checked above is handed
//    on, so Astro's config reads the same one.
// Every story's HTML and drawings are in memory here; Astro reads them from the caches, so let
// them go before it loads the site (at 1,000 stories this is hundreds of MB).
const built = { stories: site.stories.length, charts: site.charts.size };
site = undefined;
const pngRun = pngs.finish();
if (astroExit) writeFileSync(gate, "");
else astroExit = startAstro({});
// While Astro works: a partial build takes the kept stories' pages from the last site, and the
// datasets' downloads and the pages it does not build.
if (plan.kind === "partial") {
  // (The plan checked that each of these files is there.)
  for (const slug of plan.kept) {
    for (const file of storyOutputs(slug, lastBuild!.stories[slug]!)) linkTree(join(outDir, file), join(next, file));
  }
  for (const id of lastBuild!.datasets) {
    for (const file of datasetOutputs(id)) {
      if (!(rebuiltDatasets.has(id) && file.endsWith("/index.html"))) linkTree(join(outDir, file), join(next, file));
    }
  }
}
// PNGs all drawn before Astro is done (so in every build whose charts came from the cache): put
// them in place now, while the main thread would only wait.
const pngsDoneFirst = await Promise.race([pngRun.then(() => true), astroExit.then(() => false)]);
if (pngsDoneFirst) linkPngs();
const astroStatus = await astroExit;
rmSync(gate, { force: true });
if (astroStatus !== 0) {
  await pngs.cancel();
  for (const dir of [astroOut, next]) rmSync(dir, { recursive: true, force: true });
  console.error(`\nBuild failed. ${keptSite()}`);
  process.exit(astroStatus);
}
moveInto(astroOut, next);
phase("Astro");

// 4. Search, beside the last PNGs: Pagefind indexes the new folder (only elements marked
//    data-pagefind-body: the stories) and writes dist/pagefind/, which /search/ loads from the
//    same origin. It reads only story pages, so the PNGs can still be on their way; they are
//    linked into place once all are drawn.
const [indexed, drawn] = await Promise.all([searchIndex(next), pngRun]);
if (!pngsDoneFirst) linkPngs();
if (drawn.drawn) {
  mkdirSync(defaultCacheDir(), { recursive: true });
  writeFileSync(join(defaultCacheDir(), "png-ms.json"), JSON.stringify({ mean: drawn.meanMs, drawn: drawn.drawn }));
}
console.log(
  `PNGs: ${drawn.drawn} drawn (${drawn.meanMs.toFixed(0)} ms each), ${drawn.cached} unchanged from the cache.`,
);
phase("search and last PNGs");
if (indexed.errors.length) {
  rmSync(next, { recursive: true, force: true });
  console.error(`Search indexing failed:\n${indexed.errors.join("\n")}\n\nBuild failed. ${keptSite()}`);
  process.exit(1);
}

// 5. Swap: the new site replaces the old one in two renames; remember what it was built from.
//    The state goes first, so a build stopped between the renames leads to a full build.
if ((await previousCleared) !== undefined) rmSync(previous, { recursive: true, force: true });
rmSync(stateFile, { force: true });
if (previousCleared && existsSync(outDir)) {
  renameSync(outDir, previous);
  movedAside = true;
}
renameSync(next, outDir);
swapped = true;
writeState(stateFile, { ...current, folder: folderIdentity(outDir)! });
pngKeyMemo.save();
phase("swap");
console.log(
  `Built ${built.stories} stories and ${built.charts} charts into ${outDir}/ ` +
    `(${indexed.pages} pages indexed for search): ${phases.join(", ")}.`,
);

/** Puts every chart's PNG, drawn into the cache, in place in the new site. */
function linkPngs(): void {
  mkdirSync(join(next, "charts"), { recursive: true });
  for (const [id, key] of pngKeys) linkTree(pngCachePath(key), join(next, "charts", `${id}.png`));
}

/** The names in `dir` if it is a folder, null if it is something else, undefined if nothing. */
function folderEntries(dir: string): string[] | null | undefined {
  if (!existsSync(dir)) return undefined;
  return statSync(dir).isDirectory() ? readdirSync(dir) : null;
}

/** Writes the partial build's plan for Astro, whole (Astro may be reading it). */
function writePartial(partial: PartialBuild): void {
  writeFileSync(`${partialFile}.tmp`, JSON.stringify(partial));
  renameSync(`${partialFile}.tmp`, partialFile!);
}

/** Starts `astro build` into its own folder; resolves with its exit status. */
function startAstro(extraEnv: Record<string, string>): Promise<number> {
  const bin = join(project, "node_modules", "astro", "bin", "astro.mjs");
  // Node 24 lets the young generation grow to 64 MB a half. On these VMs a page fault is dear, and
  // in a partial build a 16 MB cap kept the collector's working set warm (docs/benchmarks.md).
  // Not in a full build, where the whole site is in memory and the cap made it slower.
  const flags = partialFile ? ["--max-semi-space-size=16"] : [];
  astro = spawn(process.execPath, [...flags, bin, "build", "--outDir", astroOut], {
    stdio: "inherit",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      [BUILD_PID_ENV]: String(process.pid),
      [SITE_URL_ENV]: settings.site ?? "",
      [PNGS_BY_BUILD_ENV]: "1",
      [SHARED_DIGEST_ENV]: shared,
      ...(partialFile ? { [PARTIAL_BUILD_ENV]: partialFile } : {}),
      ...(cacheDir ? { PLOTLINE_ASTRO_CACHE_DIR: cacheDir } : {}),
      ...extraEnv,
    },
  });
  noteChild(astroPidFile, astro.pid);
  return new Promise((done) =>
    astro!.on("exit", (code) => {
      forgetChild(astroPidFile);
      done(code ?? 1);
    }),
  );
}

/** Stops an Astro started early (still waiting at the gate) and removes what it wrote. */
async function stopAstro(): Promise<void> {
  if (!astroExit) return;
  astro!.kill("SIGKILL");
  await astroExit;
  rmSync(astroOut, { recursive: true, force: true });
}

async function searchIndex(dir: string): Promise<{ pages: number; errors: string[] }> {
  try {
    const created = await pagefind.createIndex({
      // The drawings' axis labels and the share panels' code are not words a reader searches for.
      excludeSelectors: [".chart-drawings", ".chart-share"],
    });
    if (!created.index) return { pages: 0, errors: created.errors };
    // Only story pages are indexed (data-pagefind-body), so only they need reading.
    const added = await created.index.addDirectory({ path: dir, glob: "stories/**/*.html" });
    // Not `writeFiles`: it can answer before its files are all on disk, and `close()` below then
    // stops the writer (a truncated pagefind-entry.json in about one build in six at 1,000
    // stories). The files come back in memory and are written here, whole, before we go on.
    const index = await created.index.getFiles();
    const errors = [...created.errors, ...added.errors, ...index.errors];
    if (errors.length) return { pages: 0, errors };
    let entryFile: Uint8Array | undefined;
    for (const file of index.files) {
      const path = join(dir, "pagefind", file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      if (file.path === "pagefind-entry.json") entryFile = file.content;
    }
    // Pagefind reads every page but indexes only those with data-pagefind-body: count those.
    const entry = JSON.parse(new TextDecoder().decode(entryFile)) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0), errors };
  } finally {
    await pagefind.close();
  }
}

/** Moves everything under the folder `from` into the folder `to`, merging folders both have. */
function moveInto(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory() && existsSync(target)) moveInto(source, target);
    else renameSync(source, target);
  }
  rmSync(from, { recursive: true });
}

/** Makes folder `dir` for linkTree, once. */
function makeFolder(dir: string): void {
  if (!madeFolders.has(dir)) mkdirSync(dir, { recursive: true });
  madeFolders.add(dir);
}

/**
 * Puts `from` (a file or a folder) at `to` as hard links: the files are never changed in place
 * (the cache and the old site are only ever replaced whole), so sharing them is safe, and far
 * faster than copying a thousand stories' pages or three thousand PNGs. Copies across devices.
 */
function linkTree(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    makeFolder(to);
    for (const name of readdirSync(from)) linkTree(join(from, name), join(to, name));
    return;
  }
  makeFolder(dirname(to));
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
