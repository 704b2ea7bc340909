// Horizontal bars, faceted by category so each category is a band of its own: one bar per
// series inside it, and room at the top for the category's label when labels are long
// (always on the narrow layout), as newsrooms lay out bar charts on phones.
import * as Plot from "@observablehq/plot";
import { rowNoteLines } from "../annotations.ts";
import { missingMarks, valueAxis, valueLabels, type Encoding } from "../encoding.ts";
import type { CategoryKey } from "../resolve.ts";
import { textWidth, wrapText } from "../theme.ts";
import { wholeChartGridX, wholeChartZeroX } from "../whole-chart-rules.ts";
import { fillOf, highlightBands } from "./highlight.ts";

/** Height of one bar in px. */
export const BAR = 24;
const FACET_PADDING = 0.12;

/**
 * Whether category labels go above the bars rather than in a left margin: always with notes
 * (annotations.ts), which sit on the same line as their row's name, clear of the bars.
 */
export function labelsAbove(enc: Pick<Encoding, "chart" | "layout" | "labelOf">): boolean {
  const longest = Math.max(...enc.chart.categories.map((c) => textWidth(enc.labelOf(c), enc.layout.fontSize)));
  return enc.layout.name === "narrow" || longest > enc.layout.width * 0.3 || enc.chart.spec.annotations.length > 0;
}

/** A category's label wrapped to the width of the plot, for labels above the bars. */
export const wrappedLabel = (enc: Pick<Encoding, "layout" | "labelOf">, c: CategoryKey) =>
  wrapText(enc.labelOf(c), enc.layout.width - 24, enc.layout.fontSize, { breakWords: true });

/** Room above each category's bars for its label: as many lines as the longest label wraps to. */
export const labelRoom = (enc: Encoding) => {
  if (!labelsAbove(enc)) return 0;
  const lines = Math.max(
    1,
    ...enc.chart.categories.map((c) => Math.max(wrappedLabel(enc, c).length, rowNoteLines(enc, c))),
  );
  return Math.round(enc.layout.fontSize * (1.25 * lines + 0.35));
};

export function barOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const drawn = chart.points.filter((p) => p.value !== null);
  const above = labelsAbove(enc);
  const labelHeight = labelRoom(enc);
  const longest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  const labels = valueLabels(enc, chart.points, "horizontal");
  const widestValue = Math.max(...drawn.map((p) => textWidth(enc.format(p.value!), layout.fontSize)));
  // Room for value labels, or at least for half the last tick label of the top axis (below).
  let marginRight = labels.length ? Math.ceil(widestValue) + 12 : Math.ceil(layout.fontSize * 2.2);
  const axisFor = (marginLeft: number) =>
    valueAxis(enc, {
      values: drawn.map((p) => p.value!),
      zero: true,
      room: layout.width - marginLeft - marginRight,
      horizontal: true,
    });
  // With labels above the bars the plot starts at the left edge, less half the first tick's label.
  const firstTick = (axis: ReturnType<typeof axisFor>) =>
    textWidth(axis.tickFormat(axis.ticks[0] ?? 0), layout.fontSize) / 2;
  const marginLeft = above ? Math.ceil(firstTick(axisFor(20))) + 2 : Math.ceil(longest) + 14;
  // The last tick label is centred on its tick: half of it must fit in the right margin.
  const lastTick = (axis: ReturnType<typeof axisFor>) =>
    textWidth(axis.tickFormat(axis.ticks.at(-1) ?? 0), layout.fontSize) / 2;
  marginRight = Math.max(marginRight, Math.ceil(lastTick(axisFor(marginLeft))) + 2);
  const axis = axisFor(marginLeft);
  const categoryLabels = categoryLabelMarks(enc, chart.categories, above);
  return {
    height: enc.height,
    marginLeft,
    marginRight,
    marginTop: 30,
    marginBottom: 6,
    fy: { domain: chart.categories, axis: null, label: null, padding: FACET_PADDING },
    y: { domain: chart.seriesNames, axis: null, padding: 0.08, insetTop: labelHeight },
    x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null, axis: "top" },
    marks: [
      ...highlightBands(enc, "fy"),
      // The grid and the zero line once down the whole chart, not once per category.
      wholeChartGridX(axis.ticks),
      Plot.barX(drawn, {
        fy: "category",
        y: "series",
        x: "value",
        fill: fillOf(enc),
        title: enc.tip,
        className: "bars",
      }),
      wholeChartZeroX(),
      categoryLabels,
      ...labels,
      ...missingMarks(enc, "horizontal"),
    ],
  };
}

/** Bars need height for every category: its bars, room for its label, and the axis. */
export function barHeight(enc: Encoding, options: { stacked: boolean }): number {
  const series = options.stacked ? 1 : Math.max(1, enc.chart.seriesNames.length);
  const facet = (BAR * series * (series > 1 ? 0.85 : 1) + labelRoom(enc)) / (1 - FACET_PADDING);
  return Math.round(Math.max(100, enc.chart.categories.length * facet + 36));
}

/**
 * Each row's category name: above its bars, from the left edge, when names are long (`above`),
 * else as a plain axis at the left. Shared by every chart drawn as rows of bars.
 */
export function categoryLabelMarks(enc: Encoding, categories: readonly CategoryKey[], above: boolean): Plot.Markish {
  return above
    ? Plot.text(categories, {
        fy: (c: CategoryKey) => c,
        text: (c: CategoryKey) => wrappedLabel(enc, c).join("\n"),
        lineHeight: 1.25,
        frameAnchor: "top-left",
        lineAnchor: "top",
        textAnchor: "start",
        dy: 2,
        fill: "currentColor",
        className: "category-label",
      })
    : Plot.axisFy({ tickSize: 0, label: null, tickFormat: enc.labelOf, anchor: "left" });
}

/**
 * The frame of a chart drawn as one row per category with a single mark row each (range,
 * waterfall): margins, the rows, and the value axis along the top.
 */
export function rowFrame(
  enc: Encoding,
  axis: { domain: [number, number]; ticks: number[]; tickFormat: (value: number) => string },
  margins: { marginLeft: number; marginRight: number },
): Plot.PlotOptions {
  return {
    height: enc.height,
    ...margins,
    marginTop: 30,
    marginBottom: 6,
    fy: { domain: enc.chart.categories, axis: null, label: null, padding: 0.12 },
    y: { domain: [""], axis: null, insetTop: labelRoom(enc) },
    x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null, axis: "top" },
  };
}
