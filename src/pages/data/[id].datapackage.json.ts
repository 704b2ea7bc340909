// `/data/<id>.datapackage.json`: the dataset as a Frictionless Data Package (src/data/frictionless.ts).
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";

export const getStaticPaths = (async () => {
  const datasets = await getCollection("datasets");
  return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { json: dataset.data.datapackage } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.json, { headers: { "Content-Type": "application/json" } });
