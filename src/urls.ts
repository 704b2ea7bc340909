// The site's public addresses: checking the configured site URL (PLOTLINE_SITE_URL, else `site` in
// plotline.config.json, read by src/settings/read.ts), the path of every output (the table in
// CONTRIBUTING.md), and those paths under the site's base path (`/ledger/` on `https://example.org/ledger/`).
import { SITE_URL_ENV } from "./build/env.ts";
import type { Diagnostics } from "./errors/diagnostic.ts";

export const CONFIG_FILE = "plotline.config.json";

const EXPECTED = "an absolute http or https address such as `https://news.example.org`";

/** The site URL `value` with a trailing slash (a path is kept: `https://example.org/ledger/`), or a message. */
export function checkSiteUrl(
  value: string,
  setting: string,
  place: { file: string; line: number; column: number },
  diagnostics: Diagnostics,
): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const fix = /^[\w.-]+\.[a-z]{2,}/i.test(value)
      ? `add the scheme: \`https://${value}\``
      : "write the full address readers type, starting with `https://`";
    diagnostics.add("SiteUrlInvalid", { actual: value, setting, expected: EXPECTED, fix }, place);
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    diagnostics.add(
      "SiteUrlInvalid",
      { actual: value, setting, expected: EXPECTED, fix: "use the address starting with `https://`" },
      place,
    );
    return undefined;
  }
  if (url.search || url.hash) {
    diagnostics.add(
      "SiteUrlInvalid",
      {
        actual: value,
        setting,
        expected: "the address of the site's home page, without `?` or `#`",
        fix: `write \`${url.origin}${url.pathname}\``,
      },
      place,
    );
    return undefined;
  }
  // The base path ends in a slash, so that `new URL("stories/x/", site)` stays under it.
  return `${url.origin}${url.pathname.replace(/\/?$/, "/")}`;
}

/**
 * Astro's `site` as a URL, or an error that names the settings: pages that print absolute links
 * (feeds, newsletters, embed code, Open Graph) call this rather than printing `undefined`.
 */
export function requireSite(site: URL | string | undefined): URL {
  if (site) return new URL(site);
  const error = new Error(
    `Missing site URL: set \`site\` in \`${CONFIG_FILE}\` or the \`${SITE_URL_ENV}\` environment variable.`,
  );
  error.stack = error.message;
  throw error;
}

/** Every public path Plotline writes, by what it is (CONTRIBUTING.md lists them). */
export const paths = {
  home: () => "/",
  story: (slug: string) => `/stories/${slug}/`,
  storyOembed: (slug: string) => `/stories/${slug}/oembed.json`,
  storyChart: (slug: string, chartId: string) => `/stories/${slug}/#${chartId}`,
  topic: (topic: string) => `/topics/${topic}/`,
  embed: (chartId: string) => `/embed/${chartId}/`,
  embedOembed: (chartId: string) => `/embed/${chartId}/oembed.json`,
  chartSvg: (chartId: string) => `/charts/${chartId}.svg`,
  chartPng: (chartId: string) => `/charts/${chartId}.png`,
  newsletter: (slug: string) => `/newsletter/${slug}/`,
  datasets: () => "/data/",
  dataset: (id: string) => `/data/${id}/`,
  datasetCsv: (id: string) => `/data/${id}.csv`,
  datasetSidecar: (id: string) => `/data/${id}.yml`,
  datasetSource: (id: string) => `/data/${id}.source.csv`,
  datasetPackage: (id: string) => `/data/${id}.datapackage.json`,
  places: () => "/places/",
  placeIndex: (template: string) => `/places/${template}/`,
  place: (template: string, place: string) => `/places/${template}/${place}/`,
  rss: () => "/rss.xml",
  search: () => "/search/",
};

/**
 * `text` when it is an http or https address, else undefined: a link written in a sidecar must
 * never become `javascript:` or `data:` in a page.
 */
export function webUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `path` (one of `paths`) as an absolute URL under `site`, base path included. */
export function absolute(path: string, site: URL | string): string {
  return new URL(path.replace(/^\//, ""), withSlash(site)).href;
}

/**
 * `path` (one of `paths`) as a link from a page of the site: under the site's base path, so
 * `/stories/x/` on `https://example.org/ledger/` is `/ledger/stories/x/`. Without a site (`astro
 * dev` with none configured) the site is taken to be at the domain's root.
 */
export function sitePath(path: string, site: URL | string | undefined): string {
  const base = site ? new URL(withSlash(site)).pathname : "/";
  return base + path.replace(/^\//, "");
}

// ` href="/x"` or ` src="/x"` in serialised HTML, but not `//host` (another site).
const ROOT_LINK = / (href|src)="\/(?!\/)/g;

/**
 * A story's HTML with the links its author wrote from the domain's root (`/data/rates/`) moved
 * under the site's base path; links already under it (the share panels') are left alone. The
 * same HTML when the site is at the domain's root.
 */
export function linksUnderBase(html: string, site: URL | string): string {
  const base = sitePath("/", site);
  if (base === "/") return html;
  return html.replace(ROOT_LINK, (match, attribute: string, offset: number) =>
    html.startsWith(base, offset + attribute.length + 3) ? match : ` ${attribute}="${base}`,
  );
}

/** {@link paths}, each under the site's base path: the links a page prints. */
export function pathsOn(site: URL | string | undefined): typeof paths {
  const under = Object.entries(paths).map(([name, path]) => [
    name,
    (...args: string[]) => sitePath((path as (...a: string[]) => string)(...args), site),
  ]);
  return Object.fromEntries(under) as typeof paths;
}

function withSlash(site: URL | string): string {
  const href = typeof site === "string" ? site : site.href;
  return href.endsWith("/") ? href : `${href}/`;
}
