// Draws a resolved chart with Plot on a server-side DOM, once per layout, and gathers what a
// page needs around it: title, notes, source line, description and the data as a table.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { exactNumberFormatter, formatColumn, formatValue } from "../data/index.ts";
import { annotationMarks, annotationRoom } from "./annotations.ts";
import { customContext, loadCustomChart } from "./custom.ts";
import { describeChart, describeTable } from "./describe.ts";
import { encode, type Encoding } from "./encoding.ts";
import { drawFacetChart } from "./facet-draw.ts";
import { columnLabelsFit } from "./facet-fit.ts";
import { describeFacets, facetNotes, facetTable } from "./facet-text.ts";
import { facetPanels, type Panel } from "./facet.ts";
import { areaOptions } from "./kinds/area.ts";
import { barHeight, barOptions } from "./kinds/bar.ts";
import { columnOptions } from "./kinds/column.ts";
import { dotOptions, stripExtraHeight } from "./kinds/dot.ts";
import { lineOptions } from "./kinds/line.ts";
import { rangeOptions } from "./kinds/range.ts";
import { stackedBarOptions, stackedColumnOptions } from "./kinds/stacked.ts";
import { drawTable, tableFormat, type TableView } from "./kinds/table.ts";
import { waterfallNotes, waterfallOptions } from "./kinds/waterfall.ts";
import { drawLegend, legendLayout } from "./legend.ts";
import type { ChartData } from "./resolve.ts";
import type { ChartType } from "./spec.ts";
import { finishSvg } from "./svg.ts";
import { layouts, type Layout } from "./theme.ts";

/** The renderer of every built-in chart type: a type in `chartTypes` without one does not compile. */
const kinds: Record<Exclude<ChartType, "custom" | "table">, (enc: Encoding) => Plot.PlotOptions> = {
  column: columnOptions,
  "grouped-column": columnOptions,
  bar: barOptions,
  line: lineOptions,
  area: areaOptions,
  dot: dotOptions,
  "stacked-column": stackedColumnOptions,
  "stacked-bar": stackedBarOptions,
  range: rangeOptions,
  waterfall: waterfallOptions,
};

/** Column kinds and the bar kind each becomes when its labels do not fit. */
const verticalBars: Partial<Record<ChartType, (enc: Encoding) => Plot.PlotOptions>> = {
  column: barOptions,
  "grouped-column": barOptions,
  "stacked-column": stackedBarOptions,
};

export interface ChartDrawing {
  layout: Layout["name"];
  width: number;
  height: number;
  svg: string;
}

export interface DataTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface RenderedChart {
  id: string;
  /** Earlier ids (the block's `aliases`): the same embed page, SVG and PNG are written under each. */
  aliases?: string[];
  title: string;
  subtitle?: string;
  /** The author's notes, then notes Plotline adds (e.g. missing figures). */
  notes: string[];
  /** The source line, e.g. "North Northamptonshire Council, executive report (2023)". */
  source: string;
  /** Text alternative: the author's `alt`, or one written from the data. */
  description: string;
  dataset: string;
  drawings: ChartDrawing[];
  table: DataTable;
  /** A `type: table`: the HTML table the page shows instead of a drawing (its one drawing is for the image). */
  tableView?: TableView;
}

// One DOM for every render: Plot only creates detached elements in it.
const { document } = parseHTML("<!doctype html><html><body></body></html>");

