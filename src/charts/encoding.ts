// What every chart kind needs to encode points: number formats, category labels, colours,
// and the value labels newsrooms print on bars.
import * as Plot from "@observablehq/plot";
import { extent, nice, tickStep, ticks } from "d3-array";
import { numberFormatter } from "../data/index.ts";
import { sameValue } from "./filter.ts";
import { chartFormatter } from "./number-style.ts";
import type { CategoryKey, ChartData, Point } from "./resolve.ts";
import { accent, muted, palette, primary, textWidth, type Layout } from "./theme.ts";

export interface Encoding {
  chart: ChartData;
  layout: Layout;
  /** Formats a value on the drawing: the chart's or field's `format`, else one style for the chart (number-style.ts). */
  format: (value: number) => string;
  /** Formats a value in full, as the field (or the chart's `format`) says: tooltips, table, description. */
  fullFormat: (value: number) => string;
  /** The printed label of a category key. */
  labelOf: (key: CategoryKey) => string;
  /** Fill or stroke colour of a point: by series, or accent/muted when highlighting. */
  colorOf: (point: Point) => string;
  /** Colour of a series for legends and lines. */
  seriesColor: (name: string) => string;
  /** True when some categories are highlighted. */
  highlighting: boolean;
  isHighlighted: (point: Point) => boolean;
  /** A point's tooltip (the browser shows an SVG <title> on hover, no script needed). */
  tip: (point: Point) => string;
  height: number;
}

export function encode(chart: ChartData, layout: Layout, height: number): Encoding {
  const fullFormat = numberFormatter(chart.measures[0]!, chart.spec.format);
  const values = chart.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // A facet panel on shared scales prints its figures in the style of the whole chart's.
  if (chart.valueSpan) values.push(...chart.valueSpan);
  const format = chartFormatter({ field: chart.measures[0]!, format: chart.spec.format, values });
  const labels = new Map<string, string>();
  for (const p of chart.points) labels.set(keyId(p.category), p.label);
  const labelOf = (key: CategoryKey) => labels.get(keyId(key)) ?? String(key);
  const highlighting = chart.spec.highlight.length > 0 || chart.spec.highlightRows.length > 0;
  const isHighlighted = (p: Point) =>
    p.named !== undefined || chart.spec.highlight.some((h) => sameValue(p.category, h) || p.label === String(h));
  const picked = highlightedSeries(chart);
  const seriesColor = (name: string) => {
    // A facet panel's series take the whole chart's colours (its key), not its own few.
    const order = chart.seriesOrder ?? chart.seriesNames;
    const i = order.indexOf(name);
    if (order.length < 2) return primary;
    // A highlighted series stands out against the rest in grey: one in the accent, several in their own colours.
    if (picked.size) return picked.has(name) ? (picked.size === 1 ? accent : palette[i % palette.length]!) : muted;
    return palette[i % palette.length]!;
  };
  const colorOf = (p: Point) => (highlighting ? (isHighlighted(p) ? accent : muted) : seriesColor(p.series));
  const tip = (p: Point) =>
    `${p.series ? `${p.series}, ` : ""}${p.label}: ${p.value === null ? "no figure" : fullFormat(p.value)}`;
  return { chart, layout, format, fullFormat, labelOf, colorOf, seriesColor, highlighting, isHighlighted, tip, height };
}

/**
 * The series a `highlight` names, on a chart of several: by a value of the series (`highlight:
 * Hounslow`, or a column of a wide table), or by a row selector on the series column
 * (`highlight: { borough: Hounslow }`). Categories are highlighted by band instead (highlight.ts).
 */
export function highlightedSeries(chart: ChartData): Set<string> {
  const { spec, seriesNames } = chart;
  if (seriesNames.length < 2) return new Set();
  const bySelector = spec.highlightRows.filter((h) => h.column === chart.series?.name).flatMap((h) => h.values);
  const wanted = [...spec.highlight, ...bySelector].map(String);
  return new Set(seriesNames.filter((name) => wanted.includes(name)));
}

