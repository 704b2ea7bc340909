import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { searchedPages, startSearchIndex, writeSearchIndex } from "../../src/build/search-index.ts";
import { scratchDir } from "../build-helper.ts";

const page = (slug: string, words: string) =>
  `<!doctype html><html lang="en-GB"><head><title>${slug}</title></head><body>` +
  `<article data-pagefind-body><h1>${slug}</h1><p>${words}</p>` +
  `<div class="chart-drawings"><svg><text>axis label</text></svg></div></article></body></html>`;

/** Writes the pages of `slugs`, in that order, as a site under `dir`. */
function writeSite(dir: string, slugs: string[], words: (slug: string) => string) {
  for (const slug of slugs) {
    mkdirSync(join(dir, "stories", slug), { recursive: true });
    writeFileSync(join(dir, "stories", slug, "index.html"), page(slug, words(slug)));
  }
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "data", "index.html"), page("data", "not searched"));
}

/** Every file of the index Pagefind wrote under `dir`, with its bytes. */
function indexFiles(dir: string): Map<string, string> {
  const root = join(dir, "pagefind");
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [file.slice(root.length), readFileSync(file).toString("base64")]),
  );
}

const slugs = Array.from({ length: 40 }, (_, i) => `story-${i}`);
const words = (slug: string) => `${slug} reports on the council budget, placements and vacancies ${slug.length}`;

describe("the search index", () => {
  it("reads only story and place pages, in path order", () => {
    const dir = scratchDir();
    writeSite(dir, ["b", "a", "c"], words);
    mkdirSync(join(dir, "places", "wards", "x"), { recursive: true });
    writeFileSync(join(dir, "places", "wards", "x", "index.html"), page("x", "ward"));
    expect(searchedPages(dir)).toEqual([
      "places/wards/x/index.html",
      "stories/a/index.html",
      "stories/b/index.html",
      "stories/c/index.html",
    ]);
  });

  it("is made in path order, so its bytes do not depend on how the file system lists a folder", async () => {
    const [forward, backward, reversed] = [scratchDir(), scratchDir(), scratchDir()];
    writeSite(forward, slugs, words);
    writeSite(backward, [...slugs].reverse(), words);
    writeSite(reversed, slugs, words);
    expect((await writeSearchIndex(forward)).pages).toBe(40);
    expect((await writeSearchIndex(backward)).pages).toBe(40);
    expect(indexFiles(backward)).toEqual(indexFiles(forward));
    // Pagefind numbers pages in the order they are added (a folder's listing order, for its own
    // addDirectory): the same pages in another order make other bytes.
    const indexer = startSearchIndex();
    indexer.add(reversed, searchedPages(reversed).reverse());
    await indexer.write(reversed);
    expect(indexFiles(reversed)).not.toEqual(indexFiles(forward));
  }, 60_000);

  it("gives a fresh index's bytes when changed pages replace their last versions in place", async () => {
    const [last, now, fresh] = [scratchDir(), scratchDir(), scratchDir()];
    const changed = new Set(["story-3", "story-17"]);
    writeSite(last, slugs, words);
    const nowWords = (slug: string) => (changed.has(slug) ? `${words(slug)} and a correction` : words(slug));
    writeSite(now, slugs, nowWords);
    writeSite(fresh, slugs, nowWords);

    // A partial build: the last site's pages first, then the pages written again.
    const indexer = startSearchIndex();
    indexer.add(last, searchedPages(last));
    indexer.add(now, ["stories/story-17/index.html", "stories/story-3/index.html"]);
    expect((await indexer.write(now)).pages).toBe(40);
    await writeSearchIndex(fresh);
    expect(indexFiles(now)).toEqual(indexFiles(fresh));
  }, 60_000);
});
