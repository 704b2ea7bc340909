// @ts-check
import { fileURLToPath } from "node:url";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { exitWithBuild } from "./src/build-child.ts";
import { formatReport } from "./src/errors/print.ts";
import { partialBuild } from "./src/partial-build.ts";
import { readSiteUrl } from "./src/urls.ts";

// The site's public URL: feeds, the sitemap, canonical, newsletter and embed links are built from
// it. It comes from PLOTLINE_SITE_URL or `site` in plotline.config.json. When it is missing, `dev`
// and `check` still run; `npm run build` stops first with a message naming both settings, and a
// page that needs an absolute link throws the same message rather than printing `undefined`.
// Under `npm run build`, Astro stops if the build that started it dies (see src/build-child.ts).
exitWithBuild();

const { site, messages } = readSiteUrl({ projectRoot: fileURLToPath(new URL(".", import.meta.url)), env: process.env });
const problems = messages.filter((m) => m.ruleId !== "SiteUrlMissing");
if (problems.length) throw new Error(formatReport(problems));

export default defineConfig({
  site,
  // scripts/build.ts gives a build into another folder its own cache (see there); else the default.
  cacheDir: process.env.PLOTLINE_ASTRO_CACHE_DIR || undefined,
  // ...and Vite's dependency cache too: builds running at once (tests) must not race on it.
  vite: process.env.PLOTLINE_ASTRO_CACHE_DIR ? { cacheDir: `${process.env.PLOTLINE_ASTRO_CACHE_DIR}/vite` } : {},
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  // Embeds and newsletter editions are for other sites and email, not for search engines.
  // A partial build (see src/partial-build.ts) lists the story pages it kept, so the sitemap
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
