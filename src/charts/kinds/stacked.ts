// Stacked bars: the parts of a total per category, vertical or horizontal. Plot stacks
// negative values downward from zero and positive ones upward, so mixed signs draw correctly.
import * as Plot from "@observablehq/plot";
import { stackExtents, valueAxis, type Encoding } from "../encoding.ts";
import { textWidth } from "../theme.ts";
import { fillOf, highlightBands } from "./highlight.ts";

export function stackedColumnOptions(enc: Encoding): Plot.PlotOptions {
  const { chart } = enc;
  const drawn = chart.points.filter((p) => p.value !== null);
  const axis = valueAxis(enc, { values: stackExtents(drawn), zero: true, room: enc.height, horizontal: false });
  return {
    height: enc.height,
    marginLeft: Math.ceil(axis.labelWidth) + 14,
    x: { type: "band", domain: chart.categories, tickFormat: enc.labelOf, label: null, padding: 0.25, tickSize: 0 },
    y: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, grid: true, label: null },
    marks: [
      ...highlightBands(enc, "x"),
      Plot.barY(drawn, {
        x: "category",
        y: "value",
        fill: fillOf(enc),
        order: chart.seriesNames,
        title: enc.tip,
        className: "bars",
      }),
      Plot.ruleY([0], { className: "baseline" }),
    ],
  };
}

export function stackedBarOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const drawn = chart.points.filter((p) => p.value !== null);
  const longest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  const marginLeft = Math.min(Math.ceil(longest) + 14, Math.round(layout.width * 0.42));
  const axis = valueAxis(enc, {
    values: stackExtents(drawn),
    zero: true,
    room: layout.width - marginLeft - 20,
    horizontal: true,
  });
  return {
    height: enc.height,
    marginLeft,
    marginRight: 20,
    marginTop: 30,
    y: { type: "band", domain: chart.categories, tickFormat: enc.labelOf, label: null, padding: 0.25, tickSize: 0 },
    x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, grid: true, label: null, axis: "top" },
    marks: [
      ...highlightBands(enc, "y"),
      Plot.barX(drawn, {
        y: "category",
        x: "value",
        fill: fillOf(enc),
        order: chart.seriesNames,
        title: enc.tip,
        className: "bars",
      }),
      Plot.ruleX([0], { className: "baseline" }),
      Plot.axisY({
        lineWidth: (marginLeft - 14) / (layout.fontSize * 0.6),
        tickSize: 0,
        label: null,
        tickFormat: enc.labelOf,
      }),
    ],
  };
}
