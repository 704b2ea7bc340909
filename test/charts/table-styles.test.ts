// The table chart's styles travel only with a table: test/fixtures/site-tables built as a newsroom
// builds it (a story with a table, one without, place pages with one), and every page's inlined
// styles compared with what the page shows.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuildResult } from "../build-helper.ts";

/** What only table-chart.css has, as the minified stylesheet writes it. */
const TABLE_RULE = ".chart-table{position:relative}";
const styles = (html: string) => [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]!);

let site: BuildResult;
beforeAll(async () => {
  site = await buildFixture("site-tables");
  if (site.status !== 0) throw new Error(site.output);
});

describe("the table chart's styles", () => {
  it("are inlined on the story, place and embed pages that show a table chart and on no other page", () => {
    const pages = readdirSync(site.outDir, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".html"))
      .sort();
    const withTable = pages.filter((path) => site.read(path).includes('class="chart-table'));
    expect(withTable).toEqual([
      "embed/services-adult-social-care-1/index.html",
      "embed/services-children-s-social-care-1/index.html",
      "embed/services-libraries-1/index.html",
      "embed/services-table/index.html",
      "embed/services-waste-collection-1/index.html",
      "places/services/adult-social-care/index.html",
      "places/services/children-s-social-care/index.html",
      "places/services/libraries/index.html",
      "places/services/waste-collection/index.html",
      "stories/with-table/index.html",
    ]);
    for (const path of pages) {
      const inlined = styles(site.read(path)).filter((css) => css.includes(TABLE_RULE));
      expect(inlined, path).toHaveLength(withTable.includes(path) ? 1 : 0);
    }
  });

  it("come before the site's stylesheet, each cell rule outranking `.prose th` rather than tying with it", () => {
    const [table, site_] = styles(site.read("stories/with-table/index.html"));
    expect(table).toContain(TABLE_RULE);
    expect(site_).toContain(".prose th,.prose td{");
    expect(table).toContain(".chart-table table th,.chart-table table td{");
    expect(table).not.toMatch(/(^|[},])\.chart-table t[hd][,{]/);
  });

  it("bring the embed page's scrolling frame and the colour scale's shades, light and dark", () => {
    const [table] = styles(site.read("embed/services-table/index.html"));
    expect(table).toContain(".embed .chart-table{");
    expect(table).toMatch(
      /\.shade-4\{background:#85b0de\}.*prefers-color-scheme:dark.*\.shade-4\{background:#2e538a\}/,
    );
  });

  it("are allowed by the page's Content-Security-Policy", () => {
    const policy = site.read(join("stories", "with-table", "index.html")).match(/content="([^"]*style-src[^"]*)"/)?.[1];
    expect(policy).toMatch(/style-src 'self' 'unsafe-inline'/);
  });
});
