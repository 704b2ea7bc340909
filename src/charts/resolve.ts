// Joins a validated spec to its dataset: checks columns and types, filters, aggregates and
// orders the rows, and returns the long-form points every chart kind draws from. A block with
// errors gets the same checks, as far as its valid keys allow (`checkChartDraft`).
import { comparePeriods, DEFAULT_DATE_FORMAT, formatValue } from "../data/index.ts";
import { isNumeric } from "../data/types.ts";
import type { CellValue, Dataset, Field, Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { aggregatePoints, countField, dateBucket, groupingBucket, printsYear, yearsOf } from "./aggregate.ts";
import { loadCustomChart } from "./custom.ts";
import { describeCustomChart } from "./describe.ts";
import { filterRows, sameValue } from "./filter.ts";
import { chartKeys, type ChartDraft, type ChartSpec } from "./spec.ts";
import { resolveTableRows, tableColumns, type TableData } from "./table-rows.ts";
import { palette } from "./theme.ts";

/** What a category is keyed by in Plot: labels for text and periods, numbers, or dates. */
export type CategoryKey = string | number | Date;

export interface Point {
  category: CategoryKey;
  /** The category as printed, e.g. `2023/24` or `5 January 2024`. */
  label: string;
  series: string;
  value: number | null;
  /** The row a point was drawn from (none when rows are aggregated or summed into `Other`). */
  row?: Row;
  /** Set when a `highlight` row selector picked the point: the name it is labelled with. */
  named?: string;
  /** On a `facet` chart, the panel the point is drawn in: the facet column's value as printed. */
  facet?: string;
}

export interface ChartData {
  spec: ChartSpec;
  dataset: Dataset;
  /** `horizontal` for bar charts: categories run down the y axis. */
  orientation: "vertical" | "horizontal";
  category: Field;
  /** The columns drawn as values (one per series when the author listed several). */
  measures: Field[];
  /** The column splitting rows into series, if any. */
  series?: Field;
  points: Point[];
  /** Categories in drawing order. */
  categories: CategoryKey[];
  /** Series names in legend order; a single `""` when there is one series. */
  seriesNames: string[];
  /** Rows after filter, in drawing order: the chart's data table. */
  rows: Row[];
  /** Categories beyond `limit`: how many, and whether they were summed into "Other" or dropped. */
  omitted?: { count: number; summed: boolean };
  /** A `type: table`'s columns and marked rows (table-rows.ts). */
  table?: TableData;
  /** Small multiples: the column split on, its values in panel order, and whether scales are shared. */
  facet?: { field: Field; values: string[]; scales: "shared" | "independent" };
  /** Figures the value axis must reach besides the chart's own: a facet panel's share of the others' scale. */
  valueSpan?: number[];
  /** A facet panel's series take their colours from the whole chart's series (its key), not its own few. */
  seriesOrder?: string[];
}

const MAX_SERIES = palette.length;
/** The category that sums those beyond `limit`. */
const OTHER = "Other";
/**
 * The most bars or columns a chart draws: past about 60 the labels overlap at 320 px and no reader
 * can find one, and a register charted row by row would draw thousands. Kinds that join their
 * points (line, area) and dot charts draw a scale, not one mark a label, so they are not limited.
 */
const MAX_CATEGORIES = 60;
const categoryKinds = new Set<string>([
  "column",
  "bar",
  "stacked-column",
  "stacked-bar",
  "grouped-column",
  "range",
  "waterfall",
]);
/** Kinds that join their points in order, and the column types that have one. */
const orderedKinds = new Set<string>(["line", "area"]);
const orderedTypes = new Set<string>(["date", "period", "number", "integer"]);

/** The keys of a block that decide what is drawn: what the checks against the rows read. */
type ChartQuery = Pick<ChartSpec, "type" | "x" | "y" | "series" | "filter" | "aggregate" | "by" | "module"> &
  Pick<ChartSpec, "sort" | "limit" | "other" | "highlight" | "highlightRows" | "annotations" | "file" | "placeOf"> &
  Pick<ChartSpec, "totals" | "table" | "facet" | "scales">;

/** The columns a block names, as found in its dataset (undefined where one is not). */
interface Columns {
  category?: Field;
  measures: Array<Field | undefined>;
  series?: Field;
  facet?: Field;
}

/** What a chart draws, once its columns are known to fit. */
type Drawn = Pick<ChartData, "measures" | "points" | "categories" | "seriesNames" | "rows" | "omitted" | "facet">;

const isHorizontal = (type: string) => ["bar", "stacked-bar", "range", "waterfall"].includes(type);
const placer =
  (block: Pick<ChartSpec, "file" | "placeOf">) =>
  (path: PropertyKey[], target: "key" | "value" = "value") => ({ file: block.file, ...block.placeOf(path, target) });

/** Resolves a spec against the datasets; every problem is reported at its key in the block. */
export function resolveChart(
  spec: ChartSpec,
  datasets: ReadonlyMap<string, Dataset>,
  invalidDatasets: ReadonlySet<string> = new Set(),
): { chart?: ChartData; messages: VFileMessage[] } {
  const diagnostics = new Diagnostics();
  const dataset = findDataset(spec, datasets, invalidDatasets, diagnostics);
  if (!dataset) return { messages: diagnostics.messages };
  const columns = checkColumns({ ...spec, problems: new Set() }, dataset, diagnostics);
  if (spec.type === "custom") return resolveCustom(spec, dataset, diagnostics);
  if (spec.type === "table") return resolveTable(spec, dataset, diagnostics);
  const category = columns.category;
  if (diagnostics.hasErrors || !category) return { messages: diagnostics.messages };
  const drawn = drawPoints(spec, dataset, { ...columns, category }, diagnostics);
  if (!drawn) return { messages: diagnostics.messages };
  const orientation = isHorizontal(spec.type) ? "horizontal" : "vertical";
  return {
    chart: { spec, dataset, orientation, category, series: columns.series, ...drawn },
    messages: diagnostics.messages,
  };
}

/** Keys whose mistakes leave what is drawn unknown; the others only change what is said about it. */
const shapingKeys = new Set([
  ...["data", "type", "x", "y", "series", "filter", "aggregate", "module", "limit", "other"],
  ...["columns", "sort"],
  // Small multiples: the rows are checked per panel.
  "facet",
]);

/**
 * The dataset checks a block with errors can still have, so a build reports them with the rest:
 * the columns its valid keys name and, when every wrong key is one that does not decide what is
 * drawn (a missing title, a bad height or highlight), the checks against the rows too. No check
 * runs on a key whose own value was wrong, nor one that depends on it (a numeric `y` when the
 * `aggregate` is misspelt, or anything drawn when a key is unknown: it may be a misspelt `filter`),
 * so no message is only a consequence of another.
 */
export function checkChartDraft(
  draft: ChartDraft,
  datasets: ReadonlyMap<string, Dataset>,
  invalidDatasets: ReadonlySet<string> = new Set(),
): VFileMessage[] {
  const diagnostics = new Diagnostics();
  if (draft.data === undefined) return [];
  const dataset = findDataset({ ...draft, data: draft.data }, datasets, invalidDatasets, diagnostics);
  if (!dataset) return diagnostics.messages;
  const columns = checkColumns(draft, dataset, diagnostics);
  if (draft.type === "table") tableColumns(draft, dataset, diagnostics, { at: placer(draft), skip: draft.problems });
  const blocked = [...draft.problems].some((key) => shapingKeys.has(key) || !chartKeys.includes(key));
  if (blocked || draft.type === undefined) return diagnostics.messages;
  const query: ChartQuery = {
    ...draft,
    type: draft.type,
    x: draft.x ?? [],
    y: draft.y ?? [],
    filter: draft.filter ?? [],
    highlight: draft.highlight ?? [],
    highlightRows: draft.highlightRows ?? [],
    annotations: draft.annotations ?? [],
    totals: draft.totals ?? [],
  };
  // As in resolveChart: a custom chart's module is checked beside its columns; rows only after both.
  if (query.type === "custom") customRows(query, dataset, diagnostics);
  // A table's columns were checked above; its rows only when they were all found.
  else if (query.type === "table") {
    if (!diagnostics.hasErrors) resolveTableRows(query, dataset, diagnostics, placer(query));
  } else if (columns.category && !diagnostics.hasErrors)
    drawPoints(query, dataset, { ...columns, category: columns.category }, diagnostics);
  return diagnostics.messages;
}

/** The dataset `data` names, or undefined with a message: unknown, or there but with errors. */
function findDataset(
  block: Pick<ChartSpec, "data" | "file" | "placeOf">,
  datasets: ReadonlyMap<string, Dataset>,
  invalidDatasets: ReadonlySet<string>,
  diagnostics: Diagnostics,
): Dataset | undefined {
  const dataset = datasets.get(block.data);
  const at = placer(block);
  if (dataset) return dataset;
  if (invalidDatasets.has(block.data)) diagnostics.add("ChartDatasetInvalid", { actual: block.data }, at(["data"]));
  else {
    const ids = [...datasets.keys(), ...invalidDatasets];
    diagnostics.add(
      "ChartUnknownDataset",
      { actual: block.data, datasets: ids, suggestion: closest(block.data, ids) },
      at(["data"]),
    );
  }
  return undefined;
}

/**
 * The columns a block names, against its dataset: each must exist (a custom chart's x and y too,
 * and those of a block whose type is wrong); for the built-in types the category must have an
 * order when the kind joins its points, and the values must be numbers unless rows are counted.
 * A key with a problem of its own names no column to check.
 */
function checkColumns(draft: ChartDraft, dataset: Dataset, diagnostics: Diagnostics): Columns {
  const at = placer(draft);
  const usable = (key: string) => !draft.problems.has(key);
  const fieldNames = dataset.fields.map((f) => f.name);
  const field = (name: string, path: PropertyKey[], target: "key" | "value" = "value"): Field | undefined => {
    const found = dataset.fields.find((f) => f.name === name);
    if (!found) {
      diagnostics.add(
        "ChartUnknownColumn",
        {
          key: String(path[0]),
          actual: name,
          dataset: dataset.id,
          columns: fieldNames,
          suggestion: closest(name, fieldNames),
        },
        at(path, target),
      );
    }
    return found;
  };
  const builtIn = draft.type !== undefined && draft.type !== "custom";
  const horizontal = isHorizontal(draft.type ?? "");
  const categoryKey = horizontal ? "y" : "x";
  const valueKey = horizontal ? "x" : "y";
  const pathOf = (key: string, count: number, i: number) => (count > 1 ? [key, i] : [key]);
  const fieldsOf = (key: "x" | "y") => {
    const names = usable(key) ? (draft[key] ?? []) : [];
    return names.map((name, i) => field(name, pathOf(key, names.length, i)));
  };

  // Roles: one category column, one or more value columns (none for aggregate: count). How
  // many columns each key names was checked with the block; here they meet the dataset.
  const categories = fieldsOf(categoryKey);
  const category = builtIn ? categories[0] : undefined;
  if (category && orderedKinds.has(draft.type!) && !orderedTypes.has(category.type)) {
    diagnostics.add(
      "ChartColumnType",
      {
        key: categoryKey,
        actual: category.name,
        type: category.type,
        expected: "a date, period, number or integer column",
        fix: `a ${draft.type} chart joins its points in time or number order, which ${category.type} values do not have: use \`type: column\` (or \`dot\`) for categories, or declare \`${category.name}\` as \`type: period\` or \`date\` in \`${dataset.sidecarPath}\` if it holds periods or dates`,
      },
      at([categoryKey]),
    );
  }
  if (category && draft.by && category.type !== "date") {
    diagnostics.add(
      "ChartColumnType",
      {
        key: "by",
        actual: category.name,
        type: category.type,
        expected: "a date column",
        fix: `\`by: ${draft.by}\` groups the dates of \`${categoryKey}\` by ${draft.by}: remove it, or chart a \`type: date\` column`,
      },
      at(["by"]),
    );
  }
  const values = fieldsOf(valueKey);
  const measures = builtIn ? values : [];
  // A misspelt aggregate may have meant `count`, which takes any column.
  const counted = draft.aggregate === "count" || !usable("aggregate");
  measures.forEach((measure, i) => {
    if (measure && !isNumeric(measure) && !counted) {
      diagnostics.add(
        "ChartColumnType",
        {
          key: valueKey,
          actual: measure.name,
          type: measure.type,
          expected: "a number or integer column",
          fix: `draw a numeric column on \`${valueKey}\`, or use \`aggregate: count\` to count rows`,
        },
        at(pathOf(valueKey, measures.length, i)),
      );
    }
  });
  const series =
    draft.series && draft.type !== "custom" && usable("series") ? field(draft.series, ["series"]) : undefined;
  const facet = draft.facet && builtIn && usable("facet") ? field(draft.facet, ["facet"]) : undefined;
  // A filter names its column as a key: `filter: { team: West }`.
  if (usable("filter")) for (const f of draft.filter ?? []) field(f.column, ["filter", f.column], "key");
  // So does a highlight's row selector: `highlight: { la_name: Northamptonshire }`.
  if (usable("highlight")) for (const h of draft.highlightRows ?? []) field(h.column, ["highlight", h.column], "key");
  return { category, measures, series, facet };
}

/**
 * Filters, groups and orders the rows into points, and checks what that leaves against the
 * block: some rows, one row per category and series, some figures, few enough series, and
 * highlights and annotations that point at something drawn. Undefined after any problem.
 */
function drawPoints(
  spec: ChartQuery,
  dataset: Dataset,
  columns: Columns & { category: Field },
  diagnostics: Diagnostics,
): Drawn | undefined {
  const { category, series } = columns;
  const at = placer(spec);
  const categoryKey = isHorizontal(spec.type) ? "y" : "x";
  const valueKey = isHorizontal(spec.type) ? "x" : "y";

  const filtered = filterRows(spec, dataset, diagnostics, at);
  if (!filtered) return undefined;
  let rows = filtered;
  // A format without a year (`MMMM`, `D MMM`) prints March 2023 and March 2024 alike. Drawn
  // apart they would be two bars labelled `March`; grouped by label, a sum over every March that
  // reads as one year's month, while a line, area or dot chart's time axis has no place for a
  // month of no year. So dates from several years need a year in the format; within one year
  // such a format is fine (and aggregates group by month as ever).
  const years = spec.by || printsYear(category) ? [] : yearsOf(rows, category);
  if (years.length > 1) {
    const format = category.format ?? DEFAULT_DATE_FORMAT;
    const params = { column: category.name, format, years, sidecar: dataset.sidecarPath };
    diagnostics.add("ChartDateYearMissing", params, at([categoryKey]));
    return undefined;
  }

  // Small multiples: at most MAX_PANELS values of the facet column, in their order.
  const facet = columns.facet && facetOf(columns.facet, rows, spec.scales);
  if (facet && facet.values.length > MAX_PANELS) {
    const params = { column: facet.field.name, count: facet.values.length, max: MAX_PANELS };
    diagnostics.add("ChartTooManyPanels", params, at(["facet"]));
    return undefined;
  }

  // Points: one per row and measure, or one per group when aggregating.
  const measures = columns.measures.filter((m): m is Field => m !== undefined);
  const measureFields: Field[] = spec.aggregate === "count" ? [countField] : measures;
  const plainSeriesOf = (row: Row, measure: Field) =>
    series ? formatValue(row[series.name] ?? null, series) : measureFields.length > 1 ? measure.title : "";
  // On a facet chart the panel joins the series while rows are grouped and checked for repeats,
  // so each panel has its own row per category; `splitFacet` parts them again below.
  const seriesOf = facet
    ? (row: Row, measure: Field) =>
        JSON.stringify([formatValue(row[facet.field.name] ?? null, facet.field), plainSeriesOf(row, measure)])
    : plainSeriesOf;
  let points: Point[] = [];
  // Grouping by x groups dates as x prints them (by month for `MMM YYYY`, by year for `YYYY`),
  // or by the chart's own `by`, whatever the field prints.
  const grouping = spec.by && category.type === "date" ? groupingBucket(spec.by) : undefined;
  const bucket = grouping ?? (spec.aggregate ? dateBucket(category) : undefined);
  const labelOfDate = (date: Date) => (grouping ? grouping.label(date) : formatValue(date, category));
  const keyOf = (value: CellValue) => {
    const key = categoryKeyOf(value, category);
    return bucket && key instanceof Date ? bucket.start(key) : key;
  };
  if (spec.aggregate) {
    points = aggregatePoints({
      aggregate: spec.aggregate,
      entries: rows.flatMap((row) =>
        measureFields.map((measure) => {
          const key = keyOf(row[category.name] ?? null);
          const value = row[measure.name];
          return {
            category: key,
            label: key instanceof Date ? labelOfDate(key) : formatValue(row[category.name] ?? null, category),
            series: seriesOf(row, measure),
            value: typeof value === "number" ? value : null,
          };
        }),
      ),
      bucket: bucket && { ...bucket, label: labelOfDate },
    });
  } else {
    const byRow = pointsByRow({ spec, rows, category, measureFields, seriesOf, keyOf, labelOfDate });
    if (byRow.repeated) {
      const { label, count } = byRow.repeated;
      diagnostics.add(
        "ChartDuplicateCategory",
        {
          key: categoryKey,
          actual: label,
          count,
          fix: `add a \`filter\` to keep one row each, split rows with \`series\`, or combine them with \`aggregate: sum\``,
        },
        at([categoryKey]),
      );
      return undefined;
    }
    points = byRow.points;
  }
  if (facet) points = points.map(splitFacet);
  if (points.every((p) => p.value === null)) {
    diagnostics.add("ChartAllMissing", { column: measureFields.map((m) => m.name).join(", ") }, at([valueKey]));
    return undefined;
  }

  const seriesNames = unique(points.map((p) => p.series));
  if (seriesNames.length > MAX_SERIES) {
    diagnostics.add(
      "ChartTooManySeries",
      { column: series?.name ?? valueKey, count: seriesNames.length, max: MAX_SERIES },
      at(series ? ["series"] : [valueKey]),
    );
    return undefined;
  }

  let categories = orderCategories(points, category, spec.sort, categoryKey);
  let omitted: Drawn["omitted"];
  if (spec.limit !== undefined && categories.length > spec.limit) {
    const limited = limitCategories({ spec, limit: spec.limit, categories, points, seriesNames, facet });
    ({ categories, points, omitted } = limited);
    rows = rows.filter((row) => limited.kept.has(keyString(keyOf(row[category.name] ?? null))));
  }
  // Counted after `limit`, which is the way to draw the top N of a long list.
  if (categoryKinds.has(spec.type) && categories.length > MAX_CATEGORIES) {
    const params = { key: categoryKey, column: category.name, count: categories.length, max: MAX_CATEGORIES };
    diagnostics.add("ChartTooManyCategories", params, at([categoryKey]));
    return undefined;
  }
  // Highlights and annotations must point at something drawn. A date in a chart grouped by month
  // or year is not: the hint names its month or year as drawn.
  const periodOf = (wanted: string | number | boolean) => {
    const date =
      bucket && /^\d{4}-\d{2}-\d{2}$/.test(String(wanted)) ? new Date(`${String(wanted)}T00:00:00Z`) : undefined;
    return date && !Number.isNaN(date.getTime()) ? labelOfDate(bucket!.start(date)) : undefined;
  };
  const labels = points.map((p) => p.label);
  const inData = (wanted: string | number | boolean) =>
    categories.some((c) => sameValue(c, wanted)) || labels.includes(String(wanted));
  const notInData = (key: string, path: PropertyKey[], wanted: string | number | boolean) =>
    diagnostics.add(
      "ChartNotInData",
      {
        key,
        actual: String(wanted),
        column: category.name,
        values: unique(labels),
        suggestion: periodOf(wanted) ?? closest(String(wanted), unique(labels)),
      },
      at(path),
    );
  // A highlight may also name a series of a chart of several (encoding.ts draws it).
  const isSeries = (h: string | number | boolean) => seriesNames.length > 1 && seriesNames.includes(String(h));
  spec.highlight.forEach(
    (h, i) =>
      inData(h) ||
      isSeries(h) ||
      notInData("highlight", spec.highlight.length > 1 ? ["highlight", i] : ["highlight"], h),
  );
  spec.annotations.forEach((a, i) => inData(a.x) || notInData(`annotations[${i}].x`, ["annotations", i, "x"], a.x));
  // A waterfall's totals must be categories it draws: a misspelt one would be drawn as a step.
  spec.totals.forEach(
    (t, i) => inData(t) || notInData("totals", spec.totals.length > 1 ? ["totals", i] : ["totals"], t),
  );
  checkHighlightRows(spec, rows, dataset, diagnostics);
  if (diagnostics.hasErrors) return undefined;
  if (spec.highlightRows.length)
    points = points.map((p) => nameHighlighted(p, spec.highlightRows, { ...columns, dataset }));

  const rank = new Map(categories.map((c, i) => [keyString(c), i]));
  points.sort((a, b) => rank.get(keyString(a.category))! - rank.get(keyString(b.category))!);
  rows = [...rows].sort(
    (a, b) =>
      rank.get(keyString(keyOf(a[category.name] ?? null)))! - rank.get(keyString(keyOf(b[category.name] ?? null)))!,
  );

  return { measures: measureFields, points, categories, seriesNames, rows, omitted, ...(facet ? { facet } : {}) };
}

/** The most panels a facet chart draws: past about 24, no reader compares them. */
const MAX_PANELS = 24;

/** The facet column's values as printed: file order for text, natural order for dates, periods and numbers. */
function facetOf(field: Field, rows: readonly Row[], scales: ChartQuery["scales"]): NonNullable<ChartData["facet"]> {
  const keys = new Map<string, CategoryKey>();
  for (const row of rows) {
    const label = formatValue(row[field.name] ?? null, field);
    if (!keys.has(label)) keys.set(label, categoryKeyOf(row[field.name] ?? null, field));
  }
  const values = [...keys.keys()];
  if (field.type !== "string" && field.type !== "boolean")
    values.sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!, field));
  return { field, values, scales: scales ?? "shared" };
}

