// A waterfall: rows in their order, each a step up or down from the running total, and the rows
// named in `totals` drawn as bars from zero that reset it. Laid out as bars are (kinds/bar.ts),
// one band per row reading down, so long labels stay legible at 320 px.
import * as Plot from "@observablehq/plot";
import { numberFormatter } from "../../data/index.ts";
import { valueAxis, type Encoding } from "../encoding.ts";
import { sameValue } from "../filter.ts";
import type { CategoryKey, ChartData } from "../resolve.ts";
import { fall, primary, rise, textWidth } from "../theme.ts";
import { wholeChartGridX, wholeChartZeroX } from "../whole-chart-rules.ts";
import { categoryLabelMarks, labelsAbove, rowFrame } from "./bar.ts";
import { highlightBands } from "./highlight.ts";

/** One row of a waterfall: where its bar starts and ends, and whether it is a total or a step. */
export interface Step {
  category: CategoryKey;
  label: string;
  value: number;
  start: number;
  end: number;
  kind: "total" | "rise" | "fall";
}

/** The rows with a figure, each a total (from zero) or a step from the running total before it. */
export function stepsOf(chart: ChartData): Step[] {
  const isTotal = (category: CategoryKey, label: string) =>
    chart.spec.totals.some((t) => sameValue(category, t) || label === String(t));
  let running = 0;
  return chart.points.flatMap((p) => {
    if (p.value === null) return [];
    const total = isTotal(p.category, p.label);
    const start = total ? 0 : running;
    running = total ? p.value : running + p.value;
    const kind = total ? "total" : p.value < 0 ? "fall" : "rise";
    return [{ category: p.category, label: p.label, value: p.value, start, end: running, kind }];
  });
}

/** A total as its value, a step with its sign: "£153.0m", "+£9.0m", "−£2.1m". */
export const stepText = (format: (n: number) => string, step: Step) =>
  step.kind === "total" ? format(step.value) : `${step.value < 0 ? "−" : "+"}${format(Math.abs(step.value))}`;

const colours = { total: primary, rise, fall };

/**
 * A note for each total the steps before it do not reach: "The steps from 2023/24 budget to
 * 2024/25 budget add up to +£9.5m; the other +£2.0m is not itemised." A council's table often
 * names only the biggest pressures, and the gap would otherwise look like a drawing error.
 */
export function waterfallNotes(chart: ChartData): string[] {
  if (chart.spec.type !== "waterfall") return [];
  const format = numberFormatter(chart.measures[0]!, chart.spec.format);
  const signed = (n: number) => `${n < 0 ? "−" : "+"}${format(Math.abs(n))}`;
  const steps = stepsOf(chart);
  const notes: string[] = [];
  let previous: Step | undefined;
  let moved = 0;
  for (const step of steps) {
    if (step.kind !== "total") moved += step.value;
    else {
      const gap = previous ? step.value - previous.value - moved : 0;
      if (previous && Math.abs(gap) > 1e-9 * Math.max(1, Math.abs(step.value)))
        notes.push(
          `The steps from ${previous.label} to ${step.label} add up to ${signed(moved)}; the other ${signed(gap)} is not itemised.`,
        );
      previous = step;
      moved = 0;
    }
  }
  return notes;
}

export function waterfallOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const steps = stepsOf(chart);
  const above = labelsAbove(enc);
  const labelled = steps.length <= layout.maxValueLabels;
  const text = (s: Step) => stepText(enc.format, s);
  const widest = Math.max(0, ...steps.map((s) => textWidth(text(s), layout.fontSize)));
  const longest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  const marginRight = labelled ? Math.ceil(widest) + 12 : Math.ceil(layout.fontSize * 2.2);
  const ends = steps.flatMap((s) => [s.start, s.end]);
  const axisFor = (marginLeft: number) =>
    valueAxis(enc, { values: ends, zero: true, room: layout.width - marginLeft - marginRight, horizontal: true });
  const probe = axisFor(20);
  const firstTick = textWidth(probe.tickFormat(probe.ticks[0] ?? 0), layout.fontSize) / 2;
  const marginLeft = above ? Math.ceil(firstTick) + 2 : Math.ceil(longest) + 14;
  const axis = axisFor(marginLeft);
  const tip = (s: Step) =>
    s.kind === "total"
      ? `${s.label}: ${enc.fullFormat(s.value)}`
      : `${s.label}: ${stepText(enc.fullFormat, s)}, to ${enc.fullFormat(s.end)}`;
  const band = { fy: "category", y: () => "" } as const;
  const categoryLabels = categoryLabelMarks(enc, chart.categories, above);
  // Each label beside its bar's right end, where its row is empty, whatever side of zero it is on.
  const values = Plot.text(steps, {
    ...band,
    x: (s: Step) => Math.max(s.start, s.end),
    text,
    dx: 6,
    textAnchor: "start",
    fill: "currentColor",
    className: "value-label",
  });
  return {
    ...rowFrame(enc, axis, { marginLeft, marginRight }),
    marks: [
      // Its colours say rise, fall and total, so a highlighted row gets a band behind it.
      ...highlightBands(enc, "fy", { singleSeries: true }),
      wholeChartGridX(axis.ticks),
      Plot.barX(steps, {
        ...band,
        x1: "start",
        x2: "end",
        fill: (s: Step) => colours[s.kind],
        title: tip,
        className: "bars",
      }),
      wholeChartZeroX(),
      categoryLabels,
      ...(labelled ? [values] : []),
    ],
  };
}
