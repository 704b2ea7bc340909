import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { searchedPages, startSearchIndex, withoutDrawings, writeSearchIndex } from "../../src/build/search-index.ts";
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

describe("the pages Pagefind is given", () => {
  const drawing = (id: string) =>
    `<div class="chart-drawing chart-wide"><svg aria-labelledby="${id}-t"><title id="${id}-t">Spending</title>` +
    `<g><text>£1.2m</text><svg><text>nested</text></svg></g></svg></div>`;

  it("leave out the inside of each chart's drawings, nested or not, and keep everything else", () => {
    const html =
      `<article><p>Before</p><div class="chart-drawings">${drawing("a")}${drawing("b")}</div>` +
      `<details class="chart-data"><table><tr><td>£1.2m</td></tr></table></details>` +
      `<div class="chart-drawings"><div><div></div></div></div><p>After</p></article>`;
    expect(withoutDrawings(html)).toBe(
      `<article><p>Before</p><div class="chart-drawings"></div>` +
        `<details class="chart-data"><table><tr><td>£1.2m</td></tr></table></details>` +
        `<div class="chart-drawings"></div><p>After</p></article>`,
    );
  });

  it("are left as they are when a drawings container does not close", () => {
    const html = `<p>Text</p><div class="chart-drawings"><div>${drawing("a")}`;
    expect(withoutDrawings(html)).toBe(html);
    expect(withoutDrawings("<p>No charts</p>")).toBe("<p>No charts</p>");
  });

  it("index to the same bytes as the whole pages, whose drawings Pagefind skips", async () => {
    const [whole, stripped] = [scratchDir(), scratchDir()];
    for (const slug of slugs.slice(0, 10)) {
      for (const [dir, inside] of [
        [whole, drawing(slug)],
        [stripped, ""],
      ] as const) {
        mkdirSync(join(dir, "stories", slug), { recursive: true });
        const html = page(slug, `${words(slug)}</p><div class="chart-drawings">${inside}</div><p>`);
        writeFileSync(join(dir, "stories", slug, "index.html"), html);
      }
    }
    await writeSearchIndex(stripped);
    // Pagefind itself, given the whole pages (the indexer would leave their drawings out).
    const { index } = await pagefind.createIndex({ excludeSelectors: [".chart-drawings", ".chart-share"] });
    for (const file of searchedPages(whole))
      await index!.addHTMLFile({ sourcePath: file, content: readFileSync(join(whole, file), "utf8") });
    for (const file of (await index!.getFiles()).files) {
      mkdirSync(dirname(join(whole, "pagefind", file.path)), { recursive: true });
      writeFileSync(join(whole, "pagefind", file.path), file.content);
    }
    await pagefind.close();
    expect(indexFiles(whole)).toEqual(indexFiles(stripped));
  }, 60_000);
});
