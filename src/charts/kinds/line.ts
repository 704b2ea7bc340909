// Lines over time or ordered categories; several series are labelled at their last point.
// The y scale and series labels here, and the x axis in category-axis.ts, serve area and dot too.
import * as Plot from "@observablehq/plot";
import { stackExtents, valueAxis, type Encoding, type ValueAxis } from "../encoding.ts";
import type { Point } from "../resolve.ts";
import { textWidth } from "../theme.ts";
import { categoryAxis } from "./category-axis.ts";
import { highlightBands, highlightDots } from "./highlight.ts";

/** Room on the right for end-of-line series labels. */
export function seriesLabelMargin(enc: Encoding): number {
  if (enc.chart.seriesNames.length < 2) return 24;
  return Math.ceil(Math.max(...enc.chart.seriesNames.map((s) => textWidth(s, enc.layout.fontSize)))) + 16;
}

/** Series names at the last point of each line: a legend readers needn't match by colour. */
export function seriesLabels(enc: Encoding): Plot.Markish[] {
  if (enc.chart.seriesNames.length < 2) return [];
  const drawn = enc.chart.points.filter((p) => p.value !== null);
  return [
    Plot.text(
      drawn,
      Plot.selectLast({
        x: "category",
        y: "value",
        z: "series",
        text: "series",
        textAnchor: "start",
        dx: 8,
        fill: "currentColor",
        className: "series-label",
      }),
    ),
  ];
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
      Plot.lineY(chart.points, {
        x: "category",
        y: "value",
        z: "series",
        stroke,
        strokeWidth: 2.5,
        className: "lines",
      }),
      chart.categories.length <= 24
        ? Plot.dot(
            chart.points.filter((p) => p.value !== null),
            { x: "category", y: "value", fill: stroke, r: 3.5, title: enc.tip, className: "points" },
          )
        : [],
      ...highlightDots(enc),
      ...seriesLabels(enc),
    ],
  };
}
