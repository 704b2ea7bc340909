// A story's frontmatter: split it from the body, validate it with positions, and hand back the
// body padded with blank lines so markdown positions are lines of the story file.
import * as z from "zod";
import { isIsoDate } from "../data/dates.ts";
import { KEBAB } from "../data/ids.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { parseYamlSource, schemaProblems, type YamlSource } from "../errors/yaml.ts";

// YYYY-MM-DD, checked for being a real day below.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = z
  .string()
  .regex(ISO_DATE, "a date written YYYY-MM-DD")
  // Only a date written YYYY-MM-DD is checked for being real: one mistake, one message.
  .refine((text) => !ISO_DATE.test(text) || isIsoDate(text), "a real calendar date");

/** The keys every page that reads like a story has: a story, and a place template (place-template.ts). */
export const pageHeadKeys = {
  title: z.string().trim().min(1),
  dek: z.string().trim().min(1),
  byline: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  published: isoDate,
  updated: isoDate.optional(),
};

const schema = z
  .object({
    ...pageHeadKeys,
    topics: z.array(z.string().regex(KEBAB, "a topic id in kebab-case, e.g. `council-finance`")).optional(),
    corrections: z.array(z.object({ date: isoDate, text: z.string().min(1) }).strict()).optional(),
    draft: z.boolean().optional(),
    /** Earlier slugs whose addresses must keep working (the story was renamed). */
    aliases: z.array(z.string().regex(KEBAB, "an earlier slug in kebab-case, e.g. `trust-overspend`")).optional(),
  })
  .strict();

export const frontmatterKeys = Object.keys(schema.shape);

export interface Frontmatter {
  title: string;
  dek: string;
  byline: string[];
  published: string;
  updated?: string;
  topics: string[];
  corrections: Array<{ date: string; text: string }>;
  draft: boolean;
  aliases: string[];
}

/** Examples for the keys stories and place templates share. */
export const frontmatterExamples: Record<string, string> = {
  title: "title: Children's trust overspends by £20.9m",
  dek: "dek: One sentence that says what the story found",
  byline: "byline: [Jane Smith]",
  published: "published: 2024-03-14",
};

const examples: Record<string, string> = {
  ...frontmatterExamples,
  date: "date: 2024-03-15",
  text: "text: What was wrong, and what is right",
};

// The keys of a mapping inside the frontmatter (a correction), for hints about its own keys.
const correctionKeys = Object.keys(schema.shape.corrections.unwrap().element.shape);

/** The keys allowed beside `key` (a dotted path such as `corrections[0].txt`), and its own name. */
function siblings(key: string): { name: string; allowed: string[]; nested: boolean } {
  const nested = /^corrections\[\d+\]\./.exec(key);
  return nested
    ? { name: key.slice(nested[0].length), allowed: correctionKeys, nested: true }
    : { name: key, allowed: frontmatterKeys, nested: false };
}

// The opening `---` line, the YAML, and the closing `---` line.
const FENCE = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;

/** The frontmatter's YAML with positions in the story file, for checks made after parsing (topics). */
export function frontmatterSource(text: string, file: string): YamlSource | undefined {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ""));
  return match ? parseYamlSource(match[1]!, { file, line: 2 }) : undefined;
}

/** How a frontmatter's keys are named in hints: the keys allowed beside one, and examples. */
export interface FrontmatterRules<S extends z.ZodType> {
  schema: S;
  siblings: (key: string) => { name: string; allowed: string[]; nested: boolean };
  examples: Record<string, string>;
}

/**
 * Splits the frontmatter from the body and checks it against `rules.schema`, every problem at its
 * line. The body comes back padded with blank lines, so markdown positions are lines of the file.
 * Shared by stories and place templates (src/markdown/place-template.ts).
 */
export function readFrontmatter<S extends z.ZodType>(
  text: string,
  file: string,
  rules: FrontmatterRules<S>,
): { data?: z.infer<S>; body: string; messages: VFileMessage[] } {
  const diagnostics = new Diagnostics();
  // Some Windows editors save UTF-8 with a byte-order mark, which is not part of the `---` line.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const match = FENCE.exec(text);
  if (!match) {
    diagnostics.add("FrontmatterMissing", {}, { file, line: 1, column: 1 });
    return { body: text, messages: diagnostics.messages };
  }
  const yamlText = match[1]!;
  const consumedLines = match[0].split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(match[0]) ? 1 : 0);
  // Keep line numbers: the body starts where it sits in the file.
  const body = "\n".repeat(consumedLines) + text.slice(match[0].length);
  const source = parseYamlSource(yamlText, { file, line: 2, rawControlsReported: true });
  for (const error of source.syntaxErrors)
    diagnostics.add("FrontmatterYamlInvalid", { reason: error.reason }, { file, ...error });
  if (source.syntaxErrors.length) return { body, messages: diagnostics.messages };
  const raw = source.value ?? {};
  const result = rules.schema.safeParse(raw);
  if (result.success) return { data: result.data, body, messages: diagnostics.messages };
  for (const problem of schemaProblems(result.error.issues, source, raw)) {
    const { name, allowed, nested } = rules.siblings(problem.key);
    if (problem.kind === "unknown-key") {
      const suggestion = closest(name, allowed);
      diagnostics.add(
        "FrontmatterUnknownKey",
        { key: problem.key, allowed: suggestion ? [suggestion] : allowed },
        { file, ...problem.place },
      );
    } else if (problem.kind === "missing-key") {
      // A key missing from the whole frontmatter has no line of its own: the opening `---`. One
      // missing from a mapping inside it goes where that mapping starts.
      diagnostics.add(
        "FrontmatterMissingKey",
        { key: problem.key, example: rules.examples[name] ?? `${name}: ...` },
        nested ? { file, ...problem.place } : { file, line: 1, column: 1 },
      );
    } else {
      diagnostics.add(
        "FrontmatterInvalidValue",
        { key: problem.key, actual: problem.actual ?? "", expected: problem.expected },
        { file, ...problem.place },
      );
    }
  }
  return { body, messages: diagnostics.messages };
}

export function parseStoryFile(
  text: string,
  file: string,
): { frontmatter?: Frontmatter; body: string; messages: VFileMessage[] } {
  const { data, body, messages } = readFrontmatter(text, file, { schema, siblings, examples });
  if (!data) return { body, messages };
  return {
    frontmatter: {
      title: data.title,
      dek: data.dek,
      byline: Array.isArray(data.byline) ? data.byline : [data.byline],
      published: data.published,
      updated: data.updated,
      topics: data.topics ?? [],
      corrections: data.corrections ?? [],
      draft: data.draft ?? false,
      aliases: data.aliases ?? [],
    },
    body,
    messages,
  };
}
