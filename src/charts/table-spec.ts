// The keys of a `type: table` block and the rules between them: which columns it shows (each a
// name or `{ column, title, format }`), an inline `bar` or a `color` scale on one number column,
// and a `sort` by any column. Part of the block boundary (spec.ts); the dataset checks are in
// table-rows.ts.
import * as z from "zod";
import type { Diagnostics } from "../errors/diagnostic.ts";
import type { YamlPoint } from "../errors/yaml.ts";

const tableColumn = z.union([
  z.string().min(1),
  z
    .object({ column: z.string().min(1), title: z.string().min(1).optional(), format: z.string().min(1).optional() })
    .strict(),
]);

/** The keys only a table takes, merged into the chart schema (so an unknown key's suggestion knows them). */
export const tableKeys = {
  columns: z.union([z.string().min(1), z.array(tableColumn).min(1)]).optional(),
  bar: z.string().min(1).optional(),
  color: z.string().min(1).optional(),
};

/** A table's `sort`: a column name, with `-` before it for largest (or latest, or last) first. */
export const tableSort = z.string().min(1);

export interface TableColumnSpec {
  column: string;
  /** The heading; default the field's title. */
  title?: string;
  /** How to print the cells; default the field's full format, as the data table prints it. */
  format?: string;
}

export interface TableSpec {
  /** Empty: every column of the dataset, in its order. */
  columns: TableColumnSpec[];
  bar?: string;
  color?: string;
  sort?: { column: string; descending: boolean };
}

/** The table part of a block's parsed keys. */
export function tableSpecOf(data: {
  columns?: z.infer<typeof tableKeys.columns>;
  bar?: string;
  color?: string;
  sort?: string;
}): TableSpec {
  const listed = data.columns === undefined ? [] : Array.isArray(data.columns) ? data.columns : [data.columns];
  const sort = data.sort;
  return {
    columns: listed.map((c) => (typeof c === "string" ? { column: c } : c)),
    bar: data.bar,
    color: data.color,
    sort: sort === undefined ? undefined : { column: sort.replace(/^-/, ""), descending: sort.startsWith("-") },
  };
}

/** Chart keys that draw axes, series or steps: a table has columns instead. */
const notOnTables: Record<string, string> = {
  x: "a table lists its `columns` instead: `columns: [label, children, weekly_cost]`",
  y: "a table lists its `columns` instead: `columns: [label, children, weekly_cost]`",
  series: "a table shows every row it keeps: remove `series`, or list the column in `columns`",
  aggregate: "a table shows rows as they are: remove `aggregate`, or chart the totals as a column or bar chart",
  by: "a table shows dates as their column's format prints them: give the column a `format` in `columns`",
  annotations: "a table has no points to label: say it in `notes`, or `highlight` the rows",
  totals: "`totals` mark the totals of a `waterfall` chart: remove it",
  other: "a table drops the rows past `limit` (the notes say how many): remove `other`",
  format: "give each number column its own format in `columns`: `- { column: weekly_cost, format: £#,##0 }`",
  height: "a table is as tall as its rows: remove `height`, or keep fewer rows with `limit`",
};

/**
 * The rules of a table block: none of the chart keys it has no use for, and one of `bar` and
 * `color`, not both. On any other type, the table's own keys are mistakes. True for a table.
 */
export function reportTableProblems(
  raw: Record<string, unknown>,
  where: {
    at: (path: PropertyKey[]) => YamlPoint & { file: string };
    fence: { file: string; line: number; column: number };
  },
  diagnostics: Diagnostics,
  problems: Set<string>,
): boolean {
  const invalid = (key: string, expected: string, fix: string) => {
    problems.add(key);
    const actual = typeof raw[key] === "object" ? JSON.stringify(raw[key]) : String(raw[key]);
    diagnostics.add("ChartInvalidValue", { key, actual, expected, fix }, where.at([key]));
  };
  if (raw.type !== "table") {
    for (const key of Object.keys(tableKeys))
      if (raw[key] !== undefined)
        invalid(
          key,
          `no \`${key}\` on a ${String(raw.type)} chart`,
          "`columns`, `bar` and `color` belong to `type: table`: remove it or make the chart a table",
        );
    return false;
  }
  for (const [key, fix] of Object.entries(notOnTables))
    if (raw[key] !== undefined) invalid(key, `no \`${key}\` on a table`, fix);
  if (raw.bar !== undefined && raw.color !== undefined)
    invalid(
      "color",
      "no `color` beside `bar`",
      "a table draws an inline bar or a colour scale on one column, not both: remove `bar` or `color`",
    );
  return true;
}