/** A point of a facet chart with its panel and its own series parted (see `seriesOf` in drawPoints). */
function splitFacet(point: Point): Point {
  const [facet, series] = JSON.parse(point.series) as [string, string];
  return { ...point, facet, series };
}

/**
 * One point per row and measure, and the first category (and series) that more than one row
 * gives: a dot chart draws every row (a strip, or a scatter); the other kinds take one row each.
 */
function pointsByRow(options: {
  spec: ChartQuery;
  rows: readonly Row[];
  category: Field;
  measureFields: readonly Field[];
  seriesOf: (row: Row, measure: Field) => string;
  keyOf: (value: CellValue) => CategoryKey;
  /** The label of a date key: the field's print, or the chart's `by` period. */
  labelOfDate: (date: Date) => string;
}): { points: Point[]; repeated?: { label: string; count: number } } {
  const { rows, category, measureFields, seriesOf, keyOf, labelOfDate } = options;
  const seen = new Map<string, number>();
  const points: Point[] = [];
  const idOf = (cat: CategoryKey, series: string) =>
    `${String(cat instanceof Date ? cat.getTime() : cat)}\u0000${series}`;
  for (const row of rows) {
    for (const measure of measureFields) {
      const cat = keyOf(row[category.name] ?? null);
      const name = seriesOf(row, measure);
      const id = idOf(cat, name);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const v = row[measure.name];
      points.push({
        category: cat,
        label: cat instanceof Date ? labelOfDate(cat) : formatValue(row[category.name] ?? null, category),
        series: name,
        value: typeof v === "number" ? v : null,
        row,
      });
    }
  }
  const repeated = options.spec.type === "dot" ? undefined : [...seen.entries()].find(([, n]) => n > 1);
  if (!repeated) return { points };
  const [id, count] = repeated;
  return { points, repeated: { label: points.find((p) => idOf(p.category, p.series) === id)!.label, count } };
}

