// `/embed/<chart-id>/oembed.json`: the chart's oEmbed response (src/site/oembed.ts), which its
// embed page advertises in a <link rel="alternate">.
import { getCollection, type CollectionEntry } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import { buildsStory } from "../../../build/partial.ts";
import { chartPaths } from "../../../components/chart-paths.ts";
import { siteConfig } from "../../../config.ts";
import { withChartDetails } from "../../../site/chart-entry.ts";
import { chartOembed, oembedJson } from "../../../site/oembed.ts";
import { requireSite } from "../../../urls.ts";

export const getStaticPaths = (async () => {
  const charts = await getCollection("charts");
  return chartPaths(charts.filter((chart) => buildsStory(chart.data.story)));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { chart } = props as { chart: CollectionEntry<"charts"> };
  const body = oembedJson(
    chartOembed(
      { id: chart.id, ...withChartDetails(chart.data) },
      { site: requireSite(site).href, config: siteConfig() },
    ),
  );
  return new Response(body, { headers: { "Content-Type": "application/json+oembed" } });
};
