// One number style per chart: without a `format` (the chart's or the field's), value labels and
// axis ticks print in one style chosen from the size of the chart's values, with the same
// decimals throughout (£270k, £1.2m, 31.1%, 1,323). The data table, the description and
// `:value` keep the field's full format: that is where a reader checks the exact figure.
import { numberFormatter } from "../data/index.ts";
import type { Field } from "../data/types.ts";

const currencies: Record<string, string> = { GBP: "£", USD: "$", EUR: "€" };

/** The pattern (in the sidecar's `format` grammar) for these values of `field`; undefined for none. */
export function chartNumberPattern(values: readonly number[], field: Pick<Field, "unit" | "type">): string | undefined {
  const unit = field.unit ?? "";
  // An integer with no unit is a label more often than a quantity (a year): printed as written.
  if (field.type === "integer" && !unit) return undefined;
  const fractional = values.some((v) => !Number.isInteger(v));
  if (unit === "percent") return fractional ? "0.0%" : "0%";
  const symbol = currencies[unit.split(" ")[0]!] ?? "";
  const largest = Math.max(0, ...values.map(Math.abs));
  if (largest >= 1e9) return `${symbol}0.0bn`;
  if (largest >= 1e6) return `${symbol}0.0m`;
  if (largest >= 1e5) return `${symbol}0k`;
  if (largest >= 1e3 || !fractional) return `${symbol}#,##0`;
  return symbol ? `${symbol}#,##0.00` : "#,##0.0";
}

/** How a chart prints its values on the drawing: the author's format, else one style for all. */
export function chartFormatter(options: {
  field: Pick<Field, "unit" | "type" | "format">;
  format?: string;
  values: readonly number[];
}): (n: number) => string {
  const { field, format, values } = options;
  if (format !== undefined || field.format !== undefined) return numberFormatter(field, format);
  const pattern = chartNumberPattern(values, field);
  const print = numberFormatter(field, pattern);
  // Zero has no size: `£0`, not `£0.0m`.
  const scaled = /(k|m|bn)$/.exec(pattern ?? "");
  return scaled ? (n: number) => (n === 0 ? print(0).replace(/(\.0+)?(k|m|bn)$/, "") : print(n)) : print;
}
