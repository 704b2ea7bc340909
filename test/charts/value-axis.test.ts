// The value axis prints each tick once: a step finer than the format's decimals would repeat labels.
import { describe, expect, it } from "vitest";
import { draw } from "./helpers.ts";

describe("a value axis of small whole numbers", () => {
  it("labels each tick differently when every value is 1 (not 0 0 0 1 1 1)", () => {
    for (const type of ["bar", "column"]) {
      const keys = type === "bar" ? "y: area\nx: homes" : "x: area\ny: homes";
      const { chart } = draw(`data: homes\ntype: ${type}\n${keys}\ntitle: One home in each area`);
      for (const drawing of chart!.drawings) {
        const axis = /<g style="font-variant-numeric:tabular-nums"[^>]*>([\s\S]*?)<\/g>/.exec(drawing.svg);
        expect(axis, `${type} ${drawing.layout}`).not.toBeNull();
        const labels = [...axis![1]!.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
        expect(labels.length, `${type} ${drawing.layout}`).toBeGreaterThanOrEqual(2);
        expect(new Set(labels).size, `${type} ${drawing.layout}: ${labels.join(" ")}`).toBe(labels.length);
      }
    }
  });
});
