// The category axis of line, area and dot charts: which of the data's own categories get a label,
// how those labels print, and the side margins that keep the first and last label in the chart.
// Ticks are always categories from the data, never a scale's calendar ticks: a month-end date
// gets its own month's label, so a point or highlight band sits on the label that names it.
import type * as Plot from "@observablehq/plot";
import { formatDate, type DateToken } from "../../data/dates.ts";
import { DEFAULT_DATE_FORMAT, parseDatePattern } from "../../data/index.ts";
import type { Encoding } from "../encoding.ts";
import type { CategoryKey } from "../resolve.ts";
import { textWidth } from "../theme.ts";
import { highlightedIndexes } from "./highlight.ts";

/** Padding of a point scale, in steps, before the first category and after the last. */
const POINT_PADDING = 0.3;
/** Least space between two labels, in px. */
const GAP = 12;

export interface CategoryAxis {
  scale: Plot.ScaleOptions;
  marginLeft: number;
  marginRight: number;
}

/** One way of printing every category: its labels, and the widest line of each. */
interface Labelling {
  label: (i: number, shown: readonly number[]) => string;
  widths: number[];
}

/**
 * The x scale for a continuous chart (time for dates, linear for numbers, points for the rest)
 * and the margins it needs. The y axis's `marginLeft` and the series labels' `marginRight` are
 * the least each side gets; a side grows when half the first or last label would not fit.
 */
export function categoryAxis(enc: Encoding, margins: { marginLeft: number; marginRight: number }): CategoryAxis {
  const { chart, layout } = enc;
  const categories = chart.categories;
  const type = chart.category.type;
  if (!categories.length) return { scale: { label: null }, ...margins };
  const labellings = labellingsOf(enc);
  const highlighted = highlightedIndexes(enc);
  const fractions = fractionsOf(enc);
  let { marginLeft, marginRight } = margins;
  const pick = () => chooseTicks({ fractions, labellings, highlighted, room: layout.width - marginLeft - marginRight });
  let choice = pick();
  // Widen a side that a label crosses, then pick the labels again for the room that is left.
  for (let round = 0; round < 6; round++) {
    const [left, right] = overflow(enc, choice, { marginLeft, marginRight });
    if (left <= 0 && right <= 0) break;
    marginLeft += Math.max(0, Math.ceil(left));
    marginRight += Math.max(0, Math.ceil(right));
    choice = pick();
  }
  const labels = new Map(choice.shown.map((i) => [keyOf(categories[i]!), choice.labelling.label(i, choice.shown)]));
  const tickFormat = (key: CategoryKey) => labels.get(keyOf(key)) ?? enc.labelOf(key);
  const ticks = choice.shown.map((i) => categories[i]!);
  // Labels sit 3 px lower than Plot's default: the first category is on the y axis, where the
  // lowest value label would otherwise touch its top.
  const base = { label: null, ticks, tickFormat, tickPadding: 6 };
  // The domain is set, not inferred, so labels fall where fractionsOf says they do.
  const byPlace = placeOrder(fractions);
  const ends = [categories[byPlace[0]!]!, categories[byPlace.at(-1)!]!];
  const scale: Plot.ScaleOptions = continuous(enc)
    ? { ...base, type: type === "date" ? "utc" : "linear", domain: ends }
    : { ...base, type: "point", domain: categories, padding: POINT_PADDING };
  return { scale, marginLeft, marginRight };
}

const continuous = (enc: Encoding) => ["date", "number", "integer"].includes(enc.chart.category.type);

const keyOf = (key: CategoryKey) => (key instanceof Date ? `d${key.getTime()}` : `${typeof key}:${key}`);

/** Where each category falls across the plot, from 0 (left edge) to 1 (right edge). */
function fractionsOf(enc: Encoding): number[] {
  const { categories, category } = enc.chart;
  const n = categories.length;
  if (continuous(enc)) {
    const at = categories.map((c) => (c instanceof Date ? c.getTime() : Number(c)));
    const [first, last] = [Math.min(...at), Math.max(...at)];
    // A domain of one value maps to the middle of the range, as d3's scales do.
    return at.map((t) => (last === first ? 0.5 : (t - first) / (last - first)));
  }
  return categories.map((_, i) => (POINT_PADDING + i) / (n - 1 + 2 * POINT_PADDING));
}

/**
 * The ways of printing the categories, fullest first. Numbers and periods print as the data
 * prints them. Dates may also shorten to a month (when no two share one) or to a day, with the
 * year on a second line where it changes, and to a year when no two share one.
 */
