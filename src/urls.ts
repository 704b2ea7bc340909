// The site's public addresses: the configured site URL (PLOTLINE_SITE_URL, else `site` in
// plotline.config.json) and the path of every output (the table in CONTRIBUTING.md).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SITE_URL_ENV } from "./build/env.ts";
import { Diagnostics, type VFileMessage } from "./errors/diagnostic.ts";

export const CONFIG_FILE = "plotline.config.json";

export interface SiteUrlResult {
  /** The site's origin with a trailing slash, e.g. `https://news.example.org/`; absent on any problem. */
  site?: string;
  messages: VFileMessage[];
}

/** Reads the site URL; the environment variable wins over the file, so a deployment can override it. */
export function readSiteUrl(options: { projectRoot: string; env: Record<string, string | undefined> }): SiteUrlResult {
  const diagnostics = new Diagnostics();
  const fromEnv = options.env[SITE_URL_ENV]?.trim();
  if (fromEnv) {
    const site = checkSiteUrl(fromEnv, SITE_URL_ENV, { file: SITE_URL_ENV, line: 1, column: 1 }, diagnostics);
    return { site, messages: diagnostics.messages };
  }
  const path = join(options.projectRoot, CONFIG_FILE);
  if (!existsSync(path)) {
    diagnostics.add("SiteUrlMissing", {}, { file: CONFIG_FILE, line: 1, column: 1 });
    return { messages: diagnostics.messages };
  }
  const text = readFileSync(path, "utf8");
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    diagnostics.add("ConfigInvalid", { reason: (error as Error).message }, { file: CONFIG_FILE, line: 1, column: 1 });
    return { messages: diagnostics.messages };
  }
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    diagnostics.add("ConfigInvalid", { reason: "expected an object" }, { file: CONFIG_FILE, line: 1, column: 1 });
    return { messages: diagnostics.messages };
  }
  for (const key of Object.keys(config)) {
    if (key !== "site") diagnostics.add("ConfigUnknownKey", { key }, { file: CONFIG_FILE, ...placeOfKey(text, key) });
  }
  const value = (config as { site?: unknown }).site;
  if (value === undefined || value === "") {
    diagnostics.add("SiteUrlMissing", {}, { file: CONFIG_FILE, line: 1, column: 1 });
    return { messages: diagnostics.messages };
  }
  const place = { file: CONFIG_FILE, ...placeOfKey(text, "site") };
  const site = checkSiteUrl(String(value), "site", place, diagnostics);
  return { site: diagnostics.messages.length ? undefined : site, messages: diagnostics.messages };
}

const EXPECTED = "an absolute http or https address such as `https://news.example.org`";

function checkSiteUrl(
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
  // Pages link to each other from the domain's root (`/stories/...`), so a sub-path would break them.
  if (url.pathname !== "/" || url.search || url.hash) {
    diagnostics.add(
      "SiteUrlInvalid",
      {
        actual: value,
        setting,
        expected: "the address of a whole domain, without a path",
        fix: `serve the site from its own domain or subdomain and write \`${url.origin}\``,
      },
      place,
    );
    return undefined;
  }
  return `${url.origin}/`;
}

/** 1-based line and column of `"key"` in JSON text, or 1:1 when it cannot be found. */
function placeOfKey(text: string, key: string): { line: number; column: number } {
  const offset = text.indexOf(JSON.stringify(key));
  if (offset < 0) return { line: 1, column: 1 };
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
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
  story: (slug: string) => `/stories/${slug}/`,
  storyChart: (slug: string, chartId: string) => `/stories/${slug}/#${chartId}`,
  topic: (topic: string) => `/topics/${topic}/`,
  embed: (chartId: string) => `/embed/${chartId}/`,
  chartSvg: (chartId: string) => `/charts/${chartId}.svg`,
  chartPng: (chartId: string) => `/charts/${chartId}.png`,
  newsletter: (slug: string) => `/newsletter/${slug}/`,
  datasets: () => "/data/",
  dataset: (id: string) => `/data/${id}/`,
  datasetCsv: (id: string) => `/data/${id}.csv`,
  datasetSidecar: (id: string) => `/data/${id}.yml`,
  datasetSource: (id: string) => `/data/${id}.source.csv`,
  datasetPackage: (id: string) => `/data/${id}.datapackage.json`,
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

/** `path` as an absolute URL on `site`. */
export function absolute(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