/** The categories in the order drawn: the author's sort, else file order for text and natural order for time and numbers. */
function orderCategories(
  points: readonly Point[],
  category: Field,
  sort: ChartQuery["sort"],
  categoryKey: "x" | "y",
): CategoryKey[] {
  const categories = uniqueKeys(points.map((p) => p.category));
  if (category.type !== "string" && category.type !== "boolean") categories.sort((a, b) => compareKeys(a, b, category));
  if (!sort) return categories;
  if (sort.endsWith("change")) return byChange(points, categories, sort.startsWith("-"));
  const byCategory = sort.replace("-", "") === categoryKey;
  const totals = new Map<CategoryKey, number>();
  for (const p of points) totals.set(p.category, (totals.get(p.category) ?? 0) + (p.value ?? 0));
  const sorted = [...categories].sort((a, b) =>
    byCategory ? compareKeys(a, b, category) : (totals.get(a) ?? 0) - (totals.get(b) ?? 0),
  );
  return sort.startsWith("-") ? sorted.reverse() : sorted;
}

/** A range's categories by the change from its first value to its second; missing changes last. */
function byChange(points: readonly Point[], categories: CategoryKey[], descending: boolean): CategoryKey[] {
  const change = new Map<string, number>();
  for (const c of categories) {
    const [from, to] = points.filter((p) => keyString(p.category) === keyString(c)).map((p) => p.value);
    if (typeof from === "number" && typeof to === "number") change.set(keyString(c), to - from);
  }
  const value = (c: CategoryKey) => change.get(keyString(c)) ?? (descending ? -Infinity : Infinity);
  return [...categories].sort((a, b) => (descending ? value(b) - value(a) : value(a) - value(b)));
}

