// Stacked bars: the parts of a total per category, vertical or horizontal. Plot stacks
// negative values downward from zero and positive ones upward, so mixed signs draw correctly.
import * as Plot from "@observablehq/plot";
import { stackExtents, valueAxis, type Encoding, type ValueAxis } from "../encoding.ts";
import type { CategoryKey } from "../resolve.ts";
import { textWidth, wrapText } from "../theme.ts";
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
  // Category labels wrap to at most 42% of the width (a word longer than that widens the margin).
  const wrapped = (c: CategoryKey) => wrapText(enc.labelOf(c), layout.width * 0.42 - 14, layout.fontSize);
  const longest = Math.max(...chart.categories.flatMap((c) => wrapped(c).map((l) => textWidth(l, layout.fontSize))));
  const marginLeft = Math.ceil(longest) + 14;
  const axisFor = (marginRight: number) =>
    valueAxis(enc, {
      values: stackExtents(drawn),
      zero: true,
      room: layout.width - marginLeft - marginRight,
      horizontal: true,
    });
  // Room on the right for half the last tick label of the top axis, which is centred on its tick.
  const lastTick = (axis: ValueAxis) => textWidth(axis.tickFormat(axis.ticks.at(-1) ?? 0), layout.fontSize) / 2;
  const marginRight = Math.max(20, Math.ceil(lastTick(axisFor(20))) + 2);
  const axis = axisFor(marginRight);
  return {
    height: enc.height,
    marginLeft,
    marginRight,
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
      Plot.axisY({ tickSize: 0, label: null, tickFormat: (c: CategoryKey) => wrapped(c).join("\n") }),
    ],
  };
}
