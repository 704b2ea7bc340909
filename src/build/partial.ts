// A partial build: `npm run build` asks Astro for only the pages of stories that changed since
// the last build (and their charts' and datasets' pages), then keeps the rest from the previous
// site. Every route with one page per story, chart or dataset asks here whether to build it.
// Without the variable, all. build.ts writes the file before Astro starts (the sitemap's
// settings read it) and again, with `datasets`, before Astro's loader goes on (the routes read it).
import { readFileSync } from "node:fs";
import { PARTIAL_BUILD_ENV } from "./env.ts";

export interface PartialBuild {
  /** Stories whose pages (story, newsletter, and their charts' embed pages and SVGs) are built now. */
  stories: string[];
  /** Absolute URLs of pages kept from the last build, for the sitemap. */
  keptPages: string[];
  /**
   * Datasets whose pages (`/data/<id>/`, which list the charts and stories using them) are built
   * now: those the changed stories' charts use or used. Their downloads depend on the dataset
   * alone, which a partial build never changes, so they are always kept.
   */
  datasets: string[];
}

let loaded: PartialBuild | null | undefined;

/** The plan written by build.ts, or null for a full build. */
export function partialBuild(): PartialBuild | null {
  if (loaded !== undefined) return loaded;
  const file = process.env[PARTIAL_BUILD_ENV];
  loaded = file ? (JSON.parse(readFileSync(file, "utf8")) as PartialBuild) : null;
  return loaded;
}

/** Whether this build writes the pages of `slug`, or of a chart in it. */
export const buildsStory = (slug: string) => partialBuild()?.stories.includes(slug) ?? true;

/** Whether this build writes the page of dataset `id`. */
export const buildsDatasetPage = (id: string) => partialBuild()?.datasets.includes(id) ?? true;

/** Whether this build writes the datasets' downloads (a partial build keeps them). */
export const buildsDatasetFiles = () => partialBuild() === null;
