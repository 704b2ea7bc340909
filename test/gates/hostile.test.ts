// Gate 7, hostile input: test/fixtures/site-hostile puts script tags, attribute break-outs,
// javascript: URLs, template syntax, a 200-character word and right-to-left text into every field
// a journalist can type (CSV cells, sidecar, frontmatter, chart titles and notes). The site must
// build; in Chromium no page or standalone SVG may run script (a dialog would open), and wherever
// a hostile text shows it must show whole, as text.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../build-helper.ts";
import { launchChromium, openView } from "./browser.ts";
import { gateIt } from "./gate.ts";
import { listPages } from "./pages.ts";
import { serveSite, type StaticServer } from "./server.ts";

const LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitaenswitwe".repeat(5).slice(0, 200);
// Each text the fixture uses, keyed by the marker that starts it.
const HOSTILE: Record<string, string> = {
  "Hostile-1": "Hostile-1 <script>alert(1)</script>",
  "Hostile-2": 'Hostile-2 "><img src=x onerror=alert(1)>',
  "Hostile-3": "Hostile-3 javascript:alert(1)",
  "Hostile-4": "Hostile-4 {{ 7*7 }}",
  "Hostile-5": "Hostile-5 ${7*7}",
  "Hostile-6": `Hostile-6 ${LONG_WORD}`,
  "Hostile-7": "Hostile-7 الميزانية السنوية",
  "Hostile-8": "Hostile-8 תקציב שנתי",
};
const MARKERS = Object.keys(HOSTILE);

const build = inject("hostile");
const pages = build.status === 0 ? listPages(build.outDir) : [];
const svgs =
  build.status === 0
    ? (readdirSync(build.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".svg")).sort()
    : [];

// Charts wrap long titles over several <tspan>s, so text is compared with all white space removed.
const squash = (text: string) => text.replace(/\s+/g, "");

/** Every marker on the page, and whether the whole hostile text follows it each time. */
function findMarkers(text: string): { shown: string[]; broken: string[] } {
  const flat = squash(text);
  const shown = new Set<string>();
  const broken: string[] = [];
  for (const marker of MARKERS) {
    for (let at = flat.indexOf(marker); at >= 0; at = flat.indexOf(marker, at + 1)) {
      // `Hostile-1` is also the start of nothing else: markers run 1 to 8.
      shown.add(marker);
      const expected = squash(HOSTILE[marker]!);
      if (!flat.startsWith(expected, at)) broken.push(`${marker}: "${flat.slice(at, at + expected.length)}"`);
    }
  }
  return { shown: [...shown].sort(), broken };
}

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveSite(build.outDir)]);
  context = await openView(browser, { width: 320, scheme: "light" });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  dialogs: string[];
  text: string;
  injected: string[];
  overflow: number;
}

async function visit(url: string, screenshot?: string): Promise<Visit> {
  const tab = await context.newPage();
  const dialogs: string[] = [];
  tab.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await tab.goto(`${server.origin}${url}`, { waitUntil: "load" });
  // Give any injected handler (an <img onerror>, an SVG onload) time to fire.
  await tab.waitForTimeout(100);
  const seen = await tab.evaluate(() => ({
    // The share panels show HTML source to copy (the embed code, the newsletter snippet), where a
    // `"` inside an attribute must be written `&quot;`: read that code as the page that pastes it
    // would show it, and everything else as it is.
    text: (() => {
      const page = document.documentElement.cloneNode(true) as HTMLElement;
      for (const code of page.querySelectorAll(".chart-share textarea")) {
        const decoder = document.createElement("textarea");
        decoder.innerHTML = code.textContent ?? "";
        code.textContent = decoder.value;
      }
      return page.textContent ?? "";
    })(),
    injected: [...document.querySelectorAll("*")].flatMap((el) =>
      el
        .getAttributeNames()
        .filter((name) => /^on/i.test(name))
        .map((name) => `<${el.localName} ${name}>`),
    ),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  if (screenshot) await tab.screenshot({ path: screenshot, fullPage: true });
  await tab.close();
  return { dialogs, ...seen };
}

describe("the hostile fixture", () => {
  it("builds", () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toMatch(/\berror\b/i);
  });

  it.each(pages.map((p) => [p.url, p] as const))(
    "%s runs no script and shows every hostile text whole, as text",
    async (_, page) => {
      const seen = await visit(page.url);
      expect(seen.dialogs).toEqual([]);
      expect(seen.injected).toEqual([]);
      expect(findMarkers(seen.text).broken).toEqual([]);
    },
  );

  // The 200-letter word and the right-to-left text must wrap, not push the page sideways.
  for (const page of pages) {
    gateIt("reflow", page)(`${page.url} fits 320 px without scrolling sideways`, async () => {
      expect((await visit(page.url)).overflow, "px the page is wider than the window").toBeLessThanOrEqual(0);
    });
  }

  it.each(svgs.map((f) => [`/${f}`] as const))("%s runs no script and keeps its labels as text", async (url) => {
    const seen = await visit(url);
    expect(seen.dialogs).toEqual([]);
    expect(seen.injected).toEqual([]);
    expect(findMarkers(seen.text).broken).toEqual([]);
  });

  it("shows every hostile text on the story page", async () => {
    const dir = join(projectRoot, "test-results", "screenshots");
    mkdirSync(dir, { recursive: true });
    const story = pages.find((p) => p.type === "story")!;
    const seen = await visit(story.url, join(dir, "hostile-story-320-light.png"));
    expect(findMarkers(seen.text).shown).toEqual(MARKERS);
  });

  it("shows every hostile text of the sidecar and the CSV on the dataset's page", async () => {
    const { shown } = findMarkers((await visit("/data/hostile/")).text);
    expect(shown).toEqual(MARKERS);
  });

  it("shows the headline and standfirst as text on the front page and the topic page", async () => {
    for (const page of pages.filter((p) => p.type === "home" || p.type === "topic")) {
      const { shown } = findMarkers((await visit(page.url)).text);
      expect(shown, page.url).toEqual(expect.arrayContaining(["Hostile-1", "Hostile-2"]));
    }
  });

  it("keeps hostile text escaped in the feed", () => {
    const feed = pages.length ? readFileSync(join(build.outDir, "rss.xml"), "utf8") : "";
    expect(feed).toContain("Hostile-1");
    expect(feed).not.toMatch(/<script|<img src=x/i);
  });
});
