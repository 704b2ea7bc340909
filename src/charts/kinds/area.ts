// Filled areas from zero: totals over time; several series stack.
import * as Plot from "@observablehq/plot";
import type { Encoding } from "../encoding.ts";
import type { Point } from "../resolve.ts";
import { categoryAxis } from "./category-axis.ts";
import { highlightBands, highlightDots, highlightRules } from "./highlight.ts";
import { continuousY, labelsAtEnds, seriesLabelMargin } from "./line.ts";

export function areaOptions(enc: Encoding): Plot.PlotOptions {
  const { chart } = enc;
  const single = chart.seriesNames.length < 2;
  const y = continuousY(enc, { zero: true, stacked: !single });
  const x = categoryAxis(enc, { marginLeft: y.marginLeft, marginRight: seriesLabelMargin(enc) });
  const color = (p: Point) => enc.seriesColor(p.series);
  return {
    height: enc.height,
    marginLeft: x.marginLeft,
    marginRight: x.marginRight,
    marginBottom: 44,
    x: x.scale,
    y: y.scale,
    marks: [
      ...highlightBands(enc, "x", { singleSeries: true }),
      Plot.areaY(chart.points, {
        x: "category",
        y: "value",
        z: "series",
        fill: color,
        fillOpacity: single ? 0.35 : 0.85,
        className: "areas",
      }),
      single
        ? Plot.lineY(chart.points, { x: "category", y: "value", stroke: color, strokeWidth: 2, className: "lines" })
        : [],
      Plot.ruleY([0], { className: "baseline" }),
      ...highlightDots(enc),
      ...highlightRules(enc),
      !labelsAtEnds(enc)
        ? []
        : Plot.text(
            chart.points,
            Plot.selectLast(
              Plot.stackY({
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
          ),
    ],
  };
}
