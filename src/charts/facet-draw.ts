// Draws a facet chart's panels (facet.ts) into one SVG: each panel drawn by its kind with Plot at
// the panel's width and the chart's text size, titled with its value, and placed in the grid.
// One SVG, not one per panel, so the page, the standalone SVG and the PNG treat it as any chart.
// Plot's own faceting (fx/fy) is not used: it shares every scale between facets (no
// `scales: independent`), and the bar, grouped-column and strip kinds already use fx/fy.
import * as Plot from "@observablehq/plot";
import { encode, type Encoding } from "./encoding.ts";
import { facetGrid, facetPanels, GAP, highlightKey, MIN_PANEL_WIDTH, panelWidthOf, type FacetGrid } from "./facet.ts";
import { areaOptions } from "./kinds/area.ts";
import { barHeight, barOptions } from "./kinds/bar.ts";
import { columnOptions } from "./kinds/column.ts";
import { dotOptions } from "./kinds/dot.ts";
import { lineOptions, seriesLabelMargin } from "./kinds/line.ts";
import { drawLegend, legendLayout, type Legend } from "./legend.ts";
import type { ChartData } from "./resolve.ts";
import { accent, textWidth, wrapText, type Layout } from "./theme.ts";

const SVG = "http://www.w3.org/2000/svg";

/** The kinds drawn as panels (spec.ts's `facetTypes`). */
const kinds: Record<string, (enc: Encoding) => Plot.PlotOptions> = {
  column: columnOptions,
  bar: barOptions,
  line: lineOptions,
  area: areaOptions,
  dot: dotOptions,
};

/** A vertical panel's height, unless the block's `height` says otherwise: small, as the name says. */
const PANEL_HEIGHT: Record<Layout["name"], number> = { wide: 220, narrow: 200 };
const TITLE_LINE = 1.25;
const INSET_BOTTOM = 6;
const PANEL_TICKS = 4;

export interface FacetDrawing {
  /** Plot's root element holding every panel; render.ts finishes it like any chart's. */
  svg: Element;
  height: number;
  grid: FacetGrid;
}

export function drawFacetChart(chart: ChartData, layout: Layout, document: Document): FacetDrawing {
  const panels = facetPanels(chart);
  const { grid, flip } = chooseGrid(chart, panels.length, layout);
  // A panel's value axis is a third of the chart's height or less: fewer ticks, so labels never touch.
  const panelLayout: Layout = { ...layout, width: grid.panelWidth, ticks: Math.min(layout.ticks, PANEL_TICKS) };
  const kind = flip ? barOptions : kinds[chart.spec.type]!;
  const drawn = panels.map(({ label, chart: panel }) => {
    const data: ChartData = flip ? { ...panel, orientation: "horizontal" } : panel;
    const probe = encode(data, panelLayout, 0);
    const room: Layout = { ...panelLayout, maxValueLabels: valueLabelRoom(probe) };
    const height =
      data.orientation === "horizontal"
        ? barHeight(probe, { stacked: false })
        : (chart.spec.height ?? PANEL_HEIGHT[layout.name]);
    // The kind lays out a panel wider by the room its series names would take, which the panel
    // then gives back (`keyedSeries`): its axis is laid out for the plot it really has.
    const names = namesRoom(probe);
    const full = encode(data, { ...room, width: room.width + names }, height);
    // Labels thinned for the plot the kind leaves between its margins, so drawn a second time.
    const plain = kind(full);
    const enc = thinnedLabels(full, flip, (plain.marginLeft ?? 0) + (plain.marginRight ?? 0));
    const options = keyedSeries(enc === full ? plain : kind(enc), names);
    const svg = Plot.plot({
      ...options,
      // The lowest value tick sits a little above the category labels, which in a small panel
      // come close to it: the first label of a thinned column axis, a line's first year.
      ...(data.orientation === "vertical" ? { y: { ...options.y, insetBottom: INSET_BOTTOM } } : {}),
      marginRight: (options.marginRight ?? 0) + lastLabelRoom(enc, options),
      document,
      width: grid.panelWidth,
      height,
      style: { overflow: "visible" },
    }) as unknown as Element;
    // Names left unprinted (facet.ts, `ownName`) leave empty text marks.
    for (const text of svg.querySelectorAll("text")) if (!text.textContent) text.remove();
    // Bold runs wider than the estimate for regular text (as in standalone.ts).
    const title = wrapText(label, grid.panelWidth / 1.08, layout.fontSize, { breakWords: true });
    return { svg, height, title };
  });

  // The grid, row by row: a row's titles as tall as its longest, its panels as tall as its tallest.
  const legend = seriesLegend(chart, layout) ?? highlightLegend(chart, layout);
  const outer = drawn[0]!.svg.cloneNode(false) as Element;
  let y = legend?.height ?? 0;
  for (let row = 0; row < grid.rows; row++) {
    const cells = drawn.slice(row * grid.columns, (row + 1) * grid.columns);
    const titleHeight = Math.round(Math.max(...cells.map((c) => c.title.length)) * layout.fontSize * TITLE_LINE + 6);
    cells.forEach((cell, column) => {
      const x = column * (grid.panelWidth + GAP.x);
      outer.append(panelTitle(document, cell.title, { x, y, fontSize: layout.fontSize }));
      const group = document.createElementNS(SVG, "g");
      group.setAttribute("class", "facet-panel");
      group.setAttribute("transform", `translate(${x},${y + titleHeight})`);
      group.append(...cell.svg.childNodes);
      outer.append(group);
    });
    y += titleHeight + Math.max(...cells.map((c) => c.height)) + GAP.y;
  }
  const height = Math.round(y - GAP.y);
  outer.setAttribute("width", String(layout.width));
  outer.setAttribute("height", String(height));
  outer.setAttribute("viewBox", `0 0 ${layout.width} ${height}`);
  if (legend) drawLegend(outer, legend, layout.fontSize);
  return { svg: outer, height, grid };
}