export function renderChart(chart: ChartData): RenderedChart {
  const { spec } = chart;
  if (spec.type === "custom") return renderCustomChart(chart);
  if (spec.type === "table") return renderTableChart(chart);
  const kind = kinds[spec.type];
  // Figures in full, as the data table prints them (pence on every figure when any has them), for
  // the description and the data table alike.
  const exact = exactNumberFormatter(
    chart.measures[0]!,
    chart.points.map((p) => p.value),
    spec.format,
  );
  // Small multiples: the panels, split once for the description, both drawings and the data table.
  const panels = chart.facet ? facetPanels(chart) : undefined;
  const description = spec.alt ?? (panels ? describeFacets(chart, panels, exact) : describeChart(chart, exact));
  const drawings = layouts.map((layout) => {
    if (panels) return facetDrawing(chart, panels, layout, description);
    // Columns whose labels cannot fit under them turn into bars, which have room for labels.
    const flip = verticalBars[spec.type] !== undefined && !columnLabelsFit(encode(chart, layout, 0), layout.width);
    const drawn: ChartData = flip ? { ...chart, orientation: "horizontal" } : chart;
    const height = chartHeight(drawn, layout, encode(drawn, layout, 0));
    const enc = encode(drawn, layout, height);
    const options = (flip ? verticalBars[spec.type]! : kind)(enc);
    // Room above the plot for the colour key, then for annotation labels.
    const legend = legendLayout(enc);
    const extraTop = (legend?.height ?? 0) + annotationRoom(enc, options);
    const clearance = options.marks?.some((m) => (m as { className?: string }).className === "value-label")
      ? layout.fontSize + 14
      : 4;
    const svg = Plot.plot({
      ...options,
      marks: [...(options.marks ?? []), ...annotationMarks(enc, { clearance, top: valueTop(options), frame: options })],
      marginTop: (options.marginTop ?? 20) + extraTop,
      document,
      width: layout.width,
      height: height + extraTop,
      style: { overflow: "visible" },
    }) as unknown as Element;
    if (legend) drawLegend(svg, legend, layout.fontSize);
    const markup = finishSvg(svg, {
      idPrefix: `${spec.id}-${layout.name}`,
      title: spec.title,
      description,
      fontSize: layout.fontSize,
    });
    return { layout: layout.name, width: layout.width, height: height + extraTop, svg: markup };
  });
  return {
    id: spec.id,
    ...(spec.aliases.length ? { aliases: spec.aliases } : {}),
    title: spec.title,
    subtitle: spec.subtitle,
    notes: [...spec.notes, ...autoNotes(chart)],
    source: spec.source ?? sourceLine(chart),
    description,
    dataset: chart.dataset.id,
    drawings,
    table: panels ? { caption: spec.title, ...facetTable(chart, panels, exact) } : dataTable(chart, exact),
  };
}

/** A table: HTML on the page, an SVG of its rows for the image, its printed cells as its data. */
function renderTableChart(chart: ChartData): RenderedChart {
  const { spec } = chart;
  const description = spec.alt ?? describeTable(chart, tableFormat(chart));
  const drawn = drawTable(chart, description);
  return {
    id: spec.id,
    ...(spec.aliases.length ? { aliases: spec.aliases } : {}),
    title: spec.title,
    subtitle: spec.subtitle,
    notes: [...spec.notes, ...drawn.notes],
    source: spec.source ?? sourceLine(chart),
    description,
    dataset: chart.dataset.id,
    drawings: [drawn.drawing],
    table: drawn.table,
    tableView: drawn.view,
  };
}

/** Small multiples (facet-draw.ts), finished like any chart. */
function facetDrawing(chart: ChartData, panels: Panel[], layout: Layout, description: string): ChartDrawing {
  const { svg, height } = drawFacetChart(chart, panels, layout, document);
  const markup = finishSvg(svg, {
    idPrefix: `${chart.spec.id}-${layout.name}`,
    title: chart.spec.title,
    description,
    fontSize: layout.fontSize,
  });
  return { layout: layout.name, width: layout.width, height, svg: markup };
}

/** The top of the value scale a kind chose (its domain's upper end). */
function valueTop(options: Plot.PlotOptions): number {
  const domain = (options.y as { domain?: unknown[] } | undefined)?.domain;
  const top = domain?.[domain.length - 1];
  return typeof top === "number" ? top : 0;
}

function chartHeight(chart: ChartData, layout: Layout, enc: Encoding): number {
  // A range draws one arrow a category, however many values it joins: a band like a stacked bar's.
  if (chart.orientation === "horizontal")
    return barHeight(enc, { stacked: ["stacked-bar", "range", "waterfall"].includes(chart.spec.type) });
  const wide = chart.spec.height ?? 360;
  const base = layout.name === "wide" ? wide : Math.round(Math.min(wide, 340));
  // A strip's names stood on end get room of their own below the dots.
  return chart.spec.type === "dot" ? base + stripExtraHeight(enc) : base;
}

function sourceLine(chart: ChartData): string {
  const source = chart.dataset.source;
  if (!source) return chart.dataset.title;
  const year = source.published?.slice(0, 4);
  return year && !source.name.includes(year) ? `${source.name} (${year})` : source.name;
}

const MISSING_NAMED = 10;

/** Notes the reader needs that the author may not have written: categories left out, figures missing. */
function autoNotes(chart: ChartData): string[] {
  return [...limitNotes(chart), ...missingNotes(chart), ...waterfallNotes(chart), ...facetNotes(chart)];
}

