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
    return datasets.map((dataset) => ({ params: { id: dataset.id }, props: { data: dataset.data } }));
  }) satisfies GetStaticPaths;
  // The body is made as each file is written, so a big dataset's CSV is held once, not all at once.
  const GET: APIRoute<{ data: DatasetData }> = ({ props }) =>
    new Response(body(props.data), { headers: { "Content-Type": contentType } });
  return { getStaticPaths, GET };
}
