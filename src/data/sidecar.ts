// The sidecar (`data/<id>.yml`): its schema, and every mistake in it at its own line and column.
import * as z from "zod";
import { closest } from "../errors/closest.ts";
import { Diagnostics } from "../errors/diagnostic.ts";
import { parseYamlSource, schemaProblems, type YamlSource } from "../errors/yaml.ts";
import { isIsoDate } from "./dates.ts";
import type { Encoding } from "./decode.ts";
import { checkSidecar } from "./sidecar-check.ts";
import { readableSidecarValue } from "./sidecar-readable.ts";
import type { Field, FieldType, Source } from "./types.ts";

export const FIELD_TYPES = ["string", "number", "integer", "date", "boolean", "period"] as const;
export const DERIVED_TYPES = ["number", "integer"] as const;
export const ENCODINGS = ["utf-8", "windows-1252"] as const;

const ticks = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(", ");
const text = (expected: string) => z.string({ error: expected });
const isoDate = text("a date written `YYYY-MM-DD`").refine(isIsoDate, {
  error: "a date that exists, written `YYYY-MM-DD`",
});
const strings = (what: string) => z.array(text(what), { error: `a list of ${what}` });

const fieldKeys = {
  name: text("a column name (in quotes if it looks like a number)").min(1, { error: "a column name" }),
  title: text("a short label").optional(),
  description: text("a sentence").optional(),
  unit: text("a unit such as `GBP`, `percent`, `count` or `people`").optional(),
  scale: z.number({ error: "a number such as `1000000`" }).positive({ error: "a number above 0" }).optional(),
  format: text("a format such as `£0.0m`, `#,##0` or `0.0%`").optional(),
  dateFormat: text("a date pattern such as `DD/MM/YYYY`").optional(),
  groupChar: text("one character such as `,`").length(1, { error: "one character such as `,`" }).optional(),
  bareNumber: z.boolean({ error: "`true` or `false`" }).optional(),
};
const fieldSchema = z.strictObject({
  ...fieldKeys,
  type: z.enum(FIELD_TYPES, { error: `one of ${ticks(FIELD_TYPES)}` }),
});
const deriveSchema = z.strictObject({
  ...fieldKeys,
  type: z.enum(DERIVED_TYPES, { error: `${ticks(DERIVED_TYPES)} (derived columns are numbers)` }).optional(),
  expression: text("arithmetic on column names, such as `outturn - budget`"),
});
const sourceSchema = z.strictObject(
  {
    name: text("the publisher's name"),
    // Only web addresses: a `javascript:` or `data:` link must never reach a page.
    url: text("a web address starting with `https://` or `http://`")
      .regex(/^https?:\/\/[^\s]+$/i, { error: "a web address starting with `https://` or `http://`" })
      .optional(),
    published: isoDate.optional(),
  },
  { error: "a map with `name`, `url` and `published`" },
);
const schema = z.strictObject({
  title: text("a title").min(1, { error: "a title" }),
  description: text("a paragraph").optional(),
  source: sourceSchema.optional(),
  licence: text("a licence such as `CC-BY-4.0` or `OGL-UK-3.0`").optional(),
  notes: z.union([z.string(), z.array(z.string())], { error: "a sentence or a list of sentences" }).optional(),
  updated: isoDate.optional(),
  // Publish the dataset's page and downloads though no published story uses it yet (PRODUCT.md).
  publish: z.boolean({ error: "`true` or `false`" }).optional(),
  headerRow: z.int({ error: "a line number such as `3`" }).min(1, { error: "a line number from 1" }).optional(),
  encoding: z.enum(ENCODINGS, { error: "`utf-8` or `windows-1252`" }).optional(),
  primaryKey: z
    .union([z.string(), z.array(z.string()).min(1)], { error: "a column name or a list of names" })
    .optional(),
  missingValues: strings('values in quotes, such as `["", "n/a"]`').optional(),
  trueValues: strings('words in quotes, such as `["Y"]`').optional(),
  falseValues: strings('words in quotes, such as `["N"]`').optional(),
  fields: z
    .array(fieldSchema, { error: "a list of fields, each with `name` and `type`" })
    .min(1, { error: "at least one field" }),
  derive: z.array(deriveSchema, { error: "a list of derived fields, each with `name` and `expression`" }).optional(),
});
/**
 * What the CSV is read by: the schema with its required descriptive keys optional, since a sidecar
 * whose only mistakes are descriptive (see sidecar-readable.ts) is read without them.
 */
