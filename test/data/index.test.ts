import { describe, expect, it } from "vitest";
import * as data from "../../src/data/index.ts";
import { digestDataset, formatValue, loadDataset, loadDatasets } from "../../src/data/index.ts";
import { fixtureRoot, printed, tempProject } from "./helpers.ts";

const SIDECAR = "title: Budget\nfields:\n  - { name: year, type: period }\n  - { name: budget, type: number }\n";

describe("the data layer's public API", () => {
  it("exports exactly the loaders, printers and period helpers", () => {
    expect(Object.keys(data).sort()).toEqual([
      "DEFAULT_DATE_FORMAT",
      "MISSING",
      "PERIOD_EXAMPLES",
      "aggregateNames",
      "comparePeriods",
      "digestDataset",
      "exactNumberFormatter",
      "formatColumn",
      "formatValue",
      "loadDataset",
      "loadDatasets",
      "lookupCell",
      "numberFormatter",
      "parseDatePattern",
      "parseNumberFormat",
      "parsePeriod",
    ]);
  });
});

describe("loadDataset", () => {
  const { dataset, messages } = loadDataset({ root: fixtureRoot("valid"), id: "council-budget" });

  it("reads a messy but valid CSV with its sidecar without a message", () => {
    expect(printed(messages)).toEqual([]);
    expect(dataset?.id).toBe("council-budget");
  });

  it("gives project-relative paths and the editor line of each row", () => {
    expect(dataset?.csvPath).toBe("data/council-budget.csv");
    expect(dataset?.sidecarPath).toBe("data/council-budget.yml");
    expect(dataset?.rowLines).toEqual([3, 4, 5]);
  });

  it("types every cell by its field, scales it, and derives columns in order", () => {
    expect(dataset?.rows[0]).toEqual({
      year: "2022/23",
      service: "Children's services",
      budget: 1_130_500_000,
      outturn: 150_900_000,
      staff: 1323,
      vacancy_rate: 32.4,
      published: new Date(Date.UTC(2023, 0, 5)),
      overspend: -979_600_000,
      overspend_pct: -86.6519239274657,
    });
    expect(dataset?.rows[1]).toMatchObject({
      budget: -12_000_000,
      outturn: -3_250_000,
      staff: 1400,
      vacancy_rate: null,
    });
  });

  it("turns declared missing values into null and a derived value from a missing input into null", () => {
    expect(dataset?.rows[2]).toMatchObject({ outturn: null, overspend: null, overspend_pct: null });
  });

  it("stops the table at the first blank row, leaving the notes below it out", () => {
    expect(dataset?.rows).toHaveLength(3);
  });

  it("lists declared fields in sidecar order, then derived ones, with their sidecar positions", () => {
    expect(dataset?.fields.map((f) => [f.name, f.line, f.column])).toEqual([
      ["year", 13, 5],
      ["service", 16, 5],
      ["budget", 18, 5],
      ["outturn", 23, 5],
      ["staff", 28, 5],
      ["vacancy_rate", 31, 5],
      ["published", 35, 5],
      ["overspend", 39, 5],
      ["overspend_pct", 43, 5],
    ]);
    expect(dataset?.fields.find((f) => f.name === "service")?.title).toBe("service");
    expect(dataset?.fields.find((f) => f.name === "overspend")?.expression).toBe("outturn - budget");
  });

  it("keeps the sidecar's provenance and how the file was read", () => {
    expect(dataset).toMatchObject({
      title: "Council budget and outturn",
      source: { name: "Example Council", url: "https://example.org/accounts", published: "2024-03-01" },
      licence: "OGL-UK-3.0",
      notes: ["Figures are in millions of pounds."],
      updated: "2024-06-01",
      primaryKey: ["year", "service"],
      encoding: "utf-8",
      headerRow: 2,
      missingValues: ["", "n/a"],
    });
  });

  it("prints each value by its field's format", () => {
    const row = dataset!.rows[0]!;
    const printedRow = dataset!.fields.map((f) => formatValue(row[f.name] ?? null, f));
    expect(printedRow).toEqual([
      "2022/23",
      "Children's services",
      "£1130.5m",
      "£150.9m",
      "1,323",
      "32.4%",
      "5 January 2023",
      "−£979.6m",
      "−86.7%",
    ]);
  });

  it("digests the CSV bytes followed by the sidecar bytes", () => {
    const root = tempProject({ "b.csv": "year,budget\n2023,1\n", "b.yml": SIDECAR });
    const { dataset: b } = loadDataset({ root, id: "b" });
    const expected = digestDataset(Buffer.from("year,budget\n2023,1\n"), Buffer.from(SIDECAR));
    expect(b?.digest).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("returns no dataset when there is an error, so nothing is drawn from bad data", () => {
    const result = loadDataset({ root: fixtureRoot("number-words"), id: "budget" });
    expect(result.dataset).toBeUndefined();
    expect(result.messages.length).toBeGreaterThan(0);
  });
});

describe("loadDatasets", () => {
  it("loads every dataset in data/, sorted by id", () => {
    const root = tempProject({
      "zeta.csv": "year,budget\n2023,1\n",
      "zeta.yml": SIDECAR,
      "alpha.csv": "year,budget\n2023,2\n",
      "alpha.yml": SIDECAR,
      "README.md": "not a dataset",
    });
    const { datasets, messages } = loadDatasets({ root });
    expect(messages).toEqual([]);
    expect([...datasets.keys()]).toEqual(["alpha", "zeta"]);
  });

  it("reports a CSV without a sidecar, a sidecar without a CSV and a name that is not kebab-case", () => {
    const root = tempProject({
      "orphan.csv": "year,budget\n2023,1\n",
      "lonely.yml": SIDECAR,
      "Council Budget.csv": "year,budget\n2023,1\n",
      "Council Budget.yml": SIDECAR,
    });
    expect(printed(loadDatasets({ root }).messages)).toEqual([
      "data/Council Budget.csv:1:1: error: Unexpected dataset name `Council Budget`, expected lowercase kebab-case  [DatasetIdInvalid]\n" +
        "  hint: rename the CSV and its sidecar to `council-budget.csv` and `council-budget.yml`",
      "data/lonely.yml:1:1: error: Missing CSV for sidecar `lonely`  [CsvMissing]\n" +
        "  hint: add `data/lonely.csv` or delete the sidecar",
      "data/orphan.csv:1:1: error: Missing sidecar for dataset `orphan`  [SidecarMissing]\n" +
        "  hint: create `data/orphan.yml` with a `title`, a `source` and a `fields` list (see docs/authoring.md)",
    ]);
  });

  it("collects the problems of every file instead of stopping at the first", () => {
    const root = tempProject({
      "one.csv": "year,budget\n2023,lots\n",
      "one.yml": SIDECAR,
      "two.csv": "year,budget,extra\n2023,1,x\n",
      "two.yml": SIDECAR,
      "three.csv": "year,budget\n2023,3\n",
      "three.yml": SIDECAR,
    });
    const { datasets, messages } = loadDatasets({ root });
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      "data/one.csv:2:6 CellInvalid",
      "data/two.csv:1:13 CsvColumnUndeclared",
    ]);
    expect([...datasets.keys()]).toEqual(["three"]);
  });

  it("gives an empty result for a project without data/", () => {
    const root = tempProject({});
    expect(loadDatasets({ root: `${root}/nowhere` })).toEqual({ datasets: new Map(), messages: [] });
  });
});

describe("messages", () => {
  it("carry the file, position, rule, bad value, expectation and fix, and no stack trace in print", () => {
    const [message] = loadDataset({ root: fixtureRoot("number-words"), id: "budget" }).messages;
    expect(message).toMatchObject({
      file: "data/budget.csv",
      line: 2,
      column: 9,
      ruleId: "CellInvalid",
      source: "plotline",
      fatal: true,
      actual: "£1.2bn",
      expected: ["a number in millions"],
      note: "write `1200`, since the column is in millions (`scale: 1000000`), or change the field's scale",
    });
    expect(printed([message!])[0]).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("keep each row's cells as written, for matching text against the file", () => {
    const { dataset } = loadDataset({ root: fixtureRoot("valid"), id: "council-budget" });
    expect(dataset?.cells?.[0]).toMatchObject({
      year: "2022/23",
      budget: "£1,130.5",
      staff: "1,323",
      published: "05/01/2023",
    });
  });
});
