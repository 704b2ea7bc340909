// Fact-lint: finds figures typed by hand in prose (`£20.9m`, `1,323`, `32.4%`) and checks each
// against the values of datasets, within the rounding the text shows. Pure: strings and datasets in,
// verdicts out; `fact-lint-story.ts` walks a story and turns verdicts into warnings.
import { formatValue } from "../data/format.ts";
import { currencyOfUnit, isPercentUnit } from "../data/numbers.ts";
import type { Dataset, Field } from "../data/types.ts";

export type FigureKind = "money" | "percent" | "count";

/** How a figure is written, so a suggestion can be written the same way. */
export interface Notation {
  currency: string;
  decimals: number;
  /** Thousands separators (`1,323`). */
  grouped: boolean;
  /** `k`, `m` or `bn` after a currency figure, or a word: ` million`. */
  suffix: string;
  /** `%`, ` per cent`... as written. */
  percent: string;
}

export interface Figure {
  /** As written: `£20.9m`, `1,323`, `32.4%`. */
  text: string;
  /** Offset of `text` in the string it was found in. */
  index: number;
  kind: FigureKind;
  /** The true value: 20900000 for `£20.9m`, 32.4 for `32.4%`. */
  value: number;
  /** One unit of the last digit the text shows: 100000 for `£20.9m`, 1 for `1,323`, 10000 for `£750,000`. */
  step: number;
  /** Preceded by "about", "nearly", "more than"...: a rounder figure than the data is expected. */
  hedged: boolean;
  notation: Notation;
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  b: 1e9,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

// A number with an optional currency before it and a scale or per cent after it. Boundaries are
// checked in code (lookbehind cannot see whether a currency sign was matched).
const FIGURE =
  /([£$€])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(\s?%|\s(?:per ?cent)\b)|(k|m|bn|b)\b|\s(thousand|million|billion)\b)?/gu;

// Words that make a figure approximate: the text then admits one whole step either way.
const HEDGE =
  /(?:\b(?:about|around|approximately|roughly|nearly|almost|some|over|under|circa|estimated|close to|more than|less than|fewer than|just over|just under|just above|just below|a little (?:over|under|above|below|more than|less than)|up to|at least|at most|upwards of|in excess of)|~|\bc\.)\s*$/i;

// Words after which a bare number is a name, not a quantity: "section 106", "route 200", "aged 16".
const IDENTIFIER =
  /(?:\b(?:section|sections|s\.|article|clause|paragraph|para|page|pages|chapter|regulation|rule|schedule|item|no\.|number|room|flat|unit|route|bus|junction|ward|plot|platform|version|tier|level|grade|band|phase|part|figure|table|appendix|aged|age|ages|postcode)|#)\s*$/i;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/**
 * Every figure in `text` a reader would take as a fact: money (any size), percentages, and counts
 * written with a thousands separator, a decimal point or a scale word, or of 100 and more. Not
 * years (1000 to 2099 without a comma), periods (`2023/24`), dates, times, ordinals (`21st`),
 * numbers glued to letters (`A14`, `COVID-19`), numbers with a leading zero, or names such as
 * "section 106".
 */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const [whole, currency = "", digits = "", fraction = "", percent, letter, word] = match;
    const index = match.index;
    const end = index + whole.length;
    const before = text[index - 1];
    const after = text[end];
    // Part of a word, a period, a date, a time, a version or a longer number.
    if (isWordChar(before) || (before !== undefined && "./:,^".includes(before))) continue;
    if (isWordChar(after) || (after !== undefined && "/:".includes(after))) continue;
    if ((after === "." || after === ",") && isDigit(text[end + 1])) continue;
    if (!currency && (before === "-" || before === "–") && isWordChar(text[index - 2])) continue;
    if (!currency && (after === "-" || after === "–") && isDigit(text[end + 1])) continue;
    // `120-page`, `24-hour`: a count used as an adjective describes, it does not report.
    if (!currency && !percent && after === "-" && isWordChar(text[end + 1])) continue;
    // Digits in a row separated by spaces are a phone number or a reference, not quantities.
    if (!currency && !percent && before === " " && isDigit(text[index - 2])) continue;
    if (!currency && !percent && after === " " && isDigit(text[end + 1])) continue;

    const decimals = fraction.length;
    const n = Number(`${digits.replaceAll(",", "")}${fraction ? `.${fraction}` : ""}`);
    const scaleWord = (letter ?? word)?.toLowerCase();
    const multiplier = scaleWord ? MULTIPLIERS[scaleWord]! : 1;
    const grouped = digits.includes(",");
    const hedged = HEDGE.test(text.slice(Math.max(0, index - 30), index));
    const notation: Notation = {
      currency,
      decimals,
      grouped,
      suffix: letter ?? (word ? ` ${word}` : ""),
      percent: percent ?? "",
    };
    const base = { text: whole, index, hedged, notation };

    if (percent) {
      figures.push({ ...base, kind: "percent", value: n, step: 10 ** -decimals });
      continue;
    }
    if (!currency) {
      // `20m` without a currency could be metres; a bare `2024` is a year; `01604` a phone code.
      if (letter) continue;
      const plainInteger = !scaleWord && !grouped && decimals === 0;
      // Four digits without a comma from 1000 to 2099 read as a year (1874, 2024): counts that size
      // are written with one (1,500).
      if (plainInteger && (n < 100 || (n >= 1000 && n <= 2099) || digits.startsWith("0"))) continue;
      if (IDENTIFIER.test(text.slice(Math.max(0, index - 20), index))) continue;
    }
    const step =
      decimals > 0 || scaleWord ? 10 ** -decimals * multiplier : wholeNumberStep(digits.replaceAll(",", ""), hedged);
    figures.push({ ...base, kind: currency ? "money" : "count", value: n * multiplier, step });
  }
  return figures;
}