const keyId = (key: CategoryKey) => (key instanceof Date ? `d${key.getTime()}` : `${typeof key}:${key}`);

/** Values printed at the end of each bar, when there are few enough bars to read them. */
export function valueLabels(enc: Encoding, points: Point[], orientation: "vertical" | "horizontal"): Plot.Markish[] {
  const drawn = points.filter((p) => p.value !== null);
  if (drawn.length > enc.layout.maxValueLabels || enc.chart.seriesNames.length > 1) return [];
  const text = (p: Point) => enc.format(p.value!);
  if (orientation === "vertical") {
    // dy is a constant in Plot, so labels above positive bars and below negative ones are two marks.
    const at = (points: Point[], dy: number) =>
      Plot.text(points, {
        x: "category",
        y: "value",
        text,
        dy,
        lineAnchor: "middle",
        fill: "currentColor",
        className: "value-label",
      });
    return [
      at(
        drawn.filter((p) => p.value! >= 0),
        -10,
      ),
      at(
        drawn.filter((p) => p.value! < 0),
        10,
      ),
    ];
  }
  // Horizontal bars are faceted by category (fy), one band per series (y): see kinds/bar.ts.
  // A negative bar's label goes right of the zero line, where its category has no bar, so it can
  // never run into the category labels in the left margin or off the chart's left edge.
  const beside = (points: Point[], x: "value" | (() => number)) =>
    Plot.text(points, {
      fy: "category",
      y: "series",
      x,
      text,
      dx: 6,
      textAnchor: "start",
      fill: "currentColor",
      className: "value-label",
    });
  return [
    beside(
      drawn.filter((p) => p.value! >= 0),
      "value",
    ),
    beside(
      drawn.filter((p) => p.value! < 0),
      () => 0,
    ),
  ];
}

/** A small "no figure" marker at the baseline for categories whose value is missing. */
export function missingMarks(enc: Encoding, orientation: "vertical" | "horizontal"): Plot.Markish[] {
  const missing = enc.chart.points.filter((p) => p.value === null);
  if (!missing.length || enc.chart.seriesNames.length > 1) return [];
  const className = "missing-label";
  return orientation === "vertical"
    ? [Plot.text(missing, { x: "category", y: 0, text: () => "n/a", dy: -10, fill: "currentColor", className })]
    : [
        Plot.text(missing, {
          fy: "category",
          y: "series",
          x: 0,
          text: () => "n/a",
          dx: 6,
          textAnchor: "start",
          fill: "currentColor",
          className,
        }),
      ];
}

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  tickFormat: (n: number) => string;
  /** Width in px of the widest tick label. */
  labelWidth: number;
}

/**
 * Ticks for the value axis that fit the room they have: as many as the labels allow without
 * touching (for a horizontal axis) or `layout.ticks` (for a vertical one), always including zero
 * for bars, and printed without trailing `.0` when every tick is whole.
 */
