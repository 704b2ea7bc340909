// Whether a page shows a table chart, so that its layout inlines the table's styles
// (TableChartStyle.astro): stories and place pages know their charts by id.
import { getEntry } from "astro:content";
import { withChartDetails } from "../site/chart-entry.ts";

export async function showsTableChart(chartIds: readonly string[]): Promise<boolean> {
  const charts = await Promise.all(chartIds.map((id) => getEntry("charts", id)));
  return charts.some((chart) => chart && withChartDetails(chart.data).tableView !== undefined);
}
