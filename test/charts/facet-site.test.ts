// Small multiples through the whole pipeline: test/fixtures/site-facets built as a newsroom builds
// it, its charts on the story page, embed page, standalone SVG and PNG, and in Chromium at 320
// and 1280 px no text box of a chart drawn over another or past the chart's edge.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuildResult } from "../build-helper.ts";
import { launchChromium, openView, VIEWS, viewName } from "../gates/browser.ts";
import { serveSite, type StaticServer } from "../gates/server.ts";

const ids = [
  "care-rate-by-council",
  "spend-per-child-by-region",
  "care-rate-strip-by-region",
  "spend-by-council-first-last",
];
const STORY = "/stories/small-multiples/";

let site: BuildResult;
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  site = await buildFixture("site-facets");
  if (site.status !== 0) throw new Error(site.output);
  [browser, server] = await Promise.all([launchChromium(), serveSite(site.outDir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the small multiples of test/fixtures/site-facets", () => {
  it("puts each facet chart on the story page at both sizes, with its data table's facet column first", () => {
    const page = site.read(`${STORY}index.html`);
    for (const id of ids) expect(page).toContain(`<figure class="chart" id="${id}">`);
    expect(page.match(/class="facet-panel"/g)?.length).toBe(2 * (9 + 6 + 3 + 2 + 2));
    expect(page).toContain('<th scope="col">Council</th><th scope="col">Year</th>');
  });

  it("travels: an embed page, a standalone SVG and a 1200 px PNG for each chart", () => {
    for (const id of ids) {
      expect(site.read(`/embed/${id}/index.html`)).toContain('class="facet-title"');
      expect(site.read(`/charts/${id}.svg`)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const png = readFileSync(join(site.outDir, "charts", `${id}.png`));
      expect(png.readUInt32BE(16)).toBe(1200);
      expect(existsSync(join(site.outDir, "charts", `${id}.png`))).toBe(true);
    }
  });

  for (const view of VIEWS.filter((v) => v.scheme === "light")) {
    it(`draws no chart text over other text or past the chart's edge at ${viewName(view)}`, async () => {
      const context = await openView(browser, view);
      const page = await context.newPage();
      await page.goto(`${server.origin}${STORY}`);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        for (const svg of document.querySelectorAll<SVGSVGElement>(".chart-drawing svg")) {
          if (!svg.getClientRects().length) continue; // the drawing CSS hides at this width
          const figure = svg.closest("figure")?.id;
          const edge = svg.getBoundingClientRect();
          const boxes = [...svg.querySelectorAll("text")]
            .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.height > 0);
          boxes.forEach(({ text, box }, i) => {
            if (box.left < edge.left - 1 || box.right > edge.right + 1)
              found.push(`${figure}: "${text}" past the edge`);
            for (const other of boxes.slice(i + 1)) {
              const across = Math.min(box.right, other.box.right) - Math.max(box.left, other.box.left);
              const down = Math.min(box.bottom, other.box.bottom) - Math.max(box.top, other.box.top);
              if (across > 1 && down > 1) found.push(`${figure}: "${text}" over "${other.text}"`);
            }
          });
        }
        if (document.documentElement.scrollWidth > window.innerWidth) found.push("the page scrolls sideways");
        return found;
      });
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
