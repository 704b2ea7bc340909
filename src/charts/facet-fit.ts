// What a facet panel needs to be legible at the chart's text size: the grid's columns for the
// panels' labels (facet.ts's `facetGrid` with a least width per kind), whether column panels
// become bars, which labels a narrow column axis prints, and room for value labels.
import type * as Plot from "@observablehq/plot";
import { encode, type Encoding } from "./encoding.ts";
import { facetGrid, MIN_PANEL_WIDTH, panelWidthOf, type FacetGrid } from "./facet.ts";
import type { ChartData } from "./resolve.ts";
import { textWidth, wrapText, type Layout } from "./theme.ts";

/**
 * The grid, and whether column panels are drawn as bars. Column panels need room under each
 * column for its label (two lines at most, no word broken, as render.ts asks of any column
 * chart): the most columns at which the labels fit, or bars when they fit in no panel width.
 */
export function chooseGrid(chart: ChartData, count: number, layout: Layout): { grid: FacetGrid; flip: boolean } {
  if (chart.spec.type === "bar") return { grid: facetGrid(count, layout, barPanelWidth(chart, layout)), flip: false };
  if (continuousAxis(chart)) return { grid: facetGrid(count, layout, axisPanelWidth(chart, layout)), flip: false };
  if (chart.spec.type !== "column" || ordered(chart)) return { grid: facetGrid(count, layout), flip: false };
  const probe = encode(chart, layout, 0);
  for (let columns = Math.min(4, count); columns >= 1; columns--) {
    const width = panelWidthOf(layout, columns);
    if (width >= MIN_PANEL_WIDTH && columnLabelsFit(probe, width))
      return { grid: facetGrid(count, layout, width), flip: false };
  }
  if (columnLabelsFit(probe, layout.width)) return { grid: facetGrid(count, layout, layout.width), flip: false };
  return { grid: facetGrid(count, layout, barPanelWidth(chart, layout)), flip: true };
}

/** Line and area charts, and dot charts over dates or numbers: their categories on an axis like a line's. */
const continuousAxis = (chart: ChartData) =>
  ["line", "area"].includes(chart.spec.type) ||
  (chart.spec.type === "dot" && ["date", "number", "integer"].includes(chart.category.type));

/**
 * A panel with a line chart's axis is wide enough for its first and last labels side by side
 * (kinds/category-axis.ts labels as many as fit): a value axis, two labels and a gap. Dates are
 * counted as `Jan 2024`, the shortest of their usual labels that names the year.
 */
function axisPanelWidth(chart: ChartData, layout: Layout): number {
  const enc = encode(chart, layout, 0);
  const size = layout.fontSize;
  const label =
    chart.category.type === "date"
      ? textWidth("Jan 2024", size)
      : Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), size)));
  return Math.max(MIN_PANEL_WIDTH, Math.ceil(50 + 2 * label + 12 + 24));
}

/** A bar panel is at least wide enough for its longest word above its bars, unbroken (kinds/bar.ts). */
function barPanelWidth(chart: ChartData, layout: Layout): number {
  const enc = encode(chart, layout, 0);
  const words = chart.categories.flatMap((c) => enc.labelOf(c).split(/\s+/));
  return Math.max(MIN_PANEL_WIDTH, ...words.map((w) => Math.ceil(textWidth(w, layout.fontSize)) + 24));
}

/** Categories in an order of their own (years, dates, numbers): a reader follows them with every other label. */
const ordered = (chart: ChartData) => !["string", "boolean"].includes(chart.category.type);

/**
 * Room for the last label of a thinned column axis (`thinnedLabels`), which is wider than its
 * column: centred on the last column, it would reach past the panel's right edge (the drawing's,
 * in the last column of the grid) by the half of it that the column and margin do not cover.
 */
export function lastLabelRoom(enc: Encoding, options: Plot.PlotOptions): number {
  const { chart, layout } = enc;
  const last = chart.categories.at(-1);
  if (chart.spec.type !== "column" || chart.orientation !== "vertical" || last === undefined) return 0;
  const label = enc.labelOf(last);
  if (!label) return 0;
  const right = options.marginRight ?? 0;
  const step = (layout.width - (options.marginLeft ?? 0) - right) / Math.max(1, chart.categories.length);
  return Math.max(0, Math.ceil(textWidth(label, layout.fontSize) / 2 - step / 2 - right + 2));
}

/**
 * A column panel of ordered categories whose labels do not fit under every column labels every
 * nth, from the first, as a line chart's axis does (kinds/category-axis.ts): the columns between
 * keep their place and their figures are in the tooltips and the data table.
 */
export function thinnedLabels(enc: Encoding, flipped: boolean, margins: number): Encoding {
  const { chart, layout } = enc;
  if (chart.spec.type !== "column" || flipped || !ordered(chart)) return enc;
  const band = (layout.width - margins) / Math.max(1, chart.categories.length);
  const widest = Math.max(...chart.categories.map((c) => textWidth(enc.labelOf(c), layout.fontSize)));
  const least = Math.ceil((widest + 12) / band);
  if (least <= 1) return enc;
  // A step that lands on the last category too, when there is one: the span's two ends labelled.
  const n = chart.categories.length;
  let step = least;
  while (step < n - 1 && (n - 1) % step !== 0) step++;
  if ((n - 1) % step !== 0) step = least;
  const shown = new Set(chart.categories.filter((_, i) => i % step === 0).map(String));
  return { ...enc, labelOf: (c) => (shown.has(String(c)) ? enc.labelOf(c) : "") };
}

/** Whether every category label fits under its column, in two lines with no word broken, `width` px wide. */
export function columnLabelsFit(enc: Encoding, width: number): boolean {
  const { categories } = enc.chart;
  const band = (width - 50) / Math.max(1, categories.length) - 4;
  const size = enc.layout.fontSize;
  return categories.every((c) => {
    const label = enc.labelOf(c);
    const longestWord = Math.max(...label.split(/\s+/).map((w) => textWidth(w, size)));
    return longestWord <= band && wrapText(label, band, size).length <= 2;
  });
}

/**
 * How many value labels a panel may print: as many as its layout allows when the widest label
 * fits its column's band (or, for bars, takes under a third of the panel), else none; the axis
 * and the data table give the figures.
 */
export function valueLabelRoom(enc: Encoding): number {
  const { chart, layout } = enc;
  const widest = Math.max(
    0,
    ...chart.points.map((p) => (p.value === null ? 0 : textWidth(enc.format(p.value), layout.fontSize))),
  );
  const fits =
    chart.orientation === "horizontal"
      ? widest < layout.width / 3
      : widest + 6 <= (layout.width - 50) / Math.max(1, chart.categories.length * chart.seriesNames.length);
  return fits ? layout.maxValueLabels : 0;
}