/**
 * `limit`: the first N categories as sorted; the rest summed into "Other" (a dot chart's rows
 * are each a dot, not a figure to add up, so there they are dropped, as with `other: false`).
 */
function limitCategories(options: {
  spec: ChartQuery;
  limit: number;
  categories: CategoryKey[];
  points: Point[];
  seriesNames: string[];
  facet?: ChartData["facet"];
}): { categories: CategoryKey[]; points: Point[]; omitted: Drawn["omitted"]; kept: Set<string> } {
  const { spec, limit, seriesNames } = options;
  const kept = new Set(options.categories.slice(0, limit).map(keyString));
  const rest = options.points.filter((p) => !kept.has(keyString(p.category)));
  const summed = spec.other !== false && spec.type !== "dot";
  const categories = options.categories.slice(0, limit);
  const points = options.points.filter((p) => kept.has(keyString(p.category)));
  if (summed) {
    categories.push(OTHER);
    // On a facet chart each panel sums its own rest.
    for (const facet of options.facet?.values ?? [undefined])
      for (const name of seriesNames) {
        const values = rest
          .filter((p) => p.series === name && p.facet === facet && p.value !== null)
          .map((p) => p.value!);
        const value = values.length ? values.reduce((a, b) => a + b, 0) : null;
        points.push({ category: OTHER, label: OTHER, series: name, value, ...(facet === undefined ? {} : { facet }) });
      }
  }
  return { categories, points, omitted: { count: options.categories.length - limit, summed }, kept };
}

