// A dataset page prints its rows in full: a reader checking a payment sees £1,203,455.00, not £1.2m.
import { describe, expect, it } from "vitest";
import { datasetEntry } from "../../src/site/dataset-entry.ts";
import type { Site } from "../../src/site/site.ts";
import { datasets, fixtureRoot } from "../charts/helpers.ts";

const noSite = { charts: new Map(), stories: [], places: [], published: [] } as unknown as Site;

describe("a dataset page's rows", () => {
  it("prints money in full, with pence on every row of a column when any row has them", () => {
    const entry = datasetEntry(datasets.get("parking")!, noSite, fixtureRoot, { stories: {} });
    expect(entry.rows[0]).toEqual(["2017/18", "£1,203,455.00", "£932,966.00", "£270,489.00"]);
    expect(entry.rows[3]).toEqual(["2020/21", "£802,311.17", "£861,366.22", "−£59,055.05"]);
  });

  it("keeps the sidecar's format and prints each payment's day", () => {
    expect(datasetEntry(datasets.get("budget")!, noSite, fixtureRoot, { stories: {} }).rows[0]).toEqual([
      "2020/21",
      "£120.5m",
      "−£1.2m",
    ]);
    const invoices = datasetEntry(datasets.get("invoices")!, noSite, fixtureRoot, { stories: {} });
    expect(invoices.rows[0]).toEqual(["T1000", "6 June 2012", "Kier Construction Ltd", "£24,127.78"]);
  });
});
