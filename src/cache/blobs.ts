// Large text (a story's HTML, a chart's SVG) kept out of Astro's content store: the store is
// compiled into JavaScript for the build, and at a thousand stories carried 110 MB that took
// V8 over 20 s and 3 GB to compile. Entries hold a content hash; pages read the text back.
// Named by content, so a blob is never stale and the folder is safe to delete between builds.
// The story cache (stories.ts) keeps its text here too, read only where it is used.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChartDrawing } from "../charts/render.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";

/** Where blobs are kept under a cache folder. */
export const blobDir = (cacheDir = defaultCacheDir()) => join(cacheDir, "blobs");

/** The id `text` is stored under: its SHA-256, in hex. */
export const blobId = (text: string) => createHash("sha256").update(text).digest("hex");

// A partial build's loader asks whether each of 3,000 datasets' and charts' blobs is there: 12,000
// existsSync calls, a quarter of a second of Astro's loader at 1,000 stories. While a listing is
// on (`listBlobsAfresh`, which the loader calls each time it loads the site), each folder is read
// once and its names kept; a blob not on the list may have been written since, so it is still
// looked for on disk before it is written or said to be gone. Elsewhere (tests that delete blobs
// between loads, `npm run check`) every question goes to the disk.
let listings: Map<string, Set<string>> | undefined;

/** Lists the blob folders afresh when next asked, and keeps the lists until called again. */
export const listBlobsAfresh = () => {
  listings = new Map();
};

function listed(dir: string): Set<string> | undefined {
  if (!listings) return undefined;
  let names = listings.get(dir);
  if (!names) {
    try {
      names = new Set(readdirSync(dir));
    } catch {
      names = new Set(); // no folder yet
    }
    listings.set(dir, names);
  }
  return names;
}

/** Whether the blob file `name` is in `dir`, on the list or on disk. */
function stored(dir: string, name: string): boolean {
  if (listed(dir)?.has(name)) return true;
  if (!existsSync(join(dir, name))) return false;
  listed(dir)?.add(name);
  return true;
}

/** Stores `text` and returns its id. */
export function putBlob(text: string, dir = blobDir()): string {
  const id = blobId(text);
  const name = `${id}.txt`;
  if (!stored(dir, name)) {
    writeFileAtomic(join(dir, name), text);
    listed(dir)?.add(name);
  }
  return id;
}

/** Stores `value` as JSON and returns its id: an entry's fields that only its own page reads. */
export const putJsonBlob = (value: unknown, dir = blobDir()) => putBlob(JSON.stringify(value), dir);

/** The value `putJsonBlob` stored under `id`. */
export const getJsonBlob = <T>(id: string, dir = blobDir()) => JSON.parse(getBlob(id, dir)) as T;

/** Whether blob `id` is stored. */
export const hasBlob = (id: string, dir = blobDir()) => stored(dir, `${id}.txt`);

/** The text stored under `id`. */
export function getBlob(id: string, dir = blobDir()): string {
  try {
    return readFileSync(join(dir, `${id}.txt`), "utf8");
  } catch {
    throw new Error(`Plotline's cache lost ${id}.txt while the site was building; run the build again.`);
  }
}

/** A chart entry's drawings with their SVG text read back from the blobs. */
export function withDrawings<T extends { drawings: Array<{ svg: string }> }>(chart: T): T {
  return { ...chart, drawings: chart.drawings.map((d) => ({ ...d, svg: getBlob(d.svg) })) };
}

// The blob each lazily read property came from, so it can be passed on by id, unread.
const lazyIds = new WeakMap<object, Map<string, string>>();

/**
 * Makes `holder[key]` the text of blob `id`, read from the store when first used. It stays an
 * ordinary property to everything else (spread, JSON), which then reads it; `lazyBlobId` names
 * it without reading, until something else is written to it.
 */
export function lazyBlob(holder: object, key: string, id: string, dir = blobDir()): void {
  let text: unknown;
  let read = false;
  Object.defineProperty(holder, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!read) text = getBlob(id, dir);
      read = true;
      return text;
    },
    set: (value: unknown) => {
      lazyIds.get(holder)?.delete(key);
      text = value;
      read = true;
    },
  });
  if (!lazyIds.has(holder)) lazyIds.set(holder, new Map());
  lazyIds.get(holder)!.set(key, id);
}

/** The blob `holder[key]` is read from, if it was made by `lazyBlob` and not replaced since. */
export const lazyBlobId = (holder: object, key: string) => lazyIds.get(holder)?.get(key);

/**
 * A drawing with its SVG as a blob id: the id it was read from if it came from the blobs, else
 * `toId(svg)` (putBlob to store it, blobId only to name it). Every field is listed (checked
 * against ChartDrawing) rather than spread, since spreading would read the SVG.
 */
export function drawingByBlob(drawing: ChartDrawing, toId: (svg: string) => string): ChartDrawing {
  const { layout, width, height } = drawing;
  const svg = lazyBlobId(drawing, "svg") ?? toId(drawing.svg);
  return { layout, width, height, svg } satisfies Record<keyof ChartDrawing, unknown>;
}
