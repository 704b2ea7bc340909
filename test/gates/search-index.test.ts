// The search index is built from the content (src/components/search-document.ts), not read back
// from the built pages. These gates prove the two agree: Pagefind given the site's own story
// pages writes, byte for byte, the index the build wrote.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { indexForSearch } from "../../scripts/search-index.ts";
import type { SiteBuild } from "./build.ts";

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string, prefix = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [p, content] of filesUnder(dir, path)) files.set(p, content);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

/** The index Pagefind makes from the built story pages, in the build's order (by URL). */
async function indexOfBuiltPages(site: SiteBuild) {
  const slugs = readdirSync(join(site.outDir, "stories")).sort();
  const pages = slugs.map((slug) => ({
    url: `/stories/${slug}/`,
    content: readFileSync(join(site.outDir, "stories", slug, "index.html"), "utf8"),
  }));
  return indexForSearch(pages.sort((a, b) => (a.url < b.url ? -1 : 1)));
}

describe.each([
  ["the seed site", () => inject("seed")],
  ["the hostile fixture", () => inject("hostile")],
])("the search index of %s", (_name, site) => {
  it("is what Pagefind makes from the site's own story pages", async () => {
    const built = filesUnder(join(site().outDir, "pagefind"));
    const fromPages = await indexOfBuiltPages(site());
    expect(fromPages.errors).toEqual([]);
    expect(fromPages.pages).toBeGreaterThan(0);
    const expected = new Map(fromPages.files.map((file) => [file.path, Buffer.from(file.content)]));
    expect([...built.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, content] of expected) expect(built.get(path)?.equals(content), path).toBe(true);
  });
});
