// `build(options)`: checks the settings and all content first, then builds with Astro into a
// fresh folder, indexes it for search with Pagefind, and swaps it into the output folder only on
// success, so a failed build never leaves a half-written site and never loses the last good one.
// The site it replaces stays beside it as `<outDir>.previous/` until the next build starts
// (deleting a thousand stories' folders takes a second, which a one-story correction should not
// wait for). Callable in process (tests) or from `npm run build` (scripts/build.ts).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { defaultCacheDir, writeFileAtomic } from "../cache/folder.ts";
import { readConfig } from "../settings/read.ts";
import type { Site } from "../site/site.ts";
import { absolute, paths } from "../urls.ts";
import { stopOrphanedChild } from "./astro-child.ts";
import { startAstro, type AstroRun } from "./astro-run.ts";
import type * as ContentModules from "./content-modules.ts";
import {
  ASTRO_CACHE_DIR_ENV,
  BUILD_PID_ENV,
  CACHE_DIR_ENV,
  CONTENT_GATE_ENV,
  DRAFTS_ENV,
  PARTIAL_BUILD_ENV,
  PNGS_BY_BUILD_ENV,
  PUBLISHED_RECORD_ENV,
  ROOT_ENV,
  SHARED_DIGEST_ENV,
  SITE_URL_ENV,
} from "./env.ts";
import type { PartialBuild } from "./partial.ts";
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
  type BuildPlan,
  type BuildState,
} from "./plan.ts";
import { colourAllowed, startProgress, type Progress } from "./progress.ts";
import { searchedPages, type SearchIndexer } from "./search-index.ts";
import { startSearchIndexThread } from "./search-thread.ts";
import { folderEntries, moveInto, treeLinker } from "./site-folder.ts";

export interface BuildOptions {
  /** The project: its code, settings and node_modules. */
  project: string;
  /** The folder holding `content/` and `data/` (default: the project). */
  root?: string;
  /** Where the site goes (default `<project>/dist`). */
  outDir?: string;
  /** Derived files kept between builds (default: PLOTLINE_CACHE_DIR, else under node_modules). */
  cacheDir?: string;
  /** Build every page, whatever the last build left (`npm run build -- --full`). */
  full?: boolean;
  /** Build drafts too (previews). */
  drafts?: boolean;
  /** Print every page Astro writes. */
  verbose?: boolean;
  /** The build's day (`YYYY-MM-DD`, default today in UTC): when a story enters the published record. */
  today?: string;
  /** Keep the published record up to date (default true; tests of fixtures in the repo turn it off). */
  writeRecord?: boolean;
  /** The environment the settings are read from and Astro runs in (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where messages go (default the console); `live` redraws one progress line per phase. */
  output?: BuildOutput;
}

export interface BuildOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  live: boolean;
}

export interface BuildResult {
  /** The exit status for the command line: 0 built (or nothing to do), else failed. */
  status: number;
  outDir: string;
  /** What the build did, when it built: stories, charts, pages indexed for search. */
  built?: { stories: number; charts: number; indexed: number };
}

/** Console output: a live line on a terminal, plain lines in a log. */
export const consoleOutput = (): BuildOutput => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  live: Boolean(process.stdout.isTTY),
});

/** A build that failed for a reason already printed. */
class BuildStopped extends Error {
  readonly status: number;
  constructor(status: number) {
    super("build stopped");
    this.status = status;
  }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const env = options.env ?? process.env;
  const output = options.output ?? consoleOutput();
  const project = options.project;
  const root = options.root ?? project;
  // Resolved, so that `dist/` (with its slash) still puts the sibling folders below beside it.
  const outDir = resolve(project, options.outDir || "dist");
  const cache = options.cacheDir ?? defaultCacheDir();
  const progress = startProgress({ write: output.out, live: output.live });
  const say = (text: string) => progress.line(text);
  const complain = (text: string) => output.err(`${text}\n`);

