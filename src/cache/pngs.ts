// PNGs by content: a chart's PNG is stored under a hash of its standalone SVG, the font files
// and the rasteriser's version, so an unchanged chart is never rasterised twice, and a changed
// font or resvg release redraws everything. Files are written whole (folder.ts).
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { allFontFiles } from "../charts/png/render.ts";
import { defaultCacheDir, writeFileAtomic } from "./folder.ts";

let inputsDigest: string | undefined;

/** Font bytes, resvg's version and our encoder: what besides the SVG decides the file. */
export function rasteriserDigest(): string {
  if (inputsDigest) return inputsDigest;
  const hash = createHash("sha256");
  for (const file of allFontFiles) hash.update(readFileSync(file));
  const require = createRequire(import.meta.url);
  hash.update(readFileSync(require.resolve("@resvg/resvg-js/package.json")));
  // Our own part of rasterising: the resvg options and the PNG encoder.
  // (Read from the project, not beside this module: Astro runs it from a bundle elsewhere.)
  for (const file of ["render.ts", "encode.ts"]) {
    hash.update(readFileSync(join(process.cwd(), "src", "charts", "png", file)));
  }
  inputsDigest = hash.digest("hex");
  return inputsDigest;
}

export function pngKey(svg: string): string {
  return createHash("sha256").update(rasteriserDigest()).update(svg).digest("hex");
}

export const pngCachePath = (key: string, dir = defaultCacheDir()) => join(dir, "png", `${key}.png`);

// The eight bytes every PNG starts with, and the IEND chunk every complete one ends with.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether a file's first and last bytes are those of a whole PNG (not one cut off mid-write). */
const isWholePng = (head: Buffer, tail: Buffer) => head.equals(SIGNATURE) && tail.equals(IEND);

/** The cached PNG, or undefined when it is missing or not a whole PNG (a cut-off write, say). */
export function readCachedPng(key: string, dir?: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bytes = readFileSync(pngCachePath(key, dir));
    if (!isWholePng(bytes.subarray(0, SIGNATURE.length), bytes.subarray(-IEND.length))) return undefined;
    return new Uint8Array(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a whole PNG is cached under `key`, reading only its first and last bytes. */
export function hasCachedPng(key: string, dir?: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(pngCachePath(key, dir), "r");
    const size = fstatSync(fd).size;
    if (size < SIGNATURE.length + IEND.length) return false;
    const head = Buffer.alloc(SIGNATURE.length);
    const tail = Buffer.alloc(IEND.length);
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return isWholePng(head, tail);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const writeCachedPng = (key: string, png: Uint8Array, dir?: string) =>
  writeFileAtomic(pngCachePath(key, dir), png);
