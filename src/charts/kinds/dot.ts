// Dots: every row a dot. Over categories a strip (dots dodged across each category, strip.ts),
// over dates or numbers a scatter; one dot per category is the plain dot plot. Highlighted rows
// are drawn last, on top, and rows picked by a `highlight` selector are named beside their dot.
import * as Plot from "@observablehq/plot";
import type { Encoding } from "../encoding.ts";
import type { Point } from "../resolve.ts";
import { textWidth, wrapText } from "../theme.ts";
import { categoryAxis } from "./category-axis.ts";
import { fillOf, highlightBands } from "./highlight.ts";
import { baseline, continuousY, seriesLabelMargin, seriesLabels } from "./line.ts";
import { dotRadius, fitStrip, isStrip } from "./strip.ts";

/** Highlighted points after the rest, so Plot draws them on top. */
function onTop<T extends Point>(enc: Encoding, points: T[]): T[] {
  return [...points.filter((p) => !enc.isHighlighted(p)), ...points.filter((p) => enc.isHighlighted(p))];
}

export function dotOptions(enc: Encoding): Plot.PlotOptions {
  if (isStrip(enc)) return stripOptions(enc);
  const { chart } = enc;
  const y = continuousY(enc, { zero: false });
  const x = categoryAxis(enc, { marginLeft: y.marginLeft, marginRight: seriesLabelMargin(enc) });
  const drawn = onTop(
    enc,
    chart.points.filter((p) => p.value !== null),
  );
  const r = dotRadius(drawn.length);
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
      Plot.dot(drawn, { x: "category", y: "value", fill: fillOf(enc), r, title: enc.tip, className: "points" }),
      ...names(enc, drawn, { x: "category", r }),
      ...seriesLabels(enc),
    ],
  };
}

/** A strip: one band per category (fx), its dots dodged across the band (x, in dot widths). */
function stripOptions(enc: Encoding): Plot.PlotOptions {
  const { chart, layout } = enc;
  const y = continuousY(enc, { zero: false });
  const [marginLeft, marginRight, marginTop] = [y.marginLeft, 16, 20];
  const drawn = chart.points.filter((p) => p.value !== null);
  const band = ((layout.width - marginLeft - marginRight) / Math.max(1, chart.categories.length)) * 0.9;
  const wrapped = (c: Point["category"]) => wrapText(enc.labelOf(c), band - 4, layout.fontSize).join("\n");
  const lines = Math.max(...chart.categories.map((c) => wrapped(c).split("\n").length));
  // Labels whose words are wider than their band (nine regions at 320 px) would run into each
  // other: they stand on end instead, each in its band, read from the bottom up.
  const widths = chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize));
  const upright = chart.categories.some((c) =>
    enc
      .labelOf(c)
      .split(/\s+/)
      .some((word) => textWidth(word, layout.fontSize) > band - 4),
  );
  const marginBottom = upright
    ? Math.round(14 + Math.min(Math.max(...widths), enc.height / 2))
    : Math.round(14 + Math.min(lines, 4) * layout.fontSize * 1.2);
  const [low, high] = y.axis.domain;
  const plotHeight = enc.height - marginTop - marginBottom;
  const toPx = (v: number) => ((v - low) / (high - low || 1)) * plotHeight;
  const { placed, r, half } = fitStrip(drawn, { toPx, r: dotRadius(drawn.length), band });
  const dots = onTop(enc, placed);
  // A name starts right of the last dot level with it, so it does not run over its neighbours.
  const labelled = dots
    .filter((p) => p.named !== undefined)
    .map((p) => {
      const level = placed.filter(
        (o) =>
          enc.labelOf(o.category) === enc.labelOf(p.category) && Math.abs(toPx(o.value!) - toPx(p.value!)) < 2 * r + 2,
      );
      return { ...p, offset: Math.max(...level.map((o) => o.offset)) };
    });
  return {
    height: enc.height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    fx: { domain: chart.categories, tickFormat: wrapped, label: null, padding: 0.1 },
    x: { domain: [-half, half], axis: null },
    y: y.scale,
    marks: [
      ...highlightBands(enc, "fx"),
      ...baseline(y.axis),
      Plot.dot(dots, {
        fx: "category",
        x: "offset",
        y: "value",
        fill: fillOf(enc),
        r,
        title: enc.tip,
        className: "points",
      }),
      ...names(enc, labelled, { x: "offset", fx: "category", r }),
      upright
        ? Plot.axisFx({ tickSize: 0, label: null, tickFormat: enc.labelOf, anchor: "bottom", tickRotate: -90 })
        : Plot.axisFx({ tickSize: 0, label: null, tickFormat: wrapped, anchor: "bottom" }),
    ],
  };
}

/** The names of rows a `highlight` selector picked, beside their dots. */
function names(enc: Encoding, points: Point[], channels: { x: string; fx?: string; r: number }): Plot.Markish[] {
  const named = points.filter((p) => p.named !== undefined);
  if (!named.length) return [];
  const { r, ...position } = channels;
  return [
    Plot.text(named, {
      ...position,
      y: "value",
      text: "named",
      dx: r + 4,
      textAnchor: "start",
      fill: "currentColor",
      fontWeight: "bold",
      // A halo of the page's background (site.css sets it for dark mode), so a name that runs
      // over its neighbours' dots stays readable.
      stroke: "#ffffff",
      strokeWidth: 3,
      paintOrder: "stroke",
      className: "highlight-name",
    }),
  ];
}
