import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lazyBlobId } from "../../src/cache/blobs.ts";
import { openPngKeyMemo } from "../../src/cache/png-keys.ts";
import { fileStoryCache } from "../../src/cache/stories.ts";
import { loadSite } from "../../src/site/site.ts";
import { projectRoot } from "../build-helper.ts";

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

  it("keeps the HTML and drawings as blobs, read only when used, and renders again if they are gone", () => {
    const { root, cacheDir } = workspace();
    const fresh = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    const stories = join(cacheDir, "stories");
    const entries = readdirSync(stories).map((name) => join(stories, name));
    // The entry names its texts; it does not hold them.
    for (const entry of entries) {
      const text = readFileSync(entry, "utf8");
      expect(text).not.toContain("<svg");
      expect(text).not.toContain("<p>");
    }

    const cached = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    const story = cached.stories.find((s) => s.charts.length)!;
    const drawing = story.charts[0]!.drawings[0]!;
    expect(lazyBlobId(story, "html")).toMatch(/^[0-9a-f]{64}$/);
    expect(lazyBlobId(drawing, "svg")).toMatch(/^[0-9a-f]{64}$/);
    const original = fresh.stories.find((s) => s.slug === story.slug)!;
    expect(drawing.svg).toBe(original.charts[0]!.drawings[0]!.svg);
    expect(story.html).toBe(original.html);

    // Blobs deleted (the cache folder is safe to clear in part): the stories are rendered again.
    rmSync(join(cacheDir, "blobs"), { recursive: true });
    const again = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    expect(JSON.stringify(again.stories)).toBe(JSON.stringify(fresh.stories));
    expect(lazyBlobId(again.stories[0]!, "html")).toBeUndefined();

    // An entry in the older form, with its HTML inline, is not served either.
    const [entry] = entries;
    const stored = JSON.parse(readFileSync(entry!, "utf8")) as { story: { html: string } };
    stored.story.html = "<p>an old page</p>";
    writeFileSync(entry!, JSON.stringify(stored));
    const afterOld = loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    expect(afterOld.stories.map((s) => s.html)).toEqual(fresh.stories.map((s) => s.html));
    expect(readFileSync(entry!, "utf8")).not.toContain("an old page");
  });

  it("reads no text while a site is loaded and its PNG keys worked out, and forgets an id once written", () => {
    const { root, cacheDir } = workspace();
    loadSite({ root, storyCache: fileStoryCache("ctx", cacheDir) });
    const memo = openPngKeyMemo(cacheDir);
    const cached = loadSite({
      root,
      storyCache: fileStoryCache("ctx", cacheDir),
      onChart: (chart) =>
        memo.keyOf(
          chart,
          () => true,
          () => "worked out",
        ),
    });
    // With the blobs gone, reading any text would throw: nothing did.
    rmSync(join(cacheDir, "blobs"), { recursive: true });
    const story = cached.stories.find((s) => s.charts.length)!;
    expect(() => story.html).toThrow(/lost/);
    expect(() => story.charts[0]!.drawings[0]!.svg).toThrow(/lost/);

    story.html = "<p>new</p>";
    expect(story.html).toBe("<p>new</p>");
    expect(lazyBlobId(story, "html")).toBeUndefined();
  });
});
