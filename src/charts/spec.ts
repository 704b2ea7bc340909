// The chart block boundary: YAML text in, a validated ChartSpec out (or positioned messages).
// After `parseChartBlock`, chart code trusts the spec.
import * as z from "zod";
import { formatPatternProblem } from "../data/format.ts";
import { KEBAB } from "../data/ids.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { parseYamlSource, schemaProblems, type YamlPoint, type YamlSource } from "../errors/yaml.ts";
import { reportTableProblems, tableKeys, tableSort, tableSpecOf, type TableSpec } from "./table-spec.ts";

export const chartTypes = [
  "column",
  "bar",
  "line",
  "area",
  "dot",
  "stacked-column",
  "stacked-bar",
  "grouped-column",
  "range",
  "waterfall",
  "table",
  "custom",
] as const;
export type ChartType = (typeof chartTypes)[number];

export const aggregates = ["count", "sum", "mean", "median", "min", "max"] as const;
export type Aggregate = (typeof aggregates)[number];
/** `by`: the calendar period a date column's rows are grouped into on the chart, however the field prints. */
const dateGroupings = ["month", "quarter", "year"] as const;
export type DateGrouping = (typeof dateGroupings)[number];

/**
 * Ids the pages' own markup uses (src/layouts, src/pages): a chart is `<figure id>` on its story
 * page, and a second element with `main` breaks the skip link. A test keeps this list in step
 * with the markup. Ids in a story's prose are prefixed (`user-content-fn-1`), so that prefix is
 * the layout's too.
 */
export const LAYOUT_IDS = [
  "corrections-heading",
  "groups",
  "main",
  "places-heading",
  "search",
  "topics-heading",
] as const;
const LAYOUT_ID_PREFIX = "user-content-";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const columnList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const textList = z.union([z.string(), z.array(z.string())]);

const annotation = z.object({ x: scalar, y: z.number().optional(), text: z.string().min(1) }).strict();

const schema = z
  .object({
    id: z.string().regex(KEBAB, "lowercase kebab-case, e.g. `overspend-by-year`").optional(),
    data: z.string().min(1),
    type: z.string(),
    x: columnList.optional(),
    y: columnList.optional(),
    series: z.string().min(1).optional(),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    highlight: z.union([scalar, z.array(scalar), z.record(z.string(), z.union([scalar, z.array(scalar)]))]).optional(),
    annotations: z.array(annotation).optional(),
    filter: z
      .record(
        z.string(),
        z.union([scalar, z.array(scalar), z.object({ not: z.union([scalar, z.array(scalar)]) }).strict()]),
      )
      .optional(),
    /** `change` and `-change` sort a `range` chart by the difference between its two values. */
    sort: z.enum(["x", "-x", "y", "-y", "change", "-change"]).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    other: z.boolean().optional(),
    format: z.string().min(1).optional(),
    notes: textList.optional(),
    source: z.string().optional(),
    alt: z.string().min(1).optional(),
    height: z.number().int().min(120).max(1200).optional(),
    aggregate: z.enum(aggregates).optional(),
    /** A waterfall's totals: the categories drawn as bars from zero, not as steps. */
    totals: z.union([scalar, z.array(scalar).min(1)]).optional(),
    by: z.enum(dateGroupings).optional(),
    module: z.string().regex(KEBAB, "a module name in kebab-case").optional(),
    /** Earlier ids of this chart: their embed page, SVG and PNG keep working (other sites embed them). */
    aliases: z.array(z.string().regex(KEBAB, "an earlier chart id in kebab-case")).optional(),
    ...tableKeys,
    // Small multiples (facet.ts): one panel per value of `facet`, on shared scales unless `scales: independent`.
    facet: z.string().min(1).optional(),
    scales: z.enum(["shared", "independent"]).optional(),
  })
  .strict();
/** A table sorts by any of its columns (`sort: -weekly_cost`), not by an axis. */
const tableSchema = schema.extend({ sort: tableSort.optional() });

export const chartKeys = Object.keys(schema.shape);