/** "Other is the sum of 6 more suppliers." or "6 more suppliers are left out." */
function limitNotes(chart: ChartData): string[] {
  if (!chart.omitted) return [];
  const { count, summed } = chart.omitted;
  const what = `${count} more ${count === 1 ? "category" : "categories"} of ${chart.category.title}`;
  return [summed ? `Other is the sum of ${what}.` : `${what} ${count === 1 ? "is" : "are"} left out.`];
}

function missingNotes(chart: ChartData): string[] {
  const missing = chart.points.filter((p) => p.value === null);
  if (!missing.length) return [];
  // In a strip a category names many rows, so the rows are counted rather than named.
  if (chart.points.length > chart.categories.length * chart.seriesNames.length) {
    const rows = missing.length === 1 ? "1 row has" : `${missing.length.toLocaleString("en-GB")} rows have`;
    return [`${rows} no figure and ${missing.length === 1 ? "is" : "are"} not drawn.`];
  }
  // Named up to a few: a dot chart of a big register may miss thousands, and the note is printed
  // under the chart, in its alt text's neighbourhood and in the PNG.
  const named = missing
    .slice(0, MISSING_NAMED)
    .map((p) => [p.facet, chart.seriesNames.length > 1 ? p.series : "", p.label].filter(Boolean).join(", "));
  const rest = missing.length - named.length;
  const list = rest ? `${named.join("; ")} and ${rest.toLocaleString("en-GB")} more` : named.join("; ");
  return [
    `No figure is available for ${list}; ${missing.length === 1 ? "it is" : "they are"} left blank rather than drawn as zero.`,
  ];
}

/**
 * The chart's figures as drawn: a row per category, a column per series, each in full (money
 * never abbreviated, pence on every row when any has them), where a reader checks the exact figure.
 */
function dataTable(chart: ChartData, format: (n: number) => string): DataTable {
  const single = chart.seriesNames.length === 1;
  const head = [chart.category.title, ...(single ? [chart.measures[0]!.title] : chart.seriesNames)];
  const rows = chart.categories.map((category) => {
    const points = chart.points.filter(
      (p) =>
        p.category === category ||
        (p.category instanceof Date && category instanceof Date && p.category.getTime() === category.getTime()),
    );
    const label = points[0]?.label ?? formatValue(null, chart.category);
    const cells = chart.seriesNames.map((name) => {
      const value = points.find((p) => p.series === name)?.value;
      return value === null || value === undefined ? "–" : format(value);
    });
    return [label, ...cells];
  });
  return { caption: chart.spec.title, head, rows };
}

/** A custom module's chart, drawn at both sizes and finished like every other chart. */
function renderCustomChart(chart: ChartData): RenderedChart {
  const { spec, dataset } = chart;
  const loaded = loadCustomChart(spec.module!);
  if ("reason" in loaded) throw new Error(`custom chart ${spec.module}: ${loaded.reason}`);
  const description = spec.alt!;
  const drawings = layouts.map((layout) => {
    const options = loaded.chart(customContext({ rows: chart.rows, dataset, spec, layout }));
    const height = options.height ?? spec.height ?? (layout.name === "wide" ? 360 : 300);
    const svg = Plot.plot({
      ...options,
      document,
      width: layout.width,
      height,
      style: { overflow: "visible" },
    }) as unknown as Element;
    const markup = finishSvg(svg, {
      idPrefix: `${spec.id}-${layout.name}`,
      title: spec.title,
      description,
      fontSize: layout.fontSize,
    });
    return { layout: layout.name, width: layout.width, height, svg: markup };
  });
  const fields = [chart.category, ...chart.measures.filter((m) => m !== chart.category)];
  return {
    id: spec.id,
    ...(spec.aliases.length ? { aliases: spec.aliases } : {}),
    title: spec.title,
    subtitle: spec.subtitle,
    notes: spec.notes,
    source: spec.source ?? sourceLine(chart),
    description,
    dataset: dataset.id,
    drawings,
    table: {
      caption: spec.title,
      head: fields.map((f) => f.title),
      rows: transpose(
        fields.map((f) =>
          formatColumn(
            chart.rows.map((row) => row[f.name] ?? null),
            f,
            spec.format,
          ),
        ),
      ),
    },
  };
}

/** Rows from columns. */
const transpose = (columns: string[][]): string[][] =>
  (columns[0] ?? []).map((_, i) => columns.map((column) => column[i]!));