/**
 * Every value of a `highlight` row selector must be in some row the chart draws (after `filter`
 * and `limit`): a misspelt council would otherwise leave the chart with nothing picked out.
 */
function checkHighlightRows(spec: ChartQuery, rows: Row[], dataset: Dataset, diagnostics: Diagnostics): void {
  const at = placer(spec);
  for (const { column, values } of spec.highlightRows) {
    const field = dataset.fields.find((f) => f.name === column);
    if (!field) continue;
    values.forEach((wanted, i) => {
      if (rows.some((row) => sameValue(row[column] ?? null, wanted))) return;
      const written = unique(rows.map((row) => formatValue(row[column] ?? null, field)).filter((v) => v !== ""));
      diagnostics.add(
        "ChartHighlightNoRow",
        { actual: String(wanted), column, values: written, suggestion: closest(String(wanted), written) },
        at(values.length > 1 ? ["highlight", column, i] : ["highlight", column]),
      );
    });
  }
}

/**
 * A point picked by every column of the selector (one of its values each) gets `named`: the cell
 * of the selector's first column, as printed. A point summed from rows (aggregated, or Other)
 * is picked by its category or series when the selector names that column.
 */
function nameHighlighted(
  point: Point,
  selectors: ChartSpec["highlightRows"],
  columns: Columns & { category: Field; dataset: Dataset },
): Point {
  const { category, series, facet, dataset } = columns;
  const matches = ({ column, values }: ChartSpec["highlightRows"][number]) =>
    values.some((v) =>
      point.row
        ? sameValue(point.row[column] ?? null, v)
        : column === category.name
          ? sameValue(point.category, v) || point.label === String(v)
          : column === facet?.name
            ? point.facet === String(v)
            : column === series?.name && point.series === String(v),
    );
  if (!selectors.every(matches)) return point;
  const first = selectors[0]!.column;
  const field = dataset.fields.find((f) => f.name === first)!;
  const named = point.row
    ? formatValue(point.row[first] ?? null, field)
    : first === category.name
      ? point.label
      : first === facet?.name
        ? point.facet!
        : point.series;
  return { ...point, named };
}

