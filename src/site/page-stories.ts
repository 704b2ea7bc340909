// How a story is rendered for its page: with the share panels under each chart (embed code,
// newsletter snippet) when the site's URL is known, and cached under the digest of everything
// else a page depends on. The build's content check renders stories this way too, so on a cold
// build Astro's loader finds every story in the cache instead of rendering it a second time.
import { fileStoryCache, type StoryCache } from "../cache/stories.ts";
import { sharePanels } from "../charts/share.ts";
import type { ChartPanels } from "../markdown/rehype-chart.ts";
import { absolute, paths } from "../urls.ts";

/** The panels under each chart; none without the site's URL (`new URL(site).href`). */
export function storyPanels(siteHref: string | undefined): ChartPanels | undefined {
  if (siteHref === undefined) return undefined;
  return (chart, story) =>
    sharePanels(
      chart,
      siteHref,
      absolute(story.path ? `${story.path}#${chart.id}` : paths.storyChart(story.slug, chart.id), siteHref),
    );
}

/** The cache of stories rendered with `storyPanels(siteHref)`, under the build's shared digest. */
export function pageStoryCache(shared: string, siteHref: string | undefined, cacheDir?: string): StoryCache {
  return fileStoryCache(`pages:${shared}:${siteHref ?? ""}`, cacheDir);
}
