// `/charts/<chart-id>.svg`: the chart as one self-contained SVG file, title and source drawn in.
import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { buildsStory } from "../../build/partial.ts";
import { withDrawings } from "../../cache/blobs.ts";
import { standaloneSvg } from "../../charts/standalone.ts";
import { chartPaths } from "../../components/chart-paths.ts";
import { withChartDetails } from "../../site/chart-entry.ts";

export const getStaticPaths = (async () => {
  const charts = await getCollection("charts");
  return chartPaths(charts.filter((chart) => buildsStory(chart.data.story)));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const { svg } = standaloneSvg(withDrawings({ id: props.chart.id, ...withChartDetails(props.chart.data) }));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
};