/** A validated chart block. Axis keys are as the author drew them; `resolve.ts` maps them to roles. */
export interface ChartSpec {
  id: string;
  data: string;
  type: ChartType;
  x: string[];
  y: string[];
  series?: string;
  title: string;
  subtitle?: string;
  highlight: Array<string | number | boolean>;
  /** `highlight: { column: value }`: the rows picked by their cells, each column one value or several. */
  highlightRows: Array<{ column: string; values: Array<string | number | boolean> }>;
  annotations: Array<{ x: string | number | boolean; y?: number; text: string }>;
  /** Rows whose `column` holds one of `values` are kept, or with `exclude` (`{ not: [...] }`) dropped. */
  filter: Array<{ column: string; values: Array<string | number | boolean>; exclude?: boolean }>;
  sort?: "x" | "-x" | "y" | "-y" | "change" | "-change";
  /** Keep the first `limit` categories after `sort`; the rest are summed into "Other" unless `other` is false. */
  limit?: number;
  other?: boolean;
  format?: string;
  notes: string[];
  source?: string;
  /** The author's `alt`; a custom chart's resolved spec carries its default here (see resolve.ts). */
  alt?: string;
  height?: number;
  aggregate?: Aggregate;
  /** A waterfall's categories drawn as totals (bars from zero); the other rows are steps. */
  totals: Array<string | number | boolean>;
  /** Dates on the category axis grouped by this period, labelled `Jan 2024`, `Q1 2024`, `2024`. */
  by?: DateGrouping;
  module?: string;
  /** Earlier ids whose addresses keep working. */
  aliases: string[];
  /** A `type: table`'s columns, inline bar or colour scale and sort (table-spec.ts). */
  table?: TableSpec;
  /** Small multiples: one panel per value of this column (facet.ts). */
  facet?: string;
  /** Whether the panels share their scales (the default) or each has its own. */
  scales?: "shared" | "independent";
  /** Where the block sits, for later errors (unknown column, duplicate id...). */
  file: string;
  fenceLine: number;
  placeOf(path: readonly PropertyKey[], target?: "key" | "value"): YamlPoint;
}

/**
 * What a block with errors still says for sure: each key whose own value passed its checks (the
 * others absent), and the keys that did not, so the dataset checks can run on the rest without
 * reporting what only follows from those mistakes (see `checkChartDraft` in resolve.ts).
 */
export type ChartDraft = Partial<ChartSpec> &
  Pick<ChartSpec, "file" | "fenceLine" | "placeOf"> & {
    /** Top-level keys with a problem of their own: unknown, missing or with a bad value. */
    problems: ReadonlySet<string>;
  };

export interface ChartBlockOrigin {
  file: string;
  /** The line of the opening fence in the story. */
  fenceLine: number;
  /** The column of the opening fence: the block's lines are indented as far (in a list, say). */
  fenceColumn?: number;
  /** Used when the block has no `id`: `<slug>-<n>`. */
  defaultId: string;
}

const examples: Record<string, string> = {
  data: "data: nct-budget",
  title: "title: The overspend grew every year",
  type: "type: column",
};

/**
 * Parses and validates one ```chart block; never throws for bad content. A block with errors
 * gives no spec but, when it is a mapping, a draft of its valid keys for the dataset checks.
 */
