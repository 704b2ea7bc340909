// Joins a validated spec to its dataset: checks columns and types, filters, aggregates and
// orders the rows, and returns the long-form points every chart kind draws from.
import { comparePeriods, DEFAULT_DATE_FORMAT, formatValue, parseDatePattern } from "../data/index.ts";
import type { CellValue, Dataset, Field, Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";
import { loadCustomChart } from "./custom.ts";
import { describeCustomChart } from "./describe.ts";
import { palette } from "./theme.ts";
import type { Aggregate, ChartSpec } from "./spec.ts";

/** What a category is keyed by in Plot: labels for text and periods, numbers, or dates. */
export type CategoryKey = string | number | Date;

export interface Point {
  category: CategoryKey;
  /** The category as printed, e.g. `2023/24` or `5 January 2024`. */
  label: string;
  series: string;
  value: number | null;
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
}

const MAX_SERIES = palette.length;
const numeric = (field: Field) => field.type === "number" || field.type === "integer";
/** Kinds that join their points in order, and the column types that have one. */
const orderedKinds = new Set<string>(["line", "area"]);
const orderedTypes = new Set<string>(["date", "period", "number", "integer"]);

/** Resolves a spec against the datasets; every problem is reported at its key in the block. */
export function resolveChart(
  spec: ChartSpec,
  datasets: ReadonlyMap<string, Dataset>,
  invalidDatasets: ReadonlySet<string> = new Set(),
): { chart?: ChartData; messages: VFileMessage[] } {
  const diagnostics = new Diagnostics();
  const at = (path: PropertyKey[], target: "key" | "value" = "value") => ({
    file: spec.file,
    ...spec.placeOf(path, target),
  });
  const dataset = datasets.get(spec.data);
  if (!dataset) {
    if (invalidDatasets.has(spec.data)) diagnostics.add("ChartDatasetInvalid", { actual: spec.data }, at(["data"]));
    else {
      const ids = [...datasets.keys(), ...invalidDatasets];
      diagnostics.add(
        "ChartUnknownDataset",
        { actual: spec.data, datasets: ids, suggestion: closest(spec.data, ids) },
        at(["data"]),
      );
    }
    return { messages: diagnostics.messages };
  }

  if (spec.type === "custom") return resolveCustom(spec, dataset, diagnostics);

  const horizontal = spec.type === "bar" || spec.type === "stacked-bar";
  const categoryKey = horizontal ? "y" : "x";
  const valueKey = horizontal ? "x" : "y";
  const fieldNames = dataset.fields.map((f) => f.name);
  const field = (name: string, path: PropertyKey[]): Field | undefined => {
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
        at(path),
      );
    }
    return found;
  };

  // Roles: one category column, one or more value columns (none for aggregate: count). How
  // many columns each key names was checked with the block; here they meet the dataset.
  const [categoryName] = spec[categoryKey];
  const category = categoryName === undefined ? undefined : field(categoryName, [categoryKey]);
  if (category && orderedKinds.has(spec.type) && !orderedTypes.has(category.type)) {
    diagnostics.add(
      "ChartColumnType",
      {
        key: categoryKey,
        actual: category.name,
        type: category.type,
        expected: "a date, period, number or integer column",
        fix: `a ${spec.type} chart joins its points in time or number order, which ${category.type} values do not have: use \`type: column\` (or \`dot\`) for categories, or declare \`${category.name}\` as \`type: period\` or \`date\` in \`${dataset.sidecarPath}\` if it holds periods or dates`,
      },
      at([categoryKey]),
    );
  }
  const valueNames = spec[valueKey];
  const measures = valueNames.map((name, i) => field(name, valueNames.length > 1 ? [valueKey, i] : [valueKey]));
  measures.forEach((measure, i) => {
    if (measure && !numeric(measure) && spec.aggregate !== "count") {
      diagnostics.add(
        "ChartColumnType",
        {
          key: valueKey,
          actual: measure.name,
          type: measure.type,
          expected: "a number or integer column",
          fix: `draw a numeric column on \`${valueKey}\`, or use \`aggregate: count\` to count rows`,
        },
        at(valueNames.length > 1 ? [valueKey, i] : [valueKey]),
      );
    }
  });
  const series = spec.series ? field(spec.series, ["series"]) : undefined;
  const filters = spec.filter.map((f) => ({ ...f, field: field(f.column, ["filter", f.column]) }));
  if (diagnostics.hasErrors || !category) return { messages: diagnostics.messages };

  // Filter.
  let rows = dataset.rows.filter((row) =>
    filters.every((f) => f.values.some((v) => sameValue(row[f.column] ?? null, v))),
  );
  if (rows.length === 0) {
    const fix = spec.filter.length
      ? `no row matches the \`filter\`; check its values against the dataset (e.g. ${sampleValues(dataset, spec.filter[0]!.column)})`
      : `add rows to \`${dataset.csvPath}\``;
    diagnostics.add("ChartEmpty", { dataset: dataset.id, fix }, at(spec.filter.length ? ["filter"] : ["data"]));
    return { messages: diagnostics.messages };
  }

  // Points: one per row and measure, or one per group when aggregating.
  const measureFields: Field[] = spec.aggregate === "count" ? [countField] : (measures as Field[]);
  const seriesOf = (row: Row, measure: Field) =>
    series ? formatValue(row[series.name] ?? null, series) : measureFields.length > 1 ? measure.title : "";
  let points: Point[] = [];
  // Grouping by x groups dates as x prints them: by month for `MMM YYYY`, by year for `YYYY`.
  const bucket = spec.aggregate ? dateBucket(category) : undefined;
  const keyOf = (value: CellValue) => {
    const key = categoryKeyOf(value, category);
    return bucket && key instanceof Date ? bucket(key) : key;
  };
  if (spec.aggregate) {
    const groups = new Map<
      string,
      { category: CategoryKey; label: string; series: string; values: number[]; rows: number }
    >();
    for (const row of rows) {
      for (const measure of measureFields) {
        const cat = keyOf(row[category.name] ?? null);
        const name = seriesOf(row, measure);
        const id = `${String(cat instanceof Date ? cat.getTime() : cat)}\u0000${name}`;
        const group = groups.get(id) ?? {
          category: cat,
          label: formatValue(cat instanceof Date ? cat : (row[category.name] ?? null), category),
          series: name,
          values: [],
          rows: 0,
        };
        group.rows++;
        const v = row[measure.name];
        if (typeof v === "number") group.values.push(v);
        groups.set(id, group);
      }
    }
    points = [...groups.values()].map((g) => ({
      category: g.category,
      label: g.label,
      series: g.series,
      value: reduce(spec.aggregate!, g.values, g.rows),
    }));
  } else {
    const seen = new Map<string, number>();
    for (const row of rows) {
      for (const measure of measureFields) {
        const cat = keyOf(row[category.name] ?? null);
        const name = seriesOf(row, measure);
        const id = `${String(cat instanceof Date ? cat.getTime() : cat)}\u0000${name}`;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        const v = row[measure.name];
        points.push({
          category: cat,
          label: formatValue(row[category.name] ?? null, category),
          series: name,
          value: typeof v === "number" ? v : null,
        });
      }
    }
    const repeated = [...seen.entries()].find(([, n]) => n > 1);
    if (repeated) {
      const [id, count] = repeated;
      const label = points.find(
        (p) => `${String(p.category instanceof Date ? p.category.getTime() : p.category)}\u0000${p.series}` === id,
      )!.label;
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
      return { messages: diagnostics.messages };
    }
  }
  if (points.every((p) => p.value === null)) {
    diagnostics.add("ChartAllMissing", { column: measureFields.map((m) => m.name).join(", ") }, at([valueKey]));
    return { messages: diagnostics.messages };
  }

  const seriesNames = unique(points.map((p) => p.series));
  if (seriesNames.length > MAX_SERIES) {
    diagnostics.add(
      "ChartTooManySeries",
      { column: series?.name ?? valueKey, count: seriesNames.length, max: MAX_SERIES },
      at(series ? ["series"] : [valueKey]),
    );
    return { messages: diagnostics.messages };
  }

  // Order: the author's sort, else file order for text and natural order for time and numbers.
  let categories = uniqueKeys(points.map((p) => p.category));
  if (category.type !== "string" && category.type !== "boolean") categories.sort((a, b) => compareKeys(a, b, category));
  if (spec.sort) {
    const byCategory = spec.sort.replace("-", "") === categoryKey;
    const descending = spec.sort.startsWith("-");
    const totals = new Map<CategoryKey, number>();
    for (const p of points) totals.set(p.category, (totals.get(p.category) ?? 0) + (p.value ?? 0));
    categories = [...categories].sort((a, b) =>
      byCategory ? compareKeys(a, b, category) : (totals.get(a) ?? 0) - (totals.get(b) ?? 0),
    );
    if (descending) categories.reverse();
  }
  // Highlights and annotations must point at something drawn.
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
        suggestion: closest(String(wanted), unique(labels)),
      },
      at(path),
    );
  spec.highlight.forEach(
    (h, i) => inData(h) || notInData("highlight", spec.highlight.length > 1 ? ["highlight", i] : ["highlight"], h),
  );
  spec.annotations.forEach((a, i) => inData(a.x) || notInData(`annotations[${i}].x`, ["annotations", i, "x"], a.x));
  if (diagnostics.hasErrors) return { messages: diagnostics.messages };

  const rank = new Map(categories.map((c, i) => [keyString(c), i]));
  points.sort((a, b) => rank.get(keyString(a.category))! - rank.get(keyString(b.category))!);
  rows = [...rows].sort(
    (a, b) =>
      rank.get(keyString(keyOf(a[category.name] ?? null)))! - rank.get(keyString(keyOf(b[category.name] ?? null)))!,
  );

  return {
    chart: {
      spec,
      dataset,
      orientation: horizontal ? "horizontal" : "vertical",
      category,
      measures: measureFields,
      series,
      points,
      categories,
      seriesNames,
      rows,
    },
    messages: diagnostics.messages,
  };
}

