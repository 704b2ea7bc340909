// How the kinds mark `highlight`. Not a kind of its own: the kinds share it, as they share
// line.ts's scales. On a single-series column, bar or dot chart the accent colours the
// highlighted bars or dots themselves. Wherever colour already names the series (several
// series, or the lines of a line or area chart), recolouring would lose that, so a pale accent
// band lies behind each highlighted category across the plot instead; a single line or area
// also gets an accent dot there, and stacked areas, which hide the band, a rule through the
// stack. The band is decoration, with no <title> or text; the figures are in the data table.
import type * as PlotTypes from "@observablehq/plot";
import * as Plot from "@observablehq/plot";
import type { Encoding } from "../encoding.ts";
import type { CategoryKey, Point } from "../resolve.ts";
import { accent, bandOpacity } from "../theme.ts";

const SVG = "http://www.w3.org/2000/svg";

/** The scale that places categories: x or y, or the facets of a grouped chart, fx or fy. */
export type CategoryScale = "x" | "y" | "fx" | "fy";

/** Whether the chart has several series, so colour must stay with the series. */
const severalSeries = (enc: Encoding) => enc.chart.seriesNames.length > 1;

/** A bar's or dot's colour: its series' colour with several series, else the accent or muted as highlighted. */
export const fillOf =
  (enc: Encoding) =>
  (p: Point): string =>
    severalSeries(enc) ? enc.seriesColor(p.series) : enc.colorOf(p);

/**
 * Positions, in drawing order, of the categories the author highlighted: by value, or by a row
 * selector that picked the row of a category (not in a dot chart, where a row is one dot of many).
 */
export function highlightedIndexes(enc: Encoding): number[] {
  const indexes: number[] = [];
  // With several series a selector picks rows of every category (a whole series): no band.
  const picked = new Set(
    enc.chart.spec.type === "dot" || severalSeries(enc)
      ? []
      : enc.chart.points.filter((p) => p.named !== undefined).map((p) => enc.labelOf(p.category)),
  );
  enc.chart.categories.forEach((category, i) => {
    const label = enc.labelOf(category);
    if (picked.has(label) || enc.isHighlighted({ category, label, series: "", value: null })) indexes.push(i);
  });
  return indexes;
}

/** Bands behind the highlighted categories: with several series, or with one if `singleSeries` (lines, areas). */
export function highlightBands(
  enc: Encoding,
  scale: CategoryScale,
  options: { singleSeries?: boolean } = {},
): Plot.Markish[] {
  if (!enc.highlighting || !(options.singleSeries || severalSeries(enc))) return [];
  const indexes = highlightedIndexes(enc);
  return indexes.length ? [new HighlightBands(enc.chart.categories, indexes, scale)] : [];
}

/** An accent dot on a single line or area at each highlighted category it has a figure for. */
export function highlightDots(enc: Encoding): Plot.Markish[] {
  if (!enc.highlighting || severalSeries(enc)) return [];
  const points = enc.chart.points.filter((p) => p.value !== null && enc.isHighlighted(p));
  return [
    Plot.dot(points, { x: "category", y: "value", fill: accent, r: 5, title: enc.tip, className: "highlight-point" }),
  ];
}

/**
 * A rule in the text colour up through the stack at each highlighted category: stacked areas
 * cover the band behind them, and an accent rule would vanish on the series drawn in the accent.
 */
export function highlightRules(enc: Encoding): Plot.Markish[] {
  if (!enc.highlighting || !severalSeries(enc)) return [];
  const stacks = highlightedIndexes(enc).map((i) => {
    const category = enc.chart.categories[i]!;
    const here = enc.chart.points.filter((p) => enc.labelOf(p.category) === enc.labelOf(category));
    return { category, top: here.reduce((sum, p) => sum + Math.max(0, p.value ?? 0), 0) };
  });
  return [
    Plot.ruleX(stacks, {
      x: "category",
      y1: 0,
      y2: "top",
      stroke: "currentColor",
      strokeWidth: 1.5,
      className: "highlight-rule",
    }),
  ];
}

// Plot's Mark base class takes (data, channels, options); its typings declare no constructor.
const BaseMark = Plot.Mark as unknown as new (
  data: undefined,
  channels: Record<string, never>,
  options: { facet: "super" },
) => PlotTypes.Mark;

type ScaleFunction = ((value: CategoryKey) => number) & { bandwidth?: () => number };

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * One rect per highlighted category across the whole plot, reaching halfway to each neighbour
 * (as far out on the other side at the ends, within the plot). Drawn with the scale itself, so
 * one mark serves band, point, time and linear scales, and spans a grouped chart's facets once.
 * The field is `categoryScale` because Plot calls a mark's own `scale` method.
 */
class HighlightBands extends BaseMark {
  private readonly categories: readonly CategoryKey[];
  private readonly indexes: readonly number[];
  private readonly categoryScale: CategoryScale;

  constructor(categories: readonly CategoryKey[], indexes: readonly number[], scale: CategoryScale) {
    super(undefined, {}, { facet: "super" });
    this.categories = categories;
    this.indexes = indexes;
    this.categoryScale = scale;
  }

  render(
    _index: number[],
    scales: PlotTypes.ScaleFunctions,
    _values: unknown,
    dimensions: PlotTypes.Dimensions,
    context: PlotTypes.Context,
  ): SVGGElement {
    const scale = scales[this.categoryScale] as unknown as ScaleFunction;
    const centre = (i: number) => scale(this.categories[i]!) + (scale.bandwidth?.() ?? 0) / 2;
    const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
    const across = this.categoryScale === "x" || this.categoryScale === "fx";
    const [low, high] = across ? [marginLeft, width - marginRight] : [marginTop, height - marginBottom];
    const [crossLow, crossHigh] = across ? [marginTop, height - marginBottom] : [marginLeft, width - marginRight];
    const clamp = (n: number) => Math.min(high, Math.max(low, n));
    const group = context.document.createElementNS(SVG, "g");
    group.setAttribute("class", "highlight-band");
    group.setAttribute("fill", accent);
    group.setAttribute("fill-opacity", String(bandOpacity));
    for (const i of this.indexes) {
      const here = centre(i);
      const before = i > 0 ? centre(i - 1) : undefined;
      const after = i < this.categories.length - 1 ? centre(i + 1) : undefined;
      // Halfway to each neighbour; at an end, as far out as the neighbour on the other side.
      const start = clamp(
        before !== undefined ? (before + here) / 2 : after !== undefined ? here - (after - here) / 2 : low,
      );
      const end = clamp(
        after !== undefined ? (here + after) / 2 : before !== undefined ? here + (here - before) / 2 : high,
      );
      const [from, to] = [round(Math.min(start, end)), round(Math.max(start, end))];
      const rect = context.document.createElementNS(SVG, "rect");
      rect.setAttribute(across ? "x" : "y", String(from));
      rect.setAttribute(across ? "width" : "height", String(round(to - from)));
      rect.setAttribute(across ? "y" : "x", String(crossLow));
      rect.setAttribute(across ? "height" : "width", String(crossHigh - crossLow));
      group.append(rect);
    }
    return group;
  }
}
