// `/data/<id>.csv`: the cleaned dataset, safe to open in a spreadsheet (see src/data/export.ts).
import { getBlob } from "../../cache/blobs.ts";
import { datasetDownload } from "./_download.ts";

export const { getStaticPaths, GET } = datasetDownload((data) => getBlob(data.csv), "text/csv; charset=utf-8");