  const unsafe = outDirProblem(outDir, { project, content: root, cache }, folderEntries(outDir));
  if (unsafe) {
    complain(
      `PLOTLINE_OUT_DIR is ${outDir}, but ${unsafe}: a build replaces its output folder whole. ` +
        "Set it to a folder of its own, such as dist (the default).",
    );
    return { status: 1, outDir };
  }
  // Astro writes into a folder of its own (it empties its outDir when it starts); the new site is
  // put together in `next`, and the one it replaces is moved to `previous`.
  const astroOut = `${outDir}.astro-out`;
  const next = `${outDir}.next`;
  const previous = `${outDir}.previous`;
  // Astro keeps its content store in its cache folder and reads it back while bundling, so two
  // builds of different content at once (tests, benchmarks) would mix their pages: a build into a
  // folder other than dist/ gets a cache of its own beside it.
  const astroCache = outDir !== resolve(project, "dist") ? `${outDir}.astro-cache` : undefined;
  const keptSite = () => (existsSync(outDir) ? `The last good site in ${outDir}/ is unchanged.` : "");
  const linkTree = treeLinker();
  // The swap's progress: the old site moved aside, then the new one in place.
  let movedAside = false;
  let swapped = false;
  let astro: AstroRun | undefined;
  // The search index; a partial build starts it on the last site's pages while Astro works.
  let search: { indexer: SearchIndexer; pages: string[] } | undefined;
  /** Starts an index of `pages` (in `dir`); `background`: at the lowest priority, beside Astro. */
  const startSearch = (dir: string, pages: string[], background = false) => {
    search = { indexer: startSearchIndexThread({ background }), pages };
    search.indexer.add(dir, pages);
    return search.indexer;
  };
  const stopSearch = async () => {
    await search?.indexer.discard();
    search = undefined;
  };
  // Started once the content modules are loaded (below).
  let pngs: ReturnType<typeof ContentModules.startPngPool> | undefined;

  // performance.now() counts from the start of the process, so the first phase is loading the code.
  const phases: string[] = [`start-up ${(performance.now() / 1000).toFixed(1)} s`];
  let phaseStart = performance.now();
  /** Records how long the phase that just ended took, for the summary line. */
  const phase = (name: string) => {
    const now = performance.now();
    phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = now;
  };

