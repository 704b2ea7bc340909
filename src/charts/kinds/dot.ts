// Dots: values per category without bars, for figures that do not start from zero.
import * as Plot from "@observablehq/plot";
import type { Encoding } from "../encoding.ts";
import { categoryAxis } from "./category-axis.ts";
import { fillOf, highlightBands } from "./highlight.ts";
import { baseline, continuousY, seriesLabelMargin, seriesLabels } from "./line.ts";

export function dotOptions(enc: Encoding): Plot.PlotOptions {
  const { chart } = enc;
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
      ...highlightBands(enc, "x"),
      ...baseline(y.axis),
      Plot.dot(
        chart.points.filter((p) => p.value !== null),
        { x: "category", y: "value", fill: fillOf(enc), r: 5, title: enc.tip, className: "points" },
      ),
      ...seriesLabels(enc),
    ],
  };
}
