// The dataset cache: a dataset whose bytes did not change is read back, not parsed again, and is
// the same dataset (dates, missing values, derived columns) as one read from its files.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileDatasetCache } from "../../src/cache/datasets.ts";
import { loadDatasets, type DatasetStore } from "../../src/data/index.ts";
import { fixtureRoot } from "./helpers.ts";

/** A copy of the chart fixtures' data and a cache folder, so tests can change files freely. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "plotline-dataset-cache-"));
  cpSync(join(fixtureRoot, "data"), join(root, "data"), { recursive: true });
  return { root, cacheDir: join(root, ".cache") };
}

/** Loads every dataset through `store`, counting how many were parsed rather than read back. */
function loadCounting(root: string, store: DatasetStore) {
  let parsed = 0;
  const counting: DatasetStore = { get: (b) => store.get(b), set: (b, d) => (parsed++, store.set(b, d)) };
  return { ...loadDatasets({ root, today: "2026-12-07", store: counting }), parsed };
}

describe("the dataset cache", () => {
  it("reads an unchanged dataset back equal to one parsed from its files", () => {
    const { root, cacheDir } = workspace();
    const plain = loadDatasets({ root, today: "2026-12-07" });
    const cold = loadCounting(root, fileDatasetCache(cacheDir));
    const warm = loadCounting(root, fileDatasetCache(cacheDir));
    expect(cold.parsed).toBe(plain.datasets.size);
    expect(warm.parsed).toBe(0);
    expect(warm.datasets).toEqual(plain.datasets);
    // Same keys in the same order, dates as dates: what pages print from it is the same.
    for (const [id, dataset] of plain.datasets) {
      expect(JSON.stringify(warm.datasets.get(id))).toBe(JSON.stringify(dataset));
    }
  });

  it("parses again when a cell, the sidecar or the day changes", () => {
    const { root, cacheDir } = workspace();
    const cache = fileDatasetCache(cacheDir);
    loadCounting(root, cache);
    appendFileSync(join(root, "data", "budget.csv"), "");
    expect(loadCounting(root, cache).parsed).toBe(0);
    writeFileSync(join(root, "data", "budget.yml"), `# a comment\n${readText(root, "budget.yml")}`);
    expect(loadCounting(root, cache).parsed).toBe(1);
    const nextDay = loadDatasets({ root, today: "2026-12-08", store: cache });
    expect(nextDay.datasets.size).toBeGreaterThan(0);
    expect(readdirSync(join(cacheDir, "datasets")).length).toBeGreaterThan(nextDay.datasets.size);
  });

  it("never keeps a dataset with a problem, so its messages come every time", () => {
    const { root, cacheDir } = workspace();
    writeFileSync(join(root, "data", "broken.csv"), "year,budget\n2020/21,lots\n");
    writeFileSync(
      join(root, "data", "broken.yml"),
      "title: Broken\nfields:\n  - { name: year, type: period }\n  - { name: budget, type: number }\n",
    );
    const cache = fileDatasetCache(cacheDir);
    const first = loadDatasets({ root, store: cache }).messages.filter((m) => m.file === "data/broken.csv");
    const second = loadDatasets({ root, store: cache }).messages.filter((m) => m.file === "data/broken.csv");
    expect(first.length).toBeGreaterThan(0);
    expect(second.map(String)).toEqual(first.map(String));
  });
});

const readText = (root: string, name: string) => readFileSync(join(root, "data", name), "utf8");
