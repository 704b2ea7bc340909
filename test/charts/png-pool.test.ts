import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngCachePath, pngKey, readCachedPng } from "../../src/cache/pngs.ts";
import { renderPngs, startPngPool } from "../../src/charts/png/pool.ts";
import { renderPng } from "../../src/charts/png/render.ts";
import { standaloneSvg } from "../../src/charts/standalone.ts";
import { draw } from "./helpers.ts";

const blocks = [
  "data: budget\ntype: column\nx: year\ny: overspend\ntitle: One",
  "data: lines\ntype: bar\ny: line\nx: forecast\ntitle: Two",
  "data: staff\ntype: line\nx: month\ny: vacancies\nseries: team\ntitle: Three",
];
const svgs = blocks.map((block, i) => standaloneSvg({ ...draw(block).chart!, id: `chart-${i}` }).svg);

describe("rasterising on worker threads", () => {
  it("writes the same PNG bytes as drawing one at a time, and skips what is cached", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "plotline-png-"));
    const first = await renderPngs(
      svgs.map((svg) => ({ svg })),
      { threads: 2, cacheDir },
    );
    expect(first).toMatchObject({ drawn: 3, cached: 0 });
    for (const svg of svgs) expect(readCachedPng(pngKey(svg), cacheDir)).toEqual(renderPng(svg));
    const again = await renderPngs(
      svgs.map((svg) => ({ svg })),
      { threads: 2, cacheDir },
    );
    expect(again).toMatchObject({ drawn: 0, cached: 3 });
  });

  it("draws again a cached PNG that was cut off", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "plotline-png-"));
    await renderPngs([{ svg: svgs[0]! }], { cacheDir });
    const path = pngCachePath(pngKey(svgs[0]!), cacheDir);
    writeFileSync(path, readFileSync(path).subarray(0, 500));
    expect(readCachedPng(pngKey(svgs[0]!), cacheDir)).toBeUndefined();
    expect(await renderPngs([{ svg: svgs[0]! }], { cacheDir })).toMatchObject({ drawn: 1 });
    expect(readCachedPng(pngKey(svgs[0]!), cacheDir)).toEqual(renderPng(svgs[0]!));
  });

  it("keys a PNG on its SVG", () => {
    expect(pngKey(svgs[0]!)).toBe(pngKey(svgs[0]!));
    expect(pngKey(svgs[0]!)).not.toBe(pngKey(svgs[1]!));
  });
});

describe("the streaming pool the build uses", () => {
  it("draws each distinct chart once, counting repeats and cached charts", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "plotline-png-"));
    await renderPngs([{ svg: svgs[0]! }], { cacheDir });
    const pool = startPngPool({ threads: 2, cacheDir });
    const keys = [svgs[0]!, svgs[1]!, svgs[1]!, svgs[2]!].map((svg) => pool.add(svg));
    expect(keys).toEqual([svgs[0]!, svgs[1]!, svgs[1]!, svgs[2]!].map((svg) => pngKey(svg)));
    expect(await pool.finish()).toMatchObject({ drawn: 2, cached: 1 });
    for (const svg of svgs) expect(readCachedPng(pngKey(svg), cacheDir)).toEqual(renderPng(svg));
  });

  it("counts a chart by a known key only when that PNG is whole in the cache", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "plotline-png-"));
    await renderPngs([{ svg: svgs[0]! }], { cacheDir });
    const pool = startPngPool({ cacheDir });
    expect(pool.addCached(pngKey(svgs[0]!))).toBe(true);
    expect(pool.addCached(pngKey(svgs[1]!))).toBe(false);
    expect(await pool.finish()).toMatchObject({ drawn: 0, cached: 1 });
  });

  it("finishes at once when nothing needed drawing, and starts no worker", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "plotline-png-"));
    expect(await startPngPool({ cacheDir }).finish()).toEqual({ drawn: 0, cached: 0, meanMs: 0 });
  });
});
describe("the PNG encoder", () => {
  it("writes a PNG that resvg's own decoder reads back pixel for pixel", async () => {
    const { Resvg } = await import("@resvg/resvg-js");
    const { encodePng } = await import("../../src/charts/png/encode.ts");
    const image = new Resvg(svgs[0]!, { fitTo: { mode: "width", value: 300 }, background: "#ffffff" }).render();
    const png = encodePng(image.width, image.height, image.pixels);
    // Draw the encoded PNG inside an SVG, at its own size: resvg decodes it, and the pixels must match.
    const wrapper =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">` +
      `<image width="${image.width}" height="${image.height}" href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
    const decoded = new Resvg(wrapper).render();
    expect(decoded.width).toBe(image.width);
    expect(Buffer.compare(decoded.pixels, image.pixels)).toBe(0);
  });
});
