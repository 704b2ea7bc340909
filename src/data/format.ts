// Prints values: the `format` mini-language for numbers, date patterns for dates, defaults by unit.
import { formatLocale, formatSpecifier, type FormatLocaleObject } from "d3-format";
import { formatDate, parseDatePattern } from "./dates.ts";
import { currencyOfUnit, isPercentUnit } from "./numbers.ts";
import type { CellValue, Field } from "./types.ts";

/** What a missing value prints as: an en dash, never `NaN` or `undefined`. */
export const MISSING = "–";

/** Dates print as `5 January 2024` unless a `format` says otherwise. */
export const DEFAULT_DATE_FORMAT = "D MMMM YYYY";

// en-GB number locales, one per currency sign; d3's minus sign is U+2212 and goes before the currency.
const locales = new Map<string, FormatLocaleObject>(
  ["£", "$", "€"].map((sign) => [
    sign,
    formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: [sign, ""] }),
  ]),
);
const localeFor = (sign: string | undefined): FormatLocaleObject => locales.get(sign ?? "£")!;

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

/**
 * Grammar of a number `format`, Excel's words for what journalists already write:
 *   format   = currency? digits ("." decimals)? (scale | "%")?
 *   currency = "£" | "$" | "€"
 *   digits   = ("#" | "0")+ ("," ("#" | "0")+)*    any "," turns on thousands separators
 *   decimals = "0"* "#"*                            each "0" a decimal place; any "#" trims trailing zeros
 *   scale    = "k" | "m" | "bn"                     divides the true value by 1e3, 1e6 or 1e9 and appends it
 *   "%"        with unit `percent`, appends `%` (32.4 → 32.4%); otherwise multiplies by 100 (0.324 → 32.4%)
 * Examples: `£0.0m` → £20.9m, `£#,##0` → £1,234, `#,##0` → 1,323, `0.0%` → 32.4%, `£0.00bn` → £1.20bn.
 * Anything else must be a d3-format specifier (`,.1f`, `$,.0f`, `.1%`), printed with the currency of
 * the field's unit (£ when it has none). Negative numbers print `−£1.2m`.
 */
