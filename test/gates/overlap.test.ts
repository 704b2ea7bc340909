// Gate 9, text that collides (issue 18): on every chart of the test sites (story and embed pages,
// the narrow drawing at 320 px and the wide one at 1,280 px, as CSS chooses) and in every
// standalone SVG (which the PNGs are drawn from), Chromium measures every text box, and no two
// may overlap and none may leave its SVG. The charts-gate fixture holds every kind with
// negatives, long labels, many series, highlights and annotations.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { fontFiles } from "../../src/charts/png/render.ts";
import { launchChromium } from "./browser.ts";
import { listPages } from "./pages.ts";
import { serveSite, type StaticServer } from "./server.ts";
import { measureSvgs, textProblems, type MeasuredSvg } from "./text-boxes.ts";

const SITES = { seed: inject("seed"), hostile: inject("hostile"), "charts-gate": inject("chartsGate") };
const WIDTHS = [320, 1280] as const;

const servers = new Map<string, StaticServer>();
let browser: Browser;
// One context per viewport, a tab per test (a context per test cost a second each).
const contexts = new Map<number, BrowserContext>();
const STANDALONE = 700;
beforeAll(async () => {
  browser = await launchChromium();
  for (const [name, site] of Object.entries(SITES)) servers.set(name, await serveSite(site.outDir));
  for (const width of [...WIDTHS, STANDALONE])
    contexts.set(width, await browser.newContext({ viewport: { width, height: 900 } }));
});

// What the gate measured, for the note: printed once every test has run.
const measured = { pageCharts: 0, standalone: 0, texts: 0 };
afterAll(async () => {
  console.log(
    `overlap gate: ${measured.pageCharts} chart drawings on pages and ${measured.standalone} standalone SVGs, ` +
      `${measured.texts} text boxes measured`,
  );
  for (const context of contexts.values()) await context.close();
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

function count(svgs: MeasuredSvg[], into: "pageCharts" | "standalone") {
  measured[into] += svgs.length;
  for (const svg of svgs) measured.texts += svg.texts.length;
}

// The standalone SVG names Inter, which the PNG is drawn with; Chromium gets the same font files,
// so what is measured here is what the PNG shows.
const interFaces = fontFiles
  .map(
    (file) =>
      `@font-face { font-family: Inter; font-weight: ${/700Bold/.test(file) ? 700 : 400}; ` +
      `src: url(data:font/ttf;base64,${readFileSync(file).toString("base64")}); }`,
  )
  .join("\n");

describe.each(Object.entries(SITES))("the %s site", (name, site) => {
  const pages = listPages(site.outDir).filter((p) => p.type === "story" || p.type === "embed");
  const svgs = (readdirSync(join(site.outDir, "charts")) as string[]).filter((f) => f.endsWith(".svg")).sort();

  it("has charts to measure", ({ expect }) => {
    expect(pages.length).toBeGreaterThan(0);
    expect(svgs.length).toBeGreaterThan(0);
  });

  const cases = pages.flatMap((page) =>
    WIDTHS.map((width) => [`${page.url} at ${width} px`, page.url, width] as const),
  );
  it.concurrent.for(cases)(
    "%s draws no chart text over another or outside its chart",
    async ([, url, width], { expect }) => {
      const tab = await contexts.get(width)!.newPage();
      try {
        await tab.goto(`${servers.get(name)!.origin}${url}`);
        const drawn = await measureSvgs(tab, "figure.chart .chart-drawing > svg");
        count(drawn, "pageCharts");
        expect(drawn.flatMap((svg) => textProblems(svg, `${width} px`))).toEqual([]);
      } finally {
        await tab.close();
      }
    },
  );

  it.concurrent.for(svgs)("/charts/%s draws no text over another or outside the image", async (file, { expect }) => {
    const tab = await contexts.get(STANDALONE)!.newPage();
    try {
      await tab.goto(`${servers.get(name)!.origin}/charts/${file}`);
      await tab.evaluate(async (css) => {
        const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
        style.textContent = css;
        document.documentElement.prepend(style);
        await Promise.all([...document.fonts].map((font) => font.load()));
        await document.fonts.ready;
      }, interFaces);
      const drawn = await measureSvgs(tab, ":root");
      count(drawn, "standalone");
      expect(drawn).toHaveLength(1);
      expect(textProblems(drawn[0]!, "600 px (standalone SVG)")).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
