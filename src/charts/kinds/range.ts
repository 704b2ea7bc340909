// A range (arrow) chart: per category, a dot at its first value and an arrow to its second,
// and the change printed beside it. Laid out as bars are (kinds/bar.ts): one band per
// category, its label in a left margin or above the arrow.
import * as Plot from "@observablehq/plot";
import { valueAxis, type Encoding } from "../encoding.ts";
import type { CategoryKey, ChartData } from "../resolve.ts";
import { textWidth } from "../theme.ts";
import { wholeChartGridX } from "../whole-chart-rules.ts";
import { categoryLabelMarks, labelsAbove, rowFrame } from "./bar.ts";
import { highlightBands } from "./highlight.ts";

/** One category's two values, from first to second, and the change between them. */
export interface Span {
  category: CategoryKey;
  label: string;
  from: number;
  to: number;
  change: number;
}

/** The categories whose two values are both known, in drawing order. */
export function spansOf(chart: ChartData): Span[] {
  return chart.categories.flatMap((category) => {
    const [first, second] = chart.points.filter((p) => p.category === category);
    if (!first || !second || first.value === null || second.value === null) return [];
    return [{ category, label: first.label, from: first.value, to: second.value, change: second.value - first.value }];
  });
}

/** "+£12.0m", "−£0.4m", "no change": the change as printed beside each range. */
export const changeText = (format: (n: number) => string, change: number) =>
  change === 0 ? "no change" : `${change > 0 ? "+" : "−"}${format(Math.abs(change))}`;

export function rangeOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const spans = spansOf(chart);
  const [fromName = "", toName = ""] = chart.seriesNames;
  const above = labelsAbove(enc);
  const labelled = spans.length <= layout.maxValueLabels;
  const text = (s: Span) => changeText(enc.format, s.change);
  const widest = Math.max(0, ...spans.map((s) => textWidth(text(s), layout.fontSize)));
  const longest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  const marginRight = labelled ? Math.ceil(widest) + 16 : Math.ceil(layout.fontSize * 2.2);
  const values = spans.flatMap((s) => [s.from, s.to]);
  const axisFor = (marginLeft: number) =>
    valueAxis(enc, { values, zero: true, room: layout.width - marginLeft - marginRight, horizontal: true });
  const firstTick = textWidth(axisFor(20).tickFormat(axisFor(20).ticks[0] ?? 0), layout.fontSize) / 2;
  const marginLeft = above ? Math.ceil(firstTick) + 2 : Math.ceil(longest) + 14;
  const axis = axisFor(marginLeft);
  const tip = (s: Span) =>
    `${s.label}: ${fromName} ${enc.fullFormat(s.from)}, ${toName} ${enc.fullFormat(s.to)} (${changeText(enc.fullFormat, s.change)})`;
  const at = { fy: "category", y: () => "" } as const;
  const categoryLabels = categoryLabelMarks(enc, chart.categories, above);
  return {
    ...rowFrame(enc, axis, { marginLeft, marginRight }),
    marks: [
      ...highlightBands(enc, "fy"),
      wholeChartGridX(axis.ticks),
      Plot.dot(spans, { ...at, x: "from", r: 5, fill: enc.seriesColor(fromName), title: tip, className: "range-from" }),
      // An arrow to where each category ends, over the dot where it starts (a short one stays
      // visible): the direction reads without colour, and the two colours match the key.
      Plot.arrow(spans, {
        ...at,
        y1: () => "",
        y2: () => "",
        x1: "from",
        x2: "to",
        stroke: enc.seriesColor(toName),
        strokeWidth: 2,
        headLength: 9,
        insetStart: 4,
        title: tip,
        className: "range-arrows",
      }),
      categoryLabels,
      ...(labelled
        ? [
            Plot.text(spans, {
              ...at,
              x: (s: Span) => Math.max(s.from, s.to),
              text,
              dx: 12,
              textAnchor: "start",
              fill: "currentColor",
              className: "value-label",
            }),
          ]
        : []),
    ],
  };
}
