// What a dataset's page and downloads are made from: provenance, fields, its first rows printed
// by the data layer, the files, the charts and stories that use it, its pinned versions and the
// revisions of published figures that the record took (src/site/published.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED_RECORD_ENV } from "../build/env.ts";
import { putBlob, putJsonBlob } from "../cache/blobs.ts";
import { datasetCsv } from "../data/export.ts";
import { frictionlessPackage } from "../data/frictionless.ts";
import { pinnedVersion } from "../data/ids.ts";
import { formatColumn } from "../data/index.ts";
import type { Dataset } from "../data/types.ts";
import { readRecord, type PublishedRecord } from "./published.ts";
import type { Site } from "./site.ts";

/**
 * Rows a dataset page prints: a council file may have 200,000, and printing them all made a 30 MB
 * page. The page says how many there are and points at the downloads for the rest.
 */
export const DATASET_PAGE_ROWS = 100;

/**
 * The published record the pages show: the one this build leaves (the build hands it over before
 * the new site is in place), else the committed one (`astro dev`).
 */
export function pagesRecord(root: string): PublishedRecord {
  const pending = process.env[PUBLISHED_RECORD_ENV];
  if (pending) {
    try {
      return JSON.parse(readFileSync(pending, "utf8")) as PublishedRecord;
    } catch {
      // Gone (a build into another folder cleaned up): fall back to the committed record.
    }
  }
  return readRecord(root).record;
}

/**
 * What a dataset's page lists of the rest of the site: the charts and stories using it, its pinned
 * versions and the revisions of published figures. Looked up in an index made once per site.
 */
export function datasetLinks(dataset: Dataset, site: Site, record: PublishedRecord) {
  const { id } = dataset;
  const uses = siteUses(site);
  const pinned = pinnedVersion(id);
  return {
    charts: uses.charts.get(id) ?? [],
    stories: uses.stories.get(id) ?? [],
    places: uses.places.get(id) ?? [],
    // A pinned copy names the dataset it is a version of (linked when that one is published too).
    versionOf: pinned ? { id: pinned.of, day: pinned.day, published: uses.published.has(pinned.of) } : undefined,
    // The earlier versions that published stories were kept on, oldest first.
    versions: [...(uses.versions.get(id) ?? [])].sort((a, b) => a.day.localeCompare(b.day)),
    // Published figures that changed with this dataset, with the story's correction or update.
    revisions: [...(recordRevisions(record, uses).get(id) ?? [])].sort(
      (a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug),
    ),
  };
}

/**
 * A dataset's entry: what the list of datasets shows and the downloads serve, then the rest of its
 * page as one blob (`page`, read back with `getJsonBlob<DatasetPage>`). Astro serialises, parses
 * and hydrates the whole store in every build: at 3,000 small datasets the page's rows and fields
 * were half of it, though only the dataset's own page reads them. The entry's digest (see
 * astro-loader.ts) covers everything the blob is made from, so a kept entry's blob is the right one.
 */
export function datasetEntry(
  dataset: Dataset,
  site: Site,
  root: string,
  record: PublishedRecord,
  links = datasetLinks(dataset, site, record),
) {
  return {
    title: dataset.title,
    description: dataset.description,
    source: dataset.source,
    rowCount: dataset.rows.length,
    chartCount: links.charts.length,
    // The downloads stay out of Astro's content store, which is compiled into JavaScript: a
    // 200,000-row file put 35 MB of CSV and base64 in it, and the build took a minute and gigabytes
    // more. The cleaned CSV, the sidecar and the Data Package are blobs (src/cache/blobs.ts): at
    // 3,000 small datasets the Data Packages alone were 13.5 of the store's 24 MB, which Astro
    // serialises, parses back and hydrates in every build. The original is read from its file.
    csv: putBlob(datasetCsv(dataset)),
    sidecar: putBlob(readFileSync(join(root, dataset.sidecarPath), "utf8")),
    // The file's own bytes (it may be Windows-1252), for `/data/<id>.source.csv`.
    original: dataset.csvPath,
    datapackage: putBlob(`${JSON.stringify(frictionlessPackage(dataset), null, 2)}\n`),
    page: putJsonBlob(datasetPage(dataset, links)),
  };
}

/** The blobs a dataset's entry names: all must still be stored for a kept entry to serve. */
export const datasetBlobs = (entry: Record<string, unknown>) =>
  [entry.csv, entry.sidecar, entry.datapackage, entry.page].map(String);

