// @ts-check
import { defineConfig } from "astro/config";

// The site's public URL: feeds, sitemaps, canonical and newsletter links are built from it.
// Override per deployment with PLOTLINE_SITE_URL.
const site = process.env.PLOTLINE_SITE_URL ?? "https://plotline.example.org";

export default defineConfig({
  site,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  // Stories are rendered by our own unified pipeline (src/markdown); Astro only lays out pages.
  devToolbar: { enabled: false },
});