export function valueAxis(
  enc: Encoding,
  options: { values: number[]; zero: boolean; room: number; horizontal: boolean },
): ValueAxis {
  // A facet panel reaches the other panels' figures too, so every panel has the same scale.
  const values = enc.chart.valueSpan ? [...options.values, ...enc.chart.valueSpan] : options.values;
  let [min, max] = extent(values) as [number | undefined, number | undefined];
  min ??= 0;
  max ??= 1;
  if (options.zero) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  }
  if (min === max) max = min + 1;
  const fmt = (count: number) => {
    // Round the top out to a tick, so the axis ends on a labelled line; the bottom stays at the
    // data (or zero), so a small negative does not stretch the axis down to a whole step.
    const [low, high] = nice(min!, max!, count);
    const values = ticks(min! < 0 ? min! : low, high, count);
    if (high > max!) values.push(...ticks(high, high, 1).filter((v) => !values.includes(v)));
    // An axis that goes below zero labels a negative tick, so a reader sees the scale continue:
    // a round figure within the data (-£50k for -£59k) when its label clears zero's, else the
    // least round figure beyond it that does (-£5m for -£1.2m on an axis of £10m steps), at
    // most one step down: a small negative stretches the axis as little as it can.
    if (min! < 0 && !values.some((v) => v < 0)) {
      const size = enc.layout.fontSize;
      const gap = (v: number) =>
        options.horizontal ? (textWidth(enc.format(v), size) + textWidth(enc.format(0), size)) / 2 + 12 : size * 1.5;
      const clear = (v: number) => (-v / (high - Math.min(min!, v))) * options.room >= gap(v);
      const step = tickStep(min!, high, count);
      const candidates = roundFigures(tickStep(0, -min!, 1), step).map((v) => -v);
      values.unshift(candidates.find(clear) ?? -step);
    }
    const labels = values.map(enc.format);
    // "£5.0m" → "£5m" when every label has only zeros after the point.
    const whole = labels.every((l) => !/\.\d*[1-9]/.test(l));
    const trimmed = whole ? (n: number) => enc.format(n).replace(/\.0+(?=\D*$)/, "") : enc.format;
    // Zero needs no scale: "£0", not "£0m" or "£0k" (a percentage keeps its sign: "0%").
    const tickFormat = (n: number) => (n === 0 ? trimmed(n).replace(/^(\D*0)(?:\.0+)?(?:k|m|bn)$/, "$1") : trimmed(n));
    const labelWidth = Math.max(...values.map((v) => textWidth(tickFormat(v), enc.layout.fontSize)));
    return { values, tickFormat, labelWidth };
  };
  let count = enc.layout.ticks;
  let axis = fmt(count);
  // A step finer than the format prints (0.2 between counts of 0 and 1) repeats labels: "0 0 0 1
  // 1 1". Fewer ticks until every label differs.
  const repeats = (a: typeof axis) => new Set(a.values.map(a.tickFormat)).size < a.values.length;
  while (count > 1 && repeats(axis)) axis = fmt(--count);
  if (options.horizontal) {
    while (count > 2 && axis.values.length * (axis.labelWidth + 16) > options.room) axis = fmt(--count);
  }
  const domain: [number, number] = [Math.min(min, axis.values[0] ?? min), Math.max(max, axis.values.at(-1) ?? max)];
  // Room under the lowest negative bar for its value label, clear of the category labels, when
  // the lowest tick does not leave it already (−£2m under a bar of −£1.2m may not).
  if (!options.horizontal && min < 0) {
    const label = (enc.layout.fontSize * 1.6) / options.room;
    domain[0] = Math.min(domain[0], min - ((domain[1] - min) * label) / (1 - label));
  }
  return { domain, ticks: axis.values, tickFormat: axis.tickFormat, labelWidth: axis.labelWidth };
}

/** Round figures (1, 2 or 5 times a power of ten) from `from` up to, not including, `to`. */
function roundFigures(from: number, to: number): number[] {
  const figures: number[] = [];
  for (let power = 10 ** Math.floor(Math.log10(from)); power < to; power *= 10) {
    // Multiplying by the power rounds in binary (3 * 0.1 is not 0.3): round to its decimals.
    const decimals = Math.max(0, -Math.floor(Math.log10(power)));
    for (const m of [1, 2, 5]) {
      const figure = Number((m * power).toFixed(decimals));
      if (figure >= from && figure < to) figures.push(figure);
    }
  }
  return figures;
}

/** Per category, the top of the positive stack and the bottom of the negative one. */
export function stackExtents(points: Point[]): number[] {
  const up = new Map<string, number>();
  const down = new Map<string, number>();
  for (const p of points) {
    if (p.value === null) continue;
    const key = keyId(p.category);
    const side = p.value >= 0 ? up : down;
    side.set(key, (side.get(key) ?? 0) + p.value);
  }
  return [...up.values(), ...down.values()];
}
