// A dataset page prints its rows in full: a reader checking a payment sees £1,203,455.00, not £1.2m.
import { describe, expect, it } from "vitest";
import { getJsonBlob } from "../../src/cache/blobs.ts";
import type { Dataset } from "../../src/data/types.ts";
import { datasetEntry, type DatasetPage } from "../../src/site/dataset-entry.ts";
import type { Site } from "../../src/site/site.ts";
import { datasets, fixtureRoot } from "../charts/helpers.ts";

const noSite = { charts: new Map(), stories: [], places: [], published: [] } as unknown as Site;
// The page's own fields are a blob the entry names (the store keeps only what lists need).
const page = (dataset: Dataset) =>
  getJsonBlob<DatasetPage>(datasetEntry(dataset, noSite, fixtureRoot, { stories: {} }).page);

describe("a dataset page's rows", () => {
  it("prints money in full, with pence on every row of a column when any row has them", () => {
    const entry = page(datasets.get("parking")!);
    expect(entry.rows[0]).toEqual(["2017/18", "£1,203,455.00", "£932,966.00", "£270,489.00"]);
    expect(entry.rows[3]).toEqual(["2020/21", "£802,311.17", "£861,366.22", "−£59,055.05"]);
  });

  it("keeps the sidecar's format and prints each payment's day", () => {
    expect(page(datasets.get("budget")!).rows[0]).toEqual(["2020/21", "£120.5m", "−£1.2m"]);
    const invoices = page(datasets.get("invoices")!);
    expect(invoices.rows[0]).toEqual(["T1000", "6 June 2012", "Kier Construction Ltd", "£24,127.78"]);
  });

  it("are kept out of the content store's entry, which holds only what the list of datasets shows", () => {
    const entry = datasetEntry(datasets.get("parking")!, noSite, fixtureRoot, { stories: {} });
    expect(Object.keys(entry)).not.toContain("rows");
    expect(Object.keys(entry)).not.toContain("fields");
    expect(entry.rowCount).toBe(page(datasets.get("parking")!).rows.length);
  });
});