export function parseChartBlock(
  text: string,
  origin: ChartBlockOrigin,
): { spec?: ChartSpec; draft?: ChartDraft; messages: VFileMessage[] } {
  const diagnostics = new Diagnostics();
  const file = origin.file;
  // Where a message about the whole block goes: the opening fence (indented in a list item).
  const fence = { file, fenceLine: origin.fenceLine, fenceColumn: origin.fenceColumn ?? 1 };
  const source = parseYamlSource(text, {
    file,
    line: origin.fenceLine + 1,
    column: origin.fenceColumn,
    rawControlsReported: true,
  });
  for (const error of source.syntaxErrors) {
    diagnostics.add("ChartYamlInvalid", { reason: error.reason }, { file, ...error });
  }
  if (source.syntaxErrors.length) return { messages: diagnostics.messages };
  const raw = source.value;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    diagnostics.add("ChartNotMapping", {}, { file, line: fence.fenceLine, column: fence.fenceColumn });
    return { messages: diagnostics.messages };
  }
  // Every problem of the block at once: the schema's, then the rules between keys, whether or
  // not the schema passed (a missing title must not hide a missing y).
  const problems = new Set<string>();
  const isTable = (raw as Record<string, unknown>).type === "table";
  const result = (isTable ? tableSchema : schema).safeParse(raw);
  if (!result.success) {
    reportSchemaProblems(result.error.issues, source, raw, fence, diagnostics);
    for (const issue of result.error.issues) {
      const keys = issue.path.length ? [issue.path[0]] : issue.code === "unrecognized_keys" ? issue.keys : [];
      for (const key of keys) problems.add(String(key));
    }
  }
  const record = raw as Record<string, unknown>;
  reportRoleProblems(record, source, fence, diagnostics, problems);
  reportFormatProblem(record, source, file, diagnostics, problems);
  reportLayoutId(record, source, file, diagnostics, problems);
  const place = { file, fenceLine: origin.fenceLine, placeOf: source.placeOf };
  if (!result.success || diagnostics.hasErrors) {
    // The keys that passed, read as the spec reads them; a strict partial schema accepts them all.
    const valid = Object.fromEntries(Object.entries(record).filter(([key]) => !problems.has(key)));
    const partial = (isTable ? tableSchema : schema).partial().safeParse(valid);
    const draft: ChartDraft = { ...(partial.success ? specFields(partial.data) : {}), ...place, problems };
    return { draft, messages: diagnostics.messages };
  }
  const data = result.data;
  const spec: ChartSpec = {
    ...specFields(data),
    id: data.id ?? origin.defaultId,
    data: data.data,
    type: data.type as ChartType,
    title: data.title,
    ...place,
  };
  return { spec, messages: diagnostics.messages };
}

/**
 * A `format` that does not parse would print the values in the default format without a word.
 * It prints the values: numbers, or for a custom chart any column, so a date pattern too.
 */
function reportFormatProblem(
  raw: Record<string, unknown>,
  source: YamlSource,
  file: string,
  diagnostics: Diagnostics,
  problems: Set<string>,
): void {
  const pattern = raw.format;
  if (typeof pattern !== "string" || pattern === "") return;
  const problem = formatPatternProblem(pattern, "number");
  if (!problem || (raw.type === "custom" && !formatPatternProblem(pattern, "date"))) return;
  problems.add("format");
  diagnostics.add(
    "ChartInvalidValue",
    { key: "format", actual: pattern, ...problem },
    { file, ...source.placeOf(["format"]) },
  );
}

/** An `id` the page layout already uses would give the story page two elements with it. */
function reportLayoutId(
  raw: Record<string, unknown>,
  source: YamlSource,
  file: string,
  diagnostics: Diagnostics,
  problems: Set<string>,
): void {
  const id = raw.id;
  if (typeof id !== "string") return;
  if (!(LAYOUT_IDS as readonly string[]).includes(id) && !id.startsWith(LAYOUT_ID_PREFIX)) return;
  problems.add("id");
  const used = LAYOUT_IDS.map((i) => `\`${i}\``).join(", ");
  const fix = `the page already uses ${used} and ids starting \`${LAYOUT_ID_PREFIX}\`: name the chart for what it shows, such as \`${id.replace(LAYOUT_ID_PREFIX, "")}-by-year\``;
  diagnostics.add(
    "ChartInvalidValue",
    { key: "id", actual: id, expected: "an id the page does not already use", fix },
    { file, ...source.placeOf(["id"]) },
  );
}

/** The spec's shape of the keys a block gives: lists for the keys that take one or several. */
function specFields(data: Partial<z.infer<typeof tableSchema>>) {
  const table = data.type === "table" ? tableSpecOf(data) : undefined;
  return {
    id: data.id,
    data: data.data,
    type: data.type as ChartType | undefined,
    x: asList(data.x),
    y: asList(data.y),
    series: data.series,
    title: data.title,
    subtitle: data.subtitle,
    highlight: isSelector(data.highlight) ? [] : asList(data.highlight),
    highlightRows: isSelector(data.highlight)
      ? Object.entries(data.highlight).map(([column, values]) => ({ column, values: asList(values) }))
      : [],
    annotations: data.annotations ?? [],
    filter: Object.entries(data.filter ?? {}).map(([column, values]) =>
      typeof values === "object" && !Array.isArray(values)
        ? { column, values: asList(values.not), exclude: true }
        : { column, values: asList(values) },
    ),
    sort: table ? undefined : (data.sort as ChartSpec["sort"]),
    table,
    limit: data.limit,
    other: data.other,
    format: data.format,
    notes: asList(data.notes),
    source: data.source,
    alt: data.alt,
    height: data.height,
    aggregate: data.aggregate,
    totals: asList(data.totals),
    by: data.by,
    module: data.module,
    aliases: data.aliases ?? [],
    facet: data.facet,
    scales: data.scales,
  };
}

