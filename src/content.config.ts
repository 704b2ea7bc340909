// Content collections, filled by Plotline's own loader: stories rendered with their charts,
// and the charts themselves (for embed pages and images). Validation and error positions are
// the loader's job (src/markdown/site.ts); these schemas give pages their types.
import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { contentRoot } from "./config.ts";
import { plotlineLoader } from "./markdown/loader.ts";

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
    charts: z.array(z.string()),
    datasets: z.array(z.string()),
  }),
});

const drawing = z.object({
  layout: z.enum(["wide", "narrow"]),
  width: z.number(),
  height: z.number(),
  svg: z.string(),
});

const charts = defineCollection({
  loader: loader.charts,
  schema: z.object({
    title: z.string(),
    subtitle: z.string().optional(),
    notes: z.array(z.string()),
    source: z.string(),
    description: z.string(),
    dataset: z.string(),
    story: z.string(),
    drawings: z.array(drawing),
    table: z.object({ caption: z.string(), head: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  }),
});

export const collections = { stories, charts };
