// A place template's own dataset counts as used by its pages however they use it: in
// test/fixtures/site-place-placeholders the `wards` template reads its dataset only through
// `{place.<column>}` placeholders and `:rank` (its chart and `:value` name another dataset, and no
// story uses it), yet the index links to the dataset's page, which must therefore exist.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuildResult } from "../build-helper.ts";

const WARDS = ["abington", "brixworth", "castle", "delapre", "eastfield"];

let site: BuildResult;
beforeAll(async () => {
  site = await buildFixture("site-place-placeholders");
  if (site.status !== 0) throw new Error(site.output);
});

describe("a place template whose dataset appears only through placeholders and :rank", () => {
  it("fills the placeholders and ranks each place from the dataset", () => {
    const castle = site.read("places/wards/castle/index.html");
    expect(castle).toContain("Castle is in the South, where turnout was 32.1%. In Castle itself it was 35%.");
    expect(castle).toContain("The turnout in Castle was 35%, the highest of 4 wards.");
    expect(site.read("places/wards/delapre/index.html")).toContain(
      "No figure for the turnout in Delapre was published",
    );
  });

  it("publishes the dataset: its page, downloads, data index entry and sitemap entry", () => {
    for (const file of ["data/wards/index.html", "data/wards.csv", "data/wards.yml", "data/wards.datapackage.json"])
      expect(existsSync(join(site.outDir, file)), file).toBe(true);
    expect(site.read("data/index.html")).toContain('href="/data/wards/"');
    expect(site.read("sitemap-0.xml")).toContain("/data/wards/");
  });

  it("lists the template's pages on the dataset's page, and the index links to that page", () => {
    expect(site.read("data/wards/index.html")).toMatch(/<a href="\/places\/wards\/">Turnout in every ward<\/a>/);
    expect(site.read("places/wards/index.html")).toContain('<a href="/data/wards/">Test ward turnout</a>');
  });

  it("leaves no link on any page of the site pointing at a page that was not built", () => {
    const pages = readdirSync(site.outDir, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".html"));
    expect(pages).toEqual(expect.arrayContaining(WARDS.map((w) => join("places", "wards", w, "index.html"))));
    const broken: string[] = [];
    for (const page of pages) {
      for (const [, href] of site.read(page).matchAll(/href="(\/[^"#?]*)/g)) {
        const target = join(site.outDir, href!);
        if (!existsSync(target.endsWith("/") ? join(target, "index.html") : target)) broken.push(`${page}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
