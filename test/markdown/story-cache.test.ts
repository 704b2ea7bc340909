import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/markdown/site.ts";
import { fileStoryCache } from "../../src/markdown/story-cache.ts";
import { projectRoot } from "../site/build-helper.ts";

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "plotline-stories-"));
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), join(dir, "site"), { recursive: true });
  return { root: join(dir, "site"), cacheDir: join(dir, "cache") };
}

describe("the story cache", () => {
  it("gives the same site from the cache as from the files, and stores only stories without problems", () => {
    const { root, cacheDir } = workspace();
    const fresh = loadSite({ root });
    const first = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    const cached = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    expect(JSON.stringify(cached.stories)).toBe(JSON.stringify(fresh.stories));
    expect(JSON.stringify(first.stories)).toBe(JSON.stringify(fresh.stories));
    expect(readdirSync(join(cacheDir, "stories"))).toHaveLength(3);

    // A broken story is rendered (and reported) every time, never stored.
    writeFileSync(join(root, "content", "stories", "broken.md"), "---\ntitle: T\n---\n");
    const broken = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    expect(broken.messages.length).toBeGreaterThan(0);
    expect(readdirSync(join(cacheDir, "stories"))).toHaveLength(3);
    expect(loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) }).messages).toEqual(broken.messages);
  });

  it("keys stories on the context, so other code or data never serves an old page", () => {
    const { root, cacheDir } = workspace();
    loadSite({ root, storyCache: fileStoryCache("one", cacheDir) });
    loadSite({ root, storyCache: fileStoryCache("two", cacheDir) });
    expect(readdirSync(join(cacheDir, "stories"))).toHaveLength(6);
  });
});
