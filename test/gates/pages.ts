// The built site as the gates see it: every HTML page, its URL and its page type.
import { readdirSync } from "node:fs";
import { join, sep } from "node:path";

export type PageType =
  | "home"
  | "story"
  | "topic"
  | "datasets"
  | "dataset"
  | "embed"
  | "newsletter"
  | "search"
  | "not-found"
  | "places"
  | "place-index"
  | "place"
  | "other";

export interface Page {
  /** Path inside the built folder, with forward slashes: `stories/x/index.html`. */
  file: string;
  /** The URL a reader opens: `/stories/x/`. */
  url: string;
  type: PageType;
}

// The first folder of a page's URL names its type (CONTRIBUTING.md lists them).
const TYPES: Record<string, PageType> = {
  stories: "story",
  topics: "topic",
  data: "dataset",
  embed: "embed",
  newsletter: "newsletter",
  search: "search",
};

export function pageType(file: string): PageType {
  if (file === "index.html") return "home";
  if (file === "404.html" || file === "404/index.html") return "not-found";
  if (file === "data/index.html") return "datasets";
  // `/places/`, `/places/<template>/` and `/places/<template>/<place>/`.
  if (file.startsWith("places/"))
    return (["places", "place-index", "place"] as const)[file.split("/").length - 2] ?? "other";
  return TYPES[file.split("/")[0]!] ?? "other";
}

/** Every HTML page in `dir`, sorted; Pagefind's own files are not pages of ours. */
export function listPages(dir: string): Page[] {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(sep).join("/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
    .sort();
  return files.map((file) => ({
    file,
    url: `/${file.replace(/(^|\/)index\.html$/, "$1")}`,
    type: pageType(file),
  }));
}

/** One page of each type (the first in sorted order), for the gates that cost seconds a page. */
export function onePerType(pages: Page[]): Page[] {
  const seen = new Map<PageType, Page>();
  for (const page of pages) if (!seen.has(page.type)) seen.set(page.type, page);
  return [...seen.values()];
}

/** The promise: story, topic, data and embed pages ship no JavaScript (search may). We hold every
 * page but search to it, since none of the others has a reason to run script either. */
export const promisesNoScript = (page: Page) => page.type !== "search";

export const readPath = (dir: string, page: Page) => join(dir, page.file);
