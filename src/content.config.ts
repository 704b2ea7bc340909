// Content collections, filled by Plotline's own loader: stories rendered with their charts,
// the charts themselves (for embed pages and images), and the datasets (for data pages and CSVs). Validation and error positions are
// the loader's job (src/site/site.ts); these schemas give pages their types.
import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { contentRoot } from "./config.ts";
import { plotlineLoader } from "./site/astro-loader.ts";

const loader = plotlineLoader({ root: contentRoot() });

const stories = defineCollection({
  loader: loader.stories,
  schema: z.object({
    title: z.string(),
    dek: z.string(),
    byline: z.array(z.string()),
    published: z.string(),
    updated: z.string().optional(),
    topics: z.array(z.string()),
    corrections: z.array(z.object({ date: z.string(), text: z.string() })),
    draft: z.boolean(),
    /** Earlier slugs: each gets a page that sends readers on (src/pages/stories/[slug].astro). */
    aliases: z.array(z.string()),
    charts: z.array(z.string()),
    datasets: z.array(z.string()),
    /** The rendered story: a blob id (src/cache/blobs.ts), read back with getBlob. */
    html: z.string(),
  }),
});

const drawing = z.object({
  layout: z.enum(["wide", "narrow"]),
  width: z.number(),
  height: z.number(),
  /** A blob id: `withDrawings` (src/cache/blobs.ts) reads the SVG back. */
  svg: z.string(),
});

const charts = defineCollection({
  loader: loader.charts,
  schema: z.object({
    title: z.string(),
    /** Earlier ids: the chart's files are written under each too (src/components/chart-paths.ts). */
    aliases: z.array(z.string()).optional(),
    subtitle: z.string().optional(),
    notes: z.array(z.string()),
    source: z.string(),
    description: z.string(),
    dataset: z.string(),
    /** The story's slug, or `places/<template>` for a chart on a place page. */
    story: z.string(),
    /** A chart on a place page: the page's path and title, which its embed page links to. */
    page: z.object({ path: z.string(), title: z.string() }).optional(),
    drawings: z.array(drawing),
    table: z.object({ caption: z.string(), head: z.array(z.string()), rows: z.array(z.array(z.string())) }),
    /** A `type: table`'s HTML (src/charts/kinds/table.ts). */
    tableView: z.object({ html: z.string(), rows: z.number(), more: z.number() }).optional(),
  }),
});

const field = z.object({
  name: z.string(),
  type: z.enum(["string", "number", "integer", "date", "boolean", "period"]),
  title: z.string(),
  description: z.string().optional(),
  unit: z.string().optional(),
  scale: z.number(),
  format: z.string().optional(),
  expression: z.string().optional(),
});

const datasets = defineCollection({
  loader: loader.datasets,
  schema: z.object({
    title: z.string(),
    description: z.string().optional(),
    source: z.object({ name: z.string(), url: z.string().optional(), published: z.string().optional() }).optional(),
    licence: z.string().optional(),
    notes: z.array(z.string()),
    updated: z.string().optional(),
    primaryKey: z.array(z.string()),
    fields: z.array(field),
    /** The first rows' cells formatted as readers see them, one array per row in field order. */
    rows: z.array(z.array(z.string())),
    /** How many rows the dataset has in all (the page prints the first few). */
    rowCount: z.number(),
    /** The cleaned CSV (`/data/<id>.csv`) and the sidecar as written, as blob ids (src/cache/blobs.ts). */
    csv: z.string(),
    sidecar: z.string(),
    /** Where the CSV as published is (`/data/<id>.source.csv`, read from the file). */
    original: z.string(),
    /** The Data Package (`/data/<id>.datapackage.json`), as a blob id. */
    datapackage: z.string(),
    charts: z.array(z.object({ id: z.string(), title: z.string(), story: z.string() })),
    stories: z.array(z.object({ slug: z.string(), title: z.string() })),
    /** Place templates whose pages use it (src/site/places.ts). */
    places: z.array(z.object({ template: z.string(), title: z.string(), count: z.number() })),
    /** For a pinned copy (`<id>@<day>`): the dataset it is a version of. */
    versionOf: z.object({ id: z.string(), day: z.string(), published: z.boolean() }).optional(),
    /** Pinned copies of this dataset that published stories keep using. */
    versions: z.array(z.object({ id: z.string(), day: z.string() })),
    /** Published figures that changed with this dataset (content/published.lock.json). */
    revisions: z.array(
      z.object({ date: z.string(), slug: z.string(), title: z.string(), was: z.string(), now: z.string() }),
    ),
  }),
});

const place = z.object({ name: z.string(), slug: z.string(), group: z.string() });

/** One page per place of a place template (src/site/places.ts), id `<template>/<place>`. */
const places = defineCollection({
  loader: loader.places,
  schema: z.object({
    template: z.string(),
    /** What the partial build knows the template's pages by (src/build/partial.ts). */
    owner: z.string(),
    slug: z.string(),
    name: z.string(),
    group: z.string(),
    title: z.string(),
    dek: z.string(),
    byline: z.array(z.string()),
    published: z.string(),
    updated: z.string().optional(),
    charts: z.array(z.string()),
    datasets: z.array(z.string()),
    /** The rendered page: a blob id (src/cache/blobs.ts). */
    html: z.string(),
  }),
});

/** Each place template, for its index page: its places, sorted by group and name. */
const placeTemplates = defineCollection({
  loader: loader.placeTemplates,
  schema: z.object({
    title: z.string(),
    owner: z.string(),
    dataset: z.string(),
    datasetTitle: z.string(),
    noun: z.string(),
    groupTitle: z.string().optional(),
    places: z.array(place),
    published: z.string(),
    updated: z.string().optional(),
    byline: z.array(z.string()),
  }),
});

export const collections = { stories, charts, datasets, places, placeTemplates };
