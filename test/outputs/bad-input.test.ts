import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseChartBlock } from "../../src/charts/spec.ts";
import { loadSite } from "../../src/site/site.ts";
import { fixtureRoot } from "./helpers.ts";

// test/fixtures/site-outputs/cases/bad-ids: first.md and second.md both claim `shared-chart`;
// unsafe-id.md names its chart `Counts/2023 rise?`.
const site = loadSite({ root: join(fixtureRoot, "cases", "bad-ids") });
const lines = site.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`);

describe("chart ids, which are permanent URLs", () => {
  it("reports a second chart with the same id at its id, naming the first file and line", () => {
    expect(lines).toContain(
      "content/stories/second.md:13:5: Unexpected second chart with id `shared-chart`, already used at content/stories/first.md:10",
    );
    const duplicate = site.messages.find((m) => m.ruleId === "ChartIdDuplicate")!;
    expect(duplicate.note).toContain("chart ids are permanent URLs and must be unique across the site");
    // The first claim keeps the id: the embed, SVG and PNG URLs stay where they were.
    expect(site.charts.get("shared-chart")?.story).toBe("first");
  });

  it("rejects an id that is not URL-safe at its key's line and column, with the form to use", () => {
    expect(lines).toContain(
      "content/stories/unsafe-id.md:11:5: Unexpected `Counts/2023 rise?` for `id`, expected a lowercase kebab-case id such as `overspend-by-year`",
    );
    expect(site.messages.filter((m) => m.fatal !== false)).toHaveLength(2);
  });

  it("rejects ids with spaces, capitals, slashes, dots or underscores", () => {
    for (const id of ["overspend by year", "Overspend", "a/b", "chart.png", "chart_1", "-leading", "double--hyphen"]) {
      const { spec, messages } = parseChartBlock(`id: "${id}"\ndata: d\ntype: column\nx: a\ny: b\ntitle: T`, {
        file: "story.md",
        fenceLine: 4,
        defaultId: "story-1",
      });
      expect(spec, id).toBeUndefined();
      expect(
        messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
        id,
      ).toEqual(["5:5 ChartInvalidValue"]);
    }
  });
});
