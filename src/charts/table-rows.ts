// Joins a `type: table` block to its dataset: its columns, formats, bar or colour column and sort
// checked against the fields, then the rows filtered (filter.ts), sorted, limited and capped, with
// the highlighted ones marked. A table of a 200,000-row register shows its first TABLE_MAX_ROWS.
import { formatPatternProblem } from "../data/format.ts";
import { comparePeriods } from "../data/index.ts";
import { isNumeric, type CellValue, type Dataset, type Field, type Row } from "../data/types.ts";
import { closest } from "../errors/closest.ts";
import type { Diagnostics, Place } from "../errors/diagnostic.ts";
import { filterRows, sameValue } from "./filter.ts";
import type { ChartSpec } from "./spec.ts";
import type { TableColumnSpec } from "./table-spec.ts";

/**
 * The most rows a table prints on a page: past about a hundred a reader scrolls rather than
 * reads, and every row is in the story page, its embed page and the search index. The rest are
 * on the dataset page and in its CSV, and the notes say how many.
 */
export const TABLE_MAX_ROWS = 100;

export interface TableColumn {
  field: Field;
  title: string;
  format?: string;
}

export interface TableData {
  columns: TableColumn[];
  bar?: Field;
  color?: Field;
  /** Rows kept by `filter`, before `limit` and the cap. */
  matched: number;
  /** Rows left out by the cap (not by the author's `limit`). */
  capped: number;
  /** Per shown row, whether `highlight` picked it. */
  highlighted: boolean[];
}

type TableQuery = Pick<ChartSpec, "table" | "filter" | "limit" | "highlight" | "highlightRows" | "file" | "placeOf">;

type At = (path: PropertyKey[], target?: "key" | "value") => Place;

/**
 * The table's columns against the dataset: each must exist and take its `format`; `bar` and
 * `color` must be number columns it shows; `sort` a column. Keys in `skip` (a block's keys with
 * problems of their own) are not checked. Also run on a block with errors (resolve.ts).
 */
export function tableColumns(
  spec: Pick<TableQuery, "table" | "limit">,
  dataset: Dataset,
  diagnostics: Diagnostics,
  options: { at: At; skip?: ReadonlySet<string> },
): Pick<TableData, "columns" | "bar" | "color"> & { sortField?: Field } {
  const { at, skip = new Set() } = options;
  const table = spec.table ?? { columns: [] };
  const names = dataset.fields.map((f) => f.name);
  const find = (name: string, path: PropertyKey[], key = String(path[0])) => {
    const field = dataset.fields.find((f) => f.name === name);
    if (!field)
      diagnostics.add(
        "ChartUnknownColumn",
        { key, actual: name, dataset: dataset.id, columns: names, suggestion: closest(name, names) },
        at(path),
      );
    return field;
  };
  // Without `columns`, every column of the dataset in its order.
  const listed: TableColumnSpec[] = table.columns.length
    ? table.columns
    : dataset.fields.map((f) => ({ column: f.name }));
  const columns: TableColumn[] = [];
  listed.forEach((c, i) => {
    // `columns: label`, `- label` and `- { column: label }` all place at the name (yaml.ts stops where the path does).
    const field = find(c.column, ["columns", i, "column"], "columns");
    if (!field) return;
    if (c.format && formatProblem(c.format, field, ["columns", i, "format"], diagnostics, at)) return;
    columns.push({ field, title: c.title ?? field.title, format: c.format });
  });
  const marked = (key: "bar" | "color") => {
    const name = table[key];
    if (name === undefined || skip.has(key)) return undefined;
    const field = find(name, [key]);
    if (!field) return undefined;
    if (!isNumeric(field))
      diagnostics.add(
        "ChartColumnType",
        {
          key,
          actual: name,
          type: field.type,
          expected: "a number or integer column",
          fix: `\`${key}\` draws the size of numbers: name a number column, or remove \`${key}\``,
        },
        at([key]),
      );
    else if (!listed.some((c) => c.column === name))
      diagnostics.add(
        "ChartInvalidValue",
        {
          key,
          actual: name,
          expected: "one of the table's `columns`",
          fix: `\`${key}\` is drawn in its column's cells: add \`${name}\` to \`columns\``,
        },
        at([key]),
      );
    else return field;
    return undefined;
  };
  const bar = marked("bar");
  const color = marked("color");
  const sortField = table.sort && !skip.has("sort") ? find(table.sort.column, ["sort"]) : undefined;
  if (spec.limit !== undefined && spec.limit > TABLE_MAX_ROWS && !skip.has("limit"))
    diagnostics.add(
      "ChartInvalidValue",
      {
        key: "limit",
        actual: String(spec.limit),
        expected: `at most ${TABLE_MAX_ROWS} rows`,
        fix: `a table prints at most ${TABLE_MAX_ROWS} rows; every row is on the dataset's page: lower \`limit\` or remove it`,
      },
      at(["limit"]),
    );
  return { columns, bar, color, sortField };
}

