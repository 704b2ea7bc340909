// Vertical bars: one per category, grouped side by side when there are several series.
import * as Plot from "@observablehq/plot";
import { missingMarks, valueAxis, valueLabels, type Encoding } from "../encoding.ts";
import type { CategoryKey } from "../resolve.ts";
import { wrapText } from "../theme.ts";
import { fillOf, highlightBands } from "./highlight.ts";

export function columnOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const drawn = chart.points.filter((p) => p.value !== null);
  const grouped = chart.seriesNames.length > 1;
  const axis = valueAxis(enc, { values: drawn.map((p) => p.value!), zero: true, room: enc.height, horizontal: false });
  const marginLeft = Math.ceil(axis.labelWidth) + 14;
  const band = (layout.width - marginLeft - 10) / Math.max(1, chart.categories.length);
  // Category labels wrap to the width of their band (ours, not Plot's estimate, so the
  // bottom margin matches); columns whose labels cannot fit are drawn as bars (render.ts).
  const wrapped = (c: CategoryKey) => wrapText(enc.labelOf(c), band - 6, layout.fontSize).join("\n");
  const lines = Math.max(...chart.categories.map((c) => wrapped(c).split("\n").length));
  const marginBottom = 14 + Math.min(lines, 4) * layout.fontSize * 1.2;
  const bars = grouped
    ? Plot.barY(drawn, {
        fx: "category",
        x: "series",
        y: "value",
        fill: fillOf(enc),
        title: enc.tip,
        className: "bars",
      })
    : Plot.barY(drawn, {
        x: "category",
        y: "value",
        fill: fillOf(enc),
        title: enc.tip,
        className: "bars",
      });
  const categoryAxis = {
    domain: chart.categories,
    tickFormat: enc.labelOf,
    label: null,
    padding: grouped ? 0.15 : 0.25,
  };
  return {
    height: enc.height,
    marginLeft,
    marginRight: 10,
    marginBottom: Math.round(marginBottom),
    ...(grouped
      ? { fx: { ...categoryAxis, axis: null }, x: { domain: chart.seriesNames, axis: null, padding: 0.05 } }
      : { x: { ...categoryAxis, type: "band", axis: null } }),
    y: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, grid: true, label: null },
    marks: [
      ...highlightBands(enc, grouped ? "fx" : "x"),
      bars,
      Plot.ruleY([0], { className: "baseline" }),
      grouped
        ? Plot.axisFx({ tickSize: 0, label: null, tickFormat: wrapped, anchor: "bottom" })
        : Plot.axisX({ tickSize: 0, label: null, tickFormat: wrapped }),
      ...valueLabels(enc, chart.points, "vertical"),
      ...missingMarks(enc, "vertical"),
    ],
  };
}