function categoryKeyOf(value: CellValue, field: Field): CategoryKey {
  if (value instanceof Date || typeof value === "number") return value;
  if (value === null) return "";
  return field.type === "boolean" ? formatValue(value, field) : String(value);
}

function compareKeys(a: CategoryKey, b: CategoryKey, field: Field): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (field.type === "period") return comparePeriods(String(a), String(b));
  return String(a).localeCompare(String(b), "en-GB");
}

/** A category as a string, so a Date and its time, or 1 and "1", are told apart in a Set or Map. */
export const keyString = (key: CategoryKey) => (key instanceof Date ? `d${key.getTime()}` : `${typeof key}:${key}`);

function uniqueKeys(keys: CategoryKey[]): CategoryKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(keyString(k)) ? false : (seen.add(keyString(k)), true)));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A table draws no points, but is described and recorded like a chart: its first column names
 * each row, and its bar (or colour, or first number) column gives the figures.
 */
function resolveTable(
  spec: ChartSpec,
  dataset: Dataset,
  diagnostics: Diagnostics,
): { chart?: ChartData; messages: VFileMessage[] } {
  const resolved = diagnostics.hasErrors ? undefined : resolveTableRows(spec, dataset, diagnostics, placer(spec));
  if (!resolved) return { messages: diagnostics.messages };
  const { table, rows } = resolved;
  const category = table.columns[0]!.field;
  const measure = table.bar ?? table.color ?? table.columns.find((c) => isNumeric(c.field))?.field;
  const points: Point[] = rows.map((row) => {
    const label = formatValue(row[category.name] ?? null, category);
    const value = measure ? row[measure.name] : null;
    return { category: label, label, series: "", value: typeof value === "number" ? value : null, row };
  });
  return {
    chart: {
      spec,
      dataset,
      orientation: "vertical",
      category,
      measures: [measure ?? category],
      points,
      categories: uniqueKeys(points.map((p) => p.category)),
      seriesNames: [""],
      rows,
      table,
    },
    messages: diagnostics.messages,
  };
}

