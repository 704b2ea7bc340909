// @ts-check
import { fileURLToPath } from "node:url";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { exitWithBuild } from "./src/build/astro-child.ts";
import { ASTRO_CACHE_DIR_ENV } from "./src/build/env.ts";
import { partialBuild } from "./src/build/partial.ts";
import { formatReport } from "./src/errors/print.ts";
import { readConfig } from "./src/settings/read.ts";

// The site's public URL: feeds, the sitemap, canonical, newsletter and embed links are built from
// it. It comes from PLOTLINE_SITE_URL or `site` in plotline.config.json; a path in it
// (`https://example.org/ledger/`) is Astro's `base`, and every page links under it. When it is missing, `dev`
// and `check` still run; `npm run build` stops first with a message naming both settings, and a
// page that needs an absolute link throws the same message rather than printing `undefined`.
// Under `npm run build`, Astro stops if the build that started it dies (see src/build/astro-child.ts).
exitWithBuild();

const { site, messages } = readConfig({ projectRoot: fileURLToPath(new URL(".", import.meta.url)), env: process.env });
const astroCacheDir = process.env[ASTRO_CACHE_DIR_ENV] || undefined;
const problems = messages.filter((m) => m.ruleId !== "SiteUrlMissing");
if (problems.length) throw new Error(formatReport(problems));

const base = site && new URL(site).pathname !== "/" ? new URL(site).pathname : undefined;

export default defineConfig({
  site,
  base,
  // The build gives a build into another folder its own cache (src/build/build.ts); else the default.
  cacheDir: astroCacheDir,
  // ...and Vite's dependency cache too: builds running at once (tests) must not race on it.
  vite: astroCacheDir ? { cacheDir: `${astroCacheDir}/vite` } : {},
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  // Embeds and newsletter editions are for other sites and email, not for search engines.
  // A partial build (see src/build/partial.ts) lists the story pages it kept, so the sitemap
  // still names every page.
  integrations: [
    sitemap({
      filter: (page) => !/\/(embed|newsletter)\//.test(page),
      customPages: partialBuild()?.keptPages ?? [],
    }),
  ],
  // Stories are rendered by our own unified pipeline (src/markdown); Astro only lays out pages.
  devToolbar: { enabled: false },
});