/**
 * The rounding a whole number shows. `610` and `1,200` are exact; `£750,000` (three zeros or more)
 * and `about £2,500` are rounded at their trailing zeros, keeping two significant digits at least
 * (`about £100` is not "anything from £0 to £200").
 */
function wholeNumberStep(digits: string, hedged: boolean): number {
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  if (trailing < 3 && !hedged) return 1;
  return 10 ** Math.max(0, Math.min(trailing, digits.length - 2));
}

/** A value a figure may stand for: one cell, or a column's total. */
export interface Candidate {
  value: number;
  kinds: readonly FigureKind[];
  dataset: Dataset;
  field: Field;
  /** Row index in `dataset.rows`; undefined for the column's total. */
  row?: number;
}

/** Every number in a dataset a figure may quote: each cell, and each column's total. */
export function candidatesOf(dataset: Dataset): Candidate[] {
  const candidates: Candidate[] = [];
  for (const field of dataset.fields) {
    if (field.type !== "number" && field.type !== "integer") continue;
    const percent = isPercentUnit(field.unit);
    // A ratio printed with `%` (0.324 → 32.4%) is quoted as a percentage.
    const ratio = !percent && /%$/.test(field.format ?? "");
    const kinds: FigureKind[] =
      percent || ratio
        ? ["percent"]
        : field.unit === undefined || currencyOfUnit(field.unit)
          ? ["money", "count"]
          : ["count"];
    const values: number[] = [];
    dataset.rows.forEach((row, index) => {
      const value = row[field.name];
      if (typeof value !== "number" || !Number.isFinite(value)) return;
      values.push(value);
      candidates.push({ value: ratio ? value * 100 : value, kinds, dataset, field, row: index });
    });
    if (!percent && !ratio && values.length > 1) {
      const total = Number(values.reduce((s, v) => s + v, 0).toPrecision(15));
      candidates.push({ value: total, kinds, dataset, field });
    }
  }
  return candidates;
}

export type FigureCheck =
  | { status: "matched"; candidate: Candidate }
  /** Not in the story's datasets, but in another one. */
  | { status: "elsewhere"; candidate: Candidate }
  | { status: "unmatched"; nearest?: Candidate; suggestion?: string };

/**
 * Whether `value` rounds (half up) to the figure as written: `£1.8m` stands for 1.75m up to but
 * not including 1.85m. After a hedge, anything within one whole step either way.
 */
export function matches(figure: Figure, value: number): boolean {
  const slack = Math.max(1, figure.value) * 1e-9; // floating-point noise, e.g. 20.9 * 1e6
  const difference = Math.abs(value) - figure.value;
  if (figure.hedged) return Math.abs(difference) <= figure.step + slack;
  return difference >= -figure.step / 2 - slack && difference < figure.step / 2 - slack;
}

/** Checks one figure against the story's candidates, then every other dataset's. */
export function checkFigure(figure: Figure, used: readonly Candidate[], others: readonly Candidate[]): FigureCheck {
  const fits = (c: Candidate) => c.kinds.includes(figure.kind);
  const found = used.find((c) => fits(c) && matches(figure, c.value));
  if (found) return { status: "matched", candidate: found };
  const elsewhere = others.find((c) => fits(c) && matches(figure, c.value));
  if (elsewhere) return { status: "elsewhere", candidate: elsewhere };
  let nearest: Candidate | undefined;
  let distance = Infinity;
  for (const candidate of used) {
    if (!fits(candidate) || candidate.value === 0) continue;
    const d =
      figure.value === 0 ? Math.abs(candidate.value) : Math.abs(Math.log(Math.abs(candidate.value) / figure.value));
    if (d < distance) [nearest, distance] = [candidate, d];
  }
  if (!nearest) return { status: "unmatched" };
  // "Did you mean" only for a slip (a wrong digit, a rounding), not for a figure from elsewhere.
  const suggestion = distance < Math.log(1.25) ? writeLike(figure, Math.abs(nearest.value)) : undefined;
  return { status: "unmatched", nearest, suggestion };
}

