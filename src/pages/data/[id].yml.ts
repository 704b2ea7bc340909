// `/data/<id>.yml`: the dataset's sidecar as the newsroom wrote it: provenance and field types.
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload((data) => data.sidecar, "text/yaml; charset=utf-8");
