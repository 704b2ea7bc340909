// Rendered stories by content, so a build after a small change does not parse every story twice
// (once to check, once for Astro) when only one changed. The key is the story's own text plus a
// digest of everything else its HTML depends on (code, datasets, settings), which the caller
// supplies; a story with any problem is never stored, so its messages are always fresh.
// An entry keeps the story's HTML and its charts' drawings as blobs (blobs.ts), read only when
// used: a one-story build reads every entry twice, and the text is nine tenths of each.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedStory } from "../markdown/story.ts";
import { blobDir, drawingByBlob, hasBlob, lazyBlob, putBlob } from "./blobs.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";

export interface StoryCache {
  /** Everything besides the story's text that shapes its HTML, as one digest. */
  context: string;
  get(key: string): RenderedStory | undefined;
  set(key: string, story: RenderedStory): void;
}

const storyKey = (cache: StoryCache, slug: string, text: string) =>
  createHash("sha256").update(cache.context).update("\u0000").update(slug).update("\u0000").update(text).digest("hex");

/**
 * The page `render` makes of `text`, or the one kept for the same slug and text; a page is kept
 * only when it has no message (so a problem is always reported afresh). Stories and place pages.
 */
export function renderCached<T extends RenderedStory>(
  cache: StoryCache | undefined,
  slug: string,
  text: string,
  render: () => T,
): T {
  if (!cache) return render();
  const key = storyKey(cache, slug, text);
  const kept = cache.get(key) as T | undefined;
  if (kept) return kept;
  const page = render();
  if (!page.messages.length) cache.set(key, page);
  return page;
}

export function fileStoryCache(context: string, dir = defaultCacheDir()): StoryCache {
  const stories = join(dir, "stories");
  const blobs = blobDir(dir);
  return {
    context,
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(join(stories, `${key}.json`), "utf8")) as {
          key?: string;
          story?: RenderedStory;
        };
        const story = entry.key === key ? entry.story : undefined;
        // An entry from an older Plotline (with the text inline), or whose blobs were deleted, is
        // not served: the story is rendered again and the entry replaced.
        const texts = story && storedTexts(story);
        if (!texts?.every(([, , id]) => hasBlob(id, blobs))) return undefined;
        for (const [holder, name, id] of texts) lazyBlob(holder, name, id, blobs);
        return story;
      } catch {
        return undefined;
      }
    },
    set(key, story) {
      const stored: RenderedStory = {
        ...story,
        html: putBlob(story.html, blobs),
        charts: story.charts.map((chart) => ({
          ...chart,
          drawings: chart.drawings.map((d) => drawingByBlob(d, (svg) => putBlob(svg, blobs))),
        })),
      };
      writeFileAtomic(join(stories, `${key}.json`), JSON.stringify({ key, story: stored }));
    },
  };
}

/**
 * Where a stored story's texts are: each holder, property and the blob id it holds; undefined if
 * the entry is not of that form (an older one holds the text itself).
 */
function storedTexts(story: RenderedStory): Array<[object, string, string]> | undefined {
  if (!Array.isArray(story.charts) || !story.charts.every((chart) => Array.isArray(chart.drawings))) return undefined;
  if (!Array.isArray(story.quoted) || !Array.isArray(story.values)) return undefined;
  const texts: Array<[object, string, unknown]> = [
    [story, "html", story.html],
    ...story.charts.flatMap((chart) => chart.drawings.map((d): [object, string, unknown] => [d, "svg", d.svg])),
  ];
  const isBlobId = (id: unknown) => typeof id === "string" && /^[0-9a-f]{64}$/.test(id);
  return texts.every(([, , id]) => isBlobId(id)) ? (texts as Array<[object, string, string]>) : undefined;
}
