// Picks one figure out of a dataset for prose: a row by primary key or by `where` cells, one
// column, or an aggregate over the matching rows. Returns the value or what went wrong.
import type { CellValue, Dataset, Field } from "./types.ts";

export const aggregateNames = ["sum", "count", "mean", "median", "min", "max"] as const;
export type AggregateName = (typeof aggregateNames)[number];

export interface CellQuery {
  /** Primary-key value; a composite key's values joined with `;`. */
  row?: string;
  /** `column=value; column=value`, matched against the cells as written. */
  where?: string;
  col?: string;
  agg?: AggregateName;
}

export type LookupProblem =
  | { kind: "unknown-column"; column: string; columns: string[] }
  | { kind: "bad-where"; part: string }
  | { kind: "no-key" }
  | { kind: "no-row"; matched: 0; sample: string[] }
  | { kind: "many-rows"; matched: number }
  | { kind: "not-numeric"; column: string; type: string }
  | { kind: "missing"; column: string; line: number }
  | { kind: "some-missing"; column: string; line: number; missing: number; matched: number };

export type LookupResult = { value: CellValue; field: Field; rows: number } | { problem: LookupProblem };

const countField: Field = {
  name: "count",
  type: "integer",
  title: "Count",
  unit: "count",
  scale: 1,
  line: 0,
  column: 0,
};

/**
 * One `column=value` pair of a where, split by hand rather than by `/^\s*([^=]+?)\s*=\s*(.*?)\s*$/`,
 * whose lazy groups rescan every run of spaces (quadratic on a long one). Grammar:
 *   part   = space* column space* "=" space* value space*
 *   column = (any character but "=")+                   trimmed; at least one non-space character
 *   value  = (any character but a line break)*         trimmed; may hold further `=`
 * Undefined when the part does not fit it.
 */
function splitWherePart(part: string): [string, string] | undefined {
  const equals = part.indexOf("=");
  if (equals === -1) return undefined;
  const column = part.slice(0, equals).trim();
  const value = part.slice(equals + 1).trim();
  if (column === "" || /[\n\r\u2028\u2029]/.test(value)) return undefined;
  return [column, value];
}

export function lookupCell(dataset: Dataset, query: CellQuery): LookupResult {
  const names = dataset.fields.map((f) => f.name);
  const fieldOf = (name: string) => dataset.fields.find((f) => f.name === name);
  const written = (index: number, column: string): string => {
    const cell = dataset.cells?.[index]?.[column];
    if (cell !== undefined) return cell;
    const value = dataset.rows[index]?.[column];
    return value instanceof Date
      ? value.toISOString().slice(0, 10)
      : value === null || value === undefined
        ? ""
        : String(value);
  };

  // Conditions: the primary key or the where pairs.
  const conditions: Array<[string, string]> = [];
  if (query.row !== undefined) {
    if (!dataset.primaryKey.length) return { problem: { kind: "no-key" } };
    const parts = dataset.primaryKey.length > 1 ? query.row.split(";").map((p) => p.trim()) : [query.row.trim()];
    dataset.primaryKey.forEach((column, i) => conditions.push([column, parts[i] ?? ""]));
  }
  for (const part of (query.where ?? "").split(";").filter((p) => p.trim())) {
    const pair = splitWherePart(part);
    if (!pair) return { problem: { kind: "bad-where", part: part.trim() } };
    conditions.push(pair);
  }
  for (const column of [...conditions.map(([c]) => c), ...(query.col ? [query.col] : [])]) {
    if (!fieldOf(column)) return { problem: { kind: "unknown-column", column, columns: names } };
  }
  const matches = dataset.rows
    .map((_, i) => i)
    .filter((i) => conditions.every(([column, value]) => written(i, column) === value));

  if (!query.agg) {
    if (!query.col) return { problem: { kind: "unknown-column", column: "", columns: names } };
    if (matches.length === 0)
      return { problem: { kind: "no-row", matched: 0, sample: sampleKeys(dataset, conditions) } };
    if (matches.length > 1) return { problem: { kind: "many-rows", matched: matches.length } };
    const index = matches[0]!;
    const value = dataset.rows[index]![query.col] ?? null;
    if (value === null) return { problem: { kind: "missing", column: query.col, line: dataset.rowLines[index] ?? 0 } };
    return { value, field: fieldOf(query.col)!, rows: 1 };
  }

  // A `row` or `where` that matches nothing is a mistake even when counting: most likely a typo,
  // which a printed 0 would hide.
  const noRow = { problem: { kind: "no-row", matched: 0, sample: sampleKeys(dataset, conditions) } } as const;
  if (query.agg === "count") {
    return conditions.length && !matches.length
      ? noRow
      : { value: matches.length, field: countField, rows: matches.length };
  }
  if (!query.col) return { problem: { kind: "unknown-column", column: "", columns: names } };
  const field = fieldOf(query.col)!;
  if (field.type !== "number" && field.type !== "integer")
    return { problem: { kind: "not-numeric", column: field.name, type: field.type } };
  if (matches.length === 0) return noRow;
  // A sum, mean or extreme that silently leaves out rows with no figure would print a wrong number.
  const empty = matches.filter((i) => typeof dataset.rows[i]![query.col!] !== "number");
  if (empty.length) {
    const line = dataset.rowLines[empty[0]!] ?? 0;
    return empty.length === matches.length
      ? { problem: { kind: "missing", column: field.name, line } }
      : { problem: { kind: "some-missing", column: field.name, line, missing: empty.length, matched: matches.length } };
  }
  const values = matches.map((i) => dataset.rows[i]![query.col!] as number);
  return {
    value: aggregate(query.agg, values),
    field: query.agg === "mean" || query.agg === "median" ? { ...field, type: "number" } : field,
    rows: matches.length,
  };
}

function aggregate(name: Exclude<AggregateName, "count">, values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((s, v) => s + v, 0);
  switch (name) {
    case "sum":
      return Number(sum.toPrecision(15));
    case "mean":
      return sum / values.length;
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

/** A few values of the first condition's column, to show what does exist. */
function sampleKeys(dataset: Dataset, conditions: Array<[string, string]>): string[] {
  const column = conditions[0]?.[0] ?? dataset.primaryKey[0];
  if (!column) return [];
  const seen = new Set<string>();
  dataset.rows.forEach((_, i) => {
    const cell = dataset.cells?.[i]?.[column] ?? String(dataset.rows[i]?.[column] ?? "");
    if (cell) seen.add(cell);
  });
  return [...seen].slice(0, 5);
}
