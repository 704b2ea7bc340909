// rehype plugin, run after sanitising: swaps each chart placeholder for the chart's figure.
// Placeholders that name no chart of this story (e.g. typed by hand) are dropped.
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { chartFigure } from "../charts/figure.ts";
import type { RenderedChart } from "../charts/render.ts";
import { PLACEHOLDER_ATTRIBUTE, type ChartFileData } from "./remark-chart.ts";

/** Panels to add under a chart on its story page (embed code, newsletter snippet, downloads). */
export type ChartPanels = (chart: RenderedChart, story: { slug: string; path?: string }) => Element[];

export interface RehypeChartOptions {
  panels?: ChartPanels;
  /** The story's slug, for panels that link back to it. */
  slug: string;
  /** The page's path when it is not the story's (a place page, `/places/<template>/<place>/`). */
  path?: string;
}

export const rehypeChart: Plugin<[RehypeChartOptions], Root> = (options) => (tree, file) => {
  const charts = new Map(((file.data as Partial<ChartFileData>).charts ?? []).map((c) => [c.id, c]));
  visit(tree, "element", (node, index, parent) => {
    const id = node.properties?.[PLACEHOLDER_ATTRIBUTE];
    if (id === undefined || !parent || index === undefined) return;
    const chart = charts.get(String(id));
    if (chart)
      parent.children.splice(
        index,
        1,
        chartFigure(chart, { panels: options.panels?.(chart, { slug: options.slug, path: options.path }) }),
      );
    else parent.children.splice(index, 1);
    return [SKIP, index];
  });
};
