// A strip of about 150 councils at 320 px: every dot told apart, the highlight on top, labels apart.
import { describe, expect, it } from "vitest";
import { accent } from "../../src/charts/theme.ts";
import { draw } from "./helpers.ts";

const strip =
  "data: councils\ntype: dot\nx: region\ny: rate\nhighlight: { la_name: Northamptonshire }\ntitle: One council among all";

describe("a strip of every council", () => {
  it("draws each region's dots apart at 320 px, none painted over another", () => {
    const narrow = draw(strip).chart!.drawings.find((d) => d.layout === "narrow")!;
    const groups = [...narrow.svg.matchAll(/<g transform="[^"]*" class="points">((?:(?!<\/g>).)*)<\/g>/g)];
    expect(groups).toHaveLength(9);
    for (const [, group] of groups) {
      const dots = [...group!.matchAll(/<circle [^>]*r="([\d.]+)" cy="([\d.-]+)" cx="([\d.-]+)"/g)].map((m) =>
        m.slice(1).map(Number),
      );
      expect(dots.length).toBeGreaterThan(5);
      for (let i = 0; i < dots.length; i++) {
        for (let j = i + 1; j < dots.length; j++) {
          const [[r, y1, x1], [, y2, x2]] = [dots[i]!, dots[j]!];
          expect(Math.hypot(x1! - x2!, y1! - y2!)).toBeGreaterThanOrEqual(2 * r! - 0.5);
        }
      }
    }
    // The highlighted council is the last dot of its region: nothing is drawn over it.
    const accented = groups.find((g) => g[1]!.includes(`fill="${accent}"`))!;
    expect([...accented[1]!.matchAll(/<circle [^>]*>/g)].at(-1)![0]).toContain(`fill="${accent}"`);
  });

  it("stands region names on end when their words are wider than their band, so they do not run together", () => {
    const narrow = draw(strip).chart!.drawings.find((d) => d.layout === "narrow")!;
    expect(narrow.svg).toMatch(/rotate\(-90\)[^>]*>Yorkshire and The Humber</);
  });
});
