import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildFixture, type BuildResult } from "../build-helper.ts";
import { emailProblems, fixtureRoot, parsePage, parseXml, pngDimensions, SITE, textareaText } from "./helpers.ts";

const CHART_IDS = ["collected-by-year", "hostile-names"];
const STORIES = ["rates-story", "plain-story"];
const SCRIPT = "<script>alert(1)</script>";

describe("the travelling outputs of test/fixtures/site-outputs", () => {
  let site: BuildResult;
  const bytes = (path: string) => new Uint8Array(readFileSync(join(site.outDir, path)));
  const page = (path: string) => parsePage(site.read(path));

  beforeAll(async () => {
    vi.stubEnv("PLOTLINE_SITE_URL", SITE);
    site = await buildFixture("site-outputs");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("builds without errors", () => {
    expect(site.output).not.toMatch(/error/i);
    expect(site.status).toBe(0);
  });

  it("writes every chart at its embed, SVG and PNG addresses", () => {
    const story = page("stories/rates-story/index.html");
    const ids = [...story.querySelectorAll("figure.chart")].map((f) => f.id);
    expect(ids).toEqual(CHART_IDS);
    for (const id of ids) {
      expect(existsSync(join(site.outDir, "embed", id, "index.html")), `embed ${id}`).toBe(true);
      expect(existsSync(join(site.outDir, "charts", `${id}.svg`)), `svg ${id}`).toBe(true);
      expect(existsSync(join(site.outDir, "charts", `${id}.png`)), `png ${id}`).toBe(true);
    }
  });

  it("draws each PNG 1200 px wide, twice the SVG's height, under 150 KB", () => {
    for (const id of CHART_IDS) {
      const png = bytes(`charts/${id}.png`);
      const svg = parseXml(site.read(`charts/${id}.svg`), "image/svg+xml").documentElement;
      const { width, height } = pngDimensions(png);
      expect(width).toBe(1200);
      expect(height).toBe(2 * Number(svg.getAttribute("height")));
      expect(png.byteLength).toBeLessThan(150 * 1024);
    }
  });

  it("writes standalone SVGs that parse as XML, carry their namespace and title, and need no stylesheet", () => {
    const text = site.read("charts/collected-by-year.svg");
    const svg = parseXml(text, "image/svg+xml").documentElement;
    expect(svg.tagName).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.querySelector("title")?.textContent).toBe("Collections rose every year");
    const drawn = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(drawn).toContain("Collections rose every year");
    expect(drawn).toContain("Source: Test council statement of accounts (2024)");
    // Colours and fonts are attributes: nothing depends on the site's stylesheet.
    expect(text).not.toMatch(/var\(--|<style|<link/);
  });

  it("makes embed pages of the chart alone: title, both drawings, source, story link, no script", () => {
    const html = site.read("embed/collected-by-year/index.html");
    const embed = parsePage(html);
    expect(embed.querySelector("h1")?.textContent).toBe("Collections rose every year");
    expect(embed.querySelectorAll(".chart-drawing svg")).toHaveLength(2);
    expect(embed.querySelector(".chart-source")?.textContent).toBe("Source: Test council statement of accounts (2024)");
    const link = embed.querySelector(".chart-story a");
    expect(link?.getAttribute("href")).toBe("/stories/rates-story/#collected-by-year");
    expect(link?.textContent).toContain("what's changed & why");
    expect(embed.querySelectorAll("script, img, iframe, link[rel=stylesheet], details")).toHaveLength(0);
    // Nothing loads from another origin: the only absolute URLs are the canonical link and the
    // oEmbed response's (neither is loaded by a browser).
    expect(html.match(/(?:src|href)="https?:[^"]*"/g)).toEqual([
      `href="${SITE}/stories/rates-story/#collected-by-year"`,
      `href="${SITE}/embed/collected-by-year/oembed.json"`,
    ]);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it("puts embed code, a newsletter snippet and downloads under each chart on the story page", () => {
    const html = site.read("stories/rates-story/index.html");
    const figure = parsePage(html).querySelector("figure#collected-by-year")!;
    const summaries = [...figure.querySelectorAll("details > summary")].map((s) => s.textContent);
    expect(summaries).toEqual(["Data table", "Embed this chart", "Newsletter snippet", "Download"]);

    const embedCode = parsePage(textareaText(html, "collected-by-year-embed-code"));
    const iframe = embedCode.querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe(`${SITE}/embed/collected-by-year/`);
    expect(iframe.getAttribute("title")).toBe("Collections rose every year");
    expect(iframe.getAttribute("loading")).toBe("lazy");
    expect(iframe.getAttribute("width")).toBe("100%");
    expect(iframe.getAttribute("style")).toContain("width:100%");
    expect(Number(iframe.getAttribute("height"))).toBeGreaterThan(300);

    const snippet = parsePage(textareaText(html, "collected-by-year-newsletter-code"));
    expect(snippet.querySelector("a")?.getAttribute("href")).toMatch(new RegExp(`^${SITE}/`));
    expect(snippet.querySelector("img")?.getAttribute("src")).toBe(`${SITE}/charts/collected-by-year.png`);
    expect(snippet.querySelector("img")?.getAttribute("alt")).toMatch(/^Collections rose every year\. Column chart/);

    const downloads = [...figure.querySelectorAll(".chart-downloads a")].map((a) => a.getAttribute("href"));
    expect(downloads).toEqual([
      "/charts/collected-by-year.svg",
      "/charts/collected-by-year.png",
      "/data/rates.csv",
      "/data/rates/",
    ]);
  });

  it("keeps every newsletter page email-safe", () => {
    for (const slug of STORIES) {
      expect(emailProblems(site.read(`newsletter/${slug}/index.html`)), slug).toEqual([]);
    }
  });

  it("sends newsletter readers to the chart on the site from each linked PNG", () => {
    const email = page("newsletter/rates-story/index.html");
    const images = [...email.querySelectorAll("a > img")];
    expect(images.map((img) => img.getAttribute("src"))).toEqual(CHART_IDS.map((id) => `${SITE}/charts/${id}.png`));
    expect(images.map((img) => img.parentElement!.getAttribute("href"))).toEqual(
      CHART_IDS.map((id) => `${SITE}/stories/rates-story/#${id}`),
    );
    expect(images.every((img) => img.getAttribute("width") === "600")).toBe(true);
    // The footnote reference points at the web page; the back-link, useless in email, is gone.
    const links = [...email.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toContain(`${SITE}/stories/rates-story/#user-content-fn-1`);
    expect(links).toContain(`${SITE}/data/rates/`);
    expect(links).toContain("https://council.example.org/accounts");
    expect(links.filter((href) => href?.includes("fnref"))).toEqual([]);
  });

  it("writes the cleaned CSV with plain numbers, ISO dates and neutralised formulas", () => {
    expect(site.read("data/rates.csv")).toBe(
      [
        "year,collected,rise_agreed,first_meeting",
        "2021/22,120500000,true,2021-01-12",
        "2022/23,124000000,false,2022-01-11",
        "2023/24,130000000,true,2023-01-17",
        "2024/25,,false,2024-01-16",
        "",
      ].join("\n"),
    );
    expect(site.read("data/hostile.csv")).toBe(
      [
        "name,amount,note",
        `${SCRIPT},5,plain`,
        `"'=HYPERLINK(""http://evil.example/"",""Click"")",7,'=1+2`,
        "'+1,3,'+44 20 7946 0000",
        "'-1,2,'-5",
        "'@SUM(A1:A2),4,'@here",
        "",
      ].join("\n"),
    );
  });

  it("serves each sidecar as a copy of the file", () => {
    expect(site.read("data/rates.yml")).toBe(readFileSync(join(fixtureRoot, "data", "rates.yml"), "utf8"));
  });

  it("serves the CSV as published, byte for byte, and a Frictionless Data Package describing both CSVs", () => {
    expect(readFileSync(join(site.outDir, "data", "rates.source.csv"))).toEqual(
      readFileSync(join(fixtureRoot, "data", "rates.csv")),
    );
    const pkg = JSON.parse(site.read("data/rates.datapackage.json")) as {
      name: string;
      resources: Array<{ path: string; schema: { fields: Array<{ name: string }> } }>;
    };
    expect(pkg.name).toBe("rates");
    expect(pkg.resources.map((r) => r.path)).toEqual(["rates.source.csv", "rates.csv"]);
    // The cleaned resource lists exactly the cleaned CSV's header.
    const header = site.read("data/rates.csv").split("\n")[0]!.split(",");
    expect(pkg.resources[1]!.schema.fields.map((f) => f.name)).toEqual(header);
    const data = page("data/rates/index.html");
    for (const href of ["/data/rates.source.csv", "/data/rates.datapackage.json"])
      expect(data.querySelector(`a[href="${href}"]`)).not.toBeNull();
  });

  it("gives each dataset a page with provenance, fields, every row, what uses it and downloads", () => {
    const data = page("data/rates/index.html");
    expect(data.querySelector("h1")?.textContent).toBe("Test council tax collected");
    const text = data.body.textContent!;
    expect(text).toContain("Council tax the test council collected each financial year, in pounds.");
    expect(data.querySelector('a[href="https://council.example.org/accounts"]')?.textContent).toBe(
      "Test council statement of accounts",
    );
    expect(data.querySelector(".dataset-facts time")?.getAttribute("datetime")).toBe("2024-06-30");
    expect(text).toContain("OGL-UK-3.0");
    expect(data.querySelector('.dataset-notes a[href="https://council.example.org/accounts/2024"]')).not.toBeNull();
    const [fields, rows] = [...data.querySelectorAll("table.data-table")];
    expect([...fields!.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual([
      "year",
      "collected",
      "rise_agreed",
      "first_meeting",
    ]);
    expect(rows!.querySelectorAll("tbody tr")).toHaveLength(4);
    expect([...rows!.querySelectorAll("tbody tr")][0]!.textContent).toBe("2021/22£120.5myes12 January 2021");
    expect(data.querySelector('a[href="/stories/rates-story/#collected-by-year"]')?.textContent).toBe(
      "Collections rose every year",
    );
    expect(data.querySelector('a[href="/stories/rates-story/"]')).not.toBeNull();
    // A story that only quotes a figure with `:value`, with no chart of it, uses the dataset too.
    expect(data.querySelector('a[href="/stories/plain-story/"]')?.textContent).toBe("A story with no charts");
    expect(page("data/hostile/index.html").querySelector('a[href="/stories/plain-story/"]')).toBeNull();
    expect(data.querySelector('a[href="/data/rates.csv"]')).not.toBeNull();
    expect(data.querySelector('a[href="/data/rates.yml"]')).not.toBeNull();

    const index = page("data/index.html");
    expect([...index.querySelectorAll(".dataset-list a")].map((a) => a.getAttribute("href"))).toEqual([
      "/data/hostile/",
      "/data/rates/",
    ]);
  });

  it("shows a <script> cell as text in the chart, data table, embed, newsletter and CSV", () => {
    const pages = {
      story: page("stories/rates-story/index.html"),
      embed: page("embed/hostile-names/index.html"),
      data: page("data/hostile/index.html"),
      newsletter: page("newsletter/rates-story/index.html"),
    };
    for (const [name, document] of Object.entries(pages)) {
      expect(document.querySelectorAll("script"), name).toHaveLength(0);
    }
    const labels = (document: Document) => [...document.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(labels(pages.story)).toContain(SCRIPT);
    expect(labels(pages.embed)).toContain(SCRIPT);
    expect(pages.story.querySelector("figure#hostile-names tbody th")?.textContent).toBe(SCRIPT);
    expect(pages.data.querySelector("table.data-rows tbody th")?.textContent).toBe(SCRIPT);
    expect(pages.newsletter.querySelector('img[src$="hostile-names.png"]')?.getAttribute("alt")).toContain(SCRIPT);
    expect(parseXml(site.read("charts/hostile-names.svg"), "image/svg+xml").querySelector("title")?.textContent).toBe(
      `Names that try to run: ${SCRIPT}`,
    );
    expect(site.read("data/hostile.csv").split("\n")[1]).toBe(`${SCRIPT},5,plain`);
    // A sidecar's `source.url` may only be a web address (the data layer refuses `javascript:`);
    // markup inside one is percent-encoded into the link, never markup.
    expect(pages.data.querySelector(".dataset-facts dd")?.textContent).toBe("Test fixture");
    expect(pages.data.querySelector(".dataset-facts dd a")?.getAttribute("href")).toBe(
      "https://example.org/report?q=%3Cscript%3Ealert(1)%3C/script%3E",
    );
    expect(pages.data.querySelectorAll('a[href^="javascript:" i]')).toHaveLength(0);
  });

  it("publishes an RSS feed with each story's title, standfirst, date, authors and link", () => {
    const feed = parseXml(site.read("rss.xml"));
    const items = [...feed.querySelectorAll("item")];
    expect(items.map((i) => i.querySelector("title")?.textContent)).toEqual([
      "Council tax: what's changed & why",
      "A story with no charts",
    ]);
    const first = items[0]!;
    expect(first.querySelector("link")?.textContent).toBe(`${SITE}/stories/rates-story/`);
    expect(first.querySelector("description")?.textContent).toMatch(/^A fixture story/);
    expect(first.querySelector("pubDate")?.textContent).toBe("Mon, 01 Jul 2024 00:00:00 GMT");
    expect([...first.getElementsByTagName("dc:creator")].map((c) => c.textContent)).toEqual([
      "Test Reporter",
      "Second Reporter",
    ]);
  });

  it("lists the site's pages in a sitemap, but not embeds or newsletter editions", () => {
    expect(site.read("sitemap-index.xml")).toContain(`${SITE}/sitemap-0.xml`);
    const sitemap = site.read("sitemap-0.xml");
    expect(sitemap).toContain(`<loc>${SITE}/stories/rates-story/</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}/data/rates/</loc>`);
    expect(sitemap).not.toMatch(/\/embed\/|\/newsletter\//);
  });

  it("gives stories Open Graph and Twitter cards with the first chart's PNG, and a canonical URL", () => {
    const story = page("stories/rates-story/index.html");
    const meta = (key: string) =>
      story.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
    expect(story.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}/stories/rates-story/`);
    expect(meta("og:type")).toBe("article");
    expect(meta("og:title")).toBe("Council tax: what's changed & why");
    expect(meta("og:description")).toMatch(/^A fixture story/);
    expect(meta("og:url")).toBe(`${SITE}/stories/rates-story/`);
    expect(meta("og:image")).toBe(`${SITE}/charts/collected-by-year.png`);
    const png = pngDimensions(bytes("charts/collected-by-year.png"));
    expect([Number(meta("og:image:width")), Number(meta("og:image:height"))]).toEqual([png.width, png.height]);
    expect(meta("og:image:alt")).toMatch(/^Collections rose every year\./);
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("twitter:image")).toBe(`${SITE}/charts/collected-by-year.png`);

    const plain = page("stories/plain-story/index.html");
    expect(plain.querySelector('meta[name="twitter:card"]')?.getAttribute("content")).toBe("summary");
    expect(plain.querySelector('meta[property="og:image"]')).toBeNull();
  });

  it("writes a 404 page", () => {
    expect(page("404.html").querySelector("h1")?.textContent).toBe("Page not found");
  });

  it("indexes the stories for search into pagefind/, loaded by /search/ from the same origin", () => {
    const entry = JSON.parse(site.read("pagefind/pagefind-entry.json")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(STORIES.length);
    for (const file of ["pagefind-ui.js", "pagefind-ui.css", "pagefind.js"]) {
      expect(statSync(join(site.outDir, "pagefind", file)).size, file).toBeGreaterThan(0);
    }
    const search = site.read("search/index.html");
    const sources = [...parsePage(search).querySelectorAll("script[src], link[href]")].map(
      (e) => e.getAttribute("src") ?? e.getAttribute("href"),
    );
    expect(sources).toContain("/pagefind/pagefind-ui.js");
    expect(sources).toContain("/pagefind/pagefind-ui.css");
    expect(sources.filter((s) => /^https?:/.test(s!) && !s!.startsWith(SITE))).toEqual([]);
    for (const story of STORIES) {
      expect(site.read(`stories/${story}/index.html`)).toContain("data-pagefind-body");
    }
  });

  it("ships no script on any page but /search/", () => {
    const pages = [
      "index.html",
      "404.html",
      "data/index.html",
      "data/rates/index.html",
      ...STORIES.flatMap((s) => [`stories/${s}/index.html`, `newsletter/${s}/index.html`]),
      ...CHART_IDS.map((id) => `embed/${id}/index.html`),
    ];
    for (const path of pages) expect(page(path).querySelectorAll("script"), path).toHaveLength(0);
  });
});
