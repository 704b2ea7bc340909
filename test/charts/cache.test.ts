import { cpSync, mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartKey, fileChartCache, type ChartCache } from "../../src/cache/charts.ts";
import { loadDatasets } from "../../src/data/index.ts";
import { renderStory } from "../../src/markdown/story.ts";
import { fixtureRoot } from "./helpers.ts";

const story =
  "---\ntitle: T\ndek: D\nbyline: [R]\npublished: 2024-03-14\n---\n\n```chart\ndata: budget\ntype: column\nx: year\ny: overspend\ntitle: It grew\n```\n";

/** A copy of the chart fixtures and a cache folder, so tests can change files freely. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "plotline-cache-"));
  cpSync(join(fixtureRoot, "data"), join(root, "data"), { recursive: true });
  return { root, cacheDir: join(root, ".cache") };
}

/** Renders the story, counting how many charts were drawn rather than read from the cache. */
function renderCounting(root: string, cache: ChartCache, text = story) {
  let drawn = 0;
  const counting: ChartCache = { get: (key) => cache.get(key), set: (key, chart) => (drawn++, cache.set(key, chart)) };
  const { datasets } = loadDatasets({ root });
  const rendered = renderStory(text, { file: "story.md", slug: "story" }, { datasets, cache: counting });
  return { drawn, html: rendered.html, messages: rendered.messages };
}

describe("the chart cache", () => {
  it("reuses an unchanged chart and gives the same bytes as a cold render", () => {
    const { root, cacheDir } = workspace();
    const cold = renderCounting(root, fileChartCache(cacheDir));
    const warm = renderCounting(root, fileChartCache(cacheDir));
    expect(cold.drawn).toBe(1);
    expect(warm.drawn).toBe(0);
    expect(warm.html).toBe(cold.html);
  });

  it("draws again when a cell, the sidecar or the block changes", () => {
    const { root, cacheDir } = workspace();
    const cache = fileChartCache(cacheDir);
    renderCounting(root, cache);
    writeFileSync(
      join(root, "data/budget.csv"),
      readFileSync(join(root, "data/budget.csv"), "utf8").replace("20.9", "21.9"),
    );
    expect(renderCounting(root, cache).drawn).toBe(1);
    writeFileSync(
      join(root, "data/budget.yml"),
      readFileSync(join(root, "data/budget.yml"), "utf8").replace("£0.0m", "£0.00m"),
    );
    expect(renderCounting(root, cache).drawn).toBe(1);
    expect(renderCounting(root, cache, story.replace("It grew", "It rose")).drawn).toBe(1);
    expect(renderCounting(root, cache).drawn).toBe(0);
  });

  it("redraws a truncated or foreign cache entry instead of serving it", () => {
    const { root, cacheDir } = workspace();
    renderCounting(root, fileChartCache(cacheDir));
    const [entry] = readdirSync(join(cacheDir, "charts"));
    const path = join(cacheDir, "charts", entry!);
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 100));
    const again = renderCounting(root, fileChartCache(cacheDir));
    expect(again.drawn).toBe(1);
    writeFileSync(path, JSON.stringify({ key: "someone else", chart: { drawings: [] } }));
    expect(renderCounting(root, fileChartCache(cacheDir)).drawn).toBe(1);
  });

  it("keys on the renderer's own source as well as the chart", () => {
    const base = { block: "x", defaultId: "s-1", datasetDigest: "d" };
    expect(chartKey(base)).toBe(chartKey({ ...base }));
    expect(chartKey(base)).not.toBe(chartKey({ ...base, datasetDigest: "e" }));
    expect(chartKey(base)).not.toBe(chartKey({ ...base, module: "source" }));
  });
});
