// `/charts/<chart-id>.png`: the standalone SVG rasterised, 1200 px wide, for email and social
// cards. `npm run build` has already drawn every PNG on worker threads into the cache; a chart
// missing from it (in `astro dev`, say) is drawn here and cached.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";
import { pngKey, readCachedPng, writeCachedPng } from "../../charts/png-cache.ts";
import { renderPng } from "../../charts/png.ts";
import { standaloneSvg } from "../../charts/standalone.ts";

export const getStaticPaths = (async () => {
  const charts = await getCollection("charts");
  return charts.map((chart) => ({ params: { id: chart.id }, props: { chart } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const { svg } = standaloneSvg({ id: props.chart.id, ...props.chart.data });
  const key = pngKey(svg);
  let png = readCachedPng(key);
  if (!png) {
    png = renderPng(svg);
    writeCachedPng(key, png);
  }
  return new Response(png, { headers: { "Content-Type": "image/png" } });
};