const readingSchema = schema.extend({
  title: schema.shape.title.optional(),
  source: sourceSchema.partial({ name: true }).optional(),
});
type RawSidecar = z.infer<typeof readingSchema>;

/** The keys allowed at each level, for "did you mean" and the list in the hint. */
const KEYS = {
  root: Object.keys(schema.shape),
  source: Object.keys(sourceSchema.shape),
  fields: Object.keys(fieldSchema.shape),
  derive: Object.keys(deriveSchema.shape),
};

const EXAMPLES: Record<string, string> = {
  title: "title: Council budget and outturn",
  fields: "fields: [{ name: year, type: period }]",
  name: "name: budget",
  type: "type: number",
  expression: "expression: outturn - budget",
  "source.name": "name: Office for National Statistics",
};

/** A validated sidecar, with defaults filled in; `derive` fields carry their `expression`. */
export interface Sidecar {
  title: string;
  description?: string;
  source?: Source;
  licence?: string;
  notes: string[];
  updated?: string;
  /** Publish the dataset though no published story uses it (default: only once one does). */
  publish: boolean;
  headerRow: number;
  encoding: Encoding;
  primaryKey: string[];
  missingValues: string[];
  trueValues?: string[];
  falseValues?: string[];
  fields: Field[];
  derive: Field[];
}

/** What the CSV can still be read with when the sidecar has mistakes elsewhere. */
export interface CsvSettings {
  encoding: Encoding;
  headerRow: number;
}

export interface ParsedSidecar {
  /**
   * Present when the CSV can be read by it: the sidecar is valid, or its only mistakes (in
   * `diagnostics`) change no cell's reading, such as an unknown key or a bad `title` (then empty).
   * A dataset is built from it only when `diagnostics` has no errors.
   */
  sidecar?: Sidecar;
  /** The sidecar's text, for positions inside a scalar (a derive expression). */
  source: string;
  settings: CsvSettings;
  /** Positions in the sidecar, for mistakes found later (a missing column, a derive). */
  yaml: YamlSource;
  diagnostics: Diagnostics;
}

/** Parses and validates a sidecar's text; reports every mistake, never only the first. */
export function parseSidecar(options: { source: string; file: string }): ParsedSidecar {
  const { source, file } = options;
  const diagnostics = new Diagnostics();
  const yaml = parseYamlSource(source, { file });
  const settings = csvSettings(yaml.value);
  for (const error of yaml.syntaxErrors) {
    diagnostics.add("SidecarYamlInvalid", { reason: error.reason }, { file, line: error.line, column: error.column });
  }
  if (yaml.syntaxErrors.length) return { source, settings, yaml, diagnostics };
  const raw = yaml.value ?? {};
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const problem of schemaProblems(result.error.issues, yaml, raw)) {
      const place = { file, ...problem.place };
      const key = /[^.\]]+$/.exec(problem.key)?.[0] ?? problem.key;
      if (problem.kind === "unknown-key") {
        const allowed = allowedKeys(problem.key);
        diagnostics.add("SidecarUnknownKey", { key, allowed, suggestion: closest(key, allowed) }, place).actual = key;
      } else if (problem.kind === "missing-key" || problem.actual === undefined) {
        // zod reports a missing enum (`type`) as an invalid value: no value at all is a missing key.
        const example = EXAMPLES[problem.key] ?? EXAMPLES[key] ?? `${key}: ...`;
        diagnostics.add("SidecarMissingKey", { key, example }, place);
      } else {
        const actual = problem.actual ?? "";
        // YAML reads `2019`, `true` or `null` as a number, boolean or nothing: text needs quotes.
        const unquoted = /in quotes/.test(problem.expected) && /^(-?[\d.]+(e[-+]?\d+)?|true|false|null)$/i.test(actual);
        const fix = unquoted ? `put it in quotes: \`"${actual}"\`` : undefined;
        const params = { key: problem.key, actual, expected: problem.expected, fix };
        diagnostics.add("SidecarInvalidValue", params, place).expected = [problem.expected];
      }
    }
  }
  // Mistakes that change no cell's reading are left out, so the CSV is still checked in this run.
  const value = result.success ? raw : readableSidecarValue(raw, result.error.issues, keysAt);
  const readable = value === undefined ? undefined : readingSchema.safeParse(value);
  if (!readable?.success) return { source, settings, yaml, diagnostics };
  const sidecar = normalize(readable.data, yaml);
  const cellsReadable = checkSidecar({ sidecar, yaml, file, diagnostics });
  return { sidecar: cellsReadable ? sidecar : undefined, source, settings, yaml, diagnostics };
}

