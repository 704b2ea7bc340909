// The site search: Pagefind indexes the new site's story and place pages (only elements marked
// data-pagefind-body) and writes `pagefind/` beside them, which /search/ loads from the same origin.
//
// Pages are given to Pagefind one by one, in the order of their paths. Its index numbers pages in
// the order they were added, and `addDirectory` adds them in the order the file system lists a
// folder (by name hash on ext4, by creation on a small folder or another file system), so the same
// site could index to different bytes on another machine. A page added again under the same path
// replaces the earlier one where it stands, so a partial build can index the last site's pages
// while Astro writes the changed ones, then put those in their places: the same bytes as indexing
// the new site from scratch (tested), at the cost of only the changed pages after Astro.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join, relative } from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
  errors: string[];
}

export interface SearchIndexer {
  /** Adds the pages at `files` (paths relative to `dir`) in the order given; a path added before is replaced in place. */
  add(dir: string, files: readonly string[]): void;
  /** Writes the index of every page added into `dir/pagefind/`, whole. */
  write(dir: string): Promise<SearchIndexResult>;
  /** Stops Pagefind without writing anything. */
  discard(): Promise<void>;
}

// Pages read ahead of Pagefind, which indexes one at a time: enough to keep it busy, few enough
// that a thousand stories' HTML is never all in memory at once.
const IN_FLIGHT = 16;

/** The pages Pagefind reads: every HTML file under `stories/` and `places/`, sorted by path. */
export function searchedPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // no such folder: a site without place pages
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) found.push(relative(dir, path).split("\\").join("/"));
    }
  };
  for (const top of ["stories", "places"]) walk(join(dir, top));
  return found.sort();
}

const DRAWINGS = '<div class="chart-drawings">';

/**
 * `html` with the inside of each chart's drawings left out. Pagefind skips them anyway (see
 * `excludeSelectors`), but still reads them, and they are half of a story page's bytes: a page
 * without them is indexed in about half the time, to the same index (tested, and checked on the
 * seed, the fixture sites and a 1,000-story corpus). SVG text is escaped, so the drawings hold
 * no `<div` but their own; a container that does not close is left as it is.
 */
export function withoutDrawings(html: string): string {
  let kept = "";
  let from = 0;
  for (;;) {
    const start = html.indexOf(DRAWINGS, from);
    if (start < 0) return kept + html.slice(from);
    const tags = /<div\b|<\/div>/g;
    tags.lastIndex = start + DRAWINGS.length;
    let depth = 1;
    while (depth > 0) {
      const tag = tags.exec(html);
      if (!tag) return kept + html.slice(from);
      depth += tag[0] === "</div>" ? -1 : 1;
    }
    kept += `${html.slice(from, start)}${DRAWINGS}</div>`;
    from = tags.lastIndex;
  }
}

/**
 * Starts an index; pages are added as they are given, while the caller goes on. `background`:
 * Pagefind runs at the lowest priority, on what the rest of the build leaves of the cores.
 */
export function startSearchIndex(options: { background?: boolean } = {}): SearchIndexer {
  const errors: string[] = [];
  const created = pagefind
    .createIndex({
      // The drawings' axis labels and the share panels' code are not words a reader searches for.
      excludeSelectors: [".chart-drawings", ".chart-share"],
    })
    .then((created) => {
      if (options.background) lowerPagefindPriority();
      return created;
    });
  // Pagefind's service handles its messages one at a time, in the order they were sent, so pages
  // sent in path order are indexed in path order however many are on their way.
  let queue: Promise<unknown> = created;
  let stopped = false;
  const inFlight = new Set<Promise<unknown>>();
  const add = (dir: string, files: readonly string[]) => {
    queue = queue.then(async () => {
      const { index } = await created;
      if (!index) return;
      for (const file of files) {
        if (stopped) break;
        while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
        const content = withoutDrawings(readFileSync(join(dir, file), "utf8"));
        const added: Promise<unknown> = index
          .addHTMLFile({ sourcePath: file, content })
          .then((response) => errors.push(...response.errors))
          .finally(() => inFlight.delete(added));
        inFlight.add(added);
      }
      await Promise.all(inFlight);
    });
  };

  const write = async (dir: string): Promise<SearchIndexResult> => {
    try {
      const { index, errors: createErrors } = await created;
      await queue;
      if (!index) return { pages: 0, errors: createErrors };
      // Not `writeFiles`: it can answer before its files are all on disk, and `close()` below then
      // stops the writer (a truncated pagefind-entry.json in about one build in six at 1,000
      // stories). The files come back in memory and are written here, whole, before we go on.
      const built = await index.getFiles();
      const problems = [...createErrors, ...errors, ...built.errors];
      if (problems.length) return { pages: 0, errors: problems };
      let entryFile: Uint8Array | undefined;
      for (const file of built.files) {
        const path = join(dir, "pagefind", file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
        if (file.path === "pagefind-entry.json") entryFile = file.content;
      }
      // Pagefind reads every page but indexes only those with data-pagefind-body: count those.
      const entry = JSON.parse(new TextDecoder().decode(entryFile)) as {
        languages: Record<string, { page_count: number }>;
      };
      return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0), errors: [] };
    } finally {
      await pagefind.close();
    }
  };

  // Pages already sent are let finish (Pagefind would never answer them once closed), no more sent.
  const discard = async () => {
    stopped = true;
    await queue.catch(() => undefined);
    await pagefind.close();
  };
  return { add, write, discard };
}

/**
 * Gives this process's Pagefind child the lowest CPU priority. Pagefind's library does not expose
 * its process, so it is found among this process's children (Linux's /proc); elsewhere, and when
 * the system refuses, it keeps its priority: only the timing changes, never the index.
 */
function lowerPagefindPriority(): void {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      // `pid (comm) state ppid ...`: the name may hold spaces, so read past its closing bracket.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (!name?.startsWith("pagefind") || Number(rest?.split(" ")[1]) !== process.pid) continue;
      setPriority(Number(pid), 19);
    } catch {
      // Gone, or not ours to change.
    }
  }
}

/** Indexes the site in `dir` and writes the index into `dir/pagefind/`, whole. */
export async function writeSearchIndex(dir: string): Promise<SearchIndexResult> {
  const indexer = startSearchIndex();
  indexer.add(dir, searchedPages(dir));
  return indexer.write(dir);
}
