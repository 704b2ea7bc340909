// The image a page offers link previews (Open Graph, Twitter cards): the PNG of its first chart,
// with that chart's alt text and pixel size. Stories and place pages share it.
import { getEntry } from "astro:content";
import { altText, pngSize } from "../charts/share.ts";
import { withChartDetails } from "../site/chart-entry.ts";
import { absolute, paths } from "../urls.ts";

export async function shareImage(chartIds: readonly string[], site: URL) {
  const entry = chartIds[0] ? await getEntry("charts", chartIds[0]) : undefined;
  if (!entry) return undefined;
  const first = { id: entry.id, ...withChartDetails(entry.data) };
  return { url: absolute(paths.chartPng(first.id), site), alt: altText(first), size: pngSize(first) };
}
