// A partial build: `npm run build` asks Astro for only the pages of stories that changed since
// the last build (and their charts' pages), then keeps the rest from the previous site. Every
// route with one page per story or chart asks here whether to build it. Without the variable, all.
import { readFileSync } from "node:fs";

export const PARTIAL_BUILD_ENV = "PLOTLINE_PARTIAL_BUILD";

export interface PartialBuild {
  /** Stories whose pages (story, newsletter, and their charts' embed pages and SVGs) are built now. */
  stories: string[];
  /** Absolute URLs of story pages kept from the last build, for the sitemap. */
  keptPages: string[];
}

let loaded: PartialBuild | null | undefined;

/** The plan written by scripts/build.ts, or null for a full build. */
export function partialBuild(): PartialBuild | null {
  if (loaded !== undefined) return loaded;
  const file = process.env[PARTIAL_BUILD_ENV];
  loaded = file ? (JSON.parse(readFileSync(file, "utf8")) as PartialBuild) : null;
  return loaded;
}

/** Whether this build writes the pages of `slug`, or of a chart in it. */
export const buildsStory = (slug: string) => partialBuild()?.stories.includes(slug) ?? true;
