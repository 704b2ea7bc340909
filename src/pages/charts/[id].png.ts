// `/charts/<chart-id>.png`: the standalone SVG rasterised once, 1200 px wide, for email and
// social cards.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";
import { renderPng } from "../../charts/png.ts";
import { standaloneSvg } from "../../charts/standalone.ts";

export const getStaticPaths = (async () => {
  const charts = await getCollection("charts");
  return charts.map((chart) => ({ params: { id: chart.id }, props: { chart } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const png = renderPng(standaloneSvg({ id: props.chart.id, ...props.chart.data }).svg);
  return new Response(png, { headers: { "Content-Type": "image/png" } });
};
