// A place template over 152 councils (test/fixtures/site-places, a fixture: the councils and rates
// are made up, four suppressed and several tied), built through the real pipeline: a page per
// place, each with its place highlighted and ranked, an index grouped by region, search, and a
// partial build after an edit to the template alone.
import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, projectRoot, scratchDir } from "../build-helper.ts";

const csv = readFileSync(join(projectRoot, "test/fixtures/site-places/data/councils.csv"), "utf8");
const councils = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code, name, region, rate] = line.split(",");
    return { code: code!, name: name!, region: region!, rate: rate! };
  });
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

describe("a place template of 152 councils", () => {
  it("builds a page per place with its place highlighted, an index by region, and rebuilds only its pages after an edit", async () => {
    const scratch = scratchDir();
    const root = join(scratch, "content-root");
    cpSync(join(projectRoot, "test", "fixtures", "site-places"), root, { recursive: true });
    const outDir = join(scratch, "dist");
    const env = { PLOTLINE_CACHE_DIR: join(scratch, "cache") };
    const first = await buildFixture(root, outDir, env);
    expect(first.status, first.output).toBe(0);
    // Search: the story and every place page.
    expect(first.output).toContain("153 pages indexed");

    for (const council of councils) {
      const page = first.read(`places/councils/${slug(council.name)}/index.html`);
      expect(page).toContain(`<h1 data-pagefind-meta="title">${council.name}: how its rate compares</h1>`);
      // The dot strip names the highlighted council beside its dot; its id is the place's own.
      expect(page).toContain(`id="councils-${slug(council.name)}-1"`);
      expect(page).not.toContain("<script");
      if (council.rate === "c") {
        expect(page).toContain(`No figure for the rate in ${council.name} was published, so it is not ranked`);
        expect(page).toContain(`The rate in ${council.name} was not published.`);
      } else
        expect(page).toMatch(
          new RegExp(`The rate in ${council.name} was ${Number(council.rate.replace("%", ""))}%, (the|joint) `),
        );
    }
    const northants = first.read("places/councils/northamptonshire/index.html");
    expect(northants).toContain("Northamptonshire is");
    expect(first.read("charts/councils-northamptonshire-1.svg")).toContain("Northamptonshire");
    expect(first.read("embed/councils-northamptonshire-2/index.html")).toContain(
      'href="/places/councils/northamptonshire/#councils-northamptonshire-2"',
    );
    expect(statSync(join(outDir, "charts/councils-northamptonshire-3.png")).size).toBeGreaterThan(1000);

    // The index: one section per region, in order, each listing its councils, with a jump list.
    const index = first.read("places/councils/index.html");
    const regions = [...new Set(councils.map((c) => c.region))].sort();
    const headings = [...index.matchAll(/<h2 id="group-\d+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(regions.map((r) => r.replace(/&/g, "&amp;")));
    expect(index.match(/<a href="#group-\d+">/g)).toHaveLength(regions.length);
    // Each group ends with a way back to the jump list, for a reader scrolling on a phone.
    expect(index.match(/<a href="#groups">Back to the regions<\/a>/g)).toHaveLength(regions.length);
    for (const council of councils) expect(index).toContain(`href="/places/councils/${slug(council.name)}/"`);
    expect(first.read("index.html")).toContain('href="/places/councils/"');
    expect(first.read("sitemap-0.xml")).toContain("/places/councils/northamptonshire/");
    expect(first.read("data/councils/index.html")).toContain('href="/places/councils/"');

    // The template edited: only its pages are built again; the story is kept from the last site.
    const template = join(root, "content", "places", "councils.md");
    writeFileSync(
      template,
      readFileSync(template, "utf8").replace("among every council in the test", "among all councils in the test"),
    );
    const storyPage = join(outDir, "stories/about-the-rates/index.html");
    const storyBefore = statSync(storyPage).ino;
    const partial = await buildFixture(root, outDir, env);
    expect(partial.status, partial.output).toBe(0);
    expect(partial.output).toContain("Building 1 changed stories; keeping 1 from the last build.");
    expect(partial.read("places/councils/leeds/index.html")).toContain("among all councils in the test");
    expect(statSync(storyPage).ino).toBe(storyBefore);
    expect(partial.read("sitemap-0.xml")).toContain("/stories/about-the-rates/");
    expect(partial.read("sitemap-0.xml")).toContain("/places/councils/leeds/");
  }, 900_000);
});
