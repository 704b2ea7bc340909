// `/data/<id>.source.csv`: the dataset's CSV byte for byte as the newsroom received it, in its own
// encoding (the Frictionless Data Package at `/data/<id>.datapackage.json` says how to read it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../../config.ts";
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload(
  (data) => new Uint8Array(readFileSync(join(contentRoot(), data.original))),
  "text/csv",
);