type Scalar = string | number | boolean;
const isSelector = (
  value: Scalar | Scalar[] | Record<string, Scalar | Scalar[]> | undefined,
): value is Record<string, Scalar | Scalar[]> => typeof value === "object" && !Array.isArray(value);

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The rules between keys, read from the raw block so they hold beside schema problems: a known
 * type, a module for a custom chart, and for the built-in types one category column and the
 * value columns (on `x` and `y`, or `y` and `x` for bars). A key whose own value is malformed is
 * left to the schema's message. Each key reported joins `problems`.
 */
function reportRoleProblems(
  raw: Record<string, unknown>,
  source: YamlSource,
  origin: { file: string; fenceLine: number; fenceColumn: number },
  diagnostics: Diagnostics,
  problems: Set<string>,
): void {
  const file = origin.file;
  const fence = { file, line: origin.fenceLine, column: origin.fenceColumn };
  const at = (path: PropertyKey[]) => ({ file, ...source.placeOf(path) });
  if (typeof raw.type !== "string") return;
  const type = raw.type;
  if (!(chartTypes as readonly string[]).includes(type)) {
    problems.add("type");
    diagnostics.add(
      "ChartUnknownType",
      { actual: type, allowed: chartTypes, suggestion: closest(type, chartTypes) },
      at(["type"]),
    );
    return;
  }
  if (reportTableProblems(raw, { at, fence }, diagnostics, problems)) {
    reportFacetProblems(raw, type, at, diagnostics, problems);
    return;
  }
  if (type === "custom") {
    reportFacetProblems(raw, type, at, diagnostics, problems);
    if (raw.module === undefined) {
      problems.add("module");
      diagnostics.add("ChartMissingKey", { key: "module", example: "module: budget-gap" }, at(["type"]));
    }
    // Plotline describes a custom chart from the columns on x and y (describe.ts); with neither,
    // it knows nothing of what the module draws, so the author says it.
    if (raw.alt === undefined && raw.x === undefined && raw.y === undefined) {
      problems.add("alt");
      diagnostics.add("ChartMissingKey", { key: "alt", example: "alt: What the chart shows, in a sentence" }, fence);
    }
    return;
  }
  reportFormProblems(raw, type, { at, fence }, diagnostics, problems);
  reportFacetProblems(raw, type, at, diagnostics, problems);
  // Categories on `y` and values on `x` for the horizontal forms.
  const horizontal = ["bar", "stacked-bar", "range", "waterfall"].includes(type);
  const categoryKey = horizontal ? "y" : "x";
  const valueKey = horizontal ? "x" : "y";
  const columns = (key: string): string[] | undefined => {
    const parsed = columnList.safeParse(raw[key]);
    return parsed.success ? asList(parsed.data) : undefined;
  };
  const categories = columns(categoryKey);
  if (raw[categoryKey] === undefined) {
    problems.add(categoryKey);
    diagnostics.add("ChartMissingKey", { key: categoryKey, example: `${categoryKey}: year` }, fence);
  } else if (categories && categories.length > 1) {
    problems.add(categoryKey);
    diagnostics.add(
      "ChartInvalidValue",
      {
        key: categoryKey,
        actual: categories.join(", "),
        expected: "one column",
        fix: `list several columns on \`${valueKey}\` instead; \`${categoryKey}\` holds the categories`,
      },
      at([categoryKey]),
    );
  }
  // A misspelt aggregate may have meant `count`, which needs no values: its own message is enough.
  const aggregate = raw.aggregate;
  const aggregateKnown = aggregate === undefined || (aggregates as readonly unknown[]).includes(aggregate);
  if (raw[valueKey] === undefined && aggregateKnown && aggregate !== "count") {
    problems.add(valueKey);
    diagnostics.add("ChartMissingKey", { key: valueKey, example: `${valueKey}: overspend` }, fence);
  }
  const values = columns(valueKey);
  if (typeof raw.series === "string" && raw.series && values && values.length > 1) {
    problems.add("series");
    diagnostics.add(
      "ChartInvalidValue",
      {
        key: "series",
        actual: raw.series,
        expected: `one value column when \`series\` is set`,
        fix: `either list several columns on \`${valueKey}\` or split by \`series\`, not both`,
      },
      at(["series"]),
    );
  }
}

