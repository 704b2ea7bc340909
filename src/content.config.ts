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
    /** Whether a chart in the story is a table, whose styles the page then carries. */
    tableChart: z.boolean(),
    /** The rendered story: a blob id (src/cache/blobs.ts), read back with getBlob. */
    html: z.string(),
  }),
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
    dataset: z.string(),
    /** The story's slug, or `places/<template>` for a chart on a place page. */
    story: z.string(),
    /** A chart on a place page: the page's path and title, which its embed page links to. */
    page: z.object({ path: z.string(), title: z.string() }).optional(),
    /**
     * A blob id: the alt text, the drawings (their SVG as blob ids) and a table chart's HTML, which
     * only the chart's own pages and its story's read (`withChartDetails`, src/site/chart-entry.ts).
     */
    details: z.string(),
  }),
});

const datasets = defineCollection({
  loader: loader.datasets,
  schema: z.object({
    title: z.string(),
    description: z.string().optional(),
    source: z.object({ name: z.string(), url: z.string().optional(), published: z.string().optional() }).optional(),
    /** How many rows the dataset has in all (the page prints the first few). */
    rowCount: z.number(),
    /** How many published charts draw on it. */
    chartCount: z.number(),
    /** The cleaned CSV (`/data/<id>.csv`) and the sidecar as written, as blob ids (src/cache/blobs.ts). */
    csv: z.string(),
    sidecar: z.string(),
    /** Where the CSV as published is (`/data/<id>.source.csv`, read from the file). */
    original: z.string(),
    /** The Data Package (`/data/<id>.datapackage.json`), as a blob id. */
    datapackage: z.string(),
    /**
     * A blob id: the rest of the dataset's page (fields, first rows, licence and notes, the charts,
     * stories and places using it, versions and revisions), read with `getJsonBlob<DatasetPage>`
     * (src/site/dataset-entry.ts). Only that page reads them, so they stay out of the store.
     */
    page: z.string(),
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
    title: z.string(),
    dek: z.string(),
    byline: z.array(z.string()),
    published: z.string(),
    updated: z.string().optional(),
    charts: z.array(z.string()),
    /** Whether a chart on the page is a table, whose styles the page then carries. */
    tableChart: z.boolean(),
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
  }),
});

export const collections = { stories, charts, datasets, places, placeTemplates };