function labellingsOf(enc: Encoding): Labelling[] {
  const { categories, category } = enc.chart;
  const size = enc.layout.fontSize;
  const ownLabels = categories.map((c) => enc.labelOf(c));
  const own: Labelling = { label: (i) => ownLabels[i]!, widths: ownLabels.map((l) => widest(l, size)) };
  if (category.type !== "date") return [own];
  const dates = categories as Date[];
  const printAll = (pattern: string) => {
    const tokens = (parseDatePattern(pattern, "print") as { tokens: DateToken[] }).tokens;
    return dates.map((d) => formatDate(d, tokens));
  };
  const unique = (pattern: string) => new Set(printAll(pattern)).size === dates.length;
  const fixed = (pattern: string): Labelling => {
    const labels = printAll(pattern);
    return { label: (i) => labels[i]!, widths: labels.map((l) => widest(l, size)) };
  };
  // "Jan" over "2024" at the first label and wherever the year changes; "Feb" alone after it.
  const years = printAll("YYYY");
  const stacked = (pattern: string): Labelling => {
    const labels = printAll(pattern);
    return {
      label: (i, shown) => {
        const before = shown[shown.indexOf(i) - 1];
        return before === undefined || years[before] !== years[i] ? `${labels[i]}\n${years[i]}` : labels[i]!;
      },
      widths: labels.map((l, i) => Math.max(widest(l, size), widest(years[i]!, size))),
    };
  };
  // Shorter, never finer: a month only where the data prints one, a day only where it prints one.
  const printed = parseDatePattern(category.format ?? DEFAULT_DATE_FORMAT, "print");
  const tokens = "tokens" in printed ? printed.tokens.map((t) => t.kind) : [];
  const [day, month] = ["D", "M"].map((letter) => tokens.some((t) => t.startsWith(letter)));
  const byMonth = (day || month) && unique("MMM YYYY");
  const shorter = byMonth
    ? [fixed("MMM YYYY"), stacked("MMM"), ...(unique("YYYY") ? [fixed("YYYY")] : [])]
    : day
      ? [fixed("D MMM YYYY"), stacked("D MMM")]
      : [];
  // A shorter way that prints every date as the data already does adds nothing.
  const same = (l: Labelling) => dates.every((_, i) => l.label(i, []) === own.label(i, []));
  return [own, ...shorter.filter((l) => !same(l))];
}

const widest = (label: string, fontSize: number) => Math.max(...label.split("\n").map((l) => textWidth(l, fontSize)));

interface TickChoice {
  labelling: Labelling;
  /** Indexes of the labelled categories, left to right. */
  shown: number[];
  fractions: number[];
}

/** Category indexes from left to right (a sorted chart may list dates out of time order). */
const placeOrder = (fractions: number[]) =>
  fractions.map((_, i) => i).sort((a, b) => fractions[a]! - fractions[b]! || a - b);

/**
 * The labelling and the every-nth categories that label the most categories without two labels
 * closer than GAP, a fuller labelling winning a tie. The run of every nth category starts at
 * the first highlighted one, and every highlighted category is labelled, its neighbours making
 * way; a labelling whose highlighted labels would collide with each other is passed over.
 */
function chooseTicks(options: {
  fractions: number[];
  labellings: Labelling[];
  highlighted: number[];
  room: number;
}): TickChoice {
  const { fractions, labellings, room } = options;
  const byPlace = placeOrder(fractions);
  const highlighted = byPlace.filter((i) => options.highlighted.includes(i));
  const isHighlighted = new Set(highlighted);
  const clear = (widths: number[], a: number, b: number) =>
    Math.abs(fractions[b]! - fractions[a]!) * room >= (widths[a]! + widths[b]!) / 2 + GAP;
  const allClear = (widths: number[], shown: number[]) =>
    shown.every((i, k) => k === 0 || clear(widths, shown[k - 1]!, i));
  const offset = highlighted.length ? byPlace.indexOf(highlighted[0]!) : 0;
  let best: TickChoice | undefined;
  for (const labelling of labellings) {
    const { widths } = labelling;
    if (!allClear(widths, highlighted)) continue;
    // Labels every `step` among n leave at least n/step - 1 gaps of the narrowest label and GAP.
    const least = Math.floor(byPlace.length / (Math.max(0, room) / (Math.min(...widths) + GAP) + 2));
    for (let step = Math.min(Math.max(1, least), byPlace.length); step <= byPlace.length; step++) {
      const every: number[] = [];
      for (let rank = offset % step; rank < byPlace.length; rank += step) every.push(byPlace[rank]!);
      if (!allClear(widths, every)) continue;
      const kept = new Set(every.filter((i) => isHighlighted.has(i) || highlighted.every((h) => clear(widths, i, h))));
      // A label the data prints alike for several dates (a month, say) is shown once in a row.
      const shown = byPlace
        .filter((i) => kept.has(i) || isHighlighted.has(i))
        .filter(
          (i, k, all) => k === 0 || isHighlighted.has(i) || labelling.label(i, []) !== labelling.label(all[k - 1]!, []),
        );
      if (!best || shown.length > best.shown.length) best = { labelling, shown, fractions };
      break;
    }
  }
  if (best) return best;
  // Highlighted labels collide however they print: the shortest labels, skipping any that collide.
  const labelling = labellings.at(-1)!;
  const shown: number[] = [];
  for (const i of highlighted) if (shown.every((j) => clear(labelling.widths, j, i))) shown.push(i);
  return { labelling, shown, fractions };
}

/** How far, in px, the labels chosen cross the chart's left and right edges. */
function overflow(
  enc: Encoding,
  choice: TickChoice,
  margins: { marginLeft: number; marginRight: number },
): [number, number] {
  const room = enc.layout.width - margins.marginLeft - margins.marginRight;
  let [left, right] = [0, 0];
  for (const i of choice.shown) {
    const x = margins.marginLeft + choice.fractions[i]! * room;
    const half = choice.labelling.widths[i]! / 2;
    left = Math.max(left, half - x);
    right = Math.max(right, x + half - enc.layout.width);
  }
  return [left, right];
}