const EXCEL = /^([£$€])?([#0]+(?:,[#0]+)*)(?:\.(0*)(#*))?(k|m|bn|%)?$/;

/**
 * Why `pattern` cannot print numbers (or dates), as what was expected and how to fix it; undefined
 * when it can. Every place a print pattern is written (a sidecar field, a chart block, a `:value`)
 * checks it here, so a bad one is reported, never quietly replaced by the default.
 */
export function formatPatternProblem(
  pattern: string,
  kind: "number" | "date",
): { expected: string; fix: string } | undefined {
  if (kind === "date") {
    const parsed = parseDatePattern(pattern, "print");
    return "error" in parsed ? { expected: "a date pattern such as `D MMMM YYYY`", fix: parsed.error } : undefined;
  }
  const size = sizeProblem(pattern);
  if (size) return size;
  if (parseNumberFormat(pattern)) return undefined;
  return {
    expected: "a number format such as `£0.0m`, `£#,##0`, `#,##0` or `0.0%`",
    fix: "use `0` and `#` for digits, `,` for thousands, an optional `£`, and `k`, `m`, `bn` or `%` at the end; or a d3-format specifier such as `,.1f`",
  };
}

// d3-format pads to a width with `new Array(width)`: `500000000f` runs the build out of memory. No
// printed figure needs more than 30 characters of padding or 20 decimals (d3's own precision cap).
const MAX_WIDTH = 30;
const MAX_PRECISION = 20;

/** The width and decimals a pattern asks for, by either grammar; undefined when it is neither. */
function patternSize(pattern: string): { width: number; precision: number } | undefined {
  const excel = EXCEL.exec(pattern);
  if (excel) return { width: 0, precision: (excel[3] ?? "").length + (excel[4] ?? "").length };
  try {
    const spec = formatSpecifier(pattern);
    return { width: spec.width ?? 0, precision: spec.precision ?? 0 };
  } catch {
    return undefined;
  }
}

/** Why a pattern asks for more padding or decimals than any figure needs; undefined when it does not. */
function sizeProblem(pattern: string): { expected: string; fix: string } | undefined {
  const size = patternSize(pattern);
  if (size && size.width > MAX_WIDTH) {
    return {
      expected: `a number format with a width of at most ${MAX_WIDTH}`,
      fix: "remove the width (the digits before `.` or the type letter): pages and charts size their own columns",
    };
  }
  if (size && size.precision > MAX_PRECISION) {
    return {
      expected: `a number format with at most ${MAX_PRECISION} decimals`,
      fix: "use fewer decimal places, such as `.1f` or `0.0`",
    };
  }
  return undefined;
}

/**
 * Compiles a number format for a field's unit, or undefined when it is neither grammar or asks for
 * more width or decimals than MAX_WIDTH and MAX_PRECISION (so an unchecked pattern never pads a
 * figure to half a billion characters).
 */
export function parseNumberFormat(pattern: string, unit?: string): ((n: number) => string) | undefined {
  if (sizeProblem(pattern)) return undefined;
  const excel = EXCEL.exec(pattern);
  if (excel) {
    const [, sign, digits, zeros = "", hashes = "", tail] = excel;
    const precision = zeros.length + hashes.length;
    const body = `${sign ? "$" : ""}${digits!.includes(",") ? "," : ""}.${precision}${hashes ? "~" : ""}`;
    const locale = localeFor(sign);
    if (tail === "%" && !isPercentUnit(unit)) return guard(locale.format(`${body}%`));
    const print = locale.format(`${body}f`);
    if (tail === "%") return guard((n) => `${print(n)}%`);
    const divisor = tail ? SCALES[tail]! : 1;
    return guard((n) => `${print(n / divisor)}${tail ?? ""}`);
  }
  try {
    formatSpecifier(pattern);
  } catch {
    return undefined;
  }
  return guard(localeFor(currencyOfUnit(unit)).format(pattern));
}

/** Missing and non-finite numbers print as {@link MISSING}. */
const guard =
  (print: (n: number) => string) =>
  (n: number): string =>
    Number.isFinite(n) ? print(n) : MISSING;

/**
 * The default when a field has no `format`: money in its currency (`£1,234`, `£1,234.50`, and
 * `£20.9m` / `£1.2bn` from a million up), percent as `32.4%`, an integer without a unit as
 * written (`2019`), anything else with thousands separators and at most two decimals (`1,323`, `0.25`).
 */
function defaultNumberFormat(field: Pick<Field, "unit" | "type">): (n: number) => string {
  const sign = currencyOfUnit(field.unit);
  if (sign) {
    const locale = localeFor(sign);
    const [large, whole, pence] = [locale.format("$,.1~f"), locale.format("$,.0f"), locale.format("$,.2f")];
    return guard((n) => {
      const millions = Number((n / 1e6).toFixed(1));
      if (Math.abs(millions) >= 1000) return `${large(n / 1e9)}bn`;
      if (Math.abs(n) >= 1e6) return `${large(n / 1e6)}m`;
      return Number.isInteger(n) ? whole(n) : pence(n);
    });
  }
  const plain = localeFor("£").format(",.2~f");
  // An integer with no unit is a label more often than a quantity (a year, a ward number):
  // print it as written, without a thousands separator. A count says `unit: count`.
  if (field.type === "integer" && !field.unit) return guard(localeFor("£").format("d"));
  if (isPercentUnit(field.unit)) {
    const percent = localeFor("£").format(",.1~f");
    return guard((n) => `${percent(n)}%`);
  }
  return guard(plain);
}

const cache = new Map<string, (n: number) => string>();

/**
 * A function printing numbers of `field`, by `format` (a chart's override), else the field's own
 * `format`, else the default for its unit. An invalid pattern falls back to the default: patterns
 * are checked where they are written (the sidecar, the chart block), with positions.
 */
export function numberFormatter(
  field: Pick<Field, "unit" | "type" | "format">,
  format?: string,
): (n: number) => string {
  const pattern = format ?? field.format;
  const key = `${pattern ?? ""}\u0000${field.unit ?? ""}\u0000${field.type}`;
  let print = cache.get(key);
  if (!print) {
    print = (pattern === undefined ? undefined : parseNumberFormat(pattern, field.unit)) ?? defaultNumberFormat(field);
    cache.set(key, print);
  }
  return print;
}

/**
 * A function printing the numbers of one table column, where a reader goes to check the exact
 * figure: the chart's or the field's `format` when there is one, else the default for the unit,
 * except that money is never abbreviated (`£6,234,232`, not `£6.2m`) and prints pence on every
 * row when any of `values` has them (`£270,489.00` beside `£373,399.84`).
 */
export function exactNumberFormatter(
  field: Pick<Field, "unit" | "type" | "format">,
  values: readonly (CellValue | undefined)[],
  format?: string,
): (n: number) => string {
  const sign = currencyOfUnit(field.unit);
  if ((format ?? field.format) !== undefined || !sign) return numberFormatter(field, format);
  const pence = values.some((v) => typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v));
  return guard(localeFor(sign).format(pence ? "$,.2f" : "$,.0f"));
}

/** Prints a whole column for a table: numbers by {@link exactNumberFormatter}, the rest by {@link formatValue}. */
export function formatColumn(
  values: readonly (CellValue | undefined)[],
  field: Pick<Field, "unit" | "type" | "format">,
  format?: string,
): string[] {
  const exact = exactNumberFormatter(field, values, format);
  return values.map((v) => (typeof v === "number" ? exact(v) : formatValue(v, field, format)));
}

/** Prints one cell as a reader should see it: `£20.9m`, `1,323`, `32.4%`, `5 January 2024`, `–`. */
export function formatValue(
  value: CellValue | undefined,
  field: Pick<Field, "unit" | "type" | "format">,
  format?: string,
): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "number") return numberFormatter(field, format)(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return MISSING;
    const parsed = parseDatePattern(format ?? field.format ?? DEFAULT_DATE_FORMAT, "print");
    const tokens =
      "tokens" in parsed ? parsed.tokens : (parseDatePattern(DEFAULT_DATE_FORMAT, "print") as { tokens: [] }).tokens;
    return formatDate(value, tokens);
  }
  return value;
}