/** What only a dataset's own page shows, kept in a blob: a field unset is left out. */
export type DatasetPage = ReturnType<typeof datasetPage>;

function datasetPage(dataset: Dataset, links: ReturnType<typeof datasetLinks>) {
  return {
    licence: dataset.licence,
    notes: dataset.notes,
    updated: dataset.updated,
    primaryKey: dataset.primaryKey,
    fields: dataset.fields.map((f) => ({
      name: f.name,
      type: f.type,
      title: f.title,
      description: f.description,
      unit: f.unit,
      scale: f.scale,
      format: f.format,
      expression: f.expression,
    })),
    // The first rows' cells in full (`£6,234,232.00`, `5 January 2024`), printed by the data layer.
    rows: pageRows(dataset),
    ...links,
  };
}

/** What a dataset's page lists of the rest of the site, by dataset id, each list in the site's order. */
interface SiteUses {
  charts: Map<string, Array<{ id: string; title: string; story: string }>>;
  stories: Map<string, Array<{ slug: string; title: string }>>;
  /** The place templates drawing on each dataset, by their own dataset or a page's chart or figure. */
  places: Map<string, Array<{ template: string; title: string; count: number }>>;
  /** Each dataset's pinned copies (`<id>@<day>`) among the published ones. */
  versions: Map<string, Array<{ id: string; day: string }>>;
  published: Set<string>;
  /** Each story's title by slug (the first story of a slug). */
  titles: Map<string, string>;
  /** The record's revisions by dataset, with these titles (recordRevisions). */
  revisions: WeakMap<PublishedRecord, Map<string, Revision[]>>;
}

// Made once per site: looking each dataset's charts and stories up by scanning the whole site made
// the datasets' entries quadratic (3,000 datasets and 3,000 charts: 6 s a build).
const usesBySite = new WeakMap<Site, SiteUses>();
const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

function siteUses(site: Site): SiteUses {
  const known = usesBySite.get(site);
  if (known) return known;
  const uses: SiteUses = {
    charts: new Map(),
    stories: new Map(),
    places: new Map(),
    versions: new Map(),
    published: new Set(site.published),
    titles: new Map(),
    revisions: new WeakMap(),
  };
  for (const [chartId, c] of site.charts)
    // A place template's charts are one per place: the template is listed instead (below).
    if (!c.page) push(uses.charts, c.chart.dataset, { id: chartId, title: c.chart.title, story: c.story });
  for (const set of site.places) {
    const used = new Set([set.dataset, ...set.pages.flatMap((p) => [...p.charts.map((c) => c.dataset), ...p.quoted])]);
    for (const id of used)
      push(uses.places, id, { template: set.template.name, title: set.title, count: set.places.length });
  }
  for (const s of site.stories) {
    if (!uses.titles.has(s.slug)) uses.titles.set(s.slug, s.frontmatter.title);
    const used = new Set([...s.charts.map((c) => c.dataset), ...s.quoted]);
    for (const id of used) push(uses.stories, id, { slug: s.slug, title: s.frontmatter.title });
  }
  for (const other of site.published) {
    const pinned = pinnedVersion(other);
    if (pinned) push(uses.versions, pinned.of, { id: other, day: pinned.day });
  }
  usesBySite.set(site, uses);
  return uses;
}

type Revision = { date: string; slug: string; title: string; was: string; now: string };

/** The record's revisions by dataset id, in the record's order (made once per record and site). */
function recordRevisions(record: PublishedRecord, uses: SiteUses): Map<string, Revision[]> {
  const known = uses.revisions.get(record);
  if (known) return known;
  const revisions = new Map<string, Revision[]>();
  for (const [slug, story] of Object.entries(record.stories)) {
    for (const r of story.revisions) {
      push(revisions, r.dataset, { date: r.date, slug, title: uses.titles.get(slug) ?? slug, was: r.was, now: r.now });
    }
  }
  uses.revisions.set(record, revisions);
  return revisions;
}

/** The rows a dataset page prints, each column in its field's full format (formatColumn). */
function pageRows(dataset: Dataset): string[][] {
  const shown = dataset.rows.slice(0, DATASET_PAGE_ROWS);
  const columns = dataset.fields.map((f) =>
    formatColumn(
      shown.map((row) => row[f.name]),
      f,
    ),
  );
  return shown.map((_, i) => columns.map((column) => column[i]!));
}