/** `value` written the way `figure` is: `£1.8m` for 1849000 after `£1.9m`; `24.5%` after `25%`... */
export function writeLike(figure: Figure, value: number): string {
  const { currency, decimals, grouped, suffix, percent } = figure.notation;
  if (figure.kind === "percent") return `${value.toFixed(decimals)}${percent}`;
  const multiplier = suffix ? MULTIPLIERS[suffix.trim().toLowerCase()]! : 1;
  const scaled = value / multiplier;
  const rounded = decimals === 0 && !suffix ? Math.round(scaled / figure.step) * figure.step : scaled;
  const fixed = rounded.toFixed(decimals);
  return `${currency}${grouped || (!suffix && rounded >= 10000) ? group(fixed) : fixed}${suffix}`;
}

function group(fixed: string): string {
  const [whole = "", fraction] = fixed.split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** The `format` that prints like `figure` (`£0.0m`, `#,##0`, `0.0%`), or undefined for word scales. */
export function formatLike(figure: Figure): string | undefined {
  const { currency, decimals, grouped, suffix } = figure.notation;
  const places = decimals ? `.${"0".repeat(decimals)}` : "";
  if (figure.kind === "percent") return `0${places}%`;
  if (suffix.startsWith(" ")) return undefined;
  return `${currency}${grouped ? "#,##0" : "0"}${places}${suffix === "b" ? "bn" : suffix}`;
}

/** The candidate's value as the dataset prints it in full: `£1,849,000`, `24.49%`, `1,323`. */
export function showCandidate(candidate: Candidate): string {
  const { field, value } = candidate;
  if (candidate.kinds.includes("percent")) return `${Number(value.toFixed(2))}%`;
  const sign = currencyOfUnit(field.unit) ?? "";
  return `${sign}${group(String(Number(Math.abs(value).toPrecision(12))))}`;
}

/** Where a candidate lives, in words: "`paid`, row `2022/23` of `icb-invoices`". */
export function describeCandidate(candidate: Candidate): string {
  const { dataset, field, row } = candidate;
  if (row === undefined) return `the total of \`${field.name}\` in \`${dataset.id}\``;
  const key = rowKey(dataset, row);
  const where = key ? `row \`${key.label}\`` : `CSV line ${dataset.rowLines[row] ?? "?"}`;
  return `\`${field.name}\`, ${where} of \`${dataset.id}\``;
}

/** The `:value` directive that prints the candidate the way the figure is written. */
export function directiveFor(candidate: Candidate, figure: Figure): string | undefined {
  const { dataset, field, row } = candidate;
  const attrs = [`data=${attr(dataset.id)}`];
  if (row === undefined) attrs.push(`col=${attr(field.name)}`, "agg=sum");
  else {
    const key = rowKey(dataset, row);
    if (!key) return undefined;
    attrs.push(key.attribute, `col=${attr(field.name)}`);
  }
  const format = formatLike(figure);
  const raw = dataset.rows[row ?? 0]?.[field.name];
  const own = row === undefined ? formatValue(candidate.value, field) : formatValue(raw ?? null, field);
  if (format && own !== writeLike(figure, Math.abs(candidate.value))) attrs.push(`format=${attr(format)}`);
  return `:value{${attrs.join(" ")}}`;
}

/** A row's primary key as written, or the first text column whose value no other row has. */
function rowKey(dataset: Dataset, row: number): { label: string; attribute: string } | undefined {
  const written = (name: string, i: number) => dataset.cells?.[i]?.[name] ?? String(dataset.rows[i]?.[name] ?? "");
  if (dataset.primaryKey.length) {
    const label = dataset.primaryKey.map((name) => written(name, row)).join(";");
    return { label, attribute: `row=${attr(label)}` };
  }
  for (const field of dataset.fields) {
    if (field.expression !== undefined) continue;
    const value = written(field.name, row);
    if (!value || dataset.rows.some((_, i) => i !== row && written(field.name, i) === value)) continue;
    return { label: value, attribute: `where=${JSON.stringify(`${field.name}=${value}`)}` };
  }
  return undefined;
}

/** A directive attribute value, quoted unless it is one plain word. */
const attr = (value: string): string => (/^[\w\-./£$€]+$/u.test(value) ? value : JSON.stringify(value));
