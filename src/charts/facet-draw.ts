// Draws a facet chart's panels (facet.ts) into one SVG: each panel drawn by its kind with Plot at
// the panel's width and the chart's text size, titled with its value, and placed in the grid.
// One SVG, not one per panel, so the page, the standalone SVG and the PNG treat it as any chart.
// Plot's own faceting (fx/fy) is not used: it shares every scale between facets (no
// `scales: independent`), and the bar, grouped-column and strip kinds already use fx/fy.
import * as Plot from "@observablehq/plot";
import { encode, type Encoding } from "./encoding.ts";
import { chooseGrid, lastLabelRoom, thinnedLabels, valueLabelRoom } from "./facet-fit.ts";
import { GAP, highlightKey, type FacetGrid, type Panel } from "./facet.ts";
import { areaOptions } from "./kinds/area.ts";
import { barHeight, barOptions } from "./kinds/bar.ts";
import { columnOptions } from "./kinds/column.ts";
import { dotOptions } from "./kinds/dot.ts";
import { lineOptions, seriesLabelMargin } from "./kinds/line.ts";
import { isStrip } from "./kinds/strip.ts";
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
/** A strip's category labels often stand on end in a small panel (kinds/dot.ts): room for them. */
const STRIP_EXTRA = 60;

export interface FacetDrawing {
  /** Plot's root element holding every panel; render.ts finishes it like any chart's. */
  svg: Element;
  height: number;
  grid: FacetGrid;
}

/** Draws `chart` as its `panels` (facetPanels). */
export function drawFacetChart(chart: ChartData, panels: Panel[], layout: Layout, document: Document): FacetDrawing {
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
        : (chart.spec.height ?? PANEL_HEIGHT[layout.name] + (isStrip(probe) ? STRIP_EXTRA : 0));
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