  try {
    // 1. Settings (plotline.config.json). The site URL is checked here so no page is ever
    //    written with `undefined` in its links; every problem is reported with the content's.
    const settings = readConfig({ projectRoot: project, env });
    // Inputs exactly those of the last good build into this folder: nothing to do. (That build
    // checked the same content and found no error.)
    const stateFile = statePath(cache, outDir);
    const lastBuild = options.full ? undefined : readState(stateFile);
    const shared = sharedDigest({
      project,
      root,
      settings: JSON.stringify([settings.site, options.drafts ? "1" : "", process.version]),
    });
    const stories = storyDigests(root);
    // Half-built folders left by a build that was killed go at once, once its Astro has stopped
    // (it stops by itself soon after the build: astro-child.ts).
    const astroPidFile = `${stateFile}.astro-pid`;
    await stopOrphanedChild(astroPidFile, astroOut);
    for (const dir of [astroOut, next]) rmSync(dir, { recursive: true, force: true });
    // A build stopped between the two renames of its swap (below) left the last good site in
    // `previous` and no state: put the site back, and build everything.
    if (!existsSync(outDir) && existsSync(previous) && !existsSync(stateFile)) renameSync(previous, outDir);

    // 2. What to build: everything, or only the stories that changed (the rest is kept from the
    //    last build), decided from digests alone. See plan.ts.
    let plan: BuildPlan = planBuild({
      previous: lastBuild,
      shared,
      stories,
      folder: folderIdentity(outDir),
      outputExists: (file) => existsSync(join(outDir, file)),
    });
    if (!settings.messages.length && plan.kind === "none") {
      say(`Nothing changed since the last build: ${outDir}/ is up to date.`);
      return { status: 0, outDir };
    }
    if (plan.kind === "full" && plan.reason) say(`Building every page: ${plan.reason}.`);
    // The site before the last one goes while this build works (after a partial build it shares
    // most files with the site it is about to replace). Only while that site stands, though, so
    // the last good site is never lost. A failure to delete it is dealt with at the swap.
    const previousCleared = existsSync(outDir)
      ? rm(previous, { recursive: true, force: true }).catch((error: unknown) => error)
      : undefined;

    // A partial build starts Astro now, so its start-up overlaps the content check; its loader
    // waits for the gate (content-gate.ts). A full build starts it after the check: all of the
    // content is in this process's memory until then, and Astro's beside it would crowd the PNGs.
    const gate = `${stateFile}.gate`;
    const pendingRecord = `${stateFile}.record.json`;
    rmSync(gate, { force: true });
    const siteUrl = settings.site;
    // As Astro's loader writes it (`new URL(site).href`), so both name the same story cache.
    const siteHref = siteUrl ? new URL(siteUrl).href : undefined;
    let partialFile = plan.kind === "partial" && siteUrl ? `${stateFile}.partial.json` : undefined;
    let partial: PartialBuild | undefined;
    let pagesWritten = 0;
    let astroPhase: ReturnType<Progress["phase"]> | undefined;
    const runAstro = (extraEnv: Record<string, string>) =>
      startAstro({
        project,
        outDir: astroOut,
        pidFile: astroPidFile,
        verbose: Boolean(options.verbose),
        // Node 24 lets the young generation grow to 64 MB a half. On these VMs a page fault is
        // dear, and in a partial build a 16 MB cap kept the collector's working set warm
        // (docs/benchmarks.md). Not in a full build, where the whole site is in memory and the
        // cap made it slower.
        nodeFlags: partialFile ? ["--max-semi-space-size=16"] : [],
        env: {
          ...env,
          ASTRO_TELEMETRY_DISABLED: "1",
          // Node keeps what it compiled of Astro, Vite and our code for the next build's child.
          NODE_COMPILE_CACHE: join(cache, "node-compile"),
          ...(colourAllowed(output.live, env) ? {} : { NO_COLOR: "1", FORCE_COLOR: "0" }),
          [BUILD_PID_ENV]: String(process.pid),
          [ROOT_ENV]: root,
          [CACHE_DIR_ENV]: cache,
          [DRAFTS_ENV]: options.drafts ? "1" : "",
          [SITE_URL_ENV]: settings.site ?? "",
          [PNGS_BY_BUILD_ENV]: "1",
          [SHARED_DIGEST_ENV]: shared,
          [PUBLISHED_RECORD_ENV]: pendingRecord,
          ...(partialFile ? { [PARTIAL_BUILD_ENV]: partialFile } : {}),
          ...(astroCache ? { [ASTRO_CACHE_DIR_ENV]: astroCache } : {}),
          ...extraEnv,
        },
        onPage: () => astroPhase?.update(++pagesWritten),
        print: (line, stream) => (stream === "err" ? complain(line) : say(line)),
      });
    const writePartial = (plan: PartialBuild) => {
      // Whole: Astro may be reading it.
      writeFileAtomic(partialFile!, JSON.stringify(plan));
    };
    if (plan.kind === "partial" && partialFile) {
      partial = {
        stories: plan.stories,
        // Drafts have no page to keep. Every dataset's page is listed too: most are kept, and the
        // sitemap drops the ones built again as repeats.
        keptPages: [
          ...plan.kept
            .filter((slug) => lastBuild!.stories[slug]!.page)
            .flatMap((slug) => lastBuild!.stories[slug]!.pages ?? [paths.story(slug)]),
          ...lastBuild!.datasets.map((id) => paths.dataset(id)),
        ].map((path) => absolute(path, siteUrl!)),
        // Which datasets the changed stories use now is known once they are checked: see below.
        datasets: [],
      };
      writePartial(partial);
      say(`Building ${plan.stories.length} changed stories; keeping ${plan.kept.length} from the last build.`);
      astro = runAstro({ [CONTENT_GATE_ENV]: gate });
      // Pagefind reads the last site's pages meanwhile, at the lowest priority (Astro is what the
      // build waits for); the changed ones are put in their places once Astro has written them.
      startSearch(outDir, searchedPages(outDir), true);
    }

    // 3. Content: every error of every file, printed together, before any page is written.
    //    Charts are drawn once here and kept in the chart cache, which Astro's loader then reads.
    //    Each chart's PNG is handed to a worker thread as soon as the chart is drawn, so
    //    rasterising (the costliest part of a cold build) uses the other cores meanwhile.
    const contentPhase = progress.phase("Checking content");
    const {
      aliasProblems,
      checkSiteRecord,
      fileChartCache,
      fileDatasetCache,
      formatReport,
      frameReader,
      headersFile,
      loadSite,
      openPngKeyMemo,
      pageStoryCache,
      placesOwner,
      pngCachePath,
      readSourceFrom,
      recordDay,
      recordText,
      siteRedirects,
      sortMessages,
      standaloneSvg,
      startPngPool,
      storyPanels,
      topicProblems,
      writeRecord,
    } = await import("./content-modules.ts");
    const pool = startPngPool({ cacheDir: cache });
    pngs = pool;
    const pngKeys = new Map<string, string>();
    const pngKeyMemo = openPngKeyMemo(cache);
    let site: Site | undefined = loadSite({
      root,
      drafts: options.drafts,
      cache: fileChartCache(cache),
      datasetCache: fileDatasetCache(cache),
      // Rendered as Astro's loader renders them, into the cache it reads (src/site/page-stories.ts).
      storyCache: pageStoryCache(shared, siteHref, cache),
      panels: storyPanels(siteHref),
      onStory: (checked, total) => contentPhase.update(checked, total, "stories"),
      onChart: (chart) => {
        const key = pngKeyMemo.keyOf(
          chart,
          (known) => pool.addCached(known),
          () => pool.add(standaloneSvg(chart).svg),
        );
        // The same PNG under each earlier id, which other sites and newsletters may still load.
        for (const id of [chart.id, ...(chart.aliases ?? [])]) pngKeys.set(id, key);
      },
    });
    // Published figures: a revised dataset must not change what a published story printed.
    const published = checkSiteRecord({ root, stories: site.stories, today: options.today ?? recordDay() });
    const topicMessages = [
      ...topicProblems(root, site.stories),
      ...aliasProblems(root, site.stories, Object.keys(stories)),
    ];
    const messages = [
      ...sortMessages(settings.messages),
      ...sortMessages([...site.messages, ...topicMessages, ...published.messages]),
    ];
    const errors = messages.filter((m) => m.fatal !== false);
    // (The problems themselves, with their count, are printed in full just below.)
    contentPhase.end(
      `${site.stories.length} stories, ${site.charts.size} charts and ${site.datasets.size} datasets` +
        (messages.length ? `; ${messages.length} to look at below` : ""),
    );
    phase("content");
    if (messages.length) {
      const readFrom = (dir: string) => readSourceFrom(dir, frameReader(dir));
      const [fromProject, fromContent] = [readFrom(project), readFrom(root)];
      complain(formatReport(messages, { readSource: (file) => fromContent(file) ?? fromProject(file) }));
    }
    if (errors.length) {
      await Promise.all([pool.cancel(), stopAstro(), stopSearch()]);
      complain(`\nBuild stopped: fix the errors above. ${keptSite()}`);
      return { status: 1, outDir };
    }

    // The record as this build leaves it goes to Astro in a file of the build's own (the datasets'
    // pages list the revisions it accepted); content/ gets it only once the new site is in place,
    // so a failed build never records figures that readers did not see.
    writeFileAtomic(pendingRecord, recordText(published.record));
    // What this build was made from, for planning the next one.
    const current = buildState(site, shared, stories, placesOwner);
    // A story that starts or stops using a dataset, or becomes or stops being a draft, can change
    // which datasets are published: their pages and downloads come or go, and so do their entries
    // in the data index and the sitemap, whose kept pages were settled when Astro started. It is
    // rare: stop the partial build's Astro and build everything.
    if (plan.kind === "partial" && current.datasets.join() !== lastBuild!.datasets.join()) {
      say("Building every page: the datasets published changed.");
      await Promise.all([stopAstro(), stopSearch()]);
      astro = undefined;
      plan = { kind: "full" };
      partialFile = undefined;
      partial = undefined;
    }
    // A partial build also rebuilds the pages of the datasets the changed (or deleted) stories'
    // charts use or used, as those pages list them; Astro's routes read this once its loader goes on.
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

    // 4. PNGs and Astro at once: the PNGs started above go on being drawn into the cache by
    //    content while Astro builds the pages, then are linked into place.
    // Every story's HTML and drawings are in memory here; Astro reads them from the caches, so
    // let them go before it loads the site (at 1,000 stories this is hundreds of MB).
    const built = { stories: site.stories.length, charts: site.charts.size };
    // Old addresses and where they went, for hosts that read a `_redirects` file.
    const redirects = siteRedirects(site, siteUrl!);
    site = undefined;
    astroPhase = progress.phase("Writing pages");
    const pngRun = pool.finish();
    if (astro) writeFileSync(gate, "");
    else astro = runAstro({});
    const astroExit = astro.exit;
    // While Astro works: a partial build takes the kept stories' pages from the last site, and the
    // datasets' downloads and the pages it does not build. (The plan checked each file is there.)
    if (plan.kind === "partial") {
      for (const slug of plan.kept) {
        for (const file of storyOutputs(slug, lastBuild!.stories[slug]!))
          linkTree(join(outDir, file), join(next, file));
      }
      for (const id of lastBuild!.datasets) {
        for (const file of datasetOutputs(id)) {
          if (!(rebuiltDatasets.has(id) && file.endsWith("/index.html")))
            linkTree(join(outDir, file), join(next, file));
        }
      }
    }
    /** Puts every chart's PNG, drawn into the cache, in place in the new site. */
    const linkPngs = () => {
      mkdirSync(join(next, "charts"), { recursive: true });
      for (const [id, key] of pngKeys) linkTree(pngCachePath(key, cache), join(next, "charts", `${id}.png`));
    };
    // PNGs all drawn before Astro is done (so in every build whose charts came from the cache):
    // put them in place now, while the main thread would only wait.
    const pngsDoneFirst = await Promise.race([pngRun.then(() => true), astroExit.then(() => false)]);
    if (pngsDoneFirst) linkPngs();
    const astroStatus = await astroExit;
    rmSync(gate, { force: true });
    if (astroStatus !== 0) {
      await pool.cancel();
      astroPhase.end("failed");
      throw new BuildStopped(astroStatus);
    }
    astroPhase.end(`${pagesWritten} pages`);
    // The pages Astro wrote, which replace their last versions in the index begun beside it.
    const rewritten = search ? searchedPages(astroOut) : [];
    moveInto(astroOut, next);
    // Security headers for hosts that read a `_headers` file (src/site/security.ts).
    writeFileSync(join(next, "_headers"), headersFile(siteUrl!));
    writeFileSync(join(next, "_redirects"), redirects);
    phase("Astro");

    // 5. Search, beside the last PNGs: Pagefind reads only story pages, so the PNGs can still be
    //    on their way; they are linked into place once all are drawn.
    const searchPhase = progress.phase("Indexing for search and drawing PNGs");
    const pages = searchedPages(next);
    let indexer: SearchIndexer;
    if (search && pages.join("\n") === search.pages.join("\n")) {
      // The same pages as the last site: the ones Astro wrote replace their old selves in place.
      indexer = search.indexer;
      indexer.add(next, rewritten);
    } else {
      // A full build, or pages came or went: index the new site's pages from the start.
      await stopSearch();
      indexer = startSearch(next, pages);
    }
    const [indexed, drawn] = await Promise.all([indexer.write(next), pngRun]);
    search = undefined;
    if (!pngsDoneFirst) linkPngs();
    if (drawn.drawn) {
      mkdirSync(cache, { recursive: true });
      writeFileSync(join(cache, "png-ms.json"), JSON.stringify({ mean: drawn.meanMs, drawn: drawn.drawn }));
    }
    searchPhase.end(
      `${indexed.pages} pages indexed; PNGs: ${drawn.drawn} drawn` +
        `${drawn.drawn ? ` (${drawn.meanMs.toFixed(0)} ms each)` : ""}, ${drawn.cached} unchanged from the cache`,
    );
    phase("search and last PNGs");
    if (indexed.errors.length) {
      complain(`Search indexing failed:\n${indexed.errors.join("\n")}`);
      throw new BuildStopped(1);
    }

    // 6. Swap: the new site replaces the old one in two renames; remember what it was built from.
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
    if (options.writeRecord !== false) writeRecord(root, published.record);
    pngKeyMemo.save();
    phase("swap");
    say(
      `Built ${built.stories} stories and ${built.charts} charts into ${outDir}/ ` +
        `(${indexed.pages} pages indexed for search): ${phases.join(", ")}.`,
    );
    return { status: 0, outDir, built: { ...built, indexed: indexed.pages } };
  } catch (error) {
    // A failure of Astro's or our own (not a content error) must not leave a half-written folder
    // behind either, nor, between the swap's two renames, no site at all.
    astro?.kill();
    await pngs?.cancel().catch(() => undefined);
    await stopSearch().catch(() => undefined);
    try {
      if (movedAside && !swapped) renameSync(previous, outDir);
    } catch {
      // Left in `previous`; the next build puts it back (see above).
    }
    for (const dir of [astroOut, next]) rmSync(dir, { recursive: true, force: true });
    const where = swapped
      ? `The new site is in ${outDir}/, but what it was built from was not recorded: the next build builds every page.`
      : keptSite();
    if (error instanceof BuildStopped) {
      complain(`\nBuild failed. ${where}`);
      return { status: error.status, outDir };
    }
    complain(`\nBuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${where}`);
    return { status: 1, outDir };
  }