/** A custom chart gets the filtered rows; its x and y, if given, were checked to be columns. */
function resolveCustom(
  spec: ChartSpec,
  dataset: Dataset,
  diagnostics: Diagnostics,
): { chart?: ChartData; messages: VFileMessage[] } {
  const rows = customRows(spec, dataset, diagnostics);
  if (!rows) return { messages: diagnostics.messages };
  const columns = [...spec.x, ...spec.y].map((name) => dataset.fields.find((f) => f.name === name)!);
  const fields = columns.length ? columns : dataset.fields;
  // The renderer takes a custom chart's description from `alt`: without the author's, the one
  // written from what Plotline knows of it (its dataset, rows and the columns on x and y).
  const alt = spec.alt ?? describeCustomChart({ spec, dataset, rows });
  return {
    chart: {
      spec: { ...spec, alt },
      dataset,
      orientation: "vertical",
      category: fields[0]!,
      measures: fields.slice(1).length ? fields.slice(1) : fields,
      points: [],
      categories: [],
      seriesNames: [""],
      rows,
    },
    messages: diagnostics.messages,
  };
}

/** A custom chart's module and its rows after `filter`; undefined after any problem (or before). */
function customRows(spec: ChartQuery, dataset: Dataset, diagnostics: Diagnostics): Row[] | undefined {
  const at = placer(spec);
  if (spec.module) {
    const loaded = loadCustomChart(spec.module);
    if ("reason" in loaded)
      diagnostics.add("ChartCustomModule", { module: spec.module, reason: loaded.reason }, at(["module"]));
  }
  if (diagnostics.hasErrors) return undefined;
  return filterRows(spec, dataset, diagnostics, at);
}
