// Newsroom settings every page shares, read once from plotline.config.json (src/settings/), and
// where the content lives.
import { resolve } from "node:path";
import { ROOT_ENV } from "./build/env.ts";
import { formatReport } from "./errors/print.ts";
import { readConfig } from "./settings/read.ts";
import type { SiteConfig } from "./settings/schema.ts";

let loaded: SiteConfig | undefined;

/**
 * The settings, for pages: the project's plotline.config.json (Astro runs in the project folder).
 * The build has reported any problem in it before a page is written; `astro dev` stops here.
 */
export function siteConfig(): SiteConfig {
  if (loaded) return loaded;
  const { config, messages } = readConfig({ projectRoot: process.cwd(), env: process.env });
  if (!config) {
    const error = new Error(formatReport(messages.filter((m) => m.ruleId !== "SiteUrlMissing")));
    error.stack = error.message;
    throw error;
  }
  return (loaded = config);
}

/** The folder holding `data/` and `content/`: the project, or a fixture site in tests (PLOTLINE_ROOT). */
export function contentRoot(): string {
  return resolve(process.cwd(), process.env[ROOT_ENV] || ".");
}
