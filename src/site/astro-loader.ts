// Astro content loaders over loadSite: one load feeds every collection (stories, charts,
// datasets), and in `astro dev` a change to a story, CSV or sidecar reloads them.
import { existsSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import type { Loader, LoaderContext } from "astro/loaders";
import { contentChecked } from "../build/content-gate.ts";
import { DRAFTS_ENV, SHARED_DIGEST_ENV } from "../build/env.ts";
import { partialBuild } from "../build/partial.ts";
import { blobId, listBlobsAfresh, hasBlob, lazyBlobId, putBlob } from "../cache/blobs.ts";
import { fileChartCache } from "../cache/charts.ts";
import { fileDatasetCache } from "../cache/datasets.ts";
import { frameReader } from "../content-files.ts";
import { formatReport, readSourceFrom } from "../errors/print.ts";
import { chartEntry, showsTableChart } from "./chart-entry.ts";
import { datasetBlobs, datasetEntry, datasetLinks, pagesRecord } from "./dataset-entry.ts";
import { pageStoryCache, storyPanels } from "./page-stories.ts";
import { placeIndexEntry, placePageEntry } from "./place-entry.ts";
import { loadSite, type Site } from "./site.ts";

type Fill = (site: Site, context: LoaderContext) => void;

/**
 * How a collection is filled: afresh (the store cleared first), or, for one whose entries carry a
 * digest of everything they are made from, keeping the entries whose digest did not change. Only a
 * partial build keeps: a full build (new code, settings or data) starts from an empty store.
 */
type Refill = "afresh" | "keepUnchanged";

export function plotlineLoader(options: { root: string }) {
  let pending: Promise<Site> | undefined;
  // Astro's `site` (see astro.config.mjs): the embed and newsletter panels under each chart need
  // absolute URLs, so without one (`astro dev` with no URL configured) the panels are left out.
  const site = (siteUrl: URL | undefined) =>
    (pending ??= contentChecked().then(() => {
      // Each blob folder read once for this load (astro dev reloads: the cache may have changed).
      listBlobsAfresh();
      return loadSite({
        root: options.root,
        drafts: process.env[DRAFTS_ENV] === "1",
        cache: fileChartCache(),
        // The build's content check read every dataset into this cache: here they are read back.
        datasetCache: fileDatasetCache(),
        // The shared digest is set by the build (src/build/build.ts), whose content check rendered and cached
        // every story just so: here they come from the story cache. Without it (`astro dev`),
        // every story is rendered.
        storyCache: process.env[SHARED_DIGEST_ENV]
          ? pageStoryCache(process.env[SHARED_DIGEST_ENV], siteUrl?.href)
          : undefined,
        panels: storyPanels(siteUrl?.href),
      });
    }));
  const reloaders: Array<() => Promise<void>> = [];
  let watching = false;
  const watched = ["data", "content", join("content", "stories"), join("content", "places")].map((dir) =>
    join(options.root, dir),
  );

  const sync = async (fill: Fill, context: LoaderContext, refill: Refill) => {
    const current = await site(context.config.site ? new URL(context.config.site) : undefined);
    const errors = current.messages.filter((m) => m.fatal !== false);
    if (errors.length) {
      const readSource = readSourceFrom(options.root, frameReader(options.root));
      // A content error is the author's to fix: print it as positions and hints, not a stack.
      const report = formatReport(errors, { readSource });
      if (!context.watcher) {
        const error = new Error(`Plotline found content errors:\n\n${report}`);
        error.stack = error.message;
        throw error;
      }
      // In `astro dev` (the only time there is a watcher) keep serving, and put the report at the
      // top of every story page, so the open page shows what to fix instead of going stale.
      context.logger.error(`Plotline found content errors:\n\n${report}`);
      context.store.clear();
      fill({ ...current, stories: current.stories.map((s) => ({ ...s, html: errorPanel(report) + s.html })) }, context);
      keepEmptyCollection(context);
      return;
    }
    if (refill === "afresh" || !partialBuild()) context.store.clear();
    fill(current, context);
    keepEmptyCollection(context);
  };

  const loader = (name: string, fill: Fill, refill: Refill = "afresh"): Loader => ({
    name,
    load: async (context) => {
      await sync(fill, context, refill);
      reloaders.push(() => sync(fill, context, refill).catch((error: Error) => context.logger.error(error.message)));
      if (context.watcher && !watching) {
        watching = true;
        // Node's watcher on the folders, not the Vite watcher Astro hands loaders: after a dev-server
        // restart (an edit to astro.config.mjs, package.json or tsconfig.json) Astro keeps this
        // loader but that watcher is closed, and edits would stop reaching the page. Folders, not
        // files, because editors that save by renaming a new file into place lose a per-file watch.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            pending = undefined;
            for (const reload of reloaders) void reload();
          }, 50);
        };
        for (const dir of watched) if (existsSync(dir)) watch(dir, changed).unref();
      }
    },
  });

  const stories = loader("plotline-stories", (current, { store }) => {
    for (const story of current.stories) {
      store.set({
        id: story.slug,
        filePath: story.file,
        data: {
          ...story.frontmatter,
          charts: story.charts.map((c) => c.id),
          datasets: [...new Set(story.charts.map((c) => c.dataset))],
          tableChart: showsTableChart(story.charts),
          // The page's HTML lives in a blob (see src/cache/blobs.ts): the store stays small. A story from the
          // story cache is in one already, and is not read.
          html: lazyBlobId(story, "html") ?? putBlob(story.html),
        },
      });
    }
  });

  const charts = loader("plotline-charts", (current, { store }) => {
    // What only the chart's own pages read is in a blob (src/site/chart-entry.ts): the store stays small.
    for (const [id, { chart, story, page }] of current.charts) store.set({ id, data: chartEntry(chart, story, page) });
  });

  // Place pages (src/site/places.ts): one entry per place, and one per template for its index.
  const places = loader("plotline-places", (current, { store }) => {
    for (const set of current.places) {
      for (const page of set.pages) {
        store.set({
          id: `${set.template.name}/${page.place.slug}`,
          filePath: page.file,
          data: {
            ...placePageEntry(page),
            html: lazyBlobId(page, "html") ?? putBlob(page.html),
          },
        });
      }
    }
  });
  const placeTemplates = loader("plotline-place-templates", (current, { store }) => {
    for (const set of current.places)
      store.set({ id: set.template.name, filePath: set.template.file, data: placeIndexEntry(set) });
  });

  // A one-story edit leaves nearly every dataset's entry as it was: making 3,000 of them again (rows
  // printed, the CSV and Data Package written) cost a second or two, so an entry whose digest did
  // not change is kept from the last build's store (in a partial build; see Refill).
  const datasets = loader(
    "plotline-datasets",
    (current, { store }) => {
      const record = pagesRecord(options.root);
      // Only the published ones: a dataset no published story uses yet stays out (src/site/publish.ts).
      const published = new Set(current.published);
      for (const id of store.keys()) if (!published.has(id)) store.delete(id);
      for (const id of current.published) {
        const dataset = current.datasets.get(id)!;
        const links = datasetLinks(dataset, current, record);
        // Everything the entry is made from: the code, settings and every dataset's bytes (the
        // build's shared digest), the dataset's own, and what its page lists of the site.
        const digest = blobId(JSON.stringify([process.env[SHARED_DIGEST_ENV] ?? "", dataset.digest, links]));
        const kept = store.get(id);
        // A kept entry names its blobs (the files and the page's own fields): the cache folder may
        // have lost them since, and then the entry is made again.
        if (kept?.digest === digest && datasetBlobs(kept.data).every((blob) => hasBlob(String(blob)))) continue;
        const data = datasetEntry(dataset, current, options.root, record, links);
        store.set({ id, filePath: dataset.csvPath, data, digest });
      }
    },
    "keepUnchanged",
  );

  return { stories, charts, datasets, places, placeTemplates };
}

/** The content errors as a block at the top of a story in `astro dev`: positions and hints, escaped. */
function errorPanel(report: string): string {
  const escaped = report.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<aside class="content-errors" role="alert"><h2>Content errors</h2><p>Fix these and save: this page updates.</p><pre>${escaped}</pre></aside>`;
}

/**
 * Astro warns that a collection "does not exist or is empty" when no entry was ever written to it
 * (every site without place pages, on every build). Writing one entry and taking it back leaves
 * the collection existing and empty, which Astro keeps through its store and reads as no entries.
 */
function keepEmptyCollection({ store }: LoaderContext): void {
  if (store.keys().length > 0) return;
  store.set({ id: "plotline-empty", data: {} });
  store.delete("plotline-empty");
}