function allowedKeys(dotted: string): string[] {
  if (dotted.startsWith("source.")) return KEYS.source;
  if (/^fields\[\d+\]\./.test(dotted)) return KEYS.fields;
  if (/^derive\[\d+\]\./.test(dotted)) return KEYS.derive;
  return KEYS.root;
}

/** The keys allowed at a place in the sidecar: its top level, `source`, or a field or derived column. */
function keysAt(path: readonly PropertyKey[]): string[] {
  const [first, index] = path;
  if (first === "source") return KEYS.source;
  if ((first === "fields" || first === "derive") && typeof index === "number") return KEYS[first];
  return KEYS.root;
}

/** Encoding and header row, each on its own, so a mistake elsewhere still lets the CSV be checked. */
function csvSettings(raw: unknown): CsvSettings {
  const record = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const encoding = schema.shape.encoding.safeParse(record.encoding);
  const headerRow = schema.shape.headerRow.safeParse(record.headerRow);
  return {
    encoding: (encoding.success && encoding.data) || "utf-8",
    headerRow: (headerRow.success && headerRow.data) || 1,
  };
}

/** Fills in defaults; positions of fields come from the YAML. */
function normalize(raw: RawSidecar, yaml: YamlSource): Sidecar {
  return {
    // Empty only beside a reported mistake, when no dataset is built from the sidecar.
    title: raw.title ?? "",
    description: raw.description,
    source: raw.source && { ...raw.source, name: raw.source.name ?? "" },
    licence: raw.licence,
    notes: raw.notes === undefined ? [] : typeof raw.notes === "string" ? [raw.notes] : raw.notes,
    updated: raw.updated,
    publish: raw.publish ?? false,
    headerRow: raw.headerRow ?? 1,
    encoding: raw.encoding ?? "utf-8",
    primaryKey:
      raw.primaryKey === undefined ? [] : typeof raw.primaryKey === "string" ? [raw.primaryKey] : raw.primaryKey,
    missingValues: raw.missingValues ?? [""],
    trueValues: raw.trueValues,
    falseValues: raw.falseValues,
    fields: raw.fields.map((field, i) => toField(field, yaml.placeOf(["fields", i]))),
    derive: (raw.derive ?? []).map((field, i) => toField(field, yaml.placeOf(["derive", i]))),
  };
}

/** A field with defaults: title from name, scale 1, and explicit number-reading rules. */
function toField(
  raw: z.infer<typeof fieldSchema> | z.infer<typeof deriveSchema>,
  place: { line: number; column: number },
): Field {
  const type: FieldType = raw.type ?? "number";
  const numeric = type === "number" || type === "integer";
  const expression = "expression" in raw ? raw.expression : undefined;
  // A strict column (`bareNumber: true`) has no thousands separator unless it sets one.
  const strict = raw.bareNumber === true;
  const groupChar = numeric && expression === undefined && !strict ? (raw.groupChar ?? ",") : raw.groupChar;
  const bareNumber =
    numeric && expression === undefined ? (raw.bareNumber ?? (groupChar ?? ",") !== ",") : raw.bareNumber;
  const field: Field = {
    name: raw.name,
    type,
    title: raw.title ?? raw.name,
    scale: raw.scale ?? 1,
    line: place.line,
    column: place.column,
  };
  const optional = {
    description: raw.description,
    unit: raw.unit,
    format: raw.format,
    dateFormat: raw.dateFormat,
    groupChar,
    bareNumber,
    expression,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(field, { [key]: value });
  return field;
}
