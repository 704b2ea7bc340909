// A site under a path (`https://example.com/ledger/`, as on GitHub Pages): every internal link,
// asset, chart file, feed entry, sitemap URL, canonical, social card, embed code, newsletter link
// and search asset lives under /ledger/, and resolves to a file of the built site.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsletterPolicy, NO_SCRIPT_POLICY, SEARCH_POLICY } from "../../src/site/security.ts";
import { buildFixture, type BuildResult } from "../build-helper.ts";
import { parsePage } from "./helpers.ts";

// (example.org is a data source in the fixture: the site is elsewhere.)
const ORIGIN = "https://example.com";
const BASE = "/ledger/";

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => `${name}/${f}`) : [name];
  });
}

/** The file a static host serves for `pathname` under the base, or undefined. */
function served(files: Set<string>, pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const path = decodeURIComponent(pathname.slice(BASE.length));
  if (path === "" || path.endsWith("/")) return files.has(`${path}index.html`) ? `${path}index.html` : undefined;
  return files.has(path) ? path : undefined;
}

describe("a site under a path", () => {
  let site: BuildResult;
  let files: Set<string>;

  beforeAll(async () => {
    site = await buildFixture("site-outputs", undefined, { PLOTLINE_SITE_URL: `${ORIGIN}${BASE}` });
    files = new Set(filesUnder(site.outDir));
  });
  afterAll(() => undefined);

  it("builds without errors", () => {
    expect(site.output).not.toMatch(/error/i);
    expect(site.status).toBe(0);
  });

  it("resolves every href and src of every page to a file served under /ledger/", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of [...files].filter((f) => f.endsWith(".html"))) {
      const pageUrl = new URL(`${BASE}${file.replace(/index\.html$/, "")}`, ORIGIN);
      const document = parsePage(site.read(file));
      for (const element of document.querySelectorAll("[href], [src]")) {
        const value = element.getAttribute("href") ?? element.getAttribute("src")!;
        const url = new URL(value, pageUrl);
        if (url.origin !== ORIGIN) continue;
        checked++;
        if (!served(files, url.pathname)) broken.push(`${file}: ${value}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("writes every absolute address (canonical, cards, feed, sitemap, embed code, oEmbed, newsletter) under /ledger/", () => {
    const outside: string[] = [];
    const broken: string[] = [];
    for (const file of [...files].filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith("pagefind/"))) {
      // Embed code sits in a textarea and in JSON, escaped: read the addresses from the text.
      const text = site.read(file).replace(/&quot;|\\"/g, '"');
      for (const [address] of text.matchAll(/https:\/\/example\.com[^\s"'<>&\\);]*/g)) {
        // A bare origin is not a link: it is a source in a newsletter's Content-Security-Policy.
        if (address === ORIGIN) continue;
        const url = new URL(address);
        if (!url.pathname.startsWith(BASE)) outside.push(`${file}: ${address}`);
        else if (!served(files, url.pathname)) broken.push(`${file}: ${address}`);
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    const feed = site.read("rss.xml");
    expect(feed).toContain(`<link>${ORIGIN}${BASE}stories/rates-story/</link>`);
    expect(site.read("sitemap-0.xml")).toContain(`<loc>${ORIGIN}${BASE}stories/rates-story/</loc>`);
  });

  it("moves an author's link from the domain's root under the path, on the page and in the newsletter", () => {
    expect(site.read("stories/rates-story/index.html")).toContain(`href="${BASE}data/rates/"`);
    expect(site.read("newsletter/rates-story/index.html")).toContain(`href="${ORIGIN}${BASE}data/rates/"`);
  });

  it("loads search from /ledger/pagefind/ and gives Pagefind the base for its results", () => {
    const search = parsePage(site.read("search/index.html"));
    expect(search.querySelector("script[src]")!.getAttribute("src")).toBe(`${BASE}pagefind/pagefind-ui.js`);
    expect(search.querySelector("#search")!.getAttribute("data-base")).toBe(BASE);
    // The start-up script is allowed by its hash, which must be the hash of the text on the page.
    const inline = [...search.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "");
    expect(inline).toHaveLength(1);
    const hash = createHash("sha256").update(inline[0]!).digest("base64");
    expect(SEARCH_POLICY).toContain(`'sha256-${hash}'`);
    expect(search.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")).toBe(
      SEARCH_POLICY,
    );
  });

  it("gives every page but search a policy that forbids script, and a _headers file with frame rules", () => {
    for (const file of [...files].filter((f) => f.endsWith(".html"))) {
      const policy = parsePage(site.read(file))
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute("content");
      const expected = file.startsWith("search/")
        ? SEARCH_POLICY
        : file.startsWith("newsletter/")
          ? newsletterPolicy(ORIGIN)
          : NO_SCRIPT_POLICY;
      expect(policy, file).toBe(expected);
    }
    expect(NO_SCRIPT_POLICY).toContain("script-src 'none'");
    const headers = site.read("_headers");
    expect(headers).toContain("X-Content-Type-Options: nosniff");
    expect(headers).toContain("Referrer-Policy: ");
    expect(headers).toMatch(/\/embed\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*\n/);
    expect(headers).toMatch(
      /\/stories\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'\n {2}X-Frame-Options: DENY/,
    );
    // Every folder holding a page has a rule with a policy (the host reads the folder at its root).
    const rules = [...headers.matchAll(/^(\/\S*)\n {2}Content-Security-Policy/gm)].map((m) => m[1]!);
    for (const file of [...files].filter((f) => f.endsWith(".html"))) {
      const path = `/${file}`;
      const covering = rules.filter((rule) =>
        rule.endsWith("*") ? path.startsWith(rule.slice(0, -1)) : path === rule || `${rule}index.html` === path,
      );
      expect(covering, path).toHaveLength(1);
    }
  });

  it("advertises an oEmbed response for each chart and story, under the path", () => {
    const embed = parsePage(site.read("embed/collected-by-year/index.html"));
    const link = embed.querySelector('link[rel="alternate"][type="application/json+oembed"]')!;
    expect(link.getAttribute("href")).toBe(`${ORIGIN}${BASE}embed/collected-by-year/oembed.json`);
    const oembed = JSON.parse(site.read("embed/collected-by-year/oembed.json")) as Record<string, unknown>;
    expect(oembed).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Plotline",
      provider_url: `${ORIGIN}${BASE}`,
      width: 600,
    });
    expect(oembed.html).toContain(`src="${ORIGIN}${BASE}embed/collected-by-year/"`);
    expect(oembed.html).toContain(`height="${String(oembed.height)}"`);
    // The same code the story page offers under the chart.
    expect(site.read("stories/rates-story/index.html")).toContain(`${BASE}stories/rates-story/oembed.json`);
    const story = JSON.parse(site.read("stories/rates-story/oembed.json")) as Record<string, unknown>;
    expect(story).toMatchObject({ type: "rich", title: expect.any(String) });
    const plain = JSON.parse(site.read("stories/plain-story/oembed.json")) as Record<string, unknown>;
    expect(plain.type).toBe(plain.html ? "rich" : "link");
  });

  it("writes no file outside the site's own folders", () => {
    // The base is where the host serves the folder, not a folder in it.
    expect([...files].some((f) => f.startsWith("ledger/"))).toBe(false);
    expect(relative(site.outDir, join(site.outDir, "index.html"))).toBe("index.html");
  });
});