/**
 * The rules of the two forms with a shape of their own: a `range` draws two value columns on `x`
 * (from and to), a `waterfall` one on `x` with its `totals` named, rows kept in order; `change`
 * sorts only a range and `totals` belong only to a waterfall.
 */
function reportFormProblems(
  raw: Record<string, unknown>,
  type: string,
  where: {
    at: (path: PropertyKey[]) => YamlPoint & { file: string };
    fence: { file: string; line: number; column: number };
  },
  diagnostics: Diagnostics,
  problems: Set<string>,
): void {
  const { at, fence } = where;
  const invalid = (key: string, actual: string, expected: string, fix: string) => {
    problems.add(key);
    diagnostics.add("ChartInvalidValue", { key, actual, expected, fix }, at([key]));
  };
  const count = (key: string) => {
    const parsed = columnList.safeParse(raw[key]);
    return parsed.success ? asList(parsed.data) : undefined;
  };
  if (type === "range") {
    const values = count("x");
    if (values && values.length !== 2)
      invalid(
        "x",
        values.join(", "),
        "two columns",
        "list the two values each category moves between, from first: `x: [budget, outturn]`",
      );
  }
  if (typeof raw.sort === "string" && raw.sort.endsWith("change") && type !== "range")
    invalid("sort", raw.sort, "one of `x`, `-x`, `y` or `-y`", "`change` sorts only a `range` chart");
  if (type === "waterfall") {
    const values = count("x");
    if (values && values.length !== 1)
      invalid(
        "x",
        values.join(", "),
        "one column",
        "a waterfall steps through one column of figures, such as `x: amount`",
      );
    if (typeof raw.series === "string")
      invalid(
        "series",
        raw.series,
        "no `series` on a waterfall",
        "a waterfall draws one column of steps: remove `series`",
      );
    if (raw.sort !== undefined)
      invalid(
        "sort",
        String(raw.sort),
        "rows in their order",
        "a waterfall walks through its rows in the file's order: remove `sort`",
      );
    if (raw.totals === undefined) {
      problems.add("totals");
      diagnostics.add("ChartMissingKey", { key: "totals", example: "totals: [2023/24 budget, 2024/25 budget]" }, fence);
    }
  } else if (raw.totals !== undefined) {
    invalid(
      "totals",
      String(raw.totals),
      "no `totals` on this chart",
      "`totals` mark the totals of a `waterfall` chart: remove it or use `type: waterfall`",
    );
  }
}

/** The first annotation's text, to name the block's annotations in a message. */
const annotationText = (value: unknown): string => {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const text = first && typeof first === "object" ? (first as { text?: unknown }).text : undefined;
  return typeof text === "string" ? text : "annotations";
};

/** The chart types drawn as small multiples; the others draw their categories once. */
const facetTypes = ["column", "bar", "line", "area", "dot"] as const;

/**
 * `facet` only on the types that draw as panels, and on a column other than the chart's own
 * axes and series (each panel would hold one category); `scales` only with a `facet`.
 */
