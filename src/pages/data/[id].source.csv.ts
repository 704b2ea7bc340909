// `/data/<id>.source.csv`: the dataset's CSV byte for byte as the newsroom received it, in its own
// encoding (the Frictionless Data Package at `/data/<id>.datapackage.json` says how to read it).
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getCollection } from "astro:content";

export const getStaticPaths = (async () => {
  const datasets = await getCollection("datasets");
  return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { original: dataset.data.original } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(Buffer.from(props.original, "base64"), { headers: { "Content-Type": "text/csv" } });
