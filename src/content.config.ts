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
    story: z.string(),
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
    /** The cleaned CSV (`/data/<id>.csv`) as a blob id (src/cache/blobs.ts), and the sidecar as written. */
    csv: z.string(),
    sidecar: z.string(),
    /** Where the CSV as published is (`/data/<id>.source.csv`, read from the file), and its Data Package. */
    original: z.string(),
    datapackage: z.string(),
    charts: z.array(z.object({ id: z.string(), title: z.string(), story: z.string() })),
    stories: z.array(z.object({ slug: z.string(), title: z.string() })),
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

export const collections = { stories, charts, datasets };
