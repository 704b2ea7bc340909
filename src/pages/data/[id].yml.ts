// `/data/<id>.yml`: the dataset's sidecar as the newsroom wrote it: provenance and field types.
import { getBlob } from "../../cache/blobs.ts";
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload((data) => getBlob(data.sidecar), "text/yaml; charset=utf-8");
