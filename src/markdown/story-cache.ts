// Rendered stories by content, so a build after a small change does not parse every story twice
// (once to check, once for Astro) when only one changed. The key is the story's own text plus a
// digest of everything else its HTML depends on (code, datasets, settings), which the caller
// supplies; a story with any problem is never stored, so its messages are always fresh.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir } from "../charts/cache.ts";
import type { RenderedStory } from "./story.ts";

export interface StoryCache {
  /** Everything besides the story's text that shapes its HTML, as one digest. */
  context: string;
  get(key: string): RenderedStory | undefined;
  set(key: string, story: RenderedStory): void;
}

export const storyKey = (cache: StoryCache, slug: string, text: string) =>
  createHash("sha256").update(cache.context).update("\u0000").update(slug).update("\u0000").update(text).digest("hex");

export function fileStoryCache(context: string, dir = defaultCacheDir()): StoryCache {
  const stories = join(dir, "stories");
  let made = false;
  return {
    context,
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(join(stories, `${key}.json`), "utf8")) as {
          key?: string;
          story?: RenderedStory;
        };
        return entry.key === key && entry.story && typeof entry.story.html === "string" ? entry.story : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, story) {
      if (!made) mkdirSync(stories, { recursive: true });
      made = true;
      const path = join(stories, `${key}.json`);
      writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify({ key, story }));
      renameSync(`${path}.${process.pid}.tmp`, path);
    },
  };
}
