// Gate 4, links: linkinator, started from every built page (it follows links only from its start
// pages, so an orphan page would otherwise go unchecked), over a loopback server of the seed site.
// Every internal link, asset, srcset entry, CSS url() and #fragment must resolve; links to the
// site's public origin (canonical, feeds, og:image) are rewritten to the loopback server and
// checked too; links to other sites are skipped (CI has no internet).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LinkChecker, LinkState, type LinkResult } from "linkinator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listPages } from "./pages.ts";
import { serveSite, type StaticServer } from "./server.ts";

const seed = inject("seed");
const pages = listPages(seed.outDir);
// The public origin Astro wrote into canonical links, e.g. https://plotline.example.org.
const publicOrigin = new URL(
  readFileSync(join(seed.outDir, "index.html"), "utf8").match(/<link rel="canonical" href="([^"]+)"/)![1]!,
).origin;

let server: StaticServer;
let links: LinkResult[] = [];
beforeAll(async () => {
  server = await serveSite(seed.outDir);
  const started = performance.now();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const result = await new LinkChecker().check({
    path: pages.map((p) => `${server.origin}${p.url}`),
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 20,
    timeout: 10_000,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escape(publicOrigin)}`), replacement: server.origin }],
    linksToSkip: [`^(?!${escape(server.origin)}|${escape(publicOrigin)})`],
  });
  links = result.links;
  const checked = links.filter((l) => l.state !== LinkState.SKIPPED).length;
  console.log(
    `linkinator: ${pages.length} start pages, ${checked} links checked, ` +
      `${links.length - checked} external skipped, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 120_000);
afterAll(() => server?.close());

const show = (l: LinkResult) =>
  `${l.url.replace(server.origin, "")} (${l.status ?? "no response"}) on ${l.parent?.replace(server.origin, "")}`;

describe("links in the seed site", () => {
  it("were checked from every page", () => {
    const checked = new Set(links.filter((l) => l.state === LinkState.OK).map((l) => new URL(l.url).pathname));
    expect(pages.filter((p) => !checked.has(p.url)).map((p) => p.url)).toEqual([]);
  });

  it("all resolve: every internal link, asset and fragment", () => {
    expect(links.filter((l) => l.state === LinkState.BROKEN).map(show)).toEqual([]);
  });

  it("include only built pages in the feed and the sitemap", () => {
    // linkinator reads HTML only, so the XML outputs' <loc>, <link> and <guid> URLs are checked here.
    const xml = readdirSync(seed.outDir)
      .filter((f) => f.endsWith(".xml"))
      .map((f) => readFileSync(join(seed.outDir, f), "utf8"));
    const urls = xml.flatMap((text) =>
      [...text.matchAll(/<(?:loc|link|guid[^>]*)>([^<]+)<\//g)].map((m) => m[1]!.replace(/&amp;/g, "&")),
    );
    expect(urls.length).toBeGreaterThan(0);
    const missing = urls
      .filter((url) => url.startsWith(publicOrigin))
      .map((url) => decodeURIComponent(new URL(url).pathname))
      .filter((path) => !existsSync(join(seed.outDir, path.endsWith("/") ? `${path}index.html` : path)));
    expect(missing).toEqual([]);
  });

  it("include a chart's embed page, SVG and PNG for every chart, once those outputs exist", () => {
    const ids = pages
      .filter((p) => p.type === "story")
      .flatMap((p) => [
        ...readFileSync(join(seed.outDir, p.file), "utf8").matchAll(/<figure class="chart[^"]*" id="([^"]+)"/g),
      ])
      .map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    const outputs = [
      { folder: "embed", path: (id: string) => `embed/${id}/index.html` },
      { folder: "charts", path: (id: string) => `charts/${id}.svg` },
      { folder: "charts", path: (id: string) => `charts/${id}.png` },
    ].filter((o) => existsSync(join(seed.outDir, o.folder)));
    const missing = outputs.flatMap((o) => ids.map(o.path).filter((p) => !existsSync(join(seed.outDir, p))));
    expect(missing).toEqual([]);
  });
});
