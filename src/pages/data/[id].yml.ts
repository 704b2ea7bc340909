// `/data/<id>.yml`: the dataset's sidecar as the newsroom wrote it: provenance and field types.
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";

export const getStaticPaths = (async () => {
  const datasets = await getCollection("datasets");
  return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { sidecar: dataset.data.sidecar } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.sidecar, { headers: { "Content-Type": "text/yaml; charset=utf-8" } });
