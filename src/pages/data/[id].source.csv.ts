// `/data/<id>.source.csv`: the dataset's CSV byte for byte as the newsroom received it, in its own
// encoding (the Frictionless Data Package at `/data/<id>.datapackage.json` says how to read it).
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload(
  (data) => new Uint8Array(Buffer.from(data.original, "base64")),
  "text/csv",
);
