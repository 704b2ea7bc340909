// `/charts/<chart-id>.png`: the standalone SVG rasterised, 1200 px wide, for email and social
// cards. `npm run build` draws every PNG on worker threads while Astro runs and writes them
// itself; this route serves them in `astro dev` (and a plain `astro build`), from the cache.
import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { PNGS_BY_BUILD_ENV } from "../../build/env.ts";
import { withDrawings } from "../../cache/blobs.ts";
import { pngKey, readCachedPng, writeCachedPng } from "../../cache/pngs.ts";
import { renderPng } from "../../charts/png/render.ts";
import { standaloneSvg } from "../../charts/standalone.ts";
import { chartPaths } from "../../components/chart-paths.ts";
import { withChartDetails } from "../../site/chart-entry.ts";

export const getStaticPaths = (async () => {
  // `npm run build` draws PNGs on worker threads while Astro runs and copies them in afterwards.
  if (process.env[PNGS_BY_BUILD_ENV] === "1") return [];
  const charts = await getCollection("charts");
  return chartPaths(charts);
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const { svg } = standaloneSvg(withDrawings({ id: props.chart.id, ...withChartDetails(props.chart.data) }));
  const key = pngKey(svg);
  let png = readCachedPng(key);
  if (!png) {
    png = renderPng(svg);
    writeCachedPng(key, png);
  }
  return new Response(png, { headers: { "Content-Type": "image/png" } });
};
