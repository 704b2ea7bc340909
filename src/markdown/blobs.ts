// Large text (a story's HTML, a chart's SVG) kept out of Astro's content store: the store is
// compiled into JavaScript for the build, and at a thousand stories carried 110 MB that took
// V8 over 20 s and 3 GB to compile. Entries hold a content hash; pages read the text back.
// Named by content, so a blob is never stale and the folder is safe to delete between builds.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir } from "../charts/cache.ts";

const blobDir = () => join(defaultCacheDir(), "blobs");
let made = false;

/** Stores `text` and returns its id. */
export function putBlob(text: string): string {
  const id = createHash("sha256").update(text).digest("hex");
  const path = join(blobDir(), `${id}.txt`);
  if (!existsSync(path)) {
    if (!made) mkdirSync(blobDir(), { recursive: true });
    made = true;
    writeFileSync(`${path}.${process.pid}.tmp`, text);
    renameSync(`${path}.${process.pid}.tmp`, path);
  }
  return id;
}

/** The text stored under `id`. */
export function getBlob(id: string): string {
  try {
    return readFileSync(join(blobDir(), `${id}.txt`), "utf8");
  } catch {
    throw new Error(`Plotline's cache lost ${id}.txt while the site was building; run the build again.`);
  }
}

/** A chart entry's drawings with their SVG text read back from the blobs. */
export function withDrawings<T extends { drawings: Array<{ svg: string }> }>(chart: T): T {
  return { ...chart, drawings: chart.drawings.map((d) => ({ ...d, svg: getBlob(d.svg) })) };
}
