// One file per dataset at `/data/<id>.<ext>`: each download route names the part of the dataset it
// serves and its media type, and this makes its paths and response. (Astro does not route files
// whose names start with `_`.)
import { getCollection, type CollectionEntry } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import { buildsDatasetFiles } from "../../build/partial.ts";

type DatasetData = CollectionEntry<"datasets">["data"];

export function datasetDownload(body: (data: DatasetData) => string | Uint8Array<ArrayBuffer>, contentType: string) {
  const getStaticPaths = (async () => {
    if (!buildsDatasetFiles()) return [];
    const datasets = await getCollection("datasets");
    return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { body: body(dataset.data) } }));
  }) satisfies GetStaticPaths;
  const GET: APIRoute<{ body: string | Uint8Array<ArrayBuffer> }> = ({ props }) =>
    new Response(props.body, { headers: { "Content-Type": contentType } });
  return { getStaticPaths, GET };
}