/**
 * A line, area or dot chart names its series at the end of each line, in a right margin as wide
 * as the longest name: most of a small panel. Its panels leave the names out and give that room
 * back (`names` px, from `namesRoom`), and one key above the panels names the colours, as for
 * columns and bars.
 */
function keyedSeries(options: Plot.PlotOptions, names: number): Plot.PlotOptions {
  if (!names) return options;
  const marks = (options.marks ?? []).filter((m) => (m as { className?: string }).className !== "series-label");
  return { ...options, marks, marginRight: (options.marginRight ?? 0) - names };
}

/** The room a panel's series names would take beyond the margin of a chart without them (kinds/line.ts). */
const namesRoom = (enc: Encoding): number =>
  enc.chart.seriesNames.length > 1 && directlyLabelled(enc.chart)
    ? Math.max(0, seriesLabelMargin(enc) - seriesLabelMargin({ ...enc, chart: { ...enc.chart, seriesNames: [""] } }))
    : 0;

const directlyLabelled = (chart: ChartData) => ["line", "area", "dot"].includes(chart.spec.type);

/** The colour key above the panels: the legend any chart of several series has (legend.ts). */
function seriesLegend(chart: ChartData, layout: Layout): Legend | undefined {
  // Keyed like a column chart's, since the panels do not name their series (`keyedSeries`).
  const keyed = directlyLabelled(chart) ? { ...chart, spec: { ...chart.spec, type: "column" as const } } : chart;
  return legendLayout(encode(keyed, layout, 0));
}

/** The key to the accent colour when a `highlight` selector picked rows: the names, wrapped to the chart's width. */
function highlightLegend(chart: ChartData, layout: Layout): Legend | undefined {
  const names = highlightKey(chart);
  if (!names.length) return undefined;
  const text = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  const lines = wrapText(text, layout.width - 24, layout.fontSize);
  const height = Math.round(layout.fontSize * 1.5 + (lines.length - 1) * layout.fontSize * 1.2 + 8);
  return { items: [{ name: text, lines, color: accent, x: 0, y: 0 }], height };
}

/** A panel's title: its value, bold, from the panel's left edge, wrapped to the panel's width. */
function panelTitle(document: Document, lines: string[], at: { x: number; y: number; fontSize: number }): Element {
  const text = document.createElementNS(SVG, "text");
  text.setAttribute("class", "facet-title");
  text.setAttribute("x", String(at.x));
  text.setAttribute("y", String(Math.round(at.y + at.fontSize)));
  text.setAttribute("text-anchor", "start");
  text.setAttribute("font-weight", "bold");
  lines.forEach((line, i) => {
    const span = document.createElementNS(SVG, "tspan");
    span.setAttribute("x", String(at.x));
    if (i > 0) span.setAttribute("dy", `${TITLE_LINE}em`);
    span.textContent = line;
    text.append(span);
  });
  return text;
}

/**
 * The grid, and whether column panels are drawn as bars. Column panels need room under each
 * column for its label (two lines at most, no word broken, as render.ts asks of any column
 * chart): the most columns at which the labels fit, or bars when they fit in no panel width.
 */
function chooseGrid(chart: ChartData, count: number, layout: Layout): { grid: FacetGrid; flip: boolean } {
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
function lastLabelRoom(enc: Encoding, options: Plot.PlotOptions): number {
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
function thinnedLabels(enc: Encoding, flipped: boolean, margins: number): Encoding {
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

/** Whether every category label fits under its column in a panel `width` px wide. */
function columnLabelsFit(enc: Encoding, width: number): boolean {
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
function valueLabelRoom(enc: Encoding): number {
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
