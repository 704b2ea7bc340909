// Every environment variable that passes between `npm run build` and the Astro build it starts,
// or that a newsroom or a test sets. One list, so the contract between the two processes can be
// read in one place; each module reads its variable through this file.

/** Set by a newsroom or a test: where the built site goes (default `dist`). */
export const OUT_DIR_ENV = "PLOTLINE_OUT_DIR";
/** Set by a newsroom or a test: the folder holding `content/` and `data/` (default: the project). */
export const ROOT_ENV = "PLOTLINE_ROOT";
/** Set by a newsroom or a test: where derived files are kept (default under node_modules/.cache). */
export const CACHE_DIR_ENV = "PLOTLINE_CACHE_DIR";
/** Set by a newsroom or a deployment: the site's public URL, over `site` in plotline.config.json. */
export const SITE_URL_ENV = "PLOTLINE_SITE_URL";
/** `1` to build drafts too (previews). */
export const DRAFTS_ENV = "PLOTLINE_DRAFTS";

/** Build to Astro: the build's pid; Astro stops if that process dies (astro-child.ts). */
export const BUILD_PID_ENV = "PLOTLINE_BUILD_PID";
/** Build to Astro: a file that appears once the content check has passed (content-gate.ts). */
export const CONTENT_GATE_ENV = "PLOTLINE_CONTENT_GATE";
/** Build to Astro: the partial build's plan, a JSON file (partial.ts). */
export const PARTIAL_BUILD_ENV = "PLOTLINE_PARTIAL_BUILD";
/** Build to Astro: `1` when the build writes /charts/<id>.png itself, so Astro's route draws none. */
export const PNGS_BY_BUILD_ENV = "PLOTLINE_PNGS_BY_BUILD";
/** Build to Astro: the digest of code, settings and data, naming the story cache Astro reads. */
export const SHARED_DIGEST_ENV = "PLOTLINE_SHARED_DIGEST";
/** Build to Astro: the published record as this build will leave it (src/site/published.ts). */
export const PUBLISHED_RECORD_ENV = "PLOTLINE_PUBLISHED_RECORD";
/** Build to Astro: a cache folder of Astro's own for builds into a folder other than dist/. */
export const ASTRO_CACHE_DIR_ENV = "PLOTLINE_ASTRO_CACHE_DIR";
