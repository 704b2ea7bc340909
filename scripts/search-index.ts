// The site's search index: Pagefind indexes each story's search document
// (src/components/search-document.ts) and writes `pagefind/` into the site, which /search/ loads
// from the same origin. Only the stories are indexed (their articles are data-pagefind-body).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { SEARCH_EXCLUDED, type SearchDocument } from "../src/components/search-document.ts";

export interface SearchIndex {
  /** Pages in the index. */
  pages: number;
  /** The index's files, by path under `pagefind/`, or none if `errors`. */
  files: Array<{ path: string; content: Uint8Array }>;
  errors: string[];
}

/**
 * Indexes `documents`, one at a time in the order given: Pagefind numbers pages in the order they
 * arrive and the index's bytes depend on it, so the same site must always come in the same order.
 */
export async function indexForSearch(documents: SearchDocument[]): Promise<SearchIndex> {
  try {
    const created = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDED });
    if (!created.index) return { pages: 0, files: [], errors: created.errors };
    const errors = [...created.errors];
    for (const document of documents) errors.push(...(await created.index.addHTMLFile(document)).errors);
    // Not `writeFiles`: it can answer before its files are all on disk, and `close()` below then
    // stops the writer (a truncated pagefind-entry.json in about one build in six at 1,000
    // stories). The files come back in memory and are written by the caller, whole.
    const index = await created.index.getFiles();
    errors.push(...index.errors);
    if (errors.length) return { pages: 0, files: [], errors };
    const entry = index.files.find((file) => file.path === "pagefind-entry.json");
    const languages = (JSON.parse(new TextDecoder().decode(entry!.content)) as PagefindEntry).languages;
    return { pages: Object.values(languages).reduce((n, l) => n + l.page_count, 0), files: index.files, errors };
  } finally {
    await pagefind.close();
  }
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Writes the index's files into `pagefind/` under the site folder `dir`. */
export function writeSearchIndex(index: SearchIndex, dir: string): void {
  for (const file of index.files) {
    const path = join(dir, "pagefind", file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
