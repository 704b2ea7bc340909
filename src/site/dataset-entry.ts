// What a dataset's page and downloads are made from: provenance, fields, its first rows printed
// by the data layer, the files, the charts and stories that use it, its pinned versions and the
// revisions of published figures that the record took (src/site/published.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED_RECORD_ENV } from "../build/env.ts";
import { putBlob } from "../cache/blobs.ts";
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

export function datasetEntry(dataset: Dataset, site: Site, root: string, record: PublishedRecord) {
  const { id } = dataset;
  const charts = [...site.charts]
    // A place template's charts are one per place: the template is listed instead (below).
    .filter(([, c]) => c.chart.dataset === id && !c.page)
    .map(([chartId, c]) => ({ id: chartId, title: c.chart.title, story: c.story }));
  const stories = site.stories
    .filter((s) => s.charts.some((c) => c.dataset === id) || s.quoted.includes(id))
    .map((s) => ({ slug: s.slug, title: s.frontmatter.title }));
  const places = site.places
    .filter(
      (set) =>
        set.dataset === id || set.pages.some((p) => p.charts.some((c) => c.dataset === id) || p.quoted.includes(id)),
    )
    .map((set) => ({ template: set.template.name, title: set.title, count: set.places.length }));
  const titleOf = (slug: string) => site.stories.find((s) => s.slug === slug)?.frontmatter.title ?? slug;
  const pinned = pinnedVersion(id);
  return {
    title: dataset.title,
    description: dataset.description,
    source: dataset.source,
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
    rowCount: dataset.rows.length,
    // The downloads stay out of Astro's content store, which is compiled into JavaScript: a
    // 200,000-row file put 35 MB of CSV and base64 in it, and the build took a minute and gigabytes
    // more. The cleaned CSV is a blob (src/cache/blobs.ts); the original is read from its file.
    csv: putBlob(datasetCsv(dataset)),
    sidecar: readFileSync(join(root, dataset.sidecarPath), "utf8"),
    // The file's own bytes (it may be Windows-1252), for `/data/<id>.source.csv`.
    original: dataset.csvPath,
    datapackage: `${JSON.stringify(frictionlessPackage(dataset), null, 2)}\n`,
    charts,
    stories,
    places,
    // A pinned copy names the dataset it is a version of (linked when that one is published too).
    versionOf: pinned ? { id: pinned.of, day: pinned.day, published: site.published.includes(pinned.of) } : undefined,
    // The earlier versions that published stories were kept on, oldest first.
    versions: site.published
      .filter((other) => pinnedVersion(other)?.of === id)
      .map((other) => ({ id: other, day: pinnedVersion(other)!.day }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    // Published figures that changed with this dataset, with the story's correction or update.
    revisions: Object.entries(record.stories)
      .flatMap(([slug, story]) =>
        story.revisions
          .filter((r) => r.dataset === id)
          .map((r) => ({ date: r.date, slug, title: titleOf(slug), was: r.was, now: r.now })),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug)),
  };
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
