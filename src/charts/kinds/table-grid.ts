// A `type: table` as cells to print: each column formatted as the data table formats it (the
// field's full format, or the column's own), with the bar column's bars and the colour column's
// shades worked out once, for the page's HTML table (table-html.ts) and the SVG drawn for the
// standalone image and PNG (table-svg.ts).
import { formatColumn } from "../../data/index.ts";
import { isNumeric } from "../../data/types.ts";
import type { ChartData } from "../resolve.ts";
import { tableShades } from "../theme.ts";

export interface TableCell {
  text: string;
  numeric: boolean;
  /** The bar in this cell, in units of a 0-100 track: from `x`, `width` wide. */
  bar?: { x: number; width: number };
  /** The step of the colour scale, 0 (lightest) to 4. */
  shade?: number;
}

export interface TableGrid {
  head: Array<{ title: string; numeric: boolean }>;
  rows: Array<{ cells: TableCell[]; highlighted: boolean }>;
}

/** The printed grid of a resolved table chart. */
export function tableGrid(chart: ChartData): TableGrid {
  const table = chart.table!;
  const columns = table.columns.map((c) => {
    const values = chart.rows.map((row) => row[c.field.name] ?? null);
    return { ...c, values, texts: formatColumn(values, c.field, c.format) };
  });
  const numbers = (name: string | undefined) =>
    columns.find((c) => c.field.name === name)?.values.flatMap((v) => (typeof v === "number" ? [v] : [])) ?? [];
  const bars = barScale(numbers(table.bar?.name));
  const shades = shadeScale(numbers(table.color?.name));
  return {
    head: columns.map((c) => ({ title: c.title, numeric: isNumeric(c.field) })),
    rows: chart.rows.map((_, i) => ({
      highlighted: table.highlighted[i] ?? false,
      cells: columns.map((c) => {
        const value = c.values[i];
        const cell: TableCell = { text: c.texts[i]!, numeric: isNumeric(c.field) };
        if (typeof value !== "number") return cell;
        if (c.field.name === table.bar?.name) cell.bar = bars(value);
        if (c.field.name === table.color?.name) cell.shade = shades(value);
        return cell;
      }),
    })),
  };
}

/** Bars from zero on one scale for the column: negative figures run left of the zero line. */
function barScale(values: number[]): (value: number) => { x: number; width: number } {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const at = (v: number) => Math.round(((v - low) / span) * 1000) / 10;
  return (value) => ({ x: Math.min(at(0), at(value)), width: Math.abs(at(value) - at(0)) });
}

/** Five equal steps from the column's smallest figure to its largest. */
function shadeScale(values: number[]): (value: number) => number {
  const steps = tableShades.light.length;
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (!(high > low)) return () => Math.floor(steps / 2);
  return (value) => Math.min(steps - 1, Math.floor(((value - low) / (high - low)) * steps));
}
