// Lines over time or ordered categories; several series are labelled at their last point.
// The y scale and series labels here, and the x axis in category-axis.ts, serve area and dot too.
import * as Plot from "@observablehq/plot";
import { highlightedSeries, stackExtents, valueAxis, type Encoding, type ValueAxis } from "../encoding.ts";
import type { Point } from "../resolve.ts";
import { textWidth } from "../theme.ts";
import { categoryAxis } from "./category-axis.ts";
import { highlightBands, highlightDots } from "./highlight.ts";

const endLabelRoom = (enc: Encoding) =>
  Math.ceil(Math.max(...enc.chart.seriesNames.map((s) => textWidth(s, enc.layout.fontSize)))) + 16;

/**
 * Whether several series are named at the ends of their lines. Names that would take more than
 * a third of the width (long service names at 320 px) would squeeze the plot to a sliver: those
 * charts get a colour key above instead (legend.ts).
 */
export function labelsAtEnds(enc: Encoding): boolean {
  return enc.chart.seriesNames.length > 1 && endLabelRoom(enc) <= enc.layout.width * 0.35;
}

/** Room on the right for end-of-line series labels. */
export function seriesLabelMargin(enc: Encoding): number {
  return labelsAtEnds(enc) ? endLabelRoom(enc) : 24;
}

/**
 * Series names at the last point of each line: a legend readers needn't match by colour. Lines
 * that end close together would print their names over each other, so the names are spread
 * apart (`spreadLabels`) on the y scale's pixels, each keeping as near its line as it can.
 */
export function seriesLabels(enc: Encoding, axis: ValueAxis): Plot.Markish[] {
  if (!labelsAtEnds(enc)) return [];
  const drawn = enc.chart.points.filter((p) => p.value !== null);
  // Points come in category order: the last of each series is where its line ends.
  const ends = [...new Map(drawn.map((p) => [p.series, p])).values()];
  // Plot's y range runs from the plot's foot up to its default top margin of 20 px.
  const plot = enc.height - 20 - 44;
  const [low, high] = axis.domain;
  const toPx = (v: number) => plot * (1 - (v - low) / (high - low || 1));
  const spread = spreadLabels(
    ends.map((p) => toPx(p.value!)),
    { gap: Math.round(enc.layout.fontSize * 1.2), low: 0, high: plot },
  );
  return ends.map((p, i) =>
    Plot.text([p], {
      x: "category",
      y: "value",
      text: "series",
      textAnchor: "start",
      dx: 8,
      dy: Math.round((spread[i]! - toPx(p.value!)) * 10) / 10,
      fill: "currentColor",
      className: "series-label",
    }),
  );
}

/**
 * Positions for labels wanted at `wanted` (px, top down) at least `gap` apart, each moved as
 * little as it can: labels too close are pushed down in order, then pulled back up from the
 * foot of the range if the last went past it. Returns the positions in the order given.
 */
export function spreadLabels(wanted: number[], options: { gap: number; low: number; high: number }): number[] {
  const { gap, low, high } = options;
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // Past the foot: move up from the bottom, as far as keeping the gap requires, then clamp the top.
  placed[placed.length - 1] = Math.min(placed.at(-1)!, high);
  for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  for (let k = 0; k < placed.length && placed[k]! < low; k++) placed[k] = low + k * gap;
  const result: number[] = [];
  order.forEach((o, k) => (result[o.i] = placed[k]!));
  return result;
}

/** The y scale of a continuous chart, sized to its tick labels. */
export function continuousY(
  enc: Encoding,
  options: { zero: boolean; stacked?: boolean },
): { axis: ValueAxis; scale: Plot.ScaleOptions; marginLeft: number } {
  const { zero } = options;
  const values = options.stacked
    ? stackExtents(enc.chart.points)
    : enc.chart.points.filter((p) => p.value !== null).map((p) => p.value!);
  const axis = valueAxis(enc, { values, zero, room: enc.height, horizontal: false });
  return {
    axis,
    scale: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, grid: true, label: null },
    marginLeft: Math.ceil(axis.labelWidth) + 14,
  };
}

/** A zero line only where zero is on the scale. */
export const baseline = (axis: ValueAxis): Plot.Markish[] =>
  axis.domain[0] <= 0 && axis.domain[1] >= 0 ? [Plot.ruleY([0], { className: "baseline" })] : [];

export function lineOptions(enc: Encoding): Plot.PlotOptions {
  const { chart } = enc;
  const stroke = (p: Point) => enc.seriesColor(p.series);
  const y = continuousY(enc, { zero: false });
  const x = categoryAxis(enc, { marginLeft: y.marginLeft, marginRight: seriesLabelMargin(enc) });
  // A highlighted series is drawn last, over the grey ones.
  const picked = highlightedSeries(chart);
  const points = [
    ...chart.points.filter((p) => !picked.has(p.series)),
    ...chart.points.filter((p) => picked.has(p.series)),
  ];
  return {
    height: enc.height,
    marginLeft: x.marginLeft,
    marginRight: x.marginRight,
    marginBottom: 44,
    x: x.scale,
    y: y.scale,
    marks: [
      ...highlightBands(enc, "x", { singleSeries: true }),
      ...baseline(y.axis),
      Plot.lineY(points, {
        x: "category",
        y: "value",
        z: "series",
        stroke,
        strokeWidth: 2.5,
        className: "lines",
      }),
      chart.categories.length <= 24
        ? Plot.dot(
            points.filter((p) => p.value !== null),
            { x: "category", y: "value", fill: stroke, r: 3.5, title: enc.tip, className: "points" },
          )
        : [],
      ...highlightDots(enc),
      ...seriesLabels(enc, y.axis),
    ],
  };
}
