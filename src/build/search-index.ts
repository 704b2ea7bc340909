// The site search: Pagefind indexes the new site's story and place pages (only elements marked
// data-pagefind-body) and writes `pagefind/` beside them, which /search/ loads from the same origin.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
  errors: string[];
}

/** Indexes the site in `dir` and writes the index into `dir/pagefind/`, whole. */
export async function writeSearchIndex(dir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({
      // The drawings' axis labels and the share panels' code are not words a reader searches for.
      excludeSelectors: [".chart-drawings", ".chart-share"],
    });
    if (!created.index) return { pages: 0, errors: created.errors };
    // Only story and place pages are indexed (data-pagefind-body), so only they need reading.
    const added = await created.index.addDirectory({ path: dir, glob: "{stories,places}/**/*.html" });
    // Not `writeFiles`: it can answer before its files are all on disk, and `close()` below then
    // stops the writer (a truncated pagefind-entry.json in about one build in six at 1,000
    // stories). The files come back in memory and are written here, whole, before we go on.
    const index = await created.index.getFiles();
    const errors = [...created.errors, ...added.errors, ...index.errors];
    if (errors.length) return { pages: 0, errors };
    let entryFile: Uint8Array | undefined;
    for (const file of index.files) {
      const path = join(dir, "pagefind", file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      if (file.path === "pagefind-entry.json") entryFile = file.content;
    }
    // Pagefind reads every page but indexes only those with data-pagefind-body: count those.
    const entry = JSON.parse(new TextDecoder().decode(entryFile)) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0), errors };
  } finally {
    await pagefind.close();
  }
}
