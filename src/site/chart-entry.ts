// A chart's entry in Astro's content store, and what its pages read back. Astro serialises, parses
// and hydrates the whole store in every build, a one-story edit included, so an entry keeps only
// what finds and heads the chart's pages (its story or place page, aliases, title, notes, source).
// The rest, read only by the chart's own pages and its story's (the alt text, the drawings, a
// table chart's HTML), is one blob per chart (src/cache/blobs.ts). The data table is not kept at
// all: the story's HTML has it, and no page reads it from the store.
import { drawingByBlob, getJsonBlob, putBlob, putJsonBlob } from "../cache/blobs.ts";
import type { RenderedChart } from "../charts/render.ts";

/** What of a chart only its own pages and its story's read, kept in a blob. */
type ChartDetails = Pick<RenderedChart, "description" | "drawings" | "tableView">;

/** The entry of `chart`, drawn for `story` (and, on a place page, shown on `page`). */
export function chartEntry(chart: RenderedChart, story: string, page?: { path: string; title: string }) {
  const { title, aliases, subtitle, notes, source, dataset, description, drawings, tableView } = chart;
  // The drawings' SVG are blobs of their own already: the details name them, unread.
  const details: ChartDetails = {
    description,
    drawings: drawings.map((d) => drawingByBlob(d, putBlob)),
    ...(tableView ? { tableView } : {}),
  };
  return {
    title,
    aliases,
    subtitle,
    notes,
    source,
    dataset,
    story,
    ...(page ? { page } : {}),
    details: putJsonBlob(details),
  };
}

/**
 * Whether any of a page's charts is a table, whose styles its page then carries (TableChartStyle.astro):
 * settled when the page's entry is made, so that the page reads no chart's details to find out.
 */
export const showsTableChart = (charts: readonly Pick<RenderedChart, "tableView">[]) =>
  charts.some((chart) => chart.tableView !== undefined);

/** A chart entry's data with its details read back from their blob (the drawings' SVG still as ids). */
export function withChartDetails<T extends { details: string }>(data: T): Omit<T, "details"> & ChartDetails {
  const { details, ...rest } = data;
  return { ...rest, ...getJsonBlob<ChartDetails>(details) };
}
