// `/data/<id>.datapackage.json`: the dataset as a Frictionless Data Package (src/data/frictionless.ts).
import { getBlob } from "../../cache/blobs.ts";
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload((data) => getBlob(data.datapackage), "application/json");
