// Checked datasets by content, so that a build reads, decodes, parses and checks a dataset only
// when its bytes (or the code that reads them) changed, and reads it once, not twice: the build's
// content check stores it and Astro's loader, in its own process, finds it here. At 3,000 small
// datasets parsing them took 5 to 6 CPU seconds in each process, two thirds of it the sidecars' YAML.
// The key is the dataset's id, CSV and sidecar bytes and a digest of the data layer's code and the
// locked dependencies; never file times. A dataset whose dates may have two-digit years read
// against the build's day (a date field, and no `source.published`) keeps that day in its entry,
// and is read again on another day; the others are kept across days. Only a dataset read without
// any message is kept, so a problem is always reported afresh.
// Entries are V8's serialisation of the dataset (dates, `undefined` and key order come back as
// they were, so every page and download made from it is the same byte for byte).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Dataset, DatasetBytes, DatasetStore } from "../data/index.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";

let readerHash: string | undefined;

/**
 * A digest of the code that turns a dataset's bytes into a Dataset: every file under src/data and
 * the lockfile (d3-dsv, yaml, iconv-lite, zod), so a change to either makes every entry stale.
 */
function datasetReaderVersion(): string {
  if (readerHash) return readerHash;
  const hash = createHash("sha256");
  const root = process.cwd();
  const dir = join(root, "src", "data");
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const name of files) {
    const path = join(dir, name);
    if (statSync(path).isFile()) hash.update(name).update("\u0000").update(readFileSync(path));
  }
  const lock = join(root, "package-lock.json");
  hash.update(existsSync(lock) ? readFileSync(lock) : "no lockfile");
  readerHash = hash.digest("hex").slice(0, 16);
  return readerHash;
}

/** The key a dataset read from `bytes` is kept under (the day is checked apart: see above). */
export function datasetKey(bytes: DatasetBytes): string {
  return createHash("sha256")
    .update(`${datasetReaderVersion()}\u0000${bytes.id}\u0000`)
    .update(String(bytes.csv.length))
    .update("\u0000")
    .update(bytes.csv)
    .update(bytes.sidecar)
    .digest("hex");
}

/** Datasets as files under `dir/datasets/`, one per key. */
export function fileDatasetCache(dir = defaultCacheDir()): DatasetStore {
  const folder = join(dir, "datasets");
  const pathOf = (key: string) => join(folder, `${key}.v8`);
  return {
    get(bytes) {
      const key = datasetKey(bytes);
      try {
        const entry = deserialize(readFileSync(pathOf(key))) as { key?: string; day?: string; dataset?: Dataset };
        // An entry cut short or not of this key (a copied folder) is read again from the files.
        if (entry.key !== key || entry.dataset?.id !== bytes.id) return undefined;
        return entry.day === undefined || entry.day === bytes.day ? entry.dataset : undefined;
      } catch {
        return undefined;
      }
    },
    set(bytes, dataset) {
      const key = datasetKey(bytes);
      const day = readsByDay(dataset) ? bytes.day : undefined;
      writeFileAtomic(pathOf(key), serialize({ key, day, dataset }));
    },
  };
}

/**
 * Whether the build's day may have shaped the dataset: only a date cell with a two-digit year is
 * read against it, and only when the sidecar gives no `source.published` (src/data/dates.ts).
 */
const readsByDay = (dataset: Dataset) => !dataset.source?.published && dataset.fields.some((f) => f.type === "date");
