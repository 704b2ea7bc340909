// A `type: table` rendered: the page's HTML table, the SVG drawn for the standalone image and
// PNG, the notes it needs and what it prints for the published record. Drawn without Plot: a
// table has no axes.
import { exactNumberFormatter } from "../../data/index.ts";
import { isNumeric } from "../../data/types.ts";
import type { ChartData } from "../resolve.ts";
import { tableGrid } from "./table-grid.ts";
import { tableHtml } from "./table-html.ts";
import { tableSvg } from "./table-svg.ts";

/** What a rendered table keeps beside its drawing: the page's HTML and how many rows it has. */
export interface TableView {
  html: string;
  rows: number;
  /** Rows past the cap (table-rows.ts): the page links to the dataset, where they all are. */
  more: number;
}

/** The figures' format in the description: the measure column's own, or its field's in full. */
export function tableFormat(chart: ChartData): (n: number) => string {
  const measure = chart.measures[0]!;
  const column = chart.table!.columns.find((c) => c.field === measure);
  return exactNumberFormatter(
    measure,
    chart.points.map((p) => p.value),
    column?.format,
  );
}

/** Everything a table chart renders to beside its caption: notes, the image's drawing, the page's HTML. */
export function drawTable(
  chart: ChartData,
  description: string,
): {
  notes: string[];
  drawing: { layout: "wide"; width: number; height: number; svg: string };
  table: { caption: string; head: string[]; rows: string[][] };
  view: TableView;
} {
  const { spec } = chart;
  const grid = tableGrid(chart);
  const options = { id: spec.id, title: spec.title, description };
  return {
    notes: tableNotes(chart),
    drawing: { layout: "wide", ...tableSvg(grid, options) },
    // What the table prints, as the published record digests it (src/site/published.ts).
    table: {
      caption: spec.title,
      head: grid.head.map((c) => c.title),
      rows: grid.rows.map((r) => r.cells.map((c) => c.text)),
    },
    view: { html: tableHtml(grid, options), rows: grid.rows.length, more: chart.table!.capped },
  };
}

/** "First 100 of 200,000 rows, sorted by amount, largest first; every row is on the dataset's page." */
function tableNotes(chart: ChartData): string[] {
  const table = chart.table!;
  const shown = chart.rows.length;
  const left = table.matched - shown;
  if (left <= 0) return [];
  if (!table.capped) return [`${left.toLocaleString("en-GB")} more ${left === 1 ? "row is" : "rows are"} left out.`];
  const sort = chart.spec.table?.sort;
  const field = sort && chart.dataset.fields.find((f) => f.name === sort.column);
  const isNumber = field !== undefined && isNumeric(field);
  const order = field
    ? `, sorted by ${field.title.charAt(0).toLowerCase()}${field.title.slice(1)}, ${isNumber ? (sort.descending ? "largest" : "smallest") : sort.descending ? "last" : "first"} first`
    : " in the dataset's order";
  return [
    `First ${shown} of ${table.matched.toLocaleString("en-GB")} rows${order}; every row is on the dataset's page.`,
  ];
}
