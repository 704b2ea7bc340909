// The overlap gate's rule (test/gates/text-boxes.ts), on boxes as Chromium measures them.
import { describe, expect, it } from "vitest";
import { textProblems, type MeasuredSvg } from "../gates/text-boxes.ts";

const box = (text: string, left: number, top: number, width = 40, height = 16) => ({
  text,
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const measured = (...texts: ReturnType<typeof box>[]): MeasuredSvg => ({
  chart: "spend-by-year",
  svg: { left: 0, top: 0, right: 320, bottom: 200 },
  texts,
});

describe("the overlap gate's rule", () => {
  it("names the chart, the width and both texts of a pair that overlap", () => {
    expect(textProblems(measured(box("£12m", 10, 10), box("Camden", 30, 20)), "320 px")).toEqual([
      'spend-by-year at 320 px: "£12m" overlaps "Camden" by 20.0 x 6.0 px',
    ]);
  });

  it("lets boxes share a pixel, as antialiased neighbours do", () => {
    expect(textProblems(measured(box("2021", 10, 10), box("2022", 49, 25)), "1280 px")).toEqual([]);
  });

  it("names a text that leaves the SVG, and by how much", () => {
    expect(textProblems(measured(box("Yorkshire and The Humber", 100, 190)), "320 px")).toEqual([
      'spend-by-year at 320 px: "Yorkshire and The Humber" leaves the SVG by 6.0 px',
    ]);
  });
});
