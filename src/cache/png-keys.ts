// Each chart's PNG key, remembered by the chart's content. Working a key out means building the
// chart's standalone SVG (about 1 ms a chart), which at 3,000 charts was 2.4 s of every build
// after a one-story edit. Kept in the cache folder beside the PNGs; a missing or unreadable file
// only means the keys are worked out again.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedChart } from "../charts/render.ts";
import { blobId, drawingByBlob } from "./blobs.ts";
import { rendererVersion } from "./charts.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";
import { rasteriserDigest } from "./pngs.ts";

export interface PngKeyMemo {
  /**
   * The chart's PNG key: the one remembered for a chart of exactly this content when `usable`
   * accepts it (its PNG is in the cache, say), else the one `workOut` returns, remembered.
   */
  keyOf(chart: RenderedChart, usable: (key: string) => boolean, workOut: () => string): string;
  /** Writes the keys used by this build (and only those, so the file never grows stale). */
  save(): void;
}

export function openPngKeyMemo(dir = defaultCacheDir()): PngKeyMemo {
  const file = join(dir, "png-keys.json");
  let known: Record<string, string> = {};
  try {
    known = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    // No memo yet, or a damaged one: every key is worked out again.
  }
  const used: Record<string, string> = {};
  // The renderer's code (standalone SVGs included) and the rasteriser's fonts and version are
  // part of the digest, so a change to either forgets every key.
  const salt = rendererVersion() + rasteriserDigest();
  // Drawings count by their SVG's digest, which a chart from the story cache has without
  // reading the SVG (blobs.ts).
  const digest = ({ drawings, ...chart }: RenderedChart) =>
    createHash("sha256")
      .update(salt)
      .update(JSON.stringify({ ...chart, drawings: drawings.map((d) => drawingByBlob(d, blobId)) }))
      .digest("hex");
  return {
    keyOf(chart, usable, workOut) {
      const id = digest(chart);
      const remembered = known[id];
      const key = typeof remembered === "string" && usable(remembered) ? remembered : workOut();
      used[id] = key;
      return key;
    },
    save() {
      writeFileAtomic(file, JSON.stringify(used));
    },
  };
}
