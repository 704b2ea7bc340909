// `aggregate`: rows grouped by x (and series) into one point each, and dates grouped as their
// column prints them (a month for `MMM YYYY`, a year for `YYYY`), with the months or years that
// have no rows drawn too, so a register's quiet month is a zero, not a missing bar.
import { utcDate } from "../data/dates.ts";
import { DEFAULT_DATE_FORMAT, parseDatePattern } from "../data/index.ts";
import type { Field, Row } from "../data/types.ts";
import type { CategoryKey, Point } from "./resolve.ts";
import type { Aggregate, DateGrouping } from "./spec.ts";

/** The column `aggregate: count` draws: how many rows fell in each group. */
export const countField: Field = {
  name: "count",
  type: "integer",
  title: "Number of rows",
  unit: "count",
  scale: 1,
  line: 0,
  column: 0,
};

/** A calendar period dates are grouped into: where one starts, and the start of the next. */
export interface DateBucket {
  start: (date: Date) => Date;
  next: (start: Date) => Date;
}

/**
 * Points grouped by category and series, each with its rows' aggregate. With `bucket` (dates
 * grouped by month or year), every period from the first to the last is drawn for every series:
 * one with no rows has a count or sum of 0, and no mean, median, min or max. A group with a row
 * that has no figure has no sum, mean, median, min or max either (drawn as a gap, with a note).
 */
export function aggregatePoints(options: {
  aggregate: Aggregate;
  /** One per row and value column, its category already the start of its period. */
  entries: Point[];
  bucket?: DateBucket & { label: (date: Date) => string };
}): Point[] {
  const { aggregate, entries, bucket } = options;
  const groups = new Map<string, { point: Point; values: number[]; rows: number }>();
  const idOf = (category: CategoryKey, series: string) =>
    `${String(category instanceof Date ? category.getTime() : category)}\u0000${series}`;
  for (const entry of entries) {
    const id = idOf(entry.category, entry.series);
    const group = groups.get(id) ?? { point: { ...entry, value: null }, values: [], rows: 0 };
    group.rows++;
    if (entry.value !== null) group.values.push(entry.value);
    groups.set(id, group);
  }
  if (bucket) {
    const starts = entries.map((e) => e.category).filter((c): c is Date => c instanceof Date);
    const series = [...new Set(entries.map((e) => e.series))];
    const last = Math.max(...starts.map((d) => d.getTime()));
    for (let at = new Date(Math.min(...starts.map((d) => d.getTime()))); at.getTime() <= last; at = bucket.next(at)) {
      for (const name of series) {
        const id = idOf(at, name);
        if (!groups.has(id)) {
          groups.set(id, {
            point: { category: at, label: bucket.label(at), series: name, value: null },
            values: [],
            rows: 0,
          });
        }
      }
    }
  }
  return [...groups.values()].map((g) => ({ ...g.point, value: reduce(aggregate, g.values, g.rows) }));
}

function reduce(aggregate: Aggregate, values: number[], rows: number): number | null {
  if (aggregate === "count") return rows;
  // A period with no rows sums to 0; rows whose values are all missing sum to nothing known.
  if (aggregate === "sum" && rows === 0) return 0;
  // A row with no figure makes its group's figure unknown: a sum or mean of the rest would be wrong.
  if (values.length === 0 || values.length < rows) return null;
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
 * For a date column printed without its day, the month or year it prints, so that dates printed
 * alike fall in one group; undefined when the day is printed (or not a date). A format without a
 * year groups by month and year too: the dates drawn are then all of one year (see resolve.ts's
 * `drawPoints`), so those are the months it prints.
 */
export function dateBucket(field: Field): DateBucket | undefined {
  if (field.type !== "date") return undefined;
  const parsed = parseDatePattern(field.format ?? DEFAULT_DATE_FORMAT, "print");
  const kinds = "tokens" in parsed ? parsed.tokens.map((t) => t.kind) : ["D"];
  if (kinds.some((k) => k === "D" || k === "DD")) return undefined;
  if (kinds.some((k) => k.startsWith("M"))) {
    return {
      start: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth(), 1),
      next: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
    };
  }
  if (kinds.some((k) => k.startsWith("Y"))) {
    return {
      start: (d) => utcDate(d.getUTCFullYear(), 0, 1),
      next: (d) => utcDate(d.getUTCFullYear() + 1, 0, 1),
    };
  }
  return undefined;
}

/** Whether a column prints the year of its dates; true for other types, which have none to drop. */
export function printsYear(field: Field): boolean {
  if (field.type !== "date") return true;
  const parsed = parseDatePattern(field.format ?? DEFAULT_DATE_FORMAT, "print");
  return !("tokens" in parsed) || parsed.tokens.some((t) => t.kind.startsWith("Y"));
}

/** The years of a date column's cells in these rows, in order. */
export function yearsOf(rows: readonly Row[], field: Field): string[] {
  const years = new Set<number>();
  for (const row of rows) {
    const value = row[field.name];
    if (value instanceof Date) years.add(value.getUTCFullYear());
  }
  return [...years].sort((a, b) => a - b).map(String);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The period a chart's `by` groups dates into, with its label (`Jan 2024`, `Q1 2024`, `2024`):
 * the chart's own, so the field keeps printing each row's day on the dataset page.
 */
export function groupingBucket(by: DateGrouping): DateBucket & { label: (date: Date) => string } {
  const months = by === "month" ? 1 : by === "quarter" ? 3 : 12;
  const start = (d: Date) => {
    const month = d.getUTCMonth();
    return utcDate(d.getUTCFullYear(), month - (month % months), 1);
  };
  const next = (d: Date) => utcDate(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const label = (d: Date) => {
    const year = d.getUTCFullYear();
    if (by === "year") return String(year);
    if (by === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${year}`;
    return `${MONTHS[d.getUTCMonth()]!} ${year}`;
  };
  return { start, next, label };
}
