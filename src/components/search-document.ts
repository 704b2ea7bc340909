// What the search index is built from: each story's article (story-article.ts, the same markup as
// its page) in a page of its own, made from the content rather than read back from the built
// site. So indexing need not wait for Astro, and a one-story build indexes beside it.
import { siteConfig } from "../config.ts";
import type { Frontmatter } from "../markdown/frontmatter.ts";
import { paths } from "../urls.ts";
import { storyArticle } from "./story-article.ts";

/** What the indexer is given: what Pagefind's `addHTMLFile` takes. */
export interface SearchDocument {
  url: string;
  content: string;
}

// Pagefind leaves these out of the index (scripts/search-index.ts): a chart's axis labels and its
// share panels' code are not words a reader searches for.
export const SEARCH_EXCLUDED = [".chart-drawings", ".chart-share"];

/** The page the indexer reads for one story: only what the index takes from the story's page. */
export function searchDocument(story: { slug: string; frontmatter: Frontmatter; html: string }): SearchDocument {
  const article = storyArticle(story.frontmatter, withoutExcluded(story.html));
  return {
    url: paths.story(story.slug),
    content: `<!DOCTYPE html><html lang="${siteConfig.lang}"><head><meta charset="utf-8"></head><body>${article}</body></html>`,
  };
}

// The parts of a figure the index leaves out, as src/charts/figure.ts and share.ts write them:
// - the drawings: `<div class="chart-drawings">`, one or more
//   `<div class="chart-drawing chart-LAYOUT"><svg …></svg></div>` (an SVG holding no other
//   `</svg>`), then `</div>`;
// - each share panel: `<details class="chart-panel chart-share …">` … `</details>` (holding no
//   other `</details>`).
// Anything else is left for the indexer to exclude.
const EXCLUDED_PARTS = new RegExp(
  [
    /<div class="chart-drawings">(?:<div class="chart-drawing chart-[a-z]+"><svg\b(?:[^<]|<(?!\/svg>))*<\/svg><\/div>)+<\/div>/,
    /<details class="chart-panel chart-share[ a-z-]*">(?:[^<]|<(?!\/details>))*<\/details>/,
  ]
    .map((part) => part.source)
    .join("|"),
  "g",
);

/**
 * `html` without what the index leaves out of its charts: nine tenths of a story's HTML, which
 * the indexer would otherwise parse only to skip.
 */
export const withoutExcluded = (html: string) => html.replace(EXCLUDED_PARTS, "");
