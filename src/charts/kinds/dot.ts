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
      ...seriesLabels(enc, y.axis),
    ],
  };
}

/** How a strip labels its categories at this width: wrapped under each band, or stood on end. */
function stripLabels(enc: Pick<Encoding, "chart" | "layout" | "labelOf">, marginLeft: number) {
  const { chart, layout } = enc;
  const band = ((layout.width - marginLeft - STRIP_MARGIN_RIGHT) / Math.max(1, chart.categories.length)) * 0.9;
  const wrapped = (c: Point["category"]) => wrapText(enc.labelOf(c), band - 4, layout.fontSize).join("\n");
  const lines = Math.max(...chart.categories.map((c) => wrapped(c).split("\n").length));
  // Labels whose words are wider than their band (nine regions at 320 px) would run into each
  // other: they stand on end instead, each in its band, read from the bottom up.
  const upright = chart.categories.some((c) =>
    enc
      .labelOf(c)
      .split(/\s+/)
      .some((word) => textWidth(word, layout.fontSize) > band - 4),
  );
  const longest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  // Plot sets wrapped lines 1em apart, and a line's box is about 1.2em tall.
  const marginBottom = upright
    ? Math.ceil(14 + longest)
    : Math.ceil(14 + (Math.min(lines, 4) + 0.2) * layout.fontSize * 1.2);
  return { band, wrapped, upright, marginBottom };
}

/**
 * Height a strip adds to the usual chart for labels stood on end: the plot keeps the height any
 * dot chart has, and the labels get the room they need below it (at 320 px, nine region names
 * would otherwise take half the chart and the longest would run off its foot).
 */
export function stripExtraHeight(enc: Encoding): number {
  if (!isStrip(enc)) return 0;
  const labels = stripLabels(enc, continuousY(enc, { zero: false }).marginLeft);
  return labels.upright ? Math.max(0, labels.marginBottom - 60) : 0;
}

const STRIP_MARGIN_RIGHT = 16;

/** A strip: one band per category (fx), its dots dodged across the band (x, in dot widths). */
function stripOptions(enc: Encoding): Plot.PlotOptions {
  const { chart } = enc;
  const y = continuousY(enc, { zero: false });
  const [marginLeft, marginRight, marginTop] = [y.marginLeft, STRIP_MARGIN_RIGHT, 20];
  const drawn = chart.points.filter((p) => p.value !== null);
  const { band, wrapped, upright, marginBottom } = stripLabels(enc, marginLeft);
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
