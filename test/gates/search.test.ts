// Search, in Chromium: the one page with script finds a story by a word of its prose and by a
// word of a chart title, using only files from the site itself (every other request is refused).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openView, VIEWS, watchCsp } from "./browser.ts";
import { serveSite, type StaticServer } from "./server.ts";

const seed = inject("seed");
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveSite(seed.outDir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The story links Pagefind's UI lists for `query`, typed into the search box. */
async function search(query: string): Promise<{ links: string[]; outside: string[]; csp: string[] }> {
  const context = await openView(browser, VIEWS[0]!);
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(server.origin)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  // Search runs under its own policy (Pagefind's files, its WebAssembly, the start-up script).
  const csp = watchCsp(page);
  await page.goto(`${server.origin}/search/`);
  await page.locator("#search input").fill(query);
  await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 20_000 });
  const links = await page
    .locator(".pagefind-ui__result-link")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  await context.close();
  return { links, outside, csp };
}

describe("search", () => {
  it("finds a story by a word of its prose, offline, within the page's Content-Security-Policy", async () => {
    const { links, outside, csp } = await search("invoices");
    expect(links.some((href) => href.includes("/stories/childrens-trust-health-board-invoice-dispute/"))).toBe(true);
    expect(outside).toEqual([]);
    expect(csp).toEqual([]);
  });

  it("finds a story by a word of a chart's title", async () => {
    const { links } = await search("vacant");
    expect(links.some((href) => href.includes("/stories/childrens-trust-health-board-invoice-dispute/"))).toBe(true);
  });
});
