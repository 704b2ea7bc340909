// A place template's frontmatter (`content/places/<template>.md`): the story's keys that a place
// page prints (title and dek with placeholders, byline, dates) plus `each` (the dataset, the column
// naming a place, and which rows are places) and `group` (the column the index groups by).
// Checked as strictly as a story's: an unknown key is an error at its line.
import * as z from "zod";
import { KEBAB } from "../data/ids.ts";
import type { VFileMessage } from "../errors/diagnostic.ts";
import { frontmatterExamples, pageHeadKeys, readFrontmatter } from "./frontmatter.ts";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const each = z
  .object({
    data: z.string().regex(KEBAB, "a dataset id in kebab-case, e.g. `social-work-vacancies`"),
    key: z.string().min(1),
    filter: z
      .record(
        z.string(),
        z.union([scalar, z.array(scalar), z.object({ not: z.union([scalar, z.array(scalar)]) }).strict()]),
      )
      .optional(),
  })
  .strict();

const schema = z
  .object({
    ...pageHeadKeys,
    draft: z.boolean().optional(),
    each,
    group: z.string().min(1).optional(),
    /** The index page's heading (default: the dataset's title). */
    index: z.string().trim().min(1).optional(),
    /** What the places are, in the plural (`councils`): the index's heading and the rank sentences. */
    places: z.string().trim().min(1).optional(),
  })
  .strict();

const templateKeys = Object.keys(schema.shape);
const eachKeys = Object.keys(each.shape);

const examples: Record<string, string> = {
  ...frontmatterExamples,
  title: 'title: "{place}: social workers\' vacancy rate"',
  each: "each: { data: social-work-vacancies, key: la_name }",
  data: "data: social-work-vacancies",
  key: "key: la_name",
};

function siblings(key: string): { name: string; allowed: string[]; nested: boolean } {
  const nested = /^each\./.exec(key);
  return nested
    ? { name: key.slice(nested[0].length), allowed: eachKeys, nested: true }
    : { name: key, allowed: templateKeys, nested: false };
}

export interface PlaceTemplate {
  /** The file's name without `.md`: the pages live under `/places/<name>/`. */
  name: string;
  file: string;
  title: string;
  dek: string;
  byline: string[];
  published: string;
  updated?: string;
  draft: boolean;
  each: {
    data: string;
    key: string;
    filter: Array<{ column: string; values: Array<string | number | boolean>; exclude?: boolean }>;
  };
  group?: string;
  places?: string;
  index?: string;
  /** The markdown body, padded so its lines are the file's. */
  body: string;
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The template, or undefined with its problems. */
export function parsePlaceTemplate(
  text: string,
  options: { file: string; name: string },
): { template?: PlaceTemplate; messages: VFileMessage[] } {
  const { data, body, messages } = readFrontmatter(text, options.file, { schema, siblings, examples });
  if (!data) return { messages };
  const filter = Object.entries(data.each.filter ?? {}).map(([column, values]) =>
    typeof values === "object" && !Array.isArray(values)
      ? { column, values: asList(values.not), exclude: true }
      : { column, values: asList(values) },
  );
  return {
    template: {
      name: options.name,
      file: options.file,
      title: data.title,
      dek: data.dek,
      byline: Array.isArray(data.byline) ? data.byline : [data.byline],
      published: data.published,
      updated: data.updated,
      draft: data.draft ?? false,
      each: { data: data.each.data, key: data.each.key, filter },
      group: data.group,
      places: data.places,
      index: data.index,
      body,
    },
    messages,
  };
}