  /** Stops an Astro started early (still waiting at the gate) and removes what it wrote. */
  async function stopAstro(): Promise<void> {
    if (!astro) return;
    astro.kill();
    await astro.exit;
    rmSync(astroOut, { recursive: true, force: true });
  }
}

/** What a checked site was built from: each story's digest, charts, datasets and page. */
function buildState(
  site: Site,
  shared: string,
  stories: Record<string, string>,
  placesOwner: typeof ContentModules.placesOwner,
): BuildState {
  // (`folder` is known once the new site is in place.)
  const current: BuildState = { shared, stories: {}, datasets: site.published, folder: "" };
  for (const [slug, digest] of Object.entries(stories)) {
    current.stories[slug] = { digest, charts: [], datasets: [], page: false };
  }
  for (const story of site.stories) {
    current.stories[story.slug]!.page = true;
    if (story.frontmatter.aliases.length) current.stories[story.slug]!.aliases = story.frontmatter.aliases;
  }
  for (const [id, { chart, story }] of site.charts) {
    const entry = current.stories[story]!;
    // An earlier id has the same files as the id: a partial build keeps them too.
    entry.charts.push(id, ...(chart.aliases ?? []));
    if (!entry.datasets.includes(chart.dataset)) entry.datasets.push(chart.dataset);
  }
  // A place template's pages (its index and one a place) are planned like a story's.
  for (const set of site.places) {
    const entry = current.stories[placesOwner(set.template.name)]!;
    entry.page = true;
    entry.pages = [
      paths.placeIndex(set.template.name),
      ...set.places.map((place) => paths.place(set.template.name, place.slug)),
    ];
    for (const id of [set.dataset, ...set.pages.flatMap((page) => page.quoted)])
      if (!entry.datasets.includes(id)) entry.datasets.push(id);
  }
  // A dataset's page lists the stories that quote it too, so a story's quoted datasets are its own.
  for (const story of site.stories) {
    const entry = current.stories[story.slug]!;
    for (const id of story.quoted) if (!entry.datasets.includes(id)) entry.datasets.push(id);
  }
  return current;
}