/** The table's rows and columns, or undefined with positioned messages. */
export function resolveTableRows(
  spec: TableQuery,
  dataset: Dataset,
  diagnostics: Diagnostics,
  at: At,
): { table: TableData; rows: Row[] } | undefined {
  const table = spec.table ?? { columns: [] };
  const { columns, bar, color, sortField } = tableColumns(spec, dataset, diagnostics, { at });
  if (diagnostics.hasErrors) return undefined;

  const filtered = filterRows(spec, dataset, diagnostics, at);
  if (!filtered) return undefined;
  let rows = filtered;
  if (sortField && table.sort) rows = sortRows(rows, sortField, table.sort.descending);
  const wanted = Math.min(spec.limit ?? TABLE_MAX_ROWS, TABLE_MAX_ROWS);
  const capped = spec.limit === undefined ? Math.max(0, rows.length - wanted) : 0;
  rows = rows.slice(0, wanted);

  // `highlight: Private placements` picks rows by the first column; `{ column: value }` by any.
  const first = columns[0]!.field;
  const highlighted = rows.map(
    (row) =>
      spec.highlight.some((h) => sameValue(row[first.name] ?? null, h)) ||
      (spec.highlightRows.length > 0 &&
        spec.highlightRows.every(({ column, values }) => values.some((v) => sameValue(row[column] ?? null, v)))),
  );
  const missing = (
    values: ReadonlyArray<string | number | boolean>,
    column: string,
    path: (i: number) => PropertyKey[],
  ) =>
    values.forEach((v, i) => {
      if (rows.some((row) => sameValue(row[column] ?? null, v))) return;
      const written = [...new Set(rows.map((row) => String(row[column] ?? "")).filter(Boolean))];
      diagnostics.add(
        "ChartHighlightNoRow",
        { actual: String(v), column, values: written, suggestion: closest(String(v), written) },
        at(path(i)),
      );
    });
  missing(spec.highlight, first.name, (i) => (spec.highlight.length > 1 ? ["highlight", i] : ["highlight"]));
  for (const { column, values } of spec.highlightRows)
    missing(values, column, (i) => (values.length > 1 ? ["highlight", column, i] : ["highlight", column]));
  if (diagnostics.hasErrors) return undefined;
  return { table: { columns, bar, color, matched: filtered.length, capped, highlighted }, rows };
}

/** A column's `format` must be one its type prints with: a number pattern, or a date pattern. */
function formatProblem(
  format: string,
  field: Field,
  path: PropertyKey[],
  diagnostics: Diagnostics,
  at: (path: PropertyKey[]) => Place,
): boolean {
  const kind = isNumeric(field) ? "number" : field.type === "date" ? "date" : undefined;
  const problem = kind
    ? formatPatternProblem(format, kind)
    : {
        expected: "no `format` on a text column",
        fix: `\`${field.name}\` is a ${field.type} column, printed as written: remove its \`format\``,
      };
  if (problem) diagnostics.add("ChartInvalidValue", { key: "format", actual: format, ...problem }, at(path));
  return problem !== undefined;
}

/** Rows by one column, stable; missing cells last whichever way. */
function sortRows(rows: Row[], field: Field, descending: boolean): Row[] {
  const compare = (a: CellValue, b: CellValue): number => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
    if (field.type === "period") return comparePeriods(String(a), String(b));
    return String(a).localeCompare(String(b), "en-GB");
  };
  return rows
    .map((row, i) => ({ row, i, cell: row[field.name] ?? null }))
    .sort((a, b) => {
      if (a.cell === null || b.cell === null) return a.cell === b.cell ? a.i - b.i : a.cell === null ? 1 : -1;
      return (descending ? compare(b.cell, a.cell) : compare(a.cell, b.cell)) || a.i - b.i;
    })
    .map(({ row }) => row);
}