const countField: Field = {
  name: "count",
  type: "integer",
  title: "Number of rows",
  unit: "count",
  scale: 1,
  line: 0,
  column: 0,
};

function reduce(aggregate: Aggregate, values: number[], rows: number): number | null {
  if (aggregate === "count") return rows;
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  switch (aggregate) {
    case "sum":
      return values.reduce((s, v) => s + v, 0);
    case "mean":
      return values.reduce((s, v) => s + v, 0) / values.length;
    case "median": {
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    }
    case "min":
      return sorted[0]!;
    case "max":
      return sorted[sorted.length - 1]!;
  }
}

/**
 * For a date column printed without its day, the start of the month or year it prints, so that
 * dates printed alike fall in one group; undefined when the day is printed (or not a date).
 */
function dateBucket(field: Field): ((date: Date) => Date) | undefined {
  if (field.type !== "date") return undefined;
  const parsed = parseDatePattern(field.format ?? DEFAULT_DATE_FORMAT, "print");
  const kinds = "tokens" in parsed ? parsed.tokens.map((t) => t.kind) : ["D"];
  if (kinds.some((k) => k === "D" || k === "DD")) return undefined;
  if (kinds.some((k) => k.startsWith("M"))) return (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (kinds.some((k) => k.startsWith("Y"))) return (d) => new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return undefined;
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

const keyString = (key: CategoryKey) => (key instanceof Date ? `d${key.getTime()}` : `${typeof key}:${key}`);

function uniqueKeys(keys: CategoryKey[]): CategoryKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(keyString(k)) ? false : (seen.add(keyString(k)), true)));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Whether a cell matches a value written in the chart's YAML (`2023/24`, `2024-01-05`, 12, true). */
export function sameValue(cell: CellValue, wanted: string | number | boolean): boolean {
  if (cell === null) return false;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10) === String(wanted);
  if (typeof cell === "number") return cell === Number(wanted);
  if (typeof cell === "boolean") return String(cell) === String(wanted).toLowerCase();
  return cell === String(wanted).trim();
}