function reportFacetProblems(
  raw: Record<string, unknown>,
  type: string,
  at: (path: PropertyKey[]) => YamlPoint & { file: string },
  diagnostics: Diagnostics,
  problems: Set<string>,
): void {
  const facet = raw.facet;
  if (typeof facet === "string" && facet !== "") {
    if (!(facetTypes as readonly string[]).includes(type)) {
      problems.add("facet");
      diagnostics.add("ChartFacetType", { type, allowed: facetTypes }, at(["facet"]));
    } else {
      const drawn = [raw.x, raw.y, raw.series].flat().filter((c): c is string => typeof c === "string");
      if (drawn.includes(facet)) {
        problems.add("facet");
        const fix = `each panel would hold one figure of \`${facet}\`: split by another column, such as the council or the service`;
        diagnostics.add(
          "ChartInvalidValue",
          { key: "facet", actual: facet, expected: "a column not already on the chart", fix },
          at(["facet"]),
        );
      }
    }
  }
  // An annotation's label needs room a small panel does not have, and would repeat in every panel.
  if (raw.annotations !== undefined && raw.facet !== undefined && !problems.has("facet")) {
    problems.add("annotations");
    const fix =
      "small multiples draw no annotations: say it in the `subtitle` or the `notes`, or `highlight` the category";
    diagnostics.add(
      "ChartInvalidValue",
      {
        key: "annotations",
        actual: annotationText(raw.annotations),
        expected: "no annotations on small multiples",
        fix,
      },
      at(["annotations"]),
    );
  }
  if (raw.scales !== undefined && raw.facet === undefined) {
    problems.add("scales");
    const fix = "`scales` says whether the panels of a `facet` chart share their scales: add `facet` or remove it";
    diagnostics.add(
      "ChartInvalidValue",
      { key: "scales", actual: String(raw.scales), expected: "no `scales` without `facet`", fix },
      at(["scales"]),
    );
  }
}

function reportSchemaProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  raw: unknown,
  origin: { file: string; fenceLine: number; fenceColumn: number },
  diagnostics: Diagnostics,
): void {
  for (const problem of schemaProblems(issues, source, raw)) {
    const file = origin.file;
    if (problem.kind === "unknown-key") {
      const key = problem.key.split(/[.[]/).pop() ?? problem.key;
      diagnostics.add(
        "ChartUnknownKey",
        { key: problem.key, allowed: chartKeys, suggestion: closest(key, chartKeys) },
        { file, ...problem.place },
      );
    } else if (problem.kind === "missing-key") {
      // A missing top-level key is reported at the fence: there is no line of its own to point at.
      const place =
        problem.key.includes(".") || problem.key.includes("[")
          ? problem.place
          : { line: origin.fenceLine, column: origin.fenceColumn };
      diagnostics.add(
        "ChartMissingKey",
        { key: problem.key, example: examples[problem.key] ?? `${problem.key}: ...` },
        { file, ...place },
      );
    } else {
      diagnostics.add(
        "ChartInvalidValue",
        { key: problem.key, actual: problem.actual ?? "", expected: describeExpected(problem.key, problem.expected) },
        { file, ...problem.place },
      );
    }
  }
}

/** Plain words for what each key takes, instead of zod's type names. */
function describeExpected(key: string, zodMessage: string): string {
  const top = key.split(/[.[]/)[0] ?? key;
  const words: Record<string, string> = {
    id: "a lowercase kebab-case id such as `overspend-by-year`",
    sort: "one of `x`, `-x`, `y` or `-y`",
    totals: "a category or a list of categories, such as `[2023/24 budget, 2024/25 budget]`",
    aggregate: `one of ${aggregates.map((a) => `\`${a}\``).join(", ")}`,
    by: "one of `month`, `quarter` or `year`",
    height: "a whole number of pixels between 120 and 1200",
    highlight: "a category, a list of categories, or a row selector such as `{ la_name: Northamptonshire }`",
    x: "a column name or a list of column names",
    y: "a column name or a list of column names",
    filter: "`column: value` pairs, where a value may be a list or `{ not: [values] }`",
    limit: "a whole number of categories to keep, 1 or more (at most 1000)",
    other: "`true` or `false`",
    annotations: "a list of `{ x: ..., text: ... }` entries",
    module: "a module name in kebab-case",
    data: "a dataset id such as `nct-budget`",
    columns: "a list of columns, each a name or `{ column, title, format }`",
    bar: "a number column to draw as bars",
    color: "a number column to shade",
    facet: "a column name, such as `council`",
    scales: "`shared` or `independent`",
  };
  return words[top] ?? zodMessage;
}
