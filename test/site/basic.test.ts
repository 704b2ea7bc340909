import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuildResult } from "../build-helper.ts";

describe("a whole site built from test/fixtures/site-basic", () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await buildFixture("site-basic");
  });

  it("builds without errors", () => {
    expect(site.output).not.toMatch(/error/i);
    expect(site.status).toBe(0);
  });

  it("prints a few lines per phase, not Astro's list of every page nor colour codes", () => {
    expect(site.output).toMatch(/^Writing pages: \d+ pages \(/m);
    expect(site.output).not.toContain("├─");
    expect(site.output).not.toMatch(/\u001b\[/);
  });

  it("lists published stories newest first on the front page, without drafts", () => {
    const home = site.read("index.html");
    const first =
      home.indexOf("The trust&#39;s overspend grew") >= 0
        ? home.indexOf("The trust&#39;s overspend grew")
        : home.indexOf("The trust's overspend grew");
    expect(first).toBeGreaterThan(0);
    expect(home.indexOf("An older story")).toBeGreaterThan(first);
    expect(home).not.toContain("A draft");
  });

  it("writes the story page with dek, byline, dates and corrections at the top", () => {
    const page = site.read("stories/trust-overspend/index.html");
    expect(page).toContain("A test story with two charts");
    expect(page).toContain("By Test Reporter and Second Reporter");
    expect(page).toContain('<time datetime="2024-03-14">14 March 2024</time>');
    expect(page).toContain('<time datetime="2024-03-20">20 March 2024</time>');
    expect(page.indexOf("An earlier version gave the wrong year")).toBeLessThan(page.indexOf("The trust spent more"));
  });

  it("inlines each chart as a figure with its id, caption, accessible SVG, source and data table", () => {
    const page = site.read("stories/trust-overspend/index.html");
    expect(page).toMatch(/<figure class="chart" id="overspend-by-year">/);
    expect(page).toMatch(/<figure class="chart" id="trust-overspend-2">/);
    expect(page).toContain('<span class="chart-title">The overspend grew every year</span>');
    expect(page).toMatch(/<svg [^>]*aria-labelledby="overspend-by-year-wide-title" role="img"/);
    expect(page).toContain("Source: Test council report (2024)");
    expect(page).toContain("Note: Figures are forecasts made before each year closed.");
    expect(page).toMatch(/<details class="chart-panel chart-data"><summary>Data table<\/summary>/);
  });

  it("ships no script on story, topic and front pages, and strips script from markdown", () => {
    for (const path of ["index.html", "stories/trust-overspend/index.html", "topics/council-finance/index.html"]) {
      expect(site.read(path)).not.toMatch(/<script/i);
    }
    expect(site.read("stories/trust-overspend/index.html")).toContain("<em>emphasis</em>");
  });

  it("keeps GFM tables and footnotes", () => {
    const page = site.read("stories/trust-overspend/index.html");
    expect(page).toContain("<table>");
    expect(page).toMatch(/data-footnotes/);
  });

  it("writes a page per topic with its stories", () => {
    const topic = site.read("topics/council-finance/index.html");
    expect(topic).toContain("An older story about budgets");
    expect(topic).toContain("trust-overspend");
    expect(site.read("topics/childrens-services/index.html")).not.toContain("An older story");
  });

  it("copies public/ into the site, and every page names the site's icon", () => {
    expect(site.read("favicon.svg")).toContain("<svg");
    expect(site.read("index.html")).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  });
});
