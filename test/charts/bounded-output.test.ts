// Output stays bounded whatever the data: a chart never draws more bars than a reader can find,
// the data table under it prints its first rows only, and no PNG is taller than the cap.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { chartFigure, FIGURE_TABLE_ROWS } from "../../src/charts/figure.ts";
import { renderChart } from "../../src/charts/render.ts";
import { resolveChart } from "../../src/charts/resolve.ts";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { STANDALONE_MAX_HEIGHT, standaloneLayout } from "../../src/charts/standalone.ts";
import { loadDatasets } from "../../src/data/index.ts";
import { lines } from "./helpers.ts";

/** A dataset `many` of `count` suppliers, each with an amount (every seventh one missing). */
function manyRows(count: number) {
  const root = mkdtempSync(join(tmpdir(), "plotline-bounded-"));
  mkdirSync(join(root, "data"));
  const rows = Array.from({ length: count }, (_, i) => `Supplier ${i + 1},${i + 1},${i % 7 === 0 ? "" : i * 10}`);
  writeFileSync(join(root, "data", "many.csv"), `supplier,rank,amount\n${rows.join("\n")}\n`);
  writeFileSync(
    join(root, "data", "many.yml"),
    "title: Many suppliers\nfields:\n  - { name: supplier, type: string }\n  - { name: rank, type: integer }\n" +
      "  - { name: amount, type: number, unit: GBP }\n",
  );
  const { datasets, messages } = loadDatasets({ root });
  expect(messages.filter((m) => m.fatal !== false)).toEqual([]);
  return datasets;
}

function draw(block: string, count: number) {
  const { spec, messages } = parseChartBlock(block, { file: "story.md", fenceLine: 10, defaultId: "story-1" });
  if (!spec) throw new Error(lines(messages).join("\n"));
  return resolveChart(spec, manyRows(count));
}

describe("bounded chart output", () => {
  it("refuses a column chart of more than 60 categories at its `x`, naming aggregate, filter and limit", () => {
    const { chart, messages } = draw("data: many\ntype: column\nx: supplier\ny: amount\ntitle: T\n", 61);
    expect(chart).toBeUndefined();
    expect(lines(messages)).toEqual([
      "story.md:13:4: Unexpected 61 categories in `supplier` for `x`, expected at most 60",
    ]);
    for (const word of ["`aggregate`", "`filter`", "`limit`"]) expect(messages[0]!.note).toContain(word);
  });

  it("refuses a bar chart of too many categories at its `y`, and draws one of 60", () => {
    const bar = "data: many\ntype: bar\ny: supplier\nx: amount\ntitle: T\n";
    expect(lines(draw(bar, 200).messages)).toEqual([
      "story.md:13:4: Unexpected 200 categories in `supplier` for `y`, expected at most 60",
    ]);
    expect(draw(bar, 60).chart).toBeDefined();
  });

  it("draws a dot chart of every row however many there are", () => {
    expect(draw("data: many\ntype: dot\nx: rank\ny: amount\ntitle: T\n", 500).chart).toBeDefined();
  });

  it("prints the first 100 rows of a chart's data table and links the CSV for the rest", () => {
    const { chart } = draw("data: many\ntype: dot\nx: rank\ny: amount\ntitle: T\n", 250);
    const html = toHtml(chartFigure(renderChart(chart!)));
    expect(html.match(/<tr>/g)).toHaveLength(FIGURE_TABLE_ROWS + 1);
    expect(html).toContain('And 150 more rows: <a href="/data/many.csv">download the CSV</a>.');
  });

  it("names a few missing figures in the chart's note, then says how many more", () => {
    const rendered = renderChart(draw("data: many\ntype: dot\nx: rank\ny: amount\ntitle: T\n", 700).chart!);
    const note = rendered.notes.find((n) => n.startsWith("No figure"))!;
    expect(note).toMatch(/^No figure is available for 1; 8; 15; .* and 90 more; they are left blank/);
  });

  it("never lays out an image taller than the cap, keeping the source line", () => {
    const rendered = renderChart(draw("data: many\ntype: bar\ny: supplier\nx: amount\ntitle: T\n", 60).chart!);
    const long = { ...rendered, notes: Array.from({ length: 400 }, (_, i) => `Note number ${i} about the data.`) };
    const layout = standaloneLayout(long);
    expect(layout.height).toBeLessThanOrEqual(STANDALONE_MAX_HEIGHT);
    expect(layout.chart.y + layout.chart.height).toBeLessThan(STANDALONE_MAX_HEIGHT);
    expect(layout.lines.at(-1)!.text).toMatch(/^Source: /);
    expect(layout.lines.at(-1)!.y).toBeLessThan(STANDALONE_MAX_HEIGHT);
    expect(layout.lines.some((l) => /notes do not fit here/.test(l.text))).toBe(true);
  });
});
