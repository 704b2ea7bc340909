// Gate 2, what a reader meets in Chromium: axe-core at WCAG 2.2 AA on one page of every type at
// 320 and 1280 px in light and dark, every link and <details> summary reachable by Tab with a
// visible focus indicator, and screenshots of a story in each view for a person to look at.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../build-helper.ts";
import { launchChromium, openView, viewName, VIEWS, watchCsp } from "./browser.ts";
import { gateIt } from "./gate.ts";
import { walkByTab } from "./keyboard.ts";
import { listPages, onePerType } from "./pages.ts";
import { serveSite, type StaticServer } from "./server.ts";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const SCREENSHOTS = join(projectRoot, "test-results", "screenshots");

const seed = inject("seed");
const allPages = listPages(seed.outDir);
const pages = onePerType(allPages);
// The story with the most charts shows the most in a screenshot.
const story = allPages.filter((p) => p.type === "story").sort((a, b) => chartCount(b.file) - chartCount(a.file))[0];

function chartCount(file: string): number {
  return (readFileSync(join(seed.outDir, file), "utf8").match(/<figure class="chart/g) ?? []).length;
}

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveSite(seed.outDir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const describeViolation = (v: Result) =>
  `${v.id} (${v.impact}): ${v.help}\n` +
  v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n");

it("has one page of each type to look at, including a story with charts", () => {
  expect(pages.map((p) => p.type)).toEqual(expect.arrayContaining(["home", "story", "topic"]));
  expect(story && chartCount(story.file)).toBeGreaterThan(0);
});

// Pages load and axe runs two at a time (maxConcurrency in vitest.config.ts): Chromium's tabs
// then use both cores. Concurrent tests take `expect` from their own context.
describe.concurrent.each(VIEWS.map((v) => [viewName(v), v] as const))("at %s", (_, view) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openView(browser, view);
  });
  afterAll(() => context?.close());

  // Every page in two opposite views (wide and light, narrow and dark), where content-driven
  // problems (a chart colour, a duplicate id in one story) show; one page of each type in the
  // other two, which only the layout and the colour scheme tell apart.
  const everyPage = (view.width === 1280) === (view.scheme === "light");
  it.for((everyPage ? allPages : pages).map((p) => [p.url, p] as const))(
    "%s has no axe-core violations at WCAG 2.2 AA, and breaks none of its Content-Security-Policy",
    async ([, page], { expect }) => {
      const tab = await context.newPage();
      const csp = watchCsp(tab);
      await tab.goto(`${server.origin}${page.url}`);
      // Legacy mode runs axe in the page itself instead of finishing in a second blank page:
      // half the time, and our pages have no frames for the newer mode to reach into.
      const results = await new AxeBuilder({ page: tab }).setLegacyMode(true).withTags(WCAG_22_AA).analyze();
      await tab.close();
      expect(results.violations.map(describeViolation)).toEqual([]);
      expect(csp).toEqual([]);
    },
  );

  it("saves a full-page screenshot of a story to test-results/screenshots", async ({ expect }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}${story!.url}`);
    const path = join(SCREENSHOTS, `story-${view.width}-${view.scheme}.png`);
    await tab.screenshot({ path, fullPage: true });
    await tab.close();
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});

// Layout at the narrowest width, on every page (long words and labels live in content, so one page
// of a type says little about the rest). Colour does not change layout, so light mode suffices.
describe("at 320 px, every page", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await openView(browser, { width: 320, scheme: "light" });
  });
  afterAll(() => context?.close());

  // One visit a page serves both checks below.
  const layouts = new Map<string, Promise<{ overflow: number; cut: string[]; small: string[] }>>();
  const layoutOf = (url: string) => {
    if (!layouts.has(url)) layouts.set(url, measureLayout(url));
    return layouts.get(url)!;
  };
  async function measureLayout(url: string) {
    const tab = await context.newPage();
    await tab.goto(`${server.origin}${url}`);
    const layout = await tab.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      cut: [...document.querySelectorAll("svg text")]
        .filter((text) => text.checkVisibility())
        .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }))
        .filter(({ box }) => box.left < -0.5 || box.right > window.innerWidth + 0.5)
        .map(({ text, box }) => `"${text}" drawn from ${Math.round(box.left)} to ${Math.round(box.right)} px`),
      // The size a reader sees: the font size in the SVG's own units times the scale the page
      // draws the SVG at (the narrow drawing is 320 units wide in a column narrower than that).
      small: [...document.querySelectorAll("svg text")]
        .filter((text) => text.checkVisibility())
        .map((text) => ({
          text: text.textContent,
          px: parseFloat(getComputedStyle(text).fontSize) * ((text as SVGTextElement).getScreenCTM()?.a ?? 1),
        }))
        .filter(({ px }) => px < 12 - 0.05)
        .map(({ text, px }) => `"${text}" at ${px.toFixed(1)} px`),
    }));
    await tab.close();
    return layout;
  }

  for (const page of allPages) {
    // WCAG 1.4.10 Reflow, which axe does not test: nothing may push the page sideways (a wide
    // data table may scroll inside its own box).
    gateIt("reflow", page)(`${page.url} fits 320 px without scrolling sideways`, async () => {
      expect((await layoutOf(page.url)).overflow, "px the page is wider than the window").toBeLessThanOrEqual(0);
    });
    // The SVGs let labels overhang their box (overflow: visible), so the edge that cuts text off
    // for the reader is the window's.
    gateIt("chart-labels", page)(`${page.url} cuts off no chart text at 320 px`, async () => {
      expect((await layoutOf(page.url)).cut).toEqual([]);
    });
    // Issue 3's promise: chart text never shrinks below 12 CSS px on a 320 px screen.
    gateIt("chart-text-size", page)(`${page.url} draws no chart text under 12 px at 320 px`, async () => {
      expect((await layoutOf(page.url)).small).toEqual([]);
    });
  }
});

// Tab order and focus rings do not change with the colour scheme, so the light views suffice.
describe.each(VIEWS.filter((v) => v.scheme === "light").map((v) => [viewName(v), v] as const))(
  "with the keyboard at %s",
  (_, view) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openView(browser, view);
    });
    afterAll(() => context?.close());

    it.each(pages.map((p) => [p.url, p] as const))(
      "every link and summary on %s is reached by Tab and visibly focused",
      async (_, page) => {
        const tab = await context.newPage();
        await tab.goto(`${server.origin}${page.url}`);
        const walk = await walkByTab(tab);
        await tab.close();
        expect(walk.stops.length).toBeGreaterThan(0);
        expect(walk.unreached).toEqual([]);
        expect(walk.stops.filter((s) => !s.indicated).map((s) => `no focus indicator: ${s.element}`)).toEqual([]);
        expect(walk.stops.filter((s) => !s.onScreen).map((s) => `focused off screen: ${s.element}`)).toEqual([]);
      },
    );
  },
);

// Paper is white and printers leave page backgrounds out: a story printed from a dark screen
// must print dark text, and its charts' text too.
it("prints a story as dark text on white, even from a screen in dark mode", async () => {
  const context = await openView(browser, { width: 1280, scheme: "dark" });
  const tab = await context.newPage();
  await tab.goto(`${server.origin}${story!.url}`);
  const onScreen = await tab.evaluate(() => getComputedStyle(document.body).color);
  await tab.emulateMedia({ media: "print" });
  const printed = await tab.evaluate(() => ({
    body: getComputedStyle(document.body).color,
    chart: [...document.querySelectorAll(".chart-wide svg text")]
      .filter((text) => text.checkVisibility())
      .map((text) => getComputedStyle(text).fill)
      .filter((fill) => /^rgb/.test(fill)),
  }));
  await context.close();
  expect(contrastOnWhite(onScreen), "dark mode on screen shows pale text").toBeLessThan(1.5);
  expect(contrastOnWhite(printed.body)).toBeGreaterThanOrEqual(4.5);
  expect(printed.chart.length).toBeGreaterThan(0);
  for (const fill of printed.chart)
    expect(contrastOnWhite(fill), `chart text filled ${fill}`).toBeGreaterThanOrEqual(3);
});

/** WCAG's contrast ratio of an `rgb(...)` colour against white paper. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

// The embed code another site pastes sizes the iframe for the chart (src/charts/share.ts): in
// a host page from the narrowest phone to a desktop, the embed page must fit it, nothing cut
// off, down to the link to the story (the embed page shrinks its drawing to the height it gets).
describe("the embed code in a host page", () => {
  const unescape = (code: string) =>
    code
      .replace(/&#x3C;|&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  const embeds = allPages
    .filter((p) => p.type === "story")
    .flatMap((p) =>
      [
        ...readFileSync(join(seed.outDir, p.file), "utf8").matchAll(
          /<textarea id="([^"]+)-embed-code"[^>]*>([\s\S]*?)<\/textarea>/g,
        ),
      ].map((m) => [m[1]!, unescape(m[2]!)] as const),
    );

  it("is on every story page with charts", () => {
    expect(embeds.length).toBeGreaterThan(0);
  });

  const cases = embeds.flatMap(([id, code]) =>
    [320, 360, 600, 1280].map((width) => [`${id} at ${width} px`, code, width] as const),
  );
  it.for(cases)("%s shows the whole embed page", async ([, code, width], { expect }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const tab = await context.newPage();
      const local = code.replace(/src="https?:\/\/[^/"]+/, `src="${server.origin}`);
      await tab.setContent(`<!doctype html><body style="margin:0"><p>Host text.</p>${local}</body>`);
      const frame = await (await tab.waitForSelector("iframe", { state: "attached" })).contentFrame();
      await frame!.waitForSelector(".chart-story a", { timeout: 10_000 });
      const fit = await frame!.evaluate(() => ({
        overflow: document.documentElement.scrollHeight - window.innerHeight,
        link: document.querySelector(".chart-story a")!.getBoundingClientRect().bottom - window.innerHeight,
      }));
      expect(fit.overflow, "px of the embed page below the iframe").toBeLessThanOrEqual(0);
      expect(fit.link, "px of the story link below the iframe").toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
