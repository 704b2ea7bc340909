// The chart cache: a rendered chart stored under a hash of everything that shaped it (the block's
// YAML, the dataset's bytes, the renderer's own source), never under file times, which a fresh
// clone resets. Entries are written whole (folder.ts); an entry that
// does not parse or does not carry its own key is treated as missing and drawn again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RenderedChart } from "../charts/render.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";

export interface ChartCache {
  get(key: string): RenderedChart | undefined;
  set(key: string, chart: RenderedChart): void;
}

/** Our patches to dependencies, applied by `npm ci` (package.json's postinstall runs patch-package). */
export const DEPENDENCY_PATCHES_DIR = join("scripts", "patches");

let rendererHash: string | undefined;

/**
 * A digest of the code that draws charts: every file under src/charts, the data layer's
 * formatting, and the versions of Plot and linkedom with our patches to them (scripts/patches/), so
 * changing the renderer invalidates every entry without a version to bump.
 */
export function rendererVersion(root = process.cwd()): string {
  if (rendererHash) return rendererHash;
  const hash = createHash("sha256");
  const files = [
    ...listFiles(join(root, "src", "charts"), ".ts"),
    join(root, "src", "data", "format.ts"),
    ...listFiles(join(root, DEPENDENCY_PATCHES_DIR)),
  ].sort();
  for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  for (const pkg of ["@observablehq/plot", "linkedom"]) {
    try {
      hash.update(readFileSync(join(root, "node_modules", pkg, "package.json")));
    } catch {
      hash.update(pkg);
    }
  }
  rendererHash = hash.digest("hex").slice(0, 16);
  return rendererHash;
}

/** Every file under `dir` whose name ends with `suffix` (a missing folder has none). */
function listFiles(dir: string, suffix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

/** The key of one chart: its block, its default id, its dataset and any custom module. */
export function chartKey(parts: { block: string; defaultId: string; datasetDigest: string; module?: string }): string {
  return createHash("sha256")
    .update(JSON.stringify({ ...parts, renderer: rendererVersion() }))
    .digest("hex");
}

/** A cache of JSON files, one per chart, under `dir/charts/`. */
export function fileChartCache(dir = defaultCacheDir()): ChartCache {
  const charts = join(dir, "charts");
  return {
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(join(charts, `${key}.json`), "utf8")) as {
          key?: string;
          chart?: RenderedChart;
        };
        if (entry.key !== key || !entry.chart || !Array.isArray(entry.chart.drawings)) return undefined;
        return entry.chart;
      } catch {
        return undefined;
      }
    },
    set(key, chart) {
      writeFileAtomic(join(charts, `${key}.json`), JSON.stringify({ key, chart }));
    },
  };
}

/** A cache that keeps nothing: for tests, and for `--no-cache`. */
export const noChartCache: ChartCache = { get: () => undefined, set: () => undefined };