function sampleValues(dataset: Dataset, column: string): string {
  const values = unique(
    dataset.rows
      .map((r) => r[column])
      .filter((v) => v !== null && v !== undefined)
      .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))),
  );
  return (
    values
      .slice(0, 4)
      .map((v) => `\`${v}\``)
      .join(", ") || "no values"
  );
}

/** A custom chart gets the filtered rows; its x and y, if given, must be columns. */
function resolveCustom(
  spec: ChartSpec,
  dataset: Dataset,
  diagnostics: Diagnostics,
): { chart?: ChartData; messages: VFileMessage[] } {
  const names = dataset.fields.map((f) => f.name);
  const at = (path: PropertyKey[]) => ({ file: spec.file, ...spec.placeOf(path) });
  const check = (key: "x" | "y" | "series", name: string, path: PropertyKey[]) => {
    if (!names.includes(name)) {
      diagnostics.add(
        "ChartUnknownColumn",
        { key, actual: name, dataset: dataset.id, columns: names, suggestion: closest(name, names) },
        at(path),
      );
    }
  };
  spec.x.forEach((name, i) => check("x", name, spec.x.length > 1 ? ["x", i] : ["x"]));
  spec.y.forEach((name, i) => check("y", name, spec.y.length > 1 ? ["y", i] : ["y"]));
  for (const f of spec.filter) check("x", f.column, ["filter", f.column]);
  if (spec.module) {
    const loaded = loadCustomChart(spec.module);
    if ("reason" in loaded)
      diagnostics.add("ChartCustomModule", { module: spec.module, reason: loaded.reason }, at(["module"]));
  }
  if (diagnostics.hasErrors) return { messages: diagnostics.messages };
  const rows = dataset.rows.filter((row) =>
    spec.filter.every((f) => f.values.some((v) => sameValue(row[f.column] ?? null, v))),
  );
  if (!rows.length) {
    diagnostics.add(
      "ChartEmpty",
      { dataset: dataset.id, fix: "no row matches the `filter`" },
      at(spec.filter.length ? ["filter"] : ["data"]),
    );
    return { messages: diagnostics.messages };
  }
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
