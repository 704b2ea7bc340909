// `/data/<id>.csv`: the cleaned dataset, safe to open in a spreadsheet (see src/data/export.ts).
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";

export const getStaticPaths = (async () => {
  const datasets = await getCollection("datasets");
  return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { csv: dataset.data.csv } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.csv, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
