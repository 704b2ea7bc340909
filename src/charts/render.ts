// Draws a resolved chart with Plot on a server-side DOM, once per layout, and gathers what a
// page needs around it: title, notes, source line, description and the data as a table.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { formatValue } from "../data/index.ts";
import { describeChart } from "./describe.ts";
import { encode, type Encoding } from "./encoding.ts";
import { areaOptions } from "./kinds/area.ts";
import { barHeight, barOptions } from "./kinds/bar.ts";
import { columnOptions } from "./kinds/column.ts";
import { dotOptions } from "./kinds/dot.ts";
import { lineOptions } from "./kinds/line.ts";
import { stackedBarOptions, stackedColumnOptions } from "./kinds/stacked.ts";
import type { ChartData } from "./resolve.ts";
import { finishSvg } from "./svg.ts";
import { layouts, type Layout } from "./theme.ts";

const kinds: Record<string, (enc: Encoding) => Plot.PlotOptions> = {
  column: columnOptions,
  "grouped-column": columnOptions,
  bar: barOptions,
  line: lineOptions,
  area: areaOptions,
  dot: dotOptions,
  "stacked-column": stackedColumnOptions,
  "stacked-bar": stackedBarOptions,
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
}

// One DOM for every render: Plot only creates detached elements in it.
const { document } = parseHTML("<!doctype html><html><body></body></html>");

export function renderChart(chart: ChartData): RenderedChart {
  const { spec } = chart;
  const kind = kinds[spec.type];
  if (!kind) throw new Error(`No renderer for chart type ${spec.type}`);
  const probe = encode(chart, layouts[0]!, 0);
  const description = spec.alt ?? describeChart(chart, probe.format);
  const drawings = layouts.map((layout) => {
    const height = chartHeight(chart, layout, encode(chart, layout, 0));
    const enc = encode(chart, layout, height);
    const options = kind(enc);
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
  return {
    id: spec.id,
    title: spec.title,
    subtitle: spec.subtitle,
    notes: [...spec.notes, ...autoNotes(chart)],
    source: spec.source ?? sourceLine(chart),
    description,
    dataset: chart.dataset.id,
    drawings,
    table: dataTable(chart, probe.format),
  };
}

function chartHeight(chart: ChartData, layout: Layout, enc: Encoding): number {
  if (chart.orientation === "horizontal") return barHeight(enc, { stacked: chart.spec.type === "stacked-bar" });
  const wide = chart.spec.height ?? 360;
  return layout.name === "wide" ? wide : Math.round(Math.min(wide, 340));
}

function sourceLine(chart: ChartData): string {
  const source = chart.dataset.source;
  if (!source) return chart.dataset.title;
  const year = source.published?.slice(0, 4);
  return year && !source.name.includes(year) ? `${source.name} (${year})` : source.name;
}

/** Notes the reader needs that the author may not have written: figures that are missing. */
function autoNotes(chart: ChartData): string[] {
  const missing = chart.points.filter((p) => p.value === null);
  if (!missing.length) return [];
  const labels = missing.map((p) => (chart.seriesNames.length > 1 ? `${p.series}, ${p.label}` : p.label));
  return [
    `No figure is available for ${labels.join("; ")}; ${missing.length === 1 ? "it is" : "they are"} left blank rather than drawn as zero.`,
  ];
}

/** The chart's figures as drawn: a row per category, a column per series. */
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
